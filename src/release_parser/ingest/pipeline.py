"""The :func:`ingest` function: files in, frames (and database rows) out.

The parent process finds the files, hashes each (its content id), skips those
already loaded, and hands the others to workers, a bounded number at a time.
Workers parse and send back one document's frames; the parent writes each
document in one transaction (SQLite has one writer) and, when asked, its
Parquet files. Nothing else is kept per document, so memory stays flat.

With a database, the Parquet files are derived from it: a document is exported
after its transaction commits, from the rows the database holds, and recorded
(:mod:`.parquet_record`). A document already loaded but not recorded (an ingest
killed in between, a disk that was full) is exported when the next ingest meets it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..concepts import ConceptMap, ConceptsLike, concept_map
from ..errors import ReleaseParserError
from ..frames import typed_frame
from .columns import CHILD_FRAMES, ERROR_COLUMNS, FRAMES, SKIPPED_COLUMNS, frame_from_columns
from .document import DocumentRows, Failure, Task, failure_from, parse_document
from .errors import DocumentLoadError, IngestError
from .result import IngestCounts, IngestResult
from .runner import WorkerPool, progress_bar, stream_results
from .sources import content_id, expand_sources

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from .sql import Database

__all__ = ["ingest"]

logger = logging.getLogger(__name__)

Sources = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


class _Batch:
    """What one ingest has seen and done so far (small rows only when loading into a database)."""

    def __init__(self, database: Database | None, parquet: Path | None, *, reparse: bool = False) -> None:
        self.database = database
        self.parquet = parquet
        self.reparse = reparse
        self.loaded: dict[str, str] = {}  # document_id -> path, this run
        self.in_flight: dict[str, str] = {}
        self.documents: dict[str, list[object]] = {name: [] for name in FRAMES["documents"].columns}
        self.frames: dict[str, list[pd.DataFrame]] | None = None if database else {n: [] for n in CHILD_FRAMES}
        self.errors: list[dict[str, object]] = []
        self.skipped: list[dict[str, object]] = []
        self.rows = dict.fromkeys(CHILD_FRAMES, 0)
        self.records: dict[str, dict[str, object]] = {}
        if parquet is not None:
            from .parquet_record import read_records

            self.records = read_records(parquet)

    def skip_reason(self, document_id: str) -> str | None:
        earlier = self.loaded.get(document_id) or self.in_flight.get(document_id)
        if earlier is not None:
            return f"same content as {earlier}"
        if self.database is not None and not self.reparse and self.database.has_document(document_id):
            return "already loaded"
        return None

    def fail(self, failure: Failure) -> None:
        logger.info("%s: %s: %s", failure.path, failure.error_type, failure.message)
        self.errors.append(failure.record())
        if self.database is not None:
            self.database.write_error(failure)

    def skip(self, path: str, document_id: str, reason: str) -> None:
        self.skipped.append({"path": path, "document_id": document_id, "reason": reason})
        if self.parquet is not None and self.database is not None and reason == "already loaded" \
                and document_id not in self.records:
            self.export_loaded(path, document_id)

    def store(self, payload: DocumentRows) -> None:
        if self.database is not None:
            try:
                written = self.database.write_document(payload, replace=self.reparse)
            except DocumentLoadError as error:
                self.fail(failure_from(error, path=payload.path, document_id=payload.document_id, stage="load"))
                return
            if not written:
                self.skip(payload.path, payload.document_id, "already loaded")
                return
        else:
            for name in CHILD_FRAMES:
                self.frames[name].append(payload.frame(name))
        if self.parquet is not None:
            self.export(payload)
        self.loaded[payload.document_id] = payload.path
        for column, values in payload.columns["documents"].items():
            self.documents[column].extend(values)
        for name in CHILD_FRAMES:
            self.rows[name] += payload.row_count(name)

    def export(self, payload: DocumentRows) -> None:
        """Write a stored document's Parquet files: from the database when there is one."""
        from .parquet_record import export_document, write_document_files

        document_id = payload.document_id
        try:
            if self.database is not None:
                record = export_document(self.database, document_id, self.parquet, self.records.get(document_id))
            else:
                record = write_document_files(payload.frames, document_id, self.parquet, self.records.get(document_id))
        except IngestError as error:  # the document is loaded; only its Parquet files are missing
            self.fail(failure_from(error, path=payload.path, document_id=document_id, stage="export"))
            return
        self.records[document_id] = record

    def export_loaded(self, path: str, document_id: str) -> None:
        """Export a document loaded by an earlier ingest whose export did not finish."""
        from .parquet_record import export_document

        try:
            self.records[document_id] = export_document(self.database, document_id, self.parquet)
        except IngestError as error:
            self.fail(failure_from(error, path=path, document_id=document_id, stage="export"))
            return
        self.database.forget_errors(document_id, "export")

    def result(self, files: int) -> IngestResult:
        counts = IngestCounts(
            files=files, loaded=len(self.loaded), skipped=len(self.skipped), failed=len(self.errors), **self.rows
        )
        frames = None
        if self.frames is not None:
            frames = {name: _concat(parts, name) for name, parts in self.frames.items()}
        return IngestResult(
            counts=counts,
            documents=frame_from_columns(self.documents, FRAMES["documents"].columns),
            errors=typed_frame(self.errors, ERROR_COLUMNS),
            skipped=typed_frame(self.skipped, SKIPPED_COLUMNS),
            frames=frames,
            database=self.database,
        )


