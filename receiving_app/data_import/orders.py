"""Importing orders: one row per order line, the order's header repeated on each (no Qt).

An order's lines must follow one another in the file (every channel export does so); the
header (channel, customer, dates) is taken from its first row and must be the same on the
others. Without a line number column, lines are numbered 1, 2, ... in file order. Channels and
customers named in the file are created when new (customers are never renamed by an import).
Order and line numbers are upper-cased, as a scan of them is.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal

from peewee import Database, Field

from db.models import Channel, Customer, Order, OrderLine, Product
from receiving_app.data_import import problems as p
from receiving_app.data_import.entity import (
    Parsed,
    UniqueKey,
    WriteState,
    chunked,
    select_in,
    tuple_rows,
)
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.values import RowReader


@dataclass(frozen=True)
class OrderHeader:
    number: str
    channel: str
    ordered_at: datetime.datetime
    delivered_on: datetime.date | None
    customer_ref: str | None
    customer_name: str | None


@dataclass(frozen=True)
class OrderLineRecord:
    header: OrderHeader
    first_row: bool
    """The first row of its order in the file: it carries the order's unique key."""
    line_no: int
    sku: str
    quantity: int
    unit_price: Decimal


class SkuCache:
    """SKU → product id, filled a batch at a time (it grows with the catalogue, not the file)."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def lookup(self, skus: set[str]) -> dict[str, int]:
        missing = skus - self._ids.keys()
        for part in chunked(missing):
            query = Product.select(Product.sku, Product.id).where(Product.sku.in_(part)).tuples()
            self._ids.update(tuple_rows(query))
        return self._ids


class OrderEntity:
    name = "orders"

    def __init__(self, columns: dict[str, str]) -> None:
        self._columns = columns
        self._skus = SkuCache()
        self._current: OrderHeader | None = None
        self._current_row = 0
        self._next_line = 1

    def _column(self, field: str) -> str:
        return self._columns.get(field, field)

    def parse(self, reader: RowReader) -> OrderLineRecord | None:
        number = (reader.text("order_number", 40, required=True) or "").upper()
        header = OrderHeader(
            number=number,
            channel=(reader.text("channel", 32, required=True) or "").lower(),
            ordered_at=reader.moment("ordered_at", required=True) or datetime.datetime.min,
            delivered_on=reader.day("delivered_on"),
            customer_ref=reader.text("customer_ref", 64),
            customer_name=reader.text("customer_name", 120),
        )
        line_no = reader.whole("line_no", minimum=1)
        sku = reader.text("sku", 64, required=True) or ""
        quantity = reader.whole("quantity", minimum=1, required=True) or 0
        unit_price = reader.amount("unit_price", required=True)
        first = self._current is None or self._current.number != number
        if first:
            self._current, self._current_row, self._next_line = header, reader.row.number, 1
        elif self._current is not None and header != self._current and reader.ok:
            reader.problem(
                self._column("order_number"),
                p.HEADER_DIFFERS,
                number,
                first=self._current_row,
                expected="channel, customer, dates",
            )
        if line_no is None:
            line_no = self._next_line
        self._next_line = line_no + 1
        if not reader.ok or unit_price is None:
            return None
        return OrderLineRecord(header, first, line_no, sku, quantity, unit_price)

    def keys(self, record: OrderLineRecord) -> Sequence[UniqueKey]:
        number = record.header.number
        line = UniqueKey("order_line", f"{number}\t{record.line_no}", self._column("line_no"))
        if record.first_row:
            return (UniqueKey("order", number, self._column("order_number")), line)
        return (line,)

    def check(self, batch: Sequence[Parsed[OrderLineRecord]]) -> list[RowProblem]:
        known = self._skus.lookup({item.record.sku for item in batch})
        return [
            RowProblem(item.row, self._column("sku"), p.UNKNOWN_SKU, {}, item.record.sku)
            for item in batch
            if item.record.sku not in known
        ]

    def write(self, batch: Sequence[OrderLineRecord], state: WriteState) -> None:
        headers = {record.header.number: record.header for record in batch}
        channels = _channel_ids({h.channel for h in headers.values()}, state)
        customers = _customer_ids(headers.values(), channels, state)
        stored = _orders(state.database, set(headers))
        new_orders = [
            (
                h.number,
                channels[h.channel],
                customers.get((h.channel, h.customer_ref)) if h.customer_ref else None,
                h.ordered_at,
                h.delivered_on,
            )
            for number, h in headers.items()
            if number not in stored
        ]
        fields: list[Field] = [
            Order.number,
            Order.channel,
            Order.customer,
            Order.ordered_at,
            Order.delivered_on,
        ]
        state.insert(Order, fields, new_orders)
        if new_orders:
            stored.update(_orders(state.database, {row[0] for row in new_orders}))
        created = {row[0] for row in new_orders}
        changed_orders: set[str] = set()
        for number, header in headers.items():
            if number in created:
                continue
            ref = header.customer_ref
            customer = customers.get((header.channel, ref)) if ref else None
            if _update_order(stored[number], header, channels[header.channel], customer, state):
                changed_orders.add(number)
        order_ids = {number: row[0] for number, row in stored.items()}
        lines = _lines(state.database, set(order_ids.values()))
        skus = self._skus.lookup({record.sku for record in batch})
        new_lines = []
        for record in batch:
            order_id = order_ids[record.header.number]
            values = (skus[record.sku], record.quantity, record.unit_price)
            line = lines.get((order_id, record.line_no))
            if line is None:
                new_lines.append((order_id, record.line_no, *values))
                continue
            line_id, *old = line
            if tuple(old) == values and record.header.number not in changed_orders:
                state.unchanged += 1
                continue
            if tuple(old) != values:
                names = ("product", "quantity", "unit_price")
                OrderLine.update(dict(zip(names, values, strict=True))).where(
                    OrderLine.id == line_id
                ).execute()
                before = dict(zip(names, old, strict=True))
                after = dict(zip(names, values, strict=True))
                state.audit_update("order_line", line_id, before, after)
            state.updated += 1
        line_fields: list[Field] = [
            OrderLine.order,
            OrderLine.line_no,
            OrderLine.product,
            OrderLine.quantity,
            OrderLine.unit_price,
        ]
        state.inserted += state.insert(OrderLine, line_fields, new_lines)


StoredOrder = tuple[int, int, int | None, datetime.datetime, datetime.date | None]


def _orders(database: Database, numbers: set[str]) -> dict[str, StoredOrder]:
    columns: list[Field] = [
        Order.number,
        Order.id,
        Order.channel,
        Order.customer,
        Order.ordered_at,
        Order.delivered_on,
    ]
    found: dict[str, StoredOrder] = {}
    for number, order_id, channel, customer, ordered_at, delivered_on in select_in(
        database, columns, Order.number, numbers
    ):
        found[number] = (order_id, channel, customer, ordered_at, delivered_on)
    return found


def _update_order(
    stored: StoredOrder,
    header: OrderHeader,
    channel_id: int,
    customer_id: int | None,
    state: WriteState,
) -> bool:
    order_id, old_channel, old_customer, ordered_at, delivered_on = stored
    before: dict[str, object] = {"channel": old_channel, "ordered_at": ordered_at}
    after: dict[str, object] = {"channel": channel_id, "ordered_at": header.ordered_at}
    if header.delivered_on is not None:
        before["delivered_on"], after["delivered_on"] = delivered_on, header.delivered_on
    if customer_id is not None:
        before["customer"], after["customer"] = old_customer, customer_id
    if before == after:
        return False
    Order.update(after).where(Order.id == order_id).execute()
    state.audit_update("order", order_id, before, after)
    return True


def _lines(
    database: Database, order_ids: set[int]
) -> dict[tuple[int, int], tuple[int, int, int, Decimal]]:
    columns: list[Field] = [
        OrderLine.order,
        OrderLine.line_no,
        OrderLine.id,
        OrderLine.product,
        OrderLine.quantity,
        OrderLine.unit_price,
    ]
    found: dict[tuple[int, int], tuple[int, int, int, Decimal]] = {}
    for order, line_no, line_id, product, quantity, price in select_in(
        database, columns, OrderLine.order, order_ids
    ):
        found[(order, line_no)] = (line_id, product, quantity, price)
    return found


def _channel_ids(codes: set[str], state: WriteState) -> dict[str, int]:
    query = Channel.select(Channel.code, Channel.id).where(Channel.code.in_(codes)).tuples()
    found: dict[str, int] = dict(tuple_rows(query))
    for code in sorted(codes - found.keys()):
        found[code] = Channel.insert(code=code, name=code).execute()
        state.note_created("channels", 1)
    return found


def _customer_ids(
    headers: Collection[OrderHeader], channels: dict[str, int], state: WriteState
) -> dict[tuple[str, str], int]:
    wanted = {
        (h.channel, h.customer_ref): h.customer_name or h.customer_ref
        for h in headers
        if h.customer_ref
    }
    found: dict[tuple[str, str], int] = {}
    codes = {channel_id: code for code, channel_id in channels.items()}
    columns: list[Field] = [Customer.channel, Customer.external_ref, Customer.id]
    refs = {ref for _, ref in wanted}
    for channel_id, ref, customer_id in select_in(
        state.database, columns, Customer.external_ref, refs
    ):
        code = codes.get(channel_id, "")
        if (code, ref) in wanted:
            found[(code, ref)] = customer_id
    new = [(channels[c], ref, wanted[(c, ref)]) for c, ref in wanted if (c, ref) not in found]
    if new:
        fields: list[Field] = [Customer.channel, Customer.external_ref, Customer.display_name]
        state.insert(Customer, fields, new)
        state.note_created("customers", len(new))
        return _customer_ids(headers, channels, state)
    return found
