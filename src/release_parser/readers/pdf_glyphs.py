"""Characters of a PDF page as :class:`Glyph` records in reading orientation.

pdfplumber gives each character as a dict with its box in points (origin at
the top left of the page), its font name and its text matrix. This module
turns those dicts into small immutable records, and on the way:

- turns the page so that its text runs left to right (a page whose text is
  printed sideways, as on a landscape table stored in a portrait page, gets
  its coordinates rotated), dropping the few characters printed in another
  direction (vertical labels would otherwise become one line per letter);
- maps glyphs drawn in symbol fonts (ZapfDingbats, Wingdings, Webdings,
  Symbol), which PDF text layers report as plain letters, ``(cid:N)`` codes
  or private-use characters, to the Unicode marks they show;
- flags bold fonts from their names.

Nothing here imports pdfplumber: the functions work on plain dicts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import NamedTuple

from .text import without_surrogates

__all__ = [
    "Glyph",
    "Orientation",
    "to_glyphs",
    "page_orientation",
    "transform_box",
    "is_bold_font",
    "symbol_family",
    "marker_of",
    "MARKER_GLYPHS",
]

#: Font-name fragments of bold faces ("Arial,Bold", "Helvetica-Black", "XYZ+Foo-Heavy").
_BOLD_FONT = re.compile(r"bold|black|heavy|,b(?:\b|[a-z]*$)", re.IGNORECASE)
#: Font names of symbol fonts, whose codes are pictures rather than letters.
_SYMBOL_FONT = re.compile(
    r"""
    (?P<zapf>dingbat)
    |(?P<wingdings>wingding)
    |(?P<webdings>webding)
    |(?P<symbol>symbol)
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: What pdfminer prints for a code its font cannot map to Unicode.
_CID = re.compile(r"^\(cid:(?P<code>\d+)\)$")
#: Subset fonts are named ``ABCDEF+RealName``.
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")

#: Check marks become the text samples' check mark.
CHECK_MARKS = "✓✔☑✅🗸"
#: Right-pointing arrows and triangles become the text samples' arrow.
ARROW_MARKS = "▶►▸▹▷⇒⇨→☛☞" + "".join(chr(c) for c in range(0x2794, 0x27BF))
#: Bullet glyphs kept as they are (segmentation knows them all).
KEPT_MARKS = "•●○◦■□▪▫◆◇❖✗☐◎・"
#: Every single-glyph bullet marker the reader recognises at the start of a line.
MARKER_GLYPHS = frozenset("✓▶" + CHECK_MARKS + ARROW_MARKS + KEPT_MARKS + "➢➤")
#: Dashes that read as a bullet when a word follows them.
DASH_MARKERS = frozenset("-–—")
#: The mark a symbol-font glyph with no better reading becomes.
DEFAULT_MARKER = "•"

_PRIVATE_USE = (0xE000, 0xF8FF)
_SYMBOL_PRIVATE_BASE = 0xF000  # Word and PowerPoint put symbol-font codes at U+F0xx


class Orientation(str, Enum):
    """Which way the text of a page runs, as printed (before any turning)."""

    UPRIGHT = "upright"  # left to right
    DOWN = "down"  # top to bottom: the page is turned a quarter clockwise
    UP = "up"  # bottom to top: turned a quarter anticlockwise
    UPSIDE_DOWN = "upside_down"  # right to left, upside down


