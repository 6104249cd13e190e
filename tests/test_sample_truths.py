"""Every sample with a hand-written truth file parses to it, field by field.

The truth files were written from the documents, not from the parser's output, so
they check the parser independently of the golden files. Each field a truth file
holds is checked here:

- ``date``, ``company``, ``title``, ``fiscal_year_end_month`` and ``fiscal_year_naming``
  (the naming rule and the dates of the year it names);
- each table's ``unit``, ``scale``, ``columns``, ``footnotes`` and every cell in ``rows``;
- ``periods``: every fact in a column the map lists carries that column's dates, in
  every table that uses the column;
- ``prose_facts`` (``[metric, period label, value, unit, scale]``): each is found in
  ``release.prose_facts``, or for a figure that sits in a statement row, in
  ``release.facts``, with the same value, period dates, unit, scale and kind of
  figure (value, target, % change), and a metric whose words match the truth's;
- ``highlights`` (text and level) where a truth file lists them.

``identities`` are arithmetic over the truth's own numbers (checked through the cells)
and ``document`` names the file the sample was taken from; neither is a parser output.
The reader samples under ``tests/readers/data`` are checked by the reader tests.

Each check is a plain function of a truth dict and a parsed release (``check_document``,
``check_highlights``, ``check_table``, ``check_column_periods``, ``check_prose_fact``), so
``test_truth_checks_catch.py`` can show that each fails on a truth with one field changed, and
the PDF tests can hold a rendering of a sample to the sample's truth.

A truth field that the parser gets wrong is listed in ``KNOWN_DISAGREEMENTS`` with
what it parses instead; those cases are strict xfails, so a fix makes them fail
until the entry is removed.
"""

import functools
import json
import math
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import release_parser as rp
from release_parser.segment.lines import strip_footnote_marks

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))

# The truth spells some units in words; the parser writes symbols. Anything not listed
# here must match as written ("JPY", "USD", "Gbps", "contracts").
TRUTH_UNITS = {"percent": "%"}

# (truth file, metric, period label, value) -> what the parser gives instead
KNOWN_DISAGREEMENTS = {
    ("kns_1h_fy2011_pipe.truth.json", "Interim dividend per share", "1H FY2011", 1250): (
        "prose fact not extracted: 'an interim dividend of JPY1,250 per share for 1H FY2011' "
        "gives no row in prose_facts or facts"
    ),
}


def norm(text):
    text = unicodedata.normalize("NFKC", str(text))
    text = strip_footnote_marks(text)
    return " ".join(text.replace("*", "").split()).lower()


def document_of(truth_path):
    stem = truth_path.name[: -len(".truth.json")]
    return next(p for p in SAMPLES.iterdir() if p.stem == stem and p.suffix in (".txt", ".md", ".pdf"))


@functools.lru_cache(maxsize=None)
def load(truth_path):
    return json.loads(truth_path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=None)
def parsed(truth_path):
    return rp.parse(document_of(truth_path))


def day(x):
    return None if x is None or pd.isna(x) else str(pd.Timestamp(x).date())


def unit_of(truth_unit):
    return TRUTH_UNITS.get(truth_unit, truth_unit)


def table_of(release, table_truth):
    tables = [t for t in release.tables if table_truth["title_contains"] in t.title]
    assert len(tables) == 1, table_truth["title_contains"]
    return tables[0]


# --- metric matching ---------------------------------------------------------------------

# words that say which figure of a metric is meant, not which metric
QUALIFIERS = {"yoy", "qoq", "change", "target", "new", "previous", "increase", "decrease"}
FILLER = {"of", "the", "for", "in", "to", "and", "on", "a", "number", "total", "per", "share"}


def words(text):
    found = re.findall(r"[a-z]+", str(text).lower())
    # "revenue"/"revenues" are one word
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found} - QUALIFIERS - FILLER


def same_metric(truth_metric, parsed_metric):
    """The parsed metric names the truth's: one's words contain the other's (not merely overlap),
    so 'Network services' matches 'Network services revenues YoY % change' but 'Net income'
    does not match 'Operating income'."""
    want, got = words(truth_metric), words(parsed_metric)
    return bool(want and got) and (want <= got or got <= want)


