"""Photos from the GUI (F4): a file or the camera's picture, linked to the parcel or the unit on
screen and shown as thumbnails."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from db.models import Photo, User
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.inspection.model import StepKind
from receiving_app.settings import CameraSettings, PhotoSettings, StationSettings
from tests.conftest import NOW
from tests.core.test_camera_source import write_video
from tests.ui.conftest import DemoCodes
from tests.ui.test_inspection_page import PNG, Station, receive_unit
from ui.camera_preview import CameraPreview
from ui.main_window import MainWindow
from ui.pages.inspection_page import InspectionPage
from ui.pages.receiving_page import ReceivingPage
from ui.sounds import OutcomeSounds

MAX_EDGE = 640
WAIT_MS = 20_000


class Chooser:
    """Stands in for the file dialog: answers with ``path`` and counts the times it was asked."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked = 0

    def __call__(self) -> Path | None:
        self.asked += 1
        return self.path


@pytest.fixture
def photo_folder(tmp_path: Path) -> Path:
    return tmp_path / "shared-photos"


@pytest.fixture
def photo_context(demo_url: str, photo_folder: Path) -> Iterator[AppContext]:
    settings = StationSettings(photos=PhotoSettings(folder=photo_folder, max_edge=MAX_EDGE))
    context = open_context(demo_url, clock=FixedClock(NOW), settings=settings)
    yield context
    context.close()


@pytest.fixture
def png(tmp_path: Path) -> Path:
    path = tmp_path / "parcel.png"
    path.write_bytes(PNG)
    return path


@pytest.fixture
def receiving_window(qtbot: QtBot, photo_context: AppContext, tmp_path: Path) -> MainWindow:
    """The receiving window; its camera (F3) is a video bigger than the stored photo size."""
    video = write_video(tmp_path / "camera.avi", [(None, 300)], size=(960, 540))
    window = MainWindow(
        photo_context.new_desk(),
        lambda code: photo_context.couriers.courier_name(code),
        OutcomeSounds(enabled=False),
        camera=CameraSettings(device=str(video)),
    )
    return _opened(qtbot, window)


