"""Calendar dates as releases print them: "November 11, 2004", "11 Nov 2004", "2004-11-11".

Slashed dates are read month first ("8/7/2008" is August 7), as US filings and
newswires print them.
"""

from __future__ import annotations

import re
from datetime import date

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
_DATE = re.compile(
    rf"""
    \b(?P<mdy_month>{_MONTH})\s+(?P<mdy_day>\d{{1,2}}),?\s+(?P<mdy_year>(?:19|20)\d\d)\b
    | \b(?P<dmy_day>\d{{1,2}})\s+(?P<dmy_month>{_MONTH})\s+(?P<dmy_year>(?:19|20)\d\d)\b
    | \b(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)\b
    | (?P<ja_year>(?:19|20)\d\d)年\s*(?P<ja_month>\d{{1,2}})月\s*(?P<ja_day>\d{{1,2}})日
    | \b(?P<us_month>\d{{1,2}})/(?P<us_day>\d{{1,2}})/(?P<us_year>(?:19|20)\d\d)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every valid date printed in ``text``, with its character span.

    Examples
    --------
    >>> find_dates("Tokyo, November 11, 2004 - IIJ")[0][2]
    datetime.date(2004, 11, 11)
    >>> find_dates("New Target (8/7/2008)")[0][2]
    datetime.date(2008, 8, 7)
    >>> find_dates("February 30, 2004")
    []
    """
    found = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        for style in ("mdy", "dmy", "iso", "ja", "us"):
            if groups[f"{style}_year"]:
                month_text = groups[f"{style}_month"]
                month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
                try:
                    day = date(int(groups[f"{style}_year"]), month, int(groups[f"{style}_day"]))
                except ValueError:
                    break
                found.append((match.start(), match.end(), day))
                break
    return found
