"""Saved web pages: the story, its metadata and the clutter left out, on pages built like real news sites."""

from __future__ import annotations

import datetime as dt
import json
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.contract import validate_extraction
from analysis.errors import BadInput
from analysis.extract import extract_text
from analysis.webpage import Page, looks_like_html, read_page

PAGES = Path(__file__).parent / "pages"

# Per fixture: sentences the story must keep, clutter it must not contain, and what `removed` must list.
ARTICLES = {
    "wire_story_jsonld": {
        "keep": [
            "PARIS, June 4 (Meridian Wire) - European Union trade chief Maros Sefcovic and U.S. Trade Representative",
            "“We are advancing in the right direction, but the doubling of the steel tariff makes our work harder, "
            "not easier,” Sefcovic said",
            'Greer, in a post on X, called the talks "productive"',
            "reached 1.6 trillion euros in 2024, the largest bilateral trade relationship in the world.",
        ],
        "clutter": [
            "cookies",
            "Subscribe",
            "Share on",
            "Related coverage",
            "Read Next",
            "newsletter",
            "©",
            "Skip to",
            "Sustainability",
            "Trust Principles",
            "Sign In",
        ],  # fmt: skip
        "removed": [
            "We use cookies and similar technologies",
            "Share on Facebook",
            "Related coverage",
            "Read Next",
            "Sign up for our daily newsletter",
            "© 2025 Meridian Wire",
            "World | Business",
        ],  # fmt: skip
    },
    "broadsheet_paywall_og": {
        "keep": [
            "Prime Minister Mark Carney said Canada would keep negotiating with the United States but would not "
            "sign “a bad deal”",
            "“Throughout the current trade negotiations with the United States, the Canadian government",
            "“Companies have stopped investing until they know what the rules are,” she said.",
            "Carney is expected to meet provincial premiers in Huntsville, Ontario, on July 22",
        ],
        "clutter": [
            "cookies",
            "Subscribe",
            "free articles",
            "Elbows up",
            "Comments",
            "More on this story",
            "Most viewed",
            "Morning Ledger",
            "Sign up",
            "©",
            "Share",
            "1,204 shares",
            "Wildfire",
        ],  # fmt: skip
        "removed": [
            "We and our partners use cookies",
            "You’ve read 4 of your 5 free articles",
            "Morning Ledger",
            "Comments (142)",
            "Elbows up",
            "More on this story",
            "Most viewed",
            "Share | Facebook",
            "© 2025 Northern Ledger",
        ],  # fmt: skip
    },
    "markets_time_tag": {
        "keep": [
            '"We have protected what needed to be protected," Ryosei Akazawa, Japan\'s chief trade negotiator',
            "The Nikkei 225 rose 3.5% to close at 41,171.32, its highest level in a year.",
            '"If the president is unhappy, the tariffs will go back to 25%, both on cars and on everything else," '
            "Bessent said.",
            "The yen weakened 0.3% to 146.92 per dollar",
        ],
        "clutter": [
            "Advertisement",
            "Most read",
            "Sign up",
            "Copyright",
            "Related topics",
            "Subscribe",
            "Bank of Japan holds rates",
            "Toyota shares post",
        ],  # fmt: skip
        "removed": [
            "Advertisement",
            "Most read",
            "Sign up for our Markets Asia newsletter",
            "Related topics",
            "Copyright © 2025 Pacific Markets Daily",
            "Subscribe to read",
        ],  # fmt: skip
    },
    "sloppy_markup": {
        "keep": [
            "DES MOINES, Iowa -- Iowa soybean farmers are weighing whether to plant fewer acres this spring",
            '"I\'ve got 1,200 acres and no idea who is going to buy the beans in October," said Dale Henning',
            '"Farmers don\'t want a bailout, they want trade," Grassley wrote on X.',
            "Its president, Tom Vander Meer, said members had told him",
        ],
        "clutter": [
            "Comments are closed",
            "Share this story",
            "Copyright",
            "Classifieds",
            "Sections",
            "By Ruth Ann Kessler",
            "Posted April",
            "|",
            "Hawkeye Seed",
        ],  # fmt: skip
        "removed": [
            "Comments are closed on this story.",
            "Share this story: Email | Print",
            "Copyright 2025 Prairie Farm Report",
            "Home | Markets | Weather",
            "Sections | News",
        ],  # fmt: skip
    },
}
METADATA = {  # as written in each page (date source in the comment)
    "wire_story_jsonld": dict(  # JSON-LD datePublished only
        title="EU and U.S. end Paris round without deal as steel tariffs double",
        published=dt.date(2025, 6, 4), published_time="2025-06-04T16:45:12+00:00", author="Claire Duvall",
        site="Meridian Wire", language="en",
        url="https://www.meridianwire.com/world/europe/eu-us-end-paris-round-without-deal-steel-tariffs-double-2025-06-04/",
    ),
    "broadsheet_paywall_og": dict(  # Open Graph article:published_time only
        title="Carney vows to ‘defend Canadian workers’ after Trump threatens 35% tariff",
        published=dt.date(2025, 7, 11), published_time="2025-07-11T09:30:00-04:00", author="Nadia Okafor",
        site="The Northern Ledger", language="en",
        url="https://www.northernledger.ca/politics/2025/jul/11/carney-trump-35-per-cent-tariff-canada",
    ),
    "markets_time_tag": dict(  # <time datetime> only
        title="Tokyo stocks jump as U.S.-Japan deal cuts auto tariffs to 15%",
        published=dt.date(2025, 7, 23), published_time="2025-07-23T15:40:00+09:00", author="Kenji Morimoto",
        site="Pacific Markets Daily", language="en",
        url="https://asia.pacificmarketsdaily.com/Economy/Trade/Tokyo-stocks-jump-as-U.S.-Japan-deal-cuts-auto-tariffs-to-15",
    ),
    "sloppy_markup": dict(  # JSON-LD inside an @graph
        title="Iowa soybean growers brace for lost season as China tariffs bite",
        published=dt.date(2025, 4, 16), published_time="2025-04-16T06:00:00-05:00", author="Ruth Ann Kessler",
        site="Prairie Farm Report", language="en",
        url="https://prairiefarmreport.com/news/2025/04/16/iowa-soybean-growers-china-tariffs",
    ),
}  # fmt: skip
REFUSED = {
    "home_page": "no article text found in the page",
    "error_404": "no article text found in the page",
    "german_article": "page is in German (de); Tariff Desk reads English articles",
    "truncated_save": "page markup is broken",
}
TWINS = ["wire_story_jsonld", "broadsheet_paywall_og", "markets_time_tag"]  # each has NAME.txt beside it


