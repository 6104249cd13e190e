"""The parsed release: frozen dataclasses, with DataFrame views built on demand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from .layout import Line
from .normalize.numbers import ParsedNumber
from .normalize.periods import FiscalCalendar, FiscalPeriod

if TYPE_CHECKING:
    import pandas as pd

    from .checks.result import CheckResult
    from .concepts import ConceptMap
    from .prose import ProseFact

__all__ = ["lines_provenance", "Provenance", "Column", "LineItem", "TableCell", "Table", "Bullet", "Paragraph", "Release"]


@dataclass(frozen=True)
class Provenance:
    """Where a value was printed: file, page, line and bounding box, and the raw text."""

    source: str
    page: int
    line: int
    raw: str
    bbox: tuple[float, float, float, float] | None = None


def lines_provenance(source: str, *lines: Line) -> Provenance:
    """The provenance of text printed on ``lines``: the first line's place, the box around them all."""
    first = lines[0]
    if len(lines) == 1:
        return Provenance(source=source, page=first.page, line=first.number, raw=first.raw, bbox=first.bbox)
    boxes = [line.bbox for line in lines if line.bbox is not None]
    bbox = (
        (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
        if boxes
        else None
    )
    return Provenance(source=source, page=first.page, line=first.number, raw="\n".join(line.raw for line in lines), bbox=bbox)


@dataclass(frozen=True)
class Column:
    """What a table column holds.

    ``measure`` is ``"value"`` for a period's figures, or a change measure such as
    ``"yoy_pct"`` / ``"qoq_pct"`` / ``"pct_change"`` / ``"change"``; a change
    column's ``period`` is the period it describes and ``base_period`` the one it
    is compared with. A column headed by a date has ``as_of`` instead of a period.
    """

    label: str
    period: FiscalPeriod | None = None
    measure: str = "value"
    base_period: FiscalPeriod | None = None
    as_of: date | None = None  # a column headed by a date ("Dec 31, 2009"): balances at that day
    announced: date | None = None  # when a target column's target was announced, if printed
    period_source: str | None = None  # where the period came from: header, caption, group, release


@dataclass(frozen=True)
class LineItem:
    """A table row's label, without footnote marks, and a stable snake_case key."""

    label: str
    key: str
    footnotes: tuple[str, ...] = ()
    provenance: Provenance | None = None
    group_period: FiscalPeriod | None = None  # named by the group row above ("Financial Targets for FY2015")
    group_measure: str | None = None  # "target" when that group row says so


@dataclass(frozen=True)
class TableCell:
    """One printed cell: its text, its number (None for text cells) and where it was."""

    raw: str
    number: ParsedNumber | None
    provenance: Provenance
    converted: ParsedNumber | None = None  # "JPY41,118 million ($392.0 million)": the dollar figure


@dataclass(frozen=True, eq=False)
class Table:
    """A table of a release. ``raw`` and ``frame`` are DataFrame views of it."""

    index: int
    title: str
    unit: str | None
    scale: int
    columns: tuple[Column, ...]
    line_items: tuple[LineItem, ...]
    cells: tuple[tuple[TableCell | None, ...], ...]  # [row][column]
    footnotes: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    page: int = 1
    first_line: int = 0
    last_line: int = 0
    calendar: FiscalCalendar | None = None

    @property
    def column_labels(self) -> list[str]:
        return [column.label for column in self.columns]

    @cached_property
    def raw(self) -> pd.DataFrame:
        """The strings as printed: index = line items, one column per printed column."""
        from .frames import table_raw_frame

        return table_raw_frame(self)

    @cached_property
    def frame(self) -> pd.DataFrame:
        """Numbers as printed (Float64, NA for dashes and text), index = line items."""
        from .frames import table_value_frame

        return table_value_frame(self)

    def __repr__(self) -> str:
        from .display import table_text

        return table_text(self)

    def _repr_html_(self) -> str:
        from .display import table_html

        return table_html(self)


@dataclass(frozen=True)
class Bullet:
    """One bullet of the release's highlights."""

    text: str
    level: int
    marker: str
    emphasis: bool
    section: str | None
    parent: int | None
    provenance: Provenance


@dataclass(frozen=True)
class Paragraph:
    """A run of prose lines (or a label-and-value line) outside tables and bullets."""

    text: str
    section: str | None
    provenance: Provenance


@dataclass(frozen=True, eq=False)
class Release:
    """A parsed earnings release.

    ``tables`` hold its tables; ``facts`` and ``highlights`` are tidy DataFrames. ``bullets``,
    ``paragraphs`` and ``sections`` are assembled, and ``prose`` (the figures stated in its
    sentences) read, the first time they are used.
    """

    source: str
    company: str | None
    title: str | None
    published: date | None
    period: FiscalPeriod | None
    calendar: FiscalCalendar | None  # None: the release gave no evidence of its fiscal calendar
    tables: list[Table]
    bullets: Sequence[Bullet] = ()  # from parse: assembled on first use, as paragraphs and sections
    paragraphs: Sequence[Paragraph] = ()
    sections: Sequence[str] = ()
    prose: Sequence[ProseFact] = ()  # a LazyProse from parse: read on first use
    kind: str = "text"
    page_count: int = 1
    calendar_source: str = "given"  # what decided the calendar: given, year end, release date, balance date, none
    concepts: ConceptMap | None = None  # the rules naming the facts' concepts; None: the shipped ones

    @cached_property
    def facts(self) -> pd.DataFrame:
        """One row per numeric table cell, with its line item, period, measure, unit and provenance."""
        from .frames import facts_frame

        return facts_frame(self)

    @cached_property
    def _figure_checks(self) -> tuple[CheckResult, ...]:
        # the checks among the tables, run once: facts' verified and the checks frame both read them
        from .checks.runner import run_figure_checks

        return run_figure_checks(self)

    @cached_property
    def checks(self) -> pd.DataFrame:
        """One row per arithmetic check of the release: rule, figures read, expected, found, passed."""
        from .checks.frame import checks_frame

        return checks_frame(self)

    @property
    def verdict(self) -> str:
        """One line: ``"412 cells, 388 covered by checks, 0 failed"``."""
        from .checks.frame import verdict_line

        return verdict_line(self)

    @cached_property
    def highlights(self) -> pd.DataFrame:
        """One row per bullet: text, level, marker, emphasis, section, parent and provenance."""
        from .frames import highlights_frame

        return highlights_frame(self)

    @cached_property
    def prose_facts(self) -> pd.DataFrame:
        """One row per figure stated in highlights and paragraphs: metric, period, value, sentence."""
        from .frames import prose_facts_frame

        return prose_facts_frame(self)

    def __repr__(self) -> str:
        from .display import release_text

        return release_text(self)

    def _repr_html_(self) -> str:
        from .display import release_html

        return release_html(self)
