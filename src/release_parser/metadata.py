"""Release-level facts from the front matter: company, title, date, period, calendar."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .layout import Line
from .normalize.dates import MONTHS, find_dates
from .segment.lines import strip_emphasis
from .normalize.periods import FiscalCalendar, FiscalPeriod, find_periods, infer_calendar, try_parse_period

__all__ = ["Metadata", "read_metadata"]

FRONT_MATTER_LINES = 40
_MAX_META_LINE = 120
_COMPANY_NAME = re.compile(
    r"""
    (?P<name>(?:[A-Z][\w&'.-]*,?\s+){0,6}
    (?:Inc\.|Incorporated|Corporation|Corp\.|Co\.,?\s*Ltd\.|Ltd\.|Limited|plc|PLC|K\.K\.|Holdings|AG|N\.V\.|S\.A\.|LLC))
    """,
    re.VERBOSE,
)
_TITLE_PERIOD_OF_YEAR = re.compile(
    r"\b(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<kind>quarter|half)\b.{0,40}?"
    r"\b(?P<year>FY\s?\d{2,4}|fiscal\s+(?:year\s+)?\d{4})\b",
    re.IGNORECASE,
)
_YEAR_END = re.compile(r"\byear\s+end(?:ing|ed)\b", re.IGNORECASE)
_PERIOD_WORDS = re.compile(r"\b(?:quarter|half|year\s+end(?:ing|ed)|fiscal\s+year|FY\s?\d{2,4})\b", re.IGNORECASE)
_NOT_PUBLICATION = re.compile(
    r"(?:end(?:ing|ed)?|from|to|through|until|since|as\s+of|of\s+record|on|payable)\s*[,(]?\s*$", re.IGNORECASE
)
_TITLE = re.compile(r"\b(?:results?|earnings|financial\s+(?:statements|report|highlights)|announces?)\b", re.IGNORECASE)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_TITLE_PERIOD = re.compile(
    rf"""
    \b(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|full|annual|interim)
    [\s-]+(?P<kind>quarter|half|year|fiscal\s+year)?
    .{{0,80}}?
    \byear\s+end(?:ing|ed)\s+(?P<date>(?:{_MONTH})\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Metadata:
    company: str | None
    title: str | None
    published: date | None
    period: FiscalPeriod | None
    calendar: FiscalCalendar
    lines: frozenset[tuple[int, int]]  # (page, line number) of the lines the front matter used

    @property
    def reference_year(self) -> int | None:
        if self.published is not None:
            return self.published.year
        return self.period.end.year if self.period is not None else None


def read_metadata(lines: Sequence[Line], full_text: str, calendar: FiscalCalendar | None = None) -> Metadata:
    """Read the front matter of a release (its first lines) and infer its fiscal calendar."""
    front = [line for line in lines[: FRONT_MATTER_LINES * 3] if not line.is_blank][:FRONT_MATTER_LINES]
    company, company_line = _company(front)
    title, title_line = _title(front, company)
    published, date_line = _published(front, title_line)
    reference_year = published.year if published else None
    calendar = (
        calendar
        or infer_calendar(full_text[:2_000_000])
        or _calendar_from_timing(title, published)
        or FiscalCalendar()
    )
    period = _title_period(title, calendar, reference_year) if title else None
    used = frozenset((line.page, line.number) for line in (company_line, title_line, date_line) if line is not None)
    return Metadata(company=company, title=title, published=published, period=period, calendar=calendar, lines=used)


def _texts(front: Sequence[Line]):
    """Each front-matter line's cells (a running header prints several on one line)."""
    for line in front:
        for cell in line.cells:
            if cell.text:
                yield line, strip_emphasis(cell.text)[0]


def _company(front: Sequence[Line]) -> tuple[str | None, Line | None]:
    """The company's name: a cell that is just the name first, else a name inside a sentence."""
    inside: tuple[str | None, Line | None] = (None, None)
    for line, text in _texts(front):
        match = _COMPANY_NAME.search(text)
        if match is None:
            continue
        name = match.group("name").strip()
        if len(text.strip(" .#")) <= len(name) + 1:
            return name, line
        if inside[0] is None:
            inside = (name, None)
    return inside


def _title(front: Sequence[Line], company: str | None) -> tuple[str | None, Line | None]:
    """The release's title: the first results line that names its fiscal year end, else its period,
    else the first results line."""
    candidates = [
        (line, text) for line, text in _texts(front)
        if _TITLE.search(text) and len(text) <= _MAX_META_LINE and text != company
    ]
    for names_period in (_YEAR_END, _PERIOD_WORDS):
        for line, text in candidates:
            if names_period.search(text):
                return text.strip(), line
    return (candidates[0][1].strip(), candidates[0][0]) if candidates else (None, None)


def _published(front: Sequence[Line], title_line: Line | None) -> tuple[date | None, Line | None]:
    """The release date: the first date not bounding a period ("year ending March 31, ...")."""
    for line in front:
        if line is title_line:
            continue
        text = line.text
        for start, _, day in find_dates(text):
            if not _NOT_PUBLICATION.search(text[max(0, start - 24) : start]):
                return day, line
    return None, None


#: A release comes out within this many days after the period it reports ends.
REPORTING_LAG_DAYS = (0, 100)
_CANDIDATE_CALENDARS = (
    FiscalCalendar(12, "end"),
    FiscalCalendar(3, "end"),
    FiscalCalendar(3, "start"),
    FiscalCalendar(6, "end"),
    FiscalCalendar(6, "start"),
    FiscalCalendar(9, "end"),
    FiscalCalendar(9, "start"),
)


def _calendar_from_timing(title: str | None, published: date | None) -> FiscalCalendar | None:
    """With no fiscal year end printed: the calendar under which the title's period ended
    shortly before the release date ("Third Quarter 2010 Results", November 2, 2010 -> December)."""
    if not title or published is None:
        return None
    for candidate in _CANDIDATE_CALENDARS:
        period = _title_period(title, candidate, published.year)
        if period is not None and REPORTING_LAG_DAYS[0] <= (published - period.end).days <= REPORTING_LAG_DAYS[1]:
            return candidate
    return None


def _title_period(title: str, calendar: FiscalCalendar, reference_year: int | None) -> FiscalPeriod | None:
    for phrase in _period_phrases(title, calendar):
        period = try_parse_period(phrase, calendar, reference_year=reference_year)
        if period is not None:
            return period
    found = find_periods(title, calendar, reference_year=reference_year)
    return found[0][2] if found else None


def _period_phrases(title: str, calendar: FiscalCalendar) -> list[str]:
    """A title's period, rephrased for parse_period: "Second Quarter Results for the Year Ending
    March 31, 2005" -> "second quarter of FY2004"; "Second Quarter ... FY2004" likewise."""
    phrases = []
    match = _TITLE_PERIOD.search(title)
    dates = find_dates(match.group("date")) if match else []
    if match and dates:
        fiscal_year = calendar.fiscal_year_of(dates[0][2])
        which = match.group("which").lower()
        kind = (match.group("kind") or "year").lower()
        whole_year = which in ("full", "annual") or kind.endswith("year")
        phrases.append(f"FY{fiscal_year}" if whole_year else f"{which} {kind} of FY{fiscal_year}")
    named = _TITLE_PERIOD_OF_YEAR.search(title)
    if named:
        phrases.append(f"{named.group('which')} {named.group('kind')} of {named.group('year')}")
    return phrases
