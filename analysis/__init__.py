"""Tariff Desk: turn a news article about trade policy into sourced tables and an offline HTML report."""

from .errors import AnalysisError, BadInput, NotebookFailed

__all__ = ["AnalysisError", "BadInput", "NotebookFailed", "build_report", "extract_article"]


def __getattr__(name: str):
    # The two entry points load spaCy / papermill, so they are imported on first use, keeping `--help` fast.
    if name == "extract_article":
        from .extract import extract_article

        return extract_article
    if name == "build_report":
        from .report import build_report

        return build_report
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
