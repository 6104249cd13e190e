"""One metric across many releases: :func:`timeseries` and :func:`restatements`.

A release prints each period's figure in one or more tables (the summary slide and
the statement; in millions and in billions), and later releases print it again,
sometimes restated. Here:

- figures of one period within one release *agree* when they differ by no more
  than their printed precision allows (198.4 billion and 198,412 million agree);
  agreeing figures collapse into the most precise one, and figures that disagree
  are a *conflict*: the value most of them share is kept, flagged and warned of;
- the value of a period is the one from the latest release that reports it
  (by publication day, then by the period the release covers);
- a period is *restated* when an earlier release reported another value.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .checks.tolerance import half_unit, sum_tolerance
from .concepts import ConceptsLike
from .errors import ReleaseWarning
from .series_sources import SeriesSource, observations

__all__ = ["timeseries", "restatements", "line_items", "FREQUENCIES"]

#: Period kinds by length in months, and the names ``freq`` accepts for each.
_KIND_BY_MONTHS = {0: "instant", 3: "quarter", 6: "half", 9: "nine_months", 12: "year"}
FREQUENCIES: dict[str, str] = {
    "quarter": "quarter", "Q": "quarter", "half": "half", "H": "half", "nine_months": "nine_months", "9M": "nine_months",
    "year": "year", "Y": "year", "A": "year", "FY": "year", "instant": "instant", "D": "instant",
}
#: Which kind a tie of counts goes to.
_PREFERRED_KINDS = {"quarter": 0, "half": 1, "year": 2, "nine_months": 3, "instant": 4}
#: Where a fiscal period ends, counted in months before the fiscal year's end.
_MONTHS_TO_YEAR_END = {"Q1": 9, "Q2": 6, "Q3": 3, "Q4": 0, "H1": 6, "H2": 0, "FY": 0, "3M": 9, "6M": 6, "9M": 3}
_MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
#: 52/53-week periods end up to a week from a month's end: a fortnight aligns them to calendar months.
_ALIGN = pd.Timedelta(days=14)

_KEY = ["company", "concept", "measure", "unit", "period_start", "period_end"]

_SERIES_COLUMNS = ["company", "concept", "line_item", "period", "fiscal_year", "fiscal_period", "period_start",
                   "period_end", "measure", "value", "unit", "scale", "amount", "release", "document_id",
                   "published", "restated", "previous_amount", "conflicting"]

_RESTATEMENT_COLUMNS = ["company", "concept", "measure", "unit", "period", "period_start", "period_end",
                        "old_amount", "new_amount", "old_raw", "new_raw", "old_release", "new_release",
                        "old_published", "new_published"]


def timeseries(
    source: SeriesSource,
    concept: str,
    *,
    measure: str = "value",
    freq: str | None = None,
    company: str | None = None,
    unit: str | None = None,
    concepts: ConceptsLike | None = None,
) -> pd.DataFrame:
    """One concept's figures, one row per period, from the latest release that reports each.

    Parameters
    ----------
    source
        A database URL (or SQLite file path) written by :func:`~release_parser.ingest`,
        an ingest's result, a :class:`~release_parser.Release` or a list of them.
    concept
        The concept (``"revenues"``; see :func:`~release_parser.concepts`), or a line-item key.
    measure
        ``"value"`` (default), ``"yoy_pct"``, ``"target"``, ...
    freq
        Which periods: ``"quarter"`` (``"Q"``), ``"half"`` (``"H"``), ``"nine_months"``,
        ``"year"`` (``"Y"``) or ``"instant"`` (balances). None: the kind most often reported.
    company
        Needed when the source holds the concept for several companies.
    unit
        The unit to keep (``"JPY"``); None: the unit most figures are in (conversions
        printed beside them, such as USD, are left out).
    concepts
        Concept rules of your own, tried before the shipped ones.

    Returns
    -------
    pandas.DataFrame
        Indexed by a ``pd.PeriodIndex`` in the company's fiscal frequency (``Q-MAR``
        for a year ending in March; pandas names a fiscal year by the year it ends in,
        the ``period`` and ``fiscal_year`` columns keep the company's own names).
        ``amount`` is the figure in its unit's base; ``release``, ``published`` say
        where it comes from; ``restated`` is True when an earlier release reported
        another value, which ``previous_amount`` holds; ``conflicting`` is True when
        the release itself printed disagreeing figures for the period.

    Raises
    ------
    ValueError
        ``freq`` is unknown, or the concept is reported for several companies and
        ``company`` is not given.

    Examples
    --------
    >>> import release_parser as rp
    >>> rel = rp.parse("samples/kns_1h_fy2011_pipe.md")
    >>> series = rp.timeseries(rel, "revenues", freq="half")
    >>> series[["period", "amount", "restated"]]
           period          amount  restated
    period
    2010-04  1H10  183205000000.0     False
    2011-04  1H11  198412000000.0     False
    """
    found = observations(source, measure=measure, concept=concept, concepts=concepts)
    found = _one_company(found, concept, company)
    found = _one_unit(found, unit)
    found = found.assign(kind=_kinds(found))
    kind = _chosen_kind(found, freq)
    found = found[found["kind"] == kind]
    values = _release_values(found)
    series = _latest_values(values)
    return _indexed(series, kind, _year_end_month(found))


def restatements(
    source: SeriesSource,
    concept: str | None = None,
    *,
    measure: str = "value",
    company: str | None = None,
    concepts: ConceptsLike | None = None,
) -> pd.DataFrame:
    """Every period whose figure changed from one release to a later one.

    One row per change: the period, the old and new amounts (in the unit's base) and
    raw text, and both releases with their publication days. ``concept`` None looks
    at every concept.

    Examples
    --------
    >>> import release_parser as rp
    >>> rp.restatements([rp.parse("samples/kns_1h_fy2011_pipe.md")]).empty
    True
    """
    found = observations(source, measure=measure, concept=concept, concepts=concepts)
    if company is not None:
        found = found[found["company"] == company]
    rows = []
    values = _release_values(found)
    for _, history in values.groupby(_KEY, dropna=False, sort=True):
        ordered = history.sort_values(["published", "release_end", "release"], na_position="first")
        for old, new in zip(ordered.itertuples(), ordered.iloc[1:].itertuples()):
            if not _agree(old.amount, old.error, new.amount, new.error):
                rows.append({
                    "company": new.company, "concept": new.concept, "measure": new.measure, "unit": new.unit,
                    "period": new.period, "period_start": new.period_start, "period_end": new.period_end,
                    "old_amount": old.amount, "new_amount": new.amount, "old_raw": old.raw, "new_raw": new.raw,
                    "old_release": old.release, "new_release": new.release,
                    "old_published": old.published, "new_published": new.published,
                })
    return pd.DataFrame(rows, columns=_RESTATEMENT_COLUMNS).astype({"old_amount": "Float64", "new_amount": "Float64"})


def line_items(source: SeriesSource, *, concepts: ConceptsLike | None = None) -> pd.DataFrame:
    """Every concept and line item of ``source``, with how many facts and releases print it.

    One row per concept and line-item key: ``concept``, ``line_item_key``, ``line_item``
    (the label printed most often), ``facts``, ``releases``; the most printed first.

    Examples
    --------
    >>> import release_parser as rp
    >>> items = rp.line_items(rp.parse("samples/kns_1h_fy2011_pipe.md"))
    >>> items[items.concept == "revenues"][["line_item_key", "line_item", "facts"]].values.tolist()
    [['revenues', 'Revenues', 5], ['total_revenues', 'Total revenues', 5]]
    """
    found = observations(source, concepts=concepts, dated=False)
    found = found[found["line_item_key"].notna()]
    rows = []
    for (concept, key), group in found.groupby(["concept", "line_item_key"], sort=False):
        rows.append({"concept": concept, "line_item_key": key, "line_item": group["line_item"].mode().iloc[0],
                     "facts": len(group), "releases": group["document_id"].nunique()})
    frame = pd.DataFrame(rows, columns=["concept", "line_item_key", "line_item", "facts", "releases"])
    return frame.sort_values(["facts", "concept", "line_item_key"], ascending=[False, True, True], ignore_index=True)


def _one_company(found: pd.DataFrame, concept: str, company: str | None) -> pd.DataFrame:
    if company is not None:
        return found[found["company"] == company]
    companies = sorted(str(name) for name in found["company"].dropna().unique())
    if len(companies) > 1:
        raise ValueError(f"{concept!r} is reported by {len(companies)} companies ({', '.join(companies)}): pass company=")
    return found


def _one_unit(found: pd.DataFrame, unit: str | None) -> pd.DataFrame:
    if unit is not None:
        return found[found["unit"] == unit]
    units = found["unit"].fillna("")
    if units.empty:
        return found
    most = sorted(units.value_counts().items(), key=lambda item: (-item[1], item[0]))[0][0]
    return found[units == most]


def _kinds(found: pd.DataFrame) -> list[str]:
    """Each figure's kind of period, from its length in whole months."""
    kinds = []
    for start, end in zip(found["period_start"], found["period_end"]):
        months = round(((end - start).days + 1) / 30.44)
        kinds.append(_KIND_BY_MONTHS.get(months, f"{months}M"))
    return kinds


def _chosen_kind(found: pd.DataFrame, freq: str | None) -> str:
    if freq is not None:
        try:
            return FREQUENCIES[freq]
        except KeyError:
            raise ValueError(f"unknown freq {freq!r}; known: {', '.join(FREQUENCIES)}") from None
    counts = found.drop_duplicates(["period_start", "period_end"])["kind"].value_counts()
    if counts.empty:
        return "quarter"
    return sorted(counts.items(), key=lambda item: (-item[1], _PREFERRED_KINDS.get(item[0], len(_PREFERRED_KINDS))))[0][0]


def _year_end_month(found: pd.DataFrame) -> int:
    """The fiscal year's last month, as most figures' fiscal periods and end days say (12 when none does)."""
    months = []
    for fiscal_period, end in zip(found["fiscal_period"], found["period_end"]):
        back = _MONTHS_TO_YEAR_END.get(fiscal_period) if isinstance(fiscal_period, str) else None
        if back is not None:
            months.append(((end - _ALIGN).month + back - 1) % 12 + 1)
    return pd.Series(months).mode().iloc[0] if months else 12


def _error(raw: object, scale: object, is_percent: object) -> float:
    """How far a figure may be from what was measured, by its printed precision, in its unit's
    base (198.4 billion: 50 million), as the checks bound it."""
    factor = 1 if is_percent is True or pd.isna(scale) else int(scale)
    return half_unit(raw if isinstance(raw, str) else "", factor)


def _agree(first: float, first_error: float, second: float, second_error: float) -> bool:
    return abs(first - second) <= sum_tolerance((first_error, second_error), first)


@dataclass
class _Choice:
    row: int
    conflicting: bool


def _choose(amounts: Sequence[float], errors: Sequence[float]) -> _Choice:
    """The figure that stands for one period in one release: the most precise of those
    most figures agree with; ``conflicting`` when some figures disagree."""
    support = [sum(_agree(a, e, b, f) for b, f in zip(amounts, errors)) for a, e in zip(amounts, errors)]
    best = max(range(len(amounts)), key=lambda i: (support[i], -errors[i], -i))
    return _Choice(best, conflicting=support[best] < len(amounts))


def _release_values(found: pd.DataFrame) -> pd.DataFrame:
    """One row per period and release: the figure the release stands by, its precision and whether it conflicts."""
    if found.empty:
        return found.assign(error=pd.Series(dtype=float), conflicting=pd.Series(dtype=bool))
    found = found.assign(error=[_error(r, s, p) for r, s, p in zip(found["raw"], found["scale"], found["is_percent"])])
    found["amount"] = found["amount"].fillna(found["value"])
    chosen, conflicts = [], []
    for (document_id, *_), group in found.groupby(["document_id", *_KEY], dropna=False, sort=False):
        choice = _choose(group["amount"].astype(float).tolist(), group["error"].tolist())
        chosen.append(group.index[choice.row])
        conflicts.append(choice.conflicting)
        if choice.conflicting:
            first = group.iloc[0]
            warnings.warn(
                f"{first['release']}: {first['concept']} {first['period']} is printed as "
                f"{', '.join(sorted(set(group['raw'].dropna().astype(str))))}, which disagree; "
                f"kept {group.loc[group.index[choice.row], 'raw']}", ReleaseWarning, stacklevel=3)
    values = found.loc[chosen].copy()
    values["conflicting"] = conflicts
    return values


def _latest_values(values: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, history in values.groupby(_KEY, dropna=False, sort=False):
        ordered = history.sort_values(["published", "release_end", "release"], na_position="first")
        latest = ordered.iloc[-1]
        earlier = ordered.iloc[:-1]
        changed = [not _agree(a, e, latest["amount"], latest["error"]) for a, e in zip(earlier["amount"], earlier["error"])]
        row = latest.to_dict()
        row["restated"] = any(changed)
        row["previous_amount"] = earlier["amount"].iloc[-1] if len(earlier) else None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=_SERIES_COLUMNS) if rows else pd.DataFrame(columns=_SERIES_COLUMNS)
    return frame.sort_values(["period_start", "period_end"]).reset_index(drop=True)


def _indexed(series: pd.DataFrame, kind: str, year_end_month: int) -> pd.DataFrame:
    """``series`` indexed by its periods, in the fiscal frequency of ``kind``."""
    freq = {"quarter": f"Q-{_MONTH_NAMES[year_end_month - 1]}", "year": f"Y-{_MONTH_NAMES[year_end_month - 1]}",
            "half": "6M", "nine_months": "9M", "instant": "D"}.get(kind, kind)
    starts = [end if kind == "instant" else start + _ALIGN for start, end in zip(series["period_start"], series["period_end"])]
    index = pd.PeriodIndex([pd.Period(day, freq=freq) for day in starts], freq=freq, name="period")
    typed = series.astype({"amount": "Float64", "value": "Float64", "previous_amount": "Float64", "scale": "Int64",
                           "fiscal_year": "Int64", "restated": "boolean", "conflicting": "boolean"})
    typed.index = index
    return typed
