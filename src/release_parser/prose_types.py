"""The inputs and outputs of prose reading: :class:`ProseUnit` in, :class:`ProseFact` out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Provenance
from .normalize.periods import FiscalPeriod

__all__ = ["ProseUnit", "ProseFact"]


@dataclass(frozen=True)
class ProseUnit:
    """A piece of prose to read: a bullet, a paragraph or a heading."""

    text: str
    provenance: Provenance
    section: str | None = None
    lead: bool = False  # a heading or emphasized bullet: its period leads what follows
    parent: int | None = None  # index of the parent unit (nested bullets)
    restart: bool = False  # a heading or table came before: earlier lead lines no longer apply


@dataclass(frozen=True)
class ProseFact:
    """One figure stated in prose.

    ``sentence`` is the sentence that states it; ``char_start``/``char_end`` locate
    ``raw`` in the whole bullet or paragraph, whose first line is ``provenance.line``.
    """

    metric: str
    period: FiscalPeriod | None
    base_period: FiscalPeriod | None
    measure: str
    value: float
    unit: str | None
    scale: int
    is_percent: bool
    approximate: bool
    raw: str
    sentence: str
    char_start: int
    char_end: int
    section: str | None
    provenance: Provenance
    as_of: date | None = None  # a figure for one day (an exchange rate), instead of a period
