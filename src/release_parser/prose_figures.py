"""Where the figures of a sentence are: "JPY 18,359 million", "35.1%", "1,600 corporate customers".

A figure is a number with what makes it one: a currency, a scale word, a unit or
a count noun after it. Numbers inside periods and dates, exchange rates
("JPY89.49 per US$1.00"), share ratios ("1 share equals 400 ADSs") and the precision
of an outlook ("plus or minus 2%") are not figures of the release.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .normalize.numbers import ParsedNumber, try_parse_number
from .normalize.periods import FiscalPeriod
from .normalize.units import lookup_unit

__all__ = ["Figure", "find_figures"]

#: Words a count noun may stand behind: "1,600 corporate customers".
MAX_COUNT_MODIFIERS = 2

_FIGURE = re.compile(
    r"""
    (?<![\w.,\-+/:$¥￥€£△▲=])
    (?P<approx>(?:approximately|approx\.|about|around|nearly|almost|roughly)\s+)?
    (?P<currency>(?:JPY|US\$|USD|EUR|GBP|\$|¥|￥|€|£)\s?)?
    (?P<number>[△▲]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[△▲]?\d+(?:\.\d+)?)(?![\d.]\d?)
    (?P<scale>\s?(?:thousand|million|billion|trillion|mn|bn)\b)?
    (?![\d,]\d|[:\-/]\w|\s*=)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"\s?(%|percent\b|(?:basis|percentage)\s+points?\b|[A-Za-z]+)")  # two-word units first
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
# "expected to be $43.0 billion, plus or minus 2%": the precision of the figure before, no figure itself
_TOLERANCE_BEFORE = re.compile(r"(?:plus\s+or\s+minus|±|\+/-)\s*$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)")
# "JPY89.49 per US$1.00", "JPY119.02 = US$1.00": a rate, on both sides
_RATE_AFTER = re.compile(r"^\s*(?:per|=|to\s+the)\s*(?:one\s+)?(?:US\$|USD|\$|JPY|¥|EUR|€|GBP|£)\s?1(?:\.0+)?\b", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:\bper|=)\s*$", re.IGNORECASE)
# "(1 share of common stock equals 400 ADSs)": a ratio between two kinds of share
_EQUALS_AFTER = re.compile(r"^[^,;.()]{0,60}?\bequals?\b", re.IGNORECASE)
_EQUALS_BEFORE = re.compile(r"\bequals?\s+$", re.IGNORECASE)


#: Between the two ends of a range: "$400 - $450 million", "2.0 to 2.5 billion".
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|~|to)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One figure: where it is, its number, and the count noun it counts if any."""

    start: int
    end: int
    number: ParsedNumber
    has_unit: bool  # a currency, scale or unit is printed with it (a count noun behind modifiers is not)
    counted: str | None = None  # "corporate customers" after "1,600"
    count_unit: str | None = None  # "customers"

    @property
    def value(self) -> float:
        value = self.number.value
        assert value is not None, "find_figures keeps no NA markers"
        return value

    @property
    def unit(self) -> str | None:
        return self.count_unit or self.number.unit


def find_figures(
    text: str,
    periods: Sequence[tuple[int, int, FiscalPeriod]],
    dates: Sequence[tuple[int, int, date]],
) -> list[Figure]:
    """The figures of ``text``, in order, leaving out numbers inside ``periods`` and ``dates``."""
    taken = [(s, e) for s, e, _ in periods] + [(s, e) for s, e, _ in dates]
    figures = []
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or _is_rate_or_ratio(text, start, end):
            continue
        if _TOLERANCE_BEFORE.search(text, max(0, start - 20), start):
            continue
        unit_match = _UNIT_AFTER.match(text, end)
        has_unit = False
        if unit_match and (unit_match.group(1) == "%" or unit_match.group(1).lower() == "percent" or lookup_unit(unit_match.group(1))):
            end = unit_match.end()
            has_unit = True
        number = try_parse_number(text[start:end])
        if number is None or number.value is None:
            continue
        bare = not (has_unit or match.group("currency") or match.group("scale"))
        if bare and _YEAR_ONLY.match(match.group("number")):
            continue
        counted = _counted_after(text, end) if bare else _count_unit(unit_match.group(1) if has_unit and unit_match else "")
        if counted is not None:
            end = max(end, counted[2])
            figures.append(Figure(start, end, number, not bare, counted[0], counted[1]))
        else:
            figures.append(Figure(start, end, number, not bare))
    return _ranges_scaled(text, figures)


def _ranges_scaled(text: str, figures: list[Figure]) -> list[Figure]:
    """"$400 - $450 million": the low end of a range takes the scale (and unit) printed at its high end."""
    for index in range(len(figures) - 1):
        low, high = figures[index], figures[index + 1]
        if not _RANGE_JOINER.match(text[low.end:high.start]) or low.number.scale != 1 or high.number.scale == 1:
            continue
        if low.number.is_percent or (low.number.unit is not None and low.number.unit != high.number.unit):
            continue
        number = replace(low.number, scale=high.number.scale, unit=high.number.unit)
        figures[index] = replace(low, number=number, has_unit=True)
    return figures


def _is_rate_or_ratio(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 80]
    if _RATE_BEFORE.search(before) or _RATE_AFTER.match(after):
        return True
    return bool(_EQUALS_BEFORE.search(before) or _EQUALS_AFTER.match(after))


def _count_unit(word: str) -> tuple[str, str, int] | None:
    """"245 employees": a count noun printed as the figure's unit."""
    unit = lookup_unit(word) if word.isalpha() and word.lower() != "percent" else None
    return (word, unit, 0) if unit is not None and unit.islower() else None


def _counted_after(text: str, end: int) -> tuple[str, str, int] | None:
    """"1,600 corporate customers": the noun phrase a bare number counts, its unit and where it ends."""
    words: list[str] = []
    position = end
    for _ in range(MAX_COUNT_MODIFIERS + 1):
        match = _WORD_AFTER.match(text, position)
        if match is None:
            return None
        word = match.group(1)
        words.append(word)
        unit = lookup_unit(word) if word.endswith("s") else None
        if unit is not None and unit.islower():
            return " ".join(words), unit, match.end()
        position = match.end()
    return None
