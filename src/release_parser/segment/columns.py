"""Align the cells of table rows to columns.

Tab- and pipe-separated rows are aligned by position in the row. Rows split on
white space (``pdftotext -layout``, PDF words) are aligned by their x extents:
value cells that overlap horizontally belong to the same column, and a header
cell goes to the column it overlaps most, else the nearest one.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Sequence

from ..layout import Cell, Line, Separator
from ..normalize.cells import is_figure_cell

__all__ = ["ColumnGrid", "build_grid"]


class ColumnGrid:
    """The value columns of a table, as x intervals (positional) or a count (indexed)."""

    def __init__(
        self,
        spans: list[tuple[float, float]] | None,
        count: int,
        label_right: float | None = None,
        label_zone: float | None = None,
    ) -> None:
        self.spans = spans
        self.count = count  # number of value columns (label column excluded)
        self.label_right = label_right  # right edge of the body's label cells (positional grids)
        self.label_zone = label_zone  # words wholly left of this x, after the label, still belong to it
        self.label_left: float | None = None  # where most rows' labels start: runs ending left of it are beside the table
        self.header_reliable = True  # False when the columns line up by order only: headers cannot be placed

    @property
    def positional(self) -> bool:
        return self.spans is not None

    def align_body(self, line: Line, has_label: bool) -> tuple[Cell | None, tuple[Cell | None, ...]]:
        """Split a body line into its label cell and one slot per value column."""
        cells = list(self.inside(line))
        label = cells.pop(0) if has_label and cells else None
        while label is not None and cells and _in_label_zone(cells[0], self.label_zone):
            word = cells.pop(0)  # "Total | Comprehensive Income": one label printed as two runs
            label = dataclasses.replace(label, text=f"{label.text} {word.text}", x1=word.x1)
        if label is not None and self.positional and self.spans:
            label, spilled = _cut_at_column(label, self.spans[0][0])
            cells[:0] = spilled
        slots: list[Cell | None] = [None] * self.count
        if not self.positional:
            for index, cell in enumerate(cells[: self.count]):
                slots[index] = cell if cell.text else None
            return label, tuple(slots)
        for cell in cells:
            index = self._nearest(cell)
            if slots[index] is None:
                slots[index] = cell
        return label, tuple(slots)

    def align_header(
        self, line: Line, body_has_labels: bool, spans: Callable[[str], bool] | None = None
    ) -> tuple[str, tuple[str, ...]]:
        """The header text over the label column, and one text per value column, of an indexed
        grid (tab and pipe rows; positional grids read their header with :meth:`header_paths`).

        With ``spans``, a header cell for which it is true also covers the
        columns left empty beside it (a period centred over "Actual | Target").
        """
        assert not self.positional, "positional grids read their header with header_paths"
        texts = [""] * self.count
        label = ""
        raw = [c.text for c in line.cells]
        if body_has_labels and raw and (not raw[0] or len(raw) == self.count + 1):
            label, raw = raw[0], raw[1:]  # the label column's header: printed, or an empty leading cell
        elif len(raw) < self.count:  # no label cell at all: right-aligned over the value columns
            raw = [""] * (self.count - len(raw)) + raw
        for index, text in enumerate(raw[: self.count]):
            texts[index] = text
        if spans is not None:
            for index in range(1, self.count):
                if not texts[index] and texts[index - 1] and spans(texts[index - 1]):
                    texts[index] = texts[index - 1]
        return label, tuple(texts)

    def inside(self, line: Line) -> tuple[Cell, ...]:
        """The line's cells without the runs printed beside the table, left of its labels."""
        beside = len(self.beside(line))
        return line.cells[beside:] if beside else line.cells

    def beside(self, line: Line) -> tuple[Cell, ...]:
        """Runs printed left of the table's labels on a body line (a side title: "Balance Sheet"),
        when the row's own label follows them where the other rows' labels start."""
        return line.cells[: _beside_count(line, self.label_left)]

    def header_paths(
        self, lines: Sequence[Line], body_has_labels: bool, spans: Callable[[str], bool] | None = None
    ) -> tuple[str, tuple[str, ...]]:
        """The header over a positional table, read as one path of header cells per column.

        Every header cell, top to bottom, joins the path of each value column whose centre it
        spans ("Three Months Ended" over both its columns, then "April 1," and "2023" over one),
        else of the column nearest to it. A narrow cell for which ``spans`` is true, on a line
        above the last, also heads the columns its line leaves empty beside it (a period
        centred over "Actual | Target"); alone on its line, it heads every column ("Three months
        ended July 31," over "2024 | 2023 | Change"). Cells over the label column form the label header.
        """
        assert self.spans is not None
        paths: list[list[str]] = [[] for _ in range(self.count)]
        labels: list[str] = []
        first_column = self.spans[0][0] if self.spans else 0.0
        centres = [(x0 + x1) / 2 for x0, x1 in self.spans]
        for position, line in enumerate(lines):
            cells = [c for c in line.cells if c.text and (self.label_left is None or c.x1 >= self.label_left)]
            placed: list[list[Cell]] = [[] for _ in range(self.count)]
            narrow: list[Cell] = []
            own: list[tuple[Cell, list[int]]] = []
            for cell in cells:
                over_labels = self.label_right is None or cell.x0 <= self.label_right
                if body_has_labels and cell.x1 < first_column and cell is cells[0] and over_labels:
                    labels.append(cell.text)
                    continue
                own.append((cell, list(range(bisect.bisect_left(centres, cell.x0), bisect.bisect_right(centres, cell.x1)))))
            if len(own) == self.count and all(len(covered) <= 1 for _, covered in own):
                nearest = [covered[0] if covered else self._nearest(cell) for cell, covered in own]
                if len(set(nearest)) < len(nearest):  # misaligned: one cell per column, in order
                    own = [(cell, [index]) for index, (cell, _) in enumerate(own)]
            for cell, covered in own:
                if not covered:
                    narrow.append(cell)
                for index in covered or [self._nearest(cell)]:
                    placed[index].append(cell)
            if spans is not None and position < len(lines) - 1 and len(own) == 1 and spans(own[0][0].text):
                placed = [[own[0][0]] for _ in range(self.count)]  # alone on its line: it heads them all
            elif spans is not None and position < len(lines) - 1 and narrow:
                owners = [c for column in placed for c in column]
                for index, centre in enumerate(centres):
                    if not placed[index]:
                        nearest = min(owners, key=lambda c: abs(c.center - centre))
                        if nearest in narrow and spans(nearest.text):
                            placed[index].append(nearest)
            for index, column in enumerate(placed):
                paths[index].extend(cell.text for cell in column)
        return " ".join(labels), tuple(" ".join(path) for path in paths)

    def _nearest(self, cell: Cell) -> int:
        """The column the cell overlaps most, else the one whose centre is nearest.

        Spans are sorted and disjoint, so the candidates are found by bisection: the spans the
        cell overlaps, or the two beside the gap it falls in (a line of many cells stays linear).
        """
        assert self.spans is not None
        first = bisect.bisect_right(self._ends, cell.x0)  # spans ending after the cell starts
        last = bisect.bisect_left(self._starts, cell.x1)  # spans starting before the cell ends
        candidates = range(first, last) if first < last else range(max(first - 1, 0), min(first + 1, len(self.spans)))
        best, best_score = 0, float("-inf")
        for index in candidates:
            x0, x1 = self.spans[index]
            overlap = min(x1, cell.x1) - max(x0, cell.x0)
            score = overlap if overlap > 0 else -abs((x0 + x1) / 2 - cell.center)
            if score > best_score:
                best, best_score = index, score
        return best

    @functools.cached_property
    def _starts(self) -> list[float]:
        return [x0 for x0, _ in self.spans or ()]

    @functools.cached_property
    def _ends(self) -> list[float]:
        return [x1 for _, x1 in self.spans or ()]


