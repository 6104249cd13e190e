"""Large documents of one kind each parse to what they print, within the suite's time: the
corners that once grew faster than the document (columns matched cell by cell, bullets
nested by comparing each with every open one, prose cut at 5,000 characters)."""

from __future__ import annotations

import re
import warnings

import pytest
from large_documents import bullets, cells_on_one_line, long_line, nested_bullets, table_rows

import release_parser as rp
from release_parser.normalize.periods import FiscalCalendar

IIJ = FiscalCalendar(year_end_month=3, naming="start")


def _parse(text: str) -> rp.Release:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        return rp.parse_text(text, calendar=IIJ, max_chars=len(text) + 1)


def test_a_line_of_8000_cells_is_one_row_of_8000_columns():
    release = _parse(cells_on_one_line(8_000))
    table = release.tables[0]
    assert [item.label for item in table.line_items] == ["Revenue"]
    assert len(table.columns) == 8_000
    assert all(cell is not None and cell.number.value == 1 for cell in table.cells[0])


def test_every_bullet_of_a_long_list_is_a_highlight_with_its_figures():
    release = _parse(bullets(3_000))
    assert len(release.bullets) == 3_000
    assert {bullet.level for bullet in release.bullets} == {1}
    amounts = [fact.value for fact in release.prose if fact.unit == "JPY"]
    assert amounts == list(range(3_000))


def test_every_row_of_a_long_table_is_read():
    release = _parse(table_rows(5_000))
    table = release.tables[0]
    assert len(table.line_items) == 5_000
    assert table.line_items[-1].label == "Item 4999"
    assert [cell.number.value for cell in table.cells[-1]] == [4_999, 5_000]


def test_every_figure_of_a_long_line_of_prose_is_read():
    text = long_line(400_000)
    release = _parse(text)
    line = text.splitlines()[-1]
    stated = len(re.findall(r"JPY 10,512 million", line))
    assert stated > 100
    assert sum(fact.raw == "JPY 10,512 million" for fact in release.prose) == stated
    assert all(line[f.char_start : f.char_end] == f.raw for f in release.prose)


@pytest.mark.parametrize("depth", [2_000])
def test_a_deep_outline_nests_every_bullet_under_the_one_before(depth):
    release = _parse(nested_bullets(depth))
    assert [bullet.level for bullet in release.bullets] == list(range(1, depth + 1))
    assert [bullet.parent for bullet in release.bullets] == [None, *range(depth - 1)]
