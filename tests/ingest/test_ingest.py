"""ingest() in memory: counts, frames, errors, duplicates, workers and executors."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

import release_parser as rp
from release_parser.frames import FACT_COLUMNS, HIGHLIGHT_COLUMNS
from release_parser.ingest import FRAMES, IngestResult, content_id, ingest
from release_parser.ingest.columns import ERROR_COLUMNS, SKIPPED_COLUMNS
from release_parser.ingest.runner import WorkerPool, stream_results


def _dtypes(columns):
    return {name: str(pd.StringDtype()) if kind == "string" else kind for name, kind in columns.items()}


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["ingested_at"], errors="ignore").reset_index(drop=True)


@pytest.fixture
def corpus_result(corpus) -> IngestResult:
    return ingest(corpus, workers=0, progress=False)


def test_counts(corpus_result):
    counts = corpus_result.counts
    assert (counts.files, counts.loaded, counts.skipped, counts.failed) == (6, 3, 1, 2)
    assert counts.facts == len(corpus_result.facts) > 0
    assert counts.highlights == len(corpus_result.highlights)
    assert counts.tables == len(corpus_result.tables) == 3 * 3
    assert counts.prose_facts == len(corpus_result.prose_facts)


def test_bad_files_are_rows_of_errors(corpus, corpus_result, read_errors):
    errors = corpus_result.errors.set_index("path")
    assert errors.loc[str(corpus / "broken.pdf"), "error_type"] in read_errors
    assert errors.loc[str(corpus / "empty.txt"), "error_type"] == "EmptyInputError"
    assert set(errors["stage"]) == {"parse"}
    assert errors.loc[str(corpus / "empty.txt"), "document_id"] == content_id(corpus / "empty.txt")[0]
    assert errors["message"].str.contains("\n").sum() == 0


def test_renamed_duplicate_is_recognised(corpus, corpus_result):
    skipped = corpus_result.skipped
    assert skipped["path"].tolist() == [str(corpus / "iij_2q04_copy.txt")]
    assert skipped["reason"].tolist() == [f"same content as {corpus / 'iij_2q04.txt'}"]
    assert skipped["document_id"].tolist() == [content_id(corpus / "iij_2q04.txt")[0]]


def test_document_id_is_the_content_hash(corpus, corpus_result):
    documents = corpus_result.documents.set_index("source")
    for name in ("iij_2q04.txt", "iij_2q04_v2.txt"):
        path = corpus / name
        row = documents.loc[str(path)]
        assert row["document_id"] == content_id(path)[0]
        assert row["size_bytes"] == path.stat().st_size
        assert row["file_name"] == name


def test_frames_have_declared_columns_and_dtypes(corpus_result):
    for name, spec in FRAMES.items():
        frame = corpus_result.frame(name)
        assert list(frame.columns) == list(spec.columns), name
        assert {c: str(t) for c, t in frame.dtypes.items()} == _dtypes(spec.columns), name
    assert list(corpus_result.errors.columns) == list(ERROR_COLUMNS)
    assert list(corpus_result.skipped.columns) == list(SKIPPED_COLUMNS)


def test_facts_are_the_releases_facts_with_keys(corpus, corpus_result):
    path = corpus / "iij_2q04.txt"
    document_id = content_id(path)[0]
    mine = corpus_result.facts[corpus_result.facts["document_id"] == document_id]
    assert mine["fact_no"].tolist() == list(range(len(mine)))
    expected = rp.parse(path).facts
    pd.testing.assert_frame_equal(mine[list(FACT_COLUMNS)].reset_index(drop=True), expected)
    highlights = corpus_result.highlights[corpus_result.highlights["document_id"] == document_id]
    pd.testing.assert_frame_equal(highlights[list(HIGHLIGHT_COLUMNS)].reset_index(drop=True), rp.parse(path).highlights)


def test_the_reference_figure(corpus_result):
    facts = corpus_result.facts
    hit = facts[(facts["line_item_key"] == "total_revenues") & (facts["period"] == "2Q04")
                & (facts["measure"] == "value")]
    assert hit["value"].tolist() == [10512.0] * 3


def test_documents_carry_release_metadata(corpus_result):
    row = corpus_result.documents.iloc[0]
    assert row["company"] == "Internet Initiative Japan Inc."
    assert (row["period"], row["fiscal_year"], row["fiscal_period"]) == ("2Q04", 2004, "Q2")
    assert row["period_start"] == pd.Timestamp("2004-07-01")
    assert row["published"] == pd.Timestamp("2004-11-11")
    assert (row["year_end_month"], row["naming"]) == (3, "start")
    assert row["parser_version"] == rp.__version__
    assert row["fact_count"] == (corpus_result.facts["document_id"] == row["document_id"]).sum()


@pytest.mark.parametrize("workers", [1, 2])
def test_worker_processes_give_the_same_frames(corpus, corpus_result, workers):
    result = ingest(corpus, workers=workers, progress=False)
    assert result.counts == corpus_result.counts
    for name in FRAMES:
        key = list(FRAMES[name].key)
        pd.testing.assert_frame_equal(_comparable(result.frame(name).sort_values(key)),
                                      _comparable(corpus_result.frame(name).sort_values(key)))


def test_any_executor(corpus, corpus_result):
    with ThreadPoolExecutor(max_workers=2) as executor:
        result = ingest(corpus, executor=executor, progress=False)
        assert not executor._shutdown  # the caller's executor is left running
    assert result.counts == corpus_result.counts


def test_sources_list_with_missing_path(corpus, tmp_path):
    result = ingest([corpus / "iij_2q04.txt", tmp_path / "missing.txt"], workers=0, progress=False)
    assert result.counts.loaded == 1
    assert result.errors[["stage", "error_type"]].values.tolist() == [["find", "FileNotFoundError"]]


def test_a_parser_bug_is_recorded_and_the_batch_goes_on(corpus, monkeypatch):
    real_parse = rp.api.parse

    def flaky(path, **kwargs):
        if str(path).endswith("_v2.txt"):
            raise IndexError("list index out of range")
        return real_parse(path, **kwargs)

    monkeypatch.setattr(rp.api, "parse", flaky)
    result = ingest(corpus, workers=0, progress=False)
    assert result.counts.loaded == 2
    bug = result.errors[result.errors["error_type"] == "IndexError"]
    assert bug["path"].tolist() == [str(corpus / "iij_2q04_v2.txt")]


def test_unreadable_file_is_a_read_error(corpus, monkeypatch):
    if os.geteuid() == 0:  # root reads any file: make the read itself fail
        from release_parser.ingest import pipeline

        real = pipeline.content_id

        def denied(path):
            if str(path).endswith("_v2.txt"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(pipeline, "content_id", denied)
    else:
        (corpus / "iij_2q04_v2.txt").chmod(0)
    result = ingest(corpus, workers=0, progress=False)
    row = result.errors[result.errors["stage"] == "read"].iloc[0]
    assert row["error_type"] == "PermissionError" and pd.isna(row["document_id"])


def test_empty_sources(tmp_path):
    result = ingest(tmp_path, workers=0, progress=False)
    assert result.counts.files == 0 and result.facts.empty
    assert list(result.facts.columns) == list(FRAMES["facts"].columns)


def test_no_progress_output_when_disabled(corpus, capsys):
    ingest(corpus, workers=0, progress=False)
    assert capsys.readouterr() == ("", "")


def test_progress_bar_is_quiet_off_terminal(corpus, capsys):
    ingest(corpus, workers=0, progress=True)  # stderr is captured, not a terminal
    assert capsys.readouterr().err == ""


def test_bad_workers_argument(corpus):
    with pytest.raises(ValueError, match="workers"):
        ingest(corpus, workers=-1, progress=False)


def test_repr_and_counts(corpus_result):
    assert repr(corpus_result).startswith("<IngestResult: 6 files: 3 loaded, 1 skipped, 2 failed;")
    assert corpus_result.counts.as_dict()["loaded"] == 3


# ---------------------------------------------------------------------------
# the runner: bounded in-flight work, and a worker process that dies
# ---------------------------------------------------------------------------


def double_or_die(number: int) -> int:
    """Task of the runner tests; number 3 kills its worker process."""
    if number == 3:
        os._exit(1)
    return 2 * number


def test_runner_takes_tasks_lazily():
    taken = []

    def tasks():
        for number in range(20):
            taken.append(number)
            yield number

    with WorkerPool(workers=1) as pool:
        stream = stream_results(abs, tasks(), pool)
        first = next(stream)
        assert len(taken) <= pool.max_in_flight + 1
        assert sorted([first[1], *(r for _, r in stream)]) == list(range(20))


def test_a_worker_that_dies_costs_only_its_own_file():
    with WorkerPool(workers=2) as pool:
        outcomes = dict(stream_results(double_or_die, range(8), pool))
    assert {n: r for n, r in outcomes.items() if n != 3} == {n: 2 * n for n in range(8) if n != 3}
    assert type(outcomes[3]).__name__ == "BrokenProcessPool"


def test_inline_runner_yields_exceptions():
    def boom(number):
        if number == 1:
            raise ValueError("no")
        return number

    outcomes = dict(stream_results(boom, range(3), WorkerPool(workers=0)))
    assert outcomes[0] == 0 and isinstance(outcomes[1], ValueError) and outcomes[2] == 2
