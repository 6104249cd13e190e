"""Render a release to PDF with reportlab, in the layouts the PDF reader must handle.

Layouts (:data:`LAYOUTS`):

- ``"slides"``: landscape slides, one per page, a bold title on each, tables
  without rules (labels left-aligned, numbers right-aligned, headers centred),
  a running header and a page number at the foot of every page;
- ``"ruled"``: the same slides with every table drawn as a grid of rules;
- ``"press"``: a portrait press release in Times, with tables printed in
  Courier between dashed rules (``-----``) as plain-text releases print them,
  and a page number at the foot of every page.

Bullet marks (``✓``, ``▶``, ``•``) are drawn in DejaVu Sans when that font is
on the machine, or in ZapfDingbats (``glyph_font="zapf"``), whose codes the
reader must map back. Each block is separated from the next by a gap wider
than a line, as paragraphs are (consecutive bullets are closer), so the
reader sees the same blank lines a text release has. A long title can be
printed over several lines (``Release.title_lines``); it is one line by default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "Bullet",
    "Heading",
    "Text",
    "Table",
    "Slide",
    "Release",
    "LAYOUTS",
    "render",
    "glyph_fonts",
    "DEJAVU",
]

LAYOUTS = ("slides", "ruled", "press")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_ZAPF_EQUIVALENT = {"✓": "✔", "▶": "➤", "•": "●", "■": "■"}


@dataclass(frozen=True)
class Bullet:
    """A bullet: its marks as printed (``"✓"``, ``"▶"``, ``"- ▶"``, ``"-"``) and its text."""

    text: str
    marker: str = "▶"
    level: int = 1  # indentation step on the page
    bold: bool = False


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Text:
    """A line of prose."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table: column headers, rows of (label, cells), and what is printed around it."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    title: str | None = None
    caption: str | None = "(JPY millions)"
    footnotes: tuple[str, ...] = ()


Block = Union[Bullet, Heading, Text, Table]


@dataclass(frozen=True)
class Slide:
    title: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Release:
    company: str
    title: str
    date: str
    slides: tuple[Slide, ...] = ()
    running_header: str | None = None  # printed at the head of every page
    front: tuple[Block, ...] = field(default=())  # blocks printed under the date on the first page
    title_lines: tuple[str, ...] = ()  # the title as printed over several lines; one line when empty

    def __post_init__(self) -> None:
        if self.title_lines and " ".join(self.title_lines) != self.title:
            raise ValueError(f"title lines {self.title_lines!r} do not spell the title {self.title!r}")

    @property
    def printed_title(self) -> tuple[str, ...]:
        """The lines the title is printed on."""
        return self.title_lines or (self.title,)


def glyph_fonts() -> tuple[str, ...]:
    """The fonts bullet marks can be drawn in on this machine."""
    return ("dejavu", "zapf") if DEJAVU.is_file() else ("zapf",)


