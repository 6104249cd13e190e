"""Totals: a ``Total …`` row (or a subtotal such as gross profit) equals the rows it closes.

A table is read top to bottom with a stack of open rows. At a total, candidate
readings are the runs of open rows just above it (all added, or the first less the
rest: revenues − costs = gross profit), or the rows just below it (a total printed
first). The columns vote: the reading that holds in the most columns is the table's
structure, and each column is then checked against it. A row no label calls a total
but whose open rows above add up to it in every column (``Other income (expense), net``)
closes them silently, so the chain above it reads right (all columns must add up, or
all but one of at least three: a wrong cell there then fails the labelled total below).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import Table
from .figures import RATIO_CHANGE_MEASURES, Figure, figure_at
from .labels import is_per_share_label, is_subtotal_label, is_total_label
from .result import CellRef, CheckResult
from .tolerance import sum_tolerance

__all__ = ["check_totals", "Reading", "MAX_RUN"]

#: Longest run of rows a total may close.
MAX_RUN = 16


@dataclass(frozen=True)
class Reading:
    """A total and the rows it closes; ``signs`` is +1/-1 per row; ``natural`` when the labels imply it."""

    total: int
    rows: tuple[int, ...]
    signs: tuple[int, ...]
    natural: bool


@dataclass(frozen=True)
class _Outcome:
    column: int
    total: Figure
    parts: tuple[Figure, ...]
    expected: float
    tolerance: float

    @property
    def passed(self) -> bool:
        return abs(self.total.value - self.expected) <= self.tolerance


def _blank(table: Table, row: int, column: int, unit: str | None) -> Figure:
    cell = table.cells[row][column] if column < len(table.cells[row]) else None
    line = cell.provenance.line if cell is not None else (table.line_items[row].provenance.line
                                                          if table.line_items[row].provenance else 0)
    return Figure(0.0, 0.0, unit, CellRef(table.index, row, column, line), "", zero=True)


def _evaluate(table: Table, reading: Reading, column: int) -> _Outcome | None:
    total = figure_at(table, reading.total, column)
    if total is None or total.is_percent:
        return None
    parts = [figure_at(table, row, column) for row in reading.rows]
    if all(part is None for part in parts) or any(p is not None and p.unit != total.unit for p in parts):
        return None
    # under a printed total, a blank component is nil: a lost cell then shows as a wrong sum
    figures = tuple(part if part is not None else _blank(table, row, column, total.unit)
                    for row, part in zip(reading.rows, parts))
    if all(part.zero for part in figures) and total.zero:
        return None
    expected = sum(sign * part.value for sign, part in zip(reading.signs, figures))
    tolerance = sum_tolerance([total.error, *(part.error for part in figures)], expected)
    return _Outcome(column, total, figures, expected, tolerance)


def _vote(table: Table, reading: Reading, columns: Sequence[int]) -> list[_Outcome]:
    return [o for o in (_evaluate(table, reading, c) for c in columns) if o is not None]


def _accepted(outcomes: Sequence[_Outcome], natural: bool) -> bool:
    passes = sum(o.passed for o in outcomes)
    fails = len(outcomes) - passes
    return passes >= 1 and passes >= fails and (natural or passes >= 2 or fails == 0)


def _candidates(total: int, stack: Sequence[tuple[int, bool]], below: Sequence[int]) -> Iterator[Reading]:
    """Readings of a total over the open rows above it (natural ones first), then over the rows below."""
    last_closing = _last_closing(stack)
    runs: list[tuple[tuple[int, ...], bool]] = []
    natural_starts = [last_closing + 1] + ([last_closing] if last_closing >= 0 else [])
    for start in natural_starts:
        runs.append((tuple(row for row, _ in stack[start:]), True))
    for length in range(2, min(len(stack), MAX_RUN) + 1):
        runs.append((tuple(row for row, _ in stack[-length:]), False))
    seen: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for rows, natural in runs:
        if len(rows) < 2:
            continue
        for signs in ((1,) * len(rows), (1,) + (-1,) * (len(rows) - 1)):
            if (rows, signs) not in seen:
                seen.add((rows, signs))
                yield Reading(total, rows, signs, natural)
    for length in range(2, min(len(below), MAX_RUN) + 1):
        yield Reading(total, tuple(below[:length]), (1,) * length, False)


def _best(table: Table, readings: Iterator[Reading], columns: Sequence[int]) -> tuple[Reading, list[_Outcome]] | None:
    best: tuple[Reading, list[_Outcome]] | None = None
    for reading in readings:
        outcomes = _vote(table, reading, columns)
        if not _accepted(outcomes, reading.natural):
            continue
        if best is None or sum(o.passed for o in outcomes) > sum(o.passed for o in best[1]):
            best = (reading, outcomes)
    return best


def _sum_columns(table: Table) -> list[int]:
    return [i for i, column in enumerate(table.columns) if column.measure not in RATIO_CHANGE_MEASURES]


def table_structure(table: Table) -> list[tuple[Reading, list[_Outcome]]]:
    """The readings of every labelled total of a table that its columns confirm."""
    columns = _sum_columns(table)
    labels = [item.label for item in table.line_items]
    closing = [is_total_label(label) or is_subtotal_label(label) for label in labels]
    has_figure = [any(figure_at(table, r, c) is not None for c in columns) for r in range(len(labels))]
    stack: list[tuple[int, bool]] = []
    consumed: set[int] = set()
    found: list[tuple[Reading, list[_Outcome]]] = []
    for row, label in enumerate(labels):
        if row in consumed or not has_figure[row] or is_per_share_label(label):
            continue
        if closing[row]:
            nxt = next((r for r in range(row + 1, len(labels)) if closing[r]), len(labels))
            below = [r for r in range(row + 1, nxt) if has_figure[r] and not is_per_share_label(labels[r])]
            best = _best(table, _candidates(row, stack, below), columns)
            if best is not None:
                found.append(best)
                reading = best[0]
                if reading.rows and reading.rows[0] > row:
                    consumed.update(reading.rows)
                else:
                    del stack[len(stack) - len(reading.rows):]
        else:
            _close_silently(table, row, stack, columns)
        stack.append((row, closing[row]))
    return found


def _close_silently(table: Table, row: int, stack: list[tuple[int, bool]], columns: Sequence[int]) -> None:
    """Let an unlabelled row close the open rows since the last total when every column adds up."""
    last_closing = _last_closing(stack, within=MAX_RUN + 1)
    rows = tuple(r for r, _ in stack[last_closing + 1:])
    if len(rows) < 2 or len(rows) > MAX_RUN:  # a run longer than any total closes is no silent total
        return
    outcomes = _vote(table, Reading(row, rows, (1,) * len(rows), True), columns)
    passes = sum(o.passed for o in outcomes)
    # every column adds up, or all but one of three or more (a wrong cell there fails the total below)
    if outcomes and (passes == len(outcomes) or (passes >= 2 and len(outcomes) - passes == 1)):
        del stack[last_closing + 1:]


def _last_closing(stack: Sequence[tuple[int, bool]], within: int | None = None) -> int:
    """Where in ``stack`` the last total is (-1: none), looking back no further than ``within`` rows.

    Scanning from the end keeps the work per row to the rows since the last total, so a
    table of many rows and few totals is read in linear time.
    """
    for back, (_, closing) in enumerate(reversed(stack)):
        if closing:
            return len(stack) - 1 - back
        if within is not None and back >= within:
            return len(stack) - 1 - back - 1
    return -1


def check_totals(table: Table) -> Iterator[CheckResult]:
    """One result per column of every total whose reading the table's columns confirm."""
    for reading, outcomes in table_structure(table):
        rule = "total.sum" if all(s > 0 for s in reading.signs) else "total.difference"
        item = table.line_items[reading.total]
        for outcome in outcomes:
            spec = table.columns[outcome.column]
            yield CheckResult(rule, table.index, item.label, spec.label,
                              spec.period.label if spec.period else (spec.as_of.isoformat() if spec.as_of else None),
                              outcome.expected, outcome.total.value, outcome.tolerance,
                              (outcome.total.ref, *(p.ref for p in outcome.parts)))
