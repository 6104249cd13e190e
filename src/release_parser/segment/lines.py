"""Classifiers for single lines: rules, bullets, footnotes, headings, emphasis."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..layout import Cell, Line

__all__ = [
    "BulletMatch",
    "FootnoteMatch",
    "match_bullet",
    "match_footnote",
    "is_rule",
    "keep_cells",
    "looks_like_heading",
    "strip_emphasis",
    "strip_footnote_marks",
    "footnote_marks",
    "defined_footnote_numbers",
    "strip_label_marks",
]

#: Single-glyph bullet markers (a space after them is optional), including the
#: private-use range where PDF symbol fonts put their glyphs.
BULLET_GLYPHS = "•●○◦■□▪▫▶►▷▸▹✓✔✗☐◆◇◎・→⇒➢➤❖\ue000-\uf8ff"
#: Markers that only count when followed by white space (else "-830" would be a bullet).
BULLET_DASHES = "-–—*"

_BULLET = re.compile(
    rf"""
    ^(?P<indent>[ \u00a0\u3000]*)
    (?P<markers>(?:[{BULLET_GLYPHS}][ \u00a0]*|[\-–—][ \u00a0]+)+)
    (?P<text>\S.*)$
    """,
    re.VERBOSE,
)
#: Three rule glyphs, then glyphs or blanks to the end. Possessive runs over disjoint classes: a
#: long dash line ending in another character fails in one pass, without backtracking.
_RULE = re.compile(r"^[ \t]*+[-=_~+|:\u2500-\u257f]{3}[-=_~+|: \t\u2500-\u257f]*+$")
_FOOTNOTE = re.compile(
    r"""
    ^[ \t]*
    (?P<mark>\^\{\*?\d{1,2}\}|\*\d{1,2}|※\d{0,2}|\(\*\d{1,2}\)|\(\d{1,2}\)(?=\s)|\*{1,3}(?=\s)|Note\s*\d{0,2}:|Notes?:)
    [ \t]*(?P<text>\S.*)$
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: A reference mark with the blanks before it. The blanks are taken whole from the start of
#: their run (never from inside it), so a long blank run costs one pass, not one per position.
_FOOTNOTE_MARK = re.compile(r"(?<!\s)\s*+(?:\^\{\s*+(?:\*\s*+)?\d{1,2}\s*+\}|\*\d{1,2}\b|※\d{0,2}|\(\*\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹]+)")
_NUMBERED_NOTE = re.compile(r"^[ \t]*(?:\((?P<paren>\d{1,2})\)|\*(?P<star>\d{1,2})|(?P<bare>\d{1,2})\.?)[ \t]+[A-Z]")
_TRAILING_PAREN_MARK = re.compile(r"(?<=\S)\s?\((?P<n>\d{1,2})\)$")
_TRAILING_GLUED_MARK = re.compile(r"(?<=[a-z][a-z])(?P<n>\d{1,2})$|(?<=[A-Za-z][A-Z])(?P<m>\d)$")
_EMPHASIS = re.compile(r"\*\*(?P<inner>[^*]+?)\*\*|__(?P<inner2>[^_]+?)__")
_SENTENCE_END = re.compile(r"[.;,:]\s*$")
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 12


@dataclass(frozen=True)
class BulletMatch:
    text: str
    marker: str  # the last glyph: the one that reads as the bullet
    signature: str  # all marker glyphs without spaces, e.g. "-▶"
    indent: int


@dataclass(frozen=True)
class FootnoteMatch:
    mark: str
    text: str


def match_bullet(raw: str) -> BulletMatch | None:
    """Recognise a bullet line such as ``- ▶ Revenues increased``.

    Examples
    --------
    >>> match_bullet("- ▶ Revenues increased").signature
    '-▶'
    >>> match_bullet("-830") is None
    True
    """
    match = _BULLET.match(raw)
    if not match:
        return None
    signature = "".join(match.group("markers").split())
    return BulletMatch(
        text=match.group("text").strip(),
        marker=signature[-1],
        signature=signature,
        indent=len(match.group("indent").expandtabs(4)),
    )


