"""Tests for release_parser.normalize.numbers: case tables first, then properties."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from doc_tables import code, doc_rows
from hypothesis import example, given
from hypothesis import strategies as st

from release_parser.errors import NormalizationError, NumberFormatError
from release_parser.normalize.numbers import (
    MAX_NUMBER_LENGTH,
    NOTATIONS,
    ParsedNumber,
    format_number,
    is_numeric_cell,
    parse_number,
    try_parse_number,
)

FIELDS = ("value", "unit", "scale", "is_percent", "approximate", "na_reason")
DOC = Path(__file__).resolve().parents[2] / "docs" / "notations-numbers.md"


def num(value: float, unit: str | None = None, scale: int = 1, *, approximate: bool = False) -> dict:
    """The fields parse_number should return for a number."""
    return dict(zip(FIELDS, (value, unit, scale, unit == "%", approximate, None)))


def na(reason: str) -> dict:
    """The fields parse_number should return for an NA marker."""
    return dict(zip(FIELDS, (None, None, 1, False, False, reason)))


def fields(result: ParsedNumber) -> dict:
    return {name: getattr(result, name) for name in FIELDS}


M, B = 1_000_000, 1_000_000_000

PARSE_CASES = [
    # (input, expected, reason)
    ("10,512", num(10512.0), "thousands separator"),
    ("1,234,567.89", num(1234567.89), "two groups and decimals"),
    ("10512", num(10512.0), "no separator"),
    ("0.6", num(0.6), "leading zero before the point"),
    (".5", num(0.5), "no digit before the point"),
    ("+3.3", num(3.3), "explicit plus sign"),
    ("0", num(0.0), "zero"),
    ("  10,512\u00a0", num(10512.0), "surrounding spaces, including no-break space"),
    ("(830)", num(-830.0), "accounting parentheses"),
    ("(2,035)", num(-2035.0), "parentheses and separator"),
    ("-830", num(-830.0), "hyphen-minus"),
    ("\u2212830", num(-830.0), "U+2212 minus sign"),
    ("\u2013830", num(-830.0), "en dash before a digit is a minus"),
    ("\u2010830", num(-830.0), "U+2010 hyphen before a digit"),
    ("△830", num(-830.0), "Japanese white triangle"),
    ("▲830", num(-830.0), "Japanese black triangle"),
    ("△ 830", num(-830.0), "space after the triangle"),
    ("-0", num(0.0), "negative zero becomes zero"),
    ("１０，５１２", num(10512.0), "full-width digits and comma"),
    ("（８３０）", num(-830.0), "full-width parentheses"),
    ("－８３０", num(-830.0), "full-width minus"),
    ("１４．４％", num(14.4, "%"), "full-width percent"),
    ("14.4%", num(14.4, "%"), "percent sign"),
    ("(18.0%)", num(-18.0, "%"), "parenthesised percentage"),
    ("(18.0)%", num(-18.0, "%"), "parentheses around the number only"),
    ("-18.0%", num(-18.0, "%"), "minus percentage"),
    ("18.0 %", num(18.0, "%"), "space before the percent sign"),
    ("14.4 percent", num(14.4, "%"), "percent as a word"),
    ("3 per cent", num(3.0, "%"), "per cent as two words"),
    ("-", na("dash"), "hyphen alone"),
    ("—", na("dash"), "em dash"),
    ("–", na("dash"), "en dash alone"),
    ("―", na("dash"), "horizontal bar"),
    ("‐", na("dash"), "U+2010 hyphen alone"),
    ("ー", na("dash"), "katakana long mark"),
    (" － ", na("dash"), "full-width hyphen-minus with spaces"),
    ("n/a", na("not available"), "n/a"),
    ("N/A", na("not available"), "N/A"),
    ("NA", na("not available"), "NA"),
    ("NM", na("not meaningful"), "NM"),
    ("N.M.", na("not meaningful"), "N.M."),
    ("n.m.", na("not meaningful"), "n.m."),
    ("nm", na("not meaningful"), "nm"),
    ("…", na("nil"), "ellipsis character"),
    ("...", na("nil"), "three dots"),
    ("JPY 10,512 million", num(10512.0, "JPY", M), "code, scale word"),
    ("JPY2.3 billion", num(2.3, "JPY", B), "code glued to the number"),
    ("JPY41,118 million", num(41118.0, "JPY", M), "code glued, separator"),
    ("¥10,512", num(10512.0, "JPY"), "yen sign"),
    ("￥10,512", num(10512.0, "JPY"), "full-width yen sign"),
    ("10,512 yen", num(10512.0, "JPY"), "yen after the number"),
    ("$410.3 million", num(410.3, "USD", M), "dollar sign"),
    ("US$ 3.2 million", num(3.2, "USD", M), "US$"),
    ("U.S.$5", num(5.0, "USD"), "U.S.$"),
    ("USD 5", num(5.0, "USD"), "USD code"),
    ("5 U.S. dollars", num(5.0, "USD"), "dollars after the number"),
    ("€5", num(5.0, "EUR"), "euro sign"),
    ("EUR 5", num(5.0, "EUR"), "EUR code"),
    ("£5", num(5.0, "GBP"), "pound sign"),
    ("GBP 5", num(5.0, "GBP"), "GBP code"),
    ("Yen 50 million", num(50.0, "JPY", M), "Yen before the number"),
    ("JPY 50mn", num(50.0, "JPY", M), "mn"),
    ("3.2bn", num(3.2, None, B), "bn without a currency"),
    ("JPY 10.5bn", num(10.5, "JPY", B), "code and bn"),
    ("$5M", num(5.0, "USD", M), "M for million"),
    ("5k", num(5.0, None, 1_000), "k for thousand"),
    ("(JPY 830 million)", num(-830.0, "JPY", M), "parentheses around everything"),
    ("JPY (830) million", num(-830.0, "JPY", M), "parentheses around the number"),
    ("$(410.3) million", num(-410.3, "USD", M), "dollar, parenthesised number"),
    ("-¥830", num(-830.0, "JPY"), "sign before the currency"),
    ("JPY-2.3 billion", num(-2.3, "JPY", B), "sign after the currency"),
    ("2.3 billion", num(2.3, None, B), "scale word alone"),
    ("10 thousand", num(10.0, None, 1_000), "thousand"),
    ("1.2 trillion", num(1.2, None, 1_000_000_000_000), "trillion"),
    ("104.9Gbps", num(104.9, "Gbps"), "bandwidth glued"),
    ("95.6 Gbps", num(95.6, "Gbps"), "bandwidth spaced"),
    ("100Mbps", num(100.0, "Mbps"), "Mbps"),
    ("1,200 sites", num(1200.0, "sites"), "count unit"),
    ("1 site", num(1.0, "sites"), "singular maps to the plural"),
    ("8,880 contracts", num(8880.0, "contracts"), "contracts"),
    ("270 circuits", num(270.0, "circuits"), "circuits"),
    ("20 customers", num(20.0, "customers"), "customers"),
    ("3,000 companies", num(3000.0, "companies"), "companies"),
    ("15 countries", num(15.0, "countries"), "countries"),
    ("1.5 times", num(1.5, "times"), "times"),
    ("1.5x", num(1.5, "times"), "x means times"),
    ("2.3pt", num(2.3, "points"), "percentage points"),
    ("1.2 million customers", num(1.2, "customers", M), "scale and unit"),
    ("approximately 1,200 sites", num(1200.0, "sites", approximate=True), "approximately"),
    ("Approximately JPY 2.3 billion", num(2.3, "JPY", B, approximate=True), "from the sample release"),
    ("approx. 3,000", num(3000.0, approximate=True), "approx."),
    ("about 30", num(30.0, approximate=True), "about"),
    ("around 100", num(100.0, approximate=True), "around"),
    ("~100", num(100.0, approximate=True), "tilde"),
    ("approximately (830)", num(-830.0, approximate=True), "approximate negative"),
    ("1,234*1", num(1234.0), "footnote *1 is not a digit"),
    ("1,234*", num(1234.0), "bare asterisk footnote"),
    ("1,234^{*1}", num(1234.0), "superscript footnote markup"),
    ("1,234 (*2)", num(1234.0), "parenthesised footnote"),
    ("1,234※1", num(1234.0), "reference mark footnote"),
    ("1,234¹", num(1234.0), "superscript digit is a footnote"),
    ("1,234²³", num(1234.0), "two superscript digits"),
    ("(830)*1", num(-830.0), "footnote after parentheses"),
    ("86.9%*1", num(86.9, "%"), "footnote after a percentage"),
    ("—*1", na("dash"), "footnote after an NA marker"),
]

REJECTED = [
    # (input, reason)
    ("", "empty is not NA: the caller decides"),
    ("   ", "blank"),
    ("abc", "no number"),
    ("12abc", "unknown word after the number"),
    ("1,23", "comma not followed by three digits"),
    ("1234,567", "first group too long"),
    ("12,34,567", "Indian grouping"),
    ("1,234,", "trailing comma"),
    ("0123", "leading zero"),
    ("1.2.3", "two decimal points"),
    ("5.", "point without digits"),
    ("--5", "two signs"),
    ("+-5", "two signs"),
    ("(-5)", "sign inside parentheses"),
    ("-(5)", "sign outside parentheses"),
    ("((5))", "double parentheses"),
    ("5)", "unbalanced"),
    ("(5", "unbalanced"),
    ("()", "no number"),
    ("5-", "trailing sign"),
    ("—830", "em dash is not a minus"),
    ("2Q04", "a fiscal period"),
    ("FY2004", "a fiscal year"),
    ("2004-07-01", "a date"),
    ("1 234", "two numbers"),
    ("10,512 million million", "two scale words"),
    ("JPY 5 yen", "two currencies"),
    ("JPY 5 sites", "currency and count unit"),
    ("$5%", "currency and percent"),
    ("5 million %", "percent with scale"),
    ("5$", "currency symbol after the number"),
    ("5 widgets", "unit not in the vocabulary"),
    ("over 100", "not an approximation word"),
    ("approximately", "no number"),
    ("1e5", "exponent notation"),
    ("1E-5", "exponent notation"),
    ("inf", "infinity"),
    ("-inf", "infinity"),
    ("nan", "not a number"),
    ("*", "asterisk alone is not NA"),
    ("*1", "footnote mark alone"),
    ("%", "percent sign alone"),
    ("JPY", "currency alone"),
    ("million", "scale alone"),
    ("①", "circled digit"),
    ("⑴", "parenthesised digit"),
    ("½", "vulgar fraction"),
    ("1²3", "superscript inside a number"),
    ("²", "superscript alone"),
    ("٣", "Arabic-Indic digit"),
    ("1,234.5,6", "comma after the decimals"),
    ("9" * 10_000, "10,000 digits: longer than the bound"),
]

FORMAT_CASES = [
    # (value, notation, decimals, expected, reason)
    (10512, "plain", 0, "10512", "plain positive"),
    (-830, "plain", 0, "-830", "plain negative"),
    (10512, "thousands", 0, "10,512", "grouped"),
    (-10512, "thousands", 0, "-10,512", "grouped negative"),
    (-830, "paren", 0, "(830)", "accounting"),
    (830, "paren", 0, "830", "positive has no parentheses"),
    (-830, "minus_unicode", 0, "\u2212830", "U+2212"),
    (-830, "en_dash", 0, "\u2013830", "en dash"),
    (-830, "triangle", 0, "△830", "white triangle"),
    (-830, "black_triangle", 0, "▲830", "black triangle"),
    (10512, "fullwidth", 0, "１０，５１２", "full-width digits"),
    (-830, "fullwidth", 0, "（８３０）", "full-width parentheses"),
    (-830, "fullwidth_minus", 0, "－８３０", "full-width minus"),
    (14.4, "percent", 1, "14.4%", "percentage"),
    (-18.0, "percent", 1, "(18.0%)", "negative percentage"),
    (10512, "currency_jpy_million", 0, "JPY 10,512 million", "JPY million"),
    (-830, "currency_jpy_million", 0, "(JPY 830 million)", "negative JPY million"),
    (10512, "yen_symbol", 0, "¥10,512", "yen sign"),
    (410.3, "usd_million", 1, "$410.3 million", "USD million"),
    (2.3, "jpy_billion_compact", 1, "JPY2.3 billion", "compact JPY billion"),
    (-0.004, "paren", 2, "0.00", "rounds to zero: no sign"),
    (1234.5, "thousands", 2, "1,234.50", "decimals are padded"),
    (2.675, "plain", 0, "3", "rounded to the decimals"),
]

NOTATION_FLAGS = {
    # notation: (unit, scale, is_percent) that parse_number must report
    "plain": (None, 1, False),
    "thousands": (None, 1, False),
    "paren": (None, 1, False),
    "minus_unicode": (None, 1, False),
    "en_dash": (None, 1, False),
    "triangle": (None, 1, False),
    "black_triangle": (None, 1, False),
    "fullwidth": (None, 1, False),
    "fullwidth_minus": (None, 1, False),
    "percent": ("%", 1, True),
    "currency_jpy_million": ("JPY", M, False),
    "yen_symbol": ("JPY", 1, False),
    "usd_million": ("USD", M, False),
    "jpy_billion_compact": ("JPY", B, False),
}


@pytest.mark.parametrize(("text", "expected", "reason"), PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_number(text: str, expected: dict, reason: str) -> None:
    result = parse_number(text)
    assert fields(result) == expected, reason
    assert result.raw == text
    assert is_numeric_cell(text)
    assert try_parse_number(text) == result


@pytest.mark.parametrize(("text", "reason"), REJECTED, ids=[c[0][:20] for c in REJECTED])
def test_rejected(text: str, reason: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    assert caught.value.text == text, reason
    assert try_parse_number(text) is None
    assert not is_numeric_cell(text)


def test_error_is_a_value_error_and_names_the_input() -> None:
    with pytest.raises(ValueError, match=re.escape("'12abc'")) as caught:
        parse_number("12abc")
    assert isinstance(caught.value, NormalizationError)


def test_non_string_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_number(830)  # type: ignore[arg-type]


def test_length_bound() -> None:
    longest = "1" + "0" * (MAX_NUMBER_LENGTH - 1)
    assert parse_number(longest).value == float(longest)
    with pytest.raises(NumberFormatError, match="longer than"):
        parse_number(longest + "0")


def test_megabyte_input_is_rejected() -> None:
    text = ("(1,234)5" * (1 << 17))[: 1 << 20]
    with pytest.raises(NumberFormatError):
        parse_number(text)
    assert not is_numeric_cell(text)


def test_scaled_value_is_exact_in_decimal() -> None:
    assert parse_number("JPY 2.3 billion").scaled_value == 2_300_000_000.0
    assert parse_number("$410.3 million").scaled_value == 410_300_000.0
    assert parse_number("(JPY 830 million)").scaled_value == -830_000_000.0
    assert parse_number("14.4%").scaled_value == 14.4
    assert parse_number("—").scaled_value is None


def test_na_properties() -> None:
    result = parse_number("N/A")
    assert result.is_na and result.value is None and result.unit is None
    assert not parse_number("0").is_na


def test_parsed_number_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_number("1").value = 2.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "notation", "decimals", "expected", "reason"), FORMAT_CASES, ids=[f"{c[1]}:{c[3]}" for c in FORMAT_CASES]
)
def test_format_number(value: float, notation: str, decimals: int, expected: str, reason: str) -> None:
    assert format_number(value, notation=notation, decimals=decimals) == expected, reason


@pytest.mark.parametrize(
    ("value", "options"),
    [
        (1.0, {"notation": "roman"}),
        (float("nan"), {"notation": "plain"}),
        (float("inf"), {"notation": "plain"}),
        (1.0, {"notation": "plain", "decimals": -1}),
        (1.0, {"notation": "plain", "decimals": 1.5}),
    ],
)
def test_format_number_rejects(value: float, options: dict) -> None:
    with pytest.raises(ValueError):
        format_number(value, **options)


def test_every_notation_has_expected_flags() -> None:
    assert set(NOTATIONS) == set(NOTATION_FLAGS)


# -- properties ---------------------------------------------------------------

VALUES = st.one_of(
    st.integers(-(10**12), 10**12).map(lambda n: (float(n), 0)),
    st.integers(-(10**13), 10**13).map(lambda n: (n / 10, 1)),
    st.integers(-(10**14), 10**14).map(lambda n: (n / 100, 2)),
    st.tuples(st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False), st.integers(0, 2)),
)


@given(VALUES, st.sampled_from(NOTATIONS))
@example((-0.004, 2), "paren")
@example((999_999_999_999.99, 2), "fullwidth")
def test_format_then_parse_round_trips(value_and_decimals: tuple[float, int], notation: str) -> None:
    value, decimals = value_and_decimals
    text = format_number(value, notation=notation, decimals=decimals)
    result = parse_number(text)
    assert result.value == float(f"{value:.{decimals}f}")
    assert abs(result.value - value) <= 0.5 * 10**-decimals + abs(value) * 2**-50
    assert (result.unit, result.scale, result.is_percent) == NOTATION_FLAGS[notation]
    assert not result.approximate and result.na_reason is None
    assert is_numeric_cell(text)


NEAR_MISS_PIECES = [
    "0", "5", "10,512", "1,23", "830", ".5", "1.2", ",", ".", " ", "(", ")", "-", "−", "–", "—", "△", "▲", "+",
    "%", "％", "１", "，", "（", "JPY", "¥", "$", "US$", "yen", "million", "bn", "k", "x", "sites", "percent",
    "approximately", "~", "*1", "^{*1}", "(*2)", "※", "¹", "N/A", "NM", "…", "e", "Q", "FY", "①",
]


def _assert_consistent(text: str) -> None:
    try:
        result = parse_number(text)
    except NumberFormatError as error:
        assert error.text == text
        assert not is_numeric_cell(text)
        assert try_parse_number(text) is None
        return
    assert is_numeric_cell(text)
    assert result.raw == text
    assert result.is_percent == (result.unit == "%")
    assert result.scale in {1, 1_000, M, B, 1_000_000_000_000}
    assert (result.value is None) == (result.na_reason is not None)


@given(st.text(max_size=40))
def test_random_text_only_raises_number_format_error(text: str) -> None:
    _assert_consistent(text)


@given(st.lists(st.sampled_from(NEAR_MISS_PIECES), max_size=7).map("".join))
def test_near_miss_text_only_raises_number_format_error(text: str) -> None:
    _assert_consistent(text)


# -- the reference page -------------------------------------------------------







def describe(result: ParsedNumber) -> str:
    """The compact form the reference page uses in its Result column."""
    if result.is_na:
        return f"NA ({result.na_reason})"
    parts = [repr(result.value)] + ([result.unit] if result.unit else [])
    parts += [f"× {result.scale:,}"] if result.scale != 1 else []
    return " ".join((["≈"] if result.approximate else []) + parts)


def test_reference_page_accepted_rows() -> None:
    rows = doc_rows(DOC, "| Input | Result |")
    assert len(rows) > 50
    for cells in rows:
        assert describe(parse_number(code(cells[0]))) == code(cells[1]), cells


def test_reference_page_rejected_rows() -> None:
    rows = doc_rows(DOC, "| Input | Why |")
    assert len(rows) > 20
    for cells in rows:
        assert try_parse_number(code(cells[0])) is None, cells


def test_reference_page_notation_rows() -> None:
    rows = doc_rows(DOC, "| Notation |")
    assert sorted(code(cells[0]) for cells in rows) == sorted(NOTATIONS)
    for cells in rows:
        notation, decimals = code(cells[0]), int(cells[1])
        for printed in (code(cells[2]), code(cells[3])):
            value = parse_number(printed).value
            assert value is not None
            assert format_number(value, notation=notation, decimals=decimals) == printed


@pytest.mark.parametrize("text", ["Gbps 104.9", "sites 12", "percent 5", "bps 25"])
def test_only_a_currency_may_stand_before_the_figure(text):
    """A unit word in front of a figure is no currency: "Gbps 104.9" is not a number (a label and a figure)."""
    with pytest.raises(NumberFormatError, match="expected a number"):
        parse_number(text)
    assert parse_number("yen 10,512").unit == "JPY" and parse_number("USD 5").unit == "USD"
