"""Read PDF releases into a :class:`~release_parser.layout.Layout`.

Each page is read once, through its characters, and closed before the next
one is opened, so memory stays flat however long the document is. Two engines
read the characters and rules of a page (``engine=``): pdfplumber, the
reference, and playa (:mod:`.pdf_playa`), several times faster, which gives
the same character dicts, so everything below is shared:

- characters become glyphs in reading orientation (:mod:`.pdf_glyphs`);
- pages with drawn rules go through pdfplumber's table finder (fed the edges
  of the page's lines, rectangles and curves, whichever engine read them);
  each row of a ruled table becomes one line with one cell per ruled cell;
- the other glyphs form visual lines, split into cells at wide gaps
  (:mod:`.pdf_lines`);
- running headers, footers and page numbers are dropped (:mod:`.pdf_furniture`);
- what a page may cost is bounded (:mod:`.pdf_bounds`): its inflated content
  is measured before it is decoded, its operators and glyphs are counted as
  they run, and the timeout is checked inside the page, not only between pages;
- a blank line goes where the vertical gap between two lines exceeds
  :data:`BLANK_LINE_FACTOR` line heights, and between pages, so that the
  blank-line rules of segmentation work on PDFs as they do on text.

``Line.raw`` is the line's text with its cells joined by two spaces and its
bullet marks in front (as a text release prints them), wrapped in ``**``
when the whole line is bold. Positions are in points, per page.

pdfplumber (and pdfminer below it) is imported here and in :mod:`.pdf_bounds`, nowhere else.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Literal, Protocol

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSEOF
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import (
    EmptyInputError,
    EncryptedPDFError,
    NoTextLayerError,
    NotAPDFError,
    ReadError,
    ReleaseParserError,
    ReleaseWarning,
    ResourceLimitError,
)
from ..layout import Cell, Layout, Line, LineStyle, Separator
from . import pdf_playa
from .pdf_bounds import (
    DEFAULT_MAX_CONTENT_BYTES,
    DEFAULT_MAX_OPERATORS,
    ContentMeter,
    Deadline,
    DocumentBounds,
    PageBudget,
)
from .pdf_bounds import BoundedPage as Page
from .pdf_cells import RuledTableFinder
from .pdf_furniture import PageLines, drop_furniture
from .pdf_pages import numbered_pages
from .pdf_glyphs import Orientation, to_glyphs, transform_box
from .pdf_grid import build_grid_rows, join_rows_beside
from .pdf_lines import TextLine, build_line, group_lines, page_space_widths
from .text import PIPE_ROW as _PIPE_ROW

__all__ = [
    "read_pdf",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_CONTENT_BYTES",
    "DEFAULT_MAX_OPERATORS",
    "BLANK_LINE_FACTOR",
    "ENGINES",
    "DEFAULT_ENGINE",
]

logger = logging.getLogger(__name__)

#: Pages read when ``max_pages`` is not given; later pages are ignored with a warning.
DEFAULT_MAX_PAGES = 500
#: Seconds of reading allowed when ``timeout`` is not given (checked inside pages too).
DEFAULT_TIMEOUT = 60.0
#: A vertical gap wider than this many line heights is a block break (a blank line).
BLANK_LINE_FACTOR = 1.0
#: Between two lines of several cells (table rows), the gap must be this many line heights.
TABLE_ROW_BLANK_FACTOR = 2.0
#: Pages with fewer drawn lines and rectangles than this are not searched for ruled tables.
MIN_RULING_OBJECTS = 3
#: Pages with more drawn lines and rectangles than this are not searched for ruled tables
#: (the search pairs every horizontal rule with every vertical one).
MAX_RULING_OBJECTS = 3_000
#: Size of the page drawn when a page and its parents name no MediaBox, as viewers do (US Letter).
DEFAULT_MEDIABOX = (0.0, 0.0, 612.0, 792.0)
#: Rules shorter than this (points) are not table edges (pdfplumber's ``edge_min_length_prefilter``).
MIN_EDGE_LENGTH = 1
#: A ruled grid is a table when at least this many of its rows have two or more filled cells.
MIN_RULED_ROWS = 2

#: The engines that read a PDF's characters and rules: playa (fast) or pdfplumber (the reference).
ENGINES = ("playa", "pdfplumber")
#: The engine used when ``engine`` is not given.
DEFAULT_ENGINE: Literal["playa", "pdfplumber"] = "playa"

Engine = Literal["playa", "pdfplumber"]

_PDF_MAGIC = b"%PDF-"
_MAGIC_WINDOW = 1024
#: An indirect object header, ``12 0 obj``: a file with none is not a PDF at all.
_PDF_OBJECT = re.compile(rb"(?<!\d)\d++\s++\d++\s++obj\b")


def read_pdf(
    data: bytes,
    *,
    source: str = "<pdf>",
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    max_content_bytes: int | None = None,
    max_operators: int | None = None,
    engine: Engine | None = None,
) -> Layout:
    """Read the bytes of a PDF into positioned lines of cells.

    Parameters
    ----------
    data
        The whole PDF file.
    source
        Name of the source, for messages and provenance.
    password
        Password of an encrypted PDF.
    max_pages
        Read at most this many pages (default :data:`DEFAULT_MAX_PAGES`);
        later pages are not read, and a :class:`~release_parser.errors.ReleaseWarning` says so.
    timeout
        Stop with :class:`~release_parser.errors.ResourceLimitError` when
        reading takes longer than this many seconds (default
        :data:`DEFAULT_TIMEOUT`), checked inside pages as they are drawn.
    max_content_bytes
        Inflated content the document may decode (default
        :data:`DEFAULT_MAX_CONTENT_BYTES`); one page may decode at most
        :data:`~.pdf_bounds.DEFAULT_MAX_PAGE_CONTENT_BYTES` of it. Measured
        before decoding, so a compressed bomb is refused without being inflated.
    max_operators
        Operators run plus glyphs drawn on one page (default :data:`DEFAULT_MAX_OPERATORS`).
    engine
        What reads the characters and rules of each page (default
        :data:`DEFAULT_ENGINE`): ``"playa"``, several times faster, or
        ``"pdfplumber"``, the reference. Both give the same characters, and
        so the same layout; every bound above holds for both.

    Returns
    -------
    Layout
        ``kind="pdf"``; ``page_count`` is the number of pages read (a damaged
        page is left out with a warning but counted).

    Raises
    ------
    NotAPDFError
        The bytes are not a PDF.
    EncryptedPDFError
        The PDF is encrypted and ``password`` is missing or wrong.
    EmptyInputError
        The PDF has no pages, or nothing is drawn on them.
    NoTextLayerError
        No page read has any text (a scanned or image-only PDF).
    ResourceLimitError
        A bound was reached: :class:`~release_parser.errors.TimeLimitError`
        (``timeout``), :class:`~release_parser.errors.ContentLimitError`
        (``max_content_bytes``), :class:`~release_parser.errors.OperatorLimitError`
        (``max_operators``), or memory ran out on a page.
    ReadError
        The PDF is damaged beyond reading.

    Examples
    --------
    >>> read_pdf(b"<html></html>", source="page.html")
    Traceback (most recent call last):
    ...
    release_parser.errors.NotAPDFError: page.html: no %PDF- header: not a PDF
    """
    page_limit = DEFAULT_MAX_PAGES if max_pages is None else max_pages
    seconds = DEFAULT_TIMEOUT if timeout is None else timeout
    content_limit = DEFAULT_MAX_CONTENT_BYTES if max_content_bytes is None else max_content_bytes
    operator_limit = DEFAULT_MAX_OPERATORS if max_operators is None else max_operators
    if page_limit < 1:
        raise ValueError(f"max_pages must be at least 1, not {max_pages}")
    if seconds <= 0:
        raise ValueError(f"timeout must be positive, not {timeout}")
    if content_limit < 1 or operator_limit < 1:
        raise ValueError(f"max_content_bytes and max_operators must be positive, not {content_limit}, {operator_limit}")
    engine = DEFAULT_ENGINE if engine is None else engine
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if _PDF_MAGIC not in data[:_MAGIC_WINDOW]:
        raise NotAPDFError(f"{source}: no %PDF- header: not a PDF")
    if not _PDF_OBJECT.search(data):
        raise NotAPDFError(f"{source}: a %PDF- header but no PDF objects: not a PDF")
    bounds = DocumentBounds(Deadline.after(seconds, source), ContentMeter(source, max_content_bytes=content_limit),
                            operator_limit)
    read = _read_with_playa if engine == "playa" else _read_with_pdfplumber
    read_pages = read(data, source, password, page_limit, bounds)
    pages, read_count = read_pages.pages, read_pages.count
    if not read_count:
        raise EmptyInputError(f"{source}: no pages")
    if pages and not read_pages.drawn:
        raise EmptyInputError(f"{source}: no pages with anything drawn on them ({read_count} blank page(s))")
    if not pages:
        raise ReadError(f"{source}: none of its {read_count} page(s) can be read")
    if not any(page.lines for page in pages):
        raise NoTextLayerError(f"{source}: {read_count} page(s) without any extractable text (scanned or image-only?)")
    lines, full_text = to_layout_lines(drop_furniture(pages))
    if all(line.is_blank for line in lines):
        raise EmptyInputError(f"{source}: no text besides running headers, footers and page numbers")
    return Layout(lines=tuple(lines), source=source, page_count=read_count, kind="pdf", full_text=full_text)


def to_layout_lines(pages: Sequence[PageLines]) -> tuple[list[Line], str]:
    """Number the lines of each page, with blank lines at block and page breaks.

    Returns the lines and the document's text (pages joined by newlines).
    """
    lines: list[Line] = []
    texts: list[str] = []
    for index, page in enumerate(pages):
        page_lines: list[Line] = []
        previous: TextLine | None = None
        for text_line in page.lines:
            if previous is not None and _is_block_break(previous, text_line):
                page_lines.append(_blank(page.page, len(page_lines) + 1))
            page_lines.append(_to_line(text_line, page.page, len(page_lines) + 1))
            previous = text_line
        if index < len(pages) - 1:
            page_lines.append(_blank(page.page, len(page_lines) + 1))
        lines.extend(page_lines)
        texts.append("\n".join(line.raw for line in page_lines))
    return lines, "\n".join(texts)


def _is_block_break(previous: TextLine, following: TextLine) -> bool:
    gap = following.top - previous.bottom
    height = min(previous.size, following.size)
    factor = TABLE_ROW_BLANK_FACTOR if len(previous.cells) > 1 and len(following.cells) > 1 else BLANK_LINE_FACTOR
    return gap > factor * height


def _blank(page: int, number: int) -> Line:
    return Line(cells=(), page=page, number=number, raw="", indent=0.0, separator=Separator.NONE)


def _to_line(text_line: TextLine, page: int, number: int) -> Line:
    body = text_line.body
    if text_line.bold and body:
        body = f"**{body}**"
    raw = " ".join([*text_line.markers, body]) if text_line.markers else body
    cells = text_line.cells
    separator = Separator.GAP if len(cells) > 1 else Separator.NONE
    if len(cells) == 1 and _PIPE_ROW.match(cells[0].text):  # a markdown table printed as text
        cells, separator = _pipe_cells(cells[0]), Separator.PIPE
    return Line(
        cells=cells,
        page=page,
        number=number,
        raw=raw,
        indent=text_line.cells[0].x0,
        separator=separator,
        style=LineStyle(size=text_line.size, bold=text_line.bold, glyph_marker=text_line.glyph_marker),
    )


def _pipe_cells(cell: Cell) -> tuple[Cell, ...]:
    """A printed ``| a | b |`` row as its cells, each placed by its characters' share of the run."""
    text = cell.text
    per_char = (cell.x1 - cell.x0) / max(len(text), 1)
    cells = []
    position = text.index("|") + 1
    for part in text[position : text.rindex("|")].split("|"):
        offset = position + len(part) - len(part.lstrip())
        shown = part.strip()
        cells.append(replace(cell, text=shown, x0=cell.x0 + offset * per_char, x1=cell.x0 + (offset + len(shown)) * per_char))
        position += len(part) + 1
    return tuple(cells)


