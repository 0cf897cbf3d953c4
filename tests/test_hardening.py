"""Hardening: bad input is refused in one line with nothing written, hostile article text stays text in the
report, a run that fails, is killed, overlaps another or runs too long leaves a clean folder, and `corpus`."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from conftest import ARTICLES, SEED_PUBLISHED, run_cli
from test_report import EXPECTED_FILES, files_under, page_tables

from analysis import tables
from analysis.charts import ReportRenderer
from analysis.errors import BadInput
from analysis.ingest import MAX_ARTICLE_BYTES, check_timezone, parse_published, read_article
from analysis.params import report_folder
from analysis.paths import KERNEL_NAME, NOTEBOOKS_DIR, ROOT, SEED_ARTICLE, SEEDS_DIR
from analysis.report import build_report, to_html
from analysis.runlog import RunResult

try:  # the headless Chromium of test_html_browser.py; without it (a laptop with no chromium) those tests skip
    from test_html_browser import DevTools, browser  # noqa: F401  (browser is a fixture)
except pytest.skip.Exception as exc:
    _why = str(exc)

    @pytest.fixture
    def browser():
        pytest.skip(_why)


MARKET_FILES = Path(__file__).parent / "market_files"
HOSTILE = ARTICLES / "hostile_markup.txt"
STEM = SEED_ARTICLE.stem


# ---- helpers ------------------------------------------------------------------------------------------------


def run_cli_with_notebooks(
    notebooks: list[str | Path], *args: object, timeout: float = 180
) -> subprocess.CompletedProcess:
    """The real CLI (`analysis.cli.main`) in a subprocess, with `notebooks` in place of notebooks/01..03."""
    code = (
        "import json, sys; import analysis.report as r; from analysis.cli import main; "
        "r.NOTEBOOKS = tuple(json.loads(sys.argv[1])); sys.exit(main(sys.argv[2:]))"
    )
    cmd = [sys.executable, "-c", code, json.dumps([str(n) for n in notebooks]), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def write_notebook(path: Path, *sources: str) -> Path:
    """A notebook on the project's kernel: a heading, then one code cell per source."""
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": KERNEL_NAME, "display_name": "Tariff Desk", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}"), *map(nbformat.v4.new_code_cell, sources)]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def failing_copy(name: str, folder: Path, source: str) -> Path:
    """A copy of notebooks/`name` (same file name, in `folder`) with a cell running `source` right after the
    cell that extracts the article, so the run fails once extraction.json has been written to its staging folder."""
    nb = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "extraction =" in c.source)
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell(source))
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under `folder` with its content (size for big files, target for links): to prove nothing changed."""
    seen: dict[str, object] = {}
    for p in sorted(folder.rglob("*")):
        key = p.relative_to(folder).as_posix()
        if p.is_symlink():
            seen[key] = ("link", os.readlink(p))
        elif p.is_file():
            seen[key] = p.stat().st_size if p.stat().st_size > 1_000_000 else p.read_bytes()
        else:
            seen[key] = "dir"
    return seen


def one_error_line(run: subprocess.CompletedProcess) -> str:
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), run.stderr
    return lines[0]


# ---- 1. bad input: exit 2, one line naming the problem and the fix, nothing written ---------------------------


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name

    return make


def _sparse(tmp: Path) -> Path:
    """An article one byte over the limit, made in an instant (a sparse file)."""
    with open(tmp / "huge.txt", "wb") as f:
        f.truncate(MAX_ARTICLE_BYTES + 1)
    return tmp / "huge.txt"


def _seed_named(name: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        shutil.copy(SEED_ARTICLE, tmp / name)
        return tmp / name

    return make


def _out_is_a_file(tmp: Path) -> list:
    (tmp / "out.txt").write_text("not a folder", encoding="utf-8")
    return [SEED_ARTICLE, "--out", tmp / "out.txt"]


def _report_folder_is_a_link(tmp: Path) -> list:
    (tmp / "elsewhere").mkdir()
    (tmp / "links").mkdir()
    (tmp / "links" / STEM).symlink_to(tmp / "elsewhere")
    return [SEED_ARTICLE, "--out", tmp / "links"]


# name → (command, the arguments (a function of tmp_path for files made on the spot), what stderr says)
BAD: dict[str, tuple[str, Callable[[Path], list], str]] = {
    "missing": ("report", lambda t: [t / "no_such.txt"], "article file not found: "),
    "directory": ("report", lambda t: [ARTICLES], "article path is a directory"),
    "empty": ("report", lambda t: [ARTICLES / "empty.txt"], "article file is empty"),
    "whitespace": ("report", lambda t: [ARTICLES / "whitespace.txt"], "article file is empty"),
    "binary": ("report", lambda t: [ARTICLES / "binary.bin"], "binary (it contains NUL bytes)"),
    "nul_in_text": ("report", lambda t: [_file("nul.txt", b"Tariffs rose\x00 24%.")(t)], "contains NUL bytes"),
    "utf16": ("report", lambda t: [_file("utf16.txt", "Tariffs rose 24%.".encode("utf-16"))(t)], "NUL bytes"),
    "not_utf8": ("report", lambda t: [ARTICLES / "not_utf8.txt"], "not UTF-8"),
    "latin1": ("report", lambda t: [_file("latin1.txt", "Tariffs on café imports".encode("latin-1"))(t)], "iconv"),
    "over_50_mb": ("report", lambda t: [_sparse(t)], "is 52 MB, over the 50 MB limit"),
    "device": ("report", lambda t: ["/dev/null"], "not a regular file"),
    "impossible_date": ("report", lambda t: [SEED_ARTICLE, "--published", "2025-02-30"], "not a real date"),
    "month_13": ("report", lambda t: [SEED_ARTICLE, "--published", "2025-13-01"], "use YYYY-MM-DD"),
    "not_a_date": ("report", lambda t: [SEED_ARTICLE, "--published", "yesterday"], "not a real date"),
    "compact_date": ("report", lambda t: [SEED_ARTICLE, "--published", "20250408"], "use YYYY-MM-DD"),
    "week_date": ("report", lambda t: [SEED_ARTICLE, "--published", "2025-W15-2"], "use YYYY-MM-DD"),
    "unknown_zone": ("report", lambda t: [SEED_ARTICLE, "--timezone", "Mars/Olympus_Mons"], "unknown timezone"),
    "zone_folder": ("report", lambda t: [SEED_ARTICLE, "--timezone", "America"], "use an IANA name"),
    "zone_path": ("report", lambda t: [SEED_ARTICLE, "--timezone", "../../etc/passwd"], "unknown timezone"),
    "unknown_parameter": (
        "report",
        lambda t: [SEED_ARTICLE, "-p", "nosuch=1"],
        "no notebook declares the parameter 'nosuch'",
    ),
    "text_for_number": ("report", lambda t: [SEED_ARTICLE, "-p", "top_actors=many"], "must be a whole number"),
    "bool_for_number": ("report", lambda t: [SEED_ARTICLE, "-p", "top_actors=true"], "must be a whole number"),
    "number_for_bool": ("report", lambda t: [SEED_ARTICLE, "-p", "interactive=1"], "must be true or false"),
    "out_dir_parameter": ("report", lambda t: [SEED_ARTICLE, "-p", "out_dir=../../../etc"], "use --out instead"),
    "article_parameter": ("report", lambda t: [SEED_ARTICLE, "-p", "article_path=/etc/passwd"], "use ARTICLE"),
    "not_name_value": ("report", lambda t: [SEED_ARTICLE, "-p", "top_actors"], "expected NAME=VALUE"),
    "timeout_not_a_number": ("report", lambda t: [SEED_ARTICLE, "--execution-timeout", "soon"], "invalid int"),
    "timeout_zero": ("report", lambda t: [SEED_ARTICLE, "--execution-timeout", "0"], "positive number of seconds"),
    "no_article": ("report", lambda t: [], "required: ARTICLE"),
    "out_is_a_file": ("report", _out_is_a_file, "--out is not a folder"),
    "out_in_seeds": ("report", lambda t: [SEED_ARTICLE, "--out", SEEDS_DIR / "reports"], "inside seeds/"),
    "out_in_package": ("report", lambda t: [SEED_ARTICLE, "--out", ROOT / "analysis"], "inside analysis/"),
    "stem_climbs_out": ("report", lambda t: [_seed_named("...txt")(t)], "no usable report folder name ('..')"),
    "stem_hidden": ("report", lambda t: [_seed_named(".story.txt")(t)], "no usable report folder name"),
    "report_folder_is_a_link": ("report", _report_folder_is_a_link, "not a plain folder"),
    "extract_over_50_mb": ("extract", lambda t: [_sparse(t)], "over the 50 MB limit"),
    "extract_week_date": ("extract", lambda t: [SEED_ARTICLE, "--published", "2025-W15-2"], "not a real date"),
    "extract_zone_folder": ("extract", lambda t: [SEED_ARTICLE, "--timezone", "Europe"], "unknown timezone"),
    "extract_out_in_seeds": ("extract", lambda t: [SEED_ARTICLE, "--out", SEEDS_DIR / "x"], "inside seeds/"),
}
BAD_MARKET = {
    "closes_duplicate.csv": "two rows for 2025-04-07",
    "closes_negative.csv": "not a positive number",
    "duplicate_dates.csv": "two rows for",
    "empty.csv": "market file is empty",
    "header_only.csv": "no data rows",
    "missing_columns.csv": "no Date and Close columns",
    "non_numeric.csv": "not a positive number ('n/a'",
    "unsorted.csv": "not in ascending order",
}
for _name, _says in BAD_MARKET.items():
    BAD[f"market_{_name}"] = ("report", lambda t, n=_name: [SEED_ARTICLE, "--market-csv", MARKET_FILES / n], _says)


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_exits_2_with_one_line_and_changes_nothing(tmp_path: Path, case: str) -> None:
    command, make_args, says = BAD[case]
    args = make_args(tmp_path)
    out = ["--out", tmp_path / "out"] if "--out" not in args else []
    if command == "report" and out:  # a previous report in the out root, which must stay as it is
        (tmp_path / "out" / STEM).mkdir(parents=True)
        (tmp_path / "out" / STEM / "report.html").write_text("the previous report", encoding="utf-8")
    before, seeds = snapshot(tmp_path), snapshot(SEEDS_DIR)
    # what these cases would write into the project's inputs or code, should the refusal regress
    strays = [SEEDS_DIR / "reports", SEEDS_DIR / "x", ROOT / "analysis" / STEM, ROOT / "analysis" / f".{STEM}.lock"]
    assert not any(p.exists() for p in strays)

    try:
        run = run_cli(command, *args, *out)
    finally:
        for stray in [*strays, *(ROOT / "analysis").glob(f".{STEM}.tmp-*")]:
            shutil.rmtree(stray) if stray.is_dir() else stray.unlink(missing_ok=True)

    assert run.returncode == 2, run.stderr
    line = one_error_line(run)
    assert says in line, line
    assert " — " in line, f"no fix given: {line}"
    assert run.stdout == ""
    assert snapshot(tmp_path) == before, "something was written"
    assert snapshot(SEEDS_DIR) == seeds


def test_every_good_market_file_is_accepted() -> None:
    from analysis.market import read_market_csv

    for path in sorted(MARKET_FILES.glob("*.csv")):
        if path.name not in BAD_MARKET:
            assert len(read_market_csv(path)), path.name


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2025-04-08", True), (" 2025-04-08 ", True), ("2024-02-29", True), ("2025-02-29", False), ("2025-4-8", False),
     ("20250408", False), ("2025-W15-2", False), ("٢٠٢٥-٠٤-٠٨", False), ("2025-04-08T10:00", False), ("", True)],
)  # fmt: skip
def test_published_is_a_real_yyyy_mm_dd_date(value: str, ok: bool) -> None:
    if ok:
        parse_published(value)
    else:
        with pytest.raises(BadInput, match="not a real date"):
            parse_published(value)


@pytest.mark.parametrize(
    "zone", ["America", "Etc", "posixrules", "utc", "../UTC", "/etc/localtime", "a\x00b", "x" * 300]
)
def test_unknown_time_zones_are_bad_input_not_os_errors(zone: str) -> None:
    with pytest.raises(BadInput, match="unknown timezone"):
        check_timezone(zone)


def test_an_article_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Tariffs rose 24%.", encoding="utf-8")
    monkeypatch.setattr("analysis.ingest.MAX_ARTICLE_BYTES", 8)
    with pytest.raises(BadInput, match="over the 50 MB limit"):
        read_article(path)


def test_relative_notebook_paths_may_not_climb_out_of_the_project() -> None:
    assert tables.resolve("outputs/x") == ROOT / "outputs" / "x"
    assert tables.resolve("/tmp/x") == Path("/tmp/x")
    for climbing in ("../x", "outputs/../../x", "seeds/../../../etc/passwd"):
        with pytest.raises(BadInput, match="leads out of the project folder"):
            tables.resolve(climbing)


def test_the_report_folder_stays_inside_the_out_root(tmp_path: Path) -> None:
    assert report_folder(tmp_path / "a" / "b", "story") == tmp_path / "a" / "b" / "story"
    for stem in ("..", ".", "", ".story"):
        with pytest.raises(BadInput, match="no usable report folder name"):
            report_folder(tmp_path, stem)
    assert not (tmp_path / "a").exists()


@pytest.fixture(scope="module")
def executed_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("papermill")


PAPERMILL_BAD = [
    ("01_article.ipynb", {"published": "2025-02-30"}, "the parameter published is not a real date: '2025-02-30'"),
    ("02_tariff_schedule.ipynb", {"published": "20250408"}, "the parameter published is not a real date"),
    ("03_market_response.ipynb", {"published": "April 8"}, "the parameter published is not a real date"),
    ("01_article.ipynb", {"timezone": "Mars/Base"}, "unknown timezone: 'Mars/Base'"),
    ("01_article.ipynb", {"out_dir": "../../../tmp/td-escape"}, "leads out of the project folder"),
    ("01_article.ipynb", {"article_path": "seeds/no_such.txt"}, "article file not found"),
]


@pytest.mark.parametrize(
    ("name", "bad", "says"), PAPERMILL_BAD, ids=[f"{n[:2]}-{next(iter(b))}" for n, b, _ in PAPERMILL_BAD]
)
def test_a_notebook_run_by_papermill_refuses_bad_parameters_in_its_first_cell(
    executed_dir: Path, tmp_path: Path, name: str, bad: dict, says: str
) -> None:
    out = tmp_path / "out"
    with pytest.raises(pm.PapermillExecutionError) as raised:
        pm.execute_notebook(
            str(NOTEBOOKS_DIR / name),
            str(executed_dir / f"{name}-{next(iter(bad))}.ipynb"),
            parameters={"out_dir": str(out), **bad},
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            cwd=str(NOTEBOOKS_DIR),
        )
    error = raised.value
    source = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    _parameters, _imports, first_use = [i for i, c in enumerate(source.cells) if c.cell_type == "code"][:3]
    assert error.cell_index == first_use + 1, "it fails in the first cell after the imports (+1: the injected cell)"
    executed = nbformat.read(executed_dir / f"{name}-{next(iter(bad))}.ipynb", as_version=4)
    failed = [c for c in executed.cells if any(o.output_type == "error" for o in c.get("outputs", []))]
    assert len(failed) == 1 and failed[0].source == source.cells[first_use].source
    assert error.ename == "BadInput" and says in error.evalue, error.evalue
    assert not out.exists() and not Path("/tmp/td-escape").exists()


# ---- 2. hostile article text: escaped everywhere, no script runs -----------------------------------------------

INJECTED = ("<script>alert(", "<img src=x onerror", "<svg onload", "<iframe src=javascript", '<a href="javascript')


@pytest.fixture(scope="session")
def hostile_report(session_dir: Path) -> RunResult:
    """The report on tests/articles/hostile_markup.txt: scripts, event handlers, javascript: links, Markdown
    and HTML in quotes and names, a 20,000-character line (built once, ~10 s)."""
    return build_report(HOSTILE, published=SEED_PUBLISHED, out_root=session_dir / "hostile")


def test_hostile_text_reaches_the_tables_and_the_page_only_escaped(hostile_report: RunResult) -> None:
    folder = Path(hostile_report.out_dir)
    extraction = json.loads((folder / "extraction.json").read_text(encoding="utf-8"))
    quoted = [q["text"] for q in extraction["quotes"]]
    assert any("<script>alert('quote')</script>" in q for q in quoted), quoted  # the article's markup is data
    html = (folder / "report.html").read_text(encoding="utf-8")
    for raw in INJECTED:
        assert raw not in html, raw
    assert "&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt;" in html or "&lt;script&gt;alert('quote')" in html
    quotes = next(t for t in page_tables(html) if t["header"][:3] == ["speaker", "text", "kind"])
    assert any("<script>alert('quote')</script>" in cell for cell in quotes["cells"])  # shown as text
    # no notebook shows article text through Markdown (nbconvert would render its HTML)
    for path in (folder / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        for o in outputs:
            assert "alert(" not in str(o.get("data", {}).get("text/markdown", "")), path.name


def test_display_helpers_escape_every_cell_header_and_note() -> None:
    nasty = "<script>alert(1)</script><img src=x onerror=alert(2)>**b** [x](javascript:alert(3))"
    frame = tables.pd.DataFrame({nasty: [nasty, None], "n": [1, 2]})
    extraction = {
        "article": {"source": nasty, "title": nasty, "published": None, "timezone": None, "body_chars": 1, "removed": [nasty]},
        "actors": [{"id": "x", "name": nasty, "kind": "person", "title": nasty, "country": None, "mentions": 1, "spans": [[0, 1]]}],
        "quotes": [], "positions": [], "figures": [], "events": [],
    }  # fmt: skip
    shown = [
        tables.Table(frame),
        tables.Note(nasty),
        tables.view(frame, nasty),
        tables.view(frame.iloc[:0], nasty),
        tables.section(extraction, "actors"),
        tables.Table(tables.article_facts(extraction)),
        tables.claims_view(tables.pd.DataFrame({"claim": [nasty], "basis": [nasty]})),
    ]
    for obj in shown:
        html = obj._repr_html_()
        assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html, html


RECORD_DIALOGS = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
  window[name] = (...args) => { window.__dialogs.push([name, ...args.map(String)]); };
}
"""


