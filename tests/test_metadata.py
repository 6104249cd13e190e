import datetime as dt

import pytest

import release_parser as rp

FRONT_MATTERS = [
    (
        "Internet Initiative Japan Inc.\n\nSecond Quarter Results for the Year Ending March 31, 2005\n\n"
        "November 11, 2004\n\nFY2004 operating and net profitability",
        ("Internet Initiative Japan Inc.", "2004-11-11", 3, "start", "2Q04", "2004-07-01"),
    ),
    (
        "Acme Holdings Co., Ltd.\nSecond Quarter Results for the Fiscal Year Ending March 31, 2005\n"
        "Tokyo, October 28, 2004 -- Acme today announced results for FY2005.",
        ("Acme Holdings Co., Ltd.", "2004-10-28", 3, "end", "2Q05", "2004-07-01"),
    ),
    (
        "Acme Inc.\nThird Quarter 2010 Results\nNovember 2, 2010\n",
        ("Acme Inc.", "2010-11-02", 12, "end", "3Q10", "2010-07-01"),
    ),
    (
        "Kanto Network Systems Inc.\nSecond Quarter Results for FY2004\nNovember 10, 2004\n",
        ("Kanto Network Systems Inc.", "2004-11-10", 3, "start", "2Q04", "2004-07-01"),
    ),
    (
        "TOKYO, August 7, 2008 /PRNewswire/ -- Kanto Network Systems Inc. (\"KNS\") today announced results "
        "for the first quarter of the fiscal year ending March 31, 2009 (\"1Q08\", from April 1, 2008 to June 30, 2008).",
        ("Kanto Network Systems Inc.", "2008-08-07", 3, "start", None, None),
    ),
]


@pytest.mark.parametrize("text, expected", FRONT_MATTERS)
def test_front_matter(text, expected):
    company, published, month, naming, period, start = expected
    rel = rp.parse_text(text)
    assert rel.company == company
    assert rel.published == dt.date.fromisoformat(published)
    assert (rel.calendar.year_end_month, rel.calendar.naming) == (month, naming)
    assert (rel.period.label if rel.period else None) == period
    assert (str(rel.period.start) if rel.period else None) == start


def test_an_explicit_calendar_wins():
    rel = rp.parse_text("Second Quarter Results for FY2004\nNovember 10, 2004\n", calendar=rp.FiscalCalendar(12, "end"))
    assert rel.calendar == rp.FiscalCalendar(12, "end")
    assert rel.period.start == dt.date(2004, 4, 1)
