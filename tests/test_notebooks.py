"""The notebooks: committed clean, parameterised, and each runnable on the real kernel with its defaults."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from analysis.paths import KERNEL_NAME, NOTEBOOKS_DIR, SEED_ARTICLE
from analysis.report import NOTEBOOKS

PATHS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
REQUIRED = {"article_path", "published", "timezone", "out_dir"}


def test_the_report_runs_every_notebook_in_the_folder() -> None:
    assert [p.name for p in PATHS] == list(NOTEBOOKS)


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_is_committed_clean_with_a_parameters_cell(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert code[1].source.startswith(("import ", "from ")), "cell 2 holds the imports"
    assert all(not c.outputs and c.execution_count is None for c in code), "commit notebooks without outputs"
    assert REQUIRED <= set(pm.inspect_notebook(str(path)))
    assert nb.metadata.kernelspec.name == KERNEL_NAME


@pytest.fixture(scope="module")
def lab_out(session_dir: Path) -> Path:
    """One out_dir for the module: 02 and 03 reuse what 01 writes, as they do in a report."""
    return session_dir / "lab"


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_runs_with_its_defaults_from_the_notebooks_folder(path: Path, lab_out: Path, tmp_path: Path) -> None:
    # As in JupyterLab: cwd notebooks/, default article (a repo-relative path); only out_dir is redirected.
    executed = tmp_path / path.name
    pm.execute_notebook(
        str(path),
        str(executed),
        parameters={"out_dir": str(lab_out)},
        kernel_name=KERNEL_NAME,
        progress_bar=False,
        cwd=str(NOTEBOOKS_DIR),
    )
    nb = nbformat.read(executed, as_version=4)
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "text/html" in o.get("data", {})]
    assert shown, "each notebook shows something"
    saved = json.loads((lab_out / "extraction.json").read_text(encoding="utf-8"))
    assert saved["article"]["source"] == str(SEED_ARTICLE)
    assert saved["article"]["published"] == "2025-04-08"
