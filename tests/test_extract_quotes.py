"""Quotes: what counts as one and who said it."""

from __future__ import annotations

from analysis.extract import extract_text


def _quote(data: dict, start: str) -> dict:
    return next(q for q in data["quotes"] if q["text"].startswith(start))


def test_quote_paragraph_continues_previous_speaker_and_the_president_is_the_one_named():
    data = extract_text(
        "Indonesia got a deal.\n\n"
        '"We negotiated for three months," Minister Airlangga Hartarto told reporters on Wednesday.\n\n'
        '"Now we will continue talks on palm oil and coffee."\n\n'
        "President Prabowo Subianto struck the deal with US President Donald Trump on Tuesday.\n\n"
        'Prabowo, speaking in Brussels, said he bargained hard. "I told him our people are watching," the '
        "President recalled."
    )
    assert _quote(data, "Now we will continue")["speaker"] == "airlangga-hartarto"
    assert _quote(data, "I told him")["speaker"] == "prabowo-subianto"


def test_scare_quotes_are_not_quotes_but_echoes_are():
    data = extract_text(
        "Turkey avoided the worst.\n\n"
        'Türkiye has so far avoided the highest "reciprocal" rates, facing the 10pc "baseline" tariff since April.\n\n'
        'Trump said Mexico had not stopped fentanyl. The 30% rate replaces the 25% "fentanyl" tariff.'
    )
    texts = [q["text"] for q in data["quotes"]]
    assert "reciprocal" not in texts and "baseline" not in texts
    assert "fentanyl" in texts


def test_presidency_speaks_as_a_body():
    data = extract_text(
        "South Africa was hit.\n\n"
        'In a statement on Thursday, the presidency described the tariff as "unilateral" and said it was '
        '"not based on an accurate reflection of the trade relationship".'
    )
    assert _quote(data, "unilateral")["speaker"] is not None


def test_a_label_in_quotation_marks_after_a_possessive_is_no_quote():
    data = extract_text(
        'Ottawa offered to buy more aircraft in exchange for Washington lowering its "punitive" duty on '
        "Canadian timber, Trade Minister Mark Leduc said on Friday.\n"
    )
    assert not [q for q in data["quotes"] if q["text"] == "punitive"]
