"""Numbers as printed in earnings releases: ``(830)`` -> -830, ``—`` -> NA.

:func:`parse_number` reads one table cell or one figure from a sentence:
thousands separators, the negative notations (``(830)``, ``-830``, ``−830``,
``△830``, ``▲830``), full-width digits, percentages, currencies, scale words
(``JPY 10,512 million``), count units (``1,200 sites``) and NA markers. It is
strict: anything else raises :class:`~release_parser.errors.NumberFormatError`
(see ``docs/notations-numbers.md``). Steps: bound the length, drop a footnote
mark, NFKC-normalize, look up NA markers, tokenize with one regex, then read
the tokens with a small grammar::

    [approx] [ "(" ] [sign] [currency] [sign] number-or-"(number)" [scale] [unit] [ ")" ]
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import TypeVar

from release_parser.errors import NumberFormatError
from release_parser.normalize.text_cache import remember_short_texts
from release_parser.normalize.units import CURRENCY_CODES, MONEY_PATTERN, lookup_scale, lookup_unit, money_code

__all__ = [
    "MAX_NUMBER_LENGTH", "NA_MARKERS", "NOTATIONS", "ParsedNumber",
    "format_number", "is_numeric_cell", "parse_number", "try_parse_number",
]

MAX_NUMBER_LENGTH = 200
"""Longest text :func:`parse_number` reads; longer text is rejected at once."""

NA_MARKERS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(["-", "—", "–", "―", "‐", "‒", "−", "ー", "--", "---", "——", "――"], "dash"),
        **dict.fromkeys(["n/a", "na", "n.a."], "not available"),
        **dict.fromkeys(["nm", "n.m.", "n/m"], "not meaningful"),
        "...": "nil",  # NFKC turns "…" into "..."
    }
)
"""A whole cell (after NFKC, lower-cased) that means "no value" -> the reason."""

_APPROXIMATE_WORDS = frozenset({"approximately", "approx.", "approx", "about", "around"})

_SIGNS: Mapping[str, int] = MappingProxyType({"+": 1, "-": -1, "−": -1, "–": -1, "‐": -1, "△": -1, "▲": -1})

_ASCII_DIGITS = frozenset("0123456789")
_PRINTED_DIGITS = frozenset("0123456789０１２３４５６７８９")

_SUPERSCRIPT_FOOTNOTE = re.compile(
    r"""
    (?<=\S) \s* \*? [⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3} \s* $     # 1,234¹  1,234*²
    """,
    re.VERBOSE,
)

_FOOTNOTE_MARK = re.compile(
    r"""
    (?<=\S) \s*
    (?: \^\{ \s* \*? \s* [0-9]{1,2} \s* \}      # ^{*1}
      | \( \s* \* \s* [0-9]{0,2} \s* \)         # (*2)
      | \* [0-9]{0,2}                           # *1  *
      | ※ \s* [0-9]{0,2}                        # ※1
    )
    \s* $
    """,
    re.VERBOSE,
)

_TOKEN = re.compile(
    rf"""
      (?P<space>   \s+ )
    | (?P<number>  [0-9][0-9,]* (?: \.[0-9]+ )? | \.[0-9]+ )
    | (?P<money>   {MONEY_PATTERN} )
    | (?P<word>    [^\W\d_]+ (?: \.[^\W\d_]+ )* \.? )     # JPY  million  approx.  U.S.
    | (?P<open>    \( )
    | (?P<close>   \) )
    | (?P<percent> % )
    | (?P<sign>    [-+−–‐△▲] )
    | (?P<tilde>   [~〜] )
    | (?P<other>   . )
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

