"""The camera worker on a video file (a fake camera), and camera scans on the receiving page."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from db.models import User
from receiving_app.camera.frames import DecodedFrame
from receiving_app.camera.messages import CameraState, CameraStatus
from receiving_app.context import AppContext
from receiving_app.settings import CameraSettings
from tests.core.test_camera_source import write_video
from tests.ui.conftest import DemoCodes
from ui.camera_preview import CameraPreview
from ui.camera_worker import CameraWorker
from ui.main_window import MainWindow
from ui.sounds import OutcomeSounds

MakeWorker = Callable[[CameraSettings], CameraWorker]
Child = TypeVar("Child", bound=QWidget)
SEGMENT = 24  # frames: 0.8 s at 30 fps, longer than the 500 ms a code must be gone
WAIT_MS = 20_000


class Recorder:
    """Everything a worker signals, in order."""

    def __init__(self, worker: CameraWorker) -> None:
        self.frames: list[QImage] = []
        self.decoded: list[DecodedFrame] = []
        self.sighted: list[str] = []
        self.states: list[CameraState] = []
        worker.frame_ready.connect(self.frames.append)
        worker.codes_found.connect(self.decoded.append)
        worker.sighted.connect(self.sighted.append)
        worker.state_changed.connect(self._on_state)

    def _on_state(self, status: CameraStatus) -> None:
        self.states.append(status.state)


@pytest.fixture
def make_worker() -> Iterator[MakeWorker]:
    """Workers that are stopped (and checked stopped) when the test ends, whatever happens."""
    workers: list[CameraWorker] = []

    def make(settings: CameraSettings) -> CameraWorker:
        worker = CameraWorker(settings, preview_width=480)
        workers.append(worker)
        return worker

    yield make
    for made in workers:
        made.stop()
        assert not made.is_running()


def test_the_worker_emits_frames_and_each_appearance_of_a_code_once(
    qtbot: QtBot, tmp_path: Path, make_worker: MakeWorker
) -> None:
    video = write_video(
        tmp_path / "camera.avi",
        [("RMA-1001", SEGMENT), (None, SEGMENT), ("RMA-1001", SEGMENT), ("RMA-2002", SEGMENT)],
        size=(960, 540),
    )
    camera = make_worker(CameraSettings(device=str(video)))
    seen = Recorder(camera)
    camera.start()
    qtbot.waitUntil(lambda: CameraState.LOST in seen.states, timeout=WAIT_MS)  # the file ended
    camera.stop()
    assert seen.sighted == ["RMA-1001", "RMA-1001", "RMA-2002"]
    assert seen.states[0] is CameraState.WORKING
    assert seen.states[-1] is CameraState.OFF
    assert len(seen.frames) >= 3 * SEGMENT  # the preview gets (nearly) every frame
    assert {(image.width(), image.height()) for image in seen.frames} == {(480, 270)}
    outlined = [frame for frame in seen.decoded if frame.codes]
    assert outlined and all((frame.width, frame.height) == (960, 540) for frame in outlined)
    xs = [x for x, _ in outlined[0].codes[0].points]
    assert 100 < min(xs) < max(xs) < 860  # the outline is where the code is drawn


def test_no_camera_is_reported_and_the_worker_stops_cleanly(
    qtbot: QtBot, make_worker: MakeWorker
) -> None:
    camera = make_worker(CameraSettings(device=99))
    seen = Recorder(camera)
    camera.start()
    qtbot.waitUntil(lambda: CameraState.NO_CAMERA in seen.states, timeout=WAIT_MS)
    camera.stop()
    assert seen.frames == [] and seen.sighted == []
    assert seen.states == [CameraState.NO_CAMERA, CameraState.OFF]


@pytest.fixture
def camera_window(
    qtbot: QtBot, context: AppContext, codes: DemoCodes, tmp_path: Path
) -> MainWindow:
    """The receiving window whose camera is a video of the dock worker's badge."""
    video = write_video(tmp_path / "badge.avi", [(None, 10), (codes.badge, 200)])
    window = MainWindow(
        context.new_desk(),
        lambda code: context.couriers.courier_name(code),
        OutcomeSounds(enabled=False),
        camera=CameraSettings(device=str(video)),
    )
    _open(qtbot, window)
    return window


