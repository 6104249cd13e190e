"""Calendar dates as releases print them: "November 11, 2004", "11 Nov 2004", "2004-11-11".

Forms read (each one a whole token, never part of a longer number):

- ``November 11, 2004``, ``Nov. 11 2004``, ``11 Nov 2004``, ``2004-11-11``, ``2004年11月11日``;
- year first with dots or slashes, as Asian decks print them: ``2025.12.31``,
  ``2025/12/31``, ``2025/9/30`` (the same separator twice);
- month first with slashes, as US filings and newswires print them:
  ``8/7/2008`` is August 7;
- month first with a two-digit year, ``12/31/25``, only when no other reading
  exists: the middle number must be 13 or more, so it can only be a day (it is
  no month, as a day-first or year-first reading would need). ``5/6/25`` (May 6
  or June 5?) is not read. The century is the one closest to ``reference_year``
  (without it, 00-69 are 20xx and 70-99 are 19xx).

A date is never found inside a longer number or word: ``12025.12.31``,
``1,234.12.31``, ``3/8/7/2008`` and ``2025.12.31.5`` hold none.
"""

from __future__ import annotations

import re
from datetime import date

from .fiscal import resolve_two_digit_year

__all__ = ["find_dates", "MONTHS"]

#: Month names and abbreviations, lower case, to month number.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: A numeric date stands alone: no word character before it, nor a digit and a separator
#: ("1,2025.12.31"); nothing of a number after it ("2025.12.31.5", "12/31/2025/").
_LEAD = r"(?<![\w])(?<![0-9][.,/])"
_TRAIL = r"(?![\w])(?![.,/][0-9])"
#: Every date starts with a digit or a month's first letter: other places fail at once.
_GATE = "(?=[" + "".join(sorted({name[0] for name in MONTHS})) + r"\d])"
_DATE = re.compile(
    _GATE
    + rf"""(?:
    \b(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>\d{{1,2}}),?\s+(?P<mdy_year>(?:19|20)\d\d)\b
    | \b(?P<dmy_day>\d{{1,2}})\s+(?P<dmy_month>{_MONTH})\s+(?P<dmy_year>(?:19|20)\d\d)\b
    | \b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)\b
    | (?P<ja_year>(?:19|20)\d\d)年\s*(?P<ja_month>\d{{1,2}})月\s*(?P<ja_day>\d{{1,2}})日
    | {_LEAD}(?P<ymd_year>(?:19|20)\d\d)(?P<ymd_sep>[./])(?P<ymd_month>\d{{1,2}})(?P=ymd_sep)(?P<ymd_day>\d{{1,2}}){_TRAIL}
    | {_LEAD}(?P<us_month>\d{{1,2}})/(?P<us_day>\d{{1,2}})/(?P<us_year>(?:19|20)\d\d){_TRAIL}
    | {_LEAD}(?P<yy_month>\d{{1,2}})/(?P<yy_day>\d{{1,2}})/(?P<yy_year>\d\d){_TRAIL}
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_STYLES = ("mdy", "dmy", "iso", "ja", "ymd", "us", "yy")
#: What every date above prints: a year 19xx/20xx, or a slash between digits. Text without
#: either holds no date, and is not scanned with the full pattern.
_DATE_HINT = re.compile(r"(?:19|20)\d\d|\d/\d")


def find_dates(text: str, *, reference_year: int | None = None) -> list[tuple[int, int, date]]:
    """Every valid date printed in ``text``, with its character span.

    ``reference_year`` (the release's year) picks the century of two-digit
    years (``12/31/25``); see the module notes for when those are read.

    Examples
    --------
    >>> find_dates("Tokyo, November 11, 2004 - IIJ")[0][2]
    datetime.date(2004, 11, 11)
    >>> find_dates("New Target (8/7/2008)")[0][2]
    datetime.date(2008, 8, 7)
    >>> [d for _, _, d in find_dates("2025.12.31 | 2025/9/30 | 12/31/25")]
    [datetime.date(2025, 12, 31), datetime.date(2025, 9, 30), datetime.date(2025, 12, 31)]
    >>> find_dates("5/6/25 and 12025.12.31 and 1,234.12.31")
    []
    >>> find_dates("February 30, 2004")
    []
    """
    found: list[tuple[int, int, date]] = []
    if _DATE_HINT.search(text) is None:
        return found
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        style = next(style for style in _STYLES if groups[f"{style}_year"])
        month_text, day_text, year_text = (groups[f"{style}_{part}"] for part in ("month", "day", "year"))
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
        if style == "yy":
            if int(day_text) <= 12:  # 5/6/25 could be June 5: read only the unambiguous
                continue
            year = resolve_two_digit_year(int(year_text), reference_year)
        else:
            year = int(year_text)
        try:
            day = date(year, month, int(day_text))
        except ValueError:
            continue
        found.append((match.start(), match.end(), day))
    return found
