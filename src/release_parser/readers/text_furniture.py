"""Find running footers in a text release: the page number lines ``pdftotext -layout`` keeps.

A text converted from a PDF repeats its footer on every page, page number and
all ("Copyright (C) 2015 Kanto Network Systems Inc. All rights reserved.   3").
Read as data, such a line is a one-row table whose value is the page number.
A line is a running footer when the same text, digits masked, is printed at
least :data:`MIN_REPEATS` times, at least :data:`MIN_PAGE_LINES` lines apart,
and exactly one of its numbers differs between prints, counting up as pages do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

__all__ = ["running_footer_lines", "MIN_REPEATS", "MIN_PAGE_LINES"]

#: Prints of a line needed before it is taken for a running footer.
MIN_REPEATS = 3
#: Lines between two prints of a footer, at least: a page is longer than this.
MIN_PAGE_LINES = 5
#: The largest step between page numbers of consecutive prints (a page without a footer).
MAX_PAGE_STEP = 2

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def running_footer_lines(texts: Sequence[str]) -> set[int]:
    """Indexes into ``texts`` (one string per line) of the running footers' prints.

    >>> page = ["Revenues   10,512", "", "", "", ""]
    >>> texts = [*page, "ACME Corp.  1", *page, "ACME Corp.  2", *page, "ACME Corp.  3"]
    >>> sorted(running_footer_lines(texts))
    [5, 11, 17]
    >>> sorted(running_footer_lines(["FY2004  1", "FY2005  2", "FY2006  3"]))  # adjacent rows: a table
    []
    """
    prints: defaultdict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        if _DIGITS.search(text):
            prints[_DIGITS.sub("#", _SPACES.sub(" ", text.strip()))].append(index)
    found: set[int] = set()
    for indexes in prints.values():
        if len(indexes) >= MIN_REPEATS and _counts_pages(texts, indexes):
            found.update(indexes)
    return found


def _counts_pages(texts: Sequence[str], indexes: list[int]) -> bool:
    """The prints are a page apart, and one number in them counts up from print to print."""
    if any(later - earlier < MIN_PAGE_LINES for earlier, later in zip(indexes, indexes[1:])):
        return False
    numbers = [[int(digits) for digits in _DIGITS.findall(texts[index])] for index in indexes]
    if len({len(row) for row in numbers}) != 1:
        return False
    varying = [place for place in range(len(numbers[0])) if len({row[place] for row in numbers}) > 1]
    if len(varying) != 1:
        return False
    pages = [row[varying[0]] for row in numbers]
    return all(0 < later - earlier <= MAX_PAGE_STEP for earlier, later in zip(pages, pages[1:]))
