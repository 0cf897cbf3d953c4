"""build_report(): the files it publishes, the HTML page, and how runs share one output folder."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import SEED_PUBLISHED
from plotly.offline import get_plotlyjs

from analysis import tables
from analysis.errors import NotebookFailed
from analysis.execute import hold_before
from analysis.paths import ROOT, SEED_ARTICLE
from analysis.publish import publish, staging_dir
from analysis.report import NOTEBOOKS, build_report, merge_notebooks, to_html
from analysis.runlog import RunResult, Status

EXPECTED_FILES = {
    "report.html",
    "extraction.json",
    "run.log",
    "run.json",
    *(f"tables/{name}.csv" for name in ("actors", "quotes", "positions", "figures", "events", "claims")),
    *(f"notebooks/{name}" for name in ("01_article.ipynb", "02_tariff_schedule.ipynb", "03_market_response.ipynb")),
}


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_report_folder_holds_the_expected_files_and_only_those(report_dir: Path) -> None:
    assert files_under(report_dir) == EXPECTED_FILES
    assert [p.name for p in report_dir.parent.iterdir() if p.name.startswith(".")] == [f".{report_dir.name}.lock"]


def test_run_json_records_the_run(report_run: RunResult, report_dir: Path) -> None:
    saved = json.loads((report_dir / "run.json").read_text(encoding="utf-8"))
    assert saved["status"] == "done" and saved["error"] is None
    assert saved["outputs"] == sorted(EXPECTED_FILES)
    assert saved["parameters"]["published"] == SEED_PUBLISHED
    assert saved["parameters"]["article_path"] == str(SEED_ARTICLE)
    assert saved["started"] <= saved["finished"]
    assert RunResult.read(report_dir / "run.json") == report_run
    assert "== 01_article.ipynb done" in (report_dir / "run.log").read_text(encoding="utf-8")


def test_executed_notebooks_ran_every_cell(report_dir: Path) -> None:
    for path in sorted((report_dir / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), path.name
        assert not [o for c in code for o in c.outputs if o.output_type == "error"], path.name
        assert "injected-parameters" in code[1].metadata.get("tags", []), path.name


class Tables(HTMLParser):
    """The header row and the cell texts of every <table> on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.tables.append({"header": [], "cells": []})
        elif tag in ("th", "td") and self.tables:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.tables[-1]["header" if tag == "th" else "cells"].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def page_tables(html: str) -> list[dict]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def test_html_has_the_actors_table(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    extraction = json.loads((report_dir / "extraction.json").read_text(encoding="utf-8"))
    actors = [t for t in page_tables(html) if t["header"][:7] == tables.COLUMNS["actors"]]
    assert len(actors) == 1
    assert {a["name"] for a in extraction["actors"]} <= set(actors[0]["cells"])
    assert len(extraction["actors"]) > 3


def test_html_has_plotly_figures_with_data_and_plotly_js_once(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8")
    divs = [re.search(r'id="([^"]+)"', tag).group(1) for tag in re.findall(r"<div[^>]*plotly-graph-div[^>]*>", html)]
    assert divs and len(divs) == len(set(divs))
    for div in divs:
        call = re.search(r'Plotly\.newPlot\(\s*"' + div + r'",\s*(\[.*?\]),\s*\{', html, flags=re.S)
        assert call and json.loads(call.group(1)), div  # a non-empty list of traces
    assert html.count(get_plotlyjs()[:500]) == 1
    assert html.index(get_plotlyjs()[:500]) < html.index("</head>")


def test_html_fetches_nothing_and_shows_no_code(report_dir: Path) -> None:
    html = (report_dir / "report.html").read_text(encoding="utf-8").replace(get_plotlyjs(), "")  # all but plotly.js
    assert not re.search(r"<(script|img|iframe)[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=|@import", html)
    assert "require" not in html and "mathjax.js" not in html.lower() and "mermaid" not in html
    for code in ("article_path =", "injected", "tables.section(", "setup_display"):
        assert code not in html


def test_to_html_escapes_tables_holding_markup() -> None:
    frame = tables.pd.DataFrame({"text": ["<script>alert('x')</script>", "<img src=x onerror=alert(1)>"]})
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("tables.Table(frame)")
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/html": tables.Table(frame)._repr_html_()})]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), cell]
    html = to_html(nb)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_merged_notebook_keeps_every_cell_in_order_with_unique_ids(report_dir: Path) -> None:
    paths = sorted((report_dir / "notebooks").glob("*.ipynb"))
    merged = merge_notebooks(paths, title="x")
    assert len(merged.cells) == sum(len(nbformat.read(p, as_version=4).cells) for p in paths)
    assert len({c.id for c in merged.cells}) == len(merged.cells)
    nbformat.validate(merged)
    headings = [
        c.source.splitlines()[0] for c in merged.cells if c.cell_type == "markdown" and c.source.startswith("# ")
    ]
    assert headings == ["# The article", "# Tariff schedule", "# Market response"]


# ---- staging and publishing (no notebooks: the mechanism itself) ---------------------------------------------


def _hold_staging(out_root: str, ready: str) -> None:
    with staging_dir(Path(out_root), "story") as stage:
        (stage / "half-written.html").write_text("<html>", encoding="utf-8")
        Path(ready).write_text(str(stage), encoding="utf-8")
        time.sleep(60)


def test_a_killed_run_leaves_a_stale_folder_that_the_next_run_removes(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    code = f"from test_report import _hold_staging; _hold_staging({str(tmp_path)!r}, {str(ready)!r})"
    child = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).parent)
    try:
        for _ in range(300):
            if ready.exists():
                break
            time.sleep(0.05)
        stale = Path(ready.read_text(encoding="utf-8"))
        with staging_dir(tmp_path, "story") as mine:  # the other run is alive: its folder stays
            assert stale.is_dir() and mine != stale
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert stale.is_dir()
        with staging_dir(tmp_path, "story"):
            assert not stale.exists()
    finally:
        child.kill()
        child.wait()
    assert not (tmp_path / "story").exists()  # nothing was published


def _publish_many(out_root: str, name: str) -> None:
    for n in range(15):
        with staging_dir(Path(out_root), "story") as stage:
            for part in ("report.html", "run.log"):
                (stage / part).write_text(f"{name} {n}", encoding="utf-8")
            publish(stage, Path(out_root) / "story", RunResult(Status.DONE, "", "", {}, str(out_root)))


def test_concurrent_runs_each_publish_a_complete_folder(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    runs = [ctx.Process(target=_publish_many, args=(str(tmp_path), name)) for name in ("a", "b")]
    for run in runs:
        run.start()
    seen = set()
    while any(run.is_alive() for run in runs):
        try:
            folder = os.open(tmp_path / "story", os.O_RDONLY)  # pins one version of the folder
        except FileNotFoundError:
            continue  # before the first publish
        try:
            parts = {_read_at(folder, p) for p in ("report.html", "run.log")}
        except FileNotFoundError:
            continue  # this version was swapped out and is being deleted
        finally:
            os.close(folder)
        assert len(parts) == 1, parts  # never a mix of two runs, never a missing file
        seen |= parts
    assert [run.exitcode for run in runs] == [0, 0]
    assert files_under(tmp_path / "story") == {"report.html", "run.log", "run.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".story.lock", "story"]
    assert seen and (tmp_path / "story" / "report.html").read_text() == (tmp_path / "story" / "run.log").read_text()


def _read_at(folder: int, name: str) -> str:
    with open(name, encoding="utf-8", opener=lambda path, flags: os.open(path, flags, dir_fd=folder)) as f:
        return f.read()


@pytest.mark.parametrize("existing", [True, False])
def test_a_failed_run_keeps_the_last_report(tmp_path: Path, existing: bool) -> None:
    final = tmp_path / "story"
    if existing:
        with staging_dir(tmp_path, "story") as stage:
            for part in ("report.html", "extraction.json", "notebooks/01.ipynb"):
                (stage / part).parent.mkdir(exist_ok=True)
                (stage / part).write_text("good", encoding="utf-8")
            publish(stage, final, RunResult(Status.DONE, "", "", {}, str(final)))
    with staging_dir(tmp_path, "story") as stage:
        (stage / "notebooks").mkdir()
        (stage / "notebooks" / "01.ipynb").write_text("failed", encoding="utf-8")
        (stage / "extraction.json").write_text("partial", encoding="utf-8")
        publish(stage, final, RunResult(Status.FAILED, "", "", {}, str(final), error="boom"))
    assert (final / "notebooks" / "01.ipynb").read_text(encoding="utf-8") == "failed"
    assert json.loads((final / "run.json").read_text(encoding="utf-8"))["outputs"] == ["notebooks/01.ipynb", "run.json"]
    if existing:
        assert (final / "report.html").read_text(encoding="utf-8") == "good"
        assert (final / "extraction.json").read_text(encoding="utf-8") == "good"
    else:
        assert files_under(final) == {"notebooks/01.ipynb", "run.json"}


# ---- running the notebooks: at the same time, the later ones past their imports once the first is done ------


def log_events(folder: Path) -> list[tuple[str, str]]:
    """(notebook, "start" | "done" | "failed") for each `==` line of folder/run.log, in order."""
    events = []
    for line in (folder / "run.log").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"\S+ == (\S+) (done in|failed)?", line):
            events.append((match.group(1), (match.group(2) or "start").split()[0]))
    return events


def papermill_time(node) -> dt.datetime:
    return dt.datetime.fromisoformat(node.metadata.papermill.end_time or node.metadata.papermill.start_time)


def test_run_log_holds_each_notebook_whole_in_their_order(report_dir: Path) -> None:
    assert log_events(report_dir) == [(name, event) for name in NOTEBOOKS for event in ("start", "done")]


def test_later_notebooks_start_beside_the_first_and_go_past_their_imports_once_it_is_done(report_dir: Path) -> None:
    first = nbformat.read(report_dir / "notebooks" / NOTEBOOKS[0], as_version=4)
    first_done = max(papermill_time(c) for c in first.cells if c.cell_type == "code")
    # The gate opens when the first notebook's last cell has run, a moment before papermill stamps its end_time.
    last_ran = dt.datetime.fromisoformat(
        [c for c in first.cells if c.cell_type == "code"][-1].metadata.papermill.start_time
    )
    for name in NOTEBOOKS[1:]:
        nb = nbformat.read(report_dir / "notebooks" / name, as_version=4)
        assert dt.datetime.fromisoformat(nb.metadata.papermill.start_time) < first_done, name  # at the same time
        held = nb.cells[hold_before(nb)]
        assert held.source.startswith("article_path, out_dir ="), name  # the cell that reads extraction.json
        assert dt.datetime.fromisoformat(held.metadata.papermill.start_time) >= last_ran, name
    assert not [p for p in report_dir.rglob("*") if p.is_socket()]  # the kernels' sockets went with them


def test_hold_before_skips_the_parameters_and_the_imports_cell() -> None:
    def notebook(*cells: tuple[str, list[str]]) -> object:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T")])
        nb.cells += [nbformat.v4.new_code_cell(src, metadata={"tags": tags}) for src, tags in cells]
        return nb

    params, injected = ("x = 1", ["parameters"]), ("x = 2", ["injected-parameters"])
    assert hold_before(notebook(params, injected, ("import os", []), ("os.sep", []))) == 4
    assert hold_before(notebook(params, ("from os import sep", []), ("sep", []))) == 3
    assert hold_before(notebook(("y = 1", []), ("import os", []))) == 1  # no imports cell: held from the first
    assert hold_before(notebook(params, ("import os", []))) is None


def test_a_later_notebook_that_fails_is_raised_once_the_others_have_run(tmp_path: Path) -> None:
    from test_hardening import write_notebook

    nbs = tmp_path / "nbs"
    first = write_notebook(nbs / "first.ipynb", "import os", "print('first ran')")
    boom = write_notebook(nbs / "boom.ipynb", "import os", "raise ValueError('no data')", "print('not reached')")
    fine = write_notebook(nbs / "fine.ipynb", "import os", "print('fine ran')")
    cwd = os.getcwd()
    with pytest.raises(NotebookFailed) as raised:
        build_report(SEED_ARTICLE, published=SEED_PUBLISHED, out_root=tmp_path / "out", notebooks=[first, boom, fine])
    assert os.getcwd() == cwd
    assert (raised.value.notebook, raised.value.cell, raised.value.error) == ("boom.ipynb", 2, "ValueError: no data")
    folder = tmp_path / "out" / SEED_ARTICLE.stem
    kept = {"run.json", "run.log", "notebooks/first.ipynb", "notebooks/boom.ipynb", "notebooks/fine.ipynb"}
    assert files_under(folder) == kept
    assert log_events(folder) == [
        ("first.ipynb", "start"), ("first.ipynb", "done"), ("boom.ipynb", "start"), ("boom.ipynb", "failed"),
        ("fine.ipynb", "start"), ("fine.ipynb", "done"),
    ]  # fmt: skip
    log = (folder / "run.log").read_text(encoding="utf-8")
    assert log.index("first ran") < log.index("== boom.ipynb") < log.index("== fine.ipynb") < log.index("fine ran")
    assert "not reached" not in log


def test_sigterm_while_later_notebooks_wait_stops_every_kernel(tmp_path: Path) -> None:
    from test_hardening import _kernels_in, _running_cell, write_notebook

    slow = write_notebook(tmp_path / "nbs" / "slow.ipynb", "x = 1", "import time\ntime.sleep(120)")
    waiting = write_notebook(tmp_path / "nbs" / "waiting.ipynb", "import os", "y = 2")
    out = tmp_path / "out"
    code = (
        "import json, sys; import analysis.report as r; from analysis.cli import main; "
        "r.NOTEBOOKS = tuple(json.loads(sys.argv[1])); sys.exit(main(sys.argv[2:]))"
    )
    args = [json.dumps([str(slow), str(waiting)]), "report", str(SEED_ARTICLE), "--out", str(out)]
    child = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _running_cell(out.glob(f".{SEED_ARTICLE.stem}.tmp-*/notebooks/slow.ipynb"), 2):
            assert child.poll() is None and time.monotonic() < deadline, "the run never reached its slow cell"
            time.sleep(0.05)
        (stage,) = out.glob(f".{SEED_ARTICLE.stem}.tmp-*")
        while len(set(_kernels_in(stage)) - {child.pid}) < 2:  # both kernels are up, the second one waiting
            assert time.monotonic() < deadline, "the second notebook's kernel never started"
            time.sleep(0.05)
        started = time.monotonic()
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 143 and time.monotonic() - started < 20, stderr
    assert stderr.splitlines() == ["error: terminated (SIGTERM); the last published report, if any, is unchanged"]
    assert sorted(p.name for p in out.iterdir()) == [f".{SEED_ARTICLE.stem}.lock"]
    deadline = time.monotonic() + 15
    while _kernels_in(stage):
        assert time.monotonic() < deadline, "a kernel outlived the run"
        time.sleep(0.2)
