"""Readers turn a source (text, HTML, EDGAR or PDF bytes) into a :class:`~release_parser.layout.Layout`.

:func:`read_source` decides by content, never by name: a ``%PDF-`` header is a
PDF; ``<SEC-DOCUMENT>``/``<SEC-HEADER>``/``<DOCUMENT>`` at the top is an EDGAR
container; a document that opens with HTML markup is HTML; text with EDGAR's
``<PAGE>`` or ``<S>``/``<C>`` marker lines is EDGAR plain text; anything else
is a text release.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Union

from ..errors import EmptyInputError, NotAPDFError, ReadError, ResourceLimitError
from ..layout import Layout
from .edgar import is_edgar, looks_like_html, read_edgar
from .edgar_text import is_edgar_text, read_edgar_text
from .html import read_html
from .text import DEFAULT_MAX_CHARS, decode_text, read_text

__all__ = ["Source", "read_source", "read_bytes", "read_text", "read_html", "decode_text", "is_pdf", "sniff"]

#: What :func:`read_source` accepts: a path, the file's bytes, or a binary file object.
Source = Union[str, os.PathLike, bytes, bytearray, memoryview, BinaryIO]

_PDF_MAGIC = b"%PDF-"
_MAGIC_WINDOW = 1024
#: A text or HTML file larger than this is refused before it is read (4 bytes per character at most).
MAX_TEXT_BYTES = 4 * DEFAULT_MAX_CHARS


def is_pdf(data: bytes) -> bool:
    """PDFs are recognised by their header, which may follow a little junk."""
    return _PDF_MAGIC in data[:_MAGIC_WINDOW]


def sniff(data: bytes) -> str:
    """The format of a source's bytes: ``"pdf"``, ``"edgar"``, ``"html"`` or ``"text"`` (EDGAR plain text included).

    Examples
    --------
    >>> [sniff(b) for b in (b"%PDF-1.7", b"<SEC-DOCUMENT>", b"<!DOCTYPE html>", b"Revenue\\t10")]
    ['pdf', 'edgar', 'html', 'text']
    """
    if is_pdf(data):
        return "pdf"
    head = data[:_MAGIC_WINDOW].decode("latin-1")
    if is_edgar(head):
        return "edgar"
    if looks_like_html(head.lstrip("\ufeff\xef\xbb\xbf")):
        return "html"
    return "text"


def _load(source: Source) -> tuple[bytes, str]:
    """The bytes of a source and the name messages use; text and HTML beyond MAX_TEXT_BYTES are refused."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = "<bytes>"
    elif hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        try:
            data = source.read()
        except OSError as error:
            raise ReadError(f"{name}: cannot read: {error.strerror or error}") from error
        if not isinstance(data, bytes):
            raise TypeError(f"{name}: open the file in binary mode ('rb'); it gave {type(data).__name__}")
    else:
        path = Path(source)
        name = str(path)
        try:
            with path.open("rb") as handle:
                head = handle.read(_MAGIC_WINDOW)
                size = path.stat().st_size
                if not is_pdf(head) and size > MAX_TEXT_BYTES:
                    raise ResourceLimitError(f"{path}: {size:,} bytes is too large for a text or HTML release")
                data = head + handle.read()
        except OSError as error:
            raise ReadError(f"{path}: cannot read: {error.strerror or error}") from error
        return data, name
    if not is_pdf(data) and len(data) > MAX_TEXT_BYTES:
        raise ResourceLimitError(f"{name}: {len(data):,} bytes is too large for a text or HTML release")
    return data, name


def read_source(
    source: Source,
    *,
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    documents: str = "exhibits",
) -> Layout:
    """Read a file, its bytes or a binary file object into a layout, choosing the reader by content.

    ``password``, ``max_pages`` and ``timeout`` apply to PDFs; ``documents``
    to EDGAR containers (see :func:`.edgar.read_edgar`).
    """
    data, name = _load(source)
    return read_bytes(data, source=name, password=password, max_pages=max_pages, timeout=timeout, documents=documents)


def read_bytes(
    data: bytes,
    *,
    source: str = "<bytes>",
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    documents: str = "exhibits",
) -> Layout:
    """Read a document's bytes into a layout, choosing the reader by content."""
    if not data:
        raise EmptyInputError(f"{source}: the file is empty")
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, source=source, password=password, max_pages=max_pages, timeout=timeout)
    if kind == "html":
        # the name only picks the message: the content decides what is read
        if source.lower().endswith(".pdf"):
            raise NotAPDFError(f"{source}: named .pdf but holds HTML or XML markup, not a PDF")
        return read_html(data, source=source, max_bytes=MAX_TEXT_BYTES)
    text = decode_text(data)
    if kind == "edgar":
        return read_edgar(text, source=source, documents=documents)
    if is_edgar_text(text):
        return read_edgar_text(text, source=source)
    return read_text(text, source=source)
