"""The figures a time series is built from, gathered from releases, an ingest or a database.

Every source becomes one frame of *observations*: a fact, the release that printed
it (``release``, ``document_id``, ``published``, ``release_end``: the end of the
period the release covers) and its ``company``, with ``concept`` re-derived when a
concept map of your own is given.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Union

import pandas as pd

from .concepts import ConceptsLike, concept_map
from .errors import DatabaseError
from .frames import FACT_COLUMNS
from .model import Release

if TYPE_CHECKING:
    from .ingest.result import IngestResult

__all__ = ["SeriesSource", "observations", "OBSERVATION_COLUMNS"]

#: What a time series can be read from: a database URL or SQLite path, an ingest's
#: result, a release or releases.
SeriesSource = Union[str, os.PathLike, "IngestResult", Release, Iterable[Release]]

#: The fact columns a time series reads.
_FACT_FIELDS = ("line_item", "line_item_key", "concept", "period", "fiscal_year", "fiscal_period", "period_start",
                "period_end", "measure", "value", "unit", "scale", "amount", "is_percent", "raw", "table", "verified")

#: Columns of the observations and their dtypes: the release's, then the facts' own.
OBSERVATION_COLUMNS: Mapping[str, str] = {
    "company": "string",
    "release": "string",
    "document_id": "string",
    "published": "datetime64[ns]",
    "release_end": "datetime64[ns]",
    **{name: FACT_COLUMNS[name] for name in _FACT_FIELDS},
}


def observations(source: SeriesSource, *, measure: str | None = None, concept: str | None = None,
                 concepts: ConceptsLike | None = None, dated: bool = True) -> pd.DataFrame:
    """Figures of ``source`` (``measure`` and ``concept`` only, when given; with ``dated``,
    only those with a period and a value), one row per fact."""
    if concepts is None:
        frame = _gather(source, measure=measure, concept=concept)
    else:
        frame = _gather(source, measure=measure, concept=None)
        mapping = concept_map(concepts)
        frame["concept"] = pd.array([mapping.concept_of(key) for key in frame["line_item_key"].tolist()],
                                    dtype=pd.StringDtype())
    if concept is not None:
        frame = frame[frame["concept"] == concept]
    if dated:
        frame = frame[frame["period_start"].notna() & frame["period_end"].notna() & frame["value"].notna()]
    return frame.reset_index(drop=True)


def _gather(source: SeriesSource, *, measure: str | None, concept: str | None) -> pd.DataFrame:
    from .ingest.result import IngestResult

    if isinstance(source, (str, os.PathLike)):
        return _from_database(source, measure=measure, concept=concept)
    if isinstance(source, IngestResult):
        return _from_frames(source.facts, source.documents, measure=measure)
    releases = [source] if isinstance(source, Release) else list(source)
    if not all(isinstance(release, Release) for release in releases):
        raise TypeError("a time series is read from a database URL, an ingest result or releases")
    return _from_releases(releases, measure=measure)


def _from_releases(releases: list[Release], *, measure: str | None) -> pd.DataFrame:
    parts = []
    for number, release in enumerate(releases):
        facts = release.facts
        parts.append(facts.assign(
            company=release.company,
            release=release.source,
            document_id=f"release-{number}",
            published=pd.Timestamp(release.published) if release.published else pd.NaT,
            release_end=pd.Timestamp(release.period.end) if release.period else pd.NaT,
        ))
    frame = pd.concat(parts, ignore_index=True) if parts else _empty()
    return _select(frame, measure)


def _from_frames(facts: pd.DataFrame, documents: pd.DataFrame, *, measure: str | None) -> pd.DataFrame:
    described = documents[["document_id", "company", "source", "published", "period_end"]].rename(
        columns={"source": "release", "period_end": "release_end"})
    return _select(facts.merge(described, on="document_id", how="inner"), measure)


def _from_database(url: str | os.PathLike, *, measure: str | None, concept: str | None) -> pd.DataFrame:
    import sqlalchemy as sa

    from .ingest.sql import Database

    database = Database.open(url, create=False)
    facts, documents = database.tables["facts"], database.tables["documents"]
    statement = (
        sa.select(documents.c.company, documents.c.source.label("release"), facts.c.document_id,
                  documents.c.published, documents.c.period_end.label("release_end"),
                  *(facts.c[name] for name in _FACT_FIELDS))
        .join_from(facts, documents, facts.c.document_id == documents.c.document_id)
        .order_by(facts.c.document_id, facts.c.fact_no)
    )
    if measure is not None:
        statement = statement.where(facts.c.measure == measure)
    if concept is not None:
        statement = statement.where(facts.c.concept == concept)
    try:
        with database.engine.connect() as conn:
            rows = conn.execute(statement).all()
    except sa.exc.SQLAlchemyError as error:
        raise DatabaseError(f"cannot read {database.url}: {' '.join(str(error).split())}") from error
    finally:
        database.close()
    return _typed(pd.DataFrame.from_records(rows, columns=list(OBSERVATION_COLUMNS)))


def _select(frame: pd.DataFrame, measure: str | None) -> pd.DataFrame:
    if measure is not None:
        frame = frame[frame["measure"] == measure]
    return _typed(frame[list(OBSERVATION_COLUMNS)])


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Declared dtypes whatever the source (a database gives days as text or dates)."""
    frame = frame.reindex(columns=list(OBSERVATION_COLUMNS)).copy()
    for name, kind in OBSERVATION_COLUMNS.items():
        frame[name] = pd.to_datetime(frame[name]) if kind.startswith("datetime64") else frame[name].astype(kind)
    return frame


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=list(OBSERVATION_COLUMNS))
