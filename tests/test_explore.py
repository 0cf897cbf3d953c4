"""What notebooks 02 and 03 choose and show for the seed, and the JupyterLab explorers driven from Python."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import explore, market, schedule, tables
from analysis.charts import market as market_charts
from analysis.charts import schedule as schedule_charts
from analysis.errors import BadInput
from analysis.paths import SEED_ARTICLE, SEEDS_DIR

FILES = Path(__file__).parent / "market_files"
PLOTLY = "application/vnd.plotly.v1+json"


@pytest.fixture(scope="module")
def seed() -> dict:
    from analysis.extract import extract_article

    return extract_article(SEED_ARTICLE, published="2025-04-08")


@pytest.fixture(scope="module")
def closes() -> pd.DataFrame:
    return market.load_closes()


@pytest.fixture(scope="module")
def wide(closes) -> pd.DataFrame:
    return market.closes_wide(closes)


def figure(area) -> go.Figure:
    """The plotly figure an explorer's Output area shows (its one display bundle), typed arrays decoded."""
    (output,) = area.outputs
    return go.Figure(_decoded(output["data"][PLOTLY]))


def _decoded(obj: object) -> object:
    """plotly's JSON with its typed arrays ({"dtype", "bdata"}: base64 of a numpy buffer) as lists."""
    if isinstance(obj, dict) and set(obj) >= {"dtype", "bdata"}:
        return np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"]).tolist()
    if isinstance(obj, dict):
        return {k: _decoded(v) for k, v in obj.items() if k != "config"}
    return [_decoded(v) for v in obj] if isinstance(obj, list) else obj


def names(area) -> list[str]:
    return [trace.name for trace in figure(area).data]


# ---- notebook 03: which series, which days -------------------------------------------------------------------------


def test_the_seed_charts_the_nikkei_and_the_yen(seed, closes) -> None:
    assert market.series_for(seed) == ["Nikkei 225", "USD/JPY (FRED DEXJPUS)"]
    assert market.series_for(seed, set(closes["series"])) == ["Nikkei 225", "USD/JPY (FRED DEXJPUS)"]
    assert market.unavailable_indexes(seed, set(closes["series"])) == []


def test_series_fall_back_to_the_sp500_then_to_the_users_own(seed) -> None:
    plain = {"actors": [{"id": "deu", "name": "Germany", "kind": "country", "country": "DEU", "mentions": 3}]}
    assert market.series_for(plain) == ["S&P 500"]
    dow = {"actors": [{"id": "dow-jones", "name": "Dow Jones Industrial Average", "kind": "market_index"}]}
    assert market.series_for(dow) == ["S&P 500"]
    assert market.unavailable_indexes(dow, ["S&P 500"]) == ["Dow Jones Industrial Average"]
    assert market.series_for(seed, ["yahoo_ok"]) == ["yahoo_ok"]  # a user's file with none of the article's series
    assert market.series_for(seed, ["nikkei-225", "other"]) == ["nikkei-225"]  # found by the index's id
    yen = {"actors": [], "quotes": [{"text": "the yen rallied"}]}
    assert market.series_for(yen) == ["S&P 500", "USD/JPY (FRED DEXJPUS)"]


def test_window_is_five_trading_days_either_side_on_the_leads_calendar(wide) -> None:
    start, end = market.window_around("2025-04-08", wide, "Nikkei 225", 5, 5)
    assert (start, end) == (pd.Timestamp("2025-03-31"), pd.Timestamp("2025-04-15"))  # from the close before day -5
    saturday = market.window_around("2025-04-05", wide, "Nikkei 225", 0, 0)
    assert saturday == (pd.Timestamp("2025-04-04"), pd.Timestamp("2025-04-07"))  # day 0: Monday's session
    assert market.window_around("2025-09-29", wide, "Nikkei 225", 5, 5)[1] == pd.Timestamp("2025-09-30")  # cut
    with pytest.raises(BadInput, match="outside the Nikkei 225 closes"):
        market.window_around("2023-05-01", wide, "Nikkei 225")


def test_events_are_the_articles_and_the_timelines_within_the_window(seed) -> None:
    rows = market.event_rows(seed, schedule.load_timeline(), "2025-03-31", "2025-04-15")
    assert list(rows.columns) == market.EVENT_COLUMNS
    assert set(rows.loc[rows.source == "article", "date"]) == {"2025-04-07", "2025-04-08"}
    timeline = rows[rows.source == "tariff timeline"]
    assert "JPN: country-specific rate 24%" in set(timeline.what) and not timeline.what.str.startswith("CHN").any()
    marks = market.event_markers(seed, schedule.load_timeline(), "2025-03-31", "2025-04-15")
    assert [m["date"] for m in marks] == ["2025-04-02", "2025-04-03", "2025-04-07", "2025-04-08", "2025-04-09"]
    call = marks[2]
    assert call["label"].startswith("article: call start 21:01 (+") and "interview" in call["hover"]
    hostile = copy.deepcopy(seed)
    hostile["events"][0]["action"] = "<script>alert(1)</script>"
    hover = " ".join(m["hover"] for m in market.event_markers(hostile, schedule.load_timeline()))
    assert "<script>" not in hover and "&lt;script&gt;" in hover


