"""Run every rule over a release; summarize which cells the checks cover and how they fared."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import ConsistencyError
from ..model import Release
from .agreement import PROSE_AGREEMENT, check_prose_agreement, check_table_agreement
from .balance import check_balance
from .changes import check_changes
from .index import ValueIndex
from .period_sums import check_period_sums
from .ratios import check_ratios
from .result import CheckResult
from .totals import check_totals

__all__ = ["run_checks", "run_figure_checks", "figure_checks_of", "run_table_checks", "cell_verdicts", "raise_on_failed_checks", "Verdict", "verdict_of"]


def run_table_checks(release: Release) -> list[CheckResult]:
    """The rules that read one table at a time: totals, ratios, balance sheets."""
    results: list[CheckResult] = []
    for table in release.tables:
        results.extend(check_totals(table))
        results.extend(check_ratios(table))
        results.extend(check_balance(table))
    return results


def run_figure_checks(release: Release, index: ValueIndex | None = None) -> tuple[CheckResult, ...]:
    """The checks among the tables' own figures: every rule but prose agreement, so the prose
    is not read. Their verdicts are ``Release.facts.verified``."""
    index = ValueIndex.of(release) if index is None else index
    return (
        *check_changes(release, index),
        *run_table_checks(release),
        *check_period_sums(release, index),
        *check_table_agreement(release, index),
    )


def run_checks(release: Release, figure_checks: tuple[CheckResult, ...] | None = None) -> tuple[CheckResult, ...]:
    """Every check of every rule over ``release``, in rule order (prose agreement last);
    ``figure_checks``, when given, are those :func:`run_figure_checks` already ran."""
    index = ValueIndex.of(release)
    figures = run_figure_checks(release, index) if figure_checks is None else figure_checks
    return (*figures, *check_prose_agreement(release, index))


def figure_checks_of(results: Iterable[CheckResult]) -> list[CheckResult]:
    """Those of ``results`` that :func:`run_figure_checks` runs."""
    return [result for result in results if result.rule != PROSE_AGREEMENT]


def cell_verdicts(results: Iterable[CheckResult]) -> dict[tuple[int, int, int], bool]:
    """``(table, row, column)`` -> False when a failing check reads the cell, else True when a passing one does."""
    verdicts: dict[tuple[int, int, int], bool] = {}
    for result in results:
        for ref in result.cells:
            if ref.table is not None:
                key = (ref.table, ref.row, ref.column)
                verdicts[key] = verdicts.get(key, True) and result.passed
    return verdicts


@dataclass(frozen=True)
class Verdict:
    """How much of a release its own arithmetic confirms."""

    cells: int
    covered: int
    failed: int
    checks: int

    def __str__(self) -> str:
        return f"{self.cells} cells, {self.covered} covered by checks, {self.failed} failed"


def verdict_of(release: Release, results: Iterable[CheckResult]) -> Verdict:
    """Count the release's fact cells, those the checks among the tables read, and the failed checks."""
    listed = list(results)
    cells = {(t.index, r, c) for t in release.tables for r, row in enumerate(t.cells)
             for c, cell in enumerate(row) if cell is not None and cell.number is not None}
    covered = cells & set(cell_verdicts(figure_checks_of(listed)))
    return Verdict(len(cells), len(covered), sum(not r.passed for r in listed), len(listed))


def raise_on_failed_checks(release: Release) -> None:
    """Raise :class:`~release_parser.errors.ConsistencyError` listing every failed check of ``release``."""
    failures = tuple(result for result in run_checks(release) if not result.passed)
    if failures:
        listing = "\n".join("  " + failure.describe() for failure in failures)
        raise ConsistencyError(f"{release.source}: {len(failures)} failed checks\n{listing}", failures)
