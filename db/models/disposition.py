"""Routing rules, each unit's routing decisions, and customer outcomes."""

from __future__ import annotations

from decimal import Decimal

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from db.models.base import BaseModel
from db.models.dock import Unit
from db.models.inspection import Inspection
from db.models.master import (
    RMA,
    User,
)


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
