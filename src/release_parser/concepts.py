"""Concepts: one name for a metric however a release labels it.

The same metric is printed "Revenues", "Total revenues" or "Net sales", and
"Operating income (loss)" or "Operating profit" as accounting standards and
years change. A :class:`ConceptMap` is an ordered list of rules, each a pattern
over line-item keys (``*`` stands for any text) and the concept it names; the
first rule that matches wins, and a key no rule matches is its own concept.

The rules shipped with the package are data, in ``data/concepts.csv``; list them
with :func:`concepts`. Rules of your own go in front of them::

    rp.concepts({"revenues": ["turnover", "sales_of_services"]})
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Union

import pandas as pd

__all__ = ["ConceptRule", "ConceptMap", "ConceptsLike", "concepts", "concept_map"]

_DATA_FILE = "concepts.csv"


@dataclass(frozen=True)
class ConceptRule:
    """Line-item keys matching ``pattern`` (``*`` for any text) are the ``concept``."""

    concept: str
    pattern: str
    note: str = ""

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile("".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", self.pattern)))


class ConceptMap:
    """An ordered list of :class:`ConceptRule`; the first match names a key's concept."""

    def __init__(self, rules: Iterable[ConceptRule]) -> None:
        self.rules: tuple[ConceptRule, ...] = tuple(rules)
        self._exact = {}
        self._patterns = []
        for order, rule in enumerate(self.rules):
            if "*" in rule.pattern:
                self._patterns.append((order, rule.regex, rule.concept))
            else:
                self._exact.setdefault(rule.pattern, (order, rule.concept))

    def concept_of(self, key: str | None) -> str | None:
        """The concept of a line-item key (the key itself when no rule matches; None stays None)."""
        if key is None or key is pd.NA:
            return None
        return self._lookup(key)

    @lru_cache(maxsize=4096)  # noqa: B019 - maps are few and long-lived; keys repeat across releases
    def _lookup(self, key: str) -> str:
        found = self._exact.get(key)
        for order, regex, concept in self._patterns:
            if found is not None and found[0] < order:
                break
            if regex.fullmatch(key):
                return concept
        return found[1] if found is not None else key

    def extended(self, extra: ConceptsLike) -> ConceptMap:
        """This map with ``extra``'s rules tried first."""
        return ConceptMap([*_rules_of(extra), *self.rules])

    def frame(self) -> pd.DataFrame:
        """The rules as a frame: ``concept``, ``line_item_key`` (the pattern), ``note``."""
        return pd.DataFrame(
            [(rule.concept, rule.pattern, rule.note) for rule in self.rules],
            columns=["concept", "line_item_key", "note"],
        ).astype("string")

    def __len__(self) -> int:
        return len(self.rules)

    def __repr__(self) -> str:
        return f"ConceptMap({len(self.rules)} rules, {len({rule.concept for rule in self.rules})} concepts)"


#: What may extend the shipped rules: a map, a CSV file (``concept,line_item_key[,note]``),
#: a frame with those columns, or ``{concept: [pattern, ...]}``.
ConceptsLike = Union[ConceptMap, Mapping[str, Iterable[str]], pd.DataFrame, str, os.PathLike]


def _rules_from_csv(text: str, origin: str) -> list[ConceptRule]:
    rows = csv.DictReader(io.StringIO("".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))))
    if rows.fieldnames is None or not {"concept", "line_item_key"} <= set(rows.fieldnames):
        raise ValueError(f"{origin}: a concepts file needs the columns concept,line_item_key (and optionally note)")
    return [ConceptRule(row["concept"].strip(), row["line_item_key"].strip(), (row.get("note") or "").strip())
            for row in rows if row["concept"] and row["line_item_key"]]


@lru_cache(maxsize=1)
def _shipped() -> ConceptMap:
    text = resources.files("release_parser").joinpath("data", _DATA_FILE).read_text(encoding="utf-8")
    return ConceptMap(_rules_from_csv(text, _DATA_FILE))


def _rules_of(extra: ConceptsLike) -> list[ConceptRule]:
    if isinstance(extra, ConceptMap):
        return list(extra.rules)
    if isinstance(extra, pd.DataFrame):
        notes = extra["note"] if "note" in extra else [""] * len(extra)
        return [ConceptRule(str(c), str(p), str(n or "")) for c, p, n in zip(extra["concept"], extra["line_item_key"], notes)]
    if isinstance(extra, (str, os.PathLike)):
        path = Path(extra)
        return _rules_from_csv(path.read_text(encoding="utf-8"), str(path))
    if isinstance(extra, Mapping):
        return [ConceptRule(concept, pattern) for concept, patterns in extra.items()
                for pattern in ([patterns] if isinstance(patterns, str) else patterns)]
    raise TypeError(f"concepts must be a ConceptMap, a mapping, a frame or a CSV path, not {type(extra).__name__}")


def concept_map(extra: ConceptsLike | None = None) -> ConceptMap:
    """The shipped rules, with ``extra``'s rules (see :data:`ConceptsLike`) tried before them."""
    return _shipped() if extra is None else _shipped().extended(extra)


def concepts(extra: ConceptsLike | None = None) -> pd.DataFrame:
    """Every concept rule, in the order they are tried: yours (``extra``) first, then the shipped ones.

    Examples
    --------
    >>> table = concepts()
    >>> table[table.line_item_key == "net_sales"].concept.tolist()
    ['revenues']
    >>> concept_map({"revenues": ["turnover"]}).concept_of("turnover")
    'revenues'
    >>> concept_map().concept_of("net_income_attributable_to_iij")
    'net_income'
    >>> concept_map().concept_of("net_income_attributable_to_noncontrolling_interests")
    'net_income_noncontrolling'
    >>> concept_map().concept_of("backbone_costs")  # no rule: the key is its own concept
    'backbone_costs'
    """
    return concept_map(extra).frame()
