"""Drop page furniture: running headers and footers, and page numbers.

A line in the top or bottom :data:`MARGIN_SHARE` of a page is furniture when
the same text (digits masked, so "Page 3 of 24" matches "Page 4 of 24")
appears in the margins of at least :data:`REPEAT_SHARE` of the pages, or when
it is a lone page number. A page number printed at the end of a margin line
of text (a footnote, a bullet) is cut off that line when the pages' numbers
count up with the pages. Rows of ruled tables are never furniture.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .pdf_lines import TextLine, keep_cells

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
    offset = _page_number_offset(pages)
    return [
        replace(
            page,
            lines=tuple(
                _without_page_number(line, page, offset)
                for line in page.lines
                if not _is_furniture(line, page, repeated)
            ),
        )
        for page in pages
    ]


def _trailing_number(line: TextLine) -> int | None:
    """The bare number in the last cell of a line (the line's only cell, or its last)."""
    last = line.cells[-1].text.strip() if line.cells else ""
    return int(last) if last.isdigit() and len(last) <= 4 else None


def _page_number_offset(pages: Sequence[PageLines]) -> int | None:
    """printed number - page index shared by the numbers ending margin lines on two or more
    pages, and by most of such lines: the pages print their numbers there."""
    offsets: Counter[int] = Counter()
    for page in pages:
        found = {n - page.page for line in page.lines if _in_margin(line, page) and (n := _trailing_number(line)) is not None}
        offsets.update(found)
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    return offset if count >= 2 and count * 2 > sum(offsets.values()) else None


def _without_page_number(line: TextLine, page: PageLines, offset: int | None) -> TextLine:
    if offset is None or len(line.cells) < 2 or not _in_margin(line, page) or _trailing_number(line) != page.page + offset:
        return line
    return keep_cells(line, line.cells[:-1])


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
