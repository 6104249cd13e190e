"""Batch ingestion: many releases, in parallel, into frames, a database and Parquet.

- :func:`ingest`: files, folders and globs in; an :class:`IngestResult` out,
  optionally loaded into a SQL database (:class:`Database`: SQLite or
  PostgreSQL, through SQLAlchemy) and written as Parquet.
- :func:`query`: rows of an ingest database as a DataFrame.
- :func:`read_parquet` / :func:`write_parquet` / :func:`export_parquet`: the
  Parquet dataset, with the frames' dtypes.

SQLAlchemy and pyarrow are imported only in this package, and only when a
database or Parquet is used, so ``import release_parser`` stays quick.

``release_parser.ingest`` (the attribute of the package) is the function; import
the rest from the module: ``from release_parser.ingest import read_parquet``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .columns import FRAMES, SCHEMA_VERSION
from .errors import DatabaseError, DocumentLoadError, IngestError, SchemaVersionError
from .pipeline import ingest
from .result import IngestCounts, IngestResult
from .sources import NON_RELEASE_NAMES, RELEASE_SUFFIXES, content_id, expand_sources

if TYPE_CHECKING:
    from .export import export_parquet, query
    from .parquet import read_parquet, write_parquet
    from .sql import Database

__all__ = [
    "ingest",
    "IngestResult",
    "IngestCounts",
    "Database",
    "query",
    "export_parquet",
    "read_parquet",
    "write_parquet",
    "expand_sources",
    "content_id",
    "RELEASE_SUFFIXES",
    "NON_RELEASE_NAMES",
    "FRAMES",
    "SCHEMA_VERSION",
    "IngestError",
    "DatabaseError",
    "SchemaVersionError",
    "DocumentLoadError",
]

_LAZY = {
    "Database": ".sql",
    "query": ".export",
    "export_parquet": ".export",
    "read_parquet": ".parquet",
    "write_parquet": ".parquet",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value
