"""Change columns: a YoY/QoQ % change is value ÷ base − 1, an absolute change is value − base.

The value and the base come from the same row of the same table, by period; a base
printed only in another table of the release is taken from there. A margin's change
printed in points (``+2.8 ppts``, ``+40 bps``) is a difference of the two percents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Column, Release, Table
from ..normalize.periods import FiscalPeriod
from .figures import DIFFERENCE_MEASURES, RATIO_CHANGE_MEASURES, Figure, column_span, figure_at, is_share_column
from .index import Span, ValueIndex, value_columns
from .result import CheckResult
from .tolerance import interval_tolerance, ratio_interval, sum_tolerance

__all__ = ["check_changes", "check_changes_in", "base_of"]

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
    for row, item in enumerate(table.line_items):
        change = figure_at(table, row, column)
        if change is None or change.zero:
            continue
        current = _operand(table, row, span, column, index, None)
        if current is None:
            continue
        base = _operand(table, row, base_span, column, index, current.unit)
        if base is None:
            continue
        outcome = _expectation(spec.measure, change, current, base)
        if outcome is None:
            continue
        rule, expected, tolerance = outcome
        yield CheckResult(rule, table.index, item.label, spec.label, spec.period.label if spec.period else None,
                          expected, change.value, tolerance, (change.ref, current.ref, base.ref))


def check_changes_in(table: Table, index: ValueIndex) -> Iterator[CheckResult]:
    """Every change cell of one table whose value and base are printed (the base maybe elsewhere in ``index``)."""
    for column in range(len(table.columns)):
        yield from _column_checks(table, column, index)


def check_changes(release: Release, index: ValueIndex) -> Iterator[CheckResult]:
    """Every change cell whose value and base are printed in the release."""
    for table in release.tables:
        yield from check_changes_in(table, index)
