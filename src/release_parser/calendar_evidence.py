"""Which fiscal calendar a release uses, from what it prints; never a silent default.

Evidence, strongest first:

1. the calendar the caller gives;
2. a stated fiscal year end ("Year Ending March 31, 2005", "fiscal year ended July 31, 2024"),
   with the naming voted by the year labels beside it (:func:`infer_calendar`);
3. timing: a release reports periods that have just ended. Under the right calendar the
   periods it names most end shortly before its release date (or on the balance date it
   prints), and few end after it (guidance only). A calendar-year company's "4Q25" released
   on January 15, 2026 ends 2025-12-31 under a December year end, but in March 2026, after
   the release, under a March year end named by its start year.

When nothing decides, the result has no calendar and says why: the release's period labels
then stay undated rather than dated a year off.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import PeriodFormatError
from .normalize.dates import find_dates
from .normalize.periods import FiscalCalendar, FiscalPeriod, PeriodScan, calendar_from_year_end, find_periods, infer_calendar

__all__ = ["CalendarEvidence", "choose_calendar", "reported_period", "CANDIDATE_CALENDARS", "REPORTING_LAG_DAYS"]

#: A release comes out within this many days after the end of the period it reports.
REPORTING_LAG_DAYS = 100
#: How much of the document the timing evidence reads (the reported period is named early).
EVIDENCE_CHARS = 40_000
_EMPHASIS = re.compile(r"\*\*|__")  # bold marks a reader keeps around whole lines
_ENDS_A_SPAN = re.compile(r"\b(?:ended|ending|through|to)\s*$", re.IGNORECASE)
#: How many of its repeated dates a release is tried against as 52/53-week year ends.
MAX_WEEK_YEAR_ENDS = 4
#: A period named in the title counts as this many mentions.
TITLE_WEIGHT = 5

#: Calendars the timing evidence tries, most common first: the first that fits is taken.
CANDIDATE_CALENDARS: tuple[FiscalCalendar, ...] = (
    FiscalCalendar(12, "end"),
    *(FiscalCalendar(month, naming) for month in (3, 6, 9, 1, 2, 4, 5, 7, 8, 10, 11) for naming in ("end", "start")),
)


@dataclass(frozen=True)
class CalendarEvidence:
    """The calendar chosen (None when nothing decides) and what decided it."""

    calendar: FiscalCalendar | None
    source: str  # "given", "year end", "release date", "balance date" or "none"
    detail: str


@dataclass(frozen=True)
class _Mention:
    text: str
    weight: int


def choose_calendar(
    full_text: str,
    *,
    given: FiscalCalendar | None = None,
    published: date | None = None,
    title_phrases: Sequence[str] = (),
    column_headers: Sequence[str] = (),
) -> CalendarEvidence:
    """The fiscal calendar of a release, with the evidence for it. ``title_phrases`` are the
    title's period phrases ("second quarter of FY2004"): each weighs as several mentions.

    Examples
    --------
    >>> choose_calendar("4Q25 revenue rose; 4Q25 margin; 3Q25; 1Q26 guidance", published=date(2026, 1, 15)).calendar
    FiscalCalendar(year_end_month=12, naming='end')
    >>> choose_calendar("Results for the Year Ending March 31, 2005: FY2004").calendar
    FiscalCalendar(year_end_month=3, naming='start')
    >>> choose_calendar("Revenue rose in 2Q04").source
    'none'
    """
    if given is not None:
        return CalendarEvidence(given, "given", "passed by the caller")
    headers = "\n".join(column_headers)[:EVIDENCE_CHARS]
    # "**...for the Year**\n**Ending March 31, 2005**": a bold title wrapped over two lines
    stated = infer_calendar(_EMPHASIS.sub("", full_text[:2_000_000])) or infer_calendar(headers)
    if stated is not None:
        return CalendarEvidence(stated, "year end", "the fiscal year end the release states")
    text = f"{full_text[:EVIDENCE_CHARS]}\n{headers}"
    scan = PeriodScan(text)  # scanned once, read under every candidate calendar
    if published is not None:
        window = (published - timedelta(days=REPORTING_LAG_DAYS), published)
        chosen = _by_timing(text, scan, title_phrases, window, published.year)
        if chosen is not None:
            return CalendarEvidence(chosen, "release date", f"its periods end shortly before the release date {published}")
    balance = _balance_date(text)
    if balance is not None:
        chosen = _by_timing(text, scan, title_phrases, (balance, balance), balance.year)
        if chosen is not None:
            return CalendarEvidence(chosen, "balance date", f"its latest period ends on the date it prints, {balance}")
    why = "no fiscal year end is stated" + (
        " and no calendar makes its periods end shortly before its release date" if published else " and no release date is printed"
    )
    return CalendarEvidence(None, "none", why)


def _by_timing(
    text: str, scan: PeriodScan, title_phrases: Sequence[str], window: tuple[date, date], reference_year: int
) -> FiscalCalendar | None:
    """The first candidate calendar (most common first) under which some mention ends inside
    ``window`` and the mentions ending after it (guidance) weigh less than those ending before."""
    weeks = _week_candidates(text)
    mentions = _mentions(text, scan, title_phrases, reference_year, (*CANDIDATE_CALENDARS, *weeks))
    # a period printed as ending on a day that is no month end ("three months ended
    # August 1, 2021") is a 52/53-week year's: its calendars go first
    ends_off_month = any((day + timedelta(days=1)).day != 1 for m in mentions for _, _, day in find_dates(m.text))
    for calendar in (*weeks, *CANDIDATE_CALENDARS) if ends_off_month else (*CANDIDATE_CALENDARS, *weeks):
        inside = before = after = 0
        for mention in mentions:
            period = _period_of(mention.text, calendar, reference_year)
            if period is None:
                continue
            if period.end > window[1]:
                after += mention.weight
            else:
                before += mention.weight
                inside += mention.weight if period.end >= window[0] else 0
        if inside > 0 and after < before:
            return calendar
    return None


def reported_period(
    full_text: str, calendar: FiscalCalendar, *, published: date | None, title_phrases: Sequence[str] = ()
) -> FiscalPeriod | None:
    """The period a release reports, by timing: of the periods that end within the reporting lag
    before its release date, the one it names most (the longest on a tie: "FY2025" over "4Q25"
    when both are named as often).

    Examples
    --------
    >>> reported_period("4Q25 sales; 4Q25 margin; 3Q25; 1Q26 outlook", FiscalCalendar(12), published=date(2026, 1, 15)).label
    '4Q25'
    """
    if published is None:
        return None
    low = published - timedelta(days=REPORTING_LAG_DAYS)
    best: tuple[int, int, FiscalPeriod] | None = None
    text = full_text[:EVIDENCE_CHARS]
    for mention in _mentions(text, PeriodScan(text), title_phrases, published.year):
        period = _period_of(mention.text, calendar, published.year)
        if period is None or not low <= period.end <= published:
            continue
        key = (mention.weight, period.months, period)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def _mentions(
    text: str,
    scan: PeriodScan,
    title_phrases: Sequence[str],
    reference_year: int,
    calendars: Sequence[FiscalCalendar] = CANDIDATE_CALENDARS,
) -> list[_Mention]:
    """Every period phrase of ``text`` (scanned as ``scan``) that some candidate calendar reads,
    with how often it is printed."""
    counts: Counter[str] = Counter()
    seen: set[tuple[int, int]] = set()
    for calendar in calendars:
        for start, end, _ in scan.periods(calendar, reference_year=reference_year):
            if (start, end) not in seen:
                seen.add((start, end))
                counts[_normal(text[start:end])] += 1
    for phrase in title_phrases:
        counts[_normal(phrase)] += TITLE_WEIGHT
    return [_Mention(text, weight) for text, weight in counts.items()]


def _period_of(phrase: str, calendar: FiscalCalendar, reference_year: int) -> FiscalPeriod | None:
    found = find_periods(phrase, calendar, reference_year=reference_year)
    return found[0][2] if len(found) == 1 and found[0][1] - found[0][0] == len(phrase) else None


def _normal(phrase: str) -> str:
    return " ".join(phrase.split())


def _balance_date(text: str) -> date | None:
    """The date printed most often (a balance date, the end of the period reported); the
    latest of those on a tie."""
    counts = Counter(day for _, _, day in find_dates(text))
    return max(counts, key=lambda day: (counts[day], day), default=None)


def _week_candidates(text: str) -> list[FiscalCalendar]:
    """52/53-week calendars whose year could end on a date the release prints repeatedly (a
    balance sheet's prior year end, "September 24, 2022"), with the 53rd week in any quarter."""
    counts: Counter[date] = Counter()
    standalone: set[date] = set()
    for start, _, day in find_dates(text):
        if (day + timedelta(days=1)).day != 1:
            counts[day] += 1
            if not _ENDS_A_SPAN.search(text[max(0, start - 24) : start]):
                standalone.add(day)
    days = [day for day, _ in counts.most_common(MAX_WEEK_YEAR_ENDS)]
    # a date printed alone is a balance date; the earlier of a balance sheet's two is the
    # prior fiscal year end (dates that end a span are quarter ends more often than not)
    days.sort(key=lambda day: (day not in standalone, day))
    candidates: list[FiscalCalendar] = []
    for day in days:
        try:
            base = calendar_from_year_end(day)
        except PeriodFormatError:
            continue
        candidates += [dataclasses.replace(base, extra_week_quarter=q) for q in (4, 1, 2, 3)]
    return list(dict.fromkeys(candidates))


def describe_missing(evidence: CalendarEvidence) -> str:
    return f"fiscal calendar unknown ({evidence.detail}): period labels such as 4Q25 are left undated"

