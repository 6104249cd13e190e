"""Batch ingest takes HTML and EDGAR files from the same folders as PDFs and text."""

import shutil

import release_parser as rp
from release_parser.ingest.sources import expand_sources

from conftest import REPO, TESTS

SAMPLES = REPO / "samples"
DATA = TESTS / "readers" / "data"
SOURCE = {
    "iij_2q_fy2004_results.htm": DATA,
    "iij_2q_fy2004_6k_edgar.txt": DATA,
    "iij_2q_fy2004_results.txt": SAMPLES,
}


def test_html_and_edgar_files_are_taken_from_folders(tmp_path):
    for name in ("iij_2q_fy2004_results.htm", "iij_2q_fy2004_6k_edgar.txt", "iij_2q_fy2004_results.txt"):
        shutil.copy(SOURCE[name] / name, tmp_path / name)
    (tmp_path / "release.HTML").write_bytes((DATA / "iij_2q_fy2004_results.htm").read_bytes())
    (tmp_path / "deck.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "notes.json").write_text("{}")
    files, problems = expand_sources(tmp_path)
    assert [f.name for f in files] == [
        "deck.pdf", "iij_2q_fy2004_6k_edgar.txt", "iij_2q_fy2004_results.htm", "iij_2q_fy2004_results.txt",
        "release.HTML",
    ]
    assert problems == []


def test_each_format_gives_the_same_revenue(tmp_path):
    values = []
    for name in ("iij_2q_fy2004_results.htm", "iij_2q_fy2004_6k_edgar.txt", "iij_2q_fy2004_results.txt"):
        rel = rp.parse(SOURCE[name] / name)
        values.append(rel.tables[0].frame.loc["Total Revenues", "2Q04"])
    assert values == [10512, 10512, 10512]
