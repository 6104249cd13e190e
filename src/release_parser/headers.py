"""Interpret table header labels: which period a column holds, and change columns.

A "YoY % Change" column measures the table's period against the same period a
year before; "QoQ % Change" against the period before; a bare "% change" or
"Change" compares the two period columns printed before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .errors import PeriodFormatError
from .model import Column
from .normalize.dates import MONTHS, find_dates
from .normalize.periods import FiscalCalendar, FiscalPeriod, find_periods
from .wording import QUARTER_ON_QUARTER, TARGET_WORDS, YEAR_ON_YEAR

__all__ = ["PeriodContext", "implied_base", "interpret_columns", "measure_of"]

_YOY = re.compile(rf"\b(?:{YEAR_ON_YEAR}|vs\.?\s+prior\s+year)\b", re.IGNORECASE)
_QOQ = re.compile(rf"\b{QUARTER_ON_QUARTER}\b", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:change|chg\.?|increase|decrease|growth|variance|diff(?:erence)?)\b|[+]\s*/?\s*\(?[-−]\)?|増減", re.IGNORECASE)
_PERCENT = re.compile(r"%|percent|\bpct\b|\brate\b", re.IGNORECASE)
_VERSUS = re.compile(r"\b(?:vs\.?|versus|compared\s+(?:to|with)|against|over)\b", re.IGNORECASE)
#: Words that make a dated header a span ending on its date, never a balance at that date.
_DURATION = re.compile(r"\b(?:months?|weeks?|quarters?|year|period|ended|ending|through|to\s+date|ytd)\b", re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)\b", re.IGNORECASE)
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_RANGE = re.compile(
    rf"\b(?P<first>{_MONTH_NAME})\.?\s*[-–~]\s*(?P<last>{_MONTH_NAME})\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^column_\d+$")  # a column printed without a header
_BARE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
_RANGE_KINDS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "FY")
_FULL_YEAR = re.compile(r"^\s*(?:full[- ]year|annual|fiscal\s+year|whole\s+year)\s*$", re.IGNORECASE)
_TARGET = re.compile(rf"\b{TARGET_WORDS}\b", re.IGNORECASE)
#: Labels of a column that holds the table's own period's figures, saying so only by its kind.
_IMPLIED_PERIOD = re.compile(r"^\s*(?:actual(?:\s+results?)?|results?|amounts?|value)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PeriodContext:
    """What the release tells about periods, for reading its headers."""

    calendar: FiscalCalendar
    reference_year: int | None = None
    default_period: FiscalPeriod | None = None  # from the table caption, else the release
    table_period: FiscalPeriod | None = None  # printed in the table's caption or over its labels
    calendar_known: bool = True  # False: only labels that print their dates get a period

    @property
    def fiscal_year(self) -> int | None:
        """The year that bare period words ("First Half", "Full Year") belong to."""
        period = self.table_period or self.default_period
        return period.fiscal_year if period is not None else None


def measure_of(label: str) -> str:
    """The measure a header names.

    Examples
    --------
    >>> measure_of("YoY % Change"), measure_of("QoQ % Change"), measure_of("% change"), measure_of("2Q04")
    ('yoy_pct', 'qoq_pct', 'pct_change', 'value')
    """
    is_change = bool(_CHANGE.search(label) or _YOY.search(label) or _QOQ.search(label))
    if not is_change:
        return "target" if _TARGET.search(label) else "value"
    suffix = "pct" if _PERCENT.search(label) else "change"
    if _YOY.search(label):
        return f"yoy_{suffix}"
    if _QOQ.search(label):
        return f"qoq_{suffix}"
    return "pct_change" if suffix == "pct" else "change"


def interpret_columns(labels: Sequence[str], context: PeriodContext) -> tuple[Column, ...]:
    """Columns with their periods, measures and base periods resolved."""
    measures = [measure_of(label) for label in labels]
    periods = [_period_in(label, context) if not _is_change(m) else None for label, m in zip(labels, measures)]
    # targets name the periods they aim at; only the figures' own columns make a table dated
    any_dated = any(p is not None for p, m in zip(periods, measures) if m == "value") or any(
        _date_in(label) for label in labels
    )
    sources: list[str | None] = ["header" if p is not None else None for p in periods]
    for index, (label, measure) in enumerate(zip(labels, measures)):
        implied = _IMPLIED_PERIOD.match(label) or (len(labels) == 1 and _PLACEHOLDER.match(label))
        if periods[index] is None and measure == "value" and not any_dated and implied and not _date_in(label):
            periods[index], sources[index] = _implied_period(context)
    # the table's own period: the first value column's; unknown when that column has none
    # but a later one has (a change column must not take a comparison column's period)
    first_value = next((p for p, m in zip(periods, measures) if not _is_change(m)), None)
    dated_later = any(p is not None for p in periods)
    primary = first_value if first_value is not None or dated_later else context.default_period
    first_source = next((src for src, m in zip(sources, measures) if not _is_change(m)), None)
    primary_source = first_source if first_value is not None else "release"
    columns = []
    group: list[FiscalPeriod] = []  # period columns since the last change column
    instants: list[date] = []  # balance-date columns since the last change column
    first_instant: date | None = None
    # a table of spans ending on dates ("Three Months Ended January 26, 2025") holds no balances:
    # a bare date there is a span whose words were lost above it, not a balance at that date
    spans_end = any(_DURATION.search(label) and _date_in(label) for label in labels)
    for label, measure, period, source in zip(labels, measures, periods, sources):
        compared = _compared_periods(label, context, primary) if measure == "value" else None
        if compared is not None:  # "2Q04 vs 2Q03", "4Q25 Over 3Q25": a change column naming what it compares
            measure = _refined_change("pct_change" if _PERCENT.search(label) else "change", *compared)
            columns.append(
                Column(label=label, period=compared[0], measure=measure, base_period=compared[1], period_source="header")
            )
            group = []
            continue
        if not _is_change(measure):
            dated = _date_in(label)
            as_of = dated if period is None and measure == "value" and not _DURATION.search(label) and not spans_end else None
            announced = dated if measure == "target" else None
            if period is None and as_of is None and measure == "target":
                period, source = _implied_period(context)
            columns.append(
                Column(label=label, period=period, measure=measure, as_of=as_of, announced=announced, period_source=source)
            )
            if period is not None:
                group.append(period)
            if as_of is not None:
                instants.append(as_of)
                first_instant = first_instant or as_of
            continue
        if not group and instants:  # "2025.12.31 | 2024.12.31 | Growth %": balances compared
            subject, base = (instants[0], instants[1]) if len(instants) >= 2 else (first_instant, instants[0])
            columns.append(_instant_change(label, measure, subject, base) if subject != base else Column(label=label, measure=measure))
            instants = []
            continue
        subject, base = _change_pair(measure, group, primary)
        measure = _refined_change(measure, subject, base)
        # a change of the table's own implied period carries where that period came from
        source = primary_source if len(group) < 2 and subject is primary else "header"
        columns.append(Column(label=label, period=subject, measure=measure, base_period=base, period_source=source))
        group, instants = [], []
    return tuple(columns)


def _instant_change(label: str, measure: str, subject: date, base: date) -> Column:
    """A change between two balance dates: of the first, against the second (a year apart: YoY)."""
    if measure in ("change", "pct_change") and (subject.month, subject.day, subject.year - 1) == (base.month, base.day, base.year):
        measure = "yoy_pct" if measure == "pct_change" else "yoy_change"
    return Column(label=label, measure=measure, as_of=subject, period_source="header")


def _implied_period(context: PeriodContext) -> tuple[FiscalPeriod | None, str | None]:
    """The period of a column that names none ("Actual Results", "Target Announced", a column
    without a header): the table caption's, else the release's."""
    if context.table_period is not None:
        return context.table_period, "caption"
    if context.default_period is not None and context.calendar_known:
        return context.default_period, "release"
    return None, None


def _compared_periods(
    label: str, context: PeriodContext, primary: FiscalPeriod | None
) -> tuple[FiscalPeriod, FiscalPeriod] | None:
    """(subject, base) of a header that compares: "2Q04 vs 2Q03"; "Over 3Q25" (its top row lost,
    or printed elsewhere) compares the table's first period with 3Q25."""
    versus = _VERSUS.search(label)
    if versus is None or (not context.calendar_known and not find_dates(label)):
        return None
    found = find_periods(label, context.calendar, reference_year=context.reference_year)
    if len(found) == 2:
        return found[0][2], found[1][2]
    if len(found) == 1 and found[0][0] >= versus.end() and primary is not None and primary != found[0][2]:
        return primary, found[0][2]
    return None


