"""Change columns: a YoY/QoQ % change is value ÷ base − 1, an absolute change is value − base.

The value and the base come from the same row of the same table, by period; a base
printed only in another table of the release is taken from there. A margin's change
printed in points (``+2.8 ppts``, ``+40 bps``) is a difference of the two percents.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Column, Release, Table
from ..normalize.periods import FiscalPeriod
from .figures import DIFFERENCE_MEASURES, RATIO_CHANGE_MEASURES, Figure, column_span, figure_at, is_share_column
from .index import Span, ValueIndex, value_columns
from .result import CellRef, CheckResult
from .tolerance import interval_tolerance, ratio_interval, sum_tolerance

__all__ = ["check_changes", "check_changes_in", "base_of", "BLANK_OPERAND", "PERIOD_NOT_PRINTED"]

#: The rule of a printed change whose value or base is left blank in its own table.
BLANK_OPERAND = "change.blank_operand"
#: The rule of a change column whose own dates its table does not print among values of their length.
PERIOD_NOT_PRINTED = "change.period_not_printed"
#: Spans this close in length are of one kind (quarters of 13 weeks, 3 months, 92 days).
_SAME_LENGTH_DAYS = 7

_POINTS = re.compile(r"\d\s*(?:p\.?p\.?t?s?|pts?|points?|pp)\b", re.IGNORECASE)
_BASIS_POINTS = re.compile(r"\d\s*bps?\b|basis\s+points?", re.IGNORECASE)


def base_of(column: Column) -> FiscalPeriod | None:
    """The period a change column compares with: as printed, or implied by YoY/QoQ."""
    if column.base_period is not None or column.period is None:
        return column.base_period
    try:
        if column.measure.startswith("yoy"):
            return column.period.previous_year()
        if column.measure.startswith("qoq"):
            return column.period.previous()
    except ValueError:  # PeriodFormatError included: nine months have no preceding period
        return None
    return None


def _operand(table: Table, row: int, span: Span, before: int, index: ValueIndex, unit: str | None) -> Figure | None:
    """The value of ``row`` over ``span``: the nearest such column left of ``before``, else another table's."""
    columns = value_columns(table, span)
    columns = [c for c in columns if not is_share_column(table.columns[c])] or columns  # amounts, not their shares
    amounts = [c for c in columns if (f := figure_at(table, row, c)) is not None and not f.is_percent]
    columns = amounts or columns  # shares printed without a "%" header, beside the amounts, likewise
    if columns:
        left = [c for c in columns if c < before] or columns
        figure = figure_at(table, row, left[-1])
        return None if figure is None or figure.zero else figure
    return index.lookup(table.line_items[row].key, span, unit, exclude_table=table.index)


def _current_not_printed(table: Table, span: Span) -> bool:
    """Whether a change's own dates are missing from its table although the table prints other
    values of that length: a change sits beside the figure it describes, so a value column or
    the change column is dated wrong (a year off)."""
    if value_columns(table, span):
        return False
    spans = (s for c in table.columns if c.measure == "value" and (s := column_span(c)) is not None and s[0] != s[1])
    return any(_same_length(other, span) for other in spans)


def _base_not_printed(table: Table, base_span: Span) -> bool:
    """Whether a change's base is missing from its table while the table prints a value of that
    length no change of it compares (or one printed twice): that column is dated wrong."""
    return not value_columns(table, base_span) and any(_same_length(s, base_span) for s in _uncompared_spans(table))


def _same_length(a: Span, b: Span) -> bool:
    return abs((a[1] - a[0]).days - (b[1] - b[0]).days) <= _SAME_LENGTH_DAYS


def _uncompared_spans(table: Table) -> list[Span]:
    """Spans of value columns no change column of the table compares, and spans printed twice."""
    compared: set[Span] = set()
    for column in table.columns:
        span, base = column_span(column), base_of(column)
        if column.measure in RATIO_CHANGE_MEASURES | DIFFERENCE_MEASURES and span is not None and base is not None:
            compared |= {span, (base.start, base.end)}
    seen: set[Span] = set()
    uncompared = []
    for column in table.columns:
        span = column_span(column)
        if column.measure != "value" or span is None or span[0] == span[1] or is_share_column(column):
            continue
        if span in seen or span not in compared:
            uncompared.append(span)
        seen.add(span)
    return uncompared


