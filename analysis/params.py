"""The parameters of one report run, checked before anything is written."""

from __future__ import annotations

import ast
import datetime as dt
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadInput
from .ingest import check_timezone, parse_published, read_article
from .paths import NOTEBOOKS_DIR, PACKAGE_DIR, SEEDS_DIR


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
            raise BadInput(
                f"--execution-timeout must be a positive number of seconds, not {execution_timeout}",
                "e.g. --execution-timeout 600, or leave it out for no limit",
            )
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


# Folders of the project a report never writes into: its inputs and its code.
PROTECTED = {"seeds/": SEEDS_DIR, "notebooks/": NOTEBOOKS_DIR, "analysis/": PACKAGE_DIR}


def report_folder(out_root: str | Path, stem: str) -> Path:
    """`out_root/<stem>`, the folder a report is published as, once it is sure to stay inside `out_root`.

    Refused (BadInput): a bad out root (check_out_root); a file name whose stem is no plain folder name
    (".." would climb out, a leading dot would hide the report among the run's own lock and staging names);
    a report folder that exists as a file or a symbolic link (publishing swaps the link, not its target).
    """
    root = check_out_root(out_root)
    if not stem or stem.startswith(".") or stem != Path(stem).name:
        raise BadInput(
            f"the article's file name gives no usable report folder name ({stem!r})",
            "rename the article so its name starts with a letter or a digit, e.g. article.txt",
        )
    final = root / stem
    if final.is_symlink() or (final.exists() and not final.is_dir()):
        raise BadInput(
            "the report folder exists but is not a plain folder", "move it away or pass another --out", path=final
        )
    return final


def check_out_root(out_root: str | Path) -> Path:
    """`--out` resolved; BadInput if it lies in the project's inputs or code (PROTECTED), is a file, or cannot
    be made or written."""
    root = Path(out_root).resolve()
    for name, folder in PROTECTED.items():
        if root == folder or folder in root.parents:
            raise BadInput(f"--out is inside {name}, which is never written to", OUT_FIX, path=out_root)
    existing = next(p for p in (root, *root.parents) if p.exists())
    if not existing.is_dir():
        raise BadInput("--out is not a folder (a file is in the way)", OUT_FIX, path=existing)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise BadInput("--out cannot be written (no permission)", OUT_FIX, path=existing)
    return root


OUT_FIX = "pass another folder with --out, e.g. --out outputs"


# The parameters every run sets itself, and the option that sets each.
RESERVED = {
    "article_path": "ARTICLE",
    "published": "--published",
    "timezone": "--timezone",
    "out_dir": "--out",
    "market_csv": "--market-csv",
}


def _check_extra(extra: dict, notebooks: Sequence[Path]) -> dict:
    """Refuse a parameter the run sets itself, one no notebook's `parameters` cell declares, or a value whose
    type is not that of the declared default (a number where the default is a number, and so on)."""
    for name in extra:
        if name in RESERVED:
            raise BadInput(f"parameter {name!r} is set by the run", f"use {RESERVED[name]} instead")
    if not extra:
        return extra
    import papermill as pm

    declared: dict[str, list] = {}
    for nb in notebooks:
        for name, spec in pm.inspect_notebook(str(nb)).items():
            declared.setdefault(name, []).append(_literal(spec.get("default")))
    unknown = sorted(set(extra) - set(declared))
    if unknown:
        names = ", ".join(sorted(set(declared) - set(RESERVED))) or "none"
        raise BadInput(f"no notebook declares the parameter {unknown[0]!r}", f"notebooks declare: {names}")
    for name, value in extra.items():
        defaults = [d for d in declared[name] if d is not None]
        if defaults and not any(_same_kind(value, d) for d in defaults):
            raise BadInput(
                f"parameter {name!r} must be {_kind(defaults[0])} like its default {defaults[0]!r}, got {value!r:.60}",
                f"e.g. -p {name}={json.dumps(defaults[0])}",
            )
    return extra


def _literal(source: object) -> object:
    """A parameter's default as papermill reads it (source text); None when it is not a plain literal."""
    try:
        return ast.literal_eval(str(source))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def _same_kind(value: object, default: object) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and math.isfinite(value)
    if isinstance(default, list | tuple):
        return isinstance(value, list | tuple)
    return isinstance(value, type(default))


def _kind(value: object) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "text", list: "a list"}
    return names.get(type(value), type(value).__name__)
