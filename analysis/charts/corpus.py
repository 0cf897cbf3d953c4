"""Charts of a corpus (notebooks/corpus.ipynb): who is quoted most, stances over time, tariff rates vs the schedule.

Each takes a view of `analysis.corpus_views` and returns a figure, or None when it has nothing to draw (the
notebook then shows the view's sentence saying why).
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..corpus_views import QUOTE_KINDS, VERDICTS
from . import plain

# Stance → (colour, marker symbol): colour-blind readers still tell them apart by shape.
STANCES = {
    "support": ("#2ca02c", "circle"),
    "oppose": ("#d62728", "x"),
    "mixed": ("#ff7f0e", "diamond"),
    "neutral": ("#7f7f7f", "square"),
}
VERDICT_STYLE = {"match": ("#2ca02c", "circle"), "mismatch": ("#d62728", "x"), "not checkable": ("#9aa5b1", "square")}
QUOTE_COLOURS = {"direct": "#1f77b4", "partial": "#9467bd", "paraphrase": "#aec7e8"}
HOVER_LINES = 8  # hover lines per marker before "… and N more"


def most_quoted(quoted: pd.DataFrame, *, top: int = 15) -> go.Figure | None:
    """Who the corpus quotes: x = quotes, one stacked bar part per kind (direct, partial, paraphrase), y = actor,
    most quoted on top; hover gives the number of articles. `quoted` is `corpus_views.most_quoted()`."""
    rows = quoted.head(top)
    if rows.empty:
        return None
    labels = [plain(n) for n in rows.name]
    fig = go.Figure()
    for kind in QUOTE_KINDS:
        fig.add_bar(
            x=rows[kind],
            y=labels,
            orientation="h",
            name=kind,
            marker_color=QUOTE_COLOURS[kind],
            customdata=rows.articles,
            hovertemplate=f"<b>%{{y}}</b>: %{{x}} {kind}<br>quoted in %{{customdata}} article(s)<extra></extra>",
        )
    fig.update_layout(
        title="Who is quoted most",
        xaxis_title="quotes across the corpus",
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1]},
        barmode="stack",
        height=max(300, 28 * len(rows) + 120),
        legend={"title_text": "kind", "traceorder": "normal"},
        template="plotly_white",
    )
    return fig


def stance_over_time(stances: pd.DataFrame, *, top: int = 20) -> go.Figure | None:
    """Each actor's stance over time: x = the article's publication date, y = actor (most positions on top, the
    `top` actors), marker colour and symbol = stance; hover = the article, topic and summary of each position.

    `stances` is `corpus_views.stances()`; undated positions are left out (None if none is dated). Positions of one
    actor with one stance in one article share a marker, sized by their number.
    """
    dated = stances.dropna(subset=["published"])
    if dated.empty:
        return None
    ranked = dated.groupby("actor").size().sort_values(ascending=False, kind="stable").head(top)
    dated = dated[dated.actor.isin(ranked.index)]
    labels = {a: plain(n) for a, n in zip(dated.actor, dated.name, strict=True)}
    fig = go.Figure()
    for stance in [s for s in STANCES if s in set(dated.stance)] + sorted(set(dated.stance) - set(STANCES)):
        colour, symbol = STANCES.get(stance, ("#17becf", "triangle-up"))
        marks = _markers(dated[dated.stance.eq(stance)], ["actor", "published"], _position_line)
        fig.add_scatter(
            x=marks.published,
            y=marks.actor.map(labels),
            mode="markers",
            name=stance,
            orientation="h",  # with scattermode "group": side by side along the actor axis
            marker={"color": colour, "symbol": symbol, "size": marks["size"], "line": {"width": 1}},
            customdata=marks.hover,
            hovertemplate="<b>%{y}</b>, %{x|%d %b %Y}: " + stance + "<br>%{customdata}<extra></extra>",
        )
    order = [labels[a] for a in ranked.index]
    fig.update_layout(
        title="Each actor's stance over time",
        xaxis_title="article published",
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "title": None},
        scattermode="group",  # one actor's stances on one day side by side, not on top of each other
        height=max(320, 30 * len(order) + 140),
        legend={"title_text": "stance"},
        template="plotly_white",
    )
    return fig


def tariff_checks(checks: pd.DataFrame) -> go.Figure | None:
    """Tariff rates the articles state against the schedule: x = the schedule's rate (%), y = the article's (%),
    colour and symbol = verdict; on the dashed diagonal the two agree. Hover = each article, subject and claim.

    `checks` is `corpus_views.tariff_checks()`; rates without a schedule rate are left out (None if all are).
    Equal (schedule, article, verdict) rates share a marker, sized by their number.
    """
    placed = checks.dropna(subset=["schedule_value", "article_value"])
    if placed.empty:
        return None
    fig = go.Figure()
    top = float(max(placed.schedule_value.max(), placed.article_value.max())) * 1.08 + 1
    fig.add_scatter(
        x=[0, top],
        y=[0, top],
        mode="lines",
        line={"dash": "dash", "color": "#9aa5b1", "width": 1},
        name="article = schedule",
        hoverinfo="skip",
    )
    for verdict in [v for v in VERDICTS if v in set(placed.verdict)] + sorted(set(placed.verdict) - set(VERDICTS)):
        colour, symbol = VERDICT_STYLE.get(verdict, ("#17becf", "triangle-up"))
        marks = _markers(placed[placed.verdict.eq(verdict)], ["schedule_value", "article_value"], _claim_line)
        fig.add_scatter(
            x=marks.schedule_value,
            y=marks.article_value,
            mode="markers",
            name=verdict,
            marker={"color": colour, "symbol": symbol, "size": marks["size"], "line": {"width": 1}},
            customdata=marks.hover,
            hovertemplate="article %{y:g}%, schedule %{x:g}%: " + verdict + "<br>%{customdata}<extra></extra>",
        )
    fig.update_layout(
        title="Tariff rates stated in the articles vs the schedule in force on publication",
        xaxis={"title": "schedule rate in force (%)", "range": [0, top], "rangemode": "tozero"},
        yaxis={"title": "rate the article states (%)", "range": [0, top], "rangemode": "tozero"},
        height=520,
        legend={"title_text": "verdict"},
        template="plotly_white",
    )
    return fig


def _markers(rows: pd.DataFrame, keys: list[str], line) -> pd.DataFrame:
    """One marker per group of `keys`: the keys, `size` (grows with the rows it stands for) and `hover` (a line
    per row, escaped, at most HOVER_LINES)."""

    def hover(group: pd.DataFrame) -> str:
        lines = [line(row) for row in group.itertuples()]
        more = f"<br>… and {len(lines) - HOVER_LINES} more" if len(lines) > HOVER_LINES else ""
        return "<br>".join(lines[:HOVER_LINES]) + more

    grouped = rows.groupby(keys, sort=False)
    marks = grouped.size().rename("count").to_frame()
    marks["hover"] = [hover(group) for _, group in grouped]
    marks["size"] = (9 + 3 * (marks["count"] - 1)).clip(upper=24)
    return marks.reset_index()


def _position_line(row) -> str:
    return f"{plain(row.article_id)}: {plain(row.topic)}: {_short(row.summary)}"


def _claim_line(row) -> str:
    subject = row.subject if isinstance(row.subject, str) else "–"
    return f"{plain(row.article_id)}: {plain(subject)}: “{_short(row.claim, 80)}”"


def _short(text: object, width: int = 110) -> str:
    """Article text for a hover line: one line, cut at `width` characters, escaped."""
    return plain(textwrap.shorten(" ".join(str(text or "").split()), width, placeholder="…"))