def _concat(parts: list[pd.DataFrame], name: str) -> pd.DataFrame:
    parts = [part for part in parts if not part.empty]
    if not parts:
        return typed_frame([], FRAMES[name].columns)
    return pd.concat(parts, ignore_index=True)


def _tasks(files: list[Path], batch: _Batch, bar, concepts: ConceptMap | None) -> Iterator[Task]:
    """Hash each file and yield those to parse; record the unreadable and the skipped."""
    for path in files:
        source = str(path)
        try:
            document_id, size = content_id(path)
        except (OSError, ReleaseParserError) as error:
            batch.fail(failure_from(error, path=source, document_id=None, stage="read"))
            bar.update(1)
            continue
        reason = batch.skip_reason(document_id)
        if reason is not None:
            batch.skip(source, document_id, reason)
            bar.update(1)
            continue
        batch.in_flight[document_id] = source
        yield Task(source, document_id, size, concepts)


def ingest(
    sources: Sources,
    *,
    db: str | os.PathLike[str] | Engine | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    progress: bool = True,
    parquet: str | os.PathLike[str] | None = None,
    reparse: bool = False,
    concepts: ConceptsLike | None = None,
) -> IngestResult:
    """Parse many releases in parallel into frames, a database and/or Parquet files.

    Parameters
    ----------
    sources
        Files, directories (walked recursively) and glob patterns, alone or in a
        list. Directories and patterns yield the files whose suffix is ``.txt``,
        ``.text``, ``.md`` or ``.pdf``; a file named on its own is always read
        (see :mod:`release_parser.ingest.sources`).
    db
        Where to load: a SQLAlchemy URL (``"sqlite:///releases.db"``,
        ``"postgresql://user@host/releases"``), a SQLite file path, or an
        Engine. Each document is written in one transaction; documents already
        there (same content) are skipped before parsing, so an interrupted
        ingest resumes where it stopped. None keeps everything in memory.
    workers
        Worker processes; None: one per CPU; 0: parse in this process. With
        ``executor``: how many tasks it runs at once (default: asked of it).
    executor
        Any :class:`concurrent.futures.Executor` to parse on instead of a
        process pool of our own, e.g. a Dask cluster's ``client.get_executor()``.
        The files must be readable by its workers at the same paths.
    progress
        Show a progress bar (tqdm): a widget in notebooks, a bar on terminals.
    parquet
        Also write each loaded document's frames under this folder
        (:mod:`release_parser.ingest.parquet`).
    reparse
        Parse documents already in ``db`` again and replace their rows, each in
        one transaction (after upgrading the parser). Off: they are skipped.
    concepts
        Concept rules of your own, tried before the shipped ones, to name the facts'
        ``concept`` (see :func:`~release_parser.concepts`).

    Returns
    -------
    IngestResult
        ``counts``, ``documents``, ``errors``, ``skipped``, and ``tables``,
        ``facts``, ``highlights``, ``prose_facts`` (read from ``db`` on demand
        when there is one).

    Raises
    ------
    DatabaseError
        The database cannot be opened or written. A file that cannot be read,
        parsed or loaded never raises: it becomes a row of ``errors``.
    SchemaVersionError
        The database was written by a different schema version.

    Examples
    --------
    >>> import release_parser as rp
    >>> result = rp.ingest("samples/", db="sqlite:///releases.db")  # doctest: +SKIP
    >>> result.counts.loaded, len(result.errors)  # doctest: +SKIP
    (1, 0)
    >>> revenue = "line_item_key == 'total_revenues' and period == '2Q04' and measure == 'value'"
    >>> result.facts.query(revenue)["value"]  # doctest: +SKIP
    0    10512.0
    Name: value, dtype: Float64
    """
    files, problems = expand_sources(sources)
    database = None
    if db is not None:
        from .sql import Database

        database = Database.open(db)
    try:
        batch = _Batch(database, Path(parquet) if parquet is not None else None, reparse=reparse)
        for problem in problems:
            batch.fail(Failure(problem.path, None, "find", problem.error_type, problem.message))
        with WorkerPool(workers=workers, executor=executor) as pool, progress_bar(len(files), enabled=progress) as bar:
            tasks = _tasks(files, batch, bar, concept_map(concepts) if concepts is not None else None)
            for task, outcome in stream_results(parse_document, tasks, pool):
                batch.in_flight.pop(task.document_id, None)
                if isinstance(outcome, DocumentRows):
                    batch.store(outcome)
                elif isinstance(outcome, Failure):
                    batch.fail(outcome)
                else:
                    batch.fail(failure_from(outcome, path=task.path, document_id=task.document_id, stage="parse"))
                bar.update(1)
                bar.set_postfix(loaded=len(batch.loaded), skipped=len(batch.skipped), failed=len(batch.errors),
                                refresh=False)
    except BaseException:
        if database is not None:
            database.close()
        raise
    return batch.result(len(files))
