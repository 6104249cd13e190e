"""Agreement: the same line item over the same dates agrees wherever the release prints it.

Two tables are compared only when they corroborate each other: at least
:data:`MIN_AGREEING` of their shared figures agree, and at most half as many
disagree (a GAAP table and its non-GAAP twin share labels, not figures), and figures
of columns naming another basis ("Adjusted", "Non-GAAP") are not compared, nor is one
amount printed with opposite signs. A prose figure is compared with the one table figure
of its metric, dates and unit, when the prose gives that metric and span one value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..keys import to_line_item_key
from ..model import Release
from .figures import Figure
from .index import Span, ValueIndex
from .result import CellRef, CheckResult
from .tolerance import half_unit, sum_tolerance

__all__ = ["check_table_agreement", "check_prose_agreement", "MIN_AGREEING", "PROSE_AGREEMENT"]

#: Words of a column header that name a basis other than the reported one.
_BASIS = re.compile(r"\b(?:adjusted|non-?\s?gaap|underlying|pro\s?forma|organic|constant\s+currency)\b", re.IGNORECASE)
#: The rule of a prose figure checked against the tables: the one check that reads the prose.
PROSE_AGREEMENT = "agreement.prose"
#: Shared figures two tables must agree on before a disagreement counts.
MIN_AGREEING = 2
#: Tables printing one figure that are all compared pairwise; past this, each only with the
#: one before it, so a document repeating a table many times costs linear, not quadratic, work.
MAX_PAIRWISE = 8

def _agree(a: Figure, b: Figure) -> bool:
    return abs(a.value - b.value) <= sum_tolerance((a.error, b.error), a.value)

def _opposite(a: Figure, b: Figure) -> bool:
    """One amount printed with opposite signs: added back in one table (a cash flow's adjustments)
    and deducted in another (a non-GAAP reconciliation). Which sign is the line's own is unknown."""
    return a.value != 0 and abs(a.value + b.value) <= sum_tolerance((a.error, b.error), a.value)


def _result(release: Release, key_label: str, span_label: str | None, a: Figure, b: Figure) -> CheckResult:
    table = release.tables[b.ref.table] if b.ref.table is not None else None
    column = table.columns[b.ref.column].label if table is not None else ""
    return CheckResult("agreement.tables", b.ref.table, key_label, column, span_label, a.value, b.value,
                       sum_tolerance((a.error, b.error), a.value), (b.ref, a.ref))

def _table_pairs(index: ValueIndex) -> dict[tuple[int, int], list[tuple[str, Span, Figure, Figure]]]:
    pairs: dict[tuple[int, int], list[tuple[str, Span, Figure, Figure]]] = defaultdict(list)
    for (key, span), figures in index.by_key.items():
        for i, a in enumerate(figures):
            for b in (figures[i + 1:] if len(figures) <= MAX_PAIRWISE else figures[i + 1:i + 2]):
                if a.unit == b.unit and a.ref.table is not None and b.ref.table is not None and a.ref.table != b.ref.table:
                    first, second = (a, b) if a.ref.table < b.ref.table else (b, a)
                    pairs[(first.ref.table, second.ref.table)].append((key, span, first, second))  # type: ignore[arg-type]
    return pairs

def _basis(label: str) -> frozenset[str]:
    """The basis a column header names: "adjusted", "non-gaap", ...; none for reported figures."""
    return frozenset(word.lower().replace("-", "").replace(" ", "") for word in _BASIS.findall(label))


def check_table_agreement(release: Release, index: ValueIndex) -> Iterator[CheckResult]:
    """The same line item and dates in two tables that corroborate each other agree."""
    labels = {(t.index, r): item.label for t in release.tables for r, item in enumerate(t.line_items)}
    periods = {(c.period.start, c.period.end): c.period.label for t in release.tables for c in t.columns if c.period}
    bases = {(t.index, c): _basis(column.label) for t in release.tables for c, column in enumerate(t.columns)}
    for pairs in _table_pairs(index).values():
        # an adjusted column and a reported one print different figures of one line item
        shared = [(key, span, a, b) for key, span, a, b in pairs
                  if bases[(a.ref.table, a.ref.column)] == bases[(b.ref.table, b.ref.column)] and not _opposite(a, b)]
        agreeing = sum(_agree(a, b) for _, _, a, b in shared)
        if agreeing < MIN_AGREEING or 2 * (len(shared) - agreeing) > agreeing:
            continue
        for _key, span, a, b in shared:
            label = labels.get((b.ref.table, b.ref.row), _key)
            yield _result(release, label, periods.get(span, span[1].isoformat() if span[0] == span[1] else None), a, b)

def check_prose_agreement(release: Release, index: ValueIndex) -> Iterator[CheckResult]:
    """A prose figure agrees with the table figure of its metric, dates and unit (reads the prose).

    Where the prose states one metric over one span with different values (a segment's figure
    under its own heading beside the company's, or the two ends of a range), which of them the
    tables print is unknown, and none of them is compared.
    """
    stated: dict[tuple[str, Span, str], list[tuple[int, float, float]]] = defaultdict(list)
    for position, fact in enumerate(release.prose):
        if fact.measure != "value" or fact.period is None or fact.is_percent or fact.unit is None:
            continue
        key = (to_line_item_key(fact.metric.strip()), (fact.period.start, fact.period.end), fact.unit)
        stated[key].append((position, fact.value * fact.scale, half_unit(fact.raw, fact.scale)))
    for (key, span, unit), figures in stated.items():
        if not _one_value(figures):
            continue
        figure = index.lookup(key, span, unit)
        if figure is None:
            continue
        for position, value, error in figures:
            fact = release.prose[position]
            yield CheckResult(PROSE_AGREEMENT, figure.ref.table, fact.metric, fact.raw, fact.period.label,
                              figure.value, value, sum_tolerance((error, figure.error), value),
                              (CellRef(None, position, 0, fact.provenance.line), figure.ref))


def _one_value(figures: list[tuple[int, float, float]]) -> bool:
    """Whether prose figures (position, value, error) all state one value, within their precision."""
    _, first, first_error = figures[0]
    return all(abs(value - first) <= sum_tolerance((error, first_error), value) for _, value, error in figures[1:])