def _opened(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def _child(window: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = window.findChildren(kind, name)
    assert len(found) == 1, (name, found)
    widget: QWidget = found[0]
    return widget


def _list(window: QWidget, name: str) -> QListWidget:
    strip = _child(window, QListWidget, name)
    assert isinstance(strip, QListWidget)
    return strip


def _label(window: QWidget, name: str) -> QLabel:
    label = _child(window, QLabel, name)
    assert isinstance(label, QLabel)
    return label


class Dock:
    """The receiving window driven by the scanner and the function keys."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        page = _child(window, ReceivingPage, "receivingPage")
        assert isinstance(page, ReceivingPage)
        self.page = page
        field = _child(window, QLineEdit, "scanInput")
        assert isinstance(field, QLineEdit)
        self.field = field
        self.feedback = _label(window, "scanFeedback")
        self.thumbnails = _list(window, "parcelPhotos")

    def scan(self, code: str) -> str:
        self.qtbot.keyClicks(self.field, code)
        self.qtbot.keyClick(self.field, Qt.Key.Key_Return)
        return str(self.feedback.property("outcome"))

    def key(self, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.field, key)

    def parcel_id(self) -> int:
        parcel = self.page.parcel_panel.parcel
        assert parcel is not None
        return parcel.id


@pytest.fixture
def dock(qtbot: QtBot, receiving_window: MainWindow, codes: DemoCodes) -> Dock:
    dock = Dock(qtbot, receiving_window)
    assert dock.scan(codes.badge) == "ok", dock.feedback.text()
    return dock


def test_f4_attaches_a_photo_file_to_the_open_parcel_once(
    dock: Dock, codes: DemoCodes, png: Path, photo_folder: Path
) -> None:
    assert dock.scan(codes.tracking) == "ok", dock.feedback.text()
    assert dock.thumbnails.count() == 0
    chooser = Chooser(png)
    dock.page.choose_photo = chooser
    dock.key(Qt.Key.Key_F4)
    assert chooser.asked == 1
    assert dock.feedback.property("outcome") == "ok", dock.feedback.text()
    assert dock.feedback.text() == "Photo of the parcel attached."
    assert dock.thumbnails.count() == 1
    item = dock.thumbnails.item(0)
    assert not item.icon().isNull()
    assert item.toolTip().endswith(f"{NOW:%Y-%m-%d %H:%M}")
    [photo] = Photo.select().where(Photo.parcel == dock.parcel_id())
    assert (photo_folder / photo.file_name).is_file()

    dock.key(Qt.Key.Key_F4)  # the same file again
    assert "already attached to the parcel" in dock.feedback.text()
    assert dock.thumbnails.count() == 1
    assert Photo.select().where(Photo.parcel == dock.parcel_id()).count() == 1


def test_the_thumbnails_follow_the_parcel_on_screen(
    dock: Dock, codes: DemoCodes, png: Path
) -> None:
    dock.scan(codes.tracking)
    dock.page.choose_photo = Chooser(png)
    dock.key(Qt.Key.Key_F4)
    assert dock.thumbnails.count() == 1
    assert dock.scan(codes.serial_tracking) == "ok", dock.feedback.text()  # another parcel
    assert dock.thumbnails.count() == 0


def test_f4_without_an_open_parcel_says_why_and_asks_for_no_file(
    dock: Dock, png: Path, photo_folder: Path
) -> None:
    chooser = Chooser(png)
    dock.page.choose_photo = chooser
    dock.key(Qt.Key.Key_F4)
    assert dock.feedback.property("outcome") == "error"
    assert dock.feedback.text() == "No parcel is open. Scan a parcel first."
    assert chooser.asked == 0
    assert not photo_folder.exists()


def test_a_dialog_closed_without_a_file_attaches_nothing(dock: Dock, codes: DemoCodes) -> None:
    dock.scan(codes.tracking)
    before = dock.feedback.text()
    dock.page.choose_photo = Chooser(None)
    dock.key(Qt.Key.Key_F4)
    assert dock.feedback.text() == before
    assert Photo.select().count() == 0


def test_f4_with_the_camera_on_stores_the_cameras_picture(
    dock: Dock, codes: DemoCodes, photo_folder: Path
) -> None:
    dock.scan(codes.tracking)
    chooser = Chooser(None)
    dock.page.choose_photo = chooser
    dock.key(Qt.Key.Key_F3)
    preview = _child(dock.window, CameraPreview, "cameraPreview")
    assert isinstance(preview, CameraPreview)
    dock.qtbot.waitUntil(lambda: preview.image() is not None, timeout=WAIT_MS)
    try:
        dock.key(Qt.Key.Key_F4)
    finally:
        dock.key(Qt.Key.Key_F3)  # the camera stops with its panel
    assert chooser.asked == 0
    assert dock.feedback.text() == "Photo of the parcel attached."
    [stored] = photo_folder.glob("*.jpg")
    with Image.open(stored) as image:
        assert image.format == "JPEG"
        assert max(image.size) <= MAX_EDGE
    [photo] = Photo.select().where(Photo.parcel == dock.parcel_id())
    assert photo.file_name == stored.name
    assert dock.thumbnails.count() == 1


def test_f4_with_the_camera_panel_off_asks_for_a_file(
    dock: Dock, codes: DemoCodes, png: Path
) -> None:
    dock.scan(codes.tracking)
    chooser = Chooser(png)
    dock.page.choose_photo = chooser
    dock.key(Qt.Key.Key_F4)
    assert chooser.asked == 1
    assert Photo.select().where(Photo.parcel == dock.parcel_id()).count() == 1


# -- inspection -------------------------------------------------------------------------------


@pytest.fixture
def inspector(qtbot: QtBot, photo_context: AppContext, codes: DemoCodes) -> Station:
    lpn = receive_unit(photo_context, codes)
    desk = photo_context.new_inspection_desk()
    window = _opened(qtbot, MainWindow(desk, sounds=OutcomeSounds(enabled=False)))
    badge = (
        User.select()
        .where(User.role == "inspector", User.badge.is_null(False), User.active)
        .first()
        .badge
    )
    station = Station(qtbot, window, desk)
    assert station.scan(badge).property("outcome") == "ok"
    assert station.scan(lpn).property("outcome") == "ok", station.feedback.text()
    return station


def _inspection_page(station: Station) -> InspectionPage:
    page = _child(station.window, InspectionPage, "inspectionPage")
    assert isinstance(page, InspectionPage)
    return page


def _current_kind(station: Station) -> StepKind | None:
    view = station.desk.view
    assert view is not None
    return view.current_step.kind if view.current_step else None


def test_f4_on_a_photo_step_answers_it(inspector: Station, png: Path) -> None:
    page = _inspection_page(inspector)
    page.choose_photo = Chooser(png)
    while _current_kind(inspector) is not StepKind.PHOTO:
        inspector.answer_current(png)
    view = inspector.desk.view
    assert view is not None and view.current_step is not None
    step_id = view.current_step.id
    inspector.key(Qt.Key.Key_F4)
    assert inspector.feedback.property("outcome") == "ok", inspector.feedback.text()
    answered = inspector.desk.view
    assert answered is not None and step_id in answered.answers
    [photo] = Photo.select().where(Photo.step_id == step_id)
    assert photo.unit_id is not None
    assert _list(inspector.window, "unitPhotos").count() == 1


def test_f4_on_another_step_stores_a_photo_of_the_unit(inspector: Station, png: Path) -> None:
    page = _inspection_page(inspector)
    chooser = Chooser(png)
    page.choose_photo = chooser
    assert _current_kind(inspector) is not StepKind.PHOTO
    progress = _label(inspector.window, "stepProgress").text()
    thumbnails = _list(inspector.window, "unitPhotos")
    assert thumbnails.count() == 0
    inspector.key(Qt.Key.Key_F4)
    assert chooser.asked == 1
    assert inspector.feedback.property("outcome") == "ok", inspector.feedback.text()
    [photo] = Photo.select()
    assert photo.unit_id is not None and photo.step_id is None and photo.parcel_id is None
    assert _label(inspector.window, "stepProgress").text() == progress  # no step answered
    assert thumbnails.count() == 1
    assert not thumbnails.item(0).icon().isNull()


def test_a_missing_photo_file_shows_as_missing(
    inspector: Station, png: Path, photo_folder: Path
) -> None:
    page = _inspection_page(inspector)
    page.choose_photo = Chooser(png)
    inspector.key(Qt.Key.Key_F4)
    shutil.rmtree(photo_folder)  # a shared folder this PC cannot reach
    page.choose_photo = Chooser(png.with_name("other.png"))
    Image.new("RGB", (20, 10), (0, 90, 200)).save(png.with_name("other.png"))
    inspector.key(Qt.Key.Key_F4)  # stores the second photo (the folder is made again)
    thumbnails = _list(inspector.window, "unitPhotos")
    assert thumbnails.count() == 2
    first = thumbnails.item(0)
    assert first.icon().isNull() and first.text() == "missing"
    assert "is not in the photo folder" in first.toolTip()
    assert not thumbnails.item(1).icon().isNull()
