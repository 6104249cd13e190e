"""What a check reports: the figures it read and whether they agree."""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["CellRef", "CheckResult"]


@dataclass(frozen=True)
class CellRef:
    """A figure a check read: a table cell (``table``, ``row``, ``column``) or a prose fact.

    A prose fact has ``table`` None and its position in ``Release.prose`` as ``row``.
    """

    table: int | None
    row: int
    column: int
    line: int

    @property
    def id(self) -> str:
        """``t0r1c2`` for a table cell, ``p5`` for a prose fact."""
        return f"p{self.row}" if self.table is None else f"t{self.table}r{self.row}c{self.column}"


@dataclass(frozen=True)
class CheckResult:
    """One run of a rule: ``found`` (a printed figure) against ``expected`` (computed from others).

    ``passed`` is True when they differ by at most ``tolerance``, which derives from
    the printed precision of every figure involved. ``cells`` lists every figure read,
    the checked one first. ``expected`` is NaN when the figure to compare with is missing
    from where its table should print it; such a check never passes.
    """

    rule: str
    table: int | None
    line_item: str
    column: str
    period: str | None
    expected: float
    found: float
    tolerance: float
    cells: tuple[CellRef, ...]

    @property
    def passed(self) -> bool:
        return abs(self.found - self.expected) <= self.tolerance

    def describe(self) -> str:
        """One line for reports: rule, where, found against expected."""
        where = f"table {self.table}" if self.table is not None else "prose"
        period = f" {self.period}" if self.period else ""
        expected = ("a printed figure where there is none" if math.isnan(self.expected)
                    else f"{self.expected:,.10g} ± {self.tolerance:,.3g}")
        return f"{self.rule}: {where}, {self.line_item!r} [{self.column}]{period}: found {self.found:,.10g}, expected {expected}"