def _read(name: str) -> Page:
    return read_page((PAGES / f"{name}.html").read_text(encoding="utf-8"), source=f"tests/pages/{name}.html")


def _html(body: str, head: str = "", lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


STORY = "".join(
    f"<p>{s}</p>"
    for s in [
        "WASHINGTON — The United States and India opened a new round of trade talks on Tuesday, with officials "
        "saying they hoped to settle the outline of a first agreement before a tariff deadline next month.",
        "Commerce Secretary Howard Lutnick said the two sides had made progress on agricultural access and on "
        "duties on industrial goods, but that several questions remained open.",
        "India's trade minister Piyush Goyal told reporters in New Delhi that his country would not rush into a "
        "deal and would protect the interests of its farmers.",
    ]
)


@pytest.mark.parametrize("name", ARTICLES)
def test_main_text_has_the_story_and_none_of_the_clutter(name: str) -> None:
    page = _read(name)
    for sentence in ARTICLES[name]["keep"]:
        assert sentence in page.text, sentence
    for clutter in ARTICLES[name]["clutter"]:
        assert clutter not in page.text, clutter
    assert not page.text.startswith(page.title), "the headline is metadata, not story"
    assert all(line and line == line.strip() for line in page.text.split("\n"))


@pytest.mark.parametrize("name", METADATA)
def test_metadata_is_read_as_the_page_writes_it(name: str) -> None:
    page = _read(name)
    assert {field: getattr(page, field) for field in METADATA[name]} == METADATA[name]


@pytest.mark.parametrize("name", ARTICLES)
def test_removed_lists_each_piece_of_clutter_once(name: str) -> None:
    page = _read(name)
    for piece in ARTICLES[name]["removed"]:
        assert any(piece in entry for entry in page.removed), (piece, page.removed)
    assert len(page.removed) == len(set(page.removed))
    assert all(entry == entry.strip() and entry for entry in page.removed)
    for sentence in ARTICLES[name]["keep"]:  # nothing of the story is reported as dropped
        assert not any(sentence in entry for entry in page.removed)


def test_a_notice_is_one_entry_with_its_buttons() -> None:
    cookie = [e for e in _read("wire_story_jsonld").removed if "cookies" in e and "personalise" in e]
    assert len(cookie) == 1 and "Accept All Cookies" in cookie[0] and "Cookie Settings" in cookie[0]


def test_quote_split_across_paragraphs_and_em_is_one_quote() -> None:
    page = _read("broadsheet_paywall_og")
    whole = "But I can tell you that every option remains on the table, including our own measures, if that is what it takes."
    assert f"“{whole}”" in page.text.split("\n")[4]
    quotes = {q["text"] for q in extract_text(page.text, published=page.published)["quotes"]}
    assert whole in quotes


def test_quote_that_really_runs_over_two_paragraphs_stays_two_paragraphs() -> None:
    body = (
        STORY
        + "<p>“We will not sign a deal that hurts our farmers.</p><p>“We will take the time we need,” Goyal said.</p>"
    )
    lines = read_page(_html(body), source="x.html").text.split("\n")
    assert lines[-2:] == [
        "“We will not sign a deal that hurts our farmers.",
        "“We will take the time we need,” Goyal said.",
    ]


@pytest.mark.parametrize("name", TWINS)
def test_page_text_is_the_plain_text_story(name: str) -> None:
    headline, *body = (PAGES / f"{name}.txt").read_text(encoding="utf-8").strip().split("\n")
    page = _read(name)
    assert page.title == headline
    assert page.text == "\n".join(body)


@pytest.mark.parametrize("name", TWINS)
def test_extraction_on_the_page_scores_like_extraction_on_its_plain_text(name: str) -> None:
    page = _read(name)
    from_page = extract_text(page.text, source=name, published=page.published)
    from_txt = extract_text((PAGES / f"{name}.txt").read_text(encoding="utf-8"), source=name, published=page.published)

    def found(data: dict) -> tuple[set, set, set]:
        people = {a["name"] for a in data["actors"] if a["kind"] == "person"}
        return people, {q["text"] for q in data["quotes"]}, {f["value"] for f in data["figures"]}

    assert found(from_page) == found(from_txt)
    assert all(found(from_page)), "each twin has people, quotes and figures to compare"


@pytest.mark.parametrize("name", REFUSED)
def test_pages_without_an_english_article_are_refused_in_one_line(name: str) -> None:
    with pytest.raises(BadInput) as err:
        _read(name)
    message = str(err.value)
    assert message.startswith(REFUSED[name])
    assert f"tests/pages/{name}.html" in message and " — " in message and "\n" not in message


def test_headline_byline_and_date_stamp_are_metadata_not_story() -> None:
    head = "<p>By Asha Rao, staff writer</p><p>Published April 8, 2025</p>"
    page = read_page(_html(f"<article><h1>India and U.S. open new trade round</h1>{head}{STORY}</article>"), source="x")
    assert page.title == "India and U.S. open new trade round"
    assert page.text.startswith("WASHINGTON — The United States and India opened")


def test_story_in_a_wrapper_named_like_clutter_is_kept() -> None:
    # metered sites wrap the later part of a story in e.g. <div class="paywall-content">: story, not a notice
    more = [
        "Goyal said India was ready to lower duties on some American farm goods, including almonds and apples, "
        "if Washington eased its own tariffs on Indian steel and auto parts.",
        "U.S. officials have pressed New Delhi to open its market to dairy products and genetically modified "
        "crops, two areas Indian negotiators have long refused to discuss.",
        "Bilateral trade in goods between the two countries reached about $129 billion last year, with India "
        "running a surplus of roughly $46 billion, according to U.S. government figures.",
    ]
    wrapped = '<div class="paywall-content">' + "".join(f"<p>{p}</p>" for p in more) + "</div>"
    # the lead-in twice, so that the wrapped part is under half the story and only its name can betray it
    page = read_page(_html(STORY + STORY.replace("WASHINGTON — ", "") + wrapped), source="x")
    assert all(p in page.text for p in more)
    assert not any("Goyal said India was ready" in entry for entry in page.removed)


def test_date_sources_rank_json_ld_then_open_graph_then_time() -> None:
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-09T08:00:00Z"}</script>'
    og = '<meta property="article:published_time" content="2025-04-10T09:00:00+09:00">'
    time = '<time datetime="2025-04-11">April 11</time>'
    assert read_page(_html(time + STORY, ld + og), source="x").published_time == "2025-04-09T08:00:00+00:00"
    assert read_page(_html(time + STORY, og), source="x").published == dt.date(2025, 4, 10)
    only_time = read_page(_html(f"<article>{time}{STORY}</article>"), source="x")
    assert (only_time.published, only_time.published_time) == (dt.date(2025, 4, 11), None)


def test_malformed_json_ld_is_skipped_not_fatal() -> None:
    bad = [
        '{"@type": null, "datePublished": "2025-01-01"}',
        '[{"@type": [{"x": 1}, 7], "datePublished": "2025-01-02"}, 3, "text"]',
        '{"@type": "NewsArticle", "datePublished": "not a date", "author": {"name": 5}, "headline": ["x"]}',
        '{"@type": "NewsArticle", "datePublished": "2025-13-45T10:00:00Z"',
    ]
    head = "".join(f'<script type="application/ld+json">{b}</script>' for b in bad)
    head += '<meta name="date" property="article:published_time" content="2025-04-08T21:01:00+09:00">'
    page = read_page(_html(STORY, head), source="x")
    assert (page.published, page.published_time, page.author) == (
        dt.date(2025, 4, 8),
        "2025-04-08T21:01:00+09:00",
        None,
    )


def test_language_comes_from_the_text_before_the_label() -> None:
    assert read_page(_html(STORY, lang="de"), source="x").language == "en"  # mislabelled English page is read
    japanese = (
        "<p>"
        + "日米両政府は関税交渉の新たな協議を始めた。赤沢亮正経済再生相はワシントンで記者団に語った。" * 4
        + "</p>"
    )
    with pytest.raises(BadInput, match=r"^page is in Japanese \(ja\)"):
        read_page(_html(japanese, lang="en"), source="x")


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        ("anything", ".HTML", True),
        ((PAGES / "sloppy_markup.html").read_text(encoding="utf-8"), ".txt", True),
        ((PAGES / "wire_story_jsonld.html").read_text(encoding="utf-8"), "", True),
        ((PAGES / "wire_story_jsonld.txt").read_text(encoding="utf-8"), ".txt", False),
        ("Tariffs <b>rose</b> to 25% on <i>cars</i>, the <a>ministry</a> said.", ".txt", False),
    ],
)
def test_looks_like_html_by_name_or_by_content(data: str, suffix: str, expected: bool) -> None:
    assert looks_like_html(data, suffix) is expected


