"""What a row's label says about its arithmetic: a total, a flow, a margin, a revenue line.

The vocabulary is data, matched against line-item labels; rules ask these helpers,
never the raw label.
"""

from __future__ import annotations

import re

__all__ = [
    "is_total_label", "is_bare_total", "is_subtotal_label", "is_flow_label", "is_per_share_label",
    "margin_numerator", "is_revenue_label", "is_total_assets", "is_total_liabilities",
    "is_total_equity", "is_liabilities_and_equity", "is_minority_label",
]

_TOTAL = re.compile(r"^\s*(?:sub)?total\b|\b(?:sub)?total\s*$", re.IGNORECASE)
_BARE_TOTAL = re.compile(r"^\s*(?:sub-?\s*)?totals?\s*:?\s*$", re.IGNORECASE)

#: Subtotals of income statements and cash-flow statements: they close the rows above them.
_SUBTOTAL = re.compile(
    r"""
    ^\s*(?:
        gross\s+(?:profit|income|loss)
      | (?:net\s+)?operating\s+(?:income|profit|loss)
      | (?:income|profit|earnings|loss)(?:\s*\(loss\))?\s+from\s+operations
      | (?:income|profit|earnings|loss)(?:\s*\(loss\))?\s+(?:from\s+continuing\s+operations\s+)?before\s+(?:income\s+)?tax
      | pre-?\s*tax\s+(?:income|profit)
      | net\s+(?:income|profit|earnings|loss)(?:\s*\(loss\))?\s*$
      | net\s+cash\s+(?:provided|used|from|generated)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: Figures that do not add up over time: balances, ratios, prices, counts at a date.
_NOT_A_FLOW = re.compile(
    r"""
    \b(?: per | eps | margin | ratio | rate | % | percent | average | avg | days | turnover | price
        | yield | roe | roa | asp | arpu | headcount | employees | outstanding | shares | balance
        | beginning | end\s+of | ending | assets | liabilities | equity | inventor | receivable
        | payable | borrowings | debt | cash\s+and | cash\s*,? | deposits | subscribers | customers
        | exchange | guidance | target | backlog | capacity | (?:\(x\)) )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PER_SHARE = re.compile(r"\bper\s+(?:diluted\s+|basic\s+)?share\b|\beps\b|\bper\s+ads\b", re.IGNORECASE)

#: A margin row and the line item whose ratio to revenue it prints.
_MARGINS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(margin, re.IGNORECASE), re.compile(numerator, re.IGNORECASE))
    for margin, numerator in (
        (r"^\s*gross\s+(?:profit\s+)?margin\b", r"^\s*gross\s+profit\s*$"),
        (r"^\s*operating\s+(?:profit\s+|income\s+)?margin\b", r"^\s*(?:operating\s+(?:income|profit)|income\s+from\s+operations)\s*$"),
        (r"^\s*net\s+(?:profit\s+|income\s+)?margin\b", r"^\s*net\s+(?:income|profit)\b"),
        (r"^\s*ebitda\s+margin\b", r"^\s*ebitda\s*$"),
    )
)
_REVENUE = re.compile(r"^\s*(?:total\s+|net\s+|operating\s+)?(?:revenues?|sales|net\s+sales)\s*$", re.IGNORECASE)

_TOTAL_ASSETS = re.compile(r"^\s*total\s+assets\s*$", re.IGNORECASE)
_TOTAL_LIABILITIES = re.compile(r"^\s*total\s+liabilities\s*$", re.IGNORECASE)
_TOTAL_EQUITY = re.compile(r"^\s*total\s+(?:shareholders['’]?|stockholders['’]?)?\s*equity\s*$", re.IGNORECASE)
_LIABILITIES_AND_EQUITY = re.compile(r"^\s*total\s+liabilities\b.*\bequity\s*$", re.IGNORECASE)
_MINORITY = re.compile(r"minority|non-?\s*controlling|redeemable|mezzanine|temporary\s+equity", re.IGNORECASE)


def is_total_label(label: str) -> bool:
    """``Total revenues``, ``Subtotal``, ``Revenue total``."""
    return _TOTAL.search(label) is not None


def is_bare_total(label: str) -> bool:
    """``Total``, ``Total:``, ``Subtotal``: a total that says not what it totals."""
    return _BARE_TOTAL.match(label) is not None


def is_subtotal_label(label: str) -> bool:
    """``Gross profit``, ``Operating income (loss)``, ``Income before income taxes``, ``Net income``."""
    return _SUBTOTAL.search(label) is not None


def is_per_share_label(label: str) -> bool:
    return _PER_SHARE.search(label) is not None


def is_flow_label(label: str) -> bool:
    """True unless the label names a balance, a ratio, a price or a count at a date."""
    return _NOT_A_FLOW.search(label) is None


def margin_numerator(label: str) -> re.Pattern[str] | None:
    """For ``Gross margin``: the pattern of the row it divides by revenue (``Gross profit``)."""
    for margin, numerator in _MARGINS:
        if margin.search(label):
            return numerator
    return None


def is_revenue_label(label: str) -> bool:
    """``Revenues``, ``Net sales``, ``Total revenue``: the denominator of margins."""
    return _REVENUE.search(label) is not None


def is_total_assets(label: str) -> bool:
    return _TOTAL_ASSETS.search(label) is not None


def is_total_liabilities(label: str) -> bool:
    return _TOTAL_LIABILITIES.search(label) is not None


def is_total_equity(label: str) -> bool:
    return _TOTAL_EQUITY.search(label) is not None


def is_liabilities_and_equity(label: str) -> bool:
    """``Total liabilities and shareholders' equity`` (with or without minority interests)."""
    return _LIABILITIES_AND_EQUITY.search(label) is not None


def is_minority_label(label: str) -> bool:
    """Minority or noncontrolling interests, redeemable or temporary equity."""
    return _MINORITY.search(label) is not None
