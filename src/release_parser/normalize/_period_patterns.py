"""Vocabulary tables, regular expressions and text folding for ``periods.py``.

Everything here is data, or a helper that prepares text for the regexes: word
tables, the regexes built from them, :func:`fold` and :class:`FoldedText`
(the lowercased NFKC text the regexes expect) and :func:`match_groups`. The
logic that gives a match its meaning lives in ``periods.py``.

Each notation regex is written for text that is already NFKC-normalized and
lowercased (see :func:`fold`), and is compiled with ``re.VERBOSE`` only:
matching lowercased text without ``re.IGNORECASE`` lets the regex engine skip
quickly over text that cannot start a period. Group names are shared between
notations (each notation is its own compiled pattern), so one resolver reads
them all:

========== ==============================================================
group      meaning
========== ==============================================================
``qn``     quarter number of a compact label (``2`` in ``2Q04`` or ``Q2``)
``hn``     half number of a compact label (``1`` in ``1H03`` or ``H1``)
``mn``     months of a cumulative label (``9`` in ``9M10``)
``year``   a fiscal-year label, 2 or 4 digits, in the calendar's naming
``ord``    an ordinal word (``second``, ``2nd``)
``unit``   the unit after an ordinal (``quarter``, ``half``)
``first``  months counted from the fiscal-year start (``first six months``)
``span``   months of a period stated by its end date (``three months ended``)
``weeks``  weeks of a period stated by its end date (``thirteen weeks ended``)
``spanu``  a unit stated by its end date (``quarter ended``, ``year ended``)
``yearend`` the text of a fiscal-year-end date (``March 31, 2005``)
``pend``   the text of a period-end date (``June 30, 2004``)
``rstart`` / ``rend``  the two dates of an explicit range
``sa`` / ``sb``        ``FY2004/05`` or ``FY2005/3``: the number before / after the slash
``sm`` / ``sy``        ``FY3/2005``: month and year
``ytd``    a cumulative "year to date" label (``YTD Q3``, ``Year-to-Q4``)
``jy`` / ``jm``        ``2024年3月期``: the year and month a fiscal year ends
``jcum``   ``累計``: the quarters so far (``第2四半期累計`` is six months)
``jhalf``  ``上期``/``上半期``/``中間期`` (H1) or ``下期``/``下半期`` (H2)
``jfy``    ``通期``: the whole year
========== ==============================================================
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "fold",
    "FoldedText",
    "match_groups",
    "WHITESPACE",
    "NON_ASCII_RUN",
    "PERIOD_KINDS",
    "KIND_QUARTERS",
    "MONTH_KINDS",
    "RANGE_PREFERENCE",
    "NOTATIONS",
    "CANONICAL_ONLY_NOTATIONS",
    "ORDINAL_TITLES",
    "COUNT_TITLES",
    "MONTH_TITLES",
    "SPAN_UNIT_MONTHS",
    "ORDINAL_WORDS",
    "MONTH_COUNT_WORDS",
    "WEEK_COUNT_WORDS",
    "WEEKS_MONTHS",
    "YTD_KINDS",
    "JA_FIRST_HALF",
    "MONTH_NAMES",
    "PANDAS_MONTHS",
    "QUARTER_WORDS",
    "HALF_WORDS",
    "YEAR_WORDS",
    "NOTATION_PATTERNS",
    "DATE_PARTS",
    "FIND_PERIOD",
    "FIND_NOTATIONS",
    "YEAR_END_STATEMENT",
    "PERIOD_END_STATEMENT",
    "FY_MENTION",
]

_FLAGS = re.VERBOSE


def fold(text: str) -> str:
    """Lowercase ``text`` without changing its length.

    ``"İ"`` (U+0130) is the one character whose ``lower()`` has two code
    points; it becomes ``"i"``, so offsets in the folded text are offsets in
    ``text``.

    Examples
    --------
    >>> fold("2Q04 İ")
    '2q04 i'
    """
    return text.replace("\u0130", "i").lower()

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

#: Ordinal words naming a quarter or a half ("second quarter", "1st half").
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "former": 1,  # "the former half of FY2014"
    "latter": 2,  # "the latter half of FY2014"
}

#: Month counts of cumulative and "N months ended" periods.
MONTH_COUNT_WORDS: dict[str, int] = {
    "three": 3,
    "six": 6,
    "nine": 9,
    "twelve": 12,
    "3": 3,
    "6": 6,
    "9": 9,
    "12": 12,
}

#: Week counts of 52/53-week periods stated by their end ("thirteen weeks ended").
WEEK_COUNT_WORDS: dict[str, int] = {
    "thirteen": 13,
    "fourteen": 14,
    "twenty-six": 26,
    "twenty-seven": 27,
    "thirty-nine": 39,
    "forty": 40,
    "fifty-two": 52,
    "fifty-three": 53,
    **{str(n): n for n in (13, 14, 26, 27, 39, 40, 52, 53)},
}

#: The months a span of so many weeks stands for (a quarter is 13 or 14 weeks).
WEEKS_MONTHS: dict[int, int] = {13: 3, 14: 3, 26: 6, 27: 6, 39: 9, 40: 9, 52: 12, 53: 12}

#: Kind of "year to date" through quarter 1-4.
YTD_KINDS: dict[int, str] = {1: "3M", 2: "6M", 3: "9M", 4: "FY"}

#: Japanese words for the first half (the others name the second).
JA_FIRST_HALF: tuple[str, ...] = ("上半期", "上期", "中間期")

#: Month names and the abbreviations releases use ("Sept." included).
MONTH_NAMES: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

#: pandas' anchor suffix per year-end month (``Q-MAR``, ``Y-MAR``).
PANDAS_MONTHS: tuple[str, ...] = (
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
)

#: Words after an ordinal that name a quarter ("second quarter", "2nd qtr").
QUARTER_WORDS: tuple[str, ...] = ("quarter", "qtr")

#: Words after an ordinal that name a half ("first half", "first half-year").
HALF_WORDS: tuple[str, ...] = ("half-year", "half year", "half")

#: Words naming a whole year before "ended"/"ending" ("fiscal year ended ...").
YEAR_WORDS: tuple[str, ...] = ("fiscal year", "fiscal", "year", "fy")


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so ``september`` wins over ``sep``; spaces become ``\\s+``."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]") for w in ordered)


_ORDINAL = _alternation(ORDINAL_WORDS)
_COUNT = _alternation(MONTH_COUNT_WORDS)
_WEEK_COUNT = _alternation(WEEK_COUNT_WORDS)
_FIRST_COUNT = _alternation(w for w, n in MONTH_COUNT_WORDS.items() if n < 12)
_MONTH = _alternation(MONTH_NAMES)
_QUARTER = _alternation(QUARTER_WORDS)
_HALF = _alternation(HALF_WORDS)
_YEAR_WORD = _alternation(YEAR_WORDS)

#: Every value of ``FiscalPeriod.fiscal_period``: quarters, halves, the full
#: year, and spans cumulated from the fiscal-year start ("3M", "6M", "9M").
PERIOD_KINDS: tuple[str, ...] = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "3M", "6M", "9M")

#: Quarters each kind covers (1-based, within its fiscal year).
KIND_QUARTERS: dict[str, tuple[int, int]] = {
    "Q1": (1, 1),
    "Q2": (2, 2),
    "Q3": (3, 3),
    "Q4": (4, 4),
    "H1": (1, 2),
    "H2": (3, 4),
    "FY": (1, 4),
    "3M": (1, 1),
    "6M": (1, 2),
    "9M": (1, 3),
}

#: Kinds of a single calendar month of a fiscal year ("Feb": the February within it). They are
#: no :data:`PERIOD_KINDS`: no notation names them; a table pairs a month's row with its year's column.
MONTH_KINDS: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Kinds in the order an explicit date range is matched against them: the
#: first kind with the very same dates wins, so "April 1 to June 30" is Q1, not 3M.
RANGE_PREFERENCE: tuple[str, ...] = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "9M")

#: Notations ``format_period`` writes, and ``parse_period`` reads back. Each
#: maps a period shape ("Q", "H", "M" for 3M/6M/9M, "FY"; "*" for any other)
#: to a ``str.format`` template. Fields: ``label``, ``label_lower``, ``n``
#: (the 2 of Q2, 1 of H1, 9 of 9M), ``yyyy``, ``yy`` (the fiscal year),
#: ``Phrase``/``phrase`` ("Second Quarter", "First Nine Months"), ``count``
#: ("three", of the months), ``end`` and ``year_end`` ("March 31, 2005"),
#: ``range_start`` ("April 1", with the year when it differs from the end's).
NOTATIONS: dict[str, dict[str, str]] = {
    "short": {"*": "{label}"},  # 2Q04, 1H03, 9M10, FY2004
    "short_lower": {"*": "{label_lower}"},  # 2q04
    "q_fy": {"Q": "Q{n} FY{yyyy}", "H": "H{n} FY{yyyy}", "M": "{n}M FY{yyyy}", "FY": "FY{yyyy}"},
    "nq_fy": {"Q": "{n}Q FY{yyyy}", "H": "{n}H FY{yyyy}", "M": "{n}M FY{yyyy}", "FY": "FY{yyyy}"},
    "q_year": {"Q": "Q{n} {yyyy}", "H": "H{n} {yyyy}", "M": "{n}M {yyyy}", "FY": "FY{yyyy}"},
    "nq_year": {"Q": "{n}Q {yyyy}", "H": "{n}H {yyyy}", "M": "{n}M {yyyy}", "FY": "FY{yyyy}"},
    "fy": {"Q": "FY{yyyy} Q{n}", "H": "FY{yyyy} H{n}", "M": "FY{yyyy} {n}M", "FY": "FY{yyyy}"},
    "fy2": {"Q": "FY{yy} Q{n}", "H": "FY{yy} H{n}", "M": "FY{yy} {n}M", "FY": "FY{yy}"},
    "half_fy": {"H": "{n}H FY{yyyy}"},  # halves only
    "words": {"FY": "Fiscal Year {yyyy}", "*": "{Phrase} of FY{yyyy}"},
    "words_fiscal": {"FY": "fiscal {yyyy}", "*": "the {phrase} of fiscal {yyyy}"},
    "ended": {"FY": "year ended {end}", "*": "{count} months ended {end}"},
    "year_ending": {"FY": "Fiscal Year Ending {year_end}", "*": "{Phrase} of the Fiscal Year Ending {year_end}"},
    "range": {"*": "from {range_start} to {end}"},
}

#: Notations that write "3M"/"6M" exactly like "Q1"/"H1" (so they read back as those).
CANONICAL_ONLY_NOTATIONS = frozenset({"words", "words_fiscal", "ended", "year_ending", "range"})

#: Words format_period writes.
ORDINAL_TITLES = ("First", "Second", "Third", "Fourth")
COUNT_TITLES = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}
MONTH_TITLES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
#: Unit words of "<unit> ended <date>" and their length in months.
SPAN_UNIT_MONTHS: dict[str, int] = {"quarter": 3, "qtr": 3, "half": 6, "year": 12, "fiscal": 12, "fy": 12}

# --------------------------------------------------------------------------
# Fragments (strings, composed into the notation regexes below)
# --------------------------------------------------------------------------

#: A four-digit year; the parser only knows 1900-2099.
_YEAR4 = r"(?:19|20)[0-9]{2}"
_APOSTROPHE = r"['’‘]"
_SUFFIX = r"(?:st|nd|rd|th)"

# A fiscal-year label after "FY" or "fiscal (year)". "FY" takes 2 or 4 digits
# ("FY04", "FY'04", "FY 2004"); "fiscal" takes 4 digits or an apostrophe and 2
# ("fiscal 2004", "fiscal '04"), so "fiscal 12 months" is no label.
_FY_LABEL = rf"""
    (?: fy [ ]? {_APOSTROPHE}?
      | fiscal (?: \s+ year )? \s+ (?: {_APOSTROPHE} (?= [0-9]{{2}} (?![0-9]) ) | (?= [0-9]{{4}} ) )
    )
    (?P<year> {_YEAR4} | [0-9]{{2}} )
