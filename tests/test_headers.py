import datetime as dt

import pandas as pd
import pytest
from real_layouts import UNHEADED_SHARES

import release_parser as rp
from release_parser.headers import PeriodContext, interpret_columns, measure_of
from release_parser.normalize.periods import FiscalCalendar, parse_period

IIJ = FiscalCalendar(year_end_month=3, naming="start")
CONTEXT = PeriodContext(calendar=IIJ, reference_year=2004)


@pytest.mark.parametrize(
    "label, measure",
    [
        ("YoY % Change", "yoy_pct"),
        ("QoQ % Change", "qoq_pct"),
        ("% change", "pct_change"),
        ("Change", "change"),
        ("YoY change", "yoy_change"),
        ("Year-on-year growth (%)", "yoy_pct"),
        ("2Q04", "value"),
        ("Target Announced", "target"),
        ("Actual Results", "value"),
    ],
)
def test_measures(label, measure):
    assert measure_of(label) == measure


def labels(columns):
    return [(c.label, c.measure, c.period.label if c.period else None, c.base_period.label if c.base_period else None)
            for c in columns]


def test_yoy_and_qoq_columns_take_their_periods():
    columns = interpret_columns(["2Q04", "2Q03", "YoY % Change", "1Q04", "QoQ % Change"], CONTEXT)
    assert labels(columns) == [
        ("2Q04", "value", "2Q04", None),
        ("2Q03", "value", "2Q03", None),
        ("YoY % Change", "yoy_pct", "2Q04", "2Q03"),
        ("1Q04", "value", "1Q04", None),
        ("QoQ % Change", "qoq_pct", "2Q04", "1Q04"),
    ]
    assert columns[0].period.start == dt.date(2004, 7, 1)


def test_generic_change_compares_the_two_columns_before_it():
    columns = interpret_columns(["FY2004", "FY2003", "% change"], CONTEXT)
    assert labels(columns)[2] == ("% change", "yoy_pct", "FY2004", "FY2003")  # a year apart: year on year
    columns = interpret_columns(["FY2004", "FY2002", "% change"], CONTEXT)
    assert labels(columns)[2] == ("% change", "pct_change", "FY2004", "FY2002")


def test_change_without_printed_periods_uses_the_default_period():
    context = PeriodContext(calendar=IIJ, reference_year=2004, default_period=parse_period("2Q04", IIJ))
    columns = interpret_columns(["Amount", "YoY % Change"], context)
    assert labels(columns)[1] == ("YoY % Change", "yoy_pct", "2Q04", "2Q03")


def test_a_header_naming_both_periods_is_a_change():
    columns = interpret_columns(["2Q04", "2Q03", "2Q04 vs 2Q03 (%)"], CONTEXT)
    assert labels(columns)[2] == ("2Q04 vs 2Q03 (%)", "yoy_pct", "2Q04", "2Q03")
    columns = interpret_columns(["2Q04", "1Q04", "2Q04 vs 1Q04"], CONTEXT)
    assert labels(columns)[2] == ("2Q04 vs 1Q04", "qoq_change", "2Q04", "1Q04")


@pytest.mark.parametrize(
    "label, period",
    [
        ("FY2004 First Half", "1H04"),
        ("April-September 2004", "1H04"),
        ("Oct.-Dec. 2004", "3Q04"),
        ("Apr.-Mar. 2005", "FY2004"),
        ("Jan-Mar 2005", "4Q04"),
        ("FY2004 Results", "FY2004"),
    ],
)
def test_period_headers(label, period):
    assert interpret_columns([label], CONTEXT)[0].period.label == period


def test_a_month_range_that_is_no_fiscal_period_gives_none():
    assert interpret_columns(["May-July 2004"], CONTEXT)[0].period is None


def test_figures_with_a_word_in_parentheses_stay_in_the_body():
    text = (
        "Dividend (JPY)\n\n"
        "                                  Interim             Year-end             Full-Year\n"
        "  FY2010 Dividend (forecast)      JPY1,250 (paid)     JPY1,500 (forecast)  JPY2,750 (forecast)\n"
        "  FY2009 Dividend                 JPY1,000            JPY1,250             JPY2,250\n"
    )
    facts = rp.parse_text(text, calendar=rp.FiscalCalendar(3, "start")).facts
    assert facts["column"].tolist()[:3] == ["Interim", "Year-end", "Full-Year"]
    assert facts["value"].tolist() == [1250, 1500, 2750, 1000, 1250, 2250]
    assert facts["period"].isna().all()  # "Interim" names no period of the table's own


