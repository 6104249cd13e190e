"""Which files an ingest reads (the documented rule), and content ids."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from release_parser.ingest import NON_RELEASE_NAMES, RELEASE_SUFFIXES, content_id, expand_sources


def names(paths):
    return [Path(p).name for p in paths]


def test_directory_walk_takes_release_suffixes_only(corpus):
    files, problems = expand_sources(corpus)
    assert problems == []
    assert names(files) == [
        "broken.pdf", "empty.txt", "iij_2q04.txt", "iij_2q04_copy.txt", "iij_2q04_v2.txt", "iij_2q04_v3.md",
    ]


def test_walk_is_recursive_and_sorted(corpus):
    files, _ = expand_sources(str(corpus))
    assert files[-1] == corpus / "2004" / "q2" / "iij_2q04_v3.md"
    top = [f for f in files if f.parent == corpus]
    assert top == sorted(top)


@pytest.mark.parametrize("name, taken", [
    ("release.txt", True),
    ("release.TXT", True),
    ("release.text", True),
    ("release.md", True),
    ("release.pdf", True),
    ("release.PDF", True),
    ("release.txt.golden.json", False),
    ("release.truth.json", False),
    ("release.html", True),
    ("release.htm", True),
    ("release", False),
    ("README.md", False),
    ("readme.txt", False),
    ("LICENSE.txt", False),
    ("CHANGELOG.md", False),
    (".release.txt", False),
])
def test_suffix_rule_in_directories(tmp_path, name, taken):
    (tmp_path / name).write_text("x", encoding="utf-8")
    files, _ = expand_sources(tmp_path)
    assert (names(files) == [name]) is taken


def test_hidden_folders_are_not_walked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert names(expand_sources(tmp_path)[0]) == ["a.txt"]


def test_a_file_named_alone_is_always_read(corpus):
    golden = corpus / "iij_2q04.txt.golden.json"
    files, problems = expand_sources([golden, corpus / "README.md"])
    assert files == [golden, corpus / "README.md"] and problems == []


def test_glob_patterns_follow_the_rule(corpus):
    files, _ = expand_sources(str(corpus / "*"))
    assert "iij_2q04.txt.golden.json" not in names(files)
    assert "README.md" not in names(files)
    assert "iij_2q04_v3.md" in names(files)  # the folder 2004/ matched: walked
    deep, _ = expand_sources(str(corpus / "**" / "*.md"))
    assert names(deep) == ["iij_2q04_v3.md"]


def test_missing_paths_and_empty_patterns_are_problems_not_exceptions(tmp_path):
    files, problems = expand_sources([tmp_path / "nope.txt", str(tmp_path / "*.pdf")])
    assert files == []
    assert [(p.error_type, p.message) for p in problems] == [
        ("FileNotFoundError", f"{tmp_path / 'nope.txt'}: no such file or directory"),
        ("FileNotFoundError", f"{tmp_path / '*.pdf'}: no release file matches"),
    ]


def test_a_file_reached_twice_is_read_once(corpus):
    files, _ = expand_sources([corpus, corpus / "iij_2q04.txt", str(corpus / "*.txt")])
    assert len(files) == len(set(files)) == 6


def test_a_single_string_is_one_source(corpus):
    assert expand_sources(str(corpus))[0] == expand_sources([str(corpus)])[0]


def test_renamed_copy_has_the_same_content_id(corpus):
    original, size = content_id(corpus / "iij_2q04.txt")
    assert content_id(corpus / "iij_2q04_copy.txt") == (original, size)
    assert content_id(corpus / "iij_2q04_v2.txt")[0] != original
    assert len(original) == 64 and size == os.path.getsize(corpus / "iij_2q04.txt")


def test_rule_constants_are_lower_case():
    assert all(s == s.lower() and s.startswith(".") for s in RELEASE_SUFFIXES)
    assert all(n == n.lower() for n in NON_RELEASE_NAMES)