def _cut_at_column(label: Cell, column_x0: float) -> tuple[Cell, list[Cell]]:
    """A label that runs into the first value column ("Operating Income JPY950 million", printed
    with one space) is cut at the space nearest the column's left edge, when what lies right of
    it is a figure."""
    if label.x1 <= column_x0 or label.x0 >= column_x0:
        return label, []
    text = label.text
    per_char = (label.x1 - label.x0) / max(len(text), 1)
    target = (column_x0 - label.x0) / per_char
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return label, []
    cut = min(spaces, key=lambda i: abs(i + 1 - target))
    left, right = text[:cut].rstrip(), text[cut + 1 :].strip()
    if not left or not right or not is_figure_cell(right):
        return label, []
    x_cut = label.x0 + (cut + 1) * per_char
    return (
        dataclasses.replace(label, text=left, x1=label.x0 + len(left) * per_char),
        [dataclasses.replace(label, text=right, x0=x_cut)],
    )


def build_grid(body: Sequence[Line], has_label: Sequence[bool]) -> ColumnGrid:
    """Find the value columns of a table from its body lines."""
    if all(line.separator in (Separator.TAB, Separator.PIPE) for line in body):
        count = max(len(line.cells) - int(label) for line, label in zip(body, has_label))
        return ColumnGrid(None, max(count, 0))
    label_left = _label_left(body, has_label)
    inside = [line.cells[_beside_count(line, label_left) :] for line in body]
    label_zone = _label_zone(inside, has_label)
    value_cells = [
        cell for cells, label in zip(inside, has_label) for cell in cells[_label_cell_count(cells, label, label_zone) :]
    ]
    figures = [is_figure_cell(cell.text) for cell in value_cells]
    figure_spans = _merged(sorted((cell.x0, cell.x1) for cell, figure in zip(value_cells, figures) if figure))
    starts, ends = [x0 for x0, _ in figure_spans], [x1 for _, x1 in figure_spans]
    # words across two columns of figures (a callout beside the table) do not make them one column
    spans = _merged(sorted(
        (cell.x0, cell.x1)
        for cell, figure in zip(value_cells, figures)
        if figure or bisect.bisect_left(starts, cell.x1) - bisect.bisect_right(ends, cell.x0) < 2
    ))
    label_right = max((cells[0].x1 for cells, label in zip(inside, has_label) if label and cells), default=None)
    values = [len(cells) - _label_cell_count(cells, label, label_zone) for cells, label in zip(inside, has_label)]
    if max(values, default=0) > len(spans) and len(set(values)) == 1:
        # cells of one column start at different places on each row (text printed through tab
        # stops): the rows line up by order only, and no header can be placed over them
        grid = ColumnGrid(None, values[0])
        grid.header_reliable = False
        return grid
    grid = ColumnGrid(spans, len(spans), label_right, label_zone)
    grid.label_left = label_left
    return grid


