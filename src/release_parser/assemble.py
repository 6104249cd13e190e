"""Turn segmented blocks into the release model: tables with meaning, bullets with levels."""

from __future__ import annotations

from collections.abc import Sequence

import warnings

from .calendar_evidence import describe_missing
from .errors import ReleaseWarning
from .headers import PeriodContext
from .layout import Layout
from .metadata import Metadata
from .model import Bullet, Paragraph, Release, Table, lines_provenance
from .prose import LazyProse, ProseUnit
from .segment import BulletBlock, HeadingBlock, ParagraphBlock, TableBlock
from .segment.blocks import Block
from .segment.bullets import BulletLevels, indent_tolerance
from .segment.lines import strip_emphasis
from .tables import build_table, continues, inherit_scale, merge_continued

__all__ = ["assemble"]


def assemble(layout: Layout, blocks: Sequence[Block], meta: Metadata) -> Release:
    """Build a :class:`Release` from a layout's blocks and its front matter."""
    tables: list[Table] = []
    bullets: list[Bullet] = []
    paragraphs: list[Paragraph] = []
    sections: list[str] = []
    section: str | None = None
    levels = BulletLevels(indent_tolerance(layout.kind))
    units: list[ProseUnit] = []
    unit_of_bullet: dict[int, int] = {}
    after_table = False
    for block in blocks:
        if isinstance(block, HeadingBlock):
            if (block.line.page, block.line.number) in meta.lines:
                continue
            section = block.text
            sections.append(section)
            levels.reset()
            units.append(ProseUnit(block.text, lines_provenance(layout.source, block.line), section, lead=True, restart=True))
        elif isinstance(block, TableBlock):
            table = build_table(block, len(tables), layout.source, meta)
            if tables and continues(tables[-1], table):
                tables[-1] = merge_continued(tables[-1], table)
            else:
                tables.append(inherit_scale(tables[-1], table) if tables else table)
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
                provenance=lines_provenance(layout.source, block.line),
            )
            unit_of_bullet[len(bullets)] = len(units)
            bullets.append(bullet)
            units.append(
                ProseUnit(text, bullet.provenance, section, lead=emphasis, restart=after_table,
                          parent=unit_of_bullet.get(parent) if parent is not None else None)
            )
            after_table = False
        elif isinstance(block, ParagraphBlock):
            if all((line.page, line.number) in meta.lines for line in block.lines):
                continue
            paragraph = Paragraph(text=block.text, section=section, provenance=lines_provenance(layout.source, *block.lines))
            paragraphs.append(paragraph)
            units.append(ProseUnit(paragraph.text, paragraph.provenance, section, restart=after_table))
            after_table = False
    prose_context = PeriodContext(
        calendar=meta.calendar, reference_year=meta.reference_year, default_period=meta.period,
        calendar_known=meta.calendar_known,
    )
    if not meta.calendar_known:
        warnings.warn(ReleaseWarning(f"{layout.source}: {describe_missing(meta.calendar_evidence)}"), stacklevel=3)
    return Release(
        source=layout.source,
        company=meta.company,
        title=meta.title,
        published=meta.published,
        period=meta.period,
        calendar=meta.calendar_evidence.calendar,
        calendar_source=meta.calendar_evidence.source,
        tables=tables,
        bullets=tuple(bullets),
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        prose=LazyProse(units, prose_context),  # read on first use
        kind=layout.kind,
        page_count=layout.page_count,
    )


