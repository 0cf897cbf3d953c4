"""A corpus output read back as the tables its report shows: who is quoted most, stances over time, tariff rates
against the schedule.

Every function but `load_corpus` is pure: DataFrames in (the combined tables `analysis.corpus` writes), a
DataFrame or a sentence out, so a test can hand it a few rows and a notebook can show what it returns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .claims import CLAIM_COLUMNS
from .corpus import SECTIONS
from .errors import BadInput
from .tables import COLUMNS, Note, write_table

QUOTE_KINDS = ("direct", "partial", "paraphrase")
VERDICTS = ("match", "mismatch", "not checkable")
DATES_FIX = "give dates with `corpus --manifest` or `--published`"

# What the report says when a view has no rows.
MISSING = {
    "errors": "Every article file was extracted.",
    "quotes": "No article of the corpus attributes words to anyone that the extractor could find.",
    "positions": "No actor's stance on a topic could be read from any article of the corpus.",
    "tariff_checks": "No article of the corpus states a tariff rate, so there is nothing to set against the schedule.",
}


def load_corpus(corpus_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of a corpus output folder: `articles`, `errors` and each section (claims may be absent: empty).

    Raises BadInput for a folder that holds no corpus output (no corpus.json).
    """
    folder = Path(corpus_dir)
    if not (folder / "corpus.json").is_file():
        raise BadInput(
            "not a corpus output folder (no corpus.json)",
            "run `python -m analysis corpus FOLDER --out DIR` first and pass DIR",
            path=folder,
        )
    data = {
        "articles": pd.read_csv(folder / "articles.csv", dtype={"published": "string"}, keep_default_na=False),
        "errors": pd.read_csv(folder / "errors.csv", keep_default_na=False),
    }
    columns = {**COLUMNS, "claims": CLAIM_COLUMNS}
    for section in SECTIONS:
        path = folder / "tables" / f"{section}.parquet"
        data[section] = (
            pd.read_parquet(path)
            if path.is_file()
            else pd.DataFrame(columns=["article_id", "published", *columns[section]])
        )
    return data


def say(text: str | None) -> Note | None:
    """A Note for a notebook cell, or None (the cell shows nothing) when there is nothing to say."""
    return Note(text) if text else None


# ---- articles read ------------------------------------------------------------------------------------------


def articles_read(articles: pd.DataFrame) -> str:
    """One sentence: how many files were read, extracted and not, and the span of publication dates."""
    ok = articles[articles.status.eq("ok")]
    failed = len(articles) - len(ok)
    text = f"{_n(len(articles), 'article file')} read: {len(ok)} extracted"
    text += f", {failed} could not be (listed below)." if failed else "."
    dates = pd.to_datetime(ok.published.replace("", None), errors="coerce").dropna()
    if dates.empty:
        return f"{text} No extracted article has a publication date: {DATES_FIX}."
    span = _day(dates.min()) if dates.min() == dates.max() else f"from {_day(dates.min())} to {_day(dates.max())}"
    undated = f"; {len(ok) - len(dates)} have none" if len(dates) < len(ok) else ""
    return f"{text} Published {span}{undated}."


def article_table(articles: pd.DataFrame) -> pd.DataFrame:
    """articles.csv as the report lists it, failed files included.

    Columns: article_id, status, published, published_from (manifest, argument or article), title, then rows per
    section (actors, quotes, positions, figures, events, claims; blank for a failed file).
    """
    keep = ["article_id", "status", "published", "published_from", "title", *SECTIONS]
    return articles[[c for c in keep if c in articles.columns]].reset_index(drop=True)


# ---- who is quoted most -------------------------------------------------------------------------------------


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    """Corpus actor id → the name to show: the longest the corpus uses (a full name beats a bare surname)."""
    if actors.empty:
        return {}
    rows = actors.assign(length=actors.name.str.len()).sort_values(
        ["length", "mentions"], ascending=False, kind="stable"
    )
    rows = rows.drop_duplicates("corpus_actor_id")
    return dict(zip(rows.corpus_actor_id, rows.name, strict=True))


