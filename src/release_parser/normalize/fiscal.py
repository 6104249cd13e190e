"""Fiscal calendars and the periods of them, with their exact dates.

:class:`FiscalCalendar` says when a company's fiscal year ends and whether the
year is named by the calendar year it starts or ends in; :class:`FiscalPeriod`
is one quarter, half, year or cumulative span of it. Quarter and year dates come
from pandas' fiscal periods (``Q-MAR``, ``Y-MAR``) or, for 52/53-week years, from
pandas' ``FY5253`` / ``FY5253Quarter`` offsets; halves and cumulative spans are
unions of quarters. Reading periods from text is :mod:`.periods`' job.
"""

from __future__ import annotations

import calendar as _calendar
import functools
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import pandas as pd

from ..errors import PeriodFormatError
from ._period_patterns import KIND_QUARTERS, MONTH_KINDS, MONTH_TITLES, PANDAS_MONTHS, PERIOD_KINDS

__all__ = [
    "FiscalCalendar",
    "FiscalPeriod",
    "MONTH_KINDS",
    "PERIOD_KINDS",
    "TWO_DIGIT_YEAR_PIVOT",
    "WEEKDAYS",
    "calendar_from_year_end",
    "month_within",
    "resolve_two_digit_year",
]

Naming = Literal["start", "end"]
Variation = Literal["last", "nearest"]

