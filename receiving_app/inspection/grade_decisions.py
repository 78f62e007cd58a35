"""Grading at an inspection desk: complete the inspection on screen, or override its grade.

No Qt. Each grade is written in one transaction with its audit record, under a lock on the
inspection and its unit; outcomes are built after the commit.
"""

from __future__ import annotations

from dataclasses import replace

from db.models import Inspection, Unit, UnitDisposition
from db.queries import inspections as queries
from db.transactions import write_transaction
from receiving_app.customer_outcome.store import propose_outcome
from receiving_app.disposition.store import route_unit
from receiving_app.inspection import messages, store
from receiving_app.inspection.answering import locate
from receiving_app.inspection.desk_state import ERROR, OK, WARNING, C, InspectionState
from receiving_app.inspection.grading import GradeResult, grade_from_answers
from receiving_app.inspection.model import ChecklistError, Grade
from receiving_app.inspection.views import stored_answers
from receiving_app.outcomes import NextScan, ScanOutcome
from receiving_app.receiving.views import when

OVERRIDE_REASON_MAX_LENGTH = 500


class GradeDecisions:
    """Completes inspections and overrides their grades for one desk."""

    def __init__(self, state: InspectionState) -> None:
        self._state = state

    def complete(self) -> ScanOutcome:
        """Grade the answers and store the grade on the inspection and the unit."""
        self._state.inspector()
        inspection = self._state.current_inspection()
        if inspection is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        if inspection.state == "completed":
            return self._completed_before(inspection)
        template = store.template_of_version(inspection.checklist_version_id)
        try:
            result = grade_from_answers(template, stored_answers(inspection.id))
        except ChecklistError as exc:
            located = locate(template, str(exc.params.get("step", "")))
            if located is not None:
                self._state.session.current_index = located[0] - 1
            return ScanOutcome.make(
                ERROR,
                C.ANSWERS_MISSING,
                exc.message,
                NextScan.ANSWER,
                exc.params,
                context=exc.context,
            )
        with write_transaction(self._state.db):
            locked = queries.inspection_by_id(inspection.id, lock=True)
            assert locked is not None
            if locked.state != "in_progress":  # another station completed it meanwhile
                return self._completed_before(locked)
            unit = queries.unit_by_id(locked.unit_id, lock=True)
            assert unit is not None
            ctx = self._state.ctx()
            store.complete_inspection(ctx, locked, unit, result)
            routed = self._route(ctx, unit, locked.id, result)
        self._state.session.current_index = len(template.steps)
        self._state.session.graded_lpn = unit.lpn  # F8 re-inspects the unit on screen
        failures = ", ".join(failure.step_id for failure in result.failures) or "-"
        level = OK if result.grade is Grade.A else WARNING
        return ScanOutcome.make(
            level,
            C.INSPECTION_COMPLETED,
            messages.COMPLETED,
            NextScan.LPN,
            {
                "lpn": unit.lpn,
                "grade": result.grade.value,
                "failures": failures,
                "route": routed.route,
                "location": routed.location,
            },
            lpn=unit.lpn,
        )

    @staticmethod
    def _route(
        ctx: store.InspectContext, unit: Unit, inspection_id: int, result: GradeResult
    ) -> UnitDisposition:
        """Route the graded unit and propose the customer's outcome, in the grade's transaction."""
        failing = tuple(failure.step_id for failure in result.failures)
        routed, _decision = route_unit(ctx, unit, inspection_id, result.grade.value)
        propose_outcome(ctx, unit, inspection_id, result.grade.value, failing)
        return routed

    def _completed_before(self, inspection: Inspection) -> ScanOutcome:
        lpn = self._state.lpn_of(inspection)
        at = inspection.completed_at
        return ScanOutcome.make(
            WARNING,
            C.INSPECTION_ALREADY_COMPLETED,
            messages.ALREADY_COMPLETED,
            NextScan.LPN,
            {
                "lpn": lpn,
                "grade": inspection.final_grade or "-",
                "time": when(at, self._state.clock.now()) if at is not None else "-",
                "user": queries.user_name(inspection.completed_by_id) or "-",
            },
            lpn=lpn,
        )

    def override(self, grade: str, reason: str) -> ScanOutcome:
        """Replace the grade of the completed inspection on screen; the reason is required."""
        self._state.inspector()
        inspection = self._state.current_inspection()
        if inspection is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        if inspection.state != "completed":
            return self._state.error(C.OVERRIDE_REFUSED, messages.OVERRIDE_NOT_COMPLETED)
        text = grade.strip().upper()
        if text not in set(Grade):
            return self._state.error(C.OVERRIDE_REFUSED, messages.BAD_GRADE, grade=grade[:8])
        why = reason.strip()
        if not why or len(why) > OVERRIDE_REASON_MAX_LENGTH:
            return self._state.error(
                C.OVERRIDE_REFUSED, messages.REASON_NEEDED, limit=OVERRIDE_REASON_MAX_LENGTH
            )
        lpn = self._state.lpn_of(inspection)
        with write_transaction(self._state.db):
            locked = queries.inspection_by_id(inspection.id, lock=True)
            assert locked is not None
            latest = queries.last_completed_inspection(locked.unit_id)
            if latest is None or latest.id != locked.id:
                return self._state.error(C.OVERRIDE_REFUSED, messages.OVERRIDE_NOT_LATEST, lpn=lpn)
            before = locked.final_grade
            if before == text:
                return ScanOutcome.make(
                    WARNING,
                    C.OVERRIDE_REFUSED,
                    messages.SAME_GRADE,
                    NextScan.LPN,
                    {"lpn": lpn, "grade": text},
                )
            unit = queries.unit_by_id(locked.unit_id, lock=True)
            assert unit is not None
            ctx = self._state.ctx()
            store.override_grade(ctx, locked, unit, text, why)
            template = store.template_of_version(locked.checklist_version_id)
            result = grade_from_answers(template, stored_answers(locked.id))
            routed = self._route(ctx, unit, locked.id, replace(result, grade=Grade(text)))
        return ScanOutcome.make(
            OK,
            C.GRADE_OVERRIDDEN,
            messages.OVERRIDDEN,
            NextScan.LPN,
            {
                "lpn": lpn,
                "before": before or "-",
                "grade": text,
                "route": routed.route,
                "location": routed.location,
            },
            lpn=lpn,
        )
