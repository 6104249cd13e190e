"""One document, parsed where the work runs: a task in, a small picklable payload out.

:func:`parse_document` is what an executor runs. It returns the document's rows
(:class:`DocumentRows`: every frame of :data:`~.columns.FRAMES` as plain Python
values, column by column, a few hundred rows, built from the parsed model without
making a DataFrame) or, when the file cannot be read
or parsed, a :class:`Failure`; it never raises for a bad file, so one bad file
cannot stop a batch. The frames are turned into plain values in the worker, so
the parent, the one writer of the database, only has to write them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..checks.frame import result_records
from ..checks.runner import cell_verdicts, figure_checks_of, run_checks
from ..frames import fact_records, highlight_records, prose_fact_records
from ..concepts import ConceptMap
from ..model import Release
from .columns import FRAMES, frame_from_columns, frame_to_columns, plain_columns

__all__ = ["Task", "DocumentRows", "Failure", "parse_document", "document_rows", "failure_from"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Task:
    """A file to parse, with the content id and size the parent computed, and the concept
    rules its facts are named by (None: the shipped ones)."""

    path: str
    document_id: str
    size_bytes: int
    concepts: ConceptMap | None = None


@dataclass(frozen=True)
class DocumentRows:
    """Every frame of one document, as plain values: ``columns[frame][column]`` is a list
    (None for NA). :meth:`frame` rebuilds a frame with its declared dtypes."""

    document_id: str
    path: str
    columns: dict[str, dict[str, list[object]]]

    @classmethod
    def from_frames(cls, document_id: str, path: str, frames: Mapping[str, pd.DataFrame]) -> DocumentRows:
        """From frames with the declared columns of :data:`~.columns.FRAMES`."""
        return cls(document_id, path, {name: frame_to_columns(frames[name], FRAMES[name].columns) for name in FRAMES})

    def row_count(self, name: str) -> int:
        return len(self.columns[name]["document_id"])

    def records(self, name: str) -> list[dict[str, object]]:
        """The rows of one frame as dicts, as database drivers take them."""
        data = self.columns[name]
        names = list(data)
        return [dict(zip(names, values)) for values in zip(*data.values())]

    def frame(self, name: str) -> pd.DataFrame:
        """One frame, with its declared columns and dtypes."""
        return frame_from_columns(self.columns[name], FRAMES[name].columns)

    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """Every frame, by name."""
        return {name: self.frame(name) for name in FRAMES}


@dataclass(frozen=True)
class Failure:
    """A file that could not be read, parsed or loaded, as one row of ``errors``."""

    path: str
    document_id: str | None
    stage: str
    error_type: str
    message: str

    def record(self) -> dict[str, object]:
        return {"path": self.path, "document_id": self.document_id, "stage": self.stage,
                "error_type": self.error_type, "message": self.message}


def failure_from(error: BaseException, *, path: str, document_id: str | None, stage: str) -> Failure:
    """The :class:`Failure` row for ``error``; the message is one line."""
    message = " ".join(str(error).split()) or repr(error)
    return Failure(path, document_id, stage, type(error).__name__, message)


def _table_records(release: Release) -> list[dict[str, object]]:
    return [
        {
            "table": table.index,
            "title": table.title,
            "unit": table.unit,
            "scale": table.scale,
            "row_count": len(table.line_items),
            "column_count": len(table.columns),
            "column_labels": json.dumps(table.column_labels, ensure_ascii=False),
            "footnotes": json.dumps(dict(table.footnotes), ensure_ascii=False),
            "source": table.source or release.source,
            "page": table.page,
            "first_line": table.first_line,
            "last_line": table.last_line,
        }
        for table in release.tables
    ]


def _document_record(release: Release, path: str, size_bytes: int | None,
                     counts: Mapping[str, int], failed_checks: int) -> dict[str, object]:
    from .. import __version__

    period = release.period
    return {
        "source": path,
        "file_name": Path(path).name,
        "size_bytes": size_bytes,
        "kind": release.kind,
        "page_count": release.page_count,
        "company": release.company,
        "title": release.title,
        "published": release.published,
        "period": period.label if period else None,
        "fiscal_year": period.fiscal_year if period else None,
        "fiscal_period": period.fiscal_period if period else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "year_end_month": release.calendar.year_end_month if release.calendar else None,
        "naming": release.calendar.naming if release.calendar else None,
        "table_count": counts["tables"],
        "fact_count": counts["facts"],
        "highlight_count": counts["highlights"],
        "prose_fact_count": counts["prose_facts"],
        "check_count": counts["checks"],
        "failed_check_count": failed_checks,
        "parser_version": __version__,
        "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None),
    }


def document_rows(release: Release, *, document_id: str, path: str, size_bytes: int | None = None,
                  concepts: ConceptMap | None = None) -> DocumentRows:
    """Every frame of a parsed release as plain values, built from the release's records
    (no DataFrame is made): each row with its ``document_id`` and position key.

    Parameters
    ----------
    release
        The parsed release.
    document_id
        Its content id (:func:`~.sources.content_id`).
    path
        The file it was read from.
    size_bytes
        The file's size, when known.
    concepts
        The concept rules (None: the shipped ones).
    """
    results = run_checks(release)
    records = {
        "tables": _table_records(release),
        "facts": fact_records(release, cell_verdicts(figure_checks_of(results)), concepts),
        "highlights": highlight_records(release),
        "prose_facts": prose_fact_records(release, concepts),
        "checks": result_records(results),
    }
    counts = {name: len(rows) for name, rows in records.items()}
    failed = sum(1 for result in results if not result.passed)
    records["documents"] = [_document_record(release, path, size_bytes, counts, failed)]
    columns = {}
    for name, spec in FRAMES.items():
        keyed = [{**row, "document_id": document_id, **({spec.position: number} if spec.position else {})}
                 for number, row in enumerate(records[name])]
        columns[name] = plain_columns(keyed, spec.columns)
    return DocumentRows(document_id, path, columns)


def parse_document(task: Task) -> DocumentRows | Failure:
    """Parse one file into its frames, or describe why it could not be.

    Any exception raised while parsing (a :class:`~release_parser.errors.ReadError`
    for a corrupt file, or a parser bug) is returned as a :class:`Failure` with
    stage ``"parse"``; ``KeyboardInterrupt`` and ``SystemExit`` propagate.
    """
    from ..api import parse

    try:
        release = parse(task.path)
        return document_rows(release, document_id=task.document_id, path=task.path, size_bytes=task.size_bytes,
                             concepts=task.concepts)
    except Exception as error:  # recorded as a row of ``errors``, never swallowed
        logger.debug("%s: cannot parse", task.path, exc_info=True)
        return failure_from(error, path=task.path, document_id=task.document_id, stage="parse")
