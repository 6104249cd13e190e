"""Readers turn a source (text or PDF bytes) into a :class:`~release_parser.layout.Layout`."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import EmptyInputError, NotAPDFError, ReadError, ResourceLimitError, UnsupportedInputError
from ..layout import Layout
from .text import DEFAULT_MAX_CHARS, decode_text, read_text

__all__ = ["read_source", "read_text", "decode_text", "is_pdf"]

_PDF_MAGIC = b"%PDF-"
_MARKUP = re.compile(rb"^\s*(?:<\?xml|<!doctype\s+html|<html)", re.IGNORECASE)
_MAGIC_WINDOW = 1024
#: A text file larger than this is refused before it is read (4 bytes per character at most).
MAX_TEXT_BYTES = 4 * DEFAULT_MAX_CHARS


def is_pdf(data: bytes) -> bool:
    """PDFs are recognised by their header, which may follow a little junk."""
    return _PDF_MAGIC in data[:_MAGIC_WINDOW]


def read_source(
    path: str | Path,
    *,
    password: str | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
) -> Layout:
    """Read a file into a layout, choosing the reader by the file's content."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_MAGIC_WINDOW)
            if not is_pdf(head) and path.stat().st_size > MAX_TEXT_BYTES:
                raise ResourceLimitError(f"{path}: {path.stat().st_size:,} bytes is too large for a text release")
            data = head + handle.read()
    except OSError as error:
        raise ReadError(f"{path}: cannot read: {error.strerror or error}") from error
    if not data:
        raise EmptyInputError(f"{path}: the file is empty")
    if is_pdf(data):
        from .pdf import read_pdf

        return read_pdf(data, source=str(path), password=password, max_pages=max_pages, timeout=timeout)
    if _MARKUP.match(data[:_MAGIC_WINDOW]):
        # the name only picks the message: the content decides what is read
        if path.suffix.lower() == ".pdf":
            raise NotAPDFError(f"{path}: named .pdf but holds HTML or XML markup, not a PDF")
        raise UnsupportedInputError(f"{path}: HTML or XML markup; save the release as text or PDF")
    return read_text(decode_text(data), source=str(path))
