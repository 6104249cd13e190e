"""Tests for release_parser.normalize.periods: case tables first, then properties."""

from __future__ import annotations

import ast
import re
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from doc_tables import code, doc_rows
from hypothesis import assume, example, given
from hypothesis import strategies as st

from release_parser.errors import NormalizationError, PeriodFormatError
from release_parser.normalize._period_patterns import CANONICAL_ONLY_NOTATIONS
from release_parser.normalize.periods import (
    MAX_PERIOD_CHARS,
    NOTATIONS,
    PERIOD_KINDS,
    FiscalCalendar,
    FiscalPeriod,
    find_periods,
    format_period,
    infer_calendar,
    parse_period,
    resolve_two_digit_year,
    try_parse_period,
)

IIJ = FiscalCalendar(3, "start")  # FY2004 = 2004-04-01..2005-03-31
MAR = FiscalCalendar(3, "end")  # FY2005 = 2004-04-01..2005-03-31
DEC = FiscalCalendar(12)  # FY2010 = 2010-01-01..2010-12-31
JUN = FiscalCalendar(6, "end")  # FY2010 = 2009-07-01..2010-06-30
JAN = FiscalCalendar(1, "start")  # FY2004 = 2004-02-01..2005-01-31
FEB = FiscalCalendar(2, "end")  # FY2004 = 2003-03-01..2004-02-29

DOC = Path(__file__).resolve().parents[2] / "docs" / "notations-periods.md"


def d(text: str) -> date:
    return date.fromisoformat(text)


# -- parse_period: accepted ---------------------------------------------------

