"""Corpus runs on real articles: combined tables, broken files that do not stop the batch, one id per
person across stories, a checked manifest, and the Dask engine giving the local engine's tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import SECTIONS, corpus_actor_ids, run_corpus
from analysis.errors import BadInput
from analysis.paths import ROOT, SEEDS_DIR

FIXTURES = ROOT / "tests" / "fixtures"
CONTRACT = {
    "actors": ["id", "name", "kind", "title", "country", "mentions", "spans", "corpus_actor_id"],
    "quotes": ["speaker", "text", "kind", "cue", "channel", "start", "end", "corpus_speaker"],
    "positions": ["actor", "topic", "stance", "summary", "evidence", "corpus_actor"],
    "figures": ["text", "value", "unit", "measure", "subject", "start", "end", "corpus_subject"],
    "events": ["date", "time", "action", "actors", "text", "start", "end", "corpus_actors"],
}
# Three short stories: Bessent in the first two, Greer by full name in the first and by surname in the third.
OWN = {
    "steel.txt": "Published: 15 Mar 2025\nU.S. Treasury Secretary Scott Bessent said on Friday that tariffs on "
    'Canadian steel would rise to 25% next month.\n"We will not back down," Bessent told reporters in Washington. '
    "Trade Representative Jamieson Greer backed the plan.\n",
    "talks.txt": "Japan's chief negotiator Ryosei Akazawa met Scott Bessent in Washington on Thursday for talks on a "
    '24% tariff.\n"The talks were productive," Akazawa said after the 90-minute meeting. The Nikkei 225 rose 2% '
    "on Friday.\n",
    "cars.txt": "Published: 2 Apr 2025\nTariffs on European cars will reach 20%, the White House said on Wednesday.\n"
    'Trade Representative Greer said the European Union had not moved fast enough. "They had months," Greer wrote on X.\n',
}
BROKEN = {"empty.txt": b"", "binary.txt": b"PK\x03\x04\x00\x00binary\x00", "not_utf8.txt": b"Tariffs rose \xe9\xff.\n"}


def _claims_written() -> bool:
    try:
        from analysis.claims import check_claims  # noqa: F401
    except Exception:
        return False
    return True


SECTIONS_WRITTEN = (*SECTIONS, "claims") if _claims_written() else SECTIONS


def _write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (folder / name).write_bytes(body if isinstance(body, bytes) else body.encode())
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The fixture articles and the seed (or three stories of our own while the fixtures are few), plus broken files."""
    folder = tmp_path_factory.mktemp("corpus")
    fixtures = sorted(FIXTURES.glob("*.txt"))
    for path in [*fixtures, *sorted(SEEDS_DIR.glob("*.txt"))]:
        shutil.copy(path, folder)
    if len(fixtures) < 2:
        _write(folder, OWN)
    return _write(folder, BROKEN)


