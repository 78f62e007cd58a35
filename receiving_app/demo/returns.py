"""Which demo RMAs came back during the history window, and what they hold (no Qt).

Read back from the database after the orders are written: the RMAs created shortly before or
in the window, each with its lines, the price paid and the serials sold. A parcel reaches the
dock a few days after its RMA; most that arrive in the window were received, the rest are
still on their way or never sent.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from db.models import RMA, Order, OrderLine, RMALine, SoldSerial

MAX_TRANSIT_DAYS = 6
RETURNED_PERCENT = 85
"""Of the RMAs whose parcel would arrive in the window: the rest never came back."""
_DOCK_OPENS, _DOCK_CLOSES = 8 * 3600 + 30 * 60, 17 * 3600 + 30 * 60


@dataclass(frozen=True)
class ReturnLine:
    rma_line_id: int
    product_id: int
    quantity: int
    unit_price: Decimal
    serials: tuple[str, ...]
    """The serials sold on the order line, in id order (empty for unserialised products)."""


@dataclass(frozen=True)
class ReturnedRMA:
    """An RMA whose parcel arrived at ``arrived_at``."""

    id: int
    number: str
    order_id: int
    reason: str
    requested: str
    carrier: str | None
    tracking: str | None
    delivered_on: datetime.date | None
    arrived_at: datetime.datetime
    lines: tuple[ReturnLine, ...]


def returned_rmas(
    rng: random.Random, start: datetime.datetime, now: datetime.datetime
) -> list[ReturnedRMA]:
    """The open RMAs whose parcel arrived between ``start`` and ``now``, in order of arrival."""
    cutoff = start - datetime.timedelta(days=MAX_TRANSIT_DAYS)
    query = (
        RMA.select(
            RMA.id,
            RMA.number,
            RMA.order,
            RMA.reason_code,
            RMA.requested_outcome,
            RMA.expected_carrier,
            RMA.expected_tracking,
            RMA.created_at,
            Order.delivered_on,
        )
        .join(Order)
        .where((RMA.created_at >= cutoff) & (RMA.status == "open"))
        .order_by(RMA.id)
        .tuples()
    )
    arrived = []
    for row in query.iterator():
        at = _arrival(rng, row[7])
        if start <= at < now and rng.randrange(100) < RETURNED_PERCENT:
            arrived.append((row, at))
    if not arrived:
        return []
    lines = _lines(arrived[0][0][0])
    result = [
        ReturnedRMA(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[8], at, lines[row[0]]
        )
        for row, at in arrived
        if row[0] in lines
    ]
    result.sort(key=lambda rma: (rma.arrived_at, rma.id))
    return result


def _arrival(rng: random.Random, created_at: datetime.datetime) -> datetime.datetime:
    """A working-hours moment one to ``MAX_TRANSIT_DAYS`` days after the RMA was created."""
    day = created_at.date() + datetime.timedelta(days=rng.randint(1, MAX_TRANSIT_DAYS))
    return datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
        seconds=rng.randrange(_DOCK_OPENS, _DOCK_CLOSES)
    )


def _lines(first_rma_id: int) -> dict[int, tuple[ReturnLine, ...]]:
    """The lines of every RMA from ``first_rma_id`` on, with prices and sold serials."""
    rows = list(
        RMALine.select(
            RMALine.id,
            RMALine.rma,
            RMALine.quantity,
            OrderLine.id,
            OrderLine.product,
            OrderLine.unit_price,
        )
        .join(OrderLine)
        .where(RMALine.rma >= first_rma_id)
        .order_by(RMALine.id)
        .tuples()
        .iterator()
    )
    serials: dict[int, list[str]] = defaultdict(list)
    if rows:
        first_line = min(row[3] for row in rows)
        query = (
            SoldSerial.select(SoldSerial.order_line, SoldSerial.serial)
            .where(SoldSerial.order_line >= first_line)
            .order_by(SoldSerial.id)
            .tuples()
        )
        for order_line_id, serial in query.iterator():
            serials[order_line_id].append(serial)
    result: dict[int, list[ReturnLine]] = defaultdict(list)
    for line_id, rma_id, quantity, order_line_id, product_id, price in rows:
        sold = tuple(serials.get(order_line_id, ()))
        result[rma_id].append(ReturnLine(line_id, product_id, quantity, Decimal(price), sold))
    return {rma_id: tuple(lines) for rma_id, lines in result.items()}
