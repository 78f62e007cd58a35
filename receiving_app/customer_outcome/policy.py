"""The customer's outcome of a return: refund, exchange or repair, proposed from the policy, the
request and the inspection (pure, no Qt, no database).

The policy is the dock's "three guarantees": a refund within ``refund_days`` of delivery, an
exchange within ``exchange_days``, a free repair while the product's warranty runs. The proposal
grants what the customer asked for when the policy allows it, else the next best the policy
allows (refund → exchange → repair), else nothing, which a supervisor decides. A claimed defect
that the inspection could not find is flagged. Refunds up to ``auto_approve_limit`` that the
inspection supports are approved at once; everything else waits for a supervisor.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from receiving_app.i18n import QT_TRANSLATE_NOOP

CENT = Decimal("0.01")
# Return reasons that claim something is wrong with the unit: the inspection should find it.
DEFECT_CLAIMS = frozenset({"defective", "damaged_in_transit"})


class Outcome(StrEnum):
    REFUND = "refund"
    EXCHANGE = "exchange"
    REPAIR = "repair"
    NONE = "none"  # outside the policy: a supervisor decides


# What to offer instead when the request is outside the policy, best first.
_FALLBACKS = {
    Outcome.REFUND: (Outcome.EXCHANGE, Outcome.REPAIR),
    Outcome.EXCHANGE: (Outcome.REPAIR,),
    Outcome.REPAIR: (),
}


@dataclass(frozen=True)
class OutcomePolicy:
    """The dock's policy; every figure is a setting a supervisor may change.

    ``parts`` prices the parts a failing checklist step calls for, per product category
    (category → step id → price); ``labour`` is the bench time per category (``default`` for
    the rest).
    """

    refund_days: int = 7
    exchange_days: int = 15
    auto_approve_limit: Decimal = Decimal(200)
    parts: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    labour: Mapping[str, Decimal] = field(default_factory=dict)
    default_labour: Decimal = Decimal(20)

    def labour_of(self, category: str) -> Decimal:
        return self.labour.get(category, self.default_labour)


@dataclass(frozen=True)
class ReturnCase:
    """One returned unit as the policy sees it, once inspected.

    ``failing_steps`` are the ids of the checklist steps that found a defect; ``amount`` is what
    the customer paid for the unit (the refund).
    """

    requested: Outcome
    reason: str
    delivered_on: datetime.date | None
    decided_on: datetime.date
    warranty_months: int
    category: str
    amount: Decimal
    grade: str
    failing_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """What the policy proposes and why; ``notes`` are marked messages with their parameters."""

    outcome: Outcome
    allowed: tuple[Outcome, ...]
    claim_not_found: bool
    auto_approved: bool
    refund_amount: Decimal
    repair_estimate: Decimal
    warranty_ends: datetime.date | None
    notes: tuple[tuple[str, Mapping[str, object]], ...]


def warranty_end(delivered_on: datetime.date, months: int) -> datetime.date:
    """The last day of a warranty of ``months`` from delivery (the 31st clamps to month end)."""
    month_index = delivered_on.month - 1 + months
    year, month = delivered_on.year + month_index // 12, month_index % 12 + 1
    day = min(delivered_on.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


def allowed_outcomes(policy: OutcomePolicy, case: ReturnCase) -> tuple[Outcome, ...]:
    """What the policy allows for this case, in the order refund, exchange, repair.

    Inclusive at the edge: delivered 7 days ago is still inside a 7-day refund window. Without
    a delivery date nothing is allowed (the dock cannot tell), and a supervisor decides.
    """
    if case.delivered_on is None:
        return ()
    days = (case.decided_on - case.delivered_on).days
    allowed: list[Outcome] = []
    if 0 <= days <= policy.refund_days:
        allowed.append(Outcome.REFUND)
    if 0 <= days <= policy.exchange_days:
        allowed.append(Outcome.EXCHANGE)
    if case.warranty_months > 0 and case.decided_on <= warranty_end(
        case.delivered_on, case.warranty_months
    ):
        allowed.append(Outcome.REPAIR)
    return tuple(allowed)


def repair_estimate(policy: OutcomePolicy, case: ReturnCase) -> Decimal:
    """Labour for the category plus the listed parts of every failing step."""
    prices = policy.parts.get(case.category, {})
    parts = sum((prices.get(step, Decimal(0)) for step in case.failing_steps), Decimal(0))
    return (policy.labour_of(case.category) + parts).quantize(CENT, ROUND_HALF_UP)


def propose(policy: OutcomePolicy, case: ReturnCase) -> Proposal:
    """The outcome the policy proposes for ``case``, flagged and approved as the policy says."""
    allowed = allowed_outcomes(policy, case)
    notes: list[tuple[str, Mapping[str, object]]] = []
    outcome = _choose(case.requested, allowed)
    if outcome is not case.requested:
        notes.append(
            (
                QT_TRANSLATE_NOOP(
                    "CustomerOutcome", "{requested} is outside the policy; {outcome} is allowed"
                )
                if outcome is not Outcome.NONE
                else QT_TRANSLATE_NOOP(
                    "CustomerOutcome", "{requested} is outside the policy and nothing else is"
                ),
                {"requested": case.requested.value, "outcome": outcome.value},
            )
        )
    claim_not_found = case.reason in DEFECT_CLAIMS and not case.failing_steps
    if claim_not_found:
        notes.append(
            (
                QT_TRANSLATE_NOOP(
                    "CustomerOutcome",
                    "the customer claims {reason}, but the inspection found no defect",
                ),
                {"reason": case.reason},
            )
        )
    amount = case.amount.quantize(CENT, ROUND_HALF_UP) if outcome is Outcome.REFUND else Decimal(0)
    supported = _supported(case, claim_not_found)
    auto = outcome is Outcome.REFUND and supported and amount <= policy.auto_approve_limit
    if outcome is Outcome.REFUND and not auto:
        notes.append(_why_not_automatic(policy, amount, supported))
    return Proposal(
        outcome=outcome,
        allowed=allowed,
        claim_not_found=claim_not_found,
        auto_approved=auto,
        refund_amount=amount,
        repair_estimate=repair_estimate(policy, case) if outcome is Outcome.REPAIR else Decimal(0),
        warranty_ends=(
            warranty_end(case.delivered_on, case.warranty_months)
            if case.delivered_on is not None and case.warranty_months > 0
            else None
        ),
        notes=tuple(notes),
    )


def _choose(requested: Outcome, allowed: tuple[Outcome, ...]) -> Outcome:
    if requested in allowed:
        return requested
    return next(
        (option for option in _FALLBACKS.get(requested, ()) if option in allowed), Outcome.NONE
    )


def _supported(case: ReturnCase, claim_not_found: bool) -> bool:
    """Whether the inspection backs a refund: a claimed defect was found, or a unit returned for
    another reason came back in a sellable state (A or B)."""
    if case.reason in DEFECT_CLAIMS:
        return not claim_not_found
    return case.grade in ("A", "B")


def _why_not_automatic(
    policy: OutcomePolicy, amount: Decimal, supported: bool
) -> tuple[str, Mapping[str, object]]:
    if not supported:
        return (
            QT_TRANSLATE_NOOP(
                "CustomerOutcome",
                "the inspection does not support the refund: a supervisor decides",
            ),
            {},
        )
    return (
        QT_TRANSLATE_NOOP(
            "CustomerOutcome", "a refund of {amount} is above the {limit} a station may approve"
        ),
        {"amount": str(amount), "limit": str(policy.auto_approve_limit)},
    )
