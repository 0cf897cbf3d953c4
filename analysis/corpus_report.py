"""The corpus report: run notebooks/corpus.ipynb on a corpus output → export report.html → publish atomically.

The same steps as an article report, with its helpers (analysis.report): the notebook runs with papermill in a
staging folder next to the corpus folder, and the staging folder, holding hard links to the corpus tables, is
swapped in whole. A failed run keeps the last good report.html and views/, and publishes the failed notebook.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput
from .execute import check_kernel
from .paths import NOTEBOOKS_DIR
from .publish import FAILED_RUN_KEEPS, link_copy
from .report import run_and_publish
from .runlog import RunResult

log = logging.getLogger("analysis")

CORPUS_NOTEBOOK = "corpus.ipynb"  # the corpus report's one notebook, in notebooks/


@dataclass(frozen=True)
class CorpusReportParams:
    """What the corpus notebook is given; it has the two methods `execute.run_notebooks` asks of a ReportParams."""

    corpus_dir: Path
    execution_timeout: int | None = None

    def notebook_parameters(self, out_dir: Path) -> dict:
        """The notebook reads the published tables and writes its views/ into `out_dir` (the staging folder)."""
        return {"corpus_dir": str(self.corpus_dir), "out_dir": str(out_dir)}

    def record(self, out_dir: Path) -> dict:
        return {**self.notebook_parameters(out_dir), "execution_timeout": self.execution_timeout}


def build_corpus_report(corpus_dir: str | Path) -> RunResult:
    """report.html (with views/, notebooks/corpus.ipynb, run.log, run.json) added to a corpus output folder.

    Raises BadInput for a folder with no corpus output, NotebookFailed when the notebook fails (its executed
    copy is then kept in notebooks/). The folder is never seen half-written: it is swapped whole.
    """
    final = Path(corpus_dir).resolve()
    if not (final / "corpus.json").is_file():
        raise BadInput(
            "not a corpus output folder (no corpus.json)", "run `python -m analysis corpus` first", path=corpus_dir
        )
    params = CorpusReportParams(final)
    check_kernel()

    def add_corpus_tables(stage: Path) -> None:
        for item in final.iterdir():  # the corpus tables join the new report; this run's own files win
            if item.name not in FAILED_RUN_KEEPS and not (stage / item.name).exists():
                link_copy(item, stage / item.name)

    result = run_and_publish(
        [NOTEBOOKS_DIR / CORPUS_NOTEBOOK],
        params,
        final,
        title=f"Corpus: {final.name}",
        before_publish=add_corpus_tables,
    )
    log.info("corpus report written to %s", result.report)
    return result
