"""Throughput of ``parse_text`` on the reference sample, and its growth with document size.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_parse.py [--repeat N]``. Figures
are ratios against baselines measured in the same run, interleaved (a baseline run, then the
runs it is compared with, N times over), since machines are noisy and drift:

* parse + facts / read_text: ``parse_text`` and the facts DataFrame against reading the text
  into lines (``read_text``), the floor of any parse; the median over the repetitions of each
  repetition's ratio. Target: <= 4.
* parse only (prose not read) and parse + facts + prose facts, against the same floor;
* docs/s of parse + facts;
* time of a 100x concatenated document vs. 100 times the 1x time (1.0 = linear).
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import release_parser as rp
from release_parser.normalize.text_cache import forget_remembered_texts
from release_parser.readers.text import read_text

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "iij_2q_fy2004_results.txt"
TARGET = 4.0


def seconds(fn: Callable[[], object]) -> float:
    """Wall time of ``fn()``, with no figure remembered from an earlier run: a document never seen."""
    forget_remembered_texts()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs."""
    return statistics.median(seconds(fn) for _ in range(repeat))


def parse_only(text: str) -> rp.Release:
    return rp.parse_text(text, source="bench")


def parse_and_facts(text: str) -> None:
    parse_only(text).facts  # noqa: B018 - the frame a caller reads


def parse_facts_and_prose(text: str) -> None:
    release = parse_only(text)
    release.facts, release.highlights, release.prose_facts  # noqa: B018 - every frame


def interleaved(text: str, repeat: int) -> dict[str, list[float]]:
    """Times of read_text and of each kind of parse, one of each per repetition, in turn."""
    tasks: dict[str, Callable[[], object]] = {
        "read_text": lambda: read_text(text),
        "parse": lambda: parse_only(text),
        "parse + facts": lambda: parse_and_facts(text),
        "parse + all frames": lambda: parse_facts_and_prose(text),
    }
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(repeat):
        for name, task in tasks.items():
            times[name].append(seconds(task))
    return times


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=40, help="interleaved repetitions (default 40)")
    args = options.parse_args()
    text = SAMPLE.read_text(encoding="utf-8")
    warnings.simplefilter("ignore", rp.ReleaseWarning)
    parse_facts_and_prose(text)  # warm caches and imports
    times = interleaved(text, args.repeat)
    floor = times["read_text"]
    print(f"sample: {len(text):,} chars, {len(parse_only(text).facts)} facts; "
          f"median of {args.repeat} interleaved repetitions")
    print(f"  read_text              {statistics.median(floor) * 1000:6.2f} ms")
    for name in ("parse", "parse + facts", "parse + all frames"):
        ratios = [run / base for run, base in zip(times[name], floor)]
        print(f"  {name:22s} {statistics.median(times[name]) * 1000:6.2f} ms  "
              f"= {statistics.median(ratios):5.1f} x read_text")
    ratio = statistics.median(run / base for run, base in zip(times["parse + facts"], floor))
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"parse_text + facts / read_text: {ratio:.1f}x ({verdict} the target <= {TARGET:.0f}x)")
    print(f"parse_text + facts throughput: {1 / statistics.median(times['parse + facts']):,.0f} documents/s")
    one = statistics.median(times["parse + facts"])
    big = "\n\n".join([text] * 100)
    hundred = median_of(lambda: parse_and_facts(big), 3)
    print(f"100x document: {hundred:.2f} s = {hundred / (100 * one):.2f} x (100 x 1x time); 1.00 is linear")


if __name__ == "__main__":
    main()
