"""Concepts: one name for a metric across releases, from rules that are data."""

import pandas as pd
import pytest

import release_parser as rp
from release_parser.concepts import ConceptMap, ConceptRule


@pytest.mark.parametrize("key, concept", [
    ("total_revenues", "revenues"),
    ("revenues", "revenues"),
    ("net_sales", "revenues"),
    ("total_revenue", "revenues"),
    ("operating_income_loss", "operating_income"),
    ("operating_profit", "operating_income"),
    ("net_income_attributable_to_iij", "net_income"),
    ("net_profit", "net_income"),
    ("profit_attributable_to_owners_of_the_parent", "net_income"),
    ("net_income_attributable_to_noncontrolling_interests", "net_income_noncontrolling"),
    ("net_income_attributable_to_non_controlling_interests", "net_income_noncontrolling"),
    ("backbone_costs", "backbone_costs"),  # no rule: its own concept
])
def test_shipped_rules_name_the_concept(key, concept):
    assert rp.concept_map().concept_of(key) == concept


def test_the_first_matching_rule_wins_and_yours_come_first():
    mapping = ConceptMap([ConceptRule("a", "x_*"), ConceptRule("b", "x_y"), ConceptRule("c", "x_*_z")])
    assert mapping.concept_of("x_y") == "a"
    assert mapping.concept_of("x_q_z") == "a"
    assert mapping.extended({"mine": ["x_y"]}).concept_of("x_y") == "mine"
    assert rp.concept_map({"net_income": "profit_for_the_year"}).concept_of("profit_for_the_year") == "net_income"
    assert rp.concept_map({"sales": ["net_sales"]}).concept_of("net_sales") == "sales"


def test_concepts_lists_rules_in_the_order_tried(tmp_path):
    shipped = rp.concepts()
    assert list(shipped.columns) == ["concept", "line_item_key", "note"]
    assert len(shipped) == len(rp.concept_map())
    rules = tmp_path / "mine.csv"
    rules.write_text("# my rules\nconcept,line_item_key\nbandwidth,total_contracted_bandwidth\n", encoding="utf-8")
    extended = rp.concepts(rules)
    assert extended.iloc[0].tolist() == ["bandwidth", "total_contracted_bandwidth", ""]
    assert len(extended) == len(shipped) + 1
    frame = pd.DataFrame({"concept": ["bandwidth"], "line_item_key": ["contracted_bandwidth"]})
    assert rp.concept_map(frame).concept_of("contracted_bandwidth") == "bandwidth"


def test_a_rules_file_without_the_columns_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,pattern\na,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match="concept,line_item_key"):
        rp.concepts(bad)
    with pytest.raises(TypeError):
        rp.concept_map(42)


def test_facts_and_prose_facts_carry_concept_and_amount():
    rel = rp.parse("samples/kns_1h_fy2011_pipe.md")
    facts = rel.facts.set_index(["table", "line_item", "period", "measure"])
    billions = facts.loc[(0, "Total revenues", "1H11", "value")]
    millions = facts.loc[(1, "Total revenues", "1H11", "value")]
    assert (billions.concept, billions.value, billions.scale, billions.amount) == ("revenues", 198.4, 10**9, 198_400_000_000)
    assert (millions.concept, millions.value, millions.amount) == ("revenues", 198_412, 198_412_000_000)
    growth = facts.loc[(0, "Total revenues", "1H11", "yoy_pct")]
    assert (growth.value, growth.amount) == (8.3, 8.3)  # percents stay percents
    net = facts.loc[(1, "Net income attributable to KNS", "1H11", "value")]
    assert (net.concept, net.amount) == ("net_income", 6_912_000_000)
    prose = rel.prose_facts.set_index(["metric", "measure"]).loc[("Total revenues", "value")]
    assert (prose.concept, prose.amount) == ("revenues", 198_412_000_000)


def test_facts_put_what_people_read_first_and_provenance_last():
    facts = rp.parse("samples/iij_2q_fy2004_results.txt").facts
    assert list(facts.columns[:7]) == ["line_item", "period", "measure", "value", "unit", "scale", "amount"]
    assert list(facts.columns[-7:]) == ["source", "page", "line", "x0", "top", "x1", "bottom"]


def test_parse_names_concepts_by_your_rules():
    rel = rp.parse("samples/kns_1h_fy2011_pipe.md", concepts={"top_line": ["revenues", "total_revenues"]})
    revenue_rows = rel.facts[rel.facts.line_item_key.isin(["revenues", "total_revenues"])]
    assert set(revenue_rows.concept) == {"top_line"}
    assert set(rel.prose_facts[rel.prose_facts.metric_key == "total_revenues"].concept) == {"top_line"}
    assert rp.parse("samples/kns_1h_fy2011_pipe.md").facts.set_index("line_item_key").loc["revenues", "concept"].iloc[0] \
        == "revenues"
    text = rp.parse_text("Turnover\t2Q04\nTurnover\t10,512", concepts={"revenues": "turnover"})
    assert text.facts["concept"].tolist() == ["revenues"]
