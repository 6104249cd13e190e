"""A paragraph longer than MAX_UNIT_CHARS is read in pieces cut after sentences: no figure is dropped."""

from __future__ import annotations

import warnings

import pytest

import release_parser as rp
from release_parser.normalize.periods import FiscalCalendar
from release_parser.prose import MAX_UNIT_CHARS, _bounded

IIJ = FiscalCalendar(year_end_month=3, naming="start")

#: Sentences of the reference sample's forward-looking statement: long, and without figures.
_CAUTION = (
    "Statements made in this material regarding IIJ's or management's intentions, beliefs, expectations, "
    "or predictions for the future are forward-looking statements that are based on IIJ's and managements' "
    "current expectations, assumptions, estimates and projections about its business and the industry. "
    "These forward-looking statements are subject to various risks, uncertainties and other factors that "
    "could cause IIJ's actual results to differ materially from those contained in any forward-looking "
    "statement. "
)
_LAST = "Net income for the first half of FY2004 was JPY 1,162 million, compared with a loss in 1H03."


def _long_paragraph() -> str:
    repeats = MAX_UNIT_CHARS // len(_CAUTION) + 2
    return (_CAUTION * repeats) + _LAST


def test_a_figure_in_the_last_sentence_of_a_long_paragraph_is_read():
    paragraph = _long_paragraph()
    assert len(paragraph) > MAX_UNIT_CHARS
    text = f"Internet Initiative Japan Inc.\n\nSecond Quarter Results for the Year Ending March 31, 2005\n\n{paragraph}\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", rp.ReleaseWarning)
        release = rp.parse_text(text, calendar=IIJ)
    facts = [fact for fact in release.prose if fact.value == 1162]
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.metric, fact.period.label, fact.unit, fact.scale) == ("Net income", "1H04", "JPY", 1_000_000)
    assert paragraph[fact.char_start : fact.char_end] == fact.raw == "JPY 1,162 million"
    assert fact.sentence.startswith("Net income for the first half")


@pytest.mark.parametrize(
    "text",
    [
        _long_paragraph(),
        "Revenue rose 5% in 2Q04 and costs fell " * 5_000,  # no sentence ends: cut at blanks
        "x" * (3 * MAX_UNIT_CHARS + 7),  # no blank either: cut at the limit
        "A. " + "y" * (2 * MAX_UNIT_CHARS),  # one sentence end near the start, then none
    ],
)
def test_pieces_are_bounded_contiguous_and_cover_the_text(text):
    pieces = list(_bounded(text, 0, len(text)))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(pieces, pieces[1:]))
    assert all(0 < end - start <= MAX_UNIT_CHARS for start, end in pieces)


def test_a_long_paragraph_is_cut_after_its_sentences():
    paragraph = _long_paragraph()
    cuts = [end for _, end in _bounded(paragraph, 0, len(paragraph))][:-1]
    assert cuts and all(paragraph[cut - 1] == "." for cut in cuts)


def test_a_text_of_many_pieces_is_cut_into_few():
    text = "Revenue rose 5% in 2Q04 and costs fell. " * 40_000  # 1.6 MB
    pieces = list(_bounded(text, 0, len(text)))
    assert len(pieces) <= 2 * len(text) // MAX_UNIT_CHARS + 1
