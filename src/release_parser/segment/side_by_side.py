"""Tables printed side by side on a page, their rows interleaved, read one after the other.

A slide often sets a small table beside a larger one ("Y/Y | Q/Q" figures in a box right of
a chart's table). Their rows sit at different heights, so the page's lines alternate between
the two, and some lines carry cells of both. When a vertical gutter parts the page's lines
(no cell crosses it) and each side holds a table of its own, with lines printed on one side
only on both sides, the lines are re-read as the left block, blank lines, then the right block.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from ..layout import Cell, Line, Separator
from ..normalize.cells import is_figure_cell
from .lines import keep_cells
from .tables import MAX_BLANKS_INSIDE

__all__ = ["split_side_by_side", "MIN_SIDE_ROWS"]

#: Rows with a label and a figure each side of the gutter needs, and lines on one side only.
MIN_SIDE_ROWS = 2
#: Places where the right table's labels start most often, tried as the gutter.
MAX_CANDIDATES = 8


def split_side_by_side(lines: Sequence[Line]) -> tuple[Line, ...]:
    """``lines`` with each page's side-by-side tables read left block first, then right block."""
    out: list[Line] = []
    for _, page_lines in groupby(lines, key=lambda line: line.page):
        out.extend(_page_split(list(page_lines)))
    return tuple(out)


def _page_split(lines: list[Line]) -> list[Line]:
    gutter = _gutter(lines)
    if gutter is None:
        return lines
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        before = tuple(c for c in line.cells if c.x1 <= gutter)
        after = tuple(c for c in line.cells if c.x0 >= gutter)
        # each side keeps the line's separator: a lone "Y/Y" is still a cell of a row
        if before or line.is_blank:
            left.append(keep_cells(line, before) if after else line)
        if after:
            right.append(keep_cells(line, after))
    # more blank lines than a table spans: the left block's tables end before the right block
    blank = dataclasses.replace(left[-1], cells=(), raw="", separator=Separator.NONE)
    return [*left, *[blank] * (MAX_BLANKS_INSIDE + 2), *right]


def _gutter(lines: list[Line]) -> float | None:
    """The x of a gutter with a table on each side, or None."""
    xs = [x for line in lines for cell in line.cells for x in (cell.x0, cell.x1)]
    if not xs:
        return None
    middle = min(xs) + (max(xs) - min(xs)) / 4  # a table beside another starts well right of the margin
    starts = Counter(round(cell.x0) for line in lines for cell in _row_labels(line, middle))
    # a few places tried, each in one pass over the page: the work stays linear in its lines
    candidates = sorted(x for x, _ in starts.most_common(MAX_CANDIDATES))
    for x in candidates:
        if _parts_tables(lines, float(x)):
            return float(x)
    return None


def _row_labels(line: Line, right_of: float) -> list[Cell]:
    """Cells starting right of ``right_of`` that could start a table's row: a word label with a figure after it."""
    cells = [c for c in line.cells if c.text]
    return [cell for cell, after in zip(cells, cells[1:])
            if cell.x0 > right_of and _is_label(cell.text) and is_figure_cell(after.text)]


def _is_label(text: str) -> bool:
    return not is_figure_cell(text) and sum(ch.isalpha() for ch in text) >= 2


def _parts_tables(lines: list[Line], gutter: float) -> bool:
    if any(c.x0 < gutter < c.x1 for line in lines for c in line.cells):
        return False
    right_rows = left_rows = right_only = left_only = 0
    for line in lines:
        before = [c for c in line.cells if c.x1 <= gutter and c.text]
        after = [c for c in line.cells if c.x0 >= gutter and c.text]
        if len(after) >= 2 and _is_label(after[0].text) and any(is_figure_cell(c.text) for c in after[1:]):
            right_rows += 1
        if len(before) >= 2 and any(is_figure_cell(c.text) for c in before[1:]):
            left_rows += 1
        right_only += bool(after) and not before
        left_only += bool(before) and not after and len(before) >= 2
    return min(right_rows, left_rows, right_only, left_only) >= MIN_SIDE_ROWS
