"""Turn segmented blocks into the release model: tables with meaning, bullets with levels."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .headers import PeriodContext, interpret_columns
from .keys import to_line_item_key
from .layout import Layout, Line
from .metadata import Metadata
from .model import Bullet, Column, LineItem, Paragraph, Provenance, Release, Table, TableCell
from .normalize.numbers import try_parse_number
from .normalize.periods import find_periods
from .normalize.units import find_unit_caption
from .prose import ProseUnit, extract_prose_facts
from .segment import BulletBlock, HeadingBlock, ParagraphBlock, TableBlock
from .segment.blocks import Block
from .segment.lines import footnote_marks, match_footnote, strip_emphasis, strip_footnote_marks

__all__ = ["assemble"]


def assemble(layout: Layout, blocks: Sequence[Block], meta: Metadata) -> Release:
    """Build a :class:`Release` from a layout's blocks and its front matter."""
    tables: list[Table] = []
    bullets: list[Bullet] = []
    paragraphs: list[Paragraph] = []
    sections: list[str] = []
    section: str | None = None
    levels = _LevelTracker()
    units: list[ProseUnit] = []
    unit_of_bullet: dict[int, int] = {}
    after_table = False
    for block in blocks:
        if isinstance(block, HeadingBlock):
            if block.line.number in meta.lines:
                continue
            section = block.text
            sections.append(section)
            levels.reset()
            units.append(ProseUnit(block.text, _provenance(layout.source, block.line), section, lead=True, restart=True))
        elif isinstance(block, TableBlock):
            table = _build_table(block, len(tables), layout.source, meta)
            if tables and _continues(tables[-1], table):
                tables[-1] = _merge(tables[-1], table)
            else:
                tables.append(table)
            levels.reset()
            after_table = True
        elif isinstance(block, BulletBlock):
            text, emphasis = strip_emphasis(block.text)
            level, parent = levels.place(block, len(bullets), emphasis)
            bullet = Bullet(
                text=text,
                level=level,
                marker=block.marker,
                emphasis=emphasis,
                section=section,
                parent=parent,
                provenance=_provenance(layout.source, block.line),
            )
            unit_of_bullet[len(bullets)] = len(units)
            bullets.append(bullet)
            units.append(
                ProseUnit(text, bullet.provenance, section, lead=emphasis, restart=after_table,
                          parent=unit_of_bullet.get(parent) if parent is not None else None)
            )
            after_table = False
        elif isinstance(block, ParagraphBlock):
            if all(line.number in meta.lines for line in block.lines):
                continue
            paragraph = Paragraph(text=block.text, section=section, provenance=_provenance(layout.source, *block.lines))
            paragraphs.append(paragraph)
            units.append(ProseUnit(paragraph.text, paragraph.provenance, section, restart=after_table))
            after_table = False
    prose_context = PeriodContext(calendar=meta.calendar, reference_year=meta.reference_year, default_period=meta.period)
    return Release(
        source=layout.source,
        company=meta.company,
        title=meta.title,
        published=meta.published,
        period=meta.period,
        calendar=meta.calendar,
        tables=tables,
        bullets=tuple(bullets),
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        prose=tuple(extract_prose_facts(units, prose_context)),
        kind=layout.kind,
        page_count=layout.page_count,
    )


