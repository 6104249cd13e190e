"""52/53-week fiscal calendars: dates checked against the companies' own releases, then properties."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from release_parser.errors import PeriodFormatError
from release_parser.normalize.fiscal import WEEKDAYS
from release_parser.normalize.periods import (
    NOTATIONS,
    PERIOD_KINDS,
    FiscalCalendar,
    FiscalPeriod,
    calendar_from_year_end,
    find_periods,
    format_period,
    infer_calendar,
    parse_period,
)

NVIDIA = FiscalCalendar(1, "end", weekday="SUN")  # last Sunday of January, named by end year
APPLE = FiscalCalendar(9, "end", weekday="SAT", extra_week_quarter=1)  # last Saturday of September
RETAIL = FiscalCalendar(1, "start", weekday="SAT", variation="nearest")  # Saturday nearest January 31


def d(text: str) -> date:
    return date.fromisoformat(text)


# -- the releases' own dates -------------------------------------------------------

# (calendar, text as printed, reference_year, fiscal_year, kind, start, end, source)
RELEASE_CASES: list[tuple[FiscalCalendar, str, int, int, str, str, str, str]] = [
    # 01_nvidia_q4fy25_release: FY2025 = 2024-01-29..2025-01-26
    (NVIDIA, "Q4 FY25", 2025, 2025, "Q4", "2024-10-28", "2025-01-26", "NVIDIA Q4 FY25 summary column"),
    (NVIDIA, "Q3 FY25", 2025, 2025, "Q3", "2024-07-29", "2024-10-27", "NVIDIA Q3 FY25 summary column"),
    (NVIDIA, "Q4 FY24", 2025, 2024, "Q4", "2023-10-30", "2024-01-28", "NVIDIA Q4 FY24 summary column"),
    (NVIDIA, "FY25", 2025, 2025, "FY", "2024-01-29", "2025-01-26", "NVIDIA fiscal 2025 summary"),
    (NVIDIA, "Three Months Ended January 26, 2025", 2025, 2025, "Q4", "2024-10-28", "2025-01-26", "NVIDIA statement"),
    (NVIDIA, "Three Months Ended January 28, 2024", 2025, 2024, "Q4", "2023-10-30", "2024-01-28", "NVIDIA statement"),
    (NVIDIA, "Twelve Months Ended January 26, 2025", 2025, 2025, "FY", "2024-01-29", "2025-01-26", "NVIDIA statement"),
    (NVIDIA, "fourth quarter ended January 26, 2025", 2025, 2025, "Q4", "2024-10-28", "2025-01-26", "NVIDIA prose"),
    # 14_nvidia_q2fy23_release: FY2023 = 2022-01-31..2023-01-29
    (NVIDIA, "Q2 FY23", 2022, 2023, "Q2", "2022-05-02", "2022-07-31", "NVIDIA Q2 FY23 summary column"),
    (NVIDIA, "Q1 FY23", 2022, 2023, "Q1", "2022-01-31", "2022-05-01", "NVIDIA Q1 FY23 summary column"),
    (NVIDIA, "Q2 FY22", 2022, 2022, "Q2", "2021-05-03", "2021-08-01", "NVIDIA Q2 FY22: ends in August"),
    (NVIDIA, "Three Months Ended July 31, 2022", 2022, 2023, "Q2", "2022-05-02", "2022-07-31", "NVIDIA statement"),
    (NVIDIA, "Three Months Ended August 1, 2021", 2022, 2022, "Q2", "2021-05-03", "2021-08-01", "NVIDIA statement"),
    (NVIDIA, "Six Months Ended July 31, 2022", 2022, 2023, "H1", "2022-01-31", "2022-07-31", "NVIDIA six months"),
    (NVIDIA, "Six Months Ended August 1, 2021", 2022, 2022, "H1", "2021-02-01", "2021-08-01", "NVIDIA six months"),
    (NVIDIA, "second quarter ended July 31, 2022", 2022, 2023, "Q2", "2022-05-02", "2022-07-31", "NVIDIA prose"),
    # 03_apple_q2fy23_statements: FY2023 = 2022-09-25..2023-09-30, 53 weeks, Q1 has 14
    (APPLE, "Three Months Ended April 1, 2023", 2023, 2023, "Q2", "2023-01-01", "2023-04-01", "Apple statement"),
    (APPLE, "Three Months Ended March 26, 2022", 2023, 2022, "Q2", "2021-12-26", "2022-03-26", "Apple statement"),
    (APPLE, "Six Months Ended April 1, 2023", 2023, 2023, "H1", "2022-09-25", "2023-04-01", "Apple: Q1 had 14 weeks"),
    (APPLE, "Six Months Ended March 26, 2022", 2023, 2022, "H1", "2021-09-26", "2022-03-26", "Apple six months"),
    (APPLE, "Q2 FY23", 2023, 2023, "Q2", "2023-01-01", "2023-04-01", "Apple label"),
    (APPLE, "fourteen weeks ended December 31, 2022", 2023, 2023, "Q1", "2022-09-25", "2022-12-31", "Apple Q1"),
    (APPLE, "year ended September 24, 2022", 2023, 2022, "FY", "2021-09-26", "2022-09-24", "Apple FY2022"),
    (APPLE, "fifty-three weeks ended September 30, 2023", 2023, 2023, "FY", "2022-09-25", "2023-09-30", "53 weeks"),
    # a retailer: Saturday nearest January 31, named by start year
    (RETAIL, "fiscal year ended February 1, 2025", 2025, 2024, "FY", "2024-02-04", "2025-02-01", "nearest: in February"),
    (RETAIL, "fiscal 2023", 2025, 2023, "FY", "2023-01-29", "2024-02-03", "53 weeks"),
    (RETAIL, "thirteen weeks ended May 3, 2025", 2025, 2025, "Q1", "2025-02-02", "2025-05-03", "retail Q1"),
    (RETAIL, "fourteen weeks ended February 3, 2024", 2025, 2023, "Q4", "2023-10-29", "2024-02-03", "extra week in Q4"),
]


@pytest.mark.parametrize(
    ("calendar", "text", "reference_year", "fiscal_year", "kind", "start", "end", "source"),
    RELEASE_CASES,
    ids=[f"{c[-1]}: {c[1]}" for c in RELEASE_CASES],
)
def test_release_dates(
    calendar: FiscalCalendar, text: str, reference_year: int, fiscal_year: int, kind: str, start: str, end: str, source: str
) -> None:
    period = parse_period(text, calendar, reference_year=reference_year)
    assert (period.fiscal_year, period.fiscal_period, period.start, period.end) == (
        fiscal_year, kind, d(start), d(end)
    ), source
    assert period.to_pandas() is None


def _truth_calendar(truth: dict) -> FiscalCalendar:
    return {1: NVIDIA, 9: APPLE}[truth["calendar"]["year_end_month"]]


@pytest.mark.parametrize(
    "name", ["01_nvidia_q4fy25_release.json", "03_apple_q2fy23_statements.json", "14_nvidia_q2fy23_release.json"]
)
def test_truth_file_periods(shared_dir: Path, name: str) -> None:
    """Every period column header of the hand-read truth file gets the file's dates."""
    path = shared_dir / "real-releases" / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the shared folder")
    truth = json.loads(path.read_text(encoding="utf-8"))
    calendar = _truth_calendar(truth)
    reference_year = int(truth["date"][:4])
    checked = 0
    for cell in truth["cells"]:
        if cell["period_start"] == cell["period_end"] or cell["measure"] != "value":
            continue  # balances at a date; change columns
        period = parse_period(cell["column_header"], calendar, reference_year=reference_year)
        assert (str(period.start), str(period.end)) == (cell["period_start"], cell["period_end"]), cell
        checked += 1
    assert checked >= 5


