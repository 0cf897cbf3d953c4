"""The tariff schedule on the bundled data: integrity, rates across the timeline's boundaries, claims, charts."""

from __future__ import annotations

import csv
import os
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from analysis import schedule
from analysis.charts.schedule import HIGHLIGHT, rate_over_time, rates_by_country
from analysis.errors import BadInput, DataInvalid
from analysis.schedule import CLAIM_COLUMNS, NO_MEASURE, load_annex, load_timeline, rate_on, rates_announced

ARTICLES = Path(__file__).parent / "articles"
D = date.fromisoformat


def _raw(path: Path) -> list[dict[str, str]]:
    """The CSV as the csv module reads it, independent of the loader under test."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- dataset integrity -------------------------------------------------------------------------------------------


def test_annex_loads_every_row_with_a_valid_code_rate_and_source() -> None:
    annex, raw = load_annex(), _raw(schedule.ANNEX_PATH)
    assert list(annex.columns) == schedule.ANNEX_COLUMNS
    assert len(annex) == len(raw) == 57  # SOURCES.md: 57 partners
    assert annex.iso3.is_unique
    assert annex.rate_percent.between(0, 1000).all()
    assert (annex.source.str.len() > 0).all()
    assert dict(zip(annex.iso3, annex.rate_percent, strict=True)) == {r["iso3"]: float(r["rate_percent"]) for r in raw}
    assert annex.set_index("iso3").rate_percent["JPN"] == 24  # the seed article's figure


def test_timeline_parses_dates_and_keeps_blank_rates_and_effective_dates() -> None:
    timeline, raw = load_timeline(), _raw(schedule.TIMELINE_PATH)
    assert list(timeline.columns) == schedule.TIMELINE_COLUMNS
    assert len(timeline) == len(raw)
    assert all(type(d) is date for d in timeline.date)
    assert all(d is None or type(d) is date for d in timeline.effective)
    assert timeline.rate_percent.isna().sum() == sum(not r["rate_percent"] for r in raw)
    assert timeline.effective.isna().sum() == sum(not r["effective"] for r in raw)
    assert (timeline.source.str.len() > 0).all()
    retro = timeline[timeline.effective.notna() & (timeline.effective < timeline.date)]
    assert len(retro) == 1 and "retroactive" in retro.note.iloc[0]  # the 4 Sep Japan order, allowed by its note


def test_loaded_frames_are_copies() -> None:
    annex = load_annex()
    annex.loc[0, "rate_percent"] = 999.0
    assert load_annex().loc[0, "rate_percent"] != 999.0


# --- validation on broken copies ---------------------------------------------------------------------------------


def _break(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    out = tmp_path / source.name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Japan,JPN,24,", "Japan,XXX,24,", "iso3 'XXX' is not an ISO 3166-1"),
        ("Japan,JPN,24,", "Japan,jpn,24,", "iso3 'jpn'"),
        ("Japan,JPN,24,", "Japan,JPN,twenty,", "rate_percent 'twenty' is not a number"),
        ("Japan,JPN,24,", "Japan,JPN,1500,", "rate_percent '1500'"),
        ("Japan,JPN,24,", "Japan,JPN,-5,", "rate_percent '-5'"),
        ("Japan,JPN,24,", "Japan,JPN,,", "rate_percent is empty"),
        ("Algeria,DZA,30,", "Algeria,JPN,30,", "iso3 JPN appears more than once"),
        ("country,iso3,rate_percent", "country,code,rate_percent", "missing column(s) iso3"),
    ],
)
def test_load_annex_rejects_a_broken_copy(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(DataInvalid, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        load_annex(_break(tmp_path, schedule.ANNEX_PATH, old, new))
    assert str(tmp_path) in str(err.value)


def test_load_annex_rejects_a_row_without_source(tmp_path: Path) -> None:
    lines = schedule.ANNEX_PATH.read_text(encoding="utf-8").splitlines()
    jpn = next(i for i, line in enumerate(lines) if line.startswith("Japan,JPN,"))
    lines[jpn] = "Japan,JPN,24,,"
    path = tmp_path / "annex.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataInvalid, match=f"line {jpn + 1}: empty source"):
        load_annex(path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("2025-07-31,2025-08-07,KOR,15,", "2025-07-31,2025-07-01,KOR,15,", "before the announcement"),
        ("2025-07-31,2025-08-07,KOR,15,", "2025-07-31,2025-02-30,KOR,15,", "must be YYYY-MM-DD"),
        ("2025-07-31,2025-08-07,KOR,15,", "31/07/2025,2025-08-07,KOR,15,", "must be YYYY-MM-DD"),
        ("2025-07-31,2025-08-07,KOR,15,", "2025-07-31,2025-08-07,KOREA,15,", "country 'KOREA'"),
        ("2025-07-31,2025-08-07,KOR,15,", "2025-07-31,2025-08-07,KOR,abc,", "rate_percent 'abc'"),
        ("2025-07-31,2025-08-07,KOR,15,", "2025-07-31,2025-08-07,KOR,,", "needs a rate_percent"),
        (",annex correction,", ",annex tweak,", "unknown measure 'annex tweak'"),
    ],
)
def test_load_timeline_rejects_a_broken_copy(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(DataInvalid, match=message):
        load_timeline(_break(tmp_path, schedule.TIMELINE_PATH, old, new))


def test_load_rejects_non_utf8_and_missing_files_and_rereads_an_edited_file(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.csv"
    bad.write_bytes(schedule.ANNEX_PATH.read_text(encoding="utf-8").encode("latin-1", "replace") + b"\xff")
    with pytest.raises(DataInvalid, match="UTF-8"):
        load_annex(bad)
    with pytest.raises(DataInvalid, match="cannot read"):
        load_annex(tmp_path / "missing.csv")
    path = tmp_path / "annex.csv"
    path.write_text(schedule.ANNEX_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_annex(path)) == 57
    path.write_text(path.read_text(encoding="utf-8").replace("Japan,JPN,24,", "Japan,JPN,,"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    with pytest.raises(DataInvalid, match="rate_percent is empty"):
        load_annex(path)


# --- rate_on across the timeline's boundaries --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "rate", "measure"),
    [
        ("2025-03-01", None, NO_MEASURE),
        ("2025-04-04", None, NO_MEASURE),
        ("2025-04-05", 10, "baseline 10%"),
        ("2025-04-08", 10, "baseline 10%"),
        ("2025-04-09", 24, "country-specific rate"),
        ("2025-04-10", 10, "90-day pause"),
        ("2025-07-08", 10, "90-day pause"),
        ("2025-07-09", 10, "pause extended to 2025-08-01"),
        ("2025-08-06", 10, "pause extended to 2025-08-01"),
        ("2025-08-07", 15, "deal implemented (all-in floor)"),
    ],
)
def test_rate_on_japan(day: str, rate: float | None, measure: str) -> None:
    got = rate_on("JPN", D(day))
    assert (got.rate_percent, got.measure, got.covered) == (rate, measure, True)
    assert got.country == "JPN" and got.day == D(day)
    assert (got.source != "") == (rate is not None)


def test_rate_on_bounds_each_spell() -> None:
    assert (rate_on("jpn", "2025-04-09").start, rate_on("Japan", "2025-04-09").end) == (
        D("2025-04-09"),
        D("2025-04-09"),
    )
    assert (rate_on("JPN", "2025-04-06").start, rate_on("JPN", "2025-04-06").end) == (D("2025-04-05"), D("2025-04-08"))
    assert rate_on("JPN", "2025-03-01").end == D("2025-04-04")
    assert rate_on("JPN", "2025-08-20").end is None


@pytest.mark.parametrize(
    ("day", "rate", "document"),
    [
        ("2025-04-08", 10, "EO 14257 sec. 3(a)"),
        ("2025-04-09", 84, "EO 14259"),
        ("2025-04-10", 125, "EO 14266"),
        ("2025-05-13", 125, "EO 14266"),
        ("2025-05-14", 10, "EO 14298; Geneva Joint Statement"),
        ("2025-07-09", 10, "EO 14298; Geneva Joint Statement"),  # the pause extension spares China
        ("2025-08-07", 10, "EO 14298; Geneva Joint Statement"),  # so does the 7 Aug baseline
    ],
)
def test_rate_on_china_through_its_escalations(day: str, rate: float, document: str) -> None:
    got = rate_on("CHN", day)
    assert (got.rate_percent, got.document, got.covered) == (rate, document, True)
    assert rate_on("HKG", day).rate_percent == rate  # Hong Kong pays China's rate (annex note)


def test_every_country_row_sets_the_rate_on_its_effective_day() -> None:
    timeline = load_timeline()
    rows = timeline[(timeline.country != "ALL") & timeline.effective.notna()]
    for row in rows.itertuples():
        same_day = rows[(rows.country == row.country) & (rows.effective == row.effective) & (rows.date > row.date)]
        if same_day.empty:  # else a later announcement for the same day wins (China 34 → 84)
            assert rate_on(row.country, row.effective, as_of=row.date).rate_percent == row.rate_percent, row


def test_rate_on_annex_partners_and_others() -> None:
    annex = load_annex().set_index("iso3").rate_percent
    assert rate_on("VNM", "2025-04-09").rate_percent == annex["VNM"]
    assert rate_on("DEU", "2025-04-09").rate_percent == annex["EUU"]  # an EU member pays the EU rate
    gbr = [rate_on("GBR", d) for d in ("2025-04-05", "2025-04-09", "2025-04-10", "2025-08-06")]
    assert {(r.rate_percent, r.measure) for r in gbr} == {(10, "baseline 10%")}  # not in Annex I: never paused
    after = rate_on("GBR", "2025-08-07")  # EO 14326's annex is only partly in the data
    assert (after.rate_percent, after.covered) == (None, False) and "the data lists" in after.gap
    assert rate_on("KOR", "2025-08-07").rate_percent == 15 and rate_on("KOR", "2025-08-07").covered


def test_rate_on_says_when_the_data_cannot_answer() -> None:
    assert not rate_on("CAN", "2025-04-09").covered and "border orders" in rate_on("CAN", "2025-04-09").gap
    assert rate_on("CHN", "2025-08-11").covered
    lapsed = rate_on("CHN", "2025-08-12")  # the Geneva suspension ran 90 days and the data has no later row
    assert not lapsed.covered and "90 days" in lapsed.gap
    late = rate_on("JPN", schedule.data_span()[1] + timedelta(days=1))
    assert late.rate_percent == 15 and not late.covered and "data ends" in late.gap


def test_rate_on_as_of_ignores_later_announcements() -> None:
    assert rate_on("JPN", "2025-08-10").measure == "deal implemented (all-in floor)"  # announced 4 Sep, retroactive
    assert rate_on("JPN", "2025-08-10", as_of="2025-08-10").measure == "new Annex I rate"
    assert rate_on("CHN", "2025-04-09", as_of="2025-04-07").rate_percent == 34  # before the 84% order


def test_rate_on_rejects_bad_input() -> None:
    with pytest.raises(BadInput, match="unknown country 'Atlantis'"):
        rate_on("Atlantis", "2025-04-09")
    with pytest.raises(BadInput, match="not a date"):
        rate_on("JPN", "2025-13-01")


def test_rates_announced_keeps_rates_not_yet_in_force() -> None:
    jpn = rates_announced("JPN", "2025-04-08").set_index("rate_percent").status
    assert jpn.to_dict() == {10.0: "in force", 24.0: "pending"}
    assert rates_announced("JPN", "2025-04-15").set_index("rate_percent").status[24.0] == "suspended"
    chn = rates_announced("CHN", "2025-04-08").set_index("rate_percent").status
    assert chn[34.0] == chn[84.0] == "pending"  # 84 was announced that day, so 34 is not yet superseded
    assert rates_announced("CHN", "2025-04-09").set_index("rate_percent").status[34.0] == "superseded"
    kor = rates_announced("KOR", "2025-04-03")  # 26 is the first-posted value quoted in the annex note
    first = kor[kor.measure.str.startswith("first-posted")]
    assert first.rate_percent.tolist() == [26.0] and first.status.tolist() == ["pending"]
    assert rates_announced("KOR", "2025-04-04").set_index("rate_percent").status[26.0] == "superseded"
    assert list(rates_announced("CAN", "2025-04-09").columns) == schedule.ANNOUNCED_COLUMNS


# --- claims ------------------------------------------------------------------------------------------------------


def _extraction(value: float, subject: str | None, published: str | None = "2025-04-08", **figure: object) -> dict:
    """A contract-shaped extraction with one tariff figure, like the seed's "set the rate for Japan at 24%"."""
    actors = [
        {"id": "jpn", "name": "Japan", "kind": "government", "title": None, "country": "JPN", "mentions": 2},
        {"id": "chn", "name": "China", "kind": "country", "title": None, "country": "CHN", "mentions": 1},
        {"id": "shigeru-ishiba", "name": "Shigeru Ishiba", "kind": "person", "title": None, "country": "JPN"},
    ]
    fig = {"text": f"{value:g}%", "value": value, "unit": "percent", "measure": "tariff rate", "subject": subject}
    fig |= {"start": 100, "end": 103} | figure
    index = {"text": "6.03%", "value": 6.03, "unit": "percent", "measure": "index change", "subject": "nikkei-225"}
    return {
        "article": {"source": "test", "title": None, "published": published, "timezone": None},
        "actors": actors,
        "quotes": [],
        "positions": [],
        "figures": [fig, index | {"start": 200, "end": 205}],
        "events": [],
    }


