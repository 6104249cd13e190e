"""Bounds on what one PDF may cost: inflated content, operators and glyphs, and time.

A small PDF can inflate to gigabytes (a compressed stream of zeros) or draw
millions of shapes. Three bounds keep reading finite, each checked where the
work happens, not only between pages:

- :class:`ContentMeter` inflates every stream a page will decode (its
  contents, its form XObjects, its fonts' maps and programs) in small chunks,
  counting bytes and keeping none, before the reader decodes any of them; a
  page beyond :data:`DEFAULT_MAX_PAGE_CONTENT_BYTES`, or a document beyond
  ``max_content_bytes``, is refused;
- :class:`PageBudget` counts the operators the interpreter runs and the glyphs
  it draws on a page (``max_operators``), and checks the :class:`Deadline`
  every :data:`CHECK_EVERY` steps, so a timeout interrupts a page in the middle;
- :class:`BoundedPage` is pdfplumber's page, laid out by an interpreter and a
  device that spend the budget.

The meter, the budget and the deadline serve both readers: pdfminer's streams
are measured here, playa's in :mod:`.pdf_playa` (through
:meth:`ContentMeter.measure_streams` and :func:`decoded_size`).

pdfminer and pdfplumber are imported in this module and in :mod:`.pdf` only.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from functools import partial
from io import BytesIO

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfinterp import LITERAL_FORM, PDFContentParser, PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import PSKeyword, keyword_name
from pdfminer.runlength import rldecode
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import ContentLimitError, OperatorLimitError, ReleaseParserError, TimeLimitError

__all__ = [
    "DEFAULT_MAX_CONTENT_BYTES",
    "DEFAULT_MAX_PAGE_CONTENT_BYTES",
    "DEFAULT_MAX_OPERATORS",
    "CHECK_EVERY",
    "Deadline",
    "PageBudget",
    "ContentMeter",
    "DocumentBounds",
    "BoundedPage",
    "inflated_size",
    "decoded_size",
    "ObjectModel",
    "resource_streams",
    "first_visit",
    "page_streams",
]

#: Inflated content a whole document may hold (each stream counted once).
DEFAULT_MAX_CONTENT_BYTES = 512 * 1024 * 1024
#: Inflated content one page may decode (its streams, forms and fonts). Real slides stay under a few MB.
DEFAULT_MAX_PAGE_CONTENT_BYTES = 64 * 1024 * 1024
#: Operators run plus glyphs drawn on one page. A dense slide runs some ten thousand.
DEFAULT_MAX_OPERATORS = 400_000
#: The deadline is read once per this many operators or glyphs.
CHECK_EVERY = 512

_CHUNK = 1 << 20
#: Filter names (full and abbreviated, PDF 1.7 table 6) of the codecs counted.
_FLATE = frozenset({"FlateDecode", "Fl"})
_LZW = frozenset({"LZWDecode", "LZW"})
_ASCII85 = frozenset({"ASCII85Decode", "A85"})
_ASCIIHEX = frozenset({"ASCIIHexDecode", "AHx"})
_RUNLENGTH = frozenset({"RunLengthDecode", "RL"})


@dataclass(frozen=True)
class Deadline:
    """A point in monotonic time after which reading stops with :class:`TimeLimitError`."""

    source: str
    seconds: float
    at: float

    @classmethod
    def after(cls, seconds: float, source: str) -> Deadline:
        return cls(source, seconds, time.monotonic() + seconds)

    def check(self, page: int) -> None:
        """Raise :class:`TimeLimitError` when the time is up."""
        if time.monotonic() > self.at:
            raise TimeLimitError(
                f"{self.source}: reading stopped on page {page}: it took longer than {self.seconds:g} s (timeout)"
            )


@dataclass
class PageBudget:
    """Operators and glyphs one page may still spend, and the document's deadline."""

    page: int
    limit: int
    deadline: Deadline
    used: int = 0

    def spend(self, count: int = 1) -> None:
        """Count ``count`` steps; raise past the limit, and check the deadline now and then."""
        before = self.used
        self.used += count
        if self.used > self.limit:
            raise OperatorLimitError(
                f"{self.deadline.source}: page {self.page} draws more than {self.limit:,} operators and glyphs"
                " (max_operators)"
            )
        if before // CHECK_EVERY != self.used // CHECK_EVERY:
            self.deadline.check(self.page)


# ---------------------------------------------------------------------------
# inflated content, measured without keeping it
# ---------------------------------------------------------------------------


