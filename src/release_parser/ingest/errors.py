"""Errors of batch ingestion; they live with every other error in :mod:`release_parser.errors`."""

from __future__ import annotations

from ..errors import DatabaseError, DocumentLoadError, IngestError, SchemaVersionError

__all__ = ["IngestError", "DatabaseError", "SchemaVersionError", "DocumentLoadError"]
