"""The playa engine (readers/pdf_playa.py): pdfplumber's characters and rules, and every bound of the reader."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

import release_parser as rp
from pdf_bytes import PdfPage, build_pdf, deflate_chunks, text_content
from pdf_render import LAYOUTS, Bullet, Release, Slide, Table, render
from release_parser.readers.pdf import read_pdf
from release_parser.readers.pdf_playa import open_document, path_shapes, read_page

LINES = ["Summary of Results", "", "Revenue   10,512   8,675", "Operating Income   830   612"]
MIB = 1 << 20
CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "fontname", "matrix", "upright", "size")
RULE_KEYS = ("x0", "x1", "top", "bottom", "pts")


def rounded(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, (tuple, list)):
        return tuple(rounded(item) for item in value)
    return value


def records(objects, keys):
    return [tuple(rounded(obj[key]) for key in keys) for obj in objects]


def both_readings(data: bytes) -> list[tuple[object, object]]:
    """Each page as pdfplumber reads it and as read_page reads it."""
    document = open_document(data, "test.pdf", None)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(plumber, read_page(page, number)) for number, (plumber, page) in
                enumerate(zip(pdf.pages, document.pages), 1)]


RELEASE = Release(
    company="Example Networks Inc.",
    title="Second Quarter Results",
    date="November 11, 2004",
    slides=(
        Slide("Highlights", (Bullet("Revenue increased in 2Q04", "✓"),)),
        Slide("Results", (Table(header=("2Q04", "1Q04"), rows=(("Total Revenues", ("10,512", "8,675")),)),)),
    ),
)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_characters_and_rules_are_pdfplumbers(tmp_path, layout):
    data = render(RELEASE, tmp_path / f"{layout}.pdf", layout).read_bytes()
    for plumber, playa_page in both_readings(data):
        assert playa_page.bbox == tuple(plumber.bbox)
        assert records(playa_page.chars, CHAR_KEYS) == records(plumber.chars, CHAR_KEYS)
        for kind in ("lines", "rects", "curves"):
            assert records(getattr(playa_page, kind), RULE_KEYS) == records(getattr(plumber, kind), RULE_KEYS)
    if layout == "ruled":
        assert sum(len(page.rects) + len(page.lines) for _, page in both_readings(data)) > 0


def test_courier_and_character_spacing_are_placed_as_pdfminer_places_them(tmp_path):
    """Courier's descent is pdfminer's (-194), and a string after a letter-spaced one starts where pdfminer starts it."""
    canvas = Canvas(str(tmp_path / "spaced.pdf"), pagesize=A4)
    text = canvas.beginText(72, 700)
    text.setFont("Courier", 10)
    text.setCharSpace(2)
    text.textOut("2025")
    text.setCharSpace(0)
    text.textOut("-Q4 Revenue")
    canvas.drawText(text)
    canvas.save()
    (plumber, playa_page), = both_readings((tmp_path / "spaced.pdf").read_bytes())
    assert records(playa_page.chars, CHAR_KEYS) == records(plumber.chars, CHAR_KEYS)
    assert "".join(char["text"] for char in playa_page.chars) == "2025-Q4 Revenue"
    five, dash = playa_page.chars[3], playa_page.chars[4]
    assert dash["x0"] == pytest.approx(five["x1"])  # no spacing after the last glyph of "2025"
    assert five["bottom"] == pytest.approx(A4[1] - 700 + 1.94)  # 0.194 em below the baseline


def test_a_rectangle_path_is_a_rect_and_a_stroke_is_a_line(tmp_path):
    canvas = Canvas(str(tmp_path / "shapes.pdf"), pagesize=landscape(A4))
    canvas.rect(72, 400, 200, 100)
    canvas.line(72, 300, 372, 300)
    canvas.bezier(72, 200, 100, 250, 150, 250, 200, 200)
    canvas.save()
    document = open_document((tmp_path / "shapes.pdf").read_bytes(), "shapes.pdf", None)
    page = read_page(next(iter(document.pages)), 1)
    assert [len(page.rects), len(page.lines), len(page.curves)] == [1, 1, 1]
    rect = page.rects[0]
    assert (rect["x0"], rect["x1"], rect["bottom"] - rect["top"]) == (72, 272, 100)
    paths = [shape for obj in next(iter(document.pages)).paths for shape in path_shapes(obj)]
    assert [kind for kind, _ in paths] == ["rect", "line", "curve"]


def test_parse_gives_the_same_release_with_either_engine(tmp_path):
    path = render(RELEASE, tmp_path / "slides.pdf", "slides")
    facts = {engine: rp.parse(path, engine=engine).facts for engine in ("playa", "pdfplumber")}
    assert facts["playa"].equals(facts["pdfplumber"])
    assert facts["playa"].loc[facts["playa"].line_item == "Total Revenues", "value"].tolist() == [10512.0, 8675.0]


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine must be one of playa, pdfplumber"):
        read_pdf(build_pdf([PdfPage(text_content(LINES))]), engine="pdfminer")


# -- the bounds, with the playa engine -------------------------------------------


def read(data: bytes, **options) -> rp.Layout:
    return read_pdf(data, engine="playa", **options)


def test_a_content_bomb_is_refused_before_it_is_inflated():
    blanks = b" " * MIB
    pdf = build_pdf([PdfPage(deflate_chunks([text_content(LINES) + b"\n", *([blanks] * 8)]), compressed=True)])
    assert read(pdf, max_content_bytes=16 * MIB).lines[0].raw == "Summary of Results"
    with pytest.raises(rp.ContentLimitError, match="page 1 inflates to more than 4,194,304 bytes"):
        read(pdf, max_content_bytes=4 * MIB)


def test_operators_are_counted_inside_the_page():
    strokes = b"0 0 m 1 1 l S\n" * 1000
    pdf = build_pdf([PdfPage(deflate_chunks([text_content(LINES) + b"\n", *([strokes] * 3)]), compressed=True)])
    assert read(pdf, max_operators=20_000).lines[0].raw == "Summary of Results"
    with pytest.raises(rp.OperatorLimitError, match="page 1 draws more than 5,000 operators"):
        read(pdf, max_operators=5_000)


def test_the_timeout_interrupts_a_page():
    strokes = b"0 0 m 1 1 l S\n" * 1000
    pdf = build_pdf([PdfPage(deflate_chunks([text_content(LINES) + b"\n", *([strokes] * 400)]), compressed=True)])
    with pytest.raises(rp.TimeLimitError, match="page 1"):
        read(pdf, timeout=0.2, max_operators=10**8)


def test_max_pages_reads_the_first_pages_and_warns():
    pdf = build_pdf([PdfPage(text_content([f"Revenue on page {n}", "Total  10,512"])) for n in range(1, 8)])
    with pytest.warns(rp.ReleaseWarning, match="only the first 3 of 7 pages"):
        layout = read(pdf, max_pages=3)
    assert layout.page_count == 3 and {line.page for line in layout.lines} == {1, 2, 3}


def _canvas_pdf(path: Path, *, encrypt: str | None = None, text: bool = True) -> bytes:
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt)
    if text:
        canvas.setFont("Helvetica", 11)
        canvas.drawString(72, 700, "Revenue on page 1")
    else:
        canvas.rect(72, 500, 300, 200, fill=1)
    canvas.showPage()
    canvas.save()
    return path.read_bytes()


def test_encrypted_truncated_and_empty_pdfs_fail_typed(tmp_path):
    locked = _canvas_pdf(tmp_path / "locked.pdf", encrypt="s3cret")
    with pytest.raises(rp.EncryptedPDFError, match="pass password="):
        read(locked)
    with pytest.raises(rp.EncryptedPDFError, match="wrong"):
        read(locked, password="guess")
    assert read(locked, password="s3cret").lines[0].raw == "Revenue on page 1"
    whole = _canvas_pdf(tmp_path / "whole.pdf")
    with pytest.raises(rp.ReadError):
        read(whole[: len(whole) // 2])
    with pytest.raises(rp.NotAPDFError):
        read(b"%PDF-1.4\njunk without any objects\n")
    with pytest.raises(rp.NoTextLayerError):
        read(_canvas_pdf(tmp_path / "drawing.pdf", text=False))
    blank = build_pdf([PdfPage(b"")])
    for engine in ("playa", "pdfplumber"):
        with pytest.raises(rp.EmptyInputError, match=r"no pages with anything drawn on them \(1 blank page"):
            read_pdf(blank, engine=engine)


def test_telling_streams_apart_leaves_the_abstract_mapping_caches_alone():
    # playa's ContentStream shares collections.abc.Mapping's subclass caches: an isinstance
    # test against it once recorded dict as no Mapping for the whole process
    import collections.abc
    import types

    from release_parser.readers.pdf_playa import _is_stream

    proxy = types.MappingProxyType({"Length": 1})
    assert isinstance(proxy, collections.abc.Mapping)  # cached as a Mapping ...
    assert not _is_stream(proxy)  # ... which is no stream
    assert not _is_stream({"Length": 1}) and not _is_stream([1])
    assert issubclass(dict, collections.abc.Mapping)


def test_a_parse_leaves_dicts_mappings(shared_dir):
    # in a fresh interpreter, whose abstract-class caches hold nothing yet
    import subprocess
    import sys

    script = (
        "import collections.abc, sys, warnings; import release_parser as rp; warnings.simplefilter('ignore'); "
        "rel = rp.parse(sys.argv[1]); "
        "print(issubclass(dict, collections.abc.Mapping), rel.facts[['value']].head(1).to_dict('records'))"
    )
    path = shared_dir / "real-releases" / "03_apple_q2fy23_statements.pdf"
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True [{'value': 73929.0}]"
