"""Grading routes the unit and proposes the customer's outcome in the same transaction."""

from __future__ import annotations

import datetime
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from peewee import Database

from db.models import (
    AuditRecord,
    CustomerOutcome,
    Order,
    PrintJob,
    RoutingRulesVersion,
    Setting,
    Unit,
    UnitDisposition,
    User,
    Vendor,
)
from receiving_app.audit import Actor, verify_chain
from receiving_app.clock import FixedClock
from receiving_app.disposition.store import sync_routing_rules
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.printing.rendering import label_renderer
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.users import hash_pin
from tests.core.report_setup import inspection_desk
from tests.core.test_inspection_desk import ALL_CLEAR, PNG, receive_phone


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    return inspection_desk(database, clock)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "phone.png"
    path.write_bytes(PNG)
    return path


def grade_phone(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path, answers: dict[str, object]
) -> str:
    lpn = receive_phone(desk, dock.phone_serials[0])
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    for step_id, value in answers.items():
        assert inspect.answer(step_id, value).code == C.ANSWER_SAVED, step_id
    assert inspect.attach_photo("photo_overall", photo).code == C.PHOTO_ATTACHED
    return lpn


def test_the_shipped_rules_are_stored_once(database: Database, clock: FixedClock) -> None:
    assert sync_routing_rules(database, Actor(None, "X"), clock.now())
    assert not sync_routing_rules(database, Actor(None, "X"), clock.now())
    assert RoutingRulesVersion.select().count() == 1
    assert AuditRecord.select().where(AuditRecord.action == "routing_rules.loaded").count() == 1


def test_an_a_unit_goes_to_stock_and_a_defect_claim_not_found_waits(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path
) -> None:
    lpn = grade_phone(desk, inspect, dock, photo, ALL_CLEAR)
    done = inspect.complete()
    assert done.code == C.INSPECTION_COMPLETED
    assert (done.params["route"], done.params["location"]) == ("restock", "STOCK-electronics")
    assert done.text() == (f"{lpn}: grade A, restock to STOCK-electronics. Failing steps: -.")
    unit = Unit.get(Unit.lpn == lpn)
    assert (unit.grade, unit.disposition, unit.location) == ("A", "restock", "STOCK-electronics")
    [routed] = UnitDisposition.select()
    assert routed.rule_id == "as_new_to_stock"
    assert json.loads(routed.recoveries)["restock"] == "399.00"
    # The RMA says "defective" but every step passed: a supervisor decides the refund.
    [outcome] = CustomerOutcome.select()
    assert (outcome.requested, outcome.outcome, outcome.state) == ("refund", "refund", "pending")
    assert outcome.claim_not_found and outcome.refund_amount == Decimal("399.00")
    actions = [r.action for r in AuditRecord.select().order_by(AuditRecord.seq)][-4:]
    # No station start stored the rules in this test: the first routing stores the shipped ones.
    assert actions == [
        "inspection.completed",
        "routing_rules.loaded",
        "unit.routed",
        "customer_outcome.proposed",
    ]
    assert verify_chain().ok


def test_a_defective_unit_inside_the_vendor_window_goes_back_to_the_vendor(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path
) -> None:
    grade_phone(desk, inspect, dock, photo, {**ALL_CLEAR, "powers_on": False})
    done = inspect.complete()
    assert done.params["grade"] == "C"
    assert (done.params["route"], done.params["location"]) == ("vendor_return", "CAGE-ACME")
    [outcome] = CustomerOutcome.select()
    # 399 is above the 200 a station may approve: it waits, but the claim is confirmed.
    assert (outcome.outcome, outcome.state, outcome.claim_not_found) == ("refund", "pending", False)


def test_outside_the_vendor_window_a_valuable_unit_goes_for_parts(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path, clock: FixedClock
) -> None:
    Order.update(delivered_on=clock.now().date() - datetime.timedelta(days=61)).execute()
    grade_phone(desk, inspect, dock, photo, {**ALL_CLEAR, "powers_on": False})
    done = inspect.complete()
    assert (done.params["route"], done.params["location"]) == ("refurbish", "REFURB-PARTS")
    [outcome] = CustomerOutcome.select()
    assert outcome.outcome == "repair"  # 61 days: only the 12-month warranty is left
    assert outcome.repair_estimate > 0


def test_a_small_refund_the_inspection_supports_is_approved_at_once(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path
) -> None:
    Setting.create(key="outcome_policy", value=json.dumps({"auto_approve_limit": 500}))
    grade_phone(desk, inspect, dock, photo, {**ALL_CLEAR, "powers_on": False})
    inspect.complete()
    [outcome] = CustomerOutcome.select()
    assert (outcome.outcome, outcome.state) == ("refund", "approved")
    assert outcome.decided_at is not None and outcome.decided_by_id is None


