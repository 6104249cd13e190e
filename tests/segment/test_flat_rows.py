"""Rows printed with single spaces between their cells are read as table rows."""

import datetime as dt

import release_parser as rp
from release_parser.readers.text import read_text
from release_parser.segment.flat_rows import split_flat_rows

FLAT = """IIJ Announces First Six Months Financial Results For The Fiscal Year Ending March 31, 2011

TOKYO, Nov. 15, 2010 -- Internet Initiative Japan Inc. today announced results for the first six months of FY2010.

Highlights of 1H FY2010 Financial Results

    Actual Results Target Announced
Revenues JPY34,272 million ($410.3 million) JPY32,300 million
Operating Income JPY1,201 million ($14.4 million) JPY1,200 million
Net Income attributable to IIJ JPY859 million ($10.3 million) JPY800 million
"""


def test_flat_rows_are_cut_into_label_and_figures():
    lines = split_flat_rows(read_text(FLAT).lines)
    row = next(line for line in lines if line.text.startswith("Revenues"))
    assert [c.text for c in row.cells] == ["Revenues", "JPY34,272 million ($410.3 million)", "JPY32,300 million"]
    header = next(line for line in lines if "Actual" in line.text)
    assert [c.text for c in header.cells] == ["", "Actual Results", "Target Announced"]


def test_flat_table_facts_take_the_caption_period():
    rel = rp.parse_text(FLAT)
    facts = rel.facts.set_index(["line_item", "column"])
    actual = facts.loc[("Operating Income", "Actual Results")]
    assert actual["value"] == 1201 and actual["measure"] == "value"
    assert (actual["period_start"].date(), actual["period_end"].date()) == (dt.date(2010, 4, 1), dt.date(2010, 9, 30))
    assert actual["period_source"] == "caption"
    assert actual["converted_value"] == 14.4
    target = facts.loc[("Net Income attributable to IIJ", "Target Announced")]
    assert target["value"] == 800 and target["measure"] == "target"


def test_prose_with_figures_is_not_a_flat_row():
    text = "Revenue rose to JPY 10,512 million, up 14.4% YoY\nOperating income was JPY 282 million, up from a loss\n"
    lines = split_flat_rows(read_text(text).lines)
    assert all(len(line.cells) == 1 for line in lines if not line.is_blank)


def test_a_single_flat_line_is_not_a_table():
    lines = split_flat_rows(read_text("Revenues 34,272 32,300\n\nSomething else entirely.\n").lines)
    assert len(lines[0].cells) == 1
