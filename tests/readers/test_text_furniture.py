"""Running footers of text converted from PDFs: page numbers are not figures."""

import release_parser as rp
from release_parser.readers.text import read_text
from release_parser.readers.text_furniture import running_footer_lines

FOOTER = "     Copyright (C) 2015 Kanto Network Systems Inc. All rights reserved.                            {page}"
PAGE = """
     Kanto Network Systems Inc.                                             FY2014 Financial Results

     • Revenues increased 7.0% YoY to JPY 281,040 million
     • Operating income increased 8.6% YoY to JPY 17,423 million
"""


def deck(pages: int) -> str:
    return "\n".join(PAGE + "\n" + FOOTER.format(page=page) for page in range(1, pages + 1))


def test_page_numbered_footers_are_dropped_and_leave_blank_lines():
    text = deck(4)
    layout = read_text(text)
    footers = [line for line in layout.lines if "Copyright" in line.raw]
    assert footers == []
    assert len(layout.lines) == text.count("\n") + 1  # line numbers keep pointing at the file's lines
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(3, "start"))
    assert rel.tables == [] and rel.facts.empty
    assert len(rel.highlights) == 8


def test_two_prints_are_not_enough_and_numbers_that_do_not_count_pages_stay():
    assert running_footer_lines(deck(2).split("\n")) == set()
    repeated_total = ["Total  1,200", "", "", "", "", "", "Total  1,200", "", "", "", "", "", "Total  1,200"]
    assert running_footer_lines(repeated_total) == set()  # the same figure three times: no page count
    jumps = ["Note 3", *[""] * 6, "Note 10", *[""] * 6, "Note 25"]
    assert running_footer_lines(jumps) == set()  # numbers that jump are no page numbers


def test_rows_counting_up_within_a_table_stay():
    table = "Revenues by year (JPY millions)\nFY2012  1  250,104\nFY2013  2  262,733\nFY2014  3  281,040\n"
    assert running_footer_lines(table.split("\n")) == set()
    assert [c.text for c in read_text(table).lines[1].cells] == ["FY2012", "1", "250,104"]
