"""Turn segmented blocks into the release model: tables with meaning, bullets with levels."""

from __future__ import annotations

import warnings

from .calendar_evidence import describe_missing
from .errors import ReleaseWarning
from .headers import PeriodContext
from .layout import Layout
from .metadata import Metadata
from .model import Release, Table
from .narrative import LazyPart, Narrative
from .prose import LazyProse
from .segment import Segmented
from .tables import build_table, continues, inherit_scale, merge_continued

__all__ = ["assemble"]


def assemble(layout: Layout, segmented: Segmented, meta: Metadata) -> Release:
    """Build a :class:`Release` from a layout's tables and its front matter.

    Tables are built now; the narrative (bullets, paragraphs, sections, prose) on first use.
    """
    tables: list[Table] = []
    for block in segmented.tables:
        table = build_table(block, len(tables), layout.source, meta)
        if tables and continues(tables[-1], table):
            tables[-1] = merge_continued(tables[-1], table)
        else:
            tables.append(inherit_scale(tables[-1], table) if tables else table)
    narrative = Narrative(layout, segmented.blocks, meta.lines)
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
        bullets=LazyPart(narrative, "bullets"),
        paragraphs=LazyPart(narrative, "paragraphs"),
        sections=LazyPart(narrative, "sections"),
        prose=LazyProse(LazyPart(narrative, "units"), prose_context),  # read on first use
        kind=layout.kind,
        page_count=layout.page_count,
    )


