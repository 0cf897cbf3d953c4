"""Controls for JupyterLab: pick countries, a day, a window, a series or an article, and the view redraws in place.

Each explorer is an ipywidgets box whose controls and outputs are attributes, so a test or a script can set a
control's `.value` and read what changed. Figures go into `ipywidgets.Output` areas as the report's display bundle
(plotly's JSON, which JupyterLab draws, and a plotly.js <div>); text goes into `ipywidgets.HTML`. Shown where no
widget can live (an HTML export keeps no widget state), an explorer falls back to the sentence OFFLINE.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from collections.abc import Iterable
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from . import charts, event_study, market, schedule, tables
from .charts import market as market_charts
from .charts import schedule as schedule_charts
from .errors import AnalysisError

OFFLINE = (
    "Interactive controls go here: open the notebook in JupyterLab (make lab), set interactive = True in its "
    "parameters cell and run all cells."
)
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")  # what a folder given to article_explorer is searched for


class Explorer(widgets.VBox):
    """Controls on top, outputs below; `redraw()` runs whenever a control listed in `watch` changes."""

    def __init__(self, controls: list[widgets.Widget], outputs: list[widgets.Widget], watch: Iterable = ()) -> None:
        super().__init__([widgets.HBox(controls), *outputs])
        for control in watch:
            control.observe(lambda _: self.redraw(), names="value")

    def redraw(self) -> None:  # pragma: no cover - each explorer defines it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs) -> dict:
        data = super()._repr_mimebundle_(**kwargs) or {}
        return {**data, "text/html": tables.Note(OFFLINE)._repr_html_()}


def show(area: widgets.Output, *items: object) -> None:
    """Replace what `area` shows by `items` (figures, tables.Note / Table), in one step."""
    area.outputs = tuple({"output_type": "display_data", "data": charts.bundle(i), "metadata": {}} for i in items)


# ---- (1) the tariff schedule ----------------------------------------------------------------------------------------


class ScheduleExplorer(Explorer):
    """`countries` (a multi-select) and `as_of` (a date picker) redraw `over_time` and `ranked` (Output areas)."""

    def __init__(
        self, annex: pd.DataFrame, timeline: pd.DataFrame, countries: list[str], as_of: dt.date | str | None
    ) -> None:
        self.annex = annex
        chosen = list(dict.fromkeys(schedule.iso3(c) for c in countries))
        codes = {*annex.iso3, *timeline.country[timeline.country != "ALL"], *chosen}
        options = sorted((f"{schedule.country_name(c)} ({c})", c) for c in codes)
        self.countries = widgets.SelectMultiple(options=options, value=chosen, rows=10, description="countries")
        day = schedule.as_date(as_of, "as_of") if as_of is not None else None
        self.as_of = widgets.DatePicker(value=day, description="as of")
        self.over_time, self.ranked = widgets.Output(), widgets.Output()
        super().__init__(
            [self.countries, self.as_of], [self.over_time, self.ranked], watch=[self.countries, self.as_of]
        )
        self.redraw()

    def redraw(self) -> None:
        chosen, day = list(self.countries.value), self.as_of.value
        show(self.ranked, schedule_charts.rates_by_country(self.annex, chosen, day=day))
        show(
            self.over_time,
            schedule_charts.rate_over_time(chosen, None, as_of=day) if chosen else tables.Note("Pick a country."),
        )


def schedule_explorer(
    annex: pd.DataFrame, timeline: pd.DataFrame, countries: list[str], as_of: dt.date | str | None
) -> ScheduleExplorer:
    """Notebook 02's two figures under a country multi-select and an `as of` date picker.

    `annex` and `timeline` are `schedule.load_annex()` / `load_timeline()`; the select offers their partners.
    """
    return ScheduleExplorer(annex, timeline, countries, as_of)


# ---- (2) the market response ----------------------------------------------------------------------------------------


class MarketExplorer(Explorer):
    """`series` (dropdown), `window` (slider, trading days) and `benchmark` (dropdown) redraw `levels`, `returns`,
    `car` (Output areas) and `method` (HTML: how the abnormal returns were computed)."""

    def __init__(
        self, wide: pd.DataFrame, series: list[str], events: list[dict], window: int, published: object, benchmark
    ) -> None:
        self.wide, self.events, self.published = wide, events, pd.Timestamp(published)
        self.daily = event_study.daily_returns(wide)
        names = list(wide.columns)
        self.series = widgets.Dropdown(options=names, value=series[0] if series else names[0], description="series")
        self.window = widgets.IntSlider(value=window, min=1, max=20, description="window (days)")
        others = [("default", ""), *((name, name) for name in names)]
        self.benchmark = widgets.Dropdown(options=others, value=benchmark or "", description="benchmark")
        self.levels, self.returns, self.car = widgets.Output(), widgets.Output(), widgets.Output()
        self.method = widgets.HTML()
        controls = [self.series, self.window, self.benchmark]
        super().__init__(controls, [self.levels, self.returns, self.car, self.method], watch=controls)
        self.redraw()

    def redraw(self) -> None:
        name, w = self.series.value, self.window.value
        try:
            start, end = market.window_around(self.published, self.wide, name, w, w)
            frame, result = event_study.study(self.daily, name, self.published, w, self.benchmark.value or None)
        except AnalysisError as exc:
            for area in (self.levels, self.returns, self.car):
                show(area)
            self.method.value = tables.Note(f"No market charts: {exc}")._repr_html_()
            return
        days = self.wide[name].dropna().loc[start:end].index
        show(self.levels, market_charts.levels_figure(self.wide, name, self.events, start, end))
        show(
            self.returns, market_charts.returns_figure(self.daily, name, self.events, days[min(1, len(days) - 1)], end)
        )
        show(self.car, market_charts.car_figure(frame, result))
        self.method.value = tables.Note(event_study.describe(result))._repr_html_()


def market_explorer(
    wide: pd.DataFrame,
    series: list[str],
    events: list[dict],
    window: int = 5,
    *,
    published: str | dt.date,
    benchmark: str | None = None,
) -> MarketExplorer:
    """Notebook 03's three charts for one series around `published`, under a series, window and benchmark control.

    `wide` is `market.closes_wide(...)`; `series` puts its first name in the dropdown; `events` are
    `market.event_markers(...)` (those inside the window are drawn).
    """
    return MarketExplorer(wide, series, events, window, published, benchmark)


# ---- (3) the article ------------------------------------------------------------------------------------------------


class ArticleExplorer(Explorer):
    """`article` (dropdown) fills `actor` (dropdown), which fills `details` (HTML: the actor's card, quotes, positions
    and their evidence highlighted in the text). A file is extracted when first picked."""

    def __init__(self, items: list[tuple[str, Path | dict]]) -> None:
        self.items, self.cache = items, {}
        self.article = widgets.Dropdown(
            options=[(label, i) for i, (label, _) in enumerate(items)], description="article"
        )
        self.actor = widgets.Dropdown(options=[], description="actor")
        self.details = widgets.HTML()
        self.filling = False
        super().__init__([self.article, self.actor], [self.details])
        self.article.observe(lambda _: self._fill_actors(), names="value")
        self.actor.observe(lambda _: self.filling or self.redraw(), names="value")
        self._fill_actors()

    def loaded(self) -> tuple[dict, str | None] | str:
        """The picked article's (extraction, text), or the sentence saying why it cannot be read."""
        key = self.article.value
        if key is None:
            return "No article to show: pass extractions, article files or folders holding them."
        if key not in self.cache:
            _, item = self.items[key]
            try:
                self.cache[key] = _load(item)
            except AnalysisError as exc:
                self.cache[key] = f"This article cannot be read: {exc}"
        return self.cache[key]

    def _fill_actors(self) -> None:
        got = self.loaded()
        actors = (
            sorted(got[0].get("actors") or [], key=lambda a: -(a.get("mentions") or 0))
            if isinstance(got, tuple)
            else []
        )
        options = [(f"{a.get('name')} ({a.get('kind')}, {a.get('mentions')} mentions)", a["id"]) for a in actors]
        self.filling = True  # one redraw below, not one per change
        self.actor.options = options
        self.actor.value = options[0][1] if options else None
        self.filling = False
        self.redraw()

    def redraw(self) -> None:
        got = self.loaded()
        if isinstance(got, str):
            self.details.value = tables.Note(got)._repr_html_()
        elif self.actor.value is None:
            self.details.value = tables.Note(tables.MISSING["actors"])._repr_html_()
        else:
            self.details.value = actor_html(got[0], self.actor.value, got[1])