def most_quoted(quotes: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Who the corpus quotes, most quoted first (then in most articles, then by name).

    Columns: actor (corpus id), name, kind (person, government, …), quotes (all kinds), direct, partial,
    paraphrase (quotes of each kind), articles (how many articles quote them).
    """
    columns = ["actor", "name", "kind", "quotes", *QUOTE_KINDS, "articles"]
    said = quotes.dropna(subset=["corpus_speaker"])
    if said.empty:
        return pd.DataFrame(columns=columns)
    kinds = pd.crosstab(said.corpus_speaker, said.kind).reindex(columns=list(QUOTE_KINDS), fill_value=0)
    kinds.columns.name = None  # else the table grows a header cell "kind" over the index
    frame = kinds.assign(quotes=kinds.sum(axis=1), articles=said.groupby("corpus_speaker").article_id.nunique())
    frame = frame.rename_axis("actor").reset_index()
    names, kind_of = actor_names(actors), _actor_kinds(actors)
    frame["name"] = frame.actor.map(lambda a: names.get(a, a))
    frame["kind"] = frame.actor.map(kind_of)
    frame = frame.sort_values(["quotes", "articles", "name"], ascending=[False, False, True], kind="stable")
    return frame[columns].reset_index(drop=True)


def _actor_kinds(actors: pd.DataFrame) -> dict[str, str]:
    rows = actors.drop_duplicates("corpus_actor_id")
    return dict(zip(rows.corpus_actor_id, rows.kind, strict=True))


# ---- each actor's stance over time --------------------------------------------------------------------------


def stances(positions: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every position with its article's publication date, oldest first (undated last), then by actor name.

    Columns: published (a Timestamp, NaT when the article has no date), article_id, actor (corpus id), name,
    topic, stance (support, oppose, neutral or mixed), summary.
    """
    columns = ["published", "article_id", "actor", "name", "topic", "stance", "summary"]
    if positions.empty:
        return pd.DataFrame(columns=columns)
    names = actor_names(actors)
    frame = positions.assign(
        published=pd.to_datetime(positions.published, errors="coerce"),
        actor=positions.corpus_actor,
        name=positions.corpus_actor.map(lambda a: names.get(a, a)),
    )
    frame = frame.sort_values(["published", "name", "article_id", "topic"], na_position="last", kind="stable")
    return frame[columns].reset_index(drop=True)


def stance_gaps(stances: pd.DataFrame) -> str | None:
    """Why the stance chart is empty (no positions, no dates) or leaves rows out; None when it shows them all."""
    if stances.empty:
        return MISSING["positions"]
    undated = stances[stances.published.isna()]
    if undated.empty:
        return None
    articles = _n(undated.article_id.nunique(), "article")
    if len(undated) == len(stances):
        return f"None of the {articles} with positions has a publication date, so there is no timeline: {DATES_FIX}."
    return f"{_n(len(undated), 'position')} from {articles} without a publication date are not on the chart (they are in the table): {DATES_FIX}."  # fmt: skip


# ---- tariff figures against the schedule --------------------------------------------------------------------


def tariff_checks(claims: pd.DataFrame, figures: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """The claims about a tariff rate (their figure's measure names a tariff, unit percent): the article's rate
    against the schedule's, oldest article first.

    Columns: published (Timestamp or NaT), article_id, subject (the name of whom the rate is about), claim (the
    figure in context), article_value and schedule_value (percent; schedule_value is NaN when the schedule gives
    none), verdict (match, mismatch or not checkable), basis (which schedule row decided, or why none could),
    start, end (the figure's span in its article).
    """
    columns = ["published", "article_id", "subject", "claim", "article_value", "schedule_value", "verdict", "basis"]
    columns += ["start", "end"]
    if claims.empty or figures.empty:
        return pd.DataFrame(columns=columns)
    measures = figures[["article_id", "start", "end", "measure"]].drop_duplicates(["article_id", "start", "end"])
    rows = claims.merge(measures, on=["article_id", "start", "end"], how="left")
    rows = rows[rows.measure.fillna("").str.contains("tariff", case=False) & rows.unit.eq("percent")]
    names = actor_names(actors)
    subject = rows.corpus_subject if "corpus_subject" in rows else rows.subject
    rows = rows.assign(
        published=pd.to_datetime(rows.published, errors="coerce"),
        subject=subject.map(lambda s: names.get(s, s) if isinstance(s, str) else None),
        article_value=pd.to_numeric(rows.article_value, errors="coerce"),
        schedule_value=pd.to_numeric(rows.data_value, errors="coerce"),
        basis=rows.basis if "basis" in rows else None,
    )
    rows = rows.sort_values(["published", "article_id", "start"], na_position="last", kind="stable")
    return rows[columns].reset_index(drop=True)


def verdict_counts(checks: pd.DataFrame) -> pd.DataFrame:
    """How the tariff rates the corpus states compare with the schedule.

    Columns: verdict (match, mismatch, not checkable, in that order), figures (rates with that verdict),
    articles (articles stating at least one). A verdict no rate got is left out.
    """
    if checks.empty:
        return pd.DataFrame(columns=["verdict", "figures", "articles"])
    grouped = checks.groupby("verdict").agg(figures=("claim", "size"), articles=("article_id", "nunique"))
    order = [v for v in VERDICTS if v in grouped.index] + sorted(set(grouped.index) - set(VERDICTS))
    return grouped.loc[order].rename_axis("verdict").reset_index()


def tariff_gaps(checks: pd.DataFrame) -> str | None:
    """Why the tariff chart is empty (no tariff rates, none with a schedule rate) or leaves rates out; else None."""
    if checks.empty:
        return MISSING["tariff_checks"]
    unplaced = checks[checks.schedule_value.isna()]
    if unplaced.empty:
        return None
    reasons = unplaced.basis.fillna("no reason given").value_counts()
    why = "; ".join(f"{reason} ({count})" for reason, count in reasons.items())
    if len(unplaced) == len(checks):
        return f"None of the {_n(len(checks), 'tariff rate')} stated has a schedule rate to set it against: {why}."
    return f"{_n(len(unplaced), 'tariff rate')} with no schedule rate to set against are not on the chart: {why}."


# ---- files --------------------------------------------------------------------------------------------------


def write_views(views: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Each view as out_dir/views/<name>.csv (replaced whole), so the report's tables can be reused as data."""
    return [write_table(frame, Path(out_dir) / "views" / f"{name}.csv") for name, frame in views.items()]


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _day(when: pd.Timestamp) -> str:
    return when.strftime("%d %b %Y")
