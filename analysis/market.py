"""Market data: load the bundled closes or a user's export, and check an article's market figures against them."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .claims import CLAIM_COLUMNS
from .errors import BadInput, DataInvalid
from .paths import DATA_DIR

CLOSES_CSV = DATA_DIR / "markets_daily_2024-10-01_2025-09-30.csv"
INDEXES_CSV = DATA_DIR / "market_indexes.csv"
LONG_COLUMNS = ["date", "series", "close", "source", "note"]

# What a close is measured in, for axis labels. To add a series, add its name (as in the `series` column).
SERIES_UNITS = {
    "Nikkei 225": "index points",
    "TOPIX": "index points",
    "S&P 500": "index points",
    "USD/JPY": "yen per USD",
    "USD/JPY (FRED DEXJPUS)": "yen per USD",
}

FILE_FORMATS = (
    "a Yahoo Finance or Stooq export (Date,…,Close), a FRED download (observation_date,SERIES) "
    "or a long file (date,series,close)"
)
# Ranks and records ("fourth-biggest point gain ever") need the index's full history, which is not bundled.
SUPERLATIVE = re.compile(
    r"\b(ever|record|biggest|largest|greatest|highest|lowest|steepest|sharpest|deepest|worst|best|most)\b"
    r"|\b\d+(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)-",
    re.I,
)


def load_closes(path: str | Path = CLOSES_CSV) -> pd.DataFrame:
    """Bundled daily closes in long format, refused with DataInvalid if any row breaks the file's rules.

    Columns: date (datetime64, midnight), series (str), close (float, > 0), source (str, never empty),
    note (str, "" when none). Rows are sorted by series, then date.
    """
    path = Path(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataInvalid(f"cannot read closes ({exc})", path=path) from exc
    missing = [c for c in LONG_COLUMNS if c not in raw.columns]
    if missing:
        raise DataInvalid(f"missing columns {', '.join(missing)}", path=path)
    out = raw[LONG_COLUMNS].copy()
    out["date"] = pd.to_datetime(out["date"], format="%Y-%m-%d", errors="coerce")
    out["close"] = pd.to_numeric(out["close"], errors="coerce")
    checks = [
        (out["date"].isna(), "date {date!r} is not YYYY-MM-DD"),
        (~(out["close"] > 0), "close {close!r} is not a positive number"),
        (out["series"].str.strip().eq("") | out["source"].str.strip().eq(""), "every row needs a series and a source"),
    ]
    for bad, problem in checks:
        if bad.any():
            i = bad.idxmax()
            raise DataInvalid(f"line {i + 2}: " + problem.format(**raw.loc[i]), path=path)
    dup = out[out.duplicated(["series", "date"], keep=False)]
    if len(dup):
        first = dup.iloc[0]
        raise DataInvalid(f"duplicate {first['series']} close on {first['date']:%Y-%m-%d}", path=path)
    return out.sort_values(["series", "date"], kind="stable").reset_index(drop=True)


def closes_wide(long: pd.DataFrame) -> pd.DataFrame:
    """One column per series on a date index; NaN where that market was closed (nothing is filled).

    Index: date (datetime64), the union of all series' trading days. Columns: series names, in sorted order.
    """
    wide = long.pivot(index="date", columns="series", values="close").sort_index()
    wide.columns.name = None
    return wide[sorted(wide.columns)]


def read_market_csv(
    path: str | Path, *, start: str | dt.date | None = None, end: str | dt.date | None = None
) -> pd.DataFrame:
    """A user's own closes (Yahoo Finance, Stooq, FRED, or this long format) as `load_closes` gives them.

    Yahoo and Stooq exports name the series after the file's stem and use Close (not Adj Close); a FRED
    download names it after its value column, and FRED's "." (no value that day) rows are dropped; a long
    file (date, series, close[, source, note]) keeps its names. `source` is the row's own source, else the
    file path. `start`/`end` (inclusive) cut the rows to a window. Anything unusable raises BadInput.
    """
    path = Path(path)
    frame = _normalise(_read_raw(path), path)
    if frame.empty:
        raise BadInput("market file is empty (no data rows)", f"pass {FILE_FORMATS}", path=path)
    dates = pd.to_datetime(frame["date"].str.strip(), format="%Y-%m-%d", errors="coerce")
    closes = pd.to_numeric(frame["close"].str.strip(), errors="coerce")
    for i in frame.index:  # the index holds the file's line numbers
        if pd.isna(dates[i]):
            raise BadInput(
                f"line {i}: date {frame.at[i, 'date']!r} is not a date", "write dates as YYYY-MM-DD", path=path
            )
        if not (closes[i] > 0):
            what = f"{frame.at[i, 'close']!r} on {dates[i]:%Y-%m-%d}, line {i}"
            raise BadInput(
                f"market file has a close that is not a positive number ({what})",
                "correct or delete that row",
                path=path,
            )
    frame = frame.assign(date=dates.to_numpy(), close=closes.to_numpy(dtype=float))
    for series, rows in frame.groupby("series", sort=False):
        if rows["date"].duplicated().any():
            day = rows.loc[rows["date"].duplicated(), "date"].iloc[0]
            which = f" ({series})" if frame["series"].nunique() > 1 else ""
            raise BadInput(f"market file has two rows for {day:%Y-%m-%d}{which}", "keep one row per date", path=path)
        if not rows["date"].is_monotonic_increasing:
            k = int((rows["date"].diff() < pd.Timedelta(0)).to_numpy().argmax())
            what = f"{rows['date'].iloc[k]:%Y-%m-%d} comes after {rows['date'].iloc[k - 1]:%Y-%m-%d}"
            raise BadInput(
                f"market file dates are not in ascending order ({what})", "sort it by date, oldest first", path=path
            )
    lo = pd.Timestamp(start) if start is not None else frame["date"].min()
    hi = pd.Timestamp(end) if end is not None else frame["date"].max()
    out = frame[(frame["date"] >= lo) & (frame["date"] <= hi)]
    if out.empty:
        span = f"{frame['date'].min():%Y-%m-%d} to {frame['date'].max():%Y-%m-%d}"
        raise BadInput(
            f"market file has no rows from {lo:%Y-%m-%d} to {hi:%Y-%m-%d} (it covers {span})",
            "export a range that covers the window",
            path=path,
        )
    return out.sort_values(["series", "date"], kind="stable").reset_index(drop=True)[LONG_COLUMNS]


def _read_raw(path: Path) -> pd.DataFrame:
    """The file as text cells with stripped headers, or BadInput if it cannot be read as a CSV."""
    if not path.is_file():
        raise BadInput("market file not found", "check the path", path=path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True)
    except pd.errors.EmptyDataError as exc:
        raise BadInput("market file is empty", f"pass {FILE_FORMATS}", path=path) from exc
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise BadInput("market file is not a readable CSV", f"pass {FILE_FORMATS}", path=path) from exc
    raw.columns = [str(c).strip().rstrip("*") for c in raw.columns]
    raw.index = raw.index + 2  # line numbers: the header is line 1
    return raw


def _normalise(raw: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Recognise the export by its header; return text columns date, series, close, source, note."""
    lower = {c.lower(): c for c in raw.columns}
    if {"date", "series", "close"} <= set(lower):
        out = raw.rename(columns={lower[c]: c for c in ("date", "series", "close", "source", "note") if c in lower})
        src = out["source"].str.strip() if "source" in out else ""
        out = out.assign(source=src, note=out["note"] if "note" in out else "")
        out.loc[out["source"] == "", "source"] = str(path)
        return out[LONG_COLUMNS]
    if "date" in lower and "close" in lower:
        kind = "Yahoo Finance export (Close)" if "adj close" in lower else "Stooq-style export (Close)"
        out = pd.DataFrame({"date": raw[lower["date"]], "series": path.stem, "close": raw[lower["close"]]})
    elif len(raw.columns) == 2 and raw.columns[0].lower() in ("observation_date", "date"):
        date_col, value_col = raw.columns
        kept = raw[~raw[value_col].str.strip().isin([".", ""])]  # FRED writes "." (or nothing) for no value
        kind = f"FRED series {value_col}"
        out = pd.DataFrame({"date": kept[date_col], "series": value_col, "close": kept[value_col]})
    else:
        found = ", ".join(raw.columns)[:80] or "none"
        raise BadInput(f"market file has no Date and Close columns (found: {found})", f"pass {FILE_FORMATS}", path=path)
    return out.assign(source=str(path), note=kind)[LONG_COLUMNS]


