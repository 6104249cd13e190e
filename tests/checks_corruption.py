"""Corrupt a parsed release the ways real parse failures look, one fault at a time.

Each corruption returns the corrupted release and the cells whose value, row or
period it changed, so a test can ask whether checks that covered those cells flag it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from release_parser.model import Release, Table, TableCell
from release_parser.normalize.numbers import try_parse_number

Cell = tuple[int, int, int]

_ADJACENT_DIGITS = re.compile(r"\d(?=\d)")


@dataclass(frozen=True)
class Corruption:
    kind: str
    release: Release
    touched: frozenset[Cell]
    where: str


def _with_table(release: Release, table: Table) -> Release:
    tables = list(release.tables)
    tables[table.index] = table
    return replace(release, tables=tables)


def _with_cell(table: Table, row: int, column: int, cell: TableCell | None) -> Table:
    cells = [list(r) for r in table.cells]
    cells[row][column] = cell
    return replace(table, cells=tuple(tuple(r) for r in cells))


def _numeric_cells(table: Table) -> Iterator[tuple[int, int, TableCell]]:
    for row, cells in enumerate(table.cells):
        for column, cell in enumerate(cells):
            if cell is not None and cell.number is not None and cell.number.value is not None:
                yield row, column, cell


def swap_digits(release: Release, rng: random.Random) -> Iterator[Corruption]:
    """Two adjacent digits of one cell swapped (``10,512`` -> ``10,152``)."""
    for table in release.tables:
        for row, column, cell in _numeric_cells(table):
            spots = [m.start() for m in _ADJACENT_DIGITS.finditer(cell.raw) if cell.raw[m.start()] != cell.raw[m.start() + 1]]
            if not spots:
                continue
            at = rng.choice(spots)
            raw = cell.raw[:at] + cell.raw[at + 1] + cell.raw[at] + cell.raw[at + 2:]
            number = try_parse_number(raw)
            if number is None or number.value == cell.number.value:
                continue
            corrupted = _with_cell(table, row, column, replace(cell, raw=raw, number=number))
            yield Corruption("swap_digits", _with_table(release, corrupted), frozenset({(table.index, row, column)}),
                             f"table {table.index} row {row} column {column}: {cell.raw} -> {raw}")


def drop_sign(release: Release, rng: random.Random) -> Iterator[Corruption]:
    """A negative figure read as positive."""
    for table in release.tables:
        for row, column, cell in _numeric_cells(table):
            if cell.number.value >= 0:
                continue
            raw = re.sub(r"[()\-−△▲]", "", cell.raw).strip()
            number = try_parse_number(raw)
            if number is None or number.value is None or number.value <= 0:
                continue
            corrupted = _with_cell(table, row, column, replace(cell, raw=raw, number=number))
            yield Corruption("drop_sign", _with_table(release, corrupted), frozenset({(table.index, row, column)}),
                             f"table {table.index} row {row} column {column}: {cell.raw} -> {raw}")


def shift_column(release: Release, rng: random.Random) -> Iterator[Corruption]:
    """One row's cells from a column on read one column to the right (a cell missed)."""
    for table in release.tables:
        width = len(table.columns)
        for row, cells in enumerate(table.cells):
            filled = [c for c in range(width - 1) if cells[c] is not None and cells[c].number is not None]
            if not filled:
                continue
            start = rng.choice(filled)
            shifted = list(cells[:start]) + [None] + list(cells[start:width - 1])
            rows = [list(r) for r in table.cells]
            rows[row] = shifted
            touched = frozenset((table.index, row, c) for c in range(start, width) if cells[c] is not None)
            corrupted = replace(table, cells=tuple(tuple(r) for r in rows))
            yield Corruption("shift_column", _with_table(release, corrupted), touched,
                             f"table {table.index} row {row} from column {start}")


def move_label(release: Release, rng: random.Random) -> Iterator[Corruption]:
    """A row's label moved to the next row: the two rows' figures trade labels."""
    for table in release.tables:
        for row in range(len(table.line_items) - 1):
            items = list(table.line_items)
            if items[row].key == items[row + 1].key:
                continue
            items[row], items[row + 1] = items[row + 1], items[row]
            width = len(table.columns)
            touched = frozenset((table.index, r, c) for r in (row, row + 1) for c in range(width)
                                if table.cells[r][c] is not None and table.cells[r][c].number is not None)
            yield Corruption("move_label", _with_table(release, replace(table, line_items=tuple(items))), touched,
                             f"table {table.index} rows {row}/{row + 1}")


def year_off(release: Release, rng: random.Random) -> Iterator[Corruption]:
    """One column's period a year early or late."""
    for table in release.tables:
        for column, spec in enumerate(table.columns):
            if spec.period is None or spec.measure != "value":
                continue
            try:
                period = spec.period.previous_year() if rng.random() < 0.5 else type(spec.period).from_parts(
                    spec.period.fiscal_year + 1, spec.period.fiscal_period, spec.period.calendar)
            except ValueError:
                continue
            columns = list(table.columns)
            columns[column] = replace(spec, period=period)
            touched = frozenset((table.index, r, column) for r in range(len(table.line_items))
                                if table.cells[r][column] is not None and table.cells[r][column].number is not None)
            yield Corruption("year_off", _with_table(release, replace(table, columns=tuple(columns))), touched,
                             f"table {table.index} column {column}: {spec.period.label} -> {period.label}")


CORRUPTIONS = (swap_digits, shift_column, move_label, year_off, drop_sign)