_NUMBER_LITERAL = re.compile(
    r"""
    (?: [1-9][0-9]{0,2} (?: ,[0-9]{3} )+     # 10,512  1,234,567
      | 0 | [1-9][0-9]*                      # 0  10512   (no leading zeros)
    )
    (?: \.[0-9]+ )?                          # .89
    | \.[0-9]+                               # .5
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class ParsedNumber:
    """One figure as printed, with the unit and scale printed beside it.

    Attributes
    ----------
    value : float or None
        The number as printed, signed; None when the cell is an NA marker.
    unit : str or None
        ``"JPY"``, ``"USD"``, ``"%"``, ``"Gbps"``, ``"sites"``, ... or None.
    scale : int
        Factor from a scale word: 1, 1_000, 1_000_000, ...
    is_percent : bool
        True for ``14.4%``, ``(18.0%)``, ``14.4 percent``; then unit is ``"%"``.
    raw : str
        The input exactly as given.
    approximate : bool
        True after ``approximately``, ``approx.``, ``about``, ``around``, ``~``.
    na_reason : str or None
        For NA: ``"dash"``, ``"not available"``, ``"not meaningful"`` or ``"nil"``.
    """

    value: float | None
    unit: str | None
    scale: int
    is_percent: bool
    raw: str
    approximate: bool = False
    na_reason: str | None = None

    @property
    def is_na(self) -> bool:
        """True when the cell is an NA marker and holds no value."""
        return self.value is None

    @property
    def scaled_value(self) -> float | None:
        """``value * scale``, computed in decimal so ``2.3 billion`` is exactly 2.3e9.

        Examples
        --------
        >>> parse_number("JPY 2.3 billion").scaled_value
        2300000000.0
        """
        if self.value is None or self.scale == 1:
            return self.value
        return float(Decimal(repr(self.value)) * self.scale)


_T = TypeVar("_T")


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def parse_number(text: str) -> ParsedNumber:
    """Parse one printed figure or NA marker.

    Parameters
    ----------
    text : str
        A table cell or a figure cut from a sentence, such as ``"(830)"``,
        ``"JPY 10,512 million"``, ``"14.4%"`` or ``"—"``.

    Returns
    -------
    ParsedNumber
        ``value`` is the number as printed (not multiplied by ``scale``).

    Raises
    ------
    NumberFormatError
        If the text is empty, longer than :data:`MAX_NUMBER_LENGTH`, or not
        exactly one number or NA marker in a known notation.

    Examples
    --------
    >>> parse_number("(830)").value
    -830.0
    >>> parse_number("△ 830").value, parse_number("１０，５１２").value
    (-830.0, 10512.0)
    >>> n = parse_number("JPY 10,512 million")
    >>> n.value, n.unit, n.scale, n.scaled_value
    (10512.0, 'JPY', 1000000, 10512000000.0)
    >>> n = parse_number("(18.0%)")
    >>> n.value, n.unit, n.is_percent
    (-18.0, '%', True)
    >>> parse_number("approximately 1,200 sites").approximate
    True
    >>> parse_number("—").na_reason, parse_number("n/a").is_na
    ('dash', True)
    >>> parse_number("2Q04")
    Traceback (most recent call last):
    ...
    release_parser.errors.NumberFormatError: not a number: '2Q04' (unexpected 'Q 04' after the number)
    """
    fast = _parse_plain(text)
    if fast is not None:
        return fast
    cleaned = _clean(text)
    na_reason = NA_MARKERS.get(cleaned.casefold())
    if na_reason is not None:
        return ParsedNumber(None, None, 1, False, text, na_reason=na_reason)
    return _read_tokens(_tokenize(cleaned, text), text)


@remember_short_texts
def try_parse_number(text: str) -> ParsedNumber | None:
    """Like :func:`parse_number`, but return None instead of raising.

    Examples
    --------
    >>> try_parse_number("10,512").value
    10512.0
    >>> try_parse_number("FY2004") is None
    True
    """
    try:
        return parse_number(text)
    except NumberFormatError:
        return None


def is_numeric_cell(text: str) -> bool:
    """True if :func:`parse_number` accepts the text (numbers and NA markers).

    Examples
    --------
    >>> is_numeric_cell("(2,035)"), is_numeric_cell("-"), is_numeric_cell("2Q04")
    (True, True, False)
    """
    return try_parse_number(text) is not None


# Most table cells are plain ASCII figures; reading them directly keeps a parse of a
# large document linear with a small constant. Anything else takes the full path.
_PLAIN_FIGURE = re.compile(
    r"""
    (?P<open>\()?
    (?P<minus>-)?
    (?P<digits>[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)
    (?P<fraction>\.\d+)?
    (?P<percent>%)?
    (?(open)\))
    """,
    re.VERBOSE,
)


def _parse_plain(text: str) -> ParsedNumber | None:
    if not isinstance(text, str) or len(text) > MAX_NUMBER_LENGTH:
        return None
    match = _PLAIN_FIGURE.fullmatch(text)
    if match is None or (match.group("open") and match.group("minus")):
        return None
    value = float(match.group("digits").replace(",", "") + (match.group("fraction") or ""))
    if match.group("open") or match.group("minus"):
        value = -value if value else 0.0
    percent = match.group("percent") is not None
    return ParsedNumber(value, "%" if percent else None, 1, percent, text)


def _fail(raw: str, why: str) -> NumberFormatError:
    return NumberFormatError(f"not a number: {raw!r} ({why})", raw)


def _clean(raw: str) -> str:
    """Bound, drop footnote marks, NFKC-normalize and strip; reject odd digits."""
    if not isinstance(raw, str):
        raise TypeError(f"parse_number expects str, not {type(raw).__name__}")
    if len(raw) > MAX_NUMBER_LENGTH:
        raise NumberFormatError(f"not a number: text longer than {MAX_NUMBER_LENGTH} characters", raw)
    printed = _SUPERSCRIPT_FOOTNOTE.sub("", raw.strip(), count=1)
    normalized = unicodedata.normalize("NFKC", printed)
    if sum(c in _PRINTED_DIGITS for c in printed) != sum(c in _ASCII_DIGITS for c in normalized):
        raise _fail(raw, "digits other than 0-9 and full-width ０-９")
    if len(normalized) > MAX_NUMBER_LENGTH:
        raise _fail(raw, f"longer than {MAX_NUMBER_LENGTH} characters once normalized")
    cleaned = _FOOTNOTE_MARK.sub("", normalized.strip(), count=1).strip()
    if not cleaned:
        raise _fail(raw, "empty")
    return cleaned


def _tokenize(cleaned: str, raw: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(cleaned):
        kind = match.lastgroup or "other"
        if kind == "other":
            raise _fail(raw, f"unexpected character {match.group()!r}")
        if kind != "space":
            tokens.append(_Token(kind, match.group()))
    return tokens


def _read_tokens(tokens: Sequence[_Token], raw: str) -> ParsedNumber:
    queue = deque(tokens)
    approximate = _take(queue, "tilde") is not None or _take_word(queue, _approximate_word) is not None
    outer = int(len(queue) > 2 and queue[0].kind == "open" and queue[-1].kind == "close")
    if outer:
        queue.popleft()
        queue.pop()
    signs = [_take(queue, "sign")]
    prefix = _take_prefix_currency(queue)
    signs.append(_take(queue, "sign"))
    value, inner = _take_core(queue, raw)
    scale = _take_word(queue, lookup_scale) or 1
    suffix = _suffix_unit(list(queue), raw)
    sign = _resolve_sign([s.text for s in signs if s is not None], outer + inner, raw)
    unit = _resolve_unit(prefix, suffix, scale, raw)
    # "+ 0.0" turns -0.0 into 0.0
    return ParsedNumber(sign * value + 0.0, unit, scale, unit == "%", raw, approximate=approximate)


def _take(queue: deque[_Token], kind: str) -> _Token | None:
    return queue.popleft() if queue and queue[0].kind == kind else None


def _take_word(queue: deque[_Token], lookup: Callable[[str], _T | None]) -> _T | None:
    """Pop the next word if ``lookup`` knows it; return what it maps to."""
    found = lookup(queue[0].text) if queue and queue[0].kind == "word" else None
    if found is not None:
        queue.popleft()
    return found


def _approximate_word(word: str) -> bool | None:
    return True if word.casefold() in _APPROXIMATE_WORDS else None


def _take_prefix_currency(queue: deque[_Token]) -> str | None:
    money = _take(queue, "money")
    return money_code(money.text) if money is not None else _take_word(queue, _currency_code)


def _currency_code(word: str) -> str | None:
    unit = lookup_unit(word)
    return unit if unit in CURRENCY_CODES else None


def _take_core(queue: deque[_Token], raw: str) -> tuple[float, int]:
    """Read ``number`` or ``(number)``; return the magnitude and 1 if in parens."""
    opened = _take(queue, "open") is not None
    number = _take(queue, "number")
    if number is None:
        raise _fail(raw, f"expected a number, found {queue[0].text if queue else 'nothing'!r}")
    if not _NUMBER_LITERAL.fullmatch(number.text):
        raise _fail(raw, f"malformed digits {number.text!r}")
    if opened and _take(queue, "close") is None:
        raise _fail(raw, "unbalanced parentheses")
    return float(number.text.replace(",", "")), int(opened)


def _suffix_unit(rest: Sequence[_Token], raw: str) -> str | None:
    if not rest:
        return None
    if len(rest) == 1 and rest[0].kind == "percent":
        return "%"
    if len(rest) == 1 and rest[0].kind == "money" and "dollar" in rest[0].text.casefold():
        return "USD"
    phrase = " ".join(token.text for token in rest)
    unit = lookup_unit(phrase) if all(token.kind == "word" for token in rest) else None
    if unit is None:
        raise _fail(raw, f"unexpected {phrase!r} after the number")
    return unit


def _resolve_sign(signs: list[str], parens: int, raw: str) -> int:
    if len(signs) + parens > 1:
        raise _fail(raw, "more than one sign or pair of parentheses")
    if parens:
        return -1
    return _SIGNS[signs[0]] if signs else 1


def _resolve_unit(prefix: str | None, suffix: str | None, scale: int, raw: str) -> str | None:
    if prefix is not None and suffix is not None:
        raise _fail(raw, f"two units, {prefix} and {suffix}")
    if suffix == "%" and scale != 1:
        raise _fail(raw, "a percentage with a scale word")
    return prefix if prefix is not None else suffix


_NOTATIONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {  # name: (positive template, negative template)
        "plain": ("{}", "-{}"),
        "thousands": ("{}", "-{}"),
        "paren": ("{}", "({})"),
        "minus_unicode": ("{}", "−{}"),
        "en_dash": ("{}", "–{}"),
        "triangle": ("{}", "△{}"),
        "black_triangle": ("{}", "▲{}"),
        "fullwidth": ("{}", "({})"),
        "fullwidth_minus": ("{}", "-{}"),
        "percent": ("{}%", "({}%)"),
        "currency_jpy_million": ("JPY {} million", "(JPY {} million)"),
        "yen_symbol": ("¥{}", "-¥{}"),
        "usd_million": ("${} million", "$({}) million"),
        "jpy_billion_compact": ("JPY{} billion", "JPY-{} billion"),
    }
)
_UNGROUPED_NOTATIONS = frozenset({"plain"})
_FULLWIDTH_NOTATIONS = frozenset({"fullwidth", "fullwidth_minus"})
_TO_FULLWIDTH = str.maketrans("0123456789,.()-%", "０１２３４５６７８９，．（）－％")

NOTATIONS: tuple[str, ...] = tuple(_NOTATIONS)
"""Names :func:`format_number` accepts for ``notation=``."""


def format_number(value: float, *, notation: str, decimals: int = 0) -> str:
    """Render a value the way a release would print it.

    The value is the printed figure: ``currency_jpy_million`` renders 10512
    as ``JPY 10,512 million``, and :func:`parse_number` reads it back as
    value 10512.0 with scale 1_000_000.

    Parameters
    ----------
    value : float
        A finite number.
    notation : str
        One of :data:`NOTATIONS`.
    decimals : int, default 0
        Digits after the decimal point; the value is rounded to them.

    Returns
    -------
    str
        The figure, with its sign, unit and scale words.

    Raises
    ------
    ValueError
        For an unknown notation, a negative ``decimals`` or a value that is
        not finite.

    Examples
    --------
    >>> format_number(-2035, notation="paren"), format_number(-830, notation="triangle")
    ('(2,035)', '△830')
    >>> format_number(-18.0, notation="percent", decimals=1)
    '(18.0%)'
    >>> format_number(10512, notation="currency_jpy_million")
    'JPY 10,512 million'
    >>> format_number(-830, notation="fullwidth")
    '（８３０）'
    """
    if notation not in _NOTATIONS:
        raise ValueError(f"unknown notation {notation!r}; expected one of {', '.join(NOTATIONS)}")
    if not math.isfinite(value):
        raise ValueError(f"cannot format a value that is not finite: {value!r}")
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative int, not {decimals!r}")
    grouping = "" if notation in _UNGROUPED_NOTATIONS else ","
    digits = f"{abs(value):{grouping}.{decimals}f}"
    negative = value < 0 and any(c in "123456789" for c in digits)  # no "-0"
    text = _NOTATIONS[notation][negative].format(digits)
    return text.translate(_TO_FULLWIDTH) if notation in _FULLWIDTH_NOTATIONS else text
