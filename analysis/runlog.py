"""The record every report run leaves next to its report: `run.json` (a RunResult)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path


class Status(StrEnum):
    DONE = "done"
    FAILED = "failed"


def now() -> str:
    """UTC time to the second, ISO 8601: the stamps of run.json."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass
class RunResult:
    """What a run did: `outputs` are the files it wrote, relative to `out_dir`; `error` is the one-line failure."""

    status: Status
    started: str
    finished: str
    parameters: dict
    out_dir: str
    outputs: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def report(self) -> Path:
        return Path(self.out_dir) / "report.html"

    def to_dict(self) -> dict:
        return {**asdict(self), "status": self.status.value}

    def write(self, folder: Path) -> Path:
        """Write run.json into `folder`, listing the files there (run.json included) as this run's outputs."""
        path = folder / "run.json"
        self.outputs = sorted(
            {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} | {"run.json"}
        )
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: Path) -> RunResult:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(**{**data, "status": Status(data["status"])})
