"""Plotly in the notebooks: one display bundle that JupyterLab draws live and the offline HTML report keeps.

`setup_display()` (called in each notebook's imports cell) makes every figure shown in the kernel publish both
`application/vnd.plotly.v1+json` (JupyterLab's plotly renderer) and `text/html`, a plotly.js <div> that expects
plotly.js on the page: report.html inlines it once in its head (see analysis/templates/report.html.j2).
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import Counter

import plotly.io as pio
from plotly.io.base_renderers import MimetypeRenderer, PlotlyRenderer

RENDERER = "tariff_desk"
CONFIG = {"displaylogo": False, "responsive": True}
HEIGHT = 450  # px, when a figure sets no height of its own


class ReportRenderer(MimetypeRenderer):
    """Plotly's JSON mimetype plus a plotly.js <div> whose id is derived from the figure (stable across runs)."""

    def __init__(self) -> None:
        self.shown: Counter[str] = Counter()

    def to_mimebundle(self, fig_dict: dict) -> dict:
        bundle = PlotlyRenderer(config=CONFIG).to_mimebundle(dict(fig_dict))
        digest = hashlib.sha1(json.dumps(bundle, sort_keys=True).encode()).hexdigest()[:12]
        self.shown[digest] += 1
        bundle["text/html"] = pio.to_html(
            fig_dict,
            config=CONFIG,
            include_plotlyjs=False,
            full_html=False,
            default_height=HEIGHT,
            div_id=f"plotly-{digest}-{self.shown[digest]}",
            validate=False,
        )
        return bundle


def plain(text: object) -> str:
    """Article text for a chart label: plotly reads <b>, <a href> and <br> in labels, so escape them to show as typed."""
    return html.escape(str(text), quote=False)


def setup_display() -> None:
    """Make the report renderer plotly's default in this kernel (a figure as a cell's last line, or `show`)."""
    if RENDERER not in pio.renderers:
        pio.renderers[RENDERER] = ReportRenderer()
    pio.renderers.default = RENDERER


def show(fig) -> None:
    """Display one figure with the report renderer, whatever plotly's default is."""
    setup_display()
    fig.show(renderer=RENDERER)


def bundle(obj: object) -> dict:
    """What a notebook would show for `obj`, as a mime bundle: a figure through the report renderer (plotly's JSON
    and a plotly.js <div>), anything else through its `_repr_html_` (a tables.Note or Table) and repr."""
    from plotly.basedatatypes import BaseFigure

    setup_display()
    if isinstance(obj, BaseFigure):
        return pio.renderers[RENDERER].to_mimebundle(obj.to_dict())
    return {"text/html": obj._repr_html_(), "text/plain": repr(obj)}
