"""Dated events: what happened, when (resolved against the publication day and zone), and who took part."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from spacy.tokens import Doc, Span

from .actors import Actors
from .sentences import sentences, text_of
from .timex import Timex, find_dates, find_times

FUTURE_MARKERS = {"will", "'ll", "’ll", "shall", "would", "wo"}
PARTICIPANT_KINDS = ("person", "government", "country", "organization", "market_index")


@dataclass
class Event:
    date: dt.date | None
    time: str | None
    action: str
    actors: list[str]
    text: str
    start: int
    end: int
    expression: str
    approximate: bool = False
    period: str | None = None  # "2024", "2025-06", "2025-W27": the span a vague expression names instead of a day

    def row(self) -> dict:
        return {
            "date": self.date.isoformat() if self.date and not self.period else None, "time": self.time,
            "action": self.action, "actors": self.actors, "text": self.text, "start": self.start, "end": self.end,
            "expression": self.expression or None, "approximate": self.approximate, "period": self.period,
            "date_basis": "published" if not self.expression else "text",
        }  # fmt: skip


def find_events(
    doc: Doc, actors: Actors, published: dt.date | None, timezone: str | None, skip: list[tuple[int, int]]
) -> tuple[list[Event], list[tuple[int, int]]]:
    """One event per dated clause; also returns the spans of every date and time expression found."""
    events: list[Event] = []
    spans: list[tuple[int, int]] = []
    stamps = _entry_stamps(text_of(doc))
    anchors: list[Timex] = []  # the days named so far, for "the same day" and "two days after"
    last_named, running = -9, None  # the last sentence whose own event has a named day, and that day
    for n, sent in enumerate(sentences(doc)):
        if not sent.text.strip():
            continue
        stamp = next((t for t in reversed(stamps) if t.start <= sent.start_char), None)
        if stamp is not None and stamp.start <= sent.start_char < stamp.end + 2:
            spans.append((stamp.start, stamp.end))
            continue  # the stamp line itself: its time goes to the entry's events below
        body = sent.text
        dates = [_shift(t, sent.start_char) for t in find_dates(body, published)]
        dates = [_future_if_needed(doc, t, published) for t in dates]
        times = [_shift(t, sent.start_char) for t in find_times(body)]
        # "in 21 days" is a date and a duration both: the figure keeps its number
        spans += [(t.start, t.end) for t in dates + times if t.kind != "offset"]
        dates = [t for t in dates if not _inside(t, skip) and not _is_baseline(doc, t)]
        times = [t for t in times if not _inside(t, skip)]
        seen: set[tuple[dt.date | None, str | None]] = set()
        used: set[int] = set()
        for d in dates:
            if (d.date, d.period) in seen or d.date is None:
                continue
            seen.add((d.date, d.period))
            day, time = d.date, None
            near = min(times, key=lambda t: abs(t.start - d.start), default=None)
            if near is not None and abs(near.start - d.start) < 40 and d.period is None:
                day, time = _in_zone(day, near, timezone)
                used.add(near.start)
            if time is None and stamp is not None and day == published and d.period is None:
                day, time = _in_zone(day, stamp, timezone)  # a live-blog entry's events happen at its stamp
            events.append(_event(doc, actors, sent, d, day, time))
            if last_named != n and d.period is None and not _bounds(doc, d) and not _under_clause(doc, sent, d):
                last_named, running = n, day  # the day (in the story's zone) the sentence's own event is on
        for r in (r for r in _relative_days(doc, sent, dates, anchors) if not _inside(r, skip)):
            if (r.date, None) not in seen:
                seen.add((r.date, None))
                events.append(_event(doc, actors, sent, r, r.date, None))
                if last_named != n and r.date is not None and not _under_clause(doc, sent, r):
                    last_named, running = n, r.date
            if r.kind == "same-day":
                dates.append(r)  # "told reporters the same day" is dated: no "today" for it below
        named = [d for d in dates if d.date is not None and d.period is None and not _bounds(doc, d)]
        anchors += named
        loose = [t for t in times if t.start not in used]
        if loose and published:  # "In a post at about 5:10 p.m. ET, Trump said ... from Nov. 1": the post is today
            # "The Senate on Thursday voted ... The vote closed at 2:47 p.m.": a time a sentence or two after a
            # day of this week is on that day
            day, time = _in_zone(_running_day(running, n - last_named, published), loose[0], timezone)
            events.append(_event(doc, actors, sent, loose[0], day, time))
        elif (
            not times
            and published
            and not _inside_any(sent, skip)
            and all(d.date is None or d.date > published or _under_clause(doc, sent, d) for d in dates)
            and _happens_that_day(doc, sent, actors, any(d.date is not None and d.date <= published for d in dates))
        ):
            market = MARKET_SESSION.search(sent.text)  # "shares rose in afternoon trading": today's session
            on = published if market else _running_day(running, n - last_named, published)
            today = Timex(sent.start_char, sent.end_char, "", "published", on, approximate=True)
            day, time = _in_zone(published, stamp, timezone) if stamp is not None else (on, None)
            events.append(_event(doc, actors, sent, today, day, time))
        elif not times and not dates and published and stamp is not None and _acts_now(sent, actors):
            today = Timex(sent.start_char, sent.end_char, "", "published", published, approximate=True)
            day, time = _in_zone(published, stamp, timezone)
            events.append(_event(doc, actors, sent, today, day, time))
    return events, spans


MARKET_SESSION = re.compile(r"\b(?:trading|shares|stocks|index|indices|benchmark|futures)\b", re.I)


def _running_day(anchor: dt.date | None, since: int, published: dt.date) -> dt.date:
    """The day a sentence without one is on: "The Senate on Thursday voted ... The vote closed at 2:47 p.m.",
    a day of this week named a sentence or two before; else the day of publication."""
    recent = anchor if 0 < since <= 2 else None
    return recent if recent is not None and 0 <= (published - recent).days <= 6 else published


STAMP_LINE = re.compile(r"(?m)^[ \t]*(\d{1,2})[:.](\d{2})(?:[ \t]+([A-Z]{2,5}))?[ \t]*$")


def _entry_stamps(text: str) -> list[Timex]:
    """A live blog's entry stamps: lines that hold only a clock time ("10:42 BST"); two or more make a live
    blog, and each entry's undated events happen at its stamp."""
    out = []
    for m in STAMP_LINE.finditer(text):
        h, mi = int(m.group(1)), int(m.group(2))
        if h > 23 or mi > 59:
            continue
        zone = find_times(f"{h:02d}:{mi:02d} {m.group(3)}")[0].zone if m.group(3) else None
        out.append(Timex(m.start(), m.end(), m.group(0).strip(), "time", time=f"{h:02d}:{mi:02d}", zone=zone))
    return out if len(out) >= 2 else []