"""

# A date with day and year: "June 30, 2004", "Sept. 30 2004", "30 June 2004", "2004-06-30".
_DATE_FULL = rf"""
    (?: (?:{_MONTH}) \.? \s+ [0-9]{{1,2}} {_SUFFIX}? ,? \s+ {_YEAR4}
      | [0-9]{{1,2}} {_SUFFIX}? \s+ (?:{_MONTH}) \.? ,? \s+ {_YEAR4}
      | {_YEAR4} - [0-9]{{1,2}} - [0-9]{{1,2}}
    )
"""
# A year-end or period-end date: the day may be left out ("March 2005").
_DATE_MONTH_END = rf"""
    (?: {_DATE_FULL} | (?:{_MONTH}) \.? ,? \s+ {_YEAR4} )
"""
# The first date of a range: the year may be left out ("from April 1 to ...").
_DATE_RANGE_START = rf"""
    (?: (?:{_MONTH}) \.? \s+ [0-9]{{1,2}} {_SUFFIX}? (?: ,? \s+ {_YEAR4} )?
      | [0-9]{{1,2}} {_SUFFIX}? \s+ (?:{_MONTH}) \.? (?: ,? \s+ {_YEAR4} )?
      | {_YEAR4} - [0-9]{{1,2}} - [0-9]{{1,2}}
    )
