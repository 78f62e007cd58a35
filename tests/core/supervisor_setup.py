"""Graded units and supervisors for the supervisor-desk tests, made through the real desks."""

from __future__ import annotations

from pathlib import Path

from peewee import Database

from db.models import User
from receiving_app.accounts import ensure_station, user_by_badge
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.supervisor.service import SupervisorDesk
from tests.core.test_inspection_desk import ALL_CLEAR, PNG, receive_phone

SCRATCHED = {**ALL_CLEAR, "scratches": "light"}  # a B
OTHER_SUPERVISOR = "BDG0004"
ADMIN = "BDG0005"


def add_supervisors() -> None:
    """A second supervisor (Chen Jie) and an admin (Admin Wu) beside the seeded Zhang Min."""
    User.create(name="chen.jie", display_name="Chen Jie", role="supervisor", badge=OTHER_SUPERVISOR)
    User.create(name="admin.wu", display_name="Admin Wu", role="admin", badge=ADMIN)


def supervisor_desk(
    database: Database, clock: FixedClock, badge: str = "BDG0003"
) -> SupervisorDesk:
    """The supervisor desk at SUPER-1 for the user with ``badge``."""
    station = ensure_station(database, "SUPER-1", None, clock.now())
    user = user_by_badge(badge)
    assert user is not None
    return SupervisorDesk(database, clock, station, user)


def grade_phone(
    receiving: ReceivingDesk,
    inspect: InspectionDesk,
    serial: str,
    folder: Path,
    answers: dict[str, object] | None = None,
) -> str:
    """Receive the phone with ``serial`` and inspect it (all clear: A, unless ``answers``)."""
    lpn = receive_phone(receiving, serial)
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    for step_id, value in (answers or ALL_CLEAR).items():
        assert inspect.answer(step_id, value).code == C.ANSWER_SAVED, step_id
    photo = folder / "phone.png"
    photo.write_bytes(PNG)
    assert inspect.attach_photo("photo_overall", photo).code == C.PHOTO_ATTACHED
    assert inspect.complete().code == C.INSPECTION_COMPLETED
    return lpn
