"""Reading an ingest database back: SQL queries, and the whole database as Parquet."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from .parquet_record import export_document, is_current, read_records, remove_document
from .sql import Database

__all__ = ["query", "export_parquet"]


def query(db: str | os.PathLike[str] | Engine, sql: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
    """Run one SQL statement on an existing database and return its rows.

    Parameters
    ----------
    db
        A SQLAlchemy URL, a SQLite file path or an Engine; a missing SQLite file
        is an error, not a new empty database.
    sql
        The statement, with ``:name`` placeholders for ``params``.

    Raises
    ------
    DatabaseError
        The database cannot be opened, or the statement fails.

    Examples
    --------
    >>> query("sqlite:///out/releases.db",
    ...       "select value from facts where line_item_key = :key and period = '2Q04' and measure = 'value'",
    ...       {"key": "total_revenues"})  # doctest: +SKIP
         value
    0  10512.0
    """
    database = Database.open(db, create=False)
    try:
        return database.query(sql, params)
    finally:
        database.close()


def export_parquet(db: str | os.PathLike[str] | Engine, root: str | os.PathLike[str]) -> Path:
    """Make the Parquet dataset under ``root`` hold exactly what the database holds.

    Each document missing from the dataset, or exported from older rows, is
    written (one document at a time, so memory stays bounded); documents the
    database no longer holds are removed. Running it again writes nothing.
    See :mod:`release_parser.ingest.parquet` for the layout and
    :mod:`release_parser.ingest.parquet_record` for the records that make it safe to resume.

    Raises
    ------
    DatabaseError, SchemaVersionError
        The database cannot be read, or is not an ingest database of this schema version.
    IngestError
        A file cannot be written.
    """
    database = Database.open(db, create=False)
    try:
        database.prepare()
        records = read_records(root)
        stamps = _stamps(database)
        for document_id, stamp in stamps.items():
            record = records.get(document_id)
            if not is_current(record, stamp):
                export_document(database, document_id, root, record)
        for document_id, record in records.items():
            if document_id not in stamps:
                remove_document(root, document_id, record)
    finally:
        database.close()
    return Path(root)


def _stamps(database: Database) -> dict[str, str | None]:
    """``ingested_at`` of every document in the database, as export records keep it."""
    import pandas as pd

    documents = database.read_frame("documents")
    return {str(document_id): (None if pd.isna(stamp) else pd.Timestamp(stamp).isoformat())
            for document_id, stamp in zip(documents["document_id"], documents["ingested_at"])}
