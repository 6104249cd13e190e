"""Stable snake_case keys for line items, so the same row joins across releases."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["to_line_item_key"]

_ABBREVIATION_AMPERSAND = re.compile(r"(?<=\w)&(?=\w)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def to_line_item_key(label: str) -> str:
    """A line item's key: lower case, words joined by underscores.

    Examples
    --------
    >>> to_line_item_key("Total Revenues")
    'total_revenues'
    >>> to_line_item_key("SG&A Expenses / R&D")
    'sga_expenses_rd'
    >>> to_line_item_key("Operating Income (Loss)")
    'operating_income_loss'
    >>> to_line_item_key("Research & development")
    'research_and_development'
    """
    text = unicodedata.normalize("NFKC", label).lower()
    text = _ABBREVIATION_AMPERSAND.sub("", text).replace("&", " and ")
    return _NON_WORD.sub("_", text).strip("_")
