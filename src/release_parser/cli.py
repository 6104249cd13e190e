"""The ``release-parser`` command line. The only module that writes to stdout.

Each command collects its options and calls the library; library errors
(:class:`~release_parser.errors.ReleaseParserError`) become one line on stderr
and exit code 1, usage errors exit code 2, an interrupt exit code 130.

Text a document supplies may hold terminal control sequences (ANSI escapes, a
carriage return, bidirectional overrides): what the commands print to the
terminal shows them escaped (``\\x1b[31m``), never acts on them. Files written
with ``--output`` keep the text as it is.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import pandas as pd

from . import __version__, api
from .errors import ReleaseParserError
from .frames import FACT_COLUMNS, HIGHLIGHT_COLUMNS, PROSE_FACT_COLUMNS
from .model import Release
from .normalize.periods import FiscalCalendar, parse_period

__all__ = ["main", "build_parser"]

PROG = "release-parser"

EXAMPLES = """\
examples:
  release-parser parse samples/iij_2q_fy2004_results.txt
  release-parser parse samples/iij_2q_fy2004_results.txt --what facts --format csv
  release-parser ingest samples/ --db sqlite:///releases.db
  release-parser query --db sqlite:///releases.db \\
      "select value from facts where line_item_key = 'total_revenues' and period = '2Q04'"
  release-parser export --db sqlite:///releases.db --parquet out/parquet
  release-parser period 2Q04 --fy-end 3 --naming start
  release-parser check samples/*.txt
  release-parser timeseries revenues --db sqlite:///releases.db --company "Kanto Network Systems Inc."
  release-parser restatements --db sqlite:///releases.db
  release-parser concepts --db sqlite:///releases.db
"""

PARSE_EXAMPLES = """\
examples:
  release-parser parse samples/iij_2q_fy2004_results.txt
  release-parser parse samples/iij_2q_fy2004_results.txt --what tables
  release-parser parse samples/iij_2q_fy2004_results.txt --what facts --format csv
  release-parser parse samples/kns_1h_fy2011_pipe.md --what prose --format json
  release-parser parse samples/iij_2q_fy2004_results.txt --what facts --columns line_item,period,value
  release-parser parse samples/iij_2q_fy2004_results.txt --what facts --format parquet --output facts.parquet
"""

INGEST_EXAMPLES = """\
examples:
  release-parser ingest samples/ --db sqlite:///releases.db
  release-parser ingest 'archive/**/*.pdf' more/release.txt --db releases.db --workers 4
  release-parser ingest archive/ --db postgresql://loader@db.example.com/releases
  release-parser ingest archive/ --db releases.db --parquet out/parquet

Files in folders and patterns are read when they end in .txt, .text, .md or .pdf
(README, LICENSE and hidden files are left out); a file named on its own is
always read. A file already loaded (same content, any name) is skipped, so running
the same command again adds nothing and resumes an interrupted ingest. Files that
fail are listed and kept in the ingest_errors table; the others load.

The exit code is 1 when no file matched, when every file failed, or when the
Parquet files cannot be written; with --strict, also when any file failed.
"""

EXPORT_EXAMPLES = """\
examples:
  release-parser export --db sqlite:///releases.db --parquet out/parquet

Documents missing from the folder, or exported from older rows, are written;
documents the database no longer holds are removed. Running it again writes nothing.
"""

QUERY_EXAMPLES = """\
examples:
  release-parser query --db sqlite:///releases.db \\
      "select value from facts where line_item_key = 'total_revenues' and period = '2Q04'"
  release-parser query --db releases.db "select company, period, source from documents" --format csv
"""

PERIOD_EXAMPLES = """\
examples:
  release-parser period 2Q04 --fy-end 3 --naming start     # IIJ: 2004-07-01..2004-09-30
  release-parser period "First Half of FY2011" --naming start
  release-parser period "nine months ended December 31, 2010" --format json
