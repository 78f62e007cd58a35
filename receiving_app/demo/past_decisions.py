"""A graded unit's route and its customer's outcome in the demo history: routed as
``route_unit`` would, proposed as ``propose_outcome`` would, and most pending proposals decided
by a supervisor within two days (no Qt)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from db.models import CustomerOutcome, UnitDisposition
from receiving_app.customer_outcome.policy import Outcome, ReturnCase, propose
from receiving_app.demo.history_setup import Person, ProductInfo
from receiving_app.demo.history_tables import HistoryPart
from receiving_app.demo.returns import ReturnedRMA, ReturnLine
from receiving_app.disposition.model import UnitFacts
from receiving_app.disposition.routing import decide

DECIDED_PERCENT = 85  # of pending outcomes old enough: a supervisor has decided them
APPROVED_PERCENT = 80  # of those decided
REJECT_NOTES = ("Outside the policy.", "Damage caused by the customer.", "Not the unit we sold.")
APPROVE_NOTES = ("", "", "Goodwill: loyal customer.", "Agreed with the customer by phone.")
MINUTE = datetime.timedelta(minutes=1)

LabelPrinter = Callable[[str, str, Mapping[str, object], datetime.datetime], None]
"""Queues a label job: its kind, reference, payload and when it was queued."""


@dataclass
class Decision:
    """A unit's grade with the route and outcome it got; ``route`` is (disposition, location)."""

    inspection_id: int
    grade: str
    failing: tuple[str, ...]
    at: datetime.datetime
    by: Person
    override_reason: str | None = None
    route: tuple[str, str] = ("", "")


@dataclass
class PastDecisions(HistoryPart):
    """Routes graded units and proposes and decides their customers' outcomes, adding the rows
    to ``rows`` and the records to ``audit``."""

    print_label: LabelPrinter

    def route(
        self,
        rma: ReturnedRMA,
        unit_id: int,
        lpn: str,
        product: ProductInfo,
        condition: str,
        decision: Decision,
        previous: Decision | None,
    ) -> None:
        """Route the unit as ``route_unit`` would, with the facts of the decision's day."""
        setup = self.setup
        delivered = rma.delivered_on
        facts = UnitFacts(
            grade=decision.grade,
            category=product.category,
            value=product.price,
            cost=product.cost,
            vendor=product.vendor,
            vendor_accepts=product.vendor_accepts,
            vendor_window_days=product.vendor_window_days,
            days_since_delivery=(decision.at.date() - delivered).days if delivered else None,
            reason=rma.reason,
            parcel_condition=condition,
        )
        routed = decide(setup.rules, facts)
        disposition_id = self.tables.take_id(UnitDisposition)
        route, location = routed.disposition.value, routed.location
        self.rows.dispositions.append(
            (
                disposition_id,
                unit_id,
                decision.inspection_id,
                setup.rules_version_id,
                route,
                location,
                routed.rule_id,
                json.dumps([[m, dict(p)] for m, p in routed.reasons], ensure_ascii=False),
                json.dumps({k.value: str(v) for k, v in routed.recoveries.items()}),
                decision.by.id,
                decision.at,
            )
        )
        label = {
            "lpn": lpn,
            "grade": decision.grade,
            "route": route,
            "disposition": route,
            "destination": location,
            "sku": product.sku,
            "rma": rma.number,
            "date": decision.at.date().isoformat(),
            "inspector": decision.by.display_name,
        }
        self.print_label("disposition", lpn, label, decision.at)
        before = previous.route if previous is not None else (None, None)
        self.audit.add(
            decision.by.actor,
            decision.at,
            "unit.routed",
            "unit",
            lpn,
            {"disposition": before[0], "location": before[1]},
            {
                "disposition_id": disposition_id,
                "disposition": route,
                "location": location,
                "rule": routed.rule_id,
                "rules_version": setup.rules.version,
                "grade": decision.grade,
            },
        )
        decision.route = (route, location)
        self.counts["dispositions"] += 1

    def propose(
        self,
        rma: ReturnedRMA,
        unit_id: int,
        lpn: str,
        line: ReturnLine,
        product: ProductInfo,
        decision: Decision,
        previous: int | None,
    ) -> int:
        """Propose the customer's outcome as ``propose_outcome`` would; returns its row's index
        in ``rows.outcomes``. A pending ``previous`` proposal is superseded."""
        requested = rma.requested if rma.requested in set(Outcome) else "none"
        case = ReturnCase(
            requested=Outcome(requested),
            reason=rma.reason,
            delivered_on=rma.delivered_on,
            decided_on=decision.at.date(),
            warranty_months=product.warranty_months,
            category=product.category,
            amount=line.unit_price,
            grade=decision.grade,
            failing_steps=decision.failing,
        )
        proposal = propose(self.setup.policy, case)
        superseded = 0
        if previous is not None and self.rows.outcomes[previous][6] == "pending":
            row = self.rows.outcomes[previous]
            self.rows.outcomes[previous] = (*row[:6], "superseded", *row[7:])
            superseded = 1
        state = "approved" if proposal.auto_approved else "pending"
        outcome_id = self.tables.take_id(CustomerOutcome)
        self.rows.outcomes.append(
            (
                outcome_id,
                unit_id,
                rma.id,
                decision.inspection_id,
                requested,
                proposal.outcome.value,
                state,
                proposal.refund_amount,
                proposal.repair_estimate,
                proposal.claim_not_found,
                json.dumps([[m, dict(p)] for m, p in proposal.notes], ensure_ascii=False),
                decision.at,
                None,
                decision.at if proposal.auto_approved else None,
                "",
            )
        )
        self.audit.add(
            decision.by.actor,
            decision.at,
            "customer_outcome.proposed",
            "customer_outcome",
            outcome_id,
            {"superseded": superseded} if superseded else None,
            {
                "lpn": lpn,
                "rma": rma.number,
                "requested": requested,
                "outcome": proposal.outcome.value,
                "state": state,
                "refund_amount": str(proposal.refund_amount),
                "repair_estimate": str(proposal.repair_estimate),
                "claim_not_found": proposal.claim_not_found,
            },
        )
        self.counts["outcomes"] += 1
        return len(self.rows.outcomes) - 1

    def decide(self, index: int) -> None:
        """A supervisor approves or rejects most pending outcomes within two days."""
        rng = self.rng
        row = self.rows.outcomes[index]
        if row[6] != "pending" or rng.randrange(100) >= DECIDED_PERCENT:
            return
        at = row[11] + rng.randint(20, 48 * 60) * MINUTE
        if at >= self.now:
            return
        approved = rng.randrange(100) < APPROVED_PERCENT
        state = "approved" if approved else "rejected"
        note = rng.choice(APPROVE_NOTES if approved else REJECT_NOTES)
        supervisor = rng.choice(self.setup.supervisors)
        self.rows.outcomes[index] = (*row[:6], state, *row[7:12], supervisor.id, at, note)
        self.audit.add(
            supervisor.actor,
            at,
            f"customer_outcome.{state}",
            "customer_outcome",
            row[0],
            {"state": "pending"},
            {"state": state, "note": note, "outcome": row[5]},
        )
