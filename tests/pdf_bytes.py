"""Minimal PDFs written byte by byte, for inputs no PDF library would produce.

:func:`build_pdf` writes a catalog, a page tree and one page per content
stream, with a Helvetica font, a correct cross-reference table, and options a
hostile file uses: content compressed from a generator of chunks (so a bomb
is built without holding its inflated bytes), pages without a MediaBox, and a
MediaBox given on the page tree only (inherited).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["PdfPage", "build_pdf", "text_content", "deflate_chunks"]


@dataclass(frozen=True)
class PdfPage:
    """One page: its content stream (plain or already compressed) and its MediaBox (None: no box)."""

    content: bytes
    compressed: bool = False
    mediabox: tuple[float, float, float, float] | None = (0, 0, 612, 792)


def text_content(lines: Sequence[str], *, top: float = 720, size: float = 11) -> bytes:
    """A content stream printing ``lines`` in Helvetica, one below the other."""
    parts = [f"BT /F1 {size:g} Tf {size * 1.4:g} TL 72 {top:g} Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(f"({escaped}) Tj T*")
    parts.append("ET")
    return "\n".join(parts).encode("latin-1")


def deflate_chunks(chunks: Iterable[bytes]) -> bytes:
    """Compress a stream given as chunks; a repeated chunk compresses to almost nothing."""
    deflater = zlib.compressobj(9)
    out = [deflater.compress(chunk) for chunk in chunks]
    out.append(deflater.flush())
    return b"".join(out)


def build_pdf(pages: Sequence[PdfPage], *, tree_mediabox: tuple[float, ...] | None = None) -> bytes:
    """The bytes of a PDF with ``pages``; ``tree_mediabox`` puts a MediaBox on the page tree."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * index for index in range(len(pages))]
    kids = " ".join(f"{number} 0 R" for number in page_ids)
    tree_box = f" /MediaBox [{' '.join(f'{v:g}' for v in tree_mediabox)}]" if tree_mediabox else ""
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)}{tree_box} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for index, page in enumerate(pages):
        box = f" /MediaBox [{' '.join(f'{v:g}' for v in page.mediabox)}]" if page.mediabox else ""
        objects.append(
            f"<< /Type /Page /Parent 2 0 R{box} /Resources << /Font << /F1 3 0 R >> >>"
            f" /Contents {page_ids[index] + 1} 0 R >>".encode()
        )
        flate = b" /Filter /FlateDecode" if page.compressed else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(page.content), flate) + page.content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
