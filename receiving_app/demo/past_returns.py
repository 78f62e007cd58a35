"""One returned parcel's past, drawn whole: received, closed, inspected, graded, routed, and the
customer's outcome proposed and decided (no Qt).

Rows are tuples with their ids counted here and handed to ``HistoryTables`` by the caller;
every value is what the desks would have stored (the same receipt keys, LPN numbers from the
station's sequence, label payloads, grades from ``grade_from_answers``, routes from
``decide``, outcomes from ``propose``). Audit records go to the ``AuditQueue``; per-answer
``inspection.answered`` records are left out (the answers are stored rows, and a history of
thousands of units would otherwise need ten records a unit).
"""

from __future__ import annotations

import datetime
import json
import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from db.bulk import Row
from db.models import (
    CustomerOutcome,
    Inspection,
    InspectionAnswer,
    Parcel,
    PrintJob,
    Unit,
    UnitDisposition,
)
from receiving_app.customer_outcome.policy import Outcome, ReturnCase, propose
from receiving_app.demo.answers import answers_for
from receiving_app.demo.audit_queue import AuditQueue
from receiving_app.demo.history_setup import HistorySetup, Person, ProductInfo
from receiving_app.demo.history_tables import HistoryTables
from receiving_app.demo.orders import weighted
from receiving_app.demo.returns import ReturnedRMA, ReturnLine
from receiving_app.disposition.model import UnitFacts
from receiving_app.disposition.routing import decide
from receiving_app.inspection.grading import grade_from_answers
from receiving_app.inspection.model import Grade
from receiving_app.receiving.steps import LPN_DIGITS

GRADE_SHARES: dict[str, tuple[int, int, int]] = {
    # Return reason → percent of A, B, C: a claimed defect is mostly found, a change of mind
    # mostly comes back as new.
    "defective": (15, 20, 65),
    "damaged_in_transit": (10, 35, 55),
    "wrong_item_sent": (80, 15, 5),
    "not_as_described": (50, 35, 15),
    "no_longer_needed": (70, 25, 5),
    "size_fit": (75, 22, 3),
}
WEAR = {"electronics": 1.3, "apparel": 0.8, "home": 1.0}
"""How much more often than the reason's share a category's units come back B or C."""
CONDITIONS = (("intact", 86), ("damaged", 7), ("opened", 5), ("wet", 2))
OVERRIDE_PERCENT = 3
DECIDED_PERCENT = 85  # of pending outcomes old enough: a supervisor has decided them
APPROVED_PERCENT = 80  # of those decided
OVERRIDE_REASONS = (
    "Defect only visible under the bench lamp.",
    "Scratch is on the packaging, not the item.",
    "Customer's photos show the damage was there on delivery.",
    "Missing part found in the outer box.",
)
REJECT_NOTES = ("Outside the policy.", "Damage caused by the customer.", "Not the unit we sold.")
APPROVE_NOTES = ("", "", "Goodwill: loyal customer.", "Agreed with the customer by phone.")
_MINUTE = datetime.timedelta(minutes=1)


@dataclass
class _Decision:
    """A unit's grade with the route and outcome it got; ``route`` is (disposition, location)."""

    inspection_id: int
    grade: str
    failing: tuple[str, ...]
    at: datetime.datetime
    by: Person
    override_reason: str | None = None
    route: tuple[str, str] = ("", "")


