"""Find tables among lines: body rows of numbers, the header rows above them,
the caption above that, and the footnotes below."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..layout import Line, Separator
from ..normalize.cells import is_figure_cell
from ..normalize.units import find_unit_caption
from .blocks import TableBlock, TableRow
from .columns import build_grid
from .lines import footnote_marks, is_rule, keep_cells, looks_like_heading, match_bullet, match_footnote

__all__ = ["find_tables"]

MAX_HEADER_ROWS = 5
MAX_LABEL_LINES = 3
MIN_LISTING_ROWS = 4
MIN_LISTING_CELLS = 4
_MAX_LABEL_CHARS = 80
_HEADER_MIN_INDENT = 8
_CHANGE_HEADER = re.compile(r"\b(?:yoy|qoq|change|growth|increase|decrease)\b|%", re.IGNORECASE)
#: A label-only row naming a period ("Financial Targets for FY2015") heads a group, never wraps.
_NAMES_A_PERIOD = re.compile(r"\b(?:FY\s?'?\d{2,4}|[1-4]Q\s?'?\d{2,4}|Q[1-4]\s?'?\d{2,4}|[12]H\s?'?\d{2,4}|(?:19|20)\d\d)\b", re.IGNORECASE)
#: Words of column headers: periods and dates, changes, targets, kinds of figures.
_COLUMN_WORDS = re.compile(
    r"\d|\b(?:quarter|half|year|months?|weeks?|fy|yoy|qoq|y/y|q/q|change|growth|increase|decrease|diff|vs|versus|over"
    r"|target|forecast|guidance|outlook|plan|estimate|actual|results?|reported|adjusted|gaap|amount|total)\b|%",
    re.IGNORECASE,
)
_DATE_OR_PERIOD_HINT = re.compile(r"\d|\b(?:quarter|half|year|months?|fy)\b", re.IGNORECASE)
MAX_CAPTION_LINES = 2
MAX_BLANKS_INSIDE = 1
MAX_BLANKS_BEFORE_FOOTNOTES = 3
_YEAR = re.compile(r"^(?:FY\s?)?(?:19|20)\d\d$", re.IGNORECASE)
_CHANGE_WORDS = re.compile(
    r"^(?:%\s*)?(?:yoy|qoq|y/y|q/q|y-y|q-q|change|growth|diff\.?)(?:\s*(?:%|\(%\)))?$|^\(?%\)?$"
    r"|^\+\s*/?\s*\(?[-−]\)?\s*%?$",  # "+ (-) %", "+/-": the signed change
    re.IGNORECASE,
)


def find_tables(lines: Sequence[Line]) -> list[TableBlock]:
    """Every table in reading order; lines not in a returned block are not table lines."""
    tables = []
    body_rows = [_is_body_row(line) for line in lines]  # classified once: huge inputs stay linear
    _mark_listings(lines, body_rows)
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
    numeric = sum(map(is_figure_cell, values))
    if numeric == 0 or numeric * 2 < len(values):
        return False
    return not (is_rule(line.raw) or _is_year_header(line) or find_unit_caption(line.text) is not None)


def _is_listing_row(line: Line) -> bool:
    """A row of a listing: many cells, mostly words, at least one figure (a ZIP code, a count)."""
    if line.separator is Separator.NONE or is_rule(line.raw) or _is_year_header(line):
        return False
    texts = [c.text for c in line.cells if c.text]
    return len(texts) >= MIN_LISTING_CELLS and any(is_figure_cell(t) and not _YEAR.match(t) for t in texts[1:])


def _mark_listings(lines: Sequence[Line], body_rows: list[bool]) -> None:
    """Runs of listing rows (one-cell lines wrapped between them allowed) are table bodies too."""
    run: list[int] = []
    gap = 0
    for index, line in enumerate([*lines, None]):
        if line is not None and _is_listing_row(line):
            run.append(index)
            gap = 0
            continue
        if line is not None and run and gap < 1 and not line.is_blank:
            gap += 1
            continue
        if len(run) >= MIN_LISTING_ROWS:
            for member in run:
                body_rows[member] = True
        run, gap = [], 0


def _is_year_header(line: Line) -> bool:
    """Years over the value columns ("2025 | 2024 | YoY"), the label cell aside."""
    texts = [c.text for c in line.cells if c.text]
    if len(texts) >= 2 and all(_YEAR.match(t) for t in texts):
        return True
    for values in (texts, texts[1:]):  # with or without a label cell
        years = sum(bool(_YEAR.match(t)) for t in values)
        if years >= 1 and len(values) >= 2 and all(_YEAR.match(t) or _CHANGE_WORDS.match(t) for t in values):
            return True
    return False


def _is_header_row(line: Line) -> bool:
    if line.is_blank or is_rule(line.raw) or match_bullet(line.raw) or match_footnote(line.raw):
        return False
    texts = [c.text for c in line.cells if c.text]
    if find_unit_caption(line.text) is not None and not _caption_in_label_cell(line) and not _only_percent_labels(line):
        return False
    if _is_year_header(line):
        return True
    if line.separator is Separator.NONE:
        return bool(texts) and line.indent >= _HEADER_MIN_INDENT and _DATE_OR_PERIOD_HINT.search(texts[0]) is not None
    return not any(is_figure_cell(t) and not _YEAR.match(t) for t in texts)


def _caption_in_label_cell(line: Line) -> bool:
    """``(JPY millions) | 2Q04 | 2Q03``: the unit printed over the labels, periods over the values
    (which may say they are percent changes: ``Q/Q (%)``)."""
    cells = [c for c in line.cells if c.text]
    return (
        line.separator is not Separator.NONE
        and len(cells) >= 2
        and find_unit_caption(cells[0].text) is not None
        and all(find_unit_caption(c.text) is None or _CHANGE_HEADER.search(c.text) for c in cells[1:])
    )


def _only_percent_labels(line: Line) -> bool:
    """Every caption on the line is a change column's "(%)": ``4Q25 | 3Q25 | Q/Q (%) | Y/Y (%)``."""
    cells = [c for c in line.cells if c.text]
    return line.separator is not Separator.NONE and all(
        find_unit_caption(c.text) is None or (_CHANGE_HEADER.search(c.text) and len(cells) > 1) for c in cells
    )


