"""Table layouts seen in releases, each parsed to the same tidy values."""

import dataclasses

import pandas as pd
import pytest

import release_parser as rp
from release_parser.layout import Cell, Layout, Line, Separator

IIJ = rp.FiscalCalendar(year_end_month=3, naming="start")

def by_cell(release: rp.Release):
    """The release's facts indexed by (line_item, column)."""
    return release.facts.set_index(["line_item", "column"])

EXPECTED = {("Total Revenues", "2Q04"): 10512.0, ("Total Revenues", "2Q03"): 9185.0,
            ("Net Income (Loss)", "2Q04"): -273.0, ("Net Income (Loss)", "2Q03"): -278.0}

LAYOUTS = [
    ("caption above, header with empty label cell",
     "(JPY millions)\n\n\t2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\nNet Income (Loss)\t(273)\t(278)\n"),
    ("unit in the header's label cell",
     "(JPY millions)\t2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\nNet Income (Loss)\t(273)\t(278)\n"),
    ("header without a label cell",
     "(JPY millions)\n2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\nNet Income (Loss)\t(273)\t(278)\n"),
    ("space-aligned, centred headers",
     "(JPY millions)\n                        2Q04       2Q03\nTotal Revenues        10,512      9,185\n"
     "Net Income (Loss)      (273)      (278)\n"),
    ("dashed rules, title and unit on one line",
     "Results Summary                 (JPY in millions)\n------------------------------------------\n"
     "                          2Q04        2Q03\n------------------------------------------\n"
     "Total Revenues          10,512       9,185\nNet Income (Loss)        (273)       (278)\n"
     "==========================================\n"),
    ("pipe table",
     "(JPY millions)\n\n| | 2Q04 | 2Q03 |\n|---|---:|---:|\n| Total Revenues | 10,512 | 9,185 |\n"
     "| Net Income (Loss) | (273) | (278) |\n"),
    ("transposed",
     "(JPY millions)\n\n| | Total Revenues | Net Income (Loss) |\n|---|---:|---:|\n| 2Q04 | 10,512 | (273) |\n"
     "| 2Q03 | 9,185 | (278) |\n"),
    ("blank line inside the body",
     "(JPY millions)\n\t2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\n\nNet Income (Loss)\t(273)\t(278)\n"),
    ("full-width digits and triangles",
     "(JPY millions)\n\t2Q04\t2Q03\nTotal Revenues\t１０，５１２\t9,185\nNet Income (Loss)\t△273\t▲278\n"),
]


@pytest.mark.parametrize("reason, text", LAYOUTS, ids=[layout[0] for layout in LAYOUTS])
def test_layout_gives_the_same_facts(reason, text):
    rel = rp.parse_text(text, calendar=IIJ)
    assert len(rel.tables) == 1, reason
    facts = rel.facts
    got = {(r.line_item, r.column): r.value for r in facts.itertuples()}
    assert got == EXPECTED, reason
    assert set(zip(facts.unit, facts.scale)) == {("JPY", 1_000_000)}
    starts = {r.column: str(r.period_start.date()) for r in facts.itertuples()}
    assert starts == {"2Q04": "2004-07-01", "2Q03": "2003-07-01"}


def test_two_tables_back_to_back():
    text = (
        "\t2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\n"
        "\t1H04\t1H03\nTotal Revenues\t19,187\t17,529\n"
    )
    rel = rp.parse_text(text, calendar=IIJ)
    assert [t.column_labels for t in rel.tables] == [["2Q04", "2Q03"], ["1H04", "1H03"]]


def test_period_spanning_two_columns():
    text = (
        "                         1Q08\n"
        "                Actual Results    Target Announced\n"
        "Revenues            41,118            40,500\n"
        "Net income           1,032               900\n"
    )
    rel = rp.parse_text(text, calendar=IIJ)
    columns = rel.tables[0].columns
    assert [(c.label, c.measure, c.period.label) for c in columns] == [
        ("1Q08 Actual Results", "value", "1Q08"),
        ("1Q08 Target Announced", "target", "1Q08"),
    ]