def measures_for(truth_metric):
    """The parser's measure(s) that the truth's wording of a metric describes."""
    text = truth_metric.lower()
    if "yoy" in text:
        return {"yoy_pct", "pct_change"}  # "grew 12.0%" says no base period
    if "qoq" in text:
        return {"qoq_pct", "pct_change"}
    if "target" in text:
        return {"target"}
    if text.startswith(("increase in", "decrease in")):
        return {"change", "yoy_change"}
    return {"value"}


def test_metric_matcher():
    assert same_metric("Network services revenues YoY % change", "Network services")
    assert same_metric("Total Revenue", "Revenues")
    assert same_metric("Increase in cash and cash equivalents", "Cash and cash equivalents")
    assert not same_metric("Net income", "Operating income")
    assert not same_metric("Revenues target", "Operating margin")
    assert measures_for("Revenues target YoY % change") == {"yoy_pct", "pct_change"}
    assert measures_for("Revenues target (new)") == {"target"}
    assert measures_for("Operating margin") == {"value"}
    assert unit_of("percent") == "%" and unit_of("JPY") == "JPY"


# --- document fields ---------------------------------------------------------------------


FISCAL_YEAR_NAMING = re.compile(r"(start|end) year: FY(\d{4}) = (\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)")


def check_document(truth, release):
    """The release's date, company, title and fiscal calendar are the truth's."""
    assert release.published == pd.Timestamp(truth["date"]).date()
    assert (release.company, release.title) == (truth["company"], truth["title"])
    assert release.calendar.year_end_month == truth["fiscal_year_end_month"]
    if "fiscal_year_naming" in truth:
        # e.g. "start year: FY2004 = 2004-04-01..2005-03-31"
        m = FISCAL_YEAR_NAMING.fullmatch(truth["fiscal_year_naming"])
        assert m, truth["fiscal_year_naming"]
        naming, year, start, end = m.groups()
        assert release.calendar.naming == naming
        assert tuple(str(d) for d in release.calendar.year_bounds(int(year))) == (start, end)


def check_highlights(truth, release):
    """Each highlight the truth lists is one of the release's, at the truth's level if it gives one."""
    got = [(norm(t), int(level)) for t, level in zip(release.highlights.text, release.highlights.level)]
    for entry in truth.get("highlights", []):
        text, level = (entry["text"], entry.get("level")) if isinstance(entry, dict) else (entry[0], entry[1])
        hits = [lv for t, lv in got if t == norm(text)]
        assert hits, text
        if level is not None:
            assert level in hits, (text, level, hits)


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_document_fields(truth_path):
    truth = load(truth_path)
    release = parsed(truth_path)
    check_document(truth, release)
    check_highlights(truth, release)


# --- tables ------------------------------------------------------------------------------

TABLE_CASES = [
    pytest.param(path, i, id=f"{path.name}-{table['title_contains']}")
    for path in TRUTHS
    for i, table in enumerate(load(path)["tables"])
]


def check_table(truth, release, table_no):
    """The table has the truth's unit, scale, column labels, footnotes and cell values."""
    table_truth = truth["tables"][table_no]
    table = table_of(release, table_truth)
    assert table.unit == unit_of(table_truth["unit"]), table.title
    assert table.scale == table_truth["scale"], table.title
    assert [norm(c) for c in table.column_labels] == [norm(c) for c in table_truth["columns"]]
    if "footnotes" in table_truth:
        assert {k: norm(v) for k, v in table.footnotes.items()} == {
            k: norm(v) for k, v in table_truth["footnotes"].items()
        }
    facts = release.facts
    # a cell that prints a conversion gives a second row in the other currency: the
    # table's own unit is the one its truth lists
    got = facts[(facts.table == table.index) & ~((facts.unit != table.unit) & facts.converted_value.notna())]
    for item, values in table_truth["rows"].items():
        assert len(values) == len(table_truth["columns"]), item
        for column, want in zip(table_truth["columns"], values):
            rows = got[(got.line_item.map(norm) == norm(item)) & (got.column.map(norm) == norm(column))]
            if want is None:
                assert rows.empty or rows.value.isna().all(), (item, column)
                continue
            assert len(rows) == 1, (table.title, item, column)
            assert rows.iloc[0].value == pytest.approx(want), (table.title, item, column)