def _count_flate(data: bytes, limit: int) -> int:
    """Bytes ``data`` inflates to, counting no further than ``limit + 1``; broken data counts as far as it goes."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        while data and total <= limit:
            total += len(inflater.decompress(data, _CHUNK))
            data = inflater.unconsumed_tail
    except zlib.error:
        pass
    return total


def _inflate(data: bytes, limit: int) -> bytes:
    """``data`` inflated, at most ``limit + 1`` bytes of it."""
    inflater = zlib.decompressobj()
    try:
        return inflater.decompress(data, limit + 1)
    except zlib.error:
        return b""


def _count_lzw(data: bytes, limit: int) -> int:
    total = 0
    for piece in LZWDecoder(BytesIO(data)).run():
        total += len(piece)
        if total > limit:
            break
    return total


def inflated_size(stream: PDFStream, limit: int) -> int:
    """Bytes ``stream`` decodes to, counted no further than just past ``limit``.

    Compressed data is inflated in chunks that are counted and dropped, so a
    bomb costs a megabyte of memory, not its inflated size. Image codecs (DCT,
    JPX, JBIG2, CCITT), which text reading never decodes, count as stored.
    """
    if stream.data is not None:
        return len(stream.data)
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    return decoded_size(data, [getattr(name, "name", name) for name, _params in stream.get_filters()], limit)


def decoded_size(data: bytes, filters: Sequence[object], limit: int) -> int:
    """Bytes ``data`` decodes to through ``filters`` (their names), counted no further than just past ``limit``.

    Works on any reader's streams: only the filter names and the raw bytes
    (already deciphered) are needed.

    >>> decoded_size(zlib.compress(b" " * 5000), ["FlateDecode"], 10_000)
    5000
    """
    for index, name in enumerate(filters):
        last = index == len(filters) - 1
        if name in _FLATE:
            if last:
                return _count_flate(data, limit)
            data = _inflate(data, limit)
        elif name in _LZW:
            if last:
                return _count_lzw(data, limit)
            data = b"".join(LZWDecoder(BytesIO(data)).run())
        elif name in _ASCII85:
            data = ascii85decode(data)
        elif name in _ASCIIHEX:
            data = asciihexdecode(data)
        elif name in _RUNLENGTH:
            data = rldecode(data)
        else:
            break
        if len(data) > limit:
            break
    return len(data)


@dataclass(frozen=True)
class ObjectModel:
    """How one PDF library shows objects: following a reference, and telling streams and forms."""

    resolve: Callable[[object], object]
    is_stream: Callable[[object], bool]
    is_form: Callable[[Any], bool]


def resource_streams(resources: object, seen: set[int], model: ObjectModel) -> Iterator[Any]:
    """Form XObjects (and their own resources) and font streams a page's resources name,
    each once (``seen`` holds the ids of those met already)."""
    resources = model.resolve(resources)
    if not isinstance(resources, dict):
        return
    xobjects = model.resolve(resources.get("XObject"))
    if isinstance(xobjects, dict):
        for value in xobjects.values():
            xobject = model.resolve(value)
            if model.is_stream(xobject) and model.is_form(xobject) and first_visit(xobject, seen):
                yield xobject
                yield from resource_streams(xobject.get("Resources"), seen, model)  # type: ignore[attr-defined]
    fonts = model.resolve(resources.get("Font"))
    if isinstance(fonts, dict):
        for value in fonts.values():
            yield from _font_streams(model.resolve(value), seen, model)


def _font_streams(font: object, seen: set[int], model: ObjectModel) -> Iterator[Any]:
    if not isinstance(font, dict):
        return
    candidates = [font.get("ToUnicode"), font.get("Encoding")]
    descriptor = model.resolve(font.get("FontDescriptor"))
    if isinstance(descriptor, dict):
        candidates += [descriptor.get(key) for key in ("FontFile", "FontFile2", "FontFile3")]
    for candidate in candidates:
        stream = model.resolve(candidate)
        if model.is_stream(stream) and first_visit(stream, seen):
            yield stream
    descendants = model.resolve(font.get("DescendantFonts"))
    if isinstance(descendants, list):
        for descendant in descendants:
            if id(descendant) not in seen:
                seen.add(id(descendant))
                yield from _font_streams(model.resolve(descendant), seen, model)


def first_visit(stream: object, seen: set[int]) -> bool:
    """True the first time ``stream`` is met (its id joins ``seen``)."""
    key = id(stream)
    if key in seen:
        return False
    seen.add(key)
    return True


#: pdfminer's objects.
PDFMINER_OBJECTS = ObjectModel(
    resolve=resolve1,
    is_stream=lambda value: isinstance(value, PDFStream),
    is_form=lambda stream: resolve1(stream.get("Subtype")) is LITERAL_FORM,
)


def page_streams(page: PDFPage) -> Iterator[PDFStream]:
    """Every stream reading ``page`` decodes: contents, form XObjects, fonts' maps and programs."""
    seen: set[int] = set()
    for content in page.contents:
        stream = resolve1(content)
        if isinstance(stream, PDFStream) and first_visit(stream, seen):
            yield stream
    yield from resource_streams(page.resources, seen, PDFMINER_OBJECTS)


