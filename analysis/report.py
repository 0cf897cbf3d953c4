"""Build the report: check the inputs → run the notebooks (papermill) → export one HTML page → publish atomically."""

from __future__ import annotations

import ctypes
import datetime as dt
import fcntl
import logging
import os
import secrets
import shutil
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .errors import AnalysisError, NotebookFailed
from .params import ReportParams, report_folder
from .paths import KERNEL_NAME, NOTEBOOKS_DIR, OUTPUTS_DIR, TEMPLATES_DIR
from .runlog import RunResult, Status, now

log = logging.getLogger("analysis")

# The notebooks of a report, in the order they run. To add one: save it in notebooks/ (markdown heading first,
# then a cell tagged `parameters`) and list it here; it receives the parameters its `parameters` cell names.
NOTEBOOKS = ("01_article.ipynb", "02_tariff_schedule.ipynb", "03_market_response.ipynb")

# How papermill runs the kernel: over Unix sockets in the Jupyter runtime dir (no TCP port opened), and with
# the kernel's own log silenced (its notices, e.g. the SIGINT jupyter_client sends before every shutdown, would
# reach the user's terminal); what the cells print still goes to run.log.
KERNEL_CONFIG = {
    "KernelManager": {"transport": "ipc"},
    "NotebookClient": {"extra_arguments": ["--IPKernelApp.log_level=CRITICAL"]},
}

# A failed run publishes these from its own staging folder and keeps everything else from the last good run.
FAILED_RUN_KEEPS = ("notebooks", "run.log", "run.json")


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
    out_root = final.parent
    check_kernel()
    started = now()
    with staging_dir(out_root, params.stem) as stage:
        try:
            executed = run_notebooks(notebooks, params, stage)
        except NotebookFailed as exc:
            if (stage / "notebooks" / exc.notebook).is_file():
                exc.kept = final / "notebooks" / exc.notebook
            failed = RunResult(Status.FAILED, started, now(), params.record(final), str(final), error=str(exc))
            publish(stage, final, failed)
            raise
        (stage / "report.html").write_text(to_html(merge_notebooks(executed, title=params.stem)), encoding="utf-8")
        result = RunResult(Status.DONE, started, now(), params.record(final), str(final))
        publish(stage, final, result)
    log.info("report written to %s", result.report)
    return result


def check_kernel() -> None:
    """The notebooks run on the project's kernel; without it nothing can run, so say so before writing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel as exc:
        raise AnalysisError(f"the Jupyter kernel {KERNEL_NAME!r} is not installed — run `make .venv`") from exc


def run_notebooks(notebooks: Sequence[Path], params: ReportParams, stage: Path) -> list[Path]:
    """Execute each notebook into stage/notebooks/ with papermill; the kernel's output goes to stage/run.log."""
    import papermill as pm
    from traitlets.config import Config

    (stage / "notebooks").mkdir()
    executed = []
    with open(stage / "run.log", "a", encoding="utf-8") as run_log:
        for source in notebooks:
            target = stage / "notebooks" / source.name
            declared = pm.inspect_notebook(str(source))
            parameters = {k: v for k, v in params.notebook_parameters(stage).items() if k in declared}
            run_log.write(f"{now()} == {source.name} {parameters}\n")
            run_log.flush()
            started = time.perf_counter()
            try:
                pm.execute_notebook(
                    str(source),
                    str(target),
                    parameters=parameters,
                    kernel_name=KERNEL_NAME,
                    progress_bar=False,
                    stdout_file=run_log,
                    stderr_file=run_log,
                    cwd=str(stage),
                    execution_timeout=params.execution_timeout,
                    config=Config(KERNEL_CONFIG),
                )
            except Exception as exc:
                failure = notebook_failure(source.name, target, exc, params.execution_timeout)
                where = f" at cell {failure.cell}" if failure.cell is not None else ""
                run_log.write(f"{now()} == {source.name} failed{where}: {failure.error}\n")
                raise failure from exc
            run_log.write(f"{now()} == {source.name} done in {time.perf_counter() - started:.1f} s\n")
            executed.append(target)
    return executed


