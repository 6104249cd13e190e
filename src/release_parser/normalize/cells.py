"""Table cells that hold more than one plain figure.

Newswire releases print a converted amount beside the figure:
``JPY41,118 million ($392.0 million)``. The cell's figure is the first one; the
one in parentheses is its conversion.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..wording import QUARTER_ON_QUARTER, YEAR_ON_YEAR
from .numbers import ParsedNumber, try_parse_number
from .text_cache import remember_short_texts

__all__ = ["CellFigure", "read_cell", "is_figure_cell"]

_WITH_CONVERSION = re.compile(r"(?P<main>[^()]*[^()\s])\s*\((?P<converted>[^()]+)\)")
#: A word in parentheses after the figure: "JPY1,250 (paid)", "2,750 (forecast)", "1.2 (E)".
#: A change worded with its direction: "Up 12%", "Down 1.6 pts", "down 0.5 %".
_WORDED_CHANGE = re.compile(
    rf"\(?(?P<direction>up|down|increased?|decreased?)\s+(?P<main>[^\s()][^()]*?)(?:\s+(?P<basis>{YEAR_ON_YEAR}|{QUARTER_ON_QUARTER}))?\)?",
    re.IGNORECASE,
)
#: A figure with what it is counted per: "JPY22.00 per share".
_PER_UNIT = re.compile(r"(?<!\s)\s+per\s+(?P<per>share|ads|unit)$", re.IGNORECASE)
_NEGATIVE = ("down", "decrease", "decreased")
_WITH_NOTE = re.compile(r"(?P<main>[^()]*[^()\s])\s*\((?P<note>[A-Za-z][A-Za-z .]{0,23})\)")


@dataclass(frozen=True)
class CellFigure:
    """A cell's figure and, when printed, its conversion into another currency."""

    number: ParsedNumber
    converted: ParsedNumber | None = None
    note: str | None = None  # a word printed beside the figure: "paid", "forecast"


@remember_short_texts
def read_cell(text: str) -> CellFigure | None:
    """The figure a table cell holds, or None for a text cell.

    Examples
    --------
    >>> cell = read_cell("JPY41,118 million ($392.0 million)")
    >>> cell.number.value, cell.number.unit, cell.converted.value, cell.converted.unit
    (41118.0, 'JPY', 392.0, 'USD')
    >>> read_cell("(830)").number.value
    -830.0
    >>> read_cell("up") is None
    True
    >>> read_cell("Down 1.6 pts").number.value, read_cell("Up 12%").number.unit
    (-1.6, '%')
    >>> cell = read_cell("(down 11.3% YoY)")
    >>> cell.number.value, cell.note
    (-11.3, 'YoY')
    >>> read_cell("JPY22.00 per share").number.value
    22.0
    >>> read_cell("JPY1,250 (paid)").number.value, read_cell("JPY1,250 (paid)").note
    (1250.0, 'paid')
    """
    number = try_parse_number(text)
    if number is not None:
        return CellFigure(number)
    worded = _WORDED_CHANGE.fullmatch(text.strip())
    if worded is not None:
        main = try_parse_number(worded.group("main"))
        if main is None or main.is_na or main.value is None or main.value < 0:
            return None
        sign = -1 if worded.group("direction").lower() in _NEGATIVE else 1
        return CellFigure(dataclasses.replace(main, value=sign * main.value), note=worded.group("basis"))
    per_unit = _PER_UNIT.search(text.strip())
    if per_unit is not None:
        main = try_parse_number(text.strip()[: per_unit.start()])
        return CellFigure(main, note=f"per {per_unit.group('per').lower()}") if main is not None and not main.is_na else None
    noted = _WITH_NOTE.fullmatch(text.strip())
    if noted is not None:
        main = try_parse_number(noted.group("main"))
        return CellFigure(main, note=noted.group("note").strip()) if main is not None and not main.is_na else None
    match = _WITH_CONVERSION.fullmatch(text.strip())
    if match is None:
        return None
    main, converted = try_parse_number(match.group("main")), try_parse_number(match.group("converted"))
    if main is None or converted is None or main.unit == converted.unit or main.is_na:
        return None
    return CellFigure(main, converted)


def is_figure_cell(text: str) -> bool:
    """True for any cell :func:`read_cell` reads a figure from (NA markers included)."""
    return read_cell(text) is not None
