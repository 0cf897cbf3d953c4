"""Charts of the market response (notebook 03): index levels, daily returns and abnormal returns around events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..event_study import EventStudyResult
from ..market import SERIES_UNITS

UP, DOWN, LINE, BAND, EVENT = "#2e7d32", "#c62828", "#1f4e79", "rgba(31, 78, 121, 0.15)", "#6d6d6d"
LABEL_ROWS = (1.0, 0.92, 0.84)  # event labels are staggered over three heights so that close dates stay legible


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
        on_days = [(d, label) for d, label in marks if d in s.index]
        if on_days:
            fig.add_scatter(
                x=[d for d, _ in on_days],
                y=[s[d] for d, _ in on_days],
                mode="markers",
                name=f"{name}: events",
                marker={"color": EVENT, "size": 9, "symbol": "diamond"},
                text=[label for _, label in on_days],
                hovertemplate=f"%{{x|%a %Y-%m-%d}}<br>%{{text}}<br>{name}: %{{y:,.2f}}<extra></extra>",
                showlegend=False,
                row=row,
                col=1,
            )
        fig.update_yaxes(title_text=f"{name} ({unit})", tickformat=",.0f", row=row, col=1)
    _event_lines(fig, marks)
    fig.update_xaxes(title_text="date (each market's own trading days)", row=len(names), col=1)
    fig.update_layout(
        title=f"{' and '.join(names)}: daily close, {_span(frame)}",
        height=max(380, 300 * len(names)),
        template="plotly_white",
        hovermode="closest",
        showlegend=len(names) > 1,
    )
    return fig


def returns_figure(
    returns: pd.DataFrame,
    series: str,
    events: Iterable[dict] = (),
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> go.Figure:
    """Daily returns of one series as bars: x = trading day, y = close-to-close return in %, green up, red down.

    `returns` is `event_study.daily_returns` output; hover also gives the previous trading day and the move in
    the series' unit, so a Monday bar shows it spans the weekend. Events are dotted vertical lines.
    """
    rows = returns[returns["series"] == series].set_index("date").sort_index()
    rows = _cut(rows, start, end)
    unit = SERIES_UNITS.get(series, "")
    pct = rows["ret"] * 100
    fig = go.Figure(
        go.Bar(
            x=rows.index,
            y=pct.to_numpy(),
            name=f"{series} daily return",
            marker_color=[UP if v >= 0 else DOWN for v in pct],
            customdata=list(zip(rows["prev_date"].dt.strftime("%Y-%m-%d"), rows["change"], strict=True)),
            hovertemplate=(
                "%{x|%a %Y-%m-%d} vs %{customdata[0]}<br>return: %{y:+.2f}%<br>"
                f"change: %{{customdata[1]:+,.2f}} {unit}<extra></extra>"
            ),
        )
    )
    _event_lines(fig, _events(events, rows.index))
    fig.add_hline(y=0, line={"color": "#444", "width": 1})
    fig.update_layout(
        title=f"{series}: daily return, {_span(rows)}",
        xaxis_title="trading day",
        yaxis_title="return on previous close (%)",
        yaxis_ticksuffix="%",
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


def _events(events: Iterable[dict], index: pd.Index) -> list[tuple[pd.Timestamp, str]]:
    """(day, label) for each dated event inside the plotted range, sorted by day."""
    if not len(index):
        return []
    lo, hi = index.min(), index.max()
    out = []
    for e in events:
        if not e.get("date"):
            continue
        day = pd.Timestamp(e["date"])
        if lo <= day <= hi:
            out.append((day, str(e.get("label") or e.get("action") or "")))
    return sorted(out, key=lambda m: m[0])


def _event_lines(fig: go.Figure, marks: list[tuple[pd.Timestamp, str]]) -> None:
    """A dotted vertical line over every panel and a staggered label at the top for each event."""
    for i, (day, label) in enumerate(marks):
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
            y=LABEL_ROWS[i % len(LABEL_ROWS)],
            text=f"{day:%d %b}: {label}" if label else f"{day:%d %b}",
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font={"size": 11, "color": "#333"},
            bgcolor="rgba(255,255,255,0.8)",
        )
