"""The views of an ingest database: the latest figure of each concept and period.

``facts_latest``
    One row per company, concept, period (its start and end days), measure and
    unit: the figure from the latest release that reports it (by publication
    day, then by the period the release covers). Within one release, the figure
    printed at the finest scale wins (198,412 million over 198.4 billion), then
    the first printed.
``timeseries``
    ``facts_latest``'s values (``measure = 'value'``), the columns a time series needs.

Both are plain SQL that SQLite (3.25+, for window functions) and PostgreSQL run alike.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["VIEWS", "create_views"]

_FACTS_LATEST = """
SELECT company, concept, line_item, line_item_key, period, fiscal_year, fiscal_period,
       period_start, period_end, measure, value, unit, scale, amount, verified,
       document_id, fact_no, published, source, page, line, raw
FROM (
    SELECT d.company, d.published, f.*,
           ROW_NUMBER() OVER (
               PARTITION BY d.company, f.concept, f.period_start, f.period_end, f.measure, f.unit
               ORDER BY (d.published IS NULL), d.published DESC, (d.period_end IS NULL), d.period_end DESC,
                        f.scale, f.document_id, f.fact_no
           ) AS rank_in_period
    FROM facts f JOIN documents d ON d.document_id = f.document_id
    WHERE f.period_start IS NOT NULL AND f.value IS NOT NULL AND f.concept IS NOT NULL
) ranked
WHERE rank_in_period = 1
"""

_TIMESERIES = """
SELECT company, concept, period, fiscal_year, fiscal_period, period_start, period_end,
       amount, unit, value, scale, document_id, published
FROM facts_latest
WHERE measure = 'value'
"""

#: Each view's name and its ``SELECT``, in creation order.
VIEWS: dict[str, str] = {"facts_latest": _FACTS_LATEST, "timeseries": _TIMESERIES}


def create_views(conn: sa.Connection) -> None:
    """Create (or replace) the views, inside the caller's transaction."""
    for name, select in VIEWS.items():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"CREATE OR REPLACE VIEW {name} AS {select}")
        else:
            conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
            conn.exec_driver_sql(f"CREATE VIEW {name} AS {select}")
