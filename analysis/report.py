"""Build the report: check the inputs → run the notebooks (papermill) → export one HTML page → publish atomically."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .errors import NotebookFailed
from .execute import check_kernel, run_notebooks
from .params import ReportParams, report_folder
from .paths import NOTEBOOKS_DIR, OUTPUTS_DIR, TEMPLATES_DIR
from .publish import publish, staging_dir
from .runlog import RunResult, Status, now

log = logging.getLogger("analysis")

# The notebooks of a report, in the order they run. To add one: save it in notebooks/ (markdown heading first,
# then a cell tagged `parameters`) and list it here; it receives the parameters its `parameters` cell names.
# They run at the same time, each on its own kernel, but the first extracts the article into the staging folder
# (extraction.json, tables/) and the others read that: each of them runs its parameters and imports cells (the
# code cell after the parameters, if it starts with `import` or `from`), then waits until the first has run its
# last cell. So a notebook after the first may read what the first wrote, and nothing another of them writes.
NOTEBOOKS = ("01_article.ipynb", "02_tariff_schedule.ipynb", "03_market_response.ipynb")


def build_report(
    article: str | Path,
    *,
    published: str | dt.date | None = None,
    timezone: str | None = None,
    out_root: str | Path = OUTPUTS_DIR,
    market_csv: str | Path | None = None,
    execution_timeout: int | None = None,
    parameters: Mapping[str, object] | None = None,
    notebooks: Sequence[str | Path] | None = None,
) -> RunResult:
    """Report on one article into `out_root/<article stem>/`; raises BadInput (nothing written) or NotebookFailed.

    `parameters` are further notebook parameters (each declared by a notebook); `notebooks` are file names
    in notebooks/ or paths, run in order (default: NOTEBOOKS).
    """
    notebooks = [NOTEBOOKS_DIR / nb for nb in (NOTEBOOKS if notebooks is None else notebooks)]
    params = ReportParams.check(
        article,
        published=published,
        timezone=timezone,
        market_csv=market_csv,
        execution_timeout=execution_timeout,
        extra=parameters,
        notebooks=notebooks,
    )
    final = report_folder(out_root, params.stem)
    check_kernel()
    result = run_and_publish(notebooks, params, final, title=params.stem)
    log.info("report written to %s", result.report)
    return result


def run_and_publish(
    notebooks: Sequence[Path],
    params: object,
    final: Path,
    *,
    title: str,
    before_publish: Callable[[Path], None] | None = None,
) -> RunResult:
    """Stage → run the notebooks → export report.html → publish as `final`. A failed notebook publishes the failed
    run (its notebook kept, the last good report untouched) and re-raises. `params` is what run_notebooks asks
    for (notebook_parameters, execution_timeout) plus record(); `before_publish(stage)` may add files."""
    started = now()
    with staging_dir(final.parent, final.name) as stage:
        try:
            executed = run_notebooks(notebooks, params, stage, meanwhile=warm_export)
        except NotebookFailed as exc:
            if (stage / "notebooks" / exc.notebook).is_file():
                exc.kept = final / "notebooks" / exc.notebook
            failed = RunResult(Status.FAILED, started, now(), params.record(final), str(final), error=str(exc))
            publish(stage, final, failed)
            raise
        log.info("exporting report.html")
        (stage / "report.html").write_text(to_html(merge_notebooks(executed, title=title)), encoding="utf-8")
        if before_publish is not None:
            before_publish(stage)
        result = RunResult(Status.DONE, started, now(), params.record(final), str(final))
        publish(stage, final, result)
    return result


def warm_export() -> None:
    """Export a two-cell notebook and throw it away: the first export in a process loads nbconvert, its templates
    and filters (about 0.4 s), which this moves to while the kernels run."""
    import nbformat

    try:
        to_html(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# -"), nbformat.v4.new_code_cell("0")]))
    except Exception:  # the real export will say what is wrong
        log.debug("warming up the export failed", exc_info=True)


def merge_notebooks(paths: Sequence[Path], *, title: str) -> object:
    """One notebook holding the cells of all `paths` in order (cell ids prefixed so they stay unique)."""
    import nbformat

    merged = nbformat.v4.new_notebook(metadata={"title": title})
    for n, path in enumerate(paths, start=1):
        nb = nbformat.read(path, as_version=4)
        if n == 1:
            merged.metadata.update({k: v for k, v in nb.metadata.items() if k in ("kernelspec", "language_info")})
        for cell in nb.cells:
            cell.id = f"nb{n}-{cell.get('id', len(merged.cells))}"
            merged.cells.append(cell)
    return merged


def to_html(nb: object) -> str:
    """The report page: outputs only, parameter cells dropped, plotly.js inlined once, nothing fetched."""
    from nbconvert import HTMLExporter
    from plotly.offline import get_plotlyjs
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.template_name = "lab"
    config.HTMLExporter.template_file = "report.html.j2"
    config.HTMLExporter.extra_template_paths = [str(TEMPLATES_DIR)]
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"parameters", "injected-parameters"}
    html, _ = HTMLExporter(config=config).from_notebook_node(nb, resources={"plotly_js": get_plotlyjs()})
    return html
