"""Charts of the tariff schedule (notebook 02): Annex I rates by partner, and each partner's rate over time."""

from __future__ import annotations

import textwrap
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from .. import schedule
from . import plain

BASE = "#9aa5b1"  # Annex I partners the article does not name
HIGHLIGHT = "#d62728"  # partners the article names
LINES = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
ANNEX_TITLE = "US “reciprocal” tariff rates by partner: Annex I to EO 14257 (2 Apr 2025, as revised 3 Apr)"
ANNEX_NOTE = "In force from 9 Apr 2025; suspended from 10 Apr for all partners but China. Source: " + (
    schedule.ANNEX_PATH.name
)


def _wrap(text: object, width: int = 70) -> str:
    """Hover text broken into lines (long source lists otherwise run off the screen)."""
    return "<br>".join(textwrap.wrap(str(text or ""), width)) or "–"


def rates_by_country(annex: pd.DataFrame, highlight: list[str], day: date | str | None = None) -> go.Figure:
    """Annex I ranked: x = additional duty (%), y = partner, highest on top; the article's partners in a second colour.

    `annex` is `schedule.load_annex()`; `highlight` holds ISO3 codes or names. Partners named but not in the
    annex are listed under the chart. Hover gives the rate, its source and note. With `day`, a black dot on each
    row gives the rate in force that day as the rows announced by then set it (`schedule.rate_on`), so the chart
    shows how far the annex rates were from what applied (none before 9 Apr, paused from 10 Apr).
    """
    wanted = [schedule.iso3(c) for c in highlight]
    data = annex.sort_values(["rate_percent", "country"], ascending=[True, False])
    labels = data.country + " (" + data.iso3 + ")"
    hit = data.iso3.isin(wanted)
    fig = go.Figure()
    for name, mask, colour in (("other Annex I partners", ~hit, BASE), ("named in the article", hit, HIGHLIGHT)):
        part = data[mask]
        if part.empty:
            continue
        fig.add_bar(
            x=part.rate_percent,
            y=labels[mask],
            orientation="h",
            name=name,
            marker_color=colour,
            text=[f"{r:g}%" for r in part.rate_percent],
            textposition="outside",
            customdata=list(zip(part.source.map(_wrap), part.note.map(_wrap), strict=True)),
            hovertemplate="<b>%{y}</b>: %{x:g}%<br>source: %{customdata[0]}<br>note: %{customdata[1]}<extra></extra>",
        )
    missing = [schedule.country_name(c) for c in dict.fromkeys(wanted) if c not in set(data.iso3)]
    caption = ANNEX_NOTE + (f"<br>Named in the article, not in Annex I: {', '.join(missing)}" if missing else "")
    top = float(data.rate_percent.max()) if len(data) else 0.0
    if day is not None:
        day = schedule.as_date(day)
        now = [schedule.rate_on(code, day, as_of=day) for code in data.iso3]
        known = [(r, label) for r, label in zip(now, labels, strict=True) if r.covered]
        rates = [0.0 if r.measure == schedule.NO_MEASURE else r.rate_percent for r, _ in known]
        top = max([top, *(r for r in rates if r is not None)])
        caption += f"<br>Dots: the rate in force on {day:%d %b %Y}, from the rows announced by then"
        fig.add_scatter(
            x=rates,
            y=[label for _, label in known],
            mode="markers",
            name=f"in force on {day:%d %b %Y}",
            marker={"color": "black", "size": 7, "symbol": "circle"},
            customdata=[_wrap(f"{r.measure}; {r.document}" if r.document else r.measure) for r, _ in known],
            hovertemplate="<b>%{y}</b> on " + f"{day:%d %b %Y}" + ": %{x:g}%<br>%{customdata}<extra></extra>",
        )
    fig.update_layout(
        title={"text": ANNEX_TITLE, "subtitle": {"text": caption}},
        xaxis={"title": "additional ad valorem duty (%)", "ticksuffix": "%", "range": [0, top * 1.12 + 1]},
        yaxis={"title": "trading partner", "categoryorder": "array", "categoryarray": list(labels)},
        height=max(350, 17 * len(data) + 200),
        margin={"t": 110 + 16 * bool(missing) + 16 * (day is not None)},
        barmode="overlay",
        bargap=0.25,
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        template="plotly_white",
    )
    return fig


