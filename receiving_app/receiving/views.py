"""Build the frozen views of a parcel that the screen shows (reads only, no Qt)."""

from __future__ import annotations

import datetime

from db.models import Parcel
from db.queries import parcels as parcel_queries
from db.queries import units as unit_queries
from receiving_app.outcomes import LineView, ParcelView, UnitView


def when(at: datetime.datetime, now: datetime.datetime) -> str:
    """A time as a dock worker reads it: ``10:42`` today, ``2026-11-23 10:42`` before."""
    if at.date() == now.date():
        return at.strftime("%H:%M")
    return at.strftime("%Y-%m-%d %H:%M")


def parcel_view(parcel: Parcel) -> ParcelView:
    """Everything the receiving screen shows of ``parcel``: expected versus received lines."""
    rma = parcel.rma
    lines: tuple[LineView, ...] = ()
    if rma is not None:
        rows = parcel_queries.rma_lines_with_counts(rma.id)
        serials = unit_queries.sold_serials([row.order_line.id for row in rows])
        lines = tuple(
            LineView(
                rma_line_id=row.id,
                sku=row.order_line.product.sku,
                product_name=row.order_line.product.name,
                expected=row.quantity,
                received=row.received,
                serials_sold=tuple(sorted(serials[row.order_line.id])),
            )
            for row in rows
        )
    units = tuple(
        UnitView(
            lpn=unit.lpn,
            sku=unit.product.sku,
            product_name=unit.product.name,
            serial=unit.serial,
            match=unit.match,
            received_at=unit.received_at.strftime("%H:%M:%S"),
        )
        for unit in parcel_queries.units_of_parcel(parcel.id)
    )
    order = parcel.order
    return ParcelView(
        id=parcel.id,
        tracking_number=parcel.tracking_number,
        carrier=parcel.carrier,
        carrier_candidates=tuple(c for c in parcel.carrier_candidates.split(",") if c),
        rma_number=rma.number if rma else None,
        order_number=order.number if order else None,
        reason_code=rma.reason_code if rma else None,
        customer_words=rma.customer_words if rma else "",
        condition=parcel.condition,
        note=parcel.note,
        state=parcel.state,
        is_exception=parcel.is_exception,
        lines=lines,
        units=units,
    )


def parcel_snapshot(parcel: Parcel) -> dict[str, object]:
    """The parcel's fields for an audit record's before/after."""
    return {
        "receipt_key": parcel.receipt_key,
        "tracking_number": parcel.tracking_number,
        "carrier": parcel.carrier,
        "rma_id": parcel.rma_id,
        "order_id": parcel.order_id,
        "condition": parcel.condition,
        "note": parcel.note,
        "is_exception": parcel.is_exception,
        "state": parcel.state,
    }
