"""Vendor-return batches in the demo history, kept as the dock would have kept them (no Qt).

Units routed to ``vendor_return`` collect in the open batch of their product's vendor, as
``collect_routed_unit`` does when a unit is routed; re-routed elsewhere, they leave it while it
is open. Some days after a batch opened, a supervisor records the vendor's RMA number and closes
it into 1 to 3 cartons with SSCCs from the dock's company prefix; most closed batches leave a
day or two later, once their units are put away, and their units are "shipped". A batch opened
lately is still open. Batch numbers and SSCC serials come from the live counters.

The routings are applied in time order one day at a time, after the day's rows are written, so
their audit records join the queue before it is flushed past them. Draws come from a ``Random``
of their own, so the rest of the history is the same with or without them.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from db.models import PrintJob, Product, RtvBatch, RtvBatchLine, RtvCarton, Unit, Vendor
from db.queries.units import next_in_sequence
from receiving_app.demo.history_setup import Person
from receiving_app.demo.history_tables import HistoryPart
from receiving_app.vendor_returns.batches import CARTON_LABEL, carton_label_fields, carton_sizes
from receiving_app.vendor_returns.collecting import (
    BATCH_COUNTER,
    OPEN,
    VENDOR_RETURN,
    batch_number,
)
from receiving_app.vendor_returns.prefix_setting import serial_counter
from receiving_app.vendor_returns.sscc import CompanyPrefix, build_sscc, parse_company_prefix

CLOSE_AFTER_DAYS = (4, 8)  # a batch is closed this many days after it opened
SHIP_AFTER_DAYS = (1, 2)  # and leaves this many days after it was closed
SHIPPED_PERCENT = 85  # of closed batches, when that day is past
MAX_CARTONS = 3
CARRIERS = ("SF Express", "Deppon Express", "JD Logistics")
WORKDAY_START = datetime.time(9)
WORKDAY_MINUTES = 8 * 60
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class _Routing:
    """One routing of a unit whose product has a vendor and that went to ``vendor_return``
    at least once."""

    at: datetime.datetime
    disposition_id: int
    unit_id: int
    lpn: str
    product_id: int
    route: str
    by_id: int


@dataclass
class _Batch:
    id: int
    number: str
    vendor_id: int
    close_at: datetime.datetime
    lines: dict[int, tuple[int, str]] = field(default_factory=dict)
    """Unit id → (batch line id, LPN)."""


@dataclass
class PastVendorReturns(HistoryPart):
    """Collects the routed units of each day's rows (``draw`` before the rows are written) in
    their vendor's batch, and closes and ships the batches (``write`` after)."""

    _pending: list[_Routing] = field(default_factory=list)
    _open: dict[int, _Batch] = field(default_factory=dict)  # vendor id → its open batch
    _batch_of: dict[int, _Batch] = field(default_factory=dict)  # unit id → the batch it is in
    _products: dict[int, tuple[int, Decimal]] = field(default_factory=dict)
    _vendor_codes: dict[int, str] = field(default_factory=dict)
    _people: dict[int, Person] = field(default_factory=dict)
    _company: CompanyPrefix = field(init=False)

    def __post_init__(self) -> None:
        # Imported here: the generator imports the history.
        from receiving_app.demo.generator import DEMO_GS1_PREFIX

        self._company = parse_company_prefix(DEMO_GS1_PREFIX)
        query = Product.select(Product.id, Product.vendor, Product.unit_cost)
        for product in query:
            if product.vendor_id is not None:
                self._products[product.id] = (product.vendor_id, product.unit_cost)
        self._vendor_codes = {vendor.id: vendor.code for vendor in Vendor.select()}
        setup = self.setup
        people = (*setup.dock, *setup.inspectors, *setup.supervisors)
        self._people = {person.id: person for person in people}

    def draw(self) -> None:
        """Note the routings of the drawn units that went back to a vendor at least once."""
        returned = {row[1] for row in self.rows.dispositions if row[4] == VENDOR_RETURN}
        units = {
            row[0]: row
            for row in self.rows.units
            if row[0] in returned and row[4] in self._products
        }
        for row in self.rows.dispositions:
            unit = units.get(row[1])
            if unit is not None:
                routing = _Routing(row[10], row[0], unit[0], unit[1], unit[4], row[4], row[9])
                self._pending.append(routing)

    def write(self, until: datetime.datetime) -> None:
        """Apply the routings, closings and shipments before ``until``, in order of time."""
        due = [routing for routing in self._pending if routing.at < until]
        self._pending = [routing for routing in self._pending if routing.at >= until]
        for routing in sorted(due, key=lambda routing: (routing.at, routing.disposition_id)):
            self._close_due(routing.at)
            self._route(routing)
        self._close_due(min(until, self.now))

    def _route(self, routing: _Routing) -> None:
        """As ``collect_routed_unit``: in its vendor's open batch, or out of it while open."""
        batch = self._batch_of.get(routing.unit_id)
        if routing.route == VENDOR_RETURN:
            if batch is None:
                self._add(routing)
        elif batch is not None and self._open.get(batch.vendor_id) is batch:
            self._remove(routing, batch)

    def _add(self, routing: _Routing) -> None:
        vendor_id, cost = self._products[routing.product_id]
        batch = self._open.get(vendor_id) or self._open_batch(vendor_id, routing.at)
        line = RtvBatchLine.create(
            batch=batch.id, unit=routing.unit_id, cost=cost, added_at=routing.at
        )
        batch.lines[routing.unit_id] = (line.id, routing.lpn)
        self._batch_of[routing.unit_id] = batch
        after = {"lpn": routing.lpn, "cost": str(cost)}
        self._audit_unit(routing, "rtv_batch.unit_added", batch, None, after)

    def _remove(self, routing: _Routing, batch: _Batch) -> None:
        line_id, _ = batch.lines.pop(routing.unit_id)
        del self._batch_of[routing.unit_id]
        RtvBatchLine.delete().where(RtvBatchLine.id == line_id).execute()
        self._audit_unit(routing, "rtv_batch.unit_removed", batch, {"lpn": routing.lpn}, None)

    def _audit_unit(
        self,
        routing: _Routing,
        action: str,
        batch: _Batch,
        before: Mapping[str, object] | None,
        after: Mapping[str, object] | None,
    ) -> None:
        actor = self._people[routing.by_id].actor
        self.audit.add(actor, routing.at, action, "rtv_batch", batch.number, before, after)

    def _open_batch(self, vendor_id: int, at: datetime.datetime) -> _Batch:
        number = batch_number(next_in_sequence(BATCH_COUNTER))
        row = RtvBatch.create(
            number=number, vendor=vendor_id, open_key=vendor_id, state=OPEN, opened_at=at
        )
        batch = _Batch(row.id, number, vendor_id, self._workday_time(at.date(), CLOSE_AFTER_DAYS))
        self._open[vendor_id] = batch
        return batch

    def _workday_time(self, day: datetime.date, after_days: tuple[int, int]) -> datetime.datetime:
        """A time in the working hours of a day ``after_days`` (low, high) after ``day``."""
        later = day + self.rng.randint(*after_days) * DAY
        start = datetime.datetime.combine(later, WORKDAY_START)
        return start + self.rng.randint(0, WORKDAY_MINUTES) * MINUTE

    def _close_due(self, at: datetime.datetime) -> None:
        """Close the open batches due by ``at``; one emptied by re-routes waits longer."""
        for batch in sorted(self._open.values(), key=lambda batch: batch.close_at):
            if batch.close_at > at:
                break
            if not batch.lines:
                batch.close_at = self._workday_time(batch.close_at.date(), CLOSE_AFTER_DAYS)
                continue
            del self._open[batch.vendor_id]
            self._close(batch)

    def _close(self, batch: _Batch) -> None:
        """As ``set_vendor_rma`` and then ``close_batch`` would, by one supervisor."""
        supervisor = self.rng.choice(self.setup.supervisors)
        vendor_rma = f"{self._vendor_codes[batch.vendor_id]}-RA{self.rng.randint(10000, 99999)}"
        rma_at = batch.close_at - self.rng.randint(10, 120) * MINUTE
        cartons = min(self.rng.randint(1, MAX_CARTONS), len(batch.lines))
        RtvBatch.update(vendor_rma=vendor_rma).where(RtvBatch.id == batch.id).execute()
        ssccs = self._pack(batch, cartons)
        RtvBatch.update(
            state="closed", open_key=None, closed_at=batch.close_at, closed_by=supervisor.id
        ).where(RtvBatch.id == batch.id).execute()
        actor = supervisor.actor
        self.audit.add(
            actor,
            rma_at,
            "rtv_batch.vendor_rma",
            "rtv_batch",
            batch.number,
            {"vendor_rma": None},
            {"vendor_rma": vendor_rma},
        )
        after = {"state": "closed", "units": len(batch.lines), "ssccs": list(ssccs)}
        self.audit.add(
            actor,
            batch.close_at,
            "rtv_batch.closed",
            "rtv_batch",
            batch.number,
            {"state": OPEN},
            after,
        )
        if self.rng.randrange(100) < SHIPPED_PERCENT:
            self._ship(batch)

    def _pack(self, batch: _Batch, count: int) -> list[str]:
        """Cartons with SSCCs, the lines in LPN order, printed labels; the SSCCs in order."""
        row = RtvBatch.get_by_id(batch.id)
        lines = sorted(batch.lines.values(), key=lambda line: line[1])
        sizes = carton_sizes(len(lines), count)
        ssccs = []
        start = 0
        for number, size in enumerate(sizes, start=1):
            sscc = build_sscc(self._company, next_in_sequence(serial_counter(self._company)))
            carton = RtvCarton.create(batch=batch.id, number=number, sscc=sscc)
            chosen = [line_id for line_id, _ in lines[start : start + size]]
            RtvBatchLine.update(carton=carton.id).where(RtvBatchLine.id.in_(chosen)).execute()
            start += size
            ssccs.append(sscc)
            label = carton_label_fields(
                row, self._company, sscc, number, count, size, self.setup.station_id
            )
            self._print(sscc, label, batch.close_at)
        return ssccs

    def _print(self, sscc: str, payload: dict[str, object], at: datetime.datetime) -> None:
        """A carton label, printed a few seconds after it was queued."""
        row = (
            self.tables.take_id(PrintJob),
            CARTON_LABEL,
            sscc,
            json.dumps(payload, ensure_ascii=False),
            "printed",
            self.setup.station_id,
            at,
            "label",
            1,
            at + datetime.timedelta(seconds=self.rng.randint(1, 8)),
        )
        self.tables.print_jobs.write([row])

    def _ship(self, batch: _Batch) -> None:
        """As ``ship_batch`` would, a day or two after closing, once every put-away is done."""
        supervisor = self.rng.choice(self.setup.supervisors)
        at = self._workday_time(batch.close_at.date(), SHIP_AFTER_DAYS)
        lag = self.rng.randint(30, 120) * MINUTE
        carrier = self.rng.choice(CARRIERS)
        tracking = str(self.rng.randint(10**11, 10**12 - 1))
        unit_ids = list(batch.lines)
        for unit in Unit.select(Unit.moved_at).where(Unit.id.in_(unit_ids)):
            if unit.moved_at is not None:
                at = max(at, unit.moved_at + lag)
        if at >= self.now:
            return
        RtvBatch.update(
            state="shipped",
            shipped_on=at.date(),
            carrier=carrier,
            tracking=tracking,
            shipped_at=at,
            shipped_by=supervisor.id,
        ).where(RtvBatch.id == batch.id).execute()
        count = Unit.update(state="shipped").where(Unit.id.in_(unit_ids)).execute()
        after = {
            "state": "shipped",
            "shipped_on": at.date().isoformat(),
            "carrier": carrier,
            "tracking": tracking,
            "units": count,
        }
        self.audit.add(
            supervisor.actor,
            at,
            "rtv_batch.shipped",
            "rtv_batch",
            batch.number,
            {"state": "closed"},
            after,
        )
