"""Group the glyphs of a PDF page into printed lines of cells.

The steps, each a plain function over plain data:

1. :func:`group_lines` clusters glyphs into visual lines by vertical overlap
   (a superscript footnote mark stays on its line, and a large title beside a
   table does not join the table's rows into one line);
2. :func:`build_line` orders a line's glyphs left to right, drops glyphs
   printed twice (fake bold), splits them into words at spaces, and into cells
   at gaps wider than :data:`CELL_GAP_FACTOR` spaces, like the text reader
   splits on runs of two or more spaces; leading bullet marks are kept apart.

Ruled tables are read by :mod:`.pdf_grid`, with the same word splitting
(:func:`read_words`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from statistics import median

from ..layout import Cell
from .pdf_glyphs import DASH_MARKERS, Glyph, marker_of

__all__ = [
    "TextLine",
    "Word",
    "group_lines",
    "build_line",
    "keep_cells",
    "read_words",
    "page_space_widths",
    "CELL_GAP_FACTOR",
    "WORD_GAP_FACTOR",
    "LINE_OVERLAP",
]

#: A horizontal gap wider than this many space widths starts a new cell.
CELL_GAP_FACTOR = 1.5
#: A gap wider than this many space widths (with no space glyph in it) still separates words.
WORD_GAP_FACTOR = 0.4
#: Two glyphs are on one line when they overlap vertically by this share of the smaller one.
LINE_OVERLAP = 0.5
#: Width of a space, in font sizes, when a line and its page print no space glyph.
SPACE_EM_FALLBACK = 0.28
#: A glyph repeating the previous one within this many points is a duplicate (fake bold).
DUPLICATE_TOLERANCE = 1.0
#: Glyph widths within this share of each other mark a monospaced line.
MONOSPACE_TOLERANCE = 0.02
#: Lines looked back at when placing a glyph (lines side by side can interleave slightly).
OPEN_LINES = 2
#: A glyph taller than this many times its line's median glyph is large type (a side title).
TALL_GLYPH_FACTOR = 1.5

_NOT_AFTER_DASH = frozenset("0123456789(.,+-−%$€£¥")


@dataclass(frozen=True)
class TextLine:
    """A printed line of a page, before numbering and blank-line insertion."""

    cells: tuple[Cell, ...]  # the first one starts with the bullet marks, if any
    body: str  # the cells' text joined by two spaces, without the bullet marks
    top: float
    bottom: float
    size: float  # median glyph height, in points
    bold: bool  # every glyph (bullet marks aside) is bold
    markers: tuple[str, ...] = ()  # leading bullet marks, e.g. ("-", "▶")
    glyph_marker: str | None = None  # the last leading mark drawn as a glyph, not a dash
    ruled: bool = False  # a row of a ruled table


@dataclass(frozen=True)
class Word:
    """A run of glyphs without a space or a gap between them."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: int  # glyphs in a bold font
    count: int  # glyphs
    gap: float  # from the previous word's last glyph, in points (inf for the first)
    glyphs: tuple[Glyph, ...]


def group_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Cluster glyphs into visual lines, top to bottom.

    Examples
    --------
    >>> g = lambda t, x, top: Glyph(t, x, x + 5, top, top + 10, "F", False, False)
    >>> [[x.text for x in line] for line in group_lines([g("b", 10, 40), g("a", 0, 0), g("c", 5, 1)])]
    [['a', 'c'], ['b']]
    """
    lines = _cluster(glyphs)
    parts = [_unbridged(line) for line in lines]
    if all(len(pieces) == 1 for pieces in parts):
        return lines
    return sorted((piece for pieces in parts for piece in pieces), key=lambda line: (line[0].top, line[0].x0))


def _unbridged(line: list[Glyph]) -> list[list[Glyph]]:
    """A line split in two or more when large type joined lines of ordinary type.

    A 40-point side title beside a table overlaps two of its 14-point rows; clustered
    together, the rows' glyphs would interleave. The line stays whole when its ordinary
    glyphs make one line (a large figure beside its label, a drop capital).
    """
    tall = _tall_glyphs(line)
    if not tall:
        return [line]
    ordinary = _cluster(glyph for glyph in line if id(glyph) not in tall)
    if len(ordinary) < 2:
        return [line]
    return ordinary + _cluster(glyph for glyph in line if id(glyph) in tall)


def _tall_glyphs(line: list[Glyph]) -> set[int]:
    """The ids of the line's glyphs in type much larger than most of its glyphs."""
    if len(line) < 3:
        return set()
    typical = median(glyph.height for glyph in line)
    return {id(glyph) for glyph in line if glyph.height > TALL_GLYPH_FACTOR * typical}