def _blank_operand(table: Table, row: int, spans: tuple[Span, Span], before: int, change_line: int) -> CellRef | None:
    """Where a change's value or base should be: a column of its dates in this table, left blank
    in this row although the change is printed (a cell lost, or the row's cells shifted); its
    line is the change's, the row's line."""
    for span in spans:
        columns = value_columns(table, span)
        if columns and all(table.cells[row][c] is None for c in columns):
            column = ([c for c in columns if c < before] or columns)[-1]
            return CellRef(table.index, row, column, change_line)
    return None


def _ratio_change(change: Figure, current: Figure, base: Figure) -> tuple[str, float, float] | None:
    if base.value < 0 and current.value < 0:  # two costs printed negative: their ratio is that of the amounts
        current, base = replace(current, value=-current.value), replace(base, value=-base.value)
    bounds = ratio_interval(current.value, current.error, base.value, base.error)
    if bounds is None:
        return None
    expected = 100.0 * (current.value / base.value - 1.0)
    low, high = 100.0 * (bounds[0] - 1.0), 100.0 * (bounds[1] - 1.0)
    return "change.ratio", expected, interval_tolerance(expected, low, high, change.error)


def _point_change(change: Figure, current: Figure, base: Figure, factor: float) -> tuple[str, float, float]:
    expected = (current.value - base.value) * factor
    return "change.points", expected, sum_tolerance(
        (current.error * factor, base.error * factor, change.error), expected)


def _expectation(measure: str, change: Figure, current: Figure, base: Figure) -> tuple[str, float, float] | None:
    """The rule, expected change and tolerance; None when the change cannot be computed."""
    if current.unit != base.unit:
        return None
    if measure in DIFFERENCE_MEASURES:
        if change.is_percent != current.is_percent:
            return None
        expected = current.value - base.value
        return "change.difference", expected, sum_tolerance((current.error, base.error, change.error), expected)
    if not current.is_percent:
        return _ratio_change(change, current, base)
    if _BASIS_POINTS.search(change.raw) or change.unit == "bps":
        return _point_change(change, current, base, 100.0)
    points = _point_change(change, current, base, 1.0)
    if _POINTS.search(change.raw):
        return points
    ratio = _ratio_change(change, current, base)  # a margin's change without a unit: points or percent
    candidates = [points] + ([ratio] if ratio else [])
    return min(candidates, key=lambda c: abs(change.value - c[1]) - c[2])


def _column_checks(table: Table, column: int, index: ValueIndex) -> Iterator[CheckResult]:
    spec = table.columns[column]
    base_period = base_of(spec)
    span = column_span(spec)
    if spec.measure not in RATIO_CHANGE_MEASURES | DIFFERENCE_MEASURES or span is None or base_period is None:
        return
    base_span = (base_period.start, base_period.end)
    period = spec.period.label if spec.period else None
    misdated = _current_not_printed(table, span) or _base_not_printed(table, base_span)
    for row, item in enumerate(table.line_items):
        change = figure_at(table, row, column)
        if change is None or change.zero:
            continue
        if misdated:
            yield CheckResult(PERIOD_NOT_PRINTED, table.index, item.label, spec.label, period, math.nan, change.value,
                              0.0, (change.ref,))
            continue
        current = _operand(table, row, span, column, index, None)
        base = _operand(table, row, base_span, column, index, current.unit) if current is not None else None
        if current is None or base is None:
            blank = _blank_operand(table, row, (span, base_span), column, change.ref.line)
            if blank is not None:
                yield CheckResult(BLANK_OPERAND, table.index, item.label, spec.label, period, math.nan, change.value,
                                  0.0, (change.ref, blank))
            continue
        outcome = _expectation(spec.measure, change, current, base)
        if outcome is None:
            continue
        rule, expected, tolerance = outcome
        yield CheckResult(rule, table.index, item.label, spec.label, period, expected, change.value, tolerance,
                          (change.ref, current.ref, base.ref))


def check_changes_in(table: Table, index: ValueIndex) -> Iterator[CheckResult]:
    """Every change cell of one table whose value and base are printed (the base maybe elsewhere in ``index``)."""
    for column in range(len(table.columns)):
        yield from _column_checks(table, column, index)


def check_changes(release: Release, index: ValueIndex) -> Iterator[CheckResult]:
    """Every change cell whose value and base are printed in the release."""
    for table in release.tables:
        yield from check_changes_in(table, index)
