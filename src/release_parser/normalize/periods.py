"""Fiscal periods read from text: ``"2Q04"`` -> 2004-07-01..2004-09-30.

A release names its periods in its company's fiscal calendar. Internet
Initiative Japan (IIJ), for instance, ends its fiscal year on March 31 and
names the year by the calendar year it *starts* in, so its ``2Q04`` is
2004-07-01..2004-09-30. Many companies name the year by the year it *ends*
in, which is also what pandas does (``pd.Period(year=2005, freq="Y-MAR")`` is
2004-04-01..2005-03-31). :class:`FiscalCalendar` holds both facts, and
:class:`FiscalPeriod` is one quarter, half, year or cumulative span of it.

The calendar and period types live in :mod:`.fiscal`; their dates come from
pandas' fiscal periods (``Q-MAR``, ``Y-MAR``), or for 52/53-week years (Apple,
NVIDIA, retailers) from pandas' ``FY5253``/``FY5253Quarter`` offsets.

Public functions:

- :func:`parse_period` / :func:`try_parse_period`: one whole string is one period.
- :func:`find_periods`: every period mentioned in free text, with spans.
- :func:`infer_calendar`: the fiscal calendar a whole document uses.
- :func:`calendar_from_year_end`: the calendar whose fiscal year ends on a given day.
- :func:`format_period`: write a period in one of :data:`NOTATIONS`.

Every notation accepted is listed, with examples, in ``docs/notations-periods.md``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal, TypeVar

from ..errors import PeriodFormatError
from .fiscal import (
    TWO_DIGIT_YEAR_PIVOT,
    FiscalCalendar,
    FiscalPeriod,
    _last_day,
    _period_bounds,
    _year_token,
    calendar_from_year_end,
    resolve_two_digit_year,
)
from ._period_patterns import (
    COUNT_TITLES,
    DATE_PARTS,
    FIND_PERIOD,
    FIND_NOTATIONS,
    FY_MENTION,
    JA_FIRST_HALF,
    KIND_QUARTERS,
    MONTH_COUNT_WORDS,
    MONTH_NAMES,
    MONTH_TITLES,
    NOTATION_PATTERNS,
    NOTATIONS,
    ORDINAL_TITLES,
    ORDINAL_WORDS,
    PERIOD_END_STATEMENT,
    PERIOD_KINDS,
    RANGE_PREFERENCE,
    SPAN_UNIT_MONTHS,
    WEEK_COUNT_WORDS,
    WEEKS_MONTHS,
    WHITESPACE,
    YEAR_END_STATEMENT,
    YTD_KINDS,
    FoldedText,
    fold,
    match_groups,
)

__all__ = [
    "FiscalCalendar",
    "FiscalPeriod",
    "PERIOD_KINDS",
    "NOTATIONS",
    "TWO_DIGIT_YEAR_PIVOT",
    "MAX_PERIOD_CHARS",
    "parse_period",
    "try_parse_period",
    "find_periods",
    "PeriodScan",
    "infer_calendar",
    "calendar_from_year_end",
    "format_period",
    "resolve_two_digit_year",
]

logger = logging.getLogger(__name__)

#: Longest string :func:`parse_period` looks at (after trimming and collapsing
#: white space); anything longer is rejected without matching.
MAX_PERIOD_CHARS = 160

#: Inputs longer than this are refused before any normalization work.
_MAX_RAW_CHARS = 10_000


# --------------------------------------------------------------------------
# Text preparation
# --------------------------------------------------------------------------


def _clean(text: str) -> str:
    """NFKC, trimmed, white space collapsed to single spaces, lowercased; bounded length."""
    if len(text) > _MAX_RAW_CHARS:
        raise PeriodFormatError(f"not a fiscal period: {len(text)} characters is too long", text[:80])
    cleaned = fold(WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip())
    if not cleaned:
        raise PeriodFormatError("not a fiscal period: empty text", text)
    if len(cleaned) > MAX_PERIOD_CHARS:
        raise PeriodFormatError(
            f"not a fiscal period: {len(cleaned)} characters is longer than {MAX_PERIOD_CHARS}", text[:80]
        )
    return cleaned


# --------------------------------------------------------------------------
# Resolving a notation match
# --------------------------------------------------------------------------


class _NoYearError(PeriodFormatError):
    """A period without a year, and no ``fiscal_year`` to complete it."""


@dataclass(frozen=True)
class _Date:
    year: int | None
    month: int
    day: int | None


def _parse_date(text: str, source: str) -> _Date:
    match = DATE_PARTS.fullmatch(text)
    if match is None:  # pragma: no cover - the notation regexes only capture dates
        raise PeriodFormatError(f"not a date: {text!r}", source)
    g = match_groups(match)
    year: int | None
    day: int | None
    if "iyear" in g:
        year, month, day = int(g["iyear"]), int(g["imon"]), int(g["iday"])
    else:
        month = MONTH_NAMES[g["mon"].lower()]  # "mon2" etc. arrive without their suffix
        year = int(g["year"]) if "year" in g else None
        day = int(g["day"]) if "day" in g else None
    if not 1 <= month <= 12:
        raise PeriodFormatError(f"{source!r}: no month {month} in {text!r}", source)
    if day is not None and not 1 <= day <= _last_day(year or 2000, month):
        raise PeriodFormatError(f"{source!r}: no day {day} in month {month} of {text!r}", source)
    return _Date(year, month, day)


def _month_end(parts: _Date, source: str, what: str) -> date:
    """The date of a period end; a stated day must be the month's last."""
    assert parts.year is not None
    last = _last_day(parts.year, parts.month)
    if parts.day is not None and parts.day != last:
        raise PeriodFormatError(
            f"{source!r}: {what} {parts.year}-{parts.month:02d}-{parts.day:02d} is not a month end"
            " (a 52/53-week year needs a calendar with weekday=)",
            source,
        )
    return date(parts.year, parts.month, last)


