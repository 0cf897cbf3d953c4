"""Run notebooks with papermill on the project's kernel: at the same time, the later ones waiting for the first."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cache
from io import StringIO
from pathlib import Path

from .errors import AnalysisError, NotebookFailed
from .params import ReportParams
from .paths import KERNEL_NAME
from .runlog import now

log = logging.getLogger("analysis")

# How papermill runs a kernel:
# - over Unix sockets (no TCP port opened), named relative to the working directory: the staging folder, for the
#   kernel and for this process while the notebooks run; run_notebooks gives each kernel names of its own;
# - with the kernel's own log silenced (its notices, e.g. the SIGINT jupyter_client may send on shutdown, would
#   reach the user's terminal); what the cells print still goes to run.log;
# - with rfc3987-syntax marked absent: jsonschema, which the kernel imports through plotly → nbformat, would
#   otherwise build that package's Earley parser for IRIs on import, 1.1 s per kernel for a check no report
#   makes (jsonschema allows for the package being absent);
# - stopped at once when its last cell has run (every output is in by then), not asked to shut down and waited
#   for: nothing would run in it any more.
KERNEL_CONFIG = {
    "KernelManager": {"transport": "ipc"},
    "NotebookClient": {
        "extra_arguments": [
            "--IPKernelApp.log_level=CRITICAL",
            "--IPKernelApp.exec_lines=import sys; sys.modules.setdefault('rfc3987_syntax', None)",
        ],
        "shutdown_kernel": "immediate",
    },
}


def check_kernel() -> None:
    """The notebooks run on the project's kernel; without it nothing can run, so say so before writing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel as exc:
        raise AnalysisError(f"the Jupyter kernel {KERNEL_NAME!r} is not installed — run `make .venv`") from exc


def run_notebooks(
    notebooks: Sequence[Path], params: ReportParams, stage: Path, *, meanwhile: Callable[[], None] | None = None
) -> list[Path]:
    """Execute the notebooks into stage/notebooks/ with papermill, at the same time (see report.NOTEBOOKS). What each
    kernel prints goes to stage/run.log, one notebook after the other in their order, between the lines saying
    when it started and how it ended.

    The first failed notebook (in their order) is raised once all have ended. If the first fails, the others
    stop where they wait for it, and neither their executed notebook nor their lines are kept: they did not run.
    Interrupted (Ctrl-C, SIGTERM), it kills the kernels still running, waits for their threads, and re-raises.
    `meanwhile` is called while the kernels run (the report warms up its export there).
    """
    import papermill as pm

    (stage / "notebooks").mkdir()
    declared = [pm.inspect_notebook(str(source)) for source in notebooks]
    kernels: list = []  # the kernel managers of this run, for stop_kernels()
    manager_class = tracked_kernel_manager(kernels)
    first_done = Gate()

    def execute(n: int, source: Path) -> NotebookRun:
        """Run one notebook (in a worker thread); the notebooks after the first wait for it after their imports."""
        run = NotebookRun(stage / "notebooks" / source.name)
        parameters = {k: v for k, v in params.notebook_parameters(stage).items() if k in declared[n]}
        run.log.write(f"{now()} == {source.name} {parameters}\n")
        log.info("running %s", source.name)
        started = time.perf_counter()
        try:
            pm.execute_notebook(
                str(source),
                str(run.executed),
                engine_name=held_engine(),
                hold=None if n == 0 else run.waiting_for(first_done),
                cells_done=(lambda: first_done.open(True)) if n == 0 else None,
                parameters=parameters,
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                stdout_file=run.log,
                stderr_file=run.log,
                execution_timeout=params.execution_timeout,
                config=kernel_config(n),
                kernel_manager_class=manager_class,
            )
        except NotRun:
            run.not_run = True
            return run
        except Exception as exc:
            run.failure = notebook_failure(source.name, run.executed, exc, params.execution_timeout)
            run.failure.__cause__ = exc
            where = f" at cell {run.failure.cell}" if run.failure.cell is not None else ""
            run.log.write(f"{now()} == {source.name} failed{where}: {run.failure.error}\n")
            log.info("%s failed%s", source.name, where)
            return run
        waited = f" ({run.waited:.1f} s of it waiting for {notebooks[0].name})" if run.waited >= 0.05 else ""
        run.log.write(f"{now()} == {source.name} done in {time.perf_counter() - started:.1f} s{waited}\n")
        log.info("%s done in %.1f s%s", source.name, time.perf_counter() - started, waited)
        return run

    # This process works in the staging folder while the notebooks run (see KERNEL_CONFIG), and so does papermill's
    # file handler, which is shared: it chdirs to its `cwd` around every read and write, and papermill sets that
    # to the process's for each notebook, restoring the one before it when done, an order threads would mix up.
    home, file_handler = os.getcwd(), pm.iorw.papermill_io.get_handler("local")
    os.chdir(stage)
    handler_cwd = file_handler.cwd(str(stage))
    try:
        with ThreadPoolExecutor(len(notebooks) or 1) as pool:
            futures: list[Future] = []
            try:
                futures.extend(pool.submit(execute, n, source) for n, source in enumerate(notebooks))
                if meanwhile is not None:
                    meanwhile()  # rather than only wait
                wait(futures[:1])
                first_done.open(futures[0].result().failure is None)  # unless opened when its last cell ran
                wait(futures)
            except BaseException:  # Ctrl-C, SIGTERM (cli.Terminated), …
                first_done.open(False)
                stop(futures, kernels)
                raise
    finally:
        file_handler.cwd(handler_cwd)
        os.chdir(home)
    runs = [future.result() for future in futures]
    with open(stage / "run.log", "a", encoding="utf-8") as run_log:
        for run in runs:
            if run.not_run:
                run.executed.unlink(missing_ok=True)
            else:
                run_log.write(run.log.getvalue())
    failure = next((run.failure for run in runs if run.failure is not None), None)
    if failure is not None:
        raise failure from failure.__cause__
    return [run.executed for run in runs]


