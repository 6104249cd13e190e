"""Build the DataFrames users see. Columns and dtypes are declared here, once,
because databases and Parquet files load these frames as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

import pandas as pd

from .concepts import ConceptMap, concept_map
from .errors import PeriodFormatError
from .frame_columns import column_of
from .headers import implied_base
from .keys import to_line_item_key
from .model import Provenance, Release, Table, TableCell
from .normalize.dates import MONTHS
from .normalize.fiscal import month_within
from .normalize.numbers import ParsedNumber
from .normalize.periods import FiscalCalendar, FiscalPeriod
from .wording import QUARTER_ON_QUARTER, YEAR_ON_YEAR

__all__ = ["amount_of", "with_amount", "fact_records", "highlight_records", "prose_fact_records", "cell_unit_and_scale", "frame_from_columns", "typed_frame", "FACT_COLUMNS", "CHECK_COLUMNS", "HIGHLIGHT_COLUMNS", "PROSE_FACT_COLUMNS", "facts_frame", "prose_facts_frame", "highlights_frame", "table_raw_frame", "table_value_frame"]

#: Measures whose figures are percents even when printed without a % sign.
PERCENT_MEASURES = frozenset({"yoy_pct", "qoq_pct", "pct_change"})

_CHANGE_OF_PERCENT = {"change": "pct_change", "yoy_change": "yoy_pct", "qoq_change": "qoq_pct"}
#: A column of shares or margins headed only by a percent sign.
_PERCENT_COLUMN = re.compile(r"^\s*\(?%\)?\s*$")
#: A row that holds a change: "Y/Y Revenue Growth", "Revenue growth (YoY)": a change word and a basis.
_CHANGE_WORD = re.compile(r"\b(?:growth|change)\b", re.IGNORECASE)
_ROW_BASIS = re.compile(rf"(?:^|\b)(?:(?P<yoy>{YEAR_ON_YEAR})|{QUARTER_ON_QUARTER})\b", re.IGNORECASE)
_PER_SHARE = re.compile(r"\bper\s+(?:share|ads|unit)\b|\bEPS\b|\bearnings\s+per\b", re.IGNORECASE)
_PERCENT_LABEL = re.compile(r"\(\s*%\s*\)|\bin\s+%|%\s*$")

#: The dates of a figure's period (its label, ``period``, is a column of its own, read first).
_PERIOD_DATES: Mapping[str, str] = {
    "fiscal_year": "Int64",
    "fiscal_period": "string",
    "period_start": "datetime64[ns]",
    "period_end": "datetime64[ns]",
    "period_source": "string",
}

#: Where a value was printed: file, page, line and bounding box.
_PROVENANCE_COLUMNS: Mapping[str, str] = {
    "source": "string",
    "page": "Int64",
    "line": "Int64",
    "x0": "Float64",
    "top": "Float64",
    "x1": "Float64",
    "bottom": "Float64",
}

#: Columns of ``Release.facts`` and their dtypes: what people read first (line item,
#: period, measure, value, unit, scale, amount) in front, provenance last.
FACT_COLUMNS: Mapping[str, str] = {
    "line_item": "string",
    "period": "string",
    "measure": "string",
    "value": "Float64",
    "unit": "string",
    "scale": "Int64",
    "amount": "Float64",
    "concept": "string",
    "line_item_key": "string",
    "table": "Int64",
    "table_title": "string",
    "column": "string",
    **_PERIOD_DATES,
    "base_period": "string",
    "announced": "datetime64[ns]",
    "is_percent": "boolean",
    "approximate": "boolean",
    "na_reason": "string",
    "converted_value": "Float64",
    "converted_unit": "string",
    "converted_scale": "Int64",
    "verified": "boolean",
    "raw": "string",
    **_PROVENANCE_COLUMNS,
}

#: Columns of ``Release.checks`` and their dtypes: one row per check run.
CHECK_COLUMNS: Mapping[str, str] = {
    "rule": "string",
    "table": "Int64",
    "line_item": "string",
    "column": "string",
    "period": "string",
    "expected": "Float64",
    "found": "Float64",
    "tolerance": "Float64",
    "passed": "boolean",
    "facts": "string",
    "lines": "string",
}

#: Columns of ``Release.highlights`` and their dtypes.
HIGHLIGHT_COLUMNS: Mapping[str, str] = {
    "text": "string",
    "level": "Int64",
    "marker": "string",
    "emphasis": "boolean",
    "section": "string",
    "parent": "Int64",
    **_PROVENANCE_COLUMNS,
}

#: Columns of ``Release.prose_facts`` and their dtypes, in the order of the facts'.
PROSE_FACT_COLUMNS: Mapping[str, str] = {
    "metric": "string",
    "period": "string",
    "measure": "string",
    "value": "Float64",
    "unit": "string",
    "scale": "Int64",
    "amount": "Float64",
    "concept": "string",
    "metric_key": "string",
    **_PERIOD_DATES,
    "base_period": "string",
    "is_percent": "boolean",
    "approximate": "boolean",
    "raw": "string",
    "sentence": "string",
    "section": "string",
    "source": "string",
    "page": "Int64",
    "line": "Int64",
    "char_start": "Int64",
    "char_end": "Int64",
}


def typed_frame(records: Iterable[Mapping[str, object]], columns: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns``, in order, each cast to its declared dtype."""
    rows = list(records)
    return frame_from_columns({name: [row.get(name) for row in rows] for name in columns}, columns)


