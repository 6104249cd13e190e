"""The ``release-parser`` command line. The only module that writes to stdout."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import api
from .errors import ReleaseParserError
from .model import Release

__all__ = ["main"]

EXAMPLES = """\
examples:
  release-parser parse samples/iij_2q_fy2004_results.txt
  release-parser parse samples/iij_2q_fy2004_results.txt --what facts --format csv
"""


def _show_summary(release: Release) -> None:
    print(repr(release))
    for table in release.tables:
        print()
        print(repr(table))
    print()
    print(f"Highlights ({len(release.bullets)})")
    section = object()
    for bullet in release.bullets:
        if bullet.section != section:
            section = bullet.section
            print(f"  [{section or 'front page'}]")
        emphasis = "*" if bullet.emphasis else " "
        print(f"  {'  ' * bullet.level}{bullet.marker}{emphasis}{bullet.text}")


def _cmd_parse(args: argparse.Namespace) -> int:
    release = api.parse(args.file, password=args.password, max_pages=args.max_pages)
    if args.what == "summary":
        _show_summary(release)
        return 0
    frame = {"facts": release.facts, "highlights": release.highlights}.get(args.what)
    if frame is None:  # tables
        for table in release.tables:
            print(repr(table), end="\n\n")
        return 0
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        print(frame.to_string(max_rows=None, max_colwidth=60))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="release-parser",
        description="Turn earnings-result releases into tables, facts and highlights.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse one release and print it", epilog=EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    parse.add_argument("file")
    parse.add_argument("--what", choices=["summary", "tables", "facts", "highlights"], default="summary")
    parse.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parse.add_argument("--password")
    parse.add_argument("--max-pages", type=int)
    parse.set_defaults(run=_cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ReleaseParserError as error:
        print(f"release-parser: error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
