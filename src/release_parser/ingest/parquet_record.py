"""Which documents a Parquet dataset holds, and exporting one document from the database.

The Parquet files are derived from the database, a document at a time, after
its rows are committed. Each document's files are written to hidden names and
renamed into place; then its **record** is written (the same way) under
``root/_exported/<document_id>.json``: the files it wrote, its rows per frame,
and the ``ingested_at`` of the rows exported. The record is the commit point:

- a document without a record (an ingest killed between the two, a full disk)
  is exported again by the next ingest that meets it, or by ``export_parquet``;
- a record whose ``ingested_at`` differs from the database's (the document was
  parsed again) is stale, and the document is exported again;
- files a stale record names but the new export does not write are removed,
  and ``export_parquet`` removes the documents the database no longer holds.

So resuming an ingest and exporting both converge to what the database holds.
Readers never see the records: pyarrow skips names starting with ``_`` and ``.``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .columns import FRAMES
from .errors import IngestError
from . import parquet

if TYPE_CHECKING:
    from .sql import Database

__all__ = ["RECORD_FOLDER", "read_records", "is_current", "export_document", "write_document_files", "remove_document"]

#: Folder of the records, under the dataset's root.
RECORD_FOLDER = "_exported"


def _record_path(root: Path, document_id: str) -> Path:
    return root / RECORD_FOLDER / f"{document_id}.json"


def read_records(root: str | os.PathLike[str]) -> dict[str, dict[str, object]]:
    """Every record under ``root`` by document id (an unreadable record counts as none)."""
    folder = Path(root) / RECORD_FOLDER
    records: dict[str, dict[str, object]] = {}
    if not folder.is_dir():
        return records
    for path in folder.glob("*.json"):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and record.get("document_id") == path.stem:
            records[path.stem] = record
    return records


def _stamp(documents: pd.DataFrame) -> str | None:
    """The ``ingested_at`` of a document's row, as the record keeps it."""
    if documents.empty or pd.isna(documents["ingested_at"].iloc[0]):
        return None
    return pd.Timestamp(documents["ingested_at"].iloc[0]).isoformat()


def is_current(record: Mapping[str, object] | None, ingested_at: str | None) -> bool:
    """Whether ``record`` describes the rows the database holds now."""
    return record is not None and record.get("ingested_at") == ingested_at


def write_document_files(
    frames: Mapping[str, pd.DataFrame], document_id: str, root: str | os.PathLike[str],
    previous: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """Write one document's frames, then its record; remove files only ``previous`` named. Returns the record.

    Raises
    ------
    IngestError
        A file cannot be written; the document then has no record.
    """
    root = Path(root)
    record_path = _record_path(root, document_id)
    try:
        record_path.unlink(missing_ok=True)  # from here until the new record, the document is not exported
    except OSError as error:
        raise IngestError(f"cannot write {record_path}: {error.strerror or error}") from error
    written = parquet.write_parquet(frames, root)
    names = sorted(path.relative_to(root).as_posix() for path in written)
    for stale in set(_files_of(previous)) - set(names):
        (root / stale).unlink(missing_ok=True)
    record = {
        "document_id": document_id,
        "ingested_at": _stamp(frames["documents"]),
        "files": names,
        "rows": {name: len(frame) for name, frame in frames.items()},
    }
    _write_record(record_path, record)
    return record


def _files_of(record: Mapping[str, object] | None) -> list[str]:
    files = record.get("files") if record else None
    return [str(name) for name in files] if isinstance(files, list) else []


def _write_record(path: Path, record: Mapping[str, object]) -> None:
    hidden = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        hidden.write_text(json.dumps(record, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(hidden, path)
    except OSError as error:
        hidden.unlink(missing_ok=True)
        raise IngestError(f"cannot write {path}: {error.strerror or error}") from error


def export_document(
    database: Database, document_id: str, root: str | os.PathLike[str],
    previous: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """Write one document's rows, as the database holds them, under ``root``, with its record (returned).

    Raises
    ------
    IngestError
        The document is not in the database, or a file cannot be written.
    """
    frames = {name: database.read_frame(name, [document_id]) for name in FRAMES}
    if frames["documents"].empty:
        raise IngestError(f"document {document_id} is not in {database.url}: nothing to export")
    return write_document_files(frames, document_id, root, previous)


def remove_document(root: str | os.PathLike[str], document_id: str, record: Mapping[str, object]) -> None:
    """Remove a document's files and its record (it is no longer in the database)."""
    root = Path(root)
    _record_path(root, document_id).unlink(missing_ok=True)
    for name in _files_of(record):
        (root / name).unlink(missing_ok=True)
