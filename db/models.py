"""The peewee models of Returns Receiving: master data, orders and RMAs, parcels and units, audit,
checklists and inspections.

Models are bound to ``database_proxy``; ``db.connection.open_database`` points it at a real
database. Every field that a scan looks up is indexed (the scan path must stay under 25 ms on a
database of a million orders).
"""

from __future__ import annotations

from decimal import Decimal

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """The base of every model.

    Columns with few distinct values (states, flags, categories) carry no index of their own:
    without statistics, SQLite's planner would pick them over a selective one (migration 0002).

    Models declare their ``id = AutoField()`` (peewee's default, spelt out for the type checker);
    the bare ``<fk>_id`` annotations only tell the type checker about the accessors peewee adds
    itself, and peewee ignores annotations without a field.
    """

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Channel(BaseModel):
    """A sales channel: the web shop, a marketplace (Taobao, JD...), a store."""

    id = AutoField()
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=120)


class Customer(BaseModel):
    """The buyer, kept minimal: a display name and the channel's own reference, no address."""

    id = AutoField()
    channel = ForeignKeyField(Channel, backref="customers")
    external_ref = CharField(max_length=64)
    display_name = CharField(max_length=120)

    class Meta:
        indexes = ((("channel", "external_ref"), True),)


class Vendor(BaseModel):
    """A supplier, with its return agreement (does it take returns back, and for how long)."""

    id = AutoField()
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=120)
    accepts_returns = BooleanField(default=False)
    return_window_days = IntegerField(default=0)


class Product(BaseModel):
    id = AutoField()
    vendor_id: int | None
    sku = CharField(max_length=64, unique=True)
    name = CharField(max_length=200)
    category = CharField(max_length=32)
    vendor = ForeignKeyField(Vendor, backref="products", null=True)
    unit_cost = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    price = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    warranty_months = IntegerField(default=0)
    serialised = BooleanField(default=False)


class ProductGTIN(BaseModel):
    """One of a product's GTINs, stored as GTIN-14 (a product can carry several)."""

    id = AutoField()
    product_id: int

    product = ForeignKeyField(Product, backref="gtins", on_delete="CASCADE")
    gtin = CharField(max_length=14, unique=True)


class Order(BaseModel):
    id = AutoField()
    number = CharField(max_length=40, unique=True)
    channel = ForeignKeyField(Channel, backref="orders")
    customer = ForeignKeyField(Customer, backref="orders", null=True)
    ordered_at = DateTimeField()
    delivered_on = DateField(null=True)


class OrderLine(BaseModel):
    id = AutoField()
    order_id: int
    product_id: int

    order = ForeignKeyField(Order, backref="lines", on_delete="CASCADE")
    line_no = IntegerField()
    product = ForeignKeyField(Product, backref="order_lines")
    quantity = IntegerField()
    unit_price = DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        indexes = ((("order", "line_no"), True),)


class SoldSerial(BaseModel):
    """A serial number sold on an order line: what a returned serialised unit must match."""

    id = AutoField()
    order_line_id: int

    order_line = ForeignKeyField(OrderLine, backref="serials", on_delete="CASCADE")
    serial = CharField(max_length=64, index=True)


class RMA(BaseModel):
    """A return authorisation for some lines of one order (an order may have several)."""

    id = AutoField()
    order_id: int

    number = CharField(max_length=40, unique=True)
    order = ForeignKeyField(Order, backref="rmas")
    reason_code = CharField(max_length=32)
    customer_words = TextField(default="")
    requested_outcome = CharField(max_length=16)
    expected_carrier = CharField(max_length=32, null=True)
    expected_tracking = CharField(max_length=64, null=True, index=True)
    status = CharField(max_length=16, default="open")
    created_at = DateTimeField()


class RMALine(BaseModel):
    id = AutoField()
    rma_id: int
    order_line_id: int
    received: int  # only on rows selected with a COUNT alias (db.queries)

    rma = ForeignKeyField(RMA, backref="lines", on_delete="CASCADE")
    order_line = ForeignKeyField(OrderLine, backref="rma_lines")
    quantity = IntegerField()