def _refined_change(measure: str, subject: FiscalPeriod | None, base: FiscalPeriod | None) -> str:
    """A change against the same period a year before is year on year; against the period just
    before, quarter on quarter ("Growth %" between 4Q25 and 3Q25 is a QoQ % change)."""
    if measure not in ("change", "pct_change") or subject is None or base is None:
        return measure
    suffix = "pct" if measure == "pct_change" else "change"
    if implied_base("yoy", subject) == base:
        return f"yoy_{suffix}"
    if implied_base("qoq", subject) == base:
        return f"qoq_{suffix}"
    return measure


def _is_change(measure: str) -> bool:
    return measure not in ("value", "target")


def _period_in(label: str, context: PeriodContext) -> FiscalPeriod | None:
    if not context.calendar_known and not find_dates(label):
        return None
    found = find_periods(label, context.calendar, reference_year=context.reference_year)
    part_of_year = _PART_OF_YEAR.search(label)
    if len(found) == 1 and found[0][2].fiscal_period == "FY" and part_of_year is not None:
        # "FY2004 First Half" (a year over its halves): the half, in that year
        part = find_periods(part_of_year.group(), context.calendar, fiscal_year=found[0][2].fiscal_year)
        return part[0][2] if part else found[0][2]
    if not found:
        ranged = _month_range_period(label, context.calendar)
        if ranged is not None:
            return ranged
        year = _BARE_YEAR.match(label)
        if year and context.calendar.year_end_month == 12 and not context.calendar.is_week_based:
            return FiscalPeriod.from_parts(int(year.group(1)), "FY", context.calendar)  # "2025" over a calendar year
    if not found and context.fiscal_year is not None:
        if _FULL_YEAR.match(label):
            return FiscalPeriod.from_parts(context.fiscal_year, "FY", context.calendar)
        found = find_periods(label, context.calendar, reference_year=context.reference_year, fiscal_year=context.fiscal_year)
    if len({period for _, _, period in found}) > 1:
        return None  # a header naming two periods (columns merged, or a header misread) dates nothing
    return found[-1][2] if found else None


