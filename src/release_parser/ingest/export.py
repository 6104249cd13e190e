"""Reading an ingest database back: SQL queries, and the whole database as Parquet."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from .columns import CHILD_FRAMES, FRAMES
from .parquet import write_parquet
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
    """Write every document of a database as a Parquet dataset under ``root``.

    Documents are read and written 500 at a time, so memory stays bounded.
    See :mod:`release_parser.ingest.parquet` for the layout.

    Raises
    ------
    DatabaseError, SchemaVersionError
        The database cannot be read, or is not an ingest database of this schema version.
    """
    database = Database.open(db, create=False)
    try:
        database.prepare()
        ids = database.document_ids()
        chunks = {name: database.iter_frames(name, ids) for name in FRAMES}
        for documents in chunks["documents"]:
            write_parquet({"documents": documents, **{name: next(chunks[name]) for name in CHILD_FRAMES}}, root)
    finally:
        database.close()
    return Path(root)
