"""Read the markdown tables of the reference pages in docs/, so tests can check every row."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
_CODE = re.compile(r"^`([^`]+)`$")
_SEPARATOR = re.compile(r"^\|[\s:|-]+\|?\s*$")


def doc_rows(page: Path, header_start: str) -> list[list[str]]:
    """Rows of every table in ``page`` whose header line starts with ``header_start``."""
    return table_rows(page.read_text(encoding="utf-8"), header_start)


def table_rows(text: str, header_start: str) -> list[list[str]]:
    """Rows of every markdown table in ``text`` whose header line starts with ``header_start``."""
    rows: list[list[str]] = []
    current: str | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            current = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if current is None:
            current = line
        elif current.startswith(header_start) and not _SEPARATOR.match(line):
            rows.append(cells)
    return rows


def code(cell: str) -> str:
    """The text of a cell written as inline code."""
    match = _CODE.match(cell)
    assert match, f"expected `code` in {cell!r}"
    return match.group(1)
