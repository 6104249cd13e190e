"""Hostile text releases, each built at any size, for scaling tests and the benchmark.

Each builder takes a size ``n`` (characters of the hostile part) and returns a
whole release: a short ordinary header and table, with the hostile part where a
real parser step meets it. A linear parser takes twice as long at ``2n``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import release_parser as rp

__all__ = ["DOCUMENTS", "parse_document"]

_TABLE = "\t2Q04\t1Q04\nTotal Revenues\t10,512\t8,675\nOperating Income\t830\t612\n"


def _capitalised_word(n: int) -> str:
    """A long capitalised word in the first lines, where the company name is looked for."""
    return "A" * n + "\n\n" + _TABLE


def _many_cells(n: int) -> str:
    """One table line of many cells (columns are matched cell by cell)."""
    return "Revenue" + "  1" * (n // 3) + "\n" + _TABLE


def _blank_run_in_cell(n: int) -> str:
    """A long run of blanks inside a table cell, before a footnote mark."""
    return _TABLE + "Net Income" + " " * n + "x*1\t100\t90\n"


def _dash_line(n: int) -> str:
    """A long dash line that ends in another character (almost a rule)."""
    return _TABLE + "-" * n + "x\n" + "Net Income\t100\t90\n"


def _rule_and_blank_line(n: int) -> str:
    """A rule drawn with dashes and blanks, alternating."""
    return _TABLE + "- " * (n // 2) + "x\n"


def _parentheses(n: int) -> str:
    """Unbalanced parentheses and separators, as in damaged numbers."""
    return _TABLE + "(" * (n // 2) + "\n" + "1," * (n // 4) + "\n"


def _long_prose_line(n: int) -> str:
    """One sentence-free paragraph of capitalised words and figures."""
    return _TABLE + "\n" + "Revenue Up 10% From JPY 5 Million " * (n // 34) + "\n"


DOCUMENTS: dict[str, Callable[[int], str]] = {
    "company_name_long_word": _capitalised_word,
    "column_grid_many_cells": _many_cells,
    "footnote_mark_after_blank_run": _blank_run_in_cell,
    "rule_dash_line_with_other_end": _dash_line,
    "rule_dashes_and_blanks": _rule_and_blank_line,
    "unbalanced_parentheses": _parentheses,
    "long_prose_line": _long_prose_line,
}


def parse_document(text: str) -> rp.Release:
    """Parse ``text`` and build its frames, as a caller reading facts would."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        release = rp.parse_text(text, source="hostile")
        release.facts, release.highlights, release.prose_facts  # noqa: B018 - build the frames too
    return release
