"""Dock exceptions in the demo history, and how supervisors resolved them (no Qt).

Besides the day's returns (``PastReturns``), per hundred parcels about one and a half more
arrive with no RMA: a tracking number nobody expects, so receiving opens the parcel as an
exception (``is_exception``, receipt key its tracking number, units ``no_rma``). About three
more hold a unit that is not what was authorised, in turn: another item of the order
(``wrong_item``), a serialised unit whose serial was not sold on the order (``serial_mismatch``),
or a second unit of a line that allows one (``extra``, after the ``matched`` one). They are
the parcels of single-unit RMAs that never came back otherwise (``returned_rmas`` left them
out), received after the day's last parcel was closed, with the rows, labels, LPNs and audit
records ``receiving.steps`` writes.

Supervisors resolve most exceptions one hour to two days after they were opened, as
``supervisor.exception_resolutions`` records them: a parcel without RMA whose contents are a
waiting RMA's is linked to it (``parcel.rma_linked``), one that matches nothing is closed with
a reason; unit exceptions are mostly closed with a reason, some linked to the parcel's RMA.
Where that leaves the parcel's RMA line short (the wrong item came instead of the authorised
one; a linked parcel's units were received before it had an RMA) the supervisor closes that
``missing`` exception too. Nothing is resolved in the last two days: those exceptions wait.

The units of these parcels stay "received", held with their exception and not inspected: the
history's put-away, vendor-return and review parts draw from the units they are shown, and
they are never shown these, so their draws stay the same. Draws come from a ``Random`` of
their own, so the rest of the history is the same with or without exceptions, but for the ids
and LPN numbers that follow the first exception parcel.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from db.models import (
    RMA,
    ExceptionResolution,
    OrderLine,
    Parcel,
    PrintJob,
    RMALine,
    SoldSerial,
    Unit,
)
from receiving_app.demo.history_setup import Person
from receiving_app.demo.history_tables import HistoryPart
from receiving_app.demo.past_returns import PastReturns
from receiving_app.demo.returns import ReturnedRMA
from receiving_app.demo.tracking import UNIQUE_SPACE, TrackingNumbers
from receiving_app.receiving.matching import Match
from receiving_app.receiving.steps import LPN_DIGITS
from receiving_app.supervisor.exception_queue import MISSING, NO_RMA, parcel_subject, unit_subject
from receiving_app.supervisor.exception_resolutions import CLOSED, LINKED

UNIT_PER_MILLE = 30  # of the day's parcels: one more parcel comes with a unit exception
NO_RMA_PER_MILLE = 15  # and one more comes without an RMA
UNIT_KINDS = (Match.WRONG_ITEM, Match.SERIAL_MISMATCH, Match.EXTRA)  # taken in turn
LINKABLE_PERCENT = 75  # of parcels without RMA: they hold a waiting RMA's item
RESOLVED_PERCENT = 90  # of exceptions old enough: resolved by a supervisor
UNIT_LINKED_PERCENT = 25  # of resolved unit exceptions: settled under the parcel's RMA
WAITING_DAYS = 2  # nothing is resolved in the last days
RMA_AGE_DAYS = (2, 20)  # an exception parcel's RMA was created this many days before it came
COURIERS = ("sf_express", "jd_logistics", "yto", "zto", "yunda", "jt_express")
SERIAL_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # as the demo's sold serials
CLOSE_REASONS: dict[str, tuple[str, ...]] = {
    NO_RMA: (
        "No order or RMA found; parcel held for the customer to contact us.",
        "Sender unknown; refused and returned to the courier.",
    ),
    Match.WRONG_ITEM: (
        "Customer sent a different colour; refund the ordered item.",
        "Customer sent another item of the order by mistake; asked for the authorised one.",
    ),
    Match.SERIAL_MISMATCH: (
        "Serial is on the repair record: a warranty replacement unit.",
        "Serial checked with the store: sold from its stock; accepted.",
    ),
    Match.EXTRA: (
        "Customer sent two by mistake; the extra unit goes back to them.",
        "Extra unit accepted by agreement; refund both.",
    ),
}
LINK_NOTE = "RMA found from the customer's name on the packing slip."
MISSING_REASONS = {
    NO_RMA: "Units were received before the RMA was linked; all there.",
    Match.WRONG_ITEM: "The authorised item did not come; see the wrong item in the parcel.",
}
SECOND = datetime.timedelta(seconds=1)
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class _Rma:
    """A waiting single-unit RMA: its one line's order line and product."""

    id: int
    number: str
    order_id: int
    created_at: datetime.datetime
    carrier: str | None
    tracking: str | None
    rma_line_id: int
    order_line_id: int
    product_id: int


