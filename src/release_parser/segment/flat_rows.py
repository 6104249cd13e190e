"""Table rows flattened to single spaces, as newswires and some PDF extractors print them.

``Revenues JPY34,272 million ($410.3 million) JPY32,300 million`` has no gap between its
cells, but its shape does: a label, then figures and nothing else. A run of such lines with
the same number of figures is a table; each line is re-cut into a label cell and one cell
per figure (a tab-separated line, so columns align by position). The line just above the
run, if it holds no figure, is the header: it is cut into as many column labels as there
are figures, at the column words and period labels it prints ("Actual Results Target
Announced" -> "Actual Results" | "Target Announced").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..layout import Cell, Line, Separator
from ..normalize.cells import read_cell
from ..normalize.periods import find_periods
from ..normalize.units import find_unit_caption
from .lines import is_rule, match_bullet, match_footnote

__all__ = ["split_flat_rows", "split_packed_cells"]

MIN_RUN = 2
MAX_FIGURE_TOKENS = 4  # "JPY34,272 million ($410.3 million)"
MAX_FLAT_LINE_CHARS = 400
_HEADER_GAP_LINES = 2
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_CURRENCY = re.compile(r"^(?:JPY|USD|EUR|GBP|TWD|NT\$|US\$|\$|¥|€|£)$", re.IGNORECASE)  # "JPY 5.0 billion"
#: Words a statement row prints in cells of their own: a direction, or the basis of a change.
_STATEMENT_WORD = re.compile(r"^(?:up|down|increased?|decreased?|yoy\d?|qoq\d?|y/y|q/q)$", re.IGNORECASE)
_DIRECTION = re.compile(r"^(?:up|down|increased?|decreased?)$", re.IGNORECASE)  # "Up 12%": a worded change
_LETTER = re.compile(r"[^\W\d_]")
#: Column words a flat header is cut at, longest first.
_COLUMN_PHRASES = re.compile(
    r"""
    (?:previous|new|revised|initial|original)\s+targets?(?:\s+\(\S+\))?
    | targets?\s+announced | actual\s+results? | actual | targets? | forecasts? | guidance | results?
    | (?:yoy|qoq|y/y|q/q)\s*(?:%\s*)?(?:change|chg\.?)? | %\s*change | change\s*\(%\) | change\s*%? | growth\s*%?
    | diff(?:erence)?
    """,
    re.VERBOSE | re.IGNORECASE,
)


def split_flat_rows(lines: Sequence[Line]) -> tuple[Line, ...]:
    """``lines`` with every run of flattened table rows (and its header) cut into cells."""
    result = list(lines)
    cuts = [_cut_row(line) if _is_candidate(line) else None for line in lines]
    index = 0
    while index < len(lines):
        if cuts[index] is None:
            index += 1
            continue
        count = len(cuts[index][1])  # type: ignore[index]
        end = index
        while end < len(lines) and cuts[end] is not None and len(cuts[end][1]) == count:  # type: ignore[index]
            end += 1
        if end - index >= MIN_RUN:
            for row in range(index, end):
                label, figures = cuts[row]  # type: ignore[misc]
                result[row] = _tabbed(lines[row], [label, *figures])
            header = _header_above(lines, index)
            if header is not None:
                parts = _cut_header(lines[header].text, count)
                if parts is not None:
                    result[header] = _tabbed(lines[header], [("", 0, 0), *parts])
        index = max(end, index + 1)
    return tuple(result)


def split_packed_cells(lines: Sequence[Line]) -> tuple[Line, ...]:
    """Lines whose gap-separated cells pack several columns with single spaces between them
    (``$39,331 $35,082 $22,103 Up 12%``, ``Q4 FY25 Q3 FY25 Q4 FY24 Q/Q``), with those cells
    cut into one cell per figure or column label, each at its own place."""
    return tuple(_unpacked(line) if line.separator is Separator.GAP else line for line in lines)


def _unpacked(line: Line) -> Line:
    line = _currency_joined(line)
    cells: list[Cell] = []
    changed = False
    header_like = not any(read_cell(cell.text) for cell in line.cells[1:])
    for position, cell in enumerate(line.cells):
        spans = _packed_figures(cell.text) if position else None
        if spans is None and header_like:
            spans = _packed_labels(cell.text)
        if spans is None or len(spans) < 2:
            cells.append(cell)
            continue
        changed = True
        scale = (cell.x1 - cell.x0) / max(len(cell.text), 1)
        cells.extend(
            dataclasses.replace(cell, text=text, x0=cell.x0 + start * scale, x1=cell.x0 + end * scale)
            for text, start, end in spans
        )
    return dataclasses.replace(line, cells=tuple(cells)) if changed else line


def _currency_joined(line: Line) -> Line:
    """A currency sign printed apart from its figure ("$   10,608") joins the figure's cell."""
    cells = list(line.cells)
    joined: list[Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        following = cells[index + 1] if index + 1 < len(cells) else None
        if following is not None and _CURRENCY.match(cell.text) and read_cell(following.text) is not None:
            joined.append(dataclasses.replace(following, text=f"{cell.text}{following.text}", x0=cell.x0))
            index += 2
            continue
        joined.append(cell)
        index += 1
    return line if len(joined) == len(cells) else dataclasses.replace(line, cells=tuple(joined))


def _packed_figures(text: str) -> list[Span] | None:
    """A cell that is nothing but figures and the words statement rows print between them
    ("JPY 5.0 billion up"): one span per figure or word."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if len(tokens) < 2:
        return None
    parts: list[Span] = []
    end = len(tokens)
    while end > 0:
        cut = _figures_from_right(text, tokens[:end])
        if cut is not None:
            parts[:0] = cut[1]
            end = cut[0]
        elif _STATEMENT_WORD.match(tokens[end - 1][0]):
            parts.insert(0, tokens[end - 1])
            end -= 1
        else:
            return None
    figures = sum(1 for part in parts if not _STATEMENT_WORD.match(part[0]))
    return parts if len(parts) >= 2 and figures else None


def _packed_labels(text: str) -> list[Span] | None:
    """A header cell of several column labels ("Q4 FY25 Q3 FY25 Q4 FY24 Q/Q"), after an optional
    caption or title; None unless at least two labels end the cell."""
    atoms = _column_atoms(text)
    if not atoms or (len(atoms) < 2 and find_unit_caption(text[: atoms[0][0]]) is None):
        return None  # one label after a unit caption ("($ in millions) FY25") is cut too
    spans: list[Span] = []
    position = atoms[0][0]
    for start, end in atoms:
        if text[position:start].strip():
            return None
        spans.append((text[start:end], start, end))
        position = end
    if text[position:].strip():
        return None
    prefix = text[: atoms[0][0]].strip()
    return ([(prefix, 0, len(text[: atoms[0][0]].rstrip()))] if prefix else []) + spans


def _is_candidate(line: Line) -> bool:
    return (
        line.separator is Separator.NONE
        and len(line.cells) == 1
        and len(line.text) <= MAX_FLAT_LINE_CHARS
        and not is_rule(line.raw)
        and match_bullet(line.raw) is None
        and match_footnote(line.raw) is None
    )


Span = tuple[str, int, int]  # text, start, end (character offsets in the line's text)


def _cut_row(line: Line) -> tuple[Span, list[Span]] | None:
    """The label and the figures of a flattened row, or None if the line is not one."""
    text = line.text
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    cut = _figures_from_right(text, tokens)
    if cut is None:
        return None
    end, figures = cut
    if len(figures) < 2 or end == 0:
        return None
    label = text[: tokens[end - 1][2]].strip()
    if not _LETTER.search(label):
        return None
    return (label, 0, tokens[end - 1][2]), figures


def _figures_from_right(text: str, tokens: Sequence[Span]) -> tuple[int, list[Span]] | None:
    """Figures read from the end of ``text`` leftwards: how many tokens remain before them, and the figures."""
    figures: list[Span] = []
    end = len(tokens)
    while end > 0:
        taken = 0
        for size in range(min(MAX_FIGURE_TOKENS, end), 0, -1):
            first = tokens[end - size]
            phrase = text[first[1] : tokens[end - 1][2]]
            starts = _DIGIT.search(first[0]) or _DIRECTION.match(first[0]) or _CURRENCY.match(first[0])
            if starts and read_cell(phrase) is not None:
                figures.insert(0, (phrase, first[1], tokens[end - 1][2]))
                taken = size
                break
        if not taken:
            break
        end -= taken
    return (end, figures) if figures else None


def _header_above(lines: Sequence[Line], index: int) -> int | None:
    for probe in range(index - 1, max(-1, index - 1 - _HEADER_GAP_LINES), -1):
        line = lines[probe]
        if line.is_blank:
            continue
        return probe if _is_candidate(line) and not _DIGIT.search(_without_periods(line.text)) else None
    return None


def _without_periods(text: str) -> str:
    for start, end, _ in reversed(find_periods(text)):
        text = text[:start] + text[end:]
    return text


def _column_atoms(text: str) -> list[tuple[int, int]]:
    """Spans of the period labels and column words in ``text``, in order, not overlapping."""
    atoms: list[tuple[int, int]] = [(s, e) for s, e, _ in find_periods(text)]
    taken = [False] * len(text)
    for start, end in atoms:
        taken[start:end] = [True] * (end - start)
    for match in _COLUMN_PHRASES.finditer(text):
        if not any(taken[match.start() : match.end()]) and _whole_words(text, match.start(), match.end()):
            atoms.append((match.start(), match.end()))
    return sorted(atoms)


def _cut_header(text: str, count: int) -> list[Span] | None:
    """``text`` cut into ``count`` column labels at period labels and column words, or None."""
    atoms = _column_atoms(text)
    spans: list[Span] = []
    position = 0
    for start, end in atoms:
        if text[position:start].strip():
            return None  # words no column label accounts for
        spans.append((text[start:end], start, end))
        position = end
    if text[position:].strip() or len(spans) != count:
        words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        return words if len(words) == count else None
    return spans


def _whole_words(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _tabbed(line: Line, spans: Sequence[Span]) -> Line:
    """``line`` as tab-separated cells at the spans' places (positions interpolated in the line's cell)."""
    whole = line.cells[0]
    width = max(len(line.text), 1)
    scale = (whole.x1 - whole.x0) / width
    cells = tuple(
        dataclasses.replace(whole, text=text, x0=whole.x0 + start * scale, x1=whole.x0 + end * scale)
        for text, start, end in spans
    )
    return dataclasses.replace(line, cells=cells, separator=Separator.TAB)