def frame_from_columns(data: Mapping[str, Sequence[object]], columns: Mapping[str, str]) -> pd.DataFrame:
    """A frame with the declared ``columns`` from plain values, column by column (None for NA).

    Each column is built straight into its dtype, so 64-bit integers stay exact.
    """
    return pd.DataFrame({name: column_of(data[name], kind) for name, kind in columns.items()}, copy=False)


def _where(provenance: Provenance) -> dict[str, object]:
    """The provenance columns of a record (frames without a box simply leave those out)."""
    x0, top, x1, bottom = provenance.bbox if provenance.bbox is not None else (None,) * 4
    return {"source": provenance.source, "page": provenance.page, "line": provenance.line,
            "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def _named_month(label: str) -> tuple[int, int | None] | None:
    """The month (and year, if printed) a row label names: "February", "Dec.", "March 2025"."""
    words = label.lower().replace(".", " ").split()
    if not words or words[0] not in MONTHS or len(words) > 2 or (len(words) == 2 and not words[1].isdigit()):
        return None
    return MONTHS[words[0]], int(words[1]) if len(words) == 2 and len(words[1]) == 4 else None


def _month_in(period: FiscalPeriod | None, month: tuple[int, int | None]) -> FiscalPeriod | None:
    """The calendar month ``month`` within ``period``'s dates; None when they hold no such month
    (or the calendar counts weeks, not months)."""
    if period is None:
        return None
    number, printed_year = month
    years = sorted({period.start.year, period.end.year})
    for year in (years if printed_year is None else [y for y in years if y == printed_year]):
        try:
            found = month_within(period.calendar, date(year, number, 1))
        except PeriodFormatError:
            return None
        if period.start <= found.start and found.end <= period.end:
            return found
    return None


def _fact_record(table: Table, row: int, column: int, cell: TableCell) -> dict[str, object]:
    number = cell.number
    assert number is not None
    spec = table.columns[column]
    item = table.line_items[row]
    period, source, measure, base = spec.period, spec.period_source, spec.measure, spec.base_period
    if item.group_period is not None and source in ("caption", "release"):
        # a group row's period ("Financial Targets for FY2015") outranks the caption's for its rows
        period, source = item.group_period, "group"
        base = implied_base(measure, period) if base is not None else None
        measure = "target" if measure == "value" and item.group_measure == "target" else measure
    month = _named_month(item.label) if period is not None else None
    if month is not None:
        # "February" under "2025": the February within the column's dates, never the year
        period, base = _month_in(period, month), (_month_in(base, month) if base is not None else None)
        source = source or "header"
    when = _period_fields(period) if period is not None else _instant_fields(spec.as_of, table.calendar)
    if period is not None or spec.as_of is not None:
        when["period_source"] = source or "header"
    measure, base = _cell_measure(measure, base, item.label, period, number.is_percent)
    unit, scale = cell_unit_and_scale(table, number, item.label, spec.label, measure)
    return {
        "table": table.index,
        "table_title": table.title,
        "line_item": item.label,
        "line_item_key": item.key,
        "column": spec.label,
        **when,
        "measure": measure,
        "base_period": base.label if base else None,
        "announced": spec.announced,
        "value": number.value,
        "unit": unit,
        "scale": scale,
        "is_percent": number.is_percent,
        "approximate": number.approximate,
        "na_reason": number.na_reason,
        "converted_value": cell.converted.value if cell.converted else None,
        "converted_unit": cell.converted.unit if cell.converted else None,
        "converted_scale": cell.converted.scale if cell.converted else None,
        "raw": cell.raw,
        **_where(cell.provenance),
    }


def cell_unit_and_scale(
    table: Table, number: ParsedNumber, row_label: str, column_label: str, measure: str
) -> tuple[str | None, int]:
    """The unit and scale of a printed figure: its own when it prints them, else the table's
    caption's; percents are percents and per-share amounts are never scaled."""
    in_percent = (
        measure in PERCENT_MEASURES
        or _PERCENT_LABEL.search(row_label) is not None
        or _PERCENT_COLUMN.match(column_label) is not None
    )
    if number.is_percent or (number.unit is None and in_percent):
        return "%", 1  # "14.4" under "YoY % Change" or beside "Margin (%)" is a percent, whatever the caption
    if number.scale != 1 or (number.unit is not None and number.unit != table.unit and table.unit is not None):
        unit, scale = number.unit or table.unit, number.scale  # the cell prints its own scale or currency
    else:
        unit, scale = number.unit or table.unit, table.scale  # "$7,946" under "(In millions)"
    if _PER_SHARE.search(row_label) and number.scale == 1:
        scale = 1  # "(In millions, except per share amounts)": per-share rows keep their own unit
    return unit, scale


def _cell_measure(
    measure: str, base: FiscalPeriod | None, label: str, period: FiscalPeriod | None, is_percent: bool
) -> tuple[str, FiscalPeriod | None]:
    """A cell's measure: its column's, made a percent change where the cell prints a percent
    ("Up 12%" in a Q/Q column that also holds "Down 1.6 pts"), or its row's where the row is a
    change ("Y/Y Revenue Growth" under "Q4 2023")."""
    if measure in _CHANGE_OF_PERCENT and is_percent:
        return _CHANGE_OF_PERCENT[measure], base
    if measure == "value" and period is not None and _CHANGE_WORD.search(label):
        basis = _ROW_BASIS.search(label)
        if basis is not None:
            kind = "yoy" if basis.group("yoy") else "qoq"
            return f"{kind}_{'pct' if is_percent else 'change'}", implied_base(kind, period)
    return measure, base


def _period_fields(period: FiscalPeriod | None) -> dict[str, object]:
    if period is None:
        return dict.fromkeys(["period", *_PERIOD_DATES])
    return {
        "period": period.label,
        "fiscal_year": period.fiscal_year,
        "fiscal_period": period.fiscal_period,
        "period_start": period.start,
        "period_end": period.end,
        "period_source": None,
    }


def _instant_fields(day: date | None, calendar: FiscalCalendar | None) -> dict[str, object]:
    """A balance "as of" a day: start and end are that day, the fiscal period is "instant"."""
    if day is None:
        return dict.fromkeys(["period", *_PERIOD_DATES])
    return {
        "period": day.isoformat(),
        "fiscal_year": calendar.fiscal_year_of(day) if calendar else None,
        "fiscal_period": "instant",
        "period_start": day,
        "period_end": day,
        "period_source": None,
    }


def table_fact_records(table: Table, verdicts: Mapping[tuple[int, int, int], bool] | None = None) -> list[dict[str, object]]:
    """One record per numeric (or NA-marked) cell of a table; ``verdicts`` give ``verified``."""
    found = verdicts or {}
    records = []
    for row, cells in enumerate(table.cells):
        for column, cell in enumerate(cells):
            if cell is None or cell.number is None:
                continue
            record = {**_fact_record(table, row, column, cell), "verified": found.get((table.index, row, column))}
            records.append(with_amount(record))
            if cell.converted is not None and cell.converted.value is not None:
                records.append(with_amount(_conversion_record(record)))
    return records


def amount_of(value: float | None, scale: int | None, is_percent: bool | None) -> float | None:
    """A figure in its unit's base: 10,512 in JPY millions is 10,512,000,000 (JPY); percents stay percents.

    The product is taken in decimal, so 198.4 billion is 198,400,000,000 exactly.
    """
    if value is None or value != value or is_percent or scale is None or scale is pd.NA or scale == 1:
        return value
    return float(Decimal(repr(value)) * int(scale))


def with_amount(record: dict[str, object]) -> dict[str, object]:
    """``record`` with its ``amount``."""
    record["amount"] = amount_of(record["value"], record["scale"], record["is_percent"])  # type: ignore[arg-type]
    return record


def _conversion_record(record: Mapping[str, object]) -> dict[str, object]:
    """The row of a conversion printed in a cell ("JPY33,254 million ($313.9 million)"): the same
    line item and period in the other currency, naming the printed figure as its conversion."""
    return {
        **record,
        "column": f"{record['column']} [{record['converted_unit']}]",  # (table, line item, column) stays a key
        "value": record["converted_value"],
        "unit": record["converted_unit"],
        "scale": record["converted_scale"],
        "converted_value": record["value"],
        "converted_unit": record["unit"],
        "converted_scale": record["scale"],
        "verified": None,
    }


def fact_records(release: Release, verdicts: Mapping[tuple[int, int, int], bool] | None = None,
                 concepts: ConceptMap | None = None) -> list[dict[str, object]]:
    """The rows of ``Release.facts`` as plain dicts, each with its concept (from ``concepts``,
    else the shipped rules); ``verdicts`` give ``verified``."""
    concepts = concepts or concept_map()
    records = [r for table in release.tables for r in table_fact_records(table, verdicts)]
    for record in records:
        record["concept"] = concepts.concept_of(record["line_item_key"])  # type: ignore[arg-type]
    return records


def facts_frame(release: Release) -> pd.DataFrame:
    """``Release.facts``: every numeric table cell of the release, tidy, with the verdict of the
    checks among the tables (prose is not read: a prose figure's agreement is in ``Release.checks``)."""
    from .checks.runner import cell_verdicts

    return typed_frame(fact_records(release, cell_verdicts(release._figure_checks), release.concepts), FACT_COLUMNS)


def highlight_records(release: Release) -> list[dict[str, object]]:
    """The rows of ``Release.highlights`` as plain dicts."""
    return [
        {
            "text": bullet.text,
            "level": bullet.level,
            "marker": bullet.marker,
            "emphasis": bullet.emphasis,
            "section": bullet.section,
            "parent": bullet.parent,
            **_where(bullet.provenance),
        }
        for bullet in release.bullets
    ]


def highlights_frame(release: Release) -> pd.DataFrame:
    """``Release.highlights``: one row per bullet."""
    return typed_frame(highlight_records(release), HIGHLIGHT_COLUMNS)


def prose_fact_records(release: Release, concepts: ConceptMap | None = None) -> list[dict[str, object]]:
    """The rows of ``Release.prose_facts`` as plain dicts; ``concepts`` as for :func:`fact_records`."""
    concepts = concepts or concept_map()
    return [
        {
            "metric": fact.metric,
            "metric_key": (key := to_line_item_key(fact.metric)),
            "concept": concepts.concept_of(key),
            **(_period_fields(fact.period) if fact.period is not None or fact.as_of is None else _instant_fields(fact.as_of, release.calendar)),
            "period_source": "prose" if fact.period is not None or fact.as_of is not None else None,
            "measure": fact.measure,
            "base_period": fact.base_period.label if fact.base_period else None,
            "value": fact.value,
            "unit": fact.unit,
            "scale": fact.scale,
            "amount": amount_of(fact.value, fact.scale, fact.is_percent),
            "is_percent": fact.is_percent,
            "approximate": fact.approximate,
            "raw": fact.raw,
            "sentence": fact.sentence,
            "section": fact.section,
            **_where(fact.provenance),
            "char_start": fact.char_start,
            "char_end": fact.char_end,
        }
        for fact in release.prose
    ]


def prose_facts_frame(release: Release) -> pd.DataFrame:
    """``Release.prose_facts``: one row per figure stated in prose."""
    return typed_frame(prose_fact_records(release, release.concepts), PROSE_FACT_COLUMNS)


def _index(table: Table) -> pd.Index:
    return pd.Index([item.label for item in table.line_items], dtype=pd.StringDtype(), name="line_item")


def table_raw_frame(table: Table) -> pd.DataFrame:
    """The strings as printed; empty cells are NA."""
    data = [[cell.raw if cell is not None else None for cell in row] for row in table.cells]
    return pd.DataFrame(data, index=_index(table), columns=table.column_labels, dtype=pd.StringDtype())


def table_value_frame(table: Table) -> pd.DataFrame:
    """Numbers as printed (not multiplied by the scale), nullable Float64."""
    data = [
        [cell.number.value if cell is not None and cell.number is not None else None for cell in row]
        for row in table.cells
    ]
    return pd.DataFrame(data, index=_index(table), columns=table.column_labels, dtype="Float64")
