"""Balance sheets: total assets equal total liabilities and equity, where both are printed."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Table
from .figures import figure_at
from .labels import (is_liabilities_and_equity, is_minority_label, is_total_assets, is_total_equity,
                     is_total_liabilities)
from .result import CheckResult
from .tolerance import sum_tolerance

__all__ = ["check_balance"]


def _row(table: Table, matches: object) -> int | None:
    rows = [r for r, item in enumerate(table.line_items) if matches(item.label)]  # type: ignore[operator]
    return rows[0] if len(rows) == 1 else None


def check_balance(table: Table) -> Iterator[CheckResult]:
    """Total assets against ``Total liabilities and equity``, or against total liabilities plus total equity.

    The sum of the two totals is used only when no minority, noncontrolling or
    temporary equity row sits beside them (it may be in neither total).
    """
    assets = _row(table, is_total_assets)
    if assets is None:
        return
    both = _row(table, is_liabilities_and_equity)
    liabilities, equity = _row(table, is_total_liabilities), _row(table, is_total_equity)
    if both is not None:
        parts = [both]
    elif liabilities is not None and equity is not None and not any(
            is_minority_label(item.label) for item in table.line_items):
        parts = [liabilities, equity]
    else:
        return
    for column, spec in enumerate(table.columns):
        if spec.measure != "value":
            continue
        total = figure_at(table, assets, column)
        figures = [figure_at(table, row, column) for row in parts]
        if total is None or total.zero or any(f is None or f.unit != total.unit for f in figures):
            continue
        operands = [f for f in figures if f is not None]
        expected = sum(f.value for f in operands)
        tolerance = sum_tolerance([total.error, *(f.error for f in operands)], expected)
        yield CheckResult("balance.assets", table.index, table.line_items[assets].label, spec.label,
                          spec.as_of.isoformat() if spec.as_of else (spec.period.label if spec.period else None),
                          expected, total.value, tolerance, (total.ref, *(f.ref for f in operands)))
