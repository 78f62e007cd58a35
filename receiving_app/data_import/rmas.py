"""Importing RMAs: one row per returned order line, the RMA's header repeated on each (no Qt).

An RMA's rows must follow one another, like an order's. The order line is named by its line
number or, when the order has that SKU once, by SKU. New RMAs are ``open``; an import never
changes an RMA's status (the dock owns it). The expected tracking number is cleaned as a scan
is (full-width digits, spaces), so that scanning the parcel finds the RMA.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import Field

from db.models import RMA, Order, OrderLine, Product, RMALine
from receiving_app.customer_outcome.policy import Outcome
from receiving_app.data_import import problems as p
from receiving_app.data_import.entity import Parsed, UniqueKey, WriteState, chunked, tuple_rows
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.values import RowReader
from receiving_app.scanning.normalize import normalize_scan

REASON_CODES = (
    "defective",
    "damaged_in_transit",
    "wrong_item_sent",
    "not_as_described",
    "no_longer_needed",
    "size_fit",
)
OUTCOMES = tuple(outcome.value for outcome in Outcome if outcome is not Outcome.NONE)


@dataclass(frozen=True)
class RMAHeader:
    number: str
    order_number: str
    reason_code: str
    requested_outcome: str
    customer_words: str | None
    expected_carrier: str | None
    expected_tracking: str | None
    created_at: datetime.datetime


@dataclass(frozen=True)
class RMALineRecord:
    header: RMAHeader
    first_row: bool
    line_no: int | None
    sku: str | None
    quantity: int


# (order number, line number) → (order id, order line id, SKU, quantity ordered)
LineInfo = tuple[int, int, str, int]


class OrderLines:
    """The stored lines of the orders a batch names, found by line number or by SKU."""

    def __init__(self, order_numbers: set[str]) -> None:
        self.orders: dict[str, int] = {}
        self.by_line: dict[tuple[str, int], LineInfo] = {}
        self.by_sku: dict[tuple[str, str], list[LineInfo]] = {}
        for part in chunked(order_numbers):
            query = (
                Order.select(
                    Order.number,
                    Order.id,
                    OrderLine.line_no,
                    OrderLine.id,
                    Product.sku,
                    OrderLine.quantity,
                )
                .join(OrderLine)
                .join(Product)
                .where(Order.number.in_(part))
                .tuples()
            )
            for number, order_id, line_no, line_id, sku, quantity in tuple_rows(query):
                info = (order_id, line_id, sku, quantity)
                self.orders[number] = order_id
                self.by_line[(number, line_no)] = info
                self.by_sku.setdefault((number, sku), []).append(info)

    def find(self, record: RMALineRecord) -> LineInfo | str:
        """The line, or the problem's message."""
        number = record.header.order_number
        if number not in self.orders:
            return p.UNKNOWN_ORDER
        if record.line_no is not None:
            return self.by_line.get((number, record.line_no), p.UNKNOWN_ORDER_LINE)
        candidates = self.by_sku.get((number, record.sku or ""), [])
        if len(candidates) > 1:
            return p.AMBIGUOUS_SKU
        return candidates[0] if candidates else p.UNKNOWN_ORDER_LINE


