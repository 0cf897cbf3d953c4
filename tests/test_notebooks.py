"""The notebooks: committed clean, parameterised, and each runnable on the real kernel (the article report's with
their defaults, the corpus report's on a real corpus output)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from analysis.corpus import run_corpus
from analysis.corpus_report import CORPUS_NOTEBOOK
from analysis.paths import KERNEL_NAME, NOTEBOOKS_DIR, ROOT, SEED_ARTICLE
from analysis.report import NOTEBOOKS

PATHS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
ARTICLE_PATHS = [NOTEBOOKS_DIR / name for name in NOTEBOOKS]  # the article report's, in the order it runs them
CORPUS_PATH = NOTEBOOKS_DIR / CORPUS_NOTEBOOK  # the corpus report's one notebook
REQUIRED = {"article_path", "published", "timezone", "out_dir"}
CORPUS_REQUIRED = {"corpus_dir", "out_dir"}


def test_every_notebook_in_the_folder_belongs_to_a_report() -> None:
    assert [p.name for p in PATHS] == sorted([*NOTEBOOKS, CORPUS_NOTEBOOK])
    assert CORPUS_NOTEBOOK not in NOTEBOOKS  # the article report does not run it


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_notebook_is_committed_clean_with_a_parameters_cell(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert code[1].source.startswith(("import ", "from ")), "cell 2 holds the imports"
    assert all(not c.outputs and c.execution_count is None for c in code), "commit notebooks without outputs"
    assert (CORPUS_REQUIRED if path == CORPUS_PATH else REQUIRED) <= set(pm.inspect_notebook(str(path)))
    assert nb.metadata.kernelspec.name == KERNEL_NAME


@pytest.fixture(scope="module")
def lab_out(session_dir: Path) -> Path:
    """One out_dir for the module: 02 and 03 reuse what 01 writes, as they do in a report."""
    return session_dir / "lab"


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=[p.name for p in ARTICLE_PATHS])
def test_notebook_runs_with_its_defaults_from_the_notebooks_folder(path: Path, lab_out: Path, tmp_path: Path) -> None:
    # As in JupyterLab: cwd notebooks/, default article (a repo-relative path); only out_dir is redirected.
    executed = tmp_path / path.name
    pm.execute_notebook(
        str(path),
        str(executed),
        parameters={"out_dir": str(lab_out)},
        kernel_name=KERNEL_NAME,
        progress_bar=False,
        cwd=str(NOTEBOOKS_DIR),
    )
    nb = nbformat.read(executed, as_version=4)
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "text/html" in o.get("data", {})]
    assert shown, "each notebook shows something"
    saved = json.loads((lab_out / "extraction.json").read_text(encoding="utf-8"))
    assert saved["article"]["source"] == str(SEED_ARTICLE)
    assert saved["article"]["published"] == "2025-04-08"


def test_notebooks_declare_their_own_parameters_and_stay_static_by_default() -> None:
    declared = {p.name: pm.inspect_notebook(str(p)) for p in ARTICLE_PATHS}
    assert {name: d["interactive"]["default"] for name, d in declared.items()} == dict.fromkeys(declared, "False")
    assert {"countries", "as_of"} <= set(declared["02_tariff_schedule.ipynb"])
    assert {"market_csv", "series", "window", "benchmark"} <= set(declared["03_market_response.ipynb"])
    assert declared["03_market_response.ipynb"]["window"]["default"] == "5"


PLOTLY = "application/vnd.plotly.v1+json"


def run(path: Path, tmp_path: Path, out_dir: Path, **parameters: object) -> tuple[list[dict], str]:
    """Run one notebook with papermill as a report does; its plotly figures and all its HTML text."""
    executed = tmp_path / path.name
    pm.execute_notebook(
        str(path),
        str(executed),
        parameters={"out_dir": str(out_dir), **parameters},
        kernel_name=KERNEL_NAME,
        progress_bar=False,
        cwd=str(tmp_path),
    )
    outputs = [o for c in nbformat.read(executed, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    figures = [o["data"][PLOTLY] for o in outputs if PLOTLY in o.get("data", {})]
    return figures, "\n".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))


def trace_names(fig: dict) -> list[str]:
    return [t.get("name") for t in fig["data"]]


def test_schedule_notebook_with_chosen_countries_and_day(lab_out: Path, tmp_path: Path) -> None:
    figures, html = run(
        NOTEBOOKS_DIR / "02_tariff_schedule.ipynb", tmp_path, lab_out, countries=["CHN", "JPN"], as_of="2025-04-10"
    )
    ranked, over_time = figures
    assert trace_names(ranked)[-1] == "in force on 10 Apr 2025"
    assert sorted(ranked["data"][1]["y"]) == ["China (CHN)", "Japan (JPN)"]
    assert {"China (CHN)", "Japan (JPN)", "published 08 Apr 2025", "as of 10 Apr 2025"} <= set(trace_names(over_time))
    assert "From 12 Aug 2025 the data cannot say" in html and "Section 232" in html  # the data's gaps, said


def test_market_notebook_on_a_users_file_with_a_short_window(lab_out: Path, tmp_path: Path) -> None:
    csv = Path(__file__).parent / "market_files" / "yahoo_ok.csv"
    figures, html = run(NOTEBOOKS_DIR / "03_market_response.ipynb", tmp_path, lab_out, market_csv=str(csv), window=3)
    levels, returns, car = figures
    assert trace_names(levels)[0] == "yahoo_ok" and trace_names(returns) == ["yahoo_ok daily return"]
    assert "cumulative abnormal return" in trace_names(car)
    assert "Window: 3 trading days" in html and "hold no daily closes for Nikkei 225" in html
    assert "Plain daily returns, no benchmark" in html


def test_market_notebook_with_a_chosen_series_and_its_explorer(lab_out: Path, tmp_path: Path) -> None:
    from analysis import explore
    from analysis.report import merge_notebooks, to_html

    figures, html = run(
        NOTEBOOKS_DIR / "03_market_response.ipynb", tmp_path, lab_out, series="TOPIX", window=3, interactive=True
    )
    assert [trace_names(f)[0] for f in figures] == ["TOPIX", "TOPIX daily return", "band +"]
    assert "Series: TOPIX, as asked" in html and "07 Apr: article: call start" in json.dumps(figures[0])
    executed = nbformat.read(tmp_path / "03_market_response.ipynb", as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    (widget,) = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert explore.OFFLINE in widget["data"]["text/html"]
    page = to_html(merge_notebooks([tmp_path / "03_market_response.ipynb"], title="t"))
    assert explore.OFFLINE.split(":")[0] in page and "widget-view+json" not in page  # a sentence, not a blank widget


# ---- the corpus notebook ------------------------------------------------------------------------------------

# Three fixture articles without a manifest: 005 carries its own dateline (15 Mar 2025, before the schedule's first
# action), 001 and 003 have none. So the notebook has quotes to rank but dates and schedule rates to miss.
CORPUS_ARTICLES = ("001_reuters_pause_china_125", "003_ap_ottawa_carney_autos", "005_eu_wine_threat_countermeasures")


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> Path:
    """A real corpus output (analysis.corpus.run_corpus) of CORPUS_ARTICLES, built once for the module."""
    folder = tmp_path_factory.mktemp("articles")
    for stem in CORPUS_ARTICLES:
        shutil.copy(ROOT / "tests" / "fixtures" / f"{stem}.txt", folder)
    out = tmp_path_factory.mktemp("corpus") / "out"
    assert run_corpus(folder, out_dir=out).articles_ok == len(CORPUS_ARTICLES)
    return out


def test_corpus_notebook_shows_what_it_can_and_says_what_is_missing(corpus_out: Path, tmp_path: Path) -> None:
    figures, html = run(CORPUS_PATH, tmp_path, tmp_path, corpus_dir=str(corpus_out))
    quoted, stances = figures  # no tariff chart: no rate has a schedule rate to set against
    assert quoted["layout"]["title"]["text"] == "Who is quoted most" and trace_names(quoted) == [
        "direct",
        "partial",
        "paraphrase",
    ]
    assert "Donald Trump" in quoted["data"][0]["y"]
    assert stances["layout"]["title"]["text"] == "Each actor's stance over time"
    assert {x[:10] for t in stances["data"] for x in t["x"]} == {"2025-03-15"}  # only the dated article is placed
    assert "3 article files read: 3 extracted. Published 15 Mar 2025; 2 have none." in html
    assert re.search(r"\d+ positions from 2 articles without a publication date are not on the chart", html)
    assert re.search(
        r"None of the \d+ tariff rates stated has a schedule rate to set it against: the article has no publication date \(\d+\); published before the first action",
        html,
    )
    assert "Every article file was extracted." in html
    for name in ("most_quoted", "stances", "tariff_checks"):  # the views, written to out_dir
        assert (tmp_path / "views" / f"{name}.csv").stat().st_size > 100, name
