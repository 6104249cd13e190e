"""Short texts are computed once; long ones every time; forgetting empties the memory."""

from __future__ import annotations

from release_parser.normalize.cells import read_cell
from release_parser.normalize.numbers import try_parse_number
from release_parser.normalize.text_cache import MAX_REMEMBERED_LENGTH, forget_remembered_texts, remember_short_texts


def counting():
    calls: list[str] = []

    @remember_short_texts
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    return length, calls


def test_a_short_text_is_computed_once_until_forgotten():
    length, calls = counting()
    assert [length("10,512"), length("10,512")] == [6, 6]
    assert calls == ["10,512"]
    forget_remembered_texts()
    assert length("10,512") == 6 and calls == ["10,512", "10,512"]


def test_a_long_text_is_computed_every_time():
    length, calls = counting()
    long = "9" * (MAX_REMEMBERED_LENGTH + 1)
    length(long)
    length(long)
    assert len(calls) == 2


def test_remembered_readers_give_the_figures_they_compute():
    forget_remembered_texts()
    assert read_cell("(830)").number.value == -830.0 == read_cell("(830)").number.value
    assert try_parse_number("FY2004") is None and try_parse_number("FY2004") is None
    assert read_cell.__doc__ and "figure" in read_cell.__doc__
