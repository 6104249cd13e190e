"""Words that say what kind of figure a header or sentence gives, shared by tables and prose.

Each is an alternation without anchors; callers wrap it (``\\b...\\b`` to search a
header, ``^\\s*...`` to read what follows a figure).
"""

from __future__ import annotations

__all__ = ["YEAR_ON_YEAR", "QUARTER_ON_QUARTER", "TARGET_WORDS"]

#: "YoY % Change", "up 12.0% year over year".
YEAR_ON_YEAR = r"(?:yoy|y/y|y-y|year[- ]on[- ]year|year[- ]over[- ]year)"
#: "QoQ % Change", "2.8% QoQ".
QUARTER_ON_QUARTER = r"(?:qoq|q/q|q-q|quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter)"
#: "Target Announced", "Previous Target", "FY11 Targets", "Forecast".
TARGET_WORDS = r"(?:targets?|forecasts?|guidance|outlook|plans?|projections?|estimates?)"