@pytest.fixture(scope="module")
def local_run(corpus: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    return run_corpus(corpus, out_dir=out, engine="local"), out


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return _write(tmp_path / "small", OWN)


def _table(out: Path, section: str) -> pd.DataFrame:
    return pd.read_parquet(out / "tables" / f"{section}.parquet")


def test_tables_hold_every_section_with_article_ids(corpus: Path, local_run) -> None:
    result, out = local_run
    good = {p.stem for p in corpus.glob("*.txt")} - {Path(n).stem for n in BROKEN}
    assert result.exit_code() == 0 and result.articles_ok == len(good)
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    tables = {f"tables/{s}.{ext}" for s in SECTIONS_WRITTEN for ext in ("parquet", "csv")}
    assert files == tables | {"articles.csv", "errors.csv", "corpus.json"} == set(result.paths)
    for section, fields in CONTRACT.items():
        parquet = _table(out, section)
        csv = pd.read_csv(out / "tables" / f"{section}.csv")
        assert list(parquet.columns) == list(csv.columns)
        assert list(parquet.columns[:2]) == ["article_id", "published"] and set(fields) <= set(parquet.columns)
        assert len(parquet) == len(csv) == result.rows[section]
    assert set(_table(out, "actors").article_id) == good  # every article names someone
    assert set(_table(out, "quotes").article_id) <= good
    articles = pd.read_csv(out / "articles.csv")
    assert sorted(articles.article_id) == sorted(good | {Path(n).stem for n in BROKEN})
    counts = articles.set_index("article_id").loc[sorted(good), "actors"]
    assert counts.sum() == len(_table(out, "actors"))
    summary = json.loads((out / "corpus.json").read_text())
    assert summary["engine"] == "local" and summary["articles_ok"] == len(good) and summary["seconds"] > 0
    assert ("claims" in summary["skipped"]) != ("claims" in SECTIONS_WRITTEN)


def test_broken_files_go_to_errors_csv_and_the_batch_goes_on(local_run) -> None:
    result, out = local_run
    assert result.status == "partial" and result.exit_code() == 0 and result.articles_failed == len(BROKEN)
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors.columns) == ["path", "error"]
    reasons = dict(zip(errors.path, errors.error, strict=True))
    assert set(reasons) == set(BROKEN)
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"] and "UTF-8" in reasons["not_utf8.txt"]
    articles = pd.read_csv(out / "articles.csv").set_index("path")
    assert set(articles.loc[list(BROKEN), "status"]) == {"failed"}


def test_a_folder_of_only_broken_files_exits_1(tmp_path: Path) -> None:
    result = run_corpus(_write(tmp_path / "broken", BROKEN), out_dir=tmp_path / "out")
    assert result.status == "failed" and result.exit_code() == 1 and result.articles_ok == 0
    assert len(pd.read_csv(tmp_path / "out" / "errors.csv")) == len(BROKEN)
    actors = _table(tmp_path / "out", "actors")
    assert actors.empty and set(CONTRACT["actors"]) <= set(actors.columns)


def test_the_same_person_in_two_articles_gets_one_corpus_id(small: Path, tmp_path: Path) -> None:
    run_corpus(small, out_dir=tmp_path / "out")
    actors = _table(tmp_path / "out", "actors").set_index(["article_id", "id"])
    assert actors.loc[[("steel", "scott-bessent"), ("talks", "scott-bessent")], "corpus_actor_id"].tolist() == [
        "scott-bessent",
        "scott-bessent",
    ]
    # "Greer" alone in one story is the Jamieson Greer of another; the article's own id stays alongside.
    assert (
        actors.loc[("cars", "greer"), "corpus_actor_id"] == actors.loc[("steel", "jamieson-greer"), "corpus_actor_id"]
    )
    quotes = _table(tmp_path / "out", "quotes")
    by_greer = quotes[quotes.article_id.eq("cars") & quotes.speaker.eq("greer")]
    assert len(by_greer) >= 1 and set(by_greer.corpus_speaker) == {"jamieson-greer"}
    assert set(actors.loc["talks"].query("kind == 'country'").corpus_actor_id) == {"jpn"}  # non-persons keep their id


def test_a_surname_shared_by_two_full_names_stays_apart() -> None:
    def person(name: str) -> dict:
        return {"id": name.lower().replace(" ", "-"), "name": name, "kind": "person"}

    ids = corpus_actor_ids(
        {
            "a": {"actors": [person("Donald Trump"), person("Lara Trump"), person("Ursula von der Leyen")]},
            "b": {"actors": [person("Trump"), person("von der Leyen"), person("Greer")]},
        }
    )
    assert ids["b"] == {"trump": "trump", "von-der-leyen": "ursula-von-der-leyen", "greer": "greer"}


def test_a_manifest_gives_dates_and_zones(small: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "meta" / "manifest.csv"
    manifest.parent.mkdir()
    manifest.write_text(f"path,published,timezone\n../small/talks.txt,2025-04-10,Asia/Tokyo\n{small / 'cars.txt'},,\n")
    run_corpus(small, manifest=manifest, published="2025-05-01", out_dir=tmp_path / "out")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False).set_index("article_id")
    assert articles.loc["talks", ["published", "published_from", "timezone"]].tolist() == [
        "2025-04-10",
        "manifest",
        "Asia/Tokyo",
    ]
    assert articles.loc["cars", ["published", "published_from"]].tolist() == ["2025-05-01", "argument"]
    assert set(_table(tmp_path / "out", "figures").query("article_id == 'talks'").published) == {"2025-04-10"}


