"""The writing steps of receiving: each runs inside the caller's transaction (no Qt).

Every function here changes the database and appends its audit record; the desk wraps each call
in one write transaction, so a step is either wholly stored or not at all.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from db.models import RMA, Order, Parcel, Photo, PrintJob, Product, Unit
from db.queries import parcels as parcel_queries
from db.queries import photos as photo_queries
from db.queries import units as unit_queries
from receiving_app.audit import Actor, append_audit
from receiving_app.photo_store import StoredPhoto
from receiving_app.receiving.matching import ExpectedLine, MatchDecision, decide_match
from receiving_app.receiving.views import parcel_snapshot

LPN_DIGITS = 10


@dataclass(frozen=True)
class StepContext:
    """Who is acting, where and when: what every step stores beside its change."""

    user_id: int
    station_id: int
    actor: Actor
    now: datetime.datetime
    lpn_prefix: str


def open_parcel(
    ctx: StepContext,
    receipt_key: str,
    tracking_number: str | None,
    carrier: str | None,
    candidates: tuple[str, ...],
    rma: RMA | None,
    order: Order | None,
) -> Parcel:
    """Record a newly arrived parcel; without an RMA it is an exception for a supervisor."""
    parcel = Parcel.create(
        receipt_key=receipt_key,
        tracking_number=tracking_number,
        carrier=carrier,
        carrier_candidates=",".join(candidates),
        rma=rma,
        order=order if order is not None else (rma.order if rma else None),
        is_exception=rma is None,
        station=ctx.station_id,
        received_by=ctx.user_id,
        received_at=ctx.now,
    )
    if rma is not None:
        RMA.update(status="receiving").where(RMA.id == rma.id).execute()
    append_audit(
        ctx.actor, ctx.now, "parcel.received", "parcel", parcel.id, None, parcel_snapshot(parcel)
    )
    return parcel


def update_parcel(ctx: StepContext, parcel_id: int, action: str, **changes: object) -> Parcel:
    """Change fields of an open parcel (condition, note, carrier, linked RMA), audited."""
    parcel = parcel_queries.parcel_by_id(parcel_id, lock=True)
    if parcel is None:
        raise LookupError(parcel_id)
    before = parcel_snapshot(parcel)
    for name, value in changes.items():
        setattr(parcel, name, value)
    parcel.save()
    append_audit(ctx.actor, ctx.now, action, "parcel", parcel.id, before, parcel_snapshot(parcel))
    return parcel


def add_parcel_photo(ctx: StepContext, parcel_id: int, photo: StoredPhoto) -> bool:
    """Link a stored photo to the parcel, audited; False when it was linked already.

    The parcel row is locked first, so two stations adding the same picture add it once.
    """
    if parcel_queries.parcel_by_id(parcel_id, lock=True) is None:
        raise LookupError(parcel_id)
    if photo_queries.parcel_photo(parcel_id, photo.sha256) is not None:
        return False
    row = Photo.create(
        parcel=parcel_id,
        sha256=photo.sha256,
        file_name=photo.file_name,
        taken_by=ctx.user_id,
        taken_at=ctx.now,
    )
    append_audit(
        ctx.actor,
        ctx.now,
        "parcel.photo_added",
        "parcel",
        parcel_id,
        None,
        {"photo_id": row.id, "sha256": photo.sha256, "file_name": photo.file_name},
    )
    return True


def link_rma(ctx: StepContext, parcel_id: int, rma: RMA) -> Parcel:
    """Attach the RMA the worker found in an exception parcel; it is no longer an exception."""
    RMA.update(status="receiving").where(RMA.id == rma.id).execute()
    return update_parcel(
        ctx, parcel_id, "parcel.rma_linked", rma=rma.id, order=rma.order_id, is_exception=False
    )


def close_parcel(ctx: StepContext, parcel_id: int) -> Parcel:
    parcel = update_parcel(ctx, parcel_id, "parcel.closed", state="closed", closed_at=ctx.now)
    if parcel.rma_id is not None:
        RMA.update(status="received").where(RMA.id == parcel.rma_id).execute()
    _queue_parcel_label(ctx, parcel)
    return parcel


def _queue_parcel_label(ctx: StepContext, parcel: Parcel) -> None:
    """Queue the parcel's receipt label: what came in, how, and how many units.

    ``condition`` is the stored code; the spooler prints it in the station's language.
    """
    rma = RMA.get_or_none(RMA.id == parcel.rma_id) if parcel.rma_id is not None else None
    label = {
        "receipt_key": parcel.receipt_key,
        "tracking_number": parcel.tracking_number,
        "carrier": parcel.carrier,
        "rma": rma.number if rma is not None else None,
        "received_at": parcel.received_at.isoformat(sep=" ", timespec="minutes"),
        "station": ctx.actor.station_code,
        "unit_count": Unit.select().where(Unit.parcel == parcel.id).count(),
        "condition": parcel.condition,
        "exception": parcel.is_exception,
    }
    PrintJob.create(
        kind="parcel",
        reference=parcel.receipt_key[:64],
        payload=json.dumps(label, ensure_ascii=False),
        station=ctx.station_id,
        created_at=ctx.now,
    )


def decide_unit(parcel: Parcel, product: Product, serial: str | None) -> MatchDecision:
    """Gather what the pure match decision needs from the database, and ask it."""
    lines: list[ExpectedLine] = []
    if parcel.rma_id is not None:
        lines = [
            ExpectedLine(
                row.id, row.order_line.id, row.order_line.product_id, row.quantity, row.received
            )
            for row in parcel_queries.rma_lines_with_counts(parcel.rma_id)
        ]
    order_lines = unit_queries.order_lines(parcel.order_id) if parcel.order_id else []
    serials = unit_queries.sold_serials([line.order_line_id for line in lines])
    return decide_match(
        product.id,
        serial,
        lines,
        frozenset(line.product_id for line in order_lines),
        serials,
        has_rma=parcel.rma_id is not None,
    )


def unit_receipt_key(parcel: Parcel, product: Product, serial: str | None) -> str:
    """What makes a unit unique: its serial within the return, or its count within the parcel.

    A serialised unit is the same unit whichever parcel of the return it comes in. Unserialised
    units of one product are told apart only by how many have been scanned into the parcel.
    """
    if serial is not None:
        scope = f"r{parcel.rma_id}" if parcel.rma_id is not None else f"p{parcel.id}"
        return f"S:{scope}:{product.id}:{serial}"
    count = unit_queries.count_units_of_product(parcel.id, product.id)
    return f"Q:{parcel.id}:{product.id}:{count + 1}"


def receive_unit(
    ctx: StepContext, parcel: Parcel, product: Product, serial: str | None, receipt_key: str
) -> Unit:
    """Give the unit its LPN, store it with its match, and queue its label."""
    decision = decide_unit(parcel, product, serial)
    number = unit_queries.next_in_sequence("lpn")
    unit = Unit.create(
        lpn=f"{ctx.lpn_prefix}{number:0{LPN_DIGITS}d}",
        receipt_key=receipt_key,
        parcel=parcel.id,
        product=product.id,
        rma_line=decision.rma_line_id,
        serial=serial,
        match=decision.match.value,
        station=ctx.station_id,
        received_by=ctx.user_id,
        received_at=ctx.now,
    )
    label = {
        "lpn": unit.lpn,
        "sku": product.sku,
        "product_name": product.name,
        "rma": parcel.rma.number if parcel.rma is not None else "",
        "serial": serial,
        "received_at": ctx.now.isoformat(sep=" "),
        "station": ctx.actor.station_code,
    }
    PrintJob.create(
        kind="lpn",
        reference=unit.lpn,
        payload=json.dumps(label, ensure_ascii=False),
        station=ctx.station_id,
        created_at=ctx.now,
    )
    append_audit(
        ctx.actor,
        ctx.now,
        "unit.received",
        "unit",
        unit.lpn,
        None,
        {
            "lpn": unit.lpn,
            "parcel_id": parcel.id,
            "sku": product.sku,
            "serial": serial,
            "match": unit.match,
            "rma_line_id": unit.rma_line_id,
        },
    )
    return unit