def _acts_now(sent: Span, actors: Actors) -> bool:
    """A live-blog sentence that reports something an actor has just done ("has just posted on X", "told us")."""
    verb = sent.root
    if verb.pos_ not in ("VERB", "AUX") or any(c.lower_ in FUTURE_MARKERS for c in verb.children):
        return False
    if not (verb.tag_ == "VBD" or any(c.lower_ in ("has", "have") for c in verb.children if c.dep_ == "aux")):
        return False
    who = actors.at(sent.start_char, sent.end_char, kinds=PARTICIPANT_KINDS)
    return who is not None


MARKET_MOVE = re.compile(r"\b(closed|ended|finished|rose|fell|gained|lost|jumped|slid|dropped|climbed|surged|tumbled|plunged|"
                         r"rallied|sank|slumped|soared|edged)\b", re.I)  # fmt: skip
STATEMENT = re.compile(
    r"\b(in a statement|said in a statement|news conference|press conference|told reporters|press briefing)\b", re.I
)


def _inside_any(sent: Span, skip: list[tuple[int, int]]) -> bool:
    return any(a <= sent.start_char and sent.end_char <= b for a, b in skip)


INTERVIEW_BEFORE = re.compile(r"\b(?:told|in an interview with)\s+$", re.I)
TRADED_THING = re.compile(
    r"\b(shares|stocks?|index|yen|dollar|euro|yuan|won|rupee|peso|currency|bonds?|yields?)\b", re.I
)


