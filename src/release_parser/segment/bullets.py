"""Bullet levels: which bullet nests under which."""

from __future__ import annotations

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
        self._open: list[_Open] = []
        self.tolerance = tolerance

    def reset(self) -> None:
        """A heading or a table: the next bullet starts a new outline."""
        self._open = []

    def place(self, block: BulletBlock, index: int, emphasis: bool) -> tuple[int, int | None]:
        """The level of bullet number ``index`` and the index of its parent (None at level 1)."""
        if emphasis:
            while self._open and not self._open[-1].emphasis:
                self._open.pop()
        for depth, known in enumerate(self._open):
            if known.signature == block.signature and abs(known.indent - block.indent) <= self.tolerance:
                del self._open[depth:]
                break
        else:
            while self._open and self._open[-1].indent > block.indent + self.tolerance:
                self._open.pop()
        parent = self._open[-1].index if self._open else None
        self._open.append(_Open(block.indent, block.signature, index, emphasis))
        return len(self._open), parent
