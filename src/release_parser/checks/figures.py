"""Table cells read as figures: a value in common units, its printed precision and where it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ..frames import cell_unit_and_scale
from ..model import Column, Table, TableCell
from .result import CellRef
from .tolerance import half_unit

__all__ = [
    "Figure", "RATIO_CHANGE_MEASURES", "DIFFERENCE_MEASURES",
    "column_span", "figure_at", "table_figures", "is_share_column",
]

#: Change measures printed as a percent of the base.
RATIO_CHANGE_MEASURES = frozenset({"yoy_pct", "qoq_pct", "pct_change"})
#: Change measures printed as a difference (current minus base).
DIFFERENCE_MEASURES = frozenset({"change", "yoy_change", "qoq_change"})
#: A column headed ``%`` (or ``% of sales``) holds percents, whatever the table's caption says.
_PERCENT_COLUMN = re.compile(r"^\s*%")

#: NA markers that print a zero ("—" for nil) rather than an unknown value.
ZERO_MARKERS = frozenset({"dash", "nil"})


@dataclass(frozen=True)
class Figure:
    """A cell's number in common units: ``value`` times its scale, and ``error``, half its last digit.

    ``unit`` is ``"%"`` for percents; ``zero`` marks a dash read as nil (value 0).
    """

    value: float
    error: float
    unit: str | None
    ref: CellRef
    raw: str
    zero: bool = False

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


def is_share_column(column: Column) -> bool:
    """A column of shares or margins headed ``%`` beside a period's amounts."""
    return _PERCENT_COLUMN.match(column.label) is not None


def column_span(column: Column) -> tuple[date, date] | None:
    """The dates a column's figures cover: its period, or its balance day twice; None when undated."""
    if column.period is not None:
        return column.period.start, column.period.end
    if column.as_of is not None:
        return column.as_of, column.as_of
    return None


def figure_at(table: Table, row: int, column: int) -> Figure | None:
    """The figure of one cell; None for text, empty cells and NA markers other than a nil dash."""
    cell: TableCell | None = table.cells[row][column] if column < len(table.cells[row]) else None
    if cell is None or cell.number is None:
        return None
    number = cell.number
    spec = table.columns[column]
    unit, scale = cell_unit_and_scale(table, number, table.line_items[row].label, spec.label, spec.measure)
    ref = CellRef(table.index, row, column, cell.provenance.line)
    if number.value is None:
        if number.na_reason not in ZERO_MARKERS:
            return None
        return Figure(0.0, 0.0, unit, ref, cell.raw, zero=True)
    return Figure(number.value * scale, half_unit(cell.raw, scale), unit, ref, cell.raw)


def table_figures(table: Table) -> Iterator[Figure]:
    """Every figure of a table, row by row."""
    for row in range(len(table.line_items)):
        for column in range(len(table.columns)):
            figure = figure_at(table, row, column)
            if figure is not None:
                yield figure
