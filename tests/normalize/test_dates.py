"""Tests for release_parser.normalize.dates.find_dates."""

from __future__ import annotations

from datetime import date

import pytest
from doc_tables import DOCS, code, doc_rows
from hypothesis import given
from hypothesis import strategies as st

from release_parser.normalize.dates import find_dates

# (text, reference_year, expected [(matched text, ISO date)], reason)
FIND_CASES: list[tuple[str, int | None, list[tuple[str, str]], str]] = [
    ("Tokyo, November 11, 2004 - IIJ", None, [("November 11, 2004", "2004-11-11")], "month name first"),
    ("11 Nov 2004", None, [("11 Nov 2004", "2004-11-11")], "day first"),
    ("as of 2004-11-11.", None, [("2004-11-11", "2004-11-11")], "ISO"),
    ("2025年12月31日現在", None, [("2025年12月31日", "2025-12-31")], "Japanese"),
    ("New Target (8/7/2008)", None, [("8/7/2008", "2008-08-07")], "US slashes are month first"),
    ("Balance 2025.12.31", None, [("2025.12.31", "2025-12-31")], "year first, dots (Quanta)"),
    ("2025/12/31 | 2025/9/30 | Diff", None, [("2025/12/31", "2025-12-31"), ("2025/9/30", "2025-09-30")],
     "year first, slashes, one-digit month (Pegatron)"),
    ("as of 2025.9.30.", None, [("2025.9.30", "2025-09-30")], "a sentence's full stop after the date"),
    ("12/31/25", None, [("12/31/25", "2025-12-31")], "two-digit year, day over 12: unambiguous"),
    ("6/30/99", 2004, [("6/30/99", "1999-06-30")], "two-digit year, century from the reference year"),
    ("5/6/25", None, [], "two-digit year, day 12 or less: May 6 or June 5, not read"),
    ("12/12/25", None, [], "two-digit year, day 12: not read"),
    ("2/30/25", None, [], "no February 30"),
    ("12025.12.31", None, [], "inside a longer number"),
    ("1,234.12.31", None, [], "inside a grouped number"),
    ("1,2025.12.31", None, [], "after a digit and a comma"),
    ("2025.12.31.5", None, [], "followed by more number"),
    ("3/8/7/2008", None, [], "a run of slashed numbers"),
    ("2025/12.31", None, [], "mixed separators"),
    ("2025.13.01", None, [], "no month 13"),
    ("version 12.31.25", None, [], "dots are year first only"),
    ("February 30, 2004", None, [], "no February 30"),
]


@pytest.mark.parametrize(("text", "reference_year", "expected", "reason"), FIND_CASES, ids=[c[-1] for c in FIND_CASES])
def test_find_dates(text: str, reference_year: int | None, expected: list[tuple[str, str]], reason: str) -> None:
    found = find_dates(text, reference_year=reference_year)
    assert [(text[s:e], day.isoformat()) for s, e, day in found] == expected, reason


def test_reference_page_rows() -> None:
    rows = doc_rows(DOCS / "notations-periods.md", "| Text | Dates |")
    assert len(rows) >= 8
    for cells in rows:
        expected = [] if cells[1] == "none" else code(cells[1]).split()
        assert [day.isoformat() for _, _, day in find_dates(code(cells[0]))] == expected, cells


def test_reference_year_is_optional() -> None:
    assert find_dates("12/31/25") == find_dates("12/31/25", reference_year=2026)


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)))
def test_year_first_forms_read_back(day: date) -> None:
    for text in (f"{day.year}.{day.month:02d}.{day.day:02d}", f"{day.year}/{day.month}/{day.day}"):
        assert [d for _, _, d in find_dates(f"({text})")] == [day], text


@given(st.text(alphabet="0123456789./,- ", max_size=40))
def test_numeric_text_never_crashes(text: str) -> None:
    for start, end, day in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert isinstance(day, date)


def test_long_hostile_input_is_linear() -> None:
    import time

    text = "1/" * 200_000 + "2025." * 100_000
    started = time.perf_counter()
    find_dates(text)
    assert time.perf_counter() - started < 5
