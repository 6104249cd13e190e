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