def _quarter_end(parts: _Date, cal: FiscalCalendar, source: str) -> tuple[int, int]:
    """(fiscal year, quarter 1-4) of the quarter ending on a stated date.

    Month-end calendars need the month's last day (or no day) and a quarter-end
    month. 52/53-week calendars need one of their quarter ends; a date without
    a day stands for the quarter end within a week of that month's end.
    """
    assert parts.year is not None
    if not cal.is_week_based:
        end = _month_end(parts, source, "period end")
        year = cal.fiscal_year_of(end)
        first = cal.year_bounds(year)[0]
        months_in = (end.year - first.year) * 12 + end.month - first.month + 1
        if months_in % 3:
            raise PeriodFormatError(f"{source!r}: {end} ends no quarter of this calendar", source)
        return year, months_in // 3
    if parts.day is not None:
        end = date(parts.year, parts.month, parts.day)
        year = cal.fiscal_year_of(end)
        ends = cal.quarter_ends(year)
        if end not in ends:
            raise PeriodFormatError(
                f"{source!r}: {end} ends no quarter of this calendar (FY{year}'s quarters end"
                f" {', '.join(str(e) for e in ends)})",
                source,
            )
        return year, ends.index(end) + 1
    month_end = date(parts.year, parts.month, _last_day(parts.year, parts.month))
    year = cal.fiscal_year_of(month_end)
    near = [
        (abs((end - month_end).days), fy, n + 1)
        for fy in (year - 1, year, year + 1)
        for n, end in enumerate(cal.quarter_ends(fy))
    ]
    gap, fiscal_year, quarter = min(near)
    if gap > 7:
        raise PeriodFormatError(f"{source!r}: no quarter of this calendar ends near {month_end}", source)
    return fiscal_year, quarter


def _kind_ending(months_in: int, length: int, source: str) -> str:
    """Kind of the period of ``length`` months ending ``months_in`` months into the year."""
    if length == 3:
        return f"Q{months_in // 3}"
    if length == 6 and months_in in (6, 12):
        return "H1" if months_in == 6 else "H2"
    if length == 9 and months_in == 9:
        return "9M"
    if length == 12 and months_in == 12:
        return "FY"
    raise PeriodFormatError(
        f"{source!r}: {length} months ending {months_in} months into the fiscal year are no fiscal period"
        " of this calendar",
        source,
    )


def _stated_kind(g: Mapping[str, str]) -> str | None:
    """The kind named by the period words of a match, if any."""
    if "qn" in g:
        return f"Q{g['qn']}"
    if "hn" in g:
        return f"H{g['hn']}"
    if "mn" in g:
        return "FY" if g["mn"] == "12" else f"{g['mn']}M"
    if "ord" in g:
        number = ORDINAL_WORDS[g["ord"].lower()]
        unit = g["unit"].lower()
        if g["ord"].lower() in ("former", "latter") and not unit.startswith("half"):
            raise PeriodFormatError(f"{g['ord']} names a half, not a {unit}", g["ord"] + " " + unit)
        if unit.startswith("half"):
            if number > 2:
                raise PeriodFormatError(f"there is no {g['ord']} half", g["ord"] + " " + unit)
            return f"H{number}"
        return f"Q{number}"
    if "first" in g:
        return {3: "Q1", 6: "H1", 9: "9M"}[MONTH_COUNT_WORDS[g["first"].lower()]]
    return None


