"""The ``release-parser`` command: every command, its errors, and the README's main job."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from release_parser import cli
from release_parser.frames import FACT_COLUMNS, PROSE_FACT_COLUMNS

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "iij_2q_fy2004_results.txt"
DONE_WHEN = "select value from facts where line_item_key = 'total_revenues' and period = '2Q04'"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# ---------------------------------------------------------------------------
# help
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["parse"], ["check"], ["ingest"], ["export"], ["query"], ["period"],
                                     ["timeseries"], ["restatements"], ["concepts"]])
def test_help_shows_examples(capsys, command):
    with pytest.raises(SystemExit) as exited:
        cli.main([*command, "--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert "examples:" in out and "release-parser " + (command[0] if command else "") in out


def test_console_script_is_installed():
    script = shutil.which("release-parser", path=str(Path(sys.executable).parent))
    assert script is not None
    done = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "ingest" in done.stdout


# ---------------------------------------------------------------------------
# parse
# ---------------------------------------------------------------------------


def test_parse_summary(capsys):
    code, out, _ = run(capsys, "parse", SAMPLE)
    assert code == 0 and "Internet Initiative Japan Inc." in out and "Highlights" in out


def test_parse_facts_csv(capsys):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "facts", "--format", "csv")
    header = out.splitlines()[0].split(",")
    assert code == 0 and header == list(FACT_COLUMNS)
    assert "10512.0" in out


def test_parse_prose_json(capsys):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "prose", "--format", "json")
    records = json.loads(out)
    assert code == 0 and isinstance(records, list)
    if records:
        assert set(records[0]) == set(PROSE_FACT_COLUMNS)


def test_parse_tables_text_and_csv(capsys):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "tables")
    assert code == 0 and "Table 0: Second Quarter of FY2004" in out
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "tables", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("table,title,unit,scale,row,column")


def test_parse_highlights_table(capsys):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "highlights")
    assert code == 0 and "Revenue substantially increased" in out


def test_parse_parquet_output(capsys, tmp_path):
    target = tmp_path / "facts.parquet"
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "facts", "--format", "parquet", "--output", target)
    assert code == 0 and f"to {target}" in out
    back = pd.read_parquet(target)
    expected = __import__("release_parser").parse(SAMPLE).facts
    pd.testing.assert_frame_equal(back.astype(expected.dtypes.to_dict()), expected)
    assert dict(back.dtypes.astype(str)) == dict(expected.dtypes.astype(str))


def test_parse_parquet_needs_an_output(capsys):
    code, _, err = run(capsys, "parse", SAMPLE, "--what", "facts", "--format", "parquet")
    assert code == 2 and "--output" in one_line_error(err)


def test_parse_summary_has_no_csv(capsys):
    code, _, err = run(capsys, "parse", SAMPLE, "--format", "csv")
    assert code == 2 and "--what" in one_line_error(err)


def test_parse_missing_file_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "parse", tmp_path / "missing.txt")
    assert code == 1 and one_line_error(err).startswith("release-parser: error: ")


def test_parse_output_to_a_file(capsys, tmp_path):
    target = tmp_path / "facts.json"
    code, _, _ = run(capsys, "parse", SAMPLE, "--what", "facts", "--format", "json", "-o", target)
    assert code == 0 and len(json.loads(target.read_text(encoding="utf-8"))) > 0


# ---------------------------------------------------------------------------
# ingest and query: the README's main job
# ---------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path) -> Path:
    """The samples folder, plus a corrupt PDF."""
    target = tmp_path / "samples"
    shutil.copytree(REPO / "samples", target)
    (target / "corrupt.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\x00\x01\x02")
    return target


def test_ingest_then_query(capsys, folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'out' / 'releases.db'}"
    code, out, _ = run(capsys, "ingest", folder, "--db", url, "--workers", "2", "--no-progress")
    assert code == 0
    assert "1 failed" in out and f"failed: {folder / 'corrupt.pdf'}: " in out
    code, out, _ = run(capsys, "query", "--db", url, DONE_WHEN, "--format", "json")
    assert code == 0 and json.loads(out)[0] == {"value": 10512.0}
    code, out, _ = run(capsys, "query", "--db", url, DONE_WHEN + " and measure = 'value'")
    assert code == 0 and out.split() == ["value", "10512"]


def test_ingest_twice_changes_no_row_count(capsys, folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'releases.db'}"
    tables = ["documents", "tables", "facts", "highlights", "prose_facts", "ingest_errors"]
    counts_sql = " union all ".join(f"select '{t}' as name, count(*) as n from {t}" for t in tables)
    run(capsys, "ingest", folder, "--db", url, "--no-progress")
    _, first, _ = run(capsys, "query", "--db", url, counts_sql, "--format", "csv")
    code, out, _ = run(capsys, "ingest", folder, "--db", url, "--no-progress")
    _, second, _ = run(capsys, "query", "--db", url, counts_sql, "--format", "csv")
    assert code == 0 and " 0 loaded" in out
    assert first == second
    assert "ingest_errors,1" in first


def test_ingest_strict_exit_code(capsys, folder, tmp_path):
    code, _, _ = run(capsys, "ingest", folder, "--db", tmp_path / "r.db", "--no-progress", "--workers", "0", "--strict")
    assert code == 1


def test_ingest_parquet_only(capsys, tmp_path):
    code, out, _ = run(capsys, "ingest", SAMPLE, "--parquet", tmp_path / "pq", "--no-progress", "--workers", "0")
    assert code == 0 and (tmp_path / "pq" / "facts").is_dir() and "1 loaded" in out


@pytest.mark.parametrize("argv, code, words", [
    (["ingest", "samples/"], 2, "--db"),
    (["ingest", "samples/", "--db", "nosuchdriver://x"], 1, "cannot open database"),
    (["query", "--db", "missing.db", "select 1"], 1, "no such SQLite file"),
    (["ingest", "samples/", "--db", "x.db", "--workers", "many"], 2, "invalid int value"),
    (["frobnicate"], 2, "invalid choice"),
])
def test_errors_are_one_line(capsys, tmp_path, monkeypatch, argv, code, words):
    monkeypatch.chdir(tmp_path)
    try:
        got = cli.main(argv)
    except SystemExit as exited:
        got = exited.code
    assert got == code
    line = one_line_error(capsys.readouterr().err)
    assert line.startswith("release-parser") and words in line


def test_query_error_is_one_line(capsys, tmp_path):
    run(capsys, "ingest", SAMPLE, "--db", tmp_path / "r.db", "--no-progress", "--workers", "0")
    code, _, err = run(capsys, "query", "--db", tmp_path / "r.db", "select nope from facts")
    assert code == 1 and "no such column" in one_line_error(err)


def test_query_empty_result(capsys, tmp_path):
    run(capsys, "ingest", SAMPLE, "--db", tmp_path / "r.db", "--no-progress", "--workers", "0")
    code, out, _ = run(capsys, "query", "--db", tmp_path / "r.db", "select value from facts where 1 = 0")
    assert code == 0 and out.strip() == "(no rows; columns: value)"


def test_schema_version_error_is_one_line(capsys, tmp_path):
    import sqlite3

    target = tmp_path / "r.db"
    run(capsys, "ingest", SAMPLE, "--db", target, "--no-progress", "--workers", "0")
    with sqlite3.connect(target) as conn:
        conn.execute("update schema_info set value = '999' where key = 'schema_version'")
    code, _, err = run(capsys, "ingest", SAMPLE, "--db", target, "--no-progress")
    assert code == 1 and "newer" in one_line_error(err)


# ---------------------------------------------------------------------------
# period
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("argv, start, end, label", [
    (["2Q04", "--fy-end", "3", "--naming", "start"], "2004-07-01", "2004-09-30", "2Q04"),
    (["2Q04", "--fy-end", "3", "--naming", "end"], "2003-07-01", "2003-09-30", "2Q04"),
    (["2Q04"], "2003-07-01", "2003-09-30", "2Q04"),
    (["First Half of FY2011", "--naming", "start"], "2011-04-01", "2011-09-30", "1H11"),
    (["FY2010", "--fy-end", "12"], "2010-01-01", "2010-12-31", "FY2010"),
])
def test_period(capsys, argv, start, end, label):
    code, out, _ = run(capsys, "period", *argv, "--format", "json")
    record = json.loads(out)
    assert code == 0 and (record["start"], record["end"], record["label"]) == (start, end, label)


def test_period_table(capsys):
    code, out, _ = run(capsys, "period", "2Q04", "--fy-end", "3", "--naming", "start")
    assert code == 0
    assert "start          2004-07-01" in out and "named by start year" in out


@pytest.mark.parametrize("argv, code, words", [
    (["period", "not a period"], 1, "not a fiscal period"),
    (["period", "2Q04", "--fy-end", "13"], 2, "1-12"),
    (["period", "2Q04", "--naming", "middle"], 2, "invalid choice"),
])
def test_period_errors(capsys, argv, code, words):
    try:
        got = cli.main(argv)
    except SystemExit as exited:
        got = exited.code
    assert got == code and words in one_line_error(capsys.readouterr().err)


# ---------------------------------------------------------------------------
# query: every format
# ---------------------------------------------------------------------------

REVENUES = ("select period, measure, value from facts where line_item_key = 'total_revenues'"
            " and period in ('2Q03', '2Q04') and measure = 'value' order by period")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """A database holding the IIJ sample."""
    target = tmp_path_factory.mktemp("db") / "r.db"
    assert cli.main(["ingest", str(SAMPLE), "--db", str(target), "--no-progress", "--workers", "0"]) == 0
    return target


def test_query_table(capsys, sample_db):
    code, out, _ = run(capsys, "query", "--db", sample_db, REVENUES)
    assert code == 0
    assert [line.split() for line in out.splitlines()] == [
        ["period", "measure", "value"], ["2Q03", "value", "9185"], ["2Q04", "value", "10512"]]


def test_query_csv(capsys, sample_db):
    code, out, _ = run(capsys, "query", "--db", sample_db, REVENUES, "--format", "csv")
    assert code == 0 and out.splitlines() == ["period,measure,value", "2Q03,value,9185.0", "2Q04,value,10512.0"]


def test_query_json(capsys, sample_db):
    code, out, _ = run(capsys, "query", "--db", sample_db, REVENUES, "--format", "json")
    assert code == 0 and json.loads(out) == [{"period": "2Q03", "measure": "value", "value": 9185.0},
                                             {"period": "2Q04", "measure": "value", "value": 10512.0}]


def test_query_parquet(capsys, sample_db, tmp_path):
    target = tmp_path / "revenues.parquet"
    code, out, _ = run(capsys, "query", "--db", sample_db, REVENUES, "--format", "parquet", "-o", target)
    assert code == 0 and out == f"wrote 2 rows to {target}\n"
    back = pd.read_parquet(target)
    assert back.to_dict("records") == [{"period": "2Q03", "measure": "value", "value": 9185.0},
                                       {"period": "2Q04", "measure": "value", "value": 10512.0}]
    assert dict(back.dtypes.astype(str)) == {"period": "string", "measure": "string", "value": "Float64"}


def test_query_parquet_of_every_column_type(capsys, sample_db, tmp_path):
    target = tmp_path / "facts.parquet"
    code, _, _ = run(capsys, "query", "--db", sample_db, "select * from facts", "--format", "parquet", "-o", target)
    back = pd.read_parquet(target)
    code2, out, _ = run(capsys, "query", "--db", sample_db, "select count(*) as n from facts", "--format", "json")
    assert code == code2 == 0 and len(back) == json.loads(out)[0]["n"] > 0
    assert back["fiscal_year"].dtype == "Int64" and back["value"].dtype == "Float64"


def test_query_parquet_needs_an_output(capsys, sample_db):
    code, _, err = run(capsys, "query", "--db", sample_db, REVENUES, "--format", "parquet")
    assert code == 2 and "--output" in one_line_error(err)


# ---------------------------------------------------------------------------
# ingest never reports success when nothing happened; export
# ---------------------------------------------------------------------------


def test_ingest_nothing_matched(capsys, tmp_path):
    code, out, err = run(capsys, "ingest", tmp_path / "sampels", "--db", tmp_path / "r.db", "--no-progress")
    assert code == 1 and out == ""
    assert one_line_error(err) == f"release-parser: error: no release file matched: {tmp_path / 'sampels'} (no such file or directory)"


def test_ingest_empty_folder(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "ingest", tmp_path / "empty", "--db", tmp_path / "r.db", "--no-progress")
    assert code == 1 and "no release file matched" in one_line_error(err)


def test_ingest_every_file_failed(capsys, tmp_path):
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\x00\x01\x02")
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(capsys, "ingest", tmp_path, "--db", tmp_path / "r.db", "--no-progress", "--workers", "0")
    assert code == 1
    assert one_line_error(err) == "release-parser: error: every file failed (2 of 2): nothing loaded"
    assert "ingested 2 files" in out and "0 loaded" in out and "2 failed" in out
    assert f"failed: {tmp_path / 'empty.txt'}: EmptyInputError" in out


def test_ingest_unwritable_parquet_target(capsys, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    target = tmp_path / "taken" / "pq"
    code, out, err = run(capsys, "ingest", SAMPLE, "--db", tmp_path / "r.db", "--parquet", target,
                         "--no-progress", "--workers", "0")
    assert code == 1
    line = one_line_error(err)
    assert line.startswith(f"release-parser: error: cannot write Parquet under {target} (1 documents not written): ")
    assert "1 loaded" in out and "1 failed (1 Parquet export)" in out


def test_ingest_in_memory_warns(capsys, tmp_path):
    for db in ("sqlite:///", ":memory:"):
        code, out, err = run(capsys, "ingest", SAMPLE, "--db", db, "--no-progress", "--workers", "0")
        assert code == 0 and "1 loaded" in out
        assert one_line_error(err).startswith(f"release-parser ingest: warning: --db {db} is a database in memory: "
                                              "nothing will be kept")
    code, _, err = run(capsys, "ingest", SAMPLE, "--db", tmp_path / "r.db", "--no-progress", "--workers", "0")
    assert code == 0 and err == ""


def test_ingest_summary_counts_are_the_results(capsys, folder, tmp_path):
    import release_parser as rp

    paths = [folder, tmp_path / "missing"]
    result = rp.ingest(paths, progress=False, workers=0)
    code, out, _ = run(capsys, "ingest", *paths, "--parquet", tmp_path / "pq", "--no-progress", "--workers", "0")
    c = result.counts
    assert code == 0 and (c.files, c.loaded, c.skipped, c.failed) == (6, 5, 0, 2)
    assert out.splitlines()[0] == (f"ingested 6 files into {tmp_path / 'pq'}: 5 loaded, 0 skipped (content already "
                                   "loaded), 2 failed (1 path matching no file)")
    assert out.splitlines()[1] == (f"  rows: {c.tables} tables, {c.facts} facts, {c.highlights} highlights, "
                                   f"{c.prose_facts} prose facts")


def test_ingest_parquet_of_documents_already_loaded(capsys, tmp_path):
    from release_parser.ingest import query, read_parquet

    db, target = tmp_path / "r.db", tmp_path / "pq"
    run(capsys, "ingest", REPO / "samples", "--db", db, "--no-progress", "--workers", "0")
    code, out, _ = run(capsys, "ingest", SAMPLE, "--db", db, "--parquet", target, "--no-progress", "--workers", "0")
    assert code == 0 and "0 loaded, 1 skipped" in out
    # the folder holds the whole database, not only the file named
    assert len(read_parquet(target, "documents")) == 5
    assert len(read_parquet(target, "facts")) == len(query(db, "select * from facts"))


def test_export(capsys, tmp_path):
    from release_parser.ingest import query, read_parquet

    db, target = tmp_path / "r.db", tmp_path / "pq"
    run(capsys, "ingest", REPO / "samples", "--db", db, "--no-progress", "--workers", "0")
    code, out, err = run(capsys, "export", "--db", db, "--parquet", target)
    assert code == 0 and err == "" and out == f"exported {db} to {target}: 5 documents\n"
    facts = read_parquet(target, "facts")
    expected = query(db, "select document_id, fact_no, value from facts order by document_id, fact_no")
    assert facts[["document_id", "fact_no"]].astype(str).values.tolist() == \
        expected[["document_id", "fact_no"]].astype(str).values.tolist()
    assert facts["value"].astype(float).fillna(-1).tolist() == expected["value"].astype(float).fillna(-1).tolist()
    before = {p: p.stat().st_mtime_ns for p in target.rglob("*.parquet")}
    code, out, _ = run(capsys, "export", "--db", db, "--parquet", target)
    assert code == 0 and {p: p.stat().st_mtime_ns for p in target.rglob("*.parquet")} == before


@pytest.mark.parametrize("make, words", [
    (lambda tmp: (tmp / "missing.db", tmp / "pq"), "no such SQLite file"),
    (lambda tmp: (None, tmp / "taken" / "pq"), "cannot write Parquet under"),
])
def test_export_errors_are_one_line(capsys, sample_db, tmp_path, make, words):
    (tmp_path / "taken").write_text("a file, not a folder")
    db, target = make(tmp_path)
    code, _, err = run(capsys, "export", "--db", db or sample_db, "--parquet", target)
    assert code == 1 and words in one_line_error(err)


# ---------------------------------------------------------------------------
# parse: columns, cells, empty results, flags named in errors; --version, -v
# ---------------------------------------------------------------------------


def test_version(capsys):
    import release_parser

    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out == f"release-parser {release_parser.__version__}\n"


def test_verbose_logs_on_stderr(capsys, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really a pdf\x00")
    args = [SAMPLE, bad, "--db", tmp_path / "r.db", "--no-progress", "--workers", "0"]
    code, _, err = run(capsys, "ingest", *args)
    assert code == 0 and "INFO" not in err
    code, _, err = run(capsys, "ingest", *args, "-v")
    assert code == 0 and f"INFO release_parser.ingest.pipeline: {bad}: NotAPDFError" in err
    code, _, err = run(capsys, "-v", "ingest", *args)
    assert code == 0 and f"{bad}: NotAPDFError" in err


def test_parse_columns(capsys):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "facts", "--columns", "line_item,period,value",
                       "--format", "csv")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "line_item,period,value" and lines[1] == "Total Revenues,2Q04,10512.0"
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "facts", "--columns", "line_item,period,value")
    assert code == 0 and out.splitlines()[1].split() == ["Total", "Revenues", "2Q04", "10512"]


def test_parse_unknown_column_is_one_line(capsys):
    code, _, err = run(capsys, "parse", SAMPLE, "--what", "facts", "--columns", "line_item,nope")
    line = one_line_error(err)
    assert code == 2 and "--columns: no column 'nope' in facts; known: line_item, period, measure, value" in line


def test_parse_tables_are_cells(capsys, tmp_path):
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "tables", "--format", "csv")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "table,title,unit,scale,row,column,line_item,line_item_key,column_label,text,value"
    assert lines[1] == '0,Second Quarter of FY2004,JPY,1000000,0,0,Total Revenues,total_revenues,2Q04,"10,512",10512.0'
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "tables", "--format", "json")
    cells = json.loads(out)
    assert code == 0 and len(cells) == len(lines) - 1
    assert cells[1] == {"table": 0, "title": "Second Quarter of FY2004", "unit": "JPY", "scale": 1000000, "row": 0,
                        "column": 1, "line_item": "Total Revenues", "line_item_key": "total_revenues",
                        "column_label": "2Q03", "text": "9,185", "value": 9185.0}
    target = tmp_path / "cells.parquet"
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "tables", "--format", "parquet", "-o", target)
    back = pd.read_parquet(target)
    assert code == 0 and len(back) == len(cells) and back["text"].iloc[0] == "10,512"
    code, out, _ = run(capsys, "parse", SAMPLE, "--what", "tables", "--columns", "line_item,column_label,value")
    assert code == 0 and out.splitlines()[1].split() == ["Total", "Revenues", "2Q04", "10512"]


@pytest.mark.parametrize("what, words", [("highlights", "no highlights"), ("facts", "no facts"),
                                         ("prose", "no prose facts"), ("tables", "no tables")])
def test_parse_empty_result(capsys, tmp_path, what, words):
    plain = tmp_path / "plain.txt"
    plain.write_text("ACME Corp. reports results\n\nNothing else to say here.\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", plain, "--what", what)
    assert code == 0 and out == f"{words}\n"


def test_parse_encrypted_pdf_names_the_flag(capsys, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt="s3cret")
    canvas.drawString(72, 720, "Revenue 100")
    canvas.save()
    code, _, err = run(capsys, "parse", path)
    assert code == 1
    assert one_line_error(err) == f"release-parser: error: {path}: the PDF is encrypted: give its password with --password"
    code, _, err = run(capsys, "parse", path, "--password", "guess")
    assert code == 1 and one_line_error(err).endswith(f"{path}: the PDF is encrypted and the password given with "
                                                      "--password is wrong")