def test_without_dates_the_article_dateline_is_used(small: Path, tmp_path: Path) -> None:
    run_corpus(small, out_dir=tmp_path / "out")
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False).set_index("article_id")
    assert articles.loc["steel", ["published", "published_from"]].tolist() == ["2025-03-15", "article"]
    assert articles.loc["talks", ["published", "published_from"]].tolist() == ["", ""]


@pytest.mark.parametrize(
    "body,message",
    [
        ("path,date\ntalks.txt,2025-04-10\n", "lacks the column"),
        ("path,published\ntalks.txt,2025-02-30\n", "line 2.*not a real date"),
        ("path,published\ntalks.txt,2025-04-10\nmissing.txt,2025-04-10\n", "not among"),
        ("path,published,timezone\ntalks.txt,2025-04-10,Mars/Olympus\n", "line 2.*unknown timezone"),
        ("path,published\ntalks.txt,2025-04-10\n./talks.txt,2025-04-11\n", "line 3 repeats"),
    ],
)
def test_a_bad_manifest_is_refused_before_anything_runs(small: Path, tmp_path: Path, body: str, message: str) -> None:
    manifest = small / "manifest.csv"
    manifest.write_text(body)
    with pytest.raises(BadInput, match=message):
        run_corpus(small, manifest=manifest, out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"engine": "spark"}, "unknown engine"),
        ({"workers": 0}, "workers must be"),
        ({"scheduler": "127.0.0.1:8786"}, "needs the dask engine"),
        ({"engine": "dask", "scheduler": "not an address"}, "bad scheduler address"),
        ({"glob": "*.html"}, "no file matches"),
        ({"published": "2025-13-01"}, "not a real date"),
    ],
)
def test_bad_arguments_raise_bad_input(small: Path, tmp_path: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        run_corpus(small, out_dir=tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()


def test_a_folder_of_other_files_is_not_overwritten(small: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("keep me")
    with pytest.raises(BadInput, match="no corpus.json"):
        run_corpus(small, out_dir=tmp_path / "mine")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.md"]
    with pytest.raises(BadInput, match="corpus folder not found"):
        run_corpus(tmp_path / "nowhere", out_dir=tmp_path / "out")


def test_a_rerun_replaces_the_earlier_output_and_reports_progress(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "runs" / "out"
    run_corpus(small, out_dir=out)
    (small / "talks.txt").unlink()
    seen: list[tuple[int, int]] = []
    result = run_corpus(small, out_dir=out, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)] and result.articles_ok == 2
    assert set(pd.read_csv(out / "articles.csv").article_id) == {"steel", "cars"}
    assert [p.name for p in out.parent.iterdir()] == ["out"]  # no temporary or old folder left behind


def test_dask_gives_the_tables_of_the_local_engine(corpus: Path, local_run, tmp_path: Path) -> None:
    local, local_out = local_run
    result = run_corpus(corpus, out_dir=tmp_path / "dask", engine="dask", workers=2)
    assert (result.engine, result.workers, result.articles_ok) == ("dask", 2, local.articles_ok)
    assert result.rows == local.rows
    for section in SECTIONS_WRITTEN:
        got, want = _table(tmp_path / "dask", section), _table(local_out, section)
        key = ["article_id", *[c for c in ("start", "id", "actor", "topic") if c in want.columns]]
        got, want = (t.sort_values(key, kind="stable").reset_index(drop=True) for t in (got, want))
        pd.testing.assert_frame_equal(got, want)
    for name in ("articles.csv", "errors.csv", *(f"tables/{s}.csv" for s in SECTIONS_WRITTEN)):
        assert (tmp_path / "dask" / name).read_bytes() == (local_out / name).read_bytes(), name
