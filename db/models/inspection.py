"""Checklists, inspections, their answers and photos."""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from db.models.base import BaseModel
from db.models.dock import Parcel, Unit
from db.models.master import (
    Station,
    User,
)


class ChecklistVersion(BaseModel):
    """A checklist template as loaded at one version; an inspection keeps the version it used.

    ``body`` is the template in the file format (JSON): rows are never changed once written, a
    changed template arrives as a new version, from a file or saved by a supervisor in the app.
    """

    id = AutoField()
    category = CharField(max_length=32)
    version = IntegerField()
    name = CharField(max_length=120)
    body = TextField()
    loaded_at = DateTimeField()
    saved_by = ForeignKeyField(User, null=True, index=False)  # None: loaded from a template file
    saved_by_id: int | None
    note = CharField(max_length=200, default="")  # what the supervisor changed, in their words

    class Meta:
        indexes = ((("category", "version"), True),)


class Inspection(BaseModel):
    """One pass of a unit through its checklist: in_progress, then completed (or superseded).

    Re-inspecting a unit adds a new inspection; an earlier one is never rewritten. The computed
    grade is what the answers earned; the final grade differs only after an audited override.
    """

    id = AutoField()
    unit_id: int
    checklist_version_id: int
    station_id: int
    started_by_id: int
    completed_by_id: int | None
    overridden_by_id: int | None

    unit = ForeignKeyField(Unit, backref="inspections")
    # A handful of versions and stations: no index of their own (see BaseModel).
    checklist_version = ForeignKeyField(ChecklistVersion, backref="inspections", index=False)
    state = CharField(max_length=16, default="in_progress")
    station = ForeignKeyField(Station, backref="inspections", index=False)
    started_by = ForeignKeyField(User, backref="inspections_started")
    started_at = DateTimeField()
    completed_by = ForeignKeyField(User, backref="inspections_completed", null=True)
    completed_at = DateTimeField(null=True, index=True)
    computed_grade = CharField(max_length=1, null=True)
    final_grade = CharField(max_length=1, null=True)
    override_reason = TextField(null=True)
    overridden_by = ForeignKeyField(User, backref="inspections_overridden", null=True)
    overridden_at = DateTimeField(null=True)


class InspectionAnswer(BaseModel):
    """One step's answer in one inspection (JSON text); answering again replaces it, audited."""

    id = AutoField()
    inspection_id: int
    answered_by_id: int

    inspection = ForeignKeyField(
        Inspection, backref="answers", on_delete="CASCADE", index=False
    )  # the unique (inspection, step_id) index serves look-ups by inspection
    step_id = CharField(max_length=64)
    value = TextField()
    answered_by = ForeignKeyField(User, backref="answers", index=False)
    answered_at = DateTimeField()

    class Meta:
        indexes = ((("inspection", "step_id"), True),)


class Photo(BaseModel):
    """A photo of a parcel or of a unit, stored once by content as ``<sha256>.<ext>`` in the
    photo folder (``[photos] folder``; by default ``photos/`` in the data folder).

    A parcel photo (its condition at receiving) has ``parcel`` and no unit. A unit photo has
    ``unit`` and the ``inspection`` it was taken in; ``step_id`` names the photo step it
    answers, or is null for a photo taken at any time.
    """

    id = AutoField()
    unit_id: int | None
    parcel_id: int | None
    inspection_id: int | None
    taken_by_id: int

    unit = ForeignKeyField(Unit, backref="photos", null=True)
    parcel = ForeignKeyField(Parcel, backref="photos", null=True)
    inspection = ForeignKeyField(Inspection, backref="photos", null=True)
    step_id = CharField(max_length=64, null=True)
    sha256 = CharField(max_length=64, index=True)
    file_name = CharField(max_length=80)
    taken_by = ForeignKeyField(User, backref="photos", index=False)
    taken_at = DateTimeField()
