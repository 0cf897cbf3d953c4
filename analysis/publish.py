"""Publish a run's folder atomically: a private staging folder, a lock per article, one swap at the end."""

from __future__ import annotations

import ctypes
import fcntl
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .runlog import RunResult, Status

log = logging.getLogger("analysis")

# A failed run publishes these from its own staging folder and keeps everything else from the last good run.
FAILED_RUN_KEEPS = ("notebooks", "run.log", "run.json")


@contextmanager
def stem_lock(out_root: Path, stem: str) -> Iterator[None]:
    """Serialise the moments two runs of one article touch shared names (`out_root/.<stem>.lock`)."""
    with open(out_root / f".{stem}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def staging_dir(out_root: Path, stem: str) -> Iterator[Path]:
    """A fresh `out_root/.<stem>.tmp-XXXX`, locked while this run lives; stale ones (their run died) are removed."""
    out_root.mkdir(parents=True, exist_ok=True)
    with stem_lock(out_root, stem):
        for stale in out_root.glob(f".{stem}.tmp-*"):
            remove_if_unlocked(stale)
        stage = out_root / f".{stem}.tmp-{secrets.token_hex(4)}"
        stage.mkdir()  # unlike mkdtemp, keeps the umask's permissions, which the published folder inherits
        held = os.open(stage, os.O_RDONLY)
        fcntl.flock(held, fcntl.LOCK_EX)  # released by close, or by the kernel when this process dies
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)  # after a publish this is the previous report, swapped out
        os.close(held)


def remove_if_unlocked(folder: Path) -> None:
    """Delete a staging folder whose run is gone; a live run holds a lock on it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return
    finally:
        os.close(fd)
    shutil.rmtree(folder, ignore_errors=True)
    log.info("removed the stale staging folder %s", folder)


def publish(stage: Path, final: Path, result: RunResult) -> None:
    """Write run.json and swap `stage` in as `final`; a failed run keeps the last good report and tables."""
    failed = result.status is Status.FAILED
    with stem_lock(final.parent, final.name):
        if failed:
            for item in stage.iterdir():
                if item.name not in FAILED_RUN_KEEPS:
                    shutil.rmtree(item) if item.is_dir() else item.unlink()
        result.write(stage)  # lists what this run wrote, before the last run's files join it
        if failed and final.is_dir():
            for item in final.iterdir():
                if item.name not in FAILED_RUN_KEEPS:
                    link_copy(item, stage / item.name)
        if final.exists():
            swap(stage, final)  # `stage` now holds the previous folder; staging_dir() deletes it
        else:
            os.rename(stage, final)


def link_copy(src: Path, dst: Path) -> None:
    """Copy a file or tree by hard links: instant, and the published folder is never modified in place."""
    if src.is_dir():
        shutil.copytree(src, dst, copy_function=os.link)
    else:
        os.link(src, dst)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap(a: Path, b: Path) -> None:
    """Exchange two folders in one step (Linux renameat2); elsewhere, two renames a moment apart."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
        log.debug("renameat2 failed (errno %d); swapping with two renames", ctypes.get_errno())
    aside = a.with_name(a.name + "-old")
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)
