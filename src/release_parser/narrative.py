"""A release's narrative: its highlights (bullets), paragraphs, sections and the units its
prose facts are read from, assembled from the blocks on first use.

A caller reading only the tables and facts never pays for them, nor for reading the text
around the tables into headings, bullets and paragraphs. The lines are kept until then,
and let go once the narrative is assembled.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .layout import Layout
from .lazy import LazyTuple
from .model import Bullet, Paragraph, lines_provenance
from .prose_types import ProseUnit
from .segment import BulletBlock, HeadingBlock, ParagraphBlock, TableBlock
from .segment.blocks import Block
from .segment.bullets import BulletLevels, indent_tolerance
from .segment.lines import strip_emphasis

__all__ = ["Narrative", "NarrativeParts", "LazyPart"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class NarrativeParts:
    """What the narrative holds, in reading order."""

    bullets: tuple[Bullet, ...]
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[str, ...]
    units: tuple[ProseUnit, ...]


class Narrative:
    """The narrative of a layout, assembled the first time :meth:`parts` is asked for from the
    blocks ``read_blocks`` gives (the tables and the text around them, in reading order).

    ``front_matter`` holds the (page, line number) of the lines the release's front matter
    used (its company, title and date): they are no heading nor paragraph of the narrative.
    """

    def __init__(self, layout: Layout, read_blocks: Callable[[], Sequence[Block]],
                 front_matter: Collection[tuple[int, int]]) -> None:
        self._source = layout.source
        self._tolerance = indent_tolerance(layout.kind)
        self._read_blocks: Callable[[], Sequence[Block]] | None = read_blocks
        self._front_matter = front_matter
        self._parts: NarrativeParts | None = None

    @property
    def assembled(self) -> bool:
        """Whether the narrative has been assembled yet."""
        return self._parts is not None

    def parts(self) -> NarrativeParts:
        """The narrative's parts, assembled on the first call."""
        if self._parts is None:
            assert self._read_blocks is not None
            self._parts = _assemble(self._read_blocks(), self._source, self._tolerance, self._front_matter)
            self._read_blocks = None  # assembled once: the lines are no longer needed
        return self._parts


def _assemble(blocks: Sequence[Block], source: str, tolerance: float,
              front_matter: Collection[tuple[int, int]]) -> NarrativeParts:
    bullets: list[Bullet] = []
    paragraphs: list[Paragraph] = []
    sections: list[str] = []
    units: list[ProseUnit] = []
    section: str | None = None
    levels = BulletLevels(tolerance)
    unit_of_bullet: dict[int, int] = {}
    after_table = False
    for block in blocks:
        if isinstance(block, HeadingBlock):
            if (block.line.page, block.line.number) in front_matter:
                continue
            section = block.text
            sections.append(section)
            levels.reset()
            units.append(ProseUnit(block.text, lines_provenance(source, block.line), section, lead=True, restart=True))
        elif isinstance(block, TableBlock):
            levels.reset()
            after_table = True
        elif isinstance(block, BulletBlock):
            text, emphasis = strip_emphasis(block.text)
            level, parent = levels.place(block, len(bullets), emphasis)
            bullet = Bullet(text=text, level=level, marker=block.marker, emphasis=emphasis, section=section,
                            parent=parent, provenance=lines_provenance(source, block.line))
            unit_of_bullet[len(bullets)] = len(units)
            bullets.append(bullet)
            units.append(ProseUnit(text, bullet.provenance, section, lead=emphasis, restart=after_table,
                                   parent=unit_of_bullet.get(parent) if parent is not None else None))
            after_table = False
        elif isinstance(block, ParagraphBlock):
            if all((line.page, line.number) in front_matter for line in block.lines):
                continue
            paragraph = Paragraph(text=block.text, section=section, provenance=lines_provenance(source, *block.lines))
            paragraphs.append(paragraph)
            units.append(ProseUnit(paragraph.text, paragraph.provenance, section, restart=after_table))
            after_table = False
    return NarrativeParts(tuple(bullets), tuple(paragraphs), tuple(sections), tuple(units))


class LazyPart(LazyTuple[_T]):
    """One part of a :class:`Narrative` (``"bullets"``, ``"paragraphs"``, ``"sections"`` or
    ``"units"``), assembled on first use; it compares equal to a tuple of the same items."""

    def __init__(self, narrative: Narrative, part: str) -> None:
        self._narrative = narrative
        self._part = part

    @property
    def assembled(self) -> bool:
        """Whether the narrative has been assembled yet."""
        return self._narrative.assembled

    def _all(self) -> tuple[_T, ...]:
        items: tuple[_T, ...] = getattr(self._narrative.parts(), self._part)
        return items

    def __repr__(self) -> str:
        return repr(self._all())

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple, (self._all(),)  # pickled as the plain tuple it stands for
