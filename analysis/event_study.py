"""Event-study maths: returns on each series' own calendar, the session an event hits, and abnormal returns."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from .errors import BadInput

Day = str | dt.date | pd.Timestamp


@dataclass(frozen=True)
class Market:
    """Where a series is priced: the zone of its clock and the local time its daily value is taken."""

    timezone: str
    close: dt.time
    what: str


# To add a market, give its IANA zone and the local time of the daily value; keys are `session_for(market=)`.
MARKETS = {
    "tokyo": Market("Asia/Tokyo", dt.time(15, 30), "Tokyo Stock Exchange close"),
    "new-york": Market("America/New_York", dt.time(16, 0), "New York Stock Exchange close"),
    "new-york-noon": Market("America/New_York", dt.time(12, 0), "FRED H.10 noon buying rate in New York"),
}
# Which market each bundled series follows. Bloomberg's USD/JPY is left out: its source does not say when
# its daily value is taken, so use "USD/JPY (FRED DEXJPUS)" for event timing.
SERIES_MARKET = {
    "Nikkei 225": "tokyo",
    "TOPIX": "tokyo",
    "S&P 500": "new-york",
    "USD/JPY (FRED DEXJPUS)": "new-york-noon",
}
# Benchmark for the market model; a series not listed gets none (plain returns).
DEFAULT_BENCHMARK = {"Nikkei 225": "S&P 500", "TOPIX": "S&P 500"}
BENCHMARK_NOTE = (
    "The S&P 500 is the only broad benchmark bundled (no MSCI World, ACWI or Japan ETF series), and it is "
    "priced after Tokyo closes, so a same-date market model understates how Tokyo follows New York."
)
NO_BENCHMARK_NOTE = "No benchmark is bundled for this series: abnormal returns are its plain returns."
CONFOUNDED = (
    "Daily closes cannot tell the article's news from anything else that moved the market on the same days (the "
    "events table lists the tariff actions of the window), so the CAR measures the window, not the article alone"
)


@dataclass(frozen=True)
class EventStudyResult:
    """What `abnormal_returns` concluded; `method` says which model produced the abnormal returns."""

    asset: str
    benchmark: str | None
    event_day: dt.date
    window: tuple[int, int]
    method: str  # "market model", "market-adjusted" (AR = r_a - r_m) or "raw returns" (AR = r_a)
    alpha: float
    beta: float
    sigma: float  # σ̂_ε, the daily standard deviation of estimation-period abnormal returns
    n_estimation: int
    estimation_start: dt.date | None
    estimation_end: dt.date | None
    n_window: int
    car: float
    t_stat: float
    ar_event: float  # abnormal return on day 0
    notes: tuple[str, ...] = ()


def default_benchmark(series: str) -> tuple[str | None, str]:
    """The benchmark used for `series` and the caveat the report must print next to its result."""
    bench = DEFAULT_BENCHMARK.get(series)
    return bench, BENCHMARK_NOTE if bench == "S&P 500" else NO_BENCHMARK_NOTE


def trading_days(wide: pd.DataFrame, series: str) -> pd.DatetimeIndex:
    """A series' own calendar: the dates on which it has a close."""
    return pd.DatetimeIndex(wide[series].dropna().index)


def daily_returns(wide: pd.DataFrame) -> pd.DataFrame:
    """Close-to-close moves of each series between its own consecutive trading days.

    r_t = P_t / P_{t-1} - 1 and ΔP_t = P_t - P_{t-1}, where t-1 is the series' previous close: a weekend or
    holiday is skipped, never counted as a zero return. Columns: date, series, close, prev_date, prev_close,
    ret (a fraction, 0.06 = 6%), change (in the series' unit). Sorted by series, then date.
    """
    parts = []
    for series in wide.columns:
        s = wide[series].dropna().sort_index()
        frame = pd.DataFrame({"date": s.index, "series": series, "close": s.to_numpy(dtype=float)})
        frame["prev_date"] = frame["date"].shift(1)
        frame["prev_close"] = frame["close"].shift(1)
        parts.append(frame.iloc[1:])
    cols = ["date", "series", "close", "prev_date", "prev_close", "ret", "change"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)
    out["ret"] = out["close"] / out["prev_close"] - 1
    out["change"] = out["close"] - out["prev_close"]
    return out[cols]