@dataclass(frozen=True)
class _Unit:
    """One unit as the dock scanned it, and how it matched."""

    product_id: int
    serial: str | None
    match: str
    rma_line_id: int | None


@dataclass(frozen=True)
class _Parcel:
    """An exception parcel drawn: what it came under, what was in it, and when."""

    kind: str
    rma: _Rma | None
    """The parcel's RMA: known at the dock for unit exceptions, found later for ``no_rma``."""
    units: tuple[_Unit, ...]
    arrived_at: datetime.datetime
    unit_times: tuple[datetime.datetime, ...]
    closed_at: datetime.datetime


@dataclass(frozen=True)
class _Resolution:
    subject: str
    kind: str
    parcel_id: int
    unit_id: int | None
    action: str
    rma: _Rma | None
    order_id: int | None
    reason: str
    by: Person
    at: datetime.datetime


@dataclass
class PastExceptions(HistoryPart):
    """Receives the day's exception parcels after the others (``draw`` before the day's rows
    are written) and resolves their exceptions (``write`` after)."""

    returns: PastReturns
    returned: list[ReturnedRMA]
    _waiting: list[_Rma] = field(default_factory=list)
    _used: set[int] = field(default_factory=set)  # RMAs a parcel of the history brings
    _turn: int = 0
    _unknown: int = 0
    _resolutions: list[_Resolution] = field(default_factory=list)
    _tracking: TrackingNumbers = field(default_factory=TrackingNumbers)

    def __post_init__(self) -> None:
        """Read the open RMAs of one line of one unit that no parcel of the history brings."""
        self._used = {rma.id for rma in self.returned}
        query = (
            RMA.select(
                RMA.id,
                RMA.number,
                RMA.order,
                RMA.created_at,
                RMA.expected_carrier,
                RMA.expected_tracking,
                RMALine.id,
                OrderLine.id,
                OrderLine.product,
                RMALine.quantity,
            )
            .join(RMALine)
            .join(OrderLine)
            .where((RMA.status == "open") & (RMA.created_at < self.now))
            .order_by(RMA.id, RMALine.id)
            .tuples()
        )
        lines: dict[int, list[tuple[_Rma, int]]] = {}
        for *values, quantity in query.iterator():
            rma = _Rma(*values)
            lines.setdefault(rma.id, []).append((rma, quantity))
        self._waiting = [found[0][0] for found in lines.values() if [q for _, q in found] == [1]]

    def draw(self) -> None:
        """Receive the day's exception parcels after its last parcel was closed."""
        if not self.rows.parcels:
            return
        free = max(parcel[14] for parcel in self.rows.parcels)
        for kind in self._kinds(len(self.rows.parcels)):
            parcel = self._parcel(kind, free + self.rng.randint(3, 30) * MINUTE)
            if parcel is None or parcel.closed_at >= self.now:
                continue
            self._receive(parcel)
            free = parcel.closed_at

    def _kinds(self, parcels: int) -> list[str]:
        """The exceptions that come in besides ``parcels`` parcels, unit kinds in turn."""
        kinds = []
        for _ in range(parcels):
            point = self.rng.randrange(1000)
            if point < UNIT_PER_MILLE:
                kinds.append(str(UNIT_KINDS[self._turn % len(UNIT_KINDS)]))
                self._turn += 1
            elif point < UNIT_PER_MILLE + NO_RMA_PER_MILLE:
                kinds.append(NO_RMA)
        return kinds

    def _parcel(self, kind: str, at: datetime.datetime) -> _Parcel | None:
        """What arrives at ``at``: None when no waiting RMA fits the exception."""
        rma = self._pick(kind, at)
        if kind == NO_RMA:
            if self.rng.randrange(100) >= LINKABLE_PERCENT:
                rma = None
            units = self._unknown_units(rma)
        elif rma is None:
            return None
        else:
            units = self._exception_units(kind, rma)
        if rma is not None:
            self._used.add(rma.id)
        arrived_at, times = at, []
        for _ in units:
            at += self.rng.randint(15, 90) * SECOND
            times.append(at)
        closed_at = at + self.rng.randint(30, 180) * SECOND
        return _Parcel(kind, rma, units, arrived_at, tuple(times), closed_at)

    def _pick(self, kind: str, at: datetime.datetime) -> _Rma | None:
        """A waiting RMA created a few days before ``at`` that fits ``kind``."""
        first, last = at - RMA_AGE_DAYS[1] * DAY, at - RMA_AGE_DAYS[0] * DAY
        fits = [
            rma
            for rma in self._waiting
            if first <= rma.created_at < last and rma.id not in self._used
        ]
        for rma in self.rng.sample(fits, len(fits)):
            if kind == Match.WRONG_ITEM and not self._other_lines(rma):
                continue
            serialised = self.setup.products[rma.product_id].serialised
            if kind == Match.SERIAL_MISMATCH and not (serialised and _sold(rma.order_line_id)):
                continue
            return rma
        return None

    def _exception_units(self, kind: str, rma: _Rma) -> tuple[_Unit, ...]:
        """The units of ``rma``'s parcel, the last one the exception."""
        product = rma.product_id
        if kind == Match.WRONG_ITEM:
            order_line, other = self.rng.choice(self._other_lines(rma))
            return (_Unit(other, self._serial(other, order_line), kind, None),)
        if kind == Match.SERIAL_MISMATCH:
            return (_Unit(product, self._foreign_serial(rma.order_line_id), kind, rma.rma_line_id),)
        matched = _Unit(
            product, self._serial(product, rma.order_line_id), "matched", rma.rma_line_id
        )
        extra = self._foreign_serial(rma.order_line_id) if matched.serial is not None else None
        return matched, _Unit(product, extra, kind, rma.rma_line_id)

    def _unknown_units(self, rma: _Rma | None) -> tuple[_Unit, ...]:
        """What a parcel without RMA holds: the RMA's item, or one or two of anything."""
        if rma is not None:
            serial = self._serial(rma.product_id, rma.order_line_id)
            return (_Unit(rma.product_id, serial, NO_RMA, None),)
        products = self.rng.sample(sorted(self.setup.products), self.rng.randint(1, 2))
        return tuple(
            _Unit(product, self._serial(product, None), NO_RMA, None) for product in products
        )

    def _other_lines(self, rma: _Rma) -> list[tuple[int, int]]:
        """(order line, product) of the order's other products."""
        query = (
            OrderLine.select(OrderLine.id, OrderLine.product)
            .where((OrderLine.order == rma.order_id) & (OrderLine.product != rma.product_id))
            .order_by(OrderLine.id)
        )
        return [(line.id, line.product_id) for line in query]

    def _serial(self, product_id: int, order_line_id: int | None) -> str | None:
        """A unit's serial: one sold on the order line when it has any."""
        if not self.setup.products[product_id].serialised:
            return None
        sold = _sold(order_line_id) if order_line_id is not None else []
        return sold[0] if sold else self._foreign_serial(order_line_id)

    def _foreign_serial(self, order_line_id: int | None) -> str:
        """A serial that was not sold on the order line."""
        sold = set(_sold(order_line_id)) if order_line_id is not None else set()
        while True:
            serial = "SN" + "".join(self.rng.choices(SERIAL_CHARS, k=10))
            if serial not in sold:
                return serial

    def _receive(self, parcel: _Parcel) -> None:
        """The parcel's rows, labels and audit records, and its exception's resolution."""
        parcel_id = self.tables.take_id(Parcel)
        dock = self.rng.choice(self.setup.dock)
        known = parcel.rma if parcel.kind != NO_RMA else None
        key, tracking, carrier = self._receipt(known)
        snapshot: dict[str, object] = {
            "receipt_key": key,
            "tracking_number": tracking,
            "carrier": carrier,
            "rma_id": known.id if known is not None else None,
            "order_id": known.order_id if known is not None else None,
            "condition": "intact",
            "note": "",
            "is_exception": known is None,
            "state": "open",
        }
        self.audit.add(
            dock.actor, parcel.arrived_at, "parcel.received", "parcel", parcel_id, None, snapshot
        )
        lpns = [
            self._receive_unit(parcel_id, known, unit, dock, at)
            for unit, at in zip(parcel.units, parcel.unit_times, strict=True)
        ]
        closed = {**snapshot, "state": "closed"}
        self.audit.add(
            dock.actor, parcel.closed_at, "parcel.closed", "parcel", parcel_id, snapshot, closed
        )
        self._print_parcel_label(parcel, key, tracking, carrier, known)
        final = self._resolve(parcel, parcel_id, lpns[-1], closed)
        linked = final.get("rma_id")
        self.rows.parcels.append(
            (
                parcel_id,
                key,
                tracking,
                carrier,
                carrier or "",
                linked,
                final.get("order_id"),
                "intact",
                "",
                linked is None,
                "closed",
                self.setup.station_id,
                dock.id,
                parcel.arrived_at,
                parcel.closed_at,
            )
        )
        if isinstance(linked, int):
            self.returns.received_rma_ids.append(linked)
        self.counts["parcels"] += 1
        self.counts["units"] += len(parcel.units)

    def _receipt(self, rma: _Rma | None) -> tuple[str, str | None, str | None]:
        """(receipt key, tracking number, carrier): the RMA's, or a label nobody expects."""
        if rma is not None:
            key = f"T:{rma.tracking}" if rma.tracking else f"R:{rma.number}"
            return key, rma.tracking, rma.carrier
        self._unknown += 1  # counted down from the top: RMAs count up from the bottom
        carrier, tracking = self._tracking.make(
            self.rng.choice(COURIERS), self.rng, UNIQUE_SPACE - self._unknown
        )
        return f"T:{tracking}", tracking, carrier

    def _receive_unit(
        self,
        parcel_id: int,
        rma: _Rma | None,
        unit: _Unit,
        dock: Person,
        at: datetime.datetime,
    ) -> tuple[int, str]:
        """The unit's row, label and audit record; its id and LPN."""
        unit_id = self.tables.take_id(Unit)
        self.returns.last_lpn += 1
        lpn = f"{self.returns.lpn_prefix}{self.returns.last_lpn:0{LPN_DIGITS}d}"
        if unit.serial is not None:
            scope = f"r{rma.id}" if rma is not None else f"p{parcel_id}"
            receipt_key = f"S:{scope}:{unit.product_id}:{unit.serial}"
        else:
            same = sum(1 for row in self.rows.units if row[3:5] == (parcel_id, unit.product_id))
            receipt_key = f"Q:{parcel_id}:{unit.product_id}:{same + 1}"
        product = self.setup.products[unit.product_id]
        self.rows.units.append(
            (
                unit_id,
                lpn,
                receipt_key,
                parcel_id,
                unit.product_id,
                unit.rma_line_id,
                unit.serial,
                unit.match,
                "received",
                self.setup.station_id,
                dock.id,
                at,
                None,
                None,
                None,
            )
        )
        label = {
            "lpn": lpn,
            "sku": product.sku,
            "product_name": product.name,
            "rma": rma.number if rma is not None else "",
            "serial": unit.serial,
            "received_at": at.isoformat(sep=" "),
            "station": self.setup.station_code,
        }
        self._print("lpn", lpn, label, at)
        after = {
            "lpn": lpn,
            "parcel_id": parcel_id,
            "sku": product.sku,
            "serial": unit.serial,
            "match": unit.match,
            "rma_line_id": unit.rma_line_id,
        }
        self.audit.add(dock.actor, at, "unit.received", "unit", lpn, None, after)
        return unit_id, lpn

    def _print_parcel_label(
        self,
        parcel: _Parcel,
        key: str,
        tracking: str | None,
        carrier: str | None,
        rma: _Rma | None,
    ) -> None:
        label = {
            "receipt_key": key,
            "tracking_number": tracking,
            "carrier": carrier,
            "rma": rma.number if rma is not None else None,
            "received_at": parcel.arrived_at.isoformat(sep=" ", timespec="minutes"),
            "station": self.setup.station_code,
            "unit_count": len(parcel.units),
            "condition": "intact",
            "exception": rma is None,
        }
        self._print("parcel", key[:64], label, parcel.closed_at)

    def _print(
        self, kind: str, reference: str, payload: Mapping[str, object], at: datetime.datetime
    ) -> None:
        """A label job, printed a few seconds after it was queued."""
        self.rows.print_jobs.append(
            (
                self.tables.take_id(PrintJob),
                kind,
                reference,
                json.dumps(payload, ensure_ascii=False),
                "printed",
                self.setup.station_id,
                at,
                "label",
                1,
                at + self.rng.randint(1, 8) * SECOND,
            )
        )

    def _resolve(
        self,
        parcel: _Parcel,
        parcel_id: int,
        exception_unit: tuple[int, str],
        closed: dict[str, object],
    ) -> dict[str, object]:
        """Plan the exception's resolution, if any; the parcel's fields as it leaves them."""
        if parcel.kind == NO_RMA:
            subject, unit_id, opened = parcel_subject(parcel_id, NO_RMA), None, parcel.arrived_at
        else:
            unit_id, lpn = exception_unit
            subject, opened = unit_subject(lpn, parcel.kind), parcel.unit_times[-1]
        at = opened + self.rng.randint(60, 48 * 60) * MINUTE
        if self.rng.randrange(100) >= RESOLVED_PERCENT or at >= self.now - WAITING_DAYS * DAY:
            return closed
        by = self.rng.choice(self.setup.supervisors)
        rma = parcel.rma
        if parcel.kind == NO_RMA:
            action = LINKED if rma is not None else CLOSED
        else:
            action = LINKED if self.rng.randrange(100) < UNIT_LINKED_PERCENT else CLOSED
        after = closed
        if parcel.kind == NO_RMA and rma is not None:
            after = {**closed, "rma_id": rma.id, "order_id": rma.order_id, "is_exception": False}
            self.audit.add(by.actor, at, "parcel.rma_linked", "parcel", parcel_id, closed, after)
        order_id = after["order_id"] if isinstance(after["order_id"], int) else None
        reason = self._reason(parcel.kind, action)
        self._resolutions.append(
            _Resolution(
                subject,
                parcel.kind,
                parcel_id,
                unit_id,
                action,
                rma if action == LINKED else None,
                order_id,
                reason,
                by,
                at,
            )
        )
        missing = MISSING_REASONS.get(parcel.kind)
        if missing is not None and order_id is not None:
            later = at + self.rng.randint(1, 10) * MINUTE
            self._resolutions.append(
                _Resolution(
                    parcel_subject(parcel_id, MISSING),
                    MISSING,
                    parcel_id,
                    None,
                    CLOSED,
                    None,
                    order_id,
                    missing,
                    by,
                    later,
                )
            )
        return after

    def _reason(self, kind: str, action: str) -> str:
        if action == CLOSED:
            return self.rng.choice(CLOSE_REASONS[kind])
        return LINK_NOTE if kind == NO_RMA else ""

    def write(self) -> None:
        """Store the resolutions (their parcels and units exist now) and queue their records."""
        for item in self._resolutions:
            row = ExceptionResolution.create(
                subject=item.subject,
                kind=item.kind,
                parcel=item.parcel_id,
                unit=item.unit_id,
                action=item.action,
                rma=item.rma.id if item.rma is not None else None,
                reason=item.reason,
                resolved_by=item.by.id,
                resolved_at=item.at,
            )
            after = {
                "id": row.id,
                "kind": item.kind,
                "action": item.action,
                "rma": item.rma.number if item.rma is not None else None,
                "order_id": item.order_id,
                "reason": item.reason,
            }
            self.audit.add(
                item.by.actor, item.at, "exception.resolved", "exception", item.subject, None, after
            )
        self._resolutions.clear()


def _sold(order_line_id: int) -> list[str]:
    """The serials sold on the order line, in id order."""
    query = (
        SoldSerial.select(SoldSerial.serial)
        .where(SoldSerial.order_line == order_line_id)
        .order_by(SoldSerial.id)
    )
    return [row.serial for row in query]
