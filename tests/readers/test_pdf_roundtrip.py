"""Round trips: a release rendered to PDF parses to its hand-written truth and to what was drawn.

The reference release (samples/iij_2q_fy2004_results.txt) is rendered with its
front matter, its three tables (captions and footnotes included) and a set of
its bullets, in each layout of ``pdf_render``; :func:`rp.parse` on the PDF must
give the tidy facts its truth file (samples/iij_2q_fy2004_results.truth.json)
lists, checked by the same functions as the text sample, and the bullets drawn at
the levels written beside them. The expectations never come from parsing the text
sample, so a bug the text and PDF paths share cannot hide. The truth's prose facts
are not checked: the rendering draws the tables and bullets, not the prose. Random
tables then go through the same trip.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_render import LAYOUTS, Bullet, Heading, Release, Slide, Table, Text, render
from reference_tables import CROSS_SELLING, FIRST_HALF, PROFIT_FROM_SOLUTIONS, SECOND_QUARTER
from test_sample_truths import check_column_periods, check_document, check_table, unit_of

import release_parser as rp

FACT_KEY = ["line_item", "column", "value", "period_start", "period_end", "measure", "base_period"]
TRUTH = json.loads((Path(__file__).resolve().parents[2] / "samples" / "iij_2q_fy2004_results.truth.json").read_text())

#: The change columns, read from the document: (table, column) -> (measure, period compared, base period).
#: The truth file lists their values but not what they compare.
CHANGE_COLUMNS = {
    ("Second Quarter of FY2004", "YoY % Change"): ("yoy_pct", "2Q04", "2Q03"),
    ("Second Quarter of FY2004", "QoQ % Change"): ("qoq_pct", "2Q04", "1Q04"),
    ("First Half of FY2004", "YoY % Change"): ("yoy_pct", "1H04", "1H03"),
}

# -- the reference release, as printed in samples/iij_2q_fy2004_results.txt ------------------


#: The bullets rendered, each with the level the text release gives it.
BULLETS: tuple[tuple[Bullet, int], ...] = (
    (Bullet("Revenue substantially increased and operating income turned positive in 2Q04", "✓", bold=True), 1),
    (Bullet("Operating and net income turned positive in the first half of FY2004", "✓", bold=True), 1),
    (Bullet(PROFIT_FROM_SOLUTIONS, "- ▶", level=2), 2),
    (Bullet("Operating income in 2Q04 substantially improved compared to 2Q03 and 1Q04", "- ▶"), 1),
    (Bullet(PROFIT_FROM_SOLUTIONS, "- ▶"), 1),
    (Bullet("Connectivity and VAS gross margin ratio was 13.2%, showing a stable movement since 2H03", "▶", bold=True), 1),
    (Bullet("SI gross margin ratio was 22.3%, an increase of 2.3% compared to 1Q04", "▶", bold=True), 1),
    (Bullet("Revenue and the gross margin ratio increased compared to 1Q04, which had lower revenues", "-", level=2), 2),
    (Bullet(PROFIT_FROM_SOLUTIONS, "- ▶"), 1),
    (Bullet("Targeting annual positive operating and net income for FY2004", "- ▶"), 1),
    (Bullet("Expecting that the trend of growing positive operating income continue into 3Q04", "- ▶"), 1),
    (Bullet("Usage (%) of VAS by Connectivity service customers continues to stay at a high level", "- ✓"), 1),
    (Bullet("Usage (%) of Connectivity service by SI customers also increased", "- ✓"), 1),
)
_B = [bullet for bullet, _ in BULLETS]

IIJ = Release(
    company="Internet Initiative Japan Inc.",
    title="Second Quarter Results for the Year Ending March 31, 2005",
    date="November 11, 2004",
    running_header="IIJ - Second Quarter FY2004 Results",
    slides=(
        Slide(
            "Financial Summary",
            (_B[0], Text("Total Revenue: JPY 10,512 million"), Text("Operating income: JPY 282 million"),
             _B[1], Text("Net income: JPY 1,162 million"), _B[2]),
        ),  # fmt: skip
        Slide("Highlights", (Heading("By Service"), SECOND_QUARTER, _B[3])),
        Slide("First Half", (FIRST_HALF, _B[4], _B[5], _B[6], _B[7])),
        Slide("Operating Income (Loss)", (_B[8],)),
        Slide("Net Income (Loss)", (_B[9], _B[10])),
        Slide("SI continues to be a key revenue and profit growth driver", (_B[11], _B[12], CROSS_SELLING)),
    ),
)


def facts(release: rp.Release) -> set[tuple]:
    frame = release.facts[FACT_KEY].astype(object)
    return {tuple(_plain(v) for v in row) for row in frame.itertuples(index=False)}


def _plain(value):
    if pd.isna(value):
        return None
    return str(value.date()) if isinstance(value, pd.Timestamp) else value


def truth_facts(truth: dict) -> set[tuple]:
    """The facts (as ``FACT_KEY``) the truth's tables give, with ``CHANGE_COLUMNS`` for the % columns."""
    expected = set()
    for table in truth["tables"]:
        for item, values in table["rows"].items():
            for column, value in zip(table["columns"], values, strict=True):
                measure, period, base = CHANGE_COLUMNS.get((table["title_contains"], column), ("value", column, None))
                start, end = truth["periods"][period]
                expected.add((item, column, value, start, end, measure, base))
    return expected