def _read_with_pdfplumber(
    data: bytes, source: str, password: str | None, limit: int, bounds: DocumentBounds
) -> _PagesRead:
    pdf = _open(data, source, password)
    try:
        return _read_pages(_plumber_pages(pdf, source, limit, bounds), source)
    finally:
        _release(pdf)


def _read_with_playa(
    data: bytes, source: str, password: str | None, limit: int, bounds: DocumentBounds
) -> _PagesRead:
    document = pdf_playa.open_document(data, source, password)
    return _read_pages(pdf_playa.page_loaders(document, data, source, limit, bounds), source)


def _open(data: bytes, source: str, password: str | None) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except MemoryError as error:
        raise ResourceLimitError(f"{source}: not enough memory to open the PDF") from error
    except PdfminerException as error:
        raise _translate(_cause(error), source, password, data) from error
    except Exception as error:  # pdfminer raises many types on damaged files
        raise _translate(error, source, password, data) from error


def _cause(error: PdfminerException) -> BaseException:
    return error.args[0] if error.args and isinstance(error.args[0], BaseException) else error


def _translate(error: BaseException, source: str, password: str | None, data: bytes) -> ReadError:
    if isinstance(error, PDFPasswordIncorrect):
        if password:
            return EncryptedPDFError(f"{source}: the PDF is encrypted and the password given is wrong")
        return EncryptedPDFError(f"{source}: the PDF is encrypted: pass password=")
    if isinstance(error, PDFEncryptionError):
        return EncryptedPDFError(f"{source}: the PDF's encryption is not supported: {error}")
    detail = _describe(error)
    if isinstance(error, PSEOF):
        return ReadError(f"{source}: the PDF is truncated ({detail})")
    return ReadError(f"{source}: the PDF is damaged and cannot be read ({detail})")