def render(release: Release, path: str | Path, layout: str = "slides", *, glyph_font: str | None = None) -> Path:
    """Write ``release`` as a PDF in ``layout`` and return the path."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {LAYOUTS}")
    path = Path(path)
    glyph_font = glyph_font or glyph_fonts()[0]
    writer = _SlideWriter if layout in ("slides", "ruled") else _PressWriter
    writer(path, release, glyph_font=glyph_font, ruled=layout == "ruled").write()
    return path


def _register_dejavu() -> str:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU)))
    return "DejaVuSans"


class _Writer:
    """Flows blocks down pages; subclasses set the page and the fonts."""

    pagesize: tuple[float, float] = A4
    margin = 50.0
    top_margin = 60.0
    bottom_margin = 70.0
    font = "Helvetica"
    bold_font = "Helvetica-Bold"
    size = 11.0
    leading = 1.45  # line pitch, in font sizes, inside a block
    block_gap = 1.6  # extra space between blocks, in font sizes (more than a line)
    list_gap = 0.3  # extra space between the items of a list
    indent_step = 26.0

    def __init__(self, path: Path, release: Release, *, glyph_font: str, ruled: bool) -> None:
        self.release = release
        self.ruled = ruled
        self.canvas = Canvas(str(path), pagesize=self.pagesize)
        self.width, self.height = self.pagesize
        self.page = 0
        self.y = 0.0  # distance of the next line's top from the top of the page
        self.glyph_font = _register_dejavu() if glyph_font == "dejavu" else "ZapfDingbats"
        self.zapf = glyph_font == "zapf"

    # -- pages ---------------------------------------------------------
    def new_page(self) -> None:
        if self.page:
            self.finish_page()
            self.canvas.showPage()
        self.page += 1
        self.y = self.top_margin

    def finish_page(self) -> None:
        """Page furniture: the running header at the head, the page number at the foot."""
        self.canvas.setFont(self.font, 8)
        if self.release.running_header:
            self.canvas.drawString(self.margin, self.height - 25, self.release.running_header)
        self.canvas.drawCentredString(self.width / 2, 22, str(self.page))

    def room(self, height: float) -> None:
        if self.y + height > self.height - self.bottom_margin:
            self.new_page()

    def baseline(self, size: float) -> float:
        """PDF y of the baseline of a line of ``size`` whose top is at ``self.y``."""
        return self.height - self.y - size * 0.8

    def line(self, text: str, *, size: float | None = None, bold: bool = False, x: float | None = None, font: str | None = None) -> None:
        size = size or self.size
        self.room(size * self.leading)
        self.canvas.setFont(font or (self.bold_font if bold else self.font), size)
        self.canvas.drawString(self.margin if x is None else x, self.baseline(size), text)
        self.y += size * self.leading

    def gap(self, size: float | None = None) -> None:
        self.y += (size or self.size) * self.block_gap

    # -- blocks --------------------------------------------------------
    def write(self) -> None:
        self.front_page()
        for slide in self.release.slides:
            self.slide(slide)
        self.finish_page()
        self.canvas.save()

    def blocks(self, blocks: tuple[Block, ...]) -> None:
        for index, block in enumerate(blocks):
            if isinstance(block, Bullet):
                self.bullet(block)
            elif isinstance(block, Heading):
                self.line(block.text)
            elif isinstance(block, Text):
                self.paragraph(block.text)
            else:
                self.table(block)
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(block, Bullet) and isinstance(following, Bullet):
                self.y += self.size * self.list_gap  # items of one list: less than a line apart
            else:
                self.gap()

    def paragraph(self, text: str) -> None:
        for part in self.wrap(text, self.font, self.size, self.width - 2 * self.margin):
            self.line(part)

    def bullet(self, bullet: Bullet) -> None:
        size = self.size
        x = self.margin + (bullet.level - 1) * self.indent_step
        font = self.bold_font if bullet.bold else self.font
        marks = bullet.marker.split()
        text_x = x + 16 * len(marks)
        lines = self.wrap(bullet.text, font, size, self.width - self.margin - text_x)
        self.room(size * self.leading * len(lines))
        baseline = self.baseline(size)
        for index, mark in enumerate(marks):
            mark_x = x + 16 * index
            if mark in "-–—*":
                self.canvas.setFont(self.font, size)
                self.canvas.drawString(mark_x, baseline, mark)
            else:
                self.canvas.setFont(self.glyph_font, size)
                self.canvas.drawString(mark_x, baseline, _ZAPF_EQUIVALENT.get(mark, mark) if self.zapf else mark)
        for part in lines:
            self.canvas.setFont(font, size)
            self.canvas.drawString(text_x, self.baseline(size), part)
            self.y += size * self.leading

    @staticmethod
    def wrap(text: str, font: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split():
            attempt = f"{current} {word}".strip()
            if current and pdfmetrics.stringWidth(attempt, font, size) > width:
                lines.append(current)
                current = word
            else:
                current = attempt
        return [*lines, current] if current else lines

    def table_heading(self, table: Table) -> None:
        if table.title:
            self.line(table.title)
            self.gap()
        if table.caption:
            self.line(table.caption)
            self.gap()

    def footnotes(self, table: Table) -> None:
        if table.footnotes:
            self.gap(9)
            for note in table.footnotes:
                self.line(note, size=9)

    def label_with_marks(self, label: str, x: float, baseline: float, size: float, right: bool = False) -> None:
        """Draw a label; a trailing footnote mark such as ``*1`` is drawn as a superscript."""
        text, mark = _split_mark(label)
        self.canvas.setFont(self.font, size)
        self.canvas.drawString(x, baseline, text)
        if mark:
            mark_x = x + pdfmetrics.stringWidth(text + " ", self.font, size)
            self.canvas.setFont(self.font, size * 0.65)
            self.canvas.drawString(mark_x, baseline + size * 0.35, mark)

    def front_page(self) -> None:
        raise NotImplementedError

    def slide(self, slide: Slide) -> None:
        raise NotImplementedError

    def table(self, table: Table) -> None:
        raise NotImplementedError


class _SlideWriter(_Writer):
    pagesize = landscape(A4)
    margin = 45.0
    top_margin = 55.0
    bottom_margin = 60.0

    def front_page(self) -> None:
        self.new_page()
        self.y = 150
        self.line(self.release.company, size=16)
        self.gap(16)
        for part in self.release.printed_title:
            self.line(part, size=22, bold=True)
        self.gap(16)
        self.line(self.release.date, size=14)
        self.gap(14)
        self.blocks(self.release.front)

    def slide(self, slide: Slide) -> None:
        self.new_page()
        self.line(slide.title, size=20, bold=True)
        self.gap(20)
        self.blocks(slide.blocks)

    def table(self, table: Table) -> None:
        self.table_heading(table)
        size = 10.0
        labels = [label for label, _ in table.rows]
        label_width = max(pdfmetrics.stringWidth(label, self.font, size) for label in labels) + 30
        widths = [
            max([pdfmetrics.stringWidth(table.header[i], self.font, size)]
                + [pdfmetrics.stringWidth(cells[i], self.font, size) for _, cells in table.rows if i < len(cells)]) + 28
            for i in range(len(table.header))
        ]  # fmt: skip
        left = self.margin
        edges = [left, left + label_width]
        for width in widths:
            edges.append(edges[-1] + width)
        pitch = size * (1.9 if self.ruled else self.leading)
        self.room(pitch * (len(table.rows) + 1))
        top = self.y
        rows = [("", table.header), *table.rows]
        for index, (label, cells) in enumerate(rows):
            row_top = self.y
            baseline = self.height - row_top - (pitch + size * 0.7) / 2 if self.ruled else self.baseline(size)
            if label:
                self.label_with_marks(label, edges[0] + 4, baseline, size)
            self.canvas.setFont(self.font, size)
            for column, text in enumerate(cells):
                x0, x1 = edges[column + 1], edges[column + 2]
                if index == 0:
                    self.canvas.drawCentredString((x0 + x1) / 2, baseline, text)
                else:
                    self.canvas.drawRightString(x1 - 6, baseline, text)
            self.y += pitch
        if self.ruled:
            self._grid(edges, top, self.y, len(rows), pitch)
            self.y += size * 0.4
        self.footnotes(table)

    def _grid(self, edges: list[float], top: float, bottom: float, rows: int, pitch: float) -> None:
        self.canvas.setLineWidth(0.6)
        for row in range(rows + 1):
            y = self.height - (top + row * pitch)
            self.canvas.line(edges[0], y, edges[-1], y)
        for x in edges:
            self.canvas.line(x, self.height - top, x, self.height - bottom)


class _PressWriter(_Writer):
    pagesize = A4
    margin = 50.0
    font = "Times-Roman"
    bold_font = "Times-Bold"
    size = 10.0
    mono = "Courier"
    mono_size = 9.0

    def front_page(self) -> None:
        self.new_page()
        self.line(self.release.company, size=12)
        self.gap(12)
        for part in self.release.printed_title:
            self.line(part, size=15, bold=True)
        self.gap(12)
        self.line(self.release.date, size=11)
        self.gap()
        self.blocks(self.release.front)

    def slide(self, slide: Slide) -> None:
        self.room(self.size * 6)
        self.line(slide.title, size=12, bold=True)
        self.gap()
        self.blocks(slide.blocks)

    def table(self, table: Table) -> None:
        self.table_heading(table)
        labels = [label for label, _ in table.rows]
        label_width = max(len(label) for label in labels) + 2
        widths = [
            max([len(table.header[i])] + [len(cells[i]) for _, cells in table.rows if i < len(cells)]) + 3
            for i in range(len(table.header))
        ]
        rule = "-" * (label_width + sum(widths))
        lines = [rule, " " * label_width + "".join(h.rjust(w) for h, w in zip(table.header, widths)), rule]
        for label, cells in table.rows:
            lines.append(label.ljust(label_width) + "".join(c.rjust(w) for c, w in zip(cells, widths)))
        lines.append(rule)
        size = self.mono_size
        self.room(size * 1.3 * len(lines))
        for text in lines:
            self.canvas.setFont(self.mono, size)
            self.canvas.drawString(self.margin, self.baseline(size), text)
            self.y += size * 1.3
        self.footnotes(table)


def _split_mark(label: str) -> tuple[str, str]:
    """``"VAS Ratio *1"`` -> ``("VAS Ratio", "*1")``."""
    head, _, tail = label.rpartition(" ")
    if head and tail.startswith("*") and tail[1:].isdigit():
        return head, tail
    return label, ""