def printed_footnote_marks(table: Table) -> list[tuple[str, ...]]:
    """The marks drawn after each row label ("VAS Cross-selling Ratio *1" -> ("*1",))."""
    return [tuple(re.findall(r"\*\d+", label)) for label, _ in table.rows]


def highlights(release: rp.Release) -> list[tuple[str, int]]:
    return [(text, int(level)) for text, level in release.highlights[["text", "level"]].itertuples(index=False)]


def is_subsequence(items: list, sequence: list) -> bool:
    remaining = iter(sequence)
    return all(any(item == candidate for candidate in remaining) for item in items)


@pytest.fixture(scope="module")
def text_release(request) -> rp.Release:
    return rp.parse(Path(request.config.rootpath) / "samples" / "iij_2q_fy2004_results.txt")


@pytest.fixture(scope="module", params=LAYOUTS)
def pdf_release(request, tmp_path_factory) -> rp.Release:
    path = render(IIJ, tmp_path_factory.mktemp(request.param) / f"iij_{request.param}.pdf", request.param)
    return rp.parse(path)


def test_the_rendered_bullets_and_levels_are_the_text_releases(text_release):
    # the text parse is what is checked here, against the bullets and levels written above
    assert is_subsequence([(bullet.text, level) for bullet, level in BULLETS], highlights(text_release))


def test_pdf_front_matter_is_the_truths(pdf_release):
    assert pdf_release.kind == "pdf"
    check_document(TRUTH, pdf_release)
    start, end = (pd.Timestamp(day).date() for day in TRUTH["periods"]["2Q04"])
    assert pdf_release.period == rp.FiscalPeriod(2004, "Q2", start, end, calendar=rp.FiscalCalendar(3, "start"))


def test_pdf_facts_are_the_truths(pdf_release):
    assert len(pdf_release.tables) == 3
    for table_no in range(len(TRUTH["tables"])):
        check_table(TRUTH, pdf_release, table_no)
        check_column_periods(TRUTH, pdf_release, table_no)
    assert facts(pdf_release) == truth_facts(TRUTH)


#: The titles the parser gives the printed tables; the untitled one is named by its line items.
TABLE_TITLES = ["Second Quarter of FY2004", "First Half of FY2004", "VAS Cross-selling Ratio, SI Cross-selling Ratio"]


