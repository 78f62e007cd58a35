"""The inspection window: log in, scan an LPN, answer the whole checklist by keyboard, see the grade."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.models import Unit, User
from receiving_app.context import AppContext
from receiving_app.inspection.model import Severity, StepKind
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode
from tests.ui.conftest import DemoCodes, when_dialog
from ui import assets
from ui.main_window import MainWindow
from ui.pages.inspection_page import InspectionPage
from ui.sounds import OutcomeSounds

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def receive_unit(context: AppContext, codes: DemoCodes, close: bool = True) -> str:
    """Receive the plain unit of the demo RMA at the dock and (normally) close its parcel."""
    desk = context.new_desk()
    assert desk.handle_scan(codes.badge).code == OutcomeCode.LOGGED_IN
    desk.handle_scan(codes.tracking)
    outcome = desk.handle_scan(codes.plain_gtin)
    assert outcome.lpn is not None, outcome
    if close:
        desk.close_parcel()
    return outcome.lpn


def receive_two_units(context: AppContext, codes: DemoCodes) -> tuple[str, str]:
    """Two units in two closed parcels: the plain one and the serialised one."""
    first = receive_unit(context, codes)
    desk = context.new_desk()
    assert desk.handle_scan(codes.badge).code == OutcomeCode.LOGGED_IN
    desk.handle_scan(codes.serial_tracking)
    outcome = desk.handle_scan(codes.serial_gtin)
    if outcome.lpn is None:
        outcome = desk.handle_scan(codes.serial)
    assert outcome.lpn is not None, outcome
    desk.close_parcel()
    assert first != outcome.lpn
    return first, outcome.lpn


@pytest.fixture
def inspector_badge(context: AppContext) -> str:
    # The context keeps its connection open for the desks; read through it.
    user = (
        User.select()
        .where(User.role == "inspector", User.badge.is_null(False), User.active)
        .first()
    )
    assert user is not None
    return str(user.badge)


@pytest.fixture
def desk(context: AppContext) -> InspectionDesk:
    return context.new_inspection_desk()


@pytest.fixture
def inspection_window(qtbot: QtBot, desk: InspectionDesk) -> MainWindow:
    window = MainWindow(desk, sounds=OutcomeSounds(enabled=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def child(window: QWidget, kind: type, name: str) -> QWidget:
    found = window.findChildren(kind, name)
    assert len(found) == 1, (name, found)
    widget: QWidget = found[0]
    return widget


class Station:
    """The inspection window driven as an inspector does: the scanner and the keyboard."""

    def __init__(self, qtbot: QtBot, window: MainWindow, desk: InspectionDesk) -> None:
        self.qtbot = qtbot
        self.window = window
        self.desk = desk
        self.scan_input = child(window, QLineEdit, "scanInput")
        self.feedback = child(window, QLabel, "scanFeedback")

    def scan(self, code: str) -> QLabel:
        self.qtbot.keyClicks(self.scan_input, code)
        self.qtbot.keyClick(self.scan_input, Qt.Key.Key_Return)
        return self.feedback

    def key(self, key: Qt.Key, target: QWidget | None = None) -> None:
        self.qtbot.keyClick(target or self.scan_input, key)
        if target is None and key not in (Qt.Key.Key_Return, Qt.Key.Key_Backspace):
            # An answer key counts once the pause that tells it from a scanner is over.
            self.qtbot.waitUntil(lambda: not self.scan_input.text(), timeout=2000)

    def answer_current(self, photo: Path) -> None:
        """Answer the step on screen with its best answer, by keyboard (the photo by file)."""
        view = self.desk.view
        assert view is not None and view.current_step is not None
        step = view.current_step
        if step.kind is StepKind.PASS_FAIL:
            self.key(Qt.Key.Key_Y)
        elif step.kind is StepKind.CHOICE:
            best = next(i for i, o in enumerate(step.options) if o.severity is Severity.NONE)
            self.key(getattr(Qt.Key, f"Key_{best + 1}"))
        elif step.kind is StepKind.MEASURE:
            field = child(self.window, QLineEdit, "measureInput")
            assert field.hasFocus()
            value = step.maximum if step.maximum is not None else step.minimum or 1
            self.qtbot.keyClicks(field, f"{value:g}")
            self.key(Qt.Key.Key_Return, field)
        elif step.kind is StepKind.NOTE:
            field = child(self.window, QLineEdit, "noteInput")
            self.qtbot.keyClicks(field, "looks fine")
            self.key(Qt.Key.Key_Return, field)
        else:
            page = child(self.window, InspectionPage, "inspectionPage")
            assert isinstance(page, InspectionPage)
            page.attach_photo(photo)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "unit.png"
    path.write_bytes(PNG)
    return path


@pytest.fixture
def station(
    qtbot: QtBot, inspection_window: MainWindow, desk: InspectionDesk, inspector_badge: str
) -> Station:
    station = Station(qtbot, inspection_window, desk)
    feedback = station.scan(inspector_badge)
    assert feedback.property("outcome") == "ok", feedback.text()
    return station


def test_a_whole_checklist_by_keyboard_grades_the_unit_a(
    station: Station,
    context: AppContext,
    codes: DemoCodes,
    photo: Path,
    qapp: QApplication,
    tmp_path: Path,
) -> None:
    qapp.setStyleSheet(assets.style_sheet())  # for the screenshots
    station.window.resize(1366, 768)
    try:
        check_whole_checklist(station, receive_unit(context, codes), photo, tmp_path)
    finally:
        qapp.setStyleSheet("")
    assert (tmp_path / "insp_step.png").stat().st_size > 0


def test_an_electronics_checklist_with_yes_no_and_a_measurement(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path, tmp_path: Path
) -> None:
    _, serialised = receive_two_units(context, codes)
    check_whole_checklist(station, serialised, photo, tmp_path)
    view = station.desk.view
    assert view is not None
    kinds = {step.kind for step in view.steps}
    assert {StepKind.PASS_FAIL, StepKind.MEASURE} <= kinds


def check_whole_checklist(station: Station, lpn: str, photo: Path, shots: Path) -> None:
    assert station.scan(lpn).property("outcome") == "ok"
    view = station.desk.view
    assert view is not None
    total = len(view.steps)
    progress = child(station.window, QLabel, "stepProgress")
    for position in range(1, total + 1):
        assert progress.text() == f"Step {position} of {total}"
        if position == 3:
            station.window.grab().save(str(shots / "insp_step.png"))
        station.answer_current(photo)
    assert station.feedback.property("outcome") == "ok", station.feedback.text()
    grade = child(station.window, QLabel, "gradeLabel")
    assert grade.isVisible()
    assert grade.text() == "A"
    station.window.grab().save(str(shots / "insp_result.png"))
    assert Unit.get(Unit.lpn == lpn).grade == "A"


def test_backspace_goes_back_one_step(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    station.scan(receive_unit(context, codes))
    progress = child(station.window, QLabel, "stepProgress")
    station.answer_current(photo)
    assert progress.text().startswith("Step 2 of")
    station.key(Qt.Key.Key_Backspace)
    assert progress.text().startswith("Step 1 of")
    assert station.feedback.property("outcome") == "ok"


def test_a_scanned_code_starting_with_a_digit_is_not_an_answer(
    station: Station, context: AppContext, codes: DemoCodes
) -> None:
    """A scanner types a whole code within the pause: its first digit must not answer a step."""
    station.scan(receive_unit(context, codes))
    progress = child(station.window, QLabel, "stepProgress")
    before = progress.text()
    station.scan("1Z879E930346834440")  # a parcel label scanned by mistake, starting with 1
    station.qtbot.wait(300)  # longer than the answer-key pause
    assert progress.text() == before
    assert station.desk.view is not None and not station.desk.view.answers


@pytest.mark.parametrize("confirm", [True, False])
def test_scanning_another_lpn_mid_checklist_asks_first(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path, confirm: bool
) -> None:
    first, second = receive_two_units(context, codes)
    station.scan(first)
    station.answer_current(photo)
    button = QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.No

    def press(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(button).click()

    when_dialog("abandonDialog", press)
    station.scan(second)
    station.qtbot.waitUntil(
        lambda: (
            station.desk.view is not None
            and (station.desk.view.lpn == (second if confirm else first))
        )
    )
    lpn_label = child(station.window, QLabel, "lpnLabel")
    station.qtbot.waitUntil(lambda: lpn_label.text() == (second if confirm else first))
