"""Arithmetic checks on the sample releases: each rule with real figures, strictness, frames and CLI."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from doc_tables import DOCS, code, table_rows
from real_layouts import UNHEADED_SHARES

import release_parser as rp
from release_parser import cli
from release_parser.checks import run_checks
from release_parser.checks.tolerance import half_unit, ratio_interval
from release_parser.errors import ConsistencyError
from release_parser.frames import CHECK_COLUMNS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
IIJ = SAMPLES / "iij_2q_fy2004_results.txt"
KNS = SAMPLES / "kns_3q_fy2006_sec_filing.txt"


@pytest.fixture(scope="module")
def iij() -> rp.Release:
    return rp.parse(IIJ)


@pytest.fixture(scope="module")
def kns() -> rp.Release:
    return rp.parse(KNS)


def one(checks: pd.DataFrame, **where: object) -> pd.Series:
    rows = checks
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize("raw, scale, bound", [
    ("14.4%", 1, 0.05), ("(2,035)", 1, 0.5), ("1,046.09", 1, 0.005), ("$1.2", 1_000_000, 50_000.0),
    ("+2.8 ppts", 1, 0.05), ("10,512", 1_000_000, 500_000.0), ("７．５", 1, 0.05),
])
def test_half_unit_of_the_last_printed_digit(raw, scale, bound):
    assert half_unit(raw, scale) == pytest.approx(bound)


def test_ratio_interval_covers_the_rounding_of_both_operands():
    low, high = ratio_interval(10512, 0.5, 9185, 0.5)
    assert low == pytest.approx(10511.5 / 9185.5) and high == pytest.approx(10512.5 / 9184.5)
    assert ratio_interval(1, 0.5, 0.4, 0.5) is None  # a base that may be zero gives no ratio


def test_yoy_change_is_value_over_base(iij):
    row = one(iij.checks, rule="change.ratio", table=0, line_item="Total Revenues", column="YoY % Change")
    assert row.found == 14.4
    assert row.expected == pytest.approx(100 * (10512 / 9185 - 1))
    assert row.passed and row.tolerance < 0.07
    assert row.facts == "t0r0c2 t0r0c0 t0r0c1"


def test_negative_costs_compare_as_amounts(kns):
    row = one(kns.checks, rule="change.ratio", table=0, line_item="Cost of revenues", column="YoY % change")
    assert row.found == 9.3 and row.expected == pytest.approx(100 * (13402 / 12260 - 1)) and row.passed


def test_operating_income_is_revenues_less_costs(iij):
    row = one(iij.checks, rule="total.difference", table=0, line_item="Operating Income (Loss)", column="2Q03")
    assert row.found == -830e6 and row.expected == pytest.approx((9185 - 8337 - 1678) * 1e6) and row.passed


def test_total_closes_the_rows_above_and_a_total_printed_first(kns):
    checks = kns.checks
    costs = one(checks, rule="total.sum", table=0, line_item="Total costs and expenses", column="3Q06")
    assert costs.expected == pytest.approx((-13402 - 2488) * 1e6) and costs.passed
    revenues = one(checks, rule="total.sum", table=0, line_item="Total revenues", column="2Q06")
    assert revenues.expected == pytest.approx((8962 + 6105) * 1e6) and revenues.passed
    assets = one(checks, rule="total.sum", table=3, line_item="Total assets", column="Dec 31, 2006")
    assert assets.expected == pytest.approx((28665 + 9784 + 3655 + 2140 + 1076) * 1e6)


def test_balance_sheet_balances(kns):
    row = one(kns.checks, rule="balance.assets", table=3, column="Mar 31, 2006")
    assert row.found == 43776e6 and row.expected == 43776e6 and row.passed


def test_half_year_is_the_sum_of_its_quarters(iij):
    row = one(iij.checks, rule="period.sum", line_item="Total Revenues")
    assert row.period == "1H04" and row.found == 19187e6
    assert row.expected == pytest.approx((10512 + 8675) * 1e6) and row.passed


def test_the_same_figure_agrees_across_tables_and_prose(kns):
    checks = kns.checks
    tables = checks[checks.rule == "agreement.tables"]
    assert len(tables) and tables.passed.all()
    prose = one(checks, rule="agreement.prose", line_item="Total revenues", period="3Q06")
    assert prose.found == 16511e6 and prose.passed and prose.facts.startswith("p")


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir()
                                          if p.suffix in (".txt", ".md", ".htm") and p.stem != "README"))
def test_no_check_fails_on_a_sample(sample):
    rel = rp.parse(SAMPLES / sample)
    failed = rel.checks[~rel.checks.passed]
    assert failed.empty, failed.to_string()
    assert len(rel.checks) >= 5


def test_facts_are_verified_by_the_checks(kns):
    facts = kns.facts
    assert str(facts["verified"].dtype) == "boolean"
    revenue = facts[(facts.line_item == "Total revenues") & (facts.column == "3Q06")]
    assert revenue.verified.tolist() == [True]
    assert facts.verified.isna().sum() + facts.verified.sum() == len(facts)


def test_facts_are_verified_without_reading_the_prose():
    rel = rp.parse(KNS)
    assert rel.facts.verified.notna().any()
    assert not rel.prose.read


def test_a_prose_figure_that_disagrees_fails_its_check_but_leaves_the_table_cell_verified():
    text = KNS.read_text(encoding="utf-8").replace("3Q06 were JPY16,511 million", "3Q06 were JPY16,911 million")
    rel = rp.parse_text(text)
    prose = one(rel.checks, rule="agreement.prose", line_item="Total revenues", period="3Q06")
    assert prose.found == 16911e6 and not prose.passed
    revenue = rel.facts[(rel.facts.line_item == "Total revenues") & (rel.facts.column == "3Q06")]
    assert revenue.verified.tolist() == [True]
    assert rel.verdict.endswith(", 1 failed")


def test_verdict_line(iij):
    assert iij.verdict == "44 cells, 32 covered by checks, 0 failed"
    assert "Checks:    44 cells, 32 covered by checks, 0 failed" in repr(iij)


def corrupted_iij_text() -> str:
    return IIJ.read_text(encoding="utf-8").replace("10,512", "10,521")


def test_a_wrong_figure_fails_checks_and_marks_its_facts():
    rel = rp.parse_text(corrupted_iij_text())
    failed = rel.checks[~rel.checks.passed]
    assert set(failed.rule) == {"change.ratio", "total.difference", "period.sum"}
    cell = rel.facts[(rel.facts.line_item == "Total Revenues") & (rel.facts.column == "2Q04")]
    assert cell.value.tolist() == [10521.0] and cell.verified.tolist() == [False]


def test_strict_parse_raises_consistency_error():
    with pytest.raises(ConsistencyError) as raised:
        rp.parse_text(corrupted_iij_text(), strict=True)
    assert isinstance(raised.value, rp.ReleaseParserError)
    assert "4 failed checks" in str(raised.value) and len(raised.value.failures) == 4
    assert rp.parse(IIJ, strict=True).tables


@pytest.mark.parametrize("text", [
    "Sales\t2Q04\t2Q03\tYoY % Change\nRevenue\t-\tn/a\t-\nTotal\t\t\t\n",
    "Total revenues\t1\nTotal\t-\n",
    "Sales\tFY2004\tYoY\nRevenue\t0\t10.0%\nTotal assets\t5\t\n",
    "x\n",
])
def test_odd_input_never_raises(text):
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(3, "start"))
    assert list(rel.checks.columns) == list(CHECK_COLUMNS)
    assert not (~rel.checks.passed).any()


def test_checks_frame_columns_are_documented_in_order():
    page = (DOCS / "columns.md").read_text(encoding="utf-8")
    section = page.split("## checks:", 1)[1].split("\n## ", 1)[0]
    rows = table_rows(section, "| column | dtype |")
    assert [(code(row[0]), row[1]) for row in rows] == list(CHECK_COLUMNS.items())


def test_check_command_reports_and_exits_1_on_a_failure(capsys, tmp_path):
    assert cli.main(["check", str(IIJ)]) == 0
    assert capsys.readouterr().out.strip() == f"{IIJ}: 44 cells, 32 covered by checks, 0 failed"
    bad = tmp_path / "bad.txt"
    bad.write_text(corrupted_iij_text(), encoding="utf-8")
    assert cli.main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "4 failed" in out and "FAIL change.ratio: table 0, 'Total Revenues' [YoY % Change]" in out


def test_check_results_have_finite_numbers(iij, kns):
    for rel in (iij, kns):
        for result in run_checks(rel):
            assert math.isfinite(result.expected) and math.isfinite(result.tolerance) and result.tolerance > 0


def test_a_long_table_without_totals_is_checked_in_linear_work(monkeypatch):
    """Each row weighs at most MAX_RUN rows above it as the parts of a silent total."""
    from release_parser.checks import totals

    runs = []
    real_vote = totals._vote

    def counting_vote(table, reading, columns):
        runs.append(len(reading.rows))
        return real_vote(table, reading, columns)

    monkeypatch.setattr(totals, "_vote", counting_vote)
    rows = "".join(f"Item {i}\t{i:,}\t{i + 1:,}\n" for i in range(3000))
    rel = rp.parse_text("(JPY millions)\n\t2Q04\t1Q04\n" + rows, calendar=rp.FiscalCalendar(3, "start"))
    assert len(rel.tables[0].line_items) == 3000
    assert rel.checks.empty and rel.facts["verified"].isna().all()
    assert max(runs) <= totals.MAX_RUN and sum(runs) <= 3000 * totals.MAX_RUN


def test_a_change_compares_amounts_not_the_unheaded_shares_beside_them():
    checks = rp.parse_text(UNHEADED_SHARES, calendar=rp.FiscalCalendar(12, "end")).checks
    changes = checks[checks["rule"] == "change.ratio"].set_index("line_item")
    assert changes["passed"].all() and len(changes) == 4
    assert changes.loc["Gross Profit", "expected"] == pytest.approx(100 * (13057 / 11812 - 1))


def test_a_bare_total_adds_up_over_periods_within_its_own_table_only():
    text = (
        "Sales by product (NT$M)   1Q25    2Q25    3Q25    4Q25\n"
        "Driver                    9,000   9,000   9,000   9,000\n"
        "Total                    25,000  25,100  25,000  25,163\n"
        "\n"
        "Monthly sales (NT$M)\n"
        "                            2025        2024\n"
        "January                    8,481       8,720\n"
        "February                  92,182      94,068\n"
        "Total                    100,663     102,788\n"
    )
    checks = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end")).checks
    assert checks[checks["rule"] == "period.sum"].empty  # 100,663 is no sum of the other table's quarters
    assert checks["passed"].all()


def test_an_adjusted_column_is_not_held_to_agree_with_the_reported_figures():
    text = (
        "Summary (USD millions)        FY2024 Reported    FY2024 Adjusted\n"
        "Net sales                              29,635             29,635\n"
        "Gross margin                            9,025              9,025\n"
        "Operating profit                        2,652              2,824\n"
        "\n"
        "Income statement (USD millions)          FY2024\n"
        "Net sales                              29,635\n"
        "Gross margin                            9,025\n"
        "Operating profit                        2,652\n"
    )
    checks = rp.parse_text(text, calendar=rp.FiscalCalendar(7, "end")).checks
    agreement = checks[checks["rule"] == "agreement.tables"]
    assert len(agreement) == 3 and agreement["passed"].all()  # the reported column, row by row


def test_prose_stating_one_metric_with_two_values_is_not_compared():
    # the company's revenue and a segment's, each under its own heading, both "revenue in 4Q25"
    text = (
        "Revenue (USD millions)        4Q25\n"
        "Revenue                     39,331\n"
        "Cost of revenue             10,608\n"
        "\n"
        "Highlights\n"
        "\n"
        "4Q25 revenue was $39,331 million.\n"
        "\n"
        "Data Center\n"
        "\n"
        "4Q25 revenue was $35,580 million.\n"
    )
    checks = rp.parse_text(text, calendar=rp.FiscalCalendar(1, "end")).checks
    assert checks[checks["rule"] == "agreement.prose"].empty
    one_value = text.replace("$35,580 million", "$39,331 million")
    checks = rp.parse_text(one_value, calendar=rp.FiscalCalendar(1, "end")).checks
    prose = checks[checks["rule"] == "agreement.prose"]
    assert len(prose) == 2 and prose["passed"].all()


def test_an_amount_added_back_in_one_table_and_deducted_in_another_is_not_compared():
    text = (
        "Cash flows (USD millions)                 1H23      1H22\n"
        "Depreciation and amortization             712       567\n"
        "Acquisition termination cost            1,353         -\n"
        "Capital expenditures                     (794)     (481)\n"
        "\n"
        "Reconciliation (USD millions)             1H23      1H22\n"
        "Depreciation and amortization             712       567\n"
        "Acquisition termination cost          (1,353)         -\n"
        "Capital expenditures                     (794)     (481)\n"
    )
    checks = rp.parse_text(text, calendar=rp.FiscalCalendar(1, "end")).checks
    agreement = checks[checks["rule"] == "agreement.tables"]
    assert set(agreement["line_item"]) == {"Depreciation and amortization", "Capital expenditures"}
    assert len(agreement) == 4 and agreement["passed"].all()


def test_a_change_printed_beside_a_blank_value_or_base_fails():
    # a lost cell, or a row whose cells were read one column to the right, leaves the base blank
    text = (
        "Results (JPY millions)     2Q04      2Q03    YoY % Change\n"
        "Revenues                 10,512     9,185          14.4%\n"
        "Other income                 40                    33.3%\n"
    )
    checks = rp.parse_text(text, calendar=rp.FiscalCalendar(3, "start")).checks
    blank = one(checks, rule="change.blank_operand")
    assert blank.line_item == "Other income" and blank.found == 33.3 and not blank.passed
    assert blank.facts == "t0r1c2 t0r1c1"  # the change, then where its base should be
    assert one(checks, rule="change.ratio").passed


@pytest.mark.parametrize("column, to, rule_period", [(0, "2Q05", "2Q04"), (1, "2Q02", "2Q04"), (3, "1Q05", "2Q04")])
def test_a_value_column_dated_a_year_off_leaves_a_change_without_its_period(iij, column, to, rule_period):
    from dataclasses import replace

    from release_parser.normalize.periods import parse_period
    table = iij.tables[0]  # 2Q04, 2Q03, YoY % Change, 1Q04, QoQ % Change
    assert [c.label for c in table.columns][:4] == ["2Q04", "2Q03", "YoY % Change", "1Q04"]
    columns = list(table.columns)
    columns[column] = replace(columns[column], period=parse_period(to, iij.calendar))
    tables = list(iij.tables)
    tables[0] = replace(table, columns=tuple(columns))
    results = run_checks(replace(iij, tables=tables))
    misdated = [r for r in results if r.rule == "change.period_not_printed"]
    assert misdated and not any(r.passed for r in misdated)
    assert {r.period for r in misdated} == {rule_period} and {r.table for r in misdated} == {0}
    assert all(r.passed for r in run_checks(iij))
