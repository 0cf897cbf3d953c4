"""Event-study maths on a made-up series with known answers, and trading calendars on the bundled closes."""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest

from analysis.charts.market import car_figure, returns_figure
from analysis.errors import BadInput
from analysis.event_study import (
    BENCHMARK_NOTE,
    abnormal_returns,
    daily_returns,
    default_benchmark,
    event_window,
    returns_series,
    session_for,
    trading_days,
)
from analysis.market import closes_wide, load_closes

# A made-up market in which the asset follows r_a = 0.001 + 1.5 r_m + ε exactly. The estimation residuals sum
# to zero and are orthogonal to r_m, so OLS must return α = 0.001 and β = 1.5; the window carries known shocks.
ALPHA, BETA = 0.001, 1.5
R_M = [0.01, -0.01, 0.02, -0.02, 0.015, -0.015, 0.005, -0.005]  # estimation (8 days)
R_M += [0.003, -0.002]  # gap (2 days)
R_M += [0.004, -0.006, 0.01, 0.002, -0.003]  # window [-2, 2]
R_M += [0.001, 0.0, -0.001, 0.002]  # after
EPS = [0.002, 0.002, -0.002, -0.002, 0.001, 0.001, -0.001, -0.001] + [0, 0] + [0, 0.01, 0.03, -0.005, 0] + [0] * 4
SHOCKS = [0, 0.01, 0.03, -0.005, 0]
SIGMA = math.sqrt((4 * 0.002**2 + 4 * 0.001**2) / (8 - 2))  # Σε² / (N - 2)
DAYS = pd.bdate_range("2025-01-06", periods=20)  # Mon 6 Jan to Fri 31 Jan 2025
EVENT = DAYS[13]  # return number 12: 8 estimation + 2 gap + 2 pre-event days come before it


def made_up_wide() -> pd.DataFrame:
    r_a = [ALPHA + BETA * m + e for m, e in zip(R_M, EPS, strict=True)]
    prices = {name: 100 * np.cumprod([1.0, *(1 + np.array(r))]) for name, r in (("asset", r_a), ("bench", R_M))}
    return pd.DataFrame(prices, index=DAYS)


@pytest.fixture(scope="module")
def wide() -> pd.DataFrame:
    return closes_wide(load_closes())


@pytest.fixture(scope="module")
def returns(wide) -> pd.DataFrame:
    return daily_returns(wide)


# ---- returns -----------------------------------------------------------------------------------------------------


def test_returns_and_point_changes_by_hand():
    days = pd.to_datetime(["2025-01-09", "2025-01-10", "2025-01-13", "2025-01-14"])  # Thu, Fri, Mon, Tue
    got = daily_returns(pd.DataFrame({"x": [100.0, 110.0, 99.0, 99.0]}, index=days))
    assert got["ret"].tolist() == pytest.approx([0.1, -0.1, 0.0])
    assert got["change"].tolist() == pytest.approx([10.0, -11.0, 0.0])
    monday = got[got["date"] == pd.Timestamp("2025-01-13")].iloc[0]
    assert monday["prev_date"] == pd.Timestamp("2025-01-10")  # the weekend is skipped, not a zero return


def test_each_series_keeps_its_own_calendar(wide, returns):
    nikkei = returns[returns["series"] == "Nikkei 225"].set_index("date")
    assert pd.Timestamp("2025-04-29") not in nikkei.index  # Showa Day: no Tokyo return, not a 0
    after = nikkei.loc[pd.Timestamp("2025-04-30")]
    assert after["prev_date"] == pd.Timestamp("2025-04-28")
    assert after["ret"] == pytest.approx(wide.at[pd.Timestamp("2025-04-30"), "Nikkei 225"] / after["prev_close"] - 1)
    assert pd.Timestamp("2025-04-29") in returns_series(returns, "S&P 500").index  # New York traded
    seed = nikkei.loc[pd.Timestamp("2025-04-08")]
    assert seed["change"] == pytest.approx(33012.58 - 31136.58) and seed["ret"] == pytest.approx(1876 / 31136.58)
    counts = returns.groupby("series").size()
    assert (counts == wide.notna().sum() - 1).all()  # one return per close but the first


# ---- sessions and windows ----------------------------------------------------------------------------------------


def test_evening_call_in_tokyo_hits_the_next_tokyo_session_and_the_same_new_york_day(wide):
    tokyo, new_york = trading_days(wide, "Nikkei 225"), trading_days(wide, "S&P 500")
    assert session_for("2025-04-07", "21:01", "Asia/Tokyo", "tokyo", calendar=tokyo) == dt.date(2025, 4, 8)
    # 21:01 JST Monday is 08:01 EDT Monday, before the New York close
    assert session_for("2025-04-07", "21:01", "Asia/Tokyo", "new-york", calendar=new_york) == dt.date(2025, 4, 7)
    assert session_for("2025-04-08", "10:00", "Asia/Tokyo", "tokyo", calendar=tokyo) == dt.date(2025, 4, 8)
    assert session_for("2025-04-08", "15:30", "Asia/Tokyo", "tokyo", calendar=tokyo) == dt.date(2025, 4, 9)


