"""Every bullet of the reference release, rendered as a slide deck, comes back with its text and level."""

import pytest

import release_parser as rp
from pdf_render import Bullet, Release, Slide, glyph_fonts, render


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


@pytest.mark.parametrize("glyph_font", glyph_fonts())
def test_every_bullet_round_trips(tmp_path, text_release, glyph_font):
    path = render(deck_of(text_release), tmp_path / "deck.pdf", "slides", glyph_font=glyph_font)
    pdf_release = rp.parse(path)
    expected = [(b.text, b.level, b.emphasis) for b in text_release.bullets]
    got = [(b.text, b.level, b.emphasis) for b in pdf_release.bullets]
    assert got == expected
    assert pdf_release.page_count > 10
