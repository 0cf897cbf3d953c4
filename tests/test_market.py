"""Market data: the bundled closes, users' exports (good and bad files), and the article's market claims."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from analysis.errors import BadInput, DataInvalid
from analysis.market import CLAIM_COLUMNS, closes_wide, load_closes, market_claims, read_market_csv

FILES = Path(__file__).parent / "market_files"

# Shaped like CONTRACT.md; offsets are those of the seed article's Nikkei sentence.
SEED = {
    "article": {"source": "seeds/000_dde2b044a75bcc9a.txt", "published": "2025-04-08", "timezone": "Asia/Tokyo"},
    "actors": [
        {"id": "jpn", "name": "Japan", "kind": "country", "spans": [[3700, 3707]]},
        {"id": "nikkei-225", "name": "Nikkei 225", "kind": "market_index", "spans": [[3730, 3748]]},
    ],
    "figures": [
        {"text": "24%", "value": 24, "unit": "percent", "measure": "tariff rate", "subject": "jpn", "start": 1917, "end": 1920},
        {"text": "6.03%", "value": 6.03, "unit": "percent", "measure": "index change", "subject": "nikkei-225", "start": 3756, "end": 3761},
        {"text": "1,876 points", "value": 1876, "unit": "points", "measure": "index change", "subject": "nikkei-225", "start": 3766, "end": 3778},
    ],
    "events": [
        {"date": "2025-04-07", "time": "21:01", "action": "call start", "actors": ["jpn"], "start": 2004, "end": 2226},
        {"date": "2025-04-08", "time": None, "action": "index rise", "actors": ["nikkei-225"], "start": 3640, "end": 3791,
         "text": "Markets reacted positively to the latest turn of events, with Japan’s benchmark 225-issue Nikkei stock "
                 "index rising 6.03%, or 1,876 points, on Tuesday."},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def closes() -> pd.DataFrame:
    return load_closes()


# ---- bundled closes ---------------------------------------------------------------------------------------------


def test_bundled_closes_are_valid_and_sourced(closes):
    assert list(closes.columns) == ["date", "series", "close", "source", "note"]
    assert set(closes["series"]) == {"Nikkei 225", "TOPIX", "S&P 500", "USD/JPY", "USD/JPY (FRED DEXJPUS)"}
    assert (closes["close"] > 0).all() and closes["source"].str.len().gt(0).all()
    assert not closes.duplicated(["series", "date"]).any()
    nikkei = closes[closes["series"] == "Nikkei 225"].set_index("date")["close"]
    assert nikkei[pd.Timestamp("2025-04-07")] == 31136.58
    assert nikkei[pd.Timestamp("2025-04-08")] == 33012.58


def test_wide_keeps_closed_days_empty(closes):
    wide = closes_wide(closes)
    holiday = pd.Timestamp("2025-04-29")  # Showa Day: Tokyo closed, New York open
    assert pd.isna(wide.at[holiday, "Nikkei 225"]) and pd.isna(wide.at[holiday, "TOPIX"])
    assert wide.at[holiday, "S&P 500"] > 0
    assert wide["USD/JPY"].last_valid_index() == pd.Timestamp("2025-05-22")  # the Bloomberg export ends there
    assert pd.isna(wide.at[pd.Timestamp("2025-09-30"), "USD/JPY"])
    assert wide.notna().sum().to_dict() == closes.groupby("series").size().to_dict()


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("closes_unsourced.csv", "line 3: every row needs a series and a source"),
        ("closes_duplicate.csv", "duplicate Nikkei 225 close on 2025-04-07"),
        ("closes_negative.csv", "line 2: close '-5' is not a positive number"),
    ],
)
def test_broken_bundled_data_is_refused(name, problem):
    with pytest.raises(DataInvalid) as err:
        load_closes(FILES / name)
    assert problem in str(err.value) and name in str(err.value)


# ---- users' exports ---------------------------------------------------------------------------------------------


def test_yahoo_export_uses_close_not_adj_close():
    got = read_market_csv(FILES / "yahoo_ok.csv")
    assert list(got.columns) == ["date", "series", "close", "source", "note"]
    assert set(got["series"]) == {"yahoo_ok"} and set(got["source"]) == {str(FILES / "yahoo_ok.csv")}
    assert got["close"].tolist() == [100.50, 101.25, 96.00, 102.00, 100.00]
    assert got["date"].iloc[0] == pd.Timestamp("2025-04-03")


def test_stooq_export():
    got = read_market_csv(FILES / "stooq_ok.csv")
    assert got["series"].unique().tolist() == ["stooq_ok"]
    assert got["close"].tolist() == [50.5, 50.75, 48.0]


def test_fred_download_is_named_after_its_column():
    got = read_market_csv(FILES / "fred_ok.csv")
    assert got["series"].unique().tolist() == ["DEXJPUS"]
    assert got["close"].tolist() == [146.01, 145.93, 147.96]


def test_fred_dot_days_are_dropped_not_filled():
    got = read_market_csv(FILES / "fred_missing_dot.csv")
    assert got["series"].unique().tolist() == ["SP500"]
    assert got["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-04-16", "2025-04-17", "2025-04-21"]


def test_window_cuts_rows():
    got = read_market_csv(FILES / "yahoo_ok.csv", start="2025-04-07", end="2025-04-08")
    assert got["close"].tolist() == [96.00, 102.00]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("missing_columns.csv", "no Date and Close columns (found: Day, Price)"),
        ("non_numeric.csv", "close that is not a positive number ('n/a' on 2025-04-04, line 3)"),
        ("duplicate_dates.csv", "market file has two rows for 2025-04-04"),
        ("unsorted.csv", "not in ascending order (2025-04-03 comes after 2025-04-07)"),
        ("empty.csv", "market file is empty"),
        ("header_only.csv", "market file is empty (no data rows)"),
        ("no_such_file.csv", "market file not found"),
    ],
)
def test_bad_files_say_what_and_where(name, problem):
    with pytest.raises(BadInput) as err:
        read_market_csv(FILES / name)
    line = str(err.value)
    assert problem in line and name in line and " — " in line and "\n" not in line


def test_no_rows_in_window():
    with pytest.raises(BadInput) as err:
        read_market_csv(FILES / "yahoo_ok.csv", start="2025-05-01", end="2025-05-31")
    assert "no rows from 2025-05-01 to 2025-05-31 (it covers 2025-04-03 to 2025-04-09)" in str(err.value)
    assert "yahoo_ok.csv" in str(err.value)


# ---- claims -----------------------------------------------------------------------------------------------------


def test_seed_nikkei_claims_match(closes):
    got = market_claims(SEED, closes)
    assert list(got.columns) == CLAIM_COLUMNS
    # the tariff rate is not a market claim
    assert got["claim"].tolist() == ["Nikkei stock index rising 6.03%", "index rising 6.03%, or 1,876 points"]
    assert got["verdict"].tolist() == ["match", "match"]
    assert got["subject"].tolist() == ["nikkei-225", "nikkei-225"]
    assert got["data_value"].tolist() == pytest.approx([100 * (33012.58 / 31136.58 - 1), 33012.58 - 31136.58], abs=1e-4)
    assert got["start"].tolist() == [3756, 3766] and got["end"].tolist() == [3761, 3778]
    assert got["source"].str.startswith("Nikkei 225 2025-04-07 → 2025-04-08: ").all()
    assert got["source"].str.contains("NIKKEI225.csv").all()


def test_wrong_percent_is_a_mismatch(closes):
    ext = copy.deepcopy(SEED)
    ext["figures"][1].update(text="5.5%", value=5.5)
    got = market_claims(ext, closes).set_index("start")
    assert got.at[3756, "verdict"] == "mismatch" and got.at[3756, "claim"] == "Nikkei stock index rising 5.5%"
    assert got.at[3766, "verdict"] == "match"


def test_tolerance_is_half_the_last_shown_digit(closes):
    ext = copy.deepcopy(SEED)
    ext["figures"] = [dict(ext["figures"][1], text="6.0%", value=6.0), dict(ext["figures"][1], text="6.1%", value=6.1)]
    assert market_claims(ext, closes)["verdict"].tolist() == ["match", "mismatch"]  # 6.025 rounds to 6.0, not 6.1


def test_a_fall_is_checked_on_its_size(closes):
    # "fell 7.83%, or 2,644 points" on Monday 7 April: the extractor gives unsigned values
    ext = copy.deepcopy(SEED)
    ext["events"] = [{"date": "2025-04-07", "start": 3640, "end": 3791}]
    ext["figures"][1].update(text="7.83%", value=7.83)
    ext["figures"][2].update(text="2,644 points", value=2644)
    got = market_claims(ext, closes)
    assert got["verdict"].tolist() == ["match", "match"]
    assert got["data_value"].tolist() == pytest.approx([-7.827, -2644.0], abs=1e-3)


def test_innermost_event_gives_the_day(closes):
    ext = copy.deepcopy(SEED)
    ext["events"] = [
        {"date": "2025-04-07", "start": 3000, "end": 3900},
        {"date": "2025-04-08", "start": 3640, "end": 3791},
    ]
    assert market_claims(ext, closes)["verdict"].tolist() == ["match", "match"]


def test_a_rank_without_a_unit_is_listed_as_not_checkable(closes):
    ext = copy.deepcopy(SEED)
    rank = {"text": "fourth-biggest", "value": 4, "unit": None, "measure": "rank", "subject": "nikkei-225"}
    ext["figures"].append(dict(rank, start=3800, end=3814))
    got = market_claims(ext, closes)
    assert got["verdict"].tolist() == ["match", "match", "not checkable"]


def test_day_falls_back_to_published_then_event_day_wins(closes):
    ext = copy.deepcopy(SEED)
    ext["events"] = []
    assert market_claims(ext, closes)["verdict"].tolist() == ["match", "match"]  # published 2025-04-08
    ext["events"] = [{"date": "2025-04-09", "start": 3640, "end": 3791}]  # the sentence said Wednesday
    assert market_claims(ext, closes)["verdict"].tolist() == ["mismatch", "mismatch"]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"events": [{"date": "2025-04-29", "start": 3640, "end": 3791}]}, "Tokyo closed on Showa Day"),
        ({"events": [{"date": "2025-10-15", "start": 3640, "end": 3791}]}, "after the bundled data end"),
        ({"subject": "dow-jones"}, "no Dow series bundled"),
        ({"subject": "made-up-index"}, "index unknown to market_indexes.csv"),
        ({"text": "fourth-biggest point gain ever", "value": 4}, "a rank needs the full history"),
    ],
)
def test_not_checkable(closes, change, why):
    ext = copy.deepcopy(SEED)
    ext["actors"] += [{"id": "dow-jones", "kind": "market_index"}, {"id": "made-up-index", "kind": "market_index"}]
    fig = ext["figures"][2]
    if "events" in change:
        ext["events"] = change["events"]
    else:
        fig.update(change)
    got = market_claims(ext, closes).set_index("start")
    row = got.loc[fig["start"]]
    assert row["verdict"] == "not checkable", why
    assert pd.isna(row["data_value"])


def test_a_users_file_is_found_by_index_id():
    got = market_claims(SEED, read_market_csv(FILES / "long_ok.csv"))
    assert got["verdict"].tolist() == ["match", "mismatch"]  # +6.03% on made-up closes 100 → 106.03, +6.03 points


def test_seed_extraction_end_to_end(closes):
    from analysis.extract import extract_article
    from analysis.paths import SEED_ARTICLE

    extraction = extract_article(SEED_ARTICLE, published="2025-04-08")
    got = market_claims(extraction, closes)
    assert got.loc[got["unit"].isin(["percent", "points"]), "verdict"].tolist() == ["match", "match"]


# ---- levels figure ----------------------------------------------------------------------------------------------


def test_levels_figure_lines_markers_and_event_lines(closes):
    from analysis.charts.market import levels_figure

    wide = closes_wide(closes)
    events = [
        {"date": "2025-04-07", "label": "Ishiba–Trump call"},
        {"date": dt.date(2025, 4, 29), "label": "Showa Day"},
    ]
    fig = levels_figure(wide, ["Nikkei 225", "S&P 500"], events, "2025-04-01", "2025-05-09")
    assert [t.name for t in fig.data] == ["Nikkei 225", "Nikkei 225: events", "S&P 500", "S&P 500: events"]
    nikkei = pd.DatetimeIndex(fig.data[0].x)
    assert pd.Timestamp("2025-04-29") not in nikkei and pd.Timestamp("2025-04-30") in nikkei  # not forward-filled
    assert list(fig.data[0].y) == wide["Nikkei 225"].loc["2025-04-01":"2025-05-09"].dropna().tolist()
    assert list(fig.data[1].text) == ["Ishiba–Trump call"]  # Tokyo had no close on Showa Day
    assert list(fig.data[3].text) == ["Ishiba–Trump call", "Showa Day"]
    assert len(fig.layout.shapes) == 2 and [a.text for a in fig.layout.annotations] == [
        "07 Apr: Ishiba–Trump call",
        "29 Apr: Showa Day",
    ]
    assert fig.layout.yaxis.title.text == "Nikkei 225 (index points)"
    assert "2025-04-01 to 2025-05-09" in fig.layout.title.text
