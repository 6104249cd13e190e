"""Every output format of parse and check holds what the Python API gives (content, not just "no crash")."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import release_parser as rp
from release_parser import cli

from test_cli_series import REPO, run

SAMPLE = REPO / "samples" / "iij_2q_fy2004_results.txt"
RELEASE = rp.parse(SAMPLE)


def read(fmt: str, out: str, target) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(io.StringIO(out))
    if fmt == "json":
        return pd.DataFrame(json.loads(out))
    return pd.read_parquet(target)


EXPECTED = {
    "facts": (RELEASE.facts, ["line_item", "period", "measure", "value", "amount"]),
    "highlights": (RELEASE.highlights, ["text", "level", "marker"]),
    "prose": (RELEASE.prose_facts, ["metric", "period", "measure", "value"]),
}


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
@pytest.mark.parametrize("what", list(EXPECTED))
def test_parse_formats_hold_the_frames(capsys, tmp_path, what, fmt):
    target = tmp_path / "out.parquet"
    extra = ["--output", target] if fmt == "parquet" else []
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", what, "--format", fmt, *extra)
    assert code == 0
    frame, columns = EXPECTED[what]
    got = read(fmt, out, target)
    assert list(got.columns) == list(frame.columns)
    assert got[columns].astype(object).where(got[columns].notna(), None).values.tolist() == \
        frame[columns].astype(object).where(frame[columns].notna(), None).values.tolist()


@pytest.mark.parametrize("what, needle", [("facts", "Total Revenues"), ("highlights", "Revenue substantially increased"),
                                          ("prose", "Operating income")])
def test_parse_text_tables_show_the_rows(capsys, what, needle):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", what)
    assert code == 0 and needle in out
    rows = {"facts": len(RELEASE.facts), "highlights": len(RELEASE.highlights), "prose": len(RELEASE.prose_facts)}
    assert len(out.splitlines()) >= rows[what] + 1  # a header and every row, wrapped or not


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_check_formats_hold_every_check(capsys, tmp_path, fmt):
    target = tmp_path / "checks.parquet"
    extra = ["--output", target] if fmt == "parquet" else []
    code, out, _ = run(capsys, "check", SAMPLE, "--format", fmt, *extra)
    assert code == 0
    got = read(fmt, out, target)
    assert len(got) == len(RELEASE.checks) and set(got["file"]) == {str(SAMPLE)}
    assert got["rule"].tolist() == RELEASE.checks["rule"].tolist()
    assert got["passed"].astype(bool).all()


def test_check_table_is_a_verdict_per_file(capsys):
    code, out, _ = run(capsys, "check", SAMPLE, "--all")
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"{SAMPLE}: {RELEASE.verdict}"
    assert len(lines) == 1 + len(RELEASE.checks) and all(line.startswith("  ok   ") for line in lines[1:])


def test_version_names_the_package(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"release-parser {rp.__version__}"
