"""Readers turn a source (text, HTML, EDGAR or PDF bytes) into a :class:`~release_parser.layout.Layout`.

:func:`read_source` decides by content, never by name: a ``%PDF-`` header is a
PDF; ``<SEC-DOCUMENT>``/``<SEC-HEADER>``/``<DOCUMENT>`` at the top is an EDGAR
container; a document that opens with HTML markup is HTML; text with EDGAR's
``<PAGE>`` or ``<S>``/``<C>`` marker lines is EDGAR plain text; anything else
is a text release.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO, Union

from ..errors import (
    EmptyInputError,
    NotAPDFError,
    NotARegularFileError,
    ReadError,
    SizeLimitError,
    UnsupportedInputError,
)
from ..layout import Layout
from .edgar import is_edgar, looks_like_html, read_edgar
from .edgar_text import is_edgar_text, read_edgar_text
from .html import read_html
from .text import DEFAULT_MAX_CHARS, decode_text, read_text

__all__ = ["Source", "read_source", "read_bytes", "read_text", "read_html", "decode_text", "is_pdf", "sniff", "open_regular_file"]

#: What :func:`read_source` accepts: a path, the file's bytes, or a binary file object.
Source = Union[str, os.PathLike, bytes, bytearray, memoryview, BinaryIO]

_PDF_MAGIC = b"%PDF-"
_MAGIC_WINDOW = 1024
#: A text or HTML file larger than this is refused before it is read (4 bytes per character at most).
MAX_TEXT_BYTES = 4 * DEFAULT_MAX_CHARS
#: A PDF larger than this is refused; real decks, scanned ones included, stay well below.
MAX_PDF_BYTES = 256 * 1024 * 1024
_READ_CHUNK = 1 << 20
#: Longer than any path a file system takes (Linux: PATH_MAX 4096): such a string is text.
_MAX_PATH_CHARS = 4096


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
    """The bytes of a source and the name messages use.

    Only regular files are opened (a FIFO or a device would block or never end),
    and no more than :data:`MAX_PDF_BYTES` (a PDF) or :data:`MAX_TEXT_BYTES`
    (anything else) are read, whatever size the file reports.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = "<bytes>"
        _check_size(data, name)
        return data, name
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        return _read_capped(source, name), name
    if isinstance(source, str) and _looks_like_text(source):
        raise UnsupportedInputError(
            f"{source[:40]!r}...: this is the text of a release, not a path: use rp.parse_text(text)")
    path = Path(source)
    name = str(path)
    try:
        handle = open_regular_file(path)
    except OSError as error:
        raise ReadError(f"{path}: cannot read: {error.strerror or error}") from error
    with handle:
        return _read_capped(handle, name), name


def _looks_like_text(source: str) -> bool:
    """A string no file is named: it holds a line break or a tab, or is longer than any path."""
    return "\n" in source or "\t" in source or len(source) > _MAX_PATH_CHARS


def open_regular_file(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for binary reading if it is a regular file, without ever blocking on it.

    Raises
    ------
    NotARegularFileError
        The path is a FIFO, a device, a socket or a directory (reading it could hang or never end).
    OSError
        The file cannot be opened.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFileError(f"{path}: {_kind_of(mode)}, not a regular file: only files are read")
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _kind_of(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"


def _read_capped(handle: BinaryIO, name: str) -> bytes:
    """Read ``handle`` to its end, refusing more than the cap of its kind (told by its first bytes)."""
    try:
        head = handle.read(_MAGIC_WINDOW)
        if not isinstance(head, bytes):
            raise TypeError(f"{name}: open the file in binary mode ('rb'), or pass its text to rp.parse_text;"
                            f" it gave {type(head).__name__}")
        limit = MAX_PDF_BYTES if is_pdf(head) else MAX_TEXT_BYTES
        parts, size = [head], len(head)
        while size <= limit:
            chunk = handle.read(min(_READ_CHUNK, limit + 1 - size))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise ReadError(f"{name}: cannot read: {error.strerror or error}") from error
    data = b"".join(parts)
    _check_size(data, name)
    return data


def _check_size(data: bytes, name: str) -> None:
    if is_pdf(data):
        if len(data) > MAX_PDF_BYTES:
            raise SizeLimitError(f"{name}: more than {MAX_PDF_BYTES:,} bytes is too large for a PDF release")
    elif len(data) > MAX_TEXT_BYTES:
        raise SizeLimitError(f"{name}: more than {MAX_TEXT_BYTES:,} bytes is too large for a text or HTML release")


def read_source(
    source: Source,
    *,
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    documents: str = "exhibits",
    max_content_bytes: int | None = None,
    max_operators: int | None = None,
    engine: str | None = None,
) -> Layout:
    """Read a file, its bytes or a binary file object into a layout, choosing the reader by content.

    ``password``, ``max_pages``, ``timeout``, ``max_content_bytes``,
    ``max_operators`` and ``engine`` (``"playa"`` or ``"pdfplumber"``) apply
    to PDFs (see :func:`.pdf.read_pdf`); ``documents`` to EDGAR containers
    (see :func:`.edgar.read_edgar`).
    """
    data, name = _load(source)
    return read_bytes(data, source=name, password=password, max_pages=max_pages, timeout=timeout, documents=documents,
                      max_content_bytes=max_content_bytes, max_operators=max_operators, engine=engine)


def read_bytes(
    data: bytes,
    *,
    source: str = "<bytes>",
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    documents: str = "exhibits",
    max_content_bytes: int | None = None,
    max_operators: int | None = None,
    engine: str | None = None,
) -> Layout:
    """Read a document's bytes into a layout, choosing the reader by content (``engine`` as for :func:`read_source`)."""
    if not data:
        raise EmptyInputError(f"{source}: the file is empty")
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, source=source, password=password, max_pages=max_pages, timeout=timeout,
                        max_content_bytes=max_content_bytes, max_operators=max_operators, engine=engine)
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
