"""EDGAR containers: submissions, single <DOCUMENT>s, and plain text with <PAGE>/<TABLE>/<S>/<C>."""

import json

import pandas as pd
import pytest

import release_parser as rp
from golden import golden_path, summarize
from release_parser.readers import read_source, sniff
from release_parser.readers.edgar import read_edgar, split_filing
from release_parser.readers.edgar_text import read_edgar_text

SAMPLES = __import__("conftest").REPO / "samples"
DATA = __import__("conftest").TESTS / "readers" / "data"
SUBMISSION = DATA / "iij_2q_fy2004_6k_edgar.txt"
TRUTH = DATA / "iij_2q_fy2004_6k_edgar.truth.json"

EXHIBIT_HTML = """<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>ex99-1.htm
<DESCRIPTION>PRESS RELEASE
<TEXT>
<HTML><BODY>
<P>Kanto Network Systems Inc.</P>
<TABLE>
<TR><TD></TD><TD COLSPAN="2">3Q06</TD><TD COLSPAN="2">3Q05</TD></TR>
<TR><TD>Total revenues</TD><TD></TD><TD>16,511</TD><TD></TD><TD>14,418</TD></TR>
<TR><TD>Operating income (loss)</TD><TD></TD><TD>621</TD><TD>(</TD><TD>284)</TD></TR>
</TABLE>
</BODY></HTML>
</TEXT>
</DOCUMENT>
"""

TWO_EXHIBITS = """<SEC-DOCUMENT>0000000000-07-000002.txt : 20070208
<SEC-HEADER>0000000000-07-000002.hdr.sgml : 20070208
CONFORMED SUBMISSION TYPE:\t6-K
CONFORMED PERIOD OF REPORT:\t20070208
FILED AS OF DATE:\t\t20070208
\t\tCOMPANY CONFORMED NAME:\t\t\tKANTO NETWORK SYSTEMS INC
</SEC-HEADER>
<DOCUMENT>
<TYPE>6-K
<SEQUENCE>1
<TEXT>
FORM 6-K cover page
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<TEXT>
Revenue  16,511  14,418
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.2
<SEQUENCE>3
<TEXT>
Dividend  1,250  1,000
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>4
<FILENAME>logo.jpg
<TEXT>
begin 644 logo.jpg
M_]C_X
end
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def texts(layout):
    return [line.text for line in layout.lines if line.cells]


def test_header_fields_and_documents_are_split():
    filing = split_filing(TWO_EXHIBITS)
    assert dict(filing.fields) == {
        "form_type": "6-K", "period_of_report": "2007-02-08", "filed": "2007-02-08",
        "company": "KANTO NETWORK SYSTEMS INC",
    }
    assert [d.type for d in filing.documents] == ["6-K", "EX-99.1", "EX-99.2", "GRAPHIC"]


@pytest.mark.parametrize("documents, expected", [
    ("exhibits", ["Revenue 16,511 14,418", "Dividend 1,250 1,000"]),
    ("all", ["FORM 6-K cover page", "Revenue 16,511 14,418", "Dividend 1,250 1,000"]),
    ("EX-99.2", ["Dividend 1,250 1,000"]),
])
def test_documents_are_chosen_by_type(documents, expected):
    layout = read_edgar(TWO_EXHIBITS, documents=documents)
    assert texts(layout) == expected
    assert len({line.page for line in layout.lines if line.cells}) == len(expected)


def test_a_submission_without_exhibits_reads_its_first_document():
    text = TWO_EXHIBITS.replace("EX-99.1", "EX-10.1").replace("EX-99.2", "EX-10.2")
    assert texts(read_edgar(text)) == ["FORM 6-K cover page"]


def test_no_document_to_read_is_an_empty_input_error():
    with pytest.raises(rp.EmptyInputError, match="EX-12"):
        read_edgar(TWO_EXHIBITS, documents="EX-12")


def test_a_single_html_exhibit_is_read_as_html():
    assert sniff(EXHIBIT_HTML.encode()) == "edgar"
    layout = read_source(EXHIBIT_HTML.encode())
    assert layout.kind == "html"
    assert dict(layout.filing)["document_types"] == "EX-99.1"
    rows = [[c.text for c in line.cells] for line in layout.lines if len(line.cells) > 1]
    assert rows == [["", "3Q06", "3Q05"], ["Total revenues", "16,511", "14,418"], ["Operating income (loss)", "621", "(284)"]]


PLAIN = """                         Operating Results
<TABLE>
<CAPTION>
(JPY in millions)
                                  Three Months Ended
                                  ------------------
                                 Dec 31,      Dec 31,
                                   2006         2005
