"""Fast bulk inserts of plain tuples, and the engine detail that explicit ids need.

peewee's ``insert_many`` builds one multi-row INSERT per batch; building that statement
costs more than executing it (16 µs against 3 µs a row of six columns on SQLite). A batch of
the same size always yields the same SQL, so it is built once by ``insert_many`` and reused
with the next batch's values. Values must already be what the driver takes (int, str,
Decimal, date, datetime, bool, None).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from db.connection import is_sqlite
from db.models import BaseModel

if TYPE_CHECKING:
    from peewee import Database, Field

Row = tuple[Any, ...]
BATCH_ROWS = 2000
"""Rows per statement: 2000 x 7 columns stays under SQLite's 32766 bound parameters."""


class BulkWriter:
    """Inserts batches of tuples into one table, reusing the statement built for each size."""

    def __init__(self, database: Database, model: type[BaseModel], fields: Sequence[Field]) -> None:
        self._database = database
        self._model = model
        self._fields = list(fields)
        self._statements: dict[int, str] = {}
        self.count = 0

    def write(self, rows: Iterable[Row]) -> int:
        """Insert ``rows`` (consumed lazily, ``BATCH_ROWS`` at a time); return how many."""
        iterator = iter(rows)
        written = 0
        while batch := list(islice(iterator, BATCH_ROWS)):
            self._insert(batch)
            written += len(batch)
        self.count += written
        return written

    def _insert(self, batch: list[Row]) -> None:
        statement = self._statements.get(len(batch))
        if statement is None:
            # ``returning()`` with nothing: PostgreSQL would otherwise send every new id back.
            query = self._model.insert_many(batch, fields=self._fields).returning()
            statement, params = query.sql()
            if len(params) != len(batch) * len(self._fields):
                query.execute()  # a value peewee inlined: this shape cannot be reused
                return
            self._statements[len(batch)] = statement
        self._database.execute_sql(statement, list(chain.from_iterable(batch)))


def advance_id_sequences(database: Database, models: Iterable[type[BaseModel]]) -> None:
    """After explicit ids, move PostgreSQL's id sequences past them (SQLite needs nothing).

    SQLite takes the next rowid from the table itself; a PostgreSQL ``serial`` column keeps
    its own counter, which explicit ids do not move, so the next ordinary insert would
    collide with a demo row.
    """
    if is_sqlite(database):
        return
    for model in models:
        table = model._meta.table_name
        database.execute_sql(
            "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
            f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"), false)',
            (f'"{table}"',),
        )
