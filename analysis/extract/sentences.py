"""Fast lookups on a parsed document: its text and the sentence at an offset, each computed once."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once and kept on the Doc."""
    if "sentences" not in doc.user_data:
        doc.user_data["sentences"] = list(doc.sents)
        doc.user_data["sentence_starts"] = [s.start_char for s in doc.user_data["sentences"]]
    return doc.user_data["sentences"]


def sentence_at(doc: Doc, char: int) -> Span | None:
    """The sentence holding character `char`, or None for an empty document."""
    sents = sentences(doc)
    if not sents:
        return None
    i = bisect_right(doc.user_data["sentence_starts"], char) - 1
    return sents[max(i, 0)]


def sentence_before(doc: Doc, sent: Span) -> Span | None:
    sents = sentences(doc)
    i = bisect_right(doc.user_data["sentence_starts"], sent.start_char) - 1
    return sents[i - 1] if i > 0 else None


def text_of(doc: Doc) -> str:
    """The document's text, joined once: `Doc.text` rebuilds the string from every token on each call."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return doc.user_data["text"]