def _is_label_only(line: Line) -> bool:
    """A line holding only a label: a group title inside a table, or the first half of a wrapped label."""
    if line.is_blank or is_rule(line.raw):
        return False
    filled = [c for c in line.cells if c.text]
    if len(filled) != 1 or filled[0] is not line.cells[0]:  # "Revenues:<TAB><TAB>" holds one label too
        return False
    text = filled[0].text
    # "(1) Net sales by reportable segment:" titles the rows below it and points to a note
    noted_title = text.rstrip().endswith(":")
    return (
        len(text) <= _MAX_LABEL_CHARS
        and not match_bullet(line.raw)
        and (noted_title or not match_footnote(line.raw))
        and not is_figure_cell(text)
    )


def _is_group_label(line: Line) -> bool:
    """A label over a group of rows: "Current assets:", "ASSETS"."""
    return _is_label_only(line) and (line.text.rstrip().endswith(":") or line.text.isupper())


def _wraps_into(line: Line, following: Line) -> bool:
    """``line`` is a label that continues on ``following`` (indented, or starting in lower case)."""
    if line.text.rstrip().endswith(":"):
        return False
    label = following.cells[0] if following.cells else None
    if label is None or not label.text:
        return False
    return label.x0 > line.indent or label.text[:1].islower()


def _has_label(line: Line) -> bool:
    first = line.cells[0].text if line.cells else ""
    return line.separator in (Separator.TAB, Separator.PIPE) or (bool(first) and not is_figure_cell(first))


def _spans_columns(text: str) -> bool:
    """A period over several columns ("1Q08" over "Actual | Target") spans them; a change label does not."""
    return _CHANGE_HEADER.search(text) is None and _DATE_OR_PERIOD_HINT.search(text) is not None


