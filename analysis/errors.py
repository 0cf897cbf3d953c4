"""The errors a user can meet: each says what went wrong and how to fix it, in one line."""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class; `cli.py` turns these into one stderr line and an exit status."""

    exit_code = 1


class BadInput(AnalysisError):
    """The input (a file, a date, a parameter) is unusable; nothing was written. Exit status 2."""

    exit_code = 2

    def __init__(self, problem: str, fix: str = "", *, path: object = None) -> None:
        self.problem, self.fix, self.path = problem, fix, path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f": {self.path}" if self.path is not None else ""
        hint = f" — {self.fix}" if self.fix else ""
        return f"{self.problem}{where}{hint}"


class NotebookFailed(AnalysisError):
    """A notebook raised while it ran; the failed executed notebook is kept. Exit status 1."""

    exit_code = 1

    def __init__(self, notebook: str, cell: int | None, error: str, kept: object = None) -> None:
        self.notebook, self.cell, self.error, self.kept = notebook, cell, error, kept
        super().__init__(str(self))

    def __str__(self) -> str:
        cell = f" cell {self.cell}" if self.cell is not None else ""
        kept = f"; the failed notebook is kept at {self.kept}" if self.kept else ""
        return f"notebook {self.notebook}{cell} failed: {self.error}{kept}"


class DataInvalid(AnalysisError):
    """A bundled or user-supplied reference file breaks its own rules (a defect in the data, not in the article)."""

    exit_code = 2

    def __init__(self, problem: str, *, path: object = None) -> None:
        self.problem, self.path = problem, path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" in {self.path}" if self.path is not None else ""
        return f"invalid data{where}: {self.problem}"
