"""What the scan latency benchmark scans: open RMAs picked at random, and the codes of each.

For every RMA: its expected tracking number (a *parcel scan*), then its units (*unit scans*:
the product's GTIN once per unit, and for a serialised product the GTIN followed by one of the
serials sold on the order line). Used by ``benchmarks.scan_latency``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import fn

from benchmarks.common import DEMO_NOW
from db.models import RMA, OrderLine, Product, ProductGTIN, RMALine, SoldSerial, User
from receiving_app.clock import FixedClock
from receiving_app.context import open_context
from receiving_app.settings import StationSettings

_IN_BATCH = 500


# -- what to scan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedScan:
    code: str
    kind: str
    """parcel (a tracking number), gtin or serial."""

    @property
    def group(self) -> str:
        return "parcel" if self.kind == "parcel" else "unit"


@dataclass
class ScanPlan:
    badge: str
    parcels: list[list[PlannedScan]]
    """One list per RMA: its tracking number first, then its units."""
    skipped_shared_tracking: int = 0

    def trackings(self) -> list[str]:
        return [scans[0].code for scans in self.parcels]


def _batches(values: Sequence[Any], size: int = _IN_BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def plan_scans(rma_count: int, seed: int) -> ScanPlan:
    """Pick ``rma_count`` open RMAs with a tracking number, at random across the database."""
    badge = (
        User.select(User.badge)
        .where((User.role == "dock") & User.badge.is_null(False) & (User.active == True))
        .order_by(User.id)
        .scalar()
    )
    if badge is None:
        raise LookupError("the benchmark database has no dock user with a badge")
    ids = [
        row[0]
        for row in RMA.select(RMA.id)
        .where((RMA.status == "open") & RMA.expected_tracking.is_null(False))
        .tuples()
    ]
    rng = random.Random(seed)
    chosen = rng.sample(ids, min(len(ids), rma_count))
    rmas: dict[int, RMA] = {}
    lines: dict[int, list[RMALine]] = defaultdict(list)
    for batch in _batches(sorted(chosen)):
        rmas.update((rma.id, rma) for rma in RMA.select().where(RMA.id.in_(batch)))
        query = (
            RMALine.select(RMALine, OrderLine, Product)
            .join(OrderLine)
            .join(Product)
            .where(RMALine.rma.in_(batch))
            .order_by(RMALine.id)
        )
        for line in query:
            lines[line.rma_id].append(line)
    trackings = [rmas[i].expected_tracking for i in chosen]
    shared: set[str] = set()
    for batch in _batches(trackings):
        query = (
            RMA.select(RMA.expected_tracking)
            .where(RMA.expected_tracking.in_(batch))
            .group_by(RMA.expected_tracking)
            .having(fn.COUNT(RMA.id) > 1)
        )
        shared.update(row.expected_tracking for row in query)
    line_ids = sorted({line.order_line_id for rows in lines.values() for line in rows})
    serials: dict[int, list[str]] = defaultdict(list)
    for batch in _batches(line_ids):
        for row in (
            SoldSerial.select().where(SoldSerial.order_line.in_(batch)).order_by(SoldSerial.id)
        ):
            serials[row.order_line_id].append(row.serial)
    gtin13: dict[int, str] = {}
    for row in ProductGTIN.select().order_by(ProductGTIN.id):
        gtin13.setdefault(row.product_id, row.gtin.removeprefix("0"))  # as printed on the box
    plan = ScanPlan(str(badge), [])
    for rma_id in chosen:  # random order: no two parcels near each other in the file
        rma = rmas[rma_id]
        if rma.expected_tracking in shared:
            plan.skipped_shared_tracking += 1
            continue
        scans = [PlannedScan(rma.expected_tracking, "parcel")]
        for line in lines[rma_id]:
            product = line.order_line.product
            gtin = gtin13[product.id]
            if product.serialised:
                for serial in serials[line.order_line_id][: line.quantity]:
                    scans += [PlannedScan(gtin, "gtin"), PlannedScan(serial, "serial")]
            else:
                scans += [PlannedScan(gtin, "gtin")] * line.quantity
        plan.parcels.append(scans)
    return plan


def plan_on(url: str, rma_count: int, seed: int) -> ScanPlan:
    context = open_context(url, clock=FixedClock(DEMO_NOW), settings=StationSettings())
    try:
        with context.database.atomic():
            return plan_scans(rma_count, seed)
    finally:
        context.close()
