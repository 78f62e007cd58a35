"""What happens at the dock: parcels and units, counters, the label outbox, dock-wide settings
and the audit log."""

from __future__ import annotations

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from db.models.base import BaseModel
from db.models.master import (
    RMA,
    Order,
    Product,
    RMALine,
    Station,
    User,
)


class Parcel(BaseModel):
    """One physical package received at the dock.

    ``receipt_key`` is what makes a repeated scan harmless: the tracking number (or the RMA or
    order number the parcel was opened with) is unique, so two stations can never both receive it.
    """

    id = AutoField()
    rma_id: int | None
    order_id: int | None
    station_id: int

    receipt_key = CharField(max_length=80, unique=True)
    tracking_number = CharField(max_length=64, null=True, index=True)
    carrier = CharField(max_length=32, null=True)
    carrier_candidates = CharField(max_length=200, default="")
    rma = ForeignKeyField(RMA, backref="parcels", null=True)
    order = ForeignKeyField(Order, backref="parcels", null=True)
    condition = CharField(max_length=16, default="intact")
    note = TextField(default="")
    is_exception = BooleanField(default=False)
    state = CharField(max_length=16, default="open")
    station = ForeignKeyField(Station, backref="parcels")
    received_by = ForeignKeyField(User, backref="parcels")
    received_at = DateTimeField(index=True)
    closed_at = DateTimeField(null=True)


class Unit(BaseModel):
    """One physical returned item, known by its LPN from the moment it is received.

    ``receipt_key`` is unique: the same serial (or the n-th unit of an unserialised product in a
    parcel) can only be received once.
    """

    id = AutoField()
    station_id: int
    rma_line_id: int | None
    parcel_id: int
    product_id: int

    lpn = CharField(max_length=32, unique=True)
    receipt_key = CharField(max_length=160, unique=True)
    parcel = ForeignKeyField(Parcel, backref="units")
    product = ForeignKeyField(Product, backref="units")
    rma_line = ForeignKeyField(RMALine, backref="units", null=True)
    serial = CharField(max_length=64, null=True, index=True)
    match = CharField(max_length=24)
    state = CharField(max_length=16, default="received")
    station = ForeignKeyField(Station, backref="units")
    received_by = ForeignKeyField(User, backref="units")
    received_at = DateTimeField(index=True)
    grade = CharField(max_length=1, null=True)  # the final grade of its last inspection
    disposition = CharField(max_length=16, null=True)  # the route of its latest decision
    location = CharField(max_length=64, null=True)  # where that route sends it
    # Put away: the unit reached its location (state "moved"); the end of dock-to-stock time.
    moved_at = DateTimeField(null=True, index=True)
    moved_by = ForeignKeyField(User, null=True, index=False)
    moved_by_id: int | None

    class Meta:
        # Counting a parcel's units of one product is on every unit scan.
        indexes = ((("parcel", "product"), False),)


class Sequence(BaseModel):
    """Named counters (LPN numbers) advanced inside the writing transaction."""

    name = CharField(max_length=32, primary_key=True)
    value = IntegerField(default=0)


class PrintJob(BaseModel):
    """The label outbox: a label waits here until a printer has taken it.

    ``state`` goes queued → printing → printed; a failed attempt leaves it ``failed`` until
    ``next_attempt_at``, then it is tried again, so a label is never lost. ``claimed_by`` (a
    spooler of the station) and ``claimed_at`` make sure only one spooler sends a job; a claim
    older than the spooler's lease is taken over (the spooler died mid-send). ``data`` holds the
    rendered label once rendered, with the ``format``, ``label_size`` and ``dpi`` it was rendered
    for, so a retry or a reprint sends the very same bytes. ``reference`` (the LPN) finds the
    labels to reprint; a station's spooler finds its waiting jobs by (station, state).
    """

    id = AutoField()
    station_id: int

    kind = CharField(max_length=24)
    reference = CharField(max_length=64, index=True)
    payload = TextField()
    state = CharField(max_length=16, default="queued")
    station = ForeignKeyField(Station, backref="print_jobs", index=False)  # (station, state)
    created_at = DateTimeField()
    printer = CharField(max_length=32, default="label")
    format = CharField(max_length=8, null=True)
    label_size = CharField(max_length=16, null=True)
    dpi = IntegerField(null=True)
    data = BlobField(null=True)
    attempts = IntegerField(default=0)
    last_error = TextField(default="")
    next_attempt_at = DateTimeField(null=True)
    claimed_by = CharField(max_length=80, null=True)
    claimed_at = DateTimeField(null=True)
    printed_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("station", "state"), False),)


class Setting(BaseModel):
    """A dock-wide policy value (JSON), shared by every station; changes are audited."""

    key = CharField(max_length=64, primary_key=True)
    value = TextField()


class AuditRecord(BaseModel):
    """One entry of the append-only, hash-chained audit log (see ``receiving_app.audit``)."""

    id = AutoField()
    seq = IntegerField(unique=True)
    at = DateTimeField()
    user_name = CharField(max_length=64, null=True)
    station_code = CharField(max_length=32, null=True)
    action = CharField(max_length=48, index=True)
    entity = CharField(max_length=32)
    entity_id = CharField(max_length=80, index=True)
    before = TextField(default="")
    after = TextField(default="")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


class AuditHead(BaseModel):
    """The chain's last link, one row locked by every writer so that appends stay in order."""

    id = IntegerField(primary_key=True)
    seq = IntegerField(default=0)
    hash = CharField(max_length=64, default="0" * 64)