"""
_ENDED = r"end(?:ed|ing)"

# "of the fiscal year ending March 31, 2005": names a year by its end date.
_OF_YEAR_ENDING = rf"""
    (?: the \s+ )? (?: current \s+ )? (?:{_YEAR_WORD}) \s+ {_ENDED} \s+ (?P<yearend> {_DATE_MONTH_END} )
"""

# Compact period tokens.
_SHORT_TOKEN = r"(?: (?P<qn>[1-4]) q | (?P<hn>[12]) h )"
_SHORT_MONTHS = r"(?P<mn> 3 | 6 | 9 | 12 ) m"
_QFIRST_TOKEN = r"(?: q (?P<qn>[1-4]) | h (?P<hn>[12]) )"

# --------------------------------------------------------------------------
# Notations: one regex each, matched against the whole cleaned string by
# parse_period and (with boundaries) inside free text by find_periods.
# --------------------------------------------------------------------------

#: ``2Q04``, ``2q04``, ``2Q'04``, ``2Q 2004``, ``2Q FY2004``, ``2QFY04``, ``1H03``,
#: ``1H FY2010``, ``9M10``, ``9M FY2010``; ``2Q``/``1H`` alone need a fiscal year.
_NOTATION_SHORT = rf"""
    (?: {_SHORT_TOKEN}
        (?: [ ]? (?: {_FY_LABEL} | {_APOSTROPHE}? (?P<year> {_YEAR4} | [0-9]{{2}} ) ) )?
      | {_SHORT_MONTHS}
        [ ]? (?: {_FY_LABEL} | {_APOSTROPHE}? (?P<year> {_YEAR4} | [0-9]{{2}} ) )
    )
