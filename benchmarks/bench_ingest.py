"""Benchmark of batch ingestion into SQLite: throughput, scaling, and flat memory.

Makes N distinct releases (the samples, each with one more paragraph so every
file has its own content id), then:

1. ingests 500 of them into a new SQLite file with 1 and with 2 worker
   processes, in rounds of one run each: documents per second, and the median
   over the rounds of each round's ratio of the two;
2. ingests 100 and 500 of them, each in a fresh interpreter, and reports the
   parent's peak memory (peak RSS, and the peak of Python allocations traced by
   tracemalloc): it must stay flat, as results are streamed to the database.

Run: ``.venv/bin/python benchmarks/bench_ingest.py [--documents 500] [--small 100]``.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def sample_texts() -> list[tuple[str, str]]:
    """(suffix, text) of every text sample that ingest would take from samples/."""
    from release_parser.ingest import expand_sources

    files, _ = expand_sources(SAMPLES)
    texts = {".txt", ".md", ".text"}
    return [(path.suffix, path.read_text(encoding="utf-8")) for path in files if path.suffix in texts]


def make_corpus(folder: Path, count: int) -> Path:
    """``count`` distinct releases in ``folder``, cycling through the samples."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = sample_texts()
    for number in range(count):
        suffix, text = texts[number % len(texts)]
        body = text.rstrip("\n") + f"\n\nDistribution reference {number:06d}.\n"
        (folder / f"release_{number:06d}{suffix}").write_text(body, encoding="utf-8")
    return folder


def run_ingest(folder: Path, count: int, workers: int, database: Path, *, trace: bool) -> dict:
    """Ingest the first ``count`` files of ``folder``; called in a fresh interpreter."""
    from release_parser.ingest import ingest

    files = sorted(folder.iterdir())[:count]
    if trace:
        tracemalloc.start()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    result = ingest(files, db=f"sqlite:///{database}", workers=workers, progress=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    parent_cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    traced_peak = tracemalloc.get_traced_memory()[1] if trace else None
    return {
        "documents": result.counts.loaded,
        "failed": result.counts.failed,
        "facts": result.counts.facts,
        "seconds": seconds,
        "docs_per_second": result.counts.loaded / seconds,
        "parent_cpu_ms_per_doc": 1000 * parent_cpu / max(result.counts.loaded, 1),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "traced_peak_mib": traced_peak / 2**20 if traced_peak is not None else None,
    }


def in_fresh_interpreter(folder: Path, count: int, workers: int, database: Path, *, trace: bool) -> dict:
    command = [sys.executable, __file__, "--child", str(folder), str(count), str(workers), str(database)]
    if trace:
        command.append("--trace")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of one run per worker count (the best rate and the median ratio are kept)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        tmp = Path(tmp)
        folder = make_corpus(tmp / "corpus", args.documents)
        print(f"corpus: {args.documents} documents from {len(sample_texts())} samples in {folder}")

        # one run with each worker count per round, in turn: a slow spell of the machine
        # then slows both, and each round's ratio is taken to its own 1-worker run
        rounds = [{workers: in_fresh_interpreter(folder, args.documents, workers, tmp / f"speed-{workers}-{i}.db",
                                                 trace=False)
                   for workers in (1, 2)} for i in range(args.repeat)]
        for workers in (1, 2):
            runs = [timed[workers] for timed in rounds]
            best = max(runs, key=lambda r: r["docs_per_second"])
            rates = ", ".join(f"{r['docs_per_second']:.1f}" for r in runs)
            print(f"workers={workers}: {best['documents']} documents ({best['facts']} facts) in "
                  f"{best['seconds']:.2f} s = {best['docs_per_second']:.1f} docs/s (runs: {rates}); "
                  f"parent CPU {best['parent_cpu_ms_per_doc']:.1f} ms/document")
        ratios = [timed[2]["docs_per_second"] / timed[1]["docs_per_second"] for timed in rounds]
        print(f"scaling 2 workers / 1 worker: {statistics.median(ratios):.2f}x "
              f"(median of the rounds: {', '.join(f'{r:.2f}' for r in ratios)})")

        memory = {}
        for count in (args.small, args.documents):
            memory[count] = in_fresh_interpreter(folder, count, 2, tmp / f"memory-{count}.db", trace=True)
            m = memory[count]
            print(f"{count} documents: parent peak RSS {m['peak_rss_mib']:.1f} MiB, "
                  f"traced Python peak {m['traced_peak_mib']:.2f} MiB, "
                  f"worker peak RSS {m['worker_peak_rss_mib']:.1f} MiB")
        small, large = memory[args.small], memory[args.documents]
        print(f"memory {args.documents} vs {args.small} documents: "
              f"peak RSS x{large['peak_rss_mib'] / small['peak_rss_mib']:.2f}, "
              f"traced peak x{large['traced_peak_mib'] / small['traced_peak_mib']:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, folder, count, workers, database, *rest = sys.argv
        print(json.dumps(run_ingest(Path(folder), int(count), int(workers), Path(database), trace="--trace" in rest)))
    else:
        main()