def test_an_override_routes_again_and_supersedes_the_open_proposal(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path
) -> None:
    lpn = grade_phone(desk, inspect, dock, photo, ALL_CLEAR)
    inspect.complete()
    Vendor.update(accepts_returns=False).execute()
    outcome = inspect.override("C", "Cracked frame under the case")
    assert outcome.code == C.GRADE_OVERRIDDEN
    assert (outcome.params["route"], outcome.params["location"]) == ("refurbish", "REFURB-PARTS")
    unit = Unit.get(Unit.lpn == lpn)
    assert (unit.grade, unit.disposition) == ("C", "refurbish")
    assert [r.route for r in UnitDisposition.select().order_by(UnitDisposition.id)] == [
        "restock",
        "refurbish",
    ]
    states = [o.state for o in CustomerOutcome.select().order_by(CustomerOutcome.id)]
    assert states == ["superseded", "pending"]
    assert verify_chain().ok


def test_routing_queues_the_disposition_label_that_prints_the_route(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path, tmp_path: Path
) -> None:
    lpn = grade_phone(desk, inspect, dock, photo, ALL_CLEAR)
    inspect.complete()
    job = PrintJob.get(PrintJob.kind == "disposition")
    payload = json.loads(job.payload)
    assert (job.reference, payload["route"], payload["destination"]) == (
        lpn,
        "restock",
        "STOCK-electronics",
    )
    assert (payload["grade"], payload["rma"], payload["inspector"]) == (
        "A",
        "RMA00000001",
        "Wang Fang",
    )
    pdf = label_renderer()("disposition", payload, "4x6", 203, "pdf")
    target = tmp_path / "label.pdf"
    target.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "RESTOCK" in text and "STOCK-electronics" in text and lpn in text


def test_a_supervisor_changes_the_route_with_a_reason(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path
) -> None:
    lpn = grade_phone(desk, inspect, dock, photo, ALL_CLEAR)
    inspect.complete()
    view = inspect.view
    assert view is not None and set(view.recoveries) == {
        "restock",
        "refurbish",
        "vendor_return",
        "scrap",
    }
    assert view.recoveries["restock"] == "399.00" and view.route_reason is None
    # The inspector may not; a wrong PIN may not either.
    refused = inspect.override_route("scrap", "", "crushed")
    assert refused.code == C.NOT_ALLOWED
    User.update(pin_hash=hash_pin("2468")).where(User.name == "zhang.min").execute()
    assert inspect.override_route("scrap", "", "crushed", "zhang.min", "0000").code == C.NOT_ALLOWED
    for route, reason in (("landfill", "x"), ("scrap", "  ")):
        outcome = inspect.override_route(route, "", reason, "zhang.min", "2468")
        assert outcome.code == C.ROUTE_REFUSED
    assert UnitDisposition.select().count() == 1

    changed = inspect.override_route("scrap", "", "Water inside the case", "zhang.min", "2468")
    assert changed.code == C.ROUTE_OVERRIDDEN, changed
    assert changed.text() == f"{lpn}: now scrap to SCRAP, by Zhang Min."
    unit = Unit.get(Unit.lpn == lpn)
    assert (unit.disposition, unit.location) == ("scrap", "SCRAP")
    latest = UnitDisposition.select().order_by(UnitDisposition.id.desc()).first()
    assert latest.override_reason == "Water inside the case" and latest.rule_id is None
    assert latest.decided_by_id == User.get(User.name == "zhang.min").id
    labels = PrintJob.select().where(PrintJob.kind == "disposition").order_by(PrintJob.id)
    assert [json.loads(job.payload)["route"] for job in labels] == ["restock", "scrap"]
    assert json.loads(labels[-1].payload)["inspector"] == "Wang Fang"  # who inspected it
    record = AuditRecord.get(AuditRecord.action == "unit.route_overridden")
    assert json.loads(record.before)["disposition"] == "restock"
    assert inspect.view is not None and inspect.view.route_reason == "Water inside the case"
    again = inspect.override_route("scrap", "SCRAP", "still wet", "zhang.min", "2468")
    assert (again.level.value, again.code) == ("warning", C.ROUTE_REFUSED)
    cage = inspect.override_route("vendor_return", "", "Vendor agreed", "zhang.min", "2468")
    assert cage.params["location"] == "CAGE-ACME"
    assert verify_chain().ok
