"""The supervisor's desk: exception resolutions, override reviews and vendor-return batches."""

from __future__ import annotations

from decimal import Decimal

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from db.models.base import BaseModel
from db.models.dock import Parcel, Unit
from db.models.master import (
    RMA,
    User,
    Vendor,
)


class ExceptionResolution(BaseModel):
    """How a supervisor resolved one dock exception (a parcel with no RMA, a wrong item, a serial
    mismatch, missing lines): linked to an RMA, or closed with a reason.

    Exceptions themselves are what receiving recorded (the parcel's flag, the unit's match, the
    lines still missing at close); ``subject`` names one of them ("parcel:12:no_rma",
    "unit:LPN:wrong_item"...) and is unique, so an exception is resolved once.
    """

    id = AutoField()
    parcel_id: int
    unit_id: int | None
    rma_id: int | None
    resolved_by_id: int

    subject = CharField(max_length=120, unique=True)
    kind = CharField(max_length=24)
    parcel = ForeignKeyField(Parcel, backref="exception_resolutions")
    unit = ForeignKeyField(Unit, null=True, index=False)
    action = CharField(max_length=16)  # linked, closed
    rma = ForeignKeyField(RMA, null=True, index=False)
    reason = TextField(default="")
    resolved_by = ForeignKeyField(User, index=False)
    resolved_at = DateTimeField()


class OverrideReview(BaseModel):
    """A supervisor's review of an override (a grade or a route chosen by hand): approved, or
    rejected, which undoes it. ``subject`` ("inspection:ID", "disposition:ID") is unique."""

    id = AutoField()
    unit_id: int
    reviewed_by_id: int

    subject = CharField(max_length=64, unique=True)
    kind = CharField(max_length=24)  # grade_override, route_override
    unit = ForeignKeyField(Unit, backref="override_reviews")
    decision = CharField(max_length=16)  # approved, rejected
    note = TextField(default="")
    reviewed_by = ForeignKeyField(User, index=False)
    reviewed_at = DateTimeField()


class RtvBatch(BaseModel):
    """Units going back to one vendor, shipped together: open → closed (manifest and cartons)
    → shipped. ``open_key`` is the vendor's id while the batch is open and NULL after, so the
    unique index allows one open batch per vendor, race-free on every database."""

    id = AutoField()
    vendor_id: int
    closed_by_id: int | None
    shipped_by_id: int | None

    number = CharField(max_length=32, unique=True)
    vendor = ForeignKeyField(Vendor, backref="rtv_batches")
    open_key = IntegerField(null=True, unique=True)
    state = CharField(max_length=16, default="open")
    vendor_rma = CharField(max_length=64, null=True)
    opened_at = DateTimeField()
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(User, null=True, index=False)
    shipped_on = DateField(null=True)
    carrier = CharField(max_length=32, null=True)
    tracking = CharField(max_length=64, null=True)
    shipped_at = DateTimeField(null=True)
    shipped_by = ForeignKeyField(User, null=True, index=False)


class RtvCarton(BaseModel):
    """One carton of a closed batch, known by its SSCC-18."""

    id = AutoField()
    batch_id: int

    batch = ForeignKeyField(RtvBatch, backref="cartons", on_delete="CASCADE")
    number = IntegerField()
    sscc = CharField(max_length=18, unique=True)

    class Meta:
        indexes = ((("batch", "number"), True),)


class RtvBatchLine(BaseModel):
    """A unit in a vendor-return batch (a unit is in one batch at most), with its carton once
    the batch is closed and the cost the vendor is asked to credit."""

    id = AutoField()
    batch_id: int
    unit_id: int
    carton_id: int | None

    batch = ForeignKeyField(RtvBatch, backref="lines", on_delete="CASCADE")
    unit = ForeignKeyField(Unit, unique=True)
    carton = ForeignKeyField(RtvCarton, null=True, index=False)
    cost = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    added_at = DateTimeField()