def _year_from_year_end(text: str, cal: FiscalCalendar, source: str) -> int:
    return _year_from_end_parts(_parse_date(text, source), cal, source)


def _year_from_end_parts(parts: _Date, cal: FiscalCalendar, source: str) -> int:
    """The fiscal year ending on a stated date (or in a stated month)."""
    assert parts.year is not None
    if cal.is_week_based and parts.day is not None:
        day = date(parts.year, parts.month, parts.day)
        year = cal.fiscal_year_of(day)
        last = cal.year_bounds(year)[1]
        if day != last:
            nearest = min((cal.year_bounds(year - 1)[1], last), key=lambda end: abs((end - day).days))
            raise PeriodFormatError(
                f"{source!r}: {day} ends no fiscal year of this calendar (the nearest year end is {nearest})", source
            )
        return year
    if parts.month != cal.year_end_month:
        raise PeriodFormatError(
            f"{source!r} puts the fiscal year end in {MONTH_TITLES[parts.month - 1]},"
            f" the calendar in {MONTH_TITLES[cal.year_end_month - 1]}",
            source,
        )
    if cal.is_week_based:
        return cal.from_end_year(parts.year)
    return cal.fiscal_year_of(_month_end(parts, source, "fiscal year end"))


def _resolve_slash(g: Mapping[str, str], cal: FiscalCalendar, source: str) -> FiscalPeriod:
    """``FY2005/3`` / ``FY3/2005`` (year ending March 2005) or ``FY2004/05`` (spanning 2004-05)."""
    if "sm" in g:
        readings = [("month", int(g["sm"]), int(g["sy"]))]
    else:
        first, second = int(g["sa"]), g["sb"]
        readings = []
        if len(second) == 4 and int(second) == first + 1 or len(second) == 2 and int(second) == (first + 1) % 100:
            readings.append(("span", cal.year_end_month, first + 1))
        if len(second) <= 2 and 1 <= int(second) <= 12:
            readings.append(("month", int(second), first))
    fitting = [(how, end_year) for how, month, end_year in readings if month == cal.year_end_month]
    if cal.year_end_month == 12:
        fitting = [(how, end_year) for how, end_year in fitting if how == "month"]
    if not fitting:
        raise PeriodFormatError(f"{source!r} names no fiscal year of a calendar ending in month {cal.year_end_month}", source)
    if len(fitting) > 1:
        raise PeriodFormatError(f"{source!r} is ambiguous: a year ending in month {cal.year_end_month} or a span", source)
    return FiscalPeriod.from_parts(cal.from_end_year(fitting[0][1]), "FY", cal)


def _resolve_range(g: Mapping[str, str], cal: FiscalCalendar, source: str) -> FiscalPeriod:
    last = _parse_date(g["rend"], source)
    first = _parse_date(g["rstart"], source)
    assert last.year is not None and last.day is not None and first.day is not None
    end = date(last.year, last.month, last.day)
    if first.year is None:
        year = last.year if (first.month, first.day) <= (last.month, last.day) else last.year - 1
    else:
        year = first.year
    if first.day > _last_day(year, first.month):
        raise PeriodFormatError(f"{source!r}: no day {first.day} in month {first.month} of {year}", source)
    start = date(year, first.month, first.day)
    fiscal_year = cal.fiscal_year_of(end)
    for kind in RANGE_PREFERENCE:
        if _period_bounds(fiscal_year, kind, cal) == (start, end):
            return FiscalPeriod.from_parts(fiscal_year, kind, cal)
    raise PeriodFormatError(
        f"{source!r}: {start}..{end} is no quarter, half, nine months or year of this calendar", source
    )


def _resolve(
    g: Mapping[str, str],
    cal: FiscalCalendar,
    reference_year: int | None,
    fiscal_year: int | None,
    source: str,
    as_of: FiscalPeriod | None = None,
) -> FiscalPeriod:
    """Turn the groups of one notation match into a period (or raise)."""
    if "sa" in g or "sm" in g:
        return _resolve_slash(g, cal, source)
    if "rend" in g:
        return _resolve_range(g, cal, source)
    if "ytd" in g:
        return _resolve_ytd(g, cal, reference_year, fiscal_year, as_of, source)
    if "jy" in g:
        year_end = _Date(int(g["jy"]), int(g["jm"]), None)
        if not 1 <= year_end.month <= 12:
            raise PeriodFormatError(f"{source!r}: no month {year_end.month}", source)
        return FiscalPeriod.from_parts(_year_from_end_parts(year_end, cal, source), _japanese_kind(g), cal)
    kind = _stated_kind(g)
    if "pend" in g:
        return _resolve_ended(g, kind, cal, source)
    if "yfy" in g:
        kind = "FY"
    if "yearend" in g:
        year = _year_from_year_end(g["yearend"], cal, source)
    elif "year" in g:
        year = _year_token(g["year"], reference_year)
    else:
        year = _context_year(fiscal_year, as_of, source)
    if any(key in g for key in ("jcum", "jhalf", "jfy")):
        kind = _japanese_kind(g)
    return FiscalPeriod.from_parts(year, kind or "FY", cal)


