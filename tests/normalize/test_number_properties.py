"""A number printed the ways releases print it is read back as that number.

``test_numbers.py`` round-trips through the library's own ``format_number``, one notation at a
time, so a mistake shared by the writer and the reader would not show. Here the figure is
written by the test, combining what releases combine: thousands separators or none, a sign
as ``-``, ``−``, parentheses, ``△`` or ``▲``, a percent sign, and full-width characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import example, given
from hypothesis import strategies as st

from release_parser.normalize.numbers import parse_number

#: how a negative figure is marked: (before, after)
NEGATIVE_MARKS = {"minus": ("-", ""), "unicode_minus": ("−", ""), "paren": ("(", ")"), "triangle": ("△", ""),
                  "black_triangle": ("▲", "")}  # fmt: skip
HALF_TO_FULL_WIDTH = str.maketrans("0123456789,.()-%", "０１２３４５６７８９，．（）－％")


@dataclass(frozen=True)
class Printing:
    grouped: bool
    decimals: int
    negative_mark: str
    percent: bool
    full_width: bool

    def print(self, value: float) -> str:
        digits = f"{abs(value):{',' if self.grouped else ''}.{self.decimals}f}"
        before, after = NEGATIVE_MARKS[self.negative_mark] if value < 0 else ("", "")
        # a percent sign sits inside the parentheses: "(18.0%)"
        text = before + digits + ("%" if self.percent else "") + after
        return text.translate(HALF_TO_FULL_WIDTH) if self.full_width else text


printings = st.builds(
    Printing,
    grouped=st.booleans(),
    decimals=st.integers(0, 2),
    negative_mark=st.sampled_from(sorted(NEGATIVE_MARKS)),
    percent=st.booleans(),
    full_width=st.booleans(),
)


@st.composite
def printed_values(draw, printing: Printing) -> float:
    """A value with no more decimals than the printing shows, and not zero (no sign to read)."""
    units = draw(st.integers(-(10**12), 10**12).filter(bool))
    return units / 10**printing.decimals


@st.composite
def printed_numbers(draw) -> tuple[str, float, Printing]:
    printing = draw(printings)
    value = draw(printed_values(printing))
    return printing.print(value), value, printing


@given(printed_numbers())
@example(("△1,234", -1234.0, Printing(True, 0, "triangle", False, False)))
@example(("（１８．０％）", -18.0, Printing(False, 1, "paren", True, True)))
@example(("▲０．５％", -0.5, Printing(False, 1, "black_triangle", True, True)))
def test_a_printed_number_reads_back_as_its_value(case) -> None:
    text, value, printing = case
    assert printing.print(value) == text  # the examples above are what the printing writes
    result = parse_number(text)
    assert result.value == value, text
    assert result.is_percent is printing.percent, text
    assert result.unit == ("%" if printing.percent else None), text
    assert result.scale == 1 and not result.is_na, text


@given(printings, st.integers(1, 10**9))
def test_a_negative_mark_flips_only_the_sign(printing: Printing, units: int) -> None:
    value = units / 10**printing.decimals
    positive, negative = parse_number(printing.print(value)), parse_number(printing.print(-value))
    assert negative.value == -positive.value == -value, printing.print(-value)
