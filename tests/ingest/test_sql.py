"""Loading into SQL databases: every test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from release_parser.frames import typed_frame
from release_parser.ingest import FRAMES, SCHEMA_VERSION, Database, SchemaVersionError, ingest, query
from release_parser.ingest.columns import DATE_COLUMNS
from release_parser.ingest.document import DocumentRows

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DONE_WHEN = "select value from facts where line_item_key = 'total_revenues' and period = '2Q04'"


def row_counts(url: str) -> dict[str, int]:
    database = Database.open(url)
    try:
        return database.row_counts()
    finally:
        database.close()


def test_samples_load_and_answer_the_reference_query(db_url):
    result = ingest(SAMPLES, db=db_url, workers=2, progress=False)
    assert result.counts.failed == 0 and result.counts.loaded >= 1
    assert query(db_url, DONE_WHEN)["value"].tolist()[0] == 10512
    exact = query(db_url, DONE_WHEN + " and measure = 'value'")
    assert exact["value"].tolist() == [10512]


def test_ingesting_twice_adds_nothing(db_url, corpus):
    first = ingest(corpus, db=db_url, workers=2, progress=False)
    counts = row_counts(db_url)
    second = ingest(corpus, db=db_url, workers=2, progress=False)
    assert row_counts(db_url) == counts
    assert counts["documents"] == first.counts.loaded == 3
    assert counts["ingest_errors"] == 2
    assert second.counts.loaded == 0
    assert second.counts.skipped == 4
    assert set(second.skipped["reason"]) == {"already loaded"}
    assert second.counts.failed == 2  # bad files are tried again, their rows replaced


def test_a_corrupt_file_is_in_ingest_errors_and_the_rest_loads(db_url, corpus, read_errors):
    result = ingest(corpus, db=db_url, workers=2, progress=False)
    errors = query(db_url, "select path, stage, error_type, message from ingest_errors order by path")
    assert errors["path"].tolist() == [str(corpus / "broken.pdf"), str(corpus / "empty.txt")]
    assert errors["error_type"].iloc[0] in read_errors and errors["error_type"].iloc[1] == "EmptyInputError"
    loaded = set(query(db_url, "select source from documents")["source"])
    assert loaded == {str(corpus / n) for n in ("iij_2q04.txt", "iij_2q04_v2.txt", "2004/q2/iij_2q04_v3.md")}
    assert result.counts.loaded == 3


def test_renamed_copy_is_skipped_before_parsing(db_url, corpus, tmp_path, monkeypatch):
    ingest(corpus / "iij_2q04.txt", db=db_url, workers=0, progress=False)
    renamed = tmp_path / "elsewhere" / "renamed.txt"
    renamed.parent.mkdir()
    renamed.write_bytes((corpus / "iij_2q04.txt").read_bytes())
    from release_parser.ingest import pipeline

    monkeypatch.setattr(pipeline, "parse_document", lambda task: pytest.fail("parsed a loaded document"))
    result = ingest(renamed, db=db_url, workers=0, progress=False)
    assert result.skipped["reason"].tolist() == ["already loaded"]


def test_frames_read_back_from_the_database_equal_the_memory_ones(db_url, corpus):
    in_memory = ingest(corpus, workers=0, progress=False)
    loaded = ingest(corpus, db=db_url, workers=0, progress=False)
    assert loaded.db is not None and loaded.counts == in_memory.counts
    for name in FRAMES:
        got, expected = loaded.frame(name), in_memory.frame(name)
        if name == "documents":
            stored = Database.open(db_url).read_frame("documents").drop(columns="ingested_at")
            expected = expected.sort_values("document_id", ignore_index=True).drop(columns="ingested_at")
            pd.testing.assert_frame_equal(stored, expected)
            continue
        pd.testing.assert_frame_equal(got, expected.sort_values(list(FRAMES[name].key), ignore_index=True))
    pd.testing.assert_frame_equal(Database.open(db_url).read_frame("errors"), in_memory.errors)


def test_keys_indexes_and_schema_version(db_url):
    database = Database.open(db_url)
    inspector = sa.inspect(database.engine)
    assert inspector.get_pk_constraint("documents")["constrained_columns"] == ["document_id"]
    assert inspector.get_pk_constraint("facts")["constrained_columns"] == ["document_id", "fact_no"]
    assert inspector.get_pk_constraint("tables")["constrained_columns"] == ["document_id", "table"]
    indexed = {tuple(ix["column_names"]) for ix in inspector.get_indexes("facts")}
    assert {("line_item_key", "period"), ("document_id",)} <= indexed
    foreign = inspector.get_foreign_keys("facts")[0]
    assert (foreign["referred_table"], foreign["referred_columns"]) == ("documents", ["document_id"])
    assert set(inspector.get_table_names()) >= {*FRAMES, "ingest_errors", "schema_info"}
    assert database.schema_version() == SCHEMA_VERSION
    database.close()


def test_refuses_a_newer_schema(db_url, corpus):
    Database.open(db_url).close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("update schema_info set value = :v where key = 'schema_version'"),
                     {"v": str(SCHEMA_VERSION + 1)})
    engine.dispose()
    with pytest.raises(SchemaVersionError, match="newer") as caught:
        ingest(corpus, db=db_url, workers=0, progress=False)
    assert (caught.value.found, caught.value.expected) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)
    assert row_counts_raw(db_url, "documents") == 0


def row_counts_raw(url: str, table: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(sa.text(f"select count(*) from {table}")).scalar_one()
    engine.dispose()
    return count


def test_refuses_a_foreign_database(db_url, corpus):
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("create table documents (id integer)"))
    engine.dispose()
    with pytest.raises(SchemaVersionError, match="not a release_parser database"):
        ingest(corpus, db=db_url, workers=0, progress=False)


def test_a_document_loads_whole_or_not_at_all(db_url, corpus, monkeypatch):
    """The database refuses one document's facts: none of its rows stay, the others load."""
    from release_parser.ingest import pipeline

    real = pipeline.parse_document

    def poisoned(task):
        payload = real(task)
        if task.path.endswith("_v2.txt"):
            facts = payload.frames["facts"].copy()
            facts.loc[facts.index[-1], "fact_no"] = pd.NA  # a key column may not be NULL
            payload = DocumentRows.from_frames(payload.document_id, payload.path, {**payload.frames, "facts": facts})
        return payload

    monkeypatch.setattr(pipeline, "parse_document", poisoned)
    result = ingest(corpus, db=db_url, workers=0, progress=False)
    bad = result.errors[result.errors["stage"] == "load"]
    assert bad["path"].tolist() == [str(corpus / "iij_2q04_v2.txt")]
    bad_id = bad["document_id"].iloc[0]
    for table in ("documents", "tables", "facts", "highlights", "prose_facts"):
        rows = query(db_url, f"select count(*) as n from {table} where document_id = :id", {"id": bad_id})
        assert rows["n"].iloc[0] == 0, table
    assert result.counts.loaded == 2
    assert query(db_url, "select count(*) as n from ingest_errors where stage = 'load'")["n"].iloc[0] == 1