def _context_year(fiscal_year: int | None, as_of: FiscalPeriod | None, source: str) -> int:
    """The fiscal year of yearless text: ``fiscal_year``, else that of ``as_of``."""
    if fiscal_year is not None:
        return fiscal_year
    if as_of is not None:
        return as_of.fiscal_year
    raise _NoYearError(f"{source!r} names no fiscal year: pass fiscal_year= for the context", source)


def _japanese_kind(g: Mapping[str, str]) -> str:
    """Kind of a Japanese label: 第N四半期 (QN), 第N四半期累計 (N quarters so far), 上期/下期, 通期."""
    if "qn" in g:
        quarter = int(g["qn"])
        return YTD_KINDS[quarter] if "jcum" in g else f"Q{quarter}"
    if "jhalf" in g:
        return "H1" if g["jhalf"] in JA_FIRST_HALF else "H2"
    return "FY"


def _resolve_ytd(
    g: Mapping[str, str],
    cal: FiscalCalendar,
    reference_year: int | None,
    fiscal_year: int | None,
    as_of: FiscalPeriod | None,
    source: str,
) -> FiscalPeriod:
    """``YTD Q3`` (9M), ``Year-to-Q4`` (FY); a bare ``YTD`` runs through the quarter ``as_of`` ends."""
    if "qn" in g:
        quarter = int(g["qn"])
    elif as_of is not None:
        quarter = KIND_QUARTERS[as_of.fiscal_period][1]
    else:
        raise _NoYearError(f"{source!r} names no quarter: pass as_of= (the period the release reports)", source)
    year = _year_token(g["year"], reference_year) if "year" in g else _context_year(fiscal_year, as_of, source)
    return FiscalPeriod.from_parts(year, YTD_KINDS[quarter], cal)


def _resolve_ended(g: Mapping[str, str], kind: str | None, cal: FiscalCalendar, source: str) -> FiscalPeriod:
    """``three months ended <date>``, ``thirteen weeks ended <date>``, ``year ended <date>``, ..."""
    weeks = WEEK_COUNT_WORDS[g["weeks"]] if "weeks" in g else None
    if weeks is not None and not cal.is_week_based:
        raise PeriodFormatError(f"{source!r}: a period in weeks needs a 52/53-week calendar (weekday=)", source)
    if weeks is not None:
        length = WEEKS_MONTHS[weeks]
    elif "span" in g:
        length = MONTH_COUNT_WORDS[g["span"]]
    elif "spanu" in g:
        length = SPAN_UNIT_MONTHS[g["spanu"].split()[0].split("-")[0]]
    else:
        assert kind is not None
        length = {"Q": 3, "H": 6}.get(kind[0], 9)
    if length == 12:  # "year ended March 31, 2005": a year-end date
        period = FiscalPeriod.from_parts(_year_from_year_end(g["pend"], cal, source), "FY", cal)
    else:
        year, quarter = _quarter_end(_parse_date(g["pend"], source), cal, source)
        if "first" in g and 3 * quarter != length:
            raise PeriodFormatError(
                f"{source!r}: the first {length} months of a fiscal year end {length} months into it", source
            )
        found = _kind_ending(3 * quarter, length, source)
        if kind is not None and kind != found:
            raise PeriodFormatError(f"{source!r} names {kind}, but its date ends {found}", source)
        period = FiscalPeriod.from_parts(year, found, cal)
    if weeks is not None and (period.end - period.start).days + 1 != 7 * weeks:
        raise PeriodFormatError(
            f"{source!r}: {period.label} ({period.start}..{period.end}) is {((period.end - period.start).days + 1) / 7:g}"
            f" weeks, not {weeks}",
            source,
        )
    return period


# --------------------------------------------------------------------------
# Public parsing API
# --------------------------------------------------------------------------