def load_index_table(path: str | Path = INDEXES_CSV) -> pd.DataFrame:
    """Known market indexes: id (the extractor's actor id), name, series ("" when no series is bundled)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not {"id", "name", "series"} <= set(table.columns):
        raise DataInvalid("market index table needs id, name and series columns", path=path)
    return table


def market_claims(extraction: dict, closes: pd.DataFrame, *, indexes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check every market-index figure of an extraction (see CONTRACT.md) against the closes.

    One row per figure whose subject is a market index (an actor of kind `market_index`, or an id in
    market_indexes.csv) and whose unit is percent or points, plus any superlative about an index. The index's
    series is its `series` in market_indexes.csv, else the one named like its id, name or an alias. The day is
    the date of the event whose span holds the figure (`event.start <= figure.start < event.end`, innermost
    first), else the article's `published` date. With P_d that day's close and P_p the previous close of the
    same series:  percent = 100 (P_d / P_p - 1),  points = P_d - P_p.  A figure matches when
    |data| is within half a unit of its last shown digit of |article| (6.03 vs 6.0251, 1,876 vs 1876.00):
    the extractor gives unsigned magnitudes ("fell 7.8%" is 7.8), so the sign is not checked.

    Columns: claim (the figure as written, after up to four words of its clause), subject (actor id),
    article_value, data_value (computed, signed, rounded to 4 dp; NaN when not checkable), unit, verdict
    (match / mismatch / not checkable), source (the series, the two closes' dates, and the series' source;
    empty when not checkable), start, end (the figure's offsets in the article).
    """
    indexes = load_index_table() if indexes is None else indexes
    series_of = series_names(indexes, set(closes["series"]))
    kinds = {a.get("id"): a.get("kind") for a in extraction.get("actors", [])}
    events = [e for e in extraction.get("events", []) if e.get("date")]
    published = (extraction.get("article") or {}).get("published")
    rows = []
    for fig in extraction.get("figures", []):
        subject = fig.get("subject")
        if subject is None or not (kinds.get(subject) == "market_index" or subject in set(indexes["id"])):
            continue
        superlative = bool(SUPERLATIVE.search(f"{fig.get('text', '')} {fig.get('measure') or ''}"))
        if fig.get("unit") not in ("percent", "points") and not superlative:
            continue
        event = _holding_event(fig, events)
        row = {
            "claim": _context(fig, event),
            "subject": subject,
            "article_value": float(fig["value"]) if fig.get("value") is not None else math.nan,
            "data_value": math.nan,
            "unit": fig.get("unit"),
            "verdict": "not checkable",
            "source": None,
            "start": fig.get("start"),
            "end": fig.get("end"),
        }
        series = series_of.get(subject)
        day = _as_day(event["date"] if event else published)
        checkable = series and day and not superlative and not math.isnan(row["article_value"])
        moved = _move(closes, series, day, fig["unit"]) if checkable else None
        if moved is not None:
            value, source = moved
            digits = _decimals(fig.get("text") or "", row["article_value"])
            ok = abs(abs(value) - abs(row["article_value"])) <= 0.5 * 10**-digits + 1e-9
            row.update(data_value=round(value, 4), source=source, verdict="match" if ok else "mismatch")
        rows.append(row)
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


