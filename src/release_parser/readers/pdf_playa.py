"""Read the characters and rules of PDF pages with playa, as pdfplumber gives them.

playa interprets a page's content lazily and hands out text objects and
paths; this module turns them into the plain dicts of pdfplumber's
``page.chars``, ``page.lines``, ``page.rects`` and ``page.curves``, so that
every later step of :mod:`.pdf` (glyphs, lines, ruled grids, running headers)
is shared by both engines and gives the same layout:

- a character's box is pdfminer's: its advance across, one em high from the
  font's descent, with the widths and names pdfminer gives the font, placed
  as pdfminer places it (which differs from playa in the character spacing
  after a string); its ``matrix`` is pdfminer's text matrix;
- a path is split into subpaths and sorted into lines, rectangles and curves
  as pdfminer's ``paint_path`` does (:func:`path_shapes`);
- positions are pdfplumber's: points from the top left of the MediaBox, with
  the page's rotation applied (:func:`plumber_bbox`).

The bounds of :mod:`.pdf_bounds` hold here too: the streams a page decodes
(contents, forms, fonts) are measured before it is read, every operator the
interpreter runs and every glyph drawn is counted against the page's budget,
and the deadline is checked as they are.

playa is imported here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import playa
from playa.content import ImageObject, PathObject, TextObject, XObjectObject
from playa.exceptions import PDFEncryptionError, PDFPasswordIncorrect
from playa.font import CIDFont, Font, Type3Font
from playa.fontmetrics import FONT_METRICS
from playa.pdftypes import ContentStream, resolve1
from playa.utils import mult_matrix

from ..errors import EncryptedPDFError, ReadError, ResourceLimitError
from .pdf_bounds import ContentMeter, DocumentBounds, ObjectModel, PageBudget, decoded_size, first_visit, resource_streams
from .pdf_pages import numbered_pages

__all__ = [
    "PlayaPage",
    "open_document",
    "page_loaders",
    "read_page",
    "plumber_bbox",
    "PDFMINER_BUILTIN_FONTS",
    "path_shapes",
]

#: Fonts pdfminer reads from its own metrics (the standard 14, and Arial, Courier New and Times New Roman).
PDFMINER_BUILTIN_FONTS = frozenset({
    "Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-BoldOblique", "Helvetica-Oblique",
    "Times-Roman", "Times-Bold", "Times-BoldItalic", "Times-Italic", "Symbol", "ZapfDingbats",
    "Arial", "Arial,Bold", "Arial,BoldItalic", "Arial,Italic",
    "CourierNew", "CourierNew,Bold", "CourierNew,BoldItalic", "CourierNew,Italic",
    "TimesNewRoman", "TimesNewRoman,Bold", "TimesNewRoman,BoldItalic", "TimesNewRoman,Italic",
})  # fmt: skip
#: pdfminer's metrics of the built-in Courier faces give them this descent (playa's say -157).
PDFMINER_COURIER_DESCENT = -194.0
#: A file that ends without this marker near its end was cut short.
_EOF_MARKER = b"%%EOF"
_EOF_WINDOW = 1024
#: A subpath: a move and what follows it up to the next move (as pdfminer splits paths).
_SUBPATH = re.compile(r"m[^m]+")

Box = tuple[float, float, float, float]
Point = tuple[float, float]
Char = dict[str, Any]


@dataclass
class PlayaPage:
    """A page read by playa, with the attributes of a pdfplumber page that :mod:`.pdf` reads."""

    page_number: int
    bbox: Box
    chars: list[Char] = field(default_factory=list)
    lines: list[Char] = field(default_factory=list)
    rects: list[Char] = field(default_factory=list)
    curves: list[Char] = field(default_factory=list)
    images: list[Char] = field(default_factory=list)
    budget: PageBudget | None = None

    def close(self) -> None:
        """Drop what the page holds."""
        self.chars, self.lines, self.rects, self.curves, self.images = [], [], [], [], []


# ---------------------------------------------------------------------------
# the document
# ---------------------------------------------------------------------------


def open_document(data: bytes, source: str, password: str | None) -> playa.Document:
    """Open a PDF's bytes with playa, its errors told as release_parser's.

    Raises
    ------
    EncryptedPDFError
        The password is missing or wrong, or the encryption is not supported.
    ReadError
        The file cannot be opened at all.
    """
    try:
        return playa.parse(data, password=password or "", space="page")
    except MemoryError as error:
        raise ResourceLimitError(f"{source}: not enough memory to open the PDF") from error
    except PDFPasswordIncorrect as error:
        if password:
            raise EncryptedPDFError(f"{source}: the PDF is encrypted and the password given is wrong") from error
        raise EncryptedPDFError(f"{source}: the PDF is encrypted: pass password=") from error
    except PDFEncryptionError as error:
        raise EncryptedPDFError(f"{source}: the PDF's encryption is not supported: {error}") from error
    except Exception as error:  # playa raises many types on damaged files
        raise ReadError(f"{source}: the PDF is damaged and cannot be read ({_describe(error)})") from error


def _describe(error: BaseException) -> str:
    return str(error) or type(error).__name__


def page_loaders(
    document: playa.Document, data: bytes, source: str, limit: int, bounds: DocumentBounds
) -> Iterator[tuple[int, Callable[[], PlayaPage]]]:
    """The first ``limit`` pages, each as its number and a function that reads it.

    Pages are found lazily; later ones are counted, never read, and a
    :class:`~release_parser.errors.ReleaseWarning` says so. Reading a page measures its content
    first, then runs its operators against a fresh budget.

    Raises
    ------
    ReadError
        The page tree is damaged before its first page, or the file is cut
        short and no page can be found.
    """
    found = False
    for number, page in numbered_pages(iter(document.pages), source, limit,
                                       total=lambda seen: _page_total(document, seen), describe=_describe):
        found = True
        bounds.deadline.check(number)
        yield number, partial(_load, page, number, bounds)
        _forget_objects(document)
    if not found and _EOF_MARKER not in data[-_EOF_WINDOW:]:
        raise ReadError(f"{source}: the PDF is truncated (no page found and no {_EOF_MARKER.decode()} marker)")


def _load(page: playa.Page, number: int, bounds: DocumentBounds) -> PlayaPage:
    measure(bounds.meter, page, number)
    return read_page(page, number, bounds.budget(number))


def _page_total(document: playa.Document, at_least: int) -> str:
    try:
        count = int(resolve1(resolve1(document.catalog["Pages"])["Count"]))
    except Exception:  # the count is only for the message
        return f"{at_least}+"
    return str(count) if count >= at_least else f"{at_least}+"


def _forget_objects(document: playa.Document) -> None:
    """Drop playa's cache of parsed objects (page contents would pile up in it); fonts stay cached."""
    cache = getattr(document, "_cached_objs", None)
    if isinstance(cache, dict):
        cache.clear()


