"""Changing a vendor-return batch: the vendor's RMA number, closing, shipping (no Qt).

Each change is one write transaction that locks the batch row first (``for_update``) and writes
its audit record, so two supervisors closing or shipping the same batch at once get one result:
the second one is told what the first did. Refusals change nothing.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass

import peewee

from db.models import PrintJob, RtvBatch, RtvBatchLine, RtvCarton, Station, Unit, User, Vendor
from db.queries.units import next_in_sequence
from db.transactions import for_update, storage_errors, write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.vendor_returns.prefix_setting import company_prefix, serial_counter
from receiving_app.vendor_returns.sscc import CompanyPrefix, build_sscc
from receiving_app.vendor_returns.views import NO_SUCH_BATCH

MAX_CARTONS = 99
VENDOR_RMA_MAX = 64
CARRIER_MAX = 32
TRACKING_MAX = 64
CARTON_LABEL = "carton"


@dataclass(frozen=True)
class Acting:
    """Who changes a batch, where and when. ``user_id`` is None for the command line, which
    acts as its station (like ``outcomes export``); the audit record names the station."""

    database: peewee.Database
    actor: Actor
    user_id: int | None
    station_id: int
    now: datetime.datetime


def set_vendor_rma(acting: Acting, number: str, vendor_rma: str) -> str:
    """Record the RMA number the vendor gave for the open batch; returns it as stored.

    Raises:
        InvalidInput: the number is empty, longer than 64 or not printable, or the batch is
            no longer open (its paperwork is printed).
        NotFound: no such batch.
    """
    text = vendor_rma.strip()
    if not text or len(text) > VENDOR_RMA_MAX or not text.isprintable():
        raise InvalidInput(BAD_VENDOR_RMA, limit=VENDOR_RMA_MAX)
    with storage_errors(), write_transaction(acting.database):
        batch = _locked(number)
        _require_state(batch, "open")
        RtvBatch.update(vendor_rma=text).where(RtvBatch.id == batch.id).execute()
        _audit(
            acting,
            "rtv_batch.vendor_rma",
            batch,
            {"vendor_rma": batch.vendor_rma},
            {"vendor_rma": text},
        )
    return text


def close_batch(acting: Acting, number: str, cartons: int = 1) -> tuple[str, ...]:
    """Close the open batch into ``cartons`` cartons, each with an SSCC; returns the SSCCs.

    The units go into the cartons in LPN order, evenly (the first cartons take one more when
    they do not divide). The carton labels are queued for the station's label printer.

    Raises:
        InvalidInput: the batch is not open, has no units or no vendor RMA number, ``cartons``
            is not 1 to 99 or more than the units, or the dock has no GS1 company prefix.
        NotFound: no such batch.
    """
    with storage_errors(), write_transaction(acting.database):
        batch = _locked(number)
        _require_state(batch, "open")
        lines = [
            line.id
            for line in RtvBatchLine.select(RtvBatchLine.id)
            .join(Unit, on=RtvBatchLine.unit == Unit.id)
            .where(RtvBatchLine.batch == batch.id)
            .order_by(Unit.lpn)
        ]
        _check_closable(batch, len(lines), cartons)
        company = company_prefix()
        if company is None:
            raise InvalidInput(NO_PREFIX, batch=batch.number)
        ssccs = _pack(acting, batch, company, lines, cartons)
        RtvBatch.update(
            state="closed", open_key=None, closed_at=acting.now, closed_by=acting.user_id
        ).where(RtvBatch.id == batch.id).execute()
        _audit(
            acting,
            "rtv_batch.closed",
            batch,
            {"state": "open"},
            {"state": "closed", "units": len(lines), "ssccs": list(ssccs)},
        )
    return ssccs


def ship_batch(
    acting: Acting,
    number: str,
    carrier: str,
    shipped_on: datetime.date | None = None,
    tracking: str | None = None,
) -> datetime.date:
    """Record that the closed batch left with ``carrier``; its units become "shipped".

    ``shipped_on`` defaults to today and may not lie in the future. Returns the date stored.

    Raises:
        InvalidInput: the carrier is empty or longer than 32, the tracking number longer than
            64 or not printable, the date is in the future, or the batch is not closed.
        NotFound: no such batch.
    """
    carrier_text = carrier.strip()
    if not carrier_text or len(carrier_text) > CARRIER_MAX or not carrier_text.isprintable():
        raise InvalidInput(BAD_CARRIER, limit=CARRIER_MAX)
    tracking_text = (tracking or "").strip() or None
    if tracking_text is not None and (
        len(tracking_text) > TRACKING_MAX or not tracking_text.isprintable()
    ):
        raise InvalidInput(BAD_TRACKING, limit=TRACKING_MAX)
    day = shipped_on or acting.now.date()
    if day > acting.now.date():
        raise InvalidInput(FUTURE_DATE, date=day.isoformat())
    with storage_errors(), write_transaction(acting.database):
        batch = _locked(number)
        _require_state(batch, "closed")
        RtvBatch.update(
            state="shipped",
            shipped_on=day,
            carrier=carrier_text,
            tracking=tracking_text,
            shipped_at=acting.now,
            shipped_by=acting.user_id,
        ).where(RtvBatch.id == batch.id).execute()
        units = RtvBatchLine.select(RtvBatchLine.unit).where(RtvBatchLine.batch == batch.id)
        count = Unit.update(state="shipped").where(Unit.id.in_(units)).execute()
        _audit(
            acting,
            "rtv_batch.shipped",
            batch,
            {"state": "closed"},
            {
                "state": "shipped",
                "shipped_on": day.isoformat(),
                "carrier": carrier_text,
                "tracking": tracking_text,
                "units": count,
            },
        )
    return day


def carton_sizes(units: int, cartons: int) -> list[int]:
    """How many units each carton takes: even, the first ones one more when it does not divide."""
    size, extra = divmod(units, cartons)
    return [size + 1 if index < extra else size for index in range(cartons)]


def _locked(number: str) -> RtvBatch:
    batch = for_update(RtvBatch.select().where(RtvBatch.number == number.strip())).first()
    if batch is None:
        raise NotFound(NO_SUCH_BATCH, batch=number)
    return batch


def _require_state(batch: RtvBatch, state: str) -> None:
    if batch.state == state:
        return
    by = batch.shipped_by_id if batch.state == "shipped" else batch.closed_by_id
    user = User.get_or_none(User.id == by) if by is not None else None
    raise InvalidInput(
        WRONG_STATE,
        batch=batch.number,
        state=batch.state,
        wanted=state,
        user=user.display_name if user is not None else "-",
    )


def _check_closable(batch: RtvBatch, units: int, cartons: int) -> None:
    if units == 0:
        raise InvalidInput(EMPTY_BATCH, batch=batch.number)
    if not batch.vendor_rma:
        raise InvalidInput(NO_VENDOR_RMA, batch=batch.number)
    if not 1 <= cartons <= min(MAX_CARTONS, units):
        raise InvalidInput(BAD_CARTONS, cartons=cartons, limit=min(MAX_CARTONS, units))


def _pack(
    acting: Acting, batch: RtvBatch, company: CompanyPrefix, line_ids: list[int], count: int
) -> tuple[str, ...]:
    """Create the cartons, put the lines in them, queue their labels; the SSCCs in order."""
    ssccs: list[str] = []
    start = 0
    sizes = carton_sizes(len(line_ids), count)
    for number, size in enumerate(sizes, start=1):
        sscc = build_sscc(company, next_in_sequence(serial_counter(company)))
        carton = RtvCarton.create(batch=batch.id, number=number, sscc=sscc)
        chosen = line_ids[start : start + size]
        RtvBatchLine.update(carton=carton.id).where(RtvBatchLine.id.in_(chosen)).execute()
        start += size
        ssccs.append(sscc)
        _queue_label(acting, batch, company, sscc, number, sizes)
    return tuple(ssccs)


def _queue_label(
    acting: Acting,
    batch: RtvBatch,
    company: CompanyPrefix,
    sscc: str,
    number: int,
    sizes: Sequence[int],
) -> None:
    """Queue one carton label; the payload holds ``CartonLabelData``'s fields but captions."""
    payload = carton_label_fields(
        batch, company, sscc, number, len(sizes), sizes[number - 1], acting.station_id
    )
    PrintJob.create(
        kind=CARTON_LABEL,
        reference=sscc,
        payload=json.dumps(payload, ensure_ascii=False),
        station=acting.station_id,
        created_at=acting.now,
    )


