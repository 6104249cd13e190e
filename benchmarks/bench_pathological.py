"""Hostile documents: time at n and 2n (ratio 2.0 is linear), and the bounds of hostile PDFs.

usage: .venv/bin/python benchmarks/bench_pathological.py [--n CHARS]

Reports, all measured in this run:

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
import json
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from pathological import DOCUMENTS, parse_document  # noqa: E402

import release_parser as rp  # noqa: E402

SAMPLE = REPO / "samples" / "iij_2q_fy2004_results.txt"

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
    args = parser.parse_args()
    documents(args.n)
    pdfs()
    reference()


if __name__ == "__main__":
    main()
