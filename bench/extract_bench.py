"""Extraction speed beside the bare spaCy parse of the same texts, measured in one run.

Prints articles per second for `extract_text` and for `nlp.pipe` alone, and their ratio (goal >= 0.8:
the rules should cost little over the parse). The model is loaded once, before timing.

Then one run-on sentence thick with quotes and figures, at 10 kB and 40 kB: the time per kB at 40 kB over the
time per kB at 10 kB (goal <= 1.5: extraction time grows with the text, not with its square).

    python bench/extract_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analysis.extract import extract_text
from analysis.extract.clean import clean_article
from analysis.extract.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[str]:
    files = sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the fixture texts (default 5)")
    args = parser.parse_args()
    texts = corpus() * args.repeat
    nlp = load_nlp()
    nlp(texts[0])  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe([clean_article(t).text for t in texts]):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        extract_text(t)
    full = time.perf_counter() - t0
    n = len(texts)
    print(
        f"extract: {n} articles  bare nlp.pipe {n / bare:7.1f}/s  extract {n / full:7.1f}/s  ratio {bare / full:.2f} (goal >= 0.8)"
    )
    for name, unit in RUN_ON_UNITS.items():
        small, large = (seconds_for(run_on_sentence(unit, size)) for size in (10_000, 40_000))
        print(
            f"extract: one run-on sentence ({name})  10 kB {small:5.1f} s  40 kB {large:5.1f} s  "
            f"per-kB ratio {large / 4 / small:.2f} (goal <= 1.5)"
        )


# A page with no full stops: quoted words, and reported speech whose speaker is a known person.
RUN_ON_UNITS = {
    "quotes": "Trump said “the 24% tariff on Japan is fair” and the Nikkei 225 fell 3% on Monday while ",
    "reported": "President Donald Trump said the 24% tariff on Japan is fair and the Nikkei 225 fell 3% on Monday while ",
}


def run_on_sentence(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def seconds_for(text: str) -> float:
    t0 = time.perf_counter()
    extract_text(text)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