def _open(qtbot: QtBot, window: MainWindow) -> None:
    """Show the window and wait until its scan field has the keyboard (as at a station)."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field = _child(window, QLineEdit, "scanInput")
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)


def _child(window: QWidget, kind: type[Child], name: str) -> Child:
    widget = window.findChild(kind, name)
    assert widget is not None, name
    return widget


def test_a_badge_shown_to_the_camera_logs_in_while_typing_goes_on(
    qtbot: QtBot, camera_window: MainWindow
) -> None:
    field: QLineEdit = _child(camera_window, QLineEdit, "scanInput")
    feedback: QLabel = _child(camera_window, QLabel, "scanFeedback")
    preview: CameraPreview = _child(camera_window, CameraPreview, "cameraPreview")
    assert not preview.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_F3)
    assert preview.isVisible()
    status: QLabel = _child(camera_window, QLabel, "cameraStatus")

    # Type, one key at a time with the event loop running between keys, until the camera's
    # scan has logged in, and on for a while after.
    typed = ""
    for char in itertools.islice(itertools.cycle("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"), 2000):
        qtbot.keyClick(field, char)
        typed += char
        qtbot.wait(2)
        if feedback.property("outcome") == "ok" and len(typed) >= 60:
            break
    assert feedback.property("outcome") == "ok"
    user = _child(camera_window, QLabel, "userLabel")
    assert "Li Wei" in user.text()
    assert field.text() == typed  # not one keystroke lost
    assert field.hasFocus()
    assert status.property("state") == CameraState.WORKING
    qtbot.waitUntil(lambda: bool(preview.outlined()), timeout=WAIT_MS)

    qtbot.keyClick(field, Qt.Key.Key_F3)  # hide the panel: the camera stops
    assert not preview.isVisible()
    assert status.property("state") == CameraState.OFF
    assert field.hasFocus()


def test_the_toggle_stops_and_starts_the_camera(qtbot: QtBot, camera_window: MainWindow) -> None:
    field: QLineEdit = _child(camera_window, QLineEdit, "scanInput")
    qtbot.keyClick(field, Qt.Key.Key_F3)
    preview: CameraPreview = _child(camera_window, CameraPreview, "cameraPreview")
    toggle: QPushButton = _child(camera_window, QPushButton, "cameraToggle")
    qtbot.waitUntil(lambda: preview.image() is not None, timeout=WAIT_MS)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert preview.image() is None
    status: QLabel = _child(camera_window, QLabel, "cameraStatus")
    assert status.property("state") == CameraState.OFF
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.image() is not None, timeout=WAIT_MS)
    assert field.hasFocus()


def test_a_camera_switched_off_in_the_settings_says_so(
    qtbot: QtBot, context: AppContext, codes: DemoCodes, tmp_path: Path
) -> None:
    video = write_video(tmp_path / "badge.avi", [(codes.badge, 30)])
    window = MainWindow(
        context.new_desk(),
        sounds=OutcomeSounds(enabled=False),
        camera=CameraSettings(enabled=False, device=str(video)),
    )
    _open(qtbot, window)
    field = _child(window, QLineEdit, "scanInput")
    qtbot.keyClick(field, Qt.Key.Key_F3)
    status = _child(window, QLabel, "cameraStatus")
    assert status.isVisible()
    assert status.property("state") == CameraState.DISABLED
    assert not _child(window, QPushButton, "cameraToggle").isEnabled()
    qtbot.wait(300)
    assert _child(window, CameraPreview, "cameraPreview").image() is None


def test_the_inspection_page_takes_camera_scans_too(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    inspector = (
        User.select()
        .where(User.role == "inspector", User.badge.is_null(False), User.active)
        .first()
    )
    assert inspector is not None
    video = write_video(tmp_path / "badge.avi", [(str(inspector.badge), 60)])
    window = MainWindow(
        context.new_inspection_desk(),
        sounds=OutcomeSounds(enabled=False),
        camera=CameraSettings(device=str(video)),
    )
    _open(qtbot, window)
    field = _child(window, QLineEdit, "scanInput")
    feedback = _child(window, QLabel, "scanFeedback")
    qtbot.keyClick(field, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: feedback.property("outcome") == "ok", timeout=WAIT_MS)
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert not _child(window, CameraPreview, "cameraPreview").isVisible()