# (input, calendar, reference_year, fiscal_year, period, start, end, reason)
PARSE_CASES: list[tuple[str, FiscalCalendar, int | None, int, str, str, str, str]] = [
    # IIJ: March year end, named by start year
    ("2Q04", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "IIJ second quarter"),
    ("1Q04", IIJ, 2004, 2004, "Q1", "2004-04-01", "2004-06-30", "IIJ first quarter"),
    ("3Q04", IIJ, 2004, 2004, "Q3", "2004-10-01", "2004-12-31", "IIJ third quarter"),
    ("4Q04", IIJ, 2004, 2004, "Q4", "2005-01-01", "2005-03-31", "IIJ fourth quarter is in the next calendar year"),
    ("1H03", IIJ, 2004, 2003, "H1", "2003-04-01", "2003-09-30", "IIJ first half"),
    ("2H03", IIJ, 2004, 2003, "H2", "2003-10-01", "2004-03-31", "IIJ second half spans calendar years"),
    ("FY2004", IIJ, 2004, 2004, "FY", "2004-04-01", "2005-03-31", "IIJ year named by start"),
    ("2q04", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "lower case"),
    ("  2Q04\n", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "surrounding white space"),
    ("２Ｑ０４", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "full-width forms (NFKC)"),
    ("2Q'04", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "apostrophe before the year"),
    ("Q2 04", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "quarter first, two-digit year"),
    ("Q2 FY2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "Q2 FY"),
    ("2Q FY2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "2Q FY"),
    ("Q2FY04", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "no spaces"),
    ("2QFY04", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "no spaces, number first"),
    ("FY2004 Q2", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "year first"),
    ("FY04 2Q", IIJ, 2004, 2004, "Q2", "2004-07-01", "2004-09-30", "year first, number first"),
    ("FY2004-Q3", IIJ, None, 2004, "Q3", "2004-10-01", "2004-12-31", "year first, hyphen"),
    ("2Q 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "four-digit year after a space"),
    ("Q2 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "quarter first, four-digit year"),
    ("Q2 of FY2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "Q2 of FY"),
    ("1H FY2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "half, FY"),
    ("1H11", IIJ, 2011, 2011, "H1", "2011-04-01", "2011-09-30", "half, two-digit year"),
    ("H1 FY2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "half first"),
    ("1H 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "half, four-digit year"),
    ("FY2004 H2", IIJ, None, 2004, "H2", "2004-10-01", "2005-03-31", "year first, half"),
    ("9M10", IIJ, 2010, 2010, "9M", "2010-04-01", "2010-12-31", "nine months cumulative"),
    ("9M FY2010", IIJ, None, 2010, "9M", "2010-04-01", "2010-12-31", "nine months, FY"),
    ("6M04", IIJ, 2004, 2004, "6M", "2004-04-01", "2004-09-30", "six months cumulative: the dates of H1"),
    ("3M04", IIJ, 2004, 2004, "3M", "2004-04-01", "2004-06-30", "three months cumulative: the dates of Q1"),
    ("12M04", IIJ, 2004, 2004, "FY", "2004-04-01", "2005-03-31", "twelve months is the year"),
    ("FY04", IIJ, 2004, 2004, "FY", "2004-04-01", "2005-03-31", "FY, two digits"),
    ("FY 2004", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "FY, space"),
    ("FY'04", IIJ, 2004, 2004, "FY", "2004-04-01", "2005-03-31", "FY, apostrophe"),
    ("fiscal 2004", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "fiscal"),
    ("Fiscal Year 2004", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "fiscal year"),
    ("fiscal '04", IIJ, 2004, 2004, "FY", "2004-04-01", "2005-03-31", "fiscal, apostrophe"),
    ("FY23", IIJ, 2023, 2023, "FY", "2023-04-01", "2024-03-31", "FY, two digits, 2020s"),
    ("FY23", IIJ, None, 2023, "FY", "2023-04-01", "2024-03-31", "FY, two digits, pivot"),
    ("FY99", IIJ, 2004, 1999, "FY", "1999-04-01", "2000-03-31", "two digits closest to the reference"),
    ("FY2005/3", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "Japanese style: the year ending March 2005"),
    ("FY3/2005", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "Japanese style, month first"),
    ("FY2004/05", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "the year spanning 2004 and 2005"),
    ("FY2004-2005", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "span, four digits"),
    ("Second Quarter of FY2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "words"),
    ("the second quarter of fiscal 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "words, fiscal"),
    ("2nd quarter 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "numeric ordinal"),
    ("fourth quarter of fiscal year 2004", IIJ, None, 2004, "Q4", "2005-01-01", "2005-03-31", "fourth"),
    ("third fiscal quarter of FY04", IIJ, 2004, 2004, "Q3", "2004-10-01", "2004-12-31", "fiscal quarter"),
    ("First Half of FY2004", IIJ, None, 2004, "H1", "2004-04-01", "2004-09-30", "first half"),
    ("second half of FY2004", IIJ, None, 2004, "H2", "2004-10-01", "2005-03-31", "second half"),
    ("1st half-year of fiscal 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "half-year"),
    ("Second Quarter\nof FY2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "line break inside"),
    (
        "first six months of the fiscal year ending March 31, 2011",
        IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "first six months are H1; the year by its end date",
    ),
    (
        "first three months of the fiscal year ending March 31, 2005",
        IIJ, None, 2004, "Q1", "2004-04-01", "2004-06-30", "first three months are Q1",
    ),
    (
        "first nine months of the fiscal year ending March 31, 2011",
        IIJ, None, 2010, "9M", "2010-04-01", "2010-12-31", "first nine months are 9M",
    ),
    (
        "Second Quarter of the Fiscal Year Ending March 31, 2005",
        IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "quarter of the year ending",
    ),
    ("fiscal year ending March 31, 2005", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "year ending"),
    ("year ended March 31, 2005", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "year ended"),
    ("fiscal year ended March 2005", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "year end without a day"),
    ("twelve months ended March 31, 2005", IIJ, None, 2004, "FY", "2004-04-01", "2005-03-31", "twelve months"),
    ("three months ended June 30, 2004", IIJ, None, 2004, "Q1", "2004-04-01", "2004-06-30", "the quarter ending then"),
    ("three months ended 30 June 2004", IIJ, None, 2004, "Q1", "2004-04-01", "2004-06-30", "day first"),
    ("3 months ended Sept. 30, 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "digits, abbreviated month"),
    ("three-month period ended December 31, 2004", IIJ, None, 2004, "Q3", "2004-10-01", "2004-12-31", "period"),
    ("six months ended September 30, 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "six months are H1"),
    ("six months ended March 31, 2011", IIJ, None, 2010, "H2", "2010-10-01", "2011-03-31", "or H2 by the end date"),
    ("nine months ended December 31, 2010", IIJ, None, 2010, "9M", "2010-04-01", "2010-12-31", "nine months"),
    ("the quarter ended September 30, 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "quarter ended"),
    ("second quarter ended September 30, 2004", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "ordinal and date"),
    ("half year ended September 30, 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "half year ended"),
    ("first six months ended September 30, 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "first six ended"),
    ("from April 1 to September 30, 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "explicit dates"),
    ("April 1, 2010 - March 31, 2011", IIJ, None, 2010, "FY", "2010-04-01", "2011-03-31", "explicit, both years"),
    ("from October 1 to March 31, 2005", IIJ, None, 2004, "H2", "2004-10-01", "2005-03-31", "start year before end"),
    ("1 April 2010 to 30 September 2010", IIJ, None, 2010, "H1", "2010-04-01", "2010-09-30", "day-first range"),
    ("the period from 2004-07-01 to 2004-09-30", IIJ, None, 2004, "Q2", "2004-07-01", "2004-09-30", "ISO range"),
    ("April 1 – June 30, 2004", IIJ, None, 2004, "Q1", "2004-04-01", "2004-06-30", "en dash; Q1 before 3M"),
    # March year end, named by end year (pandas' convention)
    ("2Q05", MAR, 2004, 2005, "Q2", "2004-07-01", "2004-09-30", "end naming: 2Q05 is IIJ's 2Q04"),
    ("FY2005", MAR, None, 2005, "FY", "2004-04-01", "2005-03-31", "end naming"),
    ("1H05", MAR, 2004, 2005, "H1", "2004-04-01", "2004-09-30", "end naming, half"),
    ("4Q05", MAR, 2005, 2005, "Q4", "2005-01-01", "2005-03-31", "end naming, Q4"),
    ("FY2005/3", MAR, None, 2005, "FY", "2004-04-01", "2005-03-31", "Japanese style under end naming"),
    (
        "first six months of the fiscal year ending March 31, 2011",
        MAR, None, 2011, "H1", "2010-04-01", "2010-09-30", "same dates, end-naming year",
    ),
    ("year ended March 31, 2005", MAR, None, 2005, "FY", "2004-04-01", "2005-03-31", "same dates, end-naming year"),
    ("three months ended June 30, 2004", MAR, None, 2005, "Q1", "2004-04-01", "2004-06-30", "end naming quarter"),
    ("nine months ended December 31, 2010", MAR, None, 2011, "9M", "2010-04-01", "2010-12-31", "end naming 9M"),
    # December year end: naming makes no difference
    ("Q2 2010", DEC, None, 2010, "Q2", "2010-04-01", "2010-06-30", "calendar quarter"),
    ("4Q10", DEC, 2010, 2010, "Q4", "2010-10-01", "2010-12-31", "calendar Q4"),
    ("FY2010", DEC, None, 2010, "FY", "2010-01-01", "2010-12-31", "calendar year"),
    ("2H10", DEC, 2010, 2010, "H2", "2010-07-01", "2010-12-31", "calendar second half"),
    ("the year ending December 31, 2010", DEC, None, 2010, "FY", "2010-01-01", "2010-12-31", "year ending"),
    ("six months ended June 30, 2010", DEC, None, 2010, "H1", "2010-01-01", "2010-06-30", "calendar H1"),
    ("nine months ended September 30, 2010", DEC, None, 2010, "9M", "2010-01-01", "2010-09-30", "calendar 9M"),
    ("FY2010/12", DEC, None, 2010, "FY", "2010-01-01", "2010-12-31", "Japanese style, December"),
    ("2Q10", FiscalCalendar(12, "start"), 2010, 2010, "Q2", "2010-04-01", "2010-06-30", "start naming, December"),
    # other year ends
    ("FY2010", JUN, None, 2010, "FY", "2009-07-01", "2010-06-30", "June year end"),
    ("Q2 FY2010", JUN, None, 2010, "Q2", "2009-10-01", "2009-12-31", "June year end quarter"),
    ("FY2004", JAN, None, 2004, "FY", "2004-02-01", "2005-01-31", "January year end, start naming"),
    ("4Q04", JAN, 2004, 2004, "Q4", "2004-11-01", "2005-01-31", "January year end Q4"),
    ("FY2004", FEB, None, 2004, "FY", "2003-03-01", "2004-02-29", "February year end, leap day"),
    ("year ended February 29, 2004", FEB, None, 2004, "FY", "2003-03-01", "2004-02-29", "leap day stated"),
    ("three months ended May 31, 2004", FEB, None, 2005, "Q1", "2004-03-01", "2004-05-31", "February calendar Q1"),
    # deck labels: year first, year to date
    ("2025 Q4", DEC, None, 2025, "Q4", "2025-10-01", "2025-12-31", "year first"),
    ("2025/Q4", DEC, None, 2025, "Q4", "2025-10-01", "2025-12-31", "year first, slash (Novatek)"),
    ("2025 / Q4", DEC, None, 2025, "Q4", "2025-10-01", "2025-12-31", "year over period, joined (Inventec)"),
    ("2025FY", DEC, None, 2025, "FY", "2025-01-01", "2025-12-31", "year then FY (Novatek)"),
    ("4Q 2025", DEC, None, 2025, "Q4", "2025-10-01", "2025-12-31", "Pegatron"),
    ("Q4 FY 2025", DEC, None, 2025, "Q4", "2025-10-01", "2025-12-31", "FY with a space"),
    ("Q2'26", DEC, 2026, 2026, "Q2", "2026-04-01", "2026-06-30", "apostrophe"),
    ("2025 Year-to-Q4", DEC, None, 2025, "FY", "2025-01-01", "2025-12-31", "Inventec: year to Q4 is the year"),
    ("YTD Q3 2025", DEC, None, 2025, "9M", "2025-01-01", "2025-09-30", "YTD through Q3"),
    ("2024 1H", IIJ, None, 2024, "H1", "2024-04-01", "2024-09-30", "year first, number first"),
    # Japanese
    ("2024年3月期", IIJ, None, 2023, "FY", "2023-04-01", "2024-03-31", "the year ending March 2024"),
    ("2024年3月期第2四半期", MAR, None, 2024, "Q2", "2023-07-01", "2023-09-30", "its second quarter"),
    ("2025年3月期 第1四半期累計", IIJ, None, 2024, "3M", "2024-04-01", "2024-06-30", "cumulative first quarter"),
    ("２０２５年３月期 第３四半期累計", IIJ, None, 2024, "9M", "2024-04-01", "2024-12-31", "full-width digits"),
]


@pytest.mark.parametrize(
    ("text", "calendar", "reference_year", "fiscal_year", "kind", "start", "end", "reason"),
    PARSE_CASES,
    ids=[case[-1] for case in PARSE_CASES],
)
def test_parse_period(
    text: str,
    calendar: FiscalCalendar,
    reference_year: int | None,
    fiscal_year: int,
    kind: str,
    start: str,
    end: str,
    reason: str,
) -> None:
    period = parse_period(text, calendar, reference_year=reference_year)
    assert (period.fiscal_year, period.fiscal_period, period.start, period.end) == (
        fiscal_year,
        kind,
        d(start),
        d(end),
    ), reason
    assert period.calendar == calendar
    assert try_parse_period(text, calendar, reference_year=reference_year) == period


def test_default_calendar_is_march_end_naming() -> None:
    assert parse_period("FY2005") == parse_period("FY2005", MAR)
    assert FiscalCalendar() == MAR


# -- yearless text needs fiscal_year ---------------------------------------------

YEARLESS_CASES = [
    ("first quarter", "Q1"),
    ("the second half", "H2"),
    ("first half of the fiscal year", "H1"),
    ("third quarter of the current fiscal year", "Q3"),
    ("first nine months", "9M"),
    ("2Q", "Q2"),
    ("Q4", "Q4"),
    ("1H", "H1"),
    ("FY", "FY"),
]


@pytest.mark.parametrize(("text", "kind"), YEARLESS_CASES)
def test_yearless_text_needs_fiscal_year(text: str, kind: str) -> None:
    with pytest.raises(PeriodFormatError, match="names no fiscal year"):
        parse_period(text, IIJ)
    period = parse_period(text, IIJ, fiscal_year=2004)
    assert period == FiscalPeriod.from_parts(2004, kind, IIJ)


def test_year_in_text_wins_over_fiscal_year() -> None:
    assert parse_period("2Q03", IIJ, fiscal_year=2004).fiscal_year == 2003


# -- parse_period: rejected ----------------------------------------------------

# (input, calendar, reason)
REJECT_CASES: list[tuple[str, FiscalCalendar, str]] = [
    ("5Q04", IIJ, "there is no fifth quarter"),
    ("3H04", IIJ, "there is no third half"),
    ("Q0 2004", IIJ, "there is no quarter zero"),
    ("Q5 2004", IIJ, "there is no fifth quarter"),
    ("H3 2004", IIJ, "there is no third half"),
    ("third half of FY2004", IIJ, "there is no third half"),
    ("FY", IIJ, "no year and no fiscal_year"),
    ("first quarter", IIJ, "no year and no fiscal_year"),
    ("2004-07-01", IIJ, "a date is not a period"),
    ("2004", IIJ, "a bare year is not a period"),
    ("10,512", IIJ, "a number"),
    ("YoY % Change", IIJ, "a column caption"),
    ("", IIJ, "empty"),
    ("   ", IIJ, "blank"),
    ("x" * 1000, IIJ, "long junk, rejected by length"),
    ("2Q04 " * 50, IIJ, "long repetition, rejected by length"),
    ("2Q04 and 3Q04", IIJ, "two periods"),
    ("2Q04 results", IIJ, "a period with other words"),
    ("12Q045", IIJ, "digits around a label"),
    ("2Q 04 05", IIJ, "trailing digits"),
    ("fiscal 04", IIJ, "fiscal takes four digits or an apostrophe"),
    ("FY1850", IIJ, "years are 1900-2099"),
    ("9M", IIJ, "cumulative months without a year"),
    ("year ended December 31, 2010", IIJ, "the text's year-end month contradicts the calendar"),
    ("fiscal year ending December 31, 2010", IIJ, "the text's year-end month contradicts the calendar"),
    ("second quarter of the fiscal year ending June 30, 2005", IIJ, "year-end month contradicts"),
    ("three months ended May 31, 2004", IIJ, "not a quarter end of the calendar"),
    ("six months ended December 31, 2004", IIJ, "not a half of the calendar"),
    ("nine months ended March 31, 2005", IIJ, "nine months must start the year"),
    ("three months ended June 29, 2004", IIJ, "not a month end (no 52/53-week years)"),
    ("year ended February 29, 2005", FEB, "no leap day in 2005"),
    ("first half ended March 31, 2005", IIJ, "the text says H1, the date says H2"),
    ("first six months ended March 31, 2005", IIJ, "first six months end in September"),
    ("second quarter ended December 31, 2004", IIJ, "the text says Q2, the date says Q3"),
    ("from April 1 to August 31, 2010", IIJ, "five months are no period"),
    ("from May 1 to September 30, 2010", IIJ, "does not start on a quarter start"),
    ("from April 31 to June 30, 2004", IIJ, "no April 31"),
    ("FY2004/05", FiscalCalendar(5, "end"), "May year end: month 5 or a 2004/05 span is ambiguous"),
    ("FY2004/06", IIJ, "month 6 contradicts a March calendar, 06 is no span of 2004"),
    ("FY2004/05", DEC, "a December year spans no two years"),
    ("FY2004/13", IIJ, "no month 13"),
    ("from 2004-07-01", IIJ, "half a range"),
    ("four quarters", IIJ, "not a notation"),
    ("thirteen weeks ended June 30, 2004", IIJ, "weeks need a 52/53-week calendar"),
    ("YTD", IIJ, "year to date names no quarter"),
    ("YTD Q5 2004", IIJ, "no fifth quarter"),
    ("第2四半期", IIJ, "no year"),
    ("前第2四半期", IIJ, "the prior year's quarter is not read"),
    ("2024年12月期", IIJ, "December year end in a March calendar"),
    ("2024年3月期第5四半期", IIJ, "no fifth quarter"),
    ("2025年13月期", IIJ, "no month 13"),
    ("20252Q", IIJ, "a number-first period needs a separator after the year"),
    ("2025 2025", IIJ, "two years"),
    ("25 Q4", IIJ, "year first takes four digits"),
]


@pytest.mark.parametrize(("text", "calendar", "reason"), REJECT_CASES, ids=[c[-1] for c in REJECT_CASES])
def test_parse_period_rejects(text: str, calendar: FiscalCalendar, reason: str) -> None:
    with pytest.raises(PeriodFormatError) as info:
        parse_period(text, calendar, reference_year=2004)
    assert isinstance(info.value, NormalizationError)
    assert isinstance(info.value, ValueError)
    assert info.value.text is not None
    assert try_parse_period(text, calendar, reference_year=2004) is None


def test_rejection_names_the_input() -> None:
    with pytest.raises(PeriodFormatError, match="5Q04") as info:
        parse_period("5Q04")
    assert info.value.text == "5Q04"


def test_long_input_is_rejected_by_length() -> None:
    with pytest.raises(PeriodFormatError, match="longer than"):
        parse_period("a" * (MAX_PERIOD_CHARS + 1))
    with pytest.raises(PeriodFormatError, match="too long"):
        parse_period("2Q04" * 100_000)


def test_non_string_input() -> None:
    with pytest.raises(TypeError):
        parse_period(None)  # type: ignore[arg-type]
    assert try_parse_period(None) is None
    assert try_parse_period(float("nan")) is None


# -- two-digit years ------------------------------------------------------------

TWO_DIGIT_CASES = [
    (99, 2004, 1999, "closest to the reference: 1999"),
    (4, 2004, 2004, "same century"),
    (5, 1998, 2005, "next century is closer"),
    (59, 2010, 2059, "49 years ahead beats 51 back"),
    (60, 2010, 1960, "a 50-year tie goes to the earlier year (2)"),
    (54, 2004, 1954, "a 50-year tie goes to the earlier year"),
    (69, None, 2069, "pivot: 00-69 are 20xx"),
    (70, None, 1970, "pivot: 70-99 are 19xx"),
    (0, None, 2000, "pivot: 00"),
]


@pytest.mark.parametrize(("yy", "reference", "expected", "reason"), TWO_DIGIT_CASES, ids=[c[-1] for c in TWO_DIGIT_CASES])
def test_resolve_two_digit_year(yy: int, reference: int | None, expected: int, reason: str) -> None:
    assert resolve_two_digit_year(yy, reference) == expected


def test_two_digit_labels_follow_the_reference_year() -> None:
    assert parse_period("2Q99", IIJ, reference_year=2004).fiscal_year == 1999
    assert parse_period("2Q04", IIJ, reference_year=2004).fiscal_year == 2004
    assert parse_period("2Q99", IIJ).fiscal_year == 1999
    assert parse_period("2Q69", IIJ).fiscal_year == 2069
    assert parse_period("2Q04", IIJ, reference_year=1960).fiscal_year == 2004
    assert parse_period("2Q99", IIJ, reference_year=2060).fiscal_year == 2099


# -- FiscalCalendar --------------------------------------------------------------


@pytest.mark.parametrize("month", [0, 13, -1, 3.0, "3", True, None])
def test_calendar_rejects_bad_month(month: object) -> None:
    with pytest.raises(ValueError, match="year_end_month"):
        FiscalCalendar(month)  # type: ignore[arg-type]


def test_calendar_rejects_bad_naming() -> None:
    with pytest.raises(ValueError, match="naming"):
        FiscalCalendar(3, "middle")  # type: ignore[arg-type]


CALENDAR_CASES = [
    (IIJ, 2004, "2004-04-01", "2005-03-31"),
    (MAR, 2005, "2004-04-01", "2005-03-31"),
    (DEC, 2010, "2010-01-01", "2010-12-31"),
    (FiscalCalendar(12, "start"), 2010, "2010-01-01", "2010-12-31"),
    (JUN, 2010, "2009-07-01", "2010-06-30"),
    (JAN, 2004, "2004-02-01", "2005-01-31"),
    (FEB, 2004, "2003-03-01", "2004-02-29"),
]


@pytest.mark.parametrize(("calendar", "fiscal_year", "start", "end"), CALENDAR_CASES)
def test_year_bounds_and_fiscal_year_of(calendar: FiscalCalendar, fiscal_year: int, start: str, end: str) -> None:
    assert calendar.year_bounds(fiscal_year) == (d(start), d(end))
    assert calendar.fiscal_year_of(d(start)) == fiscal_year
    assert calendar.fiscal_year_of(d(end)) == fiscal_year
    assert calendar.fiscal_year_of(d(start) - timedelta(days=1)) == fiscal_year - 1
    assert calendar.fiscal_year_of(d(end) + timedelta(days=1)) == fiscal_year + 1


def test_describe() -> None:
    assert IIJ.describe() == "FY ends March 31, named by start year (FY2004 = 2004-04-01..2005-03-31)"
    assert MAR.describe() == "FY ends March 31, named by end year (FY2005 = 2004-04-01..2005-03-31)"
    assert FEB.describe().startswith("FY ends February 28/29, named by end year")
    assert JUN.describe() == "FY ends June 30, named by end year (FY2005 = 2004-07-01..2005-06-30)"


def test_pandas_frequencies() -> None:
    assert (IIJ.quarter_freq, IIJ.year_freq) == ("Q-MAR", "Y-MAR")
    assert (DEC.quarter_freq, DEC.year_freq) == ("Q-DEC", "Y-DEC")


# -- FiscalPeriod ----------------------------------------------------------------


def test_period_checks_its_dates() -> None:
    with pytest.raises(ValueError, match="not 2004-07-01..2004-09-29"):
        FiscalPeriod(2004, "Q2", d("2004-07-01"), d("2004-09-29"), IIJ)
    with pytest.raises(ValueError, match="fiscal_period"):
        FiscalPeriod.from_parts(2004, "Q5", IIJ)
    with pytest.raises(ValueError, match="calendar"):
        FiscalPeriod(2004, "Q2", d("2004-07-01"), d("2004-09-30"), None)  # type: ignore[arg-type]


LABEL_CASES = [
    (2004, "Q2", IIJ, "2Q04"),
    (2003, "H1", IIJ, "1H03"),
    (2004, "FY", IIJ, "FY2004"),
    (2010, "9M", IIJ, "9M10"),
    (2010, "6M", IIJ, "6M10"),
    (2000, "Q1", DEC, "1Q00"),
    (1999, "H2", MAR, "2H99"),
]


@pytest.mark.parametrize(("fiscal_year", "kind", "calendar", "label"), LABEL_CASES)
def test_label(fiscal_year: int, kind: str, calendar: FiscalCalendar, label: str) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    assert period.label == label == str(period)


PREVIOUS_CASES = [
    ("1Q04", "4Q03", "1Q03"),
    ("2Q04", "1Q04", "2Q03"),
    ("4Q04", "3Q04", "4Q03"),
    ("1H04", "2H03", "1H03"),
    ("2H04", "1H04", "2H03"),
    ("FY2004", "FY2003", "FY2003"),
    ("3M04", "4Q03", "3M03"),
    ("6M04", "2H03", "6M03"),
]


@pytest.mark.parametrize(("label", "previous", "previous_year"), PREVIOUS_CASES)
def test_previous_and_previous_year(label: str, previous: str, previous_year: str) -> None:
    period = parse_period(label, IIJ, reference_year=2004)
    assert period.previous().label == previous
    assert period.previous_year().label == previous_year


def test_nine_months_has_no_previous_period() -> None:
    period = parse_period("9M10", IIJ)
    with pytest.raises(PeriodFormatError, match="no preceding period"):
        period.previous()
    assert period.previous_year().label == "9M09"


def test_to_pandas() -> None:
    q = parse_period("2Q04", IIJ)
    assert q.to_pandas() == pd.Period("2005Q2", freq="Q-MAR")
    assert parse_period("FY2004", IIJ).to_pandas() == pd.Period("2005", freq="Y-MAR")
    assert parse_period("FY2005", MAR).to_pandas() == pd.Period("2005", freq="Y-MAR")
    assert parse_period("Q3 2010", DEC).to_pandas() == pd.Period("2010Q3", freq="Q-DEC")
    for label in ("1H04", "2H04", "9M04", "3M04", "6M04"):
        assert parse_period(label, IIJ).to_pandas() is None


def test_canonical() -> None:
    assert parse_period("3M04", IIJ).canonical() == parse_period("1Q04", IIJ)
    assert parse_period("6M04", IIJ).canonical() == parse_period("1H04", IIJ)
    q = parse_period("2Q04", IIJ)
    assert q.canonical() is q


def test_periods_are_hashable_values() -> None:
    assert len({parse_period("2Q04", IIJ), parse_period("Q2 FY2004", IIJ), parse_period("2Q04", MAR)}) == 2


# -- find_periods ------------------------------------------------------------------

# (text, calendar, kwargs, expected mentions as (matched text, label))
FIND_CASES: list[tuple[str, FiscalCalendar, dict, list[tuple[str, str]]]] = [
    (
        "an operating loss of JPY 830 million in 2Q03 and JPY 100 million in 1Q04",
        IIJ, {}, [("2Q03", "2Q03"), ("1Q04", "1Q04")],
    ),
    ("[1Q04 - 95.6Gbps, 2q04 104.9Gbps]", IIJ, {}, [("1Q04", "1Q04"), ("2q04", "2Q04")]),
    ("12Q045", IIJ, {}, []),
    ("FY2004's results", IIJ, {}, [("FY2004", "FY2004")]),
    ("A2Q04 2Q04x 2Q04_ 1.2Q04 3,1H04", IIJ, {}, []),
    ("(1H03)", IIJ, {}, [("1H03", "1H03")]),
    ("2Q04\t2Q03\tYoY % Change\t1Q04", IIJ, {}, [("2Q04", "2Q04"), ("2Q03", "2Q03"), ("1Q04", "1Q04")]),
    (
        "turned positive in the first half of FY2004 (Operating loss in 1H03)",
        IIJ, {}, [("the first half of FY2004", "1H04"), ("1H03", "1H03")],
    ),
    (
        "Second Quarter Results for the Year Ending March 31, 2005",
        IIJ, {}, [("the Year Ending March 31, 2005", "FY2004")],
    ),
    ("FY2004 Q2 revenue", IIJ, {}, [("FY2004 Q2", "2Q04")]),
    ("FY2004 3Q04", IIJ, {}, [("FY2004", "FY2004"), ("3Q04", "3Q04")]),
    (
        "for the six months ended September 30, 2010, compared with the first six months of fiscal 2009",
        IIJ, {}, [("the six months ended September 30, 2010", "1H10"), ("the first six months of fiscal 2009", "1H09")],
    ),
    ("from April 1 to September 30, 2010.", IIJ, {}, [("from April 1 to September 30, 2010", "1H10")]),
    ("revenue of $9M 2010 plan", IIJ, {}, []),
    ("9M 2010 revenue", IIJ, {}, [("9M 2010", "9M10")]),
    ("costs of 3m and 2h and 1q", IIJ, {}, []),
    ("the first half of the fiscal year", IIJ, {}, []),
    ("the first half of the fiscal year", IIJ, {"fiscal_year": 2004}, [("the first half of the fiscal year", "1H04")]),
    ("2Q 10,512", IIJ, {"fiscal_year": 2004}, [("2Q", "2Q04")]),
    ("year ended December 31, 2010 and FY2004", IIJ, {}, [("FY2004", "FY2004")]),
    ("２Ｑ０４ and ﬁscal 2004", IIJ, {}, [("２Ｑ０４", "2Q04"), ("ﬁscal 2004", "FY2004")]),
    ("İ 2Q04", IIJ, {}, [("2Q04", "2Q04")]),
    ("Q2 2010 and Q3 2010", DEC, {}, [("Q2 2010", "2Q10"), ("Q3 2010", "3Q10")]),
    (
        "2025 / Q4 | 2025 / Q3 | QoQ / % | 2024 / Q4 | YoY / % | 2025 / Year-to-Q4",
        DEC, {}, [("2025 / Q4", "4Q25"), ("2025 / Q3", "3Q25"), ("2024 / Q4", "4Q24"), ("2025 / Year-to-Q4", "FY2025")],
    ),
    ("2025FY | % | 2024FY | Growth %", DEC, {}, [("2025FY", "FY2025"), ("2024FY", "FY2024")]),
    ("revenue of 12025 Q4 and 2025Q45", DEC, {}, []),
    (
        "2025年3月期第2四半期の業績は、前第2四半期と比べ、第3四半期累計では",
        IIJ, {"fiscal_year": 2024}, [("2025年3月期第2四半期", "2Q24"), ("第3四半期累計", "9M24")],
    ),
    ("当第2四半期連結累計期間", MAR, {"fiscal_year": 2025}, [("第2四半期連結累計期間", "6M25")]),
    ("YTD revenue", IIJ, {}, []),
    ("", IIJ, {}, []),
]


@pytest.mark.parametrize(("text", "calendar", "kwargs", "expected"), FIND_CASES)
def test_find_periods(text: str, calendar: FiscalCalendar, kwargs: dict, expected: list[tuple[str, str]]) -> None:
    found = find_periods(text, calendar, reference_year=2004, **kwargs)
    assert [(text[s:e], p.label) for s, e, p in found] == expected
    ends = [0] + [e for _, e, _ in found]
    starts = [s for s, _, _ in found] + [len(text)]
    assert all(a <= b for a, b in zip(ends, starts)), "spans overlap or run backwards"


def test_find_periods_errors_raise() -> None:
    text = "year ended December 31, 2010 and the first quarter"
    assert find_periods(text, IIJ) == []
    with pytest.raises(PeriodFormatError, match="December"):
        find_periods(text, IIJ, errors="raise")
    with pytest.raises(ValueError):
        find_periods(text, IIJ, errors="warn")  # type: ignore[arg-type]


def test_find_periods_in_the_reference_sample(reference_sample: Path) -> None:
    text = reference_sample.read_text(encoding="utf-8")
    labels = {p.label: (p.start, p.end) for _, _, p in find_periods(text, IIJ, reference_year=2004)}
    truth = {
        "2Q04": ("2004-07-01", "2004-09-30"),
        "2Q03": ("2003-07-01", "2003-09-30"),
        "1Q04": ("2004-04-01", "2004-06-30"),
        "3Q04": ("2004-10-01", "2004-12-31"),
        "1H04": ("2004-04-01", "2004-09-30"),
        "1H03": ("2003-04-01", "2003-09-30"),
        "2H03": ("2003-10-01", "2004-03-31"),
        "2H04": ("2004-10-01", "2005-03-31"),
        "FY2004": ("2004-04-01", "2005-03-31"),
        "FY2003": ("2003-04-01", "2004-03-31"),
    }
    assert labels == {label: (d(s), d(e)) for label, (s, e) in truth.items()}


# -- infer_calendar ----------------------------------------------------------------

INFER_CASES = [
    (
        "Second Quarter Results for the Year Ending March 31, 2005\n... statements regarding FY2004 "
        "operating and net profitability ...",
        FiscalCalendar(3, "start"),
        "IIJ: the year ending March 2005 is called FY2004",
    ),
    (
        "Second Quarter Results for the Year Ending March 31, 2005\nFY2005 guidance is unchanged.",
        FiscalCalendar(3, "end"),
        "the year ending March 2005 is called FY2005",
    ),
    (
        "Consolidated results for the year ending December 31, 2010. FY2010 revenue rose.",
        FiscalCalendar(12, "end"),
        "December year end",
    ),
    ("Results for the fiscal year ended March 31, 2005", FiscalCalendar(3, "end"), "no FY label: end naming"),
    (
        "Year Ending March 31, 2005. 2Q04 revenue, 1Q04 costs, 1H04 income, compared with 2Q03. FY2005 plan.",
        FiscalCalendar(3, "start"),
        "short labels count; one stray FY2005 does not decide",
    ),
    (
        "for the years ended June 30, 2010 and 2009; FY2010 and FY2009. Fiscal 2010 was strong.",
        FiscalCalendar(6, "end"),
        "June year end, end naming",
    ),
    (
        "three months ended June 30, 2004 ... year ending March 31, 2005 ... year ending March 31, 2005 ..."
        " fiscal year ended December 31, 2004",
        FiscalCalendar(3, "end"),
        "the month stated most wins; quarter ends do not count",
    ),
    (
        "For the fiscal year ended January 31, 2005 (fiscal 2004), compared with fiscal 2003",
        FiscalCalendar(1, "start"),
        "a retailer named by start year",
    ),
    ("ＦＹ２００４ for the Year Ending March 31, 2005", FiscalCalendar(3, "start"), "full-width forms"),
    (
        "year ended June 27, 2004",
        FiscalCalendar(6, "end", weekday="SUN"),
        "not a month end: a 52/53-week year ending the last Sunday of June",
    ),
    ("year ended June 14, 2004", None, "mid-month: no fiscal year ends then"),
    ("Revenue rose in 2Q04", None, "no year-end statement"),
    ("", None, "empty"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), INFER_CASES, ids=[c[-1] for c in INFER_CASES])
def test_infer_calendar(text: str, expected: FiscalCalendar | None, reason: str) -> None:
    assert infer_calendar(text) == expected, reason


def test_infer_calendar_of_the_reference_sample(reference_sample: Path) -> None:
    assert infer_calendar(reference_sample.read_text(encoding="utf-8")) == IIJ


def test_infer_calendar_is_fast_on_large_text(reference_sample: Path) -> None:
    text = reference_sample.read_text(encoding="utf-8")
    big = text * (5_000_000 // len(text))
    started = time.perf_counter()
    assert infer_calendar(big) == IIJ
    assert time.perf_counter() - started < 10  # about 0.2 s; generous for slow machines


# -- the reference page --------------------------------------------------------------

_RESULT = re.compile(r"^`(?P<year>\d{4}) (?P<kind>\w+) (?P<start>[\d-]{10})\.\.(?P<end>[\d-]{10})`$")
DOC_CALENDARS = {"start": IIJ, "end": MAR, "dec": DEC}






def _check_result(text: str, calendar: FiscalCalendar, cell: str, **kwargs: Any) -> None:
    match = _RESULT.match(cell)
    assert match, f"bad result cell {cell!r}"
    period = parse_period(text, calendar, **kwargs)
    assert (period.fiscal_year, period.fiscal_period, str(period.start), str(period.end)) == (
        int(match["year"]),
        match["kind"],
        match["start"],
        match["end"],
    ), (text, calendar)


def test_reference_page_march_rows() -> None:
    rows = doc_rows(DOC, "| Input | Start naming")
    assert len(rows) > 40
    for cells in rows:
        _check_result(code(cells[0]), IIJ, cells[1])
        _check_result(code(cells[0]), MAR, cells[2])


def test_reference_page_december_rows() -> None:
    rows = doc_rows(DOC, "| Input | December")
    assert len(rows) > 5
    for cells in rows:
        _check_result(code(cells[0]), DEC, cells[1])


def test_reference_page_rejected_rows() -> None:
    rows = doc_rows(DOC, "| Input | Why |")
    assert len(rows) > 10
    for cells in rows:
        assert try_parse_period(code(cells[0]), IIJ) is None, cells


def test_reference_page_context_rows() -> None:
    rows = doc_rows(DOC, "| Input | With `fiscal_year=2004` and `as_of=2Q04`")
    assert len(rows) > 10
    as_of = parse_period("2Q04", IIJ)
    for cells in rows:
        _check_result(code(cells[0]), IIJ, cells[1], fiscal_year=2004, as_of=as_of)
        assert try_parse_period(code(cells[0]), IIJ) is None, "yearless text needs its context"


WEEK_DOC_CALENDARS = {
    "NVIDIA": (FiscalCalendar(1, "end", weekday="SUN"), 2025),
    "Apple": (FiscalCalendar(9, "end", weekday="SAT", extra_week_quarter=1), 2023),
}


@pytest.mark.parametrize("company", sorted(WEEK_DOC_CALENDARS))
def test_reference_page_week_rows(company: str) -> None:
    calendar, reference_year = WEEK_DOC_CALENDARS[company]
    rows = doc_rows(DOC, f"| Input | {company}:")
    assert len(rows) > 10
    for cells in rows:
        _check_result(code(cells[0]), calendar, cells[1], reference_year=reference_year)


def test_reference_page_week_rejected_rows() -> None:
    rows = doc_rows(DOC, "| NVIDIA input | Why |")
    assert len(rows) >= 5
    for cells in rows:
        assert try_parse_period(code(cells[0]), WEEK_DOC_CALENDARS["NVIDIA"][0]) is None, cells


def _calendar_cell(cell: str) -> FiscalCalendar | None:
    """``FiscalCalendar(1, "end", weekday="SUN")`` or ``None``, as the page writes them."""
    node = ast.parse(code(cell), mode="eval").body
    if isinstance(node, ast.Constant) and node.value is None:
        return None
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "FiscalCalendar", cell
    args = [ast.literal_eval(arg) for arg in node.args]
    kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
    return FiscalCalendar(*args, **kwargs)


def test_reference_page_inference_rows() -> None:
    rows = doc_rows(DOC, "| Document text | Result |")
    assert len(rows) >= 10
    for cells in rows:
        assert infer_calendar(code(cells[0])) == _calendar_cell(cells[1]), cells[0]


def test_reference_page_notation_rows() -> None:
    rows = doc_rows(DOC, "| Notation |")
    assert sorted(code(cells[0]) for cells in rows) == sorted(NOTATIONS)
    periods = [parse_period(label, IIJ) for label in ("2Q04", "1H04", "9M04", "FY2004")]
    for cells in rows:
        for period, cell in zip(periods, cells[1:5]):
            if cell == "—":
                with pytest.raises(ValueError):
                    format_period(period, code(cells[0]))
            else:
                assert format_period(period, code(cells[0])) == code(cell)


# -- properties ------------------------------------------------------------------------

calendars = st.builds(FiscalCalendar, st.integers(1, 12), st.sampled_from(["start", "end"]))
fiscal_years = st.integers(1990, 2040)
kinds = st.sampled_from(PERIOD_KINDS)


def _next_day(day: date) -> date:
    return day + timedelta(days=1)


@given(calendars, fiscal_years, kinds, st.sampled_from(sorted(NOTATIONS)), st.integers(-30, 30))
@example(IIJ, 2004, "Q2", "short", 0)
@example(FEB, 2004, "FY", "ended", 0)
@example(FiscalCalendar(1, "start"), 2040, "Q4", "year_ending", 0)
def test_format_then_parse_round_trips(
    calendar: FiscalCalendar, fiscal_year: int, kind: str, notation: str, offset: int
) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    assume(notation != "half_fy" or kind in ("H1", "H2"))
    text = format_period(period, notation)
    parsed = parse_period(text, calendar, reference_year=fiscal_year + offset)
    expected = period.canonical() if notation in CANONICAL_ONLY_NOTATIONS else period
    assert parsed == expected, text


@given(calendars, fiscal_years, kinds, st.sampled_from(sorted(NOTATIONS)))
def test_formatted_period_is_found_in_prose(
    calendar: FiscalCalendar, fiscal_year: int, kind: str, notation: str
) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    assume(notation != "half_fy" or kind in ("H1", "H2"))
    mention = format_period(period, notation)
    text = f"Revenue in {mention}, up 3.5% (see note 2)."
    found = find_periods(text, calendar, reference_year=fiscal_year)
    expected = period.canonical() if notation in CANONICAL_ONLY_NOTATIONS else period
    assert [(s, e, p) for s, e, p in found] == [(11, 11 + len(mention), expected)], text


@given(calendars, fiscal_years)
def test_quarters_tile_their_year(calendar: FiscalCalendar, fiscal_year: int) -> None:
    year = FiscalPeriod.from_parts(fiscal_year, "FY", calendar)
    assert (year.start, year.end) == calendar.year_bounds(fiscal_year)
    quarters = [FiscalPeriod.from_parts(fiscal_year, f"Q{n}", calendar) for n in range(1, 5)]
    assert quarters[0].start == year.start
    assert quarters[-1].end == year.end
    for before, after in zip(quarters, quarters[1:]):
        assert _next_day(before.end) == after.start  # no gap, no overlap
    for quarter in quarters:
        assert year.start <= quarter.start <= quarter.end <= year.end
        assert calendar.fiscal_year_of(quarter.start) == calendar.fiscal_year_of(quarter.end) == fiscal_year
        assert quarter.start.day == 1 and _next_day(quarter.end).day == 1
    halves = {k: FiscalPeriod.from_parts(fiscal_year, k, calendar) for k in ("H1", "H2", "9M", "3M", "6M")}
    assert (halves["H1"].start, halves["H1"].end) == (quarters[0].start, quarters[1].end)
    assert (halves["H2"].start, halves["H2"].end) == (quarters[2].start, quarters[3].end)
    assert (halves["9M"].start, halves["9M"].end) == (quarters[0].start, quarters[2].end)
    assert (halves["3M"].start, halves["3M"].end) == (quarters[0].start, quarters[0].end)
    assert (halves["6M"].start, halves["6M"].end) == (halves["H1"].start, halves["H1"].end)


@given(calendars, fiscal_years, kinds)
def test_previous_year_shifts_by_one_year(calendar: FiscalCalendar, fiscal_year: int, kind: str) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    before = period.previous_year()
    assert (before.fiscal_year, before.fiscal_period, before.calendar) == (fiscal_year - 1, kind, calendar)
    assert before.start == period.start.replace(year=period.start.year - 1)
    assert (before.end.year, before.end.month) == (period.end.year - 1, period.end.month)
    assert _next_day(before.end).day == 1


@given(calendars, fiscal_years, kinds)
def test_previous_is_adjacent_and_as_long(calendar: FiscalCalendar, fiscal_year: int, kind: str) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    if kind == "9M":
        with pytest.raises(PeriodFormatError):
            period.previous()
        return
    before = period.previous()
    assert _next_day(before.end) == period.start
    assert before.months == period.months


@given(calendars, fiscal_years, kinds)
def test_to_pandas_has_the_same_dates(calendar: FiscalCalendar, fiscal_year: int, kind: str) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    pandas_period = period.to_pandas()
    if kind[0] == "Q" or kind == "FY":
        assert pandas_period is not None
        assert pandas_period.start_time.date() == period.start
        assert pandas_period.end_time.date() == period.end
        assert pandas_period.freqstr == (calendar.year_freq if kind == "FY" else calendar.quarter_freq)
    else:
        assert pandas_period is None


@given(calendars, fiscal_years)
def test_namings_agree_on_dates(calendar: FiscalCalendar, fiscal_year: int) -> None:
    other = FiscalCalendar(calendar.year_end_month, "end" if calendar.naming == "start" else "start")
    shift = 0 if calendar.year_end_month == 12 else (1 if calendar.naming == "start" else -1)
    assert calendar.year_bounds(fiscal_year) == other.year_bounds(fiscal_year + shift)
    assert calendar.end_year(fiscal_year) == calendar.year_bounds(fiscal_year)[1].year
    assert calendar.from_end_year(calendar.end_year(fiscal_year)) == fiscal_year


PIECES = [
    "2Q04", "Q2", " ", "FY", "fiscal", "2004", "04", "'", "of the", "first", "half", "quarter", "ended",
    "ending", "June 30,", "March 31, 2005", "months", "nine", "to", "from", "April 1", "-", "/", "3", "13",
    "Feb 29, 2005", "year", "ＦＹ", "２", "ﬁ", "İ", "\u00a0", "\n", "9M", "x", ",", ".5", "2004-02-30",
]


@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), calendars)
def test_only_period_format_errors_escape(text: str, calendar: FiscalCalendar) -> None:
    try:
        period = parse_period(text, calendar, reference_year=2004)
    except PeriodFormatError:
        assert try_parse_period(text, calendar, reference_year=2004) is None
    else:
        assert isinstance(period, FiscalPeriod)
    for start, end, period in find_periods(text, calendar, reference_year=2004):
        assert 0 <= start < end <= len(text)
        assert isinstance(period, FiscalPeriod)
    result = infer_calendar(text)
    assert result is None or isinstance(result, FiscalCalendar)


@given(st.text(max_size=60), calendars)
def test_arbitrary_text_never_crashes(text: str, calendar: FiscalCalendar) -> None:
    result = try_parse_period(text, calendar)
    assert result is None or isinstance(result, FiscalPeriod)
    for start, end, _ in find_periods(text, calendar):
        assert 0 <= start < end <= len(text)
    infer_calendar(text)
