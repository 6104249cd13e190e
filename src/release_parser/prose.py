"""Figures stated in sentences: "an operating loss of JPY 830 million in 2Q03".

Each figure in a highlight or paragraph becomes a :class:`ProseFact` with a
metric (the noun phrase it is about), a period (from the words around it, else
the lead line above it, else the release's own period), a measure (value, a
YoY/QoQ change, a target, a threshold) and a sign taken from the wording
("loss", "a decrease of").

This module walks the units in order and keeps what runs across them: the lead
period (a heading's or an emphasized bullet's), the subject a nested bullet's
parent is about, the figure a continuation carries on from. Finding figures
(:mod:`.prose_figures`), naming metrics (:mod:`.prose_metric`) and reading one
piece of text (:mod:`.prose_reader`) live beside it.

A release reads its prose on first use (:class:`LazyProse`): many callers never do. Text
without a digit states no figure, so only what runs across units is kept for it, and a
unit longer than :data:`MAX_UNIT_CHARS` is read in pieces cut after sentences, so that the
work per piece stays bounded and no figure is dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from .headers import PeriodContext
from .lazy import LazyTuple
from .normalize.dates import find_dates
from .normalize.periods import FiscalPeriod, find_periods
from .prose_figures import find_figures
from .prose_metric import subject_of
from .prose_rates import find_exchange_rates
from .prose_reader import PieceReader, Reading
from .prose_types import ProseFact, ProseUnit
from .wording import TARGET_WORDS

__all__ = ["ProseUnit", "ProseFact", "LazyProse", "extract_prose_facts", "MAX_UNIT_CHARS"]

#: The longest text read as one piece: longer bullets and paragraphs are read in pieces of at
#: most this many characters, cut after a sentence (else at a blank).
MAX_UNIT_CHARS = 5_000
_TARGET_HEADING = re.compile(rf"\b{TARGET_WORDS}\b", re.IGNORECASE)
#: "full-year revenue", "for the full year": the release's fiscal year; "full year 2024": that one
_FULL_YEAR = re.compile(
    r"\b(?:full|whole)[\s-]year\b(?:\s+(?P<year>(?:19|20)\d{2})\b)?(?!\s*(?:of\s+)?(?:the\s+)?(?:fiscal\s+(?:year\s+)?|fy\s*)?'?\d)",
    re.IGNORECASE,
)

_NOTE = re.compile(r"^\W*(?:notes?|source|\*)\b", re.IGNORECASE)
_BASE_BEFORE = re.compile(
    r"(?:from|since|to|compared\s+(?:to|with)|versus|vs\.?|over|against|than|previous)\s+(?:the\s+)?$", re.IGNORECASE
)
# a bullet marker standing alone between spaces: bullets a paragraph ran together (an unmapped
# PDF glyph, U+FFFD, standing alone is a bullet dingbat too)
_MARKERS = "*•●▪■◦\ufffd"
_BULLET = re.compile(rf"(?:^|(?<=\s))[{_MARKERS}]\s+(?=[\w(\"“$¥])")
_MARKER = re.compile(rf"[{_MARKERS}]")  # text without a marker has one piece: no need to look for bullets
#: Every figure and exchange rate has a digit: text without one states none.
_DIGIT = re.compile(r"\d")
#: Where a sentence ends: a full stop before a blank and a capital (or an opening parenthesis).
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z(])")


class LazyProse(LazyTuple[ProseFact]):
    """The prose facts of a release, read from its units the first time they are used.

    A sequence of :class:`ProseFact` in reading order; it compares equal to a tuple of the same facts.
    """

    def __init__(self, units: Sequence[ProseUnit], context: PeriodContext) -> None:
        self._units: Sequence[ProseUnit] = units  # not copied: the units may be assembled late too
        self._context = context
        self._facts: tuple[ProseFact, ...] | None = None

    @property
    def read(self) -> bool:
        """Whether the units have been read yet."""
        return self._facts is not None

    def _all(self) -> tuple[ProseFact, ...]:
        if self._facts is None:
            self._facts = tuple(extract_prose_facts(self._units, self._context))
            self._units = ()  # read once: the units are no longer needed
        return self._facts

    def __repr__(self) -> str:
        return repr(self._all()) if self.read else f"LazyProse(<{len(self._units)} units, not read yet>)"


def extract_prose_facts(units: Sequence[ProseUnit], context: PeriodContext) -> list[ProseFact]:
    """Every figure stated in ``units``, in reading order."""
    return _Walk(units, context).read()


class _Subjects:
    """What each unit is about (its own subject, else its parent's), found only when asked."""

    def __init__(self, units: Sequence[ProseUnit]) -> None:
        self._units = units
        self._own: dict[int, str | None] = {}
        self._found: dict[int, str | None] = {}

    def own(self, index: int) -> str | None:
        """The subject of unit ``index``'s own words (its first :data:`MAX_UNIT_CHARS`)."""
        if index not in self._own:
            self._own[index] = subject_of(self._units[index].text[:MAX_UNIT_CHARS])
        return self._own[index]

    def of_parent(self, index: int) -> str | None:
        """The subject of the unit's parent (a nested bullet's), or None."""
        parent = self._units[index].parent
        return self._of(parent) if parent is not None and parent < index else None

    def _of(self, index: int) -> str | None:
        chain: list[int] = []  # walked iteratively: an outline may be thousands of bullets deep
        at: int | None = index
        while at is not None and at not in self._found:
            own = self.own(at)
            if own:
                self._found[at] = own
                break
            chain.append(at)
            parent = self._units[at].parent
            at = parent if parent is not None and parent < at else None
        found = self._found.get(at) if at is not None else None
        for walked in chain:
            self._found[walked] = found
        return found


class _Walk:
    """Reads units in order, keeping what runs across them: the lead period (a heading's or an
    emphasized bullet's), the section's, whether the section states targets, the figure a
    continuation carries on from."""

    def __init__(self, units: Sequence[ProseUnit], context: PeriodContext) -> None:
        self.units = units
        self.context = context
        self.lead = self.section_lead = context.default_period
        self.section_targets = False  # under a heading such as "FY2015 Targets": its figures are targets
        self.carried: Reading | None = None
        self.subjects = _Subjects(units)
        self.facts: list[ProseFact] = []

    def read(self) -> list[ProseFact]:
        for index, unit in enumerate(self.units):
            self._read_unit(index, unit)
        return self.facts

    def _read_unit(self, index: int, unit: ProseUnit) -> None:
        text = unit.text
        head = text[:MAX_UNIT_CHARS]
        if unit.restart:
            self.lead, self.carried = self.section_lead, None
        if unit.lead:
            self.lead = _lead_period(head, self.context, self.lead, unit.restart)
            if unit.restart:
                self.section_lead = self.lead  # a heading: its period holds for its section, tables and all
                self.section_targets = _TARGET_HEADING.search(head) is not None
            self.carried = None
        has_figures = _DIGIT.search(text) is not None
        if has_figures:
            for start, end in _bounded(text, 0, len(text)):
                self.facts.extend(find_exchange_rates(unit, text[start:end], offset=start))
        if _NOTE.match(head):
            return
        if not (head.lstrip()[:1] in "([" or unit.parent is not None):
            self.carried = None
        for number, (start, end) in enumerate(_pieces(text)):
            if number:
                self.carried = None
            if has_figures and _DIGIT.search(text, start, end):
                subject = self.subjects.own(index) if number == 0 else subject_of(text[start:end][:MAX_UNIT_CHARS])
                self._read_piece(index, unit, start, end, subject)

    def _read_piece(self, index: int, unit: ProseUnit, start: int, end: int, subject: str | None) -> None:
        """One bullet of a unit (the whole unit unless bullets were run together), in bounded pieces."""
        parent_subject = self.subjects.of_parent(index)
        for piece_start, piece_end in _bounded(unit.text, start, end):
            piece = unit.text[piece_start:piece_end]
            periods = _find_periods(piece, self.context)
            reader = PieceReader(unit, piece, piece_start, periods, self.lead, subject, self.carried, parent_subject)
            readings = reader.read(find_figures(piece, periods, find_dates(piece)))
            self.facts.extend(_as_target(r.fact) if self.section_targets else r.fact for r in readings)
            if readings:
                self.carried = readings[-1]


def _find_periods(text: str, context: PeriodContext) -> list[tuple[int, int, FiscalPeriod]]:
    """The periods of a text; yearless ones ("the first half", "full-year") in the release's fiscal year."""
    found = find_periods(text, context.calendar, reference_year=context.reference_year, fiscal_year=context.fiscal_year)
    for match in _FULL_YEAR.finditer(text):
        year = int(match.group("year")) if match.group("year") else context.fiscal_year
        if year is not None and not any(start < match.end() and match.start() < end for start, end, _ in found):
            found.append((match.start(), match.end(), FiscalPeriod.from_parts(year, "FY", context.calendar)))
    return sorted(found, key=lambda span: span[0])


def _as_target(fact: ProseFact) -> ProseFact:
    """A figure stated under a targets heading is a target (its changes stay changes)."""
    return dataclasses.replace(fact, measure="target") if fact.measure == "value" else fact


def _lead_period(text: str, context: PeriodContext, lead: FiscalPeriod | None, restart: bool) -> FiscalPeriod | None:
    """The period a heading or emphasized bullet leads with; a heading without one leads with the release's."""
    subject_periods = [p for s, _, p in _find_periods(text, context) if not _BASE_BEFORE.search(text[:s])]
    if subject_periods:
        return subject_periods[0]
    return context.default_period if restart else lead


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """The bullets of a text, each without its marker: one piece unless bullets were run together."""
    starts = [m.end() for m in _BULLET.finditer(text)] if _MARKER.search(text) else []
    if not starts:
        yield 0, len(text)
        return
    if text[: starts[0]].strip(" " + _MARKERS):
        starts.insert(0, 0)
    markers = [m.start() for m in _BULLET.finditer(text)]
    ends = [m for m in markers if m > starts[0]] + [len(text)]
    for start, end in zip(starts, ends):
        yield start, end


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most :data:`MAX_UNIT_CHARS`: each cut after the last
    sentence ending within reach, else at the last blank, else at the limit. Linear in the length."""
    if end - start <= MAX_UNIT_CHARS:
        yield start, end
        return
    ends = [match.end() for match in _SENTENCE_END.finditer(text, start, end)]
    next_end = 0
    while end - start > MAX_UNIT_CHARS:
        limit = start + MAX_UNIT_CHARS
        while next_end < len(ends) and ends[next_end] <= limit:
            next_end += 1
        cut = ends[next_end - 1] if next_end and ends[next_end - 1] > start else text.rfind(" ", start + 1, limit)
        cut = cut if cut > start else limit
        yield start, cut
        start = cut
    yield start, end
