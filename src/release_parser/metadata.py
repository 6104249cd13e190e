"""Release-level facts from the front matter: company, title, date, period, calendar."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .layout import Line
from .normalize.dates import MONTHS, find_dates
from .normalize.periods import FiscalCalendar, FiscalPeriod, find_periods, infer_calendar, try_parse_period

__all__ = ["Metadata", "read_metadata"]

FRONT_MATTER_LINES = 40
_MAX_META_LINE = 120
_COMPANY = re.compile(
    r"\b(?:Inc\.?|Incorporated|Corporation|Corp\.?|Co\.,?\s*Ltd\.?|Ltd\.?|Limited|plc|K\.K\.|Holdings|AG|S\.A\.|N\.V\.|LLC)(?=\W|$)",
    re.IGNORECASE,
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
    lines: frozenset[int]  # line numbers the front matter used

    @property
    def reference_year(self) -> int | None:
        if self.published is not None:
            return self.published.year
        return self.period.end.year if self.period is not None else None


def read_metadata(lines: Sequence[Line], full_text: str, calendar: FiscalCalendar | None = None) -> Metadata:
    """Read the front matter of a release (its first lines) and infer its fiscal calendar."""
    front = [line for line in lines[: FRONT_MATTER_LINES * 3] if not line.is_blank][:FRONT_MATTER_LINES]
    front = [line for line in front if len(line.text) <= _MAX_META_LINE]
    company_line = next((line for line in front if _COMPANY.search(line.text)), None)
    title_line = next((line for line in front if _TITLE.search(line.text) and line is not company_line), None)
    published, date_line = _published(front, title_line)
    calendar = calendar or infer_calendar(full_text[:2_000_000]) or FiscalCalendar()
    reference_year = published.year if published else None
    period = _title_period(title_line.text, calendar, reference_year) if title_line else None
    used = frozenset(line.number for line in (company_line, title_line, date_line) if line is not None)
    return Metadata(
        company=company_line.text.strip() if company_line else None,
        title=title_line.text.strip() if title_line else None,
        published=published,
        period=period,
        calendar=calendar,
        lines=used,
    )


def _published(front: Sequence[Line], title_line: Line | None) -> tuple[date | None, Line | None]:
    for line in front:
        if line is title_line:
            continue
        found = find_dates(line.text)
        if found:
            return found[0][2], line
    return None, None


def _title_period(title: str, calendar: FiscalCalendar, reference_year: int | None) -> FiscalPeriod | None:
    match = _TITLE_PERIOD.search(title)
    if match:
        dates = find_dates(match.group("date"))
        if dates:
            fiscal_year = calendar.fiscal_year_of(dates[0][2])
            which = match.group("which").lower()
            kind = (match.group("kind") or "year").lower()
            if which in ("full", "annual") or kind.endswith("year"):
                phrase = f"FY{fiscal_year}"
            else:
                phrase = f"{which} {kind} of FY{fiscal_year}"
            period = try_parse_period(phrase, calendar, reference_year=reference_year)
            if period is not None:
                return period
    found = find_periods(title, calendar, reference_year=reference_year)
    return found[0][2] if found else None
