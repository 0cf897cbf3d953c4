"""Separate the article from web-page clutter, keeping every offset: clutter is blanked, never cut."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .gazetteer import find_known
from .timex import find_dates

# Each entry: (what it is, pattern). A paragraph (or, in a long paragraph, a sentence) that matches is clutter.
# To add one: append a (label, regex) pair; patterns are case-insensitive and searched, not matched.
BOILERPLATE = [
    ("navigation", r"^\s*(skip to (main )?content|skip navigation|menu|search|home\s*[|>])"),
    (
        "subscription",
        r"\bsubscri(be|bers?|ption)\b.*\b(plan|account|now|today|access|offer|to read|to continue)\b",
    ),
    (
        "subscription",
        r"\b(already a subscriber|log ?in to (read|continue)|sign in to (read|continue|comment))\b",
    ),
    ("subscription", r"\b(this (article|content) is (for|available to) (subscribers|members)|paywall)\b"),
    (
        "comments",
        r"\b(comment on (stories|this)|display name|comments? (are|is) (closed|moderated)|join the conversation)\b",
    ),
    ("comments", r"^\s*(\d+\s+)?comments?\s*$|\bleave a comment\b|\bview comments\b"),
    ("cookies", r"\bcookies?\b.*\b(accept|consent|policy|use|settings|preferences)\b"),
    (
        "newsletter",
        r"\b(sign up|subscribe) (for|to) (our|the)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(sign up|inbox)\b",
    ),
    (
        "advertisement",
        r"^\s*(advertisement|sponsored( content)?|ad|story continues below( advertisement)?)\s*$",
    ),
    (
        "related",
        r"^\s*(related( articles?| stories| coverage)?|read more|more from|most (popular|read)|popular|"
        r"recommended( stories)?|trending|also read|see also|watch|listen|what to read next)\b\s*[:|\-–—]?",
    ),
    (
        "share",
        r"^\s*(share( this( article| story)?)?( on \w+)?|copy link|print|email|follow us( on \w+)?)\s*$",
    ),
    (
        "credit",
        r"\((AP|AFP|Reuters|Bloomberg|Getty)( Photo| Images)?\s*/[^)]*\)|\bTHE CANADIAN PRESS/|"
        r"\bREUTERS/[A-Z]|\bAFP via Getty\b|\bGetty Images\b|^\s*(photo|photograph|image|file photo|pictured)\s*[:|]",
    ),
    ("credit", r"^\s*\(?(reporting|writing|editing|additional reporting|compiled) by\b"),
    ("credit", r"\bphotographer:\s|\((photo|photograph|image|picture)s? by [^)]*\)|^\s*-*\s*with assistance from\b"),
    ("credit", r"^\s*(source|sources|chart|graphic)s?:\s.{0,80}$"),
    ("newsletter", r"^(?=.{0,220}$).*\bnewsletters?\b"),
    ("share", r"^\s*share (this )?(article|story)?\s*(via|on) \w+\s*$"),
    ("related", r"^\s*explore more on (these|this) topics?\b"),
    (
        "appeal",
        r"\b(small favou?r to ask|support (our|the) journalism|make a (contribution|donation)|"
        r"millions are turning to)\b",
    ),
    ("sign-off", r"^\s*[a-z]{2,4}(/[a-z]{2,4})+\s*$"),
    ("standards", r"^\s*our standards\b|\btrust principles\b"),
    ("subscription", r"\bunlock the\b.*\bfor free\b|\bwhy you can trust\b|^\s*\+?\s*follow\s*$"),
    ("credit", r"^\s*this (report|story|article) (by .{2,60} )?was (first )?(published|posted)\b"),
    ("end mark", r"^\s*(\(end\)|-+\s*(30|end)\s*-+|\(c\) \d{4}.*|#{2,})\s*$"),
    ("copyright", r"^\s*(©|\(c\)|copyright\b)|\ball rights reserved\b"),
    ("image", r"^\s*[A-Za-z0-9_\-]{24,}(\.(jpe?g|png|webp|gif))?\s*$"),
    ("navigation", r"\b(show key events only|turn on javascript|enable javascript|reading list|read later)\b"),
    ("share", r"^\s*(click here to )?(share|gift)\b.{0,40}$|^\s*share\d*\s*$"),
    ("newsletter", r"\b(whatsapp|telegram) channel\b|\bfollow us on (google news|whatsapp|telegram)\b"),
    (
        "related",
        r"^\s*(read also|also read|more on this)\s*:?\s*$|^\s*(list \d+ of \d+|list of \d+ items|end of list)\s*$",
    ),
    ("credit", r"^\s*with (files|reporting) from\b"),
    # A caption's credit in brackets at its end: "... on Sept. 19. [JOINT PRESS CORPS]", "[YONHAP]".
    ("credit", r"\[[A-Z][A-Z0-9 .&/'-]{2,40}\]\s*$"),
    ("share", r"^\s*log ?in to (twitter|facebook|x)\b.{0,100}$"),
    ("credit", r"^(?=.{0,240}$).*\bcontributed (to )?(this |the )?(report|story|reporting|article)\b"),
    # An author's note at the end: "Jane Doe is a trade reporter at Politico Europe, covering ...".
    (
        "bio",
        r"^(?=.{0,300}$)\s*[A-Z][\w.'’-]+(\s[A-Z][\w.'’-]+){1,3} (is|was) (an? |the )([\w-]+ ){0,4}"
        r"(reporter|correspondent|editor|writer|journalist|columnist|bureau chief)\b",
    ),
    (
        "share",
        r"^\s*follow [\w .&'’-]{1,30} on (whatsapp|x|twitter|facebook|instagram|google news|telegram|linkedin|"
        r"threads|bluesky)\s*$",
    ),
    ("promo", r"^(?=.{0,160}$).*\blearn more\s*[.!]?\s*$"),
    (
        "navigation",
        r"\bdo not sell (or share )?my personal information\b|"
        r"^\s*(terms of (service|use)|privacy (policy|notice)|cookie policy|contact us|about us)\s*$",
    ),
    # "This article is part of POLITICO Pro" heads a promotional blurb; short lines after it go with it.
    ("related", r"^\s*this (article|story) is (part of|from|brought to you by)\b.{0,60}$"),
    ("widget", r"^\s*loading\s*(\.\.\.|…)?\s*$"),
    (
        "app",
        r"\b(download|get|install) (the|our) [\w ]{0,30}\bapp\b|\b(news )?alerts directly to your (phone|inbox)\b",
    ),
    ("comments", r"\bcomments (have|are) (not been |been )?(enabled|disabled|turned off|closed)\b"),
    # A caption's credit: "[File: Siphiwe Sibeko/Reuters]", "(Jacques Boissinot/The Canadian Press)", "(Photo: dpa)".
    (
        "credit",
        r"[\[(](?:file(?: photo)?:\s*)?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][^)\]\n]{1,40}[)\]]\s*$|"
        r"\((?:photo|image|picture|file)s?:\s*[^)]{2,40}\)\s*$|\bPHOTOS?:\s*[A-Z]{2,}",
    ),
    # A footer of links: three or more short pieces separated by bars ("Corrections | Submit a news tip | ...").
    ("navigation", r"^\s*[^|.!?]{2,40}(\|[^|.!?]{2,40}){2,}$"),
    (
        "byline",
        r"^\s*by\s+[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,3}(\s*(,|and)\s*[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,3})*"
        r"\s*(\[[^\]\s]+@[^\]\s]+\]|\(?[\w.+-]+@[\w.-]+\)?)?\s*$",
    ),
]
BOILERPLATE_RX = [(label, re.compile(rx, re.IGNORECASE)) for label, rx in BOILERPLATE]
METADATA_RX = re.compile(
    r"^\s*((?i:published|updated|posted|last updated|first published)\b[:\s]|"
    r"\d{1,2}:\d{2}\s*(JST|KST|GMT|BST|UTC|ET|EDT|EST|CET|CEST)?,\s|"
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|"
    r"[A-Z][a-z]+\.? \d{1,2}, \d{4}(,| at| \d| \||\s*$|(?=\d{1,2}:\d{2})))",
)
# "OTTAWA —", "WASHINGTON, April 9 (Reuters) -", "TOKYO (AP) —": a dateline opens the first body paragraph.
DATELINE_RX = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'/\-]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.]+))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?\s*(?:\((?P<agency>[A-Za-z .]{2,25})\))?\s*(?P<sep>[—–-]{1,2}|:)\s*"
)


@dataclass
class Cleaned:
    """The article with clutter blanked out; `text` has the same length as the input."""

    text: str
    title: str | None = None
    removed: list[str] = field(default_factory=list)
    dateline_place: str | None = None
    stated_date: dt.date | None = None
    body_chars: int = 0


def clean_article(raw: str) -> Cleaned:
    """Blank the headline, metadata lines and clutter; note the dateline and any stated publication date."""
    chars = list(raw)
    out = Cleaned(text=raw)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", raw)]
    body_started = False
    lead_done = False
    in_list = False
    for i, (s, e) in enumerate(paragraphs):
        para = raw[s:e]
        if not para.strip():
            continue
        if in_list and len(para.strip()) < 140 and not re.search(r"[.!”\"]\s*$", para.strip()):
            out.removed.append(para.strip())  # an item of a "Most popular" / "Related" list
            _blank(chars, s, e)
            continue
        pieces = _clutter_in(para)
        in_list = bool(pieces) and any(rx.search(para) for label, rx in BOILERPLATE_RX if label == "related")
        if pieces:
            for ps, pe in pieces:
                out.removed.append(para[ps:pe].strip())
                _blank(chars, s + ps, s + pe)
            continue
        if METADATA_RX.search(para) and len(para) < 160:
            out.stated_date = out.stated_date or _first_date(para)
            out.removed.append(para.strip())
            _blank(chars, s, e)
            continue
        if not body_started and out.title is None and _looks_like_headline(para, paragraphs[i + 1 :]):
            out.title = para.strip()
            _blank(chars, s, e)
            continue
        if (not lead_done or i < 8) and out.title is not None and _byline_like(para):
            out.removed.append(para.strip())  # "Tan Hui Yee", "Indochina Bureau Chief", "Name · Outlet · Posted: ..."
            _blank(chars, s, e)
            continue
        if not lead_done:
            m = DATELINE_RX.match(para)
            place = m.group("place").strip() if m else ""
            # "ISLAMABAD: ..." (South Asian style) only in capitals, never a "Note:" or a heading "China: ..."
            if m and _is_place(place) and (m.group("sep") != ":" or (place.isupper() and len(place) > 3)):
                out.dateline_place = m.group("place").split("/")[0].strip().title()
                if m.group("date"):
                    out.stated_date = out.stated_date or _first_date(m.group("date"))
                _blank(chars, s, s + m.end())
        body_started = True
        # The body proper starts with the first paragraph that says something in sentences; a standfirst
        # without a full stop may come before the byline.
        lead_done = lead_done or (len(para.split()) >= 8 and bool(re.search(r"[.!?][\"'”’)]*\s*$", para)))
    out.text = "".join(chars)
    out.body_chars = sum(1 for c in out.text if not c.isspace())
    return out


BYLINE_SEPARATORS = {"|", "·", "•", "and", "&", "/", "-", "–", "—", ",", "in"}  # "Martin Arnold in Frankfurt"
STAMP_RX = re.compile(r"(?:^|[|·•]\s*)(?:posted|updated|last updated|published)\s*:", re.I)


def _byline_like(para: str) -> bool:
    """A short line between headline and body naming people, posts or places, not saying anything: a byline
    ("Martin Murphy and Julia Löhr"), the writer's post ("Indochina Bureau Chief"), or a stamp line
    ("Cathy Senay · CBC News · Posted: Oct 14, 2025")."""
    p = para.strip()
    d = DATELINE_RX.match(p)
    if len(p) > 160 or (d and d.group("sep") != ":"):
        return False
    if STAMP_RX.search(p) and re.search(r"[|·•]", p):
        return True
    if len(p) > 80 or re.search(r"[.!?:;”\"]$", p):
        return False
    words = [w.strip(",") for w in p.split() if w.strip(",") and w.strip(",").lower() not in BYLINE_SEPARATORS]
    return 0 < len(words) <= 6 and all(w[:1].isupper() for w in words)


def _is_place(name: str) -> bool:
    """A dateline place is written in capitals, or is a place the gazetteer knows ("Brussels —")."""
    name = name.split("/")[0].strip()
    if name.upper() == name and len(name) > 2:
        return True
    return any(h.start == 0 and h.end == len(name) and h.known.kind == "country" for h in find_known(name))


def _clutter_in(para: str) -> list[tuple[int, int]]:
    """Spans of clutter in one paragraph: the whole paragraph when short, else the matching sentences."""
    if len(para) <= 400:
        return [(0, len(para))] if any(rx.search(para) for _, rx in BOILERPLATE_RX) else []
    spans = []
    for m in re.finditer(r"[^.!?]+[.!?]*\s*", para):
        if any(rx.search(m.group(0)) for label, rx in BOILERPLATE_RX if label not in ("byline", "image")):
            spans.append((m.start(), m.end()))
    return spans


def _looks_like_headline(para: str, rest: list[tuple[int, int]]) -> bool:
    """A short first line with no closing full stop, followed by more text, is a headline."""
    p = para.strip()
    if not rest or len(p) > 200 or len(p.split()) < 3:
        return False
    return not re.search(r"[.!?][\"'”’)]*$", p) or (len(p) < 90 and p.count(".") <= 1 and not p.endswith("."))


def _first_date(text: str) -> dt.date | None:
    for t in find_dates(text, None):
        if t.date:
            return t.date
    return None


def _blank(chars: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "
