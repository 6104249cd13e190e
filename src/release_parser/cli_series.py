"""The commands about one metric across releases: ``timeseries``, ``restatements``, ``concepts``.

Each reads either an ingest database (``--db URL``) or release files parsed on the spot.
"""

from __future__ import annotations

import argparse

import pandas as pd

from . import cli
from .series import FREQUENCIES, line_items, restatements, timeseries

__all__ = ["add_series_commands"]

TIMESERIES_EXAMPLES = """\
examples:
  release-parser timeseries revenues --db sqlite:///releases.db --company "Kanto Network Systems Inc."
  release-parser timeseries operating_income samples/kns_*.txt samples/kns_*.md --freq year --format csv
  release-parser timeseries revenues --db releases.db --measure yoy_pct

One row per period: the figure from the latest release that reports it, its amount in
the unit's base (JPY, not JPY millions), and whether a later release restated it.
"""

RESTATEMENTS_EXAMPLES = """\
examples:
  release-parser restatements --db sqlite:///releases.db
  release-parser restatements --db releases.db --concept revenues --format csv
"""

CONCEPTS_EXAMPLES = """\
examples:
  release-parser concepts                                # the rules: line-item keys -> concept
  release-parser concepts --db sqlite:///releases.db     # every concept and line item, with counts
  release-parser concepts samples/kns_1h_fy2011_pipe.md
"""

#: Columns ``timeseries`` prints in a text table; csv, json and Parquet give them all.
_SERIES_SHOWN = ["period", "fiscal_year", "period_start", "period_end", "value", "unit", "scale", "amount",
                 "published", "restated", "previous_amount", "conflicting"]


def add_series_commands(commands, command) -> None:  # noqa: ANN001 - argparse's subparsers, cli._command
    """Add ``timeseries``, ``restatements`` and ``concepts`` to ``commands``."""
    series = command(commands, "timeseries", "one concept across releases: the latest value of each period",
                     TIMESERIES_EXAMPLES)
    series.add_argument("concept", help="a concept (revenues, operating_income, ...) or a line-item key")
    _source_arguments(series)
    series.add_argument("--measure", default="value", help="value (default), yoy_pct, qoq_pct, target, ...")
    series.add_argument("--freq", choices=sorted(set(FREQUENCIES)), metavar="KIND",
                        help="quarter, half, nine_months, year or instant (default: the kind most reported)")
    series.add_argument("--company", help="the company, when the source holds several")
    series.add_argument("--unit", help="the unit (default: the one most figures are in)")
    _output_arguments(series)
    series.set_defaults(run=_cmd_timeseries)

    changes = command(commands, "restatements", "list every period whose figure changed between releases",
                      RESTATEMENTS_EXAMPLES)
    _source_arguments(changes)
    changes.add_argument("--concept", help="only this concept")
    changes.add_argument("--company", help="only this company")
    _output_arguments(changes)
    changes.set_defaults(run=_cmd_restatements)

    concepts = command(commands, "concepts", "list the concept rules, or the concepts and line items of releases",
                       CONCEPTS_EXAMPLES)
    _source_arguments(concepts, required=False)
    _output_arguments(concepts)
    concepts.set_defaults(run=_cmd_concepts)


def _source_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="release files to parse (or give --db)")
    parser.add_argument("--db", metavar="URL", help="an ingest database: SQLAlchemy URL or SQLite file")
    parser.set_defaults(source_required=required)


def _output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=cli.FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of stdout")


def _source(args: argparse.Namespace):  # noqa: ANN202 - a database URL or releases
    if args.db and args.files:
        raise cli.UsageError("give release files or --db, not both")
    if args.db:
        return args.db
    if not args.files:
        if args.source_required:
            raise cli.UsageError("give release files or --db URL")
        return None
    return [cli.parse_release(path, args) for path in args.files]


def _show(frame: pd.DataFrame, args: argparse.Namespace, shown: list[str] | None, empty: str) -> int:
    if args.format == "table" and args.output is None:
        if frame.empty:
            print(empty)
            return 0
        frame = frame.reset_index(drop=True)[shown] if shown else frame
    cli.emit(frame.reset_index(drop=True), args.format, args.output)
    return 0


def _cmd_timeseries(args: argparse.Namespace) -> int:
    try:
        frame = timeseries(_source(args), args.concept, measure=args.measure, freq=args.freq, company=args.company,
                           unit=args.unit)
    except ValueError as error:  # several companies: the flag to give is --company
        raise cli.UsageError(str(error).replace("pass company=", "give --company NAME")) from error
    return _show(frame, args, _SERIES_SHOWN, f"no {args.measure} of {args.concept!r} with a period")


def _cmd_restatements(args: argparse.Namespace) -> int:
    frame = restatements(_source(args), args.concept, company=args.company)
    return _show(frame, args, None, "no restatements")


def _cmd_concepts(args: argparse.Namespace) -> int:
    from .concepts import concepts

    source = _source(args)
    frame = concepts() if source is None else line_items(source)
    return _show(frame, args, None, "no line items")