def _cluster(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    lines: list[list[Glyph]] = []
    bands: list[list[float]] = []  # [top, bottom, smallest height] per line
    # the hottest loop of a PDF's layout: comparisons in place of min() and max() calls
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        glyph_top, glyph_bottom = glyph.top, glyph.bottom
        height = glyph_bottom - glyph_top
        if height < 0.01:
            height = 0.01
        for index in range(len(lines) - 1, max(len(lines) - 1 - OPEN_LINES, -1), -1):
            band = bands[index]
            top, bottom, smallest = band
            low = glyph_bottom if glyph_bottom < bottom else bottom  # as min(bottom, glyph_bottom), NaN too
            high = glyph_top if glyph_top > top else top
            if low - high >= LINE_OVERLAP * (smallest if smallest < height else height):
                lines[index].append(glyph)
                if glyph_bottom > bottom:
                    band[1] = glyph_bottom
                if height < smallest:
                    band[2] = height
                break
        else:
            lines.append([glyph])
            bands.append([glyph_top, glyph_bottom, height])
    return lines


def page_space_widths(glyphs: Iterable[Glyph]) -> dict[tuple[str, int], float]:
    """The median width of the space glyphs of each (font, size) on a page."""
    widths: dict[tuple[str, int], list[float]] = defaultdict(list)
    for glyph in glyphs:
        if glyph.text == " " and glyph.width > 0.05 * glyph.height:
            widths[(glyph.font, round(glyph.height))].append(glyph.width)
    return {key: median(values) for key, values in widths.items()}


def build_line(glyphs: Sequence[Glyph], page: int, spaces: dict[tuple[str, int], float]) -> TextLine | None:
    """Read one visual line: its cells, leading bullet marks and typography.

    Returns None for a line of white space only.
    """
    words, space = read_words(glyphs, spaces)
    if not words:
        return None
    inked = [glyph for word in words for glyph in word.glyphs]
    markers, glyph_marker, words = _leading_markers(words)
    groups = _cell_groups(words, space)
    cells = [_cell(group, page) for group in groups]
    body = "  ".join(" ".join(word.text for word in group) for group in groups)
    if markers and cells:
        first = cells[0]
        cells[0] = replace(first, text=f"{' '.join(markers)} {first.text}", x0=min(first.x0, inked[0].x0))
    elif markers:  # a mark alone on its line is its text
        body = " ".join(markers)
        cells = [_cell_from(inked, body, page)]
        markers, glyph_marker = (), None
    body_glyphs = [glyph for word in words for glyph in word.glyphs] if markers else inked
    return TextLine(
        cells=tuple(cells),
        body=body,
        top=min(g.top for g in inked),
        bottom=max(g.bottom for g in inked),
        size=round(median(g.height for g in inked), 2),
        bold=all(g.bold for g in body_glyphs),
        markers=markers,
        glyph_marker=glyph_marker,
    )


def keep_cells(line: TextLine, cells: Sequence[Cell]) -> TextLine:
    """``line`` holding only ``cells`` (some of its own, or others printed beside it), in x order;
    its body is theirs, its leading bullet marks still kept out of it."""
    ordered = tuple(sorted(cells, key=lambda cell: cell.x0))
    texts = [cell.text for cell in ordered]
    marks = " ".join(line.markers) + " "
    if line.markers and ordered and ordered[0] is line.cells[0] and texts[0].startswith(marks):
        texts[0] = texts[0][len(marks):]
    return replace(line, cells=ordered, body="  ".join(texts))


def read_words(glyphs: Iterable[Glyph], spaces: dict[tuple[str, int], float]) -> tuple[list[Word], float]:
    """The words of one visual line, left to right, and the width of a space on it.

    Glyphs printed twice at the same place count once; a space glyph, a gap
    wider than :data:`WORD_GAP_FACTOR` spaces, or a change between a symbol
    font and a text font separates words.
    """
    ordered = _dedupe(sorted(glyphs, key=lambda g: g.x0))
    inked = [g for g in ordered if not g.text.isspace()]
    if not inked:
        return [], 0.0
    space = _space_width(ordered, inked, spaces)
    return _words(ordered, space), space


def _dedupe(ordered: Sequence[Glyph]) -> list[Glyph]:
    kept: list[Glyph] = []
    for glyph in ordered:
        if kept:
            last = kept[-1]
            if (
                glyph.text == last.text
                and abs(glyph.x0 - last.x0) < DUPLICATE_TOLERANCE
                and abs(glyph.top - last.top) < DUPLICATE_TOLERANCE
            ):
                continue
        kept.append(glyph)
    return kept


def _space_width(ordered: Sequence[Glyph], inked: Sequence[Glyph], spaces: dict[tuple[str, int], float]) -> float:
    own = [g.width for g in ordered if g.text == " " and g.width > 0.05 * g.height]
    if own:
        return median(own)
    font, size = Counter((g.font, round(g.height)) for g in inked).most_common(1)[0][0]
    if (font, size) in spaces:
        return spaces[(font, size)]
    widths = [g.width for g in inked if len(g.text) == 1]
    if len(widths) >= 4 and max(widths) - min(widths) <= MONOSPACE_TOLERANCE * max(widths):
        return widths[0]
    return SPACE_EM_FALLBACK * median(g.height for g in inked)


def _words(ordered: Sequence[Glyph], space: float) -> list[Word]:
    words: list[Word] = []
    run: list[Glyph] = []
    gap = float("inf")
    previous: Glyph | None = None
    spaced = False
    for glyph in ordered:
        if glyph.text.isspace():
            # a space drawn over the glyph before it ("8" and " " both at x 282.55) parts nothing
            spaced = spaced or previous is None or (glyph.x0 + glyph.x1) / 2 >= previous.x1
            continue
        if previous is not None:
            step = glyph.x0 - previous.x1
            if spaced or step > WORD_GAP_FACTOR * space or glyph.symbol != previous.symbol:
                words.append(_word(run, gap))
                run, gap = [], step
        run.append(glyph)
        previous, spaced = glyph, False
    if run:
        words.append(_word(run, gap))
    return words


def _word(run: Sequence[Glyph], gap: float) -> Word:
    return Word(
        text="".join(g.text for g in run),
        x0=run[0].x0,
        x1=max(g.x1 for g in run),
        top=min(g.top for g in run),
        bottom=max(g.bottom for g in run),
        bold=sum(g.bold for g in run),
        count=len(run),
        gap=gap,
        glyphs=tuple(run),
    )


def _leading_markers(words: list[Word]) -> tuple[tuple[str, ...], str | None, list[Word]]:
    """Split bullet marks (glyphs, or dashes followed by a word) off the start of a line."""
    markers: list[str] = []
    glyph_marker = None
    index = 0
    while index < len(words) - 1:
        word = words[index]
        mark = marker_of(word.glyphs[0]) if word.count == 1 else None
        if mark is None and word.text in DASH_MARKERS:
            following = words[index + 1].text[:1]
            mark = word.text if following and following not in _NOT_AFTER_DASH else None
        if mark is None:
            break
        markers.append(mark)
        if mark not in DASH_MARKERS:
            glyph_marker = mark
        index += 1
    if not markers:
        return (), None, words
    rest = words[index:]
    if rest:  # the first word after the marks starts a cell, whatever the gap
        rest[0] = replace(rest[0], gap=float("inf"))
    return tuple(markers), glyph_marker, rest


def _cell_groups(words: Sequence[Word], space: float) -> list[list[Word]]:
    groups: list[list[Word]] = []
    for word in words:
        if not groups or word.gap > CELL_GAP_FACTOR * space:
            groups.append([word])
        else:
            groups[-1].append(word)
    return groups


def _cell(words: Sequence[Word], page: int) -> Cell:
    return Cell(
        text=" ".join(w.text for w in words),
        x0=words[0].x0,
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        page=page,
        bold=sum(w.bold for w in words) * 2 > sum(w.count for w in words),
    )


def _cell_from(glyphs: Sequence[Glyph], text: str, page: int) -> Cell:
    return Cell(
        text=text,
        x0=glyphs[0].x0,
        x1=max(g.x1 for g in glyphs),
        top=min(g.top for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
        page=page,
        bold=all(g.bold for g in glyphs),
    )
