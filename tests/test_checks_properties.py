"""Properties: tables consistent by construction pass every check; a perturbed covered cell fails one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from release_parser.checks import cell_verdicts, run_checks
from release_parser.model import Column, LineItem, Provenance, Release, Table, TableCell
from release_parser.normalize.numbers import parse_number
from release_parser.normalize.periods import FiscalCalendar, FiscalPeriod

IIJ = FiscalCalendar(3, "start")
CURRENT = FiscalPeriod.from_parts(2004, "Q2", IIJ)
YEAR_AGO = CURRENT.previous_year()

components = st.lists(st.tuples(st.integers(1_000, 99_999), st.integers(1_000, 99_999)), min_size=2, max_size=6)


def cell(raw: str, line: int) -> TableCell:
    return TableCell(raw=raw, number=parse_number(raw), provenance=Provenance("gen", 1, line, raw))


def change(current: int, base: int) -> str:
    return f"{100 * (current / base - 1):.1f}%"


def build(rows: list[tuple[str, int, int]], changes: dict[int, str] | None = None) -> Release:
    """A segment table: component rows, a total, each with a YoY % change column."""
    columns = (Column("2Q04", CURRENT), Column("2Q03", YEAR_AGO),
               Column("YoY % Change", CURRENT, "yoy_pct", YEAR_AGO))
    cells = tuple(
        (cell(f"{a:,}", i), cell(f"{b:,}", i), cell((changes or {}).get(i, change(a, b)), i))
        for i, (_, a, b) in enumerate(rows)
    )
    items = tuple(LineItem(label, label.lower().replace(" ", "_")) for label, _, _ in rows)
    table = Table(index=0, title="Segments", unit="JPY", scale=1_000_000, columns=columns, line_items=items,
                  cells=cells, calendar=IIJ)
    return Release(source="gen", company=None, title=None, published=None, period=CURRENT, calendar=IIJ,
                   tables=[table])


def consistent(values: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    rows = [(f"Segment {i}", a, b) for i, (a, b) in enumerate(values)]
    return [*rows, ("Total revenues", sum(a for a, _ in values), sum(b for _, b in values))]


@settings(max_examples=60)
@given(components)
def test_consistent_tables_pass_every_check(values):
    results = run_checks(build(consistent(values)))
    rules = {r.rule for r in results}
    assert rules == {"change.ratio", "total.sum"}
    assert all(r.passed for r in results), [r.describe() for r in results if not r.passed]
    covered = cell_verdicts(results)
    assert len(covered) == 3 * (len(values) + 1)  # every cell is covered


@settings(max_examples=80)
@given(components, st.data())
def test_perturbing_any_covered_value_fails_a_check(values, data):
    rows = consistent(values)
    row = data.draw(st.integers(0, len(rows) - 1), label="row")
    column = data.draw(st.integers(0, 1), label="column")
    delta = data.draw(st.integers(10, 5_000) | st.integers(-5_000, -10), label="delta")
    label, a, b = rows[row]
    perturbed = list(rows)
    perturbed[row] = (label, a + delta, b) if column == 0 else (label, a, b + delta)
    # the change column keeps the figures as printed before the perturbation
    printed = {i: change(x, y) for i, (_, x, y) in enumerate(rows)}
    results = run_checks(build(perturbed, printed))
    assert any(not r.passed for r in results)


@settings(max_examples=60)
@given(components, st.data())
def test_perturbing_any_change_fails_a_check(values, data):
    rows = consistent(values)
    row = data.draw(st.integers(0, len(rows) - 1), label="row")
    _, a, b = rows[row]
    clean = next(r for r in run_checks(build(rows)) if r.rule == "change.ratio" and r.cells[0].row == row)
    # any shift beyond what rounding explains: more than twice the tolerance, in either direction
    factor = data.draw(st.floats(2.0, 50.0), label="factor") * data.draw(st.sampled_from([-1, 1]), label="sign")
    printed = {row: f"{clean.expected + factor * clean.tolerance:.1f}%"}
    results = run_checks(build(rows, printed))
    failed = [r for r in results if not r.passed]
    assert [r.rule for r in failed] == ["change.ratio"] and failed[0].cells[0].row == row