<S>                            <C>          <C>
Total revenues................    16,511       14,418
Operating income (loss).......       621        (284)

                                   - 2 -
<PAGE>
Net income (loss).............       344        (414)
</TABLE>
"""


def test_marker_columns_cut_rows_and_spanning_headers():
    layout = read_edgar_text(PLAIN, first_line=10)
    rows = [[c.text for c in line.cells] for line in layout.lines if len(line.cells) > 2]
    assert rows == [
        ["", "Three Months Ended", "Three Months Ended"],
        ["", "Dec 31,", "Dec 31,"],
        ["", "2006", "2005"],
        ["Total revenues", "16,511", "14,418"],
        ["Operating income (loss)", "621", "(284)"],
        ["Net income (loss)", "344", "(414)"],
    ]
    net = next(line for line in layout.lines if line.cells and line.cells[0].text == "Net income (loss)")
    assert (net.page, net.number) == (2, 10 + 14)
    assert layout.page_count == 2


def test_a_page_break_inside_a_table_does_not_end_it():
    rel = rp.parse(PLAIN.encode(), calendar=rp.FiscalCalendar(year_end_month=3))
    assert len(rel.tables) == 1
    frame = rel.tables[0].frame
    assert frame["Three Months Ended Dec 31, 2005"].tolist() == [14418, -284, -414]
    assert rel.tables[0].scale == 1_000_000


@pytest.fixture(scope="module")
def submission():
    return rp.parse(SUBMISSION)


def test_submission_sample_reads_the_exhibit_only(submission):
    layout = read_source(SUBMISSION)
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    fields = dict(layout.filing)
    for name in ("form_type", "company", "filed", "period_of_report"):
        assert fields[name] == truth["filing"][name]
    assert fields["document_types"].split(",") == truth["filing"]["documents_read"]
    assert not any("FORM 6-K" in line.text for line in layout.lines)


def test_submission_sample_gives_the_reference_values(submission):
    frame = submission.tables[0].frame
    assert frame.loc["Operating Income (Loss)", "2Q03"] == -830
    assert frame.loc["SG&A Expenses / R&D", "YoY % Change"] == -18.0
    assert submission.tables[1].frame.loc["Net Income (Loss)", "1H03"] == -2753
    row = submission.facts[(submission.facts.line_item == "Total Revenues") & (submission.facts.column == "QoQ % Change")]
    assert (row.value.item(), row.base_period.item()) == (21.2, "1Q04")


def test_submission_sample_matches_the_text_sample(submission):
    reference = rp.parse(SAMPLES / "iij_2q_fy2004_results.txt")
    columns = ["table", "line_item", "column", "value", "period_start", "period_end", "measure", "unit", "scale"]
    assert submission.facts[columns].reset_index(drop=True).equals(reference.facts[columns].reset_index(drop=True))
    assert (submission.company, submission.title, submission.published) == (
        reference.company, reference.title, reference.published
    )


def test_submission_sample_matches_its_truth_file(submission):
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    assert (submission.company, submission.title, str(submission.published)) == (
        truth["company"], truth["title"], truth["date"]
    )
    assert submission.calendar.year_end_month == truth["fiscal_year_end_month"]
    facts = submission.facts
    for table_truth in truth["tables"]:
        [table] = [t for t in submission.tables if table_truth["title_contains"] in t.title]
        assert (table.scale, table.column_labels) == (table_truth["scale"], table_truth["columns"])
        for item, values in table_truth["rows"].items():
            for column, want in zip(table_truth["columns"], values):
                rows = facts[(facts.table == table.index) & (facts.line_item == item) & (facts.column == column)]
                if want is None:
                    assert rows.value.isna().all(), (item, column)
                    continue
                assert rows.value.tolist() == [pytest.approx(want)], (item, column)
                dates = truth["periods"].get(column)
                if dates is not None:
                    row = rows.iloc[0]
                    assert [str(row.period_start.date()), str(row.period_end.date())] == dates
                    assert isinstance(row.period_start, pd.Timestamp)


def test_submission_sample_matches_its_golden_file(submission):
    assert summarize(submission) == json.loads(golden_path(SUBMISSION).read_text(encoding="utf-8"))
