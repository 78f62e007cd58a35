"""Open a database from a URL: SQLite (the embedded default) or PostgreSQL (several stations)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from db.models import database_proxy

# Durability over the last millisecond: WAL with synchronous=FULL keeps every committed scan
# through a power cut; busy_timeout lets a second station wait briefly instead of failing.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
}
SQLITE_BUSY_TIMEOUT_MS = 5000
# A dead server must turn into an error outcome within seconds, never a frozen window.
PG_CONNECT_TIMEOUT_S = 5
PG_STATEMENT_TIMEOUT_MS = 5000


class DatabaseURLError(ValueError):
    """The database URL is not one this app can open; the message says what is accepted."""


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file at ``path`` (absolute paths give four slashes)."""
    return f"sqlite:///{path}"


def open_database(url: str, busy_timeout_ms: int | None = None) -> Database:
    """Open the database named by ``url`` and bind the models to it.

    Accepts ``sqlite:///path/to/file.db`` and ``postgresql://user:pass@host:5432/name``.
    The connection is opened explicitly (``autoconnect=False``): callers use
    ``database.connection_context()`` or ``connect()``.
    """
    parts = urlsplit(url)
    database: Database
    if parts.scheme == "sqlite":
        database = _open_sqlite(parts.netloc, unquote(parts.path), busy_timeout_ms)
    elif parts.scheme in ("postgresql", "postgres"):
        database = _open_postgres(url)
    else:
        raise DatabaseURLError(
            f"unsupported database URL {url!r}: use sqlite:///path/to/file.db "
            "or postgresql://user:password@host:5432/name"
        )
    database_proxy.initialize(database)
    return database


def _open_sqlite(netloc: str, path: str, busy_timeout_ms: int | None) -> SqliteDatabase:
    if netloc or not path or path == "/":
        raise DatabaseURLError(
            "a SQLite URL needs three slashes and a file: sqlite:///relative/file.db "
            "or sqlite:////absolute/file.db"
        )
    # As in SQLAlchemy and peewee: sqlite:///relative.db, sqlite:////absolute/path.db
    file = Path(path[1:])
    if not file.parent.is_dir():
        raise DatabaseURLError(f"the folder {file.parent} does not exist")
    busy_ms = SQLITE_BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    pragmas = {**SQLITE_PRAGMAS, "busy_timeout": busy_ms}
    return SqliteDatabase(str(file), pragmas=pragmas, autoconnect=False, timeout=busy_ms / 1000)


def _open_postgres(url: str) -> PostgresqlDatabase:
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not name or not parts.hostname:
        raise DatabaseURLError(
            "a PostgreSQL URL needs a host and a database name: "
            "postgresql://user:password@host:5432/name"
        )
    try:
        port = parts.port or 5432
    except ValueError as exc:
        raise DatabaseURLError(f"the port in {url!r} is not a number") from exc
    return PostgresqlDatabase(
        name,
        host=parts.hostname,
        port=port,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        connect_timeout=PG_CONNECT_TIMEOUT_S,
        options=f"-c statement_timeout={PG_STATEMENT_TIMEOUT_MS}",
        autoconnect=False,
    )


def is_sqlite(database: Database) -> bool:
    return isinstance(database, SqliteDatabase)