class _LevelTracker:
    """Bullet levels from marker signatures, in order of first appearance.

    As with reStructuredText section adornments, the first signature met in a
    section is level 1, a new one below it level 2, and so on; meeting a known
    signature again returns to its level. Deeper indentation always nests, and
    an emphasized bullet (a slide's bold lead line) never nests under a plain one.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self._stack: list[tuple[tuple[float, str], int, bool]] = []  # (indent, signature), bullet index, emphasis

    def place(self, block: BulletBlock, index: int, emphasis: bool) -> tuple[int, int | None]:
        key = (block.indent, block.signature)
        if emphasis:
            while self._stack and not self._stack[-1][2]:
                self._stack.pop()
        for depth, (known, _, _) in enumerate(self._stack):
            if known == key:
                del self._stack[depth:]
                break
        else:
            while self._stack and self._stack[-1][0][0] > block.indent:
                self._stack.pop()
        parent = self._stack[-1][1] if self._stack else None
        self._stack.append((key, index, emphasis))
        return len(self._stack), parent


def _provenance(source: str, *lines: Line) -> Provenance:
    first = lines[0]
    boxes = [line.bbox for line in lines if line.bbox is not None]
    bbox = (
        (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        if boxes
        else None
    )
    return Provenance(source=source, page=first.page, line=first.number, raw="\n".join(line.raw for line in lines), bbox=bbox)


def _build_table(block: TableBlock, index: int, source: str, meta: Metadata) -> Table:
    title, unit, scale, caption_period = _read_caption(block, meta)
    labels = _column_labels(block)
    context = PeriodContext(
        calendar=meta.calendar,
        reference_year=meta.reference_year,
        default_period=caption_period or meta.period,
    )
    columns = interpret_columns(labels, context)
    line_items = []
    cells = []
    for row in block.rows:
        provenance = _provenance(source, row.line)
        line_items.append(
            LineItem(
                label=strip_footnote_marks(row.label),
                key=to_line_item_key(strip_footnote_marks(row.label)),
                footnotes=footnote_marks(row.label),
                provenance=provenance,
            )
        )
        cells.append(tuple(_table_cell(cell, row.line, source) if cell else None for cell in row.cells))
    if unit is None:
        unit = _common_unit(cells)
    if not title:
        title = ", ".join(item.label for item in line_items[:2]) or f"Table {index + 1}"
    return Table(
        index=index,
        title=title,
        unit=unit,
        scale=scale,
        columns=columns,
        line_items=tuple(line_items),
        cells=tuple(cells),
        footnotes=_footnotes(block.footnotes),
        source=source,
        page=block.rows[0].line.page,
        first_line=block.first_line,
        last_line=block.last_line,
        calendar=meta.calendar,
    )


_CONTINUED = re.compile(r"\(?\s*(?:continued|cont'd|cont\.)\s*\)?", re.IGNORECASE)


def _continues(previous: Table, table: Table) -> bool:
    """A table printed on after a page break: "(continued)" in its title, same columns."""
    if previous.column_labels != table.column_labels or not _CONTINUED.search(table.title):
        return False
    return _CONTINUED.sub("", table.title).strip() == previous.title.strip() or not previous.title


def _merge(previous: Table, table: Table) -> Table:
    return dataclasses.replace(
        previous,
        line_items=previous.line_items + table.line_items,
        cells=previous.cells + table.cells,
        footnotes={**previous.footnotes, **table.footnotes},
        last_line=table.last_line,
    )


def _read_caption(block: TableBlock, meta: Metadata):
    title_parts: list[str] = []
    unit, scale = None, 1
    for line in block.caption:
        text = strip_emphasis(line.text)[0]
        caption = find_unit_caption(text)
        if caption is not None:
            unit, scale = caption.unit, caption.scale
            text = text.replace(caption.raw, " ").strip()
        if text:
            title_parts.append(" ".join(text.split()))
    title = " ".join(title_parts)
    found = find_periods(title, meta.calendar, reference_year=meta.reference_year) if title else []
    return title, unit, scale, (found[0][2] if len(found) == 1 else None)


def _column_labels(block: TableBlock) -> list[str]:
    count = block.column_count
    labels = []
    for column in range(count):
        parts = [row[column] for row in block.header if column < len(row) and row[column]]
        labels.append(" ".join(parts) if parts else f"column_{column + 1}")
    return labels


def _table_cell(cell, line: Line, source: str) -> TableCell:
    number = try_parse_number(cell.text)
    return TableCell(
        raw=cell.text,
        number=number,
        provenance=Provenance(
            source=source, page=cell.page, line=line.number, raw=cell.text, bbox=(cell.x0, cell.top, cell.x1, cell.bottom)
        ),
    )


def _common_unit(cells: Sequence[Sequence[TableCell | None]]) -> str | None:
    units = {c.number.unit for row in cells for c in row if c is not None and c.number is not None and not c.number.is_na}
    return units.pop() if len(units) == 1 else None


def _footnotes(lines: Sequence[Line]) -> dict[str, str]:
    notes = {}
    for line in lines:
        note = match_footnote(line.raw)
        if note is not None:
            notes[note.mark] = note.text
    return notes