def _describe(error: BaseException) -> str:
    if isinstance(error, PdfminerException):
        error = _cause(error)
    return str(error) or type(error).__name__


def _release(pdf: pdfplumber.PDF) -> None:
    # pdfplumber's PDF.close() builds every page object to close it; ours are closed already.
    pdf.flush_cache()
    pdf.stream.close()


class PrintedPage(Protocol):
    """What the page reader needs of a page, whichever engine read it (a pdfplumber page has it all)."""

    page_number: int
    bbox: tuple[float, float, float, float]
    chars: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    rects: list[dict[str, Any]]
    curves: list[dict[str, Any]]
    images: list[dict[str, Any]]

    def close(self) -> None: ...


PageLoader = Callable[[], PrintedPage]


@dataclass(frozen=True)
class _PagesRead:
    pages: list[PageLines]  # damaged pages left out
    count: int  # pages read, damaged ones included
    drawn: int  # pages that draw anything (characters, rules, shapes or images)


def _read_pages(loaders: Iterator[tuple[int, PageLoader]], source: str) -> _PagesRead:
    """The pages read (damaged ones left out), how many were read and how many draw anything.

    ``loaders`` gives each page's number and a function that opens it (its
    content measured first). A bound reached (time, content, operators) or
    memory running out stops the whole document with a
    :class:`ResourceLimitError`: it is never taken for a damaged page.
    """
    pages: list[PageLines] = []
    number = drawn = 0
    for number, load in loaders:
        page = None
        try:
            page = load()
            pages.append(_read_page(page))
            drawn += _draws_anything(page)
        except ReleaseParserError:
            raise
        except MemoryError as error:
            raise ResourceLimitError(f"{source}: page {number} needs more memory than there is") from error
        except Exception as error:  # a damaged page: keep the others
            warnings.warn(f"{source}: page {number} skipped: it cannot be read ({error})", ReleaseWarning, stacklevel=3)
        finally:
            if page is not None:
                page.close()
    return _PagesRead(pages, number, drawn)


