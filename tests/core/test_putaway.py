"""Put-away: a graded unit moved to its location, once, audited (both engines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from peewee import Database

from db.models import AuditRecord, Unit
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput, NotFound, PermissionDenied
from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.supervisor.service import SupervisorDesk
from tests.core.report_setup import inspection_desk
from tests.core.supervisor_setup import grade_phone, supervisor_desk
from tests.core.test_inspection_desk import receive_phone


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    return inspection_desk(database, clock)


@pytest.fixture
def sup(database: Database, clock: FixedClock, dock) -> SupervisorDesk:
    return supervisor_desk(database, clock)


@pytest.fixture
def graded(desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path) -> Unit:
    lpn = grade_phone(desk, inspect, dock.phone_serials[0], tmp_path)
    return Unit.get(Unit.lpn == lpn)


def test_only_a_supervisor_has_the_desk(database: Database, clock: FixedClock, dock) -> None:
    with pytest.raises(PermissionDenied):
        supervisor_desk(database, clock, "BDG0002")


def test_a_graded_unit_is_put_away_once_and_audited(
    graded: Unit, sup: SupervisorDesk, clock: FixedClock
) -> None:
    done = sup.put_away(graded.lpn.lower(), f"  {graded.location.lower()} ")
    assert (done.lpn, done.location, done.moved_by, done.repeated) == (
        graded.lpn,
        graded.location,
        "Zhang Min",
        False,
    )
    unit = Unit.get_by_id(graded.id)
    assert (unit.state, unit.moved_at, unit.moved_by_id) == ("moved", clock.now(), sup.user.id)
    clock.advance(hours=1)
    again = sup.put_away(graded.lpn)
    assert again.repeated and again.moved_at == done.moved_at
    [record] = AuditRecord.select().where(AuditRecord.action == "unit.put_away")
    assert json.loads(record.after)["location"] == graded.location
    assert verify_chain().ok


def test_a_wrong_bin_is_refused_naming_the_right_one(graded: Unit, sup: SupervisorDesk) -> None:
    with pytest.raises(InvalidInput) as refused:
        sup.put_away(graded.lpn, "SCRAP")
    assert refused.value.params["location"] == graded.location
    assert Unit.get_by_id(graded.id).state == "graded"
    assert not AuditRecord.select().where(AuditRecord.action == "unit.put_away").exists()


def test_only_a_graded_unit_is_put_away(desk: ReceivingDesk, sup: SupervisorDesk, dock) -> None:
    lpn = receive_phone(desk, dock.phone_serials[1])
    with pytest.raises(InvalidInput) as refused:
        sup.put_away(lpn)
    assert refused.value.params["state"] == "received"
    with pytest.raises(NotFound):
        sup.put_away("LPN9999999999")
    assert Unit.get(Unit.lpn == lpn).state == "received"


def test_a_vendor_return_goes_to_its_staging_cage(
    graded: Unit, sup: SupervisorDesk, clock: FixedClock, database: Database
) -> None:
    inspect = inspection_desk(database, clock)
    inspect.handle_scan("BDG0003")  # a supervisor routes it by hand
    inspect.handle_scan(graded.lpn)
    assert inspect.override_route("vendor_return", "", "Vendor recall").code == "route_overridden"
    unit = Unit.get_by_id(graded.id)
    assert (unit.disposition, unit.location) == ("vendor_return", "CAGE-ACME")
    assert sup.put_away(unit.lpn, "CAGE-ACME").location == "CAGE-ACME"
    assert Unit.get_by_id(graded.id).state == "moved"
