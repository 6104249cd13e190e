"""One concept across releases: latest value per period, restatements, conflicts."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

import release_parser as rp

ROOT = Path(__file__).resolve().parents[1]
KNS_1H11 = ROOT / "samples" / "kns_1h_fy2011_pipe.md"
KNS_3Q11 = ROOT / "tests" / "data" / "timeseries" / "kns_3q_fy2011_restated.txt"

QUARTER_RELEASE = """Kanto Network Systems Inc.
Second Quarter Results for the Fiscal Year Ending March 31, 2012
Tokyo, November 10, 2011

Quarterly Revenues (JPY millions)
                 1Q11        2Q11
Revenues       92,305     106,107
Total revenues 92,305     106,170
"""


@pytest.fixture(scope="module")
def releases():
    return [rp.parse(KNS_1H11), rp.parse(KNS_3Q11)]


def test_one_row_per_period_from_the_latest_release(releases):
    series = rp.timeseries(releases, "revenues")
    assert isinstance(series.index, pd.PeriodIndex) and series.index.freqstr == "Q-MAR"
    assert series["period"].tolist() == ["1Q11", "2Q11", "3Q11"]
    assert series["amount"].tolist() == [92_410_000_000, 106_107_000_000, 101_552_000_000]
    assert series.index[0].start_time == pd.Timestamp("2011-04-01")
    assert series["release"].tolist() == [str(KNS_3Q11)] * 3
    assert series["published"].tolist() == [pd.Timestamp("2012-02-09")] * 3


def test_a_value_changed_by_a_later_release_is_flagged_restated(releases):
    series = rp.timeseries(releases, "revenues").set_index("period")
    assert series.loc["1Q11", "restated"] and series.loc["1Q11", "previous_amount"] == 92_305_000_000
    assert not series.loc["2Q11", "restated"]  # reported again, unchanged
    assert not series.loc["3Q11", "restated"] and pd.isna(series.loc["3Q11", "previous_amount"])
    changes = rp.restatements(releases)
    assert changes[["concept", "period", "old_amount", "new_amount", "old_raw", "new_raw"]].values.tolist() == [
        ["revenues", "1Q11", 92_305_000_000, 92_410_000_000, "92,305", "92,410"]]
    assert changes.loc[0, "new_published"] == pd.Timestamp("2012-02-09")


def test_figures_of_one_period_at_two_precisions_collapse_into_the_finer(releases):
    series = rp.timeseries(releases[:1], "revenues", freq="half")
    assert series["period"].tolist() == ["1H10", "1H11"]
    assert series.index.freqstr == "6M" and str(series.index[1]) == "2011-04"
    # 198.4 billion (table 0) and 198,412 million (tables 1, 2) agree: the finer one stands
    assert series.set_index("period").loc["1H11", "amount"] == 198_412_000_000
    assert not series["conflicting"].any()


def test_figures_of_one_period_that_disagree_are_reported():
    rel = rp.parse_text(QUARTER_RELEASE, source="kns_2q11.txt")
    with pytest.warns(rp.ReleaseWarning, match="2Q11 is printed as 106,107, 106,170, which disagree"):
        series = rp.timeseries(rel, "revenues")
    assert series.set_index("period")["conflicting"].to_dict() == {"1Q11": False, "2Q11": True}


def test_years_and_units(releases):
    rel = rp.parse(ROOT / "samples" / "kns_1q_fy2008_newswire.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        jpy = rp.timeseries(rel, "revenues")
        usd = rp.timeseries(rel, "revenues", unit="USD")
    assert jpy.set_index("period")["amount"].to_dict() == {"1Q07": 36_713_000_000, "1Q08": 41_118_000_000}
    assert usd["amount"].tolist() == [392_000_000]
    fiscal = rp.timeseries(rp.parse(ROOT / "samples" / "kns_fy2014_layout.txt"), "revenues", freq="year")
    assert fiscal.index.freqstr == "Y-MAR" and fiscal["period"].tolist() == ["FY2013", "FY2014"]


def test_several_companies_need_a_choice(releases):
    iij = rp.parse(ROOT / "samples" / "iij_2q_fy2004_results.txt")
    with pytest.raises(ValueError, match="2 companies"):
        rp.timeseries([iij, *releases], "revenues")
    only = rp.timeseries([iij, *releases], "revenues", company="Internet Initiative Japan Inc.")
    assert only["period"].tolist() == ["2Q03", "1Q04", "2Q04"]
    with pytest.raises(ValueError, match="unknown freq"):
        rp.timeseries(releases, "revenues", freq="weekly")


def test_concepts_of_your_own(releases):
    series = rp.timeseries(releases, "top_line", concepts={"top_line": ["revenues", "total_revenues"]})
    assert series["amount"].tolist() == [92_410_000_000, 106_107_000_000, 101_552_000_000]


def test_an_ingest_result_is_a_source_too():
    result = rp.ingest([str(KNS_1H11), str(KNS_3Q11)], workers=0, progress=False)
    series = rp.timeseries(result, "revenues")
    assert series["amount"].tolist() == [92_410_000_000, 106_107_000_000, 101_552_000_000]
    assert series["restated"].tolist() == [True, False, False]
    assert rp.restatements(result)["period"].tolist() == ["1Q11"]
    with pytest.raises(TypeError, match="database URL, an ingest result or releases"):
        rp.timeseries([42], "revenues")
