"""Figures stated in sentences: metric, period, sign and measure from the wording."""

import pytest

import release_parser as rp
from release_parser.normalize.periods import FiscalCalendar

IIJ = FiscalCalendar(year_end_month=3, naming="start")


def prose(text, calendar=IIJ):
    rel = rp.parse_text(text, calendar=calendar)
    return [(f.metric, f.period.label if f.period else None, f.measure, f.value, f.unit, f.scale) for f in rel.prose]


@pytest.fixture
def reference(reference_sample):
    return rp.parse(reference_sample).prose_facts


@pytest.mark.parametrize(
    "metric, period, value, unit, scale",
    [
        ("Total Revenue", "2Q04", 10512, "JPY", 1_000_000),
        ("Operating income", "2Q03", -830, "JPY", 1_000_000),
        ("Operating income", "1H03", -2035, "JPY", 1_000_000),
        ("Net income", "1H03", -2753, "JPY", 1_000_000),
        ("Total contracted bandwidth", "1Q04", 95.6, "Gbps", 1),
        ("Total contracted bandwidth", "2Q04", 104.9, "Gbps", 1),
        ("Number of contracts for dedicated access services", "2Q04", 8880, "contracts", 1),
    ],
)
def test_reference_sample_prose_facts(reference, metric, period, value, unit, scale):
    rows = reference[(reference.metric == metric) & (reference.period == period) & (reference.measure == "value")]
    assert rows.value.tolist() == [value]
    assert (rows.unit.iloc[0], rows.scale.iloc[0]) == (unit, scale)


def test_loss_wording_gives_the_sign_and_carries_over_and():
    facts = prose("(An operating loss of JPY 830 million in 2Q03 and JPY 100 million in 1Q04)")
    assert facts == [
        ("Operating income", "2Q03", "value", -830.0, "JPY", 1_000_000),
        ("Operating income", "1Q04", "value", -100.0, "JPY", 1_000_000),
    ]


def test_decrease_wording_signs_a_change():
    facts = prose("Equipment sales were JPY1,652 million in 2Q04, a decrease of 23.7% from 2Q03.")
    assert facts[1][2:4] == ("yoy_pct", -23.7)


def test_declined_by_compared_to_previous_quarter():
    rel = rp.parse_text("Second Quarter of FY2004\n\nBackbone costs declined by 10.9% compared to 1Q04.", calendar=IIJ)
    fact = rel.prose[0]
    assert (fact.value, fact.measure, fact.base_period.label) == (-10.9, "qoq_pct", "1Q04")


def test_dollar_conversion_is_its_own_row():
    facts = prose("Revenues for 1Q08 were JPY41,118 million ($392.0 million).")
    assert facts == [
        ("Revenues", "1Q08", "value", 41118.0, "JPY", 1_000_000),
        ("Revenues", "1Q08", "value", 392.0, "USD", 1_000_000),
    ]


def test_yoy_and_qoq_after_the_figure():
    facts = prose("VAS revenues continued to improve in 2Q04, increasing 12.9% YoY and 2.8% QoQ.")
    assert [(f[0], f[2], f[3]) for f in facts] == [("VAS revenues", "yoy_pct", 12.9), ("VAS revenues", "qoq_pct", 2.8)]


def test_targets_and_their_period():
    text = (
        "KNS raised its targets for the fiscal year ending March 31, 2009 (\"FY2008\"). "
        "Revenues are now expected to be JPY176.0 billion, up from the previous target of JPY172.0 billion."
    )
    facts = prose(text)
    assert facts == [
        ("Revenues", "FY2008", "target", 176.0, "JPY", 1_000_000_000),
        ("Revenues", "FY2008", "target", 172.0, "JPY", 1_000_000_000),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Call +1-866-555-0134 at 8:00 a.m. on August 7, 2008, passcode 5810327.",
        "Founded in 1994, listed since 2005; see Form 20-F.",
        "U.S. dollar amounts are translated at JPY119.02 = US$1.00 for convenience.",
    ],
)
def test_numbers_that_are_not_figures(text):
    assert prose(text) == []


