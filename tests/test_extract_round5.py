"""Round 5 of the extractor: small texts through the real model (people, quotes, figures, events, clutter)."""

from __future__ import annotations

import datetime as dt

from analysis.extract import extract_text
from analysis.extract.clean import clean_article


def _people(data: dict) -> dict[str, dict]:
    return {a["name"]: a for a in data["actors"] if a["kind"] == "person"}


def _quote(data: dict, start: str) -> dict:
    return next(q for q in data["quotes"] if q["text"].startswith(start))


def test_clutter_lines_of_bylines_stamps_and_wire_notes():
    raw = (
        "Exporters brace for new tariff as talks stall in the capital\n\n"
        "By Phuong Anh   July 3, 2025 | 09:15 am GMT+7\n\n"
        "08 August 2025 - 05:00\n\n"
        "The government said on Thursday that talks with Washington would continue next week.\n\n"
        "The leader at a meeting in Hanoi, June 2025. Photo by VnExpress/Giang Huy\n\n"
        "— With assistance from Mark Burton and Jack Farchy\n\n"
        "(Updates with IPSA close in 13th paragraph.)\n"
    )
    removed = clean_article(raw).removed
    for line in (
        "By Phuong Anh   July 3, 2025 | 09:15 am GMT+7",
        "08 August 2025 - 05:00",
        "The leader at a meeting in Hanoi, June 2025. Photo by VnExpress/Giang Huy",
        "— With assistance from Mark Burton and Jack Farchy",
        "(Updates with IPSA close in 13th paragraph.)",
    ):
        assert line in removed


def test_korean_given_name_after_family_name():
    data = extract_text(
        "Steelmakers are worried.\n\nChang In-hwa, chairman of POSCO Holdings, said the industry faced cheap "
        'imports.\n\n"We are being squeezed from both sides," Chang said.'
    )
    people = _people(data)
    assert "Chang In-hwa" in people
    assert _quote(data, "We are being squeezed")["speaker"] == "chang-in-hwa"


def test_unvouched_person_with_who_clause_and_given_name_country():
    data = extract_text(
        "Soybean prices fell.\n\nRobb Ewoldt, who farms near Davenport, said storage bins across the US Midwest were full. "
        '"Every week without China is money out of our pockets," Ewoldt said.\n\n'
        "Chad Hart, an agricultural economist at Iowa State University, said acreage had expanded."
    )
    people = _people(data)
    assert {"Robb Ewoldt", "Chad Hart"} <= set(people)
    assert not any(a["id"] == "tcd" for a in data["actors"])
    assert "University" not in people
    assert people["Robb Ewoldt"]["country"] == "USA"  # a country inside the quote says nothing of him


def test_title_after_quote_ending_in_an_acronym():
    data = extract_text(
        "Singapore exporters are calm.\n\n"
        '"Most firms have already invested in the US," said Selena Ling, chief economist at OCBC. '
        '"The bigger risk is new investment."'
    )
    person = _people(data)["Selena Ling"]
    assert person["title"] == "chief economist at OCBC"
    assert person["country"] == "SGP"


def test_secretary_general_is_a_title():
    data = extract_text(
        "Steel exporters are worried.\n\n"
        '"The rate is a wall," said Veysel Yayan, secretary-general of the Turkish Steel Producers Association.'
    )
    assert _people(data)["Veysel Yayan"]["title"].startswith("secretary-general")


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


def test_currencies_counts_and_tariff_target_of_exports():
    data = extract_text(
        "Indonesia will face a 19 percent tariff on its exports to the United States, down from the 32 percent "
        "rate threatened in April. Jakarta will buy 50 Boeing jets. Duties brought in Rp 2 trillion, a R100m "
        "fund was set up, watches worth 5.4 billion Swiss francs were sold and Brazil offered R$30 billion."
    )
    figs = {(f["value"], f["unit"]): f for f in data["figures"]}
    assert figs[(32, "percent")]["subject"] == "idn"
    assert (50, "jets") in figs
    for key in ((2e12, "IDR"), (1e8, "ZAR"), (5.4e9, "CHF"), (3e10, "BRL")):
        assert key in figs


def test_index_closing_on_a_weekday_is_past_and_known_indexes():
    data = extract_text(
        "Markets in Istanbul and Santiago were calm.\n\n"
        "The benchmark BIST 100 index slipped 0.6% to 9,412 points on Wednesday, and the S&P IPSA index fell "
        "0.3% to 8,112.5 points. The Jakarta Composite Index rose 0.7 percent to close at 7,197 points on Wednesday.",
        published=dt.date(2025, 7, 17),
    )
    subjects = {f["value"]: f["subject"] for f in data["figures"]}
    assert subjects[9412] == "bist-100" and subjects[8112.5] == "sp-ipsa"
    closes = [e for e in data["events"] if "Jakarta" in e["text"]]
    assert closes and all(e["date"] == "2025-07-16" for e in closes)


def test_general_secretary_to_lam():
    data = extract_text(
        "Vietnam got a deal.\n\nGeneral Secretary To Lam and U.S. President Donald Trump agreed on a framework "
        "in a phone call on Wednesday. Lam asked the U.S. to recognize Vietnam as a market economy."
    )
    assert "To Lam" in _people(data)
