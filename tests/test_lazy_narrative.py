"""A release's bullets, paragraphs and sections are assembled on first use, once, and read
as the tuples they stand for."""

from __future__ import annotations

import pickle
import warnings

import pytest

import release_parser as rp
from release_parser import narrative as narrative_module


@pytest.fixture
def release(reference_sample) -> rp.Release:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        return rp.parse(reference_sample)


def test_facts_do_not_assemble_the_narrative(release):
    assert len(release.facts) == 44
    assert not release.bullets.assembled
    assert not release.prose.read


def test_facts_do_not_read_the_text_around_the_tables(reference_sample, monkeypatch):
    from release_parser.segment import document

    read = []
    blocks = document._blocks
    monkeypatch.setattr(document, "_blocks", lambda *args: read.append(1) or blocks(*args))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        release = rp.parse(reference_sample)
    assert len(release.facts) == 44 and read == []
    assert len(release.highlights) > 20 and read == [1]


def test_the_narrative_is_assembled_once_for_all_its_parts(release, monkeypatch):
    calls = []
    assemble = narrative_module._assemble
    monkeypatch.setattr(narrative_module, "_assemble", lambda *args: calls.append(1) or assemble(*args))
    bullets, paragraphs, sections = len(release.bullets), len(release.paragraphs), len(release.sections)
    assert release.bullets.assembled and calls == [1]
    assert bullets == len(release.highlights) and bullets > 20
    assert paragraphs >= 0 and sections >= 1
    assert release.bullets[0].text and release.bullets[0].level == 1


def test_a_part_equals_the_tuple_it_stands_for_and_pickles_as_one(release):
    bullets = tuple(release.bullets)
    assert release.bullets == bullets and release.bullets == list(bullets)
    assert release.bullets[1:3] == bullets[1:3]
    assert pickle.loads(pickle.dumps(release.bullets)) == bullets
    assert release.sections != ("not a section",)
