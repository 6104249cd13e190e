"""Read ruled tables: one line per table row, one cell per ruled cell.

pdfplumber finds the cells of tables drawn with rules (its "lines" strategy);
this module gives each glyph to the cell holding its centre and reads every
row of cells as one :class:`~.pdf_lines.TextLine`, with each cell's box (cut
by :data:`GRID_CELL_INSET`, so that neighbouring cells never touch) as the
cell's position. Two things printed inside rules are not cells:

- a box around free text (a zebra band across a row, a frame around a whole
  listing) holds text with gaps wide enough to part cells: its glyphs go back
  to the page's free text, and those of its whole ruled row when it spans
  several columns (a shaded band behind a row), so that the row's label and
  figures stay on one line; a currency sign set apart at a cell's edge parts
  nothing;
- ruled cells that end where a taller cell of the row above ends, beside its
  filled cells, belong to that row (a label over two printed lines);
- rules that run through words (a drawing's lines crossing a text box) are
  not cell borders: the whole table is read as free text;
- rules drawn every few rows enclose several printed rows: when two or more
  cells of a ruled row hold several aligned lines, each printed line is a row.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from ..layout import Cell
from ..normalize.cells import is_figure_cell
from .pdf_glyphs import Glyph
from .pdf_lines import CELL_GAP_FACTOR, TextLine, Word, group_lines, keep_cells, read_words

__all__ = ["build_grid_rows", "join_rows_beside", "GRID_CELL_INSET", "GRID_ROW_TOLERANCE", "MIN_STACKED_CELLS"]

#: Points cut from each side of a ruled cell so neighbouring cells never touch.
GRID_CELL_INSET = 1.0
#: Cells whose tops differ by at most this many points form one table row.
GRID_ROW_TOLERANCE = 1.0
#: A ruled row with this many cells holding several printed lines is several table rows.
MIN_STACKED_CELLS = 2
#: Glyphs closer than this share of their height are letters of one word, never two cells.
WORD_GAP_SHARE = 0.1

Box = tuple[float, float, float, float]  # x0, x1, top, bottom


def build_grid_rows(boxes: Sequence[Box], glyphs: Sequence[Glyph], page: int) -> tuple[list[TextLine], list[Glyph]]:
    """Read ruled tables: one line per row, one cell per non-empty ruled cell.

    Parameters
    ----------
    boxes
        The ruled cells of the page's tables as ``(x0, x1, top, bottom)``, in
        the glyphs' coordinates.
    glyphs
        Every glyph of the page.
    page
        The page number, for the cells.

    Returns
    -------
    rows, rest
        The table rows in top-to-bottom order, and the glyphs outside every
        ruled cell (the page's free text).
    """
    index = _CellIndex(boxes)
    inside: dict[int, list[Glyph]] = defaultdict(list)
    owners: dict[int, int] = {}
    rest = []
    for glyph in glyphs:
        owner = index.find((glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2)
        if owner is None:
            rest.append(glyph)
        else:
            inside[owner].append(glyph)
            owners[id(glyph)] = owner
    if _rules_cut_words([g for cell in inside.values() for g in cell], owners):
        return [], list(glyphs)  # the rules are drawing, not cell borders: read the page as free text
    rows: dict[float, list[tuple[int, Box, list[_Part]]]] = {}
    for number, box in sorted(enumerate(boxes), key=lambda item: (item[1][2], item[1][0])):
        key = next((top for top in rows if abs(top - box[2]) <= GRID_ROW_TOLERANCE), box[2])
        rows.setdefault(key, []).append((number, box, _cell_parts(inside.get(number, []))))
    lines = []
    for cells in _bottom_aligned_joined([cells for _, cells in sorted(rows.items())]):
        if any(part.columns > 1 for _, _, parts in cells for part in parts):
            # a band across several columns, not a row of cells: the whole row
            # is free text, so that its label and its figures stay on one line
            rest.extend(glyph for number, _, _ in cells for glyph in inside.get(number, []))
            continue
        kept = []
        for number, box, parts in cells:
            if any(part.split for part in parts):  # a box around free text, not a cell
                rest.extend(inside[number])
                parts = []
            kept.append((box, parts))
        lines.extend(_grid_rows(kept, page))
    return lines, rest


def join_rows_beside(rows: Sequence[TextLine], lines: Sequence[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    """Free lines printed inside the height of a ruled row of figures only, beside its cells (the
    row's label: "January | 8,481 | 8,720", or the label and the unruled columns of a table
    whose first columns alone are ruled), joined to that row; the rest of the lines. A row with
    a label of its own takes none: text beside it is another column of the page."""
    by_top = sorted(rows, key=lambda row: row.top)
    tops = [row.top for row in by_top]
    joined: dict[int, list[TextLine]] = defaultdict(list)
    rest = []
    for line in lines:
        middle = (line.top + line.bottom) / 2
        index = bisect_right(tops, middle) - 1
        row = by_top[index] if index >= 0 else None
        inside = row is not None and row.top <= line.top and line.bottom <= row.bottom
        if inside and _joins(row) and not any(c.x0 < r.x1 and r.x0 < c.x1 for c in line.cells for r in row.cells):
            joined[index].append(line)
        else:
            rest.append(line)
    out = []
    for index, row in enumerate(by_top):
        extra = joined.get(index)
        if not extra:
            out.append(row)
            continue
        out.append(keep_cells(row, [*row.cells, *(c for line in extra for c in line.cells)]))
    return out, rest


def _joins(row: TextLine) -> bool:
    """A ruled row of figures only takes the lines beside it: it has no label of its own."""
    return all(is_figure_cell(cell.text) for cell in row.cells)


def _bottom_aligned_joined(rows: list[list[tuple[int, Box, list[_Part]]]]) -> list[list[tuple[int, Box, list[_Part]]]]:
    """Rows of cells with the cells of a shorter row joined to the row above when they end
    where its cells end, beside them: a statement's label over two lines, its figures
    printed on the second ("Common stock ... 50,400,000 shares / authorized; ... | 69,568")."""
    joined: list[list[tuple[int, Box, list[_Part]]]] = []
    for row in rows:
        above = joined[-1] if joined else None
        if above is not None and _ends_beside(row, above):
            above.extend(row)
        else:
            joined.append(list(row))
    return joined


def _ends_beside(row: list[tuple[int, Box, list[_Part]]], above: list[tuple[int, Box, list[_Part]]]) -> bool:
    bottoms = [box[3] for _, box, _ in above]
    for _, (x0, x1, top, bottom), _ in row:
        if not any(abs(bottom - end) <= GRID_ROW_TOLERANCE for end in bottoms):
            return False
        if any(x0 < bx1 and bx0 < x1 for _, (bx0, bx1, _, _), parts in above if parts):
            return False  # a column the row above fills already: a row of its own
    return True


def _rules_cut_words(glyphs: Sequence[Glyph], owners: dict[int, int]) -> bool:
    """Two glyphs of one word ("$2|48M") fall in different ruled cells: a rule runs through text."""
    for line in group_lines(glyphs):
        ordered = sorted(line, key=lambda glyph: glyph.x0)
        for left, right in zip(ordered, ordered[1:]):
            if left.text.isspace() or right.text.isspace() or owners[id(left)] == owners[id(right)]:
                continue
            if right.x0 - left.x1 < WORD_GAP_SHARE * min(left.height, right.height):
                return True
    return False


@dataclass(frozen=True)
class _Part:
    """One printed line inside a ruled cell."""

    text: str
    glyphs: list[Glyph]
    split: bool  # it has a gap wide enough to part cells
    columns: int  # runs between such gaps that hold a letter or a digit (a "$" apart is not one)


def _cell_parts(glyphs: Sequence[Glyph]) -> list[_Part]:
    parts = []
    for group in group_lines(glyphs):
        words, space = read_words(group, {})
        if words:
            runs = [[words[0]]]
            for word in words[1:]:
                if word.gap > CELL_GAP_FACTOR * space:
                    runs.append([])
                runs[-1].append(word)
            columns = sum(any(ch.isalnum() for word in run for ch in word.text) for run in runs)
            inked = [glyph for word in words for glyph in word.glyphs]
            if columns == 1 and all(_is_lone_mark(run) for run in runs if not _has_alnum(run)):
                # "$      24,160": a statement's currency sign set apart at the cell's edge
                kept = [w for run in runs for w in run if _has_alnum(run) or unicodedata.category(w.text) == "Sc"]
                parts.append(_Part(" ".join(word.text for word in kept), inked, False, 1))
                continue
            parts.append(_Part(" ".join(word.text for word in words), inked, len(runs) > 1, columns))
    return parts


def _has_alnum(run: Sequence[Word]) -> bool:
    return any(ch.isalnum() for word in run for ch in word.text)


def _is_lone_mark(run: Sequence[Word]) -> bool:
    """One glyph that is no letter or digit: a currency sign, or a sign its font failed to name."""
    return len(run) == 1 and len(run[0].text) == 1


def _grid_rows(cells: list[tuple[Box, list[_Part]]], page: int) -> list[TextLine]:
    """One ruled row as lines: one line, or one per printed line when the rules
    enclose several rows at once (two or more cells holding several aligned lines)."""
    split = sorted(cells, key=lambda c: c[0][0])
    if sum(len(parts) > 1 for _, parts in split) < MIN_STACKED_CELLS:
        joined = [(box, " ".join(p.text for p in parts), [g for p in parts for g in p.glyphs]) for box, parts in split]
        line = _grid_line(joined, page, None)
        return [line] if line is not None else []
    bands = group_lines(g for _, parts in split for part in parts for g in part.glyphs)
    band_of = {id(g): n for n, band in enumerate(bands) for g in band}
    per_band: dict[int, list[tuple[Box, str, list[Glyph]]]] = defaultdict(list)
    for box, parts in split:
        for part in parts:
            per_band[band_of[id(part.glyphs[0])]].append((box, part.text, part.glyphs))
    lines = []
    for n in sorted(per_band, key=lambda n: min(g.top for g in bands[n])):
        band = bands[n]
        line = _grid_line(per_band[n], page, (min(g.top for g in band), max(g.bottom for g in band)))
        if line is not None:
            lines.append(line)
    return lines


def _grid_line(
    cells: Sequence[tuple[Box, str, list[Glyph]]],
    page: int,
    band: tuple[float, float] | None,
) -> TextLine | None:
    out = []
    inked: list[Glyph] = []
    for (x0, x1, top, bottom), text, glyphs in cells:
        if not text:
            continue
        if band is not None:  # a printed line inside a taller ruled cell
            top, bottom = band
        inset_x = min(GRID_CELL_INSET, (x1 - x0) / 4)
        inset_y = min(GRID_CELL_INSET, (bottom - top) / 4) if band is None else 0.0
        bold = sum(g.bold for g in glyphs) * 2 > len(glyphs)
        out.append(
            Cell(text=text, x0=x0 + inset_x, x1=x1 - inset_x, top=top + inset_y, bottom=bottom - inset_y, page=page, bold=bold)
        )
        inked.extend(glyphs)
    if not out:
        return None
    return TextLine(
        cells=tuple(out),
        body="  ".join(cell.text for cell in out),
        top=min(c.top for c in out),
        bottom=max(c.bottom for c in out),
        size=round(median(g.height for g in inked), 2),
        bold=all(g.bold for g in inked),
        ruled=True,
    )


class _CellIndex:
    """Find the ruled cell holding a point, by bisection on the rules' coordinates."""

    def __init__(self, boxes: Sequence[Box]) -> None:
        self.xs = sorted({b[0] for b in boxes} | {b[1] for b in boxes})
        self.ys = sorted({b[2] for b in boxes} | {b[3] for b in boxes})
        self.owner: dict[tuple[int, int], int] = {}
        for number, (x0, x1, top, bottom) in enumerate(boxes):
            for i in range(bisect_left(self.xs, x0), bisect_left(self.xs, x1)):
                for j in range(bisect_left(self.ys, top), bisect_left(self.ys, bottom)):
                    self.owner[(i, j)] = number

    def find(self, x: float, y: float) -> int | None:
        if not self.owner:
            return None
        return self.owner.get((bisect_right(self.xs, x) - 1, bisect_right(self.ys, y) - 1))
