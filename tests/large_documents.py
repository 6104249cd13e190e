"""Large documents, each large in one way, built at any size: for the scaling benchmark
(``benchmarks/bench_pathological.py``) and for the tests of the corners that once grew faster
than the document.

Each builder takes a size ``n`` in its own unit (cells, bullets, rows, characters, levels) and
returns a whole text release: a short front matter, then the large part.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["LARGE_DOCUMENTS", "FRONT_MATTER"]

FRONT_MATTER = (
    "Example Networks Inc.\n\nSecond Quarter Results for the Year Ending March 31, 2005\n\nNovember 11, 2004\n\n"
)
_TABLE = "(JPY millions)\n\t2Q04\t1Q04\nTotal Revenues\t10,512\t8,675\nOperating Income\t830\t612\n"
#: Sentences of a forward-looking statement, and one that states figures: prose as releases print it.
_CAUTION = (
    "Statements made in this material regarding the company's intentions, beliefs, expectations, or "
    "predictions for the future are forward-looking statements based on current expectations. "
    "These statements are subject to risks, uncertainties and other factors that could cause actual "
    "results to differ materially from those contained in any forward-looking statement. "
)
_FIGURES = "Revenue rose 14.4% to JPY 10,512 million in 2Q04, compared with JPY 9,185 million in 2Q03. "


def cells_on_one_line(n: int) -> str:
    """A table line of ``n`` value cells, split on blanks (columns are matched cell by cell)."""
    return FRONT_MATTER + "Revenue" + "  1" * n + "\n\n" + _TABLE


def bullets(n: int) -> str:
    """``n`` highlight bullets under one heading, each stating figures."""
    body = "".join(f"- Revenue of segment {i} rose 5% to JPY {i:,} million in 2Q04\n" for i in range(n))
    return FRONT_MATTER + "Highlights\n\n" + body + "\n" + _TABLE


def table_rows(n: int) -> str:
    """A tab-separated table of ``n`` rows."""
    body = "".join(f"Item {i}\t{i:,}\t{i + 1:,}\n" for i in range(n))
    return FRONT_MATTER + "(JPY millions)\n\t2Q04\t1Q04\n" + body


def long_line(n: int) -> str:
    """One line of ``n`` characters of prose: sentences, a few with figures, and no line break."""
    unit = _CAUTION * 3 + _FIGURES
    line = (unit * (n // len(unit) + 1))[:n]
    return FRONT_MATTER + _TABLE + "\n" + line + "\n"


def nested_bullets(n: int) -> str:
    """An outline ``n`` levels deep: each bullet indented one more column than the one before."""
    body = "".join(" " * level + f"- Level {level} revenue rose 5%\n" for level in range(n))
    return FRONT_MATTER + "Highlights\n\n" + body + "\n" + _TABLE


#: name -> (builder, the largest size the benchmark reads it at).
LARGE_DOCUMENTS: dict[str, tuple[Callable[[int], str], int]] = {
    "cells on one line": (cells_on_one_line, 8_000),
    "bullets": (bullets, 20_000),
    "table rows": (table_rows, 20_000),
    "one long line (chars)": (long_line, 1_600_000),
    "bullet nesting depth": (nested_bullets, 4_000),
}