def parse_period(
    text: str,
    calendar: FiscalCalendar | None = None,
    *,
    reference_year: int | None = None,
    fiscal_year: int | None = None,
    as_of: FiscalPeriod | None = None,
) -> FiscalPeriod:
    """Parse one fiscal period; the whole string must be the period.

    Matching ignores case and surrounding white space, and reads the text
    under NFKC (full-width ``２Ｑ０４`` is ``2Q04``). Every notation is listed
    in ``docs/notations-periods.md``.

    Parameters
    ----------
    text : str
        ``"2Q04"``, ``"Q2 FY2004"``, ``"First Half of FY2004"``,
        ``"six months ended September 30, 2010"``, ...
    calendar : FiscalCalendar, optional
        Defaults to ``FiscalCalendar()`` (March year end, named by end year).
    reference_year : int, optional
        Calendar year the release was published in; two-digit years take the
        century closest to it. Without it, 00-69 are 20xx and 70-99 are 19xx.
    fiscal_year : int, optional
        Fiscal year (calendar's naming) for text that names none, such as
        ``"first quarter"``, ``"2Q"`` or ``"FY"``. A year in the text wins.
    as_of : FiscalPeriod, optional
        The period the document reports (say its quarter). A bare ``"YTD"`` or
        ``"year to date"`` runs from the start of its fiscal year through its
        last quarter; yearless text takes its fiscal year when ``fiscal_year``
        is not given.

    Returns
    -------
    FiscalPeriod

    Raises
    ------
    PeriodFormatError
        If the text is no period in a known notation; names no year and no
        ``fiscal_year`` is given; states dates that are not a quarter, half,
        nine months or year of ``calendar``; or states a fiscal-year end in a
        month other than ``calendar.year_end_month`` (the calendar is not
        overridden by the text).
    TypeError
        If ``text`` is not a string.

    Examples
    --------
    >>> iij = FiscalCalendar(3, "start")
    >>> p = parse_period("2Q04", iij)
    >>> p.fiscal_year, p.fiscal_period, p.start, p.end
    (2004, 'Q2', datetime.date(2004, 7, 1), datetime.date(2004, 9, 30))
    >>> parse_period("First Half of FY2004", iij).label
    '1H04'
    >>> p = parse_period("first six months of the fiscal year ending March 31, 2011", iij)
    >>> p.label, p.start, p.end
    ('1H10', datetime.date(2010, 4, 1), datetime.date(2010, 9, 30))
    >>> parse_period("nine months ended December 31, 2010", FiscalCalendar(3, "end")).label
    '9M11'
    >>> parse_period("99", iij)
    Traceback (most recent call last):
    ...
    release_parser.errors.PeriodFormatError: not a fiscal period: '99'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_period() needs a str, not {type(text).__name__}")
    cal = calendar if calendar is not None else FiscalCalendar()
    cleaned = _clean(text)
    first_error: PeriodFormatError | None = None
    for pattern in NOTATION_PATTERNS.values():
        match = pattern.fullmatch(cleaned)
        if match is None:
            continue
        try:
            return _resolve(match_groups(match), cal, reference_year, fiscal_year, text, as_of)
        except PeriodFormatError as error:
            first_error = first_error or error
    if first_error is not None:
        raise first_error
    raise PeriodFormatError(f"not a fiscal period: {text!r}", text)


def try_parse_period(
    text: object,
    calendar: FiscalCalendar | None = None,
    *,
    reference_year: int | None = None,
    fiscal_year: int | None = None,
    as_of: FiscalPeriod | None = None,
) -> FiscalPeriod | None:
    """Like :func:`parse_period`, but ``None`` where that raises (and for non-strings).

    Examples
    --------
    >>> try_parse_period("YoY % Change") is None
    True
    >>> try_parse_period("1Q04", FiscalCalendar(3, "start")).end
    datetime.date(2004, 6, 30)
    """
    if not isinstance(text, str):
        return None
    try:
        return parse_period(text, calendar, reference_year=reference_year, fiscal_year=fiscal_year, as_of=as_of)
    except PeriodFormatError:
        return None


def find_periods(
    text: str,
    calendar: FiscalCalendar | None = None,
    *,
    reference_year: int | None = None,
    fiscal_year: int | None = None,
    errors: Literal["ignore", "raise"] = "ignore",
    as_of: FiscalPeriod | None = None,
) -> list[tuple[int, int, FiscalPeriod]]:
    """Every period mentioned in free text, with its character span.

    Scans left to right; at each place a notation starts, the longest
    notation match that resolves is taken (leftmost-longest), so matches do
    not overlap. A period is never found inside a word or a number
    (``12Q045`` holds none), but may be followed by punctuation
    (``FY2004's``).

    Parameters
    ----------
    text : str
    calendar : FiscalCalendar, optional
        Defaults to ``FiscalCalendar()``.
    reference_year : int, optional
        As in :func:`parse_period`.
    fiscal_year : int, optional
        Context year for yearless mentions (``first half``, ``2Q``). Without
        it such mentions are not reported.
    errors : {"ignore", "raise"}, default "ignore"
        What to do with a mention in a known notation that does not fit the
        calendar (``year ended December 31, 2010`` in a March calendar):
        skip it (logged at DEBUG level) or raise its PeriodFormatError.
    as_of : FiscalPeriod, optional
        As in :func:`parse_period` (context for ``YTD`` and yearless mentions).

    Returns
    -------
    list of (start, end, FiscalPeriod)
        ``text[start:end]`` is the mention, in order of appearance.

    Examples
    --------
    >>> iij = FiscalCalendar(3, "start")
    >>> text = "an operating loss of JPY 830 million in 2Q03 and JPY 100 million in 1Q04"
    >>> [(s, e, p.label) for s, e, p in find_periods(text, iij)]
    [(40, 44, '2Q03'), (68, 72, '1Q04')]
    >>> [p.label for _, _, p in find_periods("[1Q04 - 95.6Gbps, 2q04 104.9Gbps]", iij)]
    ['1Q04', '2Q04']
    >>> [p.label for _, _, p in find_periods("12Q045 and FY2004's", iij)]
    ['FY2004']
    """
    return PeriodScan(text).periods(calendar, reference_year=reference_year, fiscal_year=fiscal_year, errors=errors, as_of=as_of)


class PeriodScan:
    """A text scanned for period notations once, then read under any number of calendars.

    Where a notation may start, and which notations match there, does not depend on the
    calendar; only whether a match resolves does. :meth:`periods` gives what
    :func:`find_periods` gives, and reading a release under every candidate calendar
    costs one scan of its text, not one per calendar.

    Examples
    --------
    >>> scan = PeriodScan("2Q04 revenue rose; FY2004 outlook")
    >>> [p.label for _, _, p in scan.periods(FiscalCalendar(3, "start"))]
    ['2Q04', 'FY2004']
    >>> [p.end.isoformat() for _, _, p in scan.periods(FiscalCalendar(12))]
    ['2004-06-30', '2004-12-31']
    """

    def __init__(self, text: str) -> None:
        self._folded = FoldedText(text)
        self._next_hit: dict[int, int | None] = {}  # from a position: where the next notation may start
        self._notations: dict[int, list[re.Match[str]]] = {}  # at a position: its matches, longest first

    def periods(
        self,
        calendar: FiscalCalendar | None = None,
        *,
        reference_year: int | None = None,
        fiscal_year: int | None = None,
        errors: Literal["ignore", "raise"] = "ignore",
        as_of: FiscalPeriod | None = None,
    ) -> list[tuple[int, int, FiscalPeriod]]:
        """Every period of the text under ``calendar``; parameters as for :func:`find_periods`."""
        if errors not in ("ignore", "raise"):
            raise ValueError(f"errors must be 'ignore' or 'raise', not {errors!r}")
        cal = calendar if calendar is not None else FiscalCalendar()
        norm = self._folded
        found: list[tuple[int, int, FiscalPeriod]] = []
        at = self._hit_from(0)
        while at is not None:
            best = self._longest_at(at, cal, reference_year, fiscal_year, errors, as_of)
            if best is None:
                at = self._hit_from(at + 1)
                continue
            end, period = best
            found.append((norm.to_original(at, is_end=False), norm.to_original(end, is_end=True), period))
            at = self._hit_from(end)
        return found

    def _hit_from(self, position: int) -> int | None:
        if position not in self._next_hit:
            hit = FIND_PERIOD.search(self._folded.text, position)
            self._next_hit[position] = hit.start() if hit is not None else None
        return self._next_hit[position]

    def _matches_at(self, at: int) -> list[re.Match[str]]:
        if at not in self._notations:
            text = self._folded.text
            matches = [m for pattern in FIND_NOTATIONS.values() if (m := pattern.match(text, at)) is not None and m.end() > at]
            matches.sort(key=lambda m: m.end(), reverse=True)
            self._notations[at] = matches
        return self._notations[at]

    def _longest_at(
        self,
        at: int,
        cal: FiscalCalendar,
        reference_year: int | None,
        fiscal_year: int | None,
        errors: str,
        as_of: FiscalPeriod | None,
    ) -> tuple[int, FiscalPeriod] | None:
        """The longest notation match at ``at`` that resolves, as (end, period)."""
        for match in self._matches_at(at):
            try:
                return match.end(), _resolve(match_groups(match), cal, reference_year, fiscal_year, match.group(), as_of)
            except PeriodFormatError as error:
                if errors == "raise" and not isinstance(error, _NoYearError):
                    raise
                logger.debug("skipped period mention %r at %d: %s", match.group(), at, error)
        return None


# --------------------------------------------------------------------------
# Calendar inference
# --------------------------------------------------------------------------


def infer_calendar(text: str) -> FiscalCalendar | None:
    """The fiscal calendar a whole document uses, or ``None`` if it never says.

    1. Every year-end statement (``Year Ending March 31, 2005``, ``fiscal year
       ended March 31, 2005``, ``for the years ended December 31, 2010``,
       ``Twelve Months Ended January 26, 2025``, ``52 weeks ended ...``) votes
       for the month its year ends in; the most frequent month wins (ties:
       the first stated). A day in the last seven days of a month that is not
       its last day (``January 26, 2025``) is a 52/53-week year ending on that
       weekday of that month; a day among the first three of a month
       (``February 1, 2025``) is one ending on the weekday *nearest* the end
       of the month before. Other days do not vote.
    2. If any vote for the winning month is a 52/53-week year end, the
       calendar is one: the weekday stated most often, ``variation="nearest"``
       if any such date falls in the next month, else ``"last"``. Its 53rd
       week goes to the quarter (1-4) under which most quarter statements of
       the document (``Three Months Ended April 1, 2023``) end on a quarter end;
       ties and no evidence give 4.
    3. The document's year ends in the end year stated most often for that
       month (ties: the first stated), say 2005.
    4. Fiscal-year labels (``FY2004``, ``FY04``, ``fiscal 2004``, ``2Q04``,
       ``1H04``, ``Q2 2004``) are counted: more mentions of 2004 (end year
       - 1) than of 2005 mean the year is named by its start (IIJ); more
       mentions of 2005, or none of either, by its end. On a tie, mentions
       of 2003 (start naming's previous year) against 2006 (end naming's
       next year) decide, and then "end". A December year end is always
       ``naming="end"`` (both namings agree).

    Quarter statements alone (``Three Months Ended April 1, 2023``) never
    decide a calendar: without a year-end statement the result is ``None``.
    Regexes run once over the text (linear time); no loop per line.

    Examples
    --------
    >>> infer_calendar("Second Quarter Results for the Year Ending March 31, 2005 ... "
    ...                "statements regarding FY2004 operating and net profitability")
    FiscalCalendar(year_end_month=3, naming='start')
    >>> infer_calendar("Results for the fiscal year ended March 31, 2005: FY2005 revenue rose")
    FiscalCalendar(year_end_month=3, naming='end')
    >>> infer_calendar("for the year ending December 31, 2010")
    FiscalCalendar(year_end_month=12, naming='end')
    >>> infer_calendar("Revenue for fiscal 2025 ... Twelve Months Ended January 26, 2025")
    FiscalCalendar(year_end_month=1, naming='end', weekday='SUN', variation='last', extra_week_quarter=4)
    >>> infer_calendar("Revenue rose in 2Q04") is None
    True
    """
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = fold(text)
    statements: list[tuple[int, int, str | None, bool]] = []  # (month, end year, weekday, nearest), in order
    for match in YEAR_END_STATEMENT.finditer(text):
        g = match_groups(match)
        stated = [(g["mon"], g["year"], g.get("day"))]
        if "amon" in g:
            stated.append((g["amon"], g["ayear"], g["aday"]))
        for mon, year, day in stated:
            statement = _year_end_vote(MONTH_NAMES[mon.lower()], int(year), int(day) if day else None)
            if statement is not None:
                statements.append(statement)
    if not statements:
        return None
    month = _most_common_first([m for m, _, _, _ in statements])
    votes = [vote for vote in statements if vote[0] == month]
    end_year = _most_common_first([y for _, y, _, _ in votes])
    weekdays = [weekday for _, _, weekday, _ in votes if weekday is not None]
    if month == 12 and not weekdays:
        return FiscalCalendar(12, "end")
    if month == 12:
        naming: Literal["start", "end"] = "end"
    else:
        naming = _naming_from_labels(text, end_year)
    if not weekdays:
        return FiscalCalendar(month, naming)
    weekday = _most_common_first(weekdays)
    nearest = any(near for _, _, day, near in votes if day == weekday)
    calendar = FiscalCalendar(month, naming, weekday, "nearest" if nearest else "last")
    return _with_extra_week_quarter(calendar, text)


def _year_end_vote(month: int, year: int, day: int | None) -> tuple[int, int, str | None, bool] | None:
    """(month, end year, weekday, nearest) of a stated fiscal-year end; None for a day no year ends on."""
    if day is None:
        return month, year, None, False
    last = _last_day(year, month)
    if not 1 <= day <= last:
        return None
    if day == last:
        return month, year, None, False
    stated = date(year, month, day)
    try:
        calendar = calendar_from_year_end(stated)
    except PeriodFormatError:
        return None
    anchor_year = year - 1 if calendar.year_end_month > month else year
    return calendar.year_end_month, anchor_year, calendar.weekday, calendar.variation == "nearest"


def _naming_from_labels(text: str, end_year: int) -> Literal["start", "end"]:
    """"start" when fiscal-year labels name the year ending in ``end_year`` by its start year."""
    mentions: Counter[int] = Counter()
    for match in FY_MENTION.finditer(text):
        y4, y2 = match.group("y4"), match.group("y2")
        mentions[int(y4) if y4 else resolve_two_digit_year(int(y2), end_year)] += 1
    start_votes, end_votes = mentions[end_year - 1], mentions[end_year]
    if start_votes == end_votes:
        start_votes, end_votes = mentions[end_year - 2], mentions[end_year + 1]
    return "start" if start_votes > end_votes else "end"


def _with_extra_week_quarter(calendar: FiscalCalendar, text: str) -> FiscalCalendar:
    """``calendar`` with the extra-week quarter under which most stated quarter-end dates are quarter ends."""
    stated: list[date] = []
    for match in PERIOD_END_STATEMENT.finditer(text):
        g = match_groups(match)
        month, year, day = MONTH_NAMES[g["mon"].lower()], int(g["year"]), int(g["day"])
        if 1 <= day <= _last_day(year, month):
            stated.append(date(year, month, day))
        if len(stated) >= 200:
            break
    if not stated:
        return calendar
    best, best_hits = calendar, -1
    for quarter in (4, 1, 2, 3):
        candidate = replace(calendar, extra_week_quarter=quarter)
        hits = sum(day in candidate.quarter_ends(candidate.fiscal_year_of(day)) for day in set(stated))
        if hits > best_hits:
            best, best_hits = candidate, hits
    return best
_T = TypeVar("_T", int, str)


def _most_common_first(values: list[_T]) -> _T:
    """Most frequent value; on a tie, the one seen first."""
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def format_period(period: FiscalPeriod, notation: str = "short") -> str:
    """Write ``period`` in one of :data:`NOTATIONS`; :func:`parse_period` reads it back.

    Notations ``words``, ``words_fiscal``, ``ended``, ``year_ending`` and
    ``range`` write ``3M``/``6M`` exactly as Q1/H1, so those read back as
    ``period.canonical()``.

    Raises
    ------
    ValueError
        For an unknown notation, or one with no form for the period's kind
        (``half_fy`` writes halves only).

    Examples
    --------
    >>> q = parse_period("2Q04", FiscalCalendar(3, "start"))
    >>> [format_period(q, n) for n in ("short", "q_fy", "nq_fy", "fy2", "words")]
    ['2Q04', 'Q2 FY2004', '2Q FY2004', 'FY04 Q2', 'Second Quarter of FY2004']
    >>> format_period(q, "ended")
    'three months ended September 30, 2004'
    >>> format_period(q, "year_ending")
    'Second Quarter of the Fiscal Year Ending March 31, 2005'
    >>> format_period(q, "range")
    'from July 1 to September 30, 2004'
    """
    templates = NOTATIONS.get(notation)
    if templates is None:
        raise ValueError(f"unknown notation {notation!r}; known: {', '.join(NOTATIONS)}")
    kind, canonical = period.fiscal_period, period.canonical().fiscal_period
    shape = "FY" if kind == "FY" else ("M" if kind.endswith("M") else kind[0])
    template = templates.get(shape, templates.get("*"))
    if template is None:
        raise ValueError(f"notation {notation!r} has no form for {kind}")
    first, last = period.start, period.end
    if canonical == "9M":
        phrase = "First Nine Months"
    elif canonical != "FY":
        phrase = f"{ORDINAL_TITLES[int(canonical[1]) - 1]} {'Quarter' if canonical[0] == 'Q' else 'Half'}"
    else:
        phrase = ""
    return template.format(
        label=period.label,
        label_lower=period.label.lower(),
        n=kind[0] if shape == "M" else kind[-1],
        yyyy=f"{period.fiscal_year:04d}",
        yy=f"{period.fiscal_year % 100:02d}",
        Phrase=phrase,
        phrase=phrase.lower(),
        count=COUNT_TITLES[period.months].lower(),
        end=_long_date(last),
        year_end=_long_date(period.calendar.year_bounds(period.fiscal_year)[1]),
        range_start=f"{MONTH_TITLES[first.month - 1]} {first.day}" + (f", {first.year}" if first.year != last.year else ""),
    )


def _long_date(day: date) -> str:
    return f"{MONTH_TITLES[day.month - 1]} {day.day}, {day.year}"