def test_claim_japan_24_on_publication_day_matches_the_announced_rate() -> None:
    claims = schedule.tariff_claims(_extraction(24, "jpn"))
    assert list(claims.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS
    row = claims.iloc[0]
    assert len(claims) == 1  # the index change is not a tariff
    assert (row.verdict, row.data_value, row.article_value, row.country) == ("match", 24, 24, "JPN")
    assert (row.start, row.end, row.unit, row.subject) == (100, 103, "percent", "jpn")
    assert "pending" in row.basis and "2025-04-09" in row.basis and row.source


@pytest.mark.parametrize(
    ("value", "subject", "published", "verdict"),
    [
        (34, "jpn", "2025-04-08", "mismatch"),
        (10, "jpn", "2025-04-08", "match"),  # the baseline in force that day
        (24, "jpn", "2025-04-15", "match"),  # suspended by the pause, not replaced
        (24, "jpn", "2025-07-25", "mismatch"),  # replaced by the 15% deal announced 22 Jul
        (34, "chn", "2025-04-08", "match"),
        (34, "chn", "2025-04-10", "mismatch"),
        (125, "chn", "2025-04-10", "match"),
        (24, None, "2025-04-08", "not checkable"),
        (24, "acme-corp", "2025-04-08", "not checkable"),
        (24, "shigeru-ishiba", "2025-04-08", "not checkable"),  # a person, not a country
        (24, "jpn", None, "not checkable"),
        (24, "jpn", "2025-03-01", "not checkable"),  # before the data's first action
        (10, "gbr", "2025-08-20", "not checkable"),  # bare ISO3 id; EO 14326 annex not in the data
    ],
)
def test_claim_verdicts(value: float, subject: str | None, published: str | None, verdict: str) -> None:
    row = schedule.tariff_claims(_extraction(value, subject, published)).iloc[0]
    assert row.verdict == verdict, row.basis
    assert row.basis


def test_claim_mismatch_says_what_the_data_holds() -> None:
    row = schedule.tariff_claims(_extraction(34, "chn", "2025-04-10")).iloc[0]
    assert row.data_value == 125 and "superseded" in row.basis
    row = schedule.tariff_claims(_extraction(34, "jpn")).iloc[0]
    assert row.data_value == 10 and "24%" in row.basis


def test_claim_context_comes_from_the_event_clause_holding_the_figure() -> None:
    clause = (
        "the U.S. rolled out the new tariffs, which target almost every country, and set the rate for Japan at 24%."
    )
    start = 50 + clause.index("24%")
    data = _extraction(24, "jpn", start=start, end=start + 3)
    data["events"] = [
        {"date": "2025-04-07", "action": "roll out", "text": clause, "start": 50, "end": 50 + len(clause)}
    ]
    assert schedule.tariff_claims(data).claim.iloc[0] == "set the rate for Japan at 24%"
    assert schedule.tariff_claims(_extraction(24, "jpn")).claim.iloc[0] == "24%"  # no clause: the figure alone


def test_claim_without_a_number_is_not_checkable() -> None:
    data = _extraction(24, "jpn")
    data["figures"][0]["value"] = None
    row = schedule.tariff_claims(data).iloc[0]
    assert (row.verdict, row.data_value) == ("not checkable", None)


def test_claims_of_an_empty_extraction_is_an_empty_frame() -> None:
    for empty in ({}, {"article": {"published": None}, "actors": [], "figures": []}):
        claims = schedule.tariff_claims(empty)
        assert claims.empty and list(claims.columns[: len(CLAIM_COLUMNS)]) == CLAIM_COLUMNS


def test_wrong_tariff_article_is_flagged_with_context() -> None:
    text = (ARTICLES / "wrong_tariff.txt").read_text(encoding="utf-8")
    start = text.index("46%")
    claims = schedule.tariff_claims(_extraction(46, "jpn", start=start, end=start + 3), text)
    row = claims.iloc[0]
    assert row.verdict == "mismatch" and row.claim == "fresh blow on Tuesday as the 46% tariff on Japan"
    assert 4 <= text.count(".") <= 8  # a short news paragraph


# --- charts ------------------------------------------------------------------------------------------------------


def test_rates_by_country_highlights_the_article_countries() -> None:
    annex = load_annex()
    fig = rates_by_country(annex, ["jpn", "China", "USA"])
    assert [t.type for t in fig.data] == ["bar", "bar"]
    other, named = fig.data
    assert sorted(named.y) == ["China (CHN)", "Japan (JPN)"] and named.marker.color == HIGHLIGHT != other.marker.color
    assert len(other.y) + len(named.y) == len(annex)
    assert fig.layout.yaxis.categoryarray[-1].startswith("Lesotho")  # highest rate drawn on top
    assert "%" in fig.layout.xaxis.title.text and "United States" in fig.layout.title.subtitle.text
    assert "source" in named.hovertemplate and "MarcAT92" in named.customdata[0][0]
    assert len(rates_by_country(annex, []).data) == 1


def test_rate_over_time_draws_steps_actions_and_the_published_marker() -> None:
    events = [{"date": "2025-04-07", "label": "Ishiba–Trump call"}]
    fig = rate_over_time(["JPN"], date(2025, 4, 8), events=events)
    names = [t.name for t in fig.data]
    assert names == [
        "Japan (JPN)",
        "Japan (JPN), unconfirmed",  # past the data's last action
        "tariff actions (hover for details)",
        "article events",
        "published 08 Apr 2025",
    ]
    line = fig.data[0]
    by_day = {x: y for x, y in zip(line.x, line.y, strict=True) if y is not None}
    assert by_day[date(2025, 4, 9)] == 24 and by_day[date(2025, 4, 10)] == 10 and by_day[date(2025, 3, 1)] == 0
    assert line.line.shape == "hv"
    published = fig.data[-1]
    assert list(published.x) == [date(2025, 4, 8)] * 2
    actions = fig.data[2]
    assert date(2025, 4, 9) in actions.x and any("Annex I" in h for h in actions.hovertext)
    assert "%" in fig.layout.yaxis.title.text


def test_article_countries_feed_the_charts() -> None:
    data = _extraction(24, "jpn")
    data["actors"].append({"id": "usa", "name": "United States", "kind": "government", "country": "USA", "mentions": 5})
    assert schedule.article_countries(data) == ["USA", "JPN", "CHN"]
    fig = rate_over_time(schedule.article_countries(data), None, end=date(2025, 8, 10))
    assert [t.name for t in fig.data] == ["Japan (JPN)", "China (CHN)", "tariff actions (hover for details)"]
    assert "Not drawn: United States" in fig.layout.title.subtitle.text
    assert schedule.article_countries({}) == []


def test_rate_over_time_without_published_date_or_events() -> None:
    fig = rate_over_time(["CHN", "KHM"], None, start=date(2025, 4, 1), end=date(2025, 6, 30))
    assert [t.name for t in fig.data] == ["China (CHN)", "Cambodia (KHM)", "tariff actions (hover for details)"]
    assert max(y for y in fig.data[0].y if y is not None) == 125
    assert pd.Timestamp(fig.layout.xaxis.range[0]).date() == date(2025, 4, 1)
    html = fig.to_html(include_plotlyjs=True, full_html=True)
    assert '<script src="https://cdn.plot.ly' not in html and "China (CHN)" in html  # plotly.js is inline
