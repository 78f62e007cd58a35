"""The demo data's history (``--history-days``): past returns received, inspected and routed."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from peewee import Database

from db.connection import open_database
from db.models import (
    MODELS,
    RMA,
    AuditRecord,
    CustomerOutcome,
    Inspection,
    InspectionAnswer,
    Order,
    OrderLine,
    Parcel,
    PrintJob,
    Product,
    RMALine,
    Sequence,
    Unit,
    UnitDisposition,
    Vendor,
)
from db.schema import upgrade
from receiving_app.accounts import ensure_station
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.customer_outcome.policy import Outcome, ReturnCase, propose
from receiving_app.customer_outcome.store import current_policy
from receiving_app.demo_data import DemoSummary, generate_demo_data
from receiving_app.disposition.model import UnitFacts
from receiving_app.disposition.routing import decide
from receiving_app.disposition.store import stored_rules
from receiving_app.inspection.grading import grade_from_answers
from receiving_app.inspection.store import template_of_version
from receiving_app.receiving.desk import ReceivingDesk

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
ORDERS = 400
SEED = 7
DAYS = 14


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    database.connect()
    upgrade(database)
    yield database
    database.close()


@pytest.fixture
def history(database: Database) -> DemoSummary:
    return generate_demo_data(database, ORDERS, SEED, NOW, history_days=DAYS)


def _dump() -> dict[str, list[tuple[object, ...]]]:
    tables = {}
    for model in MODELS:
        fields = [f for f in model._meta.sorted_fields if f.name != "pin_hash"]
        query = model.select(*fields).order_by(*model._meta.get_primary_keys()).tuples()
        tables[model._meta.table_name] = list(query)
    return tables


def test_units_are_received_graded_and_routed(history: DemoSummary) -> None:
    assert history.history is not None
    units = list(Unit.select())
    states = Counter(u.state for u in units)
    assert set(states) <= {"received", "graded", "moved", "shipped"}
    assert states["graded"] + states["moved"] > 20
    assert len(units) == history.history.units
    for unit in units:
        graded = unit.state in ("graded", "moved", "shipped")
        assert (unit.grade is not None) == graded
        assert (unit.disposition is not None and unit.location is not None) == graded
        assert unit.match == "matched" and unit.rma_line_id is not None
    grades = Counter(u.grade for u in units if u.grade)
    assert set(grades) == {"A", "B", "C"}
    assert all(p.state == "closed" and p.closed_at for p in Parcel.select())
    received = {p.rma_id for p in Parcel.select()}
    assert {r.id for r in RMA.select().where(RMA.status == "received")} == received
    assert all(j.state == "printed" and j.printed_at for j in PrintJob.select())
    assert Counter(j.kind for j in PrintJob.select())["lpn"] == len(units)


def test_every_grade_follows_from_its_answers(history: DemoSummary) -> None:
    inspections = {i.unit_id: i for i in Inspection.select()}
    overridden = 0
    for unit in Unit.select().where(Unit.state.in_(("graded", "moved", "shipped"))):
        inspection = inspections[unit.id]
        assert inspection.state == "completed"
        template = template_of_version(inspection.checklist_version_id)
        product = Product.get_by_id(unit.product_id)
        assert template.category == product.category
        answers = {
            a.step_id: json.loads(a.value)
            for a in InspectionAnswer.select().where(InspectionAnswer.inspection == inspection.id)
        }
        assert grade_from_answers(template, answers).grade == inspection.computed_grade
        assert unit.grade == inspection.final_grade
        if inspection.override_reason:
            overridden += 1
            assert inspection.final_grade != inspection.computed_grade
            assert inspection.overridden_by_id and inspection.overridden_at
        else:
            assert inspection.final_grade == inspection.computed_grade
    assert history.history is not None and overridden == history.history.overridden


def test_every_route_is_what_the_rules_decide(history: DemoSummary) -> None:
    rules = stored_rules()
    latest: dict[int, UnitDisposition] = {}
    for row in UnitDisposition.select().order_by(UnitDisposition.id):
        unit = Unit.get_by_id(row.unit_id)
        product = Product.get_by_id(unit.product_id)
        vendor = Vendor.get_by_id(product.vendor_id)
        order = Order.get_by_id(Parcel.get_by_id(unit.parcel_id).order_id)
        rma = RMA.get_by_id(RMALine.get_by_id(unit.rma_line_id).rma_id)
        inspection = Inspection.get_by_id(row.inspection_id)
        overridden = row.decided_at == inspection.overridden_at
        grade = inspection.final_grade if overridden else inspection.computed_grade
        facts = UnitFacts(
            grade=grade,
            category=product.category,
            value=product.price,
            cost=product.unit_cost,
            vendor=vendor.code,
            vendor_accepts=vendor.accepts_returns,
            vendor_window_days=vendor.return_window_days,
            days_since_delivery=(row.decided_at.date() - order.delivered_on).days,
            reason=rma.reason_code,
            parcel_condition=Parcel.get_by_id(unit.parcel_id).condition,
        )
        decision = decide(rules, facts)
        assert (row.route, row.location, row.rule_id) == (
            decision.disposition.value,
            decision.location,
            decision.rule_id,
        )
        latest[unit.id] = row
    for unit_id, row in latest.items():
        unit = Unit.get_by_id(unit_id)
        assert (unit.disposition, unit.location) == (row.route, row.location)


def test_customer_outcomes_follow_the_policy(history: DemoSummary) -> None:
    policy = current_policy()
    states = Counter(o.state for o in CustomerOutcome.select())
    assert set(states) <= {"approved", "pending", "rejected", "superseded"}
    assert states["approved"] > 0 and states["pending"] + states["rejected"] > 0
    graded = Unit.select().where(Unit.state.in_(("graded", "moved", "shipped"))).count()
    assert sum(n for s, n in states.items() if s != "superseded") == graded
    for row in CustomerOutcome.select():
        unit = Unit.get_by_id(row.unit_id)
        rma = RMA.get_by_id(row.rma_id)
        line = OrderLine.get_by_id(RMALine.get_by_id(unit.rma_line_id).order_line_id)
        product = Product.get_by_id(unit.product_id)
        inspection = Inspection.get_by_id(row.inspection_id)
        template = template_of_version(inspection.checklist_version_id)
        answers = {
            a.step_id: json.loads(a.value)
            for a in InspectionAnswer.select().where(InspectionAnswer.inspection == inspection.id)
        }
        result = grade_from_answers(template, answers)
        overridden = row.proposed_at == inspection.overridden_at
        proposal = propose(
            policy,
            ReturnCase(
                requested=Outcome(row.requested),
                reason=rma.reason_code,
                delivered_on=Order.get_by_id(rma.order_id).delivered_on,
                decided_on=row.proposed_at.date(),
                warranty_months=product.warranty_months,
                category=product.category,
                amount=Decimal(line.unit_price),
                grade=inspection.final_grade if overridden else inspection.computed_grade,
                failing_steps=tuple(f.step_id for f in result.failures),
            ),
        )
        assert row.outcome == proposal.outcome.value
        assert row.claim_not_found == proposal.claim_not_found
        if row.state in ("approved", "rejected"):
            assert row.decided_at is not None and row.decided_at >= row.proposed_at
            assert (row.decided_by_id is None) == proposal.auto_approved
        if row.state == "rejected":
            assert row.decision_note


def test_timestamps_lie_in_the_window_in_order(history: DemoSummary) -> None:
    start = NOW - datetime.timedelta(days=DAYS)
    inspections = {i.unit_id: i for i in Inspection.select()}
    waits = []
    for unit in Unit.select():
        parcel = Parcel.get_by_id(unit.parcel_id)
        assert start <= parcel.received_at <= unit.received_at <= parcel.closed_at < NOW
        inspection = inspections.get(unit.id)
        if inspection is not None:
            assert parcel.closed_at < inspection.started_at < inspection.completed_at < NOW
            waits.append((inspection.completed_at - unit.received_at).total_seconds() / 3600)
    assert min(waits) < 4 and max(waits) > 30  # dock-to-stock times vary
    for row in CustomerOutcome.select().where(CustomerOutcome.decided_at.is_null(False)):
        assert row.decided_at < NOW


def test_audit_chain_verifies_in_time_order(history: DemoSummary) -> None:
    report = verify_chain()
    assert report.ok
    assert history.history is not None
    assert report.records > history.history.audit_records > 5 * history.history.units
    times = [r.at for r in AuditRecord.select().order_by(AuditRecord.seq)]
    assert times == sorted(times)


def test_a_desk_receives_a_new_unit_without_lpn_collision(
    history: DemoSummary, database: Database
) -> None:
    last = max(u.lpn for u in Unit.select())
    assert Sequence.get_by_id("lpn").value == int(last.removeprefix("LPN"))
    rma = (
        RMA.select()
        .join(RMALine)
        .join(OrderLine)
        .join(Product)
        .where((RMA.status == "open") & ~Product.serialised)
        .order_by(RMA.id)
        .first()
    )
    product = Product.get_by_id(rma.lines[0].order_line.product_id)
    clock = FixedClock(NOW)
    desk = ReceivingDesk(database, clock, ensure_station(database, "DOCK-1", None, NOW))
    assert desk.login_with_pin("liwei", "1234").code == "logged_in"
    assert desk.handle_scan(rma.number).parcel is not None
    outcome = desk.handle_scan(product.sku)
    assert outcome.lpn is not None and outcome.lpn > last
    assert verify_chain().ok


def test_same_seed_same_history_and_zero_days_is_unchanged(tmp_path: Path) -> None:
    dumps = []
    for name, days in (("a.db", 5), ("b.db", 5), ("c.db", 0), ("d.db", None)):
        database = open_database(f"sqlite:///{tmp_path / name}")
        database.connect()
        upgrade(database)
        if days is None:  # as before history existed
            generate_demo_data(database, 150, SEED, NOW)
        else:
            generate_demo_data(database, 150, SEED, NOW, history_days=days)
        dumps.append(_dump())
        database.close()
    assert dumps[0] == dumps[1]
    assert dumps[2] == dumps[3]
    assert dumps[0]["unit"] and not dumps[2]["unit"] and len(dumps[2]["audit_record"]) == 1
    assert dumps[0]["order"] == dumps[2]["order"]  # the orders are the same with history
