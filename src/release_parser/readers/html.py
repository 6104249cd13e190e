"""Read HTML releases (newsroom pages, SEC exhibits) into a :class:`~release_parser.layout.Layout`.

The markup is parsed by lxml's HTML parser (libxml2), which recovers from the
broken markup releases are full of the way browsers do. It is set up so that
nothing outside the bytes given is ever read: no network, no DTDs, no external
entities (the HTML parser expands none), comments and processing instructions
dropped. libxml2's own limits (nesting depth, the length of one text or
attribute) stay on; hitting one raises
:class:`~release_parser.errors.ResourceLimitError`, and so do more than
:data:`MAX_CELLS` table cells or more than ``max_bytes`` of input.

The lines come out as the text reader would give them for the page's text
(see :mod:`.html_lines`), so segmentation treats both alike.
"""

from __future__ import annotations

import codecs

from lxml import etree

from ..errors import EmptyInputError, ReadError, ResourceLimitError
from ..layout import Layout
from .html_blocks import walk_document

__all__ = ["read_html", "decode_html", "MAX_HTML_BYTES", "MAX_CELLS"]

#: HTML larger than this is refused before it is parsed.
MAX_HTML_BYTES = 40_000_000
#: A document with more ``<td>``/``<th>`` cells than this is refused.
MAX_CELLS = 250_000
_CHARSET_WINDOW = 4096
_LIMIT_ERRORS = frozenset({"ERR_RESOURCE_LIMIT", "ERR_NO_MEMORY"})


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: a BOM, else UTF-8, else the ``charset`` the page declares, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(_declared_charset(data[:_CHARSET_WINDOW]) or "cp1252", errors="replace")


def _declared_charset(head: bytes) -> str | None:
    position = head.lower().find(b"charset=")
    if position < 0:
        return None
    name = head[position + len(b"charset="):position + 48].lstrip(b"\"' ")
    end = next((i for i, byte in enumerate(name) if not (chr(byte).isalnum() or byte in b"-_")), len(name))
    try:
        return codecs.lookup(name[:end].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def parse_html(text: str, *, source: str = "<html>") -> etree._Element:
    """Parse markup with network, DTDs and external entities off; libxml2's limits raise ResourceLimitError."""
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
        recover=True, default_doctype=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except etree.LxmlError as error:
        raise ReadError(f"{source}: the HTML cannot be parsed: {error}") from error
    for entry in parser.error_log:
        if entry.type_name in _LIMIT_ERRORS:
            raise ResourceLimitError(f"{source}: the HTML exceeds a parser limit: {entry.message}")
    if root is None:
        raise EmptyInputError(f"{source}: no HTML content")
    return root


def read_html(data: bytes | str, *, source: str = "<html>", max_bytes: int = MAX_HTML_BYTES) -> Layout:
    """Read an HTML document into lines of positioned cells.

    Parameters
    ----------
    data
        The document, as bytes (the encoding is found as :func:`decode_html` says) or text.
    source
        Name of the source, for messages and provenance.
    max_bytes
        Refuse larger documents (:class:`~release_parser.errors.ResourceLimitError`).

    Returns
    -------
    Layout
        ``kind="html"``; one page, or one per CSS page break.

    Raises
    ------
    ResourceLimitError
        The document is larger than ``max_bytes``, has more than :data:`MAX_CELLS`
        table cells, or exceeds one of libxml2's limits (nesting depth, text length).
    EmptyInputError
        The document shows no text.

    Examples
    --------
    >>> layout = read_html(b"<table><tr><td>Revenue</td><td>$</td><td>39,331</td></tr></table>")
    >>> [c.text for c in layout.lines[0].cells]
    ['Revenue', '$39,331']
    """
    size = len(data)
    if size > max_bytes:
        raise ResourceLimitError(f"{source}: {size:,} bytes is too large for an HTML release (limit {max_bytes:,})")
    text = data if isinstance(data, str) else decode_html(data)
    if not text.strip():
        raise EmptyInputError(f"{source}: no text")
    root = parse_html(text, source=source)
    cells = sum(1 for _ in root.iter("td", "th"))
    if cells > MAX_CELLS:
        raise ResourceLimitError(f"{source}: {cells:,} table cells exceeds the limit of {MAX_CELLS:,}")
    sink = walk_document(root)
    lines = tuple(sink.lines)
    if all(line.is_blank for line in lines):
        raise EmptyInputError(f"{source}: the HTML shows no text")
    return Layout(
        lines=lines,
        source=source,
        page_count=max(line.page for line in lines),
        kind="html",
        full_text="\n".join(line.raw for line in lines),
    )
