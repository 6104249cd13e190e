import pytest

from release_parser.layout import Line
from release_parser.segment.lines import (
    defined_footnote_numbers,
    footnote_marks,
    is_rule,
    looks_like_heading,
    match_bullet,
    match_footnote,
    strip_emphasis,
    strip_footnote_marks,
    strip_label_marks,
)
from release_parser.readers.text import read_text

BULLET_CASES = [
    ("✓ **Revenue increased**", "✓", "✓", 0, "check mark"),
    ("- ▶ Operating profit", "▶", "-▶", 0, "dash then glyph"),
    (" - [Number of contracts]", "-", "-", 1, "indented dash"),
    ("• item", "•", "•", 0, "bullet"),
    ("▶item without space", "▶", "▶", 0, "glyph needs no space"),
    ("\uf0d8 private-use glyph", "\uf0d8", "\uf0d8", 0, "symbol font glyph"),
]


@pytest.mark.parametrize("raw, marker, signature, indent, reason", BULLET_CASES)
def test_bullets(raw, marker, signature, indent, reason):
    bullet = match_bullet(raw)
    assert bullet is not None, reason
    assert (bullet.marker, bullet.signature, bullet.indent) == (marker, signature, indent)


@pytest.mark.parametrize("raw", ["-830", "(830)", "Total Revenue: JPY 10,512 million", "*1 Percentage", "---"])
def test_not_bullets(raw):
    assert match_bullet(raw) is None


@pytest.mark.parametrize(
    "raw, mark, text",
    [
        ("*1 Percentage of the largest", "*1", "Percentage of the largest"),
        ("^{*2} Percentage of SI", "*2", "Percentage of SI"),
        ("(*3) Excluding banks", "*3", "Excluding banks"),
        ("※1 注記", "*1", "注記"),
        ("* 10 major companies", "*", "10 major companies"),
    ],
)
def test_footnotes(raw, mark, text):
    note = match_footnote(raw)
    assert (note.mark, note.text) == (mark, text)


def test_footnote_marks_are_stripped_from_labels():
    assert strip_footnote_marks("VAS Cross-selling Ratio ^{*1}") == "VAS Cross-selling Ratio"
    assert strip_footnote_marks("Net sales*2") == "Net sales"
    assert footnote_marks("Ratio ^{*1} (*2)") == ("*1", "*2")


@pytest.mark.parametrize("raw", ["-----", "=========", "──────", "  --- --- ---", "+-----+-----+"])
def test_rules(raw):
    assert is_rule(raw)


@pytest.mark.parametrize("raw", ["- item", "Total  ---", "(830)"])
def test_not_rules(raw):
    assert not is_rule(raw)


def _line(text: str) -> Line:
    return read_text(text).lines[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Highlights", True),
        ("Second Quarter of FY2004", True),
        ("Operating Income (Loss)", True),
        ("Revenues increased substantially compared to 2Q03.", False),
        ("and a lower-case continuation", False),
        ("10,512", False),
    ],
)
def test_headings(text, expected):
    assert looks_like_heading(_line(text)) is expected


def test_emphasis():
    assert strip_emphasis("**bold** and __also__") == ("bold and also", True)
    assert strip_emphasis("plain") == ("plain", False)


@pytest.mark.parametrize(
    "label, numbers, expected",
    [
        ("Income before Income Tax Expense(3)", frozenset(), ("Income before Income Tax Expense", ("*3",))),
        ("Total net sales (1)", frozenset(), ("Total net sales", ("*1",))),
        ("Net profit3", frozenset({"3"}), ("Net profit", ("*3",))),
        ("Net profit3", frozenset(), ("Net profit3", ())),  # no footnote 3 printed: part of the label
        ("YoY2", frozenset({"2"}), ("YoY", ("*2",))),
        ("Tier 1", frozenset({"1"}), ("Tier 1", ())),  # a spaced number is no glued mark
        ("FY2025", frozenset({"5", "25"}), ("FY2025", ())),
    ],
)
def test_strip_label_marks(label, numbers, expected):
    assert strip_label_marks(label, numbers) == expected


def test_defined_footnote_numbers():
    lines = read_text("1 Figures are unaudited.\n(3) See the statements.\n*4 Percentage of revenue\nRevenue 10 20\n").lines
    assert defined_footnote_numbers(lines) == frozenset({"1", "3", "4"})
