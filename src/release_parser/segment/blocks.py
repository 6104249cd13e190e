"""Plain data produced by segmentation: what each stretch of lines is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ..layout import Cell, Line

__all__ = ["Block", "BulletBlock", "HeadingBlock", "ParagraphBlock", "TableBlock", "TableRow"]


@dataclass(frozen=True)
class HeadingBlock:
    line: Line
    text: str


@dataclass(frozen=True)
class ParagraphBlock:
    lines: tuple[Line, ...]
    text: str


@dataclass(frozen=True)
class BulletBlock:
    """One bullet item. ``signature`` is its marker glyphs (e.g. ``"-▶"``); levels come later."""

    line: Line
    text: str
    marker: str
    signature: str
    indent: float
    continuation: tuple[Line, ...] = ()


@dataclass(frozen=True)
class TableRow:
    """A body row: its label cell and one slot per table column (None where nothing is printed)."""

    line: Line
    label: str
    label_cell: Cell | None
    cells: tuple[Cell | None, ...]
    group: str = ""  # the section label above it inside the table ("Current assets:")


@dataclass(frozen=True)
class TableBlock:
    """A table: header rows and body rows aligned to the same columns."""

    header: tuple[tuple[str, ...], ...]  # one tuple per header row, len == column count
    rows: tuple[TableRow, ...]
    caption: tuple[Line, ...]  # title / unit lines printed above or on the header line
    footnotes: tuple[Line, ...]
    first_line: int
    last_line: int
    label_header: str = ""  # what the header rows print over the label column, e.g. "FY11 Targets"
    start: int = 0  # index of the table's first line (caption included) in the layout's lines
    stop: int = 0  # index just past its last line (footnotes included)
    beside: tuple[int, ...] = ()  # indexes in start..stop of text printed beside the table, not in it

    @property
    def column_count(self) -> int:
        return len(self.rows[0].cells) if self.rows else 0


Block = Union[HeadingBlock, ParagraphBlock, BulletBlock, TableBlock]