""".replace("(?P<year>", "(?P<year{}>")

#: ``Q2 2004``, ``Q2 04``, ``Q2 FY2004``, ``Q2FY04``, ``Q2'04``, ``Q2 of FY2004``,
#: ``H1 FY2010``, ``H1 2010``; ``Q2``/``H1`` alone need a fiscal year.
_NOTATION_QFIRST = rf"""
    {_QFIRST_TOKEN}
    (?: (?: [ ] of \s+ (?: the \s+ )? | [ ] | (?= fy | fiscal ) )
        (?: {_FY_LABEL} | (?P<year> {_YEAR4} | [0-9]{{2}} ) )
      | {_APOSTROPHE} (?P<year> [0-9]{{2}} )
    )?
""".replace("(?P<year>", "(?P<year{}>")

#: ``FY2004``, ``FY04``, ``FY 2004``, ``FY'04``, ``fiscal 2004``, ``fiscal year 2004``,
#: and with a period after it: ``FY2004 Q2``, ``FY04 2Q``, ``FY2004 H1``, ``FY2010 9M``.
#: ``FY`` alone needs a fiscal year.
_NOTATION_FY_FIRST = rf"""
    (?: {_FY_LABEL}
        (?: (?: [ ]? [-/] [ ]? | [ ] ) (?: {_QFIRST_TOKEN} | {_SHORT_TOKEN} | {_SHORT_MONTHS} ) )?
      | fy
    )
""".replace("(?P<qn>", "(?P<qn{}>").replace("(?P<hn>", "(?P<hn{}>")

#: ``Second Quarter of FY2004``, ``the second quarter of fiscal 2004``,
#: ``2nd quarter 2004``, ``First Half of FY2004``, ``first half-year of fiscal 2010``,
#: ``first six months of the fiscal year ending March 31, 2011``,
#: ``second quarter of the fiscal year``; bare ``first quarter``/``first half``
#: need a fiscal year.
_NOTATION_WORDS = rf"""
    (?: the \s+ )?
    (?: (?P<ord> {_ORDINAL} ) \s+ (?: fiscal \s+ )? (?P<unit> {_QUARTER} | {_HALF} )
      | first \s+ (?P<first> {_FIRST_COUNT} ) [\s-] months?
    )
    (?: ,? \s+ (?: (?: of | in | for ) \s+ (?: the \s+ )? )?
        (?: {_OF_YEAR_ENDING}
          | {_FY_LABEL}
          | (?P<year> {_YEAR4} )
          | (?: current \s+ )? (?: fiscal \s+ year | fy ) (?P<yearless>)
        )
    )?
