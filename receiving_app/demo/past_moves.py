"""Put-away and closed exceptions in the demo history (no Qt).

Most routed units reach their location a few hours to about three days after routing (state
"moved", as ``put_away`` leaves them); units routed lately are still on the dock, and a few old
stragglers were never moved, so the ageing queue has something over target. Most closed parcels
with RMA lines missing are closed as exceptions by a supervisor within two days. Draws come
from a ``Random`` of their own, so the rest of the history is the same with or without them.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from db.models import ExceptionResolution, RMALine, Unit
from receiving_app.demo.history_tables import HistoryPart
from receiving_app.supervisor.exception_queue import MISSING, parcel_subject

STRAGGLER_PERCENT = 4  # of routed units: never moved
RESOLVED_PERCENT = 70  # of parcels with missing lines: closed by a supervisor
CLOSE_REASONS = (
    "Customer confirmed the item was not sent; refund reduced.",
    "Carrier claim opened for the missing item.",
    "Customer keeps the accessory; agreed by phone.",
)
MINUTE = datetime.timedelta(minutes=1)


@dataclass
class PastMoves(HistoryPart):
    """Puts away the routed units of the rows drawn for one day (``draw`` before the rows are
    written, ``write`` after), and closes some of their parcels' missing lines."""

    _moves: list[tuple[int, datetime.datetime, int]] = field(default_factory=list)
    _missing: list[tuple[int, datetime.datetime, int]] = field(default_factory=list)

    def draw(self) -> None:
        """Mark the units put away before now "moved", queue their audit records, and note the
        parcels whose RMA lines are not all there."""
        routed = {row[1]: row for row in self.rows.dispositions}  # the unit's latest decision
        for index, unit in enumerate(self.rows.units):
            decision = routed.get(unit[0])
            if decision is None or self.rng.randrange(100) < STRAGGLER_PERCENT:
                continue
            at = decision[10] + self.rng.randint(120, 72 * 60) * MINUTE
            if at >= self.now:
                continue
            mover = self.rng.choice(self.setup.dock)
            self.rows.units[index] = (*unit[:8], "moved", *unit[9:])
            self._moves.append((unit[0], at, mover.id))
            self.audit.add(
                mover.actor,
                at,
                "unit.put_away",
                "unit",
                unit[1],
                {"state": "graded"},
                {"state": "moved", "disposition": decision[4], "location": decision[5]},
            )
        self._missing = self._parcels_missing_lines()

    def _parcels_missing_lines(self) -> list[tuple[int, datetime.datetime, int]]:
        """(parcel id, closed at, order id) of the drawn parcels with RMA lines short of units."""
        received = Counter(unit[5] for unit in self.rows.units)
        rmas = {parcel[5]: (parcel[0], parcel[14], parcel[6]) for parcel in self.rows.parcels}
        if not rmas:
            return []
        lines = RMALine.select(RMALine.id, RMALine.rma, RMALine.quantity).where(
            RMALine.rma.in_(list(rmas))
        )
        short = {rmas[line.rma_id] for line in lines if received[line.id] < line.quantity}
        return sorted(short)

    def write(self) -> None:
        """Store the put-away times and the closed exceptions (their rows exist now)."""
        for unit_id, at, mover_id in self._moves:
            Unit.update(moved_at=at, moved_by=mover_id).where(Unit.id == unit_id).execute()
        self._moves.clear()
        for parcel_id, closed_at, order_id in self._missing:
            if self.rng.randrange(100) >= RESOLVED_PERCENT:
                continue
            at = closed_at + self.rng.randint(60, 48 * 60) * MINUTE
            if at >= self.now:
                continue
            self._close(parcel_id, order_id, at)
        self._missing.clear()

    def _close(self, parcel_id: int, order_id: int, at: datetime.datetime) -> None:
        supervisor = self.rng.choice(self.setup.supervisors)
        reason = self.rng.choice(CLOSE_REASONS)
        subject = parcel_subject(parcel_id, MISSING)
        row = ExceptionResolution.create(
            subject=subject,
            kind=MISSING,
            parcel=parcel_id,
            action="closed",
            reason=reason,
            resolved_by=supervisor.id,
            resolved_at=at,
        )
        after = {
            "id": row.id,
            "kind": MISSING,
            "action": "closed",
            "rma": None,
            "order_id": order_id,
            "reason": reason,
        }
        self.audit.add(
            supervisor.actor, at, "exception.resolved", "exception", subject, None, after
        )
