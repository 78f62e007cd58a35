"""A supervisor approving or rejecting an override, in one transaction with its audit (no Qt).

Approving records the review. Rejecting undoes the override: a grade override gives the unit
its computed grade back and routes it again by the rules (a new decision and disposition label,
the customer's outcome proposed again), a route override routes the unit again by the rules.
A unit already put away whose location changes goes back to "graded", to be moved again.

Four eyes: a supervisor may not review their own override; an admin may.
"""

from __future__ import annotations

import datetime

import peewee

from db.models import Inspection, OverrideReview, Unit, UnitDisposition
from db.transactions import for_update, storage_errors, write_transaction
from receiving_app.audit import append_audit
from receiving_app.customer_outcome.store import propose_outcome
from receiving_app.disposition.store import route_unit
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.inspection import store as inspection_store
from receiving_app.inspection.grading import grade_from_answers
from receiving_app.inspection.store import InspectContext
from receiving_app.inspection.views import stored_answers
from receiving_app.supervisor import messages
from receiving_app.supervisor.common import Supervisor, display_name
from receiving_app.supervisor.override_queue import GRADE_OVERRIDE, ROUTE_OVERRIDE
from receiving_app.users import Role

APPROVED, REJECTED = "approved", "rejected"


def review_override(sup: Supervisor, subject: str, decision: str, note: str) -> None:
    """Record ``decision`` on the override named by ``subject`` ("inspection:ID" or
    "disposition:ID"); a rejection undoes it. Raises InvalidInput when it was reviewed already
    (naming who), has been replaced meanwhile, or is the supervisor's own."""
    kind, ident = _parse(subject)
    now = sup.clock.now()
    try:
        with storage_errors(), write_transaction(sup.database):
            if kind == GRADE_OVERRIDE:
                _review_grade(sup, subject, ident, decision, note, now)
            else:
                _review_route(sup, subject, ident, decision, note, now)
    except peewee.IntegrityError:
        _refuse_if_reviewed(subject)  # another supervisor's review won the race
        raise


def _parse(subject: str) -> tuple[str, int]:
    prefix, _, number = subject.partition(":")
    kinds = {"inspection": GRADE_OVERRIDE, "disposition": ROUTE_OVERRIDE}
    if prefix not in kinds or not number.isdigit():
        raise NotFound(messages.NO_SUCH_ITEM, key=subject[:80])
    return kinds[prefix], int(number)


def _review_grade(
    sup: Supervisor, subject: str, ident: int, decision: str, note: str, now: datetime.datetime
) -> None:
    inspection = for_update(Inspection.select().where(Inspection.id == ident)).first()
    if inspection is None or inspection.override_reason is None:
        raise NotFound(messages.NO_SUCH_ITEM, key=subject)
    unit = _locked_unit(inspection.unit_id)
    _refuse_if_reviewed(subject)
    newer = Inspection.select().where(
        (Inspection.unit == unit.id) & (Inspection.id > ident) & (Inspection.state != "superseded")
    )
    if inspection.state != "completed" or newer.exists():
        raise InvalidInput(messages.STALE_ITEM, lpn=unit.lpn)
    _refuse_own(sup, subject, inspection.overridden_by_id)
    after: dict[str, object] = {"grade": inspection.final_grade}
    if decision == REJECTED:
        after = _undo_grade(sup.inspect_context(now), inspection, unit)
    _record(sup, subject, GRADE_OVERRIDE, unit, decision, note, now, after)


def _review_route(
    sup: Supervisor, subject: str, ident: int, decision: str, note: str, now: datetime.datetime
) -> None:
    routed = for_update(UnitDisposition.select().where(UnitDisposition.id == ident)).first()
    if routed is None or routed.override_reason is None:
        raise NotFound(messages.NO_SUCH_ITEM, key=subject)
    unit = _locked_unit(routed.unit_id)
    _refuse_if_reviewed(subject)
    newer = UnitDisposition.select().where(
        (UnitDisposition.unit == unit.id) & (UnitDisposition.id > ident)
    )
    if newer.exists():
        raise InvalidInput(messages.STALE_ITEM, lpn=unit.lpn)
    _refuse_own(sup, subject, routed.decided_by_id)
    after: dict[str, object] = {"disposition": routed.route, "location": routed.location}
    if decision == REJECTED:
        assert unit.grade is not None  # a routed unit is graded
        after = _route_again(sup.inspect_context(now), unit, routed.inspection_id, unit.grade)
    _record(sup, subject, ROUTE_OVERRIDE, unit, decision, note, now, after)


def _locked_unit(unit_id: int) -> Unit:
    unit = for_update(Unit.select().where(Unit.id == unit_id)).first()
    assert unit is not None  # a foreign key
    return unit


def _refuse_if_reviewed(subject: str) -> None:
    review = OverrideReview.get_or_none(OverrideReview.subject == subject)
    if review is not None:
        raise InvalidInput(
            messages.ALREADY_REVIEWED[review.decision],
            key=subject,
            decision=review.decision,
            user=display_name(review.reviewed_by_id),
        )


def _refuse_own(sup: Supervisor, subject: str, overrider_id: int | None) -> None:
    if overrider_id == sup.user.id and sup.user.role is not Role.ADMIN:
        raise InvalidInput(messages.OWN_OVERRIDE, key=subject)


def _undo_grade(ctx: InspectContext, inspection: Inspection, unit: Unit) -> dict[str, object]:
    """Give the unit its computed grade back, route it and propose its outcome again."""
    grade = inspection.computed_grade
    assert grade is not None  # a completed inspection was graded
    before = inspection_store.inspection_snapshot(inspection)
    inspection.final_grade = grade
    inspection.save()
    Unit.update(grade=grade).where(Unit.id == unit.id).execute()
    append_audit(
        ctx.actor,
        ctx.now,
        "inspection.override_undone",
        "inspection",
        inspection.id,
        before,
        {**inspection_store.inspection_snapshot(inspection), "lpn": unit.lpn},
    )
    template = inspection_store.template_of_version(inspection.checklist_version_id)
    result = grade_from_answers(template, stored_answers(inspection.id))
    unit.grade = grade
    after = _route_again(ctx, unit, inspection.id, grade)
    propose_outcome(ctx, unit, inspection.id, grade, tuple(f.step_id for f in result.failures))
    return {"grade": grade, **after}


def _route_again(
    ctx: InspectContext, unit: Unit, inspection_id: int | None, grade: str
) -> dict[str, object]:
    """Route the unit by the current rules; a put-away unit sent elsewhere must move again."""
    routed, _decision = route_unit(ctx, unit, inspection_id, grade)
    after: dict[str, object] = {"disposition": routed.route, "location": routed.location}
    if unit.state == "moved" and routed.location != unit.location:
        Unit.update(state="graded", moved_at=None, moved_by=None).where(
            Unit.id == unit.id
        ).execute()
        after["state"] = "graded"
    return after


def _record(
    sup: Supervisor,
    subject: str,
    kind: str,
    unit: Unit,
    decision: str,
    note: str,
    now: datetime.datetime,
    after: dict[str, object],
) -> None:
    review = OverrideReview.create(
        subject=subject,
        kind=kind,
        unit=unit.id,
        decision=decision,
        note=note,
        reviewed_by=sup.user.id,
        reviewed_at=now,
    )
    append_audit(
        sup.actor,
        now,
        f"override.{decision}",
        "override_review",
        subject,
        None,
        {"id": review.id, "lpn": unit.lpn, "kind": kind, "note": note, **after},
    )
