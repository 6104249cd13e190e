"""Time series and the latest-value views through SQLite and PostgreSQL."""

from pathlib import Path

import pandas as pd

import release_parser as rp
from release_parser.ingest import query

ROOT = Path(__file__).resolve().parents[2]
KNS = sorted(str(path) for path in (ROOT / "samples").glob("kns_*") if not path.name.endswith(".json"))
RESTATED = str(ROOT / "tests" / "data" / "timeseries" / "kns_3q_fy2011_restated.txt")


def test_timeseries_from_a_database_flags_restatements(db_url):
    rp.ingest([*KNS, RESTATED], db=db_url, workers=1, progress=False)
    series = rp.timeseries(db_url, "revenues")
    assert series.index.freqstr == "Q-MAR"
    assert series["period"].tolist() == ["3Q05", "2Q06", "3Q06", "1Q07", "1Q08", "1Q11", "2Q11", "3Q11", "4Q13", "4Q14"]
    by_period = series.set_index("period")
    assert by_period.loc["1Q11", "amount"] == 92_410_000_000 and by_period.loc["1Q11", "restated"]
    assert by_period.loc["4Q14", "amount"] == 79_384_000_000 and not by_period.loc["4Q14", "restated"]
    assert by_period["published"].loc["4Q14"] == pd.Timestamp("2015-05-14")
    changes = rp.restatements(db_url, "revenues")
    assert changes[["period", "old_amount", "new_amount"]].values.tolist() == [["1Q11", 92_305_000_000, 92_410_000_000]]


def test_dates_are_dates_and_facts_latest_answers_once(db_url):
    rp.ingest([str(ROOT / "samples" / "iij_2q_fy2004_results.txt"), *KNS, RESTATED], db=db_url, workers=1,
              progress=False)
    one = query(db_url, "select amount, unit from facts_latest"
                        " where concept = 'revenues' and period = '2Q04' and measure = 'value'")
    assert one.values.tolist() == [[10_512_000_000, "JPY"]]
    restated = query(db_url, "select amount, published from timeseries"
                             " where concept = 'revenues' and period_start = '2011-04-01' and period_end = '2011-06-30'")
    assert restated["amount"].tolist() == [92_410_000_000]
    assert str(restated["published"][0]) == "2012-02-09"
    ordered = query(db_url, "select period from timeseries where concept = 'revenues'"
                            " and company = 'Kanto Network Systems Inc.' and fiscal_period = 'FY' order by period_start")
    assert ordered["period"].tolist() == ["FY2013", "FY2014"]


def test_ingest_names_concepts_by_your_rules(tmp_path):
    url = f"sqlite:///{tmp_path / 'mine.db'}"
    rp.ingest([str(ROOT / "samples" / "kns_1h_fy2011_pipe.md")], db=url, workers=0, progress=False,
              concepts={"top_line": ["revenues", "total_revenues"]})
    concepts = query(url, "select distinct concept from facts where line_item_key in ('revenues', 'total_revenues')")
    assert concepts["concept"].tolist() == ["top_line"]
    assert rp.timeseries(url, "top_line", freq="half")["period"].tolist() == ["1H10", "1H11"]