def test_a_label_glued_to_its_first_figure_is_cut_at_the_column():
    text = (
        "1H08 Financial Results\n\n"
        "                  10/24 Target       Actual Results\n"
        " Revenues         JPY33,200 million  JPY33,254 million ($313.9 million)\n"
        " Operating Income JPY950 million     JPY1,005 million ($9.5 million)\n"
    )
    facts = rp.parse_text(text, calendar=rp.FiscalCalendar(3, "start")).facts.set_index(["line_item", "column"])
    assert facts.loc[("Operating Income", "Actual Results"), "value"] == 1005
    assert facts.loc[("Operating Income", "10/24 Target"), "value"] == 950
    assert facts.loc[("Operating Income", "Actual Results"), "period"] == "1H08"


def test_a_header_over_its_base_period_is_a_change_of_the_tables_period():
    labels = ["4Q25", "3Q25", "4Q24", "Over 3Q25", "Over 4Q24"]
    cal = FiscalCalendar(12, "end")
    columns = interpret_columns(labels, PeriodContext(calendar=cal, reference_year=2026))
    assert [(c.measure, c.period.label, c.base_period.label) for c in columns[3:]] == [
        ("qoq_change", "4Q25", "3Q25"), ("yoy_change", "4Q25", "4Q24"),
    ]


def test_a_generic_change_between_adjacent_quarters_is_quarter_on_quarter():
    cal = FiscalCalendar(12, "end")
    columns = interpret_columns(["2025/Q4", "2025/Q3", "Growth %"], PeriodContext(calendar=cal, reference_year=2026))
    assert (columns[2].measure, columns[2].period.label, columns[2].base_period.label) == ("qoq_pct", "4Q25", "3Q25")


def test_a_span_ending_on_a_date_is_never_a_balance_at_that_date():
    cal = FiscalCalendar(12, "end")
    column, = interpret_columns(["Six Months Ended April 1, 2023"], PeriodContext(calendar=cal, reference_year=2023))
    assert column.as_of is None and column.period is None


def test_period_columns_of_a_balance_sheet_are_balances_at_the_period_end():
    text = "Selected Items from Balance Sheets\n(In NT$ billions)\tAmount 4Q25\tAmount 4Q24\nTotal Assets\t7,933.02\t6,691.94\nInventories\t288.11\t287.86\n"
    facts = rp.parse_text(text, calendar=FiscalCalendar(12, "end")).facts
    assert facts["period_start"].dt.date.astype(str).tolist() == ["2025-12-31", "2024-12-31"] * 2
    assert (facts["period_start"] == facts["period_end"]).all()


def test_a_change_between_two_balance_dates_a_year_apart_is_year_on_year_at_the_first():
    columns = interpret_columns(["2025.12.31", "2024.12.31", "Growth %"], PeriodContext(calendar=FiscalCalendar(12, "end")))
    assert [c.as_of for c in columns] == [dt.date(2025, 12, 31), dt.date(2024, 12, 31), dt.date(2025, 12, 31)]
    assert columns[2].measure == "yoy_pct" and columns[2].period is None


def test_a_unit_caption_between_the_header_and_the_first_row_is_read():
    text = (
        "Income Statement Highlights\n\n"
        "                       Q4 2025    Q4 2024   Growth %     2025      2024   Growth %\n"
        "(NT$bn)\n"
        "Revenue                  65.65      65.30        0.5   236.11    229.97        2.7\n"
        "Net Income                9.29       9.00        3.2    38.69     37.22        4.0\n"
    )
    rel = rp.parse_text(text, calendar=FiscalCalendar(12, "end"))
    table = rel.tables[0]
    assert (table.unit, table.scale) == ("TWD", 1_000_000_000)
    facts = rel.facts.set_index(["line_item", "column"])
    assert facts.loc[("Net Income", "Q4 2024"), "period"] == "4Q24"
    assert facts.loc[("Revenue", "Growth %")]["measure"].tolist() == ["yoy_pct", "yoy_pct"]


def test_a_caption_scale_applies_to_dollar_cells_but_not_to_per_share_rows():
    text = (
        "Condensed Consolidated Statements of Earnings\n"
        "(In millions, except per share amounts)\n"
        "                                 2024        2023\n"
        "Net sales                      $29,635     $29,734\n"
        "Cost of sales                  (20,582)    (20,709)\n"
        "Earnings per share - diluted     $8.53       $9.12\n"
    )
    facts = rp.parse_text(text, calendar=FiscalCalendar(12, "end")).facts.set_index(["line_item", "column"])
    assert facts.loc[("Net sales", "2024"), ["value", "unit", "scale"]].tolist() == [29635, "USD", 1_000_000]
    assert facts.loc[("Cost of sales", "2024"), ["unit", "scale"]].tolist() == ["USD", 1_000_000]
    assert facts.loc[("Earnings per share - diluted", "2024"), ["value", "unit", "scale"]].tolist() == [8.53, "USD", 1]


