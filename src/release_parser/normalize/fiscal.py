"""Fiscal calendars and the periods of them, with their exact dates.

:class:`FiscalCalendar` says when a company's fiscal year ends and whether the
year is named by the calendar year it starts or ends in; :class:`FiscalPeriod`
is one quarter, half, year or cumulative span of it. Quarter and year dates come
from pandas' fiscal periods (``Q-MAR``, ``Y-MAR``); halves and cumulative spans
are unions of quarters. Reading periods from text is :mod:`.periods`' job.
"""

from __future__ import annotations

import calendar as _calendar
import functools
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pandas as pd

from ..errors import PeriodFormatError
from ._period_patterns import KIND_QUARTERS, MONTH_TITLES, PANDAS_MONTHS, PERIOD_KINDS

__all__ = ["FiscalCalendar", "FiscalPeriod", "PERIOD_KINDS", "TWO_DIGIT_YEAR_PIVOT", "resolve_two_digit_year"]

Naming = Literal["start", "end"]

#: Two-digit years below the pivot are 20xx, the others 19xx (used only when no
#: ``reference_year`` is given): "04" -> 2004, "69" -> 2069, "70" -> 1970.
TWO_DIGIT_YEAR_PIVOT = 70

# --------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FiscalCalendar:
    """When a company's fiscal year ends, and which calendar year names it.

    Parameters
    ----------
    year_end_month : int, default 3
        Month (1-12) whose last day ends the fiscal year. 12 is a calendar year.
    naming : {"end", "start"}, default "end"
        ``"end"``: the fiscal year is named by the calendar year it ends in
        (as pandas does). ``"start"``: by the year it starts in (IIJ's FY2004
        ends 2005-03-31). With ``year_end_month=12`` both give the same years.

    Raises
    ------
    ValueError
        If ``year_end_month`` is not an integer 1-12 or ``naming`` is unknown.

    Notes
    -----
    Only years ending on a month's last day are supported (no 52/53-week years).

    Examples
    --------
    >>> iij = FiscalCalendar(3, "start")
    >>> iij.year_bounds(2004)
    (datetime.date(2004, 4, 1), datetime.date(2005, 3, 31))
    >>> FiscalCalendar(3, "end").year_bounds(2005)
    (datetime.date(2004, 4, 1), datetime.date(2005, 3, 31))
    >>> iij.fiscal_year_of(date(2004, 11, 11))
    2004
    >>> FiscalCalendar(13)
    Traceback (most recent call last):
    ...
    ValueError: year_end_month must be an integer 1-12, not 13
    """

    year_end_month: int = 3
    naming: Naming = "end"

    def __post_init__(self) -> None:
        month = self.year_end_month
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise ValueError(f"year_end_month must be an integer 1-12, not {month!r}")
        if self.naming not in ("start", "end"):
            raise ValueError(f"naming must be 'start' or 'end', not {self.naming!r}")

    @property
    def quarter_freq(self) -> str:
        """pandas frequency of this calendar's quarters, e.g. ``"Q-MAR"``."""
        return f"Q-{PANDAS_MONTHS[self.year_end_month - 1]}"

    @property
    def year_freq(self) -> str:
        """pandas frequency of this calendar's years, e.g. ``"Y-MAR"``."""
        return f"Y-{PANDAS_MONTHS[self.year_end_month - 1]}"

    def end_year(self, fiscal_year: int) -> int:
        """The calendar year in which ``fiscal_year`` ends (pandas' year number).

        Examples
        --------
        >>> FiscalCalendar(3, "start").end_year(2004)
        2005
        >>> FiscalCalendar(12, "start").end_year(2004)
        2004
        """
        if self.naming == "start" and self.year_end_month != 12:
            return fiscal_year + 1
        return fiscal_year

    def from_end_year(self, end_year: int) -> int:
        """The fiscal year (in this calendar's naming) that ends in ``end_year``.

        Examples
        --------
        >>> FiscalCalendar(3, "start").from_end_year(2005)
        2004
        """
        if self.naming == "start" and self.year_end_month != 12:
            return end_year - 1
        return end_year

    def year_bounds(self, fiscal_year: int) -> tuple[date, date]:
        """First and last day of ``fiscal_year``.

        Examples
        --------
        >>> FiscalCalendar(12).year_bounds(2010)
        (datetime.date(2010, 1, 1), datetime.date(2010, 12, 31))
        """
        year = pd.Period(year=self.end_year(fiscal_year), freq=self.year_freq)
        return year.start_time.date(), year.end_time.date()

    def fiscal_year_of(self, day: date) -> int:
        """The fiscal year (in this calendar's naming) that contains ``day``.

        Examples
        --------
        >>> FiscalCalendar(3, "end").fiscal_year_of(date(2004, 11, 11))
        2005
        >>> FiscalCalendar(3, "start").fiscal_year_of(date(2005, 3, 31))
        2004
        """
        return self.from_end_year(_end_year_of_day(day, self.year_freq))

    def describe(self) -> str:
        """One line for people, with an example year.

        Examples
        --------
        >>> FiscalCalendar(3, "start").describe()
        'FY ends March 31, named by start year (FY2004 = 2004-04-01..2005-03-31)'
        >>> FiscalCalendar(3, "end").describe()
        'FY ends March 31, named by end year (FY2005 = 2004-04-01..2005-03-31)'
        >>> FiscalCalendar(12).describe()
        'FY ends December 31, the calendar year (FY2004 = 2004-01-01..2004-12-31)'
        """
        month = MONTH_TITLES[self.year_end_month - 1]
        day = "28/29" if self.year_end_month == 2 else str(_last_day(2001, self.year_end_month))
        example = 2004 if self.naming == "start" else 2005
        if self.year_end_month == 12:
            example, how = 2004, "the calendar year"
        else:
            how = f"named by {self.naming} year"
        first, last = self.year_bounds(example)
        return f"FY ends {month} {day}, {how} (FY{example} = {first}..{last})"


