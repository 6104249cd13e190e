"""Periods: a flow over a span equals the flows over the periods that tile it.

1H = 1Q + 2Q, nine months = 1H + 3Q, FY = 1H + 2H (or four quarters), whichever
of them the release prints, in any of its tables. Balances, ratios, per-share
figures and counts at a date do not add up over time and are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta

from ..model import Release
from .figures import Figure
from .index import Span, ValueIndex
from .labels import is_bare_total, is_flow_label
from .result import CheckResult
from .tolerance import sum_tolerance

__all__ = ["check_period_sums", "tilings", "MAX_PARTS"]

#: Most periods a span is cut into (four quarters make a year).
MAX_PARTS = 4


def tilings(span: Span, spans: set[Span], limit: int = MAX_PARTS) -> Iterator[tuple[Span, ...]]:
    """Ways to cut ``span`` into two to ``limit`` consecutive spans of ``spans``, day after day."""
    start, end = span

    def walk(day: object, path: tuple[Span, ...]) -> Iterator[tuple[Span, ...]]:
        for part in sorted(spans):
            if part[0] != day or part == span or part[1] > end:
                continue
            chain = (*path, part)
            if part[1] == end:
                if len(chain) >= 2:
                    yield chain
            elif len(chain) < limit:
                yield from walk(part[1] + timedelta(days=1), chain)

    yield from walk(start, ())


def _flows(index: ValueIndex) -> dict[tuple[str, str | None], dict[Span, Figure]]:
    """Per line item and unit, one agreed figure per span of at least a month."""
    flows: dict[tuple[str, str | None], dict[Span, Figure]] = defaultdict(dict)
    for (key, span), figures in index.by_key.items():
        if span[0] == span[1] or not is_flow_label(key.replace("_", " ")):
            continue
        if is_bare_total(key.replace("_", " ")):
            # "Total" names nothing beyond its own table: its periods add up within that table only
            for figure in figures:
                if not figure.is_percent:
                    flows.setdefault((f"{key}@{figure.ref.table}", figure.unit), {}).setdefault(span, figure)
            continue
        for unit in {f.unit for f in figures if not f.is_percent}:
            figure = index.lookup(key, span, unit)
            if figure is not None:
                flows[(key, unit)][span] = figure
    return flows


def check_period_sums(release: Release, index: ValueIndex) -> Iterator[CheckResult]:
    """One result per span of a flow and each way the release's shorter periods tile it."""
    labels = {(t.index, r): item.label for t in release.tables for r, item in enumerate(t.line_items)}
    periods = {(c.period.start, c.period.end): c.period.label
               for t in release.tables for c in t.columns if c.period is not None}
    for (key, _unit), by_span in _flows(index).items():
        spans = set(by_span)
        for span, total in by_span.items():
            for parts in tilings(span, spans):
                figures = [by_span[p] for p in parts]
                expected = sum(f.value for f in figures)
                tolerance = sum_tolerance([total.error, *(f.error for f in figures)], expected)
                ref = total.ref
                table = release.tables[ref.table] if ref.table is not None else None
                yield CheckResult(
                    "period.sum", ref.table, labels.get((ref.table, ref.row), key),
                    table.columns[ref.column].label if table else "", periods.get(span),
                    expected, total.value, tolerance, (ref, *(f.ref for f in figures)))