def test_a_percent_column_beside_amounts_holds_that_periods_shares():
    text = "NT$MN          4Q25      %      3Q25      %     QoQ\nNet Sales   638,637  100.0   495,258  100.0   29.0%\nGross Profit 40,427   6.33    35,110   7.09   15.1%\n"
    facts = rp.parse_text(text, calendar=FiscalCalendar(12, "end")).facts
    share = facts[(facts["line_item"] == "Gross Profit") & (facts["value"] == 6.33)].iloc[0]
    assert (share["period"], share["measure"], share["unit"], share["scale"]) == ("4Q25", "value", "%", 1)


def test_dashed_change_words_name_their_basis():
    assert measure_of("Q-Q") == "qoq_change" and measure_of("Y-Y (%)") == "yoy_pct"


def test_a_header_naming_two_periods_without_comparing_them_dates_nothing():
    columns = interpret_columns(["2025 Year-to-Q4 2024 Year-to-Q4", "YoY %"], PeriodContext(calendar=FiscalCalendar(12, "end")))
    assert columns[0].period is None  # two columns merged under one header: no period is safe
    assert interpret_columns(["4Q25 4Q25"], PeriodContext(calendar=FiscalCalendar(12, "end")))[0].period.label == "4Q25"


def test_a_group_row_naming_a_period_dates_the_rows_below_it_and_may_make_them_targets():
    text = (
        "| Highlights of Financial Results for FY2014 | | |\n|---|---|---|\n"
        "| Revenues | JPY123,050 million | (up 7.7% YoY) |\n"
        "| Operating Income | JPY5,075 million | (down 11.3% YoY) |\n"
        "| Financial Targets for FY2015 | | |\n"
        "| Revenues | JPY139,000 million | (up 13.0% YoY) |\n"
        "| Annual Cash Dividend | JPY22.00 per share | |\n"
    )
    facts = rp.parse_text(text, calendar=FiscalCalendar(3, "start")).facts
    rows = facts[["line_item", "value", "period", "measure", "base_period", "period_source"]].astype(object)
    rows = rows.where(rows.notna(), None).values.tolist()
    assert rows == [
        ["Revenues", 123050, "FY2014", "value", None, "caption"],
        ["Revenues", 7.7, "FY2014", "yoy_pct", "FY2013", "caption"],
        ["Operating Income", 5075, "FY2014", "value", None, "caption"],
        ["Operating Income", -11.3, "FY2014", "yoy_pct", "FY2013", "caption"],
        ["Revenues", 139000, "FY2015", "target", None, "group"],
        ["Revenues", 13.0, "FY2015", "yoy_pct", "FY2014", "group"],
        ["Annual Cash Dividend", 22.0, "FY2015", "target", None, "group"],
    ]


def test_an_explicit_quarter_on_quarter_change_pairs_the_quarters_it_names():
    cal = FiscalCalendar(12, "end")
    labels = ["2025 Q4", "%", "2025 Q3", "%", "QoQ %", "2024 Q4", "%", "YoY %"]
    columns = interpret_columns(labels, PeriodContext(calendar=cal, reference_year=2026))
    assert [(c.period.label if c.period else None, c.base_period.label if c.base_period else None) for c in columns if c.measure != "value"] == [
        ("4Q25", "3Q25"), ("4Q25", "4Q24"),
    ]


def test_a_bare_date_among_spans_ending_on_dates_is_no_balance():
    labels = ["Three Months Ended January 26, 2025", "January 28, 2024", "Twelve Months Ended January 26, 2025"]
    cal = FiscalCalendar(1, "end", weekday="SUN")
    columns = interpret_columns(labels, PeriodContext(calendar=cal, reference_year=2025))
    assert columns[1].as_of is None and columns[1].period is None
    assert columns[0].period.end == dt.date(2025, 1, 26)


def test_a_currency_sign_printed_apart_joins_its_figure():
    text = (
        "RECONCILIATION OF GAAP TO NON-GAAP FINANCIAL MEASURES\n"
        "(In millions, except per share data)\n"
        "                                  2025          2024\n"
        "GAAP cost of revenue        $   10,608    $    5,312\n"
        "GAAP gross profit           $   28,723    $   16,791\n"
    )
    rel = rp.parse_text(text, calendar=FiscalCalendar(12, "end"))
    assert rel.tables[0].column_labels == ["2025", "2024"]
    facts = rel.facts.set_index(["line_item", "column"])
    assert facts.loc[("GAAP gross profit", "2025"), ["value", "unit", "scale"]].tolist() == [28723, "USD", 1_000_000]
    assert rel.checks.empty or rel.checks["passed"].all()


