"""Build model tables from segmented table blocks.

Steps, each a small function: read the caption (title, unit, period), lay the
block out as a grid of labels x columns, reshape the grids that print their
meaning differently (statement rows such as ``| Revenues | JPY 198.4 billion |
up | 8.3% | YoY |``, and transposed tables with one row per period), then give
each column its period and measure and each cell its number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .checks.tolerance import half_unit, ratio_interval
from .headers import PeriodContext, interpret_columns, measure_of
from .keys import to_line_item_key
from .layout import Cell, Line
from .metadata import Metadata
from .model import Column, LineItem, Provenance, Table, TableCell, lines_provenance
from .normalize.cells import read_cell
from .normalize.periods import FiscalPeriod, find_periods, try_parse_period
from .normalize.units import CURRENCY_CODES, find_unit_caption
from .segment import TableBlock
from .segment.lines import match_footnote, strip_emphasis, strip_label_marks
from .wording import QUARTER_ON_QUARTER, YEAR_ON_YEAR

__all__ = ["build_table", "continues", "inherit_scale", "merge_continued"]

PLACEHOLDER = "column_{}"
_PLACEHOLDER = re.compile(r"^column_\d+$")
_CONTINUED = re.compile(r"(?:\(\s{0,3})?(?:continued|cont'd|cont\.)(?:\s{0,3}\))?", re.IGNORECASE)
_DIRECTION = re.compile(r"^(?:up|down|increase[ds]?|decrease[ds]?|higher|lower|rose|fell|grew|declined)$", re.IGNORECASE)
_NEGATIVE_DIRECTION = re.compile(r"^(?:down|decrease[ds]?|lower|fell|declined)$", re.IGNORECASE)
_BASIS = re.compile(rf"^(?:{YEAR_ON_YEAR}|{QUARTER_ON_QUARTER}|vs\.? .+?)\d?$", re.IGNORECASE)
_GLUED_MARK = re.compile(r"(?<=[A-Za-z])\d$")  # "YoY2": a footnote mark glued to the word
_TRANSPOSE_SHARE = 2 / 3
_LEADER_DOTS = ".…·"
#: A table of balances at dates: its period columns ("4Q25") hold the balance at the period's end.
_BALANCE = re.compile(r"\bbalance\s+sheets?\b|\bfinancial\s+position\b", re.IGNORECASE)
_BALANCE_TOTAL = re.compile(
    r"^\s*total\s+(?:assets|liabilities\b.*|(?:shareholders|stockholders)[’']?\s+equity|equity)\s*$", re.IGNORECASE
)
#: Rows that are flows over a period, not balances at a date.
_FLOW_ROW = re.compile(r"\b(?:revenues?|sales|income|profit|expenses?|margin|earnings|EPS|cash\s+flows?|provided\s+by)\b", re.IGNORECASE)
_SHARE_LABEL = re.compile(r"^\s*(?:\(\s*%\s*\)|%)(?:\s+of\s+\w+(?:\s+\w+)?)?\s*$", re.IGNORECASE)
_PERCENT_OF_CHANGE = {"change": "pct_change", "yoy_change": "yoy_pct", "qoq_change": "qoq_pct"}


@dataclass
class _Grid:
    """A table laid out as text: row labels, column labels and the cells between."""

    labels: list[str]
    label_lines: list[Line | None]
    columns: list[str]
    cells: list[list[Cell | None]]
    line_of: dict[Cell, Line]  # where each cell was printed, whatever reshaping moves it to
    signs: list[list[int]] = dataclasses.field(default_factory=list)  # +1/-1 from "up"/"down" cells
    groups: list[str] = dataclasses.field(default_factory=list)  # the group row above each row, if any


def build_table(block: TableBlock, index: int, source: str, meta: Metadata) -> Table:
    """A model :class:`Table` from a segmented block."""
    title, unit, scale, caption_period = _read_caption(block, meta)
    label_caption = find_unit_caption(block.label_header) if block.label_header else None
    if unit is None and label_caption is not None:
        unit, scale = label_caption.unit, label_caption.scale
    label_header_period = _single_period(block.label_header, meta)
    table_period = caption_period or label_header_period
    grid = _joined_split_rows(_grid(block))
    grid = _reshape_statement_rows(grid)
    grid = _sign_by_direction_columns(grid)
    grid = _transpose_if_periods_run_down(grid, meta)
    context = PeriodContext(
        calendar=meta.calendar,
        reference_year=meta.reference_year,
        default_period=table_period or meta.period,
        table_period=table_period,
        calendar_known=meta.calendar_known,
    )
    columns = interpret_columns(grid.columns, context)
    if _BALANCE.search(f"{title} {block.label_header}") or _is_balance_sheet(grid.labels):
        columns = tuple(_as_balance(column) for column in columns)
    if block.label_header and measure_of(block.label_header) == "target":  # "FY11 Targets | First Half | ..."
        columns = tuple(
            dataclasses.replace(c, measure="target") if c.measure == "value" else c for c in columns
        )
    line_items = tuple(
        _with_group(_line_item(label, line, source, meta.footnote_numbers), group, meta)
        for label, line, group in zip(grid.labels, grid.label_lines, grid.groups)
    )
    cells = tuple(
        tuple(_table_cell(cell, grid.line_of[cell], source, sign) if cell else None for cell, sign in zip(row, signs))
        for row, signs in zip(grid.cells, grid.signs)
    )
    columns = tuple(_percent_change_if_printed(column, [row[i] for row in cells]) for i, column in enumerate(columns))
    columns = _shares_beside_amounts(columns, cells)
    unlabelled = not any(item.label for item in line_items)
    columns = tuple(
        _without_implied_period(column)
        if unlabelled or (_PLACEHOLDER.match(column.label) and _signed_percents(row[i] for row in cells))
        else column
        for i, column in enumerate(columns)
    )
    if unit is None and scale == 1:
        unit, scale = _common_unit(cells)
    elif unit is None:  # "(In millions, except per share data)": the scale is printed, the currency in the cells
        unit = _only_currency(cells)
    if not title:
        title = block.label_header or ", ".join(item.label for item in line_items[:2]) or f"Table {index + 1}"
    return Table(
        index=index,
        title=title,
        unit=unit,
        scale=scale,
        columns=columns,
        line_items=line_items,
        cells=cells,
        footnotes=_footnotes(block.footnotes),
        source=source,
        page=block.rows[0].line.page,
        first_line=block.first_line,
        last_line=block.last_line,
        calendar=meta.calendar,
    )


def continues(previous: Table, table: Table) -> bool:
    """A table printed on after a page break: same columns, and "(continued)" in its title or the
    same title on a later page."""
    if previous.column_labels != table.column_labels:
        return False
    if _CONTINUED.search(table.title):
        return _CONTINUED.sub("", table.title).strip() == previous.title.strip() or not previous.title
    return table.page > previous.page and table.title == previous.title


def inherit_scale(previous: Table, table: Table) -> Table:
    """A table that repeats the columns of the one before it on the same page, with no caption
    of its own (a footnote's breakdown under a reconciliation "(In millions)"), is printed in
    that table's scale and currency."""
    if table.scale != 1 or previous.scale == 1 or table.page != previous.page:
        return table
    if table.column_labels != previous.column_labels or any(_PLACEHOLDER.match(label) for label in table.column_labels):
        return table
    units = {c.number.unit for row in table.cells for c in row if c is not None and c.number is not None and not c.number.is_na}
    if units - {None, previous.unit} or any(
        c.number.scale != 1 for row in table.cells for c in row if c is not None and c.number is not None
    ):
        return table
    return dataclasses.replace(table, unit=previous.unit, scale=previous.scale)


def merge_continued(previous: Table, table: Table) -> Table:
    """One table from a table and its continuation."""
    return dataclasses.replace(
        previous,
        line_items=previous.line_items + table.line_items,
        cells=previous.cells + table.cells,
        footnotes={**previous.footnotes, **table.footnotes},
        last_line=table.last_line,
    )


def _is_balance_sheet(labels: Sequence[str]) -> bool:
    """Rows of balances only, closed by a total of assets, liabilities or equity."""
    return any(_BALANCE_TOTAL.match(label) for label in labels) and not any(_FLOW_ROW.search(label) for label in labels)


def _as_balance(column: Column) -> Column:
    """A balance-sheet column headed by a period holds the balance at the period's end."""
    if column.measure != "value" or column.period is None:
        return column
    return dataclasses.replace(column, period=None, as_of=column.period.end)


def _shares_beside_amounts(columns: tuple[Column, ...], cells: Sequence[Sequence[TableCell | None]]) -> tuple[Column, ...]:
    """"4Q25 | % | 3Q25 | %": a column headed "%" right of a period's amounts holds that
    period's shares or margins."""
    result = list(columns)
    for index in range(1, len(columns)):
        column, before = columns[index], columns[index - 1]
        if column.period is not None or column.as_of is not None or column.measure != "value":
            continue
        if before.measure != "value" or (before.period is None and before.as_of is None):
            continue
        numbers = [c.number for row in cells if (c := row[index]) is not None and c.number is not None and not c.number.is_na]
        # an unheaded column of percents may be a change: left alone unless its figures are the
        # amounts' shares of the row printing 100%
        if numbers and (_SHARE_LABEL.match(column.label) or (_PLACEHOLDER.match(column.label) and _shares_of_a_base(cells, index))):
            result[index] = dataclasses.replace(
                column, period=before.period, as_of=before.as_of, period_source=before.period_source or "header"
            )
    return tuple(result)


#: Rows whose share must match its amount for an unheaded column to read as shares.
MIN_SHARE_ROWS = 2


def _shares_of_a_base(cells: Sequence[Sequence[TableCell | None]], index: int) -> bool:
    """Column ``index`` prints, on every row, the size of the amount on its left as a percent
    of the amount of the row printing 100% (revenue): "319,528 | 100% ... 13,057 | 4.1%"."""
    pairs = []
    for row in cells:
        amount, share = row[index - 1], row[index]
        if amount is None or share is None or amount.number is None or share.number is None:
            continue
        if amount.number.value is None or share.number.value is None:
            continue
        if not share.number.is_percent or amount.number.is_percent:
            return False
        pairs.append((amount, share))
    base = next((amount for amount, share in pairs if share.number.value == 100), None)
    if base is None or not base.number.value:
        return False
    den, den_err = abs(base.number.value), half_unit(base.raw)
    agreeing = 0
    for amount, share in pairs:
        if amount is base:
            continue
        interval = ratio_interval(abs(amount.number.value), half_unit(amount.raw), den, den_err)
        err = half_unit(share.raw)
        if interval is None or not interval[0] * 100 - err <= abs(share.number.value) <= interval[1] * 100 + err:
            return False
        agreeing += 1
    return agreeing >= MIN_SHARE_ROWS


def _signed_percents(cells: Iterable[TableCell | None]) -> bool:
    """Percents printed with their sign ("+71%", "-5%"), a plus among them: changes, whatever the header."""
    raws = [c.raw.strip() for c in cells if c is not None and c.number is not None and c.number.value is not None]
    return bool(raws) and all(r[:1] in "+-−" and r.endswith("%") for r in raws) and any(r.startswith("+") for r in raws)


def _without_implied_period(column: Column) -> Column:
    """A column of rows without labels (a chart's data labels), or of signed percents under no
    header that says what they are, keeps only a period its header prints."""
    if column.period_source in ("release", "caption"):
        return dataclasses.replace(column, period=None, base_period=None, period_source=None)
    return column


def _percent_change_if_printed(column: Column, cells: Sequence[TableCell | None]) -> Column:
    """A "YoY Change" column printed in percent is a percent change."""
    numbers = [c.number for c in cells if c is not None and c.number is not None and not c.number.is_na]
    percent = _PERCENT_OF_CHANGE.get(column.measure)
    if percent is not None and numbers and all(n.is_percent for n in numbers):
        return dataclasses.replace(column, measure=percent)
    return column


def _read_caption(block: TableBlock, meta: Metadata) -> tuple[str, str | None, int, FiscalPeriod | None]:
    title_parts: list[str] = []
    unit, scale = None, 1
    for line in block.caption:
        text = strip_emphasis(line.text)[0]
        caption = find_unit_caption(text)
        if caption is not None:
            unit, scale = caption.unit, caption.scale
            text = text.replace(caption.raw, " ").strip()
        if text:
            title_parts.append(" ".join(text.split()))
    title = " ".join(title_parts)
    return title, unit, scale, _single_period(title, meta)


def _single_period(text: str, meta: Metadata) -> FiscalPeriod | None:
    """The period a caption names, when it names one (possibly more than once)."""
    if not text:
        return None
    if not meta.calendar_known:
        return None
    found = {period for _, _, period in find_periods(text, meta.calendar, reference_year=meta.reference_year)}
    return found.pop() if len(found) == 1 else None


def _grid(block: TableBlock) -> _Grid:
    count = block.column_count
    columns = []
    for column in range(count):
        parts = [row[column] for row in block.header if column < len(row) and row[column]]
        columns.append(" ".join(parts) if parts else PLACEHOLDER.format(column + 1))
    return _Grid(
        labels=[row.label for row in block.rows],
        label_lines=[row.line for row in block.rows],
        columns=columns,
        cells=[list(row.cells) for row in block.rows],
        line_of={cell: row.line for row in block.rows for cell in row.cells if cell is not None},
        signs=[[1] * count for _ in block.rows],
        groups=[row.group for row in block.rows],
    )


def _joined_split_rows(grid: _Grid) -> _Grid:
    """A row of figures without a label joined to the labelled row next to it whose empty
    columns it fills exactly: one row printed as two lines ("Operating Profit | 8,424" with
    "6,566 | 28.3%" printed a little higher)."""
    drop: set[int] = set()
    for row, label in enumerate(grid.labels):
        filled = {c for c, cell in enumerate(grid.cells[row]) if cell is not None}
        if label.strip() or not filled:
            continue
        for other in (row + 1, row - 1):
            if not 0 <= other < len(grid.labels) or other in drop or not grid.labels[other].strip():
                continue
            theirs = {c for c, cell in enumerate(grid.cells[other]) if cell is not None}
            if theirs and not theirs & filled and len(theirs | filled) == len(grid.cells[row]):
                for column in filled:
                    grid.cells[other][column] = grid.cells[row][column]
                drop.add(row)
                break
    if not drop:
        return grid
    keep = [row for row in range(len(grid.labels)) if row not in drop]
    return dataclasses.replace(
        grid,
        labels=[grid.labels[r] for r in keep],
        label_lines=[grid.label_lines[r] for r in keep],
        cells=[grid.cells[r] for r in keep],
        signs=[grid.signs[r] for r in keep],
        groups=[grid.groups[r] for r in keep],
    )


def _reshape_statement_rows(grid: _Grid) -> _Grid:
    """Rows that read as sentences: ``Revenues | JPY 198.4 billion | up | 8.3% | YoY``.

    With no header, the word columns say what the figures mean: a direction
    ("up"/"down") signs the figure after it, a basis ("YoY") names the figure
    before it. Word and empty columns are then dropped; the first figure column
    is the ``value``.
    """
    unheaded = next((i for i, c in enumerate(grid.columns) if not _PLACEHOLDER.match(c)), len(grid.columns))
    kinds = [_column_kind(grid, column) for column in range(unheaded)]
    noted = {column: basis for column in range(unheaded) if (basis := _basis_in_cells(grid, column))}
    if "direction" not in kinds and "basis" not in kinds and not noted:
        return grid
    # headed columns after the statement cells ("FY23 Targets | First Half") are kept as they are
    kinds += ["headed"] * (len(grid.columns) - unheaded)
    figure_columns = [i for i, kind in enumerate(kinds) if kind in ("figure", "headed")]
    if not figure_columns:
        return grid
    names = {}
    for position, column in enumerate(figure_columns):
        if kinds[column] == "headed":
            names[column] = grid.columns[column]
            continue
        basis = noted.get(column) or _word_after(grid, column, kinds, "basis")
        names[column] = basis or ("value" if position == 0 else PLACEHOLDER.format(position + 1))
    signs = []
    for row, cells in enumerate(grid.cells):
        row_signs = []
        for column in figure_columns:
            direction = _word_before(cells, column, kinds) if kinds[column] == "figure" else None
            row_signs.append(-1 if direction and _NEGATIVE_DIRECTION.match(direction) else 1)
        signs.append(row_signs)
    return dataclasses.replace(
        grid,
        columns=[names[c] for c in figure_columns],
        cells=[[cells[c] for c in figure_columns] for cells in grid.cells],
        signs=signs,
    )


def _sign_by_direction_columns(grid: _Grid) -> _Grid:
    """An unheaded column of direction words between headed ones (``2Q04 |  | YoY`` over
    ``8,854 | Down | 6.2%``) signs the figure after it, and is dropped."""
    directions = {column for column in range(len(grid.columns) - 1)
                  if _PLACEHOLDER.match(grid.columns[column]) and _is_direction_column(grid, column)
                  and _column_kind(grid, column + 1) == "figure"}
    if not directions:
        return grid
    signs = [list(row) for row in grid.signs]
    for row, cells in enumerate(grid.cells):
        for column in directions:
            cell = cells[column]
            if cell is not None and _NEGATIVE_DIRECTION.match(cell.text):
                signs[row][column + 1] = -1
    keep = [column for column in range(len(grid.columns)) if column not in directions]
    return dataclasses.replace(
        grid,
        columns=[grid.columns[c] for c in keep],
        cells=[[cells[c] for c in keep] for cells in grid.cells],
        signs=[[row[c] for c in keep] for row in signs],
    )


def _is_direction_column(grid: _Grid, column: int) -> bool:
    """Every printed cell of the column is a direction word (the first other word ends the look)."""
    texts = (cell.text for row in grid.cells if (cell := row[column]) is not None and cell.text)
    seen = False
    for text in texts:
        if not _DIRECTION.match(text):
            return False
        seen = True
    return seen


def _column_kind(grid: _Grid, column: int) -> str:
    texts = [cell.text for row in grid.cells if (cell := row[column]) is not None and cell.text]
    if not texts:
        return "empty"
    if _is_direction_column(grid, column):
        return "direction"
    if all(_BASIS.match(t) for t in texts):
        return "basis"
    return "figure" if any(read_cell(t) is not None for t in texts) else "text"


def _basis_in_cells(grid: _Grid, column: int) -> str | None:
    """The basis every figure of a column prints inside its cell: "(up 7.7% YoY)"."""
    notes = set()
    for row in grid.cells:
        cell = row[column]
        if cell is None or not cell.text:
            continue
        figure = read_cell(cell.text)
        if figure is None or figure.note is None or not _BASIS.match(figure.note):
            return None
        notes.add(figure.note.lower())
    return notes.pop() if len(notes) == 1 else None


def _word_after(grid: _Grid, column: int, kinds: Sequence[str], kind: str) -> str | None:
    for other in range(column + 1, len(kinds)):
        if kinds[other] in ("figure", "headed"):
            return None
        if kinds[other] == kind:
            words = {_GLUED_MARK.sub("", cell.text) for row in grid.cells if (cell := row[other]) is not None}
            return words.pop() if len(words) == 1 else None
    return None


def _word_before(cells: Sequence[Cell | None], column: int, kinds: Sequence[str]) -> str | None:
    for other in range(column - 1, -1, -1):
        if kinds[other] == "figure":
            return None
        cell = cells[other]
        if kinds[other] == "direction" and cell is not None:
            return cell.text
    return None


def _transpose_if_periods_run_down(grid: _Grid, meta: Metadata) -> _Grid:
    """Items across the top and one row per period: turn it so periods are columns."""
    if len(grid.labels) < 2 or any(_is_period(c, meta) for c in grid.columns):
        return grid
    if any(_PLACEHOLDER.match(c) for c in grid.columns):
        return grid
    periods = sum(_is_period(label, meta) for label in grid.labels)
    if periods < _TRANSPOSE_SHARE * len(grid.labels):
        return grid
    cells = [[row[column] for row in grid.cells] for column in range(len(grid.columns))]
    signs = [[row[column] for row in grid.signs] for column in range(len(grid.columns))]
    return _Grid(
        labels=list(grid.columns),
        label_lines=[None] * len(grid.columns),
        columns=list(grid.labels),
        cells=cells,
        line_of=grid.line_of,
        signs=signs,
        groups=[""] * len(grid.columns),
    )


def _is_period(text: str, meta: Metadata) -> bool:
    return try_parse_period(text, meta.calendar, reference_year=meta.reference_year) is not None


def _with_group(item: LineItem, group: str, meta: Metadata) -> LineItem:
    """A row under a group row that names a period ("Financial Targets for FY2015") belongs to it."""
    period = _single_period(group, meta) if group else None
    if period is None:
        return item
    measure = "target" if measure_of(group) == "target" else None
    return dataclasses.replace(item, group_period=period, group_measure=measure)


def _without_dot_leader(label: str) -> str:
    """``label`` without the dots that lead its eye to the figures ("Revenues . . . . ."), in one pass."""
    end, dots = len(label), 0
    while end and (label[end - 1] in _LEADER_DOTS or label[end - 1].isspace()):
        dots += label[end - 1] in _LEADER_DOTS
        end -= 1
    return label[:end].strip() if dots >= 3 else label.strip()


def _line_item(label: str, line: Line | None, source: str, footnote_numbers: frozenset[str]) -> LineItem:
    unmarked, marks = strip_label_marks(_without_dot_leader(label), footnote_numbers)
    clean = _without_dot_leader(unmarked)
    return LineItem(
        label=clean,
        key=to_line_item_key(clean),
        footnotes=marks,
        provenance=lines_provenance(source, line) if line is not None else None,
    )


def _table_cell(cell: Cell, line: Line, source: str, sign: int) -> TableCell:
    figure = read_cell(cell.text)
    number = figure.number if figure else None
    if number is not None and sign < 0 and number.value is not None:
        number = dataclasses.replace(number, value=-abs(number.value))
    return TableCell(
        raw=cell.text,
        number=number,
        converted=figure.converted if figure else None,
        provenance=Provenance(
            source=source, page=cell.page, line=line.number, raw=cell.text,
            bbox=(cell.x0, cell.top, cell.x1, cell.bottom),
        ),
    )


def _only_currency(cells: Sequence[Sequence[TableCell | None]]) -> str | None:
    """The one currency the table's cells print ("$7,946" beside "(5,485)"), if just one."""
    units = {
        c.number.unit for row in cells for c in row
        if c is not None and c.number is not None and c.number.unit in CURRENCY_CODES
    }
    return units.pop() if len(units) == 1 else None


def _common_unit(cells: Sequence[Sequence[TableCell | None]]) -> tuple[str | None, int]:
    """Without a caption, the unit and scale every figure of the table prints (percent cells aside)."""
    numbers = [c.number for row in cells for c in row if c is not None and c.number is not None and not c.number.is_na]
    units = {(n.unit, n.scale) for n in numbers if not n.is_percent} or {(n.unit, n.scale) for n in numbers}
    return units.pop() if len(units) == 1 else (None, 1)


def _footnotes(lines: Sequence[Line]) -> dict[str, str]:
    notes = {}
    for line in lines:
        note = match_footnote(line.raw)
        if note is not None:
            notes[note.mark] = note.text
    return notes
