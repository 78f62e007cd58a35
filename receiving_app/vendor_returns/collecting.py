"""Routed units collect in their vendor's open vendor-return batch (no Qt).

:func:`collect_routed_unit` runs inside the transaction that routes the unit (grading, a grade
or route override, a re-inspection), so a unit's route and its batch line never disagree.

- Routed to ``vendor_return``: the unit joins the open batch of its product's vendor, which
  is opened when there is none. A product without a vendor has nobody to go back to, so its
  units are not batched (they wait in the vendor-return cage for a supervisor).
- Routed anywhere else: the unit leaves its batch while the batch is open. Once the batch is
  closed, its manifest and carton labels are printed and may already be on the vendor's
  desk, so the unit stays on them and the re-route proceeds; the supervisor takes it out of
  the carton by hand.
"""

from __future__ import annotations

import datetime

import peewee

from db.models import Product, RtvBatch, RtvBatchLine, Unit
from db.queries.units import next_in_sequence
from db.transactions import for_update
from receiving_app.audit import Actor, append_audit
from receiving_app.inspection.store import InspectContext

VENDOR_RETURN = "vendor_return"
BATCH_COUNTER = "rtv_batch"
OPEN = "open"


def collect_routed_unit(ctx: InspectContext, unit: Unit, route: str) -> None:
    """Put ``unit``, just routed to ``route``, in or out of its vendor's open batch."""
    line = RtvBatchLine.get_or_none(RtvBatchLine.unit == unit.id)
    if route == VENDOR_RETURN:
        if line is None:
            _add(ctx, unit)
    elif line is not None:
        _remove(ctx, unit, line)


def batch_number(value: int) -> str:
    """The batch number shown to people: ``RTV-000123``."""
    return f"RTV-{value:06d}"


def _add(ctx: InspectContext, unit: Unit) -> None:
    product = Product.get_by_id(unit.product_id)
    if product.vendor_id is None:
        return
    batch = _open_batch(product.vendor_id, ctx.now)
    RtvBatchLine.create(batch=batch.id, unit=unit.id, cost=product.unit_cost, added_at=ctx.now)
    _audit(ctx.actor, ctx.now, "rtv_batch.unit_added", batch, unit, str(product.unit_cost))


def _remove(ctx: InspectContext, unit: Unit, line: RtvBatchLine) -> None:
    batch = for_update(RtvBatch.select().where(RtvBatch.id == line.batch_id)).get()
    if batch.state != OPEN:
        return  # see the module docstring: a closed batch keeps its units
    RtvBatchLine.delete().where(RtvBatchLine.id == line.id).execute()
    _audit(ctx.actor, ctx.now, "rtv_batch.unit_removed", batch, unit, None)


def _open_batch(vendor_id: int, now: datetime.datetime) -> RtvBatch:
    """The vendor's open batch, locked until the transaction ends; opened if there is none.

    Two stations opening the vendor's first batch at once: the unique ``open_key`` lets one
    insert win; the other's insert fails inside a savepoint and it takes the winner's batch.
    """
    query = RtvBatch.select().where(RtvBatch.open_key == vendor_id)
    batch = for_update(query).first()
    if batch is not None:
        return batch
    try:
        with RtvBatch._meta.database.atomic():
            number = batch_number(next_in_sequence(BATCH_COUNTER))
            return RtvBatch.create(
                number=number, vendor=vendor_id, open_key=vendor_id, state=OPEN, opened_at=now
            )
    except peewee.IntegrityError:
        return for_update(query).get()


def _audit(
    actor: Actor,
    now: datetime.datetime,
    action: str,
    batch: RtvBatch,
    unit: Unit,
    cost: str | None,
) -> None:
    after = {"lpn": unit.lpn, "cost": cost} if cost is not None else None
    before = None if cost is not None else {"lpn": unit.lpn}
    append_audit(actor, now, action, "rtv_batch", batch.number, before, after)
