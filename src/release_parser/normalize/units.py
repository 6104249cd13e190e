"""Units and scales: the shared vocabulary, and captions such as ``(JPY in millions)``.

The vocabulary tables (:data:`SCALE_WORDS`, :data:`UNIT_WORDS`) are data, not
patterns: a word is a unit only if a table lists it. :mod:`.numbers` reads the
same tables for the words printed beside a figure (``JPY 10,512 million``).

A *unit caption* states the unit and scale of a whole table, for example
``(JPY millions)``, ``(In thousands of U.S. dollars)`` or ``Unit: million yen``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from release_parser.errors import UnitFormatError

__all__ = [
    "CURRENCY_CODES", "MAX_CAPTION_LENGTH", "MONEY_PATTERN", "SCALE_WORDS", "UNIT_WORDS", "UnitScale",
    "currency_code", "find_unit_caption", "lookup_scale", "lookup_unit", "money_code", "parse_unit_caption",
]

MAX_CAPTION_LENGTH = 200
"""Longest caption :func:`parse_unit_caption` reads; longer text is rejected."""

CURRENCY_CODES = frozenset({"JPY", "USD", "EUR", "GBP", "TWD"})
"""The currencies the vocabulary knows, as ISO 4217 codes."""

SCALE_WORDS: Mapping[str, int] = MappingProxyType(
    {
        **dict.fromkeys(["k", "thousand", "thousands"], 1_000),
        **dict.fromkeys(["m", "mn", "million", "millions"], 1_000_000),
        **dict.fromkeys(["b", "bn", "billion", "billions"], 1_000_000_000),
        **dict.fromkeys(["tn", "trillion", "trillions"], 1_000_000_000_000),
    }
)
"""Scale words (lower case) and the factor each stands for."""

_COUNT_NOUNS = tuple(
    (word, word + "s")
    for word in "site contract circuit customer user subscriber account employee office store server share".split()
) + (("company", "companies"), ("country", "countries"), ("city", "cities"))

UNIT_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # currencies, by ISO code; symbols ($ ¥ € £) are matched by MONEY_PATTERN
        "JPY": ("jpy", "yen", "円"),
        "USD": ("usd", "dollar", "dollars"),
        "EUR": ("eur", "euro", "euros"),
        "GBP": ("gbp",),
        "TWD": ("twd", "ntd"),
        "%": ("%", "percent", "per cent", "pct"),
        # bandwidth
        "Kbps": ("kbps",),
        "Mbps": ("mbps",),
        "Gbps": ("gbps",),
        "Tbps": ("tbps",),
        # counts; the canonical spelling is the plural
        **{plural: (singular, plural) for singular, plural in _COUNT_NOUNS},
        "persons": ("person", "persons", "people"),
        # ratios and differences
        "times": ("times", "x"),
        "points": ("point", "points", "pt", "pts", "percentage point", "percentage points"),
        "bp": ("bp", "bps", "basis point", "basis points"),
    }
)
"""Canonical unit -> the lower-case spellings that mean it."""

MONEY_PATTERN = r"""
    N\.?T\.?\s?\$             # NT$  (New Taiwan dollars)
  | U\.?S\.?\s?\$             # US$  U.S.$  US $
  | U\.?S\.?\s*dollars?       # US dollars  U.S. dollar
  | [$¥€£]