def article_explorer(paths_or_extractions: Iterable[str | Path | dict]) -> ArticleExplorer:
    """Pick an article, then one of its actors: title, country, quotes (channel, date) and positions with evidence.

    Items are extractions (as `tables.run_extraction` returns them), article files, or folders (their .txt and
    .html files); a file also given as an extraction's `source` is listed once.
    """
    items: list[tuple[str, Path | dict]] = []
    seen: set[Path] = set()
    for item in paths_or_extractions:
        if isinstance(item, dict):
            source = str((item.get("article") or {}).get("source") or "extraction")
            title = (item.get("article") or {}).get("title")
            items.append((Path(source).name + (f": {title}" if title else ""), item))
            seen.add(tables.resolve(source))
            continue
        path = tables.resolve(item)
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES) if path.is_dir() else [path]
        for file in found:
            if file not in seen:
                seen.add(file)
                items.append((file.name, file))
    return ArticleExplorer(items)


def _load(item: Path | dict) -> tuple[dict, str | None]:
    """(extraction, the text its offsets index; None when the file is gone or no longer the one extracted)."""
    from .extract import extract_article
    from .ingest import read_article

    extraction = item if isinstance(item, dict) else extract_article(item)
    path = tables.resolve(extraction["article"].get("source") or "")
    if not path.is_file():
        return extraction, None
    sha = extraction["article"].get("sha256")  # run_extraction records it
    same = sha is None or hashlib.sha256(path.read_bytes()).hexdigest() == sha
    return extraction, read_article(path).text if same else None


