"""Temporal expressions: find dates and clock times in text and resolve them against the publication day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
# Abbreviations a newsroom puts after a clock time, with the IANA zone each stands for.
ZONE_ABBREVIATIONS = {
    "ET": "America/New_York", "EDT": "America/New_York", "EST": "America/New_York",
    "CT": "America/Chicago", "PT": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "Europe/London", "BST": "Europe/London", "UTC": "UTC", "CET": "Europe/Brussels",
    "CEST": "Europe/Brussels", "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "HKT": "Asia/Hong_Kong",
    "IST": "Asia/Kolkata", "SGT": "Asia/Singapore", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide", "AWST": "Australia/Perth", "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
    "MT": "America/Denver", "MDT": "America/Denver", "CDT": "America/Chicago", "PST": "America/Los_Angeles",
    "BRT": "America/Sao_Paulo", "SAST": "Africa/Johannesburg", "WIB": "Asia/Jakarta", "PHT": "Asia/Manila",
}  # fmt: skip

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
_ZONE = r"(?:\s+(?P<zone>" + "|".join(ZONE_ABBREVIATIONS) + r")\b)?"
SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_NUMBER_WORDS = "|".join(SMALL_NUMBERS)
DATE_PATTERNS = [
    ("absolute", rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"),
    ("absolute", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b"),
    ("iso", r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
    ("weekday", rf"\b(?:(?P<rel>last|next|this|on|since|until|by)\s+)?{_WEEKDAY}{_PART}\b"),
    ("relative", r"\b(?P<word>yesterday|today|tomorrow|tonight)\b"),
    ("relative", r"\b(?P<word>last|earlier this|later this|next|this|past) (?P<unit>week|month|year)\b"),
    ("relative", r"\b(?P<word>earlier|late|early) (?:in )?(?P<unit>this week|this month)\b"),
    # "would take effect in 21 days", "two weeks ago": counted from the day of publication
    (
        "offset",
        r"\b(?:(?P<ahead>in) (?P<n>\d{1,3}|"
        + _NUMBER_WORDS
        + r") (?P<unit>days?|weeks?)(?! (?:of|after|before|from|since))|"
        r"(?P<n2>\d{1,3}|" + _NUMBER_WORDS + r") (?P<unit2>days?|weeks?) ago)\b",
    ),
]
TIME_PATTERN = re.compile(
    r"(?<![\d.,])\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)" + _ZONE
    + r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d{2})(?:\s+(?P<zone24>" + "|".join(ZONE_ABBREVIATIONS) + r")\b)"
    + r"|\b(?P<noon>noon|midnight)\b"
    # a 24-hour time written with two-digit hours after "at"/"by" ("took effect at 06:01", "By 19:18,")
    + r"|(?<=\b[Aa]t |\b[Bb]y )(?P<h24b>[01]\d|2[0-3]):(?P<m24b>[0-5]\d)\b(?![:.,]?\d)"
)  # fmt: skip
COMPILED = [(kind, re.compile(p, re.IGNORECASE if kind in ("relative", "offset") else 0)) for kind, p in DATE_PATTERNS]


@dataclass(frozen=True)
class Timex:
    """One date or time expression: its span, what kind it is and, once resolved, its value."""

    start: int
    end: int
    text: str
    kind: str  # absolute | iso | weekday | relative | offset | time
    date: dt.date | None = None
    time: str | None = None
    zone: str | None = None
    approximate: bool = False
    # A week, month or year ("last year", "this month") names no day: `period` says which ("2024", "2025-06",
    # "2025-W27", or "start/end" for "the past year"), and `date` holds only its first day, for ordering.
    period: str | None = None


def find_dates(text: str, published: dt.date | None, *, future: bool = False) -> list[Timex]:
    """Every date expression in `text`, resolved against `published` where it can be."""
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in COMPILED:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            day, approx = resolve_date(kind, m.groupdict(), published, future=future)
            period = resolve_period(m.groupdict(), published) if kind == "relative" else None
            if kind == "absolute" and m.group("month").lower().rstrip(".") == "may" and not m.group("year"):
                # "May 5" and "8 May" are dates, but "may 5" is a verb before a number.
                if not text[m.start("month")].isupper():
                    continue
            found.append(Timex(m.start(), m.end(), m.group(0), kind, day, approximate=approx, period=period))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


def find_times(text: str) -> list[Timex]:
    """Clock times ("9:01 p.m.", "4 p.m. ET", "15:00 JST") as 24-hour HH:MM, with their zone if written."""
    out = []
    for m in TIME_PATTERN.finditer(text):
        if m.group("noon"):
            hhmm = "12:00" if m.group("noon").lower() == "noon" else "00:00"
            zone = None
        elif m.group("h24") is not None:
            hhmm, zone = f"{int(m.group('h24')):02d}:{m.group('m24')}", m.group("zone24")
        elif m.group("h24b") is not None:
            hhmm, zone = f"{m.group('h24b')}:{m.group('m24b')}", None
        else:
            h, mi = int(m.group("h")), int(m.group("m") or 0)
            if not 1 <= h <= 12 or mi > 59:
                continue
            pm = m.group("ampm").lower().startswith("p")
            h = (h % 12) + (12 if pm else 0)
            hhmm, zone = f"{h:02d}:{mi:02d}", m.group("zone")
        out.append(Timex(m.start(), m.end(), m.group(0), "time", time=hhmm, zone=ZONE_ABBREVIATIONS.get(zone or "")))
    return out


def resolve_date(kind: str, g: dict, published: dt.date | None, *, future: bool = False) -> tuple[dt.date | None, bool]:
    """A date for one match; news speaks of the past, so a bare weekday is the latest one on or before publication."""
    if kind == "iso":
        return _safe_date(int(g["year"]), int(g["mon"]), int(g["day"])), False
    if kind == "absolute":
        month = MONTHS[g["month"].lower().rstrip(".")]
        year = int(g["year"]) if g.get("year") else (published.year if published else None)
        if year is None:
            return None, False
        day = _safe_date(year, month, int(g["day"]))
        if day and not g.get("year") and published and (day - published).days > 200:
            day = _safe_date(year - 1, month, int(g["day"]))  # "December 30" in a January story
        return day, False
    if published is None:
        return None, False
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        back = (published.weekday() - target) % 7
        if rel == "next" or (future and rel != "last"):
            ahead = (target - published.weekday()) % 7
            return published + dt.timedelta(days=ahead or (7 if rel == "next" else 0)), False
        if rel == "last" and back == 0:
            back = 7
        return published - dt.timedelta(days=back), False
    if kind == "offset":
        n = (g.get("n") or g.get("n2") or "").lower()
        count = int(n) if n.isdigit() else SMALL_NUMBERS[n]
        days = count * (7 if (g.get("unit") or g.get("unit2") or "").lower().startswith("week") else 1)
        return published + dt.timedelta(days=days if g.get("ahead") else -days), False
    word, unit = (g.get("word") or "").lower(), (g.get("unit") or "").lower()
    if word in ("today", "tonight"):
        return published, False
    if word == "yesterday":
        return published - dt.timedelta(days=1), False
    if word == "tomorrow":
        return published + dt.timedelta(days=1), False
    if "week" in unit:
        if word in ("last", "past"):
            return published - dt.timedelta(days=published.weekday() + 7), True
        if word == "next":
            return published + dt.timedelta(days=7 - published.weekday()), True
        return published - dt.timedelta(days=published.weekday()), True
    if "month" in unit:
        if word in ("last", "past"):
            first = published.replace(day=1) - dt.timedelta(days=1)
            return first.replace(day=1), True
        return published.replace(day=1), True
    if "year" in unit:
        if word in ("last", "past"):
            return dt.date(published.year - 1, 1, 1), True
        if word == "next":
            return dt.date(published.year + 1, 1, 1), True
        return dt.date(published.year, 1, 1), True
    return None, False


def resolve_period(g: dict, published: dt.date | None) -> str | None:
    """The week, month or year a relative expression names, as ISO 8601 text; None for a day ("yesterday")."""
    word, unit = (g.get("word") or "").lower(), (g.get("unit") or "").lower()
    if published is None or not unit:
        return None
    unit = unit.split()[-1]  # "this week" in "early this week"
    if word == "past":
        back = {"week": dt.timedelta(days=7), "month": dt.timedelta(days=30), "year": dt.timedelta(days=365)}[unit]
        return f"{(published - back).isoformat()}/{published.isoformat()}"
    step = {"last": -1, "next": 1}.get(word, 0)
    if unit == "week":
        year, week, _ = (published + dt.timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    return str(published.year + step)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