def test_statement_rows_with_direction_words():
    text = "| Total revenues | | JPY 198.4 billion | | up | 8.3% | YoY |\n|---|---|---|---|---|---|---|\n" \
           "| Net income | | JPY 6.9 billion | | down | 4.2% | YoY |\n"
    rel = rp.parse_text(text, calendar=IIJ)
    table = rel.tables[0]
    assert table.column_labels == ["value", "YoY"]
    assert table.frame.loc["Net income", "YoY"] == -4.2
    assert table.columns[1].measure == "yoy_pct"


def test_percent_change_column_without_percent_signs():
    text = "(JPY millions)\n\t2Q04\t2Q03\tYoY % Change\nTotal Revenues\t10,512\t9,185\t14.4\n"
    rel = rp.parse_text(text, calendar=IIJ)
    row = rel.facts[rel.facts.column == "YoY % Change"].iloc[0]
    assert (row.value, row.unit, row.scale, row.measure, row.base_period) == (14.4, "%", 1, "yoy_pct", "2Q03")


def test_a_row_labelled_in_percent():
    text = "(JPY millions, %)\n\t2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\nGross Margin Ratio (%)\t22.3\t20.0\n"
    facts = rp.parse_text(text, calendar=IIJ).facts
    assert facts[["line_item", "unit", "scale"]].drop_duplicates().values.tolist() == [
        ["Total Revenues", "JPY", 1_000_000],
        ["Gross Margin Ratio (%)", "%", 1],
    ]


@pytest.mark.parametrize("order", ["unit first", "title first"])
def test_caption_title_and_unit_in_either_order(order):
    lines = ["(JPY millions)", "Second Quarter of FY2004"]
    if order == "title first":
        lines.reverse()
    text = "\n\n".join(lines) + "\n\n\t2Q04\t2Q03\nTotal Revenues\t10,512\t9,185\n"
    table = rp.parse_text(text, calendar=IIJ).tables[0]
    assert (table.title, table.unit, table.scale) == ("Second Quarter of FY2004", "JPY", 1_000_000)


def test_group_rows_inside_a_tab_table():
    text = "\t2Q04\t2Q03\nRevenues:\t\t\n Connectivity\t5,000\t4,000\n SI\t5,512\t5,185\nTotal Revenues\t10,512\t9,185\n"
    table = rp.parse_text(text, calendar=IIJ).tables[0]
    assert [item.label for item in table.line_items] == ["Connectivity", "SI", "Total Revenues"]
    assert table.frame.loc["SI", "2Q04"] == 5512


def test_transposed_cells_keep_the_line_they_were_printed_on():
    text = "| | Revenues | Net income |\n|---|---:|---:|\n| 1Q11 | 92,305 | 2,266 |\n| 2Q11 | 106,107 | 4,646 |\n"
    facts = rp.parse_text(text, calendar=IIJ).facts
    assert {(r.raw, r.line) for r in facts.itertuples()} == {("92,305", 3), ("2,266", 3), ("106,107", 4), ("4,646", 4)}


def test_stacked_header_cells_form_one_path_per_column():
    text = (
        "                       Three Months Ended           Six Months Ended\n"
        "                     April 1,     March 26,      April 1,     March 26,\n"
        "                       2023          2022          2023          2022\n"
        "Total net sales       94,836        97,278       211,990       221,223\n"
        "Gross margin          41,976        42,559        92,308        96,802\n"
    )
    table = rp.parse_text(text).tables[0]
    assert table.column_labels == [
        "Three Months Ended April 1, 2023", "Three Months Ended March 26, 2022",
        "Six Months Ended April 1, 2023", "Six Months Ended March 26, 2022",
    ]


