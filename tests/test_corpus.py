"""Corpus runs on real articles: combined tables, broken files that do not stop the batch, one id per
person across stories, a checked manifest, the Dask engine giving the local engine's tables, and the corpus
report (notebooks/corpus.ipynb on the real kernel) with the views it is made of."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_cli

from analysis.charts import corpus as corpus_charts
from analysis.corpus import SECTIONS, corpus_actor_ids, run_corpus
from analysis.corpus_report import CORPUS_NOTEBOOK
from analysis.corpus_views import (
    MISSING,
    most_quoted,
    stance_gaps,
    stances,
    tariff_checks,
    tariff_gaps,
    verdict_counts,
)
from analysis.errors import BadInput, NotebookFailed
from analysis.paths import NOTEBOOKS_DIR, ROOT, SEEDS_DIR

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


def _write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        (folder / name).write_bytes(body if isinstance(body, bytes) else body.encode())
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A spread of the fixture articles (every third, so the suite's time does not grow with the dev set) and the
    seed (or three stories of our own while the fixtures are few), plus broken files."""
    folder = tmp_path_factory.mktemp("corpus")
    fixtures = sorted(FIXTURES.glob("*.txt"))[::3]
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
    tables = {f"tables/{s}.{ext}" for s in SECTIONS for ext in ("parquet", "csv")}
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
    for section in SECTIONS:
        got, want = _table(tmp_path / "dask", section), _table(local_out, section)
        key = ["article_id", *[c for c in ("start", "id", "actor", "topic") if c in want.columns]]
        got, want = (t.sort_values(key, kind="stable").reset_index(drop=True) for t in (got, want))
        pd.testing.assert_frame_equal(got, want)
    for name in ("articles.csv", "errors.csv", *(f"tables/{s}.csv" for s in SECTIONS)):
        assert (tmp_path / "dask" / name).read_bytes() == (local_out / name).read_bytes(), name


# ---- the corpus report (notebooks/corpus.ipynb) ---------------------------------------------------------------

# Three fixture stories about China's tariffs, dated by a manifest from their .json (the answer key), so every view
# has rows: Trump and Bessent quoted in several, stances on three days, rates that match the schedule and some not.
REPORTED = ("001_reuters_pause_china_125", "002_afp_china_retaliates_125", "008_geneva_us_china_truce")
SECTION_HEADINGS = ("Articles read", "Who is quoted most", "Each actor's stance over time", "Tariff rates against")
PLOTLY_DIV = 'class="plotly-graph-div"'


