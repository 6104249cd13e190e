"""Release-level facts from the front matter: company, title, date, period, calendar."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .calendar_evidence import CANDIDATE_CALENDARS, CalendarEvidence, choose_calendar, reported_period
from .layout import Line
from .lazy import LazyTuple
from .normalize.dates import MONTHS, find_dates
from .segment.lines import defined_footnote_numbers, strip_emphasis
from .normalize.periods import FiscalCalendar, FiscalPeriod, PeriodScan, find_periods, try_parse_period

__all__ = ["Metadata", "read_metadata", "PROVISIONAL_CALENDAR"]

#: The calendar periods are read under when the release gives no evidence of its own: only
#: periods that print their dates ("three months ended June 30, 2026") are dated under it.
PROVISIONAL_CALENDAR = FiscalCalendar(12, "end")

FRONT_MATTER_LINES = 40
_MAX_META_LINE = 120
_COMPANY_NAME = re.compile(
    r"""
    (?<![\w&'.-])  # a name starts at a word's start: each long word is tried once
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
    r"\b(?:end(?:ing|ed)?|from|to|through|until|since|as\s+of|of\s+record|on|payable|at|by|before|after|in|during"
    r"|between|and)\s*[,(]?\s*$",
    re.IGNORECASE,
)
#: A dateline's date comes first on its line, after at most a place name ("TOKYO, November 11, 2004").
_DATELINE_PREFIX_CHARS = 40
_TITLE = re.compile(r"\b(?:results?|earnings|financial\s+(?:statements|report|highlights)|announces?)\b", re.IGNORECASE)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_TITLE_PERIOD = re.compile(
    rf"""
    (?:\b(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|full|annual|interim)
       (?:[\s-]+(?P<kind>quarter|half|year|fiscal\s+year|(?:three|six|nine|twelve)\s+months))?
     | \b(?P<count>three|six|nine|twelve)\s+months)
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
    calendar: FiscalCalendar  # the evidence's calendar, else PROVISIONAL_CALENDAR
    lines: frozenset[tuple[int, int]]  # (page, line number) of the lines the front matter used
    calendar_evidence: CalendarEvidence = CalendarEvidence(None, "none", "not looked for")
    footnote_numbers: frozenset[str] = frozenset()  # footnotes the document prints ("3 Net profit refers to ...")

    @property
    def calendar_known(self) -> bool:
        return self.calendar_evidence.calendar is not None

    @property
    def reference_year(self) -> int | None:
        if self.published is not None:
            return self.published.year
        return self.period.end.year if self.period is not None else None


def read_metadata(
    lines: Sequence[Line], full_text: str, calendar: FiscalCalendar | None = None, *, column_headers: Sequence[str] = ()
) -> Metadata:
    """Read the front matter of a release (its first lines) and infer its fiscal calendar.

    ``column_headers`` are the tables' column headers read whole ("Three Months Ended July 31,
    2022" printed over three lines): periods they state are evidence of the calendar too.
    """
    front = [line for line in lines[: FRONT_MATTER_LINES * 3] if not line.is_blank][:FRONT_MATTER_LINES]
    company, company_line = _company(front)
    title, title_lines = _title(front, company)
    published, date_line = _published(front, title_lines)
    reference_year = published.year if published else None
    phrases = _TitlePhrases(title or "")
    evidence = choose_calendar(
        full_text, given=calendar, published=published, title_phrases=phrases, column_headers=column_headers,
    )
    working = evidence.calendar or PROVISIONAL_CALENDAR
    period = _title_period(title, working, reference_year, published) if title and evidence.calendar else None
    if period is None and evidence.calendar is not None:
        period = reported_period(full_text, evidence.calendar, published=published, title_phrases=phrases)
    used = frozenset((line.page, line.number) for line in (company_line, *title_lines, date_line) if line is not None)
    return Metadata(
        company=company, title=title, published=published, period=period, calendar=working, lines=used,
        calendar_evidence=evidence, footnote_numbers=defined_footnote_numbers(lines),
    )


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


def _title(front: Sequence[Line], company: str | None) -> tuple[str | None, tuple[Line, ...]]:
    """The release's title: the first results line that names its fiscal year end, else its period,
    else the first results line. A title wrapped onto the next line ("... for the Year" /
    "Ending March 31, 2005") is read whole."""
    texts = list(_texts(front))
    candidates = [
        (index, line, text) for index, (line, text) in enumerate(texts)
        if _TITLE.search(text) and len(text) <= _MAX_META_LINE and text != company
    ]
    for names_period in (_YEAR_END, _PERIOD_WORDS):
        for index, line, text in candidates:
            joined = _with_wrapped_line(texts, index)
            if joined is not None and names_period.search(joined[0]) and not names_period.search(text):
                return joined[0], (line, joined[1])
            if names_period.search(text):
                return text.strip(), (line,)
    return (candidates[0][2].strip(), (candidates[0][1],)) if candidates else (None, ())


def _with_wrapped_line(texts: Sequence[tuple[Line, str]], index: int) -> tuple[str, Line] | None:
    """The title line joined with the line after it, when that line continues it."""
    if index + 1 >= len(texts):
        return None
    line, text = texts[index]
    following, more = texts[index + 1]
    if following is line or len(text) + len(more) > 2 * _MAX_META_LINE or _TITLE.search(more):
        return None
    return f"{text.strip()} {more.strip()}", following


def _published(front: Sequence[Line], title_lines: Sequence[Line]) -> tuple[date | None, Line | None]:
    """The release date: a dateline's date ("TOKYO, November 11, 2004") first, else the first
    date anywhere in the front matter that does not bound a period ("year ending March 31, ...")."""
    for dateline_only in (True, False):
        for line in front:
            if any(line is title for title in title_lines):
                continue
            text = line.text
            dates = find_dates(text)
            if len(dates) > 1 and (not dateline_only or _only_dates(text, dates)):
                continue  # a column header of balance dates, not a dateline
            for start, _, day in dates:
                if dateline_only and start > _DATELINE_PREFIX_CHARS:
                    continue
                if not _NOT_PUBLICATION.search(text[max(0, start - 24) : start]):
                    return day, line
    return None, None


def _title_period(
    title: str, calendar: FiscalCalendar, reference_year: int | None, published: date | None
) -> FiscalPeriod | None:
    """The period the title reports: one that has ended by the release date ("Fourth Quarter
    Results; Issues FY2025 Guidance" reports the fourth quarter of the year just ended)."""
    periods = [try_parse_period(phrase, calendar, reference_year=reference_year) for phrase in _period_phrases(title, calendar)]
    periods += [period for _, _, period in find_periods(title, calendar, reference_year=reference_year)]
    ended = [p for p in periods if p is not None and (published is None or p.end <= published)]
    return ended[0] if ended else None


def _only_dates(text: str, dates: Sequence[tuple[int, int, date]]) -> bool:
    for start, end, _ in reversed(dates):
        text = text[:start] + text[end:]
    return not re.search(r"[^\W\d_]", text)


class _TitlePhrases(LazyTuple[str]):
    """The title's period phrases (see :func:`_title_phrases`), found the first time they are
    read: a release that states its fiscal year end never reads them, and finding them means
    reading the title under every candidate calendar."""

    def __init__(self, title: str) -> None:
        self._title = title
        self._phrases: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._phrases is None:
            self._phrases = tuple(_title_phrases(self._title)) if self._title else ()
        return self._phrases


def _title_phrases(title: str) -> list[str]:
    """The title's period phrases that name their year without a calendar ("second quarter of
    FY2004"), else the title's own period mentions."""
    named = _TITLE_PERIOD_OF_YEAR.search(title)
    if named:
        return [f"{named.group('which')} {named.group('kind')} of {named.group('year')}"]
    scan = PeriodScan(title)
    spans = {(s, e) for calendar in CANDIDATE_CALENDARS for s, e, _ in scan.periods(calendar)}
    return [title[s:e] for s, e in sorted(spans)]


def _period_phrases(title: str, calendar: FiscalCalendar) -> list[str]:
    """A title's period, rephrased for parse_period: "Second Quarter Results for the Year Ending
    March 31, 2005" -> "second quarter of FY2004"; "Second Quarter ... FY2004" likewise."""
    phrases = []
    match = _TITLE_PERIOD.search(title)
    dates = find_dates(match.group("date")) if match else []
    if match and dates:
        fiscal_year = calendar.fiscal_year_of(dates[0][2])
        which = (match.group("which") or "first").lower()
        kind = " ".join((match.group("kind") or (f"{match.group('count')} months" if match.group("count") else "year")).lower().split())
        whole_year = which in ("full", "annual") or kind.endswith("year") or kind == "twelve months"
        if whole_year:
            phrases.append(f"FY{fiscal_year}")
        else:
            phrases.append(f"{'first' if kind.endswith('months') else which} {kind} of the fiscal year ending {match.group('date')}")
    named = _TITLE_PERIOD_OF_YEAR.search(title)
    if named:
        phrases.append(f"{named.group('which')} {named.group('kind')} of {named.group('year')}")
    return phrases
