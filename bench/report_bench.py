"""How far the report is from its floors: seconds against papermill's, HTML bytes against one figure's.

- time: `build_report` on the seed ÷ two floors, each the same number of trivial notebooks (one parameters cell,
  one `1 + 1`) on the same kernel, measured in the same run:
  - the papermill floor: run one after the other with `papermill.execute_notebook`, the plain way to run a set
    of notebooks; kernel start-up and shutdown are most of it. `time_ratio` is against this one;
  - the same-way floor: run by the report's own `run_notebooks` (at the same time, each on its own kernel, the
    later ones waiting for the first after their imports), so it costs what running notebooks costs the report
    when the notebooks do nothing. `time_ratio_same_way` is against this one: what the report's own work costs.
  The report runs its notebooks at the same time on as many kernels, so it gains on the papermill floor by
  concurrency as well as by doing less; the same-way floor gains the same, so it shows only the latter.
- size: the seed's report.html ÷ a one-figure notebook exported by the same `to_html` (plotly.js alone is
  most of that floor).

Each repeat runs the report, then both floors (the median of each is reported). The report runs first, so its
export pays for loading nbconvert, as a `python -m analysis report` does.

Usage: python bench/report_bench.py [--repeat N]   (prints one line per measure, then JSON)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import papermill as pm
from traitlets.config import Config

from analysis.execute import KERNEL_CONFIG, run_notebooks
from analysis.params import ReportParams
from analysis.paths import KERNEL_NAME, SEED_ARTICLE
from analysis.report import NOTEBOOKS, build_report, merge_notebooks, to_html

TRIVIAL = nbformat.v4.new_notebook(
    cells=[nbformat.v4.new_code_cell("x = 0", metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("1 + 1")],
    metadata={"kernelspec": {"name": KERNEL_NAME, "display_name": "Tariff Desk", "language": "python"}},
)
SAME_KERNEL = {"kernel_name": KERNEL_NAME, "progress_bar": False, "config": Config(KERNEL_CONFIG)}
ONE_FIGURE = nbformat.v4.new_notebook(
    cells=[
        nbformat.v4.new_markdown_cell("# One figure"),
        nbformat.v4.new_code_cell(
            "import plotly.graph_objects as go\nfrom analysis import charts\n\n"
            "charts.show(go.Figure(go.Bar(x=['a', 'b'], y=[1, 2])))"
        ),
    ],
    metadata=TRIVIAL.metadata,
)


def seconds(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def papermill_floor(work: Path) -> None:
    work.mkdir(exist_ok=True)
    source = work / "trivial.ipynb"
    nbformat.write(TRIVIAL, source)
    for n in range(len(NOTEBOOKS)):
        pm.execute_notebook(str(source), str(work / f"trivial-{n}.ipynb"), **SAME_KERNEL)


def same_way_floor(work: Path) -> None:
    work.mkdir(exist_ok=True)
    sources = [work / f"trivial-{n}.ipynb" for n in range(len(NOTEBOOKS))]  # one name each, as the report's
    for source in sources:
        nbformat.write(TRIVIAL, source)
    stage = Path(tempfile.mkdtemp(dir=work, prefix="floor-"))
    run_notebooks(sources, ReportParams.check(SEED_ARTICLE, published="2025-04-08"), stage)


def one_figure_html(work: Path) -> int:
    source, executed = work / "one_figure.ipynb", work / "one_figure.out.ipynb"
    nbformat.write(ONE_FIGURE, source)
    pm.execute_notebook(str(source), str(executed), **SAME_KERNEL)
    return len(to_html(merge_notebooks([executed], title="one figure")).encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each timing; the median is reported")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tariff-desk-bench-") as tmp:
        work = Path(tmp)
        report_s, floor_s, same_way_s = [], [], []
        for _ in range(args.repeat):  # interleaved, so a busy moment of the machine weighs on all three alike
            report_s.append(
                seconds(lambda: build_report(SEED_ARTICLE, published="2025-04-08", out_root=work / "outputs"))
            )
            floor_s.append(seconds(lambda: papermill_floor(work / "papermill")))
            same_way_s.append(seconds(lambda: same_way_floor(work / "same-way")))
        report_bytes = (work / "outputs" / SEED_ARTICLE.stem / "report.html").stat().st_size
        floor_bytes = one_figure_html(work)
    report, floor, same_way = (statistics.median(s) for s in (report_s, floor_s, same_way_s))
    result = {
        "report_seconds": round(report, 2),
        "papermill_floor_seconds": round(floor, 2),
        "time_ratio": round(report / floor, 2),
        "same_way_floor_seconds": round(same_way, 2),
        "time_ratio_same_way": round(report / same_way, 2),
        "report_html_bytes": report_bytes,
        "one_figure_html_bytes": floor_bytes,
        "size_ratio": round(report_bytes / floor_bytes, 3),
    }
    print(
        f"report   {report:7.2f} s  vs papermill floor {floor:.2f} s ({len(NOTEBOOKS)} trivial notebooks one after "
        f"the other): x{result['time_ratio']}"
    )
    print(
        f"{'':17}vs same-way floor {same_way:.2f} s ({len(NOTEBOOKS)} trivial notebooks run as the report runs "
        f"its own): x{result['time_ratio_same_way']}"
    )
    print(
        f"html     {report_bytes / 1e6:7.2f} MB vs one-figure page {floor_bytes / 1e6:.2f} MB: x{result['size_ratio']}"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
