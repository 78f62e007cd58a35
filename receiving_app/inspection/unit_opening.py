"""Opening a unit at an inspection desk: start, resume or re-open the inspection of an LPN.

No Qt. Each new inspection is written in one transaction; outcomes are built after the commit.
"""

from __future__ import annotations

from db.models import Inspection, Unit
from db.queries import inspections as queries
from db.transactions import write_transaction
from receiving_app.inspection import messages, store
from receiving_app.inspection.desk_state import OK, WARNING, C, InspectionState
from receiving_app.inspection.views import first_unanswered, stored_answers
from receiving_app.outcomes import NextScan, ScanOutcome
from receiving_app.receiving import messages as receiving_messages
from receiving_app.receiving.views import when

FALLBACK_CATEGORY = "general"


class UnitOpening:
    """Opens, resumes and re-opens the inspections of units for one desk."""

    def __init__(self, state: InspectionState) -> None:
        self._state = state

    def switch_to_pending(self) -> ScanOutcome:
        """Leave the half-done inspection (kept, resumable) and open the LPN scanned meanwhile."""
        self._state.inspector()
        lpn = self._state.session.pending_lpn
        if lpn is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        self._state.leave()
        return self.open_lpn(lpn)

    def reinspect(self) -> ScanOutcome:
        """Start a new inspection of the graded unit on screen; the earlier ones stay as they are."""
        self._state.inspector()
        lpn = self._state.session.graded_lpn
        if lpn is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        unit = queries.unit_for_inspection(lpn)
        assert unit is not None
        return self._start(unit)

    def open_lpn(self, lpn: str) -> ScanOutcome:
        current = self._state.current_inspection()
        if current is not None and current.state == "in_progress":
            current_lpn = self._state.lpn_of(current)
            if current_lpn == lpn:
                return self._resumed(current)
            self._state.session.pending_lpn = lpn
            return ScanOutcome.make(
                WARNING,
                C.ABANDON_CONFIRM_NEEDED,
                messages.CONFIRM_ABANDON,
                NextScan.ANSWER,
                {"current": current_lpn, "lpn": lpn},
                lpn=current_lpn,
            )
        self._state.leave()
        unit = queries.unit_for_inspection(lpn)
        if unit is None:
            return self._state.error(C.UNRECOGNISED, receiving_messages.LPN_NOT_FOUND, lpn=lpn)
        if unit.parcel.state == "open":
            return self._state.error(C.UNIT_NOT_READY, messages.NOT_READY, lpn=lpn)
        open_one = queries.open_inspection(unit.id)
        if open_one is not None:
            return self._resumed(open_one)
        if unit.state == "graded":
            return self._already_graded(unit)
        if unit.state != "received":
            return self._state.error(
                C.UNIT_NOT_READY, messages.NOT_INSPECTABLE, lpn=lpn, state=unit.state
            )
        return self._start(unit)

    def _already_graded(self, unit: Unit) -> ScanOutcome:
        last = queries.last_completed_inspection(unit.id)
        self._state.session.graded_lpn = unit.lpn
        params: dict[str, object] = {"lpn": unit.lpn, "grade": unit.grade or "-"}
        if last is not None and last.completed_at is not None:
            params["time"] = when(last.completed_at, self._state.clock.now())
            params["user"] = queries.user_name(last.completed_by_id)
        else:
            params.update(time="-", user="-")
        return ScanOutcome.make(
            WARNING,
            C.UNIT_ALREADY_GRADED,
            messages.ALREADY_GRADED,
            NextScan.LPN,
            params,
            lpn=unit.lpn,
        )

    def _start(self, unit: Unit) -> ScanOutcome:
        version = queries.latest_checklist_version(
            unit.product.category
        ) or queries.latest_checklist_version(FALLBACK_CATEGORY)
        if version is None:
            return self._state.error(
                C.NO_CHECKLIST, messages.NO_CHECKLIST, category=unit.product.category
            )
        with write_transaction(self._state.db):
            locked = queries.unit_by_id(unit.id, lock=True)
            assert locked is not None
            # Another station may have opened one since our read: resume theirs instead.
            other = queries.open_inspection(unit.id)
            inspection = other or store.start_inspection(self._state.ctx(), locked, version)
        if other is not None:
            return self._resumed(other)
        self._state.session.inspection_id = inspection.id
        self._state.session.current_index = 0
        template = store.template_of_body(version.body)
        return ScanOutcome.make(
            OK,
            C.INSPECTION_STARTED,
            messages.STARTED,
            NextScan.ANSWER,
            {
                "lpn": unit.lpn,
                "sku": unit.product.sku,
                "name": unit.product.name,
                "checklist": template.name,
                "version": template.version,
            },
            lpn=unit.lpn,
        )

    def _resumed(self, inspection: Inspection) -> ScanOutcome:
        template = store.template_of_version(inspection.checklist_version_id)
        answers = stored_answers(inspection.id)
        self._state.leave()
        self._state.session.inspection_id = inspection.id
        self._state.session.current_index = first_unanswered(template, answers)
        lpn = self._state.lpn_of(inspection)
        return ScanOutcome.make(
            OK,
            C.INSPECTION_RESUMED,
            messages.RESUMED,
            NextScan.ANSWER,
            {
                "lpn": lpn,
                "time": when(inspection.started_at, self._state.clock.now()),
                "user": queries.user_name(inspection.started_by_id),
                "answered": len(answers),
            },
            lpn=lpn,
        )
