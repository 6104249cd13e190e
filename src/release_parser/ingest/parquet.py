"""Parquet files of the ingest frames, partitioned by company and fiscal year.

Layout under ``root``, one folder per frame, Hive-style partitions, one file per
document and partition, named by the document's content id::

    root/facts/company=Internet%20Initiative%20Japan%20Inc./fiscal_year=2004/<document_id>.parquet
    root/documents/company=.../fiscal_year=2004/<document_id>.parquet

``company`` is the document's company. ``fiscal_year`` is the row's own fiscal
year in the frames that have one (documents, facts, prose facts: a 2Q04 release's
2Q03 comparatives sit under ``fiscal_year=2003``), else its document's (tables,
highlights). Missing values go to ``__HIVE_DEFAULT_PARTITION__``; values are
percent-encoded. As usual with Hive partitions, a frame's own ``company`` and
``fiscal_year`` columns are stored in the folder names only, not in the files.

:func:`read_parquet` reads a frame back with exactly its declared columns and
dtypes. ``pandas.read_parquet(root / "facts")`` works too; it gives the partition
keys as categoricals and adds ``company`` (and, to tables and highlights,
``fiscal_year``).

Writing a document again overwrites its files (files are written to a hidden
name, then renamed), so exporting the same documents twice adds nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from ..frames import typed_frame
from .columns import FRAMES
from .errors import IngestError

__all__ = ["PARTITION_KEYS", "arrow_schema", "write_parquet", "read_parquet", "write_frame_file"]

#: Partition keys, outermost first.
PARTITION_KEYS: tuple[str, ...] = ("company", "fiscal_year")

_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
_PARTITIONING = ds.partitioning(pa.schema([("company", pa.string()), ("fiscal_year", pa.int64())]), flavor="hive")

_ARROW_TYPES: Mapping[str, pa.DataType] = {
    "string": pa.string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "boolean": pa.bool_(),
    "datetime64[ns]": pa.timestamp("ns"),
}

_PANDAS_TYPES = {
    pa.string(): pd.StringDtype(),
    pa.large_string(): pd.StringDtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def arrow_schema(columns: Mapping[str, str]) -> pa.Schema:
    """The Arrow schema of a frame's declared columns (``"Int64"`` -> int64, ...)."""
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in columns.items()])


def _segment(key: str, value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return f"{key}={_NULL_PARTITION}"
    return f"{key}={quote(str(value), safe='')}"


def _partition_dirs(name: str, frame: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    """``company=.../fiscal_year=...`` of each row of ``frame``."""
    by_id = documents.drop_duplicates("document_id").set_index("document_id")
    company = frame["company"] if name == "documents" else frame["document_id"].map(by_id["company"])
    if FRAMES[name].has_fiscal_year:
        fiscal_year = frame["fiscal_year"]
    else:
        fiscal_year = frame["document_id"].map(by_id["fiscal_year"]).astype("Int64")
    return pd.Series(
        [f"{_segment('company', c)}/{_segment('fiscal_year', y)}"
         for c, y in zip(company.astype(object), fiscal_year.astype(object))],
        index=frame.index,
        dtype=object,
    )


def _stored_columns(columns: Mapping[str, str]) -> dict[str, str]:
    return {name: kind for name, kind in columns.items() if name not in PARTITION_KEYS}


def _write_file(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    hidden = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, hidden)
        os.replace(hidden, path)
    except BaseException:
        hidden.unlink(missing_ok=True)
        raise


def write_parquet(frames: Mapping[str, pd.DataFrame], root: str | os.PathLike[str]) -> list[Path]:
    """Write ingest frames under ``root``, partitioned by company and fiscal year.

    Parameters
    ----------
    frames
        Frames by name (``documents``, ``tables``, ``facts``, ``highlights``,
        ``prose_facts``), as in :data:`~.columns.FRAMES`; ``documents`` must be
        there and hold every document the other frames refer to.
    root
        Folder of the dataset; created when missing.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Raises
    ------
    IngestError
        A file cannot be written (no space, no permission, a name too long).
    """
    documents = frames["documents"]
    root = Path(root)
    written: list[Path] = []
    for name, frame in frames.items():
        spec = FRAMES[name]
        if frame.empty:
            continue
        keys = pd.DataFrame({"folder": _partition_dirs(name, frame, documents),
                             "document_id": frame["document_id"].astype(object)})
        for (folder, document_id), rows in keys.groupby(["folder", "document_id"], sort=False):
            stored = _stored_columns(spec.columns)
            part = frame.loc[rows.index, list(stored)]
            table = pa.Table.from_pandas(part, schema=arrow_schema(stored), preserve_index=False)
            path = root / name / folder / f"{document_id}.parquet"
            try:
                _write_file(table, path)
            except OSError as error:
                raise IngestError(f"cannot write {path}: {error.strerror or error}") from error
            written.append(path)
    return written


def read_parquet(root: str | os.PathLike[str], name: str, *, filters: Iterable | None = None) -> pd.DataFrame:
    """Read one frame of a dataset written by :func:`write_parquet`.

    Parameters
    ----------
    root
        Folder of the dataset.
    name
        Frame name: ``"facts"``, ``"documents"``, ...
    filters
        pyarrow filters in disjunctive normal form, e.g.
        ``[("company", "=", "Internet Initiative Japan Inc."), ("fiscal_year", ">=", 2004)]``;
        partition keys prune whole folders.

    Returns
    -------
    pandas.DataFrame
        The frame's declared columns and dtypes, ordered by its key.

    Examples
    --------
    >>> facts = read_parquet("out/parquet", "facts", filters=[("fiscal_year", "=", 2004)])  # doctest: +SKIP
    """
    try:
        spec = FRAMES[name]
    except KeyError:
        raise ValueError(f"unknown frame {name!r}; known: {', '.join(FRAMES)}") from None
    folder = Path(root) / name
    if not folder.is_dir():
        return typed_frame([], spec.columns)
    table = pq.read_table(folder, partitioning=_PARTITIONING, filters=list(filters) if filters is not None else None)
    frame = table.to_pandas(types_mapper=_PANDAS_TYPES.get)
    frame = _typed(frame[list(spec.columns)], spec.columns)
    return frame.sort_values(list(spec.key), ignore_index=True)


def _typed(frame: pd.DataFrame, columns: Mapping[str, str]) -> pd.DataFrame:
    return frame.astype({name: pd.StringDtype() if kind == "string" else kind for name, kind in columns.items()})


def write_frame_file(frame: pd.DataFrame, path: str | os.PathLike[str], columns: Mapping[str, str]) -> Path:
    """Write one frame to one Parquet file, with the Arrow types of its declared ``columns``."""
    path = Path(path)
    table = pa.Table.from_pandas(frame[list(columns)], schema=arrow_schema(columns), preserve_index=False)
    try:
        _write_file(table, path)
    except OSError as error:
        raise IngestError(f"cannot write {path}: {error.strerror or error}") from error
    return path
