"""analysis.tables: the contract's sections as DataFrames and files, reuse of extraction.json, escaping."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import ARTICLES

from analysis import tables
from analysis.claims import CLAIM_COLUMNS
from analysis.paths import ROOT, SEED_ARTICLE

ROWS = {
    "article": {"source": "x.txt", "title": None, "published": None, "timezone": None, "body_chars": 3, "removed": []},
    "actors": [
        {"id": "usa", "name": "United States", "kind": "country", "title": None, "country": "USA", "mentions": 2,
         "spans": [[0, 4], [9, 13]], "extra": "kept"},
    ],
    "quotes": [],
    "positions": [],
    "figures": [],
    "events": [],
}  # fmt: skip


def test_table_has_contract_columns_first_extras_after_and_lists_as_json() -> None:
    frame = tables.table(ROWS, "actors")
    assert list(frame.columns) == [*tables.COLUMNS["actors"], "extra"]
    assert frame.loc[0, "spans"] == "[[0, 4], [9, 13]]"
    empty = tables.table(ROWS, "quotes")
    assert list(empty.columns) == tables.COLUMNS["quotes"] and empty.empty


def test_empty_section_is_shown_as_a_sentence() -> None:
    assert isinstance(tables.section(ROWS, "actors"), tables.Table)
    note = tables.section(ROWS, "quotes")
    assert isinstance(note, tables.Note) and note.text == tables.MISSING["quotes"]


def test_table_and_note_html_escape_markup() -> None:
    frame = pd.DataFrame({"text": ["<script>alert(1)</script>"]})
    assert "&lt;script&gt;" in tables.Table(frame)._repr_html_()
    assert "<script>" not in tables.Table(frame)._repr_html_()
    assert tables.Note("a <b>c</b>")._repr_html_() == '<p class="td-note">a &lt;b&gt;c&lt;/b&gt;</p>'


def test_csv_text_has_one_block_per_section() -> None:
    text = tables.csv_text(ROWS)
    assert [line for line in text.splitlines() if line.startswith("# ")] == [
        "# article",
        *(f"# {s}" for s in tables.COLUMNS),
    ]


def test_claims_csv_has_the_claim_columns_then_the_basis(tmp_path) -> None:
    frame = tables.write_claims(ROWS, out_dir=tmp_path)
    assert list(frame.columns) == [*CLAIM_COLUMNS, "basis"]
    assert (tmp_path / "tables" / "claims.csv").read_text().splitlines()[0] == ",".join(frame.columns)


def test_notebook_paths_resolve_against_the_repo_root() -> None:
    assert tables.resolve("seeds/000_dde2b044a75bcc9a.txt") == SEED_ARTICLE
    assert tables.resolve(SEED_ARTICLE) == SEED_ARTICLE
    assert tables.resolve("x").parent == ROOT
    assert tables.resolve(None) is None


@pytest.fixture(scope="module")
def injected(session_dir: Path) -> tuple[dict, Path]:
    out = session_dir / "injection"
    return tables.run_extraction(ARTICLES / "script_injection.txt", out_dir=out), out


def test_article_markup_is_escaped_in_every_table(injected: tuple[dict, Path]) -> None:
    extraction, _ = injected
    quoted = [q["text"] for q in extraction["quotes"] if "<script>" in q["text"]]
    assert quoted, "the fixture should put markup inside a quote"
    for name in tables.COLUMNS:
        html = tables.section(extraction, name)._repr_html_()
        assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in tables.section(extraction, "quotes")._repr_html_()


def test_run_extraction_writes_json_and_csvs_whole(injected: tuple[dict, Path]) -> None:
    extraction, out = injected
    written = {p.relative_to(out).as_posix() for p in out.rglob("*")}
    assert written == {"extraction.json", "tables", *(f"tables/{s}.csv" for s in tables.COLUMNS)}
    saved = json.loads((out / "extraction.json").read_text(encoding="utf-8"))
    assert saved == extraction
    assert saved["article"]["parameters"] == {"published": None, "timezone": None}
    assert len(saved["article"]["sha256"]) == 64
    quotes = pd.read_csv(out / "tables" / "quotes.csv")
    assert list(quotes.columns[: len(tables.COLUMNS["quotes"])]) == tables.COLUMNS["quotes"]
    assert len(quotes) == len(extraction["quotes"])


def test_load_or_extract_reuses_a_fresh_extraction_only(injected: tuple[dict, Path], tmp_path: Path) -> None:
    _, out = injected
    article = tmp_path / "story.txt"
    article.write_bytes((ARTICLES / "script_injection.txt").read_bytes())
    first = tables.run_extraction(article, out_dir=tmp_path)
    marked = {**first, "article": {**first["article"], "marker": 1}}
    (tmp_path / "extraction.json").write_text(json.dumps(marked), encoding="utf-8")

    assert tables.load_or_extract(article, out_dir=tmp_path)["article"]["marker"] == 1  # same file, same parameters
    again = tables.load_or_extract(article, published="2025-04-08", out_dir=tmp_path)  # other parameters
    assert "marker" not in again["article"] and again["article"]["published"] == "2025-04-08"
    (tmp_path / "extraction.json").write_text(json.dumps(marked), encoding="utf-8")
    article.write_text(article.read_text(encoding="utf-8") + "\nMore.", encoding="utf-8")  # the file changed
    assert "marker" not in tables.load_or_extract(article, out_dir=tmp_path)["article"]


def test_a_long_table_shows_its_first_rows_and_says_where_the_rest_are() -> None:
    frame = pd.DataFrame({"actor": [f"<b>a{i}</b>" for i in range(12)]})
    page = tables.Table(frame, limit=10, rest="views/x.csv")._repr_html_()
    assert page.count("<tr>") == 10 and "&lt;b&gt;a9&lt;/b&gt;" in page and "a10" not in page
    assert "… and 2 more rows in views/x.csv." in page
    assert "more rows" not in tables.Table(frame, limit=12)._repr_html_()