class Glyph(NamedTuple):
    """One printed character, in reading orientation, with its box in points."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: str
    bold: bool
    symbol: bool  # drawn in a symbol font (text already mapped to Unicode)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def to_glyphs(chars: Iterable[Mapping], width: float, height: float) -> tuple[list[Glyph], Orientation]:
    """The characters of a page as glyphs, turned so that the text runs left to right.

    Parameters
    ----------
    chars
        pdfplumber character dicts (``text``, ``x0``, ``x1``, ``top``,
        ``bottom``, ``fontname``, ``matrix``).
    width, height
        The page's extent in pdfplumber coordinates (right and bottom edges).

    Returns
    -------
    glyphs, orientation
        The glyphs (characters printed in another direction than most are
        left out) and the direction the page's text was printed in.

    Examples
    --------
    >>> chars = [{"text": "A", "x0": 10, "x1": 17, "top": 20, "bottom": 30,
    ...           "fontname": "Helvetica-Bold", "matrix": (10, 0, 0, 10, 10, 60)}]
    >>> glyphs, orientation = to_glyphs(chars, 200, 100)
    >>> glyphs[0].text, glyphs[0].bold, orientation.value
    ('A', True, 'upright')
    """
    chars = list(chars)
    directions = [_direction(char.get("matrix")) for char in chars]
    orientation = _dominant(directions)
    glyphs = []
    fonts: dict[str, tuple[str, bool, str | None]] = {}
    for char, direction in zip(chars, directions):
        if direction is not orientation:
            continue
        text = char.get("text") or ""
        if not text:
            continue
        fontname = char.get("fontname") or ""
        if fontname not in fonts:
            font = _SUBSET_PREFIX.sub("", fontname)
            fonts[fontname] = (font, is_bold_font(font), symbol_family(font))
        font, bold, family = fonts[fontname]
        text = without_surrogates(_readable(text, family))  # a broken ToUnicode map can give lone surrogates
        if len(text) > 1:  # ligatures and odd maps such as " ." carry stray white space
            text = "".join(text.split()) or " "
        x0, x1, top, bottom = transform_box(
            (char["x0"], char["x1"], char["top"], char["bottom"]), orientation, width, height
        )
        glyphs.append(Glyph(text, x0, x1, top, bottom, font, bold, family is not None))
    return glyphs, orientation


def page_orientation(chars: Iterable[Mapping]) -> Orientation:
    """The direction most characters of a page are printed in."""
    return _dominant([_direction(char.get("matrix")) for char in chars])


def transform_box(
    box: tuple[float, float, float, float], orientation: Orientation, width: float, height: float
) -> tuple[float, float, float, float]:
    """Turn an ``(x0, x1, top, bottom)`` box so that text printed ``orientation`` reads upright.

    Examples
    --------
    >>> transform_box((533.0, 540.0, 47.0, 51.0), Orientation.DOWN, 612, 1008)
    (47.0, 51.0, 72.0, 79.0)
    """
    x0, x1, top, bottom = box
    if orientation is Orientation.UPRIGHT:
        return box
    if orientation is Orientation.DOWN:
        return (top, bottom, width - x1, width - x0)
    if orientation is Orientation.UP:
        return (height - bottom, height - top, x0, x1)
    return (width - x1, width - x0, height - bottom, height - top)


def is_bold_font(font: str) -> bool:
    """Whether a font name names a bold face.

    >>> is_bold_font("Arial,Bold"), is_bold_font("ABCDEF+Helvetica-Black"), is_bold_font("Times-Roman")
    (True, True, False)
    """
    return bool(_BOLD_FONT.search(_SUBSET_PREFIX.sub("", font)))


def symbol_family(font: str) -> str | None:
    """``"zapf"``, ``"wingdings"``, ``"webdings"`` or ``"symbol"`` for symbol fonts, else None.

    >>> symbol_family("ZapfDingbats"), symbol_family("Wingdings-Regular"), symbol_family("Arial")
    ('zapf', 'wingdings', None)
    """
    match = _SYMBOL_FONT.search(font)
    return match.lastgroup if match else None


def marker_of(glyph: Glyph) -> str | None:
    """The bullet mark a glyph reads as at the start of a line, or None.

    Symbol-font glyphs and private-use characters are always marks (check
    marks become ``✓``, right arrows ``▶``, unknown pictures ``•``); other
    fonts' glyphs are marks when they are one of :data:`MARKER_GLYPHS`.

    >>> marker_of(Glyph("➢", 0, 5, 0, 10, "Wingdings", False, True))
    '▶'
    >>> marker_of(Glyph("A", 0, 5, 0, 10, "Helvetica", False, False)) is None
    True
    """
    text = glyph.text
    if len(text) != 1:
        return DEFAULT_MARKER if glyph.symbol and text.strip() else None
    if glyph.symbol or _is_private_use(text):
        return _canonical_marker(text)
    if text in MARKER_GLYPHS:
        return _canonical_marker(text)
    return None


def _canonical_marker(text: str) -> str:
    if text in CHECK_MARKS:
        return "✓"
    if text in ARROW_MARKS or text in "➢➤":
        return "▶"
    if text in KEPT_MARKS:
        return text
    return DEFAULT_MARKER


def _is_private_use(text: str) -> bool:
    return len(text) == 1 and _PRIVATE_USE[0] <= ord(text) <= _PRIVATE_USE[1]


def _readable(text: str, family: str | None) -> str:
    """The Unicode a glyph shows: symbol-font codes mapped, unknown codes made visible."""
    cid = _CID.match(text)
    if family is None:
        return "\ufffd" if cid else text
    if cid:
        code = int(cid.group("code"))
    elif len(text) == 1 and _SYMBOL_PRIVATE_BASE <= ord(text) <= _SYMBOL_PRIVATE_BASE + 0xFF:
        code = ord(text) - _SYMBOL_PRIVATE_BASE
    elif len(text) == 1 and ord(text) < 0x100 and family != "symbol":
        code = ord(text)  # the Symbol font's letters are Greek and maths, mapped by pdfminer
    else:
        return text  # the font's own Unicode map already said what it is
    if code == 0x20:
        return " "
    return _SYMBOL_TABLES[family](code)


def _zapf_dingbats(code: int) -> str:
    """ZapfDingbats' built-in encoding (Adobe glyph list for new fonts, a1..a191)."""
    special = _ZAPF_SPECIAL.get(code)
    if special is not None:
        return special
    if 0x21 <= code <= 0x7E:
        return chr(0x2700 + code - 0x20)
    for start, end, base in _ZAPF_RANGES:
        if start <= code <= end:
            return chr(base + code - start)
    return DEFAULT_MARKER