def returns_series(returns: pd.DataFrame, series: str) -> pd.Series:
    """One series' simple returns from `daily_returns`, indexed by date and named after the series."""
    rows = returns[returns["series"] == series]
    if rows.empty:
        raise ValueError(f"no returns for {series!r}; have {sorted(returns['series'].unique())}")
    return pd.Series(rows["ret"].to_numpy(), index=pd.DatetimeIndex(rows["date"]), name=series)


def session_for(
    when: Day | dt.datetime,
    time: str | None = None,
    event_tz: str = "UTC",
    market: str = "tokyo",
    *,
    calendar: Iterable[Day] | None = None,
) -> dt.date:
    """The first session of `market` whose daily value can reflect an event.

    The event's local time is converted to the market's zone; at or after the market's close it falls on
    the next day. That day then rolls forward to the first date in `calendar` (the series' trading days),
    so weekends and holidays are skipped; without a calendar only weekends are. An event with no time is
    taken to be known before that date's close. Example: 2025-04-07 21:01 Asia/Tokyo → Tokyo 2025-04-08.
    """
    if market not in MARKETS:
        raise BadInput(f"unknown market {market!r}", f"use one of {', '.join(MARKETS)}")
    venue = MARKETS[market]
    try:
        zone, market_zone = ZoneInfo(event_tz), ZoneInfo(venue.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput(f"unknown time zone {event_tz!r}", "use an IANA name such as Asia/Tokyo") from exc
    moment = _moment(when, time)
    if isinstance(moment, dt.datetime):
        local = (moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(market_zone)
        day = local.date() + dt.timedelta(days=1 if local.time() >= venue.close else 0)
    else:
        day = moment
    if calendar is None:
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return day
    days = sorted({pd.Timestamp(d).date() for d in calendar})
    i = bisect.bisect_left(days, day)
    if i == len(days):
        last = days[-1] if days else "no date"
        raise BadInput(f"no trading session on or after {day} (the data end on {last})", "use closes that cover it")
    return days[i]


def _moment(when: Day | dt.datetime, time: str | None) -> dt.date | dt.datetime:
    """A date, or a datetime when a time of day is known."""
    try:
        if isinstance(when, str):
            when = (
                dt.datetime.fromisoformat(when) if "T" in when or " " in when.strip() else dt.date.fromisoformat(when)
            )
        if isinstance(when, pd.Timestamp):
            when = when.to_pydatetime() if (when.tzinfo or when.time() != dt.time()) else when.date()
        if time and not isinstance(when, dt.datetime):
            return dt.datetime.combine(when, dt.time.fromisoformat(time))
    except ValueError as exc:
        raise BadInput(
            f"event date or time is not valid: {when!r} {time or ''}".strip(), "use YYYY-MM-DD and HH:MM"
        ) from exc
    return when


def event_window(series_returns: pd.Series, event_day: Day, pre: int = 5, post: int = 5) -> pd.DataFrame:
    """The trading days from `pre` before to `post` after the event session, counted on the series' calendar.

    Columns: date, rel_day (0 = the event session, -1 the trading day before, …), ret. Cut short where the
    data end. `event_day` must be a trading day of the series (map it with `session_for` first).
    """
    r = series_returns.dropna().sort_index()
    e = _position(r.index, event_day, str(r.name))
    lo, hi = max(0, e - pre), min(len(r) - 1, e + post)
    rel = np.arange(lo, hi + 1) - e
    return pd.DataFrame({"date": r.index[lo : hi + 1], "rel_day": rel, "ret": r.to_numpy()[lo : hi + 1]})


def _position(index: pd.DatetimeIndex, day: Day, name: str) -> int:
    stamp = pd.Timestamp(day)
    if stamp not in index:
        raise ValueError(f"{stamp:%Y-%m-%d} is not a trading day of {name}; map the event with session_for first")
    return int(index.get_loc(stamp))


def _estimate(ra: np.ndarray, rm: np.ndarray | None, min_estimation: int) -> tuple[str, float, float, float, str]:
    """(method, α̂, β̂, σ̂_ε, note) from the estimation-period returns; see `abnormal_returns` for the formulas."""
    n, alpha, beta = len(ra), math.nan, math.nan
    if rm is None:
        method, resid, dof, note = "raw returns", ra, 1, NO_BENCHMARK_NOTE
    elif n >= max(min_estimation, 3) and np.ptp(rm) > 0:
        method, dof, note = "market model", 2, ""
        beta = float(np.sum((rm - rm.mean()) * (ra - ra.mean())) / np.sum((rm - rm.mean()) ** 2))
        alpha = float(ra.mean() - beta * rm.mean())
        resid = ra - alpha - beta * rm
    else:
        method, resid, dof = "market-adjusted", ra - rm, 1
        why = f"only {n} estimation days (< {min_estimation})" if n < min_estimation else "the benchmark never moved"
        note = f"{why}: market-adjusted returns, AR = r_a - r_m"
    # OLS residuals have mean 0, so subtracting the mean changes nothing for the market model.
    sigma = math.sqrt(float(np.sum((resid - resid.mean()) ** 2)) / (n - dof)) if n > dof else math.nan
    return method, alpha, beta, sigma, note


def abnormal_returns(
    asset: pd.Series,
    benchmark: pd.Series | None,
    event_day: Day,
    window: tuple[int, int] = (-5, 5),
    estimation: int = 120,
    gap: int = 10,
    *,
    min_estimation: int = 30,
) -> tuple[pd.DataFrame, EventStudyResult]:
    """Abnormal returns of `asset` around `event_day` under the market model, with their cumulative sum.

    Days are the asset's trading days; day 0 is `event_day`. The estimation period is the `estimation`
    trading days that end `gap` days before the window opens (fewer if the data start later), keeping the
    dates on which both series have a return. Over those N days, by OLS:
        r_a,t = α + β r_m,t + ε_t,   β̂ = Σ(r_m - r̄_m)(r_a - r̄_a) / Σ(r_m - r̄_m)²,   α̂ = r̄_a - β̂ r̄_m,
        σ̂_ε² = Σ ε̂_t² / (N - 2).
    In the window: AR_t = r_a,t - (α̂ + β̂ r_m,t), CAR = Σ AR_t over its L days, t = CAR / (σ̂_ε √L), and the
    95% band after k days is ±1.96 σ̂_ε √k. With fewer than `min_estimation` days the model falls back to
    market-adjusted returns, AR = r_a - r_m (σ̂ from the estimation days' AR, N - 1 dof); without a
    benchmark AR = r_a. A window day on which the benchmark did not trade counts r_m = 0 (noted).

    Frame columns: date, rel_day, asset_ret, bench_ret, expected, ar, car, band (all returns as fractions).
    """
    name = str(asset.name)
    a = asset.dropna().sort_index()
    b = benchmark.dropna().sort_index() if benchmark is not None else None
    e = _position(a.index, event_day, name)
    lo, hi = max(0, e + window[0]), min(len(a) - 1, e + window[1])
    notes: list[str] = []
    if (lo - e, hi - e) != tuple(window):
        notes.append(f"window cut to [{lo - e}, {hi - e}] trading days by the data's range")
    est_end = lo - gap - 1
    est_dates = a.index[max(0, est_end - estimation + 1) : est_end + 1] if est_end >= 0 else a.index[:0]
    if b is not None:
        est_dates = est_dates.intersection(b.index)
    if 0 < len(est_dates) < estimation:
        notes.append(
            f"estimation used {len(est_dates)} of the {estimation} days asked for "
            f"(returns start {a.index[0]:%Y-%m-%d}; only days with both returns count)"
        )
    ra = a.reindex(est_dates).to_numpy()
    rm = b.reindex(est_dates).to_numpy() if b is not None else None
    method, alpha, beta, sigma, note = _estimate(ra, rm, min_estimation)
    if note:
        notes.append(note)
    if b is not None and name in DEFAULT_BENCHMARK and DEFAULT_BENCHMARK[name] == str(b.name):
        notes.append(BENCHMARK_NOTE)

    dates = a.index[lo : hi + 1]
    frame = pd.DataFrame({"date": dates, "rel_day": np.arange(lo, hi + 1) - e, "asset_ret": a.to_numpy()[lo : hi + 1]})
    if b is None:
        frame["bench_ret"], frame["expected"] = math.nan, 0.0
    else:
        bench = b.reindex(dates)
        if bench.isna().any():
            closed = ", ".join(f"{d:%Y-%m-%d}" for d in dates[bench.isna().to_numpy()])
            notes.append(f"{b.name} did not trade on {closed}: its return counted as 0 there")
        frame["bench_ret"] = bench.fillna(0.0).to_numpy()
        frame["expected"] = alpha + beta * frame["bench_ret"] if method == "market model" else frame["bench_ret"]
    frame["ar"] = frame["asset_ret"] - frame["expected"]
    frame["car"] = frame["ar"].cumsum()
    frame["band"] = 1.96 * sigma * np.sqrt(np.arange(1, len(frame) + 1))
    car, big_l, n = float(frame["car"].iloc[-1]), len(frame), len(est_dates)
    result = EventStudyResult(
        asset=name,
        benchmark=str(b.name) if b is not None else None,
        event_day=pd.Timestamp(event_day).date(),
        window=(int(frame["rel_day"].iloc[0]), int(frame["rel_day"].iloc[-1])),
        method=method,
        alpha=alpha,
        beta=beta,
        sigma=sigma,
        n_estimation=n,
        estimation_start=est_dates[0].date() if n else None,
        estimation_end=est_dates[-1].date() if n else None,
        n_window=big_l,
        car=car,
        t_stat=car / (sigma * math.sqrt(big_l)) if sigma > 0 else math.nan,
        ar_event=float(frame.loc[frame["rel_day"] == 0, "ar"].iloc[0]),
        notes=tuple(notes),
    )
    return frame, result


def study(
    returns: pd.DataFrame, series: str, published: Day, window: int = 5, benchmark: str | None = None
) -> tuple[pd.DataFrame, EventStudyResult]:
    """`abnormal_returns` of `series` over [-window, +window] around the publication day's session.

    Day 0 is the first trading day of `series` on or after `published`. The benchmark is `benchmark` if given,
    else `DEFAULT_BENCHMARK`; one with no returns in `returns` (a user's file without it) is dropped, which the
    result's notes say. Raises BadInput when `series` has no return on or after `published`, or none before it.
    """
    asset = returns_series(returns, series)
    if pd.Timestamp(published) <= asset.index[0]:
        raise BadInput(
            f"{pd.Timestamp(published):%Y-%m-%d} is not after the first {series} return ({asset.index[0]:%Y-%m-%d})"
        )
    day = session_for(published, calendar=asset.index)
    name = benchmark or DEFAULT_BENCHMARK.get(series)
    have = set(returns["series"])
    bench = returns_series(returns, name) if name and name != series and name in have else None
    frame, result = abnormal_returns(asset, bench, day, (-window, window))
    if name and bench is None:
        why = "it is the series itself" if name == series else "the data in use hold no closes for it"
        notes = [n for n in result.notes if n != NO_BENCHMARK_NOTE]
        result = dataclasses.replace(result, notes=(f"Benchmark {name} not used ({why}): plain returns.", *notes))
    return frame, result


def describe(result: EventStudyResult) -> str:
    """The method and its caveats in plain words, for the sentence printed under the abnormal-return chart."""
    r = result
    window = f"[{r.window[0]:+d}, {r.window[1]:+d}]"
    head = f"{r.asset}, day 0 = {r.event_day:%a %Y-%m-%d} (its first session on or after the publication day). "
    if r.method == "market model":
        how = (
            f"Market model against {r.benchmark}: AR = r − (α̂ + β̂ r_m), with α̂ = {r.alpha * 100:+.3f}% and "
            f"β̂ = {r.beta:.2f} fitted by OLS on {r.n_estimation} trading days ({r.estimation_start} to "
            f"{r.estimation_end}), which end 10 trading days before the window. "
        )
    elif r.method == "market-adjusted":
        how = f"Market-adjusted returns against {r.benchmark}: AR = r − r_m. "
    else:
        how = "Plain daily returns, no benchmark. "
    band = (
        f"The band is ±1.96 σ̂ √k (σ̂ = {r.sigma * 100:.2f}% a day from the estimation days): where the cumulative "
        "abnormal return stays 95% of the time if nothing unusual happened. "
        if not math.isnan(r.sigma)
        else "No band: too few estimation days to measure the usual daily spread. "
    )
    t = "" if math.isnan(r.t_stat) else f", t = {r.t_stat:.2f}"
    result_text = f"CAR {window} = {r.car * 100:+.2f}%{t}. "
    caveats = [*r.notes, CONFOUNDED]
    return head + how + band + result_text + "Caveats: " + " ".join(n.rstrip(".") + "." for n in caveats)