@dataclass
class HistoryRows:
    """The rows drawn so far, parents first in the order ``write`` inserts them."""

    parcels: list[Row] = field(default_factory=list)
    units: list[Row] = field(default_factory=list)
    print_jobs: list[Row] = field(default_factory=list)
    inspections: list[Row] = field(default_factory=list)
    answers: list[Row] = field(default_factory=list)
    dispositions: list[Row] = field(default_factory=list)
    outcomes: list[Row] = field(default_factory=list)

    def write(self, tables: HistoryTables) -> None:
        tables.parcels.write(self.parcels)
        tables.units.write(self.units)
        tables.print_jobs.write(self.print_jobs)
        tables.inspections.write(self.inspections)
        tables.answers.write(self.answers)
        tables.dispositions.write(self.dispositions)
        tables.outcomes.write(self.outcomes)
        for rows in vars(self).values():
            rows.clear()


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
            final = self._inspect(rma, unit_id, lpn, line, condition, closed_at)
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

    def _inspect(
        self,
        rma: ReturnedRMA,
        unit_id: int,
        lpn: str,
        line: ReturnLine,
        condition: str,
        closed_at: datetime.datetime,
    ) -> _Decision | None:
        """Inspect, grade, route and propose; None when the unit still waits for inspection."""
        rng = self.rng
        started = closed_at + datetime.timedelta(hours=_waiting_hours(rng))
        completed = started + datetime.timedelta(seconds=rng.randint(150, 720))
        if completed >= self.now:
            return None
        product = self.setup.products[line.product_id]
        version_id, template = self.setup.checklist(product.category)
        answers = answers_for(template, _grade_to_aim_for(rng, rma.reason, product, condition), rng)
        result = grade_from_answers(template, answers)
        inspector = rng.choice(self.setup.inspectors)
        inspection_id = self.tables.take_id(Inspection)
        snapshot: dict[str, object] = {
            "unit_id": unit_id,
            "checklist_version_id": version_id,
            "state": "in_progress",
            "computed_grade": None,
            "final_grade": None,
            "override_reason": None,
        }
        actor = inspector.actor
        self.audit.add(
            actor,
            started,
            "inspection.started",
            "inspection",
            inspection_id,
            None,
            {**snapshot, "lpn": lpn},
        )
        step_seconds = (completed - started).total_seconds() / (len(answers) + 1)
        for position, (step_id, value) in enumerate(answers.items(), 1):
            if value is None:
                continue  # an optional note left empty is not stored
            answered_at = started + datetime.timedelta(seconds=int(position * step_seconds))
            self.rows.answers.append(
                (
                    self.tables.take_id(InspectionAnswer),
                    inspection_id,
                    step_id,
                    json.dumps(value, ensure_ascii=False, sort_keys=True),
                    inspector.id,
                    answered_at,
                )
            )
        grade = result.grade.value
        failing = tuple(failure.step_id for failure in result.failures)
        done = {**snapshot, "state": "completed", "computed_grade": grade, "final_grade": grade}
        self.audit.add(
            actor,
            completed,
            "inspection.completed",
            "inspection",
            inspection_id,
            {**snapshot, "unit_state": "received", "unit_grade": None},
            {
                **done,
                "unit_state": "graded",
                "unit_grade": grade,
                "lpn": lpn,
                "failures": list(failing),
            },
        )
        decision = _Decision(inspection_id, grade, failing, completed, inspector)
        self._route(rma, unit_id, lpn, product, condition, decision, None)
        outcome = self._propose(rma, unit_id, lpn, line, product, decision, None)
        override = self._override(done, unit_id, lpn, decision)
        if override is not None:
            self._route(rma, unit_id, lpn, product, condition, override, decision)
            outcome = self._propose(rma, unit_id, lpn, line, product, override, outcome)
        self._decide(outcome)
        final = override or decision
        self.rows.inspections.append(
            (
                inspection_id,
                unit_id,
                version_id,
                "completed",
                self.setup.station_id,
                inspector.id,
                started,
                inspector.id,
                completed,
                grade,
                final.grade,
                final.override_reason,
                override.by.id if override is not None else None,
                override.at if override is not None else None,
            )
        )
        self.counts["inspected"] += 1
        return final

    def _override(
        self, inspection: Mapping[str, object], unit_id: int, lpn: str, graded: _Decision
    ) -> _Decision | None:
        """Now and then a supervisor overrides the grade by one step, with a reason."""
        rng = self.rng
        if rng.randrange(100) >= OVERRIDE_PERCENT:
            return None
        at = graded.at + rng.randint(5, 90) * _MINUTE
        if at >= self.now:
            return None
        better = {"A": "B", "B": rng.choice("AC"), "C": "B"}
        grade = better[graded.grade]
        reason = rng.choice(OVERRIDE_REASONS)
        supervisor = rng.choice(self.setup.supervisors)
        after = {**inspection, "final_grade": grade, "override_reason": reason}
        self.audit.add(
            supervisor.actor,
            at,
            "inspection.grade_overridden",
            "inspection",
            graded.inspection_id,
            {**inspection, "unit_grade": graded.grade},
            {**after, "unit_grade": grade, "lpn": lpn},
        )
        self.counts["overridden"] += 1
        return _Decision(graded.inspection_id, grade, graded.failing, at, supervisor, reason)

    def _route(
        self,
        rma: ReturnedRMA,
        unit_id: int,
        lpn: str,
        product: ProductInfo,
        condition: str,
        decision: _Decision,
        previous: _Decision | None,
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
        self._print("disposition", lpn, label, decision.at)
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

    def _propose(
        self,
        rma: ReturnedRMA,
        unit_id: int,
        lpn: str,
        line: ReturnLine,
        product: ProductInfo,
        decision: _Decision,
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

    def _decide(self, index: int) -> None:
        """A supervisor approves or rejects most pending outcomes within two days."""
        rng = self.rng
        row = self.rows.outcomes[index]
        if row[6] != "pending" or rng.randrange(100) >= DECIDED_PERCENT:
            return
        at = row[11] + rng.randint(20, 48 * 60) * _MINUTE
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


def _waiting_hours(rng: random.Random) -> float:
    """Hours from closing the parcel to inspecting a unit: most the same day, some days later."""
    point = rng.random()
    if point < 0.55:
        return rng.uniform(0.3, 8)
    if point < 0.85:
        return rng.uniform(8, 30)
    return rng.uniform(30, 96)


def _grade_to_aim_for(
    rng: random.Random, reason: str, product: ProductInfo, condition: str
) -> Grade:
    a, b, c = GRADE_SHARES.get(reason, (60, 30, 10))
    wear = WEAR.get(product.category, 1.0) * (2.0 if condition in ("damaged", "wet") else 1.0)
    point = rng.random() * (a + (b + c) * wear)
    if point < a:
        return Grade.A
    return Grade.B if point < a + b * wear else Grade.C
