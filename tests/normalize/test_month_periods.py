"""Calendar months as periods of a fiscal year: "February" under a column of 2025."""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from release_parser.errors import PeriodFormatError
from release_parser.normalize.fiscal import MONTH_KINDS, FiscalCalendar, FiscalPeriod, month_within

IIJ = FiscalCalendar(3, "start")  # FY2004 = 2004-04-01..2005-03-31
CALENDAR_YEAR = FiscalCalendar(12)


def test_a_month_is_the_calendar_month_within_its_fiscal_year():
    february = FiscalPeriod.from_parts(2004, "Feb", IIJ)
    assert (february.start, february.end) == (date(2005, 2, 1), date(2005, 2, 28))
    assert (february.label, february.months) == ("Feb 2005", 1)
    april = FiscalPeriod.from_parts(2004, "Apr", IIJ)
    assert (april.start, april.end, april.label) == (date(2004, 4, 1), date(2004, 4, 30), "Apr 2004")
    leap = FiscalPeriod.from_parts(2024, "Feb", CALENDAR_YEAR)
    assert leap.end == date(2024, 2, 29) and leap.to_pandas() == pd.Period("2024-02", freq="M")


def test_the_month_before_and_the_year_before():
    april = FiscalPeriod.from_parts(2004, "Apr", IIJ)
    assert april.previous() == FiscalPeriod.from_parts(2003, "Mar", IIJ)  # across the fiscal year's start
    assert april.previous_year().label == "Apr 2003"
    assert FiscalPeriod.from_parts(2025, "Jan", CALENDAR_YEAR).previous().label == "Dec 2024"


def test_a_week_based_year_has_no_calendar_months():
    nvidia = FiscalCalendar(1, "end", weekday="SUN")
    with pytest.raises(PeriodFormatError):
        month_within(nvidia, date(2024, 6, 15))
    with pytest.raises(ValueError):
        FiscalPeriod.from_parts(2025, "Jun", nvidia)


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="Jan"):
        FiscalPeriod.from_parts(2025, "Janu", CALENDAR_YEAR)


@given(
    year_end_month=st.integers(1, 12),
    naming=st.sampled_from(["start", "end"]),
    day=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
)
def test_the_month_within_holds_the_day_and_rebuilds_from_its_parts(year_end_month, naming, day):
    cal = FiscalCalendar(year_end_month, naming)
    month = month_within(cal, day)
    assert month.start == day.replace(day=1)
    assert month.end == day.replace(day=calendar.monthrange(day.year, day.month)[1])
    assert month.fiscal_year == cal.fiscal_year_of(day) and month.fiscal_period == MONTH_KINDS[day.month - 1]
    assert FiscalPeriod.from_parts(month.fiscal_year, month.fiscal_period, cal) == month
    first, last = cal.year_bounds(month.fiscal_year)
    assert first <= month.start and month.end <= last
    assert month.previous().end.toordinal() + 1 == month.start.toordinal()
