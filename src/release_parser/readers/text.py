"""Read plain-text releases into a :class:`~release_parser.layout.Layout`.

Cells on a line are told apart by tabs, by pipes (markdown tables) or by runs
of two or more spaces (``pdftotext -layout`` output). Positions are character
columns, so space-aligned columns line up across rows just as they do on paper.
Running footers with page numbers become blank lines (:mod:`.text_furniture`).
"""

from __future__ import annotations

import codecs
import re

from ..errors import EmptyInputError, ResourceLimitError, UnsupportedInputError
from ..layout import Cell, Layout, Line, Separator
from .text_furniture import running_footer_lines

__all__ = ["read_text", "decode_text", "without_surrogates", "DEFAULT_MAX_CHARS"]

#: Texts longer than this are refused rather than parsed (hostile input guard). Real
#: releases run to tens or hundreds of kilobytes; pass ``max_chars`` to raise it.
DEFAULT_MAX_CHARS = 10_000_000

_GAP = re.compile(r"[ \u00a0\u3000]{2,}")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # a markdown table row
_WHOLE_EMPHASIS = re.compile(r"\*\*(?P<inner>[^*]+)\*\*|__(?P<inner2>[^_]+)__")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_SHARE_LIMIT = 0.05


def decode_text(data: bytes) -> str:
    """Decode the bytes of a text release, refusing binary data.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are tried first, then
    Shift_JIS (Japanese filings), then Latin-1. In UTF-16, a lone surrogate or
    an odd last byte becomes U+FFFD, as a viewer shows it.

    >>> text = decode_text(codecs.BOM_UTF16_LE + "Revenue".encode("utf-16-le") + b"\\x00\\xd8" + b"x")
    >>> text == "Revenue\\ufffd"
    True
    """
    if not data.strip():
        raise EmptyInputError("the source is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _check_not_binary(data.decode("utf-16", errors="replace"))
    if b"\x00" in data[:65536]:
        raise UnsupportedInputError("the source holds NUL bytes: binary data, not a text release")
    for encoding in ("utf-8-sig", "shift_jis"):
        try:
            return _check_not_binary(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _check_not_binary(data.decode("latin-1"))


def _check_not_binary(text: str) -> str:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _CONTROL_SHARE_LIMIT:
        raise UnsupportedInputError(
            f"{controls} control characters in the first {len(sample)}: binary data, not a text release"
        )
    return text


def without_surrogates(text: str) -> str:
    """``text`` with surrogate pairs joined into their character and lone surrogates replaced by U+FFFD.

    A ``str`` built from JSON or ``surrogateescape`` may hold them; no encoder
    (and no Arrow string) accepts them.

    >>> without_surrogates("Net \\ud83d\\ude00 income \\udc80") == "Net \\U0001f600 income \\ufffd"
    True
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def read_text(text: str, *, source: str = "<text>", max_chars: int = DEFAULT_MAX_CHARS) -> Layout:
    """Split a text into lines of positioned cells.

    Surrogates are made valid first (:func:`without_surrogates`).

    Examples
    --------
    >>> layout = read_text("Total Revenues\\t10,512\\t9,185")
    >>> [c.text for c in layout.lines[0].cells]
    ['Total Revenues', '10,512', '9,185']
    >>> [c.text for c in read_text("Total   10,512   9,185").lines[0].cells]
    ['Total', '10,512', '9,185']
    """
    if len(text) > max_chars:
        raise ResourceLimitError(f"{source}: {len(text):,} characters exceeds the limit of {max_chars:,}")
    if not text.strip():
        raise EmptyInputError(f"{source}: no text")
    text = without_surrogates(text)
    raws = [raw.rstrip("\r") for raw in text.split("\n")]
    footers = running_footer_lines(raws)
    lines = tuple(
        _read_line("" if index in footers else raw, number)  # a footer leaves a blank line, as a page break does
        for index, (number, raw) in enumerate(enumerate(raws, start=1))
    )
    return Layout(lines=lines, source=source, page_count=1, kind="text", full_text=text)


def _read_line(raw: str, number: int) -> Line:
    expanded = _MARKDOWN_HEADING.sub("", raw.replace("\f", " "))
    indent = len(expanded) - len(expanded.lstrip(" \u00a0\u3000"))
    if "\t" in expanded:
        cells, separator = _split_on_tabs(expanded, number), Separator.TAB
    elif PIPE_ROW.match(expanded):
        cells, separator = _split_on_pipes(expanded, number), Separator.PIPE
    else:
        cells = _split_on_gaps(expanded, number)
        separator = Separator.GAP if len(cells) > 1 else Separator.NONE
    return Line(cells=cells, page=1, number=number, raw=raw, indent=float(indent), separator=separator)


def _cell(text: str, start: int, number: int) -> Cell:
    # markdown emphasis around a whole cell ("**198,412**") is typography, not text
    bold = _WHOLE_EMPHASIS.fullmatch(text)
    shown = (bold.group("inner") or bold.group("inner2")).strip() if bold else text
    return Cell(
        text=shown, x0=float(start), x1=float(start + len(text)), top=float(number), bottom=float(number + 1),
        bold=bold is not None,
    )


def _split_on_tabs(raw: str, number: int) -> tuple[Cell, ...]:
    cells = _split_on(raw, "\t", 0, len(raw), number)
    while cells and not cells[-1].text:
        cells.pop()
    return tuple(cells)


def _split_on_pipes(raw: str, number: int) -> tuple[Cell, ...]:
    # between the outer pipes; empty spacer cells are kept, they hold a column's place
    return tuple(_split_on(raw, "|", raw.index("|") + 1, raw.rindex("|"), number))


def _split_on(raw: str, separator: str, start: int, end: int, number: int) -> list[Cell]:
    """Cells of ``raw[start:end]`` split on ``separator``, each at its character column."""
    cells = []
    position = start
    for part in raw[start:end].split(separator):
        offset = position + (len(part) - len(part.lstrip()))
        cells.append(_cell(part.strip(), offset, number))
        position += len(part) + 1
    return cells


def _split_on_gaps(raw: str, number: int) -> tuple[Cell, ...]:
    # Runs of text separated by two or more spaces; single spaces stay inside a cell.
    cells = []
    start = 0
    for gap in [*_GAP.finditer(raw), None]:
        end = gap.start() if gap else len(raw)
        chunk = raw[start:end]
        if chunk.strip():
            cells.append(_cell(chunk.strip(), start + len(chunk) - len(chunk.lstrip()), number))
        if gap:
            start = gap.end()
    return tuple(cells)