def _take_table(lines: Sequence[Line], start: int, body_rows: Sequence[bool]) -> tuple[TableBlock, int]:
    members = _extend_body(lines, start, body_rows)
    # beside a column of commentary, the table's lines may carry some of it: cut it off (a
    # side title on a row, "Balance Sheet", stays, for the label header)
    commentary = any(_beside(lines[i], lines[start]) for i in range(members[0], members[-1] + 1))
    own = {i: _without_text_beside(lines[i], lines[start]) if commentary else lines[i] for i in members}
    body = [own[i] for i in members if body_rows[i]]
    labels = [_has_label(line) for line in body]
    grid = build_grid(body, labels)
    top, groups, header_indexes, unit_lines = _header_above(lines, start)
    if not grid.header_reliable:
        header_rows = _stacked_by_order([lines[i] for i in header_indexes], grid.count, lines[start])
    elif grid.positional:
        paths = grid.header_paths([lines[i] for i in header_indexes], any(labels), _spans_columns)
        header_rows = [paths] if header_indexes else []
    else:
        header_rows = [
            grid.align_header(lines[i], any(labels), _spans_columns if position < len(header_indexes) - 1 else None)
            for position, i in enumerate(header_indexes)
        ]
    above = _caption_above(lines, top)
    caption = above + [lines[i] for i in unit_lines]
    rows = []
    group, prefix = groups[-1] if groups else "", ""
    label_right = max((row.cells[0].x1 for row in body if row.cells), default=0.0)
    for index in members:
        line = own[index]
        if not body_rows[index]:
            if _starts_right_of(line, label_right):
                continue  # text wrapped from value cells, not a label
            if rows and rows[-1].label_cell is None and _overlaps_vertically(line, rows[-1].line):
                # the end of a label printed on two lines, the row's figures centred between them
                rows[-1] = replace(rows[-1], label=f"{rows[-1].label} {line.text}".strip())
                continue
            if not _NAMES_A_PERIOD.search(line.text) and _wraps_into(line, own[_next_body(members, index, body_rows)]):
                prefix = f"{prefix} {line.text}".strip()
            else:
                group, prefix = line.text.rstrip(":").strip(), ""
            continue
        label_cell, cells = grid.align_body(line, _has_label(line))
        label = f"{prefix} {label_cell.text}".strip() if label_cell else prefix
        rows.append(TableRow(line=line, label=label, label_cell=label_cell, cells=cells, group=group))
        prefix = ""
    end = members[-1] + 1
    footnotes, end = _footnotes_below(lines, end, _marks_in(rows, [texts for _, texts in header_rows]))
    first_index = _index_of(lines, above[0], top) if above else top
    table = TableBlock(
        header=tuple(texts for _, texts in header_rows),
        rows=tuple(rows),
        caption=tuple(caption),
        footnotes=tuple(footnotes),
        first_line=lines[first_index].number,
        last_line=lines[end - 1].number,
        start=first_index,
        stop=end,
        label_header=" ".join(
            [label for label, _ in header_rows if label]
            + [cell.text for row in rows for cell in grid.beside(row.line)]
        ),
        beside=tuple(i for i in range(first_index, end) if _beside(lines[i], lines[start])),
    )
    return table, end


def _stacked_by_order(header: Sequence[Line], count: int, first_row: Line) -> list[tuple[str, tuple[str, ...]]]:
    """Header rows over columns that line up by order only: the lowest row's labels sit over the
    last columns, and a row above with fewer cells groups the cells below it ("FY22 Targets" over
    "First Half | Full Year"). Lines that start where the labels do are titles, not headers."""
    label_x = first_row.cells[0].x0 if first_row.cells else None
    rows = [[c.text for c in line.cells if c.text] for line in header if not line.cells or line.cells[0].x0 != label_x]
    rows = [row for row in rows if row]
    if not rows or len(rows[-1]) > count:
        return []
    width = len(rows[-1])
    paths = [""] * count
    for row in rows:
        if width % len(row):
            return []  # the groups do not divide the cells below them evenly: no safe reading
        share = width // len(row)
        for position, text in enumerate(row):
            for column in range(count - width + position * share, count - width + (position + 1) * share):
                paths[column] = f"{paths[column]} {text}".strip()
    return [("", tuple(paths))]


def _index_of(lines: Sequence[Line], line: Line, before: int) -> int:
    """Where ``line`` sits in ``lines``, looking back from ``before`` (line numbers repeat across PDF pages)."""
    return next(index for index in range(before, -1, -1) if lines[index] is line)


def _next_body(members: Sequence[int], index: int, body_rows: Sequence[bool]) -> int:
    return next(i for i in members if i > index and body_rows[i])