def _merged(intervals: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sorted intervals with every overlapping run merged into one."""
    spans: list[tuple[float, float]] = []
    for x0, x1 in intervals:
        if spans and x0 <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], x1))
        else:
            spans.append((x0, x1))
    return spans


def _label_left(body: Sequence[Line], has_label: Sequence[bool]) -> float | None:
    """Where most rows' labels start (None when no place is shared by most rows)."""
    starts = Counter(round(line.cells[0].x0) for line, label in zip(body, has_label) if label and line.cells)
    if not starts:
        return None
    common, count = starts.most_common(1)[0]
    return float(common) if count * 2 > len(body) else None


def _beside_count(line: Line, label_left: float | None) -> int:
    """How many leading runs of ``line`` end left of the labels, with the row's own label after them."""
    if label_left is None:
        return 0
    cells = line.cells
    count = 0
    while count < len(cells) and cells[count].x1 < label_left:
        count += 1
    own = cells[count] if count < len(cells) else None
    if not count or own is None or is_figure_cell(own.text) or own.x0 > label_left + (own.x1 - own.x0):
        return 0
    return count


#: Labels printed as several runs are the exception: when more rows than this share do it,
#: the runs are columns of words (a listing), not pieces of labels.
MAX_SPLIT_LABEL_SHARE = 1 / 3


def _in_label_zone(cell: Cell, zone: float | None) -> bool:
    return zone is not None and cell.x1 < zone and not is_figure_cell(cell.text)


def _label_cell_count(cells: Sequence[Cell], has_label: bool, zone: float | None) -> int:
    if not has_label:
        return 0
    count = 1
    while count < len(cells) and _in_label_zone(cells[count], zone):
        count += 1
    return count


def _label_zone(rows: Sequence[Sequence[Cell]], has_label: Sequence[bool]) -> float | None:
    """Left edge of the leftmost figure column, when few rows print words between it and their label."""
    firsts = [next((c.x0 for c in cells[1:] if is_figure_cell(c.text)), None) for cells, label in zip(rows, has_label) if label]
    known = [x for x in firsts if x is not None]
    if not known:
        return None
    zone = min(known)
    split = sum(_label_cell_count(cells, label, zone) > 1 for cells, label in zip(rows, has_label))
    return zone if split <= MAX_SPLIT_LABEL_SHARE * len(rows) else None
