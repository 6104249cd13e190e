"""Deciding between readings of a table by its arithmetic.

Where a layout allows two readings (which column is a change's base, whether a
header row is a data row, whether a sign applies), the table code builds each as
a :class:`~release_parser.model.Table` and asks :func:`choose_reading` which one the
checks confirm.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Table
from .balance import check_balance
from .changes import check_changes_in
from .index import ValueIndex
from .ratios import check_ratios
from .result import CheckResult
from .totals import check_totals

__all__ = ["ReadingScore", "score_reading", "choose_reading"]


@dataclass(frozen=True, order=True)
class ReadingScore:
    """Checks a reading passes and fails; a reading is better with fewer failures, then more passes."""

    failed: int
    passed: int

    @property
    def rank(self) -> tuple[int, int]:
        return (-self.failed, self.passed)


def table_results(table: Table, others: Sequence[Table] = ()) -> list[CheckResult]:
    """Every check of one table: its totals, ratios, balance and changes (bases may come from ``others``)."""
    index = ValueIndex.of_tables([table, *others])
    return [*check_totals(table), *check_ratios(table), *check_balance(table), *check_changes_in(table, index)]


def score_reading(table: Table, others: Sequence[Table] = ()) -> ReadingScore:
    """How many checks of ``table`` pass and fail."""
    results = table_results(table, others)
    passed = sum(r.passed for r in results)
    return ReadingScore(failed=len(results) - passed, passed=passed)


def choose_reading(readings: Sequence[Table], others: Sequence[Table] = ()) -> tuple[int, ReadingScore]:
    """The position of the reading the checks confirm best, and its score; the first wins ties.

    Examples
    --------
    >>> from release_parser import FiscalCalendar, parse_text
    >>> iij = FiscalCalendar(3, "start")
    >>> right = parse_text("Sales\\t2Q04\\t2Q03\\tYoY % Change\\nRevenue\\t110\\t100\\t10.0%", calendar=iij)
    >>> wrong = parse_text("Sales\\t2Q04\\t2Q03\\tYoY % Change\\nRevenue\\t100\\t110\\t10.0%", calendar=iij)
    >>> choose_reading([wrong.tables[0], right.tables[0]])
    (1, ReadingScore(failed=0, passed=1))
    """
    scores = [score_reading(reading, others) for reading in readings]
    best = max(range(len(scores)), key=lambda i: (scores[i].rank, -i))
    return best, scores[best]