# ---------------------------------------------------------------------------
# inflated content, measured before the page is read
# ---------------------------------------------------------------------------


def measure(meter: ContentMeter, page: playa.Page, number: int) -> int:
    """Bytes ``page`` decodes (see :meth:`ContentMeter.measure_streams`)."""
    streams = ((_stream_key(stream), partial(_stream_size, stream)) for stream in page_streams(page))
    return meter.measure_streams(streams, number)


def _stream_key(stream: ContentStream) -> tuple[int, int | None] | None:
    return (stream.objid, stream.genno) if stream.objid is not None else None


def _stream_size(stream: ContentStream, limit: int) -> int:
    """Bytes ``stream`` decodes to, counted no further than just past ``limit``, without decoding it."""
    cached = stream._data  # decoded already (a shared stream read on an earlier page)
    if cached is not None:
        return len(cached)
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    return decoded_size(data, [literal.name for literal in stream.filters], limit)


def _is_stream(value: object) -> bool:
    # by the class's ancestry, never isinstance: playa's ContentStream shares the abstract
    # Mapping's subclass caches, so isinstance(a dict, ContentStream) would record dict as no
    # Mapping for the whole process (and a later dict could pass for a stream)
    return ContentStream in type(value).__mro__


def _literal_name(value: object) -> str | None:
    name = getattr(resolve1(value), "name", None)
    return name if isinstance(name, str) else None


#: playa's objects.
PLAYA_OBJECTS = ObjectModel(
    resolve=resolve1,
    is_stream=_is_stream,
    is_form=lambda stream: _literal_name(stream.get("Subtype")) == "Form",
)


def page_streams(page: playa.Page) -> Iterator[ContentStream]:
    """Every stream reading ``page`` decodes: contents, form XObjects, fonts' maps and programs."""
    seen: set[int] = set()
    for content in page._contents:
        stream = resolve1(content)
        if _is_stream(stream) and first_visit(stream, seen):
            yield stream
    yield from resource_streams(page.resources, seen, PLAYA_OBJECTS)


