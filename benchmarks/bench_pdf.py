"""Time the PDF reader, with each engine, against bare pdfplumber.

usage: .venv/bin/python benchmarks/bench_pdf.py [--pages N] [--runs R] [--real DIR]

Times a rendered slide deck (``tests/pdf_render.py``: a title page, then
``--pages - 1`` slides with a table and bullets each) and every PDF of the
real releases folder (``../shared/real-releases`` when present), in one
process, ``--runs`` rounds each, the tasks interleaved within a round:

(a) pdfplumber's ``page.extract_words()`` over every page (the baseline: the
    same PDF parsing with no layout analysis);
(b) ``release_parser.parse(engine="playa")`` with its facts and highlights;
(c) ``release_parser.parse(engine="pdfplumber")``, the same;
(d) pdfplumber's ``page.extract_tables()`` over every page (the deck only).

and prints per document the median over the rounds of each round's ratio to
(a), then the median of those over the
documents. The target is (b)/(a) <= 0.5.
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
REAL_RELEASES = REPO.parent / "shared" / "real-releases"
sys.path.insert(0, str(REPO / "tests"))

from pdf_render import Bullet, Heading, Release, Slide, Table, Text, render  # noqa: E402

import release_parser as rp  # noqa: E402
from release_parser.normalize.text_cache import forget_remembered_texts  # noqa: E402

TARGET = 0.5
ENGINES = ("playa", "pdfplumber")
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


def parse_with(engine: str) -> Callable[[Path], None]:
    """``rp.parse`` with ``engine``, building the facts and highlights (part of what a user gets)."""

    def parse(path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", rp.ReleaseWarning)
            release = rp.parse(path, engine=engine)
        release.facts
        release.highlights

    parse.__name__ = f"parse_{engine}"
    return parse


def seconds(task: Callable[[Path], None], path: Path) -> float:
    forget_remembered_texts()  # each run reads the document as if never seen
    start = time.perf_counter()
    task(path)
    return time.perf_counter() - start


def time_document(path: Path, runs: int, tables: bool) -> dict[str, float]:
    """Each task's median seconds on ``path``, and each engine's median ratio to ``words``.

    The tasks run interleaved (each once per round, ``runs`` rounds), and each round's
    ratio is taken to the baseline timed in that round, so a machine's drift cancels out.
    Imports and caches are warmed first.
    """
    tasks: dict[str, Callable[[Path], None]] = {"words": extract_words}
    tasks.update({engine: parse_with(engine) for engine in ENGINES})
    if tables:
        tasks["tables"] = extract_tables
    for engine in ENGINES:
        tasks[engine](path)
    rounds = [{name: seconds(task, path) for name, task in tasks.items()} for _ in range(runs)]
    times = {name: statistics.median(timed[name] for timed in rounds) for name in tasks}
    for name in tasks:
        times[f"{name}/words"] = statistics.median(timed[name] / timed["words"] for timed in rounds)
    return times


def report(name: str, seconds: dict[str, float]) -> None:
    words = seconds["words"]
    ratios = "  ".join(f"{engine} {seconds[engine]:6.3f} s = {seconds[engine + '/words']:4.2f}x" for engine in ENGINES)
    print(f"  {name:34} words {words:6.3f} s  {ratios}")


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=24)
    options.add_argument("--runs", type=int, default=3)
    options.add_argument("--real", type=Path, default=REAL_RELEASES)
    args = options.parse_args(argv)
    results: dict[str, dict[str, float]] = {}
    print(f"median of {args.runs} interleaved rounds; ratios to pdfplumber extract_words timed in the same round "
          f"(target playa <= {TARGET}x)")
    with tempfile.TemporaryDirectory() as folder:
        path = render(deck(args.pages), Path(folder) / "deck.pdf", "slides")
        results["deck"] = deck_times = time_document(path, args.runs, tables=True)
    report(f"{args.pages}-page slide deck", deck_times)
    print(f"  {'':34} extract_tables {deck_times['tables']:6.3f} s = {deck_times['tables/words']:4.2f}x")
    for path in sorted(args.real.glob("*.pdf")) if args.real.is_dir() else []:
        results[path.name] = times = time_document(path, args.runs, tables=False)
        report(path.name, times)
    for engine in ENGINES:
        ratio = statistics.median(times[f"{engine}/words"] for times in results.values())
        print(f"median {engine}/words over {len(results)} documents: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
