"""PeriodScan reads a text under many calendars with one scan, and reads what find_periods reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from release_parser.calendar_evidence import CANDIDATE_CALENDARS
from release_parser.normalize import periods as periods_module
from release_parser.normalize.periods import FiscalCalendar, PeriodScan, find_periods

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TEXTS = [
    "Second Quarter Results for the Year Ending March 31, 2005: 2Q04 revenue rose from 1Q04 and 2Q03",
    "Three Months Ended July 31, 2022 and six months ended January 30, 2022; FY2023 guidance; 1H FY2010",
    "4Q25 sales; 4Q25 margin; 3Q25; 1Q26 outlook; the first half; fiscal 2025; Q2 2004",
    "ﬁscal ２Ｑ０４ and 12Q045 and FY2004's",
]


class CountingPattern:
    """Counts the searches of the pattern that finds where a period may start."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.searches = 0

    def search(self, *args):
        self.searches += 1
        return self.pattern.search(*args)


@pytest.mark.parametrize("text", TEXTS + [(SAMPLES / "iij_2q_fy2004_results.txt").read_text(encoding="utf-8")[:20_000]])
def test_a_scan_reads_what_find_periods_reads_under_every_calendar(text):
    scan = PeriodScan(text)
    for calendar in (*CANDIDATE_CALENDARS, FiscalCalendar(1, "end", weekday="SUN", variation="last")):
        for reference_year in (None, 2004):
            assert scan.periods(calendar, reference_year=reference_year) == find_periods(
                text, calendar, reference_year=reference_year
            )


def test_reading_under_every_candidate_calendar_scans_the_text_about_once(monkeypatch):
    text = (SAMPLES / "iij_2q_fy2004_results.txt").read_text(encoding="utf-8")
    counting = CountingPattern(periods_module.FIND_PERIOD)
    monkeypatch.setattr(periods_module, "FIND_PERIOD", counting)
    PeriodScan(text).periods(CANDIDATE_CALENDARS[0], reference_year=2004)
    once = counting.searches
    scan = PeriodScan(text)
    for calendar in CANDIDATE_CALENDARS:
        scan.periods(calendar, reference_year=2004)
    assert len(CANDIDATE_CALENDARS) > 20
    assert counting.searches - once <= 2 * once


def test_an_unknown_errors_mode_is_refused():
    with pytest.raises(ValueError):
        PeriodScan("2Q04").periods(errors="warn")  # type: ignore[arg-type]