""".replace("(?P<year>", "(?P<year{}>")

#: ``three months ended June 30, 2004``, ``six months ended September 30, 2010``,
#: ``nine months ended December 31, 2010``, ``year ended March 31, 2005``,
#: ``fiscal year ending March 31, 2005``, ``the quarter ended September 30, 2004``,
#: ``second quarter ended September 30, 2004``, ``first six months ended ...``,
#: ``half year ended ...``, ``six-month period ended ...``.
_NOTATION_ENDED = rf"""
    (?: the \s+ )?
    (?: (?P<ord> {_ORDINAL} ) \s+ (?: fiscal \s+ )? (?P<unit> {_QUARTER} | {_HALF} )
      | first \s+ (?P<first> {_FIRST_COUNT} ) [\s-] months?
      | (?P<span> {_COUNT} ) [\s-] months? (?: \s+ period )?
      | (?P<weeks> {_WEEK_COUNT} ) [\s-] weeks? (?: \s+ period )?
      | (?: fiscal \s+ )? (?P<spanu> {_QUARTER} | {_HALF} | {_YEAR_WORD} )
    )
    ,? \s+ {_ENDED} \s+ (?P<pend> {_DATE_MONTH_END} )
"""

# "Year to date" through a quarter: "ytd", "year-to-date", "ytd q3", "year to date 3q",
# "year-to-q4", "q3 ytd". A bare "ytd" needs the quarter from the context.
_THROUGH_Q = r"(?: q (?P<qn{}>[1-4]) | (?P<qn{}>[1-4]) q )"
_YTD_FORMS = rf"""
    (?: (?P<ytd{{}}> year [\s-] to [\s-] date | ytd ) (?: [ ]? {_THROUGH_Q} )?
      | (?P<ytd{{}}> year [\s-] to [\s-] ) {_THROUGH_Q}
      | {_THROUGH_Q} [ ]? (?P<ytd{{}}> ytd )
    )
"""

#: ``YTD``, ``year to date``, ``YTD Q3``, ``Year-to-Q4``, ``Q3 YTD``, ``YTD Q3 2025``,
#: ``Year-to-Q4 FY2025``: the months from the fiscal-year start through a quarter.
_NOTATION_YTD = rf"""
    {_YTD_FORMS}
    (?: [ ] (?: {_FY_LABEL} | (?P<year> {_YEAR4} ) ) )?
""".replace("(?P<year>", "(?P<year{}>")

#: ``2025 Q4``, ``2025/Q4``, ``2025-Q4``, ``2025 4Q``, ``2025 H1``, ``2025 9M``, ``2025FY``,
#: ``2025 FY``, ``2025 Year-to-Q4``, ``2025 / YTD Q3``: a four-digit year first.
_NOTATION_YEAR_FIRST = rf"""
    (?P<year> {_YEAR4} )
    (?: (?: [ ]? [/-] [ ]? | [ ]? ) (?: {_QFIRST_TOKEN} | fy (?P<yfy>) | {_YTD_FORMS} )
      | (?: [ ]? [/-] [ ]? | [ ] ) (?: {_SHORT_TOKEN} | {_SHORT_MONTHS} )
    )
""".replace("(?P<qn>", "(?P<qn{}>").replace("(?P<hn>", "(?P<hn{}>")

# Japanese: "第2四半期" (Q2), "第2四半期累計" (Q1-Q2), "上期"/"中間期" (H1), "下期" (H2), "通期" (FY).
_JA_PART = rf"""
    (?: 第 [ ]? (?P<qn{{}}> [1-4] ) [ ]? 四半期 (?: 連結 )? (?P<jcum{{}}> 累計 )? (?: 期間 )?
      | (?P<jhalf{{}}> {"|".join(JA_FIRST_HALF)} | 下半期 | 下期 )
      | (?P<jfy{{}}> 通期 )
    )
