"""The inspection desk of one station: scan an LPN, answer its checklist, grade it (no Qt).

Like the receiving desk, the desk keeps only the station's session (who is logged in, the open
inspection, the current step, an LPN waiting for the abandon confirmation); every fact lives in
the database. Each change runs in one write transaction with its audit record, and the outcome
is built after the commit. Repeating a command says what happened the first time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import peewee

from db.errors import StorageUnavailable
from db.models import Inspection, Unit
from db.queries import inspections as queries
from db.transactions import storage_errors, write_transaction
from receiving_app import accounts
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.errors import InvalidInput, PermissionDenied
from receiving_app.inspection import messages, store
from receiving_app.inspection.grading import grade_from_answers
from receiving_app.inspection.model import (
    DEFECTS,
    ChecklistError,
    ChecklistTemplate,
    Grade,
    Severity,
    Step,
    StepKind,
)
from receiving_app.inspection.photos import store_photo
from receiving_app.inspection.views import (
    InspectionView,
    first_unanswered,
    inspection_view,
    stored_answers,
)
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from receiving_app.receiving import messages as receiving_messages
from receiving_app.receiving.views import when
from receiving_app.scanning import IdPrefixes, ScanKind, interpret_scan
from receiving_app.settings import data_dir
from receiving_app.users import Permission, UserInfo, require

OK, WARNING, ERROR = OutcomeLevel.OK, OutcomeLevel.WARNING, OutcomeLevel.ERROR
C = OutcomeCode
OVERRIDE_REASON_MAX_LENGTH = 500
FALLBACK_CATEGORY = "general"


@dataclass
class InspectionSession:
    """Who is logged in, the inspection on screen and what waits for a confirmation."""

    user: UserInfo | None = None
    inspection_id: int | None = None
    current_index: int = 0
    graded_lpn: str | None = None  # a graded unit on screen, which ``reinspect`` re-opens
    pending_lpn: str | None = None  # scanned while an inspection was half done


class InspectionDesk:
    """One station's inspection session over the shared database."""

    def __init__(
        self,
        database: peewee.Database,
        clock: Clock,
        station: StationInfo,
        prefixes: IdPrefixes | None = None,
        photo_folder: Path | None = None,
    ) -> None:
        self._db = database
        self._clock = clock
        self._station = station
        self._prefixes = prefixes or IdPrefixes()
        self._photo_folder = photo_folder
        self._session = InspectionSession()

    # -- what the screen shows ----------------------------------------------------------------

    @property
    def station(self) -> StationInfo:
        return self._station

    @property
    def user(self) -> UserInfo | None:
        return self._session.user

    @property
    def view(self) -> InspectionView | None:
        """The inspection on screen, read fresh from the database (None when there is none)."""
        if self._session.inspection_id is None:
            return None
        with storage_errors():
            return self._view(self._session.inspection_id)

    def _view(self, inspection_id: int) -> InspectionView:
        inspection = queries.inspection_by_id(inspection_id)
        assert inspection is not None
        unit = queries.unit_for_inspection(self._lpn_of(inspection))
        assert unit is not None
        template = store.template_of_version(inspection.checklist_version_id)
        return inspection_view(inspection, unit, template, self._session.current_index)

    @staticmethod
    def _lpn_of(inspection: Inspection) -> str:
        unit = queries.unit_by_id(inspection.unit_id)
        assert unit is not None
        return unit.lpn

    # -- session ------------------------------------------------------------------------------

    def login_with_pin(self, name: str, pin: str) -> ScanOutcome:
        return self._guard(lambda: self._login(accounts.user_by_pin(name, pin), "pin"))

    def logout(self) -> ScanOutcome:
        self._session = InspectionSession()
        return ScanOutcome.make(OK, C.LOGGED_OUT, receiving_messages.LOGGED_OUT, NextScan.BADGE)

    def handle_scan(self, raw: str) -> ScanOutcome:
        """A badge logs in; an LPN opens (or resumes) that unit's inspection."""
        scan = interpret_scan(raw, self._prefixes)

        def dispatch() -> ScanOutcome:
            if scan.kind is ScanKind.BADGE:
                return self._login(accounts.user_by_badge(scan.value), "badge")
            self._inspector()
            if scan.kind is not ScanKind.LPN:
                return self._error(C.UNRECOGNISED, messages.EXPECT_LPN, text=scan.text[:40] or "-")
            return self._open_lpn(scan.value)

        return self._guard(dispatch)

    def confirm_switch(self) -> ScanOutcome:
        """Leave the half-done inspection (kept, resumable) and open the LPN scanned meanwhile."""

        def switch() -> ScanOutcome:
            self._inspector()
            lpn = self._session.pending_lpn
            if lpn is None:
                return self._error(C.NO_INSPECTION, messages.NO_UNIT)
            self._leave()
            return self._open_lpn(lpn)

        return self._guard(switch)

    def cancel_switch(self) -> ScanOutcome:
        """Stay on the half-done inspection; the LPN scanned meanwhile is forgotten."""
        self._session.pending_lpn = None
        return self._show_step()

    def reinspect(self) -> ScanOutcome:
        """Start a new inspection of the graded unit on screen; the earlier ones stay as they are."""

        def again() -> ScanOutcome:
            self._inspector()
            lpn = self._session.graded_lpn
            if lpn is None:
                return self._error(C.NO_INSPECTION, messages.NO_UNIT)
            unit = queries.unit_for_inspection(lpn)
            assert unit is not None
            return self._start(unit)

        return self._guard(again)

    def _guard(self, step: Callable[[], ScanOutcome]) -> ScanOutcome:
        """Turn the core's expected failures into error outcomes; nothing was stored for them."""
        try:
            with storage_errors():
                return step()
        except PermissionDenied as exc:
            return ScanOutcome.make(
                ERROR, C.NOT_ALLOWED, exc.message, self._next(), exc.params, context=exc.context
            )
        except StorageUnavailable as exc:
            return self._error(
                C.STORAGE_UNAVAILABLE, receiving_messages.STORAGE_UNAVAILABLE, detail=str(exc)
            )

    def _inspector(self) -> UserInfo:
        user = self._session.user
        if user is None:
            raise PermissionDenied(receiving_messages.LOGIN_REQUIRED)
        require(user, Permission.INSPECT)
        return user

    def _login(self, user: UserInfo | None, method: str) -> ScanOutcome:
        if user is None:
            return self._error(C.UNKNOWN_BADGE, receiving_messages.UNKNOWN_USER)
        accounts.record_login(self._db, user, self._station, self._clock.now(), method)
        self._session = InspectionSession(user=user)
        return ScanOutcome.make(
            OK,
            C.LOGGED_IN,
            messages.LOGGED_IN,
            NextScan.LPN,
            {"user": user.display_name, "role": user.role.value, "station": self._station.code},
        )

    def _ctx(self) -> store.InspectContext:
        user = self._session.user
        assert user is not None  # every caller checked the login first
        return store.InspectContext(
            user.id, self._station.id, Actor(user.name, self._station.code), self._clock.now()
        )

    def _next(self) -> NextScan:
        if self._session.user is None:
            return NextScan.BADGE
        return NextScan.ANSWER if self._session.inspection_id is not None else NextScan.LPN

    def _error(self, code: OutcomeCode, message: str, **params: object) -> ScanOutcome:
        return ScanOutcome.make(ERROR, code, message, self._next(), params)

    def _leave(self) -> None:
        self._session = InspectionSession(user=self._session.user)

    # -- opening a unit -----------------------------------------------------------------------

    def _open_lpn(self, lpn: str) -> ScanOutcome:
        current = self._current_inspection()
        if current is not None and current.state == "in_progress":
            current_lpn = self._lpn_of(current)
            if current_lpn == lpn:
                return self._resumed(current)
            self._session.pending_lpn = lpn
            return ScanOutcome.make(
                WARNING,
                C.ABANDON_CONFIRM_NEEDED,
                messages.CONFIRM_ABANDON,
                NextScan.ANSWER,
                {"current": current_lpn, "lpn": lpn},
                lpn=current_lpn,
            )
        self._leave()
        unit = queries.unit_for_inspection(lpn)
        if unit is None:
            return self._error(C.UNRECOGNISED, receiving_messages.LPN_NOT_FOUND, lpn=lpn)
        if unit.parcel.state == "open":
            return self._error(C.UNIT_NOT_READY, messages.NOT_READY, lpn=lpn)
        open_one = queries.open_inspection(unit.id)
        if open_one is not None:
            return self._resumed(open_one)
        if unit.state == "graded":
            return self._already_graded(unit)
        if unit.state != "received":
            return self._error(
                C.UNIT_NOT_READY, messages.NOT_INSPECTABLE, lpn=lpn, state=unit.state
            )
        return self._start(unit)

    def _current_inspection(self) -> Inspection | None:
        if self._session.inspection_id is None:
            return None
        return queries.inspection_by_id(self._session.inspection_id)

    def _already_graded(self, unit: Unit) -> ScanOutcome:
        last = queries.last_completed_inspection(unit.id)
        self._session.graded_lpn = unit.lpn
        params: dict[str, object] = {"lpn": unit.lpn, "grade": unit.grade or "-"}
        if last is not None and last.completed_at is not None:
            params["time"] = when(last.completed_at, self._clock.now())
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
            return self._error(
                C.NO_CHECKLIST, messages.NO_CHECKLIST, category=unit.product.category
            )
        with write_transaction(self._db):
            locked = queries.unit_by_id(unit.id, lock=True)
            assert locked is not None
            # Another station may have opened one since our read: resume theirs instead.
            other = queries.open_inspection(unit.id)
            inspection = other or store.start_inspection(self._ctx(), locked, version)
        if other is not None:
            return self._resumed(other)
        self._session.inspection_id = inspection.id
        self._session.current_index = 0
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
        self._leave()
        self._session.inspection_id = inspection.id
        self._session.current_index = first_unanswered(template, answers)
        lpn = self._lpn_of(inspection)
        return ScanOutcome.make(
            OK,
            C.INSPECTION_RESUMED,
            messages.RESUMED,
            NextScan.ANSWER,
            {
                "lpn": lpn,
                "time": when(inspection.started_at, self._clock.now()),
                "user": queries.user_name(inspection.started_by_id),
                "answered": len(answers),
            },
            lpn=lpn,
        )

    # -- answering ----------------------------------------------------------------------------

    def _open_for_change(self) -> tuple[Inspection, ChecklistTemplate] | ScanOutcome:
        """The inspection on screen while it is in progress, or the outcome saying why not."""
        self._inspector()
        inspection = self._current_inspection()
        if inspection is None:
            return self._error(C.NO_INSPECTION, messages.NO_UNIT)
        if inspection.state != "in_progress":
            return self._error(
                C.INSPECTION_ALREADY_COMPLETED,
                messages.NOT_IN_PROGRESS,
                lpn=self._lpn_of(inspection),
            )
        return inspection, store.template_of_version(inspection.checklist_version_id)

    def answer(self, step_id: str, value: object) -> ScanOutcome:
        """Check ``value`` against the step, store it, and move to the next step.

        Answers are as in a checklist answers file: true/false, an option's key (or label), a
        number, a text; a photo step is answered by ``attach_photo``.
        """

        def store_answer() -> ScanOutcome:
            found = self._open_for_change()
            if isinstance(found, ScanOutcome):
                return found
            inspection, template = found
            located = _locate(template, step_id)
            if located is None:
                return self._error(C.ANSWER_REFUSED, messages.UNKNOWN_STEP, step=step_id[:64])
            position, step = located
            if step.kind is StepKind.PHOTO and value is not None:
                return self._error(
                    C.ANSWER_REFUSED, messages.PHOTO_STEP, step=step.id, position=position
                )
            try:
                stored = _check_answer(step, position, value)
            except ChecklistError as exc:
                return ScanOutcome.make(
                    ERROR,
                    C.ANSWER_REFUSED,
                    exc.message,
                    NextScan.ANSWER,
                    exc.params,
                    context=exc.context,
                )
            with write_transaction(self._db):
                changed = store.save_answer(self._ctx(), inspection.id, step.id, stored)
            return self._answered(template, position, step, changed)

        return self._guard(store_answer)

    def _answered(
        self, template: ChecklistTemplate, position: int, step: Step, changed: bool
    ) -> ScanOutcome:
        self._session.current_index = min(position, len(template.steps))
        assert self._session.inspection_id is not None
        answers = stored_answers(self._session.inspection_id)
        if first_unanswered(template, answers) == len(template.steps) and position == len(
            template.steps
        ):
            message = messages.ALL_ANSWERED
        else:
            message = messages.ANSWER_SAVED if changed else messages.ANSWER_UNCHANGED
        return ScanOutcome.make(
            OK,
            C.ANSWER_SAVED,
            message,
            NextScan.ANSWER,
            {"step": step.id, "position": position},
        )

    def back(self) -> ScanOutcome:
        """Go back one step (nothing is written)."""
        self._session.current_index = max(self._session.current_index - 1, 0)
        return self._show_step()

    def _show_step(self) -> ScanOutcome:
        def show() -> ScanOutcome:
            inspection = self._current_inspection()
            if inspection is None:
                return self._error(C.NO_INSPECTION, messages.NO_UNIT)
            total = len(store.template_of_version(inspection.checklist_version_id).steps)
            return ScanOutcome.make(
                OK,
                C.STEP_SHOWN,
                messages.STEP_SHOWN,
                NextScan.ANSWER,
                {"position": min(self._session.current_index + 1, total), "total": total},
            )

        return self._guard(show)

    def attach_photo(self, step_id: str, path: Path) -> ScanOutcome:
        """Store a JPEG or PNG file by its hash and answer the photo step with it."""

        def attach() -> ScanOutcome:
            found = self._open_for_change()
            if isinstance(found, ScanOutcome):
                return found
            inspection, template = found
            located = _locate(template, step_id)
            if located is None:
                return self._error(C.PHOTO_REFUSED, messages.UNKNOWN_STEP, step=step_id[:64])
            position, step = located
            if step.kind is not StepKind.PHOTO:
                return self._error(
                    C.PHOTO_REFUSED, messages.NOT_A_PHOTO_STEP, step=step.id, position=position
                )
            try:
                photo = store_photo(path, self._photo_folder or data_dir() / "photos")
            except InvalidInput as exc:
                return ScanOutcome.make(
                    ERROR, C.PHOTO_REFUSED, exc.message, NextScan.ANSWER, exc.params
                )
            with write_transaction(self._db):
                store.record_photo(self._ctx(), inspection, step.id, photo.sha256, photo.file_name)
            self._session.current_index = min(position, len(template.steps))
            return ScanOutcome.make(
                OK,
                C.PHOTO_ATTACHED,
                messages.PHOTO_ATTACHED,
                NextScan.ANSWER,
                {"step": step.id, "position": position, "sha256": photo.sha256},
            )

        return self._guard(attach)

    # -- grading ------------------------------------------------------------------------------

    def complete(self) -> ScanOutcome:
        """Grade the answers and store the grade on the inspection and the unit."""

        def grade() -> ScanOutcome:
            self._inspector()
            inspection = self._current_inspection()
            if inspection is None:
                return self._error(C.NO_INSPECTION, messages.NO_UNIT)
            if inspection.state == "completed":
                return self._completed_before(inspection)
            template = store.template_of_version(inspection.checklist_version_id)
            try:
                result = grade_from_answers(template, stored_answers(inspection.id))
            except ChecklistError as exc:
                located = _locate(template, str(exc.params.get("step", "")))
                if located is not None:
                    self._session.current_index = located[0] - 1
                return ScanOutcome.make(
                    ERROR,
                    C.ANSWERS_MISSING,
                    exc.message,
                    NextScan.ANSWER,
                    exc.params,
                    context=exc.context,
                )
            with write_transaction(self._db):
                locked = queries.inspection_by_id(inspection.id, lock=True)
                assert locked is not None
                if locked.state != "in_progress":  # another station completed it meanwhile
                    return self._completed_before(locked)
                unit = queries.unit_by_id(locked.unit_id, lock=True)
                assert unit is not None
                store.complete_inspection(self._ctx(), locked, unit, result)
            self._session.current_index = len(template.steps)
            failures = ", ".join(failure.step_id for failure in result.failures) or "-"
            level = OK if result.grade is Grade.A else WARNING
            return ScanOutcome.make(
                level,
                C.INSPECTION_COMPLETED,
                messages.COMPLETED,
                NextScan.LPN,
                {"lpn": unit.lpn, "grade": result.grade.value, "failures": failures},
                lpn=unit.lpn,
            )

        return self._guard(grade)

    def _completed_before(self, inspection: Inspection) -> ScanOutcome:
        lpn = self._lpn_of(inspection)
        at = inspection.completed_at
        return ScanOutcome.make(
            WARNING,
            C.INSPECTION_ALREADY_COMPLETED,
            messages.ALREADY_COMPLETED,
            NextScan.LPN,
            {
                "lpn": lpn,
                "grade": inspection.final_grade or "-",
                "time": when(at, self._clock.now()) if at is not None else "-",
                "user": queries.user_name(inspection.completed_by_id) or "-",
            },
            lpn=lpn,
        )

    def override(self, grade: str, reason: str) -> ScanOutcome:
        """Replace the grade of the completed inspection on screen; the reason is required."""

        def change() -> ScanOutcome:
            self._inspector()
            inspection = self._current_inspection()
            if inspection is None:
                return self._error(C.NO_INSPECTION, messages.NO_UNIT)
            if inspection.state != "completed":
                return self._error(C.OVERRIDE_REFUSED, messages.OVERRIDE_NOT_COMPLETED)
            text = grade.strip().upper()
            if text not in set(Grade):
                return self._error(C.OVERRIDE_REFUSED, messages.BAD_GRADE, grade=grade[:8])
            why = reason.strip()
            if not why or len(why) > OVERRIDE_REASON_MAX_LENGTH:
                return self._error(
                    C.OVERRIDE_REFUSED, messages.REASON_NEEDED, limit=OVERRIDE_REASON_MAX_LENGTH
                )
            lpn = self._lpn_of(inspection)
            with write_transaction(self._db):
                locked = queries.inspection_by_id(inspection.id, lock=True)
                assert locked is not None
                latest = queries.last_completed_inspection(locked.unit_id)
                if latest is None or latest.id != locked.id:
                    return self._error(C.OVERRIDE_REFUSED, messages.OVERRIDE_NOT_LATEST, lpn=lpn)
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
                store.override_grade(self._ctx(), locked, unit, text, why)
            return ScanOutcome.make(
                OK,
                C.GRADE_OVERRIDDEN,
                messages.OVERRIDDEN,
                NextScan.LPN,
                {"lpn": lpn, "before": before or "-", "grade": text},
                lpn=lpn,
            )

        return self._guard(change)


def _locate(template: ChecklistTemplate, step_id: str) -> tuple[int, Step] | None:
    """The 1-based position and the step of ``step_id`` in ``template``."""
    for position, step in enumerate(template.steps, start=1):
        if step.id == step_id:
            return position, step
    return None


def _check_answer(step: Step, position: int, value: object) -> object:
    """Check one answer with the grade rule itself; return what to store (a choice's key).

    The rule checks a whole checklist, so it is asked about a one-step checklist; a refusal is
    re-raised with the step's real position.
    """
    single = ChecklistTemplate(
        category="answer", name="answer", version=1, grades=_ANY_GRADES, steps=(step,)
    )
    try:
        grade_from_answers(single, {step.id: value})
    except ChecklistError as exc:
        params: Mapping[str, object] = {**exc.params, "position": position}
        raise ChecklistError(exc.message, **params) from None
    if step.kind is StepKind.CHOICE and isinstance(value, str):
        option = step.find_option(value)
        assert option is not None
        return option.key
    return value


# Any mapping will do for checking one answer: only the refusal matters there.
_ANY_GRADES: dict[Severity, Grade] = {severity: Grade.C for severity in DEFECTS}
