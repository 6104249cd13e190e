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
#: Facts a stage other than prose cannot yet read, with why: (document, suffix) -> reason.
ELSEWHERE: dict[tuple[str, str], str] = {}
STATED_IN_SENTENCES = {("08", "Total revenues YoY change", "1Q22", 9.8), ("08", "Operating profit YoY change", "1Q22", 15.3)}


def _elsewhere(number: str, suffix: str, metric: str, period: str, value: float) -> str | None:
    """Why a truth fact is expected to be missed, when a stage other than prose owns it."""
    if (number, metric, period, value) in STATED_IN_SENTENCES:
        return None
    return ELSEWHERE.get((number, suffix))


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
                reason = _elsewhere(name[:2], suffix, metric, period, value)
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