def _extend_body(lines: Sequence[Line], start: int, body_rows: Sequence[bool]) -> list[int]:
    """Indexes of the table's body: rows with numbers, and label-only lines between them."""
    members = [start]
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if body_rows[index]:
            members.append(index)
            index += 1
            continue
        if _beside(line, lines[start]):
            index += 1  # a column of commentary printed beside the table, left of its labels
            continue
        line = _without_text_beside(line, lines[start])
        following = _next_content(lines, index, MAX_BLANKS_INSIDE + 1)
        if following is None:
            break
        if line.is_blank or is_rule(line.raw):
            if body_rows[following] and _same_shape(lines[following], lines[members[-1]]):
                index = following
                continue
            if _is_label_only(lines[following]) and find_unit_caption(lines[following].text) is None:
                index = following  # a group label; a caption after a blank line opens another table
                continue
            break
        if _is_label_only(line) or _continues_cells(line, lines[start]):
            run = _label_run(lines, index, body_rows, lines[start])
            if run is None:
                break
            members.extend(range(index, run))
            index = run
            continue
        break
    while not body_rows[members[-1]]:
        members.pop()
    return members


def _beside(line: Line, first_row: Line) -> bool:
    """Text that ends left of where the table's first label starts: another column of the page."""
    if line.is_blank or not first_row.cells:
        return False
    return max(c.x1 for c in line.cells) < first_row.cells[0].x0


def _without_text_beside(line: Line, first_row: Line) -> Line:
    """``line`` without the cells that end left of the table's first label (see :func:`_beside`)."""
    if not first_row.cells:
        return line
    left = first_row.cells[0].x0
    cells = tuple(cell for cell in line.cells if cell.x1 >= left)
    if not cells or len(cells) == len(line.cells):
        return line
    return keep_cells(line, cells)


def _continues_cells(line: Line, first_row: Line) -> bool:
    """Text wrapped from value cells: it starts right of where the table's labels end."""
    if line.is_blank or is_rule(line.raw) or not first_row.cells:
        return False
    return _starts_right_of(line, first_row.cells[0].x1)


def _starts_right_of(line: Line, x: float) -> bool:
    return min((c.x0 for c in line.cells), default=0.0) > x


def _label_run(lines: Sequence[Line], index: int, body_rows: Sequence[bool], first_row: Line) -> int | None:
    """Where the body row after a run of label-only (or wrapped) lines starts, or None if none follows.

    Single blank lines may part the labels ("Commitments and contingencies", a blank line,
    "Shareholders' equity:"); then the row that follows must sit in the table's columns. On a
    new page, only a repeated header (no blank line) may come before rows of the first row's shape.
    """
    probe, labels, blank = index, 0, False
    page = lines[index - 1].page if index else lines[index].page  # the page the table was read on
    while probe < len(lines) and labels < MAX_LABEL_LINES and not body_rows[probe]:
        line = _without_text_beside(lines[probe], first_row)
        if line.is_blank:
            if probe == index or lines[probe - 1].is_blank or line.page != page:
                return None  # a new page's title and a blank line: another table starts there
            blank = True
        elif (
            _is_label_only(line)
            or (not blank and _continues_cells(line, first_row) and not _heads_columns(line))
            or _wraps_into_row(line, lines, probe, body_rows)
        ):
            labels += 1
        else:
            break
        probe += 1
    if probe == index or probe >= len(lines) or not body_rows[probe]:
        return None
    following = lines[probe]
    if following.page != page and not _same_shape(following, first_row):
        return None  # a new page starts with its own title and table, unless its rows go on in these columns
    if blank and not (_same_shape(following, first_row) or _figures_under(following, first_row)):
        return None
    return probe


def _heads_columns(line: Line) -> bool:
    """A line of years or periods ("2025 | 2024", "4Q25 | 3Q25 | Q/Q"): another table's header."""
    texts = [c.text for c in line.cells if c.text]
    return _is_year_header(line) or (
        bool(texts) and all(_NAMES_A_PERIOD.search(t) or _CHANGE_WORDS.match(t) for t in texts)
        and any(_NAMES_A_PERIOD.search(t) for t in texts)
    )


def _wraps_into_row(line: Line, lines: Sequence[Line], index: int, body_rows: Sequence[bool]) -> bool:
    """A long label alone on its line that goes on, in lower case, as the label of the next row."""
    filled = [c for c in line.cells if c.text]
    if len(filled) != 1 or len(filled[0].text) > 2 * _MAX_LABEL_CHARS or index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return body_rows[index + 1] and bool(following.cells) and following.cells[0].text[:1].islower()