"""
"""Verbose, case-insensitive fragment matching one currency symbol or "U.S. dollars"."""

_SYMBOL_CODES: Mapping[str, str] = MappingProxyType({"¥": "JPY", "€": "EUR", "£": "GBP"})

_CAPTION_FILLERS = frozenset({"in", "of", "amounts", "all", "unit", "units", "expressed", "number"})

_CAPTION_EXTRA_WORDS: Mapping[str, tuple[str | None, int]] = MappingProxyType(
    {
        "percentage": ("%", 1),
        "percentages": ("%", 1),
        "千": (None, 1_000),
        "百万": (None, 1_000_000),
        "千円": ("JPY", 1_000),
        "百万円": ("JPY", 1_000_000),
        "十億円": ("JPY", 1_000_000_000),
        "株": ("shares", 1),
        "千株": ("shares", 1_000),
    }
)
"""Words known only in captions: (unit, scale) each one contributes."""

_NUMERIC_SCALES: Mapping[str, int] = MappingProxyType(
    {"1,000": 1_000, "1000": 1_000, "1,000,000": 1_000_000, "1000000": 1_000_000}
)
"""Figures that state a scale after ``Unit:``, as in ``(Unit: 1,000 yen)``."""

_UNIT_PREFIX = re.compile(
    r"""
    ^ \s* (?: units? | 単位 ) \s* : \s*     # "Unit:" / "Units:" / "単位:"
    """,
    re.VERBOSE | re.IGNORECASE,
)

_CAPTION_LEAD = re.compile(
    r"""
    ^ \s* (?: in \b | amounts \s+ in \b | units? \s* : | 単位 \s* : )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_EXCEPT_CLAUSE = re.compile(
    r"""
    (?<!\s)                                            # blanks are taken from the start of their run
    (?: \s*+ [,;] \s*+ (?: except | excluding ) \b .* $     # ", except per share data"
    | \s++ unless \s++ otherwise \s++ (?: noted | stated | indicated ) \b .* $
    | \s*+ [,;/] \s*+ % \s*+ $                            # "(JPY millions, %)": ratios in the same table
    )
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

#: "New Taiwan Thousand Dollars", "New Taiwan dollars": one currency, with its scale inside.
_NEW_TAIWAN_DOLLARS = re.compile(r"\bnew\s+taiwan\s+(?:(?P<scale>[a-z]+)\s+)?dollars?\b", re.IGNORECASE)
#: A currency printed just before a bracketed caption: "US$ (In millions)".
_MONEY_BEFORE = re.compile(rf"(?:{MONEY_PATTERN}|\b(?:JPY|USD|EUR|GBP|TWD)\b)\s*$", re.VERBOSE | re.IGNORECASE)

_CAPTION_TOKEN = re.compile(
    rf"""
      (?P<space> \s+ )
    | (?P<money> {MONEY_PATTERN} )
    | (?P<percent> % )
    | (?P<number> [0-9][0-9,]* )
    | (?P<word> [^\W\d_]+ (?: \.[^\W\d_]+ )* \.? )
    | (?P<other> . )
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

_BRACKETED = re.compile(
    r"""
    [(（\[［【]                        # an opening bracket, ASCII or full-width
    [^()（）\[\]［］【】\n]{1,120}       # a short body without brackets
    [)）\]］】]
    (?= [ \u3000]* $ | \t | [ \u3000]{2} )   # that ends the line or a cell, not a phrase
    """,
    re.VERBOSE,
)

_T = TypeVar("_T")

_OPENERS = "([【"
_CLOSERS = ")]】"


def _build_unit_index(table: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in table.items():
        for alias in aliases:
            if alias in index or alias in SCALE_WORDS:
                raise ValueError(f"unit alias {alias!r} is listed twice, or is a scale word")
            index[alias] = canonical
    return MappingProxyType(index)


_UNIT_INDEX = _build_unit_index(UNIT_WORDS)


def _key(word: str) -> str:
    return " ".join(word.casefold().split())


def lookup_unit(word: str) -> str | None:
    """Return the canonical unit a word or phrase stands for.

    Parameters
    ----------
    word : str
        A unit word such as ``"Gbps"``, ``"yen"`` or ``"per cent"``; case and
        runs of whitespace are ignored.

    Returns
    -------
    str or None
        The canonical spelling (an ISO code for currencies, ``"%"`` for
        percent), or None if the vocabulary does not list the word.

    Examples
    --------
    >>> lookup_unit("Yen"), lookup_unit("site"), lookup_unit("x")
    ('JPY', 'sites', 'times')
    >>> lookup_unit("widgets") is None
    True
    """
    return _UNIT_INDEX.get(_key(word))


def lookup_scale(word: str) -> int | None:
    """Return the factor a scale word stands for, or None.

    Examples
    --------
    >>> lookup_scale("Million"), lookup_scale("bn"), lookup_scale("K")
    (1000000, 1000000000, 1000)
    >>> lookup_scale("hundred") is None
    True
    """
    return SCALE_WORDS.get(_key(word))


def money_code(token: str) -> str:
    """Return the ISO code of a token matched by :data:`MONEY_PATTERN`.

    Examples
    --------
    >>> money_code("US$"), money_code("¥"), money_code("U.S. dollars"), money_code("NT$")
    ('USD', 'JPY', 'USD', 'TWD')
    """
    if token.upper().replace(".", "").startswith("NT"):
        return "TWD"
    if token.endswith("$") or "dollar" in token.casefold():
        return "USD"
    return _SYMBOL_CODES[token]


def currency_code(token: str) -> str:
    """The ISO code of a currency printed as a code or as a :data:`MONEY_PATTERN` symbol.

    Examples
    --------
    >>> currency_code("jpy"), currency_code("US$"), currency_code("NT$")
    ('JPY', 'USD', 'TWD')
    """
    return token.upper() if token.upper() in CURRENCY_CODES else money_code(token)


@dataclass(frozen=True)
class UnitScale:
    """The unit and scale a caption gives to the figures it governs.

    Attributes
    ----------
    unit : str or None
        ``"JPY"``, ``"USD"``, ``"%"``, ``"shares"``, ... or None when the
        caption states a scale only (``In thousands``).
    scale : int
        Factor to multiply printed figures by: 1, 1_000, 1_000_000, ...
    raw : str
        The caption exactly as found.
    """

    unit: str | None
    scale: int
    raw: str


def parse_unit_caption(text: str) -> UnitScale:
    """Read a unit caption such as ``(JPY in millions)``.

    The whole text must be the caption: optional brackets, an optional
    ``Unit:`` lead, then only currency, unit, scale and filler words
    (``in``, ``of``, ``amounts``). A trailing ``, except per share data``
    clause is ignored.

    Parameters
    ----------
    text : str
        The caption.

    Returns
    -------
    UnitScale

    Raises
    ------
    UnitFormatError
        If the text holds an unknown word, a figure, two units or two scales,
        or states neither a unit nor a scale.

    Examples
    --------
    >>> parse_unit_caption("(JPY in millions)")
    UnitScale(unit='JPY', scale=1000000, raw='(JPY in millions)')
    >>> parse_unit_caption("In thousands").scale
    1000
    >>> parse_unit_caption("(JPY millions, %)").scale
    1000000
    >>> parse_unit_caption("(Thousands of U.S. dollars)").unit
    'USD'
    >>> parse_unit_caption("revenues of JPY 10 million")
    Traceback (most recent call last):
    ...
    release_parser.errors.UnitFormatError: not a unit caption: 'revenues of JPY 10 million' ('revenues' is not a unit word)
    """
    if len(text) > MAX_CAPTION_LENGTH:
        raise UnitFormatError(f"caption longer than {MAX_CAPTION_LENGTH} characters", text)
    body = _strip_brackets(unicodedata.normalize("NFKC", text).strip(), text)
    body = _EXCEPT_CLAUSE.sub("", body)
    body = _NEW_TAIWAN_DOLLARS.sub(lambda m: f"TWD {m.group('scale') or ''}".strip(), body)
    numeric_ok = _UNIT_PREFIX.match(body) is not None
    body = _UNIT_PREFIX.sub("", body, count=1)
    units, scales = _read_caption_words(body, text, numeric_ok=numeric_ok)
    return UnitScale(unit=_single(units, "unit", text), scale=_single(scales, "scale", text) or 1, raw=text)


def find_unit_caption(text: str) -> UnitScale | None:
    """Find the unit caption in a line such as a table title.

    A caption is either a bracketed group that ends the line or a cell
    (``Summary  (JPY in millions)``, ``(JPY millions)<TAB>2Q04``), or a whole
    line that starts with ``In``/``Unit:``/``Amounts in`` or states a scale
    (``Millions of yen``). Every word of a caption must be in the vocabulary,
    and a bracket inside a phrase (``Usage (%) of VAS``) is not a caption.

    Parameters
    ----------
    text : str
        One line, or several separated by newlines (searched in order).

    Returns
    -------
    UnitScale or None
        The first caption found; its ``raw`` is the exact substring of
        ``text``. None if there is none.

    Examples
    --------
    >>> find_unit_caption("Operating Results Summary  (JPY in millions)")
    UnitScale(unit='JPY', scale=1000000, raw='(JPY in millions)')
    >>> find_unit_caption("Consolidated Statements (In thousands of U.S. dollars)").unit
    'USD'
    >>> find_unit_caption("Unit: million yen").scale
    1000000
    >>> find_unit_caption("Total revenues of JPY 10 million (up 14.4%)") is None
    True
    """
    for line in text.splitlines():
        found = _whole_line_caption(line) or _bracketed_caption(line)
        if found is not None:
            return found
    return None


def _whole_line_caption(line: str) -> UnitScale | None:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CAPTION_LENGTH:
        return None
    caption = _try_parse(stripped)
    if caption is None:
        return None
    led = _CAPTION_LEAD.match(unicodedata.normalize("NFKC", stripped)) is not None
    bracketed = stripped[0] in "(（[［【"
    return caption if led or bracketed or caption.scale != 1 else None


def _bracketed_caption(line: str) -> UnitScale | None:
    for match in _BRACKETED.finditer(line):
        caption = _try_parse(match.group())
        if caption is not None:
            money = _MONEY_BEFORE.search(line[max(0, match.start() - 12) : match.start()]) if caption.unit is None else None
            if money is not None:
                token = money.group().strip()
                unit = currency_code(token)
                return UnitScale(unit=unit, scale=caption.scale, raw=line[match.start() - len(money.group()) : match.end()])
            return caption
    return None


def _try_parse(text: str) -> UnitScale | None:
    try:
        return parse_unit_caption(text)
    except UnitFormatError:
        return None


def _strip_brackets(body: str, raw: str) -> str:
    if body[:1] in _OPENERS and body[-1:] in _CLOSERS and len(body) >= 2:
        body = body[1:-1].strip()
    if any(char in body for char in _OPENERS + _CLOSERS):
        raise UnitFormatError(f"not a unit caption: {raw!r} (unbalanced or nested brackets)", raw)
    return body


def _read_caption_words(body: str, raw: str, *, numeric_ok: bool) -> tuple[list[str], list[int]]:
    units: list[str] = []
    scales: list[int] = []
    for unit, scale in _caption_terms(body, raw, numeric_ok=numeric_ok):
        if unit is not None:
            units.append(unit)
        if scale != 1:
            scales.append(scale)
    if not units and not scales:
        raise UnitFormatError(f"not a unit caption: {raw!r} (no unit or scale word)", raw)
    if "%" in units and scales:
        raise UnitFormatError(f"not a unit caption: {raw!r} (a percentage has no scale)", raw)
    return units, scales


def _caption_terms(body: str, raw: str, *, numeric_ok: bool) -> Iterator[tuple[str | None, int]]:
    """Yield (unit, scale) for each token of a caption body; fillers yield nothing."""
    for match in _CAPTION_TOKEN.finditer(body):
        kind, token = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind == "money":
            yield money_code(token), 1
        elif kind == "percent":
            yield "%", 1
        elif kind == "number" and numeric_ok and token in _NUMERIC_SCALES:
            yield None, _NUMERIC_SCALES[token]
        elif kind == "word" and token.casefold() not in _CAPTION_FILLERS:
            yield _caption_word(token, raw)
        elif kind != "word":
            raise UnitFormatError(f"not a unit caption: {raw!r} (unexpected {token!r})", raw)


def _caption_word(word: str, raw: str) -> tuple[str | None, int]:
    scale = lookup_scale(word)
    if scale is not None:
        return None, scale
    unit = lookup_unit(word)
    if unit is not None:
        return unit, 1
    extra = _CAPTION_EXTRA_WORDS.get(word.casefold())
    if extra is not None:
        return extra
    raise UnitFormatError(f"not a unit caption: {raw!r} ({word!r} is not a unit word)", raw)


def _single(values: list[_T], what: str, raw: str) -> _T | None:
    if len(values) > 1:
        raise UnitFormatError(f"not a unit caption: {raw!r} (more than one {what})", raw)
    return values[0] if values else None