# ---------------------------------------------------------------------------
# the page: characters and rules as pdfplumber's dicts
# ---------------------------------------------------------------------------


def plumber_bbox(page: playa.Page) -> Box:
    """The page's box as pdfplumber gives it: the MediaBox, turned with the page, flipped to a top-left origin."""
    x0, y0, x1, y1 = page.mediabox
    x0, x1 = sorted((x0, x1))
    y0, y1 = sorted((y0, y1))
    if page.rotate in (90, 270):
        x0, y0, x1, y1 = y0, x0, y1, x1
    height = y1 - y0
    return (x0, height - y1, x1, height - y0)


def read_page(page: playa.Page, number: int, budget: PageBudget | None = None) -> PlayaPage:
    """Run the page's content (its forms included) and collect its characters and rules.

    Every operator run and every glyph drawn spends ``budget`` (when given).
    """
    read = PlayaPage(page_number=number, bbox=plumber_bbox(page), budget=budget)
    frame = _Frame.of(read.bbox)
    fonts: dict[int, _MinerFont] = {}
    for obj, line in _content_objects(page.interp(), budget, frozenset()):
        if isinstance(obj, TextObject):
            chars = _text_chars(obj, line, frame, fonts)
            read.chars.extend(chars)
            if budget is not None:
                budget.spend(len(chars))
        elif isinstance(obj, PathObject):
            for kind, points in path_shapes(obj):
                getattr(read, kind + "s").append(frame.ruling(kind, points))
        elif isinstance(obj, ImageObject):
            read.images.append({"object_type": "image"})
    return read


def _content_objects(
    interpreter: Iterator[Any], budget: PageBudget | None, parents: frozenset[int]
) -> Iterator[tuple[Any, _LineState]]:
    """The objects a page draws, each with the text line state of its stream; forms are opened in place.

    A form drawn inside itself is not opened again (as pdfminer does).
    """
    if budget is not None:
        _count_operators(interpreter, budget)
    line = _LineState()
    for obj in interpreter:
        if isinstance(obj, XObjectObject):
            stream_id = obj.stream.objid or 0
            if stream_id not in parents:
                yield from _content_objects(obj.interp(), budget, parents | {stream_id})
        else:
            yield obj, line


def _count_operators(interpreter: Any, budget: PageBudget) -> None:
    """Make each operator the interpreter runs spend one step of ``budget``.

    playa runs an operator through its dispatch table (keyword to method and
    argument count); each method is wrapped in one that spends first.
    """
    dispatch = getattr(interpreter, "_dispatch", None)
    if not isinstance(dispatch, dict):
        return
    for keyword, (method, arguments) in list(dispatch.items()):
        dispatch[keyword] = (_spending(method, budget.spend), arguments)


def _spending(method: Callable[..., Any], spend: Callable[[], None]) -> Callable[..., Any]:
    def run(*arguments: Any) -> Any:
        spend()
        return method(*arguments)

    return run


@dataclass(frozen=True)
class _Frame:
    """pdfplumber's frame of a page: x shifted by the MediaBox's left, y flipped about its height."""

    left: float
    top: float
    height: float

    @classmethod
    def of(cls, bbox: Box) -> _Frame:
        return cls(bbox[0], bbox[1], bbox[3] - bbox[1])

    def char(self, text: str, box: Box, fontname: str, matrix: tuple[float, ...], upright: bool, size: float) -> Char:
        x0, y0, x1, y1 = box
        return {
            "object_type": "char", "text": text, "fontname": fontname, "size": size, "upright": upright,
            "matrix": matrix, "x0": x0 + self.left, "x1": x1 + self.left, "y0": y0, "y1": y1,
            "top": self.height - y1 + self.top, "bottom": self.height - y0 + self.top,
            "width": x1 - x0, "height": y1 - y0,
        }  # fmt: skip

    def ruling(self, kind: str, points: Sequence[Point]) -> Char:
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        top = self.height - y1 + self.top
        return {
            "object_type": kind, "x0": x0 + self.left, "x1": x1 + self.left, "y0": y0, "y1": y1,
            "top": top, "bottom": self.height - y0 + self.top, "doctop": top, "width": x1 - x0, "height": y1 - y0,
            "pts": [(x + self.left, self.top + self.height - y) for x, y in points],
        }  # fmt: skip


