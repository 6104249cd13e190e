"""``Release.checks`` as a DataFrame, and the per-cell verdicts ``Release.facts`` reads back from it."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import pandas as pd

from ..frames import CHECK_COLUMNS, typed_frame
from ..model import Release
from .agreement import PROSE_AGREEMENT
from .result import CheckResult
from .runner import run_checks

__all__ = ["checks_frame", "results_frame", "result_records", "frame_verdicts", "verdict_line"]

_CELL_ID = re.compile(r"t(?P<table>\d+)r(?P<row>\d+)c(?P<column>\d+)")


def result_records(results: Iterable[CheckResult]) -> list[dict[str, object]]:
    """The rows of :func:`results_frame` as plain dicts."""
    return [
        {
            "rule": r.rule,
            "table": r.table,
            "line_item": r.line_item,
            "column": r.column,
            "period": r.period,
            "expected": None if math.isnan(r.expected) else r.expected,  # NA in a frame, NULL in SQL
            "found": r.found,
            "tolerance": r.tolerance,
            "passed": r.passed,
            "facts": " ".join(ref.id for ref in r.cells),
            "lines": " ".join(str(ref.line) for ref in r.cells),
        }
        for r in results
    ]


def results_frame(results: Iterable[CheckResult]) -> pd.DataFrame:
    """One row per check, with the columns of :data:`~release_parser.frames.CHECK_COLUMNS`.

    ``facts`` lists the figures read (``t0r1c2``: table 0, row 1, column 2; ``p3``: prose
    fact 3), the checked one first; ``lines`` their printed lines, in the same order.
    """
    return typed_frame(result_records(results), CHECK_COLUMNS)


def checks_frame(release: Release) -> pd.DataFrame:
    """``Release.checks``: every check run over the release."""
    return results_frame(run_checks(release, release._figure_checks))


def frame_verdicts(checks: pd.DataFrame) -> dict[tuple[int, int, int], bool]:
    """``(table, row, column)`` -> False when a failed check read the cell, True when only passed ones did."""
    return _verdicts(zip(checks["facts"], checks["passed"]))


def _verdicts(checked: Iterable[tuple[object, object]]) -> dict[tuple[int, int, int], bool]:
    verdicts: dict[tuple[int, int, int], bool] = {}
    for facts, passed in checked:
        for match in _CELL_ID.finditer(str(facts)):
            key = (int(match["table"]), int(match["row"]), int(match["column"]))
            verdicts[key] = verdicts.get(key, True) and bool(passed)
    return verdicts


def verdict_line(release: Release) -> str:
    """``"412 cells, 388 covered by checks, 0 failed"``: the release's fact cells, those ``facts.verified``
    marks (checks among the tables), and every failed check, prose agreement included."""
    checks = release.checks
    read_tables_only = checks[checks["rule"] != PROSE_AGREEMENT]
    cells = {(t.index, r, c) for t in release.tables for r, row in enumerate(t.cells)
             for c, cell in enumerate(row) if cell is not None and cell.number is not None}
    covered = cells & set(frame_verdicts(read_tables_only))
    failed = int((~checks["passed"].astype(bool)).sum())
    return f"{len(cells)} cells, {len(covered)} covered by checks, {failed} failed"
