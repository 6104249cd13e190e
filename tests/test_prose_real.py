"""Every figure the nine real IIJ layouts state in prose is found, in ``prose_facts`` or in a statement row.

The documents and their hand-read truth files live in ``../shared/iij-layouts``; the test
skips when that folder is absent. A truth fact matches a row with the same value (a loss
may be printed as a positive "loss" or a negative income), the same period (by label, by
the truth's dates, or by the day a point-in-time figure is for) and a word of its metric.

Misses that other stages own are listed in ``ELSEWHERE`` with the reason, and expected to
fail until those stages read them.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

import release_parser as rp

LAYOUTS = "iij-layouts"
DOCUMENTS = [
    "01_3q07_6k_dashed", "02_1h09_actual_vs_target", "03_1h08_target_vs_actual", "04_9m08_revised_targets",
    "05_9m10_layout_ebitda", "06_fy2014_pipe", "07_1q23_pipe_targets", "08_1q22_tabbed_targets",
    "09_1h10_flat_actual_target",
]
_CONVERTED = "a cell's dollar conversion is kept as converted_value of the yen fact, not as a fact of its own"
_AS_OF = "an exchange rate is for a day: prose facts have no point-in-time period yet"
_NO_PERIOD = "the table's figure column has no period (title-only or headerless header)"
_PIPE_CHANGE = "the table's '(up 7.7% YoY)' column is not read as a YoY change"
ELSEWHERE: dict[tuple[str, str, str, float], str] = {
    ("02", "Revenues", "1H09", 360.7): _CONVERTED,
    ("02", "Operating Income", "1H09", 13.0): _CONVERTED,
    ("02", "Net Income attributable to IIJ", "1H09", 8.0): _CONVERTED,
    ("02", "Exchange rate (JPY per US$1.00)", "2009-09-30", 89.49): _AS_OF,
    ("03", "Revenues", "1H08", 313.9): _CONVERTED,
    ("03", "Operating Income", "1H08", 9.5): _CONVERTED,
    ("03", "Net Income", "1H08", 3.5): _CONVERTED,
    ("09", "Revenues", "1H10", 410.3): _CONVERTED,
    ("09", "Operating Income", "1H10", 14.4): _CONVERTED,
    ("09", "Net Income attributable to IIJ", "1H10", 10.3): _CONVERTED,
    ("09", "Exchange rate (JPY per US$1.00)", "2010-09-30", 83.53): _AS_OF,
    ("06", "Total revenues YoY change", "2H14", 10.0): "'the latter half of FY2014' is not read as 2H14 by the period finder",
}
#: Documents whose highlights are a table: their truth facts are that table's, except those also stated in a sentence.
TABLE_DOCUMENTS = {"06": f"{_NO_PERIOD}; {_PIPE_CHANGE}", "07": _NO_PERIOD, "08": _NO_PERIOD}
STATED_IN_SENTENCES = {("08", "Total revenues YoY change", "1Q22", 9.8), ("08", "Operating profit YoY change", "1Q22", 15.3)}


def _elsewhere(number: str, metric: str, period: str, value: float) -> str | None:
    """Why a truth fact is expected to be missed, when a stage other than prose owns it."""
    key = (number, metric, period, value)
    if key in ELSEWHERE:
        return ELSEWHERE[key]
    return TABLE_DOCUMENTS.get(number) if key not in STATED_IN_SENTENCES else None


@lru_cache(maxsize=None)
def _rows(path: str) -> list[dict]:
    rel = rp.parse(path)
    rows = rel.prose_facts.to_dict("records")
    for row in rel.facts.to_dict("records"):
        rows.append({**row, "metric": f"{row.get('line_item', '')} {row.get('column', '')} {row.get('measure', '')}"})
    return rows


def _words(text: object) -> set[str]:
    return set(re.findall(r"[a-z]+", str(text).lower())) - {"of", "the", "for", "number", "total"}


def _day(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)[:10]


def _same_period(row: dict, label: str, periods: dict[str, list[str]]) -> bool:
    if str(row.get("period", "")).strip().lower() == label.lower():
        return True
    if label in periods:
        start, end = periods[label]
        return _day(row.get("period_start")) == start and _day(row.get("period_end")) == end
    return _day(row.get("period_end")) == label


def _found(rows: list[dict], metric: str, period: str, value: float, periods: dict[str, list[str]]) -> bool:
    for row in rows:
        try:
            got = float(row.get("value"))
        except (TypeError, ValueError):
            continue
        if math.isnan(got):
            continue
        lossy = "loss" in metric.lower() or "loss" in str(row.get("metric", "")).lower()
        if all(abs(got - want) > 1e-6 * max(1, abs(want)) for want in ((value, -value) if lossy else (value,))):
            continue
        if _same_period(row, period, periods) and _words(metric) & _words(row.get("metric", "")):
            return True
    return False


def _cases() -> list:
    folder = Path(__file__).resolve().parents[2] / "shared" / LAYOUTS
    cases = []
    for name in DOCUMENTS:
        truth_path = folder / f"{name}.json"
        facts = json.loads(truth_path.read_text(encoding="utf-8"))["prose_facts"] if truth_path.exists() else []
        for suffix in (".txt", ".pdf"):
            for metric, period, value, _unit, _scale in facts:
                reason = _elsewhere(name[:2], metric, period, value)
                marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
                cases.append(pytest.param(name + suffix, metric, period, value, marks=marks,
                                          id=f"{name}{suffix}:{metric}:{period}:{value}"))
    return cases or [pytest.param(None, None, None, None, marks=pytest.mark.skip(reason="no truth files"))]


@pytest.fixture
def layouts(shared_dir: Path) -> Path:
    folder = shared_dir / LAYOUTS
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


@pytest.mark.parametrize("document, metric, period, value", _cases())
def test_truth_prose_fact_is_found(layouts, document, metric, period, value):
    truth = json.loads((layouts / (document.rsplit(".", 1)[0] + ".json")).read_text(encoding="utf-8"))
    rows = _rows(str(layouts / document))
    assert _found(rows, metric, period, value, truth.get("periods", {})), (document, metric, period, value)
