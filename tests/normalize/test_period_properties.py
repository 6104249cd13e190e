"""Properties of the periods :func:`find_periods` reports in a text.

``test_periods.py`` checks that one formatted mention is found where it was put. These check
what holds of everything found in a text of several mentions, or of random pieces of period
notation: spans in order that do not overlap, each span a period on its own, and each period
written back by its label read as the same dates.
"""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st

from release_parser.normalize._period_patterns import CANONICAL_ONLY_NOTATIONS
from release_parser.normalize.periods import (
    NOTATIONS,
    PERIOD_KINDS,
    FiscalCalendar,
    FiscalPeriod,
    find_periods,
    format_period,
    parse_period,
)

IIJ = FiscalCalendar(3, "start")

calendars = st.builds(FiscalCalendar, st.integers(1, 12), st.sampled_from(["start", "end"]))
fiscal_years = st.integers(1990, 2040)

#: words put between two mentions; none of them is part of a period notation
SEPARATORS = (" compared with ", "; ", ", up from ", " and ", " (", ") ", " versus ")

#: pieces of period notation and of the text around it, run together at random
PIECES = (
    "2Q04", "Q2", " ", "FY", "fiscal", "2004", "04", "of the", "first", "half", "quarter", "ended",
    "ending", "June 30,", "March 31, 2005", "months", "nine", "six", "to", "from", "April 1", "-",
    "1H", "FY2004", "Fiscal Year", "year", "third", "December 31, 2004", ", ", "and", "9M",
)  # fmt: skip


@st.composite
def mentions(draw, calendar: FiscalCalendar) -> tuple[str, FiscalPeriod]:
    """A period written in one of the notations, and the period it must be read as."""
    period = FiscalPeriod.from_parts(draw(fiscal_years), draw(st.sampled_from(PERIOD_KINDS)), calendar)
    notation = draw(st.sampled_from(sorted(NOTATIONS)))
    assume(notation != "half_fy" or period.fiscal_period in ("H1", "H2"))
    return format_period(period, notation), period.canonical() if notation in CANONICAL_ONLY_NOTATIONS else period


@st.composite
def texts_of_mentions(draw) -> tuple[str, FiscalCalendar, list[tuple[int, int, FiscalPeriod]]]:
    """A sentence of several mentions, with the span and period of each."""
    calendar = draw(calendars)
    text, placed = "Revenue in ", []
    for mention, period in draw(st.lists(mentions(calendar), min_size=1, max_size=5)):
        placed.append((len(text), len(text) + len(mention), period))
        text += mention + draw(st.sampled_from(SEPARATORS))
    return text, calendar, placed


texts_of_pieces = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)


def found_in(text: str, calendar: FiscalCalendar) -> list[tuple[int, int, FiscalPeriod]]:
    return find_periods(text, calendar, reference_year=2004)


def dates(period: FiscalPeriod) -> tuple:
    return period.start, period.end


def assert_spans_in_order_without_overlap(text: str, found: list) -> None:
    previous_end = 0
    for start, end, _ in found:
        assert previous_end <= start < end <= len(text), (text, found)
        previous_end = end


def assert_each_span_is_its_period(text: str, calendar: FiscalCalendar, found: list) -> None:
    for start, end, period in found:
        alone = parse_period(text[start:end], calendar, reference_year=2004)
        assert dates(alone) == dates(period), (text[start:end], alone, period)


def assert_each_label_reads_back(found: list) -> None:
    for _, _, period in found:
        # the label's two-digit year is read in the century of the period's own years
        again = parse_period(period.label, period.calendar, reference_year=period.end.year)
        assert dates(again) == dates(period), (period.label, again, period)


TWO_QUARTERS = [(11, 15, parse_period("2Q04", IIJ)), (23, 27, parse_period("2Q03", IIJ))]


@given(texts_of_mentions())
@example(("Revenue in 2Q04 versus 2Q03", IIJ, TWO_QUARTERS))
def test_mentions_are_found_in_order_each_its_own_period(case) -> None:
    text, calendar, placed = case
    found = found_in(text, calendar)
    assert found == placed, text
    assert_spans_in_order_without_overlap(text, found)
    assert_each_span_is_its_period(text, calendar, found)
    assert_each_label_reads_back(found)


@given(texts_of_pieces, calendars)
def test_periods_found_in_random_pieces_are_each_their_own_period(text: str, calendar: FiscalCalendar) -> None:
    found = found_in(text, calendar)
    assert_spans_in_order_without_overlap(text, found)
    assert_each_span_is_its_period(text, calendar, found)
    assert_each_label_reads_back(found)


@given(calendars, fiscal_years, st.sampled_from(PERIOD_KINDS))
def test_a_label_reads_back_as_its_period(calendar: FiscalCalendar, fiscal_year: int, kind: str) -> None:
    period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
    again = parse_period(period.label, calendar, reference_year=period.end.year)
    assert dates(again) == dates(period), period.label