# --------------------------------------------------------------------------
# Period
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FiscalPeriod:
    """One quarter, half, year or cumulative span of a fiscal calendar.

    Build one with :meth:`from_parts` (or :func:`parse_period`); the
    constructor checks that ``start``/``end`` are the dates of
    ``fiscal_period`` in ``fiscal_year``.

    Parameters
    ----------
    fiscal_year : int
        In the calendar's own naming (IIJ: 2004 for 2Q04).
    fiscal_period : str
        One of :data:`PERIOD_KINDS`: ``"Q1"``..``"Q4"``, ``"H1"``, ``"H2"``,
        ``"FY"``, or ``"3M"``/``"6M"``/``"9M"`` (months cumulated from the
        fiscal-year start; ``"3M"``/``"6M"`` have the dates of Q1/H1).
    start, end : datetime.date
        First and last day, both included.
    calendar : FiscalCalendar

    Raises
    ------
    ValueError
        If the kind is unknown or the dates are not those of the period.

    Examples
    --------
    >>> iij = FiscalCalendar(3, "start")
    >>> q = FiscalPeriod.from_parts(2004, "Q2", iij)
    >>> q.label, q.start, q.end
    ('2Q04', datetime.date(2004, 7, 1), datetime.date(2004, 9, 30))
    >>> q.previous().label, q.previous_year().label
    ('1Q04', '2Q03')
    >>> q.to_pandas()
    Period('2005Q2', 'Q-MAR')
    """

    fiscal_year: int
    fiscal_period: str
    start: date
    end: date
    calendar: FiscalCalendar

    def __post_init__(self) -> None:
        if self.fiscal_period not in KIND_QUARTERS:
            raise ValueError(f"fiscal_period must be one of {', '.join(PERIOD_KINDS)}, not {self.fiscal_period!r}")
        if not isinstance(self.calendar, FiscalCalendar):
            raise ValueError(f"calendar must be a FiscalCalendar, not {type(self.calendar).__name__}")
        expected = _period_bounds(self.fiscal_year, self.fiscal_period, self.calendar)
        if (self.start, self.end) != expected:
            raise ValueError(
                f"{self.fiscal_period} of FY{self.fiscal_year} is {expected[0]}..{expected[1]}"
                f" in this calendar, not {self.start}..{self.end}"
            )

    @classmethod
    def from_parts(cls, fiscal_year: int, fiscal_period: str, calendar: FiscalCalendar | None = None) -> FiscalPeriod:
        """The period ``fiscal_period`` of ``fiscal_year``, with its dates computed.

        Examples
        --------
        >>> p = FiscalPeriod.from_parts(2010, "9M", FiscalCalendar(3, "start"))
        >>> p.label, p.start, p.end
        ('9M10', datetime.date(2010, 4, 1), datetime.date(2010, 12, 31))
        """
        cal = calendar if calendar is not None else FiscalCalendar()
        if fiscal_period not in KIND_QUARTERS:
            raise ValueError(f"fiscal_period must be one of {', '.join(PERIOD_KINDS)}, not {fiscal_period!r}")
        start, end = _period_bounds(fiscal_year, fiscal_period, cal)
        return cls(fiscal_year, fiscal_period, start, end, cal)

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """Canonical short label, IIJ style: ``2Q04``, ``1H03``, ``FY2004``, ``9M10``.

        The two-digit year is the fiscal year in the calendar's naming.

        Examples
        --------
        >>> cal = FiscalCalendar(3, "start")
        >>> [FiscalPeriod.from_parts(2004, k, cal).label for k in ("Q4", "H2", "FY", "6M")]
        ['4Q04', '2H04', 'FY2004', '6M04']
        """
        kind, yy = self.fiscal_period, self.fiscal_year % 100
        if kind == "FY":
            return f"FY{self.fiscal_year:04d}"
        if kind.endswith("M"):
            return f"{kind}{yy:02d}"
        return f"{kind[1]}{kind[0]}{yy:02d}"

    @property
    def months(self) -> int:
        """Length in months (3, 6, 9 or 12)."""
        first, last = KIND_QUARTERS[self.fiscal_period]
        return 3 * (last - first + 1)

    def canonical(self) -> FiscalPeriod:
        """The same dates under the preferred kind: ``3M`` -> ``Q1``, ``6M`` -> ``H1``.

        Examples
        --------
        >>> FiscalPeriod.from_parts(2004, "6M").canonical().fiscal_period
        'H1'
        """
        kind = {"3M": "Q1", "6M": "H1"}.get(self.fiscal_period)
        return self if kind is None else FiscalPeriod(self.fiscal_year, kind, self.start, self.end, self.calendar)

    def to_pandas(self) -> pd.Period | None:
        """A quarter as ``pd.Period(freq="Q-<MON>")``, a year as ``freq="Y-<MON>"``.

        pandas numbers the period by the calendar year the fiscal year *ends*
        in, whatever the naming. Halves and cumulative spans have no pandas
        period: they give ``None`` (use :attr:`start`/:attr:`end`).

        Examples
        --------
        >>> iij = FiscalCalendar(3, "start")
        >>> FiscalPeriod.from_parts(2004, "FY", iij).to_pandas()
        Period('2005', 'Y-MAR')
        >>> FiscalPeriod.from_parts(2004, "H1", iij).to_pandas() is None
        True
        """
        end_year = self.calendar.end_year(self.fiscal_year)
        if self.fiscal_period == "FY":
            return pd.Period(year=end_year, freq=self.calendar.year_freq)
        if self.fiscal_period.startswith("Q"):
            return pd.Period(year=end_year, quarter=int(self.fiscal_period[1]), freq=self.calendar.quarter_freq)
        return None

    def previous_year(self) -> FiscalPeriod:
        """The same period one fiscal year earlier (the base of a YoY change).

        Examples
        --------
        >>> FiscalPeriod.from_parts(2004, "H1", FiscalCalendar(3, "start")).previous_year().label
        '1H03'
        """
        return FiscalPeriod.from_parts(self.fiscal_year - 1, self.fiscal_period, self.calendar)

    def previous(self) -> FiscalPeriod:
        """The period of the same length just before this one (the base of a QoQ change).

        ``1Q04`` -> ``4Q03``, ``1H04`` -> ``2H03``, ``FY2004`` -> ``FY2003``;
        ``3M``/``6M`` give the quarter/half before them.

        Raises
        ------
        PeriodFormatError
            For ``9M``: the nine months before it are no fiscal period.

        Examples
        --------
        >>> cal = FiscalCalendar(3, "start")
        >>> [FiscalPeriod.from_parts(2004, k, cal).previous().label for k in ("Q1", "Q3", "H1", "H2", "FY")]
        ['4Q03', '2Q04', '2H03', '1H04', 'FY2003']
        """
        kind, year = self.canonical().fiscal_period, self.fiscal_year
        if kind == "FY":
            return FiscalPeriod.from_parts(year - 1, "FY", self.calendar)
        if kind in ("Q1", "H1"):
            last = "Q4" if kind == "Q1" else "H2"
            return FiscalPeriod.from_parts(year - 1, last, self.calendar)
        if kind[0] in "QH":
            return FiscalPeriod.from_parts(year, f"{kind[0]}{int(kind[1]) - 1}", self.calendar)
        raise PeriodFormatError(f"{self.label} has no preceding period of the same length", self.label)


