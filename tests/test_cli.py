"""The real `python -m analysis`: help, extract, and what bad input and a failing notebook do to the exit status."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from conftest import ARTICLES, SEED_PUBLISHED, run_cli

from analysis.extract import SECTIONS
from analysis.paths import ROOT, SEED_ARTICLE
from analysis.tables import COLUMNS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_anchors() -> set[str]:
    """GitHub's anchors for the README's headings."""
    headings = re.findall(r"^#+ (.+)$", README, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


@pytest.mark.parametrize("command", [[], ["extract"], ["report"]])
def test_help_lists_commands_and_points_at_the_readme(command: list[str]) -> None:
    run = run_cli(*command, "--help")
    assert run.returncode == 0, run.stderr
    if not command:
        assert "extract" in run.stdout and "report" in run.stdout
    anchor = re.search(r"Docs: README\.md#([\w-]+)\s*$", run.stdout)
    assert anchor, run.stdout[-200:]
    assert anchor.group(1) in readme_anchors()


def test_readme_layout_tree_names_real_folders() -> None:
    tree = README.split("## Layout", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    names = [re.sub(r"<[^>]+>/", "", n) for n in re.findall(r"([\w.<>/-]+/)\s+<-", tree)]
    assert len(names) >= 8, tree
    for name in names:
        parents = [ROOT, *(d for d in ROOT.iterdir() if d.is_dir() and not d.name.startswith("."))]
        assert any((parent / name).is_dir() for parent in parents), f"the README layout names {name}: not found"


def test_extract_prints_the_six_sections_as_json() -> None:
    run = run_cli("extract", SEED_ARTICLE, "--published", SEED_PUBLISHED)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert tuple(data) == SECTIONS
    assert data["article"]["published"] == SEED_PUBLISHED
    assert run.stdout.startswith('{\n  "article"')  # indent 2


def test_extract_csv_prints_one_block_per_section(tmp_path: Path) -> None:
    run = run_cli("extract", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--format", "csv")
    assert run.returncode == 0, run.stderr
    blocks = re.findall(r"^# (\w+)\n([^\n]*)", run.stdout, flags=re.M)
    assert [name for name, _ in blocks] == ["article", *COLUMNS]
    for name, header in blocks[1:]:
        assert header.split(",")[: len(COLUMNS[name])] == COLUMNS[name]


def test_extract_out_writes_the_report_folder_files(tmp_path: Path) -> None:
    run = run_cli("extract", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", tmp_path / "x")
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    written = {p.relative_to(tmp_path / "x").as_posix() for p in (tmp_path / "x").rglob("*") if p.is_file()}
    assert written == {"extraction.json", *(f"tables/{name}.csv" for name in COLUMNS)}


BAD_INPUTS = {
    "missing": ([ARTICLES / "no_such_article.txt"], "not found"),
    "directory": ([ARTICLES], "directory"),
    "empty": ([ARTICLES / "empty.txt"], "empty"),
    "whitespace": ([ARTICLES / "whitespace.txt"], "empty"),
    "binary": ([ARTICLES / "binary.bin"], "binary"),
    "not_utf8": ([ARTICLES / "not_utf8.txt"], "not UTF-8"),
    "impossible_date": ([SEED_ARTICLE, "--published", "2025-02-30"], "not a real date"),
    "unknown_timezone": ([SEED_ARTICLE, "--timezone", "Mars/Olympus_Mons"], "unknown timezone"),
}
REPORT_ONLY = {
    "missing_market_csv": ([SEED_ARTICLE, "--market-csv", ARTICLES / "no_such.csv"], "not found"),
    "empty_market_csv": ([SEED_ARTICLE, "--market-csv", ARTICLES / "empty.txt"], "empty"),
    "zero_timeout": ([SEED_ARTICLE, "--execution-timeout", "0"], "positive"),
    "undeclared_parameter": ([SEED_ARTICLE, "-p", "colour=red"], "no notebook declares"),
    "reserved_parameter": ([SEED_ARTICLE, "-p", "out_dir=/tmp"], "use --out"),
}
EXTRACT_CASES = ("missing", "not_utf8", "impossible_date", "unknown_timezone")  # one per check; report runs all
CASES = [("extract", k, *BAD_INPUTS[k]) for k in EXTRACT_CASES] + [
    ("report", k, *v) for k, v in {**BAD_INPUTS, **REPORT_ONLY}.items()
]


@pytest.mark.parametrize(("command", "case", "args", "says"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, command: str, case: str, args: list, says: str
) -> None:
    out = tmp_path / "out"
    run = run_cli(command, *args, "--out", out)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], run.stderr
    assert run.stdout == ""
    assert not out.exists()


def test_failing_notebook_exits_1_keeps_it_and_the_last_good_report(report_dir: Path, tmp_path: Path) -> None:
    published = tmp_path / "outputs" / report_dir.name
    shutil.copytree(report_dir, published)
    before = {p.relative_to(published): p.read_bytes() for p in published.rglob("*") if p.is_file()}

    # 01_article.ipynb with a cell that raises once the article is extracted (a wrong -p type is now exit 2)
    from test_hardening import failing_copy, run_cli_with_notebooks

    broken = failing_copy("01_article.ipynb", tmp_path / "nbs", "raise TypeError(f'no chart of {top_actors} actors')")
    run = run_cli_with_notebooks(
        [broken, "02_tariff_schedule.ipynb", "03_market_response.ipynb"],
        *("report", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", published.parent, "-p", "top_actors=3"),
    )

    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: notebook 01_article.ipynb cell "), run.stderr
    assert "TypeError" in lines[0] and str(published / "notebooks" / "01_article.ipynb") in lines[0]
    for kept in ("report.html", "extraction.json", "tables/actors.csv", "tables/claims.csv"):
        assert (published / kept).read_bytes() == before[Path(kept)], kept
    failed = nbformat.read(published / "notebooks" / "01_article.ipynb", as_version=4)
    errors = [
        o for c in failed.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"
    ]
    assert [e.ename for e in errors] == ["TypeError"]
    assert not (published / "notebooks" / "02_tariff_schedule.ipynb").exists()  # never ran
    run_json = json.loads((published / "run.json").read_text(encoding="utf-8"))
    assert run_json["status"] == "failed" and run_json["error"] == lines[0].removeprefix("error: ")
    assert run_json["outputs"] == ["notebooks/01_article.ipynb", "run.json", "run.log"]
    assert run_json["parameters"]["top_actors"] == 3
    assert sorted(p.name for p in published.parent.iterdir()) == [f".{published.name}.lock", published.name]


def test_verbose_report_logs_each_notebook_and_the_export(tmp_path: Path) -> None:
    """A scheduled run's log shows where a slow or stuck report is; without -v stderr stays empty."""
    run = run_cli("-v", "report", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    for name in ("01_article.ipynb", "02_tariff_schedule.ipynb", "03_market_response.ipynb"):
        assert f"INFO running {name}" in lines
        assert any(re.fullmatch(rf"INFO {re.escape(name)} done in [\d.]+ s.*", line) for line in lines), lines
    assert lines[-2:] == ["INFO exporting report.html", f"INFO report written to {run.stdout.strip()}"]
    quiet = run_cli("report", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", tmp_path, timeout=300)
    assert quiet.returncode == 0 and quiet.stderr == ""
