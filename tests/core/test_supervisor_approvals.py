"""The supervisor's approval queue: customer outcomes and overrides, decided once (both engines)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from peewee import Database

from db.models import (
    AuditRecord,
    CustomerOutcome,
    Inspection,
    OverrideReview,
    PrintJob,
    Unit,
    UnitDisposition,
)
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.supervisor.service import SupervisorDesk
from tests.core.report_setup import inspection_desk
from tests.core.supervisor_setup import (
    ADMIN,
    OTHER_SUPERVISOR,
    SCRATCHED,
    add_supervisors,
    grade_phone,
    supervisor_desk,
)


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    add_supervisors()
    return inspection_desk(database, clock)


@pytest.fixture
def zhang(database: Database, clock: FixedClock, inspect) -> SupervisorDesk:
    return supervisor_desk(database, clock)


@pytest.fixture
def chen(database: Database, clock: FixedClock, inspect) -> SupervisorDesk:
    return supervisor_desk(database, clock, OTHER_SUPERVISOR)


@pytest.fixture
def overridden(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path, clock: FixedClock
) -> Unit:
    """A phone inspected to B, then overridden to A by the inspector an hour later."""
    lpn = grade_phone(desk, inspect, dock.phone_serials[0], tmp_path, SCRATCHED)
    clock.advance(hours=1)
    assert inspect.override("A", "Scratch only under the lamp").code == C.GRADE_OVERRIDDEN
    return Unit.get(Unit.lpn == lpn)


def route_by_hand(
    database: Database, clock: FixedClock, lpn: str, route: str, badge: str = "BDG0003"
) -> None:
    """Zhang Min (a supervisor; or who has ``badge``) sends the unit elsewhere."""
    desk = inspection_desk(database, clock)
    desk.handle_scan(badge)
    desk.handle_scan(lpn)
    assert desk.override_route(route, "", "Customer damage").code == C.ROUTE_OVERRIDDEN


def of_kind(desk: SupervisorDesk, kind: str) -> list:
    return [item for item in desk.approvals() if item.kind == kind]


def test_the_queue_merges_outcomes_and_overrides_oldest_first(
    overridden: Unit, zhang: SupervisorDesk, clock: FixedClock
) -> None:
    clock.advance(hours=2)
    items = zhang.approvals()
    assert sorted(item.kind for item in items) == ["customer_outcome", "grade_override"]
    assert [item.at for item in items] == sorted(item.at for item in items)
    [grade] = [item for item in items if item.kind == "grade_override"]
    [outcome] = [item for item in items if item.kind == "customer_outcome"]
    assert (grade.key, grade.lpn, grade.sku) == (
        f"inspection:{Inspection.get().id}",
        overridden.lpn,
        "EL-1001",
    )
    assert (grade.before, grade.after, grade.by) == ("B", "A", "Wang Fang")
    assert grade.reason == "Scratch only under the lamp"
    assert grade.age_hours == pytest.approx(2.0)
    assert outcome.outcome is not None and outcome.key == f"outcome:{outcome.outcome.id}"
    assert outcome.before == "refund" and outcome.by == "Wang Fang"


def test_approving_a_grade_override_records_one_review(
    overridden: Unit, zhang: SupervisorDesk, chen: SupervisorDesk
) -> None:
    [item] = of_kind(zhang, "grade_override")
    zhang.approve(item.key, "seen it myself")
    review = OverrideReview.get()
    assert (review.subject, review.decision, review.note) == (
        item.key,
        "approved",
        "seen it myself",
    )
    assert Unit.get_by_id(overridden.id).grade == "A"
    assert of_kind(chen, "grade_override") == []
    with pytest.raises(InvalidInput) as again:
        chen.reject(item.key, "no")
    assert again.value.params["user"] == "Zhang Min"
    assert OverrideReview.select().count() == 1
    assert AuditRecord.select().where(AuditRecord.action == "override.approved").count() == 1
    assert verify_chain().ok


def test_rejecting_a_grade_override_gives_the_computed_grade_back_and_reroutes(
    overridden: Unit, zhang: SupervisorDesk
) -> None:
    [item] = of_kind(zhang, "grade_override")
    routes_before = UnitDisposition.select().count()
    labels_before = PrintJob.select().where(PrintJob.kind == "disposition").count()
    with pytest.raises(InvalidInput):
        zhang.reject(item.key, "   ")  # a note is required
    with pytest.raises(InvalidInput):
        zhang.reject(item.key, "x" * 501)
    assert OverrideReview.select().count() == 0 and Unit.get_by_id(overridden.id).grade == "A"
    zhang.reject(item.key, "The scratch is plain to see")
    unit = Unit.get_by_id(overridden.id)
    inspection = Inspection.get()
    assert (unit.grade, inspection.final_grade, inspection.computed_grade) == ("B", "B", "B")
    assert UnitDisposition.select().count() == routes_before + 1
    latest = UnitDisposition.select().order_by(UnitDisposition.id.desc()).first()
    assert (latest.inspection_id, latest.decided_by_id) == (inspection.id, zhang.user.id)
    assert (unit.disposition, unit.location) == (latest.route, latest.location)
    assert PrintJob.select().where(PrintJob.kind == "disposition").count() == labels_before + 1
    states = [row.state for row in CustomerOutcome.select().order_by(CustomerOutcome.id)]
    assert states[-1] in ("pending", "approved") and "superseded" in states
    record = AuditRecord.get(AuditRecord.action == "override.rejected")
    assert json.loads(record.after)["grade"] == "B"
    assert (
        AuditRecord.select().where(AuditRecord.action == "inspection.override_undone").count() == 1
    )
    assert verify_chain().ok


def test_a_supervisor_may_not_review_their_own_route_but_an_admin_may(
    overridden: Unit, zhang: SupervisorDesk, database: Database, clock: FixedClock
) -> None:
    route_by_hand(database, clock, overridden.lpn, "scrap")
    [item] = of_kind(zhang, "route_override")
    assert item.after == "scrap @ SCRAP" and item.by == "Zhang Min"
    with pytest.raises(InvalidInput) as own:
        zhang.approve(item.key)
    assert own.value.message.startswith("{key} is your own override")
    route_by_hand(database, clock, overridden.lpn, "refurbish", ADMIN)
    [own_route] = of_kind(zhang, "route_override")
    assert own_route.by == "Admin Wu"
    admin = supervisor_desk(database, clock, ADMIN)
    admin.approve(own_route.key, "")
    assert OverrideReview.get().reviewed_by_id == admin.user.id


def test_rejecting_a_route_override_routes_by_the_rules_and_recalls_a_moved_unit(
    overridden: Unit, chen: SupervisorDesk, database: Database, clock: FixedClock
) -> None:
    rules_route = Unit.get_by_id(overridden.id).location
    route_by_hand(database, clock, overridden.lpn, "scrap")
    chen.put_away(overridden.lpn, "SCRAP")
    [item] = of_kind(chen, "route_override")
    assert item.before.endswith(f"@ {rules_route}")
    chen.reject(item.key, "Not damaged enough to scrap")
    unit = Unit.get_by_id(overridden.id)
    assert (unit.location, unit.state, unit.moved_at) == (rules_route, "graded", None)
    latest = UnitDisposition.select().order_by(UnitDisposition.id.desc()).first()
    assert latest.override_reason is None and latest.rule_id is not None
    assert of_kind(chen, "route_override") == []
    assert verify_chain().ok


def test_an_override_the_unit_moved_on_from_is_refused(
    overridden: Unit,
    zhang: SupervisorDesk,
    chen: SupervisorDesk,
    database: Database,
    clock: FixedClock,
) -> None:
    route_by_hand(database, clock, overridden.lpn, "scrap")
    [first] = of_kind(chen, "route_override")
    route_by_hand(database, clock, overridden.lpn, "refurbish")
    with pytest.raises(InvalidInput) as stale:
        chen.approve(first.key)
    assert stale.value.params["lpn"] == overridden.lpn
    assert [item.after.split(" @ ")[0] for item in of_kind(chen, "route_override")] == ["refurbish"]
    [grade] = of_kind(chen, "grade_override")
    desk = inspection_desk(database, clock)
    desk.handle_scan(overridden.lpn)
    assert desk.reinspect().code == C.INSPECTION_STARTED
    with pytest.raises(InvalidInput):
        chen.reject(grade.key, "wrong")
    assert of_kind(chen, "grade_override") == []
    assert OverrideReview.select().count() == 0
    with pytest.raises(NotFound):
        chen.approve("inspection:999999")
    with pytest.raises(NotFound):
        chen.approve("bogus")


def decide_at_once(calls: list[Callable[[], None]], database: Database) -> list[BaseException]:
    """Run every call at the same moment, each on its own connection; what each raised."""
    barrier = threading.Barrier(len(calls))
    raised: list[BaseException] = []

    def work(call: Callable[[], None]) -> None:
        with database.connection_context():
            barrier.wait(timeout=10)
            try:
                call()
            except InvalidInput as exc:
                raised.append(exc)

    threads = [threading.Thread(target=work, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return raised


def test_two_supervisors_deciding_at_once_make_one_decision(
    overridden: Unit, zhang: SupervisorDesk, chen: SupervisorDesk, database: Database
) -> None:
    [item] = of_kind(zhang, "grade_override")
    routes = UnitDisposition.select().count()
    raised = decide_at_once(
        [lambda: zhang.reject(item.key, "plain scratch"), lambda: chen.reject(item.key, "no")],
        database,
    )
    assert len(raised) == 1 and raised[0].params["user"] in ("Zhang Min", "Chen Jie")
    assert OverrideReview.select().count() == 1
    assert UnitDisposition.select().count() == routes + 1  # routed again once
    assert verify_chain().ok
