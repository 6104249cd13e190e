"""The plain-figure fast path of parse_number agrees with the full tokenizer."""

from hypothesis import given, strategies as st

from release_parser.errors import NumberFormatError
from release_parser.normalize import numbers


def full_path(text):
    try:
        cleaned = numbers._clean(text)
        na_reason = numbers.NA_MARKERS.get(cleaned.casefold())
        if na_reason is not None:
            return numbers.ParsedNumber(None, None, 1, False, text, na_reason=na_reason)
        return numbers._read_tokens(numbers._tokenize(cleaned, text), text)
    except NumberFormatError:
        return None


@given(st.text(alphabet="0123456789,.-()% ", min_size=1, max_size=12))
def test_fast_path_matches_full_path(text):
    fast = numbers._parse_plain(text)
    if fast is not None:
        assert fast == full_path(text)


@given(st.integers(-10**12, 10**12), st.sampled_from(["plain", "thousands", "paren", "percent"]))
def test_fast_path_takes_common_cells(value, notation):
    text = numbers.format_number(value, notation=notation)
    assert numbers._parse_plain(text) == full_path(text)