def _dated_stories(folder: Path) -> Path:
    """REPORTED copied into `folder`, with manifest.csv giving each its date and zone; returns the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["path,published,timezone"]
    for stem in REPORTED:
        shutil.copy(FIXTURES / f"{stem}.txt", folder)
        key = json.loads((FIXTURES / f"{stem}.json").read_text(encoding="utf-8"))
        rows.append(f"{stem}.txt,{key['published']},{key['timezone']}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "manifest.csv"


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """One real `python -m analysis corpus … --manifest` run over REPORTED, report included (about 10 s)."""
    base = tmp_path_factory.mktemp("reported")
    manifest = _dated_stories(base / "stories")
    out = base / "out"
    return run_cli("corpus", base / "stories", "--manifest", manifest, "--out", out), out


def test_the_cli_adds_a_report_with_each_section_and_its_figures(reported) -> None:
    run, out = reported
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert run.stdout.strip() == str(out)
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    report = {"report.html", "notebooks/corpus.ipynb", "run.log", "run.json"}
    views = {f"views/{v}.csv" for v in ("most_quoted", "stances", "tariff_checks")}
    assert report | views | {"corpus.json", "articles.csv", "errors.csv", "tables/quotes.parquet"} <= files
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert record["status"] == "done" and record["parameters"]["corpus_dir"] == str(out.resolve())
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>") and html.count("<script src=") == 0  # offline: plotly.js inlined
    for heading in SECTION_HEADINGS:
        assert f">{heading}" in html, heading
    assert html.count(PLOTLY_DIV) == 3  # quoted, stances, tariff rates vs schedule
    for title in ("Who is quoted most", "Each actor's stance over time", "Tariff rates stated in the articles"):
        assert title in html, title
    assert "Published from 09 Apr 2025 to 12 May 2025." in html
    assert not list(out.parent.glob(".out.tmp-*"))  # the staging folder is gone


def test_the_report_checks_the_stated_rates_against_the_schedule(reported) -> None:
    _, out = reported
    checks = pd.read_csv(out / "views" / "tariff_checks.csv")
    assert set(checks.article_id) == set(REPORTED)
    assert {"match", "mismatch"} <= set(checks.verdict)
    china = checks[checks.subject.eq("China") & checks.verdict.eq("match")]
    assert (china.article_value == 125).all() and (china.schedule_value == 125).all() and len(china) >= 1


def test_no_report_writes_the_tables_only(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = run_cli("corpus", small, "--published", "2025-04-10", "--out", out, "--no-report")
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert {p.name for p in out.iterdir()} == {"tables", "articles.csv", "errors.csv", "corpus.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "small"]  # no kernel ran: no lock, no staging


def _failing_notebook(folder: Path) -> Path:
    """notebooks/corpus.ipynb with a cell that raises right after the one loading the corpus."""
    import nbformat

    nb = nbformat.read(NOTEBOOKS_DIR / CORPUS_NOTEBOOK, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "load_corpus(" in c.source)
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell('raise RuntimeError("the corpus notebook broke")'))
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / CORPUS_NOTEBOOK)
    return folder / CORPUS_NOTEBOOK


def test_a_failed_corpus_notebook_exits_1_naming_it_and_its_cell(small: Path, tmp_path: Path) -> None:
    broken = _failing_notebook(tmp_path / "nb")
    code = (
        "import sys, analysis.corpus_report as r; from analysis.cli import main; "
        f"r.CORPUS_NOTEBOOK = {str(broken)!r}; sys.exit(main(sys.argv[1:]))"
    )
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-c", code, "corpus", small, "--out", out], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.splitlines() == [
        f"error: notebook corpus.ipynb cell 5 failed: RuntimeError: the corpus notebook broke; "
        f"the failed notebook is kept at {out.resolve() / 'notebooks' / 'corpus.ipynb'}"
    ]  # cell 5: papermill's injected cell counts
    assert not (out / "report.html").exists() and (out / "tables" / "quotes.parquet").is_file()
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["status"] == "failed"


def test_a_failed_rerun_keeps_the_last_good_report(reported, tmp_path: Path) -> None:
    from analysis.corpus_report import build_corpus_report

    _, done = reported
    out = tmp_path / "out"
    shutil.copytree(done, out)
    before = {name: (out / name).read_bytes() for name in ("report.html", "views/stances.csv")}
    (out / "tables" / "positions.parquet").write_bytes(b"not parquet")
    with pytest.raises(NotebookFailed) as failed:
        build_corpus_report(out)
    assert failed.value.notebook == CORPUS_NOTEBOOK and failed.value.cell == 4  # the cell loading the tables
    assert {name: (out / name).read_bytes() for name in before} == before
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["status"] == "failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]  # no staging folder left


# ---- the views, on rows made by hand ------------------------------------------------------------------------


def _actors(*rows: tuple[str, str, str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "id", "name", "kind", "mentions"]).assign(
        corpus_actor_id=lambda f: f.id.replace({"greer": "jamieson-greer"})
    )


ACTORS = _actors(
    ("a", "jamieson-greer", "Jamieson Greer", "person", 2),
    ("b", "greer", "Greer", "person", 3),
    ("b", "chn", "China", "government", 4),
    ("b", "x", "<b>X</b>", "organization", 1),
)


def test_most_quoted_counts_each_kind_across_articles_under_one_name() -> None:
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "b", "b", "b", "b"],
            "corpus_speaker": ["jamieson-greer", "jamieson-greer", "jamieson-greer", "chn", None],
            "kind": ["direct", "partial", "direct", "paraphrase", "direct"],
        }
    )
    got = most_quoted(quotes, ACTORS)
    assert got.to_dict("records") == [
        {"actor": "jamieson-greer", "name": "Jamieson Greer", "kind": "person", "quotes": 3, "direct": 2,
         "partial": 1, "paraphrase": 0, "articles": 2},
        {"actor": "chn", "name": "China", "kind": "government", "quotes": 1, "direct": 0, "partial": 0,
         "paraphrase": 1, "articles": 1},
    ]  # fmt: skip
    assert most_quoted(quotes.iloc[:0], ACTORS).empty


def test_stances_put_undated_articles_last_and_the_chart_leaves_them_out() -> None:
    positions = pd.DataFrame(
        {
            "article_id": ["b", "a", "b"],
            "published": ["2025-04-10", None, "2025-04-10"],
            "corpus_actor": ["x", "jamieson-greer", "chn"],
            "topic": ["tariffs", "tariffs", "talks"],
            "stance": ["oppose", "support", "support"],
            "summary": ["X opposes <script>", "Greer supports tariffs", "China supports talks"],
        }
    )
    got = stances(positions, ACTORS)
    assert got[["article_id", "name", "stance"]].values.tolist() == [
        ["b", "<b>X</b>", "oppose"],
        ["b", "China", "support"],
        ["a", "Jamieson Greer", "support"],
    ]
    assert got.published.isna().tolist() == [False, False, True]
    assert stance_gaps(got).startswith("1 position from 1 article without a publication date are not on the chart")
    fig = corpus_charts.stance_over_time(got)
    assert [t.name for t in fig.data] == ["support", "oppose"]
    assert list(fig.data[1].y) == ["&lt;b&gt;X&lt;/b&gt;"] and "&lt;script&gt;" in fig.data[1].customdata[0]
    undated = got.assign(published=pd.NaT)
    assert corpus_charts.stance_over_time(undated) is None and "no timeline" in stance_gaps(undated)
    assert stance_gaps(got.iloc[:0]) == MISSING["positions"]


def test_tariff_checks_keep_tariff_rates_only_and_count_verdicts() -> None:
    claims = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "published": ["2025-04-09", "2025-04-09", None, None],
            "claim": ["125% on China", "S&P 500 rose 9.5%", "84%", "10%"],
            "subject": ["chn", "sp-500", "chn", "usa"],
            "corpus_subject": ["chn", "sp-500", "chn", "usa"],
            "article_value": [125.0, 9.5, 84.0, 10.0],
            "data_value": [125.0, 9.52, None, None],
            "unit": ["percent"] * 4,
            "verdict": ["match", "match", "not checkable", "not checkable"],
            "basis": ["in force since 2025-04-09", None, "the article has no publication date", "no date"],
            "start": [0, 20, 0, 10],
            "end": [4, 25, 3, 13],
        }
    )
    figures = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "start": [0, 20, 0, 10],
            "end": [4, 25, 3, 13],
            "measure": ["tariff rate", "index change", "tariff rate", "Tariff Rate"],
        }
    )
    checks = tariff_checks(claims, figures, ACTORS)
    assert checks[["article_id", "subject", "article_value", "schedule_value", "verdict"]].fillna(
        -1
    ).values.tolist() == [
        ["a", "China", 125.0, 125.0, "match"],
        ["b", "China", 84.0, -1, "not checkable"],
        ["b", "usa", 10.0, -1, "not checkable"],
    ]  # the index move is not a tariff rate; an id no actor row names stays an id
    assert verdict_counts(checks).values.tolist() == [["match", 1, 1], ["not checkable", 2, 1]]
    assert tariff_gaps(checks).startswith("2 tariff rates with no schedule rate to set against are not on the chart")
    fig = corpus_charts.tariff_checks(checks)
    assert [t.name for t in fig.data] == ["article = schedule", "match"] and list(fig.data[1].x) == [125.0]
    assert corpus_charts.tariff_checks(checks.iloc[1:]) is None
    assert tariff_gaps(checks.iloc[:0]) == MISSING["tariff_checks"] and verdict_counts(checks.iloc[:0]).empty
