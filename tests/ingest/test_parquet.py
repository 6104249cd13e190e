"""Parquet export: layout by company and fiscal year, and frames that come back unchanged."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import unquote

import pandas as pd
import pyarrow.dataset as ds
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from release_parser.frames import typed_frame
from release_parser.ingest import FRAMES, export_parquet, ingest, read_parquet, write_parquet
from release_parser.ingest.parquet import PARTITION_KEYS


@pytest.fixture
def result(corpus):
    return ingest(corpus, workers=0, progress=False)


def _sorted(frame, name):
    return frame.sort_values(list(FRAMES[name].key), ignore_index=True)


def test_every_frame_round_trips(result, tmp_path):
    result.to_parquet(tmp_path / "pq")
    for name in FRAMES:
        pd.testing.assert_frame_equal(read_parquet(tmp_path / "pq", name), _sorted(result.frame(name), name))


def test_partitioned_by_company_and_fiscal_year(result, tmp_path):
    result.to_parquet(tmp_path / "pq")
    files = sorted((tmp_path / "pq" / "documents").rglob("*.parquet"))
    assert len(files) == 3
    company, fiscal_year = files[0].parent.parent.name, files[0].parent.name
    assert unquote(company) == "company=Internet Initiative Japan Inc."
    assert fiscal_year == "fiscal_year=2004"
    assert {f.stem for f in files} == set(result.documents["document_id"])
    fact_years = {p.parent.name for p in (tmp_path / "pq" / "facts").rglob("*.parquet")}
    assert {"fiscal_year=2004", "fiscal_year=2003"} <= fact_years  # the comparatives' own year


def test_filters_prune_partitions(result, tmp_path):
    result.to_parquet(tmp_path / "pq")
    facts = read_parquet(tmp_path / "pq", "facts", filters=[("fiscal_year", "=", 2003)])
    assert len(facts) > 0 and set(facts["fiscal_year"]) == {2003}
    none = read_parquet(tmp_path / "pq", "facts", filters=[("company", "=", "Nobody Inc.")])
    assert none.empty and list(none.columns) == list(FRAMES["facts"].columns)


def test_exporting_again_adds_nothing(result, tmp_path):
    result.to_parquet(tmp_path / "pq")
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "pq").rglob("*"))
    result.to_parquet(tmp_path / "pq")
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "pq").rglob("*")) == before
    assert len(read_parquet(tmp_path / "pq", "facts")) == len(result.facts)


def test_pandas_reads_the_dataset(result, tmp_path):
    result.to_parquet(tmp_path / "pq")
    facts = pd.read_parquet(tmp_path / "pq" / "facts", partitioning=ds.partitioning(flavor="hive"))
    assert len(facts) == len(result.facts)
    assert facts["value"].dtype == "Float64" and facts["line"].dtype == "Int64"


def test_ingest_writes_parquet_while_loading(corpus, tmp_path):
    result = ingest(corpus, db=tmp_path / "r.db", workers=2, progress=False, parquet=tmp_path / "pq")
    for name in FRAMES:
        back = read_parquet(tmp_path / "pq", name)
        if name == "documents":
            back = back.drop(columns="ingested_at")
            expected = _sorted(result.documents, name).drop(columns="ingested_at")
        else:
            expected = result.frame(name)
        pd.testing.assert_frame_equal(back, expected, check_exact=True)


def test_export_a_whole_database(corpus, tmp_path):
    loaded = ingest(corpus, db=tmp_path / "r.db", workers=0, progress=False)
    export_parquet(tmp_path / "r.db", tmp_path / "pq")
    pd.testing.assert_frame_equal(read_parquet(tmp_path / "pq", "facts"), loaded.facts)
    pd.testing.assert_frame_equal(read_parquet(tmp_path / "pq", "documents"), _sorted(loaded.documents, "documents"))


def test_a_missing_dataset_reads_as_an_empty_frame(tmp_path):
    frame = read_parquet(tmp_path, "highlights")
    assert frame.empty and list(frame.columns) == list(FRAMES["highlights"].columns)
    with pytest.raises(ValueError, match="unknown frame"):
        read_parquet(tmp_path, "nope")


# ---------------------------------------------------------------------------
# property: frame -> Parquet -> frame is equal, dtypes included
# ---------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
VALUES = {
    "string": st.none() | TEXT,
    "Int64": st.none() | st.integers(min_value=-(2**53), max_value=2**53),
    "Float64": st.none() | st.floats(allow_nan=False, width=64),
    "boolean": st.none() | st.booleans(),
    "datetime64[ns]": st.none() | st.datetimes(min_value=datetime(1700, 1, 1), max_value=datetime(2260, 1, 1)),
}
ODD_NAMES = ["Internet Initiative Japan Inc.", "A/B & C=D%", "株式会社テスト", "", "."]
COMPANIES = st.none() | st.sampled_from(ODD_NAMES) | TEXT
DOCUMENT_IDS = st.sampled_from(["a" * 64, "b" * 64, "c" * 64])


@st.composite
def datasets(draw):
    """Documents, and facts and highlights of those documents, with any values."""
    ids = draw(st.lists(DOCUMENT_IDS, min_size=1, max_size=3, unique=True))
    documents = []
    for document_id in ids:
        record = {name: draw(VALUES[kind]) for name, kind in FRAMES["documents"].columns.items()}
        record.update(document_id=document_id, company=draw(COMPANIES))
        documents.append(record)
    frames = {"documents": typed_frame(documents, FRAMES["documents"].columns)}
    for name in ("facts", "highlights"):
        spec = FRAMES[name]
        records = []
        for number in range(draw(st.integers(min_value=0, max_value=6))):
            record = {column: draw(VALUES[kind]) for column, kind in spec.columns.items()}
            record.update(document_id=draw(st.sampled_from(ids)), **{spec.key[1]: number})
            records.append(record)
        frames[name] = typed_frame(records, spec.columns)
    return frames


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frames=datasets())
def test_frames_round_trip_through_parquet(tmp_path_factory, frames):
    root = tmp_path_factory.mktemp("pq")
    write_parquet(frames, root)
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(read_parquet(root, name), _sorted(frame, name), check_exact=True)


def test_partition_keys():
    assert PARTITION_KEYS == ("company", "fiscal_year")


def test_a_parquet_failure_is_recorded_and_the_batch_goes_on(corpus, tmp_path, monkeypatch):
    from release_parser.ingest import IngestError, parquet

    def full_disk(frames, root):
        raise IngestError(f"cannot write {root}: No space left on device")

    monkeypatch.setattr(parquet, "write_parquet", full_disk)
    result = ingest(corpus, db=tmp_path / "r.db", workers=0, progress=False, parquet=tmp_path / "pq")
    assert result.counts.loaded == 3
    exported = result.errors[result.errors["stage"] == "export"]
    assert len(exported) == 3 and exported["message"].str.contains("No space left").all()


def test_a_database_result_exports_its_documents(corpus, release_factory, tmp_path):
    ingest(release_factory(2), db=tmp_path / "r.db", workers=0, progress=False)  # not part of the result
    result = ingest(corpus, db=tmp_path / "r.db", workers=0, progress=False)
    result.to_parquet(tmp_path / "pq")
    for name in FRAMES:
        back = read_parquet(tmp_path / "pq", name)
        expected = _sorted(result.frame(name), name)
        if name == "documents":
            back, expected = back.drop(columns="ingested_at"), expected.drop(columns="ingested_at")
        pd.testing.assert_frame_equal(back, expected)
    assert set(read_parquet(tmp_path / "pq", "documents")["document_id"]) == set(result.documents["document_id"])
