"""Prose facts are read on first use, once; text without a digit is not searched for figures."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import warnings

import pytest

import release_parser as rp
from release_parser import prose as prose_module
from release_parser.normalize import dates
from release_parser.normalize.periods import FiscalCalendar
from release_parser.prose import LazyProse

IIJ = FiscalCalendar(year_end_month=3, naming="start")


@pytest.fixture
def reference_text(reference_sample) -> str:
    return reference_sample.read_text(encoding="utf-8")


def _parse(text: str, **options) -> rp.Release:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        return rp.parse_text(text, **options)


def test_parse_does_not_read_the_prose(reference_text):
    release = _parse(reference_text)
    assert isinstance(release.prose, LazyProse)
    assert not release.prose.read


def test_prose_facts_read_the_prose_once(reference_text, monkeypatch):
    release = _parse(reference_text)
    calls = []
    extract = prose_module.extract_prose_facts
    monkeypatch.setattr(prose_module, "extract_prose_facts", lambda *a: calls.append(1) or extract(*a))
    frame = release.prose_facts
    assert len(frame) == len(release.prose) > 0
    list(release.prose)
    assert calls == [1]
    assert release.prose.read


def test_lazy_prose_is_what_an_eager_reading_gives(reference_text):
    release = _parse(reference_text)
    assert release.prose == tuple(release.prose)
    assert release.prose[0] == tuple(release.prose)[0]
    assert release.prose[-2:] == tuple(release.prose)[-2:]


def test_strict_checks_read_the_prose_they_compare():
    text = "Sales\t2Q04\t1Q04\nRevenue\t10,512\t8,675\n\nRevenue: JPY 10,512 million in 2Q04\n"
    release = _parse(text, calendar=IIJ, strict=True)
    assert release.prose.read  # the checks compared the prose figure with the table's
    assert [fact.value for fact in release.prose] == [10512]


@pytest.mark.parametrize("read_first", [False, True])
def test_a_release_pickles_and_copies_with_its_prose(reference_text, read_first):
    release = _parse(reference_text)
    if read_first:
        list(release.prose)
    expected = tuple(_parse(reference_text).prose)
    assert tuple(pickle.loads(pickle.dumps(release)).prose) == expected
    assert tuple(copy.copy(release).prose) == expected
    assert tuple(copy.deepcopy(release).prose) == expected
    assert tuple(dataclasses.replace(release, tables=[]).prose) == expected


def test_units_without_a_digit_are_not_searched_for_figures(monkeypatch):
    searched: list[str] = []
    find_figures = prose_module.find_figures
    monkeypatch.setattr(prose_module, "find_figures", lambda text, *a: searched.append(text) or find_figures(text, *a))
    plain = "".join(f"- Customers choose our managed services for reason number {word}\n" for word in ("one", "two") * 50)
    release = _parse(f"Highlights\n\n{plain}\n- Revenue was JPY 10,512 million in 2Q04\n", calendar=IIJ)
    assert [fact.value for fact in release.prose] == [10512]
    assert searched == ["Revenue was JPY 10,512 million in 2Q04"]


def test_text_without_a_year_or_a_slash_is_not_scanned_for_dates(monkeypatch):
    scanned: list[str] = []

    class CountingPattern:
        def finditer(self, text):
            scanned.append(text)
            return pattern.finditer(text)

    pattern = dates._DATE
    monkeypatch.setattr(dates, "_DATE", CountingPattern())
    assert dates.find_dates("Revenue rose 14.4% in 2Q04 to JPY 10,512 million") == []
    assert scanned == []
    assert [d.isoformat() for _, _, d in dates.find_dates("on November 11, 2004 and 12/31/25")] == ["2004-11-11", "2025-12-31"]
    assert len(scanned) == 1


def test_an_unread_lazy_prose_says_so_in_its_repr(reference_text):
    release = _parse(reference_text)
    assert "not read yet" in repr(release.prose)
    list(release.prose)
    assert repr(release.prose).startswith("(ProseFact(")
