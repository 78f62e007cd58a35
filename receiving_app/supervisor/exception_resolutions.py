"""Resolving a dock exception, once, in one transaction with its audit (no Qt).

- Link to an RMA (by number): a parcel opened without an RMA really becomes linked, through the
  receiving step that links an RMA at the dock (``parcel.rma_linked``); a unit exception records
  the RMA it is settled under.
- Link to an order (by number): the order is recorded on the parcel when it has none (an order
  it already has must be the same); the exception is then settled against that order.
- Close with a reason (required).

Missing lines can only be closed. An exception is resolved once: a second supervisor is told
who resolved it and how.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import peewee

from db.models import RMA, ExceptionResolution, Order, Parcel, Unit
from db.queries import parcels as parcel_queries
from db.transactions import for_update, storage_errors, write_transaction
from receiving_app.audit import append_audit
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.receiving import steps
from receiving_app.supervisor import messages
from receiving_app.supervisor.common import NOTE_MAX_LENGTH, Supervisor, display_name
from receiving_app.supervisor.exception_queue import MISSING, NO_RMA, UNIT_KINDS

LINKED, CLOSED = "linked", "closed"

_Step = Callable[[Parcel, str, datetime.datetime], RMA | None]
"""What resolving does to the exception's parcel (given its kind); returns the RMA linked."""


def link_to_rma(sup: Supervisor, subject: str, rma_number: str, note: str = "") -> None:
    """Resolve the exception by linking it to the RMA ``rma_number``."""
    rma = parcel_queries.rma_by_number(rma_number.strip().upper())
    if rma is None:
        raise NotFound(messages.RMA_NOT_FOUND, rma=rma_number.strip()[:40])

    def link(parcel: Parcel, kind: str, now: datetime.datetime) -> RMA:
        _refuse_missing(kind, parcel, subject)
        if parcel.order_id is not None and parcel.order_id != rma.order_id:
            raise InvalidInput(
                messages.RMA_OTHER_ORDER,
                rma=rma.number,
                rma_order=Order.get_by_id(rma.order_id).number,
                parcel=parcel.receipt_key,
                order=Order.get_by_id(parcel.order_id).number,
            )
        if kind == NO_RMA:
            steps.link_rma(_step_context(sup, now), parcel.id, rma)
            if parcel.state == "closed":  # as closing it would have left the RMA
                RMA.update(status="received").where(RMA.id == rma.id).execute()
        return rma

    _resolve(sup, subject, LINKED, note, link)


def link_to_order(sup: Supervisor, subject: str, order_number: str, note: str = "") -> None:
    """Resolve the exception by settling it against the order ``order_number``."""
    order = parcel_queries.order_by_number(order_number.strip().upper())
    if order is None:
        raise NotFound(messages.ORDER_NOT_FOUND, order=order_number.strip()[:40])

    def link(parcel: Parcel, kind: str, now: datetime.datetime) -> None:
        _refuse_missing(kind, parcel, subject)
        if parcel.order_id is None:
            steps.update_parcel(
                _step_context(sup, now), parcel.id, "parcel.order_linked", order=order.id
            )
        elif parcel.order_id != order.id:
            current = Order.get_by_id(parcel.order_id).number
            raise InvalidInput(
                messages.ORDER_DIFFERS,
                parcel=parcel.receipt_key,
                current=current,
                order=order.number,
            )

    _resolve(sup, subject, LINKED, note, link)


def close_exception(sup: Supervisor, subject: str, reason: str) -> None:
    """Resolve the exception by closing it; the reason is required."""
    why = reason.strip()
    if not why or len(why) > NOTE_MAX_LENGTH:
        raise InvalidInput(messages.REASON_NEEDED, limit=NOTE_MAX_LENGTH)
    _resolve(sup, subject, CLOSED, why, lambda _parcel, _kind, _now: None)


def _refuse_missing(kind: str, parcel: Parcel, subject: str) -> None:
    if kind == MISSING:
        raise InvalidInput(messages.CANNOT_LINK_MISSING, subject=subject)


def _step_context(sup: Supervisor, now: datetime.datetime) -> steps.StepContext:
    # The LPN prefix is only used to number received units, which resolving never does.
    return steps.StepContext(sup.user.id, sup.station.id, sup.actor, now, lpn_prefix="")


def _resolve(sup: Supervisor, subject: str, action: str, note: str, step: _Step) -> None:
    """Check the exception is open, take ``step`` on it, record the resolution, audit it."""
    if len(note.strip()) > NOTE_MAX_LENGTH:
        raise InvalidInput(messages.NOTE_TOO_LONG, limit=NOTE_MAX_LENGTH)
    now = sup.clock.now()
    try:
        with storage_errors(), write_transaction(sup.database):
            parcel, unit, kind = _open_exception(subject)
            rma = step(parcel, kind, now)
            row = ExceptionResolution.create(
                subject=subject,
                kind=kind,
                parcel=parcel.id,
                unit=unit.id if unit is not None else None,
                action=action,
                rma=rma.id if rma is not None else None,
                reason=note.strip(),
                resolved_by=sup.user.id,
                resolved_at=now,
            )
            append_audit(
                sup.actor,
                now,
                "exception.resolved",
                "exception",
                subject,
                None,
                {
                    "id": row.id,
                    "kind": kind,
                    "action": action,
                    "rma": rma.number if rma is not None else None,
                    "order_id": Parcel.get_by_id(parcel.id).order_id,
                    "reason": note.strip(),
                },
            )
    except peewee.IntegrityError:
        _refuse_if_resolved(subject)  # another supervisor resolved it meanwhile
        raise


def _open_exception(subject: str) -> tuple[Parcel, Unit | None, str]:
    """The locked parcel (and unit) of an exception that is still open, and its kind."""
    head, _, rest = subject.partition(":")
    name, _, kind = rest.rpartition(":")
    unit: Unit | None = None
    parcel: Parcel | None = None
    if head == "parcel" and name.isdigit() and kind in (NO_RMA, MISSING):
        parcel = for_update(Parcel.select().where(Parcel.id == int(name))).first()
    elif head == "unit" and kind in {str(k) for k in UNIT_KINDS}:
        unit = for_update(Unit.select().where(Unit.lpn == name)).first()
        if unit is not None and unit.match == kind:
            parcel = for_update(Parcel.select().where(Parcel.id == unit.parcel_id)).first()
    if parcel is None:
        raise NotFound(messages.NO_SUCH_EXCEPTION, subject=subject[:120])
    _refuse_if_resolved(subject)
    still_open = {
        NO_RMA: parcel.is_exception,
        MISSING: parcel.state == "closed" and parcel.rma_id is not None,
    }.get(kind, True)
    if not still_open:
        raise NotFound(messages.NO_SUCH_EXCEPTION, subject=subject)
    return parcel, unit, kind


def _refuse_if_resolved(subject: str) -> None:
    done = ExceptionResolution.get_or_none(ExceptionResolution.subject == subject)
    if done is not None:
        raise InvalidInput(
            messages.ALREADY_RESOLVED[done.action],
            subject=subject,
            action=done.action,
            user=display_name(done.resolved_by_id),
        )