def actor_html(extraction: dict, actor_id: str, text: str | None = None) -> str:
    """One actor as HTML: name, kind, title, country and mentions; quotes with cue, channel and date; positions;
    and the paragraphs of `text` holding their evidence, each span in a <mark>. All article text is escaped."""
    actor = next(a for a in extraction.get("actors") or [] if a.get("id") == actor_id)
    esc = html.escape
    country = actor.get("country")
    facts = [
        actor.get("kind") or "",
        f"title: {actor.get('title') or 'none given'}",
        f"country: {schedule.country_name(country)} ({country})" if country else "country: none given",
        f"{actor.get('mentions')} mentions",
    ]
    parts = [f"<h4>{esc(str(actor.get('name')))}</h4>", f"<p>{esc(' · '.join(facts))}</p>"]
    quotes = [q for q in extraction.get("quotes") or [] if q.get("speaker") == actor_id]
    published = (extraction.get("article") or {}).get("published")
    rows = [
        {
            "words": q.get("text"),
            "kind": q.get("kind"),
            "cue": q.get("cue"),
            "channel": q.get("channel") or "not given",
            "date": _date_of(q, extraction) or f"not dated (article of {published})",
        }
        for q in quotes
    ]
    parts.append(f"<h5>Quotes ({len(rows)})</h5>")
    parts.append(tables.view(pd.DataFrame(rows), "No quotes attributed to this actor.")._repr_html_())
    positions = [p for p in extraction.get("positions") or [] if p.get("actor") == actor_id]
    parts.append(f"<h5>Positions ({len(positions)})</h5>")
    if not positions:
        parts.append(tables.Note("No position of this actor could be read.")._repr_html_())
        return "\n".join(parts)
    items = [
        f"<li><b>{esc(str(p.get('topic')))}</b>: {esc(str(p.get('stance')))} — {esc(str(p.get('summary')))}</li>"
        for p in positions
    ]
    parts.append("<ol>" + "".join(items) + "</ol>")
    spans = [
        (s, e, f"{n}. {p.get('topic')} ({p.get('stance')})")
        for n, p in enumerate(positions, 1)
        for s, e in p.get("evidence") or []
    ]
    if text is None or any(e > len(text) for s, e, _ in spans):
        parts.append(
            tables.Note("The article file is not at hand, so the evidence cannot be shown in its text.")._repr_html_()
        )
    else:
        parts.append("<h5>Evidence in the article (hover a highlight for its position)</h5>")
        parts.append("\n".join(f"<p>{highlight(text, spans, a, b)}</p>" for a, b in _paragraphs(text, spans)))
    return "\n".join(parts)


def highlight(text: str, spans: list[tuple[int, int, str]], start: int = 0, end: int | None = None) -> str:
    """text[start:end] HTML-escaped, every span inside it wrapped in <mark title="its labels">; spans that overlap are
    cut at each other's edges, so each piece carries the labels of all spans covering it."""
    end = len(text) if end is None else end
    cuts = sorted({start, end, *(min(max(p, start), end) for s, e, _ in spans for p in (s, e))})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        labels = [label for s, e, label in spans if s <= a and b <= e]
        piece = html.escape(text[a:b])
        out.append(f'<mark title="{html.escape("; ".join(labels))}">{piece}</mark>' if labels else piece)
    return "".join(out)


def _paragraphs(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` that overlaps a span."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if any(s < end and e > start for s, e, _ in spans):
            out.append((start, end))
        start = end + 1
    return out


def _date_of(row: dict, extraction: dict) -> str | None:
    """The date of the innermost dated event whose span holds the row's start."""
    start = row.get("start")
    holding = [
        e
        for e in extraction.get("events") or []
        if e.get("date") and isinstance(start, int) and e.get("start", 0) <= start < e.get("end", -1)
    ]
    return min(holding, key=lambda e: e["end"] - e["start"])["date"] if holding else None
