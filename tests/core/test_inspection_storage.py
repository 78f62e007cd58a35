"""A database that cannot take the write gives an error outcome and stores nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.connection import open_database
from db.models import InspectionAnswer
from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.outcomes import OutcomeLevel
from receiving_app.receiving.desk import ReceivingDesk
from tests.conftest import NOW
from tests.core.seed import seed_dock
from tests.core.test_inspection_desk import receive_phone


def test_a_locked_database_refuses_the_answer_and_keeps_nothing(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = open_database(sqlite_url, busy_timeout_ms=100)
    database.connect()
    clock = FixedClock(NOW)
    with database.atomic():
        dock = seed_dock(NOW)
    receiving = ReceivingDesk(database, clock, ensure_station(database, "DOCK-1", None, NOW))
    lpn = receive_phone(receiving, dock.phone_serials[0])
    sync_templates(database, Actor(None, "INSPECT-1"), NOW)
    inspect = InspectionDesk(
        database, clock, ensure_station(database, "INSPECT-1", None, NOW), photo_folder=tmp_path
    )
    inspect.handle_scan("BDG0002")
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED

    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another station holds the write lock
    try:
        outcome = inspect.answer("powers_on", True)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (outcome.level, outcome.code) == (OutcomeLevel.ERROR, C.STORAGE_UNAVAILABLE)
    assert InspectionAnswer.select().count() == 0
    assert inspect.answer("powers_on", True).code == C.ANSWER_SAVED  # and it works again after
    database.close()