class NotRun(Exception):
    """A notebook stopped where it waits for the first one, which failed (or the run was interrupted)."""


class Gate:
    """Where the notebooks after the first wait for it; opened once, to let them go on or to stop them (NotRun)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._opened = threading.Event()
        self._go = False

    def open(self, go: bool) -> None:
        with self._lock:
            if not self._opened.is_set():
                self._go = go
                self._opened.set()

    def wait(self) -> None:
        self._opened.wait()
        if not self._go:
            raise NotRun


@dataclass
class NotebookRun:
    """One notebook of a run: where papermill saves it, what goes to run.log for it, and how it ended."""

    executed: Path
    log: StringIO = field(default_factory=StringIO)
    waited: float = 0.0  # seconds spent waiting for the first notebook
    failure: NotebookFailed | None = None
    not_run: bool = False

    def waiting_for(self, gate: Gate) -> Callable[[], None]:
        def hold() -> None:
            started = time.perf_counter()
            try:
                gate.wait()
            finally:
                self.waited = time.perf_counter() - started

        return hold


@cache
def held_engine() -> str:
    """Register (once) and name a papermill engine that is nbclient's, plus two engine arguments: `hold`, called
    before the first code cell after the notebook's parameters and imports cells (hold_before()), and
    `cells_done`, called once its last code cell has run without an error (papermill stops at the first)."""
    from papermill.engines import NBClientEngine, papermill_engines

    class HeldEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, hold=None, cells_done=None, **kwargs):
            if cells_done is not None:
                last = max((i for i, c in enumerate(nb_man.nb.cells) if c.cell_type == "code"), default=None)

                def on_cell_executed(cell, cell_index, execute_reply):  # an nbclient hook
                    if cell_index == last and execute_reply["content"]["status"] == "ok":
                        cells_done()

                kwargs["on_cell_executed"] = on_cell_executed
            at = hold_before(nb_man.nb) if hold is not None else None
            if at is not None:
                cell_start = nb_man.cell_start  # papermill saves the cell as running: hold before that

                def held_cell_start(cell, cell_index=None, **more):
                    if cell_index == at:
                        hold()
                    return cell_start(cell, cell_index, **more)

                nb_man.cell_start = held_cell_start
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    papermill_engines.register("tariff-desk-held", HeldEngine)
    return "tariff-desk-held"


def hold_before(nb: object) -> int | None:
    """The index of the first code cell past the parameters (as given and as injected) and the imports cell (the
    next code cell, if it starts with `import` or `from`); None if there is none."""
    setup = {"parameters", "injected-parameters"}
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and not setup & set(c.metadata.get("tags", []))]
    if code and nb.cells[code[0]].source.lstrip().startswith(("import ", "from ")):
        code = code[1:]
    return code[0] if code else None


def kernel_config(n: int) -> object:
    """KERNEL_CONFIG for the n-th notebook of a run: its kernel's socket names are its own."""
    from traitlets.config import Config

    config = Config(KERNEL_CONFIG)
    config.KernelManager.ip = f"kernel-{n + 1}-ipc"
    return config


def tracked_kernel_manager(managers: list) -> type:
    """nbclient's kernel manager class, each instance added to `managers` so stop_kernels() can find its kernel."""
    from jupyter_client import AsyncKernelManager

    class TrackedKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)
            managers.append(self)

    return TrackedKernelManager


def stop(futures: Sequence[Future], kernels: Sequence) -> None:
    """Kill the kernels until every notebook of `futures` has ended (a dead kernel ends its notebook within about
    a second: nbclient checks it is alive every second), so an interrupted run leaves no thread nor kernel."""
    while not all(future.done() for future in futures):
        stop_kernels(kernels)
        wait(futures, timeout=0.5)


def stop_kernels(kernels: Sequence) -> None:
    """Kill every kernel of `kernels` still running (nbclient then shuts its manager down in its own thread)."""
    for km in list(kernels):
        process = getattr(getattr(km, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            process.kill()


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