def notebook_failure(name: str, executed: Path, exc: Exception, timeout: int | None) -> NotebookFailed:
    """What went wrong in one notebook, as the one line the user reads: the cell, and the error or its cause."""
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    if isinstance(exc, pm.PapermillExecutionError):
        return NotebookFailed(name, exc.cell_index, f"{exc.ename}: {exc.evalue}".splitlines()[0])
    if isinstance(exc, CellTimeoutError):
        error = f"a cell ran longer than {timeout} s — raise --execution-timeout"
        return NotebookFailed(name, failed_cell(executed), error)
    if isinstance(exc, DeadKernelError):
        return NotebookFailed(name, failed_cell(executed), "the kernel died (out of memory?)")
    first = (str(exc).strip().splitlines() or [""])[0]  # the kernel would not start, the notebook would not load, …
    return NotebookFailed(name, None, f"{type(exc).__name__}: {first}".rstrip(": "))


def failed_cell(executed: Path) -> int | None:
    """The index of the cell an interrupted run stopped in: the first with an error shown, else the last started."""
    import nbformat

    try:
        nb = nbformat.read(executed, as_version=4)
    except Exception:  # nothing was saved yet
        return None
    started = None
    for index, cell in enumerate(nb.cells):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return index
        if cell.get("metadata", {}).get("papermill", {}).get("start_time"):
            started = index
    return started


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


@contextmanager
def stem_lock(out_root: Path, stem: str) -> Iterator[None]:
    """Serialise the moments two runs of one article touch shared names (`out_root/.<stem>.lock`)."""
    with open(out_root / f".{stem}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def staging_dir(out_root: Path, stem: str) -> Iterator[Path]:
    """A fresh `out_root/.<stem>.tmp-XXXX`, locked while this run lives; stale ones (their run died) are removed."""
    out_root.mkdir(parents=True, exist_ok=True)
    with stem_lock(out_root, stem):
        for stale in out_root.glob(f".{stem}.tmp-*"):
            remove_if_unlocked(stale)
        stage = out_root / f".{stem}.tmp-{secrets.token_hex(4)}"
        stage.mkdir()  # unlike mkdtemp, keeps the umask's permissions, which the published folder inherits
        held = os.open(stage, os.O_RDONLY)
        fcntl.flock(held, fcntl.LOCK_EX)  # released by close, or by the kernel when this process dies
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)  # after a publish this is the previous report, swapped out
        os.close(held)


def remove_if_unlocked(folder: Path) -> None:
    """Delete a staging folder whose run is gone; a live run holds a lock on it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return
    finally:
        os.close(fd)
    shutil.rmtree(folder, ignore_errors=True)
    log.info("removed the stale staging folder %s", folder)


def publish(stage: Path, final: Path, result: RunResult) -> None:
    """Write run.json and swap `stage` in as `final`; a failed run keeps the last good report and tables."""
    failed = result.status is Status.FAILED
    with stem_lock(final.parent, final.name):
        if failed:
            for item in stage.iterdir():
                if item.name not in FAILED_RUN_KEEPS:
                    shutil.rmtree(item) if item.is_dir() else item.unlink()
        result.write(stage)  # lists what this run wrote, before the last run's files join it
        if failed and final.is_dir():
            for item in final.iterdir():
                if item.name not in FAILED_RUN_KEEPS:
                    link_copy(item, stage / item.name)
        if final.exists():
            swap(stage, final)  # `stage` now holds the previous folder; staging_dir() deletes it
        else:
            os.rename(stage, final)


def link_copy(src: Path, dst: Path) -> None:
    """Copy a file or tree by hard links: instant, and the published folder is never modified in place."""
    if src.is_dir():
        shutil.copytree(src, dst, copy_function=os.link)
    else:
        os.link(src, dst)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap(a: Path, b: Path) -> None:
    """Exchange two folders in one step (Linux renameat2); elsewhere, two renames a moment apart."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
        log.debug("renameat2 failed (errno %d); swapping with two renames", ctypes.get_errno())
    aside = a.with_name(a.name + "-old")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)
