"""The ingest database, through SQLAlchemy: a SQLite file or a PostgreSQL server.

Tables (derived from :data:`~.columns.FRAMES`):

==============  ==========================================  ==================================
table           key                                         indexes
==============  ==========================================  ==================================
documents       document_id                                 (company, fiscal_year)
tables          (document_id, table)                        (document_id)
facts           (document_id, fact_no)                      (document_id), (line_item_key, period)
highlights      (document_id, highlight_no)                 (document_id)
prose_facts     (document_id, prose_fact_no)                (document_id), (metric_key, period)
checks          (document_id, check_no)                     (document_id), (rule, passed)
ingest_errors   error_id                                    (path), (document_id)
schema_info     key  (``schema_version`` -> "2", ...)
==============  ==========================================  ==================================

The rows of a document refer to ``documents`` (``ON DELETE CASCADE``), and are
written in one transaction with it: a document is in the database whole or not
at all. ``ingest_errors`` keeps one row per file and content id: recording a
file's failure again replaces its row, and loading the file removes it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DataError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from .columns import (
    CHILD_FRAMES,
    DATE_COLUMNS,
    ERROR_COLUMNS,
    FRAMES,
    SCHEMA_VERSION,
    FrameSpec,
    columns_digest,
    frame_from_columns,
)
from .views import create_views
from .document import DocumentRows, Failure
from .errors import DatabaseError, DocumentLoadError, SchemaVersionError

__all__ = ["Database", "ERRORS_TABLE", "SCHEMA_TABLE", "build_metadata", "sql_type"]

logger = logging.getLogger(__name__)

ERRORS_TABLE = "ingest_errors"
SCHEMA_TABLE = "schema_info"

#: SQL type of each dtype of :mod:`release_parser.frames`.
_SQL_TYPES: Mapping[str, type[sa.types.TypeEngine]] = {
    "string": sa.Text,
    "Int64": sa.BigInteger,
    "Float64": sa.Double,
    "boolean": sa.Boolean,
    "datetime64[ns]": sa.DateTime,
}

#: How long a SQLite writer waits for another connection's write to finish.
_SQLITE_BUSY_SECONDS = 60

#: Documents per ``IN (...)`` list when reading rows back.
_ID_CHUNK = 500

#: Attempts at creating or checking the schema; two ingests starting on one new database race.
_PREPARE_ATTEMPTS = 5
#: Key of the PostgreSQL advisory lock that makes schema creation one process at a time.
_SCHEMA_LOCK_KEY = 0x72705F736368  # "rp_sch"


def sql_type(kind: str) -> sa.types.TypeEngine:
    """The SQL column type of a frame dtype (``"Int64"`` -> BIGINT, ...)."""
    try:
        return _SQL_TYPES[kind]()
    except KeyError:
        raise ValueError(f"no SQL type for dtype {kind!r}") from None


def _table(metadata: sa.MetaData, spec: FrameSpec) -> sa.Table:
    columns = []
    for name, kind in spec.columns.items():
        args: list[object] = []
        if name == "document_id" and spec.name != "documents":
            args.append(sa.ForeignKey("documents.document_id", ondelete="CASCADE"))
        kind_type = sa.Date() if name in DATE_COLUMNS else sql_type(kind)
        columns.append(sa.Column(name, kind_type, *args, primary_key=name in spec.key))
    indexes = [sa.Index(f"ix_{spec.name}_{'_'.join(cols)}", *cols) for cols in spec.indexes]
    return sa.Table(spec.name, metadata, *columns, *indexes)


def build_metadata() -> tuple[sa.MetaData, dict[str, sa.Table]]:
    """The SQLAlchemy tables of an ingest database, keyed by name."""
    metadata = sa.MetaData()
    tables = {name: _table(metadata, spec) for name, spec in FRAMES.items()}
    tables[ERRORS_TABLE] = sa.Table(
        ERRORS_TABLE,
        metadata,
        sa.Column("error_id", sa.Integer, primary_key=True, autoincrement=True),
        *(sa.Column(name, sql_type(kind)) for name, kind in ERROR_COLUMNS.items()),
        sa.Index(f"ix_{ERRORS_TABLE}_path", "path"),
        sa.Index(f"ix_{ERRORS_TABLE}_document_id", "document_id"),
    )
    tables[SCHEMA_TABLE] = sa.Table(
        SCHEMA_TABLE, metadata, sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Text, nullable=False)
    )
    return metadata, tables


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _url(db: str | os.PathLike[str]) -> sa.URL:
    if isinstance(db, os.PathLike) or "://" not in db:
        return sa.URL.create("sqlite", database=os.fspath(db))
    url = sa.make_url(db)
    if url.drivername == "postgresql":  # the driver this package depends on, whatever SQLAlchemy's default
        url = url.set(drivername="postgresql+psycopg")
    return url


def _create_engine(db: str | os.PathLike[str], *, create: bool) -> Engine:
    try:
        url = _url(db)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            if create:
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            elif not Path(url.database).is_file():
                raise DatabaseError(f"cannot open database {str(db)!r}: no such SQLite file {url.database!r}")
        connect_args = {"timeout": _SQLITE_BUSY_SECONDS} if url.get_backend_name() == "sqlite" else {}
        engine = sa.create_engine(url, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError, OSError) as error:
        raise DatabaseError(f"cannot open database {str(db)!r}: {error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _frame(rows: Sequence[Sequence[object]], columns: Mapping[str, str]) -> pd.DataFrame:
    names = list(columns)
    data = list(zip(*rows)) if rows else [()] * len(names)
    return frame_from_columns(dict(zip(names, data)), columns)


@dataclass(frozen=True)
class _Inserter:
    """Rows of one table written with the driver's ``executemany``: SQLAlchemy's bind processors
    turn each value into what the database stores (days as SQLite text, ...), without building a
    parameter dict per row, which costs more than the write itself for a document's few hundred rows."""

    statement: str
    columns: tuple[str, ...]
    processors: tuple[Callable[[object], object] | None, ...]

    @classmethod
    def of(cls, table: sa.Table, dialect: sa.Dialect) -> _Inserter:
        quote = dialect.identifier_preparer.quote
        marker = "?" if dialect.paramstyle == "qmark" else "%s"
        names = tuple(column.name for column in table.columns if column.autoincrement is not True)
        statement = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
                     f"VALUES ({', '.join(marker for _ in names)})")
        processors = tuple(table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names)
        return cls(statement, names, processors)

    def insert(self, conn: sa.Connection, columns: Mapping[str, Sequence[object]]) -> None:
        """Write the rows given column by column (``columns[name][row]``); nothing when there are none."""
        data = [self._processed(columns[name], processor) for name, processor in zip(self.columns, self.processors)]
        if data and data[0]:
            conn.exec_driver_sql(self.statement, list(zip(*data)))

    @staticmethod
    def _processed(values: Sequence[object], processor: Callable[[object], object] | None) -> Sequence[object]:
        if processor is None:
            return values
        return [None if value is None else processor(value) for value in values]


