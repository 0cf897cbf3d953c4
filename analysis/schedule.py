"""The tariff schedule: which additional US "reciprocal" rate applied to whom and when, and whether an article agrees.

Everything is read from the two bundled files (see data/SOURCES.md); this module only applies their rows.
The rules that are not a plain "latest row wins" (an ALL row that spares China, Hong Kong taking China's rate, …)
sit in the dicts below, each citing the row or note it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from .claims import CLAIM_COLUMNS
from .errors import BadInput, DataInvalid
from .paths import DATA_DIR

ANNEX_PATH = DATA_DIR / "tariff_annex_i_2025-04-02.csv"
TIMELINE_PATH = DATA_DIR / "tariff_timeline_2025.csv"
ANNEX_COLUMNS = ["country", "iso3", "rate_percent", "source", "note"]
TIMELINE_COLUMNS = ["date", "effective", "country", "rate_percent", "measure", "document", "source", "note"]
ANNOUNCED_COLUMNS = ["announced", "effective", "rate_percent", "status", "measure", "document", "source", "note"]
NO_MEASURE = "no reciprocal tariff in force"
OPEN = ("in force", "pending", "suspended")  # statuses an article may still correctly quote
CHINA = "CHN"  # the pauses and the 7 Aug baseline spare China (their notes: "except China", "Does not alter China's")

# How a timeline row whose country is ALL bears on one partner, keyed by its `measure`. To add one, map the new
# measure to a rule and cite its note; load_timeline rejects ALL rows whose measure is not listed here.
#   everyone: every partner, at the row's rate          annex: Annex I partners, at their rate in the annex file
#   pause:    Annex I partners but China, suspended at the row's rate
#   others:   partners not named in a 'new Annex I rate' row, but China; the data cannot say which they are
#   marker:   an event, not a rate
ALL_ROWS = {
    "baseline 10%": "everyone",
    "country-specific rate (Annex I, 57 partners)": "annex",
    "annex correction": "marker",  # announcement only; the annex file already holds the revised values
    "country-specific rates take effect": "marker",  # the annex row above taking effect, not a new rate
    "90-day pause": "pause",
    "pause extended to 2025-08-01": "pause",
    "baseline for partners not in new Annex I": "others",
}
PAUSES = {"90-day pause", "pause extended to 2025-08-01"}  # a partner's own row with one of these is a suspension
# Partners that pay another's rate: {code: (whose, why)}. Hong Kong and Macau per the annex's China note; EU member
# states pay the EU's rate (membership: https://european-union.europa.eu/principles-countries-history/eu-countries_en).
EU_MEMBERS = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE"
)
SAME_RATE_AS = {
    "HKG": (CHINA, "Hong Kong pays China's rate (EO 14257 sec. 3(j))."),
    "MAC": (CHINA, "Macau pays China's rate (EO 14257 sec. 3(j))."),
} | {code: ("EUU", "EU member: the European Union's rate applies.") for code in EU_MEMBERS.split()}
# Partners outside this schedule: {code: why}. Canada and Mexico per the baseline row's note.
NOT_COVERED = {
    "CAN": "Canada is handled under separate border orders (EO 14257 sec. 3(d)-(e)), not tracked here",
    "MEX": "Mexico is handled under separate border orders (EO 14257 sec. 3(d)-(e)), not tracked here",
    "USA": "the schedule taxes imports into the United States, not US goods",
}
# Rows whose note gives them a fixed life with no later row in the data: {measure: days}. Past it the data cannot say.
LAPSES = {"China reduction (Geneva joint statement)": 90}  # note: "24 pp of the 34% suspended for 90 days"
_FIRST_POSTED = re.compile(r"First-posted annex[^;]*?listed (\d+(?:\.\d+)?)% \(([^)]*)\)")


@dataclass(frozen=True)
class RateOnDay:
    """The additional reciprocal rate on one partner's goods on one day, with the row it comes from.

    `start`/`end` bound the row's spell in force (both inclusive; `end` None when the data shows no later change).
    `gap` says why the data cannot answer (partner outside the schedule, a partner the data does not list, past
    the data's end); it is "" when `covered`. Past a lapse or the data's end, `rate_percent` keeps the last known rate.
    """

    country: str
    day: date
    rate_percent: float | None
    measure: str
    document: str
    source: str
    start: date | None
    end: date | None
    note: str
    gap: str = ""

    @property
    def covered(self) -> bool:
        return not self.gap


@dataclass(frozen=True)
class _Step:
    """One timeline row as it bears on one partner."""

    announced: date
    effective: date | None
    rate: float | None
    kind: str  # "rate", "pause" (a suspension at `rate`) or "gap" (the data does not say)
    measure: str
    document: str
    source: str
    note: str
    specific: bool  # the row names the partner, so it beats an ALL row of the same dates
    annex: bool = False  # an Annex I country rate, which a pause suspends rather than replaces
    until: date | None = None  # withdrawn on this day (a first-posted annex value)


def load_annex(path: Path = ANNEX_PATH) -> pd.DataFrame:
    """Annex I of EO 14257 as revised 3 Apr 2025, checked; raises DataInvalid if the file breaks its rules.

    Columns: country (str), iso3 (ISO 3166-1 alpha-3, or EUU for the EU), rate_percent (float, additional duty in %),
    source (str), note (str, "" when none).
    """
    return _read(Path(path), "annex", _mtime(path)).copy()


def load_timeline(path: Path = TIMELINE_PATH) -> pd.DataFrame:
    """Dated tariff actions of 2025, checked; raises DataInvalid if the file breaks its rules.

    Columns: date (datetime.date, announced), effective (datetime.date or None when not set), country (ISO3, EUU or
    ALL), rate_percent (float, NaN where the row refers to the annex or sets no rate), measure, document, source, note.
    """
    return _read(Path(path), "timeline", _mtime(path)).copy()


def _mtime(path: Path | str) -> int:
    try:
        return Path(path).stat().st_mtime_ns
    except OSError as exc:
        raise DataInvalid(f"cannot read the file ({exc.strerror})", path=path) from None


@lru_cache(maxsize=16)
def _read(path: Path, which: str, mtime: int) -> pd.DataFrame:
    """Read and check one file; cached per path and modification time, so an edited file is read again."""
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataInvalid(f"not a readable UTF-8 CSV ({exc})", path=path) from None
    columns = ANNEX_COLUMNS if which == "annex" else TIMELINE_COLUMNS
    if missing := [c for c in columns if c not in df.columns]:
        raise DataInvalid(f"missing column(s) {', '.join(missing)}; expected {', '.join(columns)}", path=path)
    df = df[columns].apply(lambda col: col.str.strip())
    problems = _problems_annex(df) if which == "annex" else _problems_timeline(df)
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise DataInvalid("; ".join(problems[:3]) + more, path=path)
    df["rate_percent"] = pd.to_numeric(df["rate_percent"].replace("", None)).astype(float)
    if which == "timeline":
        for col in ("date", "effective"):
            df[col] = pd.Series([_iso(v) for v in df[col]], index=df.index, dtype=object)
    return df


def _problems_common(df: pd.DataFrame, code_col: str, extra: set[str], *, blank_rate_ok: bool) -> list[str]:
    out = []
    for i, row in df.iterrows():
        line = f"line {i + 2}"  # the header is line 1
        if not row["source"]:
            out.append(f"{line}: empty source (every row must name where its number comes from)")
        code = row[code_col]
        if code not in extra and (code != code.upper() or pycountry.countries.get(alpha_3=code) is None):
            out.append(f"{line}: {code_col} {code!r} is not an ISO 3166-1 alpha-3 code (or one of {sorted(extra)})")
        rate = pd.to_numeric(row["rate_percent"] or None, errors="coerce")
        if not row["rate_percent"] and not blank_rate_ok:
            out.append(f"{line}: rate_percent is empty")
        elif row["rate_percent"] and not (pd.notna(rate) and 0 <= rate <= 1000):
            out.append(f"{line}: rate_percent {row['rate_percent']!r} is not a number from 0 to 1000")
    return out


def _problems_annex(df: pd.DataFrame) -> list[str]:
    out = _problems_common(df, "iso3", {"EUU"}, blank_rate_ok=False)
    out += [f"iso3 {code} appears more than once" for code in sorted(set(df.iso3[df.iso3.duplicated()]))]
    return out + [f"line {i + 2}: empty country name" for i in df.index[df.country == ""]]


def _problems_timeline(df: pd.DataFrame) -> list[str]:
    out = []
    for i, row in df.iterrows():
        line = f"line {i + 2}"
        announced, effective = _iso(row["date"]), _iso(row["effective"])
        if not announced or effective is False:
            out.append(f"{line}: date {row['date']!r} / effective {row['effective']!r} must be YYYY-MM-DD")
        elif effective and effective < announced and "retroactiv" not in row["note"].lower():
            out.append(
                f"{line}: effective {effective} is before the announcement {announced} (say 'retroactive' in the note)"
            )
        if row["country"] == "ALL" and row["measure"] not in ALL_ROWS:
            out.append(
                f"{line}: ALL row with unknown measure {row['measure']!r}; add it to ALL_ROWS in analysis/schedule.py"
            )
        if row["country"] != "ALL" and not row["rate_percent"]:
            out.append(f"{line}: a row for {row['country']} needs a rate_percent")
    return out + _problems_common(df, "country", {"EUU", "ALL"}, blank_rate_ok=True)


def _iso(text: str) -> date | None | bool:
    """'YYYY-MM-DD' as a date, '' as None, anything else False."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return False


def iso3(country: str) -> str:
    """ISO 3166-1 alpha-3 for a code or name ('jpn', 'Japan', 'JP'; 'EU' → 'EUU'); raises BadInput if unknown."""
    text = str(country).strip()
    if text.upper() in {"EU", "EUU", "EUROPEAN UNION"}:
        return "EUU"
    if found := _annex_names().get(text.lower()):
        return found
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        raise BadInput(f"unknown country {text!r}", "pass an ISO 3166-1 alpha-3 code such as JPN, or EUU") from None


def country_name(code: str) -> str:
    """A short display name: the annex's spelling where it has one, else pycountry's."""
    found = pycountry.countries.get(alpha_3=code)
    return _annex_names().get(code) or (getattr(found, "common_name", None) or found.name if found else code)


@lru_cache(maxsize=1)
def _annex_names() -> dict[str, str]:
    """Lower-case annex name → ISO3, and ISO3 → annex name (bundled annex)."""
    annex = load_annex()
    return dict(zip(annex.country.str.lower(), annex.iso3, strict=True)) | dict(
        zip(annex.iso3, annex.country, strict=True)
    )


def as_date(value: date | str, what: str = "day") -> date:
    """A date from a date, datetime or 'YYYY-MM-DD'; raises BadInput otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = _iso(str(value).strip())
    if not parsed:
        raise BadInput(f"{what} {value!r} is not a date", "write it as YYYY-MM-DD")
    return parsed


def _step(row: tuple, **changes: object) -> _Step:
    """A timeline row (from itertuples) as a step, with some fields changed."""
    fields = {"announced": row.date, "effective": row.effective, "rate": row.rate_percent, "kind": "rate"}
    fields |= {"measure": row.measure, "document": row.document, "source": row.source, "note": row.note}
    return _Step(**fields | {"specific": False} | changes)


@lru_cache(maxsize=64)
def _history(code: str) -> tuple[_Step, ...]:
    """Every timeline row that bears on one partner (bundled data), as steps."""
    annex = load_annex().set_index("iso3")
    timeline = load_timeline()
    named_7aug = set(timeline.country[timeline.measure.str.startswith("new Annex I rate")])
    correction = timeline.date[timeline.measure == "annex correction"].min()
    steps = []
    for row in timeline.itertuples(index=False):
        rule = ALL_ROWS.get(row.measure) if row.country == "ALL" else "own" if row.country == code else None
        in_annex = code in annex.index
        if rule == "own":
            kind = "pause" if row.measure in PAUSES else "rate"
            steps.append(_step(row, kind=kind, specific=True, annex=row.measure.startswith("country-specific rate")))
        elif rule == "everyone":
            steps.append(_step(row))
        elif rule == "annex" and in_annex:
            entry = annex.loc[code]
            steps.append(_step(row, rate=entry.rate_percent, note=entry.note or row.note, annex=True))
            if (first := _FIRST_POSTED.search(entry.note)) and pd.notna(correction):
                label = f"first-posted Annex I rate (revised {correction})"
                withdrawn = {"effective": None, "until": correction, "measure": label, "source": first[2]}
                steps.append(_step(row, rate=float(first[1]), note=entry.note, annex=True, **withdrawn))
        elif rule == "pause" and in_annex and code != CHINA:
            steps.append(_step(row, kind="pause"))
        elif rule == "others" and code not in named_7aug and code != CHINA:
            listed = ", ".join(sorted(named_7aug))
            why = f"{row.document} sets {row.rate_percent:g}% only for partners outside its Annex I; the data lists {listed}"
            steps.append(_step(row, rate=None, kind="gap", measure="not covered", note=why))
    own = {(s.announced, s.effective) for s in steps if s.specific}
    return tuple(s for s in steps if s.specific or s.effective is None or (s.announced, s.effective) not in own)


def _in_force(steps: tuple[_Step, ...] | list[_Step], day: date) -> _Step | None:
    """The latest step in effect on `day`; among equals the later announcement, then the partner's own row."""
    live = [s for s in steps if s.effective is not None and s.effective <= day]
    return max(live, key=lambda s: (s.effective, s.announced, s.specific), default=None)


def _visible(code: str, as_of: date | None) -> list[_Step]:
    return [s for s in _history(code) if as_of is None or s.announced <= as_of]


@lru_cache(maxsize=1)
def data_span() -> tuple[date, date]:
    """First and last dated action in the bundled timeline: outside it the data cannot check an article."""
    dates = load_timeline().date
    return min(dates), max(dates)


def rate_on(country: str, day: date | str, *, as_of: date | str | None = None) -> RateOnDay:
    """The additional reciprocal rate on `country`'s goods on `day`, as the timeline rows set it.

    With `as_of`, only rows announced by then count (what a reader knew; the 4 Sep Japan order was retroactive).
    """
    code, day = iso3(country), as_date(day)
    as_of = as_date(as_of, "as_of") if as_of is not None else None
    if code in NOT_COVERED:
        return RateOnDay(code, day, None, "not covered", "", "", None, None, "", gap=NOT_COVERED[code])
    target, alias = SAME_RATE_AS.get(code, (code, ""))
    steps = _visible(target, as_of)
    step = _in_force(steps, day)
    later = sorted({s.effective for s in steps if s.effective is not None and s.effective > day})
    end = next((d - timedelta(days=1) for d in later if _in_force(steps, d) is not step), None)
    note = " ".join(n for n in (alias, step.note if step else "") if n)
    if step is None:
        return RateOnDay(code, day, None, NO_MEASURE, "", "", None, end, note)
    last, lapse = data_span()[1], LAPSES.get(step.measure)
    gap = step.note if step.kind == "gap" else ""
    if lapse and day >= step.effective + timedelta(days=lapse):
        gap = f"{step.measure} ran {lapse} days, to {step.effective + timedelta(days=lapse)}; the data has no later row"
    gap = gap or (f"the data ends {last}; later changes are not tracked" if day > last else "")
    return RateOnDay(code, day, step.rate, step.measure, step.document, step.source, step.effective, end, note, gap)


def rates_announced(country: str, day: date | str) -> pd.DataFrame:
    """Every rate for `country` announced on or before `day`, and where each stood that day.

    Columns: announced, effective (date or None), rate_percent, status, measure, document, source, note.
    status: "in force"; "pending" (announced, not yet effective); "suspended" (an Annex I rate under a pause);
    "superseded" (replaced by a rate announced before `day`, withdrawn, or ended). A same-day announcement
    supersedes nothing yet, so an article of that day may quote either.
    """
    code, day = iso3(country), as_date(day)
    if code in NOT_COVERED:
        return pd.DataFrame(columns=ANNOUNCED_COLUMNS)
    visible = _visible(SAME_RATE_AS.get(code, (code,))[0], day)
    current = _in_force(visible, day)
    rows = [s for s in visible if s.kind != "gap"]
    data = [
        [s.announced, s.effective, s.rate, _status(s, rows, current, day), s.measure, s.document, s.source, s.note]
        for s in rows
    ]
    return pd.DataFrame(data, columns=ANNOUNCED_COLUMNS)


def _status(step: _Step, steps: list[_Step], current: _Step | None, day: date) -> str:
    if step is current:
        return "in force"
    replaced = any(t.kind == "rate" and step.announced < t.announced < day for t in steps)
    if replaced or (step.until is not None and step.until < day):
        return "superseded"
    if step.effective is None or step.effective > day:
        return "pending"
    if step.annex and current is not None and current.kind == "pause" and current.announced >= step.announced:
        return "suspended"
    return "superseded"


# What the bundled schedule does not hold, from data/SOURCES.md ("Missing, and why"), said under notebook 02's charts:
# {ISO3, or "" for every article: sentences}. To add one, list it in SOURCES.md first and quote it here.
KNOWN_GAPS = {
    "": (
        "Only the additional “reciprocal” rates (EO 14257 and the orders that amend it) are in the data; other US "
        "duties on the same goods, such as Section 232 duties on steel, aluminium and cars, are not, so a rate here "
        "is not the whole tariff.",
        "The official Annex I PDF and its Federal Register table (90 FR 15041) could not be read directly: the annex "
        "rests on two independent extractions and news copies of the 2 April chart.",
    ),
    "JPN": (
        "The number of the 4 Sep 2025 order implementing the US–Japan agreement, and the day the 15% Section 232 "
        "rate on Japanese cars took effect, were not seen.",
    ),
} | {
    code: ("Its first-posted (2 Apr) Annex I rate was not seen; the data holds only the revised rate.",)
    for code in ("NOR", "PAK", "SRB", "THA", "VUT")
}


def data_gaps(countries: list[str]) -> pd.DataFrame:
    """What the schedule cannot say for these partners, one sentence a row (columns: about, gap), general ones first.

    From KNOWN_GAPS, NOT_COVERED, and each distinct `rate_on` gap between the timeline's first and last action
    (a lapse, a partner the data does not list) with the day it starts.
    """
    first, last = data_span()
    rows = [("all partners", f"The timeline runs {first:%d %b %Y} to {last:%d %b %Y}; later changes are not tracked.")]
    rows += [("all partners", text) for text in KNOWN_GAPS[""]]
    for code in dict.fromkeys(iso3(c) for c in countries):
        name, seen = country_name(code), {}
        if code in NOT_COVERED:
            rows.append((name, f"Not in this schedule: {NOT_COVERED[code]}."))
            continue
        for n in range((last - first).days + 1):
            seen.setdefault(rate_on(code, first + timedelta(days=n)).gap, first + timedelta(days=n))
        rows += [(name, f"From {d:%d %b %Y} the data cannot say: {g.rstrip('.')}.") for g, d in seen.items() if g]
        rows += [(name, text) for text in KNOWN_GAPS.get(code, ())]
    return pd.DataFrame(rows, columns=["about", "gap"])


def article_countries(extraction: dict) -> list[str]:
    """ISO3 codes of the countries and governments the article names, most mentioned first (what charts highlight)."""
    actors = sorted(extraction.get("actors") or [], key=lambda a: -(a.get("mentions") or 0))
    kinds = {"country", "government"}
    return list(dict.fromkeys(str(a["country"]).upper() for a in actors if a.get("kind") in kinds and a.get("country")))


def tariff_claims(extraction: dict, text: str | None = None) -> pd.DataFrame:
    """Check each tariff rate the article states for a country against the schedule on its publication day.

    One row per figure with unit percent and a measure mentioning "tariff". Columns: claim (the figure with a few
    words of context, from `text` if given, else from the event clause holding it), subject (the figure's actor id),
    article_value, data_value (the rate matched, else the rate in force), unit, verdict ("match", "mismatch" or
    "not checkable"), source (of the data row used), start, end (the figure's offsets), country (ISO3 or None) and
    basis (why: which row matched, or what the data holds).
    """
    published = (extraction.get("article") or {}).get("published")
    day = as_date(published, "published") if published else None
    actors = {a.get("id"): a for a in extraction.get("actors") or []}
    rows = []
    for fig in extraction.get("figures") or []:
        if fig.get("unit") != "percent" or "tariff" not in str(fig.get("measure") or "").lower():
            continue
        code = _subject_country(fig.get("subject"), actors)
        stated = fig.get("value")
        stated = float(stated) if isinstance(stated, int | float) and not isinstance(stated, bool) else None
        verdict, value, source, basis = _check(code, stated, day)
        claim = _context(fig, extraction, text)
        rows.append([claim, fig.get("subject"), fig["value"], value, "percent", verdict, source])
        rows[-1] += [fig.get("start"), fig.get("end"), code, basis]
    return pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "country", "basis"])


