"""Tests for release_parser.normalize.units: vocabulary, captions, properties."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from doc_tables import code, doc_rows
from hypothesis import given
from hypothesis import strategies as st

from release_parser.errors import NormalizationError, UnitFormatError
from release_parser.normalize.units import (
    CURRENCY_CODES,
    MAX_CAPTION_LENGTH,
    SCALE_WORDS,
    UNIT_WORDS,
    UnitScale,
    find_unit_caption,
    lookup_scale,
    lookup_unit,
    money_code,
    parse_unit_caption,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "notations-numbers.md"
K, M, B = 1_000, 1_000_000, 1_000_000_000

CAPTION_CASES = [
    # (caption, (unit, scale), reason)
    ("(JPY millions)", ("JPY", M), "code and plural scale"),
    ("(JPY in millions)", ("JPY", M), "code in scale"),
    ("(in millions of yen)", ("JPY", M), "in scale of currency"),
    ("(Millions of yen)", ("JPY", M), "capitalised"),
    ("Millions of yen", ("JPY", M), "bare column header"),
    ("(¥ millions)", ("JPY", M), "yen sign"),
    ("(Yen in thousands)", ("JPY", K), "Yen in thousands"),
    ("(JPY billions)", ("JPY", B), "billions"),
    ("(Yen)", ("JPY", 1), "currency without scale"),
    ("(In thousands)", (None, K), "scale without unit"),
    ("In thousands", (None, K), "no brackets"),
    ("(in millions of U.S. dollars)", ("USD", M), "U.S. dollars"),
    ("($ in millions)", ("USD", M), "dollar sign"),
    ("(US$ thousands)", ("USD", K), "US$"),
    ("(Thousands of U.S. dollars)", ("USD", K), "Thousands of U.S. dollars"),
    ("(in thousands of US dollars)", ("USD", K), "US dollars without dots"),
    ("(EUR millions)", ("EUR", M), "euro"),
    ("(£ thousands)", ("GBP", K), "pound sign"),
    ("(Unit: JPY million)", ("JPY", M), "Unit: prefix, singular scale"),
    ("Unit: million yen", ("JPY", M), "Unit: without brackets"),
    ("(Units: thousands of shares)", ("shares", K), "Units: and shares"),
    ("(Unit: 1,000 yen)", ("JPY", K), "a figure as scale after Unit:"),
    ("(%)", ("%", 1), "percent sign"),
    ("(in percent)", ("%", 1), "percent word"),
    ("(percentage)", ("%", 1), "percentage"),
    ("(Amounts in millions of yen, except per share data)", ("JPY", M), "except clause"),
    ("(in millions, except per share amounts)", (None, M), "scale and except clause"),
    ("(In millions of yen; except per share data)", ("JPY", M), "semicolon before except"),
    ("[JPY millions]", ("JPY", M), "square brackets"),
    ("（JPY millions）", ("JPY", M), "full-width brackets"),
    ("（単位：百万円）", ("JPY", M), "Japanese: unit million yen"),
    ("【単位：千円】", ("JPY", K), "Japanese lenticular brackets"),
    ("(JPY mn)", ("JPY", M), "mn"),
    ("  (JPY millions)  ", ("JPY", M), "surrounding spaces"),
]

NOT_CAPTIONS = [
    # (text, reason)
    ("revenues of JPY 10 million", "a sentence"),
    ("(JPY 10 million)", "a figure"),
    ("(1,000 yen)", "a figure without Unit:"),
    ("In 2004", "a year"),
    ("(JPY USD)", "two currencies"),
    ("(yen in JPY)", "two currency words"),
    ("(millions thousands)", "two scales"),
    ("(% in millions)", "percent with a scale"),
    ("(JPY %)", "currency and percent"),
    ("(in)", "filler only"),
    ("()", "empty brackets"),
    ("", "empty"),
    ("(JPY (in) millions)", "nested brackets"),
    ("(JPY millions", "unbalanced"),
    ("(Net income)", "ordinary words"),
    ("(JPY, millions)", "a comma that is not an except clause"),
    ("(in millions of widgets)", "unit not in the vocabulary"),
    ("(" + "in " * 80 + "millions)", "longer than the bound"),
]

FIND_CASES = [
    # (line, expected (unit, scale, raw) or None, reason)
    ("Operating Results Summary  (JPY in millions)", ("JPY", M, "(JPY in millions)"), "title then caption"),
    ("Consolidated Statements (In thousands of U.S. dollars)", ("USD", K, "(In thousands of U.S. dollars)"), "USD"),
    ("(JPY millions)", ("JPY", M, "(JPY millions)"), "caption alone"),
    ("  In thousands, except per share data", (None, K, "In thousands, except per share data"), "In line"),
    ("Unit: million yen", ("JPY", M, "Unit: million yen"), "Unit: line"),
    ("Amounts in millions of yen", ("JPY", M, "Amounts in millions of yen"), "Amounts in line"),
    ("Millions of yen", ("JPY", M, "Millions of yen"), "bare header with a scale"),
    ("Net income per share (Yen)", ("JPY", 1, "(Yen)"), "per-share caption"),
    ("Balance Sheet (Note 3) (JPY millions)", ("JPY", M, "(JPY millions)"), "first bracket is not a caption"),
    ("Highlights\n(JPY millions)", ("JPY", M, "(JPY millions)"), "second line"),
    ("貸借対照表（単位：百万円）", ("JPY", M, "（単位：百万円）"), "full-width brackets keep raw exact"),
    ("(JPY (millions) yen)", None, "nested brackets"),
    ("(JPY millions)\t2Q04\t2Q03", ("JPY", M, "(JPY millions)"), "caption in the first header cell"),
    ("Revenue (JPY millions)   10,512", ("JPY", M, "(JPY millions)"), "caption ends a cell"),
    ("revenues of JPY 10 million", None, "a sentence is not a caption"),
    ("✓ Usage (%) of VAS by Connectivity service customers", None, "a bracket inside a phrase"),
    ("Revenue (JPY millions) grew", None, "a caption-like bracket inside a phrase"),
    ("(An operating loss of JPY 830 million in 2Q03 and JPY 100 million in 1Q04)", None, "bracketed sentence"),
    ("Total Revenues\t10,512\t9,185\t14.4%", None, "a table row"),
    ("\t2Q04\t2Q03\tYoY % Change", None, "a header row"),
    ("Yen", None, "a bare word without scale or lead"),
    ("Customers", None, "a heading that happens to be a unit word"),
    ("In 2004, revenues grew", None, "a sentence starting with In"),
    ("", None, "empty"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), CAPTION_CASES, ids=[c[0] for c in CAPTION_CASES])
def test_parse_unit_caption(text: str, expected: tuple, reason: str) -> None:
    caption = parse_unit_caption(text)
    assert (caption.unit, caption.scale) == expected, reason
    assert caption.raw == text


@pytest.mark.parametrize(("text", "reason"), NOT_CAPTIONS, ids=[c[0][:30] for c in NOT_CAPTIONS])
def test_not_a_caption(text: str, reason: str) -> None:
    with pytest.raises(UnitFormatError) as caught:
        parse_unit_caption(text)
    assert caught.value.text == text, reason
    assert isinstance(caught.value, (NormalizationError, ValueError))
    assert find_unit_caption(text) is None


@pytest.mark.parametrize(("text", "expected", "reason"), FIND_CASES, ids=[c[0][:30] for c in FIND_CASES])
def test_find_unit_caption(text: str, expected: tuple | None, reason: str) -> None:
    found = find_unit_caption(text)
    if expected is None:
        assert found is None, reason
    else:
        assert found is not None, reason
        assert (found.unit, found.scale, found.raw) == expected, reason
        assert found.raw in text


def test_find_in_a_megabyte_line_returns() -> None:
    assert find_unit_caption(("(1,234) revenue (" * 60_000)[: 1 << 20]) is None


def test_caption_length_bound() -> None:
    with pytest.raises(UnitFormatError, match="longer than"):
        parse_unit_caption("(JPY millions)" + " " * MAX_CAPTION_LENGTH)


def test_unit_scale_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        UnitScale("JPY", M, "(JPY millions)").scale = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("JPY", "JPY"), ("yen", "JPY"), ("Dollars", "USD"), ("per  cent", "%"), ("Gbps", "Gbps"), ("GBPS", "Gbps"),
     ("site", "sites"), ("people", "persons"), ("x", "times"), ("basis points", "bp"), ("widgets", None), ("", None)],
)
def test_lookup_unit(word: str, expected: str | None) -> None:
    assert lookup_unit(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("k", K), ("Thousand", K), ("MN", M), ("millions", M), ("bn", B), ("trillion", 10**12), ("hundred", None)],
)
def test_lookup_scale(word: str, expected: int | None) -> None:
    assert lookup_scale(word) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("$", "USD"), ("US$", "USD"), ("U.S.$", "USD"), ("US dollars", "USD"), ("¥", "JPY"), ("€", "EUR"), ("£", "GBP")],
)
def test_money_code(token: str, expected: str) -> None:
    assert money_code(token) == expected


def test_vocabulary_is_consistent() -> None:
    aliases = [alias for spellings in UNIT_WORDS.values() for alias in spellings]
    assert len(aliases) == len(set(aliases)), "an alias maps to two units"
    assert all(alias == alias.casefold() for alias in aliases + list(SCALE_WORDS))
    assert not set(aliases) & set(SCALE_WORDS)
    assert CURRENCY_CODES <= set(UNIT_WORDS)
    assert set(SCALE_WORDS.values()) == {K, M, B, 10**12}


# -- properties ---------------------------------------------------------------

CAPTION_PIECES = [
    "(", ")", "（", "）", "【", "】", "in ", "of ", "JPY ", "yen ", "¥", "$", "US$", "U.S. dollars", "millions ",
    "thousands", "Unit: ", "%", "percent", ", except per share data", "1,000 ", "revenues ", "10 ", "百万円", " ",
]


def _assert_caption_consistent(text: str) -> None:
    try:
        caption = parse_unit_caption(text)
    except UnitFormatError as error:
        assert error.text == text
    else:
        assert caption.raw == text
        assert caption.scale in {1, K, M, B, 10**12}
        assert caption.unit != "%" or caption.scale == 1
    found = find_unit_caption(text)
    if found is not None:
        assert found.raw in text
        assert parse_unit_caption(found.raw) == found


@given(st.text(max_size=60))
def test_random_text_only_raises_unit_format_error(text: str) -> None:
    _assert_caption_consistent(text)


@given(st.lists(st.sampled_from(CAPTION_PIECES), max_size=8).map("".join))
def test_near_miss_captions_are_consistent(text: str) -> None:
    _assert_caption_consistent(text)


# -- the reference page -------------------------------------------------------







def test_reference_page_caption_rows() -> None:
    rows = doc_rows(DOC, "| Caption | Result |")
    assert len(rows) > 15
    for cells in rows:
        caption = parse_unit_caption(code(cells[0]))
        assert f"{caption.unit} × {caption.scale:,}" == code(cells[1]), cells


def test_reference_page_not_caption_rows() -> None:
    rows = doc_rows(DOC, "| Text | Why |")
    assert rows
    for cells in rows:
        with pytest.raises(UnitFormatError):
            parse_unit_caption(code(cells[0]))


def test_reference_page_vocabulary() -> None:
    rows = doc_rows(DOC, "| Unit | Spellings |")
    documented = {code(cells[0]): tuple(re.findall(r"`([^`]+)`", cells[1])) for cells in rows}
    assert documented == dict(UNIT_WORDS)


@pytest.mark.parametrize(
    "text, unit, scale",
    [
        ("(In NT$ billions unless otherwise noted)", "TWD", 1_000_000_000),
        ("NT$MN", "TWD", 1_000_000),
        ("(Expressed In New Taiwan Thousand Dollars)", "TWD", 1_000),
        ("US$ (In millions, except per share amounts)", "USD", 1_000_000),
    ],
)
def test_captions_of_taiwanese_and_us_releases(text: str, unit: str, scale: int) -> None:
    caption = find_unit_caption(text)
    assert caption is not None and (caption.unit, caption.scale) == (unit, scale)


def test_a_single_letter_b_is_billions() -> None:
    from release_parser.normalize.numbers import parse_number

    number = parse_number("NT$100.66B")
    assert (number.value, number.unit, number.scale) == (100.66, "TWD", 1_000_000_000)