def _draws_anything(page: PrintedPage) -> bool:
    return bool(page.chars or page.lines or page.rects or page.curves or page.images)


def _plumber_pages(
    pdf: pdfplumber.PDF, source: str, limit: int, bounds: DocumentBounds
) -> Iterator[tuple[int, PageLoader]]:
    """Each page's number and a function that measures and opens it; pdfminer's cache is dropped after each."""
    for number, page_object in _page_objects(pdf, source, limit):
        bounds.deadline.check(number)
        yield number, partial(_open_plumber_page, pdf, page_object, number, bounds)
        _forget_objects(pdf)


def _open_plumber_page(pdf: pdfplumber.PDF, page_object: PDFPage, number: int, bounds: DocumentBounds) -> Page:
    _ensure_mediabox(page_object)
    bounds.meter.measure(page_object, number)
    return Page(pdf, page_object, page_number=number, budget=bounds.budget(number))


def _ensure_mediabox(page_object: PDFPage) -> None:
    """Give a page that names no MediaBox (nor inherits one) the default size, as viewers do.

    pdfminer reads such a page as US Letter; pdfplumber would fail on it.
    """
    if page_object.attrs.get("MediaBox") is None:
        page_object.attrs["MediaBox"] = list(page_object.mediabox or DEFAULT_MEDIABOX)