def series_names(indexes: pd.DataFrame, available: set[str]) -> dict[str, str]:
    """Index id → the series in `closes` that holds it: its `series`, else its id, name or an alias.

    So a user's export named `nikkei-225.csv` or `Nikkei.csv` is found as well as the bundled "Nikkei 225".
    """
    by_lower = {name.lower(): name for name in available}
    out = {}
    for row in indexes.itertuples():
        names = [row.series, row.id, row.name, *str(getattr(row, "aliases", "") or "").split("|")]
        found = [by_lower[n.lower()] for n in names if n and n.lower() in by_lower]
        if found:
            out[row.id] = found[0]
    return out


def _holding_event(fig: dict, events: list[dict]) -> dict | None:
    """The innermost dated event whose span holds the figure's start: its date is the day the figure is about."""
    start = fig.get("start")
    holding = [
        e for e in events if e.get("date") and start is not None and e.get("start", 0) <= start < e.get("end", -1)
    ]  # an event of a period ("last year") names no day
    return min(holding, key=lambda e: e["end"] - e["start"]) if holding else None


def _as_day(value: str | None) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(value) if value else None
    except ValueError:  # not a date: nothing to check against
        return None


def _context(fig: dict, event: dict | None) -> str:
    """The figure with the few words before it in its event's clause: "Nikkei stock index rising 6.03%"."""
    text, shown = (event or {}).get("text") or "", fig.get("text") or ""
    offset = (fig.get("start") or 0) - (event or {}).get("start", 0)
    if not text or not 0 <= offset <= len(text):
        return shown
    return " ".join([*text[:offset].split()[-4:], shown])


