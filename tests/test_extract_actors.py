"""People the extractor finds: names, titles, countries."""

from __future__ import annotations

from analysis.extract import extract_text


def _people(data: dict) -> dict[str, dict]:
    return {a["name"]: a for a in data["actors"] if a["kind"] == "person"}


def _quote(data: dict, start: str) -> dict:
    return next(q for q in data["quotes"] if q["text"].startswith(start))


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


def test_general_secretary_to_lam():
    data = extract_text(
        "Vietnam got a deal.\n\nGeneral Secretary To Lam and U.S. President Donald Trump agreed on a framework "
        "in a phone call on Wednesday. Lam asked the U.S. to recognize Vietnam as a market economy."
    )
    assert "To Lam" in _people(data)


def test_outlet_named_after_a_country_is_where_the_story_is_told_from():
    data = extract_text(
        "Buenos Aires Times\n\nPeso rallies as swap nears\n\n"
        "The United States and Argentina are close to a swap deal, officials in Washington said on Thursday.\n\n"
        'Economist Martín Rapetti said the swap bought time. "The peso is still overvalued," Rapetti said.'
    )
    assert _people(data)["Martín Rapetti"]["country"] == "ARG"


def test_a_senator_in_a_story_told_from_manila_is_not_a_us_senator():
    data = extract_text(
        "MANILA — The Philippines will pay a 19 percent tariff on its exports to the United States.\n\n"
        'Senator Risa Hontiveros called the agreement "lopsided" and asked the Senate to review it.'
    )
    assert _people(data)["Risa Hontiveros"]["country"] == "PHL"
