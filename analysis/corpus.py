"""Extract every article of a folder and write one combined table per contract section.

The recipe: check the arguments → plan one job per file (dates from the manifest, `published` or the
article) → extract on an engine (engines.py) → give each actor one corpus-wide id → write the tables,
articles.csv, errors.csv and corpus.json to a temporary folder → rename it into place.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from .engines import ENGINES, Job, Outcome
from .errors import BadInput
from .extract.gazetteer import slug
from .ingest import check_timezone, parse_published

SECTIONS = ("actors", "quotes", "positions", "figures", "events", "claims")  # claims: analysis.claims.check_claims
# A row's reference to an actor → the parallel column holding the corpus-wide id.
CORPUS_COLUMNS = {"speaker": "corpus_speaker", "actor": "corpus_actor", "subject": "corpus_subject", "actors": "corpus_actors"}  # fmt: skip
SCHEDULER_ADDRESS = re.compile(r"^(?:[a-z]+://)?(?:\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5}$")


class Status(StrEnum):
    OK = "ok"  # every article extracted
    PARTIAL = "partial"  # some articles failed: see errors.csv
    FAILED = "failed"  # no article could be extracted


@dataclass
class CorpusResult:
    """What a corpus run did; also written as corpus.json. Paths are the published (final) ones."""

    status: Status
    articles_ok: int
    articles_failed: int
    engine: str
    workers: int | None
    started: str
    finished: str
    seconds: float
    out_dir: Path
    paths: dict[str, Path]  # "tables/actors.parquet", "errors.csv", … → the file
    rows: dict[str, int]  # section → rows in its combined table
    parameters: dict = field(default_factory=dict)

    def exit_code(self) -> int:
        """0 if any article was extracted, 1 if none was (bad arguments raise BadInput, exit 2, instead)."""
        return 0 if self.articles_ok else 1

    def to_dict(self) -> dict:
        data = asdict(self)
        data["status"] = self.status.value
        data["out_dir"] = str(self.out_dir)
        data["paths"] = sorted(self.paths)
        return data


def run_corpus(
    folder: str | Path,
    *,
    glob: str = "*.txt",
    manifest: str | Path | None = None,
    published: str | dt.date | None = None,
    out_dir: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int = 2,
    progress: bool | Callable[[int, int], None] | None = None,
) -> CorpusResult:
    """Extract every file of `folder` matching `glob` and write the combined tables under `out_dir`.

    A file that cannot be extracted goes to errors.csv and the batch goes on. `progress` is True for a
    tqdm bar on stderr, or a callable taking (articles done, articles in all). Raises BadInput, before
    anything is written, for bad arguments or a bad manifest.
    """
    started, clock = _now(), time.perf_counter()
    run_engine = _check_engine(engine, scheduler, workers)
    out_dir = _check_out_dir(Path(out_dir))
    jobs = plan_jobs(folder, glob=glob, manifest=manifest, published=published)
    with _progress(progress, len(jobs)) as on_done:
        outcomes = run_engine(jobs, workers=workers, scheduler=scheduler, on_done=on_done)
    tables = combined_tables(outcomes, SECTIONS)
    with _publishing(out_dir) as tmp:
        written = write_outputs(tmp, tables, outcomes, SECTIONS)
        ok = sum(o.ok for o in outcomes)
        result = CorpusResult(
            status=Status.FAILED if not ok else Status.OK if ok == len(outcomes) else Status.PARTIAL,
            articles_ok=ok,
            articles_failed=len(outcomes) - ok,
            engine=engine,
            workers=workers if engine == "dask" and scheduler is None else None,
            started=started,
            finished=_now(),
            seconds=round(time.perf_counter() - clock, 3),
            out_dir=out_dir,
            paths={name: out_dir / name for name in [*written, "corpus.json"]},
            rows={s: len(rows) for s, rows in tables.items()},
            parameters={"folder": str(folder), "glob": glob, "manifest": manifest and str(manifest),
                        "published": published and str(published), "scheduler": scheduler},
        )  # fmt: skip
        (tmp / "corpus.json").write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
    return result


def plan_jobs(
    folder: str | Path,
    *,
    glob: str = "*.txt",
    manifest: str | Path | None = None,
    published: str | dt.date | None = None,
) -> list[Job]:
    """One job per matching file, sorted by path; the date is the manifest's, else `published`, else None
    (the extractor then reads the article's own dateline). Job paths are absolute, for remote workers."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput("corpus folder not found", "pass a folder holding the article files", path=folder)
    try:
        files = sorted((p for p in folder.glob(glob) if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    except (ValueError, NotImplementedError) as exc:
        raise BadInput(
            f"bad file pattern {glob!r} ({exc})", "use a pattern relative to the folder, e.g. *.txt"
        ) from exc
    if not files:
        raise BadInput(f"no file matches {glob!r} in the corpus folder", "check the folder and --glob", path=folder)
    day = parse_published(published)
    dates = read_manifest(manifest) if manifest is not None else {}
    unknown = sorted(set(dates) - {p.resolve() for p in files})
    if unknown:
        raise BadInput(
            f"manifest names {len(unknown)} file(s) that are not among the {glob} files of {folder}, first {unknown[0]}",
            "fix the paths (relative to the manifest's folder, or absolute) or the folder and --glob",
            path=manifest,
        )
    stems = Counter(p.stem for p in files)
    jobs = []
    for p in files:
        name = p.relative_to(folder).as_posix()
        given, zone = dates.get(p.resolve(), (None, None))
        when, origin = (given, "manifest") if given else (day, "argument") if day else (None, None)
        jobs.append(
            Job(
                article_id=p.stem if stems[p.stem] == 1 else name.rsplit(".", 1)[0],
                path=str(p.resolve()),
                name=name,
                published=when.isoformat() if when else None,
                published_from=origin,
                timezone=zone,
            )
        )
    return jobs


def read_manifest(manifest: str | Path) -> dict[Path, tuple[dt.date | None, str | None]]:
    """A CSV `path,published[,timezone]` → resolved article path → (date, zone); a blank date means none given."""
    manifest = Path(manifest)
    fix = "a manifest is a CSV with the header path,published[,timezone] and dates as YYYY-MM-DD"
    try:
        with open(manifest, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip().lower() for h in reader.fieldnames or []]
            missing = [c for c in ("path", "published") if c not in header]
            if missing:
                raise BadInput(f"manifest lacks the column(s) {', '.join(missing)}", fix, path=manifest)
            reader.fieldnames = header
            rows = [(reader.line_num, row) for row in reader]
    except FileNotFoundError as exc:
        raise BadInput("manifest not found", "check the path", path=manifest) from exc
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInput(f"manifest cannot be read as UTF-8 CSV ({exc})", fix, path=manifest) from exc
    dates: dict[Path, tuple[dt.date | None, str | None]] = {}
    for line, row in rows:
        name = (row.get("path") or "").strip()
        if not name:
            raise BadInput(f"manifest line {line} has no path", fix, path=manifest)
        path = (manifest.parent / name).resolve()
        if path in dates:
            raise BadInput(f"manifest line {line} repeats {name}", "list each article once", path=manifest)
        try:
            dates[path] = (parse_published(row.get("published")), check_timezone(row.get("timezone")))
        except BadInput as exc:
            raise BadInput(f"manifest line {line}: {exc.problem}", exc.fix, path=manifest) from exc
    return dates


def corpus_actor_ids(extractions: Mapping[str, dict]) -> dict[str, dict[str, str]]:
    """Article id → {the article's actor id → its corpus-wide id}.

    Persons merge on the slug of their name; a surname-only person ("Greer", "von der Leyen") joins the
    one full name in the corpus that ends with it, and keeps its own slug if there are none or several.
    Countries, governments, indexes, media, organisations and places keep their id, already stable.
    """
    full_names = {
        slug(a["name"])
        for ex in extractions.values()
        for a in ex["actors"]
        if a["kind"] == "person" and not _surname_only(a["name"])
    }

    def corpus_id(actor: dict) -> str:
        if actor["kind"] != "person":
            return actor["id"]
        key = slug(actor["name"])
        if _surname_only(actor["name"]):
            owners = [name for name in full_names if name.endswith(f"-{key}")]
            return owners[0] if len(owners) == 1 else key
        return key

    return {art: {a["id"]: corpus_id(a) for a in ex["actors"]} for art, ex in extractions.items()}


def _surname_only(name: str) -> bool:
    """No given name: one word, or particles before it ("von der Leyen")."""
    return all(word[:1].islower() for word in name.split()[:-1])


def combined_tables(outcomes: list[Outcome], sections: tuple[str, ...]) -> dict[str, list[dict]]:
    """Section → the rows of every extracted article, in article order, with corpus-wide actor ids."""
    ok = [o for o in outcomes if o.ok]
    ids = corpus_actor_ids({o.job.article_id: o.extraction for o in ok})
    return {s: section_rows(s, ok, ids) for s in sections}


def section_rows(section: str, outcomes: list[Outcome], ids: Mapping[str, Mapping[str, str]]) -> list[dict]:
    """The combined rows of one section: article_id, published, the section's fields, the corpus_* ids."""
    rows = []
    for o in outcomes:
        art, local = o.job.article_id, ids.get(o.job.article_id, {})
        found = o.claims if section == "claims" else o.extraction[section]
        for row in found or []:
            out = {**row, "article_id": art, "published": o.extraction["article"]["published"]}
            if section == "actors":
                out["corpus_actor_id"] = local.get(row["id"], row["id"])
            for column, twin in CORPUS_COLUMNS.items():
                if section != "actors" and column in row:
                    out[twin] = _to_corpus(row[column], local)
            rows.append(out)
    return rows


def _to_corpus(value, local: Mapping[str, str]):
    if isinstance(value, list):
        return [local.get(v, v) for v in value]
    return local.get(value, value) if isinstance(value, str) else value


def write_outputs(
    out: Path, tables: dict[str, list[dict]], outcomes: list[Outcome], sections: tuple[str, ...]
) -> list[str]:
    """Write the tables, articles.csv and errors.csv into `out`; return the paths written, relative to it."""
    for section, rows in tables.items():
        write_table(rows, section, out / "tables")
    _write_csv(out / "articles.csv", [_article_row(o, sections) for o in outcomes])
    errors = [{"path": o.job.name, "error": o.error} for o in outcomes if not o.ok]
    _write_csv(out / "errors.csv", errors, ("path", "error"))
    return [f"tables/{s}.{ext}" for s in tables for ext in ("parquet", "csv")] + ["articles.csv", "errors.csv"]


def write_table(rows: list[dict], section: str, tables_dir: Path) -> None:
    """tables/<section>.parquet and .csv with the same columns: article_id, published, the contract's
    fields (typed even when no row has them), any further fields, then the corpus_* ids."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"article_id": pa.string(), "published": pa.string(), **_contract_types().get(section, {})}
    seen = dict.fromkeys(k for r in rows for k in r)
    columns = [c for c in types if not c.startswith("corpus_")] + [c for c in seen if c not in types]
    columns = sorted(dict.fromkeys(columns + list(types)), key=lambda c: c.startswith("corpus_"))
    arrays = [_arrow_column([r.get(c) for r in rows], types.get(c)) for c in columns]
    tables_dir.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_arrays(arrays, names=columns), tables_dir / f"{section}.parquet")
    _write_csv(tables_dir / f"{section}.csv", rows, columns)


def _contract_types() -> dict[str, dict]:
    """The Arrow type of each contract field (see ../shared/CONTRACT.md), per section."""
    import pyarrow as pa

    s, i, spans = pa.string(), pa.int64(), pa.list_(pa.list_(pa.int64()))
    return {
        "actors": {"id": s, "name": s, "kind": s, "title": s, "country": s, "mentions": i, "spans": spans,
                   "corpus_actor_id": s},
        "quotes": {"speaker": s, "text": s, "kind": s, "cue": s, "channel": s, "start": i, "end": i,
                   "corpus_speaker": s},
        "positions": {"actor": s, "topic": s, "stance": s, "summary": s, "evidence": spans, "corpus_actor": s},
        "figures": {"text": s, "value": pa.float64(), "unit": s, "measure": s, "subject": s, "start": i, "end": i,
                    "corpus_subject": s},
        "events": {"date": s, "time": s, "action": s, "actors": pa.list_(s), "text": s, "start": i, "end": i,
                   "corpus_actors": pa.list_(s)},
    }  # fmt: skip


def _arrow_column(values: list, type_):
    """The values as an Arrow array of `type_` (inferred when None); mixed values become JSON text."""
    import pyarrow as pa

    try:
        return pa.array(values, type=type_)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError):
        return pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in values], pa.string())


def _write_csv(path: Path, rows: list[dict], columns: tuple | list | None = None) -> None:
    columns = list(columns or dict.fromkeys(k for r in rows for k in r))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows([_csv_value(r.get(c)) for c in columns] for r in rows)


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _article_row(o: Outcome, sections: tuple[str, ...]) -> dict:
    """articles.csv: one row per file, extracted or not."""
    job, article = o.job, (o.extraction or {}).get("article", {})
    published = article.get("published") if o.ok else job.published
    row = {
        "article_id": job.article_id,
        "path": job.name,
        "status": "ok" if o.ok else "failed",
        "published": published,
        "published_from": job.published_from if job.published else ("article" if published else None),
        "timezone": article.get("timezone") if o.ok else job.timezone,
        "title": article.get("title"),
    }
    for s in sections:
        row[s] = (len(o.claims or []) if s == "claims" else len(o.extraction[s])) if o.ok else None
    return {**row, "error": o.error}


def _check_engine(engine: str, scheduler: str | None, workers: int):
    if engine not in ENGINES:
        raise BadInput(f"unknown engine {engine!r}", f"use one of: {', '.join(ENGINES)}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise BadInput(f"workers must be a whole number of at least 1, not {workers!r}", "e.g. --workers 2")
    if scheduler is not None:
        if engine != "dask":
            raise BadInput("a scheduler address needs the dask engine", "add --engine dask, or drop --scheduler")
        if not SCHEDULER_ADDRESS.match(scheduler):
            raise BadInput(f"bad scheduler address {scheduler!r}", "use HOST:PORT, e.g. 127.0.0.1:8786")
    return ENGINES[engine]


def _check_out_dir(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise BadInput("the output path is a file", "pass a folder for the corpus tables", path=out)
    if out.is_dir() and any(out.iterdir()) and not (out / "corpus.json").is_file():
        raise BadInput(
            "the output folder holds files but no earlier corpus run (no corpus.json)",
            "pass a new or empty folder; an earlier corpus output is replaced",
            path=out,
        )
    return out


@contextmanager
def _publishing(out: Path) -> Iterator[Path]:
    """Yield a temporary folder next to `out`, then rename it to `out` (replacing an earlier run) in one step."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        yield tmp
        tmp.chmod(0o777 & ~_umask())  # mkdtemp makes it private; give it the mode a mkdir would
        if out.exists():
            old = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.old")
            out.rename(old)
            tmp.rename(out)
            shutil.rmtree(old)
        else:
            tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _progress(progress: bool | Callable[[int, int], None] | None, total: int) -> Iterator[Callable[[Outcome], None]]:
    """The engines' per-article callback: a tqdm bar on stderr (progress=True), the caller's function, or nothing."""
    bar, done = None, 0
    if progress is True:
        from tqdm import tqdm

        bar = tqdm(total=total, unit="article", desc="corpus", file=sys.stderr)

    def on_done(_: Outcome) -> None:
        nonlocal done
        done += 1
        if bar is not None:
            bar.update(1)
        elif callable(progress):
            progress(done, total)

    try:
        yield on_done
    finally:
        if bar is not None:
            bar.close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