def test_bullets_run_into_one_paragraph_are_read_one_by_one():
    text = (
        " * Revenue for the quarter came to JPY 18,359 million ($ 164.3 million),\n"
        "   35.1% higher than in 3Q06, driven by recurring revenue.\n"
        " * Operating income reached JPY 1,136 million ($10.2 million), up\n"
        "   15.2% from 3Q06, on higher gross margin.\n"
    )
    facts = prose("Third Quarter FY2007 Results\n\n" + text)
    assert facts == [
        ("Revenue", "3Q07", "value", 18359.0, "JPY", 1_000_000),
        ("Revenue", "3Q07", "value", 164.3, "USD", 1_000_000),
        ("Revenue", "3Q07", "yoy_pct", 35.1, "%", 1),
        ("Operating income", "3Q07", "value", 1136.0, "JPY", 1_000_000),
        ("Operating income", "3Q07", "value", 10.2, "USD", 1_000_000),
        ("Operating income", "3Q07", "yoy_pct", 15.2, "%", 1),
    ]


def test_a_headings_period_leads_the_bullets_after_a_table():
    text = (
        "                  Target             Actual\n"
        " Revenues         JPY33,200 million  JPY33,254 million\n"
        " Net Income       JPY300 million     JPY368 million\n\n"
        "                             1H08 Highlights\n\n"
        " * Revenue rose 10.9% YoY as recurring revenues kept growing.\n"
    )
    assert prose(text) == [("Revenue", "1H08", "yoy_pct", 10.9, "%", 1)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a relative clause is about the noun before its comma, the agent after "supported by"
        (
            "Revenue came in at JPY50,789 million, up 5.0% YoY, supported by recurring revenues, which rose 16.3% YoY.",
            ("Recurring revenues", "9M08", "yoy_pct", 16.3, "%", 1),
        ),
        # a reported clause: what comes after "noted that"
        ("Management noted that total revenue grew 5.0% YoY.", ("Total revenue", "9M08", "yoy_pct", 5.0, "%", 1)),
        # "hit by a deferred tax expense of"
        (
            "Net income was JPY354 million, down 91.3% YoY, hit by a deferred tax expense of JPY972 million.",
            ("Deferred tax expense", "9M08", "value", 972.0, "JPY", 1_000_000),
        ),
        # "X lost JPY ...": a negative income of X
        (
            "Operating income declined 44.6% YoY, largely because the 4 new subsidiaries lost JPY453 million.",
            ("Income of new subsidiaries", "9M08", "value", -453.0, "JPY", 1_000_000),
        ),
        # "X posted an operating loss of": the object, of the subject
        (
            "The new ATM operation business posted an operating loss of JPY467 million (JPY227 million in 9M07).",
            ("Operating income of new ATM operation business", "9M08", "value", -467.0, "JPY", 1_000_000),
        ),
        # "versus a deferred tax benefit of ... in 1H07": the compared figure keeps its own metric and period
        (
            "Net income declined 89.4% YoY, mainly because of tax expense versus a deferred tax benefit of JPY1,970 million in 9M07.",
            ("Deferred tax benefit", "9M07", "value", 1970.0, "JPY", 1_000_000),
        ),
    ],
)
def test_metric_of_a_clause(text, expected):
    assert expected in prose("Nine Months Ended December 31, 2008\n\n" + text)


def test_a_period_qualifying_the_metric_holds_for_the_sentence_and_yoy_for_the_list():
    text = (
        "FY2022 is the second year of the mid-term plan. Management said the year began as planned, "
        "with 1Q22 total revenues up 9.8% and operating profit up 15.3% year over year."
    )
    rel = rp.parse_text(text, calendar=IIJ)
    got = [(f.metric, f.period.label, f.measure, f.base_period.label, f.value) for f in rel.prose]
    assert got == [
        ("Total revenues", "1Q22", "yoy_pct", "1Q21", 9.8),
        ("Operating profit", "1Q22", "yoy_pct", "1Q21", 15.3),
    ]


