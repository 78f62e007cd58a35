"""The inspection desk on both engines: open a unit, answer its checklist, grade, override."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from peewee import Database
from PIL import Image

from db.models import AuditRecord, ChecklistVersion, Inspection, InspectionAnswer, Photo, Unit
from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor, verify_chain
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.outcomes import OutcomeLevel
from receiving_app.receiving.desk import ReceivingDesk
from tests.core.seed import UPS_TRACKING


def _png() -> bytes:
    """A real 8x8 PNG: the desk decodes every photo before it stores it."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()
# Every electronics step passes (the photo comes from attach_photo).
ALL_CLEAR: dict[str, object] = {
    "powers_on": True,
    "screen": "perfect",
    "buttons_ports": True,
    "battery_health": 95,
    "serial_matches": True,
    "data_wiped": "wiped",
    "damage": "no_damage",
    "scratches": "none",
    "stains": "none",
    "fading": True,
    "accessories": "complete",
    "manuals": True,
    "packaging": "original_good",
    "seals": "sealed",
}


def receive_phone(desk: ReceivingDesk, serial: str, close: bool = True) -> str:
    assert desk.handle_scan("BDG0001").code == C.LOGGED_IN
    desk.handle_scan(UPS_TRACKING)
    outcome = desk.handle_scan(serial)
    assert outcome.lpn is not None
    if close:
        desk.close_parcel()
    return outcome.lpn


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "phone.png"
    path.write_bytes(PNG)
    return path


@pytest.fixture
def photo_folder(tmp_path: Path) -> Path:
    return tmp_path / "photos"


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock, photo_folder: Path) -> InspectionDesk:
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    station = ensure_station(database, "INSPECT-1", None, clock.now())
    desk = InspectionDesk(database, clock, station, photo_folder=photo_folder)
    assert desk.handle_scan("BDG0002").code == C.LOGGED_IN
    return desk


@pytest.fixture
def lpn(desk: ReceivingDesk, dock) -> str:
    return receive_phone(desk, dock.phone_serials[0])


def answer_all(inspect: InspectionDesk, photo: Path, answers: dict[str, object]) -> None:
    for step_id, value in answers.items():
        outcome = inspect.answer(step_id, value)
        assert outcome.code == C.ANSWER_SAVED, (step_id, outcome)
    assert inspect.attach_photo("photo_overall", photo).code == C.PHOTO_ATTACHED


def test_sync_loads_each_template_once(database: Database, clock: FixedClock) -> None:
    added = sync_templates(database, Actor(None, "X"), clock.now())
    assert {category for category, _ in added} >= {"general", "electronics", "apparel", "home"}
    assert sync_templates(database, Actor(None, "X"), clock.now()) == []
    assert ChecklistVersion.select().count() == len(added)
    assert AuditRecord.select().where(AuditRecord.action == "checklist.loaded").count() == len(
        added
    )


def test_a_unit_still_in_an_open_parcel_is_refused(
    inspect: InspectionDesk, desk: ReceivingDesk, dock
) -> None:
    lpn = receive_phone(desk, dock.phone_serials[0], close=False)
    outcome = inspect.handle_scan(lpn)
    assert (outcome.level, outcome.code) == (OutcomeLevel.ERROR, C.UNIT_NOT_READY)
    assert Inspection.select().count() == 0


def test_a_dock_user_may_not_inspect(inspect: InspectionDesk, lpn: str) -> None:
    assert inspect.handle_scan("BDG0001").code == C.LOGGED_IN
    outcome = inspect.handle_scan(lpn)
    assert (outcome.level, outcome.code) == (OutcomeLevel.ERROR, C.NOT_ALLOWED)
    assert inspect.answer("powers_on", True).code == C.NOT_ALLOWED
    assert Inspection.select().count() == 0


def test_a_full_inspection_grades_the_unit(inspect: InspectionDesk, lpn: str, photo: Path) -> None:
    started = inspect.handle_scan(lpn)
    assert started.code == C.INSPECTION_STARTED
    view = inspect.view
    assert view is not None
    assert (view.category, view.template_name, view.template_version) == (
        "electronics",
        view.template.name,
        1,
    )
    assert view.reason_code == "defective" and view.customer_words == "screen flickers"
    assert view.serial in view.serials_sold
    assert view.current_index == 0 and view.progress == (0, len(view.steps))

    answer_all(inspect, photo, {**ALL_CLEAR, "scratches": "light"})
    done = inspect.complete()
    assert (done.code, done.params["grade"]) == (C.INSPECTION_COMPLETED, "B")
    assert done.params["failures"] == "scratches"
    unit = Unit.get(Unit.lpn == lpn)
    assert (unit.state, unit.grade) == ("graded", "B")
    inspection = Inspection.get()
    assert (inspection.state, inspection.computed_grade, inspection.final_grade) == (
        "completed",
        "B",
        "B",
    )

    again = inspect.complete()
    assert (again.code, again.params["grade"]) == (C.INSPECTION_ALREADY_COMPLETED, "B")
    assert Inspection.select().count() == 1


