"""Turn an HTML ``<table>`` into rows of one label and one text per value column.

A pipeline of small steps over plain data:

1. :func:`read_grid` places every ``<td>``/``<th>`` at its row and column,
   honouring ``colspan`` and ``rowspan``;
2. :func:`merge_affixes` joins a ``$``, ``(``, ``)`` or ``%`` printed in a cell
   of its own to the number beside it (``$ | 39,331`` -> ``$39,331``);
3. :func:`value_columns` finds the grid columns that hold figures; the columns
   left of the first one hold the labels;
4. :func:`to_rows` gives each row its label and one text per value column. A
   header cell spanning several value columns ("Three Months Ended") is repeated
   over each of them; a row with one cell (a title, a group label, a note) stays
   one piece of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from ..errors import ResourceLimitError
from .html_style import inline_text

__all__ = ["GridCell", "TableRow", "read_grid", "merge_affixes", "value_columns", "to_rows", "MAX_SPAN"]

#: ``colspan``/``rowspan`` above this are read as this (HTML caps colspan at 1000).
MAX_SPAN = 1000
#: A table with more grid slots than this (spans counted) is refused.
MAX_GRID_SLOTS = 2_000_000

_OPENERS = frozenset({"$", "US$", "C$", "A$", "€", "£", "¥", "(", "$(", "($", "€(", "(€"})
_CLOSERS = frozenset({")", "%", ")%", "%)"})
_NUMBER = re.compile(
    r"""^
    [-+−–]?\(?[-−–]?\s?(?:US|C|A)?[$€£¥]?\s?\(?[-−–]?\s?
    \d[\d,]*(?:\.\d+)?
    \s?\)?\s?%?\)?\*?$
    """,
    re.VERBOSE,
)
_PLACEHOLDERS = frozenset({"-", "—", "–", "--", "n/a", "N/A", "NA", "nm", "NM", "n.m.", "*"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MAX_FIGURE_CHARS = 24
_MAX_FIGURE_WORDS = 3


@dataclass(frozen=True)
class GridCell:
    """One ``<td>``/``<th>``: its text, where it starts and how far it spans."""

    text: str
    row: int
    col: int
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    anchor: int | None = None  # the one column the text was printed in; kept when a "$" joins it

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True)
class TableRow:
    """A row ready to print: its label and one text per value column, or a single text."""

    label: str
    values: tuple[str, ...]
    bold: bool = False
    single: bool = False  # one cell holds the whole row (title, group label, note)


def _span(value: str | None) -> int:
    if value is None:
        return 1
    digits = value.strip().split(".")[0]
    if not digits.isdigit():
        return 1
    return max(1, min(int(digits), MAX_SPAN))


def _rows_of(table: etree._Element) -> list[etree._Element]:
    return table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")


def read_grid(table: etree._Element) -> tuple[list[list[GridCell]], int]:
    """Every cell of ``table`` by the row it starts in, sorted by column, and the number of grid columns."""
    rows = _rows_of(table)
    taken: dict[int, set[int]] = {}
    grid: list[list[GridCell]] = []
    width = 0
    slots = 0
    for r, tr in enumerate(rows):
        occupied = taken.pop(r, set())
        col = 0
        cells: list[GridCell] = []
        for td in tr.xpath("./td|./th"):
            while col in occupied:
                col += 1
            colspan, rowspan = _span(td.get("colspan")), min(_span(td.get("rowspan")), len(rows) - r)
            slots += colspan * rowspan
            if slots > MAX_GRID_SLOTS:
                raise ResourceLimitError(f"a table spans more than {MAX_GRID_SLOTS:,} grid cells")
            text, bold = inline_text(td)
            cells.append(GridCell(text, r, col, colspan, rowspan, bold, col if colspan == 1 else None))
            for below in range(r + 1, r + rowspan):
                taken.setdefault(below, set()).update(range(col, col + colspan))
            col += colspan
        width = max(width, col, max(occupied, default=-1) + 1)
        grid.append(cells)
    return grid, width


def is_number(text: str) -> bool:
    """A figure such as ``$39,331``, ``(1,550)``, ``73.0%``, ``-2.5``."""
    return bool(_NUMBER.match(text))


def _is_figure(text: str) -> bool:
    """A number, a placeholder dash, or a short worded figure (``Up 12%``, ``Down 1.6 pts``)."""
    if is_number(text) or text in _PLACEHOLDERS:
        return True
    return (
        len(text) <= _MAX_FIGURE_CHARS
        and len(text.split()) <= _MAX_FIGURE_WORDS
        and any(ch.isdigit() for ch in text)
        and not _YEAR.match(text)
    )


def merge_affixes(cells: list[GridCell]) -> list[GridCell]:
    """Join ``)``/``%`` cells to the figure on their left, then ``$``/``(`` cells to the one on their right.

    Examples
    --------
    >>> row = [GridCell("Revenue", 0, 0), GridCell("$", 0, 1), GridCell("(1,550", 0, 2, anchor=2), GridCell(")", 0, 3)]
    >>> [c.text for c in merge_affixes(row)]
    ['Revenue', '', '$(1,550)', '']
    """
    merged = list(cells)
    filled = [i for i, cell in enumerate(merged) if cell.text]
    for position, index in enumerate(filled):
        text = merged[index].text
        if text in _CLOSERS and position > 0:
            left = filled[position - 1]
            if merged[left].text[-1:].isdigit() or merged[left].text.endswith(")"):
                cell = merged[left]
                merged[left] = replace(cell, text=cell.text + text, colspan=merged[index].last_col - cell.col + 1)
                merged[index] = replace(merged[index], text="")
    filled = [i for i, cell in enumerate(merged) if cell.text]
    for position in range(len(filled) - 2, -1, -1):
        index, right = filled[position], filled[position + 1]
        text = merged[index].text
        if text in _OPENERS and merged[right].text and _starts_figure(merged[right].text):
            cell = merged[right]
            merged[right] = replace(cell, text=text + cell.text, col=merged[index].col, colspan=cell.last_col - merged[index].col + 1)
            merged[index] = replace(merged[index], text="")
    return merged


def _starts_figure(text: str) -> bool:
    return text[0].isdigit() or (text[0] in "(-−–.$" and any(ch.isdigit() for ch in text[:4]))


def value_columns(grid: list[list[GridCell]]) -> tuple[list[int], int]:
    """Grid columns holding figures, and the first column of any figure (with its ``$``).

    Only rows with at least one number that is not a year count. The first
    filled cell of a row is its label when it has letters, so it never counts.
    """
    columns: set[int] = set()
    spanning: list[GridCell] = []
    start: int | None = None
    for cells in grid:
        filled = [c for c in cells if c.text]
        if not any(is_number(c.text) and not _YEAR.match(c.text) for c in filled):
            continue
        for position, cell in enumerate(filled):
            if position == 0 and any(ch.isalpha() for ch in cell.text):
                continue
            if not _is_figure(cell.text):
                continue
            start = cell.col if start is None else min(start, cell.col)
            if cell.anchor is not None:
                columns.add(cell.anchor)
            else:
                spanning.append(cell)
    for cell in spanning:  # a figure spread over several columns goes to the value column it covers
        if not any(cell.col <= c <= cell.last_col for c in columns):
            columns.add(cell.last_col)
    ordered = sorted(columns)
    return ordered, (start if start is not None else ordered[0]) if ordered else 0


def to_rows(grid: list[list[GridCell]]) -> list[TableRow]:
    """The table's rows as labels and value texts; empty rows are left out."""
    grid = [merge_affixes(cells) for cells in grid]
    columns, first_value = value_columns(grid)
    if not columns:  # no figures: a table used for layout, each row one piece of text
        return [
            TableRow(" ".join(c.text for c in cells if c.text), (), all(c.bold for c in cells if c.text), single=True)
            for cells in grid
            if any(c.text for c in cells)
        ]
    left_edge = min(c.col for cells in grid for c in cells if c.text)
    carried: dict[int, list[GridCell]] = {}  # label cells with rowspan, by the rows they cover
    rows: list[TableRow] = []
    for r, cells in enumerate(grid):
        labels = [c for c in cells if c.text and _is_label(c, first_value, columns[0], left_edge)]
        for cell in labels:
            if cell.last_col >= columns[0]:
                continue  # a title over the whole table names no row below it
            for below in range(r + 1, r + cell.rowspan):
                carried.setdefault(below, []).append(cell)
        others = [c for c in cells if c.text and not _is_label(c, first_value, columns[0], left_edge)]
        header = not any(is_number(c.text) and not _YEAR.match(c.text) for c in others)
        above = carried.pop(r, [])
        if not header:  # a label spanning body rows names each of them
            labels = sorted([*above, *labels], key=lambda c: c.col)
        filled = labels + others
        if not filled:
            continue
        bold = all(c.bold for c in filled)
        if len(filled) == 1 and (not others or _spans_table(filled[0], columns, left_edge)):
            rows.append(TableRow(filled[0].text, (), bold, single=True))
            continue
        values = _place(others, columns, header)
        rows.append(TableRow(" ".join(c.text for c in labels), values, bold))
    return rows


def _is_label(cell: GridCell, first_value: int, first_column: int, left_edge: int) -> bool:
    """Left of every figure; a cell reaching over the value columns is a label only from the left edge."""
    return cell.col < first_value and (cell.last_col < first_column or cell.col <= left_edge)


def _spans_table(cell: GridCell, columns: list[int], left_edge: int) -> bool:
    """A cell from the table's left edge over every value column: a title or a note, not a column header."""
    return cell.col <= left_edge and cell.last_col >= columns[-1]


def _place(cells: list[GridCell], columns: list[int], header: bool) -> tuple[str, ...]:
    """One text per value column: a cell goes to the value columns it covers, else to the nearest free one.

    In a header row a cell over several value columns is repeated over each; in
    a body row a figure goes to its own column only.
    """
    texts = [""] * len(columns)
    strays: list[GridCell] = []
    for cell in cells:
        covered = [i for i, col in enumerate(columns) if cell.col <= col <= cell.last_col]
        if not covered:
            strays.append(cell)
            continue
        if not header and _is_figure(cell.text) and len(covered) > 1:  # a figure is printed once: in its own column
            covered = [i for i in covered if columns[i] == cell.anchor] or covered[-1:]
        for i in covered:
            texts[i] = f"{texts[i]} {cell.text}".strip()
    for cell in strays:
        free = [i for i, text in enumerate(texts) if not text]
        if free:
            nearest = min(free, key=lambda i: min(abs(columns[i] - cell.col), abs(columns[i] - cell.last_col)))
            texts[nearest] = cell.text
    return tuple(texts)