def test_a_list_shares_its_verb_and_comparison_and_a_share_is_a_value():
    text = (
        "Nine Months Ended December 31, 2008\n\n"
        "Management noted that total revenue grew 5.0% YoY despite the deteriorating economy: connectivity service "
        "grew 13.7%, outsourcing service 13.3% and systems operation and maintenance 21.8% YoY, and these "
        "recurring revenues made up 79% of total revenues."
    )
    assert prose(text) == [
        ("Total revenue", "9M08", "yoy_pct", 5.0, "%", 1),
        ("Connectivity service", "9M08", "yoy_pct", 13.7, "%", 1),
        ("Outsourcing service", "9M08", "yoy_pct", 13.3, "%", 1),
        ("Systems operation and maintenance", "9M08", "yoy_pct", 21.8, "%", 1),
        ("Recurring revenues share of total revenues", "9M08", "value", 79.0, "%", 1),
    ]


def test_a_level_reached_and_the_level_it_came_from():
    text = "Operating income increased 21.2% year over year, and the operating margin improved to 6.4% from 5.7%."
    facts = prose("First Half of FY2011\n\n" + text)
    assert facts[1:] == [
        ("Operating margin", "1H11", "value", 6.4, "%", 1),
        ("Operating margin", "1H10", "value", 5.7, "%", 1),
    ]


def test_period_that_is_the_subject_of_its_clause():
    text = "Net income decreased 4.2%, because 1H FY2010 included a gain of JPY1,350 million on the sale of securities."
    assert ("Gain", "1H10", "value", 1350.0, "JPY", 1_000_000) in prose("First Half of FY2011\n\n" + text)


def test_transitive_verbs_name_their_object_and_an_amount_up_yoy_is_a_yoy_change():
    text = (
        "We raised our FY2010 year-end dividend forecast from JPY1,250 to JPY1,500 per share, which brings the "
        "FY2010 full-year dividend forecast to JPY2,750, up JPY500 YoY."
    )
    rel = rp.parse_text(text, calendar=IIJ)
    got = [(f.metric, f.period.label, f.measure, f.value) for f in rel.prose]
    assert got == [
        ("Year-end dividend", "FY2010", "target", 1250.0),
        ("Year-end dividend", "FY2010", "target", 1500.0),
        ("Dividend", "FY2010", "target", 2750.0),
        ("Dividend", "FY2010", "yoy_change", 500.0),
    ]
    assert rel.prose[-1].base_period.label == "FY2009"


def test_counted_subjects_and_labels_with_a_period():
    text = (
        "Highlights of 1H FY2010 Financial Results\n\n"
        "  • About 1,600 corporate customers and 245 employees came with the acquisition\n"
        "  • FY2010 interim cash dividend: JPY1,250 per share, as planned (1 common share of IIJ equals 400 ADSs).\n"
    )
    assert prose(text) == [
        ("Corporate customers", "1H10", "value", 1600.0, "customers", 1),
        ("Employees", "1H10", "value", 245.0, "employees", 1),
        ("Interim cash dividend", "FY2010", "value", 1250.0, "JPY", 1),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. dollar amounts are convenience translations at JPY83.53 per US$1.00, the noon buying rate.",
        "The interim dividend is unchanged (one common share equals 400 ADSs).",
        "* 10 major companies listed by annual consolidated revenue in each industry.",
        "Initially over 100 sites, which is planned to expand to a few thousand.",
    ],
)
def test_rates_ratios_and_counts_in_passing_are_not_figures(text):
    assert prose(text) == []


def test_an_exchange_rate_is_a_fact_of_the_day_it_names():
    text = (
        "IIJ Announces Results\n\n"
        "1 U.S. dollar amounts are convenience translations at JPY83.53 per US$1.00, the noon buying rate on September 30, 2010.\n"
    )
    facts = rp.parse_text(text, calendar=rp.FiscalCalendar(3, "start")).prose_facts
    rate = facts[facts["metric"].str.startswith("Exchange rate")].iloc[0]
    assert (rate["value"], rate["unit"], str(rate["period_start"].date()), str(rate["period_end"].date())) == (
        83.53, "JPY", "2010-09-30", "2010-09-30",
    )


