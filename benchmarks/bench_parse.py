"""Throughput of ``parse_text`` on the reference sample, and its growth with document size.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_parse.py``. Figures are
reported as ratios against baselines measured in the same run, since machines are noisy:

* docs/s of the full parse (text -> facts and highlights DataFrames);
* full parse vs. reading the text into lines (``read_text``), the floor of any parse;
* time of a 100x concatenated document vs. 100 times the 1x time (1.0 = linear).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import release_parser as rp
from release_parser.readers.text import read_text

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "iij_2q_fy2004_results.txt"


def best_of(fn, repeat: int = 5) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def full_parse(text: str) -> None:
    release = rp.parse_text(text, source="bench")
    release.facts, release.highlights  # noqa: B018 - build the frames too


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    full_parse(text)  # warm caches and imports
    one = best_of(lambda: full_parse(text), repeat=20)
    floor = best_of(lambda: read_text(text), repeat=20)
    big = "\n\n".join([text] * 100)
    hundred = best_of(lambda: full_parse(big), repeat=3)
    print(f"sample: {len(text):,} chars, {len(rp.parse_text(text).facts)} facts")
    print(f"parse_text throughput: {1 / one:,.0f} documents/s ({one * 1000:.1f} ms each)")
    print(f"full parse / read_text floor: {one / floor:.1f}x")
    print(f"100x document: {hundred:.2f} s = {hundred / (100 * one):.2f} x (100 x 1x time); 1.00 is linear")


if __name__ == "__main__":
    main()
