"""Charts of the article itself (notebook 01)."""

from __future__ import annotations

import plotly.graph_objects as go

from . import plain

KIND_ORDER = ("person", "government", "country", "organization", "media", "market_index", "place", "currency")


def actor_mentions(extraction: dict, *, top: int = 15) -> go.Figure | None:
    """Who the article is about: x = mentions, y = actor (most mentioned on top), one colour per kind; None if no actors."""
    actors = sorted(extraction["actors"], key=lambda a: (-a["mentions"], a["name"]))[:top]
    if not actors:
        return None
    fig = go.Figure()
    for kind in [k for k in KIND_ORDER if any(a["kind"] == k for a in actors)] + sorted(
        {a["kind"] for a in actors} - set(KIND_ORDER)
    ):
        rows = [a for a in actors if a["kind"] == kind]
        fig.add_bar(x=[a["mentions"] for a in rows], y=[plain(a["name"]) for a in rows], orientation="h", name=kind)
    fig.update_layout(
        title="Actors by number of mentions",
        xaxis_title="mentions in the article",
        yaxis={"categoryorder": "array", "categoryarray": [a["name"] for a in reversed(actors)]},
        height=max(300, 28 * len(actors) + 120),
        barmode="stack",
        legend={"title_text": "kind", "traceorder": "normal"},
        template="plotly_white",
    )
    return fig
