"""The extractor's parts on small texts written to provoke one behaviour each, plus properties on any text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import BadInput
from analysis.extract import SECTIONS, extract_article, extract_text
from analysis.extract.clean import clean_article
from analysis.extract.timex import find_dates, find_times
from analysis.paths import SEED_ARTICLE

TUESDAY = dt.date(2025, 4, 8)


def _spans_ok(text: str, data: dict) -> None:
    for section in ("quotes", "figures", "events"):
        for row in data[section]:
            assert 0 <= row["start"] < row["end"] <= len(text)
            assert text[row["start"] : row["end"]] == row["text"], (section, row)
    for actor in data["actors"]:
        assert actor["mentions"] == len(actor["spans"])
        for s, e in actor["spans"]:
            assert 0 <= s < e <= len(text)
    for pos in data["positions"]:
        for s, e in pos["evidence"]:
            assert 0 <= s < e <= len(text)


def test_seed_has_every_contract_key_and_exact_spans() -> None:
    data = extract_article(SEED_ARTICLE, published="2025-04-08")
    assert tuple(data) == SECTIONS
    assert set(data["article"]) >= {"source", "title", "published", "timezone", "body_chars", "removed"}
    _spans_ok(SEED_ARTICLE.read_text(encoding="utf-8"), data)


@pytest.mark.parametrize(
    "expr,want",
    [("on Monday", "2025-04-07"), ("Tuesday morning", "2025-04-08"), ("last Tuesday", "2025-04-01"),
     ("April 2", "2025-04-02"), ("2 April 2025", "2025-04-02"), ("yesterday", "2025-04-07"),
     ("December 30", "2024-12-30")],
)  # fmt: skip
def test_dates_resolve_against_publication(expr: str, want: str) -> None:
    found = find_dates(f"It happened {expr}.", TUESDAY)
    assert found and found[0].date.isoformat() == want


def test_future_weekday_is_the_next_one() -> None:
    data = extract_text("The two sides will meet on Thursday in Geneva.", published=TUESDAY)
    assert [e["date"] for e in data["events"]] == ["2025-04-10"]


@pytest.mark.parametrize("expr,want", [("9:01 p.m.", "21:01"), ("4 p.m. ET", "16:00"), ("15:00 JST", "15:00")])
def test_clock_times(expr: str, want: str) -> None:
    assert find_times(f"at {expr} on Monday")[0].time == want


def test_time_in_another_zone_moves_into_the_article_zone() -> None:
    data = extract_text("Trump posted at 9 p.m. ET on Monday.", published=TUESDAY, timezone="Asia/Tokyo")
    assert (data["events"][0]["date"], data["events"][0]["time"]) == ("2025-04-08", "10:00")


def test_clutter_is_blanked_and_listed_with_offsets_kept() -> None:
    raw = (
        "Skip to content\nCanada strikes back at U.S. tariffs\nPublished: 15 Mar 2025, 11:49 PM\n"
        "OTTAWA (AP) — Prime Minister Mark Carney said Canada would respond.\n"
        "Mark Carney speaks. THE CANADIAN PRESS/Sean Kilpatrick\nSign up for our newsletter in your inbox.\n"
    )
    c = clean_article(raw)
    assert len(c.text) == len(raw)
    assert c.title == "Canada strikes back at U.S. tariffs"
    assert c.dateline_place == "Ottawa" and c.stated_date == dt.date(2025, 3, 15)
    assert any("Skip to content" in r for r in c.removed) and any("CANADIAN PRESS" in r for r in c.removed)
    assert "Kilpatrick" not in c.text and "Carney said" in c.text


def test_dateline_date_is_used_when_published_is_not_given() -> None:
    data = extract_text("Tariff news\nPublished: 15 Mar 2025\nCarney said on Friday that Canada would respond.\n")
    assert data["article"]["published"] == "2025-03-15"
    assert data["events"][0]["date"] == "2025-03-14"


def test_speaker_after_and_before_and_carried_over() -> None:
    text = (
        '"We will not accept this," Finance Minister Jane Roe said on Monday. "It is unfair to our workers."\n'
        "Commerce Secretary Howard Lutnick told reporters: “The tariffs stay in place until they change course.”\n"
    )
    data = extract_text(text, published=TUESDAY)
    by_text = {q["text"][:12]: q["speaker"] for q in data["quotes"] if q["kind"] != "paraphrase"}
    assert by_text == {
        "We will not ": "jane-roe",
        "It is unfair": "jane-roe",
        "The tariffs ": "howard-lutnick",
    }
    people = {a["id"]: a for a in data["actors"] if a["kind"] == "person"}
    assert people["howard-lutnick"]["title"] == "Commerce Secretary" and people["howard-lutnick"]["country"] == "USA"
    _spans_ok(text, data)


def test_unclosed_quote_does_not_stop_extraction() -> None:
    text = "Hayashi said the tariffs were “extremely regrettable and the talk"
    data = extract_text(text, published=TUESDAY)
    assert data["quotes"][0]["text"].startswith("extremely regrettable")
    _spans_ok(text, data)


def test_figures_carry_scale_unit_measure_and_subject() -> None:
    text = "The U.S. set a 25% tariff on Canadian goods worth $1.2 billion, and the S&P 500 fell 3.5% on Friday."
    figs = {f["text"]: f for f in extract_text(text, published=TUESDAY)["figures"]}
    assert figs["25%"]["measure"] == "tariff rate" and figs["25%"]["subject"] == "can"
    assert figs["$1.2 billion"]["value"] == 1_200_000_000 and figs["$1.2 billion"]["unit"] == "USD"
    assert figs["3.5%"]["measure"] == "index change" and figs["3.5%"]["subject"] == "sp-500"


def test_people_are_people_and_outlets_are_media() -> None:
    text = (
        "President Donald Trump wrote on Truth Social that Japan would pay. Bessent told Fox Business the Nikkei "
        "would recover, and he said talks would start soon. Toyota said it would raise prices."
    )
    kinds = {a["name"]: a["kind"] for a in extract_text(text, published=TUESDAY)["actors"]}
    assert kinds["Truth Social"] == "media" and kinds["Fox Business"] == "media"
    assert kinds["Nikkei 225"] == "market_index" and kinds["Donald Trump"] == "person"
    assert kinds["Bessent"] == "person", "a lone surname later called 'he' is a person"
    assert kinds.get("Toyota") != "person", "a company called 'it' is not a person"


@pytest.mark.parametrize("name", ["missing.txt", "dir"])
def test_bad_paths_raise_bad_input(tmp_path, name: str) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(BadInput):
        extract_article(tmp_path / name)


def test_impossible_date_is_refused() -> None:
    with pytest.raises(BadInput, match="2025-02-30"):
        extract_article(SEED_ARTICLE, published="2025-02-30")


NASTY = st.text(
    alphabet=st.sampled_from(list("“”‘’\"' .,:;!?\n—–-%$€0123456789aAbBzZ日本語ÉéTrumpSaidTuesday")),
    max_size=400,
) | st.text(max_size=200)


@settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(NASTY)
def test_any_text_gives_valid_spans(text: str) -> None:
    data = extract_text(text, published=TUESDAY)
    assert tuple(data) == SECTIONS
    _spans_ok(text, data)


def test_saved_page_is_read_with_its_metadata() -> None:
    page = SEED_ARTICLE.parents[1] / "tests" / "pages" / "wire_story_jsonld.html"
    data = extract_article(page)
    assert data["article"]["published"] == "2025-06-04", "the page's own date is used when none is given"
    assert data["article"]["format"] == "html" and data["article"]["url"].startswith("https://")
    assert any("cookies" in r for r in data["article"]["removed"])
    from analysis.ingest import read_article

    _spans_ok(read_article(page).text, data)


def test_rates_listed_per_country_and_index_governing_its_numbers() -> None:
    text = (
        "A 10% tax on all imports starts Saturday. Higher rates follow: 34% for China, 20% for the European "
        "Union and 24% for Japan. Dow futures fell 1,000 points, or 2.4%, and the dollar weakened 0.5% against the yen."
    )
    figs = {f["text"]: f for f in extract_text(text, published=TUESDAY)["figures"]}
    assert [figs[k]["subject"] for k in ("34%", "20%", "24%")] == ["chn", "euu", "jpn"]
    assert all(figs[k]["measure"] == "tariff rate" for k in ("34%", "20%", "24%"))
    assert figs["2.4%"]["subject"] == "dow-jones" and figs["1,000 points"]["subject"] == "dow-jones"
    assert "exchange rate" in figs["0.5%"]["measure"]


def test_speaker_named_after_a_standalone_quote() -> None:
    text = (
        "Ministers met in Brussels on Monday.\n\n"
        "“Patience is not infinite. If Washington does not want a deal, it will get a response.”\n\n"
        "Those were the words of Lars Lokke Rasmussen, the Danish foreign minister, as he arrived.\n"
    )
    data = extract_text(text, published=TUESDAY)
    quote = next(q for q in data["quotes"] if q["text"].startswith("Patience"))
    assert quote["speaker"] == "lars-lokke-rasmussen"
    person = next(a for a in data["actors"] if a["id"] == "lars-lokke-rasmussen")
    assert person["title"] == "foreign minister" and person["country"] == "DNK"