def test_market_view_of_the_seed(seed, closes) -> None:
    view = market_charts.market_view(seed, closes)
    assert view.series == ["Nikkei 225", "USD/JPY (FRED DEXJPUS)"] and not view.problem
    assert (view.start, view.first, view.end) == tuple(
        pd.Timestamp(d) for d in ("2025-03-31", "2025-04-01", "2025-04-15")
    )
    assert {"2025-04-07", "2025-04-08"} <= set(view.event_table.date)
    frame, result = view.study
    assert result.method == "market model" and result.benchmark == "S&P 500" and result.window == (-5, 5)
    assert "priced after Tokyo closes" in view.method and "CAR [-5, +5]" in view.method
    assert "Window: 5 trading days" in view.summary and "Tue 2025-04-08" in view.summary
    levels, returns, car = (f(view) for f in (market_charts.levels, market_charts.returns, market_charts.abnormal))
    assert [t.name for t in levels.data][::2] == view.series
    assert pd.DatetimeIndex(returns.data[0].x)[0] == pd.Timestamp("2025-04-01")  # day -5, not the close before
    assert [a.text for a in levels.layout.annotations][2].startswith("07 Apr: article: call start")
    assert list(car.data[-1].x) == list(range(-5, 6))


def test_market_view_says_what_is_missing_instead_of_failing(seed, closes) -> None:
    old = copy.deepcopy(seed)
    old["article"]["published"] = "2023-05-01"
    view = market_charts.market_view(old, closes)
    assert "No market charts: 2023-05-01 is outside" in view.problem and view.study is None
    assert market_charts.levels(view) is None and market_charts.abnormal(view) is None
    assert view.method == view.problem
    undated = copy.deepcopy(seed)
    undated["article"]["published"] = None
    view = market_charts.market_view(undated, closes)
    assert view.published == pd.Timestamp("2025-04-08") and "centres on its last dated event" in view.summary
    undated["events"] = []
    assert "no date" in market_charts.market_view(undated, closes).problem
    asked = market_charts.market_view(seed, closes, series=["Dow Jones", "TOPIX"], window=3)
    assert asked.series == ["TOPIX"] and "No closes for Dow Jones" in asked.summary and "as asked" in asked.summary
    user = market_charts.market_view(seed, market.read_market_csv(FILES / "yahoo_ok.csv"), window=3)
    assert user.series == ["yahoo_ok"] and "hold no daily closes for Nikkei 225" in user.summary
    assert user.study[1].method == "raw returns" and "Benchmark" not in user.method  # none is asked for yahoo_ok
    benchless = market_charts.market_view(seed, closes[closes.series != "S&P 500"])
    assert "Benchmark S&P 500 not used" in benchless.method
    for bad in (0, 61, 2.5, True):
        with pytest.raises(BadInput, match="window"):
            market_charts.market_view(seed, closes, window=bad)


# ---- notebook 02: the schedule's extra views ---------------------------------------------------------------------


def test_rates_by_country_dots_the_rate_in_force_that_day() -> None:
    fig = schedule_charts.rates_by_country(schedule.load_annex(), ["CHN"], day="2025-04-10")
    dots = fig.data[-1]
    assert dots.name == "in force on 10 Apr 2025"
    by_partner = dict(zip(dots.y, dots.x, strict=True))
    assert by_partner["China (CHN)"] == 125 and by_partner["Japan (JPN)"] == 10  # the pause, but not for China
    early = schedule_charts.rates_by_country(schedule.load_annex(), [], day="2025-04-01").data[-1]
    assert set(early.x) == {0}  # no reciprocal tariff before 5 April


def test_rate_over_time_marks_as_of_beside_the_publication_day() -> None:
    fig = schedule_charts.rate_over_time(["JPN"], dt.date(2025, 4, 8), as_of="2025-04-10")
    assert [t.name for t in fig.data][-2:] == ["published 08 Apr 2025", "as of 10 Apr 2025"]
    same = schedule_charts.rate_over_time(["JPN"], dt.date(2025, 4, 8), as_of=dt.date(2025, 4, 8))
    assert [t.name for t in same.data][-1] == "published 08 Apr 2025"


def test_data_gaps_name_what_the_schedule_cannot_say() -> None:
    gaps = schedule.data_gaps(["USA", "JPN", "CHN", "KHM"])
    assert list(gaps.columns) == ["about", "gap"]
    assert (gaps.about == "all partners").sum() == 1 + len(schedule.KNOWN_GAPS[""])
    about = gaps.groupby("about")["gap"].apply(" ".join)
    assert "not US goods" in about["United States"] and "4 Sep 2025" in about["Japan"]
    assert "From 12 Aug 2025" in about["China"] and "From 07 Aug 2025" in about["Cambodia"]


