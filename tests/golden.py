"""Golden files for the samples: ``samples/<name>.golden.json`` beside each sample.

The golden file is a plain summary of what a parse must give. Regenerate one only
on purpose, and review the diff before committing it::

    .venv/bin/python tests/golden.py samples/iij_2q_fy2004_results.txt
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import release_parser as rp

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_SUFFIXES = (".txt", ".pdf", ".md")


def golden_path(sample: Path) -> Path:
    return sample.with_name(sample.name + ".golden.json")


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in SAMPLE_SUFFIXES and golden_path(p).exists())


def _number(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _period(period):
    if period is None:
        return None
    return {"label": period.label, "fiscal_year": period.fiscal_year, "fiscal_period": period.fiscal_period,
            "start": period.start.isoformat(), "end": period.end.isoformat()}


def summarize(release: rp.Release) -> dict:
    """The parts of a release a golden file pins down."""
    tables = []
    for table in release.tables:
        rows = {}
        for item, cells in zip(table.line_items, table.cells):
            rows[item.label] = [
                _number(cell.number.value) if cell is not None and cell.number is not None else None for cell in cells
            ]
        tables.append({
            "title": table.title,
            "unit": table.unit,
            "scale": table.scale,
            "columns": [
                {"label": c.label, "measure": c.measure, "period": _period(c.period),
                 "base_period": c.base_period.label if c.base_period else None}
                for c in table.columns
            ],
            "rows": rows,
            "footnotes": dict(table.footnotes),
        })
    highlights = [
        {"level": b.level, "marker": b.marker, "emphasis": b.emphasis, "section": b.section,
         "parent": b.parent, "line": b.provenance.line, "text": b.text}
        for b in release.bullets
    ]
    prose = [
        {"metric": f.metric, "period": f.period.label if f.period else None, "measure": f.measure,
         "base_period": f.base_period.label if f.base_period else None, "value": f.value, "unit": f.unit,
         "scale": f.scale, "line": f.provenance.line, "raw": f.raw}
        for f in release.prose
    ]
    return {
        "company": release.company,
        "title": release.title,
        "published": release.published.isoformat() if release.published else None,
        "period": _period(release.period),
        "calendar": {"year_end_month": release.calendar.year_end_month, "naming": release.calendar.naming},
        "tables": tables,
        "highlights": highlights,
        "prose_facts": prose,
    }


def write(sample: Path) -> Path:
    path = golden_path(sample)
    path.write_text(json.dumps(summarize(rp.parse(sample)), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(write(Path(argument)))
