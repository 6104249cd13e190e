"""Where each dated figure of a release sits: by line item and dates, across its tables."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model import Release, Table
from .figures import Figure, column_span, figure_at

__all__ = ["Span", "ValueIndex", "value_columns"]

Span = tuple[date, date]


def value_columns(table: Table, span: Span) -> list[int]:
    """Columns of ``table`` holding values (not changes or targets) of exactly ``span``."""
    return [i for i, column in enumerate(table.columns) if column.measure == "value" and column_span(column) == span]


@dataclass
class ValueIndex:
    """Figures of value columns keyed by (line item key, span); rows whose key repeats in a table are left out."""

    by_key: dict[tuple[str, Span], list[Figure]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, release: Release) -> ValueIndex:
        """The index of every table of ``release``."""
        return cls.of_tables(release.tables)

    @classmethod
    def of_tables(cls, tables: Iterable[Table]) -> ValueIndex:
        """The index of ``tables``."""
        index = cls()
        for table in tables:
            keys = [item.key for item in table.line_items]
            repeats = Counter(keys)
            for row, key in enumerate(keys):
                if not key or repeats[key] > 1:
                    continue
                for column, spec in enumerate(table.columns):
                    span = column_span(spec)
                    if spec.measure != "value" or span is None:
                        continue
                    figure = figure_at(table, row, column)
                    if figure is not None and not figure.zero:
                        index.by_key[(key, span)].append(figure)
        return index

    def lookup(self, key: str, span: Span, unit: str | None, *, exclude_table: int | None = None) -> Figure | None:
        """The figure of ``key`` over ``span`` in ``unit``, when every table printing it agrees; else None."""
        found: Sequence[Figure] = [f for f in self.by_key.get((key, span), ())
                                   if f.unit == unit and f.ref.table != exclude_table]
        if not found:
            return None
        best = min(found, key=lambda f: f.error)
        if any(abs(f.value - best.value) > f.error + best.error for f in found):
            return None
        return best