def match_footnote(raw: str) -> FootnoteMatch | None:
    """Recognise a footnote line such as ``*1 Percentage of ...``; the mark is normalised to ``*1``."""
    match = _FOOTNOTE.match(raw)
    if not match:
        return None
    return FootnoteMatch(mark=normalize_mark(match.group("mark")), text=match.group("text").strip())


def normalize_mark(mark: str) -> str:
    """``^{*1}``, ``(*1)``, ``*1`` and ``※1`` all become ``*1``."""
    digits = re.sub(r"\D", "", mark)
    if mark.lower().startswith("note"):
        return f"note{digits}" if digits else "note"
    return f"*{digits}" if digits else mark.strip("() ")


def footnote_marks(text: str) -> tuple[str, ...]:
    """The footnote marks referenced in a cell, normalised (``^{*1}`` -> ``*1``)."""
    return tuple(normalize_mark(m.group()) for m in _FOOTNOTE_MARK.finditer(text))


def defined_footnote_numbers(lines: Iterable[Line]) -> frozenset[str]:
    """Numbers of the footnotes a document prints: "3 Net profit refers to ...", "(3) See ...", "*3 ..."."""
    numbers = set()
    for line in lines:
        match = _NUMBERED_NOTE.match(line.raw)
        if match:
            numbers.add(match.group("paren") or match.group("star") or match.group("bare"))
    return frozenset(numbers)


def strip_label_marks(text: str, numbers: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """A label without its footnote marks, and the marks (normalised to ``*N``).

    A trailing "(3)" is always a mark; a digit glued to a word ("Net profit3", "YoY2") only
    when the document prints footnote 3 (``numbers``).

    >>> strip_label_marks("Income before Income Tax Expense(3)")
    ('Income before Income Tax Expense', ('*3',))
    >>> strip_label_marks("Net profit3", frozenset({"3"})), strip_label_marks("Net profit3")
    (('Net profit', ('*3',)), ('Net profit3', ()))
    """
    marks = list(footnote_marks(text))
    text = strip_footnote_marks(text)
    while True:
        match = _TRAILING_PAREN_MARK.search(text)
        if match is None:
            glued = _TRAILING_GLUED_MARK.search(text)
            number = (glued.group("n") or glued.group("m")) if glued else None
            if glued is None or number not in numbers:
                break
            match = glued
        else:
            number = match.group("n")
        marks.insert(0, f"*{number}")
        text = text[: match.start()].rstrip()
    return text, tuple(marks)


def strip_footnote_marks(text: str) -> str:
    """Remove footnote reference marks from a label.

    >>> strip_footnote_marks("VAS Cross-selling Ratio ^{*1}")
    'VAS Cross-selling Ratio'
    """
    return _FOOTNOTE_MARK.sub("", text).strip()


def strip_emphasis(text: str) -> tuple[str, bool]:
    """Remove markdown emphasis; report whether any was there.

    >>> strip_emphasis("**Revenue increased**")
    ('Revenue increased', True)
    """
    stripped, count = _EMPHASIS.subn(lambda m: m.group("inner") or m.group("inner2"), text)
    return stripped.strip(), count > 0


def is_rule(raw: str) -> bool:
    """A line drawn with ``---``, ``===`` or box-drawing characters."""
    return bool(_RULE.match(raw)) and sum(ch in "-=_~\u2500\u2501\u2550" for ch in raw) >= 3


def looks_like_heading(line: Line) -> bool:
    """A short line of words that does not read as a sentence."""
    text = strip_emphasis(line.text)[0]
    if not text or len(text) > _HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    if _SENTENCE_END.search(text) or not any(ch.isalpha() for ch in text):
        return False
    first = text.lstrip("[<(\"'")[:1]
    return bool(first) and not first.islower()


def keep_cells(line: Line, cells: tuple[Cell, ...]) -> Line:
    """``line`` holding only ``cells``, some of its own: its raw text and indent are theirs."""
    return replace(line, cells=cells, raw="  ".join(cell.text for cell in cells), indent=cells[0].x0)
