"""Faults during an ingest: kills, full disks, races and special files lose nothing and hang nothing."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from release_parser.ingest import FRAMES, export_parquet, ingest, read_parquet
from release_parser.ingest.parquet_record import RECORD_FOLDER, read_records

#: Columns that differ between two runs over the same files (when the rows were written).
VOLATILE = ("ingested_at",)

_INGEST = """
import sys
import release_parser as rp
rp.ingest(sys.argv[1], db=sys.argv[2], parquet=sys.argv[3], workers=0, progress=False)
"""


def _run_ingest(folder: Path, db: Path, parquet: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _INGEST, str(folder), f"sqlite:///{db}", str(parquet)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _loaded(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or locked for a moment
        return 0


def dataset(root: Path) -> dict[str, pd.DataFrame]:
    """Every frame of a Parquet dataset, without the columns that name the time of writing."""
    return {name: read_parquet(root, name).drop(columns=[c for c in VOLATILE if c in FRAMES[name].columns])
            for name in FRAMES}


def checksum(frames: dict[str, pd.DataFrame]) -> str:
    digest = hashlib.sha256()
    for name in sorted(frames):
        digest.update(name.encode())
        digest.update(frames[name].to_csv(index=False).encode())
    return digest.hexdigest()


def test_an_ingest_killed_five_times_resumes_to_a_clean_runs_parquet(release_factory, tmp_path):
    folder = release_factory(24)
    clean_db, clean_root = tmp_path / "clean.db", tmp_path / "clean"
    assert _run_ingest(folder, clean_db, clean_root).wait(300) == 0
    clean = dataset(clean_root)
    assert len(clean["documents"]) == 24 and len(clean["facts"]) > 24

    db, root = tmp_path / "killed.db", tmp_path / "killed"
    chooser = random.Random(14)
    kills = 0
    for _ in range(5):
        target = _loaded(db) + chooser.randint(1, 4)
        process = _run_ingest(folder, db, root)
        while process.poll() is None and _loaded(db) < target:
            time.sleep(0.005)
        time.sleep(chooser.uniform(0, 0.05))  # between a commit and its export, or inside either
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(60)
    assert kills >= 3 and _loaded(db) < 24 + 1
    assert _run_ingest(folder, db, root).wait(300) == 0

    resumed = dataset(root)
    for name in FRAMES:
        pd.testing.assert_frame_equal(resumed[name], clean[name], obj=name)
    assert checksum(resumed) == checksum(clean)
    assert set(read_records(root)) == set(clean["documents"]["document_id"])


def test_documents_whose_export_failed_are_exported_by_the_next_run(release_factory, tmp_path, monkeypatch):
    from release_parser.ingest import IngestError, parquet

    folder = release_factory(4)
    real = parquet.write_parquet
    calls = []

    def full_disk_every_other(frames, root):
        calls.append(1)
        if len(calls) % 2 == 0:
            raise IngestError(f"cannot write {root}: No space left on device")
        return real(frames, root)

    monkeypatch.setattr(parquet, "write_parquet", full_disk_every_other)
    first = ingest(folder, db=tmp_path / "r.db", workers=0, progress=False, parquet=tmp_path / "pq")
    assert first.counts.loaded == 4 and (first.errors["stage"] == "export").sum() == 2
    assert len(read_records(tmp_path / "pq")) == 2
    monkeypatch.setattr(parquet, "write_parquet", real)

    second = ingest(folder, db=tmp_path / "r.db", workers=0, progress=False, parquet=tmp_path / "pq")
    assert second.counts.loaded == 0 and second.counts.skipped == 4 and second.errors.empty
    assert len(read_records(tmp_path / "pq")) == 4
    assert len(read_parquet(tmp_path / "pq", "documents")) == 4
    from release_parser.ingest import query

    assert query(tmp_path / "r.db", "select count(*) as n from ingest_errors")["n"].tolist() == [0]


def test_export_converges_to_the_database(release_factory, tmp_path):
    folder = release_factory(3)
    db = tmp_path / "r.db"
    ingest(folder, db=db, workers=0, progress=False)
    export_parquet(db, tmp_path / "pq")
    before = dataset(tmp_path / "pq")
    assert len(before["documents"]) == 3
    records = read_records(tmp_path / "pq")
    gone = sorted(records)[0]
    with sqlite3.connect(db) as conn:
        conn.execute("pragma foreign_keys = on")
        conn.execute("delete from documents where document_id = ?", (gone,))
    (tmp_path / "pq" / RECORD_FOLDER / f"{sorted(records)[1]}.json").unlink()  # an export that did not finish
    export_parquet(db, tmp_path / "pq")
    after = dataset(tmp_path / "pq")
    assert sorted(after["documents"]["document_id"]) == sorted(set(records) - {gone})
    assert not any(gone in path.name for path in (tmp_path / "pq").rglob("*.parquet"))
    assert len(read_records(tmp_path / "pq")) == 2


def test_two_ingests_race_to_create_one_new_sqlite_file(release_factory, tmp_path):
    first, second = release_factory(3, "first"), release_factory(3, "second")
    db = tmp_path / "new.db"
    script = "import sys, release_parser as rp; rp.ingest(sys.argv[1], db=sys.argv[2], workers=0, progress=False)"
    processes = [subprocess.Popen([sys.executable, "-c", script, str(folder), f"sqlite:///{db}"],
                                  stderr=subprocess.PIPE, text=True) for folder in (first, second)]
    outcomes = [(process.wait(300), process.stderr.read()) for process in processes]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    with sqlite3.connect(db) as conn:  # the two folders hold the same variants: one copy each
        assert conn.execute("select count(*) from documents").fetchone()[0] == 3
        assert conn.execute("select count(*) from schema_info where key = 'schema_version'").fetchone()[0] == 1


def test_a_fifo_in_the_folder_is_an_error_row_not_a_hang(release_factory, tmp_path):
    folder = release_factory(2)
    os.mkfifo(folder / "stuck.txt")
    script = ("import sys, release_parser as rp; r = rp.ingest(sys.argv[1], db=sys.argv[2], workers=0, progress=False);"
              "print(r.counts.loaded, list(r.errors.error_type), list(r.errors.stage))")
    done = subprocess.run([sys.executable, "-c", script, str(folder), f"sqlite:///{tmp_path / 'r.db'}"],
                          capture_output=True, text=True, timeout=300)
    assert done.stdout.split("\n")[0] == "2 ['NotARegularFileError'] ['read']", done.stderr


@pytest.mark.parametrize("device", ["/dev/zero"])
def test_a_device_named_on_its_own_is_an_error_row(device, release_factory, tmp_path):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    result = ingest([release_factory(1), device], workers=0, progress=False)
    assert result.counts.loaded == 1
    assert result.errors[["path", "error_type", "stage"]].values.tolist() == [[device, "NotARegularFileError", "read"]]


def _stuck_on(task: str) -> str:
    """A task function: ``"stuck"`` never returns in time, as a file stuck in a library call."""
    if task == "stuck":
        time.sleep(600)
    return task.upper()


def test_a_file_stuck_past_its_time_has_its_worker_killed_and_is_reported():
    from release_parser.errors import TimeLimitError
    from release_parser.ingest.runner import WorkerPool, stream_results

    with WorkerPool(workers=1, task_seconds=1.0) as pool:
        results = dict(stream_results(_stuck_on, ["a", "stuck", "b"], pool))
    assert results["a"] == "A" and results["b"] == "B"
    assert isinstance(results["stuck"], TimeLimitError)
    assert "stuck: still running after 1 s: its worker was stopped" in str(results["stuck"])
