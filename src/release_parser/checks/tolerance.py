"""Tolerances from printed precision: a figure printed to 0.1 may be off by 0.05.

Every bound here is the worst case over the rounding of each operand, so a check
never fails on figures that were computed exactly and then rounded for print.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["half_unit", "sum_tolerance", "ratio_interval", "interval_tolerance", "SLACK"]

#: Relative slack for float arithmetic on top of every printed-precision bound.
SLACK = 1e-9

_LAST_NUMBER = re.compile(
    r"""
    \d[\d,]*            # integer part, thousands separators allowed
    (?: \. (?P<decimals>\d+) )?
    (?! .* \d )         # the last number of the text
    """,
    re.VERBOSE | re.DOTALL,
)


def half_unit(raw: str, scale: int = 1) -> float:
    """Half the unit of the last printed digit, times ``scale``.

    Examples
    --------
    >>> half_unit("14.4%"), half_unit("(2,035)"), half_unit("$1.2", 1_000_000)
    (0.05, 0.5, 50000.0)
    """
    match = _LAST_NUMBER.search(unicodedata.normalize("NFKC", raw))
    decimals = len(match.group("decimals") or "") if match else 0
    return 0.5 * 10.0 ** -decimals * scale


def sum_tolerance(bounds: Iterable[float], magnitude: float = 0.0) -> float:
    """Tolerance of a sum compared with a printed total: every operand's bound added up."""
    return sum(bounds) + SLACK * max(1.0, abs(magnitude))


def ratio_interval(num: float, num_err: float, den: float, den_err: float) -> tuple[float, float] | None:
    """The range of ``num / den`` over the rounding of both; None when ``den`` may be zero or negative."""
    low_den, high_den = den - den_err, den + den_err
    if low_den <= 0:
        return None
    corners = [(num + dn) / dd for dn in (-num_err, num_err) for dd in (low_den, high_den)]
    return min(corners), max(corners)


def interval_tolerance(expected: float, low: float, high: float, printed_err: float) -> float:
    """A tolerance around ``expected`` that covers ``[low, high]`` plus the printed rounding."""
    return max(expected - low, high - expected, 0.0) + printed_err + SLACK * max(1.0, abs(expected))
