"""What the supervisor sees of vendor-return batches: frozen rows, never model instances (no Qt)."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import peewee
from peewee import fn

from db.models import (
    RMA,
    Parcel,
    Product,
    RMALine,
    RtvBatch,
    RtvBatchLine,
    RtvCarton,
    Unit,
    Vendor,
)
from db.transactions import storage_errors
from receiving_app.errors import NotFound
from receiving_app.i18n import QT_TRANSLATE_NOOP

STATES = ("open", "closed", "shipped")


@dataclass(frozen=True)
class BatchSummary:
    """One batch as the list shows it; ``age_days`` counts from when it opened."""

    number: str
    vendor_code: str
    vendor_name: str
    state: str
    vendor_rma: str | None
    units: int
    total_cost: Decimal
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    shipped_on: datetime.date | None
    carrier: str | None
    tracking: str | None
    age_days: int
    oldest_unit_days: int | None


@dataclass(frozen=True)
class BatchLine:
    """One unit in a batch; ``carton`` and ``sscc`` are None until the batch is closed."""

    lpn: str
    sku: str
    product: str
    serial: str | None
    grade: str | None
    reason_code: str | None
    cost: Decimal
    carton: int | None
    sscc: str | None
    added_at: datetime.datetime


@dataclass(frozen=True)
class CartonInfo:
    number: int
    sscc: str
    units: int


@dataclass(frozen=True)
class BatchDetail:
    summary: BatchSummary
    cartons: tuple[CartonInfo, ...]
    lines: tuple[BatchLine, ...]


def list_batches(today: datetime.date, states: Collection[str] = STATES) -> list[BatchSummary]:
    """Batches in ``states``, open ones first, then the newest."""
    with storage_errors():
        rows = _summaries().where(RtvBatch.state.in_(list(states)))
        return [_summary(row, today) for row in cast(Iterable[tuple[Any, ...]], rows.tuples())]


def batch_detail(number: str, today: datetime.date) -> BatchDetail:
    """The batch ``number`` with its cartons and units (in LPN order).

    Raises:
        NotFound: there is no batch of that number.
    """
    with storage_errors():
        rows = _summaries().where(RtvBatch.number == number.strip()).tuples()
        found = cast(list[tuple[Any, ...]], list(rows))
        if not found:
            raise NotFound(NO_SUCH_BATCH, batch=number)
        summary = _summary(found[0], today)
        lines = tuple(_lines(number.strip()))
    counts: dict[int, int] = {}
    for line in lines:
        if line.carton is not None:
            counts[line.carton] = counts.get(line.carton, 0) + 1
    cartons = tuple(
        CartonInfo(carton.number, carton.sscc, counts.get(carton.number, 0))
        for carton in RtvCarton.select()
        .join(RtvBatch)
        .where(RtvBatch.number == summary.number)
        .order_by(RtvCarton.number)
    )
    return BatchDetail(summary, cartons, lines)


def _summaries() -> peewee.ModelSelect[RtvBatch]:
    return (
        RtvBatch.select(
            RtvBatch.number,
            Vendor.code,
            Vendor.name,
            RtvBatch.state,
            RtvBatch.vendor_rma,
            fn.COUNT(RtvBatchLine.id),
            fn.COALESCE(fn.SUM(RtvBatchLine.cost), 0),
            RtvBatch.opened_at,
            RtvBatch.closed_at,
            RtvBatch.shipped_on,
            RtvBatch.carrier,
            RtvBatch.tracking,
            fn.MIN(RtvBatchLine.added_at),
        )
        .join(Vendor, on=RtvBatch.vendor == Vendor.id)
        .switch(RtvBatch)
        .join(RtvBatchLine, peewee.JOIN.LEFT_OUTER, on=RtvBatchLine.batch == RtvBatch.id)
        .group_by(RtvBatch.id, Vendor.id)
        .order_by(RtvBatch.state != "open", RtvBatch.opened_at.desc(), RtvBatch.id.desc())
    )


def _summary(row: tuple[Any, ...], today: datetime.date) -> BatchSummary:
    (number, code, name, state, rma, units, cost, opened, closed, shipped, carrier, tracking) = row[
        :12
    ]
    oldest = _as_datetime(row[12])
    return BatchSummary(
        number=number,
        vendor_code=code,
        vendor_name=name,
        state=state,
        vendor_rma=rma,
        units=int(units),
        total_cost=Decimal(str(cost)).quantize(Decimal("0.01")),
        opened_at=_as_datetime(opened) or opened,
        closed_at=_as_datetime(closed),
        shipped_on=_as_date(shipped),
        carrier=carrier,
        tracking=tracking,
        age_days=(today - (_as_datetime(opened) or opened).date()).days,
        oldest_unit_days=(today - oldest.date()).days if oldest is not None else None,
    )


def _as_datetime(value: object) -> datetime.datetime | None:
    """Aggregates (MIN) come back as text on SQLite: read them as the field would."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.fromisoformat(str(value))


def _as_date(value: object) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _lines(number: str) -> Iterable[BatchLine]:
    # The RMA the unit came back under: its line's, else its parcel's (as ``rma_of_unit``).
    line_rma, parcel_rma = RMA.alias("line_rma"), RMA.alias("parcel_rma")
    query = (
        RtvBatchLine.select(
            Unit.lpn,
            Product.sku,
            Product.name,
            Unit.serial,
            Unit.grade,
            fn.COALESCE(line_rma.reason_code, parcel_rma.reason_code),
            RtvBatchLine.cost,
            RtvCarton.number,
            RtvCarton.sscc,
            RtvBatchLine.added_at,
        )
        .join(RtvBatch, on=RtvBatchLine.batch == RtvBatch.id)
        .switch(RtvBatchLine)
        .join(Unit, on=RtvBatchLine.unit == Unit.id)
        .join(Product, on=Unit.product == Product.id)
        .switch(Unit)
        .join(RMALine, peewee.JOIN.LEFT_OUTER, on=Unit.rma_line == RMALine.id)
        .join(line_rma, peewee.JOIN.LEFT_OUTER, on=RMALine.rma == line_rma.id)
        .switch(Unit)
        .join(Parcel, on=Unit.parcel == Parcel.id)
        .join(parcel_rma, peewee.JOIN.LEFT_OUTER, on=Parcel.rma == parcel_rma.id)
        .switch(RtvBatchLine)
        .join(RtvCarton, peewee.JOIN.LEFT_OUTER, on=RtvBatchLine.carton == RtvCarton.id)
        .where(RtvBatch.number == number)
        .order_by(Unit.lpn)
        .tuples()
    )
    for row in cast(Iterable[tuple[Any, ...]], query):
        yield BatchLine(*row)


NO_SUCH_BATCH = QT_TRANSLATE_NOOP(
    "VendorReturns", "There is no vendor-return batch {batch}: `receiving-app rtv list` lists them."
)
