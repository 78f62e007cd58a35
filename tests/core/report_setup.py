"""A real inspection for the inspection-report tests: a phone received, inspected, overridden.

Everything goes through the desks the stations use, into the database under test; photos are
real JPEGs stored where the desk keeps them (``data_dir() / "photos"``), so the command line
run in a subprocess finds them too.
"""

from __future__ import annotations

import io
from pathlib import Path

from peewee import Database
from PIL import Image, ImageDraw

from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import data_dir
from tests.core.test_inspection_desk import ALL_CLEAR, receive_phone

OVERRIDE_REASON = "Scratch only visible under the dock lamp"
NOTE = "Flicker not reproduced 闪烁未复现"
# Light scratches (cosmetic: B), a battery at 92.5 %, a note; the photo comes on top.
ANSWERS: dict[str, object] = {
    **ALL_CLEAR,
    "battery_health": 92.5,
    "scratches": "light",
    "notes": NOTE,
}


def photo_file(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    """A real JPEG picture, different for every colour."""
    image = Image.new("RGB", (1200, 900), colour)
    ImageDraw.Draw(image).ellipse((300, 200, 900, 700), fill="white", outline="black", width=9)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    path = folder / name
    path.write_bytes(buffer.getvalue())
    return path


def inspection_desk(database: Database, clock: FixedClock) -> InspectionDesk:
    """An inspection desk at INSPECT-1 with Wang Fang (inspector) logged in."""
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    station = ensure_station(database, "INSPECT-1", None, clock.now())
    desk = InspectionDesk(database, clock, station, photo_folder=data_dir() / "photos")
    assert desk.handle_scan("BDG0002").code == C.LOGGED_IN
    return desk


def start_inspection(receiving: ReceivingDesk, inspect: InspectionDesk, serial: str) -> str:
    """Receive the phone with ``serial``, open its inspection and answer every step but photos."""
    lpn = receive_phone(receiving, serial)
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    for step_id, value in ANSWERS.items():
        assert inspect.answer(step_id, value).code == C.ANSWER_SAVED, step_id
    return lpn


def graded_phone(
    receiving: ReceivingDesk, inspect: InspectionDesk, serial: str, photo: Path
) -> str:
    """A phone inspected to B, with a photo, then overridden to A with a reason; its LPN."""
    lpn = start_inspection(receiving, inspect, serial)
    assert inspect.attach_photo("photo_overall", photo).code == C.PHOTO_ATTACHED
    done = inspect.complete()
    assert (done.code, done.params["grade"]) == (C.INSPECTION_COMPLETED, "B")
    assert inspect.override("A", OVERRIDE_REASON).code == C.GRADE_OVERRIDDEN
    return lpn