def test_a_table_repeating_the_columns_before_it_without_a_caption_keeps_their_scale():
    from release_parser.tables import inherit_scale

    header = "\t2025\t2024\n"
    first = rp.parse_text("(In millions)\n" + header + "Cost of revenue\t$10,608\t$5,312\nGross profit\t$28,723\t$16,791\n",
                          calendar=FiscalCalendar(12, "end")).tables[0]
    second = rp.parse_text(header + "Cost of revenue\t$118\t$119\nResearch\t$27\t$12\n", calendar=FiscalCalendar(12, "end")).tables[0]
    assert (second.unit, second.scale) == ("USD", 1)
    assert (inherit_scale(first, second).unit, inherit_scale(first, second).scale) == ("USD", 1_000_000)
    other = rp.parse_text("\t2023\t2022\nCost\t$1\t$2\nOther\t$3\t$4\n", calendar=FiscalCalendar(12, "end")).tables[0]
    assert inherit_scale(first, other).scale == 1  # other columns: no reason to share the scale


def test_a_change_between_balance_dates_less_than_a_year_apart_stays_a_change():
    columns = interpret_columns(["2025.12.31", "2025.06.30", "Change"], PeriodContext(calendar=FiscalCalendar(12, "end")))
    assert (columns[2].measure, columns[2].as_of, columns[2].period_source) == ("change", dt.date(2025, 12, 31), "header")


def test_a_column_without_a_period_takes_the_captions_else_the_releases_and_says_which():
    release_period = parse_period("2Q04", IIJ)
    caption_period = parse_period("1H04", IIJ)
    from_release = interpret_columns(["Actual Results"], PeriodContext(calendar=IIJ, default_period=release_period))
    assert (from_release[0].period.label, from_release[0].period_source) == ("2Q04", "release")
    from_caption = interpret_columns(["Actual Results"], PeriodContext(calendar=IIJ, default_period=release_period,
                                                                       table_period=caption_period))
    assert (from_caption[0].period.label, from_caption[0].period_source) == ("1H04", "caption")
    unknown = interpret_columns(["Actual Results"], PeriodContext(calendar=IIJ, default_period=release_period,
                                                                  calendar_known=False))
    assert (unknown[0].period, unknown[0].period_source) == (None, None)


def test_a_direction_column_without_a_header_signs_the_figure_after_it():
    text = ("Results (JPY millions)\n\t2Q04\t\tYoY\nRevenues\t10,512\tUp\t14.4%\n"
            "Costs\t8,854\tDown\t6.2%\nSG&A\t1,376\tDown\t18.0%\n")
    facts = rp.parse_text(text, calendar=IIJ).facts
    changes = facts[facts.measure == "yoy_pct"].set_index("line_item")["value"].to_dict()
    assert changes == {"Revenues": 14.4, "Costs": -6.2, "SG&A": -18.0}
    assert set(facts["column"]) == {"2Q04", "YoY"}


def test_an_unheaded_percent_column_is_shares_only_when_its_figures_are_shares_of_the_100_percent_row():
    shares = UNHEADED_SHARES
    facts = rp.parse_text(shares, calendar=FiscalCalendar(12, "end")).facts.set_index(["line_item", "column"])
    assert facts.loc[("Gross Profit", "column_2"), ["value", "period", "measure", "unit"]].tolist() == [4.1, "4Q25", "value", "%"]
    assert facts.loc[("Tax", "column_4"), ["value", "period"]].tolist() == [0.5, "4Q24"]
    changes = shares.replace("4.1%", "9.1%")  # no longer Gross Profit's share: the column may be a change
    facts = rp.parse_text(changes, calendar=FiscalCalendar(12, "end")).facts.set_index(["line_item", "column"])
    assert pd.isna(facts.loc[("Gross Profit", "column_2"), "period"])
    assert facts.loc[("Gross Profit", "column_4"), "period"] == "4Q24"


