"""Find tables among lines: body rows of numbers, the header rows above them,
the caption above that, and the footnotes below."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..layout import Line, Separator
from ..normalize.numbers import is_numeric_cell
from ..normalize.units import find_unit_caption
from .blocks import TableBlock, TableRow
from .columns import build_grid
from .lines import footnote_marks, is_rule, looks_like_heading, match_bullet, match_footnote

__all__ = ["find_tables"]

MAX_HEADER_ROWS = 3
MAX_CAPTION_LINES = 2
MAX_BLANKS_INSIDE = 1
MAX_BLANKS_BEFORE_FOOTNOTES = 3
_YEAR = re.compile(r"^(?:FY\s?)?(?:19|20)\d\d$", re.IGNORECASE)


def find_tables(lines: Sequence[Line]) -> list[TableBlock]:
    """Every table in reading order; lines not in a returned block are not table lines."""
    tables = []
    body_rows = [_is_body_row(line) for line in lines]  # classified once: huge inputs stay linear
    index = 0
    while index < len(lines):
        if body_rows[index]:
            table, index = _take_table(lines, index, body_rows)
            tables.append(table)
        else:
            index += 1
    return tables


def _is_body_row(line: Line) -> bool:
    if line.separator is Separator.NONE or len(line.cells) < 2:
        return False
    values = [c.text for c in line.cells[1:] if c.text]
    numeric = sum(map(is_numeric_cell, values))
    if numeric == 0 or numeric * 2 < len(values):
        return False
    return not (is_rule(line.raw) or _is_year_header(line) or find_unit_caption(line.text) is not None)


def _is_year_header(line: Line) -> bool:
    texts = [c.text for c in line.cells if c.text]
    return len(texts) >= 2 and all(_YEAR.match(t) for t in texts)


def _is_header_row(line: Line) -> bool:
    if line.is_blank or is_rule(line.raw) or match_bullet(line.raw) or match_footnote(line.raw):
        return False
    if find_unit_caption(line.text) is not None:
        return False
    texts = [c.text for c in line.cells if c.text]
    if _is_year_header(line):
        return True
    if line.separator is Separator.NONE:
        return False
    return not any(is_numeric_cell(t) and not _YEAR.match(t) for t in texts)


def _has_label(line: Line) -> bool:
    first = line.cells[0].text if line.cells else ""
    return line.separator in (Separator.TAB, Separator.PIPE) or (bool(first) and not is_numeric_cell(first))


def _take_table(lines: Sequence[Line], start: int, body_rows: Sequence[bool]) -> tuple[TableBlock, int]:
    body_indexes = _extend_body(lines, start, body_rows)
    body = [lines[i] for i in body_indexes]
    labels = [_has_label(line) for line in body]
    grid = build_grid(body, labels)
    header_indexes = _header_above(lines, start)
    header = tuple(grid.align_header(lines[i], any(labels)) for i in header_indexes)
    top = header_indexes[0] if header_indexes else start
    caption = _caption_above(lines, top)
    rows = []
    for line, has_label in zip(body, labels):
        label_cell, cells = grid.align_body(line, has_label)
        rows.append(TableRow(line=line, label=label_cell.text if label_cell else "", label_cell=label_cell, cells=cells))
    end = body_indexes[-1] + 1
    footnotes, end = _footnotes_below(lines, end, _marks_in(rows, header))
    first = caption[0].number if caption else lines[top].number
    table = TableBlock(
        header=header,
        rows=tuple(rows),
        caption=tuple(caption),
        footnotes=tuple(footnotes),
        first_line=first,
        last_line=lines[end - 1].number,
    )
    return table, end


def _extend_body(lines: Sequence[Line], start: int, body_rows: Sequence[bool]) -> list[int]:
    body = [start]
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if body_rows[index]:
            body.append(index)
            index += 1
            continue
        if line.is_blank or is_rule(line.raw):
            following = _next_content(lines, index, MAX_BLANKS_INSIDE + 1)
            if following is not None and body_rows[following] and _same_shape(lines[following], lines[body[-1]]):
                index = following
                continue
        break
    return body


def _next_content(lines: Sequence[Line], index: int, limit: int) -> int | None:
    for probe in range(index, min(len(lines), index + limit + 1)):
        if not lines[probe].is_blank and not is_rule(lines[probe].raw):
            return probe
    return None


def _same_shape(a: Line, b: Line) -> bool:
    return a.separator is b.separator and abs(len(a.cells) - len(b.cells)) <= 1


def _header_above(lines: Sequence[Line], start: int) -> list[int]:
    found: list[int] = []
    index = start - 1
    while index >= 0 and len(found) < MAX_HEADER_ROWS:
        line = lines[index]
        if is_rule(line.raw):
            index -= 1
            continue
        if not _is_header_row(line):
            break
        found.insert(0, index)
        index -= 1
    return found


def _caption_above(lines: Sequence[Line], top: int) -> list[Line]:
    """A unit caption and the title nearest above it (blank lines between are fine)."""
    caption: list[Line] = []
    index = top - 1
    have_unit = have_title = False
    while index >= 0 and len(caption) < MAX_CAPTION_LINES:
        line = lines[index]
        if line.is_blank or is_rule(line.raw):
            index -= 1
            continue
        if match_bullet(line.raw) or _is_body_row(line):
            break
        if not have_unit and find_unit_caption(line.text) is not None:
            caption.insert(0, line)
            have_unit = True
            # a caption line that also carries words is title and unit at once
            have_title = have_title or _caption_has_title(line)
        elif not have_title and looks_like_heading(line):
            caption.insert(0, line)
            have_title = True
        else:
            break
        if have_title:
            break
        index -= 1
    return caption


def _caption_has_title(line: Line) -> bool:
    caption = find_unit_caption(line.text)
    return caption is not None and len(line.text.replace(caption.raw, "").strip(" ()")) > 2


def _marks_in(rows: Sequence[TableRow], header: Sequence[Sequence[str]]) -> set[str]:
    marks: set[str] = set()
    for row in rows:
        marks.update(footnote_marks(row.label))
        for cell in row.cells:
            if cell is not None:
                marks.update(footnote_marks(cell.text))
    for texts in header:
        for text in texts:
            marks.update(footnote_marks(text))
    return marks


def _footnotes_below(lines: Sequence[Line], end: int, marks: set[str]) -> tuple[list[Line], int]:
    footnotes: list[Line] = []
    index = end
    blanks = 0
    while index < len(lines) and marks:
        line = lines[index]
        if line.is_blank or is_rule(line.raw):
            blanks += 1
            if blanks > MAX_BLANKS_BEFORE_FOOTNOTES:
                break
            index += 1
            continue
        note = match_footnote(line.raw)
        if note is None or note.mark not in marks:
            break
        footnotes.append(line)
        blanks = 0
        index += 1
        end = index
    return footnotes, end
