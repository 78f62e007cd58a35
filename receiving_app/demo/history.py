"""The demo's past: parcels of the last days received, inspected, graded and routed (no Qt).

Runs after the orders are written. The shipped checklists and routing rules are stored first,
as a station's start would, dated at the window's start; then the RMAs whose parcel arrived in
the window are drawn day by day in order of arrival (``demo.past_returns``) and written in
bulk, one transaction a day. Audit records are real: appended through ``append_audit`` in
order of time (``demo.audit_queue``), so ``verify_chain`` holds. The history has its own
``Random`` derived from the seed: the orders are the same with or without it.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import asdict, dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from db.bulk import BATCH_ROWS, advance_id_sequences
from db.models import RMA, Sequence
from receiving_app.audit import Actor
from receiving_app.demo.audit_queue import AuditQueue
from receiving_app.demo.history_setup import load_setup
from receiving_app.demo.history_tables import HISTORY_MODELS, HistoryTables
from receiving_app.demo.past_exceptions import PastExceptions
from receiving_app.demo.past_moves import PastMoves
from receiving_app.demo.past_returns import PastReturns
from receiving_app.demo.past_reviews import PastReviews
from receiving_app.demo.past_vendor_returns import PastVendorReturns
from receiving_app.demo.returns import returned_rmas
from receiving_app.disposition.store import sync_routing_rules
from receiving_app.inspection.store import sync_templates

if TYPE_CHECKING:
    from peewee import Database

MAX_HISTORY_DAYS = 60
"""The orders span 60 days: no RMA came back before that."""


@dataclass(frozen=True)
class HistorySummary:
    """How much history the generator wrote."""

    days: int
    parcels: int
    units: int
    inspected: int
    overridden: int
    dispositions: int
    outcomes: int
    audit_records: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def write_history(
    database: Database,
    seed: int,
    now: datetime.datetime,
    days: int,
    lpn_prefix: str,
    actor: Actor,
) -> HistorySummary:
    """Receive, inspect and route the returns of the ``days`` before ``now``."""
    start = now - datetime.timedelta(days=days)
    sync_templates(database, actor, start)
    sync_routing_rules(database, actor, start)
    rng = random.Random(f"demo-history:{seed}")
    with database.atomic():
        setup = load_setup()
        tables = HistoryTables(database)
        rmas = returned_rmas(rng, start, now)
    audit = AuditQueue()
    past = PastReturns(setup, tables, audit, rng, now, lpn_prefix)
    moves_rng = random.Random(f"demo-moves:{seed}")  # the rest of the history stays the same
    moves = PastMoves(setup, tables, audit, moves_rng, now, past.rows, past.counts)
    rtv_rng = random.Random(f"demo-rtv:{seed}")
    rtv = PastVendorReturns(setup, tables, audit, rtv_rng, now, past.rows, past.counts)
    reviews_rng = random.Random(f"demo-reviews:{seed}")
    reviews = PastReviews(setup, tables, audit, reviews_rng, now, past.rows, past.counts)
    exceptions_rng = random.Random(f"demo-exceptions:{seed}")
    exceptions = PastExceptions(
        setup, tables, audit, exceptions_rng, now, past.rows, past.counts, past, rmas
    )
    for day, arrivals in groupby(rmas, key=lambda rma: rma.arrived_at.date()):
        with database.atomic():
            for rma in arrivals:
                past.receive(rma)
            moves.draw()
            rtv.draw()
            reviews.draw()
            exceptions.draw()  # after the others: they never see its parcels
            past.rows.write(tables)
            moves.write()
            reviews.write()
            exceptions.write()
            _mark_received(past.received_rma_ids)
            past.received_rma_ids.clear()
            # Later days' parcels arrive later: what happened before tomorrow is complete.
            tomorrow = datetime.datetime.combine(day, datetime.time()) + _DAY
            rtv.write(tomorrow)
            audit.append_until(tomorrow)
    with database.atomic():
        rtv.write(now)
        audit.append_until(None)
        Sequence.insert(name="lpn", value=past.last_lpn).on_conflict(
            conflict_target=[Sequence.name], update={Sequence.value: past.last_lpn}
        ).execute()
        advance_id_sequences(database, HISTORY_MODELS)
    counts = past.counts
    return HistorySummary(
        days=days,
        parcels=counts["parcels"],
        units=counts["units"],
        inspected=counts["inspected"],
        overridden=counts["overridden"],
        dispositions=counts["dispositions"],
        outcomes=counts["outcomes"],
        audit_records=audit.appended,
    )


_DAY = datetime.timedelta(days=1)


def _mark_received(rma_ids: list[int]) -> None:
    """Their parcels are closed: the RMAs are received, as ``close_parcel`` leaves them."""
    for first in range(0, len(rma_ids), BATCH_ROWS):
        batch = rma_ids[first : first + BATCH_ROWS]
        RMA.update(status="received").where(RMA.id.in_(batch)).execute()
