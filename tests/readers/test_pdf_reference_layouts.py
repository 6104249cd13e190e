"""The reference release printed as a PDF, in each layout, parses to its hand-written truth.

The reference release (samples/iij_2q_fy2004_results.txt, IIJ's "Second Quarter
Results for the Year Ending March 31, 2005") is rendered with ``pdf_render``: its
front matter, its three tables as printed (captions and footnotes included) and
its bullets. Every table cell must come back with the value the truth file
(samples/iij_2q_fy2004_results.truth.json, written by hand from the document)
gives it, and every period column with the dates of IIJ's calendar: the fiscal
year ends in March and is named by its start year, so 2Q04 is 2004-07-01..2004-09-30.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from pdf_render import Bullet, Heading, Release, Slide, Text, render
from reference_tables import CROSS_SELLING, FIRST_HALF, PROFIT_FROM_SOLUTIONS, SECOND_QUARTER
from test_sample_truths import check_column_periods, check_document, check_table

import release_parser as rp
from release_parser.segment.lines import strip_footnote_marks

TRUTH_PATH = Path(__file__).resolve().parents[2] / "samples" / "iij_2q_fy2004_results.truth.json"
TRUTH = json.loads(TRUTH_PATH.read_text(encoding="utf-8"))
#: The truth file names units in words; the parser gives their symbols.
UNIT_SYMBOLS = {"percent": "%"}

# -- the reference release, as printed --------------------------------------------------------


IIJ = Release(
    company="Internet Initiative Japan Inc.",
    title="Second Quarter Results for the Year Ending March 31, 2005",
    date="November 11, 2004",
    running_header="IIJ - Second Quarter FY2004 Results",
    slides=(
        Slide(
            "Financial Summary",
            (
                Bullet("Revenue substantially increased and operating income turned positive in 2Q04", "✓", bold=True),
                Text("Total Revenue: JPY 10,512 million"),
                Text("Operating income: JPY 282 million"),
                Bullet("Operating and net income turned positive in the first half of FY2004", "✓", bold=True),
                Text("Net income: JPY 1,162 million"),
                Bullet(PROFIT_FROM_SOLUTIONS, "- ▶", level=2),
            ),
        ),
        Slide(
            "Highlights",
            (
                Heading("By Service"),
                SECOND_QUARTER,
                Bullet("Operating income in 2Q04 substantially improved compared to 2Q03 and 1Q04", "- ▶"),
            ),
        ),
        Slide(
            "First Half",
            (
                FIRST_HALF,
                Bullet(PROFIT_FROM_SOLUTIONS, "- ▶"),
                Bullet("Connectivity and VAS gross margin ratio was 13.2%, showing a stable movement since 2H03", "▶", bold=True),
                Bullet("SI gross margin ratio was 22.3%, an increase of 2.3% compared to 1Q04", "▶", bold=True),
            ),
        ),
        Slide(
            "Net Income (Loss)",
            (
                Bullet("Targeting annual positive operating and net income for FY2004", "- ▶"),
                Bullet("Expecting that the trend of growing positive operating income continue into 3Q04", "- ▶"),
            ),
        ),
        Slide(
            "SI continues to be a key revenue and profit growth driver",
            (
                Bullet("Usage (%) of VAS by Connectivity service customers continues to stay at a high level", "- ✓"),
                Bullet("Usage (%) of Connectivity service by SI customers also increased", "- ✓"),
                CROSS_SELLING,
            ),
        ),
    ),
)

#: (case id, layout, the title's printed lines; empty for one line)
WRAPPED = ("Second Quarter Results for the Year", "Ending March 31, 2005")
CASES = (
    ("slides", "slides", ()),
    ("ruled", "ruled", ()),
    ("press-courier-tables", "press", ()),
    ("slides-wrapped-title", "slides", WRAPPED),
    ("ruled-wrapped-title", "ruled", WRAPPED),
    ("press-wrapped-title", "press", WRAPPED),
)


def norm(text: str) -> str:
    text = strip_footnote_marks(unicodedata.normalize("NFKC", str(text)))
    return " ".join(text.replace("*", "").split()).lower()


@pytest.fixture(scope="module", params=CASES, ids=[case for case, _, _ in CASES])
def release(request, tmp_path_factory) -> rp.Release:
    case, layout, title_lines = request.param
    printed = dataclasses.replace(IIJ, title_lines=title_lines)
    return rp.parse(render(printed, tmp_path_factory.mktemp(case) / f"iij_{case}.pdf", layout))


def test_the_truth_is_the_reference_release():
    assert (TRUTH["company"], TRUTH["title"]) == (IIJ.company, IIJ.title)
    assert pd.Timestamp(TRUTH["date"]) == pd.Timestamp(IIJ.date)
    assert TRUTH["periods"]["2Q04"] == ["2004-07-01", "2004-09-30"]  # a year named by its start


def test_front_matter_and_calendar(release):
    assert release.kind == "pdf"
    check_document(TRUTH, release)  # the checks of the text sample, fiscal year naming included
    assert (release.company, release.title) == (TRUTH["company"], TRUTH["title"])
    assert release.published == pd.Timestamp(TRUTH["date"]).date()
    assert release.calendar == rp.FiscalCalendar(3, "start")
    assert release.calendar.year_end_month == TRUTH["fiscal_year_end_month"]
    assert release.period.label == "2Q04"
    assert [str(release.period.start), str(release.period.end)] == TRUTH["periods"]["2Q04"]


@pytest.mark.parametrize("table_truth", TRUTH["tables"], ids=lambda t: t["title_contains"])
def test_every_cell_has_its_true_value(release, table_truth):
    table_no = TRUTH["tables"].index(table_truth)
    check_table(TRUTH, release, table_no)  # the checks of the text sample, footnotes included
    check_column_periods(TRUTH, release, table_no)
    tables = [table for table in release.tables if table_truth["title_contains"] in table.title]
    assert len(tables) == 1, [table.title for table in release.tables]
    table = tables[0]
    assert (table.unit, table.scale) == (UNIT_SYMBOLS.get(table_truth["unit"], table_truth["unit"]), table_truth["scale"])
    assert [norm(label) for label in table.column_labels] == [norm(column) for column in table_truth["columns"]]
    facts = release.facts[release.facts.table == table.index]
    assert sorted(set(facts.line_item.map(norm))) == sorted(norm(item) for item in table_truth["rows"])
    for item, values in table_truth["rows"].items():
        for column, want in zip(table_truth["columns"], values, strict=True):
            cells = facts[(facts.line_item.map(norm) == norm(item)) & (facts.column.map(norm) == norm(column))]
            if want is None:
                assert cells.value.isna().all(), (item, column, cells.value.tolist())
                continue
            assert len(cells) == 1, (item, column, len(cells))
            assert cells.value.iloc[0] == pytest.approx(want), (item, column)


def test_every_period_column_has_its_true_dates(release):
    facts = release.facts
    table_columns = {column for table in TRUTH["tables"] for column in table["columns"]}
    dated = sorted(table_columns & TRUTH["periods"].keys())
    assert dated == ["1H03", "1H04", "1Q04", "2Q03", "2Q04"]
    for column, (start, end) in TRUTH["periods"].items():
        rows = facts[facts.column == column]
        assert column not in table_columns or not rows.empty, column
        got = {(str(row.period_start.date()), str(row.period_end.date())) for row in rows.itertuples()}
        assert got <= {(start, end)}, (column, got)