def test_reading_is_deterministic_and_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read_page tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert _read("wire_story_jsonld") == _read("wire_story_jsonld")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["", "<p>", "</div><table><tr><td>", "<script>", "<!--"]))
def test_any_page_gives_a_page_or_one_bad_input(text: str, markup: str) -> None:
    try:
        page = read_page(_html(markup + text + STORY), source="fuzz.html")
    except BadInput as exc:
        assert "\n" not in str(exc)
    else:
        assert page.text == "\n".join(line for line in page.text.split("\n") if line.strip())


def test_report_on_a_saved_page_needs_no_date_and_keeps_the_text_its_offsets_index(tmp_path: Path) -> None:
    """The page states its date (JSON-LD), so no --published; article.txt is the text every start/end points into."""
    from conftest import run_cli

    page = PAGES / "wire_story_jsonld.html"
    done = run_cli("report", page, "--out", tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / page.stem
    extraction = json.loads((folder / "extraction.json").read_text(encoding="utf-8"))
    text = (folder / "article.txt").read_text(encoding="utf-8")
    saved = _read(page.stem)
    assert text == saved.text
    assert extraction["article"]["published"] == saved.published.isoformat()
    assert validate_extraction(extraction, text=text) == []
    assert extraction["quotes"] and all(text[q["start"] : q["end"]] == q["text"] for q in extraction["quotes"])
    assert "Sefcovic" in (folder / "report.html").read_text(encoding="utf-8")