class _LineState:
    """Where pdfminer would be on the current text line of one content stream.

    pdfminer adds the character spacing *between* the glyphs of one string,
    not after its last glyph, where playa (as the PDF standard says) adds it
    after each glyph; so on a line shown by several strings pdfminer falls
    behind by one spacing per string. ``lag`` is that difference, in text
    space; a move to a new line (playa's glyph offset back at zero) clears it.
    """

    def __init__(self) -> None:
        self.lag = 0.0

    def start(self, text: TextObject) -> float:
        x, y = text._glyph_offset
        if x == 0 and y == 0:
            self.lag = 0.0
        return x + self.lag

    def end(self, text: TextObject, pdfminer_x: float) -> None:
        self.lag = pdfminer_x - text._get_next_glyph_offset()[0]


def _text_chars(text: TextObject, line: _LineState, frame: _Frame, fonts: dict[int, _MinerFont]) -> list[Char]:
    """The characters of one text object, placed and measured as pdfminer places them (``render_string``)."""
    font = text.gstate.font
    if font is None:
        return []
    if font.vertical:
        return _vertical_chars(text, frame, fonts)
    miner = _miner_font(font, fonts)
    state = text.gstate
    size = state.fontsize
    scaling = state.scaling * 0.01
    charspace = state.charspace * scaling
    wordspace = 0.0 if font.multibyte else state.wordspace * scaling
    step = 0.001 * size * scaling
    a, b, c, d, e, f = mult_matrix(text.line_matrix, text.ctm)
    low = miner.descent * size + state.rise
    high = low + size
    upright = a * d * scaling > 0 and b * c <= 0
    y = text._glyph_offset[1]
    x = line.start(text)
    chars: list[Char] = []
    spaced = False
    name, measured, em = miner.name, miner.measured, size * scaling
    for item in text.args:
        if not isinstance(item, bytes):
            x -= item * step
            spaced = True
            continue
        for code in font.decode(item):
            if spaced:
                x += charspace
            printed, width = measured.get(code) or miner.measure(font, *code)
            advance = width * em
            matrix = (a, b, c, d, a * x + c * y + e, b * x + d * y + f)
            box = _box(matrix, advance, low, high)
            chars.append(frame.char(printed, box, name, matrix, upright, box[3] - box[1]))
            x += advance
            if code[0] == 32 and wordspace:
                x += wordspace
            spaced = True
    line.end(text, x)
    return chars


def _miner_font(font: Font, fonts: dict[int, _MinerFont]) -> _MinerFont:
    miner = fonts.get(id(font))
    if miner is None:
        miner = fonts[id(font)] = _MinerFont.of(font)
    return miner


def _box(matrix: tuple[float, ...], advance: float, low: float, high: float) -> Box:
    """The box from ``(0, low)`` to ``(advance, high)`` through ``matrix``: pdfminer's box of a glyph."""
    a, b, c, d, e, f = matrix
    if b == 0 and c == 0:
        x0, x1 = e, a * advance + e
        y0, y1 = d * low + f, d * high + f
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    return _bound([(0, low), (advance, low), (advance, high), (0, high)], matrix)


def _vertical_chars(text: TextObject, frame: _Frame, fonts: dict[int, _MinerFont]) -> list[Char]:
    """Characters of a vertical (CJK) font, placed by playa, boxed as pdfminer boxes them."""
    font = text.gstate.font
    miner = _miner_font(font, fonts)
    a, b, c, d, _, _ = mult_matrix(text.line_matrix, text.ctm)
    rise = text.gstate.rise
    upright = a * d * text.gstate.scaling > 0 and b * c <= 0
    chars = []
    for glyph in text:
        advance = font.vdisp(glyph.cid)
        vx, vy = font.position(glyph.cid)
        box = _bound([(-vx, vy + advance), (-vx + 1, vy + advance), (-vx + 1, vy), (-vx, vy)], glyph.matrix)
        matrix = (a, b, c, d, glyph.matrix[4] - rise * c, glyph.matrix[5] - rise * d)
        shown = miner.text(font, glyph.cid, glyph.text or "")
        chars.append(frame.char(shown, box, miner.name, matrix, upright, box[2] - box[0]))
    return chars