def test_friday_evening_in_new_york_falls_on_monday(wide):
    friday_evening = dt.datetime(2025, 4, 4, 18, 0, tzinfo=ZoneInfo("America/New_York"))
    assert session_for(friday_evening, market="new-york", calendar=trading_days(wide, "S&P 500")) == dt.date(2025, 4, 7)
    assert session_for("2025-04-04", "18:00", "America/New_York", "new-york") == dt.date(2025, 4, 7)  # weekends only
    # Saturday 07:00 in Tokyo: the next Tokyo session is Monday too
    assert session_for(friday_evening, market="tokyo", calendar=trading_days(wide, "Nikkei 225")) == dt.date(2025, 4, 7)


def test_holidays_roll_to_the_next_session_of_that_series(wide):
    tokyo = trading_days(wide, "Nikkei 225")
    assert session_for("2025-04-29", None, "Asia/Tokyo", "tokyo", calendar=tokyo) == dt.date(2025, 4, 30)
    assert session_for("2025-04-29", None, "Asia/Tokyo", "new-york", calendar=trading_days(wide, "S&P 500")) == dt.date(
        2025, 4, 29
    )
    assert session_for("2025-05-03", None, "Asia/Tokyo", "tokyo", calendar=tokyo) == dt.date(2025, 5, 7)  # Golden Week
    assert session_for("2025-05-03", None, "Asia/Tokyo", "tokyo") == dt.date(2025, 5, 5)  # no calendar: weekends only


def test_session_refuses_bad_input(wide):
    with pytest.raises(BadInput, match="unknown time zone 'Mars/Olympus'"):
        session_for("2025-04-07", "21:01", "Mars/Olympus", "tokyo")
    with pytest.raises(BadInput, match="unknown market 'lse'"):
        session_for("2025-04-07", None, "UTC", "lse")
    with pytest.raises(BadInput, match="no trading session on or after 2025-10-01"):
        session_for("2025-10-01", None, "Asia/Tokyo", "tokyo", calendar=trading_days(wide, "Nikkei 225"))
    with pytest.raises(BadInput, match="not valid"):
        session_for("2025-02-30", None, "Asia/Tokyo", "tokyo")


def test_window_counts_trading_days_across_a_holiday(returns):
    got = event_window(returns_series(returns, "Nikkei 225"), "2025-04-30", pre=2, post=2)
    assert got["rel_day"].tolist() == [-2, -1, 0, 1, 2]
    assert got["date"].dt.strftime("%m-%d").tolist() == ["04-25", "04-28", "04-30", "05-01", "05-02"]
    golden = event_window(returns_series(returns, "Nikkei 225"), "2025-05-02", pre=0, post=1)
    assert golden["date"].dt.strftime("%m-%d").tolist() == ["05-02", "05-07"]
    with pytest.raises(ValueError, match="2025-04-29 is not a trading day of Nikkei 225"):
        event_window(returns_series(returns, "Nikkei 225"), "2025-04-29")


# ---- abnormal returns --------------------------------------------------------------------------------------------


def made_up_returns() -> tuple[pd.Series, pd.Series]:
    r = daily_returns(made_up_wide())
    return returns_series(r, "asset"), returns_series(r, "bench")


def test_market_model_by_hand():
    asset, bench = made_up_returns()
    frame, res = abnormal_returns(asset, bench, EVENT, window=(-2, 2), estimation=8, gap=2, min_estimation=5)
    assert res.method == "market model"
    assert res.alpha == pytest.approx(ALPHA, abs=1e-12) and res.beta == pytest.approx(BETA, rel=1e-9)
    assert res.sigma == pytest.approx(SIGMA, rel=1e-9)
    assert (res.n_estimation, res.estimation_start, res.estimation_end) == (8, DAYS[1].date(), DAYS[8].date())
    assert frame["rel_day"].tolist() == [-2, -1, 0, 1, 2]
    assert frame["date"].tolist() == list(DAYS[11:16])
    assert frame["ar"].tolist() == pytest.approx(SHOCKS, abs=1e-12)
    assert frame["car"].tolist() == pytest.approx(np.cumsum(SHOCKS).tolist(), abs=1e-12)
    assert res.car == pytest.approx(0.035, abs=1e-12) and res.ar_event == pytest.approx(0.03, abs=1e-12)
    assert res.t_stat == pytest.approx(0.035 / (SIGMA * math.sqrt(5)), rel=1e-9)
    assert frame["band"].tolist() == pytest.approx([1.96 * SIGMA * math.sqrt(k) for k in range(1, 6)], rel=1e-9)