def test_a_choice_label_is_stored_as_its_key_and_answers_move_on(
    inspect: InspectionDesk, lpn: str
) -> None:
    inspect.handle_scan(lpn)
    view = inspect.view
    assert view is not None
    label = view.steps[1].options[0].label
    assert inspect.answer("screen", label).code == C.ANSWER_SAVED
    assert json.loads(InspectionAnswer.get().value) == "perfect"
    assert inspect.view.current_index == 2  # type: ignore[union-attr]
    assert inspect.back().code == C.STEP_SHOWN
    assert inspect.view.current_index == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("step_id", "value"),
    [("powers_on", "yes"), ("screen", "shattered"), ("battery_health", "full"), ("nope", True)],
)
def test_a_bad_answer_names_the_step_and_stores_nothing(
    inspect: InspectionDesk, lpn: str, step_id: str, value: object
) -> None:
    inspect.handle_scan(lpn)
    before = AuditRecord.select().count()
    outcome = inspect.answer(step_id, value)
    assert (outcome.level, outcome.code) == (OutcomeLevel.ERROR, C.ANSWER_REFUSED)
    assert outcome.params["step"] == step_id
    assert InspectionAnswer.select().count() == 0
    assert AuditRecord.select().count() == before


def test_answering_again_replaces_the_answer_with_an_audited_change(
    inspect: InspectionDesk, lpn: str
) -> None:
    inspect.handle_scan(lpn)
    inspect.answer("powers_on", True)
    inspect.answer("powers_on", False)
    assert json.loads(InspectionAnswer.get().value) is False
    record = AuditRecord.select().order_by(AuditRecord.seq.desc()).first()
    assert record.action == "inspection.answered"
    assert json.loads(record.before)["value"] == "true"
    count = AuditRecord.select().count()
    inspect.answer("powers_on", False)  # the same answer again writes nothing
    assert AuditRecord.select().count() == count


def test_completing_with_steps_missing_names_the_first(inspect: InspectionDesk, lpn: str) -> None:
    inspect.handle_scan(lpn)
    inspect.answer("powers_on", True)
    outcome = inspect.complete()
    assert (outcome.code, outcome.params["step"]) == (C.ANSWERS_MISSING, "screen")
    assert Unit.get(Unit.lpn == lpn).state == "received"


def test_a_half_done_inspection_is_resumed(
    inspect: InspectionDesk, lpn: str, database: Database, clock: FixedClock
) -> None:
    inspect.handle_scan(lpn)
    inspect.answer("powers_on", True)
    inspect.answer("screen", "perfect")
    inspect.logout()
    other = InspectionDesk(
        database, clock, ensure_station(database, "INSPECT-2", None, clock.now())
    )
    other.handle_scan("BDG0003")  # a supervisor at another station
    outcome = other.handle_scan(lpn)
    assert (outcome.code, outcome.params["answered"]) == (C.INSPECTION_RESUMED, "2")
    assert other.view is not None and other.view.current_index == 2
    assert Inspection.select().count() == 1


def test_another_lpn_mid_checklist_asks_before_leaving(
    inspect: InspectionDesk, lpn: str, desk: ReceivingDesk, dock
) -> None:
    desk.handle_scan(UPS_TRACKING)  # the closed parcel: a repeat
    second = Unit.create(
        lpn="LPN0000009999",
        receipt_key="manual",
        parcel=Unit.get(Unit.lpn == lpn).parcel_id,
        product=Unit.get(Unit.lpn == lpn).product_id,
        match="matched",
        station=desk.station.id,
        received_by=1,
        received_at=Unit.get(Unit.lpn == lpn).received_at,
    )
    inspect.handle_scan(lpn)
    inspect.answer("powers_on", True)
    asked = inspect.handle_scan(second.lpn)
    assert (asked.level, asked.code) == (OutcomeLevel.WARNING, C.ABANDON_CONFIRM_NEEDED)
    assert Inspection.select().count() == 1
    assert inspect.view is not None and inspect.view.lpn == lpn
    switched = inspect.confirm_switch()
    assert switched.code == C.INSPECTION_STARTED
    assert inspect.view is not None and inspect.view.lpn == second.lpn
    first = Inspection.get(Inspection.unit == Unit.get(Unit.lpn == lpn).id)
    assert first.state == "in_progress"
    back = inspect.handle_scan(lpn)
    assert back.code == C.ABANDON_CONFIRM_NEEDED
    assert inspect.confirm_switch().code == C.INSPECTION_RESUMED