def open_page(browser, page: Path) -> None:
    for domain in ("Network", "Runtime", "Log", "Page"):
        browser.call(f"{domain}.enable")
    browser.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_DIALOGS)
    browser.call("Page.navigate", url=page.as_uri())
    browser.wait_for("Page.loadEventFired")
    figures = browser.evaluate("document.querySelectorAll('.plotly-graph-div').length")
    deadline = time.monotonic() + 20
    while browser.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg').length") < figures:
        assert time.monotonic() < deadline, "plotly did not draw every figure"
        time.sleep(0.2)


def assert_nothing_ran(browser) -> None:
    """No dialog, no injected element or javascript: link, no exception, no console error."""
    assert browser.evaluate("window.__dialogs") == []
    injected = browser.evaluate(
        """[...document.querySelectorAll('img, iframe, object, embed, body style, main script')]
             .filter(e => e.tagName !== 'SCRIPT' || !e.textContent.includes('Plotly.newPlot('))
             .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert injected == [], injected
    links = browser.evaluate(
        """[...document.querySelectorAll('a')].map(a => a.getAttribute('href')
             || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '').filter(h => /^\\s*javascript:/i.test(h))"""
    )
    assert links == [], links
    assert browser.evaluate("getComputedStyle(document.body).display") != "none"
    browser.call("Runtime.evaluate", expression="1")  # drain the events sent so far
    kinds = {e.get("method") for e in browser.events}
    assert "Page.javascriptDialogOpening" not in kinds
    assert "Runtime.exceptionThrown" not in kinds, [
        e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"
    ]
    console = [e["params"] for e in browser.events if e.get("method") == "Runtime.consoleAPICalled"]
    assert not [c for c in console if c["type"] in ("error", "assert")], console
    logged = [e["params"]["entry"] for e in browser.events if e.get("method") == "Log.entryAdded"]
    assert not [entry for entry in logged if entry["level"] == "error"], logged


def test_the_hostile_report_runs_no_injected_script_in_chromium(browser, hostile_report: RunResult) -> None:
    open_page(browser, hostile_report.report)
    assert_nothing_ran(browser)
    assert browser.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg .trace').length") > 0
    cells = browser.evaluate("[...document.querySelectorAll('table.dataframe td')].map(td => td.textContent)")
    for text in ("<script>alert('quote')</script>", "<img src=x onerror=alert(3)>", "<svg onload=alert(5)>"):
        assert any(text in cell for cell in cells), text  # visible, as text


def test_figures_with_hostile_labels_run_no_script_in_chromium(browser, tmp_path: Path) -> None:
    """Names reach plotly labels and hover text, which plotly renders as its own small HTML: it must stay inert."""
    import plotly.graph_objects as go

    names = [
        "<script>alert(11)</script>",
        '<a href="javascript:alert(12)">click</a>',
        "<img src=x onerror=alert(13)>",
        "<b>bold</b> **md** </script><script>alert(14)</script>",
    ]
    fig = go.Figure(go.Bar(x=[1, 2, 3, 4], y=names, orientation="h", hovertext=names, text=names))
    fig.update_layout(title=names[1], xaxis_title=names[0])
    nb = nbformat.v4.new_notebook()
    cells = [nbformat.v4.new_code_cell("fig"), nbformat.v4.new_code_cell("table")]
    cells[0].outputs = [nbformat.v4.new_output("display_data", ReportRenderer().to_mimebundle(fig.to_dict()))]
    table = tables.Table(tables.pd.DataFrame({"name": names}))
    cells[1].outputs = [nbformat.v4.new_output("execute_result", {"text/html": table._repr_html_()})]
    nb.cells = [nbformat.v4.new_markdown_cell("# Hostile labels"), *cells]
    page = tmp_path / "labels.html"
    page.write_text(to_html(nb), encoding="utf-8")

    open_page(browser, page)
    assert_nothing_ran(browser)
    assert browser.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg .trace').length") > 0


def test_actor_names_show_in_the_chart_as_typed_not_as_markup(browser, tmp_path: Path) -> None:
    """plotly would draw "<b>Li</b>" as a bold "Li" and make <a> a link: the article chart escapes names first."""
    from analysis.charts.article import actor_mentions

    names = ["<b>Li</b> Wei", '<a href="https://example.com">Ann</a> Lee']
    fig = actor_mentions({"actors": [{"name": n, "kind": "person", "mentions": 1} for n in names]})
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("fig")]
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", ReportRenderer().to_mimebundle(fig.to_dict()))]
    page = tmp_path / "actors.html"
    page.write_text(to_html(nb), encoding="utf-8")

    open_page(browser, page)
    ticks = browser.evaluate("Array.from(document.querySelectorAll('.ytick text')).map(t => t.textContent)")
    assert sorted(ticks) == sorted(names)
    assert browser.evaluate("document.querySelectorAll('.ytick a, .ytick [style*=bold]').length") == 0


# ---- 3. failures mid-run ----------------------------------------------------------------------------------


@pytest.fixture
def published_copy(report_dir: Path, tmp_path: Path) -> Path:
    """A copy of the seed's good report in a fresh out root: the 'previous run' a failure must leave alone."""
    folder = tmp_path / "outputs" / report_dir.name
    shutil.copytree(report_dir, folder)
    return folder


def test_a_notebook_that_raises_exits_1_and_keeps_the_last_report(published_copy: Path, tmp_path: Path) -> None:
    before = {
        p: published_copy.joinpath(p).read_bytes() for p in ("report.html", "extraction.json", "tables/actors.csv")
    }
    first = write_notebook(tmp_path / "nbs" / "first.ipynb", "x = 1")
    boom = write_notebook(
        tmp_path / "nbs" / "boom.ipynb", "y = 2", "raise ValueError('the data is <b>wrong</b>')", "z = 3"
    )

    run = run_cli_with_notebooks([first, boom], "report", SEED_ARTICLE, "--out", published_copy.parent)

    assert run.returncode == 1, run.stderr
    line = one_error_line(run)
    kept = published_copy / "notebooks" / "boom.ipynb"
    assert (
        line
        == f"error: notebook boom.ipynb cell 2 failed: ValueError: the data is <b>wrong</b>; the failed notebook is kept at {kept}"
    )
    failed = [c for c in nbformat.read(kept, as_version=4).cells if c.cell_type == "code"]
    assert [[o.ename for o in c.outputs if o.output_type == "error"] for c in failed] == [[], ["ValueError"], []]
    assert not failed[2].get("execution_count")  # the run stopped at the failing cell
    for name, content in before.items():
        assert published_copy.joinpath(name).read_bytes() == content, name  # no partial report
    record = json.loads((published_copy / "run.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed" and record["error"] == line.removeprefix("error: ")
    assert record["outputs"] == ["notebooks/boom.ipynb", "notebooks/first.ipynb", "run.json", "run.log"]
    assert "== boom.ipynb failed at cell 2: ValueError" in (published_copy / "run.log").read_text(encoding="utf-8")
    assert sorted(p.name for p in published_copy.parent.iterdir()) == [f".{STEM}.lock", STEM]


def test_a_cell_over_the_execution_timeout_exits_1_naming_it(tmp_path: Path) -> None:
    slow = write_notebook(tmp_path / "nbs" / "slow.ipynb", "x = 1", "import time\ntime.sleep(120)", "y = 2")
    started = time.monotonic()

    run = run_cli_with_notebooks([slow], "report", SEED_ARTICLE, "--out", tmp_path / "out", "--execution-timeout", 1)

    assert run.returncode == 1, run.stderr
    assert time.monotonic() - started < 60
    kept = tmp_path / "out" / STEM / "notebooks" / "slow.ipynb"
    assert one_error_line(run) == (
        "error: notebook slow.ipynb cell 2 failed: a cell ran longer than 1 s — raise --execution-timeout; "
        f"the failed notebook is kept at {kept}"
    )
    assert files_under(tmp_path / "out" / STEM) == {"notebooks/slow.ipynb", "run.json", "run.log"}
    assert json.loads((tmp_path / "out" / STEM / "run.json").read_text(encoding="utf-8"))["status"] == "failed"


def test_a_missing_kernel_exits_1_in_one_line_before_writing(tmp_path: Path) -> None:
    code = (
        "import sys; import analysis.execute as r; from analysis.cli import main; "
        "r.KERNEL_NAME = 'no-such-kernel'; sys.exit(main(sys.argv[1:]))"
    )
    cmd = [sys.executable, "-c", code, "report", SEED_ARTICLE, "--out", tmp_path / "out"]
    run = subprocess.run(list(map(str, cmd)), capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 1
    assert one_error_line(run) == "error: the Jupyter kernel 'no-such-kernel' is not installed — run `make .venv`"
    assert not (tmp_path / "out").exists()


def test_an_os_error_mid_run_is_one_line_and_exit_1(monkeypatch, capsys) -> None:
    from analysis import cli, report

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device", "/data/outputs/.story.tmp-1234/run.log\nsecond line")

    monkeypatch.setattr(report, "build_report", disk_full)
    assert cli.main(["report", str(SEED_ARTICLE)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "error: No space left on device: /data/outputs/.story.tmp-1234/run.log second line — fix that and run again"
    ]


def _kernels_in(folder: Path) -> list[int]:
    """Processes whose working directory is `folder` (a kernel papermill started there)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and os.readlink(proc / "cwd").startswith(str(folder)):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_a_run_killed_mid_way_leaves_the_last_report_and_the_next_run_cleans_up(published_copy: Path) -> None:
    out = published_copy.parent
    before = snapshot(published_copy)
    cmd = [sys.executable, "-m", "analysis", "report", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", out]
    child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not list(out.glob(f".{STEM}.tmp-*/notebooks")):  # staged, and its first notebook is starting
            assert child.poll() is None and time.monotonic() < deadline, "the run never staged"
            time.sleep(0.02)
        (stage,) = out.glob(f".{STEM}.tmp-*")
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        child.kill()
        child.wait()
    assert snapshot(published_copy) == before  # the published folder is untouched
    deadline = time.monotonic() + 15
    while _kernels_in(stage):  # the kernel notices its parent is gone and quits
        assert time.monotonic() < deadline, "the killed run's kernel outlived it"
        time.sleep(0.2)

    run = run_cli("report", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", out)

    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert sorted(p.name for p in out.iterdir()) == [f".{STEM}.lock", STEM]  # the stale staging folder is gone
    assert files_under(published_copy) == EXPECTED_FILES
    assert not [p for p in published_copy.rglob("*") if ".part" in p.name or ".tmp" in p.name]
    assert json.loads((published_copy / "run.json").read_text(encoding="utf-8"))["status"] == "done"


def _running_cell(paths, index: int) -> bool:
    """Whether the notebook papermill is writing (one of `paths`) shows cell `index` as running."""
    for path in paths:
        try:
            cell = nbformat.read(path, as_version=4).cells[index]
        except Exception:  # not there yet, or caught half-written
            return False
        return cell.metadata.get("papermill", {}).get("status") == "running"
    return False


def test_a_run_stopped_with_sigterm_cleans_up_and_says_so_in_one_line(tmp_path: Path) -> None:
    slow = write_notebook(tmp_path / "nbs" / "slow.ipynb", "x = 1", "import time\ntime.sleep(120)")
    out = tmp_path / "out"
    code = (
        "import json, sys; import analysis.report as r; from analysis.cli import main; "
        "r.NOTEBOOKS = tuple(json.loads(sys.argv[1])); sys.exit(main(sys.argv[2:]))"
    )
    args = [json.dumps([str(slow)]), "report", str(SEED_ARTICLE), "--out", str(out)]
    child = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _running_cell(out.glob(f".{STEM}.tmp-*/notebooks/slow.ipynb"), 2):  # mid-cell, kernel up
            assert child.poll() is None and time.monotonic() < deadline, "the run never reached its slow cell"
            time.sleep(0.05)
        (stage,) = out.glob(f".{STEM}.tmp-*")
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 143
    assert stderr.splitlines() == ["error: terminated (SIGTERM); the last published report, if any, is unchanged"]
    assert sorted(p.name for p in out.iterdir()) == [f".{STEM}.lock"]  # no staging folder, nothing published
    deadline = time.monotonic() + 15
    while _kernels_in(stage):
        assert time.monotonic() < deadline, "the kernel outlived the run"
        time.sleep(0.2)


def test_two_runs_on_one_article_at_once_both_finish_with_one_complete_report(tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    cmd = [sys.executable, "-m", "analysis", "report", SEED_ARTICLE, "--published", SEED_PUBLISHED, "--out", out]
    runs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in "ab"]
    results = [(run.communicate(timeout=300), run.returncode) for run in runs]

    for (stdout, stderr), code in results:
        assert code == 0 and stderr == "", stderr
        assert stdout.strip() == str(out / STEM / "report.html")
    assert sorted(p.name for p in out.iterdir()) == [f".{STEM}.lock", STEM]
    assert files_under(out / STEM) == EXPECTED_FILES
    record = json.loads((out / STEM / "run.json").read_text(encoding="utf-8"))
    assert record["status"] == "done" and record["outputs"] == sorted(EXPECTED_FILES)
    html = (out / STEM / "report.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>") and len([t for t in page_tables(html) if t["cells"]]) >= 5


# ---- 5. the corpus subcommand -----------------------------------------------------------------------------

STORIES = {
    "steel.txt": "Published: 15 Mar 2025\nU.S. Treasury Secretary Scott Bessent said on Friday that tariffs on "
    'Canadian steel would rise to 25% next month.\n"We will not back down," Bessent told reporters.\n',
    "talks.txt": "Japan's chief negotiator Ryosei Akazawa met Scott Bessent in Washington on Thursday.\n"
    '"The talks were productive," Akazawa said. The Nikkei 225 rose 2% on Friday.\n',
}


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_corpus_extracts_a_folder_and_warns_in_one_line_about_bad_files(stories: Path, tmp_path: Path) -> None:
    (stories / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "corpus"
    run = run_cli("corpus", stories, "--published", "2025-04-08", "--out", out)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(out)
    assert run.stderr.splitlines() == [f"warning: 1 of 3 articles could not be extracted — see {out / 'errors.csv'}"]
    assert (out / "corpus.json").is_file() and (out / "tables" / "quotes.csv").is_file()
    assert json.loads((out / "corpus.json").read_text(encoding="utf-8"))["articles_ok"] == 2


def test_corpus_of_only_bad_files_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    run = run_cli("corpus", folder, "--out", tmp_path / "corpus")
    assert run.returncode == 1, run.stderr
    assert one_error_line(run).startswith("error: none of the 1 articles could be extracted")


CORPUS_BAD = {
    "missing_folder": (["{tmp}/nowhere"], "corpus folder not found"),
    "no_match": (["{stories}", "--glob", "*.html"], "no file matches"),
    "manifest_and_date": (["{stories}", "--manifest", "m.csv", "--published", "2025-04-08"], "not allowed with"),
    "bad_date": (["{stories}", "--published", "2025-02-30"], "not a real date"),
    "missing_manifest": (["{stories}", "--manifest", "{tmp}/m.csv"], "manifest not found"),
    "unknown_engine": (["{stories}", "--engine", "spark"], "invalid choice: 'spark'"),
    "zero_workers": (["{stories}", "--workers", "0"], "workers must be"),
    "scheduler_without_dask": (["{stories}", "--scheduler", "127.0.0.1:8786"], "needs the dask engine"),
    "bad_scheduler": (["{stories}", "--engine", "dask", "--scheduler", "not an address"], "bad scheduler address"),
}


@pytest.mark.parametrize("case", sorted(CORPUS_BAD))
def test_corpus_bad_arguments_exit_2_in_one_line(stories: Path, tmp_path: Path, case: str) -> None:
    args, says = CORPUS_BAD[case]
    args = [a.format(tmp=tmp_path, stories=stories) for a in args]
    run = run_cli("corpus", *args, "--out", tmp_path / "corpus")
    assert run.returncode == 2, run.stderr
    assert says in one_error_line(run)
    assert run.stdout == "" and not (tmp_path / "corpus").exists()


def _run_on_a_terminal(*args: object) -> tuple[int, str]:
    """The CLI with stderr on a pseudo-terminal: its return code and what the terminal showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    cmd = [sys.executable, "-m", "analysis", *map(str, args)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=follower, cwd=ROOT)
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        try:
            chunk = os.read(leader, 4096) if ready else b""
        except OSError:  # the child closed the terminal
            chunk = b""
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return proc.wait(timeout=60), shown.decode("utf-8", "replace")


def test_corpus_shows_progress_only_on_a_terminal_and_not_with_quiet(stories: Path, tmp_path: Path) -> None:
    code, shown = _run_on_a_terminal("corpus", stories, "--out", tmp_path / "a")  # the report adds nothing to it
    assert code == 0 and "2/2" in shown and "corpus" in shown, shown
    code, shown = _run_on_a_terminal("corpus", stories, "--out", tmp_path / "b", "--quiet", "--no-report")
    assert code == 0 and shown == "", shown
    piped = run_cli("corpus", stories, "--out", tmp_path / "c", "--no-report")  # stderr is a pipe: no bar
    assert piped.returncode == 0 and piped.stderr == "", piped.stderr


def test_corpus_help_points_at_the_readme() -> None:
    run = run_cli("corpus", "--help")
    assert run.returncode == 0 and run.stdout.rstrip().endswith("Docs: README.md#corpus")
    assert "\n### corpus\n" in (ROOT / "README.md").read_text(encoding="utf-8")
