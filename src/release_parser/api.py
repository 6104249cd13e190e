"""The public entry points: :func:`parse` and :func:`parse_text`."""

from __future__ import annotations

from dataclasses import replace

from .assemble import assemble
from .checks import raise_on_failed_checks
from .concepts import ConceptsLike, concept_map
from .layout import Layout
from .metadata import read_metadata
from .model import Release
from .normalize.periods import FiscalCalendar
from .readers import Source, read_source, read_text
from .readers.text import DEFAULT_MAX_CHARS
from .segment import TableBlock, segment_tables

__all__ = ["parse", "parse_text", "parse_layout"]


def parse(
    source: Source,
    *,
    calendar: FiscalCalendar | None = None,
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    max_content_bytes: int | None = None,
    max_operators: int | None = None,
    strict: bool = False,
    engine: str | None = None,
    concepts: ConceptsLike | None = None,
) -> Release:
    """Parse a release: text, PDF, HTML or an SEC EDGAR filing (told apart by content, not extension).

    Parameters
    ----------
    source
        Path of the file, its bytes, or a file object opened in binary mode.
        An EDGAR submission gives its EX-99 exhibits (the press release), or
        its first document when it has none.
    calendar
        The company's fiscal calendar; inferred from the document when None.
    password
        Password of an encrypted PDF.
    max_pages
        Read at most this many PDF pages.
    timeout
        Stop reading a PDF after this many seconds (:class:`~release_parser.errors.TimeLimitError`),
        checked inside pages too.
    max_content_bytes, max_operators
        Bounds on a PDF's inflated content and on the operators and glyphs of a
        page (:func:`~release_parser.readers.pdf.read_pdf`).
    strict
        Raise :class:`~release_parser.errors.ConsistencyError` when a check of the
        release's own arithmetic fails (see ``rel.checks``).
    engine
        What reads a PDF's characters: ``"playa"`` (fast) or ``"pdfplumber"``
        (the reference); both give the same layout. None takes
        :data:`~release_parser.readers.pdf.DEFAULT_ENGINE`.
    concepts
        Concept rules of your own for the facts' ``concept``, tried before the shipped
        ones (see :func:`~release_parser.concepts`).

    Raises
    ------
    ReadError
        The file is missing, empty, binary junk, an encrypted or image-only PDF, ...

    Examples
    --------
    >>> import release_parser as rp
    >>> rel = rp.parse("samples/iij_2q_fy2004_results.txt")  # doctest: +SKIP
    >>> rel.tables[0].frame.loc["Total Revenues", "2Q04"]  # doctest: +SKIP
    10512.0
    """
    layout = read_source(source, password=password, max_pages=max_pages, timeout=timeout,
                         max_content_bytes=max_content_bytes, max_operators=max_operators, engine=engine)
    return parse_layout(layout, calendar=calendar, strict=strict, concepts=concepts)


def parse_text(
    text: str,
    *,
    source: str = "<text>",
    calendar: FiscalCalendar | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    strict: bool = False,
    concepts: ConceptsLike | None = None,
) -> Release:
    """Parse a release given as a string.

    Texts longer than ``max_chars`` raise :class:`~release_parser.errors.ResourceLimitError`;
    ``calendar``, ``strict`` and ``concepts`` are as for :func:`parse`.

    Examples
    --------
    >>> rel = parse_text("Sales\\t2Q04\\t1Q04\\nRevenue\\t10,512\\t8,675", source="demo")
    >>> rel.facts[["line_item", "column", "value"]].to_dict("records")
    [{'line_item': 'Revenue', 'column': '2Q04', 'value': 10512.0}, {'line_item': 'Revenue', 'column': '1Q04', 'value': 8675.0}]
    """
    return parse_layout(read_text(text, source=source, max_chars=max_chars), calendar=calendar, strict=strict,
                        concepts=concepts)


def _column_paths(block: TableBlock) -> list[tuple[str, ...]]:
    """Each column's header cells, top to bottom: "Three Months Ended" / "July 31," / "2022"."""
    return [tuple(row[column] for row in block.header if column < len(row) and row[column]) for column in range(block.column_count)]


def parse_layout(layout: Layout, *, calendar: FiscalCalendar | None = None, strict: bool = False,
                 concepts: ConceptsLike | None = None) -> Release:
    """Segment and interpret a layout produced by any reader; ``strict`` and ``concepts`` as for :func:`parse`."""
    segmented = segment_tables(layout)
    headers = [" ".join(texts) for block in segmented.tables for texts in _column_paths(block)]
    meta = read_metadata(layout.lines, layout.full_text, calendar, column_headers=headers)
    release = assemble(layout, segmented, meta)
    if concepts is not None:
        release = replace(release, concepts=concept_map(concepts))
    if strict:
        raise_on_failed_checks(release)
    return release