class Database:
    """An ingest database. Open one with :meth:`open`; it creates or checks the schema.

    Parameters
    ----------
    engine
        A SQLAlchemy engine.
    """

    def __init__(self, engine: Engine, *, owned: bool = False) -> None:
        self.engine = engine
        self.owned = owned
        self.metadata, self.tables = build_metadata()
        self._inserters: dict[str, _Inserter] = {}

    def _inserter(self, name: str) -> _Inserter:
        if name not in self._inserters:
            self._inserters[name] = _Inserter.of(self.tables[name], self.engine.dialect)
        return self._inserters[name]

    @classmethod
    def open(cls, db: str | os.PathLike[str] | Engine, *, create: bool = True) -> Database:
        """Open a database and make it ready to load into.

        Parameters
        ----------
        db
            A SQLAlchemy URL (``sqlite:///releases.db``,
            ``postgresql://user@host/dbname``, which uses psycopg), a path of a
            SQLite file, or an :class:`~sqlalchemy.engine.Engine`.

        Raises
        ------
        DatabaseError
            The URL is malformed, its driver missing or the server unreachable.
        SchemaVersionError
            The database was written by another schema version or with other
            columns, or holds tables of the same names that this package did
            not create.
        """
        engine = db if isinstance(db, Engine) else _create_engine(db, create=create)
        database = cls(engine, owned=not isinstance(db, Engine))
        if create:
            database.prepare()
        return database

    @property
    def url(self) -> str:
        """The URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def prepare(self) -> None:
        """Create the tables of a new database, or check the schema version of an old one.

        Safe when several ingests start on one new database at once: the check and
        the creation run in one transaction that holds the database's write lock
        (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), and a
        transaction that still collides is retried.
        """
        for attempt in range(1, _PREPARE_ATTEMPTS + 1):
            try:
                self._prepare_once()
                return
            except (IntegrityError, sa.exc.OperationalError, sa.exc.ProgrammingError) as error:
                if attempt == _PREPARE_ATTEMPTS:
                    raise DatabaseError(f"cannot prepare database {self.url}: {_one_line(error)}") from error
                logger.info("preparing %s collided with another ingest (%s); retrying", self.url, _one_line(error))
                time.sleep(0.05 * attempt)
            except SQLAlchemyError as error:
                raise DatabaseError(f"cannot prepare database {self.url}: {_one_line(error)}") from error

    def _prepare_once(self) -> None:
        with self.engine.connect() as conn:
            self._lock_schema(conn)
            names = set(sa.inspect(conn).get_table_names())
            if SCHEMA_TABLE in names:
                self._check_version(conn)
            elif names & set(self.tables):
                clash = ", ".join(sorted(names & set(self.tables)))
                raise SchemaVersionError(
                    f"{self.url} has tables {clash} but no {SCHEMA_TABLE}: not a release_parser database",
                    found=None, expected=SCHEMA_VERSION,
                )
            self.metadata.create_all(conn, checkfirst=True)
            if SCHEMA_TABLE not in names:
                from .. import __version__

                create_views(conn)
                conn.execute(self.tables[SCHEMA_TABLE].insert(), [
                    {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                    {"key": "columns_digest", "value": columns_digest()},
                    {"key": "created_by", "value": f"release_parser {__version__}"},
                ])
            conn.commit()

    def _lock_schema(self, conn: sa.Connection) -> None:
        """Take the lock that makes the schema check and creation one writer's at a time."""
        if self.engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif self.engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})

    def _check_version(self, conn: sa.Connection) -> None:
        info = self.tables[SCHEMA_TABLE]
        value = conn.execute(sa.select(info.c.value).where(info.c.key == "schema_version")).scalar()
        try:
            found = int(value)
        except (TypeError, ValueError):
            raise SchemaVersionError(f"{self.url}: unreadable schema version {value!r}",
                                     found=None, expected=SCHEMA_VERSION) from None
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.url} has schema version {found}, newer than this release_parser's {SCHEMA_VERSION}:"
                " upgrade release_parser to write into it", found=found, expected=SCHEMA_VERSION)
        if found < SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.url} has schema version {found}, older than this release_parser's {SCHEMA_VERSION};"
                " load into a new database", found=found, expected=SCHEMA_VERSION)
        digest = conn.execute(sa.select(info.c.value).where(info.c.key == "columns_digest")).scalar()
        if digest != columns_digest():
            creator = conn.execute(sa.select(info.c.value).where(info.c.key == "created_by")).scalar()
            raise SchemaVersionError(
                f"{self.url} was made by {creator or 'another release_parser'} with other columns"
                f" (schema version {found} too); load into a new database", found=found, expected=SCHEMA_VERSION)

    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        info = self.tables[SCHEMA_TABLE]
        with self._connect() as conn:
            return int(conn.execute(sa.select(info.c.value).where(info.c.key == "schema_version")).scalar_one())

    def has_document(self, document_id: str) -> bool:
        """Whether a document with this content id is loaded."""
        documents = self.tables["documents"]
        with self._connect() as conn:
            found = conn.execute(sa.select(documents.c.document_id).where(documents.c.document_id == document_id))
            return found.first() is not None

    def write_document(self, payload: DocumentRows, *, replace: bool = False) -> bool:
        """Load a document's rows in one transaction; False if it was already loaded.

        With ``replace``, a loaded document's rows are deleted and written again in
        the same transaction (a re-parse with a newer parser), and the result is True.

        Raises
        ------
        DocumentLoadError
            The database refused this document's rows (a constraint or a value it
            cannot store); nothing of the document was written.
        DatabaseError
            Any other database failure.
        """
        documents, errors = self.tables["documents"], self.tables[ERRORS_TABLE]
        try:
            with self.engine.begin() as conn:
                present = conn.execute(
                    sa.select(documents.c.document_id).where(documents.c.document_id == payload.document_id)
                ).first()
                if present is not None and not replace:
                    return False
                if present is not None:
                    for name in (*CHILD_FRAMES, "documents"):  # children first: they refer to the document
                        table = self.tables[name]
                        conn.execute(table.delete().where(table.c.document_id == payload.document_id))
                for name in FRAMES:
                    self._inserter(name).insert(conn, payload.columns[name])
                conn.execute(errors.delete().where(
                    sa.or_(errors.c.document_id == payload.document_id, errors.c.path == payload.path)))
        except IntegrityError as error:
            if self.has_document(payload.document_id):  # loaded meanwhile by another ingest
                return False
            raise DocumentLoadError(f"{payload.path}: the database refused its rows: {_one_line(error)}") from error
        except DataError as error:
            raise DocumentLoadError(f"{payload.path}: the database refused its rows: {_one_line(error)}") from error
        except SQLAlchemyError as error:
            raise DatabaseError(f"cannot write {payload.path} into {self.url}: {_one_line(error)}") from error
        return True

    def write_error(self, failure: Failure) -> None:
        """Record a failed file, replacing an earlier record of the same file and content."""
        errors = self.tables[ERRORS_TABLE]
        same_id = (errors.c.document_id.is_(None) if failure.document_id is None
                   else errors.c.document_id == failure.document_id)
        try:
            with self.engine.begin() as conn:
                conn.execute(errors.delete().where(sa.and_(errors.c.path == failure.path, same_id)))
                conn.execute(errors.insert(), [failure.record()])
        except SQLAlchemyError as error:
            raise DatabaseError(
                f"cannot record the failure of {failure.path} in {self.url}: {_one_line(error)}") from error

    def forget_errors(self, document_id: str, stage: str) -> None:
        """Remove the error rows of one document at one stage (its export succeeded after all)."""
        errors = self.tables[ERRORS_TABLE]
        try:
            with self.engine.begin() as conn:
                conn.execute(errors.delete().where(sa.and_(errors.c.document_id == document_id, errors.c.stage == stage)))
        except SQLAlchemyError as error:
            raise DatabaseError(f"cannot update the errors of {document_id} in {self.url}: {_one_line(error)}") from error

    def read_frame(self, name: str, document_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """A frame read back with its declared dtypes, ordered by key.

        Parameters
        ----------
        name
            ``"documents"``, ``"tables"``, ``"facts"``, ``"highlights"``,
            ``"prose_facts"`` or ``"errors"``.
        document_ids
            Only these documents' rows (all rows when None).
        """
        return pd.concat(list(self.iter_frames(name, document_ids)) or [self._empty(name)], ignore_index=True)

    def iter_frames(self, name: str, document_ids: Iterable[str] | None = None) -> Iterator[pd.DataFrame]:
        """The rows of a frame in chunks of at most 500 documents, so memory stays bounded."""
        table, columns, order = self._frame_table(name)
        if document_ids is None:
            yield self._select(sa.select(*(table.c[c] for c in columns)).order_by(*order), columns)
            return
        ids = list(document_ids)
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start:start + _ID_CHUNK]
            statement = sa.select(*(table.c[c] for c in columns)).where(table.c.document_id.in_(chunk)).order_by(*order)
            yield self._select(statement, columns)

    def document_ids(self) -> list[str]:
        """Content ids of every loaded document, in id order."""
        documents = self.tables["documents"]
        with self._connect() as conn:
            return list(conn.execute(sa.select(documents.c.document_id).order_by(documents.c.document_id)).scalars())

    def row_counts(self) -> dict[str, int]:
        """Rows of each table, ``schema_info`` left out."""
        with self._connect() as conn:
            return {name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                    for name, table in self.tables.items() if name != SCHEMA_TABLE}

    def query(self, sql: str, params: Mapping[str, object] | None = None) -> pd.DataFrame:
        """Run one SQL statement and return its rows as a DataFrame (dtypes as pandas infers them)."""
        try:
            with self.engine.connect() as conn:
                result = conn.execute(sa.text(sql), dict(params or {}))
                if not result.returns_rows:
                    conn.commit()
                    return pd.DataFrame({"rows_affected": [result.rowcount]})
                return pd.DataFrame.from_records(result.all(), columns=list(result.keys()))
        except SQLAlchemyError as error:
            raise DatabaseError(f"query failed on {self.url}: {_one_line(error)}") from error

    def close(self) -> None:
        """Release the connections of an engine opened here (an engine passed in is left alone)."""
        if self.owned:
            self.engine.dispose()

    def _frame_table(self, name: str) -> tuple[sa.Table, Mapping[str, str], list[sa.Column]]:
        if name == "errors":
            table = self.tables[ERRORS_TABLE]
            return table, ERROR_COLUMNS, [table.c.error_id]
        try:
            spec = FRAMES[name]
        except KeyError:
            raise ValueError(f"unknown frame {name!r}; known: {', '.join([*FRAMES, 'errors'])}") from None
        table = self.tables[name]
        return table, spec.columns, [table.c[c] for c in spec.key]

    def _empty(self, name: str) -> pd.DataFrame:
        return _frame([], self._frame_table(name)[1])

    def _select(self, statement: sa.Select, columns: Mapping[str, str]) -> pd.DataFrame:
        with self._connect() as conn:
            return _frame(conn.execute(statement).all(), columns)

    @contextmanager
    def _connect(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as error:
            raise DatabaseError(f"cannot read {self.url}: {_one_line(error)}") from error


def _one_line(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    text = str(original) if original is not None else str(error)
    return " ".join(text.split())
