"""Two inspection stations scanning the same unit at once start one inspection (both engines)."""

from __future__ import annotations

from pathlib import Path

from peewee import Database

from db.models import Inspection
from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from tests.core.racing import race
from tests.core.test_inspection_desk import receive_phone


def test_two_stations_open_the_same_unit(
    database: Database, clock: FixedClock, desk: ReceivingDesk, dock, tmp_path: Path
) -> None:
    lpn = receive_phone(desk, dock.phone_serials[0])
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    desks = []
    for code, badge in (("INSPECT-1", "BDG0002"), ("INSPECT-2", "BDG0003")):
        station = ensure_station(database, code, None, clock.now())
        inspection_desk = InspectionDesk(database, clock, station, photo_folder=tmp_path)
        assert inspection_desk.handle_scan(badge).code == C.LOGGED_IN
        desks.append(inspection_desk)
    outcomes = race(desks, lpn, database)
    codes = sorted(outcome.code for outcome in outcomes)
    # The unit row is locked: the second station waits, then resumes what the first started.
    assert codes == [C.INSPECTION_RESUMED, C.INSPECTION_STARTED]
    assert Inspection.select().where(Inspection.state == "in_progress").count() == 1