def test_override_needs_a_reason_and_is_audited(
    inspect: InspectionDesk, lpn: str, photo: Path
) -> None:
    assert inspect.override("A", "x").code == C.NO_INSPECTION
    inspect.handle_scan(lpn)
    assert inspect.override("A", "looks fine").code == C.OVERRIDE_REFUSED  # not completed
    answer_all(inspect, photo, {**ALL_CLEAR, "scratches": "light"})
    inspect.complete()
    assert inspect.override("A", "   ").code == C.OVERRIDE_REFUSED
    assert inspect.override("A", "x" * 501).code == C.OVERRIDE_REFUSED
    assert inspect.override("D", "why").code == C.OVERRIDE_REFUSED
    same = inspect.override("B", "it really is a B")
    assert (same.level, same.code) == (OutcomeLevel.WARNING, C.OVERRIDE_REFUSED)
    assert Inspection.get().override_reason is None
    outcome = inspect.override("a", "Scratch only visible under the dock lamp")
    assert (outcome.code, outcome.params["before"], outcome.params["grade"]) == (
        C.GRADE_OVERRIDDEN,
        "B",
        "A",
    )
    inspection = Inspection.get()
    assert (inspection.computed_grade, inspection.final_grade) == ("B", "A")
    assert inspection.override_reason == "Scratch only visible under the dock lamp"
    assert inspection.overridden_by_id is not None
    assert Unit.get(Unit.lpn == lpn).grade == "A"
    record = AuditRecord.get(AuditRecord.action == "inspection.grade_overridden")
    assert json.loads(record.before)["final_grade"] == "B"
    assert json.loads(record.after)["final_grade"] == "A"


def test_reinspection_adds_an_inspection_and_keeps_the_first(
    inspect: InspectionDesk, lpn: str, photo: Path
) -> None:
    inspect.handle_scan(lpn)
    answer_all(inspect, photo, ALL_CLEAR)
    assert inspect.complete().params["grade"] == "A"
    graded = inspect.handle_scan(lpn)
    assert (graded.level, graded.code, graded.params["grade"]) == (
        OutcomeLevel.WARNING,
        C.UNIT_ALREADY_GRADED,
        "A",
    )
    assert graded.params["user"] == "Wang Fang"
    assert inspect.reinspect().code == C.INSPECTION_STARTED
    answer_all(inspect, photo, {**ALL_CLEAR, "powers_on": False})
    done = inspect.complete()
    assert done.params["grade"] == "C"
    first, second = Inspection.select().order_by(Inspection.id)
    assert (first.state, first.final_grade) == ("completed", "A")
    assert (second.state, second.final_grade) == ("completed", "C")
    assert Unit.get(Unit.lpn == lpn).grade == "C"
    assert InspectionAnswer.select().where(InspectionAnswer.inspection == first.id).count() == 15


def test_photos_are_stored_once_by_hash_and_other_files_refused(
    inspect: InspectionDesk, lpn: str, photo: Path, photo_folder: Path, tmp_path: Path
) -> None:
    inspect.handle_scan(lpn)
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    refused = inspect.attach_photo("photo_overall", text)
    assert (refused.level, refused.code) == (OutcomeLevel.ERROR, C.PHOTO_REFUSED)
    assert inspect.attach_photo("photo_overall", tmp_path / "missing.jpg").code == C.PHOTO_REFUSED
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(PNG[: len(PNG) // 2])  # the PNG signature, then half a picture
    assert inspect.attach_photo("photo_overall", truncated).code == C.PHOTO_REFUSED
    assert inspect.attach_photo("powers_on", photo).code == C.PHOTO_REFUSED
    assert inspect.answer("photo_overall", "deadbeef").code == C.ANSWER_REFUSED
    assert Photo.select().count() == 0

    first = inspect.attach_photo("photo_overall", photo)
    copy = tmp_path / "same.png"
    copy.write_bytes(PNG)
    second = inspect.attach_photo("photo_overall", copy)
    assert first.code == second.code == C.PHOTO_ATTACHED
    sha = first.params["sha256"]
    # Stored as a JPEG of at most the configured size, named by the stored bytes' hash.
    assert [p.name for p in photo_folder.iterdir()] == [f"{sha}.jpg"]
    assert Photo.select().count() == 1
    assert Photo.get().file_name == f"{sha}.jpg"
    assert json.loads(InspectionAnswer.get().value) == sha


def test_the_audit_chain_holds_after_a_whole_day(
    inspect: InspectionDesk, lpn: str, photo: Path
) -> None:
    inspect.handle_scan(lpn)
    answer_all(inspect, photo, ALL_CLEAR)
    inspect.complete()
    inspect.override("B", "Box dented on arrival")
    inspect.handle_scan(lpn)
    inspect.reinspect()
    inspect.answer("powers_on", True)
    report = verify_chain()
    assert report.ok, report
    actions = {r.action for r in AuditRecord.select()}
    assert {
        "inspection.started",
        "inspection.answered",
        "inspection.completed",
        "inspection.grade_overridden",
        "photo.attached",
    } <= actions
