"""Articles per second of a corpus run: the local engine, then Dask with 1 and 2 workers, on the same files.

The fixture and seed articles are copied round-robin to --n files (default 500) in a temporary folder.
"End to end" is what `run_corpus` reports (cluster start, model loads and table writing included);
"steady" counts from the first finished article to the last, which is what more workers speed up.
Goal: dask-2 / dask-1 ≥ 1.7 end to end on 500 articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from analysis.corpus import run_corpus
from analysis.paths import ROOT, SEEDS_DIR

SOURCES = [*sorted((ROOT / "tests" / "fixtures").glob("*.txt")), *sorted(SEEDS_DIR.glob("*.txt"))]
RUNS = [("local", "local", 1), ("dask-1", "dask", 1), ("dask-2", "dask", 2)]
GOAL = 1.7


def replicate(folder: Path, n: int) -> None:
    """n article files in `folder`, copies of the sources in turn."""
    for i in range(n):
        source = SOURCES[i % len(SOURCES)]
        shutil.copy(source, folder / f"{i:05d}_{source.stem}.txt")


def measure(folder: Path, out: Path, engine: str, workers: int) -> dict:
    stamps: list[float] = []
    result = run_corpus(folder, out_dir=out, engine=engine, workers=workers, progress=lambda *_: stamps.append(time.perf_counter()))  # fmt: skip
    if result.articles_failed:
        first = (out / "errors.csv").read_text(encoding="utf-8").splitlines()[1]
        raise SystemExit(f"{engine}: {result.articles_failed} articles failed, the first: {first}")
    n = result.articles_ok
    steady = (n - 1) / (stamps[-1] - stamps[0]) if n > 1 and stamps[-1] > stamps[0] else float("nan")
    return {"seconds": result.seconds, "rate": n / result.seconds, "steady": steady}


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="articles in the replicated corpus (default 500)")
    args = parser.parse_args(argv)
    if not SOURCES or args.n < 2:
        parser.error("needs --n ≥ 2 and at least one article in tests/fixtures/ or seeds/")
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        replicate(folder, args.n)
        print(f"{args.n} articles (copies of {len(SOURCES)} sources); {_load()}", flush=True)
        print(f"{'run':<8} {'seconds':>8} {'articles/s':>11} {'steady/s':>9}", flush=True)
        rows = {}
        for name, engine, workers in RUNS:
            rows[name] = measure(folder, Path(tmp) / name, engine, workers)
            r = rows[name]
            print(f"{name:<8} {r['seconds']:>8.2f} {r['rate']:>11.1f} {r['steady']:>9.1f}", flush=True)
    print(_load(), "(other work on the machine skews these numbers)")
    scale = rows["dask-2"]["rate"] / rows["dask-1"]["rate"]
    print(f"dask-2 / dask-1: {scale:.2f} end to end (goal ≥ {GOAL}), {rows['dask-2']['steady'] / rows['dask-1']['steady']:.2f} steady")  # fmt: skip
    print(f"dask-1 / local:  {rows['dask-1']['rate'] / rows['local']['rate']:.2f} end to end, {rows['dask-1']['steady'] / rows['local']['steady']:.2f} steady")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
