"""What every importable entity provides, and the shared state of one import's write (no Qt).

An entity parses a row into a typed record (``parse``), names the keys that must be unique in
the file (``keys``), checks a batch of records against the database (``check``: one query per
batch, never one per row), and writes a batch (``write``: inserts in bulk, updates one by one
with an audit record each).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from db.bulk import BulkWriter, Row
from db.models import BaseModel
from receiving_app.audit import Actor, append_audit
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.values import RowReader

if TYPE_CHECKING:
    from peewee import Database, Field

R = TypeVar("R")
T = TypeVar("T")
LOOKUP_BATCH = 900
"""Keys per ``IN (...)`` query: well under every engine's bound-parameter limit."""


@dataclass(frozen=True)
class UniqueKey:
    """A value that may appear once in a file: its kind, the key, the column it comes from."""

    kind: str
    key: str
    column: str


@dataclass
class Parsed(Generic[R]):
    """One row's record (None when the row has problems) and its number."""

    row: int
    record: R


@dataclass
class WriteState:
    """Counts and audit details of the write pass."""

    database: Database
    actor: Actor
    now: datetime.datetime
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    created: dict[str, int] = field(default_factory=dict)
    _writers: dict[tuple[str, ...], BulkWriter] = field(default_factory=dict)

    def insert(self, model: type[BaseModel], fields: Sequence[Field], rows: list[Row]) -> int:
        """Insert ``rows`` in bulk; the writer (and its prepared SQL) is kept for the next batch."""
        key = (model.__name__, *(column.name for column in fields))
        writer = self._writers.get(key)
        if writer is None:
            writer = self._writers[key] = BulkWriter(self.database, model, fields)
        return writer.write(rows)

    def audit_update(
        self, entity: str, entity_id: object, before: dict[str, object], after: dict[str, object]
    ) -> None:
        """One audit record per changed record, with the changed fields before and after."""
        changed = [key for key in after if before.get(key) != after[key]]
        append_audit(
            self.actor,
            self.now,
            "import_update",
            entity,
            entity_id,
            {key: before.get(key) for key in changed},
            {key: after[key] for key in changed},
        )

    def note_created(self, what: str, count: int) -> None:
        if count:
            self.created[what] = self.created.get(what, 0) + count


class Entity(Protocol[R]):
    """One kind of record an import file holds."""

    name: str

    def parse(self, reader: RowReader) -> R | None:
        """The row's record, or None (the reader holds the problems)."""

    def keys(self, record: R) -> Sequence[UniqueKey]:
        """Keys of ``record`` that must be unique within the file."""

    def check(self, batch: Sequence[Parsed[R]]) -> list[RowProblem]:
        """Problems of ``batch`` against the database (unknown references)."""

    def write(self, batch: Sequence[R], state: WriteState) -> None:
        """Insert, update or skip each record of ``batch`` (inside the import's transaction)."""


def tuple_rows(query: object) -> Iterable[tuple[Any, ...]]:
    """A ``.tuples()`` query as what it yields (peewee's stubs say model instances)."""
    return cast(Iterable[tuple[Any, ...]], query)


def select_in(
    database: Database, columns: Sequence[Field], key: Field, values: Collection[object]
) -> Iterator[tuple[Any, ...]]:
    """The ``columns`` (converted as the fields convert them) of the rows whose ``key`` is one of
    ``values``, ``LOOKUP_BATCH`` keys per query.

    A plain statement: peewee's query builder spends longer building a 900-key ``IN`` list than
    the database spends answering it, and an import sends thousands of them.
    """
    table = key.model._meta.table_name
    names = ", ".join(f'"{column.column_name}"' for column in columns)
    for part in chunked(values):
        marks = ", ".join([database.param] * len(part))
        cursor = database.execute_sql(
            f'SELECT {names} FROM "{table}" WHERE "{key.column_name}" IN ({marks})', part
        )
        for row in cursor.fetchall():
            yield tuple(
                value if value is None else column.python_value(value)
                for column, value in zip(columns, row, strict=True)
            )


def chunked(values: Iterable[T], size: int = LOOKUP_BATCH) -> Iterator[list[T]]:
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk
