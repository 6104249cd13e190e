"""Hostile PDFs, generated here (no stored bombs): each ends in a typed error or a read, in bounded memory."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pdfminer.pdfpage import PDFPage

import release_parser as rp
from pdf_bytes import PdfPage, build_pdf, deflate_chunks, text_content
from release_parser.readers import pdf as pdf_module
from release_parser.readers.pdf import read_pdf
from release_parser.readers.pdf_bounds import DEFAULT_MAX_PAGE_CONTENT_BYTES, inflated_size

LINES = ["Summary of Results", "", "Revenue   10,512   8,675", "Operating Income   830   612"]
MIB = 1 << 20


def _bomb(inflated_mib: int) -> bytes:
    """A page printing LINES, then ``inflated_mib`` MiB of blanks, compressed to a few hundred KB."""
    blanks = b" " * MIB
    return build_pdf([PdfPage(deflate_chunks([text_content(LINES) + b"\n", *([blanks] * inflated_mib)]),
                              compressed=True)])


def _drawing(repeats: int) -> bytes:
    """A page with LINES and ``3 * repeats`` drawing operators (``m``, ``l``, ``S``)."""
    strokes = b"0 0 m 1 1 l S\n" * 1000
    chunks = [text_content(LINES) + b"\n", *([strokes] * (repeats // 1000))]
    return build_pdf([PdfPage(deflate_chunks(chunks), compressed=True)])


def test_a_small_pdf_reads_its_lines():
    layout = read_pdf(build_pdf([PdfPage(text_content(LINES))]))
    assert [line.raw for line in layout.lines] == ["Summary of Results", "", "Revenue  10,512  8,675",
                                                   "Operating Income  830  612"]


def test_content_is_measured_without_inflating_it_whole():
    pdf = _bomb(8)
    assert len(pdf) < 64_000
    layout = read_pdf(pdf, max_content_bytes=16 * MIB)
    assert layout.lines[0].raw == "Summary of Results"
    with pytest.raises(rp.ContentLimitError, match=r"page 1 inflates to more than 4,194,304 bytes"):
        read_pdf(pdf, max_content_bytes=4 * MIB)


def test_a_bomb_beyond_the_default_page_cap_is_refused():
    pdf = _bomb(DEFAULT_MAX_PAGE_CONTENT_BYTES // MIB + 4)
    assert len(pdf) < 150_000
    with pytest.raises(rp.ContentLimitError, match="max_content_bytes"):
        rp.parse(pdf)


def test_the_document_cap_counts_every_page():
    page = PdfPage(deflate_chunks([text_content(LINES) + b"\n", *([b" " * MIB] * 3)]), compressed=True)
    pdf = build_pdf([page] * 4)
    assert read_pdf(pdf, max_content_bytes=20 * MIB).page_count == 4
    with pytest.raises(rp.ContentLimitError, match="the document inflates to more than 10,485,760 bytes"):
        read_pdf(pdf, max_content_bytes=10 * MIB)


def test_inflated_size_stops_counting_past_its_limit():
    with pdfplumber.open(io.BytesIO(_bomb(32))) as document:
        stream = next(iter(PDFPage.create_pages(document.doc))).contents[0]
        counted = inflated_size(stream, MIB)
        assert stream.data is None  # measured, not decoded
    assert MIB < counted <= 2 * MIB


def test_operators_beyond_the_budget_stop_the_page():
    pdf = _drawing(3_000)  # 9,000 operators
    assert read_pdf(pdf, max_operators=20_000).lines[0].raw == "Summary of Results"
    with pytest.raises(rp.OperatorLimitError, match="page 1 draws more than 5,000 operators and glyphs"):
        read_pdf(pdf, max_operators=5_000)


def test_glyphs_count_against_the_budget():
    pdf = build_pdf([PdfPage(b"BT /F1 1 Tf 0 700 Td (" + b"x" * 20_000 + b") Tj ET")])
    with pytest.raises(rp.OperatorLimitError):
        read_pdf(pdf, max_operators=10_000)


def test_the_timeout_interrupts_a_page_in_the_middle():
    pdf = _drawing(567_000)  # 1.7 million operators in about 16 KB
    assert len(pdf) < 20_000
    with pytest.raises(rp.TimeLimitError, match="on page 1: it took longer than 0.5 s"):
        read_pdf(pdf, timeout=0.5, max_operators=10**8)


def test_memory_running_out_is_a_resource_limit_not_a_damaged_page(monkeypatch):
    def exhausted(page):
        raise MemoryError

    monkeypatch.setattr(pdf_module, "_read_page", exhausted)
    with pytest.raises(rp.ResourceLimitError, match="page 1 needs more memory") as caught:
        read_pdf(build_pdf([PdfPage(text_content(LINES))] * 2))
    assert isinstance(caught.value.__cause__, MemoryError)


@pytest.mark.parametrize("tree_mediabox", [None, (0, 0, 612, 792)])
def test_a_page_without_mediabox_is_read_at_the_default_size(tree_mediabox):
    pdf = build_pdf([PdfPage(text_content(LINES), mediabox=None)], tree_mediabox=tree_mediabox)
    layout = read_pdf(pdf)
    assert layout.lines[2].raw == "Revenue  10,512  8,675"
    assert layout.lines[0].cells[0].top == pytest.approx(63.28, abs=0.01)  # the same as with a Letter MediaBox


def test_bad_bounds_are_rejected():
    with pytest.raises(ValueError):
        read_pdf(build_pdf([PdfPage(text_content(LINES))]), max_content_bytes=0)
    with pytest.raises(ValueError):
        read_pdf(build_pdf([PdfPage(text_content(LINES))]), max_operators=0)
