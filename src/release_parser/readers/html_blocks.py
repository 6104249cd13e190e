"""Walk a parsed HTML document into lines: paragraphs, headings, list items, tables.

The walk is an event loop over ``lxml.etree.iterwalk`` with an explicit stack,
so it costs no Python recursion however deep the markup nests.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .html_lines import LineSink
from .html_style import BLOCK_TAGS, bold_of, clean_text, inline_text, is_hidden, list_marker, page_breaks, style_of
from .html_tables import read_grid, to_rows
from .text import read_text

__all__ = ["walk_document"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
#: Character columns a nested list is indented by.
LIST_INDENT = 4
#: Points per character column, for CSS margins and indents.
POINTS_PER_COLUMN = 6.0
_POINTS = {"pt": 1.0, "px": 0.75, "em": 12.0, "rem": 12.0, "in": 72.0, "cm": 28.35, "mm": 2.835, "pc": 12.0}
_MAX_CSS_INDENT = 400.0


@dataclass(frozen=True)
class _Frame:
    """What an open element passes down to its content."""

    bold: bool
    indent: float  # character columns from CSS margins and list nesting
    list_depth: int
    marker: str | None  # the bullet of items of the innermost open list
    in_layout_table: bool = False


def _points(value: str) -> float:
    value = value.strip().split(" ")[0]
    for unit, factor in _POINTS.items():
        if value.endswith(unit):
            try:
                return max(-_MAX_CSS_INDENT, min(_MAX_CSS_INDENT, float(value[: -len(unit)]) * factor))
            except ValueError:
                return 0.0
    return 0.0


def _css_indent(element: etree._Element) -> tuple[float, float]:
    """Left margin plus padding (inherited by content), and the first line's ``text-indent``, in columns."""
    style = style_of(element)
    if not style:
        return 0.0, 0.0
    left = _points(style.get("margin-left", "")) + _points(style.get("padding-left", ""))
    return left / POINTS_PER_COLUMN, _points(style.get("text-indent", "")) / POINTS_PER_COLUMN


class _Walker:
    def __init__(self) -> None:
        self.sink = LineSink()
        self.runs: list[tuple[str, bool]] = []
        self.pending_marker: tuple[str, float] | None = None  # an open <li>'s bullet, until its first line
        self.first_line_indent = 0.0

    def add(self, text: str | None, bold: bool) -> None:
        if text:
            self.runs.append((text, bold))

    def flush(self, indent: float) -> None:
        """The inline text gathered so far becomes a line (a bullet when an item is waiting for its first)."""
        text = clean_text("".join(t for t, _ in self.runs))
        bold = bool(text) and all(b for t, b in self.runs if t.strip())
        self.runs = []
        if not text:
            return
        if self.pending_marker is not None:
            marker, at = self.pending_marker
            self.pending_marker = None
            self.sink.text(text, bold=bold, indent=at, marker=marker)
        else:
            self.sink.text(text, bold=bold, indent=max(0.0, indent + self.first_line_indent))
        self.first_line_indent = 0.0

    def run(self, root: etree._Element) -> LineSink:
        frames: list[_Frame] = [_Frame(bold=False, indent=0.0, list_depth=0, marker=None)]
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag.lower() if isinstance(element.tag, str) else ""
            if event == "start":
                parent = frames[-1]
                if not tag or is_hidden(element):
                    walker.skip_subtree()
                    frames.append(parent)
                    continue
                frame = self.open(element, tag, parent, walker)
                frames.append(frame)
                self.add(element.text, frame.bold)
            else:
                frame = frames.pop()
                if tag and not is_hidden(element):
                    self.close(element, tag, frame, frames[-1])
                self.add(element.tail, frames[-1].bold)
        self.flush(0.0)
        return self.sink

    def open(self, element: etree._Element, tag: str, parent: _Frame, walker: etree.iterwalk) -> _Frame:
        bold = bold_of(element, parent.bold)
        same = _Frame(bold, parent.indent, parent.list_depth, parent.marker, parent.in_layout_table)
        if tag == "br":
            self.flush(parent.indent)
            return same
        if tag in ("td", "th") and parent.in_layout_table:
            self.runs.append((" ", bold))
            return same
        if tag not in BLOCK_TAGS:
            return same
        before, _ = page_breaks(element)
        self.flush(parent.indent)
        if tag not in _LISTS and tag != "li":
            self.sink.blank()
        if before:
            self.sink.page_break()
        left, first = _css_indent(element)
        indent = parent.indent + left
        self.first_line_indent = first
        if tag in _LISTS:
            depth = parent.list_depth + 1
            return _Frame(bold, indent, depth, list_marker(element, depth, None))
        if tag == "li":
            self.pending_marker = (parent.marker or "•", max(0.0, indent + first))
            return _Frame(bold, indent + LIST_INDENT, parent.list_depth, parent.marker)
        if tag == "pre":
            self.sink.extend(read_text(element.text_content() or " ").lines)
            self.sink.blank()
            walker.skip_subtree()
        elif tag == "table":
            if element.find(".//table") is not None:  # a table used for layout: walk into it
                return _Frame(bold, indent, parent.list_depth, parent.marker, in_layout_table=True)
            self.table(element, bold)
            walker.skip_subtree()
        return _Frame(bold, indent, parent.list_depth, parent.marker, parent.in_layout_table)

    def close(self, element: etree._Element, tag: str, frame: _Frame, parent: _Frame) -> None:
        if tag in ("td", "th") and parent.in_layout_table:
            self.runs.append((" ", frame.bold))
            return
        if tag not in BLOCK_TAGS:
            return
        self.flush(frame.indent)
        if tag == "li":
            self.pending_marker = None
        elif tag not in _LISTS or parent.list_depth == 0:
            self.sink.blank()
        if page_breaks(element)[1]:
            self.sink.page_break()

    def table(self, element: etree._Element, bold: bool) -> None:
        caption = element.find("caption")
        if caption is not None:
            text, caption_bold = inline_text(caption, bold)
            self.sink.text(text, bold=caption_bold)
        grid, _ = read_grid(element)
        for row in to_rows(grid):
            self.sink.row(row)
        self.sink.blank()


def walk_document(root: etree._Element) -> LineSink:
    """The lines a parsed HTML document prints, in reading order."""
    return _Walker().run(root)
