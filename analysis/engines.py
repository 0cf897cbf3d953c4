"""Where a corpus run extracts its articles: in this process, or on the workers of a Dask cluster."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass

from .errors import BadInput

log = logging.getLogger("analysis")

CONNECT_TIMEOUT = 10  # seconds to reach a scheduler
WORKER_TIMEOUT = 30  # seconds to wait for its first worker


@dataclass(frozen=True)
class Job:
    """One article to extract, with the date and zone the run resolved for it (ISO strings or None)."""

    article_id: str
    path: str  # absolute, so that workers on another machine sharing the disk find it
    name: str  # the path relative to the corpus folder, for the reports
    published: str | None
    published_from: str | None  # "manifest" or "argument"; None leaves the date to the article
    timezone: str | None


@dataclass(frozen=True)
class Outcome:
    """What came back for one job: the extraction (and claim rows), or the one-line error."""

    job: Job
    extraction: dict | None = None
    claims: list[dict] | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


OnDone = Callable[[Outcome], None]


def extract_job(job: Job) -> Outcome:
    """Extract one article; never raises, so one bad file cannot stop the batch. Runs on any engine."""
    from .extract import extract_article

    try:
        extraction = extract_article(job.path, published=job.published, timezone=job.timezone)
    except Exception as exc:  # BadInput carries its own fix; anything else is a defect worth its type
        return _failed(job, exc, "")
    try:
        from .claims import check_claims

        return Outcome(job, extraction, _records(check_claims(extraction)))
    except Exception as exc:
        return _failed(job, exc, "claims check failed: ")


def _failed(job: Job, exc: Exception, prefix: str) -> Outcome:
    if isinstance(exc, BadInput):
        return Outcome(job, error=f"{prefix}{exc}")
    log.debug("%s failed:\n%s", job.path, traceback.format_exc())
    first_line = (str(exc).strip().splitlines() or [""])[0]
    return Outcome(job, error=f"{prefix}{type(exc).__name__}: {first_line}".rstrip(": "))


def _records(rows) -> list[dict]:
    if hasattr(rows, "to_dict"):  # a DataFrame: NaN as None, or a text column with a gap is stored as JSON text
        rows = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return [dict(r) for r in rows]


def warm_up() -> str:
    """Import the extractor and load spaCy in this process (done once per Dask worker before its first task)."""
    from .extract.nlp import load_nlp

    load_nlp()
    return "ready"


def run_local(jobs: list[Job], *, workers: int, scheduler: str | None, on_done: OnDone) -> list[Outcome]:
    """One article after another in this process; the model is loaded once (`load_nlp` is cached)."""
    outcomes = []
    for job in jobs:
        outcomes.append(extract_job(job))
        on_done(outcomes[-1])
    return outcomes


def run_dask(jobs: list[Job], *, workers: int, scheduler: str | None, on_done: OnDone) -> list[Outcome]:
    """One task per article on a Dask cluster: a private loopback LocalCluster, or the one at `scheduler`."""
    from distributed import as_completed

    with ExitStack() as stack:
        client = _connect(stack, workers=workers, scheduler=scheduler)
        _warm_up_workers(client, scheduler)
        futures = client.map(extract_job, jobs, pure=False)
        job_of = {future.key: job for future, job in zip(futures, jobs, strict=True)}
        by_path: dict[str, Outcome] = {}
        for future in as_completed(futures):
            job = job_of[future.key]
            by_path[job.path] = _outcome_of(future, job)
            on_done(by_path[job.path])
    return [by_path[job.path] for job in jobs]  # the jobs' (sorted) order, whichever worker finished first


def _connect(stack: ExitStack, *, workers: int, scheduler: str | None):
    from distributed import Client, LocalCluster

    if scheduler is None:
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        )
        return stack.enter_context(Client(cluster))
    address = scheduler if "://" in scheduler else f"tcp://{scheduler}"
    try:
        client = stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT))
    except (OSError, TimeoutError) as exc:
        raise BadInput(
            f"cannot reach the Dask scheduler at {scheduler}",
            "start one with `dask scheduler` and `dask worker HOST:PORT`, or leave out the scheduler to use a local cluster",
        ) from exc
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise BadInput(
            f"the Dask scheduler at {scheduler} has no workers after {WORKER_TIMEOUT} s",
            "start some with `dask worker HOST:PORT`",
        ) from exc
    return client


def _warm_up_workers(client, scheduler: str | None) -> None:
    """Load the model on every worker at once, and learn early if the workers cannot import this package."""
    addresses = list(client.scheduler_info(n_workers=-1)["workers"])
    warm = [client.submit(warm_up, workers=[a], allow_other_workers=False, pure=False) for a in addresses]
    try:
        client.gather(warm)
    except Exception as exc:
        where = f"at {scheduler}" if scheduler else "of the local cluster"
        raise BadInput(
            f"the Dask workers {where} cannot load the extractor ({type(exc).__name__}: {exc})",
            "install this package and its spaCy model in the workers' environment (`pip install -e .`)",
        ) from exc


def _outcome_of(future, job: Job) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # the task itself never raises: this is a lost worker or a transfer failure
        return Outcome(job, error=f"Dask task failed: {type(exc).__name__}: {exc}")


# Engines by name: add one as `name: fn(jobs, *, workers, scheduler, on_done) -> outcomes in job order`.
ENGINES = {"local": run_local, "dask": run_dask}