def _bound(points: Sequence[Point], matrix: tuple[float, ...]) -> Box:
    a, b, c, d, e, f = matrix
    xs = [a * x + c * y + e for x, y in points]
    ys = [b * x + d * y + f for x, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class _MinerFont:
    """A font as pdfminer reads it: its name, descent and widths, and how it prints unmapped codes.

    pdfminer takes the metrics of the fonts it knows (:data:`PDFMINER_BUILTIN_FONTS`)
    from its own tables, for TrueType fonts too; gives a code missing from the
    widths the descriptor's ``MissingWidth`` or 0 (playa: 1000); reads a missing
    ``Descent`` as 0; and prints a code it cannot map to Unicode as ``(cid:N)``.
    """

    name: str
    descent: float  # in ems, negative
    by_character: Mapping[str, float] | None  # built-in metrics, keyed by the character shown
    by_code: Mapping[int, float]
    missing: float
    scale: float  # glyph space to text space
    measured: dict[tuple[int, str], tuple[str, float]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, font: Font) -> _MinerFont:
        descriptor = font.descriptor if isinstance(font.descriptor, dict) else {}
        missing = _number(descriptor.get("MissingWidth"), 0.0)
        if isinstance(font, Type3Font):
            name = _name(descriptor.get("FontName")) or "unknown"
            matrix = font.matrix
            return cls(name, font.descent * (matrix[1] + matrix[3]), None, font.widths, missing, matrix[0] + matrix[2])
        basefont = getattr(font, "basefont", "")
        if basefont in PDFMINER_BUILTIN_FONTS and not isinstance(font, CIDFont):
            builtin, widths = FONT_METRICS[basefont]
            courier = basefont.startswith("Courier")
            descent = PDFMINER_COURIER_DESCENT if courier else _number(builtin.get("Descent"), 0.0)
            return cls(_name(builtin.get("FontName")) or basefont, -abs(descent) * 0.001, widths, {}, 0.0, 0.001)
        descent = -abs(_number(descriptor.get("Descent"), 0.0)) * 0.001
        widths = getattr(font, "widths", None)
        return cls(font.fontname, descent, None, widths if isinstance(widths, dict) else {}, missing, 0.001)

    def measure(self, font: Font, cid: int, shown: str) -> tuple[str, float]:
        """What pdfminer prints for a code and its width (text space units), remembered for the next time."""
        measured = self.measured[cid, shown] = (self.text(font, cid, shown), self.width(font, cid, shown))
        return measured

    def width(self, font: Font, cid: int, shown: str) -> float:
        """pdfminer's width of a code, in text space units."""
        if isinstance(font, CIDFont):
            return font.hdisp(cid)
        width = self.by_code.get(cid)
        if width is None and self.by_character is not None:
            width = self.by_character.get(self.text(font, cid, shown))
        return (self.missing if width is None else width) * self.scale

    def text(self, font: Font, cid: int, shown: str) -> str:
        """What pdfminer prints for a code: playa's reading, or ``(cid:N)`` where nothing maps it."""
        if shown:
            return shown
        return f"(cid:{cid})"


def _number(value: object, default: float) -> float:
    value = resolve1(value)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _name(value: object) -> str | None:
    value = resolve1(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    name = getattr(value, "name", value)
    return name if isinstance(name, str) else None


def path_shapes(path: PathObject) -> Iterator[tuple[str, list[Point]]]:
    """The lines, rectangles and curves of a painted path, as pdfminer's ``paint_path`` sorts them.

    Yields ``(kind, points)``, kind one of ``"line"``, ``"rect"``, ``"curve"``,
    points in device space (a rectangle's four corners).
    """
    segments = path.raw_segments
    shape = "".join(segment.operator for segment in segments)
    if shape[:1] != "m":
        return
    if shape.count("m") > 1:
        for match in _SUBPATH.finditer(shape):
            yield _shape(segments[match.start() : match.end()], path.ctm)
    else:
        yield _shape(segments, path.ctm)


def _shape(segments: Sequence[Any], ctm: tuple[float, ...]) -> tuple[str, list[Point]]:
    a, b, c, d, e, f = ctm
    start = segments[0].points[-1]
    raw = [segment.points[-1] if segment.operator != "h" else start for segment in segments]
    points = [(a * x + c * y + e, b * x + d * y + f) for x, y in raw]
    shape = "".join(segment.operator for segment in segments)
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:  # a redundant "l" before "h"
        shape = shape[:-2] + "h"
        points.pop()
    if shape in ("mlh", "ml"):
        return "line", points[:2]
    if shape in ("mlllh", "mllll") and _is_rectangle(points):
        (x0, y0), (x1, y1) = points[0], points[2]
        return "rect", [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return "curve", points


def _is_rectangle(points: Sequence[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
    closed = points[0] == points[4]
    square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
    return closed and square