def test_loading_a_file_later_clears_its_error(db_url, corpus, monkeypatch):
    from release_parser.ingest import pipeline

    real = pipeline.parse_document
    monkeypatch.setattr(pipeline, "parse_document",
                        lambda task: RuntimeError("flaky") if task.path.endswith("_v2.txt") else real(task))
    ingest(corpus, db=db_url, workers=0, progress=False)
    assert len(query(db_url, "select * from ingest_errors where error_type = 'RuntimeError'")) == 1
    monkeypatch.setattr(pipeline, "parse_document", real)
    ingest(corpus, db=db_url, workers=0, progress=False)
    assert len(query(db_url, "select * from ingest_errors where error_type = 'RuntimeError'")) == 0
    assert row_counts(db_url)["documents"] == 3


def test_an_interrupted_ingest_resumes(db_url, release_factory, monkeypatch):
    folder = release_factory(6)
    complete = ingest(folder, workers=0, progress=False)
    from release_parser.ingest.sql import Database as DatabaseClass

    real_write = DatabaseClass.write_document
    written = []

    def interrupt_after_two(self, payload, **options):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(payload.document_id)
        return real_write(self, payload, **options)

    monkeypatch.setattr(DatabaseClass, "write_document", interrupt_after_two)
    with pytest.raises(KeyboardInterrupt):
        ingest(folder, db=db_url, workers=2, progress=False)
    assert row_counts(db_url)["documents"] == 2
    monkeypatch.setattr(DatabaseClass, "write_document", real_write)
    resumed = ingest(folder, db=db_url, workers=2, progress=False)
    assert (resumed.counts.loaded, resumed.counts.skipped) == (4, 2)
    counts = row_counts(db_url)
    assert counts["documents"] == 6 and counts["facts"] == complete.counts.facts


