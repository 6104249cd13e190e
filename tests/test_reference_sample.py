"""The reference release: the values the issue names, and agreement with the shared truth file."""

import datetime as dt
import json

import pandas as pd
import pytest

import release_parser as rp


@pytest.fixture(scope="module")
def release():
    from conftest import REPO

    return rp.parse(REPO / "samples" / "iij_2q_fy2004_results.txt")


def fact(release, item, column, table=None):
    facts = release.facts
    rows = facts[(facts.line_item == item) & (facts.column == column)]
    if table is not None:
        rows = rows[rows.table == table]
    assert len(rows) == 1, (item, column, len(rows))
    return rows.iloc[0]


def test_metadata(release):
    assert release.company == "Internet Initiative Japan Inc."
    assert release.title == "Second Quarter Results for the Year Ending March 31, 2005"
    assert release.published == dt.date(2004, 11, 11)
    assert release.calendar == rp.FiscalCalendar(year_end_month=3, naming="start")
    assert (release.period.label, release.period.start, release.period.end) == (
        "2Q04", dt.date(2004, 7, 1), dt.date(2004, 9, 30)
    )


def test_operating_loss_2q03(release):
    row = fact(release, "Operating Income (Loss)", "2Q03", table=0)
    assert row.value == -830
    assert (row.period_start, row.period_end) == (pd.Timestamp("2003-07-01"), pd.Timestamp("2003-09-30"))
    assert (row.unit, row.scale, row.measure) == ("JPY", 1_000_000, "value")
    assert (row.raw, row.line) == ("(830)", 48)


def test_yoy_change_links_its_periods(release):
    row = fact(release, "SG&A Expenses / R&D", "YoY % Change", table=0)
    assert (row.value, row.unit, row.measure, row.period, row.base_period) == (-18.0, "%", "yoy_pct", "2Q04", "2Q03")


def test_qoq_change_links_its_periods(release):
    row = fact(release, "Total Revenues", "QoQ % Change", table=0)
    assert (row.value, row.measure, row.period, row.base_period) == (21.2, "qoq_pct", "2Q04", "1Q04")


def test_cross_selling_ratio(release):
    row = fact(release, "VAS Cross-selling Ratio", "2Q04")
    assert (row.value, row.unit, row.scale) == (86.9, "%", 1)
    assert release.tables[2].footnotes["*1"].startswith("Percentage of the largest 1,000")


def test_dash_cells_are_na_facts_not_lost(release):
    row = fact(release, "Net Income (Loss)", "QoQ % Change", table=0)
    assert pd.isna(row.value) and row.raw == "-" and row.na_reason == "dash"


def test_half_year_table(release):
    frame = release.tables[1].frame
    assert frame.loc["Operating Income (Loss)", "1H03"] == -2035
    assert frame.loc["Net Income (Loss)", "1H03"] == -2753
    row = fact(release, "Total Revenues", "1H03")
    assert (row.period_start, row.period_end) == (pd.Timestamp("2003-04-01"), pd.Timestamp("2003-09-30"))


def test_identities_hold(release):
    frame = release.tables[0].frame
    q = frame["2Q04"]
    assert q["Total Revenues"] - q["Total Costs"] - q["SG&A Expenses / R&D"] == q["Operating Income (Loss)"]
    assert frame.loc["Total Revenues", "1Q04"] + q["Total Revenues"] == release.tables[1].frame.loc["Total Revenues", "1H04"]


def test_highlights(release):
    h = release.highlights
    assert h.text.iloc[0] == "Revenue substantially increased and operating income turned positive in 2Q04"
    assert bool(h.emphasis.iloc[0]) and h.marker.iloc[0] == "✓" and h.level.iloc[0] == 1
    child = h[h.text.str.startswith("[1Q04 - 95.6Gbps")].iloc[0]
    assert child.level == 2
    assert h.text.iloc[child.parent] == "Total contracted bandwidth topped 100Gbps."
    assert not h.text.str.contains(r"\*\*|^[-▶✓] ", regex=True).any()


def test_matches_shared_truth(release, shared_dir):
    truth = json.loads((shared_dir / "seeds" / "000_b593e1bd379a7886.truth.json").read_text())
    for index, table in enumerate(truth["tables"]):
        frame = release.tables[index].frame
        assert list(frame.columns) == table["columns"]
        assert table["title_contains"] in release.tables[index].title
        for item, values in table["rows"].items():
            got = [None if pd.isna(v) else v for v in frame.loc[item]]
            assert got == pytest.approx(values) if None not in values else got == values
    for label, (start, end) in truth["periods"].items():
        period = rp.parse_period(label, release.calendar, reference_year=2004)
        assert (str(period.start), str(period.end)) == (start, end), label
