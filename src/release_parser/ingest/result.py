"""What an ingest returns: counts, the documents loaded, errors, and the other frames."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..frames import typed_frame
from .columns import CHILD_FRAMES, ERROR_COLUMNS, FRAMES, SKIPPED_COLUMNS

if TYPE_CHECKING:
    from .sql import Database

__all__ = ["IngestCounts", "IngestResult"]


@dataclass(frozen=True)
class IngestCounts:
    """How many files an ingest found and what became of them, and the rows it loaded.

    ``failed`` counts the rows of ``errors``: usually ``files = loaded + skipped +
    failed``, but a path that does not exist or a pattern that matches nothing is a
    failure and no file, and a document loaded whose Parquet files could not be
    written counts as loaded and as failed.
    """

    files: int = 0
    loaded: int = 0
    skipped: int = 0
    failed: int = 0
    tables: int = 0
    facts: int = 0
    highlights: int = 0
    prose_facts: int = 0
    checks: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def __str__(self) -> str:
        return (f"{self.files} files: {self.loaded} loaded, {self.skipped} skipped, {self.failed} failed; "
                f"{self.tables} tables, {self.facts} facts, {self.highlights} highlights, "
                f"{self.prose_facts} prose facts")


class IngestResult:
    """The outcome of :func:`~release_parser.ingest.ingest`.

    Attributes
    ----------
    counts : IngestCounts
        Files found, loaded, skipped and failed, and rows loaded.
    documents : pandas.DataFrame
        One row per document loaded by this ingest (not those skipped).
    errors : pandas.DataFrame
        One row per file that failed: ``path, document_id, stage, error_type, message``.
    skipped : pandas.DataFrame
        Files not parsed because their content was loaded already: ``path, document_id, reason``.
    db : str or None
        URL of the database loaded into (password hidden), None for an in-memory ingest.

    Notes
    -----
    ``tables``, ``facts``, ``highlights`` and ``prose_facts`` hold the rows of the
    documents in :attr:`documents`. Without a database they are built in memory
    during the ingest. With a database they are not kept while loading (memory
    stays flat however large the batch): each is read from the database the first
    time it is asked for, then kept.
    """

    def __init__(
        self,
        *,
        counts: IngestCounts,
        documents: pd.DataFrame,
        errors: pd.DataFrame,
        skipped: pd.DataFrame,
        frames: dict[str, pd.DataFrame] | None = None,
        database: Database | None = None,
    ) -> None:
        self.counts = counts
        self.documents = documents
        self.errors = errors
        self.skipped = skipped
        self._frames = frames
        self._database = database
        self.db = database.url if database is not None else None

    def frame(self, name: str) -> pd.DataFrame:
        """A frame by name: ``"documents"``, ``"tables"``, ``"facts"``, ``"highlights"``,
        ``"prose_facts"``, ``"errors"`` or ``"skipped"``."""
        if name in ("documents", "errors", "skipped"):
            return getattr(self, name)
        if name not in CHILD_FRAMES:
            raise ValueError(f"unknown frame {name!r}; known: {', '.join([*FRAMES, 'errors', 'skipped'])}")
        return getattr(self, name)

    def _child(self, name: str) -> pd.DataFrame:
        if self._frames is not None:
            return self._frames[name]
        if self._database is None or self.documents.empty:
            return typed_frame([], FRAMES[name].columns)
        return self._database.read_frame(name, self.documents["document_id"].tolist())

    @cached_property
    def tables(self) -> pd.DataFrame:
        """One row per table: title, unit, scale, size and where it was printed."""
        return self._child("tables")

    @cached_property
    def facts(self) -> pd.DataFrame:
        """``Release.facts`` of every document, with ``document_id`` and ``fact_no`` in front."""
        return self._child("facts")

    @cached_property
    def highlights(self) -> pd.DataFrame:
        """``Release.highlights`` of every document, with ``document_id`` and ``highlight_no``."""
        return self._child("highlights")

    @cached_property
    def prose_facts(self) -> pd.DataFrame:
        """``Release.prose_facts`` of every document, with ``document_id`` and ``prose_fact_no``."""
        return self._child("prose_facts")

    @cached_property
    def checks(self) -> pd.DataFrame:
        """``Release.checks`` of every document, with ``document_id`` and ``check_no``."""
        return self._child("checks")

    def to_parquet(self, root: str | os.PathLike[str]) -> Path:
        """Write this ingest's documents and their rows as a Parquet dataset under ``root``.

        See :mod:`release_parser.ingest.parquet` for the layout. With a database,
        the rows are read and written a chunk of documents at a time.
        """
        from .parquet import write_parquet

        root = Path(root)
        if self._frames is not None or self._database is None:
            write_parquet({"documents": self.documents, **{n: self._child(n) for n in CHILD_FRAMES}}, root)
            return root
        ids = self.documents["document_id"].tolist()
        chunks = {name: self._database.iter_frames(name, ids) for name in FRAMES}
        for documents in chunks["documents"]:
            frames = {"documents": documents, **{name: next(chunks[name]) for name in CHILD_FRAMES}}
            write_parquet(frames, root)
        return root

    def close(self) -> None:
        """Release the database connections (the frames already read stay usable)."""
        if self._database is not None:
            self._database.close()

    def __repr__(self) -> str:
        where = f" into {self.db}" if self.db else ""
        return f"<IngestResult{where}: {self.counts}>"


def empty_frame(name: str) -> pd.DataFrame:
    """An empty frame of an ingest, with its declared columns."""
    columns = {"errors": ERROR_COLUMNS, "skipped": SKIPPED_COLUMNS}.get(name) or FRAMES[name].columns
    return typed_frame([], columns)
