"""Answering at an inspection desk: check and store step answers and photos, move between steps.

No Qt. Each answer is written in one transaction with its audit record; outcomes are built after
the commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from db.models import Inspection, Photo
from db.queries import photos as photo_queries
from db.transactions import write_transaction
from receiving_app.audit import append_audit
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection import messages, store
from receiving_app.inspection.desk_state import ERROR, OK, C, InspectionState
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
from receiving_app.inspection.views import first_unanswered, stored_answers
from receiving_app.outcomes import NextScan, ScanOutcome
from receiving_app.photo_store import PhotoStore, StoredPhoto

UNIT_PHOTO_ATTACHED = QT_TRANSLATE_NOOP("Outcome", "Photo of {lpn} attached.")
UNIT_PHOTO_REPEAT = QT_TRANSLATE_NOOP(
    "Outcome", "This photo is already attached to {lpn}. Nothing was added."
)


class Answering:
    """Stores the answers of the inspection on screen for one desk."""

    def __init__(self, state: InspectionState, photos: PhotoStore) -> None:
        self._state = state
        self._photos = photos

    def _open_for_change(self) -> tuple[Inspection, ChecklistTemplate] | ScanOutcome:
        """The inspection on screen while it is in progress, or the outcome saying why not."""
        self._state.inspector()
        inspection = self._state.current_inspection()
        if inspection is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        if inspection.state != "in_progress":
            return self._state.error(
                C.INSPECTION_ALREADY_COMPLETED,
                messages.NOT_IN_PROGRESS,
                lpn=self._state.lpn_of(inspection),
            )
        return inspection, store.template_of_version(inspection.checklist_version_id)

    def answer(self, step_id: str, value: object) -> ScanOutcome:
        """Check ``value`` against the step, store it, and move to the next step."""
        found = self._open_for_change()
        if isinstance(found, ScanOutcome):
            return found
        inspection, template = found
        located = locate(template, step_id)
        if located is None:
            return self._state.error(C.ANSWER_REFUSED, messages.UNKNOWN_STEP, step=step_id[:64])
        position, step = located
        if step.kind is StepKind.PHOTO and value is not None:
            return self._state.error(
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
        with write_transaction(self._state.db):
            changed = store.save_answer(self._state.ctx(), inspection.id, step.id, stored)
        return self._answered(template, position, step, changed)

    def _answered(
        self, template: ChecklistTemplate, position: int, step: Step, changed: bool
    ) -> ScanOutcome:
        session = self._state.session
        session.current_index = min(position, len(template.steps))
        assert session.inspection_id is not None
        answers = stored_answers(session.inspection_id)
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

    def show_step(self) -> ScanOutcome:
        """Say which step is on screen (nothing is written)."""
        inspection = self._state.current_inspection()
        if inspection is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        total = len(store.template_of_version(inspection.checklist_version_id).steps)
        return ScanOutcome.make(
            OK,
            C.STEP_SHOWN,
            messages.STEP_SHOWN,
            NextScan.ANSWER,
            {"position": min(self._state.session.current_index + 1, total), "total": total},
        )

    def attach_photo(self, step_id: str, source: Path | bytes) -> ScanOutcome:
        """Store a JPEG or PNG file (or a camera JPEG) by its hash and answer the photo step."""
        found = self._open_for_change()
        if isinstance(found, ScanOutcome):
            return found
        inspection, template = found
        located = locate(template, step_id)
        if located is None:
            return self._state.error(C.PHOTO_REFUSED, messages.UNKNOWN_STEP, step=step_id[:64])
        position, step = located
        if step.kind is not StepKind.PHOTO:
            return self._state.error(
                C.PHOTO_REFUSED, messages.NOT_A_PHOTO_STEP, step=step.id, position=position
            )
        photo = self._store(source)
        if isinstance(photo, ScanOutcome):
            return photo
        with write_transaction(self._state.db):
            store.record_photo(
                self._state.ctx(), inspection, step.id, photo.sha256, photo.file_name
            )
        self._state.session.current_index = min(position, len(template.steps))
        return ScanOutcome.make(
            OK,
            C.PHOTO_ATTACHED,
            messages.PHOTO_ATTACHED,
            NextScan.ANSWER,
            {"step": step.id, "position": position, "sha256": photo.sha256},
        )

    def attach_unit_photo(self, source: Path | bytes) -> ScanOutcome:
        """Store a photo of the unit on screen, outside any step (at any time of its inspection,
        also once graded). The same picture twice adds nothing."""
        self._state.inspector()
        inspection = self._state.current_inspection()
        if inspection is None:
            return self._state.error(C.NO_INSPECTION, messages.NO_UNIT)
        photo = self._store(source)
        if isinstance(photo, ScanOutcome):
            return photo
        with write_transaction(self._state.db):
            added = _record_unit_photo(self._state.ctx(), inspection, photo)
        return ScanOutcome.make(
            OK,
            C.PHOTO_ATTACHED if added else C.PHOTO_REPEAT,
            UNIT_PHOTO_ATTACHED if added else UNIT_PHOTO_REPEAT,
            self._state.next_scan(),
            {"lpn": self._state.lpn_of(inspection), "sha256": photo.sha256},
        )

    def _store(self, source: Path | bytes) -> StoredPhoto | ScanOutcome:
        """The photo in the store, or the outcome saying why it was refused."""
        try:
            return self._photos.store(source)
        except InvalidInput as exc:
            return ScanOutcome.make(
                ERROR, C.PHOTO_REFUSED, exc.message, self._state.next_scan(), exc.params
            )


def _record_unit_photo(
    ctx: store.InspectContext, inspection: Inspection, photo: StoredPhoto
) -> bool:
    """Link a stored photo to the unit and its inspection (no step), once, with its audit;
    False when it was linked already."""
    if photo_queries.unit_photo(inspection.id, photo.sha256) is not None:
        return False
    row = Photo.create(
        unit=inspection.unit_id,
        inspection=inspection.id,
        sha256=photo.sha256,
        file_name=photo.file_name,
        taken_by=ctx.user_id,
        taken_at=ctx.now,
    )
    append_audit(
        ctx.actor,
        ctx.now,
        "photo.attached",
        "photo",
        row.id,
        None,
        {
            "unit_id": inspection.unit_id,
            "inspection_id": inspection.id,
            "step_id": None,
            "sha256": photo.sha256,
            "file_name": photo.file_name,
        },
    )
    return True


def locate(template: ChecklistTemplate, step_id: str) -> tuple[int, Step] | None:
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