# -- the calendar ------------------------------------------------------------------------


def test_calendar_fields_and_repr() -> None:
    assert FiscalCalendar(1, "end", weekday="Sunday") == FiscalCalendar(1, "end", weekday="sun") == NVIDIA
    assert NVIDIA.is_week_based and not FiscalCalendar(1).is_week_based
    assert repr(FiscalCalendar(3, "start")) == "FiscalCalendar(year_end_month=3, naming='start')"
    assert repr(APPLE) == (
        "FiscalCalendar(year_end_month=9, naming='end', weekday='SAT', variation='last', extra_week_quarter=1)"
    )
    assert (NVIDIA.year_freq, NVIDIA.quarter_freq) == ("RE-L-JAN-SUN", "REQ-L-JAN-SUN-4")
    assert RETAIL.year_freq == "RE-N-JAN-SAT"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"weekday": "SATURDAYS"}, "weekday"),
        ({"weekday": 5}, "weekday"),
        ({"weekday": "SAT", "variation": "first"}, "variation"),
        ({"weekday": "SAT", "extra_week_quarter": 5}, "extra_week_quarter"),
        ({"weekday": "SAT", "extra_week_quarter": True}, "extra_week_quarter"),
        ({"variation": "nearest"}, "52/53-week"),
        ({"extra_week_quarter": 1}, "52/53-week"),
    ],
)
def test_calendar_rejects_bad_week_fields(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FiscalCalendar(1, "end", **kwargs)


def test_describe() -> None:
    assert APPLE.describe() == (
        "FY ends the last Saturday of September (52/53 weeks, a 53rd week in Q1), named by end year"
        " (FY2005 = 2004-09-26..2005-09-24)"
    )
    assert RETAIL.describe().startswith("FY ends the Saturday nearest January's end (52/53 weeks, a 53rd week in Q4)")


def test_year_bounds_and_fiscal_year_of() -> None:
    assert NVIDIA.year_bounds(2025) == (d("2024-01-29"), d("2025-01-26"))
    assert NVIDIA.fiscal_year_of(d("2025-01-26")) == 2025
    assert NVIDIA.fiscal_year_of(d("2025-01-27")) == 2026
    assert APPLE.year_bounds(2023) == (d("2022-09-25"), d("2023-09-30"))
    assert APPLE.quarter_ends(2023) == (d("2022-12-31"), d("2023-04-01"), d("2023-07-01"), d("2023-09-30"))
    assert RETAIL.year_end_of(2025) == d("2025-02-01")
    december = FiscalCalendar(12, "end", weekday="SAT", variation="nearest")
    assert december.year_bounds(2020) == (d("2019-12-29"), d("2021-01-02"))  # ends in January, named 2020
    assert december.fiscal_year_of(d("2021-01-01")) == 2020


def test_periods_of_a_week_calendar() -> None:
    q1 = FiscalPeriod.from_parts(2023, "Q1", APPLE)
    assert (q1.label, q1.previous().label, q1.previous_year().label) == ("1Q23", "4Q22", "1Q22")
    assert q1.previous().end == q1.start - timedelta(days=1)
    assert FiscalPeriod.from_parts(2023, "9M", APPLE).end == d("2023-07-01")
    with pytest.raises(ValueError, match="not 2022-09-25..2022-12-24"):
        FiscalPeriod(2023, "Q1", d("2022-09-25"), d("2022-12-24"), APPLE)


# (year end, naming, calendar, reason)
FROM_YEAR_END_CASES = [
    ("2005-03-31", "start", FiscalCalendar(3, "start"), "a month end"),
    ("2025-01-26", "end", NVIDIA, "last seven days: last Sunday"),
    ("2023-09-30", "end", FiscalCalendar(9, "end"), "Apple's 53-week year ended on a month end: no evidence of weeks"),
    ("2022-09-24", "end", FiscalCalendar(9, "end", weekday="SAT"), "Apple FY2022"),
    ("2025-02-01", "start", RETAIL, "first days of a month: nearest the end of the month before"),
    ("2021-01-02", "end", FiscalCalendar(12, "end", weekday="SAT", variation="nearest"), "January: December's year"),
]


@pytest.mark.parametrize(("day", "naming", "expected", "reason"), FROM_YEAR_END_CASES, ids=[c[-1] for c in FROM_YEAR_END_CASES])
def test_calendar_from_year_end(day: str, naming: str, expected: FiscalCalendar, reason: str) -> None:
    calendar = calendar_from_year_end(d(day), naming)  # type: ignore[arg-type]
    assert calendar == expected, reason
    assert calendar.year_end_of(calendar.end_year(calendar.fiscal_year_of(d(day)))) == d(day)


def test_calendar_from_year_end_rejects_mid_month() -> None:
    with pytest.raises(PeriodFormatError, match="ends no fiscal year"):
        calendar_from_year_end(d("2025-02-14"))


# -- reading text --------------------------------------------------------------------------


REJECT_CASES = [
    (NVIDIA, "fourteen weeks ended January 26, 2025", "13 weeks, not 14"),
    (NVIDIA, "three months ended January 31, 2025", "ends no quarter"),
    (NVIDIA, "year ended January 31, 2025", "nearest year end is 2025-01-26"),
    (NVIDIA, "six months ended October 27, 2024", "no fiscal period"),
    (APPLE, "twenty-six weeks ended April 1, 2023", "27 weeks, not 26"),
    (APPLE, "three months ended March 31, 2023", "ends no quarter"),
    (APPLE, "year ended September 2023 and more", "not a fiscal period"),
]


@pytest.mark.parametrize(("calendar", "text", "message"), REJECT_CASES)
def test_rejects(calendar: FiscalCalendar, text: str, message: str) -> None:
    with pytest.raises(PeriodFormatError, match=message):
        parse_period(text, calendar)


def test_period_end_without_a_day_is_the_nearby_quarter_end() -> None:
    assert parse_period("quarter ended June 2023", APPLE).end == d("2023-07-01")
    assert parse_period("quarter ended July 2022", NVIDIA).end == d("2022-07-31")
    assert parse_period("year ended January 2025", RETAIL).end == d("2025-02-01")


def test_find_periods_in_a_nvidia_sentence() -> None:
    text = (
        "revenue for the fourth quarter ended January 26, 2025, of $39.3 billion ... "
        "For fiscal 2025, revenue was $130.5 billion ... first quarter of fiscal 2026"
    )
    found = [(text[s:e], p.label, str(p.end)) for s, e, p in find_periods(text, NVIDIA)]
    assert found == [
        ("the fourth quarter ended January 26, 2025", "4Q25", "2025-01-26"),
        ("fiscal 2025", "FY2025", "2025-01-26"),
        ("first quarter of fiscal 2026", "1Q26", "2025-04-27"),
    ]


INFER_CASES = [
    ("revenue for the fourth quarter ended January 26, 2025 ... For fiscal 2025", NVIDIA, "NVIDIA's prose"),
    ("Twelve Months Ended January 26, 2025", NVIDIA, "twelve months"),
    ("for the 52 weeks ended January 26, 2025", NVIDIA, "weeks"),
    (
        "for the fiscal years ended September 30, 2023 and September 24, 2022. Three Months Ended April 1, 2023",
        APPLE,
        "the second date shows the weekday; the quarter end shows the extra week in Q1",
    ),
    (
        "fiscal year ended February 1, 2025 (fiscal 2024), compared with fiscal 2023",
        RETAIL,
        "a date in February: the Saturday nearest January's end",
    ),
    ("fiscal year ending September 30, 2023", FiscalCalendar(9, "end"), "a month end alone: a month-end year"),
    ("Three Months Ended April 1, 2023 Six Months Ended April 1, 2023 September 24, 2022", None, "quarters only"),
    ("year ended June 14, 2024", None, "mid-month: no year ends then"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), INFER_CASES, ids=[c[-1] for c in INFER_CASES])
def test_infer_calendar(text: str, expected: FiscalCalendar | None, reason: str) -> None:
    assert infer_calendar(text) == expected, reason


# -- properties ----------------------------------------------------------------------------------

week_calendars = st.builds(
    FiscalCalendar,
    st.integers(1, 12),
    st.sampled_from(["start", "end"]),
    st.sampled_from(WEEKDAYS),
    st.sampled_from(["last", "nearest"]),
    st.integers(1, 4),
)
fiscal_years = st.integers(1990, 2040)


@given(week_calendars, fiscal_years)
@example(APPLE, 2023)
@example(FiscalCalendar(12, "end", "SAT", "nearest", 4), 2020)
def test_quarters_are_whole_weeks_and_tile_the_year(calendar: FiscalCalendar, fiscal_year: int) -> None:
    start, end = calendar.year_bounds(fiscal_year)
    weeks = ((end - start).days + 1) / 7
    assert weeks in (52, 53)
    assert WEEKDAYS[end.weekday()] == calendar.weekday
    quarters = [FiscalPeriod.from_parts(fiscal_year, f"Q{n}", calendar) for n in range(1, 5)]
    assert quarters[0].start == start and quarters[-1].end == end
    for before, after in zip(quarters, quarters[1:]):
        assert before.end + timedelta(days=1) == after.start
    lengths = [((q.end - q.start).days + 1) / 7 for q in quarters]
    expected = [13, 13, 13, 13]
    if weeks == 53:
        expected[calendar.extra_week_quarter - 1] = 14
    assert lengths == expected
    for day in (start, end, quarters[1].start):
        assert calendar.fiscal_year_of(day) == fiscal_year
    assert calendar.fiscal_year_of(start - timedelta(days=1)) == fiscal_year - 1
    assert calendar.fiscal_year_of(end + timedelta(days=1)) == fiscal_year + 1
    assert calendar.end_year(fiscal_year) in (end.year, end.year - 1)
    assert calendar.year_end_of(calendar.end_year(fiscal_year)) == end
    # one year end gives back a calendar with that year end ("nearest" in a month's last days reads as "last")
    guessed = calendar_from_year_end(end, calendar.naming)
    assert guessed.year_end_of(guessed.end_year(fiscal_year)) == end


@given(week_calendars, fiscal_years, st.sampled_from(PERIOD_KINDS), st.sampled_from(sorted(NOTATIONS)))
def test_format_then_parse_round_trips(calendar: FiscalCalendar, fiscal_year: int, kind: str, notation: str) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    if notation == "half_fy" and kind not in ("H1", "H2"):
        return
    text = format_period(period, notation)
    parsed = parse_period(text, calendar, reference_year=fiscal_year)
    assert (parsed.start, parsed.end) == (period.start, period.end), text
    if kind != "9M":
        before = period.previous()
        assert before.end + timedelta(days=1) == period.start


@given(week_calendars, fiscal_years, st.sampled_from(PERIOD_KINDS), st.sampled_from(sorted(NOTATIONS)))
def test_formatted_period_is_found_in_prose(
    calendar: FiscalCalendar, fiscal_year: int, kind: str, notation: str
) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    if notation == "half_fy" and kind not in ("H1", "H2"):
        return
    mention = format_period(period, notation)
    text = f"Revenue in {mention}, up 3.5% (see note 2)."
    found = find_periods(text, calendar, reference_year=fiscal_year)
    assert [(s, e, p.start, p.end) for s, e, p in found] == [(11, 11 + len(mention), period.start, period.end)], text
