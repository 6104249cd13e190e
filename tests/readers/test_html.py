"""The HTML reader: tables, split cells, lists, bold, hidden elements, and the samples written in HTML."""

import io
import json
import warnings

import pandas as pd
import pytest

import release_parser as rp
from golden import golden_path, summarize
from release_parser.readers import read_source, sniff
from release_parser.readers.html import decode_html, read_html
from release_parser.readers.html_tables import GridCell, merge_affixes

SAMPLES = __import__("conftest").REPO / "samples"
#: The reference release in other formats: beside the tests, so that ingesting samples/ loads it once.
DATA = __import__("conftest").TESTS / "readers" / "data"
HTML_SAMPLE = DATA / "iij_2q_fy2004_results.htm"
TEXT_SAMPLE = SAMPLES / "iij_2q_fy2004_results.txt"

STATEMENT = b"""<html><body>
<p><b>Condensed Statements of Income</b></p>
<p>(In millions)</p>
<table>
 <tr><td></td><td></td><td colspan="3">Three Months Ended</td><td></td><td colspan="3">Six Months Ended</td></tr>
 <tr><td></td><td></td><td colspan="3">July 31,</td><td></td><td colspan="3">July 31,</td></tr>
 <tr><td colspan="2"></td><td></td><td>2022</td><td></td><td></td><td></td><td>2022</td><td></td></tr>
 <tr><td colspan="2">Revenue</td><td>$</td><td>6,704</td><td></td><td></td><td>$</td><td>14,992</td><td></td></tr>
 <tr><td></td><td>Interest expense</td><td></td><td>(65</td><td>)</td><td></td><td></td><td>(132</td><td>)</td></tr>
 <tr><td colspan="2">Gross margin</td><td></td><td>43.5</td><td>%</td><td></td><td></td><td>53.6</td><td>%</td></tr>
</table>
</body></html>"""


def rows_of(layout):
    return [[c.text for c in line.cells] for line in layout.lines if line.cells]


AFFIX_CASES = [
    # (cells, expected texts, reason)
    (["Revenue", "$", "6,704"], ["Revenue", "", "$6,704"], "dollar sign in its own cell"),
    (["Interest", "(65", ")"], ["Interest", "(65)", ""], "closing parenthesis apart"),
    (["Loss", "$", "(1,550", ")"], ["Loss", "", "$(1,550)", ""], "dollar and both parentheses apart"),
    (["Margin", "43.5", "%"], ["Margin", "43.5%", ""], "percent sign apart"),
    (["Change", "(2.1", ")%"], ["Change", "(2.1)%", ""], "closing parenthesis with percent"),
    (["Notes", "$", "see below"], ["Notes", "$", "see below"], "a $ before words stays"),
    (["Total", ")", "5"], ["Total", ")", "5"], "a ) after a label stays"),
]


@pytest.mark.parametrize("texts, expected, reason", AFFIX_CASES, ids=[c[2] for c in AFFIX_CASES])
def test_split_cells_are_joined(texts, expected, reason):
    cells = [GridCell(text, 0, col, anchor=col) for col, text in enumerate(texts)]
    assert [c.text for c in merge_affixes(cells)] == expected, reason


def test_statement_rows_have_one_cell_per_value_column():
    rows = rows_of(read_html(STATEMENT))
    assert ["", "Three Months Ended", "Six Months Ended"] in rows
    assert ["", "2022", "2022"] in rows
    assert ["Revenue", "$6,704", "$14,992"] in rows
    assert ["Interest expense", "(65)", "(132)"] in rows
    assert ["Gross margin", "43.5%", "53.6%"] in rows


def test_statement_parses_to_dated_facts():
    rel = rp.parse(STATEMENT, calendar=rp.FiscalCalendar(year_end_month=1))
    facts = rel.facts.set_index(["line_item", "column"])
    assert facts.loc[("Revenue", "Three Months Ended July 31, 2022"), "value"] == 6704
    assert facts.loc[("Interest expense", "Six Months Ended July 31, 2022"), "value"] == -132
    assert facts.loc[("Gross margin", "Three Months Ended July 31, 2022"), "unit"] == "%"
    assert rel.tables[0].title == "Condensed Statements of Income"


def test_colspan_header_spans_its_columns_and_rowspan_label_repeats():
    html = b"""<table>
      <tr><th rowspan="2">Segment</th><th colspan="2">FY2024</th><th colspan="2">FY2023</th></tr>
      <tr><th>Sales</th><th>Profit</th><th>Sales</th><th>Profit</th></tr>
      <tr><td rowspan="2">Network</td><td>100</td><td>10</td><td>90</td><td>9</td></tr>
      <tr><td>101</td><td>11</td><td>91</td><td>8</td></tr>
    </table>"""
    rows = rows_of(read_html(html))
    assert rows[0] == ["Segment", "FY2024", "FY2024", "FY2023", "FY2023"]
    assert rows[1] == ["", "Sales", "Profit", "Sales", "Profit"]
    assert rows[2] == ["Network", "100", "10", "90", "9"]
    assert rows[3] == ["Network", "101", "11", "91", "8"]


