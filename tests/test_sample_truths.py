"""Every sample with a hand-written truth file parses to it: each cell's value, and period dates.

The truth files were written from the documents, not from the parser's output, so
they check the parser independently of the golden files.
"""

import json
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import release_parser as rp
from release_parser.segment.lines import strip_footnote_marks

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))


def norm(text):
    text = unicodedata.normalize("NFKC", str(text))
    text = strip_footnote_marks(text)
    return " ".join(text.replace("*", "").split()).lower()


def document_of(truth_path):
    stem = truth_path.name[: -len(".truth.json")]
    return next(p for p in SAMPLES.iterdir() if p.stem == stem and p.suffix in (".txt", ".md", ".pdf"))


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_sample_matches_truth(truth_path):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    release = rp.parse(document_of(truth_path))
    assert release.published == pd.Timestamp(truth["date"]).date()
    assert (release.company, release.title) == (truth["company"], truth["title"])
    assert release.calendar.year_end_month == truth["fiscal_year_end_month"]
    facts = release.facts
    for table_truth in truth["tables"]:
        tables = [t for t in release.tables if table_truth["title_contains"] in t.title]
        assert len(tables) == 1, table_truth["title_contains"]
        table = tables[0]
        assert table.scale == table_truth["scale"], table.title
        assert [norm(c) for c in table.column_labels] == [norm(c) for c in table_truth["columns"]]
        # a cell that prints a conversion gives a second row in the other currency: the
        # table's own unit is the one its truth lists
        got = facts[(facts.table == table.index) & ~((facts.unit != table.unit) & facts.converted_value.notna())]
        for item, values in table_truth["rows"].items():
            for column, want in zip(table_truth["columns"], values):
                rows = got[(got.line_item.map(norm) == norm(item)) & (got.column.map(norm) == norm(column))]
                if want is None:
                    assert rows.empty or rows.value.isna().all(), (item, column)
                    continue
                assert len(rows) == 1, (table.title, item, column)
                row = rows.iloc[0]
                assert row.value == pytest.approx(want), (table.title, item, column)
                dates = truth["periods"].get(column)
                if dates is not None:
                    assert (str(row.period_start.date()), str(row.period_end.date())) == tuple(dates), column


def test_there_are_truths():
    assert len(TRUTHS) >= 4
