"""The extractor scored with the shared scorer on the seed and on the development set in tests/fixtures/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from analysis.extract import extract_article
from analysis.paths import ROOT, SEEDS_DIR

SHARED_EVAL = ROOT.parent / "shared" / "eval"
FIXTURES = Path(__file__).parent / "fixtures"
# The targets of the extraction issue; counts must be exactly zero.
TARGETS = {
    "persons_f1": 0.95, "titles": 0.90, "person_countries": 0.90, "countries_r": 1.0, "quotes_found": 0.95,
    "quotes_attributed": 0.90, "quotes_p": 0.90, "figures_r": 0.95, "figures_meaning": 0.85, "events_r": 0.80,
    "positions_r": 0.75, "boilerplate_removed": 1.0,
}  # fmt: skip
ZERO = ("persons_wrong_kind", "false_person_names")


def _score():
    if not (SHARED_EVAL / "score.py").exists():
        pytest.skip("../shared/eval is not beside this checkout")
    sys.path.insert(0, str(SHARED_EVAL))
    from score import score

    return score


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for gold in sorted(FIXTURES.glob("*.json")) + sorted((SHARED_EVAL / "gold").glob("*.json")):
        name = json.loads(gold.read_text(encoding="utf-8")).get("article", "")
        for article in (gold.with_suffix(".txt"), SEEDS_DIR / name):
            if article.is_file():
                cases.append((gold, article))
                break
    return cases


def _metrics(gold: Path, article: Path) -> dict:
    spec = json.loads(gold.read_text(encoding="utf-8"))
    return _score()(spec, extract_article(article, published=spec.get("published")))


def _below(metrics: dict) -> dict:
    low = {k: metrics[k] for k, floor in TARGETS.items() if metrics[k] < floor}
    return low | {k: metrics[k] for k in ZERO if metrics[k] != 0}


def test_seed_meets_every_target() -> None:
    seed = [(g, a) for g, a in _cases() if g.parent.name == "gold"]
    if not seed:
        pytest.skip("../shared/eval/gold is not beside this checkout")
    for gold, article in seed:
        assert not _below(_metrics(gold, article)), article.name


def test_development_set_meets_every_target_on_average() -> None:
    """Each fixture article is small (one missed figure of ten is 0.9), so the targets hold for the set's mean;
    the counts (people given another kind, false person names) must be zero in every article."""
    rows = {a.name: _metrics(g, a) for g, a in _cases() if g.parent == FIXTURES}
    assert len(rows) >= 6, "the extraction issue asks for at least 6 fixture articles"
    mean = {k: sum(m[k] for m in rows.values()) / len(rows) for k in TARGETS}
    low = {k: round(v, 3) for k, v in mean.items() if v < TARGETS[k]}
    assert not low, f"development-set mean below target: {low}"
    bad = {name: {k: m[k] for k in ZERO if m[k]} for name, m in rows.items() if any(m[k] for k in ZERO)}
    assert not bad, f"people given another kind or false person names: {bad}"
