"""Fast lookups on a parsed document: its text and the sentence at an offset, each computed once."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from .timex import ZONE_ABBREVIATIONS

# The small parser ends a sentence after these abbreviations ("Sault Ste. Marie, Ont., fell"); glue it back.
ABBREVIATIONS = {"st.", "ste.", "mt.", "ft.", "gov.", "sen.", "rep.", "gen.", "dr.", "mr.", "mrs.", "ms.", "jr.",
                 "sr.", "inc.", "corp.", "co.", "ltd.", "no.", "ont.", "que.", "calif.", "mass.", "mich.", "wash.",
                 "n.y.", "d.c.", "ma.", "md.", "mohd.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "vs.", "approx."}  # fmt: skip


# "at 12:01 p.m. Taiwan time on Aug. 7": the parser ends a sentence at "p.m." before a capitalised zone
ZONE_AFTER_CLOCK = re.compile(r"(?:[A-Z][\w-]*\s){1,2}time\b|(?:" + "|".join(ZONE_ABBREVIATIONS) + r")\b")


def _merged(doc: Doc) -> list[Span]:
    out: list[Span] = []
    for sent in doc.sents:
        prev = out[-1] if out else None
        last = prev.text.rstrip().split()[-1].lower() if prev is not None and prev.text.strip() else ""
        zone_next = last in ("a.m.", "p.m.") and bool(ZONE_AFTER_CLOCK.match(sent.text))
        glue = (
            last in ABBREVIATIONS
            or zone_next
            or (
                prev is not None
                and sent[0].text[:1].islower()
                and not prev.text.rstrip().endswith((".", "!", "?", '"', "”"))
            )
        )
        if prev is not None and glue and "\n" not in doc.text[prev.end_char : sent.start_char]:
            out[-1] = doc[prev.start : sent.end]
        else:
            out.append(sent)
    return out


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once and kept on the Doc."""
    if "sentences" not in doc.user_data:
        doc.user_data["sentences"] = _merged(doc)
        doc.user_data["sentence_starts"] = [s.start_char for s in doc.user_data["sentences"]]
    return doc.user_data["sentences"]


def sentence_at(doc: Doc, char: int) -> Span | None:
    """The sentence holding character `char`, or None for an empty document."""
    sents = sentences(doc)
    if not sents:
        return None
    i = bisect_right(doc.user_data["sentence_starts"], char) - 1
    return sents[max(i, 0)]


CLAUSE_REACH = 400  # characters either side of a phrase that can still be its clause


def clause_bounds(doc: Doc, s: int, e: int, reach: int = CLAUSE_REACH) -> tuple[int, int]:
    """The sentences holding `s`..`e`, cut to `reach` characters either side: a run-on "sentence" (a page with no
    full stops) is no one clause, and the cut keeps every pass that looks around a phrase linear."""
    first, last = sentence_at(doc, s), sentence_at(doc, max(s, e - 1))
    if first is None or last is None:
        return s, e
    return max(first.start_char, s - reach), min(last.end_char, e + reach)


def sentence_before(doc: Doc, sent: Span) -> Span | None:
    sents = sentences(doc)
    i = bisect_right(doc.user_data["sentence_starts"], sent.start_char) - 1
    return sents[i - 1] if i > 0 else None


def sentence_after(doc: Doc, sent: Span) -> Span | None:
    sents = sentences(doc)
    i = bisect_right(doc.user_data["sentence_starts"], sent.start_char) - 1
    return sents[i + 1] if 0 <= i < len(sents) - 1 else None


def text_of(doc: Doc) -> str:
    """The document's text, joined once: `Doc.text` rebuilds the string from every token on each call."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]