def test_the_latter_half_of_a_fiscal_year_is_its_second_half():
    facts = rp.parse_text(
        "Total revenues grew by 10.0% year over year in the latter half of FY2014.", calendar=rp.FiscalCalendar(3, "start")
    ).prose_facts
    assert facts[["value", "period", "measure"]].values.tolist() == [[10.0, "2H14", "yoy_pct"]]


def test_figures_under_a_targets_heading_are_targets_and_their_changes_stay_changes():
    text = "FY2015 Targets\n\n• Revenues: JPY 300.0 billion (up 6.7% YoY)\n• Annual dividend: JPY 2,800 per share\n"
    facts = rp.parse_text(text, calendar=FiscalCalendar(3, "start")).prose_facts
    assert facts[["metric", "value", "period", "measure"]].values.tolist() == [
        ["Revenues", 300.0, "FY2015", "target"], ["Revenues", 6.7, "FY2015", "yoy_pct"], ["Annual dividend", 2800.0, "FY2015", "target"],
    ]


@pytest.mark.parametrize(
    "sentence, value, measure",
    [("Operating profit for fiscal 2024 was 5.3% ahead of last year.", 5.3, "yoy_pct"),
     ("Operating profit for fiscal 2024 was 3.2% lower than last year.", -3.2, "yoy_pct"),
     ("Operating profit for fiscal 2024 was 4.0% behind a year ago.", -4.0, "yoy_pct"),
     ("Operating profit for fiscal 2024 was $40 million ahead of last year.", 40.0, "yoy_change")],
)  # fmt: skip
def test_a_comparison_with_last_year_after_the_figure_is_a_year_on_year_change(sentence, value, measure):
    facts = rp.parse_text(sentence, calendar=rp.FiscalCalendar(7, "end")).prose_facts
    assert facts[["value", "measure", "period", "base_period"]].values.tolist() == [[value, measure, "FY2024", "FY2023"]]


def test_the_low_end_of_a_range_takes_the_scale_printed_at_its_high_end():
    facts = rp.parse_text(
        "In fiscal 2025 we expect capital expenditures of $400 - $450 million.", calendar=rp.FiscalCalendar(7, "end")
    ).prose_facts
    assert facts[["value", "unit", "scale"]].values.tolist() == [[400.0, "USD", 1_000_000], [450.0, "USD", 1_000_000]]
    percents = rp.parse_text("In fiscal 2025 we expect a margin of 9.0% - 9.5%.", calendar=rp.FiscalCalendar(7, "end"))
    assert percents.prose_facts[["value", "scale"]].values.tolist() == [[9.0, 1], [9.5, 1]]


def test_a_percent_followed_by_the_ratio_it_is_names_that_ratio():
    facts = rp.parse_text(
        "In fiscal 2024, operating profit was $2.8 billion (9.5% adjusted operating margin).",
        calendar=rp.FiscalCalendar(7, "end"),
    ).prose_facts
    assert facts[["metric", "value", "measure"]].values.tolist() == [
        ["Operating profit", 2.8, "value"], ["Adjusted operating margin", 9.5, "value"]]