def test_a_killed_ingest_resumes(db_url, release_factory):
    """SIGKILL in the middle of a batch: every document is whole or absent, and a rerun completes it."""
    folder = release_factory(150)
    command = [sys.executable, "-m", "release_parser.cli", "ingest", str(folder), "--db", db_url,
               "--workers", "1", "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if _documents_so_far(db_url) >= 5:
            break
        time.sleep(0.05)
    assert process.poll() is None, process.stderr.read().decode()
    process.kill()
    process.wait()
    loaded = _documents_so_far(db_url)
    assert 5 <= loaded < 150
    per_document = query(db_url, "select document_id, count(*) as n from facts group by document_id")
    assert len(per_document) == loaded and per_document["n"].nunique() == 1  # no half-written document
    resumed = ingest(folder, db=db_url, workers=2, progress=False)
    assert resumed.counts.skipped == loaded and resumed.counts.loaded == 150 - loaded
    assert row_counts(db_url)["documents"] == 150
    assert _orphans_gone(folder), "the killed ingest's workers outlived it"


def _orphans_gone(folder, seconds: float = 10.0) -> bool:
    """No process is left running the killed command line (its workers end with their parent)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in Path("/proc").glob("[0-9]*") if _cmdline(p).count(str(folder))]
        if not alive:
            return True
        time.sleep(0.2)
    return False


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _documents_so_far(url: str) -> int:
    try:
        return row_counts_raw(url, "documents")
    except sa.exc.SQLAlchemyError:  # not created yet, or locked for an instant
        return 0


def test_documents_already_present_are_not_parsed_again(db_url, release_factory):
    folder = release_factory(4)
    ingest(sorted(folder.iterdir())[:2], db=db_url, workers=0, progress=False)
    result = ingest(folder, db=db_url, workers=0, progress=False)
    assert (result.counts.loaded, result.counts.skipped) == (2, 2)
    assert len(result.documents) == 2 and set(result.facts["document_id"]) == set(result.documents["document_id"])


def test_sqlite_path_without_url(tmp_path, corpus):
    target = tmp_path / "new" / "folder" / "releases.db"
    result = ingest(corpus, db=target, workers=0, progress=False)
    assert target.is_file() and result.db == f"sqlite:///{target}"


# ---------------------------------------------------------------------------
# property: a frame written comes back unchanged (as sqlite-utils' test_hypothesis)
# ---------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
VALUES = {
    "string": st.none() | TEXT,
    # typed_frame builds Int64 columns through float64 when a column mixes ints and None
    "Int64": st.none() | st.integers(min_value=-(2**53), max_value=2**53),
    "Float64": st.none() | st.floats(allow_nan=False, allow_infinity=False, width=64),
    "boolean": st.none() | st.booleans(),
    "datetime64[ns]": st.none() | st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
}
#: Columns stored as SQL DATE hold days: midnight.
DAYS = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)).map(
    lambda day: datetime(day.year, day.month, day.day))


@st.composite
def fact_frames(draw):
    spec = FRAMES["facts"]
    rows = draw(st.integers(min_value=0, max_value=4))
    records = []
    for number in range(rows):
        record = {name: draw(DAYS if name in DATE_COLUMNS else VALUES[kind]) for name, kind in spec.columns.items()}
        record["fact_no"] = number
        records.append(record)
    return records


_counter = iter(range(10**9))


@pytest.fixture(scope="module")
def round_trip_db(request, tmp_path_factory):
    """One database per engine for all examples: examples use fresh document ids."""
    def opener(kind):
        if kind == "sqlite":
            return Database.open(f"sqlite:///{tmp_path_factory.mktemp('rt') / 'rt.db'}")
        url = request.getfixturevalue("postgres_url")
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
        return Database.open(url)
    opened = {}

    def get(kind):
        if kind not in opened:
            opened[kind] = opener(kind)
        return opened[kind]

    yield get
    for database in opened.values():
        database.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=fact_frames())
def test_facts_round_trip_through_the_database(round_trip_db, kind, records):
    database = round_trip_db(kind)
    document_id = f"doc{next(_counter):08d}"
    for record in records:
        record["document_id"] = document_id
    facts = typed_frame(records, FRAMES["facts"].columns)
    frames = {name: typed_frame([], spec.columns) for name, spec in FRAMES.items()}
    frames["documents"] = typed_frame([{"document_id": document_id}], FRAMES["documents"].columns)
    frames["facts"] = facts
    assert database.write_document(DocumentRows.from_frames(document_id, f"/{document_id}.txt", frames))
    back = database.read_frame("facts", [document_id])
    pd.testing.assert_frame_equal(back, facts.reset_index(drop=True))


def test_refuses_a_database_made_with_other_columns(db_url, corpus):
    Database.open(db_url).close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("update schema_info set value = 'something else' where key = 'columns_digest'"))
    engine.dispose()
    with pytest.raises(SchemaVersionError, match="other columns"):
        ingest(corpus, db=db_url, workers=0, progress=False)


def test_reparse_replaces_a_documents_rows_in_place(db_url, corpus):
    first = ingest(corpus, db=db_url, workers=0, progress=False)
    before = row_counts(db_url)
    with sa.create_engine(db_url).begin() as conn:  # rows an older parser might have written
        conn.execute(sa.text("update facts set value = -1 where line_item_key = 'total_revenues'"))
    again = ingest(corpus, db=db_url, workers=0, progress=False, reparse=True)
    assert (again.counts.loaded, again.counts.skipped) == (first.counts.loaded, first.counts.skipped)  # copies only
    assert row_counts(db_url) == before
    revenue = query(db_url, "select value from facts where line_item_key = 'total_revenues' "
                            "and period = '2Q04' and measure = 'value'")
    assert set(revenue["value"]) == {10512.0}  # the altered rows were written again
