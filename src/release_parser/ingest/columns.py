"""The frames an ingest produces, their columns, dtypes and keys, declared once.

The per-document frames (facts, highlights, prose facts) take their columns from
:mod:`release_parser.frames` and put two in front: ``document_id``, the content
hash of the file they come from, and a position number (``fact_no``, ...), the
row's place in that document's frame. Positions, not labels, key the rows:
labels repeat within a table (two ``YoY % Change`` columns, two ``Others`` rows).

The SQL tables (:mod:`.sql`) and Parquet files (:mod:`.parquet`) are derived from
:data:`FRAMES`, so a frame, its table and its Parquet files always agree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from ..frames import CHECK_COLUMNS, FACT_COLUMNS, HIGHLIGHT_COLUMNS, PROSE_FACT_COLUMNS, frame_from_columns

__all__ = [
    "SCHEMA_VERSION",
    "DATE_COLUMNS",
    "DOCUMENT_COLUMNS",
    "TABLE_COLUMNS",
    "ERROR_COLUMNS",
    "SKIPPED_COLUMNS",
    "FrameSpec",
    "FRAMES",
    "CHILD_FRAMES",
    "columns_digest",
    "frame_from_columns",
    "frame_to_columns",
    "plain_columns",
]

#: Version of the database layout written by this code. Bump it with every
#: change to :data:`FRAMES` or to the SQL keys and indexes.
SCHEMA_VERSION = 3  # 2: the checks table, facts.verified and the documents' check counts;
# 3: concept and amount, days stored as DATE, the facts_latest and timeseries views

#: Columns that hold a day, stored as SQL ``DATE`` (the frames hold them as datetime64).
DATE_COLUMNS = frozenset({"published", "period_start", "period_end", "announced"})

#: One row per loaded document (``Release`` metadata plus file facts).
DOCUMENT_COLUMNS: Mapping[str, str] = {
    "document_id": "string",
    "source": "string",
    "file_name": "string",
    "size_bytes": "Int64",
    "kind": "string",
    "page_count": "Int64",
    "company": "string",
    "title": "string",
    "published": "datetime64[ns]",
    "period": "string",
    "fiscal_year": "Int64",
    "fiscal_period": "string",
    "period_start": "datetime64[ns]",
    "period_end": "datetime64[ns]",
    "year_end_month": "Int64",
    "naming": "string",
    "table_count": "Int64",
    "fact_count": "Int64",
    "highlight_count": "Int64",
    "prose_fact_count": "Int64",
    "check_count": "Int64",
    "failed_check_count": "Int64",
    "parser_version": "string",
    "ingested_at": "datetime64[ns]",
}

#: One row per table of a document; ``column_labels`` and ``footnotes`` are JSON.
TABLE_COLUMNS: Mapping[str, str] = {
    "document_id": "string",
    "table": "Int64",
    "title": "string",
    "unit": "string",
    "scale": "Int64",
    "row_count": "Int64",
    "column_count": "Int64",
    "column_labels": "string",
    "footnotes": "string",
    "source": "string",
    "page": "Int64",
    "first_line": "Int64",
    "last_line": "Int64",
}

#: One row per file that could not be found, read, parsed or loaded.
ERROR_COLUMNS: Mapping[str, str] = {
    "path": "string",
    "document_id": "string",
    "stage": "string",
    "error_type": "string",
    "message": "string",
}

#: One row per file not parsed because its content is already loaded.
SKIPPED_COLUMNS: Mapping[str, str] = {
    "path": "string",
    "document_id": "string",
    "reason": "string",
}


@dataclass(frozen=True)
class FrameSpec:
    """A frame of an ingest and its SQL table.

    Attributes
    ----------
    name
        Name of the frame (``IngestResult.<name>``), the SQL table and the Parquet folder.
    columns
        Column names and dtypes, as :func:`release_parser.frames.typed_frame` takes them.
    key
        Primary key.
    indexes
        Secondary indexes, each a tuple of columns.
    position
        The column numbering a document's rows (``fact_no``), for frames keyed by position.
    """

    name: str
    columns: Mapping[str, str]
    key: tuple[str, ...]
    indexes: tuple[tuple[str, ...], ...] = ()
    position: str | None = None

    @property
    def has_fiscal_year(self) -> bool:
        return "fiscal_year" in self.columns


def _child(name: str, position: str, columns: Mapping[str, str], *indexes: tuple[str, ...]) -> FrameSpec:
    return FrameSpec(
        name=name,
        columns={"document_id": "string", position: "Int64", **columns},
        key=("document_id", position),
        indexes=(("document_id",), *indexes),
        position=position,
    )


#: Every frame of an ingest, in loading order (documents first: the others refer to it).
FRAMES: Mapping[str, FrameSpec] = {
    spec.name: spec
    for spec in (
        FrameSpec("documents", DOCUMENT_COLUMNS, ("document_id",), (("company", "fiscal_year"),)),
        FrameSpec("tables", TABLE_COLUMNS, ("document_id", "table")),
        _child("facts", "fact_no", FACT_COLUMNS, ("line_item_key", "period"), ("concept", "period_start")),
        _child("highlights", "highlight_no", HIGHLIGHT_COLUMNS),
        _child("prose_facts", "prose_fact_no", PROSE_FACT_COLUMNS, ("metric_key", "period"), ("concept", "period_start")),
        _child("checks", "check_no", CHECK_COLUMNS, ("rule", "passed")),
    )
}

#: The frames that hold rows of a document (all but ``documents``).
CHILD_FRAMES: tuple[str, ...] = tuple(name for name in FRAMES if name != "documents")


def columns_digest() -> str:
    """A short digest of every frame's columns, dtypes, keys and indexes.

    Recorded in a new database beside :data:`SCHEMA_VERSION`; a database whose
    digest differs was made with other columns (the frames of
    :mod:`release_parser.frames` changed without a version bump) and is refused.
    """
    layout = {name: [list(spec.columns.items()), list(spec.key), [list(i) for i in spec.indexes]]
              for name, spec in FRAMES.items()}
    layout["errors"] = [list(ERROR_COLUMNS.items())]
    return hashlib.sha256(json.dumps(layout, sort_keys=True).encode()).hexdigest()[:16]


def plain_columns(records: list[dict[str, object]], columns: Mapping[str, str]) -> dict[str, list[object]]:
    """The declared columns of ``records`` as database drivers take them: None for NA,
    days as dates, other times as datetimes, numbers as Python ints and floats."""
    return {name: [_plain(record.get(name), name, kind) for record in records] for name, kind in columns.items()}


def _plain(value: object, name: str, kind: str) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if kind == "datetime64[ns]":
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        if name in DATE_COLUMNS:
            return value.date() if isinstance(value, datetime) else value
        return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)  # type: ignore[attr-defined]
    if kind == "Float64":
        number = float(value)  # type: ignore[arg-type]
        return None if number != number else number
    if kind == "Int64":
        return int(value)  # type: ignore[call-overload]
    if kind == "boolean":
        return bool(value)
    return str(value)


def frame_to_columns(frame: pd.DataFrame, columns: Mapping[str, str]) -> dict[str, list[object]]:
    """Plain Python values of each declared column of ``frame``, as :func:`plain_columns` gives them."""
    return {name: [_plain(value, name, kind) for value in frame[name].tolist()] for name, kind in columns.items()}
