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
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from .headers import PeriodContext
from .normalize.dates import find_dates
from .normalize.periods import FiscalPeriod, find_periods
from .prose_figures import find_figures
from .prose_metric import subject_of
from .prose_rates import find_exchange_rates
from .prose_reader import PieceReader, Reading
from .prose_types import ProseFact, ProseUnit
from .wording import TARGET_WORDS

__all__ = ["ProseUnit", "ProseFact", "extract_prose_facts"]

MAX_UNIT_CHARS = 5_000
_TARGET_HEADING = re.compile(rf"\b{TARGET_WORDS}\b", re.IGNORECASE)

_NOTE = re.compile(r"^\W*(?:notes?|source|\*)\b", re.IGNORECASE)
_BASE_BEFORE = re.compile(
    r"(?:from|since|to|compared\s+(?:to|with)|versus|vs\.?|over|against|than|previous)\s+(?:the\s+)?$", re.IGNORECASE
)
# a bullet marker standing alone between spaces: bullets a paragraph ran together (an unmapped
# PDF glyph, U+FFFD, standing alone is a bullet dingbat too)
_MARKERS = "*•●▪■◦\ufffd"
_BULLET = re.compile(rf"(?:^|(?<=\s))[{_MARKERS}]\s+(?=[\w(\"“$¥])")


def extract_prose_facts(units: Sequence[ProseUnit], context: PeriodContext) -> list[ProseFact]:
    """Every figure stated in ``units``, in reading order."""
    facts: list[ProseFact] = []
    lead = section_lead = context.default_period
    section_targets = False  # under a heading such as "FY2015 Targets": its figures are targets
    subjects: list[str | None] = []
    carried: Reading | None = None
    for unit in units:
        text = unit.text[:MAX_UNIT_CHARS]
        if unit.restart:
            lead, carried = section_lead, None
        if unit.lead:
            lead = _lead_period(text, context, lead, unit.restart)
            if unit.restart:
                section_lead = lead  # a heading: its period holds for its section, tables and all
                section_targets = _TARGET_HEADING.search(text) is not None
            carried = None
        own_subject = subject_of(text)
        parent_subject = subjects[unit.parent] if unit.parent is not None and unit.parent < len(subjects) else None
        subjects.append(own_subject or parent_subject)
        facts.extend(find_exchange_rates(unit, text))
        if _NOTE.match(text):
            continue
        continues = text.lstrip()[:1] in "([" or unit.parent is not None
        if not continues:
            carried = None
        for number, (start, end) in enumerate(_pieces(text)):
            piece = text[start:end]
            if number:
                own_subject, carried = subject_of(piece), None
            periods = _find_periods(piece, context)
            reader = PieceReader(unit, piece, start, periods, lead, own_subject, carried, parent_subject)
            readings = reader.read(find_figures(piece, periods, find_dates(piece)))
            facts.extend(_as_target(r.fact) if section_targets else r.fact for r in readings)
            if readings:
                carried = readings[-1]
    return facts


def _find_periods(text: str, context: PeriodContext) -> list[tuple[int, int, FiscalPeriod]]:
    """The periods of a text; yearless ones ("the first half") in the release's fiscal year."""
    return find_periods(text, context.calendar, reference_year=context.reference_year, fiscal_year=context.fiscal_year)


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
    starts = [m.end() for m in _BULLET.finditer(text)]
    if not starts:
        yield 0, len(text)
        return
    if text[: starts[0]].strip(" " + _MARKERS):
        starts.insert(0, 0)
    markers = [m.start() for m in _BULLET.finditer(text)]
    ends = [m for m in markers if m > starts[0]] + [len(text)]
    for start, end in zip(starts, ends):
        yield start, end