def _last_day(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


@functools.lru_cache(maxsize=4096)
def _end_year_of_day(day: date, year_freq: str) -> int:
    return int(pd.Period(day, freq=year_freq).year)


@functools.lru_cache(maxsize=4096)
def _period_bounds(fiscal_year: int, kind: str, cal: FiscalCalendar) -> tuple[date, date]:
    """Dates of ``kind`` in ``fiscal_year``, from pandas' fiscal quarters."""
    first, last = KIND_QUARTERS[kind]
    end_year = cal.end_year(fiscal_year)
    q_first = pd.Period(year=end_year, quarter=first, freq=cal.quarter_freq)
    q_last = q_first if last == first else pd.Period(year=end_year, quarter=last, freq=cal.quarter_freq)
    return q_first.start_time.date(), q_last.end_time.date()


# --------------------------------------------------------------------------
# Two-digit years
# --------------------------------------------------------------------------


def resolve_two_digit_year(yy: int, reference_year: int | None = None) -> int:
    """Four-digit year for ``yy`` (0-99).

    With ``reference_year`` (the release's publication year), the century that
    puts the year closest to it; a tie (50 years either way) goes to the
    earlier year. Without it, :data:`TWO_DIGIT_YEAR_PIVOT`: 00-69 -> 20xx,
    70-99 -> 19xx. The clock is never read.

    Examples
    --------
    >>> resolve_two_digit_year(99, 2004), resolve_two_digit_year(4, 2004)
    (1999, 2004)
    >>> resolve_two_digit_year(69), resolve_two_digit_year(70)
    (2069, 1970)
    """
    if not 0 <= yy <= 99:
        raise ValueError(f"a two-digit year is 0-99, not {yy}")
    if reference_year is None:
        return (2000 if yy < TWO_DIGIT_YEAR_PIVOT else 1900) + yy
    base = reference_year - reference_year % 100
    candidates = (base - 100 + yy, base + yy, base + 100 + yy)
    return min(candidates, key=lambda year: (abs(year - reference_year), year))


def _year_token(token: str, reference_year: int | None) -> int:
    return int(token) if len(token) == 4 else resolve_two_digit_year(int(token), reference_year)


