"""Bad input gives a typed error or an empty but valid result, never a crash or a hang."""

import pytest

import release_parser as rp
from release_parser.frames import FACT_COLUMNS, HIGHLIGHT_COLUMNS


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(rp.EmptyInputError):
        rp.parse(path)


def test_missing_file(tmp_path):
    with pytest.raises(rp.ReadError):
        rp.parse(tmp_path / "nope.txt")


def test_binary_junk(tmp_path):
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(range(256)) * 400)
    with pytest.raises(rp.UnsupportedInputError):
        rp.parse(path)


def test_text_without_tables_is_empty_but_valid():
    rel = rp.parse_text("Just a sentence.\n\nAnother one, with no figures at all.")
    assert rel.tables == []
    assert list(rel.facts.columns) == list(FACT_COLUMNS)
    assert list(rel.highlights.columns) == list(HIGHLIGHT_COLUMNS)
    assert len(rel.facts) == 0


def test_ragged_rows_keep_every_cell():
    text = "\t2Q04\t1Q04\nRevenue\t100\t90\nCosts\t80\nOther\t1\t2\t3\n"
    rel = rp.parse_text(text)
    table = rel.tables[0]
    assert list(table.frame.index) == ["Revenue", "Costs", "Other"]
    assert table.frame.loc["Costs", "2Q04"] == 80
    # the third value of "Other" has no header but is not lost
    assert rel.facts[rel.facts.line_item == "Other"].value.tolist() == [1, 2, 3]


def test_table_without_header_gets_placeholder_columns():
    rel = rp.parse_text("Revenue\t100\t90\nCosts\t80\t70\n")
    assert rel.tables[0].column_labels == ["column_1", "column_2"]
    assert rel.facts.period.isna().all()
    assert rel.facts.value.tolist() == [100, 90, 80, 70]


def test_huge_text_is_refused_with_a_typed_error(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Total Revenues\t10,512\t9,185\t14.4%\n" * 600_000)  # about 20 MB
    assert path.stat().st_size > 19_000_000
    with pytest.raises(rp.ResourceLimitError):
        rp.parse(path)


def test_large_dense_table_parses_completely():
    row = "Total Revenues\t10,512\t9,185\t14.4%\n"
    rel = rp.parse_text("\t2Q04\t2Q03\tYoY % Change\n" + row * 5_000)
    assert len(rel.tables) == 1
    assert len(rel.facts) == 15_000
    assert rel.facts.value.sum() == 5_000 * (10512 + 9185 + 14.4)


def test_hostile_line_is_bounded():
    text = "(" * 200_000 + "\n" + "1," * 200_000 + "\n" + "-" * 100_000
    rel = rp.parse_text(text)
    assert rel.tables == []


def test_the_content_decides_not_the_name(tmp_path):
    path = tmp_path / "release.pdf"
    path.write_text("\t2Q04\t1Q04\nRevenue\t100\t90\n")
    assert rp.parse(path).tables[0].frame.loc["Revenue", "2Q04"] == 100


def test_markup_named_pdf_is_not_a_pdf(tmp_path):
    path = tmp_path / "release.pdf"
    path.write_text("<html><body>Revenue 100</body></html>")
    with pytest.raises(rp.NotAPDFError):
        rp.parse(path)


def test_html_is_read_by_its_content_whatever_its_name(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html>\n<html><body><table><tr><td></td><td>2Q04</td><td>1Q04</td></tr>"
        "<tr><td>Revenue</td><td>100</td><td>90</td></tr></table></body></html>"
    )
    rel = rp.parse(path, calendar=rp.FiscalCalendar(3, "start"))
    assert rel.facts[["line_item", "column", "value"]].values.tolist() == [["Revenue", "2Q04", 100], ["Revenue", "1Q04", 90]]



def test_dot_leaders_are_not_part_of_labels():
    rel = rp.parse_text("Violent crime . . . . . .\t10\t20\nTotal........\t1\t2\n")
    assert [item.label for item in rel.tables[0].line_items] == ["Violent crime", "Total"]


def test_text_given_to_parse_says_to_use_parse_text():
    text = "Kanto Network Systems Inc.\nRevenues\t92,305\t106,107\n"
    with pytest.raises(rp.UnsupportedInputError, match=r"not a path: use rp.parse_text\(text\)"):
        rp.parse(text)
    assert rp.parse_text(text).facts["value"].tolist() == [92305.0, 106107.0]


def test_a_text_mode_file_says_to_open_it_in_binary(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text("Revenues\t92,305\n", encoding="utf-8")
    with path.open(encoding="utf-8") as handle, pytest.raises(TypeError, match=r"binary mode \('rb'\)"):
        rp.parse(handle)
    with path.open("rb") as handle:
        assert rp.parse(handle).facts["value"].tolist() == [92305.0]
    assert rp.parse(path.read_bytes()).facts["value"].tolist() == [92305.0]