class Station(BaseModel):
    id = AutoField()
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=120)


class User(BaseModel):
    id = AutoField()
    name = CharField(max_length=64, unique=True)
    display_name = CharField(max_length=120)
    role = CharField(max_length=16)
    badge = CharField(max_length=40, null=True, unique=True)
    pin_hash = CharField(max_length=255, null=True)
    active = BooleanField(default=True)


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


class RoutingRulesVersion(BaseModel):
    """The disposition routing rules at one version (the file format, JSON); a decision keeps
    the version it used. Rows are never changed: an edit is saved as the next version."""

    id = AutoField()
    saved_by_id: int | None

    version = IntegerField(unique=True)
    name = CharField(max_length=120)
    body = TextField()
    saved_at = DateTimeField()
    saved_by = ForeignKeyField(User, null=True, index=False)  # None: the shipped rules
    note = CharField(max_length=200, default="")


class UnitDisposition(BaseModel):
    """Where a graded unit was routed, by which rule and why, with every route's recovery.

    A new grade (an override, a re-inspection) or a supervisor's override adds a decision; the
    unit carries the latest. ``override_reason`` is set when a supervisor chose the route.
    """

    id = AutoField()
    unit_id: int
    inspection_id: int | None
    rules_version_id: int
    decided_by_id: int

    unit = ForeignKeyField(Unit, backref="dispositions")
    inspection = ForeignKeyField(Inspection, null=True, index=False)
    rules_version = ForeignKeyField(RoutingRulesVersion, index=False)
    route = CharField(max_length=16)
    location = CharField(max_length=64)
    rule_id = CharField(max_length=64, null=True)
    reasons = TextField()  # JSON: [[marked message, params], ...]
    recoveries = TextField()  # JSON: {route: "amount"}
    decided_by = ForeignKeyField(User, index=False)
    decided_at = DateTimeField(index=True)
    override_reason = TextField(null=True)


class CustomerOutcome(BaseModel):
    """What the customer gets for a returned unit: proposed by the policy, then approved at once
    (a small refund the inspection supports) or by a supervisor. A new proposal for the same
    unit supersedes the open one; ``exported_at`` records the last export to the order system."""

    id = AutoField()
    unit_id: int
    rma_id: int | None
    inspection_id: int | None
    decided_by_id: int | None

    unit = ForeignKeyField(Unit, backref="customer_outcomes")
    rma = ForeignKeyField(RMA, null=True, index=False)
    inspection = ForeignKeyField(Inspection, null=True, index=False)
    requested = CharField(max_length=16)
    outcome = CharField(max_length=16)
    state = CharField(max_length=16)  # approved, pending, rejected, superseded
    refund_amount = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    repair_estimate = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    claim_not_found = BooleanField(default=False)
    notes = TextField()  # JSON: [[marked message, params], ...]
    proposed_at = DateTimeField()
    decided_by = ForeignKeyField(User, null=True, index=False)  # None: approved automatically
    decided_at = DateTimeField(null=True)
    decision_note = TextField(default="")
    exported_at = DateTimeField(null=True)


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


MODELS: tuple[type[BaseModel], ...] = (
    Channel,
    Customer,
    Vendor,
    Product,
    ProductGTIN,
    Order,
    OrderLine,
    SoldSerial,
    RMA,
    RMALine,
    Station,
    User,
    Parcel,
    Unit,
    Sequence,
    PrintJob,
    Setting,
    AuditRecord,
    AuditHead,
    ChecklistVersion,
    Inspection,
    InspectionAnswer,
    Photo,
    RoutingRulesVersion,
    UnitDisposition,
    CustomerOutcome,
    ExceptionResolution,
    OverrideReview,
    RtvBatch,
    RtvCarton,
    RtvBatchLine,
)

__all__ = [m.__name__ for m in MODELS] + ["MODELS", "BaseModel", "database_proxy"]
