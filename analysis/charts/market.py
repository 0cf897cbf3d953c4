"""Charts of the market response (notebook 03): which series and days, index levels, returns, abnormal returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .. import event_study, schedule
from ..errors import BadInput
from ..event_study import EventStudyResult
from ..market import (
    DEFAULT_SERIES,
    EVENT_COLUMNS,
    FX_SERIES,
    MAX_WINDOW,
    SERIES_UNITS,
    closes_wide,
    event_markers,
    event_rows,
    load_index_table,
    series_for,
    series_names,
    unavailable_indexes,
    window_around,
)

UP, DOWN, LINE, BAND, EVENT = "#2e7d32", "#c62828", "#1f4e79", "rgba(31, 78, 121, 0.15)", "#6d6d6d"
LABEL_ROWS = (2, 18, 34)  # px above the plot: event labels are staggered over three heights so close dates stay legible


CHOICE = "the indexes it names, then the currency of a country it covers; the S&P 500 when it names no index with data"


@dataclass(frozen=True)
class MarketView:
    """What notebook 03 charts for one article, built by `market_view`.

    `problem` is the sentence the report shows instead of the charts ("" when they can be drawn); `notes` are
    sentences about what is missing; `start`/`end` frame the level chart (see `window_around`), `first` is day
    -window (where the return bars start); `events` are `event_markers` over all the data, `event_table` the
    `event_rows` inside the frame; `study` is the lead series' `event_study.study` (frame, result) or None.
    """

    wide: pd.DataFrame
    returns: pd.DataFrame
    series: list[str]
    published: pd.Timestamp | None
    window: int
    events: list[dict]
    event_table: pd.DataFrame
    notes: list[str]
    problem: str = ""
    start: pd.Timestamp | None = None
    first: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    study: tuple[pd.DataFrame, EventStudyResult] | None = None
    why: str = ""  # how the series were chosen

    @property
    def summary(self) -> str:
        """One paragraph: the series charted and why, the days the window spans, and what is missing."""
        text = f"Series: {', '.join(self.series)}, {self.why}."
        if self.start is not None:
            text += (
                f" Window: {self.window} trading days either side of the publication day"
                f" ({self.published:%a %Y-%m-%d}) on the {self.series[0]} calendar, {self.first:%Y-%m-%d} to"
                f" {self.end:%Y-%m-%d}; the level chart starts at the close before, {self.start:%Y-%m-%d}."
            )
        return " ".join([text, *self.notes, self.problem]).strip()

    @property
    def method(self) -> str:
        """How the abnormal returns were computed and their caveats, or why there are none."""
        if self.study:
            return event_study.describe(self.study[1])
        return self.problem or next((n for n in self.notes if n.startswith("No abnormal")), "No abnormal returns.")


def market_view(
    extraction: dict,
    closes: pd.DataFrame,
    *,
    series: str | Iterable[str] | None = None,
    window: int = 5,
    benchmark: str | None = None,
    timeline: pd.DataFrame | None = None,
) -> MarketView:
    """Choose the series, the window and the events for notebook 03, and run the event study on the lead series.

    `closes` are `load_closes()` or `read_market_csv()`; `series` (a name or names) overrides `series_for`;
    `window` is in trading days; `benchmark` overrides the event study's default. Missing data never raises:
    it becomes a sentence in `notes` or `problem`. Only a window outside 1..MAX_WINDOW raises BadInput.
    """
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= MAX_WINDOW:
        raise BadInput(f"window must be a whole number of trading days from 1 to {MAX_WINDOW}, not {window!r}")
    wide = closes_wide(closes)
    have, notes = list(wide.columns), []
    if missing := unavailable_indexes(extraction, have):
        notes.append(f"The data in use hold no daily closes for {', '.join(missing)} (named in the article).")
    asked = [series] if isinstance(series, str) else list(series or [])
    if unknown := [s for s in asked if s not in have]:
        notes.append(f"No closes for {', '.join(unknown)} in the data in use, which hold {', '.join(have)}.")
    chosen = [s for s in asked if s in have]
    why = "as asked"
    if not chosen:
        chosen = series_for(extraction, have)
        known = {DEFAULT_SERIES, *FX_SERIES.values(), *series_names(load_index_table(), set(have)).values()}
        why = f"chosen from the article ({CHOICE})" if known & set(chosen) else "the data's own (none of the article's)"
    timeline = schedule.load_timeline() if timeline is None else timeline
    events = event_markers(extraction, timeline)
    published = (extraction.get("article") or {}).get("published")
    published = pd.Timestamp(published) if published else None
    dated = [e["date"] for e in extraction.get("events") or [] if e.get("date")]
    if published is None and dated:
        published = pd.Timestamp(max(dated))
        notes.append(
            f"The article gives no publication date: the window centres on its last dated event, {published:%Y-%m-%d}."
        )
    returns = event_study.daily_returns(wide)
    empty = pd.DataFrame(columns=EVENT_COLUMNS)
    view = MarketView(wide, returns, chosen, published, window, events, empty, notes, why=why)
    if published is None:
        return replace(view, problem="The article gives no date, so there is no window to chart.")
    try:
        start, end = window_around(published, wide, chosen[0], window, window)
    except BadInput as exc:
        return replace(view, problem=f"No market charts: {exc.problem}; pass closes that cover it as market_csv.")
    days = wide[chosen[0]].dropna().loc[start:end].index
    try:
        study = event_study.study(returns, chosen[0], published, window, benchmark)
    except BadInput as exc:
        study = None
        notes.append(f"No abnormal returns for {chosen[0]}: {exc.problem}.")
    table = event_rows(extraction, timeline, start, end)
    first = days[min(1, len(days) - 1)]
    return replace(view, start=start, first=first, end=end, event_table=table, study=study)


def levels(view: MarketView) -> go.Figure | None:
    """`levels_figure` of a MarketView: its series over its frame with its events; None when it has a problem."""
    return None if view.problem else levels_figure(view.wide, view.series, view.events, view.start, view.end)


def returns(view: MarketView) -> go.Figure | None:
    """`returns_figure` of a MarketView: days -window..+window of each series; None when it has a problem."""
    return None if view.problem else returns_figure(view.returns, view.series, view.events, view.first, view.end)


def abnormal(view: MarketView) -> go.Figure | None:
    """`car_figure` of a MarketView's event study (its lead series); None when there is none."""
    return car_figure(*view.study) if view.study else None