# ---- the explorers ---------------------------------------------------------------------------------------------


def test_schedule_explorer_redraws_on_countries_and_day() -> None:
    box = explore.schedule_explorer(schedule.load_annex(), schedule.load_timeline(), ["USA", "JPN"], "2025-04-08")
    assert box.countries.value == ("USA", "JPN") and "KOR" in dict(box.countries.options).values()
    assert names(box.over_time)[0] == "Japan (JPN)" and names(box.ranked)[-1] == "in force on 08 Apr 2025"
    box.countries.value = ("CHN", "JPN")
    assert names(box.over_time)[:1] == ["China (CHN)"]
    assert sorted(figure(box.ranked).data[1].y) == ["China (CHN)", "Japan (JPN)"]
    box.as_of.value = dt.date(2025, 4, 10)
    dots = figure(box.ranked).data[-1]
    assert dots.name == "in force on 10 Apr 2025" and 125 in dots.x
    assert "as of 10 Apr 2025" in names(box.over_time)
    box.countries.value = ()
    assert "Pick a country" in box.over_time.outputs[0]["data"]["text/html"]


def test_market_explorer_redraws_on_window_series_and_benchmark(seed, closes) -> None:
    view = market_charts.market_view(seed, closes)
    box = explore.market_explorer(view.wide, view.series, view.events, 5, published="2025-04-08")
    assert box.series.value == "Nikkei 225" and names(box.levels)[0] == "Nikkei 225"
    assert len(figure(box.returns).data[0].x) == 11
    assert "Market model against S&amp;P 500" in box.method.value  # HTML-escaped
    box.window.value = 3
    assert len(figure(box.returns).data[0].x) == 7
    assert list(figure(box.car).data[-1].x) == [-3, -2, -1, 0, 1, 2, 3]
    box.series.value = "TOPIX"
    assert names(box.levels)[0] == "TOPIX" and "TOPIX" in figure(box.car).layout.title.text
    box.benchmark.value = "Nikkei 225"
    assert "against Nikkei 225" in box.method.value
    late = explore.market_explorer(view.wide, view.series, view.events, 5, published="2026-01-05")
    assert late.levels.outputs == () and "No market charts" in late.method.value


def test_article_explorer_shows_an_actor_with_quotes_and_highlighted_evidence(seed) -> None:
    other = copy.deepcopy(seed)
    other["article"]["source"] = "elsewhere/other.txt"  # not on disk: no text to highlight
    box = explore.article_explorer([seed, SEEDS_DIR, other])
    assert [label for label, _ in box.article.options] == ["000_dde2b044a75bcc9a.txt", "other.txt"]  # seed once
    assert box.actor.value == "usa"
    box.actor.value = "shigeru-ishiba"
    page = box.details.value
    assert "<h4>Shigeru Ishiba</h4>" in page and "Prime Minister" in page and "Japan (JPN)" in page
    assert "<td>extremely regrettable</td>" in page and "<td>phone call</td>" in page and "<td>2025-04-07</td>" in page
    assert '<mark title="2. tariffs/duties (oppose)">extremely regrettable</mark>' in page
    box.actor.value = "donald-trump"
    assert "Truth Social" in box.details.value and box.details.value != page
    box.article.value = 1
    box.actor.value = "shigeru-ishiba"
    assert "not at hand" in box.details.value and "<mark" not in box.details.value


def test_article_explorer_extracts_a_file_when_picked_and_escapes_it(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        'Japan\'s prime minister Shigeru Ishiba said the tariffs were "<b>extremely</b> regrettable".\n',
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert "No article to show" in explore.article_explorer([]).details.value
    box = explore.article_explorer([tmp_path])
    assert [label for label, _ in box.article.options] == ["empty.txt", "hostile.txt"]
    assert "cannot be read" in box.details.value and "empty" in box.details.value
    box.article.value = 1
    assert box.actor.options and "<b>extremely</b>" not in box.details.value
    assert "&lt;b&gt;extremely&lt;/b&gt;" in box.details.value


def test_highlight_escapes_and_splits_overlapping_spans() -> None:
    text = "a <b> c d"
    got = explore.highlight(text, [(2, 7, "1"), (6, 9, "2")])
    assert got == 'a <mark title="1">&lt;b&gt; </mark><mark title="1; 2">c</mark><mark title="2"> d</mark>'


def test_an_explorer_exported_to_html_shows_a_sentence_not_an_empty_widget(seed, closes) -> None:
    from analysis.report import to_html

    view = market_charts.market_view(seed, closes)
    box = explore.market_explorer(view.wide, view.series, view.events, 3, published="2025-04-08")
    data = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data  # JupyterLab draws the live widget
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer")
    cell.outputs = [nbformat.v4.new_output("display_data", data=json.loads(json.dumps(data)))]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), cell]
    html = to_html(nb)
    assert explore.OFFLINE.split(":")[0] in html and "widget-view+json" not in html
    assert tables.Note(explore.OFFLINE)._repr_html_() == data["text/html"]
