"""Real third-party and hostile PDFs (../shared/pdfs): each parses, or fails with a typed error, in time."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import release_parser as rp
from release_parser.frames import FACT_COLUMNS
from release_parser.readers.pdf import read_pdf

#: Where the shared PDFs sit, relative to the repository root.
SHARED_PDFS = Path(__file__).resolve().parents[2] / ".." / "shared" / "pdfs"
#: The reading time allowed to each document (checked between pages).
PER_DOCUMENT_SECONDS = 5.0
#: Real PDFs whose tables must be found (as ../shared/tools/check_pdfs.py demands).
TABLE_PDFS = (
    "camelot-12s0324.pdf",
    "camelot-budget.pdf",
    "camelot-health.pdf",
    "camelot-superscript.pdf",
    "pdfplumber-senate-expenditures.pdf",
    "pdfplumber-nics-background-checks-2015-11.pdf",
    "pdfplumber-nics-background-checks-2015-11-rotated.pdf",
    "pdfplumber-issue-140-example.pdf",
)
_NAMES = sorted(path.name for path in SHARED_PDFS.glob("*.pdf")) if SHARED_PDFS.is_dir() else []


@pytest.fixture(scope="module")
def shared_pdfs() -> Path:
    """The folder of shared PDFs beside the checkout; the tests skip when it is absent."""
    folder = SHARED_PDFS.resolve()
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


def parse(path: Path, **options) -> rp.Release:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        return rp.parse(path, **options)


@pytest.mark.parametrize("name", _NAMES)
def test_every_pdf_parses_or_fails_typed(shared_pdfs, name):
    try:
        release = parse(shared_pdfs / name, timeout=PER_DOCUMENT_SECONDS)
    except rp.ReleaseParserError:
        return  # a typed failure is an answer; anything else propagates and fails
    assert isinstance(release, rp.Release)
    assert list(release.facts.columns) == list(FACT_COLUMNS)


def test_the_3000_page_pdf_stops_at_the_time_limit(shared_pdfs):
    with pytest.raises(rp.ResourceLimitError, match="longer than 1 s"):
        parse(shared_pdfs / "hostile-3000-pages.pdf", timeout=1.0)


def test_the_3000_page_pdf_reads_max_pages_only(shared_pdfs):
    with pytest.warns(rp.ReleaseWarning, match="only the first 20 of 3000 pages"):
        release = rp.parse(shared_pdfs / "hostile-3000-pages.pdf", max_pages=20)
    assert release.page_count == 20
    with pytest.warns(rp.ReleaseWarning, match="only the first 3 of 3000 pages"):
        layout = read_pdf((shared_pdfs / "hostile-3000-pages.pdf").read_bytes(), max_pages=3)
    assert {line.page for line in layout.lines} == {1, 2, 3}
    # lines 1-2 of every page sit in the top margin and repeat (digits masked): running headers
    assert layout.lines[0].text == "Page 1 line 3 ■ Revenue ■ 14 ■ (26)"  # ZapfDingbats 'n' is a square


def test_encrypted_pdf_opens_with_its_password(shared_pdfs):
    path = shared_pdfs / "pdfplumber-password-example.pdf"
    with pytest.raises(rp.EncryptedPDFError, match="pass password="):
        parse(path)
    with pytest.raises(rp.EncryptedPDFError, match="wrong"):
        parse(path, password="nope")
    release = parse(path, password="test")
    assert release.kind == "pdf" and release.page_count >= 1


@pytest.mark.parametrize("name", ["hostile-image-only.pdf", "pdfplumber-issue-203-decimalize.pdf"])
def test_pdfs_without_text_have_no_text_layer(shared_pdfs, name):
    with pytest.raises(rp.NoTextLayerError):
        parse(shared_pdfs / name)


def test_empty_file_and_pdf_without_pages(shared_pdfs):
    with pytest.raises(rp.EmptyInputError):
        parse(shared_pdfs / "pdfplumber-empty.pdf")
    with pytest.raises(rp.EmptyInputError, match="no pages"):
        parse(shared_pdfs / "pdfplumber-issue-297-example.pdf")


def test_truncated_pdf_is_a_read_error(shared_pdfs):
    with pytest.raises(rp.ReadError, match="truncated"):
        parse(shared_pdfs / "broken-truncated.pdf")


def test_html_named_pdf_is_not_a_pdf_to_the_reader(shared_pdfs):
    with pytest.raises(rp.NotAPDFError):
        read_pdf((shared_pdfs / "broken-not-a-pdf.pdf").read_bytes(), source="broken-not-a-pdf.pdf")


def test_html_named_pdf_is_refused_by_parse(shared_pdfs):
    with pytest.raises(rp.NotAPDFError):
        parse(shared_pdfs / "broken-not-a-pdf.pdf")


@pytest.mark.parametrize("name", TABLE_PDFS)
def test_table_pdfs_give_tables(shared_pdfs, name):
    release = parse(shared_pdfs / name)
    assert release.tables and all(table.columns for table in release.tables)


def test_text_listing_gives_a_table(shared_pdfs):
    release = parse(shared_pdfs / "camelot-column_separators.pdf")
    table = max(release.tables, key=lambda t: len(t.line_items))
    assert len(table.line_items) >= 20
    assert table.raw.loc["648765 AAA", "CITY"] == "OKLAHOMA CITY"
    zips = release.facts[(release.facts.line_item == "648765 AAA") & (release.facts.column == "ZIP")]
    assert zips.value.tolist() == [73159]


def test_text_listing_reads_as_aligned_columns_without_its_running_header(shared_pdfs):
    layout = read_pdf((shared_pdfs / "camelot-column_separators.pdf").read_bytes())
    assert layout.page_count == 2
    assert not any("ALPHABETIC LISTING" in line.text for line in layout.lines)  # on both pages: dropped
    header = next(line for line in layout.lines if line.text.startswith("NUMBER"))
    assert [c.text for c in header.cells] == [
        "NUMBER", "TYPE", "DBA NAME", "LICENSEE NAME", "ADDRESS", "CITY", "ST", "ZIP", "PHONE NUMBER", "EXPIRES",
    ]  # fmt: skip


def test_transcript_has_text_and_no_tables(shared_pdfs):
    release = parse(shared_pdfs / "pdfplumber-scotus-transcript-p1.pdf")
    assert release.tables == [] and release.paragraphs


def test_rotated_page_gives_the_values_of_the_upright_one(shared_pdfs):
    upright = parse(shared_pdfs / "pdfplumber-nics-background-checks-2015-11.pdf")
    rotated = parse(shared_pdfs / "pdfplumber-nics-background-checks-2015-11-rotated.pdf")
    columns = ["line_item", "column", "value", "raw"]
    assert len(upright.facts) > 1000
    assert upright.facts[columns].equals(rotated.facts[columns])


def test_ruled_table_values_are_honest(shared_pdfs):
    release = parse(shared_pdfs / "pdfplumber-nics-background-checks-2015-11.pdf")
    table = release.tables[0]
    assert len(table.columns) == 24  # the state label, then 24 printed columns
    alabama = table.frame.loc["Alabama"]
    assert list(alabama.iloc[:4]) == [18870.0, 23022.0, 22650.0, 859.0]
    assert alabama.iloc[-1] == 71137.0


def test_zebra_striped_rows_are_not_ruled_cells(shared_pdfs):
    # camelot-health fills every other row with a band: a box around the row, not a cell
    release = parse(shared_pdfs / "camelot-health.pdf")
    frame = release.tables[0].frame
    assert frame.loc["Arunachal Pradesh"].iloc[0] == 2241609.0
    assert frame.loc["Andhra Pradesh"].iloc[0] == 47824589.0
