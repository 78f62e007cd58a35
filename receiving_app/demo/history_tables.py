"""The demo history's tables: one bulk writer per table, with its columns in order, and the rows
drawn for them (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peewee import fn

from db.bulk import BulkWriter, Row
from db.models import (
    BaseModel,
    CustomerOutcome,
    Inspection,
    InspectionAnswer,
    Parcel,
    PrintJob,
    Unit,
    UnitDisposition,
)

if TYPE_CHECKING:
    import datetime
    import random
    from collections import Counter

    from peewee import Database

    from receiving_app.demo.audit_queue import AuditQueue
    from receiving_app.demo.history_setup import HistorySetup


class HistoryTables:
    """One ``BulkWriter`` per table the history fills, and the next free id of each."""

    def __init__(self, database: Database) -> None:
        self.next_id: dict[type[BaseModel], int] = {}

        def writer(model: type[BaseModel], *names: str) -> BulkWriter:
            fields = [getattr(model, name) for name in ("id", *names)]
            self.next_id[model] = (model.select(fn.MAX(fields[0])).scalar() or 0) + 1
            return BulkWriter(database, model, fields)

        self.parcels = writer(
            Parcel,
            "receipt_key",
            "tracking_number",
            "carrier",
            "carrier_candidates",
            "rma",
            "order",
            "condition",
            "note",
            "is_exception",
            "state",
            "station",
            "received_by",
            "received_at",
            "closed_at",
        )
        self.units = writer(
            Unit,
            "lpn",
            "receipt_key",
            "parcel",
            "product",
            "rma_line",
            "serial",
            "match",
            "state",
            "station",
            "received_by",
            "received_at",
            "grade",
            "disposition",
            "location",
        )
        self.print_jobs = writer(
            PrintJob,
            "kind",
            "reference",
            "payload",
            "state",
            "station",
            "created_at",
            "printer",
            "attempts",
            "printed_at",
        )
        self.inspections = writer(
            Inspection,
            "unit",
            "checklist_version",
            "state",
            "station",
            "started_by",
            "started_at",
            "completed_by",
            "completed_at",
            "computed_grade",
            "final_grade",
            "override_reason",
            "overridden_by",
            "overridden_at",
        )
        self.answers = writer(
            InspectionAnswer, "inspection", "step_id", "value", "answered_by", "answered_at"
        )
        self.dispositions = writer(
            UnitDisposition,
            "unit",
            "inspection",
            "rules_version",
            "route",
            "location",
            "rule_id",
            "reasons",
            "recoveries",
            "decided_by",
            "decided_at",
        )
        self.outcomes = writer(
            CustomerOutcome,
            "unit",
            "rma",
            "inspection",
            "requested",
            "outcome",
            "state",
            "refund_amount",
            "repair_estimate",
            "claim_not_found",
            "notes",
            "proposed_at",
            "decided_by",
            "decided_at",
            "decision_note",
        )

    def take_id(self, model: type[BaseModel]) -> int:
        """The next id of ``model``'s table (nothing is read back after the first)."""
        value = self.next_id[model]
        self.next_id[model] = value + 1
        return value


HISTORY_MODELS: tuple[type[BaseModel], ...] = (
    Parcel,
    Unit,
    PrintJob,
    Inspection,
    InspectionAnswer,
    UnitDisposition,
    CustomerOutcome,
)
"""The tables the history writes with explicit ids (their PostgreSQL sequences need advancing)."""


@dataclass
class HistoryRows:
    """The rows drawn so far, parents first in the order ``write`` inserts them."""

    parcels: list[Row] = field(default_factory=list)
    units: list[Row] = field(default_factory=list)
    print_jobs: list[Row] = field(default_factory=list)
    inspections: list[Row] = field(default_factory=list)
    answers: list[Row] = field(default_factory=list)
    dispositions: list[Row] = field(default_factory=list)
    outcomes: list[Row] = field(default_factory=list)

    def write(self, tables: HistoryTables) -> None:
        tables.parcels.write(self.parcels)
        tables.units.write(self.units)
        tables.print_jobs.write(self.print_jobs)
        tables.inspections.write(self.inspections)
        tables.answers.write(self.answers)
        tables.dispositions.write(self.dispositions)
        tables.outcomes.write(self.outcomes)
        for rows in vars(self).values():
            rows.clear()


@dataclass
class HistoryPart:
    """What every part of the history drawing shares: the setup, the tables and audit queue it
    writes to, the one random stream (its draws stay in order), the time it is now, and the rows
    and counts being built."""

    setup: HistorySetup
    tables: HistoryTables
    audit: AuditQueue
    rng: random.Random
    now: datetime.datetime
    rows: HistoryRows
    counts: Counter[str]