def _month_range_period(label: str, calendar: FiscalCalendar) -> FiscalPeriod | None:
    """"April-September 2004", "Oct.-Dec. 2004": the calendar's period with exactly those months."""
    match = _MONTH_RANGE.search(label)
    if match is None:
        return None
    first = MONTHS[match.group("first").lower()]  # the pattern leaves "Oct." its dot outside the name
    last = MONTHS[match.group("last").lower()]
    end_year = int(match.group("year"))
    start = date(end_year - (1 if first > last else 0), first, 1)
    fiscal_year = calendar.fiscal_year_of(start)
    for kind in _RANGE_KINDS:
        period = FiscalPeriod.from_parts(fiscal_year, kind, calendar)
        if period.start == start and (period.end.year, period.end.month) == (end_year, last):
            return period
    return None


def _date_in(label: str) -> date | None:
    found = find_dates(label)
    return found[0][2] if len(found) == 1 else None


def implied_base(measure: str, period: FiscalPeriod) -> FiscalPeriod | None:
    """The period a YoY or QoQ ``measure`` of ``period`` compares with; None for other measures,
    or when there is none (nine months have no preceding nine-month period)."""
    try:
        if measure.startswith("yoy"):
            return period.previous_year()
        if measure.startswith("qoq"):
            return period.previous()
    except PeriodFormatError:
        return None
    return None


def _change_pair(
    measure: str, group: Sequence[FiscalPeriod], primary: FiscalPeriod | None
) -> tuple[FiscalPeriod | None, FiscalPeriod | None]:
    """The (subject, base) periods a change column compares; columns repeating a period
    ("2024 Reported | 2024 Adjusted") count as one period."""
    group = list(dict.fromkeys(group))
    if len(group) >= 2 and measure.startswith(("yoy", "qoq")):
        # "4Q25 | % | 3Q25 | % | QoQ %": the pair whose base is the subject's previous quarter (year)
        pair = next(((p, implied_base(measure, p)) for p in group if implied_base(measure, p) in group), None)
        if pair is not None:
            return pair
        return (primary, implied_base(measure, primary)) if primary is not None and primary in group else (None, None)
    if len(group) >= 2:
        return group[0], group[1]
    subject = primary
    if subject is None:
        return None, group[0] if group else None
    if measure.startswith(("yoy", "qoq")):
        return subject, implied_base(measure, subject)
    if group and group[0] != subject:
        return subject, group[0]
    return subject, None