def test_a_year_row_with_a_change_word_is_a_header_and_a_blank_line_may_follow_it():
    text = (
        "2025 Financial Highlights\n\n"
        "(In NT$ billions)           2025        2024        YoY\n\n"
        "Net Revenue             3,809.05    2,894.31     +31.6%\n"
        "Income before Tax       2,041.66    1,405.84      45.2%\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    facts = by_cell(rel)
    assert facts.loc[("Net Revenue", "2025"), "period"] == "FY2025"
    assert facts.loc[("Income before Tax", "YoY"), ["value", "measure", "base_period"]].tolist() == [45.2, "yoy_pct", "FY2024"]


def test_a_row_of_years_under_the_unit_caption_heads_the_table():
    text = (
        "                                   Three months ended      Twelve months ended\n"
        "                                        July 31,                July 31,\n"
        "(In millions, except per share)    2024        2023        2024        2023\n"
        "Net sales                         $7,946      $7,838     $29,635     $29,734\n"
        "Cost of sales                    (5,485)     (5,436)    (20,582)    (20,709)\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(7, "end"))
    facts = by_cell(rel)
    assert list(rel.facts["line_item"].unique()) == ["Net sales", "Cost of sales"]
    row = facts.loc[("Cost of sales", "Twelve months ended July 31, 2023")]
    assert (row["value"], str(row["period_start"].date()), str(row["period_end"].date())) == (-20709, "2022-08-01", "2023-07-31")


def test_commentary_printed_beside_a_table_neither_breaks_it_nor_joins_its_labels():
    text = (
        "Revenue in NTD: QoQ is\n"
        "                                   NT$mn              4Q25      3Q25      4Q24   Q/Q (%)   Y/Y (%)\n"
        "increased 25.7%.\n"
        "                                   Revenue           22,799    18,137    12,572      25.7      81.3\n"
        "In 4Q25, the gross margin was\n"
        "                                   Gross Profit       9,500     5,878     3,876      61.6     145.1\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    facts = by_cell(rel)
    assert list(rel.facts["line_item"].unique()) == ["Revenue", "Gross Profit"]
    assert facts.loc[("Gross Profit", "4Q24"), "period"] == "4Q24"
    assert facts.loc[("Revenue", "Y/Y (%)"), ["value", "measure", "base_period"]].tolist() == [81.3, "yoy_pct", "4Q24"]
    assert rel.tables[0].unit == "TWD" and rel.tables[0].scale == 1_000_000
    assert any("gross margin" in p.text for p in rel.paragraphs)  # the commentary stays prose


def test_a_change_column_never_takes_the_period_of_a_comparison_column():
    from release_parser.headers import PeriodContext, interpret_columns

    cal = rp.FiscalCalendar(12, "end")
    columns = interpret_columns(["Highlights", "2024", "Y/Y (%)"], PeriodContext(calendar=cal, reference_year=2026))
    assert columns[2].period is None  # the first column names no period: the change's subject is unknown


def test_a_label_printed_as_two_runs_is_one_label_and_a_unit_line_may_sit_between_header_rows():
    text = (
        "Consolidated Statements of Comprehensive Income\n"
        "                                   2025           2025       QoQ        2024      YoY\n"
        "NT$ Million\n"
        "                                     Q4             Q3         %          Q4        %\n"
        "Sales Revenue                   171,293        176,286       -3%     197,782     -13%\n"
        "Gross Profit                      8,923          8,876        1%      10,075     -11%\n"
        "Total    Comprehensive Income     5,916          6,444       -8%       4,100      44%\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    table = rel.tables[0]
    assert (table.unit, table.scale) == ("TWD", 1_000_000)
    assert table.column_labels == ["2025 Q4", "2025 Q3", "QoQ %", "2024 Q4", "YoY %"]
    assert [item.label for item in table.line_items][-1] == "Total Comprehensive Income"
    facts = by_cell(rel)
    assert facts.loc[("Sales Revenue", "QoQ %"), ["value", "measure", "period", "base_period"]].tolist() == [-3, "qoq_pct", "4Q25", "3Q25"]


def test_a_balance_sheet_known_by_its_rows_or_its_side_title_holds_balances_at_period_ends():
    by_rows = (
        "(In NT$ millions)              4Q25        3Q25        4Q24\n"
        "Inventories                   67,235      56,964      58,414\n"
        "Total assets                 743,785     687,852     697,868\n"
    )
    by_side_title = (
        "                  (In NT$ millions)                    4Q25        3Q25        4Q24\n"
        "                  Cash & financial assets           247,709     210,604     219,624\n"
        "Balance Sheet     Accounts receivable                62,119      67,168      43,985\n"
        "                  Inventories                        67,235      56,964      58,414\n"
    )
    for text in (by_rows, by_side_title):
        facts = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end")).facts
        assert (facts["period_start"] == facts["period_end"]).all()
        assert facts["period_end"].dt.date.astype(str).tolist()[:3] == ["2025-12-31", "2025-09-30", "2024-12-31"]
    labels = rp.parse_text(by_side_title, calendar=rp.FiscalCalendar(12, "end")).facts["line_item"].unique().tolist()
    assert labels == ["Cash & financial assets", "Accounts receivable", "Inventories"]


def test_an_income_table_with_a_total_assets_row_is_not_a_balance_sheet():
    text = "Key figures          4Q25      4Q24\nRevenue             1,046       868\nTotal assets        7,933     6,691\n"
    facts = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end")).facts
    assert facts["period_start"].dt.date.astype(str).tolist()[0] == "2025-10-01"


def test_text_above_a_dated_header_joins_it_only_when_it_reads_as_a_column_header():
    text = (
        "FY2025 Income Statement Highlights\n"
        "                                    Second Hipgehr ifoodr the same\n"
        "                          NT$mn          2025         2024     Y/Y (%)\n"
        "                          Revenue      72,664       58,936        23.3\n"
        "                          Gross Profit 24,858       19,099        30.2\n"
    )
    table = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end")).tables[0]
    assert table.column_labels == ["2025", "2024", "Y/Y (%)"]


def test_a_year_row_without_a_label_cell_is_a_header():
    text = (
        "Cash Flow Summary\n\n"
        "                                        2025        2024    Growth %\n"
        "(NT$bn)\n\n"
        "Cash Flows from Operating Activities   77.50       79.24        -2.2\n"
        "Capital Expenditures                   27.70       28.76        -3.7\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    facts = by_cell(rel)
    assert facts.loc[("Capital Expenditures", "2024"), ["value", "period"]].tolist() == [28.76, "FY2024"]
    assert facts.loc[("Capital Expenditures", "Growth %"), ["measure", "base_period"]].tolist() == ["yoy_pct", "FY2024"]


def test_a_group_label_and_a_blank_line_do_not_end_a_table_whose_rows_go_on_in_its_columns():
    text = (
        "NT$MN                        4Q25        3Q25        4Q24\n"
        "Net Sales                 638,637     495,258     417,313\n"
        "Net Income                 22,197      16,431      15,873\n"
        "Attributable to the Parent\n"
        "\n"
        "Basic EPS (in NT$)           5.76        4.26        4.12\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    assert len(rel.tables) == 1
    facts = by_cell(rel)
    assert facts.loc[("Basic EPS (in NT$)", "4Q25"), ["value", "period", "scale"]].tolist() == [5.76, "4Q25", 1]


def test_a_group_title_between_the_header_and_the_first_row_keeps_the_header():
    text = (
        "Condensed Consolidated Balance Sheets\n\n"
        "                                     As of July 31,\n"
        "(In millions)                       2024        2023\n"
        "Assets\n"
        "Cash and cash equivalents           $571        $601\n"
        "Inventories                        4,188       3,898\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(7, "end"))
    assert len(rel.tables) == 1
    facts = by_cell(rel)
    inventories = facts.loc[("Inventories", "As of July 31, 2024")]
    assert [inventories["value"], str(inventories["period_start"].date()), str(inventories["period_end"].date())] == [
        4188.0, "2024-07-31", "2024-07-31"]
    assert rel.tables[0].frame.index.tolist() == ["Cash and cash equivalents", "Inventories"]


def test_commentary_printed_on_the_table_rows_left_of_its_labels_is_cut_off():
    text = (
        "                              NT$mn                 4Q25        3Q25        4Q24\n"
        "                              Total Assets        85,756      73,727      69,339\n"
        "of operating profit, the\n"
        "purchasing as well as the     Cash                17,709      13,703      20,726\n"
        "changes of AR and AP.         and equivalents\n"
        "                              Inventories         35,609      31,527      24,614\n"
        "maintain a safe level         Bonds Payable        1,104       5,682       5,611\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    assert len(rel.tables) == 1
    frame = rel.tables[0].frame
    assert frame.columns.tolist() == ["4Q25", "3Q25", "4Q24"]
    assert frame.loc["Cash", "4Q25"] == 17709 and frame.loc["Bonds Payable", "3Q25"] == 5682
    assert frame.loc["Inventories"].tolist() == [35609, 31527, 24614]


def _pdf_line(number: int, top: float, *runs: tuple[str, float]) -> Line:
    cells = tuple(Cell(text, x0, x0 + 6 * len(text), top, top + 14) for text, x0 in runs)
    return Line(cells=cells, page=1, number=number, raw="  ".join(t for t, _ in runs), indent=runs[0][1] if runs else 0.0,
                separator=Separator.GAP if len(cells) > 1 else Separator.NONE)


def test_a_label_on_two_lines_with_its_figures_between_them_is_one_row_and_the_table_goes_on():
    lines = (
        _pdf_line(1, 80, ("NT$MN", 22), ("4Q25", 212), ("%", 289), ("3Q25", 345), ("%", 422), ("4Q24", 536)),
        _pdf_line(2, 100, ("Pre-Tax Income", 22), ("27,478", 229), ("4.30", 291), ("20,909", 362), ("4.22", 424),
                  ("17,757", 553)),
        _pdf_line(3, 340.5, ("Net Income", 22)),
        _pdf_line(4, 350.7, ("22,197", 229), ("3.48", 291), ("16,431", 362), ("3.32", 424), ("15,873", 553)),
        _pdf_line(5, 362.1, ("Attributable to the Parent", 22)),
        _pdf_line(6, 380, ),
        _pdf_line(7, 394, ("Basic EPS (in NT$)", 22), ("5.76", 243), ("4.26", 376), ("4.12", 567)),
    )
    layout = Layout(lines=lines, source="deck.pdf", kind="pdf", full_text="\n".join(line.raw for line in lines))
    rel = rp.parse_layout(layout, calendar=rp.FiscalCalendar(12, "end"))
    assert len(rel.tables) == 1
    frame = rel.tables[0].frame
    assert frame.index.tolist() == ["Pre-Tax Income", "Net Income Attributable to the Parent", "Basic EPS (in NT$)"]
    assert frame.loc["Basic EPS (in NT$)", "4Q25"] == 5.76
    assert frame.loc["Net Income Attributable to the Parent", "3Q25"] == 16431


def test_a_callout_beside_the_last_rows_does_not_join_two_columns_of_figures():
    text = (
        "NT$/million       4Q25      3Q25     Q/Q (%)     Y/Y (%)\n"
        "Net Income       4,735     2,260      109.5%      803.6%\n"
        "Net Income (%)  20.77%    12.46%    Non-TIFRS EPS Increased by\n"
        "Basic EPS (NT$)  22.24     10.92\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    assert rel.tables[0].column_labels == ["4Q25", "3Q25", "Q/Q (%)", "Y/Y (%)"]
    facts = by_cell(rel)
    assert facts.loc[("Net Income", "Y/Y (%)"), ["value", "measure", "base_period"]].tolist() == [803.6, "yoy_pct", "4Q24"]


def test_labels_parted_by_blank_lines_and_a_long_wrapped_label_keep_the_balance_sheet_whole():
    text = (
        "                                                    April 1,    September 24,\n"
        "                                                        2023             2022\n"
        "Total liabilities                                   270,002          302,083\n"
        "\n"
        "Commitments and contingencies\n"
        "\n"
        "Shareholders' equity:\n"
        "Common stock and additional paid-in capital, $0.00001 par value: 50,400,000 shares\n"
        "  authorized; 15,723,406 and 15,943,425 shares issued     69,568           64,849\n"
        "Retained earnings/(Accumulated deficit)                   4,336          (3,068)\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(9, "end"))
    assert len(rel.tables) == 1
    facts = rel.facts.set_index("line_item")
    retained = facts.loc["Retained earnings/(Accumulated deficit)"]
    assert retained["value"].tolist() == [4336, -3068]
    assert retained["period_end"].dt.date.astype(str).tolist() == ["2023-04-01", "2022-09-24"]
    stock = facts.loc["Common stock and additional paid-in capital, $0.00001 par value: 50,400,000 shares "
                      "authorized; 15,723,406 and 15,943,425 shares issued"]
    assert stock["value"].tolist() == [69568, 64849]


def test_a_label_run_never_crosses_into_the_next_page():
    lines = (
        _pdf_line(1, 80, ("NT$ Million", 22), ("2025", 212), ("2024", 345)),
        _pdf_line(2, 100, ("Interest Income", 22), ("676", 229), ("766", 362)),
        _pdf_line(3, 120, ("Finance Cost", 22), ("(1,559)", 229), ("(1,711)", 362)),
        _pdf_line(4, 140),
    )
    next_page = (
        Line(cells=(Cell("Consolidated Balance Sheets", 100, 300, 20, 34, page=2),), page=2, number=1,
             raw="Consolidated Balance Sheets", indent=100),
        Line(cells=(), page=2, number=2, raw=""),
        Line(cells=tuple(Cell(t, x, x + 40, 60, 74, page=2) for t, x in (("Cash", 22), ("54,316", 229), ("30,934", 362))),
             page=2, number=3, raw="Cash  54,316  30,934", indent=22, separator=Separator.GAP),
    )
    lines = lines + next_page
    layout = Layout(lines=lines, source="deck.pdf", kind="pdf", page_count=2, full_text="\n".join(l.raw for l in lines))
    rel = rp.parse_layout(layout, calendar=rp.FiscalCalendar(12, "end"))
    assert [list(table.frame.index) for table in rel.tables] == [["Interest Income", "Finance Cost"], ["Cash"]]


def test_a_group_title_pointing_to_a_note_continues_the_table_above():
    text = (
        "                      Three Months Ended      Six Months Ended\n"
        "                     March 31,  March 31,    March 31,  March 31,\n"
        "                          2023       2022         2023       2022\n"
        "Total net sales         94,836     97,278      211,990    221,223\n"
        "Diluted                 15,847     16,403       15,901     16,461\n"
        "\n"
        "(1) Net sales by reportable segment:\n"
        "Americas                37,784     40,882       87,062     92,378\n"
        "Greater China           17,812     18,343       41,717     44,126\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(9, "end"))
    assert len(rel.tables) == 1
    facts = by_cell(rel)
    china = facts.loc[("Greater China", "Three Months Ended March 31, 2023")]
    assert [china["value"], china["period"]] == [17812, "2Q23"]
    assert facts.loc[("Greater China", "Six Months Ended March 31, 2022"), "period"] == "1H22"


def test_monthly_rows_under_year_columns_are_dated_as_their_month_never_the_year():
    text = (
        "Monthly Sales                                    NT$M\n"
        "                  2025          2024      + (-) %\n"
        "January          8,481         8,720          -3%\n"
        "February         9,267         7,133          30%\n"
        "Total:         100,663       102,788          -2%\n"
    )
    facts = by_cell(rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end")))
    assert facts.loc[("February", "2025"), ["value", "period"]].tolist() == [9267, "Feb 2025"]
    assert facts.loc[("January", "+ (-) %"), ["period", "base_period"]].tolist() == ["Jan 2025", "Jan 2024"]
    assert facts.loc[("Total:", "2025"), ["value", "period"]].tolist() == [100663, "FY2025"]
    assert facts.loc[("Total:", "+ (-) %"), ["value", "measure", "period", "base_period"]].tolist() == [
        -2, "yoy_pct", "FY2025", "FY2024"]


def test_a_header_is_looked_for_on_its_table_page_only():
    lines = (
        Line(cells=(Cell("Issued in Feb 2026", 500, 640, 700, 714),), page=1, number=1, raw="Issued in Feb 2026", indent=500),
        _pdf_line(1, 80, ("2025", 253), ("2024", 388)),
        _pdf_line(2, 100, ("Revenue", 91), ("8,481", 209), ("8,720", 342)),
    )
    lines = (lines[0], *(dataclasses.replace(line, page=2, cells=tuple(dataclasses.replace(c, page=2) for c in line.cells))
                         for line in lines[1:]))
    layout = Layout(lines=lines, source="r.pdf", kind="pdf", page_count=2, full_text="\n".join(l.raw for l in lines))
    rel = rp.parse_layout(layout, calendar=rp.FiscalCalendar(12, "end"))
    assert rel.tables[0].column_labels == ["2025", "2024"]


def test_a_caption_after_a_blank_line_opens_another_table_and_a_header_of_years_is_never_a_label():
    text = (
        "Sales by product (NT$M)   1Q25    2Q25    3Q25    4Q25\n"
        "Driver                    9,000   9,000   9,000   9,000\n"
        "\n"
        "Monthly sales (NT$M)\n"
        "                            2025        2024\n"
        "January                    8,481       8,720\n"
        "Total                    100,663     102,788\n"
    )
    rel = rp.parse_text(text, calendar=rp.FiscalCalendar(12, "end"))
    assert [table.column_labels for table in rel.tables] == [["1Q25", "2Q25", "3Q25", "4Q25"], ["2025", "2024"]]
    total = by_cell(rel).loc[("Total", "2025")]
    assert [total["value"], total["period"]] == [100663, "FY2025"]