def _move(closes: pd.DataFrame, series: str, day: pd.Timestamp, unit: str) -> tuple[float, str] | None:
    """Percent or point change of `series` from its previous close to `day`; None if `day` did not trade."""
    rows = closes[closes["series"] == series].sort_values("date")
    at = rows.index[rows["date"] == day]
    if len(at) == 0:
        return None
    pos = rows.index.get_loc(at[0])
    if pos == 0:
        return None
    now, prev = rows.iloc[pos], rows.iloc[pos - 1]
    value = 100 * (now["close"] / prev["close"] - 1) if unit == "percent" else now["close"] - prev["close"]
    return float(value), f"{series} {prev['date']:%Y-%m-%d} → {now['date']:%Y-%m-%d}: {now['source']}"


def _decimals(text: str, value: float) -> int:
    """Digits after the decimal point as the article wrote the number ("6.03%" → 2, "1,876 points" → 0)."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if m:
        return len(m.group(1) or "")
    return len(repr(float(value)).split(".")[1].rstrip("0")) if not float(value).is_integer() else 0


# ---- what notebook 03 charts for an article ----------------------------------------------------------------------

# The currency a story about a country moves, as a series of the closes: {ISO3: series}. To add one, bundle its
# daily closes (data/SOURCES.md), add its unit to SERIES_UNITS and map the country here.
FX_SERIES = {"JPN": "USD/JPY (FRED DEXJPUS)"}
FX_WORDS = {"JPN": re.compile(r"\byen\b", re.I)}  # a story that talks about the currency by name
DEFAULT_SERIES = "S&P 500"  # the broad market, when the article names no index with closes
MAX_WINDOW = 60  # trading days either side; the estimation period needs the data before the window
EVENT_COLUMNS = ["date", "time", "source", "what", "detail"]


def series_for(
    extraction: dict, available: Iterable[str] | None = None, *, indexes: pd.DataFrame | None = None
) -> list[str]:
    """The series to chart for an article, lead first: its market indexes, then its currencies, else the S&P 500.

    Index actors (kind `market_index`, or an id in market_indexes.csv), most mentioned first, give the series that
    `market_claims` would check them against. A country of those indexes or of the article's country and
    government and currency actors that has an FX_SERIES adds it, as does a word in FX_WORDS in a quote, event or figure.
    With no index series, DEFAULT_SERIES leads. `available` (the series of the closes in use; default the bundled
    ones) bounds the choice; when none of it is there (a user's own file), its first three series are taken.
    """
    indexes = load_index_table() if indexes is None else indexes
    have = list(available) if available is not None else [*indexes.series[indexes.series != ""], *FX_SERIES.values()]
    have = list(dict.fromkeys([*have, DEFAULT_SERIES] if available is None else have))
    series_of = series_names(indexes, set(have))
    actors = sorted(extraction.get("actors") or [], key=lambda a: -(a.get("mentions") or 0))
    named = [a for a in actors if a.get("kind") == "market_index" or a.get("id") in set(indexes["id"])]
    chosen = [series_of[a["id"]] for a in named if a.get("id") in series_of]
    kinds = {"market_index", "country", "government", "currency"}
    countries = [str(a.get("country") or "").upper() for a in actors if a.get("kind") in kinds]
    texts = " ".join(
        str(r.get("text") or "") for key in ("quotes", "events", "figures") for r in extraction.get(key) or []
    )
    countries += [code for code, words in FX_WORDS.items() if words.search(texts)]
    fx = [FX_SERIES[c] for c in countries if FX_SERIES.get(c) in have]
    if not chosen and DEFAULT_SERIES in have:
        chosen = [DEFAULT_SERIES]
    return list(dict.fromkeys(chosen + fx)) or sorted(have)[:3]


def unavailable_indexes(
    extraction: dict, available: Iterable[str], *, indexes: pd.DataFrame | None = None
) -> list[str]:
    """Names of the market indexes the article names for which `available` holds no closes."""
    indexes = load_index_table() if indexes is None else indexes
    series_of = series_names(indexes, set(available))
    known = set(indexes["id"])
    return [
        str(a.get("name") or a.get("id"))
        for a in extraction.get("actors") or []
        if (a.get("kind") == "market_index" or a.get("id") in known) and a.get("id") not in series_of
    ]


def window_around(
    published: str | dt.date, wide: pd.DataFrame, series: str, pre: int = 5, post: int = 5
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Calendar dates framing `pre` trading days before to `post` after the publication day's session of `series`.

    Day 0 is the first trading day of `series` on or after `published` (an article of a Saturday meets Monday's
    session). The frame runs from the close before day -pre (where the first return of the window starts) to
    day +post, cut where the data end. Raises BadInput when the data hold no session on or after `published`, or
    start after it.
    """
    days = wide[series].dropna().index
    day = pd.Timestamp(published)
    if not len(days) or day < days[0] or day > days[-1]:
        span = f"{days[0]:%Y-%m-%d} to {days[-1]:%Y-%m-%d}" if len(days) else "no dates"
        raise BadInput(
            f"{day:%Y-%m-%d} is outside the {series} closes in use ({span})", "pass closes that cover it (market_csv)"
        )
    zero = int(days.searchsorted(day))
    return days[max(0, zero - pre - 1)], days[min(len(days) - 1, zero + post)]


def event_rows(
    extraction: dict,
    timeline: pd.DataFrame,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    *,
    countries: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The dated events a market chart marks, from `start` to `end` (inclusive; None: open), oldest first.

    The article's dated events, then the tariff timeline's actions (`schedule.load_timeline()`) on the days they
    were announced, kept when they bear on `countries` (default: the countries the article names) or on all
    partners. Columns: date ("YYYY-MM-DD"), time ("HH:MM" or ""), source ("article" or "tariff timeline"),
    what (the action; for the timeline "who: measure rate"), detail (the article's clause, or the document and
    the day it took effect).
    """
    from .schedule import article_countries

    codes = set(article_countries(extraction) if countries is None else countries)
    lo = pd.Timestamp(start) if start is not None else pd.Timestamp.min
    hi = pd.Timestamp(end) if end is not None else pd.Timestamp.max
    rows = [
        [e["date"], e.get("time") or "", "article", str(e.get("action") or "event"), str(e.get("text") or "")]
        for e in extraction.get("events") or []
        if _as_day(e.get("date")) is not None and lo <= _as_day(e["date"]) <= hi
    ]
    for r in timeline.itertuples(index=False):
        if (r.country == "ALL" or r.country in codes) and lo <= pd.Timestamp(r.date) <= hi:
            rate = f" {r.rate_percent:g}%" if pd.notna(r.rate_percent) else ""
            what = f"{'all partners' if r.country == 'ALL' else r.country}: {r.measure}"
            what += rate if rate.strip() not in r.measure else ""
            when = f"effective {r.effective}" if r.effective else "no effective date"
            rows.append([f"{r.date}", "", "tariff timeline", what, f"{r.document}; {when}"])
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return frame.sort_values(["date", "source", "time"], kind="stable").reset_index(drop=True)


def event_markers(
    extraction: dict,
    timeline: pd.DataFrame,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    *,
    countries: Iterable[str] | None = None,
) -> list[dict]:
    """`event_rows` as one marker per day for the charts: {"date", "label", "hover"}.

    label is one row of the day, cut to 40 characters, with the count of the others: an article event with a
    time first, then a tariff action naming a country, else the first row ("article: call start 21:01 (+3)",
    "tariffs: JPN: 90-day pause 10% (+2)"); hover lists every row. Both are HTML-escaped (they quote the article).
    """
    rows = event_rows(extraction, timeline, start, end, countries=countries)
    out = []
    for day, group in rows.groupby("date", sort=True):
        tag = group["source"].map({"article": "article", "tariff timeline": "tariffs"})
        items = (tag + ": " + group["what"] + group["time"].map(lambda t: f" {t}" if t else "")).tolist()
        rank = [
            0 if r.time else 1 if r.source != "article" and not r.what.startswith("all ") else 2
            for r in group.itertuples()
        ]
        first = items[rank.index(min(rank))]
        label = (first[:39] + "…" if len(first) > 40 else first) + (f" (+{len(items) - 1})" if len(items) > 1 else "")
        out.append({"date": day, "label": html.escape(label), "hover": "<br>".join(html.escape(i) for i in items)})
    return out