def _page_objects(pdf: pdfplumber.PDF, source: str, limit: int) -> Iterator[tuple[int, PDFPage]]:
    """The first ``limit`` page objects, lazily; later pages are counted, never read."""
    return numbered_pages(PDFPage.create_pages(pdf.doc), source, limit,
                          total=lambda seen: _page_total(pdf, seen), describe=_describe)


def _page_total(pdf: pdfplumber.PDF, at_least: int) -> str:
    try:
        count = int(pdf.doc.catalog["Pages"].resolve()["Count"])
    except Exception:  # the count is only for the message
        return f"{at_least}+"
    return str(count) if count >= at_least else f"{at_least}+"


def _forget_objects(pdf: pdfplumber.PDF) -> None:
    """Drop pdfminer's cache of parsed objects (page contents would pile up in it)."""
    cache = getattr(pdf.doc, "_cached_objs", None)
    if isinstance(cache, dict):
        cache.clear()


def _read_page(page: PrintedPage) -> PageLines:
    number = page.page_number
    _, _, right, bottom = (float(v) for v in page.bbox)
    glyphs, orientation = to_glyphs(page.chars, right, bottom)
    width, height = (bottom, right) if orientation in (Orientation.DOWN, Orientation.UP) else (right, bottom)
    if orientation is not Orientation.UPRIGHT:
        logger.debug("page %d: text printed %s, turned upright", number, orientation.value)
    _check_time(page)
    rows: list[TextLine] = []
    rulings = len(page.lines) + len(page.rects) + len(page.curves)
    if rulings > MAX_RULING_OBJECTS:
        logger.debug("page %d: %d rules and rectangles, too many to search for ruled tables", number, rulings)
    elif rulings >= MIN_RULING_OBJECTS:
        for table in _find_tables(page):
            if not _is_grid(table.cells):
                continue
            boxes = [transform_box((x0, x1, top, bot), orientation, right, bottom) for x0, top, x1, bot in table.cells]
            table_rows, rest = build_grid_rows(boxes, glyphs, number)
            if sum(len(row.cells) >= 2 for row in table_rows) >= MIN_RULED_ROWS:
                logger.debug("page %d: a ruled table of %d rows", number, len(table_rows))
                rows.extend(table_rows)
                glyphs = rest
    _check_time(page)
    spaces = page_space_widths(glyphs)
    lines = [line for group in group_lines(glyphs) if (line := build_line(group, number, spaces)) is not None]
    if rows:
        rows, lines = join_rows_beside(rows, lines)
    ordered = sorted([*lines, *rows], key=lambda line: (line.top, line.cells[0].x0))
    return PageLines(page=number, width=width, height=height, lines=tuple(ordered))


