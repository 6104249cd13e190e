"""Readable summaries of releases and tables, for terminals and notebooks."""

from __future__ import annotations

import html
import re

import pandas as pd

from .model import Release, Table, TableCell

__all__ = ["table_text", "table_html", "release_text", "release_html", "SCALE_WORDS"]

_DECIMALS = re.compile(r"[.．](\d+)")
SCALE_WORDS = {1: "", 1_000: "thousands", 1_000_000: "millions", 1_000_000_000: "billions", 1_000_000_000_000: "trillions"}


def unit_caption(table: Table) -> str:
    """``JPY millions``, ``%``, ``millions`` or ``''``."""
    return " ".join(part for part in (table.unit or "", SCALE_WORDS.get(table.scale, f"x{table.scale:,}")) if part)


def _column_notes(table: Table) -> list[str]:
    notes = []
    for column in table.columns:
        if column.measure != "value" and column.period is not None:
            base = f" vs {column.base_period.label}" if column.base_period else ""
            notes.append(f"{column.label}: {column.measure} of {column.period.label}{base}")
        elif column.period is not None:
            notes.append(f"{column.label}: {column.period.start}..{column.period.end}")
    return notes


def _format_cell(cell: TableCell | None) -> str:
    if cell is None:
        return ""
    number = cell.number
    if number is None:
        return cell.raw
    if number.value is None:
        return "-"
    decimals = _DECIMALS.search(cell.raw)
    text = f"{number.value:,.{len(decimals.group(1)) if decimals else 0}f}"
    return text + "%" if number.is_percent else text


def display_frame(table: Table) -> pd.DataFrame:
    """The table's numbers formatted for reading: thousands separators, signs, ``%``, ``-`` for NA."""
    return pd.DataFrame(
        [[_format_cell(cell) for cell in row] for row in table.cells],
        index=pd.Index([item.label for item in table.line_items], name=None),
        columns=table.column_labels,
    )


def table_text(table: Table) -> str:
    caption = unit_caption(table)
    head = f"Table {table.index}: {table.title}" + (f" ({caption})" if caption else "")
    body = display_frame(table).to_string() if len(table.line_items) else "(no rows)"
    lines = [head, body]
    notes = _column_notes(table)
    if notes:
        lines.append("  columns: " + "; ".join(notes))
    for mark, text in table.footnotes.items():
        lines.append(f"  {mark} {text}")
    return "\n".join(lines)


def table_html(table: Table) -> str:
    caption = unit_caption(table)
    title = html.escape(f"Table {table.index}: {table.title}" + (f" ({caption})" if caption else ""))
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in _column_notes(table))
    return f"<div><strong>{title}</strong>{display_frame(table).to_html()}<ul>{notes}</ul></div>"


def _summary_lines(release: Release) -> list[str]:
    period = release.period
    return [
        f"Company:   {release.company or '?'}",
        f"Title:     {release.title or '?'}",
        f"Published: {release.published or '?'}",
        f"Period:    {period.label + f' ({period.start}..{period.end})' if period else '?'}",
        f"Calendar:  {release.calendar.describe() + f' (from the {release.calendar_source})' if release.calendar else 'unknown: period labels left undated'}",
        f"Contents:  {len(release.tables)} tables, {len(release.facts)} facts, {len(release.bullets)} highlights",
        f"Checks:    {release.verdict}",
    ]


def release_text(release: Release) -> str:
    return "\n".join([f"Release {release.source}", *("  " + line for line in _summary_lines(release))])


def release_html(release: Release) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in _summary_lines(release))
    tables = "".join(table_html(table) for table in release.tables)
    return f"<div><strong>Release {html.escape(release.source)}</strong><ul>{items}</ul>{tables}</div>"
