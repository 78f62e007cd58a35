"""The supervisor's one approval queue: customer outcomes waiting for a decision (refunds above
the threshold, claimed defects the inspection did not find) and overrides waiting for review
(grades and routes chosen by hand), oldest first (no Qt).

Customer outcomes are decided by ``OutcomeApprovals`` with its own semantics; overrides by
``override_decisions``. Every item is named by a key: "outcome:ID", "inspection:ID" (a grade
override) or "disposition:ID" (a route override).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from db.models import CustomerOutcome, Inspection, User
from db.transactions import storage_errors
from receiving_app.customer_outcome.approvals import OutcomeApprovals, PendingOutcome
from receiving_app.errors import NotFound
from receiving_app.supervisor import messages
from receiving_app.supervisor.common import Supervisor, checked_note, hours_between
from receiving_app.supervisor.override_decisions import APPROVED, REJECTED, review_override
from receiving_app.supervisor.override_queue import (
    PendingOverride,
    pending_grade_overrides,
    pending_route_overrides,
)

CUSTOMER_OUTCOME = "customer_outcome"
_OUTCOME_PREFIX = "outcome:"


@dataclass(frozen=True)
class ApprovalItem:
    """One thing waiting for a supervisor's decision.

    ``kind``: "customer_outcome", "grade_override" or "route_override". ``before`` → ``after``
    is what changes: the requested outcome → the proposed one, the computed grade → the
    override, the rules' route → the supervisor's (as "route @ location"). ``reason`` is the
    override's reason; a customer outcome's reasons are its ``notes`` (marked texts and params).
    """

    key: str
    kind: str
    lpn: str
    sku: str
    by: str
    at: datetime.datetime
    before: str
    after: str
    reason: str
    age_hours: float
    notes: tuple[tuple[str, Mapping[str, object]], ...] = ()
    outcome: PendingOutcome | None = None


class ApprovalQueue:
    """The approval queue as one supervisor works it."""

    def __init__(self, supervisor: Supervisor) -> None:
        self._sup = supervisor
        self._outcomes = OutcomeApprovals(
            supervisor.database, supervisor.clock, supervisor.station, supervisor.user
        )

    def items(self) -> list[ApprovalItem]:
        """Everything waiting, oldest first."""
        now = self._sup.clock.now()
        with storage_errors():
            outcomes = self._outcomes.pending()
            inspectors = _inspectors([item.id for item in outcomes])
            overrides = pending_grade_overrides() + pending_route_overrides()
        items = [_outcome_item(row, inspectors.get(row.id, "-"), now) for row in outcomes]
        items += [_override_item(row, now) for row in overrides]
        return sorted(items, key=lambda item: (item.at, item.key))

    def approve(self, key: str, note: str = "") -> None:
        """Approve the item (the note is optional)."""
        self._decide(key, APPROVED, checked_note(note, required=False))

    def reject(self, key: str, note: str) -> None:
        """Reject the item, undoing an override; the note saying why is required."""
        self._decide(key, REJECTED, checked_note(note, required=True))

    def _decide(self, key: str, decision: str, note: str) -> None:
        if key.startswith(_OUTCOME_PREFIX):
            number = key.removeprefix(_OUTCOME_PREFIX)
            if not number.isdigit():
                raise NotFound(messages.NO_SUCH_ITEM, key=key[:80])
            if decision == APPROVED:
                self._outcomes.approve(int(number), note)
            else:
                self._outcomes.reject(int(number), note)
            return
        review_override(self._sup, key, decision, note)


def _inspectors(outcome_ids: list[int]) -> dict[int, str]:
    """Who completed the inspection behind each outcome (the outcome's proposer)."""
    if not outcome_ids:
        return {}
    rows = (
        CustomerOutcome.select(CustomerOutcome.id, User.display_name)
        .join(Inspection, on=CustomerOutcome.inspection == Inspection.id)
        .join(User, on=Inspection.completed_by == User.id)
        .where(CustomerOutcome.id.in_(outcome_ids))
        .tuples()
    )
    return {int(ident): str(name) for ident, name in cast(Iterable[Any], rows)}


def _outcome_item(row: PendingOutcome, by: str, now: datetime.datetime) -> ApprovalItem:
    return ApprovalItem(
        key=f"{_OUTCOME_PREFIX}{row.id}",
        kind=CUSTOMER_OUTCOME,
        lpn=row.lpn,
        sku=row.sku,
        by=by,
        at=row.proposed_at,
        before=row.requested,
        after=row.outcome,
        reason="",
        age_hours=hours_between(row.proposed_at, now),
        notes=row.notes,
        outcome=row,
    )


def _override_item(row: PendingOverride, now: datetime.datetime) -> ApprovalItem:
    return ApprovalItem(
        key=row.subject,
        kind=row.kind,
        lpn=row.lpn,
        sku=row.sku,
        by=row.by,
        at=row.at,
        before=row.before,
        after=row.after,
        reason=row.reason,
        age_hours=hours_between(row.at, now),
    )
