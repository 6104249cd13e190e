"""Read an EDGAR plain-text document: ``<PAGE>`` breaks and ``<TABLE>`` blocks with ``<S>``/``<C>`` markers.

Outside tables the text is read as any text release is (:func:`.text.read_text`).
Inside a ``<TABLE>`` block the marker line (``<S>   <C>      <C>``) gives where
the stub and each column start, so every row is cut into the same columns:

- a body row's text run goes to the column its right end falls in (figures are
  right-aligned), a run starting in the stub is the label;
- a header row's run goes to the column it lies in, or, when it is centred over
  several ("Three Months Ended"), to each column it mostly covers.

Rows come out tab-separated with one cell per column, as a tab-separated text
table would, and a ``<PAGE>`` inside a table does not end it. Line numbers are
those of the file; the page advances at each ``<PAGE>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..errors import EmptyInputError
from ..layout import Cell, Layout, Line, Separator
from .text import read_text

__all__ = ["read_edgar_text", "is_edgar_text", "MarkerColumns"]

_GAP = re.compile(r"[ \u00a0]{2,}")
_RULE_CHARS = frozenset("-=_ ")
_MARKER_LINES = ("<PAGE>", "<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<FN>", "</FN>")
#: A header run lying this much in one column belongs to it alone.
_ONE_COLUMN_SHARE = 0.6
#: A centred header covers each column of which it spans at least this share.
_SPANNED_SHARE = 0.5


@dataclass(frozen=True)
class MarkerColumns:
    """Where the stub ends and each value column starts, from a ``<S> <C> <C>`` line."""

    starts: tuple[int, ...]  # start of each value column

    @classmethod
    def from_marker(cls, line: str) -> MarkerColumns:
        upper = line.upper()
        starts = []
        position = upper.find("<C>")
        while position >= 0:
            starts.append(position)
            position = upper.find("<C>", position + 3)
        return cls(tuple(starts))

    def column_at(self, x: int) -> int:
        """The value column that character ``x`` falls in, or -1 in the stub."""
        column = -1
        for index, start in enumerate(self.starts):
            if x >= start:
                column = index
        return column

    def region(self, index: int, width: int) -> tuple[int, int]:
        end = self.starts[index + 1] if index + 1 < len(self.starts) else max(width, self.starts[index] + 1)
        return self.starts[index], end


def is_edgar_text(text: str) -> bool:
    """A ``<PAGE>`` line, or a ``<S>``/``<C>`` marker line, anywhere in the text."""
    for raw in text.split("\n"):
        stripped = raw.strip().upper()
        if stripped == "<PAGE>" or (stripped.startswith("<S>") and "<C>" in stripped):
            return True
    return False


def _runs(raw: str) -> list[tuple[int, int, str]]:
    """Text runs separated by two or more spaces: (start, end, text)."""
    runs = []
    start = 0
    for gap in [*_GAP.finditer(raw), None]:
        end = gap.start() if gap else len(raw)
        chunk = raw[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            runs.append((start + lead, start + len(chunk.rstrip()), chunk.strip()))
        if gap:
            start = gap.end()
    return runs


def _strip_leader(label: str) -> str:
    """``Total revenues.........`` -> ``Total revenues`` (a single final period stays)."""
    trimmed = label.rstrip(". ")
    return trimmed if label[len(trimmed):].count(".") >= 2 else label


def _is_rule(raw: str) -> bool:
    return bool(raw.strip()) and set(raw) <= _RULE_CHARS


def _row_line(raw: str, columns: MarkerColumns, number: int, page: int, header: bool) -> Line:
    """A table row cut into the stub and one cell per marker column."""
    count = len(columns.starts)
    width = max(len(raw), (columns.starts[-1] + 1) if count else 0)
    texts: list[list[str]] = [[] for _ in range(count + 1)]
    spans: list[tuple[int, int] | None] = [None] * (count + 1)
    first = columns.starts[0] if count else width
    for start, end, text in _runs(raw):
        if start < first:
            targets = [0]
        elif header:
            targets = [c + 1 for c in _header_columns(start, end, columns, width)]
        else:
            targets = [columns.column_at(end - 1) + 1]
        for target in targets:
            texts[target].append(text)
            old = spans[target]
            spans[target] = (start, end) if old is None else (min(old[0], start), max(old[1], end))
    cells = []
    for index, parts in enumerate(texts):
        text = " ".join(parts)
        if index == 0:
            text = _strip_leader(text)
        x0, x1 = spans[index] or ((0, 0) if index == 0 else (columns.starts[index - 1],) * 2)
        cells.append(Cell(text=text, x0=float(x0), x1=float(x1), top=float(number), bottom=float(number + 1), page=page))
    return Line(cells=tuple(cells), page=page, number=number, raw=raw, separator=Separator.TAB)


def _header_columns(start: int, end: int, columns: MarkerColumns, width: int) -> list[int]:
    length = max(1, end - start)
    overlaps = []
    for index in range(len(columns.starts)):
        low, high = columns.region(index, width)
        overlaps.append((index, max(0, min(end, high) - max(start, low)), high - low))
    best = max(overlaps, key=lambda o: o[1])
    if best[1] >= _ONE_COLUMN_SHARE * length:
        return [best[0]]
    spanned = [index for index, overlap, size in overlaps if overlap >= _SPANNED_SHARE * size]
    return spanned or [best[0]]


def _drop_page_number(rows: list[tuple[int, int, str]], *, in_table: bool) -> None:
    """The page number printed just above a ``<PAGE>`` break is furniture: drop it.

    In a table the blank lines around it go too, so the table reads on across the break.
    """
    probe = len(rows)
    while probe and not rows[probe - 1][2].strip():
        probe -= 1
    if probe and _is_page_number(rows[probe - 1][2]):
        del rows[probe - 1:]
    while in_table and rows and not rows[-1][2].strip():
        rows.pop()


def _is_page_number(raw: str) -> bool:
    words = raw.strip().lower().replace("-", " ").split()
    if words[:1] == ["page"]:
        words = words[1:]
    return len(words) == 1 and words[0].isdigit() and len(words[0]) <= 4


def _plain_lines(raws: Sequence[tuple[int, int, str]]) -> list[Line]:
    """Lines outside tables, read as text; ``raws`` holds (line number, page, text)."""
    if not raws or not any(text.strip() for _, _, text in raws):
        return [Line(cells=(), page=page, number=number, raw="") for number, page, _ in raws]
    read = read_text("\n".join(text for _, _, text in raws)).lines
    lines = []
    for line, (number, page, _) in zip(read, raws):
        cells = tuple(replace(c, top=float(number), bottom=float(number + 1), page=page) for c in line.cells)
        lines.append(replace(line, cells=cells, number=number, page=page))
    return lines


def read_edgar_text(text: str, *, source: str = "<edgar>", first_line: int = 1) -> Layout:
    """Read an EDGAR plain-text document into lines; ``first_line`` is its first line's number in the file.

    Examples
    --------
    >>> doc = "<TABLE>\\n<S>          <C>     <C>\\nRevenues.....   $ 10      12\\n</TABLE>"
    >>> [c.text for c in read_edgar_text(doc).lines[0].cells]
    ['Revenues', '$ 10', '12']
    """
    if not text.strip():
        raise EmptyInputError(f"{source}: no text")
    lines: list[Line] = []
    plain: list[tuple[int, int, str]] = []
    page = 1
    table: list[tuple[int, int, str]] | None = None
    for offset, raw in enumerate(text.split("\n")):
        raw = raw.rstrip("\r").expandtabs(8)
        number = first_line + offset
        marker = raw.strip().upper()
        if marker == "<PAGE>":
            _drop_page_number(table if table is not None else plain, in_table=table is not None)
            page += 1
            continue
        if marker.startswith("<TABLE"):
            lines.extend(_plain_lines(plain))
            plain = []
            table = []
            continue
        if marker == "</TABLE>" and table is not None:
            lines.extend(_table_lines(table))
            lines.append(Line(cells=(), page=page, number=number, raw=""))
            table = None
            continue
        if table is not None:
            table.append((number, page, raw))
        elif marker not in _MARKER_LINES:
            plain.append((number, page, raw))
    if table is not None:  # a table left open reads to the end
        lines.extend(_table_lines(table))
    lines.extend(_plain_lines(plain))
    return Layout(
        lines=tuple(lines),
        source=source,
        page_count=page,
        kind="text",
        full_text="\n".join(line.raw for line in lines),
    )


def _table_lines(rows: Sequence[tuple[int, int, str]]) -> list[Line]:
    """The rows of one ``<TABLE>`` block: caption and header lines above the marker, body rows below."""
    marker_at = next((i for i, (_, _, raw) in enumerate(rows) if raw.strip().upper().startswith("<S>")), None)
    if marker_at is None:
        return _plain_lines([r for r in rows if r[2].strip().upper() not in _MARKER_LINES])
    columns = MarkerColumns.from_marker(rows[marker_at][2])
    first = columns.starts[0] if columns.starts else 0
    lines: list[Line] = []
    in_notes = False
    for index, (number, page, raw) in enumerate(rows):
        marker = raw.strip().upper()
        if index == marker_at or marker in ("<CAPTION>", "</CAPTION>"):
            continue
        if marker in ("<FN>", "</FN>"):
            in_notes = marker == "<FN>"
            continue
        runs = _runs(raw)
        if in_notes or not runs or _is_rule(raw) or (index < marker_at and len(runs) == 1 and runs[0][0] < first):
            lines.extend(_plain_lines([(number, page, raw)]))
            continue
        lines.append(_row_line(raw, columns, number, page, header=index < marker_at))
    return lines