"""

#: ``2024年3月期`` (the fiscal year ending March 2024), ``2024年3月期第2四半期``,
#: ``2025年3月期 第1四半期累計``, ``2025年3月期 上期``; ``第2四半期`` alone needs a fiscal year.
_NOTATION_JA = rf"""
    (?: (?P<jy> {_YEAR4} ) [ ]? 年 [ ]? (?P<jm> [0-9]{{1,2}} ) [ ]? 月 [ ]? 期 (?: [ ]? {_JA_PART} )?
      | {_JA_PART}
    )
"""

#: ``from April 1 to September 30, 2010``, ``April 1, 2010 - September 30, 2010``,
#: ``1 April 2010 to 30 September 2010``, ``the period from 2010-04-01 to 2010-09-30``.
_NOTATION_RANGE = rf"""
    (?: (?: the \s+ )? period \s+ )?
    (?: from \s+ )?
    (?P<rstart> {_DATE_RANGE_START} )
    \s* (?: to | through | thru | until | [-–—~〜] ) \s*
    (?P<rend> {_DATE_FULL} )
"""

#: ``FY2005/3``, ``FY2005/03``, ``FY3/2005`` (Japanese style: the year ending March
#: 2005) and ``FY2004/05``, ``FY2004-05``, ``FY2004/2005`` (the year spanning 2004-05).
_NOTATION_FY_SLASH = rf"""
    fy [ ]?
    (?: (?P<sa> {_YEAR4} ) [ ]? [/\-–] [ ]? (?P<sb> {_YEAR4} | [0-9]{{1,2}} ) (?![0-9])
      | (?P<sm> [0-9]{{1,2}} ) / (?P<sy> {_YEAR4} )
    )
