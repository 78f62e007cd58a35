"""The supervisor's approval queue for customer outcomes, and their export (no Qt).

Every proposal the policy could not approve by itself waits here. A supervisor approves or
rejects it with a note, audited; two supervisors deciding the same proposal at once get one
decision, the second is told who decided. Approved outcomes are exported as CSV for the order
system and finance: by default those not exported yet (and they are marked exported once the
file is written), or again for a date range.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import peewee

from db.models import RMA, CustomerOutcome, Order, Product, Unit, User
from db.transactions import for_update, storage_errors, write_transaction
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor, append_audit
from receiving_app.clock import Clock
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.spreadsheet_cells import safe_text
from receiving_app.users import Permission, UserInfo, require

NOTE_MAX_LENGTH = 500
# The export's columns, in order: a contract with the order system and finance.
EXPORT_COLUMNS = (
    "rma",
    "order",
    "lpn",
    "sku",
    "requested",
    "outcome",
    "refund_amount",
    "repair_estimate",
    "claim_not_found",
    "approved_by",
    "approved_at",
)


@dataclass(frozen=True)
class PendingOutcome:
    """One proposal waiting for a supervisor, with what they need to decide."""

    id: int
    lpn: str
    sku: str
    rma: str
    requested: str
    outcome: str
    refund_amount: Decimal
    repair_estimate: Decimal
    claim_not_found: bool
    notes: tuple[tuple[str, Mapping[str, object]], ...]
    proposed_at: datetime.datetime


class OutcomeApprovals:
    """The approval queue as one supervisor works it."""

    def __init__(
        self, database: peewee.Database, clock: Clock, station: StationInfo, user: UserInfo
    ) -> None:
        require(user, Permission.APPROVE)
        self._db = database
        self._clock = clock
        self._station = station
        self._user = user

    def pending(self) -> list[PendingOutcome]:
        """Proposals waiting for a decision, oldest first."""
        with storage_errors():
            rows = (
                CustomerOutcome.select(
                    CustomerOutcome.id,
                    Unit.lpn,
                    Product.sku,
                    RMA.number,
                    CustomerOutcome.requested,
                    CustomerOutcome.outcome,
                    CustomerOutcome.refund_amount,
                    CustomerOutcome.repair_estimate,
                    CustomerOutcome.claim_not_found,
                    CustomerOutcome.notes,
                    CustomerOutcome.proposed_at,
                )
                .join(Unit, on=CustomerOutcome.unit == Unit.id)
                .join(Product, on=Unit.product == Product.id)
                .switch(CustomerOutcome)
                .join(RMA, peewee.JOIN.LEFT_OUTER, on=CustomerOutcome.rma == RMA.id)
                .where(CustomerOutcome.state == "pending")
                .order_by(CustomerOutcome.proposed_at, CustomerOutcome.id)
                .tuples()
            )
            return [_pending(*row) for row in cast(Iterable[tuple[Any, ...]], rows)]

    def approve(self, outcome_id: int, note: str = "") -> None:
        """Approve a pending proposal (the note is optional)."""
        self._decide(outcome_id, "approved", note.strip())

    def reject(self, outcome_id: int, note: str) -> None:
        """Reject a pending proposal; the note saying why is required."""
        if not note.strip():
            raise InvalidInput(_NOTE_NEEDED, limit=NOTE_MAX_LENGTH)
        self._decide(outcome_id, "rejected", note.strip())

    def _decide(self, outcome_id: int, state: str, note: str) -> None:
        if len(note) > NOTE_MAX_LENGTH:
            raise InvalidInput(_NOTE_NEEDED, limit=NOTE_MAX_LENGTH)
        now = self._clock.now()
        with storage_errors(), write_transaction(self._db):
            query = CustomerOutcome.select().where(CustomerOutcome.id == outcome_id)
            row = for_update(query).first()
            if row is None:
                raise NotFound(_NO_SUCH, id=outcome_id)
            if row.state != "pending":
                decider = User.get_or_none(User.id == row.decided_by_id)
                raise InvalidInput(
                    _ALREADY_DECIDED,
                    id=outcome_id,
                    state=row.state,
                    user=decider.display_name if decider is not None else "-",
                )
            CustomerOutcome.update(
                state=state, decided_by=self._user.id, decided_at=now, decision_note=note
            ).where(CustomerOutcome.id == row.id).execute()
            append_audit(
                Actor(self._user.name, self._station.code),
                now,
                f"customer_outcome.{state}",
                "customer_outcome",
                row.id,
                {"state": "pending"},
                {"state": state, "note": note, "outcome": row.outcome},
            )

    def export_csv(
        self, again_from: datetime.date | None = None, again_to: datetime.date | None = None
    ) -> tuple[bytes, list[int]]:
        """See :func:`export_csv`."""
        return export_csv(again_from, again_to)

    def mark_exported(self, ids: Iterable[int]) -> int:
        """See :func:`mark_exported`; the supervisor is the one who exported."""
        actor = Actor(self._user.name, self._station.code)
        return mark_exported(self._db, actor, self._clock.now(), ids)


def export_csv(
    again_from: datetime.date | None = None, again_to: datetime.date | None = None
) -> tuple[bytes, list[int]]:
    """The CSV of approved outcomes (``EXPORT_COLUMNS``) and the ids it holds.

    Without dates: those never exported. With ``again_from``/``again_to``: every approved
    outcome decided in that range (inclusive), exported before or not. Call ``mark_exported``
    once the file is safely written.
    """
    with storage_errors():
        rows = _approved(again_from, again_to)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([safe_text(str(value)) for value in row[1:]])
    # UTF-8 with a BOM: spreadsheets on Chinese Windows then read the names right.
    return buffer.getvalue().encode("utf-8-sig"), [int(str(row[0])) for row in rows]


def mark_exported(
    database: peewee.Database, actor: Actor, now: datetime.datetime, ids: Iterable[int]
) -> int:
    """Record that these outcomes went to the order system (one audit record)."""
    chosen = sorted(set(ids))
    if not chosen:
        return 0
    with storage_errors(), write_transaction(database):
        count = (
            CustomerOutcome.update(exported_at=now).where(CustomerOutcome.id.in_(chosen)).execute()
        )
        append_audit(
            actor,
            now,
            "customer_outcome.exported",
            "customer_outcome",
            f"{chosen[0]}..{chosen[-1]}",
            None,
            {"ids": chosen, "count": count},
        )
    return count


def _pending(
    outcome_id: int,
    lpn: str,
    sku: str,
    rma: str | None,
    requested: str,
    outcome: str,
    refund: Decimal,
    repair: Decimal,
    claim_not_found: bool,
    notes: str,
    proposed_at: datetime.datetime,
) -> PendingOutcome:
    return PendingOutcome(
        id=outcome_id,
        lpn=lpn,
        sku=sku,
        rma=rma or "",
        requested=requested,
        outcome=outcome,
        refund_amount=refund,
        repair_estimate=repair,
        claim_not_found=claim_not_found,
        notes=tuple((str(m), dict(p)) for m, p in json.loads(notes)),
        proposed_at=proposed_at,
    )


def _approved(
    again_from: datetime.date | None, again_to: datetime.date | None
) -> list[tuple[object, ...]]:
    """The export rows (``EXPORT_COLUMNS`` order) of the chosen approved outcomes, with ids."""
    approver = User.alias("approver")
    query = (
        CustomerOutcome.select(
            CustomerOutcome.id,
            RMA.number,
            Order.number,
            Unit.lpn,
            Product.sku,
            CustomerOutcome.requested,
            CustomerOutcome.outcome,
            CustomerOutcome.refund_amount,
            CustomerOutcome.repair_estimate,
            CustomerOutcome.claim_not_found,
            approver.name,
            CustomerOutcome.decided_at,
        )
        .join(Unit, on=CustomerOutcome.unit == Unit.id)
        .join(Product, on=Unit.product == Product.id)
        .switch(CustomerOutcome)
        .join(RMA, on=CustomerOutcome.rma == RMA.id)
        .join(Order, on=RMA.order == Order.id)
        .switch(CustomerOutcome)
        .join(approver, peewee.JOIN.LEFT_OUTER, on=CustomerOutcome.decided_by == approver.id)
        .where(CustomerOutcome.state == "approved")
        .order_by(CustomerOutcome.decided_at, CustomerOutcome.id)
    )
    if again_from is None and again_to is None:
        query = query.where(CustomerOutcome.exported_at.is_null())
    if again_from is not None:
        start = datetime.datetime.combine(again_from, datetime.time.min)
        query = query.where(CustomerOutcome.decided_at >= start)
    if again_to is not None:
        end = datetime.datetime.combine(again_to + datetime.timedelta(days=1), datetime.time.min)
        query = query.where(CustomerOutcome.decided_at < end)
    rows = cast(Iterable[tuple[Any, ...]], query.tuples())
    return [_export_row(*row) for row in rows]


def _export_row(
    outcome_id: int,
    rma: str,
    order: str,
    lpn: str,
    sku: str,
    requested: str,
    outcome: str,
    refund: Decimal,
    repair: Decimal,
    claim_not_found: bool,
    approver: str | None,
    decided_at: datetime.datetime | None,
) -> tuple[object, ...]:
    return (
        outcome_id,
        rma,
        order,
        lpn,
        sku,
        requested,
        outcome,
        f"{refund:.2f}",
        f"{repair:.2f}",
        "yes" if claim_not_found else "no",
        approver or "auto",
        decided_at.isoformat(sep=" ") if decided_at is not None else "",
    )


_NOTE_NEEDED = QT_TRANSLATE_NOOP(
    "CustomerOutcome", "Say why in a note (at most {limit} characters)."
)
_NO_SUCH = QT_TRANSLATE_NOOP("CustomerOutcome", "There is no customer outcome {id}.")
_ALREADY_DECIDED = QT_TRANSLATE_NOOP(
    "CustomerOutcome", "Customer outcome {id} was already {state} by {user}: nothing changed."
)