class RMAEntity:
    name = "rmas"

    def __init__(self, columns: dict[str, str]) -> None:
        self._columns = columns
        self._current: RMAHeader | None = None
        self._current_row = 0

    def _column(self, field: str) -> str:
        return self._columns.get(field, field)

    def parse(self, reader: RowReader) -> RMALineRecord | None:
        number = (reader.text("rma_number", 40, required=True) or "").upper()
        tracking = reader.text("expected_tracking", 64)
        carrier = reader.text("expected_carrier", 32)
        header = RMAHeader(
            number=number,
            order_number=(reader.text("order_number", 40, required=True) or "").upper(),
            reason_code=reader.choice("reason_code", REASON_CODES, required=True) or "",
            requested_outcome=reader.choice("requested_outcome", OUTCOMES, required=True) or "",
            customer_words=reader.text("customer_words", 2000),
            expected_carrier=carrier.lower() if carrier else None,
            expected_tracking=normalize_scan(tracking).compact if tracking else None,
            created_at=reader.moment("created_at", required=True) or datetime.datetime.min,
        )
        line_no = reader.whole("line_no", minimum=1)
        sku = reader.text("sku", 64)
        quantity = reader.whole("quantity", minimum=1, required=True) or 0
        if line_no is None and not sku and reader.ok:
            reader.problem(self._column("line_no"), p.NEED_LINE_OR_SKU)
        first = self._current is None or self._current.number != number
        if first:
            self._current, self._current_row = header, reader.row.number
        elif header != self._current and reader.ok:
            reader.problem(
                self._column("rma_number"),
                p.HEADER_DIFFERS,
                number,
                first=self._current_row,
                expected="order, reason, outcome, tracking",
            )
        if not reader.ok:
            return None
        return RMALineRecord(header, first, line_no, sku, quantity)

    def keys(self, record: RMALineRecord) -> Sequence[UniqueKey]:
        number = record.header.number
        ref = str(record.line_no) if record.line_no is not None else f"sku:{record.sku}"
        column = self._column("line_no" if record.line_no is not None else "sku")
        line = UniqueKey("rma_line", f"{number}\t{ref}", column)
        if record.first_row:
            return (UniqueKey("rma", number, self._column("rma_number")), line)
        return (line,)

    def check(self, batch: Sequence[Parsed[RMALineRecord]]) -> list[RowProblem]:
        lines = OrderLines({item.record.header.order_number for item in batch})
        found: list[RowProblem] = []
        for item in batch:
            record = item.record
            line = lines.find(record)
            if isinstance(line, str):
                column = "order_number" if line == p.UNKNOWN_ORDER else "line_no"
                if column == "line_no" and record.line_no is None:
                    column = "sku"
                value = record.header.order_number if column == "order_number" else ""
                found.append(RowProblem(item.row, self._column(column), line, {}, value))
            elif record.quantity > line[3]:
                found.append(
                    RowProblem(
                        item.row,
                        self._column("quantity"),
                        p.TOO_MANY,
                        {"ordered": line[3]},
                        str(record.quantity),
                    )
                )
        return found

    def write(self, batch: Sequence[RMALineRecord], state: WriteState) -> None:
        lines = OrderLines({record.header.order_number for record in batch})
        headers = {record.header.number: record.header for record in batch}
        stored = _rmas(set(headers))
        fields: list[Field] = [
            RMA.number,
            RMA.order,
            RMA.reason_code,
            RMA.customer_words,
            RMA.requested_outcome,
            RMA.expected_carrier,
            RMA.expected_tracking,
            RMA.status,
            RMA.created_at,
        ]
        new = [
            (
                h.number,
                lines.orders[h.order_number],
                h.reason_code,
                h.customer_words or "",
                h.requested_outcome,
                h.expected_carrier,
                h.expected_tracking,
                "open",
                h.created_at,
            )
            for number, h in headers.items()
            if number not in stored
        ]
        state.insert(RMA, fields, new)
        created = {row[0] for row in new}
        if new:
            stored.update(_rmas(created))
        changed: set[str] = set()
        for number, header in headers.items():
            if number not in created and _update_rma(
                stored[number], header, lines.orders[header.order_number], state
            ):
                changed.add(number)
        rma_ids = {number: rma.id for number, rma in stored.items()}
        existing: dict[tuple[int, int], tuple[int, int]] = {}
        for part in chunked(set(rma_ids.values())):
            query = RMALine.select(RMALine.rma, RMALine.order_line, RMALine.id, RMALine.quantity)
            for rma_id, line_id, rma_line_id, quantity in tuple_rows(
                query.where(RMALine.rma.in_(part)).tuples()
            ):
                existing[(rma_id, line_id)] = (rma_line_id, quantity)
        new_lines = []
        for record in batch:
            info = lines.find(record)
            assert not isinstance(info, str)  # checked in the validation pass
            rma_id = rma_ids[record.header.number]
            old = existing.get((rma_id, info[1]))
            if old is None:
                new_lines.append((rma_id, info[1], record.quantity))
                continue
            if old[1] != record.quantity:
                RMALine.update(quantity=record.quantity).where(RMALine.id == old[0]).execute()
                state.audit_update(
                    "rma_line", old[0], {"quantity": old[1]}, {"quantity": record.quantity}
                )
            elif record.header.number not in changed:
                state.unchanged += 1
                continue
            state.updated += 1
        line_fields: list[Field] = [RMALine.rma, RMALine.order_line, RMALine.quantity]
        state.inserted += state.insert(RMALine, line_fields, new_lines)


def _rmas(numbers: set[str]) -> dict[str, RMA]:
    found: dict[str, RMA] = {}
    for part in chunked(numbers):
        found.update((rma.number, rma) for rma in RMA.select().where(RMA.number.in_(part)))
    return found


def _update_rma(rma: RMA, header: RMAHeader, order_id: int, state: WriteState) -> bool:
    after: dict[str, object] = {
        "order": order_id,
        "reason_code": header.reason_code,
        "requested_outcome": header.requested_outcome,
        "created_at": header.created_at,
    }
    for key in ("customer_words", "expected_carrier", "expected_tracking"):
        value = getattr(header, key)
        if value is not None:
            after[key] = value
    before: dict[str, object] = {key: getattr(rma, key) for key in after}
    before["order"] = rma.order_id
    if before == after:
        return False
    RMA.update(after).where(RMA.id == rma.id).execute()
    state.audit_update("rma", rma.id, before, after)
    return True