def carton_label_fields(
    batch: RtvBatch,
    company: CompanyPrefix,
    sscc: str,
    number: int,
    count: int,
    units: int,
    station_id: int,
) -> dict[str, object]:
    """A carton label's data but its captions: ship from the station, to the vendor."""
    vendor = Vendor.get_by_id(batch.vendor_id)
    return {
        "sscc": sscc,
        "prefix_digits": len(company.prefix),
        "ship_from": Station.get_by_id(station_id).name,
        "ship_to": vendor.name,
        "batch": batch.number,
        "vendor_rma": batch.vendor_rma or "-",
        "carton_number": number,
        "carton_count": count,
        "unit_count": units,
    }


def _audit(
    acting: Acting,
    action: str,
    batch: RtvBatch,
    before: dict[str, object],
    after: dict[str, object],
) -> None:
    append_audit(acting.actor, acting.now, action, "rtv_batch", batch.number, before, after)


BAD_VENDOR_RMA = QT_TRANSLATE_NOOP(
    "VendorReturns",
    "Type the vendor's RMA number: 1 to {limit} printable characters.",
)
BAD_CARRIER = QT_TRANSLATE_NOOP(
    "VendorReturns", "Name the carrier: 1 to {limit} printable characters."
)
BAD_TRACKING = QT_TRANSLATE_NOOP(
    "VendorReturns", "A tracking number is at most {limit} printable characters."
)
FUTURE_DATE = QT_TRANSLATE_NOOP(
    "VendorReturns", "The shipping date {date} is in the future: give the day it left."
)
WRONG_STATE = QT_TRANSLATE_NOOP(
    "VendorReturns", "Batch {batch} is {state} (by {user}), not {wanted}: nothing changed."
)
EMPTY_BATCH = QT_TRANSLATE_NOOP(
    "VendorReturns", "Batch {batch} has no units: there is nothing to close."
)
NO_VENDOR_RMA = QT_TRANSLATE_NOOP(
    "VendorReturns",
    "Batch {batch} has no vendor RMA number: ask the vendor for one and record it first.",
)
BAD_CARTONS = QT_TRANSLATE_NOOP(
    "VendorReturns", "{cartons} cartons will not do: give 1 to {limit} (one unit at least each)."
)
NO_PREFIX = QT_TRANSLATE_NOOP(
    "VendorReturns",
    "Batch {batch} cannot be closed: the dock has no GS1 company prefix for SSCCs. Set it with "
    "`receiving-app rtv prefix --set 0614141` (your own prefix, from GS1).",
)
