"""The extraction as tables: DataFrames, the files of a report folder, and how the notebooks show them."""

from __future__ import annotations

import hashlib
import html
import json
import os
import uuid
from pathlib import Path

import pandas as pd

from .claims import check_claims
from .errors import BadInput
from .ingest import check_timezone, parse_published
from .paths import ROOT

# The columns of each table in the contract's order (../shared/CONTRACT.md); fields the extractor adds follow them.
# To add a table: add its section here; write_extraction(), the CLI's csv and notebook 01 pick it up.
COLUMNS = {
    "actors": ["id", "name", "kind", "title", "country", "mentions", "spans"],
    "quotes": ["speaker", "text", "kind", "cue", "channel", "start", "end"],
    "positions": ["actor", "topic", "stance", "summary", "evidence"],
    "figures": ["text", "value", "unit", "measure", "subject", "start", "end"],
    "events": ["date", "time", "action", "actors", "text", "start", "end"],
}

# What the report says when a table is empty.
MISSING = {
    "actors": "The extractor found no actors in this article.",
    "quotes": "The article attributes no quoted or reported words that the extractor could find.",
    "positions": "No actor's stance on a topic could be read from this article.",
    "figures": "The article states no numbers that the extractor could read.",
    "events": "The extractor found no dated events in this article.",
    "claims": "The article makes no claim that the bundled tariff or market data can check.",
    "tariff_claims": "The article states no tariff rate for a country, so there is nothing to check against the schedule.",
    "countries": "The article names no country, so there is no tariff rate to follow over time.",
}


def resolve(path: str | Path | None) -> Path | None:
    """A notebook parameter as a path: absolute as given, else from the repo root (so JupyterLab's cwd is moot).

    A relative path that climbs out of the repo ("../../etc") is refused: to mean a place outside it, say so
    with an absolute path.
    """
    if path is None:
        return None
    within = Path(os.path.normpath(ROOT / path))  # by the name as written: a symlinked outputs/ stays allowed
    if not Path(path).is_absolute() and ROOT != within and ROOT not in within.parents:
        raise BadInput(
            f"the relative path {str(path)!r} leads out of the project folder",
            "give a path inside it, or an absolute path",
        )
    return (ROOT / path).resolve()


def check_parameters(*, published: object, timezone: object) -> None:
    """A notebook's `published` and `timezone` parameters, refused (BadInput) in its first cell if they are bad."""
    parse_published(published, name="the parameter published")
    check_timezone(timezone)


# ---- tables -------------------------------------------------------------------------------------------------


def table(extraction: dict, section: str) -> pd.DataFrame:
    """One section as a DataFrame with the COLUMNS of that section; list cells (spans, actors) as JSON text."""
    rows = extraction[section]
    extra = [k for row in rows for k in row if k not in COLUMNS[section]]
    columns = COLUMNS[section] + list(dict.fromkeys(extra))
    return pd.DataFrame([{k: _cell(row.get(k)) for k in columns} for row in rows], columns=columns)


def article_facts(extraction: dict) -> pd.DataFrame:
    """The article section as rows of (fact, value): source, title, published, timezone, body_chars, removed."""
    article = extraction["article"]
    keys = ("source", "title", "published", "timezone", "body_chars")
    facts = [(key, "none found" if article.get(key) is None else article[key]) for key in keys]
    removed = article.get("removed") or []
    facts.append(("removed boilerplate", "\n".join(removed) if removed else "nothing"))
    return pd.DataFrame(facts, columns=["fact", "value"])


