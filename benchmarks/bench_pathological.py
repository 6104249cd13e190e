"""Hostile documents: time at n and 2n (ratio 2.0 is linear), and the bounds of hostile PDFs.

usage: .venv/bin/python benchmarks/bench_pathological.py [--n CHARS] [--only-large]

Reports, all measured in this run:

* each large document of ``tests/large_documents.py`` (8,000 cells on one line,
  20,000 bullets, a 20,000-row table, a 1.6 MB line, bullets nested 4,000 deep)
  parsed at a quarter, half and all of that size, with the time ratio per
  doubling of the size and per doubling of the document's characters (the
  outline's lines grow with its depth); the target is <= 2.3 per doubling;
* the facts frame of the large table, whose checks (``checks/totals.py``) are
  measured apart at smaller sizes;
* each hostile text document of ``tests/pathological.py`` parsed at ``n`` and
  ``2n`` characters of its hostile part, and the ratio of the two times;
* a 200 MB inflating PDF (a compressed stream of blanks): time to refusal and the
  peak memory of the process that reads it, against the same process's peak
  before reading;
* a 16 KB PDF with 1.7 million drawing operators, read with ``timeout=5``;
* the reference sample read through ``parse(path)`` (regular-file check, capped
  read) against the same parse with the file opened and read whole, unchecked.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from large_documents import LARGE_DOCUMENTS, table_rows  # noqa: E402
from pathological import DOCUMENTS, parse_document  # noqa: E402

import release_parser as rp  # noqa: E402

SAMPLE = REPO / "samples" / "iij_2q_fy2004_results.txt"
#: Time ratio per doubling of a document that the parser must stay under (2.0 is linear).
DOUBLING_TARGET = 2.3
#: A run shorter than this is repeated (the fastest of two counts), longer ones run once.
_REPEAT_BELOW_SECONDS = 2.0

_PDF_PROBE = """
import json, resource, sys, time, warnings
sys.path.insert(0, {tests!r})
from pdf_bytes import PdfPage, build_pdf, deflate_chunks, text_content
import release_parser as rp
lines = ["Summary of Results", "Revenue   10,512   8,675"]
if sys.argv[1] == "bomb":
    pdf = build_pdf([PdfPage(deflate_chunks([text_content(lines) + b"\\n", *([b" " * (1 << 20)] * 200)]), compressed=True)])
    options = {{}}
else:
    strokes = b"0 0 m 1 1 l S\\n" * 1000
    pdf = build_pdf([PdfPage(deflate_chunks([text_content(lines) + b"\\n", *([strokes] * 567)]), compressed=True)])
    options = {{"timeout": 5}}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    rp.parse(pdf, **options)
    outcome = "read"
except rp.ReleaseParserError as error:
    outcome = type(error).__name__
seconds = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"bytes": len(pdf), "outcome": outcome, "seconds": seconds,
                  "peak_mib": after / 1024, "peak_before_mib": before / 1024}}))
"""


def _seconds(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _parse_large(text: str) -> None:
    """Parse a large text and read the frames the parser itself builds (facts apart: see below)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        release = rp.parse_text(text, source="large", max_chars=len(text) + 1)
        release.highlights, release.prose_facts  # noqa: B018 - prose is read on first use


def _facts_of(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rp.parse_text(text, source="large", max_chars=len(text) + 1).facts  # noqa: B018


def _timed(run, text: str) -> float:
    gc.collect()  # the garbage of the run before is not this run's to collect
    once = _seconds(lambda: run(text), 1)
    return min(once, _seconds(lambda: run(text), 1)) if once < _REPEAT_BELOW_SECONDS else once


def _scaling(name: str, build, sizes: tuple[int, ...], run=_parse_large) -> list[float]:
    """Times at each size; prints the ratio per doubling of the size and of the characters."""
    texts = [build(size) for size in sizes]
    times = [_timed(run, text) for text in texts]
    per_size = [later / earlier for earlier, later in zip(times, times[1:])]
    per_chars = [
        2 ** (math.log(later / earlier) / math.log(len(big) / len(small)))
        for (earlier, later), (small, big) in zip(zip(times, times[1:]), zip(texts, texts[1:]))
    ]
    worst = max(per_chars)
    print(f"  {name:26s} " + "  ".join(f"{size:>9,} {t:7.2f} s" for size, t in zip(sizes, times))
          + "  per doubling: " + ", ".join(f"{r:.2f}" for r in per_size)
          + "  per doubling of chars: " + ", ".join(f"{r:.2f}" for r in per_chars)
          + ("" if worst <= DOUBLING_TARGET else "  ABOVE TARGET"))
    return per_chars


def large_documents() -> None:
    print(f"large documents at 1/4, 1/2 and all of their size (target <= {DOUBLING_TARGET} per doubling; 2.00 is linear):")
    for name, (build, size) in LARGE_DOCUMENTS.items():
        _scaling(name, build, (size // 4, size // 2, size))
    print("  facts frame of a table (its checks, checks/totals.py, measured apart):")
    _scaling("table rows, facts frame", table_rows, (250, 500, 1_000), run=_facts_of)


def documents(n: int) -> None:
    print(f"hostile text documents, hostile part of {n:,} and {2 * n:,} characters (ratio 2.00 is linear):")
    for name, build in DOCUMENTS.items():
        small_text, big_text = build(n), build(2 * n)
        small = _seconds(lambda: parse_document(small_text), 2)
        big = _seconds(lambda: parse_document(big_text), 2)
        print(f"  {name:32s} {small:7.3f} s  {big:7.3f} s  ratio {big / small:5.2f}")


def pdfs() -> None:
    for kind, label in (("bomb", "200 MB inflating PDF"), ("operators", "1.7 M operator PDF, timeout=5")):
        probe = subprocess.run([sys.executable, "-c", _PDF_PROBE.format(tests=str(REPO / "tests")), kind],
                               capture_output=True, text=True, check=True)
        found = json.loads(probe.stdout.strip().splitlines()[-1])
        print(f"{label}: {found['bytes']:,} bytes -> {found['outcome']} in {found['seconds']:.2f} s; "
              f"peak RSS {found['peak_mib']:.0f} MiB (before reading: {found['peak_before_mib']:.0f} MiB)")


def reference() -> None:
    from release_parser.api import parse_layout
    from release_parser.readers import read_bytes

    def unguarded() -> None:  # the loading of before: open, read whole, no checks
        with open(SAMPLE, "rb") as handle:
            parse_layout(read_bytes(handle.read(), source=str(SAMPLE)))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rp.parse(SAMPLE)
        guarded, plain = [], []
        for _ in range(30):  # interleaved, so drifts of the machine hit both
            guarded.append(_seconds(lambda: rp.parse(SAMPLE), 1))
            plain.append(_seconds(unguarded, 1))
    ratio = statistics.median(guarded) / statistics.median(plain)
    print(f"reference sample: parse(path) {statistics.median(guarded) * 1000:.1f} ms vs unguarded loading "
          f"{statistics.median(plain) * 1000:.1f} ms: ratio {ratio:.3f} (target <= 1.05)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=8_000, help="characters of each hostile part (default 8,000)")
    parser.add_argument("--only-large", action="store_true", help="only the large documents")
    args = parser.parse_args()
    large_documents()
    if args.only_large:
        return
    documents(args.n)
    pdfs()
    reference()


if __name__ == "__main__":
    main()