def _happens_that_day(doc: Doc, sent: Span, actors: Actors, dated: bool = False) -> bool:
    """Undated sentences a story tells of its own day: a market close, a statement, press conference or
    interview ("Lutnick told CNBC"). With a date only in a clause under it ("Shares fell 6% after the CEO told
    analysts on Thursday"), only the market move counts: its own day is the story's."""
    if not dated and STATEMENT.search(sent.text):
        return True
    text = text_of(doc)
    media = [s for a in actors.by_id.values() if a.kind == "media" for s, _ in a.spans]
    if not dated and any(
        sent.start_char <= s < sent.end_char and INTERVIEW_BEFORE.search(text[max(0, s - 30) : s]) for s in media
    ):
        return True
    root = sent.root
    if dated:
        subject = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        return (
            bool(MARKET_MOVE.fullmatch(root.text))
            and root.tag_ == "VBD"
            and any(TRADED_THING.search(" ".join(w.text for w in c.subtree)) for c in subject)
        )
    index = actors.at(sent.start_char, sent.end_char, kinds=("market_index",))
    return index is not None and bool(MARKET_MOVE.search(sent.text))


SUBORDINATORS = {"after", "before", "since", "when", "as", "following", "until", "once", "because", "while"}


def _under_clause(doc: Doc, sent: Span, t: Timex) -> bool:
    """Whether a date sits in a clause that tells what came before or caused the main one ("fell ... after the
    CEO told analysts on Thursday evening"), so that it does not date the main verb."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.head.i != tok.i and tok.i != sent.root.i:
        if tok.pos_ in ("VERB", "AUX") and (
            any(c.dep_ in ("mark", "prep") and c.lower_ in SUBORDINATORS for c in tok.children if c.i < tok.i)
            or (tok.dep_ == "pcomp" and tok.head.lower_ in SUBORDINATORS)
        ):
            return True
        tok = tok.head
    return False


# A date a level or a move is measured against is no event of its own: "to 148.4, from 147.90 late Thursday",
# "up 0.3 per cent on yesterday's close", "little changed from Friday", "higher than on Monday".
# A bare "from 125% on Thursday" may date the move itself ("raised to 145% from 125% on Thursday"), so a level
# is a baseline only with "late"/"early" before its day.
BASELINE_BEFORE = re.compile(
    r"(?:\bfrom\s+(?:about\s+|around\s+)?[$€£¥]?[\d.,]+\s*(?:%|per ?cent|percent|points)?\s+(?:late|early)"
    r"|\b(?:changed|unchanged)\s+(?:from|against)|\bcompared\s+(?:with|to)|\bversus|\bthan"
    r"|\b(?:up|down|higher|lower)\s+(?:from|against))"
    r"\s+(?:on\s+)?$",
    re.I,
)
BASELINE_AFTER = re.compile(r"^(?:'s|’s)\s+(?:close|closing|level|levels|session|finish|settlement|high|low)\b", re.I)


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
# "the same day", "that evening", "the next day": the day of the event told just before, moved by `step` days.
ANAPHORIC_DAY = re.compile(
    r"\b(?:(?:later |earlier )?that (?:same )?(?:day|morning|afternoon|evening|night)"
    r"|the same (?:day|morning|afternoon|evening|night)|(?P<next>the (?:next|following) day)"
    r"|(?P<prev>the previous day))\b",
    re.I,
)
# "two days after Trump threatened ...", "a week before the vote", "three days later".
DAY_OFFSET = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>after|before|later|earlier)\b",
    re.I,
)


def _relative_days(doc: Doc, sent: Span, dates: list[Timex], anchors: list[Timex]) -> list[Timex]:
    """Days told relative to another event's day, resolved only when that day is known: "Leavitt told reporters
    the same day", "ministers clashed on Monday, two days after Trump threatened ..." (the threat is Saturday),
    "The move came two days after ..." (two days before the event the paragraph before was about)."""
    text = text_of(doc)
    out = []
    found = [(m, 0) for m in ANAPHORIC_DAY.finditer(sent.text)] + [(m, 1) for m in DAY_OFFSET.finditer(sent.text)]
    for m, is_offset in found:
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if any(d.start < end and start < d.end for d in dates):
            continue
        if is_offset:
            days = (NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))) * (
                7 if m.group("unit").lower().startswith("week") else 1
            )
            direction = m.group("dir").lower()
            if direction in ("after", "before") and any(d.start >= end and not _bounds(doc, d) for d in dates):
                continue  # "a day after Beijing announced controls on Thursday": the clause has its own date
            step = {"after": -days, "before": days, "later": days, "earlier": -days}[direction]
        else:
            step = 1 if m.group("next") else -1 if m.group("prev") else 0
        anchor = _anchor(text, [d for d in dates if d.end <= start and d.date and d.period is None], anchors, sent)
        if anchor is None:
            continue
        kind = "offset-day" if is_offset else "same-day"
        out.append(Timex(start, end, m.group(0), kind, anchor.date + dt.timedelta(days=step)))
    return out


BOUND_BEFORE = re.compile(r"\b(?:since|until|till|from|through|starting|effective|by|before|after)\s+(?:on\s+)?$", re.I)


def _bounds(doc: Doc, t: Timex) -> bool:
    """A date that bounds a span ("since April 10", "from August 1", "by July 21") is no event's day to count from."""
    return bool(BOUND_BEFORE.search(text_of(doc)[max(0, t.start - 20) : t.start]))


