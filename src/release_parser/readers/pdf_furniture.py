"""Drop page furniture: running headers and footers, and page numbers.

A line in the top or bottom :data:`MARGIN_SHARE` of a page is furniture when
the same text (digits masked, so "Page 3 of 24" matches "Page 4 of 24")
appears in the margins of at least :data:`REPEAT_SHARE` of the pages, or when
it is a lone page number. Rows of ruled tables are never furniture.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .pdf_lines import TextLine

__all__ = ["PageLines", "drop_furniture", "is_page_number", "MARGIN_SHARE", "REPEAT_SHARE"]

#: The share of the page height, at the top and at the bottom, where furniture is looked for.
MARGIN_SHARE = 0.08
#: A margin line repeated on at least this share of the pages is a running header or footer.
REPEAT_SHARE = 0.5

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(
    r"""
    ^(?:page|p\.|s\.|seite|p)?\s*+
    (?:[-–—(\[]\s*+)?\d{1,4}\s*+[-–—)\]]?
    (?:\s*+(?:/|of|von)\s*+\d{1,4})?$
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class PageLines:
    """The printed lines of one page, top to bottom, and the page's size."""

    page: int
    width: float
    height: float
    lines: tuple[TextLine, ...]


def is_page_number(text: str) -> bool:
    """A lone page number such as ``12``, ``- 12 -``, ``Page 3`` or ``3 / 24``.

    >>> [is_page_number(t) for t in ["12", "- 12 -", "Page 3 of 24", "3/24", "Total 12"]]
    [True, True, True, True, False]
    """
    return bool(_PAGE_NUMBER.match(text.strip()))


def drop_furniture(pages: Sequence[PageLines]) -> list[PageLines]:
    """The pages without their running headers, footers and page numbers."""
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line) for line in page.lines if _in_margin(line, page)})
    repeated = {key for key, count in seen.items() if count >= needed}
    return [
        replace(page, lines=tuple(line for line in page.lines if not _is_furniture(line, page, repeated)))
        for page in pages
    ]


def _is_furniture(line: TextLine, page: PageLines, repeated: set[str]) -> bool:
    if not _in_margin(line, page):
        return False
    text = " ".join(cell.text for cell in line.cells)
    return _key(line) in repeated or is_page_number(text)


def _in_margin(line: TextLine, page: PageLines) -> bool:
    if line.ruled:
        return False
    margin = MARGIN_SHARE * page.height
    return line.top < margin or line.bottom > page.height - margin


def _key(line: TextLine) -> str:
    text = " ".join(cell.text for cell in line.cells)
    return _SPACES.sub(" ", _DIGITS.sub("#", text)).strip().casefold()