_ZAPF_SPECIAL = {
    0x25: "☎", 0x2A: "☛", 0x2B: "☞", 0x48: "★", 0x6C: "●", 0x6E: "■", 0x73: "▲", 0x74: "▼",
    0x75: "◆", 0x77: "◗", 0xA8: "♣", 0xA9: "♦", 0xAA: "♥", 0xAB: "♠", 0xD4: "➔", 0xD5: "→",
    0xD6: "↔", 0xD7: "↕",
}  # fmt: skip
_ZAPF_RANGES = (
    (0xA1, 0xA7, 0x2761),
    (0xAC, 0xB5, 0x2460),
    (0xB6, 0xBF, 0x2776),
    (0xC0, 0xD3, 0x2780),
    (0xD8, 0xEF, 0x2798),
    (0xF1, 0xFE, 0x27B1),
)

#: Wingdings codes used as bullets by office suites (the rest read as a plain bullet).
_WINGDINGS = {
    0x46: "☞", 0x6C: "●", 0x6D: "❍", 0x6E: "■", 0x6F: "□", 0x70: "□", 0x71: "❑", 0x72: "❒",
    0x75: "◆", 0x76: "❖", 0x77: "◆", 0x9E: "•", 0x9F: "•", 0xA1: "○", 0xA7: "▪", 0xA8: "□",
    0xD8: "➢", 0xDC: "➔", 0xE0: "➔", 0xE8: "➔", 0xF0: "⇨", 0xFB: "✗", 0xFC: "✓", 0xFD: "☐",
    0xFE: "☑",
}  # fmt: skip
_WEBDINGS = {0x33: "◀", 0x34: "▶", 0x61: "✓", 0x3C: "■", 0x3D: "■", 0x6E: "●"}
_SYMBOL = {0xB7: "•", 0xAE: "→", 0xDE: "⇒", 0xA8: "♦", 0xE0: "◊", 0xD6: "√", 0x2D: "−"}


def _lookup(table: Mapping[int, str]):
    def read(code: int) -> str:
        return table.get(code, DEFAULT_MARKER)

    return read


_SYMBOL_TABLES = {
    "zapf": _zapf_dingbats,
    "wingdings": _lookup(_WINGDINGS),
    "webdings": _lookup(_WEBDINGS),
    "symbol": _lookup(_SYMBOL),
}


def _direction(matrix: Sequence[float] | None) -> Orientation:
    """The way one character runs, from its text matrix (PDF space, y up)."""
    if not matrix:
        return Orientation.UPRIGHT
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return Orientation.UPRIGHT if a >= 0 else Orientation.UPSIDE_DOWN
    return Orientation.DOWN if b < 0 else Orientation.UP


def _dominant(directions: Sequence[Orientation]) -> Orientation:
    if not directions:
        return Orientation.UPRIGHT
    counts = Counter(directions)
    best, count = counts.most_common(1)[0]
    # an upright page stays upright unless most of its text says otherwise
    return best if count > counts.get(Orientation.UPRIGHT, 0) else Orientation.UPRIGHT
