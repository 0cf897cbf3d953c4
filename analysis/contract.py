"""Check an extraction against the data contract (../shared/CONTRACT.md): every field, its type, every span.

`validate_extraction(data, text=...)` returns one line per problem (an empty list means the extraction keeps
the contract), so a test can show all of them at once. Fields beyond the contract are allowed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

Check = Callable[[object], bool]


def _str(value: object) -> bool:
    return isinstance(value, str)


def _int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> bool:
    return (_int(value) or isinstance(value, float)) and math.isfinite(value)


def _optional(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _one_of(*choices: str) -> Check:
    return lambda value: value in choices


def _iso_date(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _hh_mm(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value) is not None


def _str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _spans(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(s, list | tuple) and len(s) == 2 and all(_int(x) for x in s) for s in value
    )


def _iso3(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value) is not None


KINDS = ("person", "government", "country", "organization", "media", "market_index", "place", "currency")

# Each section's fields and the check of their type, in the contract's order. To add a contract field: add it here.
FIELDS: dict[str, dict[str, Check]] = {
    "article": {
        "source": _str,
        "title": _optional(_str),
        "published": _optional(_iso_date),
        "timezone": _optional(_str),
        "body_chars": _int,
        "removed": _str_list,
    },
    "actors": {
        "id": _str,
        "name": _str,
        "kind": _one_of(*KINDS),
        "title": _optional(_str),
        "country": _optional(_iso3),
        "mentions": _int,
        "spans": _spans,
    },
    "quotes": {
        "speaker": _optional(_str),
        "text": _str,
        "kind": _one_of("direct", "partial", "paraphrase"),
        "cue": _optional(_str),
        "channel": _optional(_str),
        "start": _int,
        "end": _int,
    },
    "positions": {
        "actor": _str,
        "topic": _str,
        "stance": _one_of("support", "oppose", "neutral", "mixed"),
        "summary": _str,
        "evidence": _spans,
    },
    "figures": {
        "text": _str,
        "value": _number,
        "unit": _optional(_str),
        "measure": _optional(_str),
        "subject": _optional(_str),
        "start": _int,
        "end": _int,
    },
    "events": {
        "date": _optional(_iso_date),
        "time": _optional(_hh_mm),
        "action": _str,
        "actors": _str_list,
        "text": _str,
        "start": _int,
        "end": _int,
    },
}
SECTIONS = tuple(FIELDS)

# Fields that name an actor: each must be the id of a row in `actors` (None allowed where the contract says so).
ACTOR_REFERENCES = {("quotes", "speaker"), ("positions", "actor"), ("figures", "subject"), ("events", "actors")}


def validate_extraction(data: object, *, text: str | None = None) -> list[str]:
    """Every way `data` breaks the contract, one line each; [] if it keeps it.

    With `text` (the article as the offsets index it), spans are checked too: 0 <= start < end <= len(text),
    and `text[start:end]` is the row's own `text` for quotes, figures and events.
    """
    if not isinstance(data, dict):
        return [f"the extraction is a {type(data).__name__}, not an object"]
    problems = [f"missing section {name!r}" for name in SECTIONS if name not in data]
    article = data.get("article")
    if "article" in data:
        if isinstance(article, dict):
            problems += _fields("article", article, FIELDS["article"])
        else:
            problems.append("article is not an object")
    ids = {row.get("id") for row in data.get("actors") or [] if isinstance(row, dict)}
    for section in SECTIONS[1:]:
        rows = data.get(section)
        if section not in data:
            continue
        if not isinstance(rows, list):
            problems.append(f"{section} is not a list")
            continue
        for n, row in enumerate(rows):
            where = f"{section}[{n}]"
            if not isinstance(row, dict):
                problems.append(f"{where} is not an object")
                continue
            problems += _fields(where, row, FIELDS[section])
            problems += _references(section, where, row, ids)
            if text is not None:
                problems += _row_spans(section, where, row, text)
    return problems


def _fields(where: str, row: dict, fields: dict[str, Check]) -> list[str]:
    problems = []
    for name, check in fields.items():
        if name not in row:
            problems.append(f"{where} lacks {name!r}")
        elif not check(row[name]):
            problems.append(f"{where}.{name} has a bad value or type: {row[name]!r:.80}")
    return problems


def _references(section: str, where: str, row: dict, ids: set) -> list[str]:
    problems = []
    for sec, name in ACTOR_REFERENCES:
        if sec != section or name not in row:
            continue
        values = row[name] if isinstance(row[name], list) else [row[name]]
        problems += [f"{where}.{name} {v!r} is not an actor id" for v in values if v is not None and v not in ids]
    return problems


def _row_spans(section: str, where: str, row: dict, text: str) -> list[str]:
    spans = []
    if "start" in row and "end" in row:
        spans.append(("start/end", row["start"], row["end"]))
    for name in ("spans", "evidence"):
        if _spans(row.get(name)):
            spans += [(f"{name}[{k}]", s, e) for k, (s, e) in enumerate(row[name])]
    problems = []
    for name, start, end in spans:
        if not (_int(start) and _int(end) and 0 <= start < end <= len(text)):
            problems.append(f"{where}.{name} ({start!r}, {end!r}) is not a span of the {len(text)}-character text")
        elif name == "start/end" and section in ("quotes", "figures", "events") and text[start:end] != row.get("text"):
            problems.append(f"{where}.text {row.get('text')!r:.60} is not text[{start}:{end}] {text[start:end]!r:.60}")
    return problems
