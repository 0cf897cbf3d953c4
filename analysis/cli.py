"""The command line: `python -m analysis extract|report ...`, a thin layer over the library.

Each subcommand is a pair: `x_cli(args)` parses and prints, the library function it calls returns data.
Only this module turns an AnalysisError into one stderr line and an exit status, and configures logging.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from .errors import AnalysisError

log = logging.getLogger("analysis")


def extract_cli(args: argparse.Namespace) -> int:
    from . import tables
    from .extract import extract_article

    if args.out is not None:
        tables.run_extraction(args.article, published=args.published, timezone=args.timezone, out_dir=args.out)
        log.info("wrote %s/extraction.json and %s/tables/*.csv", args.out, args.out)
        return 0
    extraction = extract_article(args.article, published=args.published, timezone=args.timezone)
    if args.format == "json":
        print(json.dumps(extraction, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(tables.csv_text(extraction))
    return 0


def report_cli(args: argparse.Namespace) -> int:
    from .report import build_report

    result = build_report(
        args.article,
        published=args.published,
        timezone=args.timezone,
        out_root=args.out,
        market_csv=args.market_csv,
        execution_timeout=args.execution_timeout,
        parameters=dict(args.parameter),
    )
    print(result.report)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Turn a news article about trade policy into sourced tables and an offline HTML report.",
        epilog="exit status: 0 done, 2 bad input (nothing written), 1 a notebook failed\n\nDocs: README.md#the-cli",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="print the extraction of one article (actors, quotes, positions, figures, events)",
        description="Print the extraction of one article: JSON (the contract's six sections) or CSV blocks.",
        epilog="Docs: README.md#extract",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _article_options(extract)
    extract.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json (default): one object, indent 2; csv: each section after a '# section' line",
    )
    extract.add_argument(
        "--out", type=Path, metavar="DIR", help="write DIR/extraction.json and DIR/tables/*.csv instead of printing"
    )
    extract.set_defaults(func=extract_cli)

    report = commands.add_parser(
        "report",
        help="run the notebooks on one article and publish outputs/<stem>/report.html",
        description="Run notebooks/01..03 on one article with papermill and publish OUT/<article stem>/ "
        "(report.html, extraction.json, tables/, executed notebooks/, run.log, run.json). "
        "Prints the path of report.html.",
        epilog="Docs: README.md#report",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _article_options(report)
    report.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR", help="default: outputs/")
    report.add_argument(
        "--execution-timeout", type=int, metavar="SECONDS", help="fail a notebook cell that runs longer than this"
    )
    report.add_argument(
        "--market-csv", type=Path, metavar="FILE", help="daily closes to use instead of the bundled ones"
    )
    report.add_argument(
        "-p",
        "--parameter",
        type=_name_value,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a further notebook parameter, e.g. -p top_actors=10 (VALUE read as JSON, else as text)",
    )
    report.set_defaults(func=report_cli)
    return parser


def _article_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="a UTF-8 text file holding one news article")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (else read from the article)")
    parser.add_argument("--timezone", metavar="ZONE", help="IANA zone for times, e.g. Asia/Tokyo")


def _name_value(text: str) -> tuple[str, object]:
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        return args.func(args)
    except AnalysisError as exc:
        print(f"error: {exc}".replace("\n", " "), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
