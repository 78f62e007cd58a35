"""Write transactions and row locks: the one place that knows how each engine serialises writers.

SQLite: ``BEGIN IMMEDIATE`` takes the write lock before the first read, so read-then-write is safe.
PostgreSQL: rows that a transaction changes are locked with ``SELECT ... FOR UPDATE``.
Engine errors that a user can do something about become ``StorageUnavailable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import peewee
from peewee import Database, Model, ModelSelect

from db.connection import is_sqlite
from db.errors import StorageUnavailable

M = TypeVar("M", bound=Model)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn the engine's "cannot do this now" errors (outside a write too) into StorageUnavailable.

    A station whose PostgreSQL server went away must show an error outcome, not crash.
    """
    try:
        yield
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        raise StorageUnavailable(str(exc)) from exc


@contextmanager
def write_transaction(database: Database) -> Iterator[None]:
    """One transaction for one state change; commits on success, rolls back on any exception.

    ``peewee.IntegrityError`` passes through unchanged: it means another writer won a race, and
    the caller re-reads to tell the user what happened.
    """
    try:
        if is_sqlite(database):
            with database.atomic("IMMEDIATE"):
                yield
        else:
            with database.atomic():
                yield
    except peewee.IntegrityError:
        raise
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        raise StorageUnavailable(str(exc)) from exc


def for_update(query: ModelSelect[M]) -> ModelSelect[M]:
    """Lock the selected rows until the transaction ends (a no-op on SQLite, see module doc)."""
    if is_sqlite(query.model._meta.database.obj):
        return query
    return query.for_update()
