"""The PDF reader on PDFs rendered at test time: lines, cells, positions, typography, limits, errors."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from pdf_render import Bullet, Heading, Release, Slide, Table, Text, glyph_fonts, render
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from release_parser.errors import (
    EmptyInputError,
    EncryptedPDFError,
    NoTextLayerError,
    NotAPDFError,
    ReadError,
    ReleaseWarning,
    ResourceLimitError,
    TimeLimitError,
)
from release_parser.layout import Cell, Layout, Line, Separator
from release_parser.readers import pdf as pdf_module
from release_parser.readers.pdf import read_pdf, to_layout_lines
from release_parser.readers.pdf_furniture import PageLines, drop_furniture, is_page_number
from release_parser.readers.pdf_grid import build_grid_rows, join_rows_beside
from release_parser.readers.pdf_glyphs import Orientation, is_bold_font, marker_of, to_glyphs, transform_box
from release_parser.readers.pdf_lines import CELL_GAP_FACTOR, TextLine, build_line, group_lines

TABLE = Table(
    header=("2Q04", "2Q03", "YoY % Change"),
    rows=(
        ("Total Revenues", ("10,512", "9,185", "14.4%")),
        ("SG&A Expenses / R&D", ("1,376", "1,678", "(18.0%)")),
        ("Operating Income (Loss)", ("282", "(830)", "-")),
    ),
    title="Second Quarter of FY2004",
    footnotes=("*1 Excluding one-off items",),
)
RELEASE = Release(
    company="Example Networks Inc.",
    title="Second Quarter Results for the Year Ending March 31, 2005",
    date="November 11, 2004",
    running_header="Example Networks - 2Q FY2004",
    slides=(
        Slide(
            "Highlights",
            (
                Bullet("Revenue increased in 2Q04", "✓", bold=True),
                Text("Total Revenue: JPY 10,512 million"),
                Bullet("Costs were kept flat", "- ▶", level=2),
                Bullet("Margins improved", "- ▶", level=2),
            ),
        ),
        Slide("Results by Quarter", (Heading("By Service"), TABLE)),
    ),
)


def read(path: Path, **options) -> Layout:
    return read_pdf(path.read_bytes(), source=str(path), **options)


def content(layout: Layout, page: int | None = None) -> list[Line]:
    return [line for line in layout.lines if not line.is_blank and (page is None or line.page == page)]


def find(layout: Layout, start: str) -> Line:
    return next(line for line in layout.lines if line.text.startswith(start))


@pytest.fixture(scope="module")
def slides(tmp_path_factory) -> Layout:
    return read(render(RELEASE, tmp_path_factory.mktemp("slides") / "slides.pdf", "slides"))


@pytest.fixture(scope="module")
def ruled(tmp_path_factory) -> Layout:
    return read(render(RELEASE, tmp_path_factory.mktemp("ruled") / "ruled.pdf", "ruled"))


@pytest.fixture(scope="module")
def press(tmp_path_factory) -> Layout:
    return read(render(RELEASE, tmp_path_factory.mktemp("press") / "press.pdf", "press"))


# -- the layout contract ------------------------------------------------------


def test_slides_read_as_pdf_layout_with_one_page_per_slide(slides):
    assert slides.kind == "pdf"
    assert slides.page_count == 3
    assert [line.text for line in content(slides, 1)] == [
        "Example Networks Inc.",
        "Second Quarter Results for the Year Ending March 31, 2005",
        "November 11, 2004",
    ]
    assert [line.text for line in content(slides, 2)] == [
        "Highlights",
        "✓ Revenue increased in 2Q04",
        "Total Revenue: JPY 10,512 million",
        "- ▶ Costs were kept flat",
        "- ▶ Margins improved",
    ]


def test_lines_are_numbered_from_one_on_each_page(slides):
    for page in range(1, slides.page_count + 1):
        numbers = [line.number for line in slides.lines if line.page == page]
        assert numbers == list(range(1, len(numbers) + 1))


def test_cells_carry_their_page_and_bbox_in_points(slides):
    for line in content(slides):
        assert line.cells and all(cell.page == line.page for cell in line.cells)
        for cell in line.cells:
            assert 0 <= cell.x0 < cell.x1 <= 842 and 0 <= cell.top < cell.bottom <= 595
        assert line.indent == line.cells[0].x0
        assert line.separator is (Separator.GAP if len(line.cells) > 1 else Separator.NONE)


def test_blank_lines_separate_blocks_and_pages(slides):
    kinds = ["blank" if line.is_blank else line.text for line in slides.lines if line.page == 2]
    assert kinds == [
        "Highlights",
        "blank",
        "✓ Revenue increased in 2Q04",
        "blank",
        "Total Revenue: JPY 10,512 million",
        "blank",
        "- ▶ Costs were kept flat",
        "- ▶ Margins improved",  # consecutive bullets: no block break
        "blank",  # the page break
    ]


def test_full_text_joins_the_pages(slides):
    assert slides.full_text.split("\n")[0] == "Example Networks Inc."
    assert "Second Quarter Results for the Year Ending March 31, 2005" in slides.full_text
    assert slides.full_text.count("\n") == len(slides.lines) - 1


# -- typography ---------------------------------------------------------------


def test_bold_lines_are_wrapped_in_emphasis_and_styled(slides):
    title = find(slides, "Second Quarter Results")
    assert title.raw == "**Second Quarter Results for the Year Ending March 31, 2005**"
    assert title.style.bold and title.style.size == pytest.approx(22, abs=0.5)
    slide_title = find(slides, "Highlights")
    assert slide_title.style.bold and slide_title.style.size == pytest.approx(20, abs=0.5)
    date = find(slides, "November")
    assert date.raw == "November 11, 2004" and not date.style.bold


@pytest.mark.parametrize("glyph_font", glyph_fonts())
def test_bullet_marks_start_raw_and_are_noted_as_glyph_markers(tmp_path, glyph_font):
    layout = read(render(RELEASE, tmp_path / "bullets.pdf", "slides", glyph_font=glyph_font))
    check = find(layout, "✓")
    assert check.raw == "✓ **Revenue increased in 2Q04**"  # the mark stays outside the emphasis
    assert check.style.bold and check.style.glyph_marker == "✓"
    arrow = find(layout, "- ▶ Costs")
    assert arrow.raw == "- ▶ Costs were kept flat"
    assert arrow.style.glyph_marker == "▶" and len(arrow.cells) == 1
    assert arrow.indent == pytest.approx(45 + 26)  # level 2 is indented one step


def test_wrapped_bullet_continues_under_its_text(tmp_path):
    long_text = " ".join(["Revenues from network outsourcing services grew"] * 5)
    release = Release(company="A Inc.", title="Results", date="May 1, 2004", front=(Bullet(long_text, "▶"),))
    layout = read(render(release, tmp_path / "wrapped.pdf", "slides"))
    bullet = find(layout, "▶ Revenues")
    following = layout.lines[layout.lines.index(bullet) + 1]
    assert not following.is_blank and following.style.glyph_marker is None
    assert following.indent == pytest.approx(45 + 16)  # hanging indent: under the text, not the mark
    assert f"{bullet.text[2:]} {following.text}".startswith(long_text[:200])


# -- tables ---------------------------------------------------------------------


def test_unruled_table_rows_split_into_aligned_cells(slides):
    header = find(slides, "2Q04")
    rows = [find(slides, label) for label in ("Total Revenues", "SG&A", "Operating Income")]
    assert [c.text for c in header.cells] == ["2Q04", "2Q03", "YoY % Change"]
    assert [[c.text for c in row.cells] for row in rows] == [
        ["Total Revenues", "10,512", "9,185", "14.4%"],
        ["SG&A Expenses / R&D", "1,376", "1,678", "(18.0%)"],
        ["Operating Income (Loss)", "282", "(830)", "-"],
    ]
    assert [row.cells[0].x0 for row in rows] == [pytest.approx(49.0)] * 3  # labels left-aligned
    for column in (1, 2, 3):  # numbers right-aligned: same right edge
        rights = [row.cells[column].x1 for row in rows]
        assert max(rights) - min(rights) < 0.01
        centre = (header.cells[column - 1].x0 + header.cells[column - 1].x1) / 2
        assert rows[0].cells[column].x0 - 30 < centre < rows[0].cells[column].x1 + 30  # header centred above
    assert all(row.separator is Separator.GAP for row in (header, *rows))


def test_table_caption_and_title_are_lines_of_their_own(slides):
    kinds = ["blank" if line.is_blank else line.text for line in slides.lines if line.page == 3]
    assert kinds[:8] == [
        "Results by Quarter", "blank", "By Service", "blank",
        "Second Quarter of FY2004", "blank", "(JPY millions)", "blank",
    ]  # fmt: skip


def test_ruled_table_rows_use_the_ruled_cells_once(ruled):
    rows = [line for line in content(ruled, 3) if line.text.startswith(("2Q04", "Total", "SG&A", "Operating"))]
    assert [[c.text for c in row.cells] for row in rows] == [
        ["2Q04", "2Q03", "YoY % Change"],
        ["Total Revenues", "10,512", "9,185", "14.4%"],
        ["SG&A Expenses / R&D", "1,376", "1,678", "(18.0%)"],
        ["Operating Income (Loss)", "282", "(830)", "-"],
    ]
    body = rows[1:]
    for column in range(4):  # every row's cell spans the same ruled column
        assert len({(round(r.cells[column].x0, 2), round(r.cells[column].x1, 2)) for r in body}) == 1
    for row in rows:  # ruled cells never touch, so columns stay apart
        assert all(a.x1 < b.x0 for a, b in zip(row.cells, row.cells[1:]))
    words = " ".join(line.raw for line in ruled.lines)
    assert words.count("9,185") == 1 and words.count("Total Revenues") == 1


def test_press_release_courier_rows_split_on_runs_of_spaces(press):
    row = find(press, "SG&A")
    assert [c.text for c in row.cells] == ["SG&A Expenses / R&D", "1,376", "1,678", "(18.0%)"]
    header = find(press, "2Q04")
    assert [c.text for c in header.cells] == ["2Q04", "2Q03", "YoY % Change"]
    rules = [line for line in press.lines if line.raw.startswith("-----")]
    assert len(rules) == 3 and all(set(line.raw) == {"-"} for line in rules)


def test_superscript_footnote_mark_stays_on_its_row(tmp_path):
    table = Table(header=("2Q04", "1Q04"), rows=(("VAS Cross-selling Ratio *1", ("86.9%", "86.8%")),), caption=None)
    release = Release(company="A Inc.", title="Results", date="May 1, 2004", front=(table,))
    layout = read(render(release, tmp_path / "mark.pdf", "slides"))
    row = find(layout, "VAS")
    assert [c.text for c in row.cells] == ["VAS Cross-selling Ratio *1", "86.9%", "86.8%"]


# -- page furniture -------------------------------------------------------------


def test_running_headers_and_page_numbers_are_dropped(slides, press):
    texts = [line.text for line in slides.lines]
    assert not any("Example Networks - 2Q FY2004" in text for text in texts)
    assert not any(is_page_number(text) for text in texts if text)
    # a one-page release cannot show that its header runs; its page number still goes
    assert press.page_count == 1 and content(press)[0].text == "Example Networks - 2Q FY2004"
    assert not any(is_page_number(line.text) for line in content(press))


def _text_line(text: str, top: float, *, ruled: bool = False, size: float = 10.0, cells: int = 1) -> TextLine:
    parts = text.split("|") if cells > 1 else [text]
    made = tuple(Cell(part, 50 + 100 * i, 90 + 100 * i, top, top + size) for i, part in enumerate(parts))
    body = "  ".join(cell.text for cell in made)
    return TextLine(cells=made, body=body, top=top, bottom=top + size, size=size, bold=False, ruled=ruled)


def test_furniture_needs_repetition_on_half_the_pages():
    pages = [
        PageLines(n, 600, 800, (_text_line(f"ACME results page {n}", 20), _text_line("Body", 400), _text_line(str(n), 780)))
        for n in (1, 2, 3)
    ]
    kept = drop_furniture(pages)
    assert [[line.cells[0].text for line in page.lines] for page in kept] == [["Body"]] * 3
    single = drop_furniture(pages[:1])  # one page cannot show a running header
    assert [line.cells[0].text for line in single[0].lines] == ["ACME results page 1", "Body"]


def test_a_page_number_ending_a_footnote_line_is_cut_when_the_pages_count_up():
    pages = [PageLines(n, 600, 800, (_text_line("Body", 400), _text_line(str(n), 780))) for n in (2, 3)]
    pages.append(PageLines(4, 600, 800, (_text_line("Body|7", 400, cells=2), _text_line("• EPS on 3,854K shares.|4", 780, cells=2))))
    kept = drop_furniture(pages)
    assert [[cell.text for cell in line.cells] for line in kept[2].lines] == [["Body", "7"], ["• EPS on 3,854K shares."]]
    alone = drop_furniture(pages[2:])  # one page's trailing 4 is no evidence of numbering
    assert [cell.text for cell in alone[0].lines[1].cells] == ["• EPS on 3,854K shares.", "4"]


def test_ruled_rows_are_never_furniture():
    pages = [PageLines(n, 600, 800, (_text_line("Total|12", 780, ruled=True, cells=2),)) for n in (1, 2)]
    assert [len(page.lines) for page in drop_furniture(pages)] == [1, 1]


@pytest.mark.parametrize(
    "text, expected",
    [("12", True), ("- 12 -", True), ("Page 3", True), ("Page 3 of 24", True), ("3 / 24", True),
     ("(7)", True), ("Total 12", False), ("2Q04", False), ("12,345", False)],
)  # fmt: skip
def test_is_page_number(text, expected):
    assert is_page_number(text) is expected


# -- blank lines ----------------------------------------------------------------


def test_block_breaks_need_a_gap_of_a_line_and_two_between_table_rows():
    lines = (
        _text_line("a", 100),
        _text_line("b", 114),  # gap 4: same block
        _text_line("c", 135),  # gap 11 > 10: a break
        _text_line("x|1", 150, cells=2),
        _text_line("y|2", 175, cells=2),  # gap 15 between table rows: no break (needs 20)
        _text_line("z|3", 206, cells=2),  # gap 21: a break
    )
    out, text = to_layout_lines([PageLines(1, 600, 800, lines), PageLines(2, 600, 800, (_text_line("p2", 100),))])
    assert ["" if line.is_blank else line.text for line in out] == ["a", "b", "", "c", "x 1", "y 2", "", "z 3", "", "p2"]
    assert [(line.page, line.number) for line in out][-3:] == [(1, 8), (1, 9), (2, 1)]
    assert text == "a\nb\n\nc\nx  1\ny  2\n\nz  3\n\np2"


# -- glyphs ---------------------------------------------------------------------


def _char(text: str, x0: float, top: float = 100.0, *, font: str = "Helvetica", size: float = 10.0, width: float | None = None):
    width = size * 0.5 if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "fontname": font,
            "matrix": (size, 0, 0, size, x0, 700 - top)}  # fmt: skip


@pytest.mark.parametrize(
    "font, expected",
    [("Helvetica-Bold", True), ("Arial,Bold", True), ("ABCDEF+Arial-BoldMT", True), ("Helvetica-Black", True),
     ("XYZABC+Avenir-Heavy", True), ("Arial,BoldItalic", True), ("Helvetica", False), ("Times-Roman", False),
     ("ABCDEF+Calibri", False)],
)  # fmt: skip
def test_bold_fonts_by_name(font, expected):
    assert is_bold_font(font) is expected


@pytest.mark.parametrize(
    "text, font, expected",
    [
        ("4", "ZapfDingbats", "✓"),  # ✔ (a20)
        ("3", "ZapfDingbats", "✓"),  # ✓ (a19)
        ("(cid:228)", "ZapfDingbats", "▶"),  # ➤
        ("n", "ZapfDingbats", "■"),
        ("l", "ZapfDingbats", "●"),
        ("ü", "Wingdings-Regular", "✓"),
        ("Ø", "ABCDEF+Wingdings", "▶"),  # ➢, PowerPoint's arrow bullet
        ("\uf0d8", "Wingdings", "▶"),  # the same code in the private-use range
        ("\uf0a7", "Wingdings", "▪"),
        ("\uf0b7", "Symbol", "•"),
        ("4", "Webdings", "▶"),
        ("\ue123", "ABCDEF+Unknown", "•"),  # a private-use glyph: some picture
        ("z", "ZapfDingbats", "•"),  # ❚: a picture with no bullet reading
    ],
)
def test_symbol_font_glyphs_read_as_bullet_marks(text, font, expected):
    glyphs, _ = to_glyphs([_char(text, 50, font=font), _char("A", 70)], 600, 800)
    assert marker_of(glyphs[0]) == expected


def test_letters_are_not_marks_and_symbol_letters_are_mapped():
    glyphs, _ = to_glyphs([_char("n", 50, font="Helvetica"), _char("n", 60, font="ZapfDingbats")], 600, 800)
    assert marker_of(glyphs[0]) is None
    assert glyphs[1].text == "■" and glyphs[1].symbol


def test_symbol_glyph_in_a_line_separates_words():
    chars = [_char(c, 50 + 5 * i) for i, c in enumerate("Page")] + [_char("n", 70, font="ZapfDingbats")]
    chars += [_char(c, 75 + 5 * i) for i, c in enumerate("Revenue")]
    glyphs, _ = to_glyphs(chars, 600, 800)
    line = build_line(glyphs, 1, {})
    assert line is not None and line.cells[0].text == "Page ■ Revenue"


def test_cells_split_at_one_and_a_half_spaces():
    space = 2.5  # the width of the space glyph below
    chars = [_char("A", 50), _char(" ", 55, width=space)]
    chars += [_char("B", 57.5 + space * (CELL_GAP_FACTOR - 1) - 0.1), _char("C", 120)]
    glyphs, _ = to_glyphs(chars, 600, 800)
    line = build_line(glyphs, 1, {})
    assert [c.text for c in line.cells] == ["A B", "C"]


def test_overprinted_glyphs_count_once_and_stray_spaces_inside_glyphs_go():
    chars = [_char("T", 50), _char("T", 50.3), _char("o", 55), _char("o", 55.3), _char(" .", 60), _char("5", 65)]
    glyphs, _ = to_glyphs(chars, 600, 800)
    line = build_line(glyphs, 1, {})
    assert line.cells[0].text == "To.5"


def test_a_space_drawn_over_the_glyph_before_it_parts_no_words():
    chars = [_char("8", 50), _char(" ", 50, width=5.3), _char(",", 55.2), _char("4", 58), _char("8", 63), _char("1", 68)]
    glyphs, _ = to_glyphs(chars, 600, 800)
    line = build_line(glyphs, 1, {})
    assert line.cells[0].text == "8,481"
    spaced = [_char("8", 50), _char(" ", 55, width=5.3), _char("4", 61)]  # a space in the gap still parts
    line = build_line(to_glyphs(spaced, 600, 800)[0], 1, {})
    assert line.body == "8 4"


def test_superscripts_group_with_their_line():
    base = [_char(c, 50 + 5 * i, 100) for i, c in enumerate("Ratio")]
    mark = [_char("*", 78, 99, size=6), _char("1", 81, 99, size=6)]  # raised a third of the text size
    below = [_char("N", 50, 114)]
    lines = group_lines(to_glyphs([*mark, *base, *below], 600, 800)[0])
    assert ["".join(g.text for g in sorted(line, key=lambda g: g.x0)) for line in lines] == ["Ratio*1", "N"]


def test_a_large_side_title_does_not_join_two_table_rows():
    # a 40-point "Income" beside two 14-point rows it overlaps (a real deck's sidebar)
    title = [_char(c, 60 + 20 * i, 202, size=40) for i, c in enumerate("Income")]
    first = [_char(c, 300 + 7 * i, 208, size=14) for i, c in enumerate("R&D")] + [_char("9", 520, 208, size=14)]
    second = [_char(c, 300 + 7 * i, 228, size=14) for i, c in enumerate("Opex")] + [_char("7", 520, 228, size=14)]
    lines = group_lines(to_glyphs([*title, *first, *second], 900, 800)[0])
    assert ["".join(g.text for g in sorted(line, key=lambda g: g.x0)) for line in lines] == ["Income", "R&D9", "Opex7"]


def test_a_large_figure_stays_on_the_line_of_its_label():
    figure = [_char(c, 200 + 20 * i, 100, size=30) for i, c in enumerate("42%")]
    label = [_char(c, 50 + 7 * i, 110, size=12) for i, c in enumerate("Sales")]
    lines = group_lines(to_glyphs([*figure, *label], 600, 800)[0])
    assert ["".join(g.text for g in sorted(line, key=lambda g: g.x0)) for line in lines] == ["Sales42%"]


def _word_chars(text: str, x0: float, top: float) -> list[dict]:
    return [_char(c, x0 + 5 * i, top) for i, c in enumerate(text)]


def test_a_shaded_band_across_columns_leaves_its_row_to_the_free_text():
    # two fills behind a row: one under the label, one under two columns of figures
    boxes = [(40.0, 200.0, 95.0, 115.0), (200.0, 400.0, 95.0, 115.0)]
    chars = _word_chars("Sales", 50, 100) + _word_chars("691,190", 220, 100) + _word_chars("100.0%", 330, 100)
    glyphs, _ = to_glyphs(chars, 600, 800)
    rows, rest = build_grid_rows(boxes, glyphs, 1)
    assert rows == [] and len(rest) == len(glyphs)


def test_a_currency_sign_apart_from_its_figure_stays_in_its_ruled_cell():
    boxes = [(40.0, 200.0, 95.0, 115.0), (200.0, 400.0, 95.0, 115.0), (400.0, 500.0, 95.0, 115.0)]
    chars = _word_chars("Services", 50, 100) + _word_chars("20,907", 220, 100) + _word_chars("$", 405, 100)
    chars += _word_chars("7", 480, 100)
    glyphs, _ = to_glyphs(chars, 600, 800)
    rows, rest = build_grid_rows(boxes, glyphs, 1)
    assert [[cell.text for cell in row.cells] for row in rows] == [["Services", "20,907", "$ 7"]] and rest == []
    # a sign its font failed to name ("!" for "$") is dropped
    chars = _word_chars("Net income", 50, 100) + _word_chars("!", 205, 100) + _word_chars("24,160", 330, 100)
    glyphs, _ = to_glyphs(chars, 600, 800)
    rows, rest = build_grid_rows(boxes, glyphs, 1)
    assert [[cell.text for cell in row.cells] for row in rows] == [["Net income", "24,160"]] and rest == []


def test_figures_in_cells_ending_where_a_taller_label_cell_ends_join_its_row():
    # a statement's label over two printed lines; its figures' cells are ruled on the second only
    boxes = [(40.0, 200.0, 100.0, 130.0), (200.0, 300.0, 100.0, 115.0), (200.0, 300.0, 115.0, 130.0)]
    chars = _word_chars("Common stock", 50, 102) + _word_chars("authorized", 50, 117) + _word_chars("69,568", 220, 117)
    glyphs, _ = to_glyphs(chars, 600, 800)
    rows, rest = build_grid_rows(boxes, glyphs, 1)
    assert [[cell.text for cell in row.cells] for row in rows] == [["Common stock authorized", "69,568"]] and rest == []


def test_a_label_printed_beside_a_ruled_row_of_figures_joins_it():
    figures = _text_line("8,481|-3%", 100, ruled=True, size=20, cells=2)  # cells at x 50-90, 150-190
    labelled = _text_line("Total|9", 130, ruled=True, size=20, cells=2)
    label = TextLine(cells=(Cell("January", 5, 40, 105, 115),), body="January", top=105, bottom=115, size=10, bold=False)
    note = TextLine(cells=(Cell("note", 5, 40, 133, 143),), body="note", top=133, bottom=143, size=10, bold=False)
    rows, rest = join_rows_beside([figures, labelled], [label, note])
    assert [[cell.text for cell in row.cells] for row in rows] == [["January", "8,481", "-3%"], ["Total", "9"]]
    assert rest == [note]  # a row with a label of its own takes no text beside it
    # the label and the unruled columns on both sides of a table's ruled first columns
    both_sides = TextLine(cells=(Cell("Net sales", 5, 40, 104, 114), Cell("7,838", 200, 230, 104, 114)),
                          body="Net sales  7,838", top=104, bottom=114, size=10, bold=False)
    rows, rest = join_rows_beside([figures], [both_sides])
    assert [[cell.text for cell in row.cells] for row in rows] == [["Net sales", "8,481", "-3%", "7,838"]] and rest == []


def test_rules_that_run_through_a_word_are_not_cell_borders():
    # a drawing's vertical line at x=221 crosses "$248M": its glyphs touch across the line
    boxes = [(40.0, 200.0, 95.0, 115.0), (200.0, 221.0, 95.0, 115.0), (221.0, 300.0, 95.0, 115.0)]
    chars = _word_chars("Income", 50, 100) + _word_chars("$248M", 211, 100)
    glyphs, _ = to_glyphs(chars, 600, 800)
    rows, rest = build_grid_rows(boxes, glyphs, 1)
    assert rows == [] and len(rest) == len(glyphs)
    apart = _word_chars("Income", 50, 100) + _word_chars("$248M", 230, 100)  # clear of the rule: cells
    glyphs, _ = to_glyphs(apart, 600, 800)
    rows, _ = build_grid_rows(boxes, glyphs, 1)
    assert [[cell.text for cell in row.cells] for row in rows] == [["Income", "$248M"]]


def test_text_printed_down_the_page_is_turned_upright():
    # a landscape page stored as portrait: the text runs top to bottom (matrix b < 0)
    chars = [
        {"text": c, "x0": 533.0, "x1": 540.0, "top": 47.0 + 5 * i, "bottom": 52.0 + 5 * i, "fontname": "Helvetica",
         "matrix": (0, -7, 7, 0, 0, 0)}
        for i, c in enumerate("Total")
    ]  # fmt: skip
    glyphs, orientation = to_glyphs(chars, 612, 1008)
    assert orientation is Orientation.DOWN
    assert [(g.text, g.x0, g.top) for g in glyphs][:2] == [("T", 47.0, 72.0), ("o", 52.0, 72.0)]
    assert transform_box((1, 2, 3, 4), Orientation.UPRIGHT, 10, 20) == (1, 2, 3, 4)
    assert transform_box((1, 2, 3, 4), Orientation.UPSIDE_DOWN, 10, 20) == (8, 9, 16, 17)
    assert transform_box((1, 2, 3, 4), Orientation.UP, 10, 20) == (16, 17, 1, 2)


def _rotated_pdf(path: Path, rotate: bool) -> Path:
    """A landscape table page; with ``rotate`` it is stored portrait with /Rotate 90."""
    width, height = landscape(A4)
    canvas = Canvas(str(path), pagesize=(height, width) if rotate else (width, height))
    if rotate:
        canvas.setPageRotation(90)
        canvas.translate(height, 0)
        canvas.rotate(90)
    canvas.setFont("Helvetica", 10)
    rows = [("", "2Q04", "1Q04"), ("Total Revenues", "10,512", "8,675"), ("Net Income (Loss)", "(273)", "1,434")]
    for index, (label, *values) in enumerate(rows):
        y = height - 100 - 16 * index
        canvas.drawString(50, y, label)
        for column, value in enumerate(values):
            canvas.drawRightString(260 + 80 * column, y, value)
    canvas.save()
    return path


def test_rotated_page_reads_like_the_upright_one(tmp_path):
    upright = read(_rotated_pdf(tmp_path / "upright.pdf", rotate=False))
    turned = read(_rotated_pdf(tmp_path / "turned.pdf", rotate=True))
    assert [[c.text for c in line.cells] for line in turned.lines] == [["2Q04", "1Q04"], ["Total Revenues", "10,512", "8,675"], ["Net Income (Loss)", "(273)", "1,434"]]  # fmt: skip
    for a, b in zip(content(upright), content(turned)):
        assert [c.text for c in a.cells] == [c.text for c in b.cells]
        for ca, cb in zip(a.cells, b.cells):  # same geometry, up to the page origin
            assert cb.x1 - cb.x0 == pytest.approx(ca.x1 - ca.x0, abs=0.01)
            assert cb.x0 - content(turned)[0].cells[0].x0 == pytest.approx(ca.x0 - content(upright)[0].cells[0].x0, abs=0.01)


# -- errors and limits ------------------------------------------------------------


def _pages_pdf(path: Path, pages: int, *, encrypt: str | None = None, text: bool = True) -> Path:
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for number in range(1, pages + 1):
        if text:
            canvas.setFont("Helvetica", 11)
            canvas.drawString(72, 700, f"Revenue on page {number}")
            canvas.drawString(72, 680, "Total  10,512")
        else:
            canvas.rect(72, 500, 300, 200, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def test_bytes_that_are_not_a_pdf():
    with pytest.raises(NotAPDFError, match="not a PDF"):
        read_pdf(b"<html><body>Not a PDF</body></html>", source="page.pdf")
    with pytest.raises(NotAPDFError):
        read_pdf(b"%PDF-1.4\njunk without any objects\n", source="junk.pdf")


def test_truncated_pdf_is_a_read_error(tmp_path):
    data = _pages_pdf(tmp_path / "whole.pdf", 3).read_bytes()
    with pytest.raises(ReadError):
        read_pdf(data[: len(data) // 2], source="cut.pdf")


def test_encrypted_pdf_needs_its_password(tmp_path):
    path = _pages_pdf(tmp_path / "locked.pdf", 1, encrypt="s3cret")
    with pytest.raises(EncryptedPDFError, match="pass password="):
        read(path)
    with pytest.raises(EncryptedPDFError, match="wrong"):
        read(path, password="guess")
    assert find(read(path, password="s3cret"), "Revenue").text == "Revenue on page 1"


def test_pdf_without_pages_is_empty():
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    xref = f"xref\n0 3\n0000000000 65535 f \n{9:010d} 00000 n \n{body.index(b'2 0 obj'):010d} 00000 n \n"
    data = body + xref.encode() + f"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n{len(body)}\n%%EOF\n".encode()
    with pytest.raises(EmptyInputError, match="no pages"):
        read_pdf(data, source="empty.pdf")


def test_pages_without_text_have_no_text_layer(tmp_path):
    with pytest.raises(NoTextLayerError):
        read(_pages_pdf(tmp_path / "image.pdf", 2, text=False))


def test_max_pages_reads_only_the_first_pages_and_warns(tmp_path, monkeypatch):
    opened = []

    class CountingPage(pdf_module.Page):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            opened.append(self.page_number)

    monkeypatch.setattr(pdf_module, "Page", CountingPage)
    path = _pages_pdf(tmp_path / "long.pdf", 30)
    with pytest.warns(ReleaseWarning, match="only the first 5 of 30 pages"):
        layout = read(path, max_pages=5, engine="pdfplumber")  # counts pdfplumber's page objects
    assert layout.page_count == 5 and opened == [1, 2, 3, 4, 5]
    assert {line.page for line in layout.lines} == {1, 2, 3, 4, 5}


def test_default_page_limit(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning below the limit
        assert read(_pages_pdf(tmp_path / "short.pdf", 3)).page_count == 3
    assert pdf_module.DEFAULT_MAX_PAGES == 500 and pdf_module.DEFAULT_TIMEOUT == 60.0


def test_timeout_is_checked_from_the_first_page(tmp_path):
    with pytest.raises(TimeLimitError, match="page 1: it took longer than"):
        read(_pages_pdf(tmp_path / "slow.pdf", 3), timeout=1e-9)


def test_every_page_is_closed_after_reading(tmp_path, monkeypatch):
    closed = []

    class ClosingPage(pdf_module.Page):
        def close(self):
            super().close()
            closed.append(self.page_number)
            assert not hasattr(self, "_objects") and not hasattr(self, "_layout")

    monkeypatch.setattr(pdf_module, "Page", ClosingPage)
    read(_pages_pdf(tmp_path / "pages.pdf", 4), engine="pdfplumber")  # pdfplumber's page objects
    assert closed == [1, 2, 3, 4]


def test_bad_limits_are_rejected():
    with pytest.raises(ValueError):
        read_pdf(b"%PDF-1.4", max_pages=0)
    with pytest.raises(ValueError):
        read_pdf(b"%PDF-1.4", timeout=0)


def test_a_page_that_fails_is_skipped_with_a_warning(tmp_path, monkeypatch):
    real = pdf_module._read_page

    def failing(page):
        if page.page_number == 2:
            raise KeyError("broken content stream")
        return real(page)

    monkeypatch.setattr(pdf_module, "_read_page", failing)
    with pytest.warns(ReleaseWarning, match="page 2 skipped"):
        layout = read(_pages_pdf(tmp_path / "three.pdf", 3))
    assert layout.page_count == 3 and {line.page for line in layout.lines} == {1, 3}


def test_every_page_failing_is_a_read_error(tmp_path, monkeypatch):
    def failing(page):
        raise ValueError("broken content stream")

    monkeypatch.setattr(pdf_module, "_read_page", failing)
    with pytest.warns(ReleaseWarning), pytest.raises(ReadError, match="none of its 2 page"):
        read(_pages_pdf(tmp_path / "two.pdf", 2))


def test_a_pdf_of_page_numbers_only_is_empty(tmp_path):
    canvas = Canvas(str(tmp_path / "numbers.pdf"), pagesize=A4)
    for number in (1, 2):
        canvas.setFont("Helvetica", 9)
        canvas.drawCentredString(297, 20, f"- {number} -")
        canvas.showPage()
    canvas.save()
    with pytest.raises(EmptyInputError, match="page numbers"):
        read(tmp_path / "numbers.pdf")
