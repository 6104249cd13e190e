"""Both PDF engines, playa and pdfplumber, give the same release for every PDF we have.

The PDFs are the ones the tests render (every layout of ``pdf_render.py``,
and the generated hostile pages of ``pdf_bytes.py``) and those in ../shared
(third-party samples, the IIJ layouts and the real releases), read through
the ``shared_dir`` fixture. For each, the facts, highlights and prose facts
are equal, frame for frame; a PDF one engine refuses, the other refuses with
the same error class.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import release_parser as rp
from pdf_bytes import PdfPage, build_pdf, text_content
from pdf_render import LAYOUTS, Bullet, Heading, Release, Slide, Table, Text, glyph_fonts, render

ENGINES = ("playa", "pdfplumber")
#: Bounds for the comparison (the 3000-page hostile PDF is read to its 30th page by both).
OPTIONS = {"max_pages": 30, "timeout": 30.0}
SHARED_FOLDERS = ("pdfs", "iij-layouts", "real-releases")
#: Where a cell sits on its page.
POSITIONS = ["x0", "top", "x1", "bottom"]
#: PDFs whose positions differ between the engines, and why (all their other values are equal).
POSITIONS_DIFFER = {
    # after an image drawn in q ... Q, pdfminer places the page's text a page height lower,
    # off the page (top 1330 on an 842 pt page); playa places it where it is printed
    "pdfplumber-malformed-from-issue-932.pdf": "pdfminer's text is off the page",
}

RELEASE = Release(
    company="Example Networks Inc.",
    title="Second Quarter Results for the Year Ending March 31, 2005",
    date="November 11, 2004",
    running_header="Example Networks - 2Q FY2004 Results",
    slides=(
        Slide(
            "Highlights",
            (
                Bullet("Revenue increased in 2Q04", "✓", bold=True),
                Text("Total Revenue: JPY 10,512 million"),
                Bullet("Costs were kept flat", "- ▶", level=2),
            ),
        ),
        Slide(
            "Consolidated Results",
            (
                Heading("Business line 1"),
                Table(
                    header=("2Q04", "1Q04", "2Q03"),
                    rows=(("Total Revenues", ("10,512", "8,675", "9,120")), ("Operating Income", ("830", "(612)", "-"))),
                    title="Summary of Results (JPY in millions)",
                ),
            ),
        ),
    ),
)


def outcome(source: Path | bytes, engine: str) -> tuple[str, object]:
    """What parsing gives: the release's frames, or the class of the error raised."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        try:
            release = rp.parse(source, engine=engine, **OPTIONS)
        except rp.ReleaseParserError as error:
            return "error", type(error).__name__
        return "release", (release.facts, release.highlights, release.prose_facts)


def assert_same_outcome(source: Path | bytes, name: str) -> str:
    """Assert both engines agree on ``source``; return what they gave ("release" or the error class)."""
    kind, playa = outcome(source, "playa")
    reference_kind, reference = outcome(source, "pdfplumber")
    assert (kind, kind == "error" and playa) == (reference_kind, reference_kind == "error" and reference), name
    if kind == "release":
        for frame, expected, what in zip(playa, reference, ("facts", "highlights", "prose facts")):
            if Path(name).name in POSITIONS_DIFFER and not frame.empty and set(POSITIONS) <= set(frame.columns):
                assert (frame["top"] != expected["top"]).all(), f"{name}: positions now agree"
                frame, expected = frame.drop(columns=POSITIONS), expected.drop(columns=POSITIONS)
            pd.testing.assert_frame_equal(frame, expected, obj=f"{name}: {what}")
        return "release"
    return str(playa)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("marks", glyph_fonts())
def test_engines_agree_on_rendered_layouts(tmp_path, layout, marks):
    path = render(RELEASE, tmp_path / f"{layout}.pdf", layout, glyph_font=marks)
    assert assert_same_outcome(path, path.name) == "release"
    facts = rp.parse(path, engine="playa").facts
    assert facts.loc[facts.line_item == "Total Revenues", "value"].tolist()[:3] == [10512.0, 8675.0, 9120.0]


def test_engines_agree_on_generated_pages():
    lines = ["Summary of Results", "", "Revenue   10,512   8,675", "Operating Income   830   612"]
    assert assert_same_outcome(build_pdf([PdfPage(text_content(lines))] * 2), "generated") == "release"


@pytest.mark.parametrize("folder", SHARED_FOLDERS)
def test_engines_agree_on_shared_pdfs(shared_dir, folder):
    paths = sorted((shared_dir / folder).glob("*.pdf"))
    assert paths, f"no PDFs in ../shared/{folder}"
    outcomes = {path.name: assert_same_outcome(path, f"{folder}/{path.name}") for path in paths}
    if folder != "pdfs":  # the layouts and real releases all parse
        assert set(outcomes.values()) == {"release"}


def test_engines_refuse_the_same_broken_pdfs(shared_dir):
    folder = shared_dir / "pdfs"
    expected = {
        "broken-not-a-pdf.pdf": "NotAPDFError",
        "broken-truncated.pdf": "ReadError",
        "hostile-image-only.pdf": "NoTextLayerError",
        "pdfplumber-empty.pdf": "EmptyInputError",
        "pdfplumber-issue-297-example.pdf": "EmptyInputError",  # pdfminer finds no page, playa one blank page
        "pdfplumber-password-example.pdf": "EncryptedPDFError",
    }
    for name, error in expected.items():
        assert assert_same_outcome(folder / name, name) == error
