"""The command line: `python -m analysis extract|report|corpus ...`, a thin layer over the library.

Each subcommand is a pair: `x_cli(args)` parses and prints, the library function it calls returns data.
Only this module turns an AnalysisError into one stderr line and an exit status, and configures logging.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
from pathlib import Path
from typing import NoReturn

from .errors import AnalysisError

log = logging.getLogger("analysis")


def extract_cli(args: argparse.Namespace) -> int:
    from . import tables
    from .extract import extract_article

    if args.out is not None:
        from .params import check_out_root

        check_out_root(args.out)
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


def corpus_cli(args: argparse.Namespace) -> int:
    from .corpus import run_corpus

    if not args.no_report:
        from .execute import check_kernel

        check_kernel()  # before the extraction, which may take long, not after it
    result = run_corpus(
        args.folder,
        glob=args.glob,
        manifest=args.manifest,
        published=args.published,
        out_dir=args.out,
        engine=args.engine,
        scheduler=args.scheduler,
        workers=args.workers,
        progress=sys.stderr.isatty() and not args.quiet,
    )
    if result.articles_ok and not args.no_report:
        from .corpus_report import build_corpus_report

        build_corpus_report(result.out_dir)  # NotebookFailed: exit 1, the failed notebook kept in notebooks/
    total = result.articles_ok + result.articles_failed
    errors = result.out_dir / "errors.csv"
    if not result.articles_ok:
        print(f"error: none of the {total} articles could be extracted — see {errors}", file=sys.stderr)
    elif result.articles_failed:
        failed = f"{result.articles_failed} of {total} articles could not be extracted"
        print(f"warning: {failed} — see {errors}", file=sys.stderr)
    print(result.out_dir)
    return result.exit_code()


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one stderr line (what is wrong, and where the help is), exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, _one_line(f"error: {message} — see `{self.prog} --help`") + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m analysis",
        description="Turn a news article about trade policy into sourced tables and an offline HTML report.",
        epilog="exit status: 0 done, 2 bad input (nothing written), 1 a notebook failed (corpus: no article "
        "extracted)\n\nDocs: README.md#the-cli",
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

    corpus = commands.add_parser(
        "corpus",
        help="extract every article of a folder into one table per section, and report on them",
        description="Extract every file of FOLDER matching --glob and write combined tables (parquet and csv), "
        "articles.csv, errors.csv and corpus.json under --out. A file that cannot be read goes to errors.csv "
        "and the batch goes on. Then run notebooks/corpus.ipynb on those tables with papermill and add "
        "report.html (who is quoted most, each actor's stance over time, tariff rates against the schedule), "
        "views/*.csv, notebooks/, run.log and run.json to --out; --no-report skips this. Prints the output folder.",
        epilog="exit status: 0 at least one article extracted, 1 none, or the corpus notebook failed (named "
        "with its cell; the failed notebook is kept in notebooks/), 2 bad arguments (nothing written)\n\n"
        "Docs: README.md#corpus",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    corpus.add_argument("folder", type=Path, metavar="FOLDER", help="a folder of article files")
    corpus.add_argument("--glob", default="*.txt", metavar="PATTERN", help="files of FOLDER to read (default: *.txt)")
    dates = corpus.add_mutually_exclusive_group()
    dates.add_argument(
        "--manifest", type=Path, metavar="FILE", help="CSV path,published[,timezone]: each article's date"
    )
    dates.add_argument("--published", metavar="YYYY-MM-DD", help="one publication date for every article")
    corpus.add_argument(
        "--out", type=Path, default=Path("outputs/corpus"), metavar="DIR", help="default: outputs/corpus"
    )
    corpus.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="local (default): this process; dask: a cluster"
    )
    corpus.add_argument("--scheduler", metavar="HOST:PORT", help="a running Dask scheduler (default: a local cluster)")
    corpus.add_argument(
        "--workers", type=int, default=2, metavar="N", help="workers of the local Dask cluster (default 2)"
    )
    corpus.add_argument(
        "--no-report", action="store_true", help="write the tables only: no report.html (extraction-only batch runs)"
    )
    corpus.add_argument("-q", "--quiet", action="store_true", help="no progress bar (it shows only on a terminal)")
    corpus.set_defaults(func=corpus_cli)
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


class Terminated(BaseException):
    """SIGTERM (a scheduler's timeout, a shutdown): unwinds like Ctrl-C, so the staging folder and kernel go."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.func(args)
    except AnalysisError as exc:
        print(_one_line(f"error: {exc}"), file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # the disk is full, a folder vanished mid-run, …: still one line, exit 1
        where = f": {exc.filename}" if exc.filename else ""
        print(_one_line(f"error: {exc.strerror or exc}{where} — fix that and run again"), file=sys.stderr)
        log.info("details", exc_info=True)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("error: terminated (SIGTERM); the last published report, if any, is unchanged", file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)


def _configure_logging(verbose: bool) -> None:
    """Our warnings always, our progress with -v; what papermill, nbclient and the kernel log only with -v."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(lambda record: verbose or record.name.partition(".")[0] == "analysis")
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    log.setLevel(logging.INFO if verbose else logging.WARNING)


def _one_line(text: str) -> str:
    """Every line break (a path or an error may hold one) becomes a space: a failure is one stderr line."""
    return " ".join(text.splitlines())