def _subject_country(subject: str | None, actors: dict) -> str | None:
    """The ISO3 code a figure is about: a country or government actor with a country, or a bare ISO3 id."""
    actor = actors.get(subject) or {}
    if actor.get("kind") in {"country", "government"} and actor.get("country"):
        return str(actor["country"]).upper()
    if actor or not isinstance(subject, str) or not re.fullmatch(r"[a-z]{3}", subject):
        return None
    code = subject.upper()
    return code if code == "EUU" or pycountry.countries.get(alpha_3=code) else None


def _check(code: str | None, value: float | None, day: date | None) -> tuple[str, float | None, str | None, str]:
    """verdict, data_value, source, basis for one stated rate."""
    first = data_span()[0]
    if value is None:
        return "not checkable", None, None, "the figure has no numeric value"
    if code is None:
        return "not checkable", None, None, "the figure's subject is not a country"
    if day is None:
        return "not checkable", None, None, "the article has no publication date"
    if day < first:
        return "not checkable", None, None, f"published before the first action in the data ({first})"
    now = rate_on(code, day, as_of=day)
    if not now.covered:
        return "not checkable", now.rate_percent, None, f"not covered on {day}: {now.gap}"
    if now.rate_percent is not None and abs(now.rate_percent - value) < 1e-9:
        return "match", now.rate_percent, now.source, f"in force since {now.start} ({now.measure}; {now.document})"
    table = rates_announced(code, day)
    live = table[table.status.isin(OPEN) & (table.status != "in force")]
    hits = live[(live.rate_percent - value).abs() < 1e-9]
    if len(hits):
        hit = hits.iloc[-1]
        when = f"effective {hit.effective}" if hit.effective else "no effective date yet"
        basis = f"{hit.status}: announced {hit.announced}, {when} ({hit.measure}; {hit.document})"
        return "match", hit.rate_percent, hit.source, basis
    in_force = f"{now.rate_percent:g}% ({now.measure}, since {now.start})" if now.start else NO_MEASURE
    basis = f"in force: {in_force}" + "".join(
        f"; {r.status}: {r.rate_percent:g}% ({r.measure}, announced {r.announced})" for r in live.itertuples()
    )
    stale = table[(table.status == "superseded") & ((table.rate_percent - value).abs() < 1e-9)]
    if len(stale):
        basis += f"; the article's figure equals a superseded rate ({stale.iloc[-1].measure}, announced {stale.iloc[-1].announced})"
    shown = now.rate_percent if now.rate_percent is not None else (live.rate_percent.iloc[-1] if len(live) else None)
    return "mismatch", shown, now.source or None, basis


def _context(fig: dict, extraction: dict, text: str | None, before: int = 6, after: int = 3) -> str:
    """The figure with up to `before` words ahead of it and `after` behind, kept inside its sentence."""
    start, end, offset = fig.get("start"), fig.get("end"), 0
    if not (isinstance(start, int) and isinstance(end, int)):
        return str(fig.get("text"))
    if text is None:
        holders = [e for e in extraction.get("events") or [] if e["start"] <= start and end <= e["end"]]
        holders = [e for e in holders if len(e.get("text") or "") == e["end"] - e["start"]]
        if not holders:
            return str(fig.get("text"))
        text, offset = holders[0]["text"], holders[0]["start"]
    head = re.split(r"[.!?]\s", text[: start - offset])[-1].split()[-before:]
    tail = re.split(r"[.!?](?:\s|$)", text[end - offset :])[0].split()[:after]
    return " ".join([*head, text[start - offset : end - offset], *tail])
