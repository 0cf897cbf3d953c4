"""The parameters of one report run, checked before anything is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput
from .ingest import check_timezone, parse_published, read_article


@dataclass(frozen=True)
class ReportParams:
    """What a report is asked to do; `check()` builds one or raises BadInput."""

    article: Path
    published: dt.date | None = None
    timezone: str | None = None
    market_csv: Path | None = None
    execution_timeout: int | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def check(
        cls,
        article: str | Path,
        *,
        published: str | dt.date | None = None,
        timezone: str | None = None,
        market_csv: str | Path | None = None,
        execution_timeout: int | None = None,
        extra: Mapping[str, object] | None = None,
        notebooks: Sequence[Path] = (),
    ) -> ReportParams:
        """Read the article and every option once, so a bad one fails before a folder is made.

        `extra` holds further notebook parameters (`-p NAME=VALUE`); each must be declared by a notebook.
        """
        day, zone = parse_published(published), check_timezone(timezone)
        read_article(article)
        if market_csv is not None:
            from .market import read_market_csv

            read_market_csv(market_csv)  # BadInput if the file is missing or not a usable export
        if execution_timeout is not None and execution_timeout <= 0:
            raise BadInput(f"--execution-timeout must be a positive number of seconds, not {execution_timeout}")
        return cls(
            article=Path(article).resolve(),
            published=day,
            timezone=zone,
            market_csv=Path(market_csv).resolve() if market_csv is not None else None,
            execution_timeout=execution_timeout,
            extra=_check_extra(dict(extra or {}), notebooks),
        )

    @property
    def stem(self) -> str:
        """The name of the report folder: the article's file name without its suffix."""
        return self.article.stem

    def notebook_parameters(self, out_dir: Path) -> dict:
        """Every parameter a notebook may declare; each notebook gets the ones its `parameters` cell names."""
        return {
            **self.extra,
            "article_path": str(self.article),
            "published": self.published.isoformat() if self.published else None,
            "timezone": self.timezone,
            "market_csv": str(self.market_csv) if self.market_csv else None,
            "out_dir": str(out_dir),
        }

    def record(self, out_dir: Path) -> dict:
        """The parameters as run.json keeps them."""
        return {**self.notebook_parameters(out_dir), "execution_timeout": self.execution_timeout}


# The parameters every run sets itself, and the option that sets each.
RESERVED = {
    "article_path": "ARTICLE",
    "published": "--published",
    "timezone": "--timezone",
    "out_dir": "--out",
    "market_csv": "--market-csv",
}


def _check_extra(extra: dict, notebooks: Sequence[Path]) -> dict:
    """Refuse a parameter the run sets itself, or one that no notebook's `parameters` cell declares."""
    for name in extra:
        if name in RESERVED:
            raise BadInput(f"parameter {name!r} is set by the run", f"use {RESERVED[name]} instead")
    if extra:
        import papermill as pm

        declared = {name for nb in notebooks for name in pm.inspect_notebook(str(nb))}
        unknown = sorted(set(extra) - declared)
        if unknown:
            names = ", ".join(sorted(declared - set(RESERVED))) or "none"
            raise BadInput(f"no notebook declares the parameter {unknown[0]!r}", f"notebooks declare: {names}")
    return extra
