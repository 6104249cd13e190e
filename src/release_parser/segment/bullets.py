"""Bullet levels: which bullet nests under which."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .blocks import BulletBlock

__all__ = ["BulletLevels", "indent_tolerance"]

#: Indents closer than this are the same column: text indents are whole characters,
#: PDF indents are points and jitter by a fraction of one.
_INDENT_TOLERANCE = {"text": 0.5, "pdf": 2.0}


def indent_tolerance(kind: str) -> float:
    """How far two indents may differ and still be one column, for a layout of ``kind``."""
    return _INDENT_TOLERANCE.get(kind, 0.5)


@dataclass
class _Open:
    indent: float
    signature: str
    index: int
    emphasis: bool


class BulletLevels:
    """Bullet levels from marker signatures, in order of first appearance.

    As with reStructuredText section adornments, the first signature met in a
    section is level 1, a new one below it level 2, and so on; meeting a known
    signature again (at about the same indent) returns to its level. Deeper
    indentation always nests, and an emphasized bullet (a slide's bold lead line)
    never nests under a plain one.

    Examples
    --------
    >>> from release_parser.layout import Line
    >>> def bullet(signature, indent=0.0):
    ...     return BulletBlock(Line((), 1, 1, ""), "text", signature[-1], signature, indent)
    >>> levels = BulletLevels()
    >>> [levels.place(bullet(s), i, False) for i, s in enumerate(["✓", "-▶", "-▶", "✓", "-▶"])]
    [(1, None), (2, 0), (2, 0), (1, None), (2, 3)]
    """

    def __init__(self, tolerance: float = _INDENT_TOLERANCE["text"]) -> None:
        if tolerance <= 0:
            raise ValueError(f"indent tolerance must be positive, not {tolerance}")
        self._open: list[_Open] = []
        # depth of each open bullet by (signature, indent bucket of width ``tolerance``): two open
        # bullets never share a signature within the tolerance (the second closes the first),
        # so a bullet's column is found among at most three buckets, however deep the outline
        self._depths: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
        self.tolerance = tolerance

    def reset(self) -> None:
        """A heading or a table: the next bullet starts a new outline."""
        self._open = []
        self._depths.clear()

    def place(self, block: BulletBlock, index: int, emphasis: bool) -> tuple[int, int | None]:
        """The level of bullet number ``index`` and the index of its parent (None at level 1)."""
        if emphasis:
            while self._open and not self._open[-1].emphasis:
                self._close_deepest()
        depth = self._known_depth(block)
        if depth is not None:
            while len(self._open) > depth:
                self._close_deepest()
        else:
            while self._open and self._open[-1].indent > block.indent + self.tolerance:
                self._close_deepest()
        parent = self._open[-1].index if self._open else None
        self._depths[(block.signature, self._bucket(block.indent))].append(len(self._open))
        self._open.append(_Open(block.indent, block.signature, index, emphasis))
        return len(self._open), parent

    def _known_depth(self, block: BulletBlock) -> int | None:
        """The shallowest open bullet of the block's signature at about its indent, if any."""
        centre = self._bucket(block.indent)
        depths = [
            depth
            for bucket in range(centre - 2, centre + 3)
            for depth in self._depths.get((block.signature, bucket), ())
            if self._same_column(self._open[depth], block)
        ]
        return min(depths, default=None)

    def _same_column(self, known: _Open, block: BulletBlock) -> bool:
        return abs(known.indent - block.indent) <= self.tolerance

    def _close_deepest(self) -> None:
        closed = self._open.pop()
        key = (closed.signature, self._bucket(closed.indent))
        self._depths[key].pop()
        if not self._depths[key]:
            del self._depths[key]

    def _bucket(self, indent: float) -> int:
        return math.floor(indent / self.tolerance) if math.isfinite(indent) else 0
