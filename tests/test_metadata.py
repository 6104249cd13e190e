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
        ("Kanto Network Systems Inc.", "2008-08-07", 3, "start", "1Q08", "2008-04-01"),
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


# -- the calendar comes from evidence, never from a silent default ---------------------------

CALENDAR_EVIDENCE = [
    # a calendar-year deck: 4Q25 released in January ends in December, not in March
    ("2025 Fourth Quarter Earnings Conference\nJanuary 15, 2026\n4Q25 revenue | 4Q25 | 3Q25 | 4Q24 | 1Q26 guidance\n",
     (12, "end"), "release date", "2025-10-01"),  # the title names no year: the period named most
    # the same labels released in May belong to a March year named by its start year
    ("Fourth Quarter Results\nMay 14, 2026\n4Q25 revenue; 4Q25 margin; 4Q24 revenue\n",
     (3, "start"), "release date", "2026-01-01"),
    # a title wrapped over two lines still states the year end
    ("Internet Initiative Japan Inc.\nSecond Quarter Results for the Year\nEnding March 31, 2005\n"
     "November 11, 2004\nstatements regarding FY2004 operating profitability\n",
     (3, "start"), "year end", "2004-07-01"),
]


@pytest.mark.parametrize("text, calendar, source, title_start", CALENDAR_EVIDENCE)
def test_calendar_from_evidence(text, calendar, source, title_start):
    rel = rp.parse_text(text)
    assert (rel.calendar.year_end_month, rel.calendar.naming) == calendar
    assert rel.calendar_source == source
    if title_start:
        assert str(rel.period.start) == title_start


def test_no_evidence_leaves_labels_undated_and_says_why():
    text = "Acme Inc.\nQuarterly Results\n\nRevenue\t4Q25\t3Q25\nSales\t1,046\t990\nCost\t500\t480\n"
    with pytest.warns(rp.ReleaseWarning, match="fiscal calendar unknown"):
        rel = rp.parse_text(text)
    assert rel.calendar is None and rel.calendar_source == "none"
    assert rel.facts["value"].tolist() == [1046, 990, 500, 480]
    assert rel.facts["period_start"].isna().all()


def test_a_header_that_prints_its_dates_is_dated_without_a_stated_year_end():
    text = "Acme Inc.\n\n\tThree Months Ended June 30, 2026\tThree Months Ended June 30, 2025\nSales\t1,046\t990\nCost\t500\t480\n"
    rel = rp.parse_text(text)
    assert rel.calendar_source == "balance date"
    starts = rel.facts["period_start"].dt.date.astype(str).tolist()
    assert starts == ["2026-04-01", "2025-04-01", "2026-04-01", "2025-04-01"]
    assert set(rel.facts["period_source"]) == {"header"}


def test_a_dateline_wins_over_a_date_the_text_mentions_first():
    text = ("Acme Reports Fourth Quarter Results\nrepurchases remaining at July 31, 2024.\n"
            "September 17, 2024, Newport News, VA -- Acme today reported results for fiscal 2024.\n")
    assert rp.parse_text(text).published == dt.date(2024, 9, 17)


def test_a_column_header_of_two_dates_is_no_release_date():
    text = "IIJ Announces Results\n\n      Dec 31, 2009      Dec 31, 2010\nCash    100    120\n"
    assert rp.parse_text(text).published is None


def test_a_52_53_week_calendar_from_stacked_statement_headers_and_the_prior_year_end():
    text = (
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(In millions)\n\n"
        "                          Three Months Ended          Six Months Ended\n"
        "                        April 1,    March 26,       April 1,    March 26,\n"
        "                          2023        2022            2023        2022\n"
        "Total net sales          94,836      97,278         211,990     221,223\n"
        "Net income               24,160      25,010          54,158      59,640\n\n"
        "CONDENSED CONSOLIDATED BALANCE SHEETS\n\n"
        "                        April 1, 2023    September 24, 2022\n"
        "Total assets               332,160             352,755\n"
        "Total liabilities          269,358             302,083\n"
    )
    rel = rp.parse_text(text)
    assert (rel.calendar.year_end_month, rel.calendar.weekday, rel.calendar.extra_week_quarter) == (9, "SAT", 1)
    facts = rel.facts.set_index(["line_item", "column"])
    six = facts.loc[("Net income", "Six Months Ended April 1, 2023")]
    assert (str(six["period_start"].date()), str(six["period_end"].date())) == ("2022-09-25", "2023-04-01")
    three = facts.loc[("Total net sales", "Three Months Ended March 26, 2022")]
    assert (str(three["period_start"].date()), str(three["period_end"].date())) == ("2021-12-26", "2022-03-26")


def test_the_title_is_read_under_every_calendar_only_when_the_year_end_is_not_stated(monkeypatch):
    from release_parser import metadata

    calls = []
    phrases = metadata._title_phrases
    monkeypatch.setattr(metadata, "_title_phrases", lambda title: calls.append(title) or phrases(title))
    stated = "Acme Inc.\nSecond Quarter Results for the Year Ending March 31, 2005\nNovember 18, 2004\n\nRevenue\t2Q04\t1Q04\nTotal\t10\t9\n"
    assert rp.parse_text(stated).calendar.year_end_month == 3 and calls == []
    unstated = "Acme Inc.\nFourth Quarter 2025 Results\nJanuary 20, 2026\n\nRevenue\t4Q25\t3Q25\nTotal\t10\t9\n"
    assert rp.parse_text(unstated).calendar.year_end_month == 12
    assert calls == ["Fourth Quarter 2025 Results"]
