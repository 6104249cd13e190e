import pytest

from release_parser.errors import EmptyInputError, ReleaseParserError, ResourceLimitError, UnsupportedInputError
from release_parser.layout import Separator
from release_parser.readers.text import decode_text, read_text

SPLIT_CASES = [
    ("Total Revenues\t10,512\t9,185", ["Total Revenues", "10,512", "9,185"], Separator.TAB, "tab row"),
    ("\t2Q04\t2Q03", ["", "2Q04", "2Q03"], Separator.TAB, "header keeps its empty label cell"),
    ("Total Revenues    10,512    9,185", ["Total Revenues", "10,512", "9,185"], Separator.GAP, "space-aligned"),
    ("| Total revenues | JPY 198.4 billion | up | 8.3% |", ["Total revenues", "JPY 198.4 billion", "up", "8.3%"], Separator.PIPE, "pipe"),
    ("| a |  | b |", ["a", "", "b"], Separator.PIPE, "pipe keeps empty spacer cells"),
    ("A single sentence with single spaces.", ["A single sentence with single spaces."], Separator.NONE, "prose"),
]


@pytest.mark.parametrize("raw, cells, separator, reason", SPLIT_CASES)
def test_cells_are_split(raw, cells, separator, reason):
    line = read_text(raw).lines[0]
    assert [c.text for c in line.cells] == cells, reason
    assert line.separator is separator


def test_space_aligned_positions_are_character_columns():
    layout = read_text("Label        10,512\nOther         9,185")
    first, second = layout.lines
    assert first.cells[1].x1 == second.cells[1].x1 == 19.0
    assert first.number == 1 and second.number == 2


def test_indent_is_recorded():
    assert read_text("   - item").lines[0].indent == 3.0


def test_empty_text_is_a_typed_error():
    with pytest.raises(EmptyInputError):
        read_text("  \n\n ")


def test_too_long_text_is_refused():
    with pytest.raises(ResourceLimitError):
        read_text("x" * 101, max_chars=100)


@pytest.mark.parametrize(
    "data, error",
    [
        (b"", EmptyInputError),
        (b"\x00\x01\x02binary", UnsupportedInputError),
        (bytes(range(1, 32)) * 100, UnsupportedInputError),
    ],
)
def test_binary_or_empty_bytes_are_refused(data, error):
    with pytest.raises(error) as info:
        decode_text(data)
    assert isinstance(info.value, ReleaseParserError)


@pytest.mark.parametrize(
    "data, text",
    [
        ("売上高 10,512".encode("utf-8"), "売上高 10,512"),
        ("売上高 10,512".encode("shift_jis"), "売上高 10,512"),
        ("\ufeffRevenue".encode("utf-8"), "Revenue"),
        ("Revenue".encode("utf-16"), "Revenue"),
        ("Caf\xe9".encode("latin-1"), "Caf\xe9"),
    ],
)
def test_encodings(data, text):
    assert decode_text(data) == text
