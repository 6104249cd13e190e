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
    facts = rel.facts[rel.facts["unit"] == "JPY"].set_index(["line_item", "column"])
    dollars = rel.facts[rel.facts["unit"] == "USD"]
    assert dollars[["line_item", "value", "converted_value"]].values.tolist()[1] == ["Operating Income", 14.4, 1201]
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


def test_cells_packed_with_single_spaces_are_cut_at_each_figure_and_label():
    text = (
        "GAAP\n"
        "($ in millions, except earnings per share) Q4 FY25 Q3 FY25 Q4 FY24 Q/Q          Y/Y\n"
        "Revenue                                    $39,331 $35,082 $22,103 Up 12%       Up 78%\n"
        "Gross margin                                 73.0%   74.6%   76.0% Down 1.6 pts Down 3.0 pts\n"
        "Net income                                 $22,091 $19,309 $12,285 Up 14%       Up 80%\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(1, "end", weekday="SUN"))
    table = rel.tables[0]
    assert table.column_labels == ["Q4 FY25", "Q3 FY25", "Q4 FY24", "Q/Q", "Y/Y"]
    assert (table.unit, table.scale) == ("USD", 1_000_000)
    facts = rel.facts.set_index(["line_item", "column"])
    assert facts.loc[("Revenue", "Q/Q"), ["value", "measure", "base_period"]].tolist() == [12, "qoq_pct", "3Q25"]
    assert facts.loc[("Gross margin", "Y/Y"), ["value", "measure", "unit"]].tolist() == [-3.0, "yoy_change", "points"]
    assert str(facts.loc[("Net income", "Q4 FY25"), "period_end"].date()) == "2025-01-26"


def test_a_row_that_is_a_growth_rate_takes_its_measure_from_its_label():
    text = "Metrics\tQ3 2023\tQ4 2023\tFY 2023\nRevenue\t$1,034M\t$1,076M\t$4,154M\nY/Y Revenue Growth\t5%\t5%\t9%\n"
    facts = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end")).facts.set_index(["line_item", "column"])
    growth = facts.loc[("Y/Y Revenue Growth", "Q4 2023")]
    assert (growth["value"], growth["measure"], growth["base_period"]) == (5, "yoy_pct", "4Q22")
    assert facts.loc[("Revenue", "Q4 2023"), "measure"] == "value"


def test_rows_printed_through_tab_stops_line_up_by_order_and_keep_their_statement_words():
    from release_parser.layout import Cell, Layout, Line, Separator
    from release_parser.api import parse_layout

    def line(number, *runs):
        cells = tuple(Cell(text, x0, x0 + 6 * len(text), number * 10, number * 10 + 8) for text, x0 in runs)
        return Line(cells=cells, page=1, number=number, raw=" ".join(t for t, _ in runs), indent=runs[0][1],
                    separator=Separator.GAP if len(cells) > 1 else Separator.NONE)

    lines = (
        line(1, ("Highlights of Financial Results for 1Q22", 36)),
        line(2, ("FY22 Targets", 420)),
        line(3, ("First Half", 420), ("Full Year", 540)),
        line(4, ("Total revenues", 36), ("JPY 58.2 billion", 150), ("up", 330), ("9.8%", 380), ("YoY", 430),
             ("JPY 117.0 billion", 480), ("JPY 250.0 billion", 600)),
        line(5, ("Operating profit", 36), ("JPY 5.0 billion up", 250), ("15.3%", 380), ("YoY", 430),
             ("JPY 10.7 billion", 480), ("JPY 27.2 billion", 600)),
        line(6, ("Net profit", 36), ("JPY 4.4 billion up", 150), ("25.2%", 300), ("YoY", 360),
             ("JPY 6.8 billion JPY 17.5 billion", 420)),
    )
    layout = Layout(lines=lines, source="tabbed.pdf", kind="pdf", full_text="\n".join(l.raw for l in lines))
    facts = parse_layout(layout, calendar=rp.FiscalCalendar(3, "start")).facts
    got = facts[facts["line_item"] == "Net profit"][["column", "value", "period", "measure"]].values.tolist()
    assert got == [
        ["value", 4.4, "1Q22", "value"], ["YoY", 25.2, "1Q22", "yoy_pct"],
        ["FY22 Targets First Half", 6.8, "1H22", "target"], ["FY22 Targets Full Year", 17.5, "FY2022", "target"],
    ]