def test_pdf_tables_keep_captions_and_footnotes(pdf_release):
    printed = (SECOND_QUARTER, FIRST_HALF, CROSS_SELLING)
    assert [table.title for table in pdf_release.tables] == TABLE_TITLES
    for pdf_table, table_truth, drawn in zip(pdf_release.tables, TRUTH["tables"], printed, strict=True):
        assert (pdf_table.unit, pdf_table.scale) == (unit_of(table_truth["unit"]), table_truth["scale"])
        assert dict(pdf_table.footnotes) == table_truth.get("footnotes", {})
        assert [item.footnotes for item in pdf_table.line_items] == printed_footnote_marks(drawn)


def test_pdf_highlights_have_the_texts_and_levels_of_the_text(pdf_release):
    assert highlights(pdf_release) == [(bullet.text, level) for bullet, level in BULLETS]
    emphasised = pdf_release.highlights.loc[pdf_release.highlights["emphasis"], "text"].tolist()
    assert emphasised == [bullet.text for bullet in _B if bullet.bold]


def test_pdf_provenance_points_at_pages_and_boxes(pdf_release):
    first = pdf_release.facts.iloc[0]
    assert (first["line_item"], first["raw"]) == ("Total Revenues", "10,512")
    # the slides give the title page and the summary a page each; the press release flows
    assert first["page"] == (1 if pdf_release.source.endswith("press.pdf") else 3)
    assert first["x0"] < first["x1"] and first["top"] < first["bottom"]


# -- random tables -----------------------------------------------------------------------------

WORDS = (
    "Revenue Costs Operating Income Net Sales Gross Margin Expenses Services Systems Integration Equipment "
    "Other Adjusted Segment Profit Network Outsourcing Data Center Connectivity Maintenance Licences Interest"
).split()
PERIODS = ("1Q04", "2Q04", "3Q04", "4Q04", "1Q03", "2Q03", "3Q03", "4Q03", "1H04", "2H03", "FY2004", "FY2003")


@st.composite
def cell_values(draw) -> tuple[str, float | None]:
    kind = draw(st.sampled_from(["amount", "amount", "negative", "percent", "dash"]))
    if kind == "dash":
        return "-", None
    if kind == "percent":
        tenths = draw(st.integers(-999, 999))
        text = f"{abs(tenths) / 10:.1f}%"
        return (f"({text})" if tenths < 0 else text), tenths / 10
    amount = draw(st.integers(0, 99_999))
    if kind == "negative" and amount:
        return f"({amount:,})", -float(amount)
    return f"{amount:,}", float(amount)


@st.composite
def tables(draw) -> tuple[Table, list[list[float | None]]]:
    columns = draw(st.integers(2, 6))
    header = tuple(draw(st.lists(st.sampled_from(PERIODS), min_size=columns, max_size=columns, unique=True)))
    labels = draw(
        st.lists(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
            min_size=1,
            max_size=7,
            unique=True,
        )
    )
    rows, values = [], []
    for label in labels:
        cells = [draw(cell_values()) for _ in range(columns)]
        rows.append((label, tuple(text for text, _ in cells)))
        values.append([value for _, value in cells])
    return Table(header=header, rows=tuple(rows), title="Results by Period"), values


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=tables())
def test_random_tables_come_back_with_their_values(tmp_path, layout, generated):
    table, values = generated
    release = Release(
        company="Example Networks Inc.",
        title="Second Quarter Results for the Year Ending March 31, 2005",
        date="November 11, 2004",
        front=(table,),
    )
    path = render(release, tmp_path / f"random_{layout}.pdf", layout)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        parsed = rp.parse(path)
    assert len(parsed.tables) == 1
    frame = parsed.tables[0].frame
    assert list(frame.index) == [label for label, _ in table.rows]
    assert list(frame.columns) == list(table.header)
    got = [[None if pd.isna(v) else float(v) for v in row] for row in frame.itertuples(index=False)]
    assert got == values