"""

CHECK_EXAMPLES = """\
examples:
  release-parser check samples/iij_2q_fy2004_results.txt
  release-parser check samples/*.txt --all
  release-parser check samples/kns_3q_fy2006_sec_filing.txt --format csv --output checks.csv

One line per file with its verdict, then each failed check (with --all, every
check). The exit code is 1 when a check failed in any file.
"""

FORMATS = ["table", "csv", "json", "parquet"]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line: ``release-parser ingest: error: ... (see --help)``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _fail(message: str) -> NoReturn:
    raise UsageError(message)


class UsageError(Exception):
    """A wrong combination of options: exit code 2."""


class CommandError(Exception):
    """A command that could not do its job (one line, exit code 1), where the library raised nothing."""


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------


def emit(frame: pd.DataFrame, fmt: str, output: str | None, columns: dict[str, str] | None = None) -> None:
    """Write a frame to stdout or ``output`` as a text table, CSV, JSON records or Parquet."""
    if fmt == "parquet":
        if output is None:
            _fail("--format parquet needs --output PATH")
        from .ingest.parquet import write_frame_file

        if columns is None:
            frame, columns = _declared(frame)
        path = write_frame_file(frame, output, columns)
        print(f"wrote {len(frame)} rows to {path}")
        return
    if fmt == "csv":
        text = frame.to_csv(index=False)
    elif fmt == "json":
        text = frame.to_json(orient="records", date_format="iso", force_ascii=False) + "\n"
    else:
        text = frame.to_string(index=False, max_rows=None, max_colwidth=60, float_format=_plain_number) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote {len(frame)} rows to {output}")


def _plain_number(value: float) -> str:
    """A float as people write it: 10512000000 and 14.4, not 1.051200e+10 and 14.400000."""
    return f"{value:.15g}"


def _kind(column: pd.Series) -> str:
    """The declared column type (as in :mod:`.frames`) that holds ``column``'s values."""
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_integer_dtype(column):
        return "Int64"
    if pd.api.types.is_float_dtype(column):
        return "Float64"
    if pd.api.types.is_datetime64_any_dtype(column) and getattr(column.dtype, "tz", None) is None:
        return "datetime64[ns]"
    return "string"


def _declared(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """A frame of any dtypes (a query's rows) and its declared columns, for Parquet."""
    columns = {str(name): _kind(frame[name]) for name in frame.columns}
    frame = frame.set_axis(list(columns), axis=1)
    kinds = {name: pd.StringDtype() if kind == "string" else kind for name, kind in columns.items()}
    return frame.astype(kinds), columns


#: How many tables and highlights the summary prints in full; the rest are counted.
SUMMARY_TABLES = 5
SUMMARY_HIGHLIGHTS = 10


def _show_summary(release: Release) -> None:
    """The release's metadata, its first tables and first highlights, and where to find the rest."""
    print(repr(release))
    for table in release.tables[:SUMMARY_TABLES]:
        print()
        print(repr(table))
    for table in release.tables[SUMMARY_TABLES:]:
        print(f"\nTable {table.index}: {table.title} ({len(table.line_items)} rows)")
    print()
    bullets = release.bullets
    print(f"Highlights ({len(bullets)})" if bullets else "no highlights")
    section = object()
    for bullet in bullets[:SUMMARY_HIGHLIGHTS]:
        if bullet.section != section:
            section = bullet.section
            print(f"  [{section or 'front page'}]")
        emphasis = "*" if bullet.emphasis else " "
        print(f"  {'  ' * bullet.level}{bullet.marker}{emphasis}{bullet.text}")
    if len(bullets) > SUMMARY_HIGHLIGHTS:
        print(f"  ... {len(bullets) - SUMMARY_HIGHLIGHTS} more: --what highlights lists them all")


# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------


#: Columns of ``parse --what tables`` in csv, json and Parquet: one row per printed cell.
CELL_COLUMNS: dict[str, str] = {
    "table": "Int64", "title": "string", "unit": "string", "scale": "Int64", "row": "Int64", "column": "Int64",
    "line_item": "string", "line_item_key": "string", "column_label": "string", "text": "string",
    "value": "Float64",
}


def _cells_frame(release: Release) -> pd.DataFrame:
    """Every printed cell of every table, with its row's line item and its column's label."""
    from .frames import typed_frame

    records = []
    for table in release.tables:
        for row, (item, cells) in enumerate(zip(table.line_items, table.cells)):
            for column, cell in enumerate(cells):
                if cell is None:
                    continue
                records.append({
                    "table": table.index, "title": table.title, "unit": table.unit, "scale": table.scale,
                    "row": row, "column": column, "line_item": item.label, "line_item_key": item.key,
                    "column_label": table.columns[column].label if column < len(table.columns) else None,
                    "text": cell.raw, "value": cell.number.value if cell.number is not None else None,
                })
    return typed_frame(records, CELL_COLUMNS)


_WHAT_NAMES = {"tables": "tables", "facts": "facts", "highlights": "highlights", "prose": "prose facts"}


def _columns_option(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give column names separated by commas: line_item,period,value")
    return names


def _select(frame: pd.DataFrame, columns: dict[str, str], wanted: list[str] | None, what: str):
    if wanted is None:
        return frame, columns
    unknown = [name for name in wanted if name not in columns]
    if unknown:
        _fail(f"--columns: no column {', '.join(map(repr, unknown))} in {what}; known: {', '.join(columns)}")
    return frame[wanted], {name: columns[name] for name in wanted}


def parse_release(path: str, args: argparse.Namespace) -> Release:
    """``api.parse`` with the errors naming the file and the command's flags."""
    from .errors import EncryptedPDFError

    try:
        return api.parse(path, password=getattr(args, "password", None), max_pages=getattr(args, "max_pages", None))
    except EncryptedPDFError as error:
        if getattr(args, "password", None):
            raise CommandError(f"{path}: the PDF is encrypted and the password given with --password is wrong") \
                from error
        if "pass password=" in str(error):
            raise CommandError(f"{path}: the PDF is encrypted: give its password with --password") from error
        raise
    except ReleaseParserError as error:
        if path not in str(error):
            raise CommandError(f"{path}: {error}") from error
        raise


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.format == "parquet" and args.output is None:
        _fail("--format parquet needs --output PATH")
    if args.what == "summary" and args.format != "table":
        _fail(f"--format {args.format} needs --what tables, facts, highlights or prose")
    if args.what == "summary" and args.columns:
        _fail("--columns needs --what tables, facts, highlights or prose")
    release = parse_release(args.file, args)
    if args.what == "summary":
        _show_summary(release)
        return 0
    if args.what == "tables":
        if args.format == "table" and not args.columns:
            for table in release.tables:
                print(repr(table), end="\n\n")
            if not release.tables:
                print("no tables")
            return 0
        frame, columns = _cells_frame(release), CELL_COLUMNS
    else:
        frame, columns = {
            "facts": (release.facts, FACT_COLUMNS),
            "highlights": (release.highlights, HIGHLIGHT_COLUMNS),
            "prose": (release.prose_facts, PROSE_FACT_COLUMNS),
        }[args.what]
    frame, columns = _select(frame, dict(columns), args.columns, _WHAT_NAMES[args.what])
    if args.format == "table" and frame.empty and args.output is None:
        print(f"no {_WHAT_NAMES[args.what]}")
        return 0
    emit(frame, args.format, args.output, columns)
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    failed = 0
    frames = []
    for path in args.files:
        release = parse_release(path, args)
        checks = release.checks
        failed += int((~checks["passed"]).sum())
        if args.format != "table":
            frames.append(checks.assign(file=path))
            continue
        print(f"{path}: {release.verdict}")
        shown = checks if args.all else checks[~checks["passed"]]
        for row in shown.itertuples(index=False):
            mark = "ok  " if row.passed else "FAIL"
            print(f"  {mark} {row.rule}: table {row.table}, {row.line_item!r} [{row.column}]"
                  f" {row.period if isinstance(row.period, str) else ''}: found {row.found:,.10g},"
                  f" expected {row.expected:,.10g} ± {row.tolerance:,.3g} (lines {row.lines})")
    if frames:
        emit(pd.concat(frames, ignore_index=True), args.format, args.output)
    return 1 if failed else 0


#: ``--db`` values that open a database in memory, gone when the command ends.
_IN_MEMORY = re.compile(r"^(?::memory:|sqlite:///?(?::memory:)?(?:\?.*)?)$")


def _in_memory(db: str | None) -> bool:
    return db is not None and bool(_IN_MEMORY.match(db.strip()))


def _failed_files(errors: pd.DataFrame) -> pd.DataFrame:
    """Rows of ``errors`` that are files or paths that failed (not Parquet exports of loaded files)."""
    return errors[errors["stage"] != "export"]


def _ingest_summary(result, parquet: str | None) -> str:  # noqa: ANN001 - an IngestResult
    counts = result.counts
    target = " and ".join(part for part in (result.db, parquet) if part)
    missing = int((result.errors["stage"] == "find").sum())
    exports = int((result.errors["stage"] == "export").sum())
    reasons = [f"{missing} {'path' if missing == 1 else 'paths'} matching no file"] if missing else []
    reasons += [f"{exports} Parquet {'export' if exports == 1 else 'exports'}"] if exports else []
    why = f" ({', '.join(reasons)})" if reasons else ""
    return (f"ingested {counts.files} files into {target}: {counts.loaded} loaded, "
            f"{counts.skipped} skipped (content already loaded), {counts.failed} failed{why}\n"
            f"  rows: {counts.tables} tables, {counts.facts} facts, {counts.highlights} highlights, "
            f"{counts.prose_facts} prose facts")


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest

    if args.db is None and args.parquet is None:
        _fail("give --db URL, --parquet DIR or both")
    if _in_memory(args.db):
        print(f"{PROG} ingest: warning: --db {args.db} is a database in memory: nothing will be kept "
              f"when the command ends (give a file: --db releases.db)", file=sys.stderr)
    result = ingest(
        args.paths, db=args.db, workers=args.workers, progress=args.progress, parquet=args.parquet, reparse=args.reparse
    )
    try:
        return _report_ingest(args, result)
    finally:
        result.close()


def _report_ingest(args: argparse.Namespace, result) -> int:  # noqa: ANN001 - an IngestResult
    counts, errors = result.counts, result.errors
    if counts.files == 0:
        missing = [f"{row.path} ({row.message.removeprefix(f'{row.path}: ')})"
                   for row in errors.itertuples(index=False) if row.stage == "find"]
        where = "; ".join(missing) or f"{', '.join(args.paths)} (read: .txt, .text, .md, .pdf)"
        raise CommandError(f"no release file matched: {where}")
    print(_ingest_summary(result, args.parquet))
    failed = _failed_files(errors)
    for error in failed.itertuples(index=False):
        message = error.message.removeprefix(f"{error.path}: ")
        print(f"  failed: {error.path}: {error.error_type}: {message}")
    exports = errors[errors["stage"] == "export"]
    if not exports.empty:
        raise CommandError(f"cannot write Parquet under {args.parquet} ({len(exports)} documents not written): "
                            f"{exports['message'].iloc[0]}")
    if args.parquet is not None and args.db is not None and not _in_memory(args.db):
        _export(args.db, args.parquet)
    file_failures = int((failed["stage"] != "find").sum())
    if counts.loaded == 0 and counts.skipped == 0 and file_failures:
        raise CommandError(f"every file failed ({file_failures} of {counts.files}): nothing loaded")
    return 1 if args.strict and counts.failed else 0


def _export(db: str, parquet: str) -> int:
    """Make the Parquet dataset under ``parquet`` hold what ``db`` holds; return its document count."""
    from .ingest import export_parquet
    from .ingest.errors import DatabaseError, IngestError
    from .ingest.parquet_record import read_records

    try:
        export_parquet(db, parquet)
    except DatabaseError:
        raise
    except IngestError as error:
        raise CommandError(f"cannot write Parquet under {parquet}: {error}") from error
    return len(read_records(parquet))


def _cmd_export(args: argparse.Namespace) -> int:
    documents = _export(args.db, args.parquet)
    print(f"exported {args.db} to {args.parquet}: {documents} documents")
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from .ingest import query

    frame = query(args.db, args.sql)
    if args.format == "table" and frame.empty:
        print(f"(no rows; columns: {', '.join(map(str, frame.columns))})")
        return 0
    emit(frame, args.format, args.output)
    return 0


def _month(text: str) -> int:
    try:
        month = int(text)
    except ValueError:
        month = 0
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"the fiscal year's last month must be 1-12, not {text!r}")
    return month


def _cmd_period(args: argparse.Namespace) -> int:
    calendar = FiscalCalendar(args.fy_end, args.naming)
    period = parse_period(args.label, calendar, reference_year=args.reference_year)
    record = {
        "label": period.label,
        "fiscal_year": period.fiscal_year,
        "fiscal_period": period.fiscal_period,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "months": period.months,
        "calendar": calendar.describe(),
    }
    if args.format == "json":
        import json

        print(json.dumps(record, ensure_ascii=False))
    else:
        width = max(map(len, record))
        for key, value in record.items():
            print(f"{key:<{width}}  {value}")
    return 0


# ---------------------------------------------------------------------------
# parser
# ---------------------------------------------------------------------------


def _command(commands, name: str, help_text: str, examples: str) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                                  epilog=examples, formatter_class=argparse.RawDescriptionHelpFormatter)
    command.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                         help="log what happens on stderr (-v: info, -vv: debug)")
    return command


def _log_handler(verbose: int) -> logging.Handler | None:
    """``-v``: the package's info messages on stderr; ``-vv``: debug messages too."""
    if not verbose:
        return None
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO if verbose == 1 else logging.DEBUG)
    return handler


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``release-parser``, with its nine commands."""
    parser = _Parser(
        prog=PROG,
        description="Turn earnings-result releases into tables, facts and highlights, and load many into a database.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log what happens on stderr (-v: info, -vv: debug)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = _command(commands, "parse", "parse one release and print it", PARSE_EXAMPLES)
    parse.add_argument("file", help="a text, markdown or PDF release")
    parse.add_argument("--what", choices=["summary", "tables", "facts", "highlights", "prose"], default="summary",
                       help="what to print (default: summary: metadata, tables and highlights); "
                            "tables in csv, json or parquet: one row per printed cell")
    parse.add_argument("--format", choices=FORMATS, default="table",
                       help="output format (default: table); parquet needs --output")
    parse.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    parse.add_argument("--columns", type=_columns_option, metavar="NAME,...",
                       help="only these columns, in this order (e.g. line_item,period,value)")
    parse.add_argument("--password", help="password of an encrypted PDF")
    parse.add_argument("--max-pages", type=int, metavar="N", help="read at most N pages of a PDF")
    parse.set_defaults(run=_cmd_parse)

    check = _command(commands, "check", "parse releases and check their arithmetic; exit 1 when a check fails",
                     CHECK_EXAMPLES)
    check.add_argument("files", nargs="+", metavar="FILE", help="text, markdown, HTML or PDF releases")
    check.add_argument("--all", action="store_true", help="list every check, not only the failed ones")
    check.add_argument("--format", choices=FORMATS, default="table",
                       help="output format (default: table: a report); csv, json and parquet give every check")
    check.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    check.set_defaults(run=_cmd_check)

    ingest = _command(commands, "ingest", "parse many releases in parallel into a database", INGEST_EXAMPLES)
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (recursive) and glob patterns")
    ingest.add_argument("--db", metavar="URL",
                        help="SQLAlchemy URL (sqlite:///releases.db, postgresql://user@host/db) or a SQLite file")
    ingest.add_argument("--parquet", metavar="DIR",
                        help="also write Parquet files, by company and fiscal year; with --db, the folder then "
                             "holds every document of the database (as the export command writes)")
    ingest.add_argument("--workers", type=int, metavar="N",
                        help="worker processes (default: one per CPU; 0: parse in this process)")
    ingest.add_argument("--no-progress", dest="progress", action="store_false", help="hide the progress bar")
    ingest.add_argument("--strict", action="store_true", help="exit with code 1 when any file failed")
    ingest.add_argument(
        "--reparse", action="store_true", help="parse documents already in --db again and replace their rows"
    )
    ingest.set_defaults(run=_cmd_ingest)

    export = _command(commands, "export", "write what an ingest database holds as a Parquet dataset",
                      EXPORT_EXAMPLES)
    export.add_argument("--db", metavar="URL", required=True, help="SQLAlchemy URL or SQLite file")
    export.add_argument("--parquet", metavar="DIR", required=True,
                        help="folder of the dataset, by company and fiscal year (created when missing)")
    export.set_defaults(run=_cmd_export)

    query = _command(commands, "query", "run a SQL query on an ingest database and print the rows", QUERY_EXAMPLES)
    query.add_argument("sql", help="the SQL statement")
    query.add_argument("--db", metavar="URL", required=True, help="SQLAlchemy URL or SQLite file")
    query.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    query.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")
    query.set_defaults(run=_cmd_query)

    from .cli_series import add_series_commands

    add_series_commands(commands, _command)

    period = _command(commands, "period", "show the dates of a fiscal period label", PERIOD_EXAMPLES)
    period.add_argument("label", help='a period: "2Q04", "Q2 FY2004", "First Half of FY2004", ...')
    period.add_argument("--fy-end", type=_month, default=3, metavar="MONTH",
                        help="last month of the fiscal year, 1-12 (default: 3, March)")
    period.add_argument("--naming", choices=["start", "end"], default="end",
                        help="the fiscal year is named by the calendar year it starts or ends in (default: end)")
    period.add_argument("--reference-year", type=int, metavar="YYYY",
                        help="year of publication, to read two-digit years")
    period.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    period.set_defaults(run=_cmd_period)
    return parser


#: Characters a terminal acts on rather than shows: C0 and C1 controls (tab and newline
#: excepted), DEL, and the bidirectional embeddings, overrides and isolates.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    r"""``text`` with the characters a terminal would act on written as escapes.

    >>> escape_controls("\x1b[31mRevenue\x1b[0m\t10,512\r")
    '\\x1b[31mRevenue\\x1b[0m\t10,512\\x0d'
    """
    return _TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                 else f"\\u{ord(m.group()):04x}", text)


class _EscapingStream:
    """A text stream that writes through :func:`escape_controls` (the rest is the wrapped stream's)."""

    def __init__(self, stream) -> None:  # noqa: ANN001 - any text stream
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str):  # noqa: ANN204 - flush, fileno, encoding, ...
        return getattr(self._stream, name)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """A warning as one line on stderr, without the line of source that raised it."""
    print(f"{PROG}: warning: {' '.join(str(message).split())}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``release-parser`` with ``argv`` (default: the process's arguments); return the exit code.

    While it runs, stdout and stderr escape terminal control characters (:func:`escape_controls`).
    """
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _EscapingStream(stdout), _EscapingStream(stderr)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return _run(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = _log_handler(args.verbose)
    package = logging.getLogger(__package__)
    level = package.level
    if handler is not None:
        package.addHandler(handler)
        package.setLevel(handler.level)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"{PROG} {args.command}: error: {error} (see {PROG} {args.command} --help)", file=sys.stderr)
        return 2
    except (ReleaseParserError, CommandError) as error:
        print(f"{PROG}: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{PROG}: error: {error.filename or ''}{': ' if error.filename else ''}{error.strerror or error}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        resume = " (documents loaded so far are kept: run the same command again to resume)" \
            if args.command == "ingest" else ""
        print(f"{PROG}: interrupted{resume}", file=sys.stderr)
        return 130
    finally:
        if handler is not None:
            package.removeHandler(handler)
            package.setLevel(level)


if __name__ == "__main__":
    sys.exit(main())
