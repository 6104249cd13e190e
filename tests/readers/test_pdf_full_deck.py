"""Every bullet of the reference release, rendered as a slide deck, comes back with its text and level."""

import json

import pytest

import release_parser as rp
from pdf_render import Bullet, Release, Slide, glyph_fonts, render
from test_sample_truths import check_document


@pytest.fixture(scope="module")
def text_release():
    from conftest import REPO

    return rp.parse(REPO / "samples" / "iij_2q_fy2004_results.txt")


def deck_of(release: rp.Release) -> Release:
    """One slide per run of a section's bullets, each drawn with its marker, indented by its level.

    A table between two bullets starts their outline afresh in the text, so it starts a new slide.
    """
    table_lines = [table.first_line for table in release.tables]
    slides: list[tuple[str, list[Bullet]]] = []
    previous_line = 0
    for bullet in release.bullets:
        marker = bullet.marker if bullet.level == 1 or bullet.marker != "▶" else "- ▶"
        drawn = Bullet(bullet.text, marker, level=bullet.level, bold=bullet.emphasis)
        title = bullet.section or "Summary"
        line = bullet.provenance.line
        table_between = any(previous_line < first < line for first in table_lines)
        if not slides or slides[-1][0] != title or table_between:
            slides.append((title, []))
        slides[-1][1].append(drawn)
        previous_line = line
    return Release(
        company=release.company,
        title=release.title,
        date="November 11, 2004",
        slides=tuple(Slide(title, tuple(bullets)) for title, bullets in slides),
    )


@pytest.fixture(scope="module")
def truth():
    from conftest import REPO

    return json.loads((REPO / "samples" / "iij_2q_fy2004_results.truth.json").read_text(encoding="utf-8"))


def drawn_bullets(deck: Release) -> list[tuple[str, int, bool]]:
    return [(b.text, b.level, b.bold) for slide in deck.slides for b in slide.blocks if isinstance(b, Bullet)]


@pytest.mark.parametrize("glyph_font", glyph_fonts())
def test_every_bullet_round_trips(tmp_path, text_release, truth, glyph_font):
    deck = deck_of(text_release)
    pdf_release = rp.parse(render(deck, tmp_path / "deck.pdf", "slides", glyph_font=glyph_font))
    # The deck is drawn from the text parse's bullets, so the bullets expected are the ones drawn:
    # the sample's truth file lists no highlights to hold them to (test_pdf_roundtrip holds the text
    # parse's levels to hand-written ones). The front matter, drawn from the text parse too, is the truth's.
    check_document(truth, pdf_release)
    got = [(b.text, b.level, b.emphasis) for b in pdf_release.bullets]
    assert got == drawn_bullets(deck)
    assert len(got) == len(text_release.bullets)
    assert pdf_release.page_count > 10