def test_too_few_estimation_days_fall_back_to_market_adjusted():
    asset, bench = made_up_returns()
    frame, res = abnormal_returns(asset, bench, EVENT, window=(-2, 2), estimation=8, gap=2)  # 8 < 30 days
    assert res.method == "market-adjusted" and math.isnan(res.beta)
    assert any("only 8 estimation days (< 30)" in n for n in res.notes)
    # r_a - r_m = α + (β - 1) r_m + ε
    expected = [ALPHA + (BETA - 1) * m + s for m, s in zip(R_M[10:15], SHOCKS, strict=True)]
    assert frame["ar"].tolist() == pytest.approx(expected, abs=1e-12)
    est = np.array([ALPHA + (BETA - 1) * m + e for m, e in zip(R_M[:8], EPS[:8], strict=True)])
    assert res.sigma == pytest.approx(est.std(ddof=1), rel=1e-9)


def test_no_benchmark_means_plain_returns():
    asset, _ = made_up_returns()
    frame, res = abnormal_returns(asset, None, EVENT, window=(-2, 2), estimation=8, gap=2)
    assert res.method == "raw returns" and res.benchmark is None
    assert frame["ar"].tolist() == pytest.approx(asset.iloc[10:15].tolist())
    assert default_benchmark("USD/JPY (FRED DEXJPUS)")[0] is None


def test_window_is_cut_where_the_data_end():
    asset, bench = made_up_returns()
    frame, res = abnormal_returns(asset, bench, DAYS[-2], window=(-2, 5), estimation=8, gap=2, min_estimation=5)
    assert frame["rel_day"].tolist() == [-2, -1, 0, 1] and res.window == (-2, 1)
    assert any("window cut to [-2, 1]" in n for n in res.notes)


def test_nikkei_around_the_seed_on_real_closes(returns):
    bench, note = default_benchmark("Nikkei 225")
    assert bench == "S&P 500" and note == BENCHMARK_NOTE
    frame, res = abnormal_returns(returns_series(returns, "Nikkei 225"), returns_series(returns, bench), "2025-04-08")
    assert res.method == "market model" and BENCHMARK_NOTE in res.notes
    assert frame["date"].iloc[0] == pd.Timestamp("2025-04-01") and frame["date"].iloc[-1] == pd.Timestamp("2025-04-15")
    # 10 Tokyo trading days between the estimation and the window: 17-31 March without the 20 March holiday
    assert res.estimation_end == dt.date(2025, 3, 14)
    assert res.n_estimation < 120 and any("estimation used" in n for n in res.notes)  # the data start in Oct 2024
    day0 = frame.set_index("rel_day").loc[0]
    assert day0["asset_ret"] == pytest.approx(1876 / 31136.58)
    assert day0["ar"] == pytest.approx(day0["asset_ret"] - res.alpha - res.beta * day0["bench_ret"])
    assert res.car == pytest.approx(frame["ar"].sum())


def test_benchmark_holiday_in_the_window_counts_as_no_move(returns):
    # 20 Jan 2025: Tokyo open, New York closed (Martin Luther King Jr. Day)
    frame, res = abnormal_returns(
        returns_series(returns, "Nikkei 225"), returns_series(returns, "S&P 500"), "2025-01-20", window=(-1, 1)
    )
    assert frame.set_index("rel_day").at[0, "bench_ret"] == 0.0
    assert any("S&P 500 did not trade on 2025-01-20" in n for n in res.notes)


# ---- figures -----------------------------------------------------------------------------------------------------


def test_returns_figure_bars_in_percent(returns):
    events = [{"date": "2025-04-07", "label": "Ishiba–Trump call"}, {"date": "2024-01-01", "label": "out of range"}]
    fig = returns_figure(returns, "Nikkei 225", events, "2025-04-01", "2025-04-15")
    (bars,) = fig.data
    assert bars.type == "bar"
    nikkei = returns_series(returns, "Nikkei 225").loc["2025-04-01":"2025-04-15"]
    assert list(bars.y) == pytest.approx((nikkei * 100).tolist())
    assert pd.Timestamp("2025-04-08") in pd.DatetimeIndex(bars.x)
    assert [a.text for a in fig.layout.annotations] == ["07 Apr: Ishiba–Trump call"]
    assert "%" in fig.layout.yaxis.title.text and "Nikkei 225" in fig.layout.title.text
    assert fig.to_json() == returns_figure(returns, "Nikkei 225", events, "2025-04-01", "2025-04-15").to_json()


def test_car_figure_holds_line_band_and_zero(returns):
    frame, res = abnormal_returns(
        returns_series(returns, "Nikkei 225"), returns_series(returns, "S&P 500"), "2025-04-08"
    )
    fig = car_figure(frame, res)
    names = [t.name for t in fig.data]
    assert names == [
        "band +",
        "95% band if no effect (±1.96 σ̂√k)",
        "abnormal return (day)",
        "cumulative abnormal return",
    ]
    car = fig.data[3]
    assert list(car.x) == list(range(-5, 6)) and list(car.y) == pytest.approx((frame["car"] * 100).tolist())
    assert list(fig.data[1].y) == pytest.approx((-frame["band"] * 100).tolist())
    assert any(s.y0 == 0 and s.y1 == 0 for s in fig.layout.shapes)  # the zero line
    assert "market model" in fig.layout.title.text and "t = " in fig.layout.title.subtitle.text
