"""Exchange rates stated in prose: "convenience translations at JPY83.53 per US$1.00, the noon
buying rate on September 30, 2010" is the rate of that day, a fact at a point in time."""

from __future__ import annotations

import re

from .normalize.dates import find_dates
from .normalize.units import currency_code
from .prose_types import ProseFact, ProseUnit

__all__ = ["find_exchange_rates"]

_CURRENCY = r"(?:JPY|USD|EUR|GBP|TWD|NT\$|US\$|¥|€|£|\$)"
_RATE = re.compile(
    rf"(?P<quote>{_CURRENCY})\s?(?P<rate>\d{{1,6}}(?:\.\d{{1,6}})?)\s*(?:per|=|to)\s*(?:one\s+)?"
    rf"(?P<base>{_CURRENCY})\s?1(?:\.0{{1,4}})?\b",
    re.IGNORECASE,
)
#: How far after the rate its date may be printed ("..., the noon buying rate on September 30, 2010").
DATE_WINDOW = 80


def find_exchange_rates(unit: ProseUnit, text: str, *, offset: int = 0) -> list[ProseFact]:
    """Each exchange rate of ``text`` that names the day it applies to; ``text`` starts at
    ``offset`` in the unit (a piece of a long paragraph)."""
    facts = []
    for match in _RATE.finditer(text):
        window = text[match.end() : match.end() + DATE_WINDOW]
        dates = find_dates(window)
        if not dates:
            continue
        quote, base = currency_code(match.group("quote")), currency_code(match.group("base"))
        if quote == base:
            continue
        facts.append(
            ProseFact(
                metric=f"Exchange rate ({quote} per {base} 1.00)",
                period=None,
                base_period=None,
                measure="value",
                value=float(match.group("rate")),
                unit=quote,
                scale=1,
                is_percent=False,
                approximate=False,
                raw=match.group(),
                sentence=text,
                char_start=offset + match.start(),
                char_end=offset + match.end(),
                section=unit.section,
                provenance=unit.provenance,
                as_of=dates[0][2],
            )
        )
    return facts