def test_a_row_printed_as_two_lines_is_one_row_and_a_table_without_labels_takes_no_implied_period():
    split = (
        "NT$/million                       2025        2024     Y/Y (%)\n"
        "Operating Profit                 8,267       3,533      134.0%\n"
        "                                             6,566       28.3%\n"
        "Non-TIFRS Operating Profit       8,424\n"
    )
    facts = rp.parse_text(split, calendar=FiscalCalendar(12, "end")).facts.set_index(["line_item", "column"])
    assert facts.loc[("Non-TIFRS Operating Profit", "2024"), ["value", "period"]].tolist() == [6566, "FY2024"]
    assert facts.loc[("Non-TIFRS Operating Profit", "Y/Y (%)"), ["value", "measure"]].tolist() == [28.3, "yoy_pct"]
    chart = "Results for 4Q25\n\n                 YoY        QoQ\n                  2%       -1.5%\n           102,412    103,470\n"
    facts = rp.parse_text(chart, calendar=FiscalCalendar(12, "end")).facts
    assert len(facts) == 4 and facts["period"].isna().all()  # a chart's labels, not the release's figures


def test_signed_percents_under_no_header_are_changes_of_no_known_period():
    text = "Results for 4Q25\n\n                  NT$ billion\nProfits before tax      +71%\nEBITDA                  +51%\n"
    facts = rp.parse_text(text, calendar=FiscalCalendar(12, "end")).facts
    assert facts["value"].tolist() == [71, 51] and facts["period"].isna().all()


MONTHLY_SALES = (
    "Monthly sales (NT$ millions)\n"
    "                        2025        2024     + (-) %\n"
    "January                8,481       8,720         (3)\n"
    "February               9,267       7,133          30\n"
    "March 2024             9,372       8,575           9\n"
    "Total                 27,120      24,428          11\n"
)


def test_a_month_row_under_a_years_column_is_that_month_of_the_year():
    facts = rp.parse_text(MONTHLY_SALES, calendar=FiscalCalendar(12, "end")).facts.set_index(["line_item", "column"])
    february = facts.loc[("February", "2025")]
    assert (february.period, february.fiscal_period) == ("Feb 2025", "Feb")
    assert (february.period_start, february.period_end) == (pd.Timestamp("2025-02-01"), pd.Timestamp("2025-02-28"))
    assert facts.loc[("February", "2024")].period_end == pd.Timestamp("2024-02-29")
    change = facts.loc[("January", "+ (-) %")]
    assert (change.period, change.base_period, change.value) == ("Jan 2025", "Jan 2024", -3)
    assert pd.isna(facts.loc[("March 2024", "2025")].period)  # its own year is not the column's: undated
    assert facts.loc[("March 2024", "2024")].period == "Mar 2024"
    assert facts.loc[("Total", "2025")].period == "FY2025"


def test_a_month_row_is_the_month_within_the_columns_fiscal_year():
    text = (
        "Monthly sales (JPY millions)\n"
        "                      FY2024      FY2023     YoY %\n"
        "February               9,267       7,133        30\n"
        "April                  9,372       8,575         9\n"
    )
    facts = rp.parse_text(text, calendar=FiscalCalendar(3, "start")).facts.set_index(["line_item", "column"])
    assert facts.loc[("February", "FY2024")].period == "Feb 2025"  # FY2024 runs April 2024 to March 2025
    assert facts.loc[("April", "FY2024")].period == "Apr 2024"
    assert facts.loc[("February", "YoY %")].base_period == "Feb 2024"


def test_a_week_based_year_leaves_month_rows_undated():
    text = MONTHLY_SALES.replace("March 2024", "March     ")
    facts = rp.parse_text(text, calendar=FiscalCalendar(1, "end", weekday="SUN")).facts
    months = facts[facts["line_item"].isin(["January", "February", "March"])]
    assert len(months) == 9 and months["period"].isna().all()


def test_a_period_alone_on_a_header_line_heads_every_column_and_twin_columns_are_one_period():
    text = (
        "Ferguson results\n"
        "                               Three months ended July 31,\n"
        "US$ (In millions)              2024                  2023                Change\n"
        "                       Reported  Adjusted   Reported  Adjusted   Reported  Adjusted\n"
        "Net sales                 7,946     7,946      7,838     7,838     +1.4 %    +1.4 %\n"
        "Operating profit            811       857        782       814     +3.7 %    +5.3 %\n"
    )
    facts = rp.parse_text(text, calendar=FiscalCalendar(7, "end")).facts
    profit = facts[facts["line_item"] == "Operating profit"]
    values = profit[profit["measure"] == "value"].dropna(subset=["period"])
    assert values[["period", "value"]].values.tolist() == [["4Q24", 811], ["4Q24", 857], ["4Q23", 782], ["4Q23", 814]]
    change = profit[profit["measure"] == "yoy_pct"]
    assert change[["period", "base_period", "value"]].values.tolist() == [["4Q24", "4Q23", 5.3]]
