"""Headings set apart by type: a PDF often leaves no gap that reads as a blank line."""

from release_parser.layout import Cell, Layout, Line, LineStyle
from release_parser.segment import HeadingBlock, ParagraphBlock, segment


def layout(*lines: tuple[str, bool]) -> Layout:
    built = []
    for number, (text, bold) in enumerate(lines, start=1):
        top = 12.0 * number
        cells = (Cell(text, 72.0, 72.0 + 5 * len(text), top, top + 10, bold=bold),) if text else ()
        built.append(Line(cells, page=1, number=number, raw=text, indent=72.0, style=LineStyle(size=11.0, bold=bold)))
    return Layout(tuple(built), source="test.pdf", kind="pdf")


def kinds(blocks) -> list[tuple[str, str]]:
    return [(type(b).__name__, b.text) for b in blocks if isinstance(b, (HeadingBlock, ParagraphBlock))]


def test_bold_lines_above_regular_text_are_headings_and_end_the_paragraph_before():
    blocks = segment(layout(
        ("Summary of financial results", True),
        ("Fourth quarter", True),
        ("Net sales of $7.9 billion were 1.4% ahead of last year.", False),
        ("Adjusted operating profit was $857 million.", False),
        ("USA - fourth quarter", True),
        ("Adjusted operating profit of $844 million was 5.0% ahead of last year.", False),
    ))
    assert kinds(blocks) == [
        ("HeadingBlock", "Summary of financial results"),
        ("HeadingBlock", "Fourth quarter"),
        ("ParagraphBlock", "Net sales of $7.9 billion were 1.4% ahead of last year. Adjusted operating profit was $857 million."),
        ("HeadingBlock", "USA - fourth quarter"),
        ("ParagraphBlock", "Adjusted operating profit of $844 million was 5.0% ahead of last year."),
    ]


def test_a_bold_callout_with_a_figure_or_a_row_of_periods_is_not_a_heading():
    blocks = segment(layout(
        ("Revenue up 25.7% QoQ", True),
        ("Shipments were pending to the next quarter.", False),
        ("", False),
        ("4Q2024 4Q2025", True),
        ("Communication segment revenue grew 14% YoY.", False),
    ))
    assert [kind for kind, _ in kinds(blocks)] == ["ParagraphBlock", "ParagraphBlock"]


def test_regular_lines_need_a_blank_after_them_to_be_headings():
    blocks = segment(layout(
        ("Fourth quarter", False),
        ("Net sales of $7.9 billion were 1.4% ahead of last year.", False),
    ))
    assert kinds(blocks) == [("ParagraphBlock", "Fourth quarter Net sales of $7.9 billion were 1.4% ahead of last year.")]