#: Weekday codes of 52/53-week calendars, in ``date.weekday()`` order (pandas' too).
WEEKDAYS: tuple[str, ...] = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_WEEKDAY_TITLES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Two-digit years below the pivot are 20xx, the others 19xx (used only when no
#: ``reference_year`` is given): "04" -> 2004, "69" -> 2069, "70" -> 1970.
TWO_DIGIT_YEAR_PIVOT = 70

# --------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class FiscalCalendar:
    """When a company's fiscal year ends, and which calendar year names it.

    Parameters
    ----------
    year_end_month : int, default 3
        Month (1-12) whose last day ends the fiscal year. 12 is a calendar year.
        For a 52/53-week year, the month its last ``weekday`` is in (or nearest to).
    naming : {"end", "start"}, default "end"
        ``"end"``: the fiscal year is named by the calendar year it ends in
        (as pandas does). ``"start"``: by the year it starts in (IIJ's FY2004
        ends 2005-03-31). With ``year_end_month=12`` both give the same years.
    weekday : {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"}, optional
        ``None`` (the default): the year ends on the last day of
        ``year_end_month``. Otherwise a 52/53-week year that ends on this
        weekday (full names and lower case are accepted and stored as the code).
    variation : {"last", "nearest"}, default "last"
        52/53-week years only: the year ends on the *last* ``weekday`` of
        ``year_end_month`` (Apple, NVIDIA), or the one *nearest* its last day,
        which may fall in the first three days of the next month (many retailers).
    extra_week_quarter : int, default 4
        52/53-week years only: the quarter (1-4) that has 14 weeks in a
        53-week year (Apple's is 1).

    Raises
    ------
    ValueError
        If a field has an unknown value, or ``variation``/``extra_week_quarter``
        are set without a ``weekday``.

    Notes
    -----
    Dates come from pandas: ``Q-<MON>``/``Y-<MON>`` periods for month-end years,
    ``FY5253``/``FY5253Quarter`` offsets for 52/53-week years. A 52/53-week
    year is named like a month-end one by the year of its ``year_end_month``
    (NVIDIA's FY2025 ends 2025-01-26, in January 2025).

    Examples
    --------
    >>> iij = FiscalCalendar(3, "start")
    >>> iij.year_bounds(2004)
    (datetime.date(2004, 4, 1), datetime.date(2005, 3, 31))
    >>> FiscalCalendar(3, "end").year_bounds(2005)
    (datetime.date(2004, 4, 1), datetime.date(2005, 3, 31))
    >>> iij.fiscal_year_of(date(2004, 11, 11))
    2004
    >>> nvidia = FiscalCalendar(1, "end", weekday="SUN")
    >>> nvidia.year_bounds(2025)
    (datetime.date(2024, 1, 29), datetime.date(2025, 1, 26))
    >>> apple = FiscalCalendar(9, "end", weekday="SAT", extra_week_quarter=1)
    >>> apple.year_bounds(2023)
    (datetime.date(2022, 9, 25), datetime.date(2023, 9, 30))
    >>> apple
    FiscalCalendar(year_end_month=9, naming='end', weekday='SAT', variation='last', extra_week_quarter=1)
    >>> FiscalCalendar(13)
    Traceback (most recent call last):
    ...
    ValueError: year_end_month must be an integer 1-12, not 13
    """

    year_end_month: int = 3
    naming: Naming = "end"
    weekday: str | None = None
    variation: Variation = "last"
    extra_week_quarter: int = 4

    def __post_init__(self) -> None:
        month = self.year_end_month
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise ValueError(f"year_end_month must be an integer 1-12, not {month!r}")
        if self.naming not in ("start", "end"):
            raise ValueError(f"naming must be 'start' or 'end', not {self.naming!r}")
        if self.weekday is None:
            if self.variation != "last" or self.extra_week_quarter != 4:
                raise ValueError("variation and extra_week_quarter apply only to 52/53-week calendars (give weekday=)")
            return
        code = _weekday_code(self.weekday)
        if code is None:
            raise ValueError(f"weekday must be one of {', '.join(WEEKDAYS)}, not {self.weekday!r}")
        object.__setattr__(self, "weekday", code)
        if self.variation not in ("last", "nearest"):
            raise ValueError(f"variation must be 'last' or 'nearest', not {self.variation!r}")
        quarter = self.extra_week_quarter
        if isinstance(quarter, bool) or not isinstance(quarter, int) or not 1 <= quarter <= 4:
            raise ValueError(f"extra_week_quarter must be an integer 1-4, not {quarter!r}")

    def __repr__(self) -> str:
        text = f"FiscalCalendar(year_end_month={self.year_end_month!r}, naming={self.naming!r}"
        if self.weekday is not None:
            text += (
                f", weekday={self.weekday!r}, variation={self.variation!r},"
                f" extra_week_quarter={self.extra_week_quarter!r}"
            )
        return text + ")"

    @property
    def is_week_based(self) -> bool:
        """True for a 52/53-week year (``weekday`` is set).

        Examples
        --------
        >>> FiscalCalendar(1, weekday="SUN").is_week_based, FiscalCalendar(1).is_week_based
        (True, False)
        """
        return self.weekday is not None

    @property
    def quarter_freq(self) -> str:
        """pandas frequency of this calendar's quarter ends, e.g. ``"Q-MAR"``.

        For a 52/53-week year, the ``FY5253Quarter`` rule (usable with
        ``pd.date_range``, not with ``pd.Period``).

        Examples
        --------
        >>> FiscalCalendar(3).quarter_freq
        'Q-MAR'
        >>> FiscalCalendar(9, weekday="SAT", extra_week_quarter=1).quarter_freq
        'REQ-L-SEP-SAT-1'
        """
        if self.weekday is not None:
            return str(_quarter_offset(self).freqstr)
        return f"Q-{PANDAS_MONTHS[self.year_end_month - 1]}"

    @property
    def year_freq(self) -> str:
        """pandas frequency of this calendar's year ends, e.g. ``"Y-MAR"``.

        For a 52/53-week year, the ``FY5253`` rule.

        Examples
        --------
        >>> FiscalCalendar(3).year_freq, FiscalCalendar(1, weekday="SUN").year_freq
        ('Y-MAR', 'RE-L-JAN-SUN')
        """
        if self.weekday is not None:
            return str(_year_offset(self).freqstr)
        return f"Y-{PANDAS_MONTHS[self.year_end_month - 1]}"

    def end_year(self, fiscal_year: int) -> int:
        """The calendar year in which ``fiscal_year`` ends (pandas' year number).

        For a 52/53-week year: the year of its ``year_end_month`` (a "nearest"
        December year may end on January 1-3 of the next year).

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
        >>> FiscalCalendar(1, "end", weekday="SUN").year_bounds(2023)
        (datetime.date(2022, 1, 31), datetime.date(2023, 1, 29))
        """
        if self.weekday is not None:
            ends = _week_quarter_ends(self, self.end_year(fiscal_year))
            return ends[0] + _DAY, ends[4]
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
        >>> FiscalCalendar(9, "end", weekday="SAT").fiscal_year_of(date(2022, 9, 25))
        2023
        """
        if self.weekday is not None:
            return self.from_end_year(_week_end_year_of_day(day, self))
        return self.from_end_year(_end_year_of_day(day, self.year_freq))

    def year_end_of(self, end_year: int) -> date:
        """The last day of the fiscal year that ends in (or, "nearest", next to) ``year_end_month`` of ``end_year``.

        Examples
        --------
        >>> FiscalCalendar(1, "end", weekday="SUN").year_end_of(2025)
        datetime.date(2025, 1, 26)
        >>> FiscalCalendar(1, "start", weekday="SAT", variation="nearest").year_end_of(2025)
        datetime.date(2025, 2, 1)
        >>> FiscalCalendar(2).year_end_of(2004)
        datetime.date(2004, 2, 29)
        """
        if self.weekday is not None:
            return _week_year_end(self, end_year)
        return date(end_year, self.year_end_month, _last_day(end_year, self.year_end_month))

    def quarter_ends(self, fiscal_year: int) -> tuple[date, date, date, date]:
        """Last days of the four quarters of ``fiscal_year``.

        Examples
        --------
        >>> [str(d) for d in FiscalCalendar(9, weekday="SAT", extra_week_quarter=1).quarter_ends(2023)]
        ['2022-12-31', '2023-04-01', '2023-07-01', '2023-09-30']
        """
        bounds = [_period_bounds(fiscal_year, f"Q{n}", self)[1] for n in range(1, 5)]
        return bounds[0], bounds[1], bounds[2], bounds[3]

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
        >>> FiscalCalendar(1, "end", weekday="SUN").describe()
        'FY ends the last Sunday of January (52/53 weeks, a 53rd week in Q4), named by end year (FY2005 = 2004-01-26..2005-01-30)'
        """
        month = MONTH_TITLES[self.year_end_month - 1]
        if self.weekday is not None:
            weekday = _WEEKDAY_TITLES[WEEKDAYS.index(self.weekday)]
            where = f"last {weekday} of {month}" if self.variation == "last" else f"{weekday} nearest {month}'s end"
            ends = f"the {where} (52/53 weeks, a 53rd week in Q{self.extra_week_quarter})"
        else:
            day = "28/29" if self.year_end_month == 2 else str(_last_day(2001, self.year_end_month))
            ends = f"{month} {day}"
        example = 2004 if self.naming == "start" else 2005
        if self.year_end_month == 12:
            example, how = 2004, "the calendar year"
        else:
            how = f"named by {self.naming} year"
        first, last = self.year_bounds(example)
        return f"FY ends {ends}, {how} (FY{example} = {first}..{last})"


def calendar_from_year_end(day: date, naming: Naming = "end", *, extra_week_quarter: int = 4) -> FiscalCalendar:
    """The calendar whose fiscal year ends on ``day``.

    A month's last day gives a month-end calendar. Any other day gives a
    52/53-week calendar ending on ``day``'s weekday: ``variation="last"`` when
    ``day`` is in the last seven days of its month, ``"nearest"`` (to the end
    of the month before) when it is one of the first three days of a month.
    One date cannot tell "last" from "nearest" when it falls in a month's last
    three days; "last" is returned then.

    Raises
    ------
    PeriodFormatError
        If ``day`` is in neither of those windows (no fiscal year ends then).

    Examples
    --------
    >>> calendar_from_year_end(date(2005, 3, 31), "start")
    FiscalCalendar(year_end_month=3, naming='start')
    >>> calendar_from_year_end(date(2025, 1, 26))
    FiscalCalendar(year_end_month=1, naming='end', weekday='SUN', variation='last', extra_week_quarter=4)
    >>> calendar_from_year_end(date(2025, 2, 1), "start").variation
    'nearest'
    >>> calendar_from_year_end(date(2025, 2, 14))
    Traceback (most recent call last):
    ...
    release_parser.errors.PeriodFormatError: 2025-02-14 ends no fiscal year: neither a month's last seven days nor its first three
    """
    last = _last_day(day.year, day.month)
    if day.day == last:
        return FiscalCalendar(day.month, naming)
    weekday = WEEKDAYS[day.weekday()]
    if day.day > last - 7:
        return FiscalCalendar(day.month, naming, weekday, "last", extra_week_quarter)
    if day.day <= 3:
        return FiscalCalendar(12 if day.month == 1 else day.month - 1, naming, weekday, "nearest", extra_week_quarter)
    raise PeriodFormatError(
        f"{day} ends no fiscal year: neither a month's last seven days nor its first three", str(day)
    )


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
        fiscal-year start; ``"3M"``/``"6M"`` have the dates of Q1/H1); or one of
        :data:`MONTH_KINDS`, ``"Jan"``..``"Dec"``: that calendar month within the
        fiscal year (month-end calendars only).
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
        if self.fiscal_period not in KIND_QUARTERS and self.fiscal_period not in MONTH_KINDS:
            raise ValueError(f"fiscal_period must be one of {', '.join(PERIOD_KINDS + MONTH_KINDS)}, not {self.fiscal_period!r}")
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
        if fiscal_period not in KIND_QUARTERS and fiscal_period not in MONTH_KINDS:
            raise ValueError(f"fiscal_period must be one of {', '.join(PERIOD_KINDS + MONTH_KINDS)}, not {fiscal_period!r}")
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
        if kind in MONTH_KINDS:
            return f"{kind} {self.start.year}"  # the calendar month: "Feb 2025"
        if kind == "FY":
            return f"FY{self.fiscal_year:04d}"
        if kind.endswith("M"):
            return f"{kind}{yy:02d}"
        return f"{kind[1]}{kind[0]}{yy:02d}"

    @property
    def months(self) -> int:
        """Length in months (1, 3, 6, 9 or 12)."""
        if self.fiscal_period in MONTH_KINDS:
            return 1
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
        period: they give ``None`` (use :attr:`start`/:attr:`end`); so does
        every period of a 52/53-week calendar (``pd.Period`` has no such
        frequency).

        Examples
        --------
        >>> iij = FiscalCalendar(3, "start")
        >>> FiscalPeriod.from_parts(2004, "FY", iij).to_pandas()
        Period('2005', 'Y-MAR')
        >>> FiscalPeriod.from_parts(2004, "H1", iij).to_pandas() is None
        True
        """
        if self.calendar.weekday is not None:
            return None
        end_year = self.calendar.end_year(self.fiscal_year)
        if self.fiscal_period in MONTH_KINDS:
            return pd.Period(year=self.start.year, month=self.start.month, freq="M")
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
        if kind in MONTH_KINDS:
            return month_within(self.calendar, self.start - _DAY)
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


_DAY = timedelta(days=1)
_WEEKDAY_NAMES: dict[str, str] = {
    **{code.lower(): code for code in WEEKDAYS},
    **{title.lower(): code for title, code in zip(_WEEKDAY_TITLES, WEEKDAYS)},
}


def _weekday_code(value: object) -> str | None:
    """``"SAT"`` for ``"SAT"``, ``"sat"`` or ``"Saturday"``; None for anything else."""
    return _WEEKDAY_NAMES.get(value.strip().lower()) if isinstance(value, str) else None


@functools.lru_cache(maxsize=64)
def _year_offset(cal: FiscalCalendar) -> pd.offsets.FY5253:
    return pd.offsets.FY5253(
        weekday=WEEKDAYS.index(str(cal.weekday)), startingMonth=cal.year_end_month, variation=cal.variation
    )


@functools.lru_cache(maxsize=64)
def _quarter_offset(cal: FiscalCalendar) -> pd.offsets.FY5253Quarter:
    return pd.offsets.FY5253Quarter(
        weekday=WEEKDAYS.index(str(cal.weekday)),
        startingMonth=cal.year_end_month,
        qtr_with_extra_week=cal.extra_week_quarter,
        variation=cal.variation,
    )


@functools.lru_cache(maxsize=4096)
def _week_year_end(cal: FiscalCalendar, end_year: int) -> date:
    """Last day of the 52/53-week year anchored in ``year_end_month`` of ``end_year`` (pandas' FY5253)."""
    anchor = pd.Timestamp(year=end_year, month=cal.year_end_month, day=1)
    return _year_offset(cal).get_year_end(anchor).date()


@functools.lru_cache(maxsize=4096)
def _week_quarter_ends(cal: FiscalCalendar, end_year: int) -> tuple[date, date, date, date, date]:
    """The previous year's end, then the four quarter ends of the year ending in ``end_year``.

    Stepped with pandas' ``FY5253Quarter`` from the previous year end, so the
    53rd week lands in ``cal.extra_week_quarter``.
    """
    step = _quarter_offset(cal)
    stamp = pd.Timestamp(_week_year_end(cal, end_year - 1))
    ends = [stamp.date()]
    for _ in range(4):
        stamp = stamp + step
        ends.append(stamp.date())
    if ends[4] != _week_year_end(cal, end_year):  # pragma: no cover - pandas keeps quarters inside years
        raise ValueError(f"pandas' quarters of {cal!r} do not end its year {end_year}")
    return ends[0], ends[1], ends[2], ends[3], ends[4]


@functools.lru_cache(maxsize=4096)
def _week_end_year_of_day(day: date, cal: FiscalCalendar) -> int:
    """End year (anchor year) of the 52/53-week year containing ``day``."""
    for end_year in (day.year - 1, day.year, day.year + 1):
        if day <= _week_year_end(cal, end_year):
            return end_year
    return day.year + 2  # pragma: no cover - a year end is never more than a year after its anchor


@functools.lru_cache(maxsize=4096)
def _end_year_of_day(day: date, year_freq: str) -> int:
    return int(pd.Period(day, freq=year_freq).year)


def month_within(calendar: FiscalCalendar, day: date) -> FiscalPeriod:
    """The calendar month holding ``day``, as a period of the fiscal year holding it.

    Raises
    ------
    PeriodFormatError
        For a 52/53-week calendar, whose years do not start and end with months.

    Examples
    --------
    >>> p = month_within(FiscalCalendar(3, "start"), date(2005, 2, 14))
    >>> p.label, p.fiscal_year, p.fiscal_period, p.end
    ('Feb 2005', 2004, 'Feb', datetime.date(2005, 2, 28))
    """
    return FiscalPeriod.from_parts(calendar.fiscal_year_of(day), MONTH_KINDS[day.month - 1], calendar)


@functools.lru_cache(maxsize=4096)
def _period_bounds(fiscal_year: int, kind: str, cal: FiscalCalendar) -> tuple[date, date]:
    """Dates of ``kind`` in ``fiscal_year``, from pandas' fiscal quarters (or 52/53-week quarters)."""
    if kind in MONTH_KINDS:
        return _month_bounds(fiscal_year, MONTH_KINDS.index(kind) + 1, cal)
    first, last = KIND_QUARTERS[kind]
    end_year = cal.end_year(fiscal_year)
    if cal.weekday is not None:
        ends = _week_quarter_ends(cal, end_year)
        return ends[first - 1] + _DAY, ends[last]
    q_first = pd.Period(year=end_year, quarter=first, freq=cal.quarter_freq)
    q_last = q_first if last == first else pd.Period(year=end_year, quarter=last, freq=cal.quarter_freq)
    return q_first.start_time.date(), q_last.end_time.date()


def _month_bounds(fiscal_year: int, month: int, cal: FiscalCalendar) -> tuple[date, date]:
    if cal.weekday is not None:
        raise PeriodFormatError(f"{cal!r} has weeks, not calendar months", MONTH_KINDS[month - 1])
    start, end = cal.year_bounds(fiscal_year)
    year = start.year if month >= start.month else end.year
    return date(year, month, 1), date(year, month, _last_day(year, month))


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


