"""Collect the lines an HTML document prints, in the form the text reader gives them.

Paragraph text becomes one-cell lines (``**`` around ``raw`` when the whole
line is bold, bullet marks in front), a blank line ends each block, and a table
row becomes a tab-separated line with one cell for the label and one per value
column. Positions are character columns, so an HTML layout compares with a text
one. Lines are numbered in order; pages advance at CSS page breaks.
"""

from __future__ import annotations

from dataclasses import replace

from ..layout import Cell, Line, Separator
from .html_tables import TableRow

__all__ = ["LineSink"]


class LineSink:
    """An append-only list of layout lines."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.page = 1

    def _number(self) -> int:
        return len(self.lines) + 1

    def blank(self) -> None:
        """End a block: one blank line (never two, never first)."""
        if self.lines and not self.lines[-1].is_blank:
            number = self._number()
            self.lines.append(Line(cells=(), page=self.page, number=number, raw="", separator=Separator.NONE))

    def page_break(self) -> None:
        self.blank()
        if self.lines:
            self.page += 1

    def text(self, text: str, *, bold: bool = False, indent: float = 0.0, marker: str | None = None) -> None:
        """A line of running text, a heading or a bullet (``marker`` in front)."""
        if not text and marker is None:
            return
        number = self._number()
        shown = f"{marker} {text}".strip() if marker else text
        body = f"**{text}**" if bold and text else text
        raw = " " * round(indent) + (f"{marker} {body}".strip() if marker else body)
        cell = Cell(text=shown, x0=indent, x1=indent + len(shown), top=float(number), bottom=float(number + 1),
                    page=self.page, bold=bold)
        self.lines.append(
            Line(cells=(cell,), page=self.page, number=number, raw=raw, indent=indent, separator=Separator.NONE)
        )

    def row(self, row: TableRow) -> None:
        """A table row: a tab-separated line, or a text line when one cell holds the row."""
        if row.single:
            self.text(row.label, bold=row.bold)
            return
        number = self._number()
        texts = (row.label, *row.values)
        cells = []
        position = 0
        for text in texts:
            cells.append(Cell(text=text, x0=float(position), x1=float(position + len(text)), top=float(number),
                              bottom=float(number + 1), page=self.page, bold=row.bold and bool(text)))
            position += len(text) + 1
        self.lines.append(
            Line(cells=tuple(cells), page=self.page, number=number, raw="\t".join(texts), separator=Separator.TAB)
        )

    def extend(self, lines: tuple[Line, ...]) -> None:
        """Lines read by another reader (preformatted text), renumbered to follow on."""
        for line in lines:
            number = self._number()
            cells = tuple(replace(c, top=float(number), bottom=float(number + 1), page=self.page) for c in line.cells)
            self.lines.append(replace(line, cells=cells, number=number, page=self.page))
