"""Shared fixtures: one real report on the seed (built once per session) and a runner for the real CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.paths import SEED_ARTICLE
from analysis.report import build_report
from analysis.runlog import RunResult

ARTICLES = Path(__file__).parent / "articles"
SEED_PUBLISHED = "2025-04-08"


@pytest.fixture(scope="session")
def session_dir() -> Iterator[Path]:
    """A folder for the whole session, outside pytest's basetemp (another pytest run may prune that)."""
    folder = Path(tempfile.mkdtemp(prefix="tariff-desk-tests-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def report_run(session_dir: Path) -> RunResult:
    """The seed's report, built with the real kernel into a temporary out root (about 10 s, once)."""
    return build_report(SEED_ARTICLE, published=SEED_PUBLISHED, out_root=session_dir / "outputs")


@pytest.fixture(scope="session")
def report_dir(report_run: RunResult) -> Path:
    return Path(report_run.out_dir)


def run_cli(*args: object, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m analysis ARGS` in a real subprocess, output captured as text."""
    cmd = [sys.executable, "-m", "analysis", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=timeout)