@dataclass
class ContentMeter:
    """Inflated bytes per page and per document, refused past their caps before anything is decoded."""

    source: str
    max_content_bytes: int = DEFAULT_MAX_CONTENT_BYTES
    max_page_content_bytes: int = DEFAULT_MAX_PAGE_CONTENT_BYTES
    total: int = 0
    _sizes: dict[Hashable, int] = field(default_factory=dict)

    def measure(self, page: PDFPage, number: int) -> int:
        """Bytes pdfminer's ``page`` decodes; raise :class:`ContentLimitError` past a cap."""
        streams = ((_stream_key(stream), partial(inflated_size, stream)) for stream in page_streams(page))
        return self.measure_streams(streams, number)

    def measure_streams(self, streams: Iterable[tuple[Hashable | None, Callable[[int], int]]], number: int) -> int:
        """Bytes the streams of page ``number`` decode; raise :class:`ContentLimitError` past a cap.

        Each stream is given as its key (None for a direct stream, which is
        never counted twice) and a function returning its decoded size,
        counted no further than just past the limit it is given. A stream
        already met on an earlier page counts towards this page but not again
        towards the document.
        """
        page_limit = min(self.max_page_content_bytes, self.max_content_bytes)
        page_bytes = 0
        for key, size_within in streams:
            size = self._sizes.get(key) if key is not None else None
            if size is None:
                size = size_within(page_limit - page_bytes)
                if key is not None:
                    self._sizes[key] = size
                self.total += size
            page_bytes += size
            if page_bytes > page_limit:
                raise ContentLimitError(
                    f"{self.source}: page {number} inflates to more than {page_limit:,} bytes of content"
                    " (max_content_bytes)"
                )
            if self.total > self.max_content_bytes:
                raise ContentLimitError(
                    f"{self.source}: the document inflates to more than {self.max_content_bytes:,} bytes of content"
                    f" by page {number} (max_content_bytes)"
                )
        return page_bytes


def _stream_key(stream: PDFStream) -> tuple[int, int] | None:
    return (stream.objid, stream.genno) if stream.objid is not None else None


@dataclass
class DocumentBounds:
    """The bounds of one document: its deadline, its content meter and the operators a page may run."""

    deadline: Deadline
    meter: ContentMeter
    max_operators: int

    def budget(self, page: int) -> PageBudget:
        """A fresh budget for page ``page``."""
        return PageBudget(page=page, limit=self.max_operators, deadline=self.deadline)


# ---------------------------------------------------------------------------
# the page, laid out by an interpreter and a device that spend the budget
# ---------------------------------------------------------------------------


class _BoundedDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, counting each glyph it draws against the page budget."""

    budget: PageBudget | None = None

    def render_char(self, *args, **kwargs):  # noqa: ANN002, ANN003 - pdfminer's signature, passed through
        if self.budget is not None:
            self.budget.spend()
        return super().render_char(*args, **kwargs)


class _BoundedInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, counting each operator it runs against the device's budget.

    ``execute`` is pdfminer's own loop (20260107), with the count added.
    """

    def execute(self, streams) -> None:  # noqa: ANN001 - pdfminer's signature
        budget: PageBudget | None = getattr(self.device, "budget", None)
        valid = []
        self.stream_ids.clear()
        for obj in streams:
            stream = resolve1(obj)
            if not isinstance(stream, PDFStream) or stream.objid is None or stream.objid in self.parent_stream_ids:
                continue  # inline data, or a form that draws itself
            valid.append(stream)
            self.stream_ids.add(stream.objid)
        try:
            parser = PDFContentParser(valid)
        except PSEOF:
            return
        while True:
            try:
                _, obj = parser.nextobject()
            except PSEOF:
                break
            if not isinstance(obj, PSKeyword):
                self.push(obj)
                continue
            if budget is not None:
                budget.spend()
            name = keyword_name(obj)
            method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
            func = getattr(self, method, None)
            if func is None:
                continue
            nargs = func.__code__.co_argcount - 1
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()


class BoundedPage(Page):
    """A pdfplumber page whose layout spends a :class:`PageBudget` (when one is given).

    Errors of release_parser (the budget's) and ``MemoryError`` pass through;
    pdfminer's own errors are wrapped as pdfplumber wraps them.
    """

    def __init__(self, *args, budget: PageBudget | None = None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.budget = budget

    @property
    def layout(self):  # noqa: ANN201 - pdfminer's LTPage
        if hasattr(self, "_layout"):
            return self._layout
        device = _BoundedDevice(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
        device.budget = self.budget
        interpreter = _BoundedInterpreter(self.pdf.rsrcmgr, device)
        try:
            interpreter.process_page(self.page_obj)
        except (ReleaseParserError, MemoryError):
            raise
        except Exception as error:  # pdfminer raises many types on damaged pages
            raise PdfminerException(error) from error
        self._layout = device.get_result()
        return self._layout