def test_nested_lists_become_bullets_with_levels_and_bold_leads():
    html = """<html><body><h2>Highlights</h2>
      <ul style="list-style-type: '✓'">
        <li><strong>Revenue rose</strong>
          <ul><li>Network services grew 6.7%</li><li>Systems integration grew 25.8%</li></ul>
        </li>
        <li><span style="font-weight: 700">Operating income turned positive</span></li>
      </ul>
      <h2>Outlook</h2>
      <p>• Glyph paragraphs are bullets too</p>
    </body></html>""".encode()
    bullets = rp.parse(html).highlights
    assert bullets.text.tolist() == [
        "Revenue rose", "Network services grew 6.7%", "Systems integration grew 25.8%",
        "Operating income turned positive", "Glyph paragraphs are bullets too",
    ]
    assert bullets.level.tolist() == [1, 2, 2, 1, 1]
    assert bullets.marker.tolist() == ["✓", "◦", "◦", "✓", "•"]  # CSS string marker, then the default by depth
    assert bullets.emphasis.tolist() == [True, False, False, True, False]
    assert bullets.parent.tolist()[1] == 0
    assert bullets.section.tolist() == ["Highlights"] * 4 + ["Outlook"]


def test_hidden_elements_scripts_and_navigation_are_skipped():
    html = b"""<html><head><title>Page title</title><style>p{color:red}</style></head><body>
      <nav>Home | Products</nav><script>var revenue = "99,999";</script>
      <div style="display:none">Hidden 12,345</div><p hidden>Also hidden</p>
      <span style="visibility: hidden">Invisible</span><noscript>Enable JavaScript</noscript>
      <p>Revenue&nbsp;was JPY&#160;10,512&nbsp;million &amp; rising</p>
    </body></html>"""
    layout = read_html(html)
    assert [line.text for line in layout.lines if line.cells] == ["Revenue was JPY 10,512 million & rising"]


def test_line_breaks_and_headings_make_lines():
    layout = read_html(b"<h1>Results</h1><p>First line<br>second line</p>")
    assert [line.raw for line in layout.lines] == ["Results", "", "First line", "second line", ""]


def test_encoding_is_read_from_the_page():
    page = '<meta charset="shift_jis"><p>売上高 10,512</p>'.encode("shift_jis")
    assert decode_html(page).endswith("<p>売上高 10,512</p>")
    assert read_html(page).lines[0].text == "売上高 10,512"


def test_sniffing_is_by_content_not_name(tmp_path):
    path = tmp_path / "release.txt"
    path.write_bytes(STATEMENT)
    assert sniff(STATEMENT) == "html"
    assert read_source(path).kind == "html"


@pytest.mark.parametrize("form", ["path", "str", "bytes", "file"])
def test_parse_takes_a_path_bytes_or_a_binary_file(form, tmp_path):
    path = tmp_path / "statement.htm"
    path.write_bytes(STATEMENT)
    source = {"path": path, "str": str(path), "bytes": STATEMENT, "file": io.BytesIO(STATEMENT)}[form]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        rel = rp.parse(source)
    assert rel.facts.set_index("line_item").loc["Revenue", "value"].tolist() == [6704.0, 14992.0]


def test_parse_refuses_a_text_mode_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Revenue\t1\t2\n")
    with open(path, encoding="utf-8") as handle, pytest.raises(TypeError, match="binary mode"):
        rp.parse(handle)


@pytest.fixture(scope="module")
def html_release():
    return rp.parse(HTML_SAMPLE)


@pytest.fixture(scope="module")
def text_release():
    return rp.parse(TEXT_SAMPLE)


def test_reference_release_as_html_gives_the_same_facts(html_release, text_release):
    columns = ["table", "line_item", "column", "value", "period_start", "period_end", "measure", "unit", "scale"]
    got = html_release.facts[columns].reset_index(drop=True)
    want = text_release.facts[columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    row = got[(got.line_item == "Operating Income (Loss)") & (got.column == "2Q03") & (got.table == 0)].iloc[0]
    assert (row.value, row.period_start) == (-830, pd.Timestamp("2003-07-01"))


def test_reference_release_as_html_gives_the_same_highlights(html_release, text_release):
    columns = ["text", "level", "marker", "emphasis", "section", "parent"]
    pd.testing.assert_frame_equal(
        html_release.highlights[columns].reset_index(drop=True), text_release.highlights[columns].reset_index(drop=True)
    )
    assert len(html_release.highlights) == 99


def test_reference_release_as_html_matches_the_truth(html_release):
    # the HTML and the EDGAR sample render the same release, so one truth file serves both
    truth = json.loads((DATA / "iij_2q_fy2004_6k_edgar.truth.json").read_text(encoding="utf-8"))
    assert (html_release.company, html_release.title, str(html_release.published)) == (
        truth["company"], truth["title"], truth["date"]
    )
    for table_truth, table in zip(truth["tables"], html_release.tables):
        assert table_truth["title_contains"] in table.title
        assert table.column_labels == table_truth["columns"]
        for item, values in table_truth["rows"].items():
            got = [None if pd.isna(v) else v for v in table.frame.loc[item]]
            assert got == pytest.approx(values) if None not in values else got == values


def test_html_sample_matches_its_golden_file(html_release):
    expected = json.loads(golden_path(HTML_SAMPLE).read_text(encoding="utf-8"))
    assert summarize(html_release) == expected


def test_nvidia_release_page_reads_its_statements(shared_dir):
    rel = rp.parse(shared_dir / "real-releases" / "01_nvidia_q4fy25_release.htm")
    summary = rel.tables[0]
    assert summary.column_labels == ["Q4 FY25", "Q3 FY25", "Q4 FY24", "Q/Q", "Y/Y"]
    assert summary.frame.loc["Revenue", "Q4 FY25"] == 39331
    facts = rel.facts
    interest = facts[(facts.line_item == "Interest expense") & facts.column.str.startswith("Three Months Ended January 26")]
    assert interest.value.tolist()[0] == -61
    balance = facts[facts.line_item == "Total assets"]
    assert balance.value.tolist()[:2] == [111601, 65728]
