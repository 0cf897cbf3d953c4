"""Events: what happened and when."""

from __future__ import annotations

import datetime as dt

from analysis.extract import extract_text


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


def test_australian_and_other_zone_abbreviations_are_known():
    from analysis.extract.timex import find_times

    assert find_times("at 9:30am AEST on Friday")[0].zone == "Australia/Sydney"
    assert find_times("by 4 p.m. SAST")[0].zone == "Africa/Johannesburg"
    data = extract_text(
        "Markets were quiet. The Perth mint reopened at 10:15am AWST on Friday.", published=dt.date(2025, 3, 7)
    )
    assert data["article"]["timezone"] == "Australia/Perth"


def test_a_comparison_baseline_date_gives_no_event_and_leaves_the_clock_time_to_today():
    data = extract_text(
        "The won firmed to 1,362.5 per dollar by 3:30 p.m. KST in Seoul, from 1,371.0 late Tuesday.\n\n"
        "The kiwi was fetching 59.4 US cents at 9:00am NZST, down 0.2 per cent on Monday's close.\n\n"
        "The rand traded at 17.6 on Wednesday morning, little changed from Friday.",
        published=dt.date(2025, 6, 11),
        timezone="Asia/Seoul",
    )
    when = {e["text"][:8]: (e["date"], e["time"]) for e in data["events"]}
    assert when["The won "] == ("2025-06-11", "15:30")
    assert when["The kiwi"][0] == "2025-06-11"
    assert all(e["date"] not in ("2025-06-10", "2025-06-09", "2025-06-06") for e in data["events"])


def test_a_vague_period_is_no_day_but_is_kept_as_its_period():
    data = extract_text(
        "Vietnam shipped $140 billion of goods to the United States last year. Hanoi will publish the figures "
        "next month, and talks resume next week. The minister said on Monday that the plan was final.",
        published=dt.date(2025, 12, 3),
    )
    periods = {e["expression"]: (e["date"], e["period"]) for e in data["events"]}
    assert periods["last year"] == (None, "2024")
    assert periods["next month"] == (None, "2026-01")
    assert periods["next week"] == (None, "2025-W50")
    assert periods["on Monday"] == ("2025-12-01", None)


def test_same_day_and_day_offsets_count_from_the_event_they_point_back_to():
    data = extract_text(
        "Seoul unveiled a rescue fund for chipmakers on Tuesday. Finance Minister Choi Sang-mok told reporters "
        "the same day that more aid was possible.\n\n"
        "Exporters met in Busan on Thursday, three days after the Commerce Department widened its chip controls.\n\n"
        "The Bank of Korea cut rates on Friday.\n\n"
        "The decision came a day after Washington published the new export rules from March 1.",
        published=dt.date(2025, 2, 14),
    )
    days = {e["expression"]: e["date"] for e in data["events"]}
    assert days["the same day"] == "2025-02-11"
    assert days["three days after"] == "2025-02-10"
    assert days["a day after"] == "2025-02-13"
    same = [e for e in data["events"] if "the same day" in e["text"]]
    assert all(e["date"] != "2025-02-14" for e in same)  # no "today" invented for the briefing


def test_a_share_move_is_today_when_only_its_after_clause_is_dated_and_media_interviews_are_today():
    data = extract_text(
        "Shares of Lakeside Motors dropped 4.1% in early trading after its chief executive warned investors on "
        "Tuesday evening that margins would shrink.\n\n"
        '"We will not blink first," Rivera told Bloomberg Television.',
        published=dt.date(2025, 5, 8),
    )
    days = sorted((e["date"], e["text"][:12]) for e in data["events"])
    assert ("2025-05-06", "Shares of La") in days and ("2025-05-08", "Shares of La") in days
    assert any(e["date"] == "2025-05-08" and "Rivera" in e["text"] for e in data["events"])


def test_a_month_day_long_past_in_a_future_clause_is_next_year():
    data = extract_text(
        "The duty on frozen fish will climb to 40 per cent on Feb. 1. The quota was first imposed on March 3, "
        "and a fix will apply retroactively from Oct. 20.",
        published=dt.date(2025, 11, 4),
    )
    days = {e["expression"]: e["date"] for e in data["events"]}
    assert days["Feb. 1"] == "2026-02-01"
    assert days["March 3"] == "2025-03-03"
    assert days["Oct. 20"] == "2025-10-20"


def test_dates_that_only_look_like_baselines_still_date_their_clause():
    data = extract_text(
        "Ottawa raised its surtax to 35% from 25% on Thursday. Stocks were higher on Friday. "
        "The rules changed on Monday.",
        published=dt.date(2025, 6, 14),
    )
    days = {e["expression"]: e["date"] for e in data["events"]}
    assert days["on Thursday"] == "2025-06-12"
    assert days["on Friday"] == "2025-06-13"
    assert days["on Monday"] == "2025-06-09"


def test_relative_days_inside_quotes_are_not_events():
    data = extract_text(
        'The ministry announced the quota on Tuesday. "We will answer the same day they act," Lee said.',
        published=dt.date(2025, 6, 12),
    )
    assert not any(e["expression"] == "the same day" for e in data["events"])


def test_days_from_publication_are_dates_and_the_duration_stays_a_figure():
    data = extract_text(
        "Canada said its tariffs on a further C$125 billion of goods would take effect in 21 days. The talks "
        "collapsed two weeks ago.",
        published=dt.date(2025, 3, 4),
    )
    dates = {e["date"] for e in data["events"]}
    assert {"2025-03-25", "2025-02-18"} <= dates
    assert any(f["value"] == 21 and f["unit"] == "days" for f in data["figures"])
