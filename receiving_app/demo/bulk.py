"""Fast bulk inserts of plain tuples for the demo generator (no Qt).

peewee's ``insert_many`` builds one multi-row INSERT per batch; building that statement
costs more than executing it (16 µs against 3 µs a row of six columns on SQLite). A batch of
the same size always yields the same SQL, so it is built once by ``insert_many`` and reused
with the next batch's values. Values must already be what the driver takes (int, str,
Decimal, date, datetime, bool, None), which is what the generator writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from db.connection import is_sqlite
from db.models import (
    RMA,
    BaseModel,
    Channel,
    Customer,
    Order,
    OrderLine,
    Product,
    ProductGTIN,
    RMALine,
    SoldSerial,
    Vendor,
)

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


class DemoTables:
    """One ``BulkWriter`` per table the demo fills, with the columns it writes, in that order."""

    def __init__(self, database: Database) -> None:
        def writer(model: type[BaseModel], *names: str) -> BulkWriter:
            return BulkWriter(database, model, [getattr(model, name) for name in names])

        self.channels = writer(Channel, "id", "code", "name")
        self.vendors = writer(Vendor, "id", "code", "name", "accepts_returns", "return_window_days")
        self.products = writer(
            Product,
            "id",
            "sku",
            "name",
            "category",
            "vendor",
            "unit_cost",
            "price",
            "warranty_months",
            "serialised",
        )
        self.gtins = writer(ProductGTIN, "id", "product", "gtin")
        self.customers = writer(Customer, "id", "channel", "external_ref", "display_name")
        self.orders = writer(
            Order, "id", "number", "channel", "customer", "ordered_at", "delivered_on"
        )
        self.order_lines = writer(
            OrderLine, "id", "order", "line_no", "product", "quantity", "unit_price"
        )
        self.serials = writer(SoldSerial, "id", "order_line", "serial")
        self.rmas = writer(
            RMA,
            "id",
            "number",
            "order",
            "reason_code",
            "customer_words",
            "requested_outcome",
            "expected_carrier",
            "expected_tracking",
            "status",
            "created_at",
        )
        self.rma_lines = writer(RMALine, "id", "rma", "order_line", "quantity")


BULK_MODELS: tuple[type[BaseModel], ...] = (
    Channel,
    Vendor,
    Product,
    ProductGTIN,
    Customer,
    Order,
    OrderLine,
    SoldSerial,
    RMA,
    RMALine,
)
"""The tables written with explicit ids (their PostgreSQL sequences need advancing)."""
