"""The intermediate representation every reader emits and segmentation consumes.

A document is a sequence of :class:`Line` objects, each holding the
:class:`Cell` runs printed on it with their positions. The text reader gives
positions in character columns and line numbers; the PDF reader gives them in
points. Segmentation only compares positions within one document, so it does
not care which unit it gets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, TypeVar, overload

__all__ = ["Cell", "Line", "LineStyle", "Layout", "Separator"]


_T = TypeVar("_T")


class _computed_once(Generic[_T]):
    """A property computed on first use and kept (``functools.cached_property`` without
    its lock, which on Python 3.11 costs more than the values computed here)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _computed_once[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object, owner: type | None = None) -> _computed_once[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


class Separator(str, Enum):
    """How the cells of a line were told apart in the source."""

    NONE = "none"  # a single run of text
    TAB = "tab"  # tab-separated cells
    PIPE = "pipe"  # markdown / ASCII pipe table
    GAP = "gap"  # two or more spaces, or a wide gap between PDF words


@dataclass(frozen=True)
class Cell:
    """One run of text on a line, with where it was printed."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int = 1
    bold: bool = False

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class LineStyle:
    """Typographic hints a reader could recover (PDFs mostly; text gives defaults)."""

    size: float | None = None
    bold: bool = False
    glyph_marker: str | None = None  # a bullet glyph drawn in a symbol font


@dataclass(frozen=True)
class Line:
    """One printed line: its cells left to right, and where it came from.

    ``number`` is the 1-based line number in a text source, or the 1-based line
    index within its page for a PDF. ``indent`` is the x of the first character.
    """

    cells: tuple[Cell, ...]
    page: int
    number: int
    raw: str
    indent: float = 0.0
    separator: Separator = Separator.NONE
    style: LineStyle = field(default_factory=LineStyle)

    # kept once computed: segmentation asks each line for these many times over
    @_computed_once
    def text(self) -> str:
        """The line's text with the cells joined by single spaces."""
        return " ".join(cell.text for cell in self.cells)

    @_computed_once
    def is_blank(self) -> bool:
        return not any(cell.text.strip() for cell in self.cells)

    @_computed_once
    def bbox(self) -> tuple[float, float, float, float] | None:
        if not self.cells:
            return None
        cells = self.cells
        return (min([c.x0 for c in cells]), min([c.top for c in cells]), max([c.x1 for c in cells]), max([c.bottom for c in cells]))


@dataclass(frozen=True)
class Layout:
    """A whole document as lines, in reading order."""

    lines: tuple[Line, ...]
    source: str
    page_count: int = 1
    kind: str = "text"  # "text", "pdf" or "html"
    full_text: str = ""
    #: Fields of the SEC filing the document came from, as (name, value) pairs:
    #: ``form_type``, ``company``, ``cik``, ``filed``, ``period_of_report`` (ISO dates), ... Empty otherwise.
    filing: tuple[tuple[str, str], ...] = ()
