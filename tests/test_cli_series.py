"""``release-parser timeseries``, ``restatements`` and ``concepts``: each format's content and each failure."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

import release_parser as rp
from release_parser import cli

REPO = Path(__file__).resolve().parents[1]
KNS_1H11 = REPO / "samples" / "kns_1h_fy2011_pipe.md"
KNS_3Q11 = REPO / "tests" / "data" / "timeseries" / "kns_3q_fy2011_restated.txt"
IIJ = REPO / "samples" / "iij_2q_fy2004_results.txt"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('series') / 'releases.db'}"
    rp.ingest([str(IIJ), str(KNS_1H11), str(KNS_3Q11)], db=url, workers=0, progress=False)
    return url


def read(fmt: str, out: str, target: Path) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(io.StringIO(out))
    if fmt == "json":
        return pd.DataFrame(json.loads(out))
    return pd.read_parquet(target)


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_timeseries_formats_hold_the_series(capsys, db, tmp_path, fmt):
    target = tmp_path / "series.parquet"
    extra = ["--output", target] if fmt == "parquet" else []
    code, out, _ = run(capsys, "timeseries", "revenues", "--db", db, "--company", "Kanto Network Systems Inc.",
                       "--format", fmt, *extra)
    assert code == 0
    frame = read(fmt, out, target)
    assert frame["period"].tolist() == ["1Q11", "2Q11", "3Q11"]
    assert frame["amount"].tolist() == [92_410_000_000, 106_107_000_000, 101_552_000_000]
    assert frame["restated"].tolist() == [True, False, False]


def test_timeseries_table_from_files(capsys):
    code, out, _ = run(capsys, "timeseries", "revenues", KNS_1H11, KNS_3Q11, "--freq", "half")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["period", "fiscal_year", "period_start", "period_end"]
    assert [line.split()[0] for line in lines[1:]] == ["1H10", "1H11"]
    assert "198412000000" in lines[2]


def test_timeseries_of_several_companies_names_the_flag(capsys, db):
    code, _, err = run(capsys, "timeseries", "revenues", "--db", db)
    assert code == 2 and err.count("\n") == 1
    assert "reported by 2 companies" in err and "give --company NAME" in err


@pytest.mark.parametrize("argv, message", [
    (["timeseries", "revenues"], "give release files or --db URL"),
    (["timeseries", "revenues", "x.txt", "--db", "sqlite:///x.db"], "give release files or --db, not both"),
])
def test_timeseries_source_errors(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_timeseries_of_a_missing_database_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "timeseries", "revenues", "--db", tmp_path / "none.db")
    assert code == 1 and "no such SQLite file" in err and err.count("\n") == 1


def test_timeseries_with_nothing_says_so(capsys):
    code, out, _ = run(capsys, "timeseries", "backbone_costs", KNS_1H11)
    assert code == 0 and out == "no value of 'backbone_costs' with a period\n"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "parquet"])
def test_restatements_formats(capsys, db, tmp_path, fmt):
    target = tmp_path / "changes.parquet"
    extra = ["--output", target] if fmt == "parquet" else []
    code, out, _ = run(capsys, "restatements", "--db", db, "--format", fmt, *extra)
    assert code == 0
    if fmt == "table":
        assert "1Q11" in out and "92,305" in out and "92,410" in out and out.count("\n") == 2
        return
    frame = read(fmt, out, target)
    assert frame[["period", "old_amount", "new_amount"]].values.tolist() == [["1Q11", 92_305_000_000, 92_410_000_000]]


def test_no_restatements_says_so(capsys):
    code, out, _ = run(capsys, "restatements", KNS_1H11)
    assert code == 0 and out == "no restatements\n"


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "parquet"])
def test_concepts_of_a_database(capsys, db, tmp_path, fmt):
    target = tmp_path / "concepts.parquet"
    extra = ["--output", target] if fmt == "parquet" else []
    code, out, _ = run(capsys, "concepts", "--db", db, "--format", fmt, *extra)
    assert code == 0
    if fmt == "table":
        assert out.splitlines()[0].split() == ["concept", "line_item_key", "line_item", "facts", "releases"]
        return
    frame = read(fmt, out, target).set_index("line_item_key")
    assert frame.loc["total_revenues", "concept"] == "revenues"
    assert frame.loc["revenues", "releases"] == 2  # KNS 1H and 3Q print "Revenues"
    assert frame.loc["net_income_attributable_to_kns", "concept"] == "net_income"


def test_concepts_without_a_source_lists_the_rules(capsys):
    code, out, _ = run(capsys, "concepts", "--format", "csv")
    rules = pd.read_csv(io.StringIO(out), keep_default_na=False, dtype=str)
    assert code == 0 and rules.values.tolist() == rp.concepts().values.tolist()
