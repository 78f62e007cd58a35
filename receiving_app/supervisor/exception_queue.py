"""The dock's open exceptions, oldest first, and those resolved in a period (no Qt).

An exception is what receiving recorded: a parcel opened without an RMA (``no_rma``), a unit
that is not what was authorised (``wrong_item``, ``not_on_order``, ``serial_mismatch``,
``extra``), a closed parcel whose RMA lines did not all arrive (``missing``). Each is named by a
subject ("parcel:12:no_rma", "unit:LPN:wrong_item", "parcel:12:missing") and is open until an
``ExceptionResolution`` with that subject exists.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

import peewee
from peewee import JOIN, Value, fn

from db.models import (
    RMA,
    ExceptionResolution,
    Order,
    OrderLine,
    Parcel,
    Product,
    RMALine,
    Unit,
    User,
)
from db.transactions import storage_errors
from receiving_app.receiving.matching import Match
from receiving_app.supervisor.common import hours_between

NO_RMA = "no_rma"
MISSING = "missing"
UNIT_KINDS = (Match.WRONG_ITEM, Match.NOT_ON_ORDER, Match.SERIAL_MISMATCH, Match.EXTRA)


@dataclass(frozen=True)
class DockException:
    """One open exception: which parcel (and unit), what is wrong, when and by whom.

    ``detail``: the unit's serial for a unit exception, "SKU ×n, ..." for missing lines.
    """

    subject: str
    kind: str
    parcel_id: int
    receipt_key: str
    tracking_number: str | None
    lpn: str | None
    sku: str | None
    detail: str
    at: datetime.datetime
    by: str
    age_hours: float


@dataclass(frozen=True)
class ResolvedException:
    """How an exception was resolved: ``action`` "linked" (to ``rma`` or the parcel's
    ``order``) or "closed" with ``reason``."""

    subject: str
    kind: str
    receipt_key: str
    action: str
    rma: str | None
    order: str | None
    reason: str
    by: str
    at: datetime.datetime


def parcel_subject(parcel_id: int, kind: str) -> str:
    return f"parcel:{parcel_id}:{kind}"


def unit_subject(lpn: str, kind: str) -> str:
    return f"unit:{lpn}:{kind}"


def open_exceptions(now: datetime.datetime) -> list[DockException]:
    """Every open exception, oldest first."""
    with storage_errors():
        found = _no_rma_parcels(now) + _unit_exceptions(now) + _missing_lines(now)
    return sorted(found, key=lambda item: (item.at, item.subject))


def _unresolved(subject: peewee.Node) -> peewee.Expression:
    resolved = ExceptionResolution.select(ExceptionResolution.id).where(
        ExceptionResolution.subject == subject
    )
    return ~fn.EXISTS(resolved)


def _no_rma_parcels(now: datetime.datetime) -> list[DockException]:
    subject = Value("parcel:").concat(Parcel.id.cast("text")).concat(":" + NO_RMA)
    rows = (
        Parcel.select(Parcel, User)
        .join(User, on=Parcel.received_by == User.id)
        .where(Parcel.is_exception & _unresolved(subject))
    )
    return [
        DockException(
            subject=parcel_subject(row.id, NO_RMA),
            kind=NO_RMA,
            parcel_id=row.id,
            receipt_key=row.receipt_key,
            tracking_number=row.tracking_number,
            lpn=None,
            sku=None,
            detail="",
            at=row.received_at,
            by=row.received_by.display_name,
            age_hours=hours_between(row.received_at, now),
        )
        for row in rows
    ]


def _unit_exceptions(now: datetime.datetime) -> list[DockException]:
    subject = Value("unit:").concat(Unit.lpn).concat(":").concat(Unit.match)
    rows = (
        Unit.select(
            Unit.lpn,
            Unit.match,
            Unit.serial,
            Unit.received_at,
            Parcel.id,
            Parcel.receipt_key,
            Parcel.tracking_number,
            Product.sku,
            User.display_name,
        )
        .join(Parcel, on=Unit.parcel == Parcel.id)
        .switch(Unit)
        .join(Product, on=Unit.product == Product.id)
        .switch(Unit)
        .join(User, on=Unit.received_by == User.id)
        .where(Unit.match.in_([str(kind) for kind in UNIT_KINDS]) & _unresolved(subject))
        .tuples()
    )
    return [
        DockException(
            subject=unit_subject(lpn, match),
            kind=match,
            parcel_id=parcel_id,
            receipt_key=key,
            tracking_number=tracking,
            lpn=lpn,
            sku=sku,
            detail=serial or "",
            at=at,
            by=by,
            age_hours=hours_between(at, now),
        )
        for lpn, match, serial, at, parcel_id, key, tracking, sku, by in cast(Iterable[Any], rows)
    ]


def _missing_lines(now: datetime.datetime) -> list[DockException]:
    """Closed parcels whose RMA has lines with fewer units received than authorised."""
    received = fn.COUNT(Unit.id)
    subject = Value("parcel:").concat(Parcel.id.cast("text")).concat(":" + MISSING)
    rows = (
        RMALine.select(Parcel.id, Product.sku, RMALine.quantity - received)
        .join(Parcel, on=Parcel.rma == RMALine.rma)
        .switch(RMALine)
        .join(OrderLine, on=RMALine.order_line == OrderLine.id)
        .join(Product, on=OrderLine.product == Product.id)
        .switch(RMALine)
        .join(Unit, JOIN.LEFT_OUTER, on=Unit.rma_line == RMALine.id)
        .where((Parcel.state == "closed") & _unresolved(subject))
        .group_by(Parcel.id, RMALine.id, Product.sku, RMALine.quantity)
        .having(received < RMALine.quantity)
        .order_by(RMALine.id)
        .tuples()
    )
    missing: dict[int, list[str]] = defaultdict(list)
    for parcel_id, sku, count in cast(Iterable[Any], rows):
        missing[int(parcel_id)].append(f"{sku} ×{count}")
    if not missing:
        return []
    parcels = (
        Parcel.select(Parcel, User)
        .join(User, on=Parcel.received_by == User.id)
        .where(Parcel.id.in_(list(missing)))
    )
    return [
        DockException(
            subject=parcel_subject(row.id, MISSING),
            kind=MISSING,
            parcel_id=row.id,
            receipt_key=row.receipt_key,
            tracking_number=row.tracking_number,
            lpn=None,
            sku=None,
            detail=", ".join(missing[row.id]),
            at=row.closed_at or row.received_at,
            by=row.received_by.display_name,
            age_hours=hours_between(row.closed_at or row.received_at, now),
        )
        for row in parcels
    ]


def resolved_exceptions(
    start: datetime.datetime, end: datetime.datetime
) -> list[ResolvedException]:
    """The exceptions resolved from ``start`` (inclusive) to ``end`` (exclusive), in order."""
    with storage_errors():
        rows = (
            ExceptionResolution.select(
                ExceptionResolution.subject,
                ExceptionResolution.kind,
                Parcel.receipt_key,
                ExceptionResolution.action,
                RMA.number,
                Order.number,
                ExceptionResolution.reason,
                User.display_name,
                ExceptionResolution.resolved_at,
            )
            .join(Parcel, on=ExceptionResolution.parcel == Parcel.id)
            .join(Order, JOIN.LEFT_OUTER, on=Parcel.order == Order.id)
            .switch(ExceptionResolution)
            .join(RMA, JOIN.LEFT_OUTER, on=ExceptionResolution.rma == RMA.id)
            .switch(ExceptionResolution)
            .join(User, on=ExceptionResolution.resolved_by == User.id)
            .where(
                (ExceptionResolution.resolved_at >= start) & (ExceptionResolution.resolved_at < end)
            )
            .order_by(ExceptionResolution.resolved_at, ExceptionResolution.id)
            .tuples()
        )
        return [ResolvedException(*row) for row in cast(Iterable[Any], rows)]


def resolution_counts(resolved: Iterable[ResolvedException]) -> Counter[tuple[str, str]]:
    """How many exceptions of each kind were linked or closed: {(kind, action): count}."""
    return Counter((item.kind, item.action) for item in resolved)