@dataclass(frozen=True)
class _Rulings:
    """The rules of a page, as pdfplumber's table finder reads a page (its box and its edges)."""

    bbox: tuple[float, float, float, float]
    edges: list[dict[str, Any]]


def _find_tables(page: PrintedPage) -> list[Any]:
    """pdfplumber's ruled tables of a page, found from its lines, rectangles and curves (as ``page.find_tables()``,
    with a linear cell search: :mod:`.pdf_cells`)."""
    return RuledTableFinder(_Rulings(tuple(page.bbox), _table_edges(page))).tables


def _table_edges(page: PrintedPage) -> list[dict[str, Any]]:
    """The edges of the page's rules that pdfplumber's table finder keeps, in its order.

    The finder keeps horizontal and vertical edges at least
    :data:`MIN_EDGE_LENGTH` long (``edge_min_length_prefilter``); leaving the
    others out here, and giving each edge only the keys the finder reads, finds
    the same tables with less copying (pages of charts have thousands of curve
    segments). Lines, then rectangles' sides, then curves' segments, as
    ``page.edges`` orders them.
    """
    edges = [_line_edge(line) for line in page.lines]
    edges += [edge for rect in page.rects for edge in _rect_edges(rect)]
    edges += [edge for curve in page.curves for edge in _curve_edges(curve["pts"])]
    return [edge for edge in edges if _is_kept(edge)]


def _is_kept(edge: dict[str, Any]) -> bool:
    orientation = edge["orientation"]
    return orientation is not None and edge["height" if orientation == "v" else "width"] >= MIN_EDGE_LENGTH


def _edge(x0: float, x1: float, top: float, bottom: float, orientation: str | None, kind: str) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": kind}


def _line_edge(line: dict[str, Any]) -> dict[str, Any]:
    """As pdfplumber's ``line_to_edge``: a line that is not horizontal counts as vertical."""
    edge = _edge(line["x0"], line["x1"], line["top"], line["bottom"], None, "line")
    edge["width"], edge["height"] = line["width"], line["height"]
    edge["orientation"] = "h" if line["top"] == line["bottom"] else "v"
    return edge


def _rect_edges(rect: dict[str, Any]) -> list[dict[str, Any]]:
    """As pdfplumber's ``rect_to_edges``: top, bottom, left and right sides."""
    x0, x1, top, bottom, width, height = (rect[key] for key in ("x0", "x1", "top", "bottom", "width", "height"))
    sides = [_edge(x0, x1, top, top, "h", "rect_edge"), _edge(x0, x1, top + height, bottom, "h", "rect_edge"),
             _edge(x0, x0, top, bottom, "v", "rect_edge"), _edge(x1, x1, top, bottom, "v", "rect_edge")]
    for side in sides[:2]:
        side["width"], side["height"] = width, 0
    for side in sides[2:]:
        side["width"], side["height"] = 0, height
    return sides


def _curve_edges(points: Sequence[tuple[float, float]]) -> list[dict[str, Any]]:
    """As pdfplumber's ``curve_to_edges``, only the horizontal and vertical segments (the others are never kept)."""
    edges = []
    for (xa, ya), (xb, yb) in zip(points, points[1:]):
        if xa == xb or ya == yb:
            orientation = "v" if xa == xb else "h"
            edges.append(_edge(min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb), orientation, "curve_edge"))
    return edges


def _check_time(page: PrintedPage) -> None:
    budget = getattr(page, "budget", None)
    if budget is not None:
        budget.deadline.check(page.page_number)


def _is_grid(cells: Sequence[tuple[float, float, float, float]]) -> bool:
    """At least two rows and two columns of ruled cells."""
    return len({round(c[1], 1) for c in cells}) >= 2 and len({round(c[0], 1) for c in cells}) >= 2
