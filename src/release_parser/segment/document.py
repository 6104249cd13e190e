"""Segment a whole layout: tables first, then bullets, headings and paragraphs."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..layout import Layout, Line
from .blocks import Block, BulletBlock, HeadingBlock, ParagraphBlock, TableBlock
from .bullets import indent_tolerance
from .lines import is_rule, looks_like_heading, match_bullet, strip_emphasis
from .flat_rows import split_flat_rows, split_packed_cells
from .side_by_side import split_side_by_side
from .tables import find_tables

__all__ = ["segment", "segment_tables", "Segmented"]

_LABEL_VALUE = re.compile(r"^[^:]{1,60}:\s+\S")
_PARENTHETICAL = re.compile(r"^\s*\(.*\)\s*$")
_WORD = re.compile(r"[^\W\d_]{3,}")
_FIGURE = re.compile(r"\d\s*%|[$¥€£]\s*\d|\d[.,]\d")


@dataclass(frozen=True)
class Segmented:
    """A layout's lines as segmentation reads them (flattened rows cut, tables set side by
    side parted) and the tables found in them; :meth:`blocks` reads the rest on demand."""

    lines: tuple[Line, ...]
    tables: tuple[TableBlock, ...]  # in reading order
    kind: str

    def blocks(self) -> list[Block]:
        """Every block in reading order: the tables, and the headings, bullets and paragraphs around them."""
        return _blocks(self.lines, self.tables, indent_tolerance(self.kind))


def segment_tables(layout: Layout) -> Segmented:
    """Find a layout's tables; the text around them is read by :meth:`Segmented.blocks`."""
    lines = split_side_by_side(split_packed_cells(split_flat_rows(layout.lines)))
    by_start = {table.start: table for table in find_tables(lines)}  # one table per starting line
    return Segmented(lines, tuple(by_start[start] for start in sorted(by_start)), layout.kind)


def segment(layout: Layout) -> list[Block]:
    """Split a layout into blocks in reading order."""
    return segment_tables(layout).blocks()


def _blocks(lines: tuple[Line, ...], tables: tuple[TableBlock, ...], tolerance: float) -> list[Block]:
    # by position: line numbers restart on each page of a PDF
    table_at = {table.start: table for table in tables}
    table_lines = {index for t in tables for index in range(t.start, t.stop)} - {i for t in tables for i in t.beside}
    blocks: list[Block] = []
    paragraph: list[Line] = []
    for index, line in enumerate(lines):
        if index in table_at:
            _flush(paragraph, blocks)
            blocks.append(table_at[index])
            continue
        if index in table_lines:
            continue
        if line.is_blank or is_rule(line.raw):
            _flush(paragraph, blocks)
            continue
        bullet = match_bullet(line.raw)
        if bullet is not None:
            _flush(paragraph, blocks)
            blocks.append(
                BulletBlock(line=line, text=bullet.text, marker=bullet.marker, signature=bullet.signature, indent=line.indent)
            )
            continue
        previous = blocks[-1] if blocks else None
        if not paragraph and isinstance(previous, BulletBlock) and _continues_bullet(previous, line, lines[index - 1], tolerance):
            blocks[-1] = dataclasses.replace(
                previous, text=f"{previous.text} {line.text.strip()}", continuation=(*previous.continuation, line)
            )
            continue
        if (not paragraph or _set_in_bold_after(line, paragraph[-1])) and _is_heading(line, lines, index):
            _flush(paragraph, blocks)
            blocks.append(HeadingBlock(line=line, text=strip_emphasis(line.text)[0]))
            continue
        paragraph.append(line)
    _flush(paragraph, blocks)
    return blocks


def _continues_bullet(block: BulletBlock, line: Line, before: Line, tolerance: float) -> bool:
    """A bullet's text wrapped onto the next line, indented past the bullet's marker."""
    return not before.is_blank and line.indent > block.indent + tolerance


def _is_heading(line: Line, lines: tuple[Line, ...], index: int) -> bool:
    if _LABEL_VALUE.match(line.text) or _PARENTHETICAL.match(line.text):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    ends_block = following is None or following.is_blank or is_rule(following.raw) or match_bullet(following.raw) is not None
    return (ends_block or _set_in_bold_above(line, following)) and looks_like_heading(line)


def _set_in_bold_above(line: Line, following: Line | None) -> bool:
    """A bold line straight above regular text, or above another bold heading: a heading set
    apart by type, not by a blank (a PDF does not always leave a gap read as a blank line)."""
    if not line.style.bold or following is None or following.is_blank or not _names_a_topic(line.text):
        return False
    return not following.style.bold or looks_like_heading(following)


def _names_a_topic(text: str) -> bool:
    """Words, not a figure: a bold "Revenue up 25.7%" or a row of axis periods is a slide's
    callout or chart, not a heading over the text below it."""
    return _WORD.search(text) is not None and _FIGURE.search(text) is None


def _set_in_bold_after(line: Line, previous: Line) -> bool:
    """A bold line straight after regular text ends the paragraph before it."""
    return line.style.bold and not previous.style.bold


def _flush(paragraph: list[Line], blocks: list[Block]) -> None:
    if paragraph:
        text = " ".join(strip_emphasis(line.text)[0] for line in paragraph)
        blocks.append(ParagraphBlock(lines=tuple(paragraph), text=text))
        paragraph.clear()
