"""One returned parcel's past, drawn whole: received, closed, inspected, graded, routed, and the
customer's outcome proposed and decided (no Qt).

Rows are tuples with their ids counted here and handed to ``HistoryTables`` by the caller;
every value is what the desks would have stored (the same receipt keys, LPN numbers from the
station's sequence, label payloads, grades from ``grade_from_answers``, routes from
``decide``, outcomes from ``propose``). Audit records go to the ``AuditQueue``; per-answer
``inspection.answered`` records are left out (the answers are stored rows, and a history of
thousands of units would otherwise need ten records a unit).

``PastReturns`` receives the parcel and its units here; ``PastInspections`` inspects them and
``PastDecisions`` routes them and proposes and decides their customers' outcomes.
"""

from __future__ import annotations

import datetime
import json
import random
from collections import Counter
from collections.abc import Mapping

from db.models import Parcel, PrintJob, Unit
from receiving_app.demo.audit_queue import AuditQueue
from receiving_app.demo.history_setup import HistorySetup, Person
from receiving_app.demo.history_tables import HistoryRows, HistoryTables
from receiving_app.demo.orders import weighted
from receiving_app.demo.past_decisions import PastDecisions
from receiving_app.demo.past_inspections import PastInspections
from receiving_app.demo.returns import ReturnedRMA, ReturnLine
from receiving_app.receiving.steps import LPN_DIGITS

CONDITIONS = (("intact", 86), ("damaged", 7), ("opened", 5), ("wet", 2))


class PastReturns:
    """Draws the past of returned parcels in order of arrival, from one ``Random``."""

    def __init__(
        self,
        setup: HistorySetup,
        tables: HistoryTables,
        audit: AuditQueue,
        rng: random.Random,
        now: datetime.datetime,
        lpn_prefix: str,
    ) -> None:
        self.setup = setup
        self.tables = tables
        self.audit = audit
        self.rng = rng
        self.now = now
        self.lpn_prefix = lpn_prefix
        self.last_lpn = setup.last_lpn
        self.rows = HistoryRows()
        self.counts: Counter[str] = Counter()
        self.received_rma_ids: list[int] = []
        shared = (setup, tables, audit, rng, now, self.rows, self.counts)
        decisions = PastDecisions(*shared, print_label=self._print)
        self.inspections = PastInspections(*shared, decisions=decisions)

    def receive(self, rma: ReturnedRMA) -> None:
        """Draw the parcel of ``rma`` and everything that happened to its units since."""
        rng = self.rng
        parcel_id = self.tables.take_id(Parcel)
        dock = rng.choice(self.setup.dock)
        condition = weighted(rng, CONDITIONS)
        at = rma.arrived_at
        key = f"T:{rma.tracking}" if rma.tracking else f"R:{rma.number}"
        snapshot: dict[str, object] = {
            "receipt_key": key,
            "tracking_number": rma.tracking,
            "carrier": rma.carrier,
            "rma_id": rma.id,
            "order_id": rma.order_id,
            "condition": "intact",
            "note": "",
            "is_exception": False,
            "state": "open",
        }
        self.audit.add(dock.actor, at, "parcel.received", "parcel", parcel_id, None, snapshot)
        units: list[tuple[int, str, str, ReturnLine, str | None, datetime.datetime]] = []
        per_product: Counter[int] = Counter()
        for line in rma.lines:
            missing = line.quantity > 1 and rng.randrange(100) < 5
            for index in range(line.quantity - missing):
                at += datetime.timedelta(seconds=rng.randint(15, 90))
                product = self.setup.products[line.product_id]
                serial = line.serials[index] if product.serialised else None
                per_product[line.product_id] += 1
                unit_key = (
                    f"S:r{rma.id}:{line.product_id}:{serial}"
                    if serial is not None
                    else f"Q:{parcel_id}:{line.product_id}:{per_product[line.product_id]}"
                )
                unit_id, lpn = self._receive_unit(rma, parcel_id, line, serial, dock, at)
                units.append((unit_id, lpn, unit_key, line, serial, at))
        if condition != "intact":  # F6..F8 before closing: the desk audits the change
            before, snapshot = snapshot, {**snapshot, "condition": condition}
            at += datetime.timedelta(seconds=rng.randint(5, 30))
            self.audit.add(
                dock.actor, at, "parcel.condition_set", "parcel", parcel_id, before, snapshot
            )
        closed_at = at + datetime.timedelta(seconds=rng.randint(30, 180))
        self.rows.parcels.append(
            (
                parcel_id,
                key,
                rma.tracking,
                rma.carrier,
                rma.carrier or "",
                rma.id,
                rma.order_id,
                condition,
                "",
                False,
                "closed",
                self.setup.station_id,
                dock.id,
                rma.arrived_at,
                closed_at,
            )
        )
        closed = {**snapshot, "state": "closed"}
        self.audit.add(
            dock.actor, closed_at, "parcel.closed", "parcel", parcel_id, snapshot, closed
        )
        self._print(
            "parcel",
            key[:64],
            {
                "receipt_key": key,
                "tracking_number": rma.tracking,
                "carrier": rma.carrier,
                "rma": rma.number,
                "received_at": rma.arrived_at.isoformat(sep=" ", timespec="minutes"),
                "station": self.setup.station_code,
                "unit_count": len(units),
                "condition": condition,
                "exception": False,
            },
            closed_at,
        )
        for unit_id, lpn, unit_key, line, serial, received_at in units:
            final = self.inspections.inspect(rma, unit_id, lpn, line, condition, closed_at)
            self.rows.units.append(
                (
                    unit_id,
                    lpn,
                    unit_key,
                    parcel_id,
                    line.product_id,
                    line.rma_line_id,
                    serial,
                    "matched",
                    "graded" if final is not None else "received",
                    self.setup.station_id,
                    dock.id,
                    received_at,
                    final.grade if final is not None else None,
                    final.route[0] if final is not None else None,
                    final.route[1] if final is not None else None,
                )
            )
        self.received_rma_ids.append(rma.id)
        self.counts["parcels"] += 1
        self.counts["units"] += len(units)

    def _receive_unit(
        self,
        rma: ReturnedRMA,
        parcel_id: int,
        line: ReturnLine,
        serial: str | None,
        dock: Person,
        at: datetime.datetime,
    ) -> tuple[int, str]:
        """The unit's id and LPN (the station's next), its label and its audit record."""
        unit_id = self.tables.take_id(Unit)
        self.last_lpn += 1
        lpn = f"{self.lpn_prefix}{self.last_lpn:0{LPN_DIGITS}d}"
        product = self.setup.products[line.product_id]
        label = {
            "lpn": lpn,
            "sku": product.sku,
            "product_name": product.name,
            "rma": rma.number,
            "serial": serial,
            "received_at": at.isoformat(sep=" "),
            "station": self.setup.station_code,
        }
        self._print("lpn", lpn, label, at)
        after = {
            "lpn": lpn,
            "parcel_id": parcel_id,
            "sku": product.sku,
            "serial": serial,
            "match": "matched",
            "rma_line_id": line.rma_line_id,
        }
        self.audit.add(dock.actor, at, "unit.received", "unit", lpn, None, after)
        return unit_id, lpn

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
                at + datetime.timedelta(seconds=self.rng.randint(1, 8)),
            )
        )
