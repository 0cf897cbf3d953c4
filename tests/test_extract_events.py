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