def _spells(code: str, start: date, end: date) -> list[tuple[date, date, schedule.RateOnDay]]:
    """Runs of days with the same answer from `rate_on`, as (first day, last day, answer); asked day by day."""
    out: list[tuple[date, date, schedule.RateOnDay]] = []
    for n in range((end - start).days + 1):
        day = start + timedelta(days=n)
        now = schedule.rate_on(code, day)
        if out and (out[-1][2].rate_percent, out[-1][2].measure, out[-1][2].gap) == (
            now.rate_percent,
            now.measure,
            now.gap,
        ):
            out[-1] = (out[-1][0], day, out[-1][2])
        else:
            out.append((day, day, now))
    return out


def _line(code: str, start: date, end: date) -> tuple[list, list, list, list]:
    """x, y, hover and doubt flags of a step line; no tariff in force is 0%, an unanswerable day a gap."""
    xs, ys, hover, doubt = [], [], [], []
    for first, last, now in _spells(code, start, end):
        y = 0.0 if now.measure == schedule.NO_MEASURE else now.rate_percent
        text = _wrap(f"{now.measure}; {now.document}" if now.document else now.measure)
        if now.gap:
            text += "<br><i>not confirmed by the data: " + _wrap(now.gap) + "</i>"
        for x in (first, last):
            xs.append(x)
            ys.append(y)
            hover.append(text)
            doubt.append(bool(now.gap))
    return xs, ys, hover, doubt


def _actions(codes: set[str], start: date, end: date) -> list[tuple[date, str]]:
    """The timeline's dated actions bearing on `codes`, at their effective date (announcement date if none)."""
    out = []
    for row in schedule.load_timeline().itertuples(index=False):
        if row.country != "ALL" and row.country not in codes:
            continue
        when = row.effective or row.date
        if start <= when <= end:
            rate = f" {row.rate_percent:g}%" if pd.notna(row.rate_percent) else ""
            who = "" if row.country == "ALL" else f"{row.country}: "
            out.append((when, f"{when:%d %b}: {who}{row.measure}{rate} (announced {row.date:%d %b}; {row.document})"))
    return sorted(out)