def levels_figure(
    wide: pd.DataFrame,
    series: str | Sequence[str],
    events: Iterable[dict] = (),
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> go.Figure:
    """Closes of one or more series, one panel each: x = date, y = close in the series' unit.

    Each line joins the series' own trading days (holidays are gaps in the data, not filled values).
    Events (dicts with `date` and `label`, or the extraction's `action`) are dotted vertical lines with a label;
    the marker on each line gives the close on that day on hover.
    """
    names = [series] if isinstance(series, str) else list(series)
    frame = _cut(wide, start, end)
    marks = _events(events, frame.index)
    fig = make_subplots(rows=len(names), cols=1, shared_xaxes=True, vertical_spacing=0.06)
    for row, name in enumerate(names, start=1):
        s = frame[name].dropna()
        unit = SERIES_UNITS.get(name, "close")
        fig.add_scatter(
            x=s.index,
            y=s.to_numpy(),
            mode="lines",
            name=name,
            line={"color": LINE if row == 1 else None, "width": 2},
            hovertemplate=f"%{{x|%a %Y-%m-%d}}<br>{name}: %{{y:,.2f}} {unit}<extra></extra>",
            row=row,
            col=1,
        )
        on_days = [m for m in marks if m[0] in s.index]
        if on_days:
            fig.add_scatter(
                x=[d for d, _, _ in on_days],
                y=[s[d] for d, _, _ in on_days],
                mode="markers",
                name=f"{name}: events",
                marker={"color": EVENT, "size": 9, "symbol": "diamond"},
                text=[label for _, label, _ in on_days],
                hovertext=[hover for _, _, hover in on_days],
                hovertemplate=f"%{{x|%a %Y-%m-%d}}<br>%{{hovertext}}<br>{name}: %{{y:,.2f}}<extra></extra>",
                showlegend=False,
                row=row,
                col=1,
            )
        fig.update_yaxes(title_text=f"{name} ({unit})", tickformat=",.0f", row=row, col=1)
    _event_lines(fig, marks)
    fig.update_xaxes(title_text="date (each market's own trading days)", row=len(names), col=1)
    fig.update_layout(
        title=f"{' and '.join(names)}: daily close, {_span(frame)}",
        height=max(420, 340 * len(names)),
        margin={"t": 140 if marks else 90},
        template="plotly_white",
        hovermode="closest",
        showlegend=len(names) > 1,
    )
    return fig


def returns_figure(
    returns: pd.DataFrame,
    series: str | Sequence[str],
    events: Iterable[dict] = (),
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> go.Figure:
    """Daily returns as bars, one panel per series: x = trading day, y = close-to-close return in %, green up, red down.

    `returns` is `event_study.daily_returns` output; hover also gives the previous trading day and the move in
    the series' unit, so a Monday bar shows it spans the weekend. Events are dotted vertical lines.
    """
    names = [series] if isinstance(series, str) else list(series)
    fig = make_subplots(rows=len(names), cols=1, shared_xaxes=True, vertical_spacing=0.08)
    shown = pd.DatetimeIndex([])
    for row, name in enumerate(names, start=1):
        rows = _cut(returns[returns["series"] == name].set_index("date").sort_index(), start, end)
        shown = shown.union(rows.index)
        unit = SERIES_UNITS.get(name, "")
        pct = rows["ret"] * 100
        fig.add_bar(
            x=rows.index,
            y=pct.to_numpy(),
            name=f"{name} daily return",
            marker_color=[UP if v >= 0 else DOWN for v in pct],
            customdata=list(zip(rows["prev_date"].dt.strftime("%Y-%m-%d"), rows["change"], strict=True)),
            hovertemplate=(
                "%{x|%a %Y-%m-%d} vs %{customdata[0]}<br>return: %{y:+.2f}%<br>"
                f"change: %{{customdata[1]:+,.2f}} {unit}<extra>{name}</extra>"
            ),
            row=row,
            col=1,
        )
        fig.add_hline(y=0, line={"color": "#444", "width": 1}, row=row, col=1)
        title = "return on previous close (%)" if len(names) == 1 else f"{name} (%)"
        fig.update_yaxes(title_text=title, ticksuffix="%", row=row, col=1)
    marks = _events(events, shown)
    _event_lines(fig, marks)
    fig.update_xaxes(title_text="trading day", row=len(names), col=1)
    fig.update_layout(
        title=f"{' and '.join(names)}: daily return, {_span(pd.DataFrame(index=shown))}",
        height=max(420, 300 * len(names)),
        margin={"t": 140 if marks else 90},
        template="plotly_white",
        showlegend=False,
        bargap=0.15,
    )
    return fig


def car_figure(ar_frame: pd.DataFrame, result: EventStudyResult) -> go.Figure:
    """Cumulative abnormal return around the event: x = trading days from the event session, y = CAR in %.

    The shaded band is ±1.96 σ̂_ε √k after k days, the range in which a CAR stays 95% of the time when the
    event did nothing; bars are the daily abnormal returns. The title gives the model, CAR and t statistic.
    """
    x = ar_frame["rel_day"].to_numpy()
    dates = ar_frame["date"].dt.strftime("%a %Y-%m-%d").to_numpy()
    band = ar_frame["band"].to_numpy() * 100
    fig = go.Figure()
    fig.add_scatter(x=x, y=band, mode="lines", line={"width": 0}, hoverinfo="skip", showlegend=False, name="band +")
    fig.add_scatter(
        x=x,
        y=-band,
        mode="lines",
        line={"width": 0},
        fill="tonexty",
        fillcolor=BAND,
        name="95% band if no effect (±1.96 σ̂√k)",
        hoverinfo="skip",
    )
    fig.add_bar(
        x=x,
        y=ar_frame["ar"].to_numpy() * 100,
        name="abnormal return (day)",
        marker_color=[UP if v >= 0 else DOWN for v in ar_frame["ar"]],
        opacity=0.6,
        customdata=dates,
        hovertemplate="day %{x} (%{customdata})<br>AR: %{y:+.2f}%<extra></extra>",
    )
    fig.add_scatter(
        x=x,
        y=ar_frame["car"].to_numpy() * 100,
        mode="lines+markers",
        name="cumulative abnormal return",
        line={"color": LINE, "width": 3},
        customdata=dates,
        hovertemplate="day %{x} (%{customdata})<br>CAR: %{y:+.2f}%<extra></extra>",
    )
    fig.add_hline(y=0, line={"color": "#444", "width": 1})
    fig.add_vline(x=0, line={"color": EVENT, "dash": "dot"})
    against = f"vs {result.benchmark}" if result.benchmark else "no benchmark"
    fig.update_layout(
        title={
            "text": f"{result.asset}: abnormal return around {result.event_day:%Y-%m-%d} ({result.method}, {against})",
            "subtitle": {
                "text": f"CAR [{result.window[0]}, {result.window[1]}] = {result.car * 100:+.2f}%, "
                f"t = {result.t_stat:.2f}, estimated on {result.n_estimation} days"
            },
        },  # fmt: skip
        xaxis_title=f"trading days from the event session ({result.asset} calendar)",
        yaxis_title="return (%)",
        yaxis_ticksuffix="%",
        xaxis={"dtick": 1},
        template="plotly_white",
        legend={"orientation": "h", "y": -0.2},
        margin={"t": 90},
    )
    return fig


def _cut(frame: pd.DataFrame, start: str | dt.date | None, end: str | dt.date | None) -> pd.DataFrame:
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None
    return frame.loc[lo:hi]


def _span(frame: pd.DataFrame) -> str:
    return f"{frame.index.min():%Y-%m-%d} to {frame.index.max():%Y-%m-%d}" if len(frame) else "no data"


def _events(events: Iterable[dict], index: pd.Index) -> list[tuple[pd.Timestamp, str, str]]:
    """(day, label, hover) for each dated event inside the plotted range, sorted by day; hover defaults to label."""
    if not len(index):
        return []
    lo, hi = index.min(), index.max()
    out = []
    for e in events:
        if not e.get("date"):
            continue
        day = pd.Timestamp(e["date"])
        if lo <= day <= hi:
            label = str(e.get("label") or e.get("action") or "")
            out.append((day, label, str(e.get("hover") or label)))
    return sorted(out, key=lambda m: m[0])


def _event_lines(fig: go.Figure, marks: list[tuple[pd.Timestamp, str, str]]) -> None:
    """A dotted vertical line over every panel and a staggered label at the top for each event."""
    for i, (day, label, _) in enumerate(marks):
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=day,
            x1=day,
            y0=0,
            y1=1,
            line={"color": EVENT, "dash": "dot", "width": 1},
        )
        fig.add_annotation(
            x=day,
            xref="x",
            yref="paper",
            y=1,
            yshift=LABEL_ROWS[i % len(LABEL_ROWS)],
            text=f"{day:%d %b}: {label}" if label else f"{day:%d %b}",
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font={"size": 11, "color": "#333"},
            bgcolor="rgba(255,255,255,0.8)",
        )
