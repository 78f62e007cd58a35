"""The inspection report from real data (receiving_app.inspection.report), on both engines: a
phone received, inspected with answers and a photo, overridden; rendered, rasterised, scanned."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from peewee import Database

from labels.report_data import MAX_PHOTOS, InspectionReportData
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.i18n import catalog_translate, identity_translate
from receiving_app.inspection.catalog import shipped_templates
from receiving_app.inspection.report import (
    NEVER_INSPECTED,
    NOT_AN_LPN,
    STILL_OPEN,
    UNKNOWN_INSPECTION,
    UNKNOWN_LPN,
    completed_inspection_of,
    inspection_report_data,
    inspection_report_pdf,
)
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.scanning import IdPrefixes
from receiving_app.settings import data_dir
from tests.core.report_setup import (
    NOTE,
    OVERRIDE_REASON,
    graded_phone,
    inspection_desk,
    photo_file,
    start_inspection,
)
from tests.core.test_inspection_desk import ALL_CLEAR, receive_phone
from tests.labels.conftest import decode, pdf_text, rasterise  # noqa: F401 (fixtures)

PREFIXES = IdPrefixes()
ELECTRONICS = shipped_templates()["electronics"]


def _photos() -> Path:
    return data_dir() / "photos"


def _data(lpn: str, tr=identity_translate, language: str = "en") -> InspectionReportData:
    return inspection_report_data(completed_inspection_of(lpn, PREFIXES), tr, language, _photos())


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    return inspection_desk(database, clock)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return photo_file(tmp_path, "overall.jpg", (30, 90, 160))


@pytest.fixture
def lpn(desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path) -> str:
    return graded_phone(desk, inspect, dock.phone_serials[0], photo)


def test_the_report_shows_the_unit_its_return_and_the_grades(lpn: str, dock) -> None:
    data = _data(lpn)
    assert (data.lpn, data.product, data.sku, data.serial) == (
        lpn,
        "Phone X",
        "EL-1001",
        dock.phone_serials[0],
    )
    assert (data.rma, data.reason, data.customer_words) == (
        "RMA00000001",
        "defective",
        "screen flickers",
    )
    assert (data.grade, data.computed_grade) == ("A", "B")
    assert data.override_reason == f"{OVERRIDE_REASON} (Wang Fang, 2026-11-24 10:42)"
    assert (data.inspector, data.station, data.inspected_at) == (
        "Wang Fang",
        "INSPECT-1",
        "2026-11-24 10:42",
    )
    assert data.template == "Electronics, version 1"


def test_every_step_reads_as_words_with_the_severity_it_gave(lpn: str) -> None:
    rows = _data(lpn).answers
    assert [row.position for row in rows] == list(range(1, len(ELECTRONICS.steps) + 1))
    shown = {row.question: (row.answer, row.severity) for row in rows}
    step = {s.id: s for s in ELECTRONICS.steps}
    assert shown[step["powers_on"].question] == ("Yes", "none")
    assert shown[step["fading"].question] == ("Yes", "none")
    assert shown[step["screen"].question] == ("No defects", "none")
    assert shown[step["battery_health"].question] == ("92.5 %", "none")
    assert shown[step["scratches"].question] == ("Light scratches or scuffs", "cosmetic")
    assert shown[step["photo_overall"].question] == ("photo attached", "none")
    assert shown[step["notes"].question] == (NOTE, "none")


def test_a_failed_step_says_no_and_a_whole_number_has_no_decimals(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, photo: Path
) -> None:
    lpn = start_inspection(desk, inspect, dock.phone_serials[0])
    inspect.answer("fading", False)
    inspect.answer("battery_health", 95.0)
    inspect.attach_photo("photo_overall", photo)
    assert inspect.complete().code == C.INSPECTION_COMPLETED
    shown = {row.position: (row.answer, row.severity) for row in _data(lpn).answers}
    assert shown[10] == ("No", "cosmetic")  # fading
    assert shown[4] == ("95 %", "none")  # battery health


def test_the_photo_is_read_from_the_folder_and_captioned_with_its_step(
    lpn: str, photo: Path
) -> None:
    (shown,) = _data(lpn).photos
    assert shown.image == photo.read_bytes()
    assert shown.caption == "Step 15, 2026-11-24 10:42"


def test_a_station_speaking_chinese_gets_the_checklist_in_chinese(lpn: str) -> None:
    data = _data(lpn, catalog_translate("zh_CN"), "zh_CN")
    questions = [row.question for row in data.answers]
    assert questions[0] == "能开机吗？"
    screen = ELECTRONICS.steps[1]
    assert data.answers[1].answer == screen.option_label_in(screen.options[0], "zh_CN") == "无缺陷"
    assert data.reason == "质量问题"  # the same words as the inspection screen's
    assert data.template.startswith("电子产品")


def test_the_pdf_scans_back_and_reads_as_the_inspection(
    lpn: str,
    rasterise,  # noqa: F811 (the fixtures imported above)
    decode,  # noqa: F811
    pdf_text,  # noqa: F811
) -> None:
    pdf = inspection_report_pdf(lpn.lower(), PREFIXES, identity_translate, "en", _photos())
    pages = rasterise(pdf, 200)
    assert len(pages) == 1
    assert decode(pages[0]) == [lpn]
    text = pdf_text(pdf)
    for expected in ("Phone X", "RMA00000001", "Wang Fang", "INSPECT-1", OVERRIDE_REASON):
        assert expected in text
    assert "Overridden from B:" in text
    assert re.search(r"\s{3}A$", text, re.MULTILINE)  # the grade letter, alone at the right


def test_an_unknown_lpn_or_not_an_lpn_is_refused(lpn: str) -> None:
    with pytest.raises(NotFound) as unknown:
        completed_inspection_of("LPN9999999999", PREFIXES)
    assert (unknown.value.message, unknown.value.params) == (
        UNKNOWN_LPN,
        {"lpn": "LPN9999999999"},
    )
    with pytest.raises(InvalidInput) as other:
        completed_inspection_of("RMA00000001", PREFIXES)
    assert other.value.message == NOT_AN_LPN
    with pytest.raises(NotFound) as missing:
        inspection_report_data(999_999, identity_translate, "en", _photos())
    assert missing.value.message == UNKNOWN_INSPECTION


def test_a_unit_never_inspected_has_no_report(desk: ReceivingDesk, dock) -> None:
    lpn = receive_phone(desk, dock.phone_serials[0])
    with pytest.raises(InvalidInput) as error:
        completed_inspection_of(lpn, PREFIXES)
    assert (error.value.message, error.value.params) == (NEVER_INSPECTED, {"lpn": lpn})


def test_an_open_inspection_has_no_report_yet(
    desk: ReceivingDesk, inspect: InspectionDesk, dock
) -> None:
    lpn = start_inspection(desk, inspect, dock.phone_serials[0])
    with pytest.raises(InvalidInput) as error:
        completed_inspection_of(lpn, PREFIXES)
    assert error.value.message == STILL_OPEN
    assert error.value.params == {"lpn": lpn, "user": "Wang Fang", "time": "2026-11-24 10:42"}
    open_id = inspect.view.inspection_id  # type: ignore[union-attr]
    with pytest.raises(InvalidInput) as direct:
        inspection_report_data(open_id, identity_translate, "en", _photos())
    assert direct.value.message == STILL_OPEN


def test_a_reinspection_under_way_leaves_the_last_completed_one(
    lpn: str, inspect: InspectionDesk, photo: Path, clock: FixedClock
) -> None:
    first = completed_inspection_of(lpn, PREFIXES)
    inspect.handle_scan(lpn)
    assert inspect.reinspect().code == C.INSPECTION_STARTED
    assert completed_inspection_of(lpn, PREFIXES) == first
    clock.advance(hours=1)
    for step_id, value in {**ALL_CLEAR, "powers_on": False}.items():
        assert inspect.answer(step_id, value).code == C.ANSWER_SAVED
    inspect.attach_photo("photo_overall", photo)
    assert inspect.complete().params["grade"] == "C"
    second = completed_inspection_of(lpn, PREFIXES)
    assert second != first
    data = inspection_report_data(second, identity_translate, "en", _photos())
    assert (data.grade, data.override_reason, data.inspected_at) == ("C", None, "2026-11-24 11:42")


def test_a_photo_file_missing_or_changed_is_left_out_and_its_step_says_so(
    lpn: str, photo: Path, tmp_path: Path
) -> None:
    stored = _photos() / f"{hashlib.sha256(photo.read_bytes()).hexdigest()}.jpg"
    stored.write_bytes(photo_file(tmp_path, "other.jpg", (200, 0, 0)).read_bytes())
    changed = _data(lpn)
    stored.unlink()
    missing = _data(lpn)
    for data in (changed, missing):
        assert data.photos == ()
        photo_row = data.answers[14]
        assert "missing or changed" in photo_row.answer
        assert photo_row.severity == "none"


def test_at_most_six_photos_the_steps_own_first_then_the_newest(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path, clock: FixedClock
) -> None:
    lpn = start_inspection(desk, inspect, dock.phone_serials[0])
    taken = []
    for number in range(MAX_PHOTOS + 2):
        clock.advance(minutes=1)
        path = photo_file(tmp_path, f"p{number}.jpg", (20 * number, 100, 50))
        assert inspect.attach_photo("photo_overall", path).code == C.PHOTO_ATTACHED
        taken.append(path.read_bytes())
    # the step's answer is now an earlier photo again (the second one, re-attached)
    assert inspect.attach_photo("photo_overall", tmp_path / "p1.jpg").code == C.PHOTO_ATTACHED
    assert inspect.complete().code == C.INSPECTION_COMPLETED
    images = [shown.image for shown in _data(lpn).photos]
    assert len(images) == MAX_PHOTOS
    assert images[0] == taken[1]
    assert images[1:] == [taken[7], taken[6], taken[5], taken[4], taken[3]]


def test_a_damaged_photo_file_never_reaches_a_report(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path
) -> None:
    """The desk decodes a photo before storing it, so a report never meets a broken one."""
    start_inspection(desk, inspect, dock.phone_serials[0])
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 300)  # a JPEG's start, nothing after
    assert inspect.attach_photo("photo_overall", broken).code == C.PHOTO_REFUSED
    assert not _photos().exists() or list(_photos().iterdir()) == []
