"""How far the report is from its floors: seconds against papermill's, HTML bytes against one figure's.

- time: `build_report` on the seed ÷ running the same number of trivial notebooks (one parameters cell, one
  `1 + 1`) with papermill on the same kernel, one after the other (kernel start-up dominates that floor);
- size: the seed's report.html ÷ a one-figure notebook exported by the same `to_html` (plotly.js alone is
  most of that floor).

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

from analysis.paths import KERNEL_NAME, SEED_ARTICLE
from analysis.report import KERNEL_CONFIG, NOTEBOOKS, build_report, merge_notebooks, to_html

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
    source = work / "trivial.ipynb"
    nbformat.write(TRIVIAL, source)
    for n in range(len(NOTEBOOKS)):
        pm.execute_notebook(str(source), str(work / f"trivial-{n}.ipynb"), **SAME_KERNEL)


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
        report_s = [
            seconds(lambda: build_report(SEED_ARTICLE, published="2025-04-08", out_root=work / "outputs"))
            for _ in range(args.repeat)
        ]
        floor_s = [seconds(lambda: papermill_floor(work)) for _ in range(args.repeat)]
        report_bytes = (work / "outputs" / SEED_ARTICLE.stem / "report.html").stat().st_size
        floor_bytes = one_figure_html(work)
    result = {
        "report_seconds": round(statistics.median(report_s), 2),
        "papermill_floor_seconds": round(statistics.median(floor_s), 2),
        "time_ratio": round(statistics.median(report_s) / statistics.median(floor_s), 2),
        "report_html_bytes": report_bytes,
        "one_figure_html_bytes": floor_bytes,
        "size_ratio": round(report_bytes / floor_bytes, 3),
    }
    print(
        f"report   {result['report_seconds']:7.2f} s  vs papermill floor {result['papermill_floor_seconds']:.2f} s "
        f"({len(NOTEBOOKS)} trivial notebooks): x{result['time_ratio']}"
    )
    print(
        f"html     {report_bytes / 1e6:7.2f} MB vs one-figure page {floor_bytes / 1e6:.2f} MB: x{result['size_ratio']}"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
