"""A received unit's inspection in the demo history: answered towards a grade drawn from the
return reason, graded by ``grade_from_answers``, now and then overridden by a supervisor, and
handed to ``PastDecisions`` for its route and outcome (no Qt)."""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Mapping
from dataclasses import dataclass

from db.models import Inspection, InspectionAnswer
from receiving_app.demo.answers import answers_for
from receiving_app.demo.history_setup import ProductInfo
from receiving_app.demo.history_tables import HistoryPart
from receiving_app.demo.past_decisions import MINUTE, Decision, PastDecisions
from receiving_app.demo.returns import ReturnedRMA, ReturnLine
from receiving_app.inspection.grading import grade_from_answers
from receiving_app.inspection.model import Grade

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
OVERRIDE_PERCENT = 3
OVERRIDE_REASONS = (
    "Defect only visible under the bench lamp.",
    "Scratch is on the packaging, not the item.",
    "Customer's photos show the damage was there on delivery.",
    "Missing part found in the outer box.",
)


@dataclass
class PastInspections(HistoryPart):
    """Inspects received units, adding the rows to ``rows`` and the records to ``audit``."""

    decisions: PastDecisions

    def inspect(
        self,
        rma: ReturnedRMA,
        unit_id: int,
        lpn: str,
        line: ReturnLine,
        condition: str,
        closed_at: datetime.datetime,
    ) -> Decision | None:
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
        decision = Decision(inspection_id, grade, failing, completed, inspector)
        self.decisions.route(rma, unit_id, lpn, product, condition, decision, None)
        outcome = self.decisions.propose(rma, unit_id, lpn, line, product, decision, None)
        override = self._override(done, unit_id, lpn, decision)
        if override is not None:
            self.decisions.route(rma, unit_id, lpn, product, condition, override, decision)
            outcome = self.decisions.propose(rma, unit_id, lpn, line, product, override, outcome)
        self.decisions.decide(outcome)
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
        self, inspection: Mapping[str, object], unit_id: int, lpn: str, graded: Decision
    ) -> Decision | None:
        """Now and then a supervisor overrides the grade by one step, with a reason."""
        rng = self.rng
        if rng.randrange(100) >= OVERRIDE_PERCENT:
            return None
        at = graded.at + rng.randint(5, 90) * MINUTE
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
        return Decision(graded.inspection_id, grade, graded.failing, at, supervisor, reason)


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