def check_column_periods(truth, release, table_no):
    """Every fact in a column the truth's ``periods`` lists has that column's dates."""
    table_truth = truth["tables"][table_no]
    table = table_of(release, table_truth)
    facts = release.facts[release.facts.table == table.index]
    listed = [c for c in table_truth["columns"] if c in truth["periods"]]
    for column in listed:
        rows = facts[facts.column.map(norm) == norm(column)]
        assert not rows.empty, (table.title, column)
        want = tuple(truth["periods"][column])
        for row in rows.itertuples():
            assert (day(row.period_start), day(row.period_end)) == want, (table.title, column, row.line_item)


@pytest.mark.parametrize("truth_path, table_no", TABLE_CASES)
def test_table_matches_truth(truth_path, table_no):
    check_table(load(truth_path), parsed(truth_path), table_no)


@pytest.mark.parametrize("truth_path, table_no", TABLE_CASES)
def test_column_periods_match_truth(truth_path, table_no):
    """Every fact in a column the truth's ``periods`` lists has that column's dates."""
    check_column_periods(load(truth_path), parsed(truth_path), table_no)


# --- prose facts -------------------------------------------------------------------------


def candidates(release):
    """Rows a prose fact may be found in: the prose facts, and the table facts by line item."""
    prose = release.prose_facts.assign(found_in="prose_facts")
    table = release.facts.rename(columns={"line_item": "metric"}).assign(found_in="facts")
    keep = ["metric", "period", "period_start", "period_end", "value", "unit", "scale", "measure", "found_in"]
    rows = pd.concat([prose[keep], table[keep]], ignore_index=True)
    return rows[rows.value.notna()]


def period_matches(row, label, periods):
    if label in periods:
        return (day(row.period_start), day(row.period_end)) == tuple(periods[label])
    return norm(row.period) == norm(label)


def find_prose_fact(release, fact, periods):
    """(matches, near misses): rows agreeing on everything, and rows agreeing on the value only."""
    metric, label, value, unit, scale = fact
    rows = candidates(release)
    same_value = [r for r in rows.itertuples() if math.isclose(r.value, value, rel_tol=1e-9, abs_tol=1e-9)]
    matches = [
        r
        for r in same_value
        if period_matches(r, label, periods)
        and not pd.isna(r.unit)
        and r.unit == unit_of(unit)
        and r.scale == scale
        and r.measure in measures_for(metric)
        and same_metric(metric, r.metric)
    ]
    return matches, same_value


PROSE_CASES = []
for _path in TRUTHS:
    for _i, (_metric, _label, _value, _unit, _scale) in enumerate(load(_path).get("prose_facts", [])):
        _reason = KNOWN_DISAGREEMENTS.get((_path.name, _metric, _label, _value))
        PROSE_CASES.append(
            pytest.param(
                _path,
                _i,
                id=f"{_path.name}-{_i}-{_metric} {_label}",
                marks=[pytest.mark.xfail(strict=True, reason=_reason)] if _reason else [],
            )
        )


def test_known_disagreements_are_truth_facts():
    """Every entry of the xfail list names a prose fact some truth file holds."""
    listed = {
        (path.name, metric, label, value)
        for path in TRUTHS
        for metric, label, value, _unit, _scale in load(path).get("prose_facts", [])
    }
    assert set(KNOWN_DISAGREEMENTS) <= listed


def check_prose_fact(truth, release, fact_no):
    """The truth's prose fact is a row of the release agreeing on value, period, unit, scale and metric."""
    fact = truth["prose_facts"][fact_no]
    matches, same_value = find_prose_fact(release, fact, truth.get("periods", {}))
    near = [(r.found_in, r.metric, r.period, r.unit, r.scale, r.measure) for r in same_value[:5]]
    assert matches, (fact, "rows with this value:", near)


@pytest.mark.parametrize("truth_path, fact_no", PROSE_CASES)
def test_prose_fact_found(truth_path, fact_no):
    check_prose_fact(load(truth_path), parsed(truth_path), fact_no)


def test_there_are_truths():
    assert len(TRUTHS) >= 4
    assert all(load(p).get("prose_facts") for p in TRUTHS)