"""


def _number_duplicates(source: str) -> str:
    """Give each ``{}`` placeholder group a distinct suffix (re forbids duplicate names)."""
    counter = iter(range(1000))
    return re.sub(r"\{\}", lambda _m: str(next(counter)), source)


def _compile(source: str) -> re.Pattern[str]:
    return re.compile(_number_duplicates(source), _FLAGS)


#: Notation name -> compiled regex, in the order parse_period tries them.
#: Group names that repeat inside one notation carry a numeric suffix
#: (``year0``, ``year1``); the resolver strips it.
NOTATION_PATTERNS: dict[str, re.Pattern[str]] = {
    "short": _compile(_NOTATION_SHORT),
    "qfirst": _compile(_NOTATION_QFIRST),
    "fy_first": _compile(_NOTATION_FY_FIRST),
    "fy_slash": _compile(_NOTATION_FY_SLASH),
    "words": _compile(_NOTATION_WORDS),
    "ended": _compile(_NOTATION_ENDED),
    "range": _compile(_NOTATION_RANGE),
    "ytd": _compile(_NOTATION_YTD),
    "year_first": _compile(_NOTATION_YEAR_FIRST),
    "japanese": _compile(_NOTATION_JA),
}

#: Parts of one date captured by a notation (``yearend``, ``pend``, ``rstart``, ``rend``).
DATE_PARTS = re.compile(
    rf"""
    (?: (?P<mon> {_MONTH} ) \.? (?: \s+ (?P<day> [0-9]{{1,2}} ) {_SUFFIX}? )? (?: ,? \s+ (?P<year> {_YEAR4} ) )?
      | (?P<day2> [0-9]{{1,2}} ) {_SUFFIX}? \s+ (?P<mon2> {_MONTH} ) \.? (?: ,? \s+ (?P<year2> {_YEAR4} ) )?
      | (?P<iyear> {_YEAR4} ) - (?P<imon> [0-9]{{1,2}} ) - (?P<iday> [0-9]{{1,2}} )
    )
    """,
    _FLAGS,
)

# --------------------------------------------------------------------------
# Searching free text
# --------------------------------------------------------------------------

#: Not inside a word or a number: no letter, digit or underscore before, no
#: digit run such as "1,2" or "3." running into the match, and no currency sign
#: ("$9M 2010" is money).
_LEAD = r"(?<![\w$€£¥])(?<![0-9][.,])"
#: Not followed by a letter, digit or underscore, nor by ".5" / ",512".
_TRAIL = r"(?![\w])(?![.,][0-9])"
#: Japanese text has no spaces between words, so a Japanese label needs only to
#: stand apart from digits (and not be "前第2四半期", the prior year's quarter).
_JA_LEAD = r"(?<![0-9前])(?<![0-9][.,])"
_JA_TRAIL = r"(?![0-9])(?![.,][0-9])"


def _without_groups(source: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", source)


#: Every character a notation can start with (digits, "q", "h", "f", the first
#: letters of the words above). Checked first, so most positions fail fast.
_START_CHARS = "".join(
    sorted(
        set("0123456789qhftp")
        | {w[0] for table in (ORDINAL_WORDS, MONTH_COUNT_WORDS, MONTH_NAMES) for w in table}
        | {w[0] for w in QUARTER_WORDS + HALF_WORDS + YEAR_WORDS}
        | set("y第上下中通")
    )
)
_GATE = f"(?=[{_START_CHARS}])"

_LATIN_NOTATIONS: tuple[str, ...] = (
    _NOTATION_SHORT,
    _NOTATION_QFIRST,
    _NOTATION_FY_FIRST,
    _NOTATION_FY_SLASH,
    _NOTATION_WORDS,
    _NOTATION_ENDED,
    _NOTATION_RANGE,
    _NOTATION_YTD,
    _NOTATION_YEAR_FIRST,
)

#: Any notation, boundaries included, groups removed: finds where a period may start.
FIND_PERIOD = re.compile(
    _GATE
    + "(?:"
    + _LEAD
    + "(?:"
    + "|".join(f"(?:{_without_groups(_number_duplicates(s))})" for s in _LATIN_NOTATIONS)
    + ")"
    + _TRAIL
    + "|"
    + _JA_LEAD
    + f"(?:{_without_groups(_number_duplicates(_NOTATION_JA))})"
    + _JA_TRAIL
    + ")",
    _FLAGS,
)

#: Each notation with the boundaries, for taking the longest match at one place.
FIND_NOTATIONS: dict[str, re.Pattern[str]] = {
    name: re.compile(
        (_JA_LEAD if name == "japanese" else _LEAD)
        + "(?:" + pattern.pattern + ")"
        + (_JA_TRAIL if name == "japanese" else _TRAIL),
        _FLAGS,
    )
    for name, pattern in NOTATION_PATTERNS.items()
}

# --------------------------------------------------------------------------
# Calendar inference
# --------------------------------------------------------------------------

#: "Year Ending March 31, 2005", "fiscal year ended March 31, 2005",
#: "for the years ended December 31, 2010 and 2009", "FY ending March 2005",
#: "Twelve Months Ended January 26, 2025", "fifty-two weeks ended February 1, 2025",
#: "fourth quarter ended January 26, 2025" (a fourth quarter ends its year). A second
#: full date after "and" (``amon``, ``aday``, ``ayear``) is another year end.
YEAR_END_STATEMENT = re.compile(
    rf"""
    (?=[fyt145])(?<![\w])
    (?: fiscal \s+ years? | years? | fy | (?: twelve | 12 ) [\s-] months?
      | (?: fifty [\s-] (?: two | three ) | 52 | 53 ) [\s-] weeks?
      | (?: fourth | 4th ) \s+ (?: fiscal \s+ )? quarter )
    \s+ (?P<tense> ended | ending ) \s+
    (?: (?P<mon> {_MONTH} ) \.? (?: \s+ (?P<day> [0-9]{{1,2}} ) {_SUFFIX}? )? ,? \s+ (?P<year> {_YEAR4} )
      | (?P<day2> [0-9]{{1,2}} ) {_SUFFIX}? \s+ (?P<mon2> {_MONTH} ) \.? ,? \s+ (?P<year2> {_YEAR4} )
    )
    (?: ,? \s+ and \s+  # "years ended September 30, 2023 and September 24, 2022": a second year end
        (?P<amon> {_MONTH} ) \.? \s+ (?P<aday> [0-9]{{1,2}} ) {_SUFFIX}? ,? \s+ (?P<ayear> {_YEAR4} )
    )?
    (?![\w])
    """,
    _FLAGS,
)

#: A period shorter than a year stated by its last day: "Three Months Ended April 1, 2023",
#: "six months ended July 31, 2022", "thirteen weeks ended May 3, 2025", "quarter ended ...".
PERIOD_END_STATEMENT = re.compile(
    rf"""
    (?=[tsnfq1234569])(?<![\w])
    (?: (?: three | six | nine | 3 | 6 | 9 ) [\s-] months? | (?: {_WEEK_COUNT} ) [\s-] weeks? | quarters? )
    \s+ ended \s+
    (?: (?P<mon> {_MONTH} ) \.? \s+ (?P<day> [0-9]{{1,2}} ) {_SUFFIX}? ,? \s+ (?P<year> {_YEAR4} )
      | (?P<day2> [0-9]{{1,2}} ) {_SUFFIX}? \s+ (?P<mon2> {_MONTH} ) \.? ,? \s+ (?P<year2> {_YEAR4} )
    )
    (?![\w])
    """,
    _FLAGS,
)

#: A fiscal-year label in running text: "FY2004", "FY04", "fiscal 2004", "2Q04",
#: "1H03", "Q2 2004", "9M10". ``y4`` or ``y2`` holds the year.
FY_MENTION = re.compile(
    rf"""
    (?=[fqh1-9])(?<![\w])(?<![0-9][.,])
    (?: (?: fy | fiscal (?: \s+ year )? \s+ (?= [0-9]{{4}} | {_APOSTROPHE} ) ) [ ]? {_APOSTROPHE}?
      | (?: [1-4] q | [12] h | q [1-4] [ ]? | h [12] [ ]? | (?: 3 | 6 | 9 ) m ) {_APOSTROPHE}?
    )
    (?: (?P<y4> {_YEAR4} ) | (?P<y2> [0-9]{{2}} ) )
    (?![\w])(?![.,][0-9])
    """,
    _FLAGS,
)


# --------------------------------------------------------------------------
# Text folding and match reading
# --------------------------------------------------------------------------

WHITESPACE = re.compile(r"\s+")
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


class FoldedText:
    """``text`` under NFKC and lowercased, with a map from its offsets back to the original.

    Only non-ASCII runs can change under NFKC, so only those are normalized
    (each as a whole), and offsets inside a changed run map to its edges.
    Plain ASCII (or already normalized) text costs one ``lower()``.

    Examples
    --------
    >>> folded = FoldedText("ﬁscal ２Ｑ０４")
    >>> folded.text
    'fiscal 2q04'
    >>> start = folded.text.index("2q04")
    >>> folded.to_original(start, is_end=False), folded.to_original(start + 4, is_end=True)
    (6, 10)
    """

    def __init__(self, text: str) -> None:
        self.original = text
        if text.isascii() or unicodedata.is_normalized("NFKC", text):
            self.text = fold(text)
            self._norm_starts: list[int] = []
            self._segments: list[tuple[int, int, int, int]] = []
            return
        pieces: list[str] = []
        segments: list[tuple[int, int, int, int]] = []  # (norm_start, norm_end, orig_start, orig_end)
        shift = 0  # len(normalized) - len(original) so far
        last = 0
        for run in NON_ASCII_RUN.finditer(text):
            chunk = run.group()
            normalized = unicodedata.normalize("NFKC", chunk)
            if normalized == chunk:
                continue
            pieces.append(text[last : run.start()])
            pieces.append(normalized)
            norm_start = run.start() + shift
            segments.append((norm_start, norm_start + len(normalized), run.start(), run.end()))
            shift += len(normalized) - len(chunk)
            last = run.end()
        pieces.append(text[last:])
        self.text = fold("".join(pieces))
        self._segments = segments
        self._norm_starts = [s[0] for s in segments]

    def to_original(self, offset: int, *, is_end: bool) -> int:
        """The original offset of normalized ``offset`` (a start or an end)."""
        index = bisect.bisect_right(self._norm_starts, offset) - 1
        if index < 0:
            return offset
        norm_start, norm_end, orig_start, orig_end = self._segments[index]
        if offset >= norm_end:
            return offset - norm_end + orig_end
        if offset == norm_start:
            return orig_start
        return orig_end if is_end else orig_start


def match_groups(match: re.Match[str]) -> dict[str, str]:
    """Named groups that took part, with numeric suffixes (``year0``) stripped.

    Examples
    --------
    >>> match_groups(NOTATION_PATTERNS["short"].fullmatch("2q fy2004"))
    {'qn': '2', 'year': '2004'}
    """
    found: dict[str, str] = {}
    for name, value in match.groupdict().items():
        if value is not None:
            found.setdefault(name.rstrip("0123456789"), value)
    return found