def rate_over_time(
    countries: list[str],
    published: date | None,
    events: list[dict] | None = None,
    start: date = date(2025, 3, 1),
    end: date = date(2025, 9, 30),
    *,
    as_of: date | str | None = None,
) -> go.Figure:
    """Each partner's additional reciprocal rate as a step line: x = date, y = rate (%).

    Triangles along the top mark the timeline's actions (hover lists them), a dashed line the article's
    publication day, a dotted one `as_of` when it is another day, diamonds the extra `events` ({"date", "label"}).
    A dotted stretch is a rate the data does not confirm (past the data's end or a lapse); a break is a day the
    data cannot answer.
    """
    asked = list(dict.fromkeys(schedule.iso3(c) for c in countries))
    codes = [c for c in asked if c not in schedule.NOT_COVERED]
    outside = [f"{schedule.country_name(c)} ({schedule.NOT_COVERED[c]})" for c in asked if c in schedule.NOT_COVERED]
    targets = {schedule.SAME_RATE_AS.get(c, (c,))[0] for c in codes}
    fig = go.Figure()
    top = 10.0
    for i, code in enumerate(codes):
        xs, ys, hover, doubt = _line(code, start, end)
        top = max([top, *(y for y in ys if y is not None)])
        name, colour = f"{schedule.country_name(code)} ({code})", LINES[i % len(LINES)]
        sure = [y if not d else None for y, d in zip(ys, doubt, strict=True)]
        common = {"x": xs, "line_shape": "hv", "legendgroup": code, "line_color": colour, "hovertext": hover}
        common["hovertemplate"] = "%{x|%d %b %Y}: %{y:g}%<br>%{hovertext}<extra>" + name + "</extra>"
        common["line_width"] = 2 + 1.5 * (len(codes) - 1 - i)  # earlier lines wider, so equal rates stay visible
        fig.add_scatter(y=sure, name=name, mode="lines", **common)
        if any(doubt):
            unsure = [y if d else None for y, d in zip(ys, doubt, strict=True)]
            fig.add_scatter(
                y=unsure, name=f"{name}, unconfirmed", mode="lines", line_dash="dot", showlegend=False, **common
            )
    marks = _actions(targets, start, end)
    days = sorted({d for d, _ in marks})
    fig.add_scatter(
        x=days,
        y=[top * 1.15] * len(days),
        mode="markers+text",
        text=_cluster_labels(days),
        textposition="top center",
        textfont={"size": 10, "color": "#555"},
        name="tariff actions (hover for details)",
        marker={"symbol": "triangle-down", "size": 10, "color": "#555"},
        hovertext=["<br>".join(_wrap(t, 90) for d2, t in marks if d2 == d) for d in days],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    for d in days:
        fig.add_vline(x=d, line={"color": "#ccc", "width": 1, "dash": "dot"}, layer="below")
    if events:
        when = [schedule.as_date(e["date"], "event date") for e in events]
        fig.add_scatter(
            x=when,
            y=[top * 1.06] * len(events),
            mode="markers+text",
            name="article events",
            text=[plain(e.get("label", "")) for e in events],
            textposition="middle left",
            marker={"symbol": "diamond", "size": 9, "color": "#ff7f0e"},
        )
    published = schedule.as_date(published, "published") if published is not None else None
    as_of = schedule.as_date(as_of, "as_of") if as_of is not None else None
    marks = [("published", published, "dash"), ("as of", as_of if as_of != published else None, "dot")]
    marks = sorted((m for m in marks if m[1] is not None), key=lambda m: m[1])
    for i, (label, when, dash) in enumerate(marks):  # with two, the earlier one is labelled on its left
        fig.add_scatter(
            x=[when, when],
            y=[0, top * 1.25],
            mode="lines+text",
            name=f"{label} {when:%d %b %Y}",
            line={"color": "black", "dash": dash, "width": 1.5},
            text=[f"{label} {when:%d %b}", ""],
            textposition="top left" if i < len(marks) - 1 else "top right",
            hoverinfo="skip",
        )
    fig.update_layout(
        title={"text": "Additional US “reciprocal” tariff rate over time", "subtitle": {"text": _subtitle(outside)}},
        xaxis={"title": "date (effective 12:01 a.m. EDT)", "range": [start, end + timedelta(days=1)]},
        yaxis={
            "title": "additional ad valorem duty (%)",
            "ticksuffix": "%",
            "range": [0, top * 1.32],
        },
        height=520,
        hovermode="closest",
        legend={"orientation": "h", "y": -0.18},
        template="plotly_white",
    )
    return fig


def _subtitle(outside: list[str]) -> str:
    first, last = schedule.data_span()
    text = f"Source: {schedule.TIMELINE_PATH.name} and the Annex I file; actions {first:%d %b} to {last:%d %b %Y}"
    return text + (f"<br>Not drawn: {'; '.join(outside)}" if outside else "")


def _cluster_labels(days: list[date], within: int = 7) -> list[str]:
    """One date label per run of actions no more than `within` days apart ("2–10 Apr"), blank for the rest."""
    labels = [""] * len(days)
    first = 0
    for i in range(1, len(days) + 1):
        if i == len(days) or (days[i] - days[i - 1]).days > within:
            a, b = days[first], days[i - 1]
            span = f"{a.day}" + (f"–{b.day}" if b != a else "") if a.month == b.month else f"{a:%-d %b}–{b.day}"
            labels[first] = f"{span} {b:%b}"
            first = i
    return labels
