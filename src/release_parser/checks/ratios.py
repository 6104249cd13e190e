"""Ratios: a margin row equals its profit row ÷ revenues; a ``%`` column beside values is each row ÷ revenues."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Table
from .figures import Figure, figure_at
from .labels import is_revenue_label, margin_numerator
from .result import CheckResult
from .tolerance import interval_tolerance, ratio_interval

__all__ = ["check_ratios"]

_SHARE_COLUMN = re.compile(r"^\s*%\s*(?:of\s+(?:net\s+)?(?:sales|revenues?))?\s*$", re.IGNORECASE)


def _first_row(table: Table, matches: object) -> int | None:
    for row, item in enumerate(table.line_items):
        if matches(item.label):  # type: ignore[operator]
            return row
    return None


def _ratio(rule: str, table: Table, row: int, column: int, found: Figure, num: Figure, den: Figure,
           footing: float = 0.0) -> CheckResult | None:
    if num.unit != den.unit or num.is_percent or num.zero or den.zero:
        return None
    bounds = ratio_interval(num.value, num.error, den.value, den.error)
    if bounds is None:
        return None
    expected = 100.0 * num.value / den.value
    tolerance = interval_tolerance(expected, 100.0 * bounds[0], 100.0 * bounds[1], found.error) + footing
    spec = table.columns[column]
    return CheckResult(rule, table.index, table.line_items[row].label, spec.label,
                       spec.period.label if spec.period else None, expected, found.value, tolerance,
                       (found.ref, num.ref, den.ref))


def _margins(table: Table, revenue: int) -> Iterator[CheckResult]:
    for row, item in enumerate(table.line_items):
        pattern = margin_numerator(item.label)
        numerator = _first_row(table, lambda label, p=pattern: p is not None and p.search(label)) if pattern else None
        if numerator is None:
            continue
        for column, spec in enumerate(table.columns):
            found = figure_at(table, row, column)
            if spec.measure != "value" or found is None or found.zero or not found.is_percent:
                continue
            num, den = figure_at(table, numerator, column), figure_at(table, revenue, column)
            if num is not None and den is not None:
                result = _ratio("ratio.margin", table, row, column, found, num, den)
                if result is not None:
                    yield result


def _shares(table: Table, revenue: int) -> Iterator[CheckResult]:
    """A ``%`` column right of a value column: each row's share of revenues in that column."""
    for column in range(1, len(table.columns)):
        spec, left = table.columns[column], table.columns[column - 1]
        if spec.measure != "value" or not _SHARE_COLUMN.match(spec.label) or left.measure != "value":
            continue
        den = figure_at(table, revenue, column - 1)
        for row in range(len(table.line_items)):
            found, num = figure_at(table, row, column), figure_at(table, row, column - 1)
            if row == revenue or found is None or found.zero or num is None or den is None:
                continue
            # shares are often nudged by one last digit so that the column foots (36.29 - 15.70 = 20.59)
            result = _ratio("ratio.share", table, row, column, found, num, den, footing=2 * found.error)
            if result is not None:
                yield result


def check_ratios(table: Table) -> Iterator[CheckResult]:
    """Margins and shares of revenues printed in a table that also prints its revenues."""
    revenue = _first_row(table, is_revenue_label)
    if revenue is None:
        return
    yield from _margins(table, revenue)
    yield from _shares(table, revenue)
