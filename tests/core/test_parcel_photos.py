"""Parcel photos at receiving, and unit photos at inspection outside a step, on both engines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from peewee import Database
from PIL import Image

from db.models import AuditRecord, Inspection, Parcel, Photo, Unit, User
from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor, verify_chain
from receiving_app.clock import FixedClock
from receiving_app.context import open_context
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.outcomes import OutcomeLevel
from receiving_app.photo_store import PhotoStore
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import PhotoSettings, StationSettings
from tests.conftest import NOW
from tests.core.seed import UPS_TRACKING, Dock, seed_dock
from tests.core.test_inspection_desk import ALL_CLEAR


def picture(width: int, height: int, colour: tuple[int, int, int], kind: str = "JPEG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, kind)
    return buffer.getvalue()


@pytest.fixture
def photo_folder(tmp_path: Path) -> Path:
    return tmp_path / "shared" / "photos"


@pytest.fixture
def receiving(
    database: Database, dock: Dock, clock: FixedClock, photo_folder: Path
) -> ReceivingDesk:
    station = ensure_station(database, "DOCK-1", None, clock.now())
    return ReceivingDesk(database, clock, station, photos=PhotoStore(photo_folder, 1024))


def open_parcel(desk: ReceivingDesk) -> int:
    assert desk.handle_scan("BDG0001").code == C.LOGGED_IN
    assert desk.handle_scan(UPS_TRACKING).code == C.PARCEL_RECEIVED
    assert desk.parcel_id is not None
    return desk.parcel_id


def test_photos_of_the_open_parcel_from_a_file_and_the_camera(
    receiving: ReceivingDesk, photo_folder: Path, tmp_path: Path
) -> None:
    parcel_id = open_parcel(receiving)
    damaged_box = tmp_path / "box.png"
    damaged_box.write_bytes(picture(3000, 2000, (120, 80, 40), "PNG"))
    from_file = receiving.attach_parcel_photo(damaged_box)
    from_camera = receiving.attach_parcel_photo(picture(1280, 720, (10, 90, 10)))
    for outcome in (from_file, from_camera):
        assert (outcome.level, outcome.code) == (OutcomeLevel.OK, C.PHOTO_ATTACHED)
    rows = list(Photo.select().order_by(Photo.id))
    assert [(row.parcel_id, row.unit_id, row.inspection_id) for row in rows] == [
        (parcel_id, None, None)
    ] * 2
    assert {row.taken_by_id for row in rows} == {User.get(User.badge == "BDG0001").id}
    assert {row.taken_at for row in rows} == {NOW}
    with Image.open(photo_folder / rows[0].file_name) as stored:
        assert stored.size == (1024, 683)  # the desk's store: 1024 px at most
    audits = list(AuditRecord.select().where(AuditRecord.action == "parcel.photo_added"))
    assert [(a.entity, a.entity_id) for a in audits] == [("parcel", str(parcel_id))] * 2
    assert json.loads(audits[0].after)["sha256"] == from_file.params["sha256"]
    assert verify_chain().ok


def test_the_same_picture_twice_on_a_parcel_is_harmless(receiving: ReceivingDesk) -> None:
    open_parcel(receiving)
    frame = picture(640, 480, (200, 200, 0))
    assert receiving.attach_parcel_photo(frame).code == C.PHOTO_ATTACHED
    again = receiving.attach_parcel_photo(frame)
    assert (again.level, again.code) == (OutcomeLevel.OK, C.PHOTO_REPEAT)
    assert Photo.select().count() == 1
    assert AuditRecord.select().where(AuditRecord.action == "parcel.photo_added").count() == 1


def test_a_parcel_photo_needs_a_login_and_an_open_parcel(
    receiving: ReceivingDesk, photo_folder: Path
) -> None:
    frame = picture(640, 480, (0, 0, 0))
    assert receiving.attach_parcel_photo(frame).code == C.LOGIN_REQUIRED
    assert receiving.handle_scan("BDG0001").code == C.LOGGED_IN
    assert receiving.attach_parcel_photo(frame).code == C.NO_OPEN_PARCEL
    receiving.handle_scan(UPS_TRACKING)
    assert receiving.close_parcel().code == C.PARCEL_CLOSED
    assert receiving.attach_parcel_photo(frame).code == C.NO_OPEN_PARCEL
    assert Photo.select().count() == 0
    assert not photo_folder.exists()


def test_a_bad_picture_is_refused_and_nothing_is_stored(
    receiving: ReceivingDesk, photo_folder: Path
) -> None:
    open_parcel(receiving)
    refused = receiving.attach_parcel_photo(b"\xff\xd8\xff not really a JPEG")
    assert (refused.level, refused.code) == (OutcomeLevel.ERROR, C.PHOTO_REFUSED)
    assert Photo.select().count() == 0
    assert not photo_folder.exists()


def test_parcel_photos_are_listed_for_thumbnails(
    receiving: ReceivingDesk, photo_folder: Path
) -> None:
    parcel_id = open_parcel(receiving)
    first = receiving.attach_parcel_photo(picture(640, 480, (1, 2, 3)))
    receiving.attach_parcel_photo(picture(640, 480, (200, 2, 3)))
    other = Parcel.create(
        receipt_key="OTHER", station=receiving.station.id, received_by=1, received_at=NOW
    )
    listed = receiving.parcel_photos(parcel_id)
    assert listed[0].file_name == f"{first.params['sha256']}.jpg"
    assert len(listed) == 2
    assert all(ref.path.parent == photo_folder and ref.path.is_file() for ref in listed)
    assert {(ref.taken_at, ref.taken_by) for ref in listed} == {(NOW, "Li Wei")}
    assert receiving.parcel_photos(other.id) == []


def test_a_unit_photo_can_be_taken_at_any_time_of_its_inspection(
    database: Database,
    receiving: ReceivingDesk,
    dock: Dock,
    clock: FixedClock,
    photo_folder: Path,
) -> None:
    open_parcel(receiving)
    lpn = receiving.handle_scan(dock.phone_serials[0]).lpn
    assert lpn is not None
    receiving.close_parcel()  # a unit is inspected once its parcel is closed
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    station = ensure_station(database, "INSPECT-1", None, clock.now())
    inspect = InspectionDesk(database, clock, station, photo_folder=photo_folder)
    inspect.handle_scan("BDG0002")
    frame = picture(800, 600, (90, 90, 90))
    assert inspect.attach_unit_photo(frame).code == C.NO_INSPECTION
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    attached = inspect.attach_unit_photo(frame)
    assert (attached.code, attached.params["lpn"]) == (C.PHOTO_ATTACHED, lpn)
    assert inspect.attach_unit_photo(frame).code == C.PHOTO_REPEAT  # again: harmless
    row = Photo.get()
    assert (row.unit_id, row.inspection_id, row.step_id, row.parcel_id) == (
        Unit.get(Unit.lpn == lpn).id,
        Inspection.get().id,
        None,
        None,
    )
    assert (photo_folder / row.file_name).is_file()
    assert inspect.attach_unit_photo(b"not a picture").code == C.PHOTO_REFUSED
    step = inspect.attach_photo("photo_overall", frame)  # a camera picture answers the step
    assert step.code == C.PHOTO_ATTACHED
    assert Photo.select().where(Photo.step_id == "photo_overall").count() == 1
    for step_id, value in ALL_CLEAR.items():
        assert inspect.answer(step_id, value).code == C.ANSWER_SAVED
    assert inspect.complete().code == C.INSPECTION_COMPLETED
    graded = inspect.attach_unit_photo(picture(800, 600, (50, 60, 70)))  # also once graded
    assert graded.code == C.PHOTO_ATTACHED
    assert Photo.select().where(Photo.step_id.is_null()).count() == 2


def test_the_station_settings_choose_the_folder_and_the_size(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "network" / "photos"
    settings = StationSettings(photos=PhotoSettings(folder, 800))
    context = open_context(db_url, clock=FixedClock(NOW), settings=settings)
    try:
        with context.database.atomic():
            dock = seed_dock(NOW)
        desk = context.new_desk()
        open_parcel(desk)
        stored = desk.attach_parcel_photo(picture(2000, 1000, (5, 5, 5)))
        assert [ref.path for ref in desk.parcel_photos(Photo.get().parcel_id)] == [
            folder / f"{stored.params['sha256']}.jpg"
        ]
        with Image.open(folder / f"{stored.params['sha256']}.jpg") as image:
            assert image.size == (800, 400)
        inspect = context.new_inspection_desk()
        assert inspect.handle_scan("BDG0002").code == C.LOGGED_IN
        lpn = desk.handle_scan(dock.phone_serials[0]).lpn
        desk.close_parcel()
        assert lpn is not None and inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
        unit_photo = inspect.attach_unit_photo(picture(3000, 3000, (9, 9, 9)))
        with Image.open(folder / f"{unit_photo.params['sha256']}.jpg") as image:
            assert image.size == (800, 800)
    finally:
        context.close()