NVIDIA = FiscalCalendar(1, "end", weekday="SUN")
FOURTH_QUARTER = "NVIDIA Announces Financial Results for Fourth Quarter and Fiscal 2025\nFebruary 26, 2025\n\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        # an amount after a percent is no conversion of it: the level reached, not a second change
        (
            "Operating income in the fourth quarter rose 77% to $24.0 billion.",
            [("Operating income", "4Q25", "pct_change", 77.0, "%", 1),
             ("Operating income", "4Q25", "value", 24.0, "USD", 1_000_000_000)],
        ),
        # "full-year" is the release's fiscal year, in the sentence after a quarterly one too
        (
            "Fourth-quarter revenue was $35.6 billion. Full-year revenue rose 142% to a record $115.2 billion.",
            [("Revenue", "4Q25", "value", 35.6, "USD", 1_000_000_000),
             ("Revenue", "FY2025", "pct_change", 142.0, "%", 1),
             ("Record", "FY2025", "value", 115.2, "USD", 1_000_000_000)],
        ),
        # "in <period>" after the metric's noun, then the verb to the figure; the period is no metric word
        ("Net income in fiscal 2025 was $72.9 billion.", [("Net income", "FY2025", "value", 72.9, "USD", 1_000_000_000)]),
        ("Revenue for fiscal 2025 was $130.5 billion.", [("Revenue", "FY2025", "value", 130.5, "USD", 1_000_000_000)]),
        # ... but not a period the figure before it belongs to
        (
            "Revenues increased from $9,185 million in 4Q24 to $10,512 million in 4Q25.",
            [("Revenues", "4Q24", "value", 9185.0, "USD", 1_000_000), ("Revenues", "4Q25", "value", 10512.0, "USD", 1_000_000)],
        ),
        # the comparison in words: the change's measure and base, and the metric of the figure before
        (
            "Gaming revenue was $2.5 billion, down 22% from the previous quarter and down 11% from a year ago.",
            [("Gaming revenue", "4Q25", "value", 2.5, "USD", 1_000_000_000),
             ("Gaming revenue", "4Q25", "qoq_pct", -22.0, "%", 1),
             ("Gaming revenue", "4Q25", "yoy_pct", -11.0, "%", 1)],
        ),
        # "reported" takes its object as the metric, the clause after a dated object included ...
        (
            "NVIDIA today reported revenue for the fourth quarter ended January 26, 2025, of $39.3 billion.",
            [("Revenue", "4Q25", "value", 39.3, "USD", 1_000_000_000)],
        ),
        # ... but opening the phrase it names the basis
        ("Reported operating profit was $811 million.", [("Reported operating profit", "4Q25", "value", 811.0, "USD", 1_000_000)]),
        # a margin's move in points is a change, signed by its wording; a score in points stays a level
        (
            "Gross margin was 73.0%, down 2.0 points from the prior quarter.",
            [("Gross margin", "4Q25", "value", 73.0, "%", 1), ("Gross margin", "4Q25", "qoq_change", -2.0, "points", 1)],
        ),
        ("Operating margin of 10.2%, up 20 bps on prior year.",
         [("Operating margin", "4Q25", "value", 10.2, "%", 1), ("Operating margin", "4Q25", "yoy_change", 20.0, "bp", 1)]),
        ("Our Net Promoter Score was 45 points.", [("Net Promoter Score", "4Q25", "value", 45.0, "points", 1)]),
        ("Gross margin of 30.5% was 10 basis points ahead of last year.",
         [("Gross margin", "4Q25", "value", 30.5, "%", 1), ("Gross margin", "4Q25", "yoy_change", 10.0, "bp", 1)]),
        # the precision of an outlook is no figure of its own
        ("Revenue is expected to be $43.0 billion, plus or minus 2%.",
         [("Revenue", "4Q25", "target", 43.0, "USD", 1_000_000_000)]),
        ("Gross margin is expected to be 46% ± 1.5%.", [("Gross margin", "4Q25", "target", 46.0, "%", 1)]),
        # a year printed after "full year" is that year's, not the release's
        ("For the full year 2024, revenue was $60.9 billion.", [("Revenue", "FY2024", "value", 60.9, "USD", 1_000_000_000)]),
        ("Full-year fiscal 2024 revenue was $60.9 billion.", [("Revenue", "FY2024", "value", 60.9, "USD", 1_000_000_000)]),
    ],
)
def test_periods_and_levels_of_a_results_paragraph(text, expected):
    assert prose(FOURTH_QUARTER + text + "\n", calendar=NVIDIA) == expected