def _anchor(text: str, before: list[Timex], anchors: list[Timex], sent: Span) -> Timex | None:
    """The day a relative expression counts from: a day named earlier in its sentence, else the first day named
    in its paragraph, else the first day of the paragraph before (where "The move" was told)."""
    if before:
        return before[-1]
    para = text.rfind("\n", 0, sent.start_char) + 1
    here = [a for a in anchors if para <= a.start < sent.start_char]
    if here:
        return here[0]
    j = para
    while j > 0 and text[j - 1].isspace():
        j -= 1
    prev = text.rfind("\n", 0, j) + 1
    earlier = [a for a in anchors if prev <= a.start < j]
    return earlier[0] if earlier and j > 0 else None


def _is_baseline(doc: Doc, t: Timex) -> bool:
    text = text_of(doc)
    return bool(
        BASELINE_BEFORE.search(text[max(0, t.start - 60) : t.start]) or BASELINE_AFTER.match(text[t.end : t.end + 20])
    )


def _shift(t: Timex, by: int) -> Timex:
    return Timex(t.start + by, t.end + by, t.text, t.kind, t.date, t.time, t.zone, t.approximate, t.period)


def _inside(t: Timex, skip: list[tuple[int, int]]) -> bool:
    return any(a <= t.start < b for a, b in skip)


def _future_if_needed(doc: Doc, t: Timex, published: dt.date | None) -> Timex:
    """A weekday in a clause about the future is the next one, not the last: "will meet on Thursday",
    "would take effect on Saturday", "take effect on Thursday", "threatened to impose from Friday"; likewise a
    month and day long past ("will rise on Jan. 1" in October) is next year's."""
    if published is None or t.date is None:
        return t
    stale = (published - t.date).days > FUTURE_ROLL_DAYS
    if t.kind == "absolute" and stale and not re.search(r"\d{4}", t.text):
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and _speaks_of_future(span.root):  # "is set to rise to 50 per cent on Jan. 1"
            later = _next_year(t.date)
            return Timex(t.start, t.end, t.text, t.kind, later, approximate=t.approximate) if later else t
        return t
    if t.kind != "weekday" or (t.text.split()[0].lower() == "last"):
        return t
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not _speaks_of_future(span.root):
        return t
    day = find_dates(t.text, published, future=True)
    return Timex(t.start, t.end, t.text, t.kind, day[0].date if day else t.date, approximate=t.approximate)