def _cell(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def write_claims(extraction: dict, *, out_dir: str | Path, market_csv: str | Path | None = None) -> pd.DataFrame:
    """check_claims() written to out_dir/tables/claims.csv (header only when there are none); returns it."""
    frame = check_claims(extraction, market_csv=market_csv)
    write_table(frame, Path(out_dir) / "tables" / "claims.csv")
    return frame


# ---- the files of a report folder ---------------------------------------------------------------------------


def run_extraction(
    article_path: str | Path, *, published: str | None = None, timezone: str | None = None, out_dir: str | Path
) -> dict:
    """Extract the article and write out_dir/extraction.json and tables/<section>.csv; returns the extraction.

    extraction.json carries two fields beyond the contract in its `article` section, `sha256` (of the file)
    and `parameters` (published, timezone as asked), so later notebooks can tell whether it is still fresh.
    """
    from .extract import extract_article

    check_parameters(published=published, timezone=timezone)
    extraction = extract_article(article_path, published=published, timezone=timezone)
    extraction["article"]["sha256"] = _sha256(article_path)
    extraction["article"]["parameters"] = {"published": published, "timezone": timezone}
    write_extraction(extraction, Path(out_dir))
    return extraction


def load_or_extract(
    article_path: str | Path, *, published: str | None = None, timezone: str | None = None, out_dir: str | Path
) -> dict:
    """out_dir/extraction.json if it was made from this very file with these parameters, else a fresh extraction."""
    check_parameters(published=published, timezone=timezone)
    path, saved = Path(article_path), Path(out_dir) / "extraction.json"
    if saved.is_file() and path.is_file():
        extraction = json.loads(saved.read_text(encoding="utf-8"))
        article = extraction.get("article", {})
        if (
            article.get("source") == str(path)
            and article.get("parameters") == {"published": published, "timezone": timezone}
            and article.get("sha256") == _sha256(path)
        ):
            return extraction
    return run_extraction(path, published=published, timezone=timezone, out_dir=out_dir)


def write_extraction(extraction: dict, out_dir: Path) -> list[Path]:
    """extraction.json and one CSV per section under out_dir/tables/, each replaced whole (never half-written);
    for a web page also article.txt, the text its offsets index."""
    text = json.dumps(extraction, indent=2, ensure_ascii=False) + "\n"
    written = [_write_atomic(Path(out_dir) / "extraction.json", text)]
    if extraction["article"].get("text") is not None:
        written.append(_write_atomic(Path(out_dir) / "article.txt", extraction["article"]["text"]))
    for section in COLUMNS:
        written.append(write_table(table(extraction, section), Path(out_dir) / "tables" / f"{section}.csv"))
    return written


def write_table(frame: pd.DataFrame, path: Path) -> Path:
    return _write_atomic(path, frame.to_csv(index=False))


def csv_text(extraction: dict) -> str:
    """The extraction as CSV blocks on one stream, each after a `# <section>` line (the article as one row)."""
    blocks = [("article", pd.DataFrame([{k: _cell(v) for k, v in extraction["article"].items()}]))]
    blocks += [(section, table(extraction, section)) for section in COLUMNS]
    return "".join(f"# {name}\n{frame.to_csv(index=False)}" for name, frame in blocks)


def _write_atomic(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        with open(part, "x", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ---- display ------------------------------------------------------------------------------------------------


class Note:
    """A sentence in the report (escaped: it may quote the article)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        return f'<p class="td-note">{html.escape(self.text)}</p>'

    def __repr__(self) -> str:
        return self.text


class Table:
    """A DataFrame shown in full, every cell HTML-escaped (cells hold article text); with `limit`, its first rows
    and a line saying how many more there are and where (`rest`, e.g. the CSV that holds them all)."""

    def __init__(self, frame: pd.DataFrame, *, limit: int | None = None, rest: str = "the table's file") -> None:
        self.frame, self.limit, self.rest = frame, limit, rest

    def _repr_html_(self) -> str:
        shown = self.frame if self.limit is None else self.frame.head(self.limit)
        page = shown.to_html(index=False, escape=True, na_rep="", border=0, max_rows=None, float_format=_number)
        more = len(self.frame) - len(shown)
        return page + (Note(f"… and {more} more rows in {self.rest}.")._repr_html_() if more > 0 else "")

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def _number(x: float) -> str:
    """24.0 as 24, 1876.0 as 1,876, 6.02512 as 6.0251: a number as a reader writes it."""
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def view(frame: pd.DataFrame, missing: str) -> Table | Note:
    """What a notebook cell shows for a table: all of it, or the sentence `missing` when it has no rows."""
    return Table(frame) if len(frame) else Note(missing)


def section(extraction: dict, name: str) -> Table | Note:
    """One extraction table ready to show, or the sentence that says it is empty."""
    return view(table(extraction, name), MISSING[name])


def claims_view(frame: pd.DataFrame) -> Table | Note:
    """The claims as the report shows them: the verdict beside the claim, the offsets last (claims.csv keeps
    the order of CLAIM_COLUMNS)."""
    first = ["claim", "verdict", "article_value", "data_value", "unit", "subject", "basis", "source"]
    order = [c for c in first if c in frame.columns] + [c for c in frame.columns if c not in first]
    return view(frame[order], MISSING["claims"])
