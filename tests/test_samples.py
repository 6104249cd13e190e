"""Every sample in samples/ parses to its golden file."""

import json

import pytest

import release_parser as rp
from golden import golden_path, sample_files, summarize


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_matches_golden(sample):
    expected = json.loads(golden_path(sample).read_text(encoding="utf-8"))
    got = summarize(rp.parse(sample))
    assert got["company"] == expected["company"]
    assert got["title"] == expected["title"]
    assert got["published"] == expected["published"]
    assert got["period"] == expected["period"]
    assert got["calendar"] == expected["calendar"]
    assert len(got["tables"]) == len(expected["tables"])
    for got_table, want_table in zip(got["tables"], expected["tables"]):
        assert got_table == want_table, want_table["title"]
    assert got["highlights"] == expected["highlights"]
    assert got["prose_facts"] == expected["prose_facts"]


def test_there_are_samples():
    assert len(sample_files()) >= 1
