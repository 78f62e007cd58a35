"""Checklists and inspections in the database: loading templates and the writing steps (no Qt).

Every step function here runs inside the caller's write transaction and appends its audit
record, so a step is either wholly stored or not at all (the pattern of ``receiving.steps``).
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import peewee

from db.models import ChecklistVersion, Inspection, InspectionAnswer, Photo, Unit
from db.queries import inspections as queries
from db.transactions import write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.inspection.catalog import read_catalog
from receiving_app.inspection.grading import GradeResult
from receiving_app.inspection.model import ChecklistError, ChecklistTemplate
from receiving_app.inspection.templates import template_from_data, template_to_data

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InspectContext:
    """Who is acting, where and when: what every inspection step stores beside its change."""

    user_id: int
    station_id: int
    actor: Actor
    now: datetime.datetime


def sync_templates(
    database: peewee.Database,
    actor: Actor,
    now: datetime.datetime,
    folder: Path | None = None,
    problems: list[ChecklistError] | None = None,
) -> list[tuple[str, int]]:
    """Load every current template (shipped and site files) that the database does not hold yet.

    A (category, version) already loaded is left as it is: a stored version never changes, so
    the inspections that used it keep meaning what they meant. Each new version is audited.
    Returns the (category, version) pairs added; calling it again adds nothing.

    Given a ``problems`` list (the station's start), a broken site file is skipped instead of
    refused: it is logged as a warning and its error appended to ``problems``, and its category
    keeps the shipped template and the versions already stored.

    Raises:
        ChecklistError: a site template file is broken (``params["file"]`` names it) and no
            ``problems`` list was given.
    """
    catalog = read_catalog(folder)
    if catalog.problems:
        if problems is None:
            raise catalog.problems[0]
        for problem in catalog.problems:
            log.warning("checklist file %s skipped: %s", problem.params.get("file"), problem)
        problems.extend(catalog.problems)
    added: list[tuple[str, int]] = []
    for category, template in sorted(catalog.templates.items()):
        if queries.checklist_version(category, template.version) is not None:
            continue
        try:
            with write_transaction(database):
                if queries.checklist_version(category, template.version) is not None:
                    continue  # another station loaded it while we read the files
                body = json.dumps(template_to_data(template), ensure_ascii=False, sort_keys=True)
                row = ChecklistVersion.create(
                    category=category,
                    version=template.version,
                    name=template.name,
                    body=body,
                    loaded_at=now,
                )
                append_audit(
                    actor,
                    now,
                    "checklist.loaded",
                    "checklist_version",
                    f"{category}@{template.version}",
                    None,
                    {"id": row.id, "category": category, "version": template.version},
                )
        except peewee.IntegrityError:
            continue  # lost the race to another station: the version is there now
        added.append((category, template.version))
    return added


@functools.lru_cache(maxsize=64)
def template_of_body(body: str) -> ChecklistTemplate:
    """The template stored in a ``ChecklistVersion.body`` (checked again as it is parsed)."""
    return template_from_data(json.loads(body))


def template_of_version(version_id: int) -> ChecklistTemplate:
    row = queries.checklist_version_by_id(version_id)
    if row is None:
        raise LookupError(version_id)
    return template_of_body(row.body)


def inspection_snapshot(inspection: Inspection) -> dict[str, object]:
    """The inspection's fields for an audit record's before/after."""
    return {
        "unit_id": inspection.unit_id,
        "checklist_version_id": inspection.checklist_version_id,
        "state": inspection.state,
        "computed_grade": inspection.computed_grade,
        "final_grade": inspection.final_grade,
        "override_reason": inspection.override_reason,
    }


def start_inspection(ctx: InspectContext, unit: Unit, version: ChecklistVersion) -> Inspection:
    """Open a new inspection of ``unit`` with ``version`` (earlier ones stay as they are)."""
    inspection = Inspection.create(
        unit=unit.id,
        checklist_version=version.id,
        station=ctx.station_id,
        started_by=ctx.user_id,
        started_at=ctx.now,
    )
    append_audit(
        ctx.actor,
        ctx.now,
        "inspection.started",
        "inspection",
        inspection.id,
        None,
        {**inspection_snapshot(inspection), "lpn": unit.lpn},
    )
    return inspection


def save_answer(ctx: InspectContext, inspection_id: int, step_id: str, value: object) -> bool:
    """Store (or replace) one step's answer; returns False when it was already that answer."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = queries.answer_of(inspection_id, step_id)
    if row is not None and row.value == text:
        return False
    before = {"step_id": step_id, "value": row.value} if row is not None else None
    if row is None:
        InspectionAnswer.create(
            inspection=inspection_id,
            step_id=step_id,
            value=text,
            answered_by=ctx.user_id,
            answered_at=ctx.now,
        )
    else:
        InspectionAnswer.update(value=text, answered_by=ctx.user_id, answered_at=ctx.now).where(
            InspectionAnswer.id == row.id
        ).execute()
    append_audit(
        ctx.actor,
        ctx.now,
        "inspection.answered",
        "inspection",
        inspection_id,
        before,
        {"step_id": step_id, "value": text},
    )
    return True


def complete_inspection(
    ctx: InspectContext, inspection: Inspection, unit: Unit, result: GradeResult
) -> None:
    """Store the grade on the inspection and the unit, which is now graded."""
    before = {
        **inspection_snapshot(inspection),
        "unit_state": unit.state,
        "unit_grade": unit.grade,
    }
    grade = result.grade.value
    inspection.state = "completed"
    inspection.completed_by_id = ctx.user_id
    inspection.completed_at = ctx.now
    inspection.computed_grade = grade
    inspection.final_grade = grade
    inspection.save()
    Unit.update(grade=grade, state="graded").where(Unit.id == unit.id).execute()
    append_audit(
        ctx.actor,
        ctx.now,
        "inspection.completed",
        "inspection",
        inspection.id,
        before,
        {
            **inspection_snapshot(inspection),
            "unit_state": "graded",
            "unit_grade": grade,
            "lpn": unit.lpn,
            "failures": [failure.step_id for failure in result.failures],
        },
    )


def override_grade(
    ctx: InspectContext, inspection: Inspection, unit: Unit, grade: str, reason: str
) -> None:
    """Replace the final grade of a completed inspection, with the reason and who did it."""
    before = {**inspection_snapshot(inspection), "unit_grade": unit.grade}
    inspection.final_grade = grade
    inspection.override_reason = reason
    inspection.overridden_by_id = ctx.user_id
    inspection.overridden_at = ctx.now
    inspection.save()
    Unit.update(grade=grade).where(Unit.id == unit.id).execute()
    append_audit(
        ctx.actor,
        ctx.now,
        "inspection.grade_overridden",
        "inspection",
        inspection.id,
        before,
        {**inspection_snapshot(inspection), "unit_grade": grade, "lpn": unit.lpn},
    )


def record_photo(
    ctx: InspectContext, inspection: Inspection, step_id: str, sha256: str, file_name: str
) -> Photo:
    """Link a stored photo file to the inspection's step and answer the step with its hash."""
    photo = queries.photo_of_step(inspection.id, step_id, sha256)
    if photo is None:
        photo = Photo.create(
            unit=inspection.unit_id,
            inspection=inspection.id,
            step_id=step_id,
            sha256=sha256,
            file_name=file_name,
            taken_by=ctx.user_id,
            taken_at=ctx.now,
        )
        append_audit(
            ctx.actor,
            ctx.now,
            "photo.attached",
            "photo",
            photo.id,
            None,
            {
                "unit_id": inspection.unit_id,
                "inspection_id": inspection.id,
                "step_id": step_id,
                "sha256": sha256,
                "file_name": file_name,
            },
        )
    save_answer(ctx, inspection.id, step_id, sha256)
    return photo