def _next_content(lines: Sequence[Line], index: int, limit: int) -> int | None:
    for probe in range(index, min(len(lines), index + limit + 1)):
        if not lines[probe].is_blank and not is_rule(lines[probe].raw):
            return probe
    return None


def _same_shape(a: Line, b: Line) -> bool:
    return a.separator is b.separator and abs(len(a.cells) - len(b.cells)) <= 1


def _figures_under(line: Line, first_row: Line) -> bool:
    """Every value cell of a row printed by position lies under a value cell of the first row
    (a row with fewer cells, its percent columns left empty)."""
    if line.separator is not Separator.GAP or first_row.separator is not Separator.GAP:
        return False
    values, columns = line.cells[1:], first_row.cells[1:]
    return bool(values) and all(any(c.x0 < v.x1 and v.x0 < c.x1 for c in columns) for v in values)


def _overlaps_vertically(a: Line, b: Line) -> bool:
    """Two lines of a PDF page printed at overlapping heights (text lines never overlap)."""
    box_a, box_b = a.bbox, b.bbox
    return box_a is not None and box_b is not None and box_a[1] < box_b[3] and box_b[1] < box_a[3]


def _header_above(lines: Sequence[Line], start: int) -> tuple[int, list[str], list[int], list[int]]:
    """The table's top line, the group labels just above its first row, its header rows, and
    unit caption lines printed between the header and the first row ("(NT$bn)")."""
    index = start - 1
    groups: list[str] = []
    while index >= 0 and (_is_group_label(lines[index]) or _is_group_under_header(lines, index)):
        groups.insert(0, lines[index].text.rstrip(":").strip())
        index -= 1
    found: list[int] = []
    units: list[int] = []
    blanks = 0
    dated = False
    while index >= 0 and len(found) < MAX_HEADER_ROWS:
        line = lines[index]
        if line.page != lines[start].page:
            break  # a header is printed on its table's page
        if _beside(line, lines[start]):
            index -= 1
            continue
        if not units and _is_unit_line(line):  # "NT$ Million" between header rows, or below them
            units.append(index)
            index -= 1
            continue
        if is_rule(line.raw) or (line.is_blank and not found and blanks < MAX_BLANKS_INSIDE):
            blanks += line.is_blank
            index -= 1
            continue
        if not _is_header_row(line):
            break
        inside = [c for c in line.cells if c.text and (not lines[start].cells or c.x1 >= lines[start].cells[0].x0)]
        hinted = any(_COLUMN_WORDS.search(c.text) for c in inside)
        if dated and not hinted:
            break  # above the periods, only group headers that name periods or changes belong to the header
        dated = dated or any(_DATE_OR_PERIOD_HINT.search(c.text) for c in line.cells[1:] if c.text)
        found.insert(0, index)
        index -= 1
    top = found[0] if found else start - len(groups)
    if units and (not found or units[0] < found[0]):  # a caption above the header is read as the caption it is
        units = []
    return top, groups, found, units


def _is_group_under_header(lines: Sequence[Line], index: int) -> bool:
    """A label alone between a header of periods and the first row titles a group ("Assets")."""
    if not _is_label_only(lines[index]) or _is_unit_line(lines[index]):
        return False
    above = _content_above(lines, index - 1)
    if above is None or not _is_header_row(lines[above]):
        return False
    return any(_DATE_OR_PERIOD_HINT.search(c.text) for c in lines[above].cells[1:] if c.text)


def _content_above(lines: Sequence[Line], index: int) -> int | None:
    for probe in range(index, max(index - MAX_BLANKS_INSIDE - 1, -1), -1):
        if not lines[probe].is_blank and not is_rule(lines[probe].raw):
            return probe
    return None


def _is_unit_line(line: Line) -> bool:
    """A line that is nothing but a unit caption: "(NT$bn)", "(JPY millions)"."""
    caption = find_unit_caption(line.text)
    return caption is not None and caption.raw.strip() == line.text.strip()


def _caption_above(lines: Sequence[Line], top: int) -> list[Line]:
    """A unit caption and the title nearest to it, in either order (blank lines between are fine)."""
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
        if have_title and have_unit:
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
