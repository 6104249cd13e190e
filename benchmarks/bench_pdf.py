"""Time the PDF reader against bare pdfplumber on a 24-page slide deck.

usage: .venv/bin/python benchmarks/bench_pdf.py [--pages N] [--runs R]

Renders a deck with ``tests/pdf_render.py`` (a title page, then slides with a
table and bullets each), then times, median of ``--runs`` runs each:

(a) pdfplumber's ``page.extract_words()`` over every page (the floor: the
    same PDF parsing with no layout analysis);
(b) ``release_parser.parse`` on the file (reading, segmentation, model);
(c) pdfplumber's ``page.extract_tables()`` over every page.

and prints the ratios (b)/(a) and (c)/(a). The product target is (b)/(a) <= 1.5.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pdfplumber

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from pdf_render import Bullet, Heading, Release, Slide, Table, Text, render  # noqa: E402

import release_parser as rp  # noqa: E402

TARGET = 1.5
QUARTERS = ("2Q04", "1Q04", "4Q03", "3Q03", "2Q03")
LINE_ITEMS = ("Total Revenues", "Total Costs", "SG&A Expenses / R&D", "Operating Income (Loss)", "Net Income (Loss)")


def deck(pages: int) -> Release:
    """A release of ``pages`` pages: a title page and ``pages - 1`` slides."""
    slides = []
    for number in range(1, pages):
        rows = tuple(
            (item, tuple(f"{(number * 997 + row * 131 + column * 37) % 20_000:,}" for column in range(len(QUARTERS))))
            for row, item in enumerate(LINE_ITEMS)
        )
        slides.append(
            Slide(
                f"Segment {number} Results",
                (
                    Heading(f"Business line {number}"),
                    Table(header=QUARTERS, rows=rows, title=f"Quarterly Results of Segment {number}"),
                    Bullet(f"Revenue of segment {number} increased compared to 1Q04", "✓", bold=True),
                    Bullet("Costs were contained by the shift to outsourced operations", "- ▶", level=2),
                    Bullet("Gross margin improved on network solutions", "- ▶", level=2),
                    Text("Figures are unaudited and rounded to the nearest million yen."),
                ),
            )
        )
    return Release(
        company="Example Networks Inc.",
        title="Second Quarter Results for the Year Ending March 31, 2005",
        date="November 11, 2004",
        running_header="Example Networks - 2Q FY2004 Results",
        slides=tuple(slides),
    )


def extract_words(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()


def extract_tables(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def parse(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        release = rp.parse(path)
    release.facts  # build the tidy frame too: it is part of what a user gets


def median_seconds(task: Callable[[Path], None], path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=24)
    options.add_argument("--runs", type=int, default=3)
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = render(deck(args.pages), Path(folder) / "deck.pdf", "slides")
        parse(path)  # warm imports and caches once, outside the timings
        words = median_seconds(extract_words, path, args.runs)
        full = median_seconds(parse, path, args.runs)
        tables = median_seconds(extract_tables, path, args.runs)
    print(f"{args.pages}-page slide deck, median of {args.runs} runs")
    print(f"  (a) pdfplumber extract_words  {words:7.3f} s")
    print(f"  (b) release_parser.parse      {full:7.3f} s")
    print(f"  (c) pdfplumber extract_tables {tables:7.3f} s")
    print(f"  (b)/(a) = {full / words:.2f}   (target <= {TARGET})")
    print(f"  (c)/(a) = {tables / words:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