# A month and day without a year, months before publication, in a clause about the future, is next year's;
# weeks before, it is a plan already under way ("will apply retroactively from Aug. 7").
FUTURE_ROLL_DAYS = 120


def _next_year(day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # February 29
        return None


RESULT_INFINITIVES = {"close", "end", "finish", "settle"}


def _speaks_of_future(tok) -> bool:
    """The tense of the verb a date hangs on: modal or present or infinitive is future, past is past;
    a participle ("rising 6% on Tuesday") takes the tense of the verb it depends on."""
    verb = tok
    for _ in range(8):
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_MARKERS for a in aux):
            return True
        if any(a.tag_ in ("VBD", "VBN") or a.lower_ in ("had", "has", "have", "did", "was", "were") for a in aux):
            return False
        if verb.tag_ in ("VBD", "VBN"):
            return False
        if (
            verb.tag_ == "VB"
            and verb.lemma_.lower() in RESULT_INFINITIVES
            and verb.head.i != verb.i
            and verb.head.tag_ in ("VBD", "VBN")
        ):
            return False  # "rose 0.7% to close at 7,197 on Wednesday": the close is the rise's result, past
        if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(a.lower_ == "to" for a in aux)):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _in_zone(day: dt.date, t: Timex, timezone: str | None) -> tuple[dt.date, str]:
    """A clock time written in another zone ("4 p.m. ET") is moved into the article's zone."""
    if not t.zone or not timezone or t.zone == timezone:
        return day, t.time
    h, m = map(int, t.time.split(":"))
    moment = dt.datetime(day.year, day.month, day.day, h, m, tzinfo=ZoneInfo(t.zone)).astimezone(ZoneInfo(timezone))
    return moment.date(), moment.strftime("%H:%M")


def _event(doc: Doc, actors: Actors, sent: Span, t: Timex, day: dt.date, time: str | None) -> Event:
    text = text_of(doc)
    s, e = sent.start_char, sent.end_char
    if t.text:  # keep to the paragraph the date is in
        s = max(s, text.rfind("\n", 0, t.start) + 1)
        nl = text.find("\n", t.end)
        e = min(e, nl) if nl >= 0 else e
    while e > s and text_of(doc)[e - 1].isspace():
        e -= 1
    while s < e and (text_of(doc)[s].isspace() or text_of(doc)[s] in '"”’'):
        s += 1  # a closing quote mark the parser left at the start of the next sentence
    who = []
    for a in actors.by_id.values():
        if a.kind in PARTICIPANT_KINDS and any(s <= ms < e for ms, _ in a.spans) and a.id not in who:
            who.append(a.id)
    return Event(date=day, time=time, action=_action(doc, t), actors=who, text=text_of(doc)[s:e], start=s, end=e,
                 expression=t.text, approximate=t.approximate, period=t.period)  # fmt: skip


def _action(doc: Doc, t: Timex) -> str:
    """A short verb phrase for the clause the date belongs to: "call started", "appointed negotiators"."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return ""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.pos_ == "NOUN" and verb.dep_ in ("pobj",) and verb.head.lower_ in ("during", "at", "after", "before"):
            return verb.lemma_
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return span.root.head.lemma_
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subj = verb.head
    if obj is not None:
        return f"{verb.lemma_} {_phrase(obj)}"
    if subj is not None:
        return f"{_phrase(subj)} {verb.lemma_}"
    return verb.lemma_


def _phrase(tok) -> str:
    words = [c.text for c in tok.lefts if c.dep_ in ("compound", "amod", "nummod")] + [tok.text]
    return " ".join(words)
