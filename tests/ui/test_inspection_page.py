"""The inspection window: log in, scan an LPN, answer the whole checklist by keyboard, see the grade."""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.models import AuditRecord, Inspection, InspectionAnswer, Unit, User
from receiving_app.context import AppContext
from receiving_app.inspection.model import Severity, StepKind
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode
from tests.ui.conftest import DemoCodes, when_dialog
from ui import assets
from ui.main_window import MainWindow
from ui.pages.inspection_page import InspectionPage
from ui.sounds import OutcomeSounds


def _png() -> bytes:
    """A real 8x8 PNG: the desk decodes every photo before it stores it."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()


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
    unit = Unit.get(Unit.lpn == lpn)
    route = child(station.window, QLabel, "routeLabel")
    assert (unit.grade, unit.disposition) == ("A", "restock")
    assert route.isVisible() and route.text() == f"RESTOCK  →  {unit.location}"
    station.window.grab().save(str(shots / "insp_result.png"))


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


# -- touch buttons -----------------------------------------------------------------------------


def test_touch_buttons_answer_a_measure_step_with_ok_and_go_back(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path, tmp_path: Path
) -> None:
    _, serialised = receive_two_units(context, codes)
    assert station.scan(serialised).property("outcome") == "ok"
    window = station.window
    back = child(window, QPushButton, "backButton")
    confirm = child(window, QPushButton, "confirmAnswerButton")
    for button in (back, confirm):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert button.minimumHeight() >= 56
    progress = child(window, QLabel, "stepProgress")
    view = station.desk.view
    assert view is not None
    total = len(view.steps)
    measure_at = next(i for i, s in enumerate(view.steps) if s.kind is StepKind.MEASURE) + 1
    assert measure_at > 1
    assert not back.isVisible() and not confirm.isVisible()  # step 1 is a yes/no step
    while progress.text() != f"Step {measure_at} of {total}":
        station.answer_current(photo)
        assert back.isVisible()

    assert confirm.isVisible() and confirm.text() == "OK"
    field = child(window, QLineEdit, "measureInput")
    assert isinstance(field, QLineEdit) and field.hasFocus()
    station.qtbot.keyClicks(field, "87")
    station.qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert station.feedback.property("outcome") == "ok", station.feedback.text()
    assert progress.text() == f"Step {measure_at + 1} of {total}"
    step_id = view.steps[measure_at - 1].id
    stored = station.desk.view
    assert stored is not None and stored.answers[step_id] == 87
    assert not confirm.isVisible()

    station.qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert progress.text() == f"Step {measure_at} of {total}"
    assert field.text() == "87"  # the stored answer, ready to keep or change
    station.qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert progress.text() == f"Step {measure_at - 1} of {total}"
    assert station.scan_input.hasFocus()  # the buttons never took the focus


def test_ok_beside_the_note_answers_the_last_step_and_grades(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    lpn = receive_unit(context, codes)
    station.scan(lpn)
    view = station.desk.view
    assert view is not None and view.steps[-1].kind is StepKind.NOTE
    progress = child(station.window, QLabel, "stepProgress")
    while progress.text() != f"Step {len(view.steps)} of {len(view.steps)}":
        station.answer_current(photo)
    note = child(station.window, QLineEdit, "noteInput")
    assert isinstance(note, QLineEdit)
    station.qtbot.keyClicks(note, "box dented at one corner")
    station.qtbot.mouseClick(
        child(station.window, QPushButton, "confirmAnswerButton"), Qt.MouseButton.LeftButton
    )
    assert child(station.window, QLabel, "gradeLabel").text() == "A"
    inspection = Inspection.get(Inspection.unit == Unit.get(Unit.lpn == lpn).id)
    answer = InspectionAnswer.get(
        InspectionAnswer.inspection == inspection.id, InspectionAnswer.step_id == view.steps[-1].id
    )
    assert json.loads(answer.value) == "box dented at one corner"


# -- F7 override, F8 inspect again -------------------------------------------------------------


def graded(station: Station, context: AppContext, codes: DemoCodes, photo: Path) -> str:
    """Receive the plain unit and answer its whole checklist by keyboard: grade A on screen."""
    lpn = receive_unit(context, codes)
    assert station.scan(lpn).property("outcome") == "ok"
    view = station.desk.view
    assert view is not None
    for _ in view.steps:
        station.answer_current(photo)
    assert child(station.window, QLabel, "gradeLabel").text() == "A"
    return lpn


def fill_override(grade: str, reason: str) -> Callable[[QWidget], None]:
    def fill(dialog: QWidget) -> None:
        combo = dialog.findChild(QComboBox, "overrideGrade")
        field = dialog.findChild(QLineEdit, "overrideReason")
        buttons = dialog.findChild(QDialogButtonBox)
        assert combo is not None and field is not None and buttons is not None
        combo.setCurrentText(grade)
        field.setText(reason)
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    return fill


def inspections_of(lpn: str) -> list[Inspection]:
    return list(
        Inspection.select()
        .where(Inspection.unit == Unit.get(Unit.lpn == lpn).id)
        .order_by(Inspection.id)
    )


def audits(action: str) -> list[AuditRecord]:
    return list(AuditRecord.select().where(AuditRecord.action == action).order_by(AuditRecord.seq))


def test_f7_overrides_the_grade_with_a_reason(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    lpn = graded(station, context, codes, photo)
    reason = "hairline crack under the sticker"
    when_dialog("overrideGradeDialog", fill_override("C", reason))
    station.key(Qt.Key.Key_F7)

    assert station.feedback.property("outcome") == "ok", station.feedback.text()
    unit = Unit.get(Unit.lpn == lpn)
    route = unit.disposition.replace("_", " ")
    assert station.feedback.text() == (
        f"{lpn}: grade changed from A to C, now {route} to {unit.location}."
    )
    assert child(station.window, QLabel, "gradeLabel").text() == "C"
    route_label = child(station.window, QLabel, "routeLabel")
    assert route_label.text() == f"{route.upper()}  →  {unit.location}"
    assert route_label.property("route") == unit.disposition
    assert reason in child(station.window, QLabel, "overrideNote").text()
    [inspection] = inspections_of(lpn)
    assert (inspection.computed_grade, inspection.final_grade) == ("A", "C")
    assert inspection.override_reason == reason
    user = station.desk.user
    assert user is not None and inspection.overridden_by_id == user.id
    assert Unit.get(Unit.lpn == lpn).grade == "C"
    [record] = audits("inspection.grade_overridden")
    assert record.entity_id == str(inspection.id)
    before, after = json.loads(record.before), json.loads(record.after)
    assert (before["final_grade"], after["final_grade"]) == ("A", "C")
    assert after["override_reason"] == reason and after["lpn"] == lpn


def test_f7_without_a_reason_is_refused_and_nothing_is_stored(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    lpn = graded(station, context, codes, photo)
    when_dialog("overrideGradeDialog", fill_override("B", "   "))
    station.key(Qt.Key.Key_F7)

    assert station.feedback.property("outcome") == "error"
    assert "Say why the grade is overridden" in station.feedback.text()
    assert child(station.window, QLabel, "gradeLabel").text() == "A"
    [inspection] = inspections_of(lpn)
    assert (inspection.final_grade, inspection.override_reason) == ("A", None)
    assert inspection.overridden_by_id is None
    assert Unit.get(Unit.lpn == lpn).grade == "A"
    assert audits("inspection.grade_overridden") == []


def test_f8_opens_a_new_inspection_and_keeps_the_old_one(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    lpn = graded(station, context, codes, photo)
    assert station.scan(lpn).property("outcome") == "warning"  # "already graded A … F8"
    [old] = inspections_of(lpn)
    old_row = Inspection.select().where(Inspection.id == old.id).dicts().get()
    old_answers = list(
        InspectionAnswer.select().where(InspectionAnswer.inspection == old.id).dicts()
    )
    station.key(Qt.Key.Key_F8)

    assert station.feedback.property("outcome") == "ok", station.feedback.text()
    first, second = inspections_of(lpn)
    assert first.id == old.id
    assert Inspection.select().where(Inspection.id == old.id).dicts().get() == old_row
    assert (
        list(InspectionAnswer.select().where(InspectionAnswer.inspection == old.id).dicts())
        == old_answers
    )
    assert (second.state, second.final_grade) == ("in_progress", None)
    assert InspectionAnswer.select().where(InspectionAnswer.inspection == second.id).count() == 0
    [started] = [r for r in audits("inspection.started") if r.entity_id == str(second.id)]
    assert json.loads(started.after)["lpn"] == lpn
    page = child(station.window, InspectionPage, "inspectionPage")
    assert isinstance(page, InspectionPage) and page.grade() == ""
    view = station.desk.view
    assert view is not None and view.inspection_id == second.id
    assert child(station.window, QLabel, "stepProgress").text() == f"Step 1 of {len(view.steps)}"


def test_f8_right_after_grading_opens_a_new_inspection(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    lpn = graded(station, context, codes, photo)
    station.key(Qt.Key.Key_F8)
    assert station.feedback.property("outcome") == "ok", station.feedback.text()
    assert len(inspections_of(lpn)) == 2


# -- F9 report ----------------------------------------------------------------------------------


def test_the_report_of_the_graded_unit_is_saved_as_a_pdf(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path, tmp_path: Path
) -> None:
    page = child(station.window, InspectionPage, "inspectionPage")
    assert isinstance(page, InspectionPage)
    page.save_report(tmp_path / "early.pdf")
    assert station.feedback.property("outcome") == "error"  # nothing graded on screen yet
    assert not (tmp_path / "early.pdf").exists()

    lpn = graded(station, context, codes, photo)
    suggested = station.desk.report_path()
    assert suggested is not None and suggested.name == f"inspection-{lpn}.pdf"
    assert suggested.parent.is_dir()
    target = tmp_path / "report.pdf"
    page.save_report(target)
    assert station.feedback.property("outcome") == "ok", station.feedback.text()
    assert station.feedback.text() == f"Inspection report of {lpn} saved as {target}."
    assert target.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert lpn in text and "Grade" in text

    page.save_report(tmp_path / "no-such-folder" / "report.pdf")
    assert station.feedback.property("outcome") == "error"
    assert "Cannot write" in station.feedback.text()
    assert list((tmp_path).glob("**/*.part")) == []


# -- F11 change route ---------------------------------------------------------------------------


def test_f11_lets_a_supervisor_change_the_route_with_a_reason(
    station: Station, context: AppContext, codes: DemoCodes, photo: Path
) -> None:
    lpn = graded(station, context, codes, photo)
    recovery = child(station.window, QLabel, "recoveryLine")
    assert "▶ restock" in recovery.text()
    supervisor = User.get(User.role == "supervisor", User.pin_hash.is_null(False))

    def log_in(dialog: QWidget) -> None:
        child(dialog, QLineEdit, "loginName").setText(supervisor.name)
        child(dialog, QLineEdit, "loginPin").setText("1234")  # the demo PIN
        when_dialog("routeOverrideDialog", choose_scrap)
        assert isinstance(dialog, QDialog)
        dialog.accept()

    def choose_scrap(dialog: QWidget) -> None:
        box = child(dialog, QComboBox, "overrideRoute")
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData("scrap"))
        child(dialog, QLineEdit, "routeReason").setText("Soaked in the parcel")
        assert isinstance(dialog, QDialog)
        dialog.accept()

    when_dialog("loginDialog", log_in)
    station.key(Qt.Key.Key_F11)
    station.qtbot.waitUntil(lambda: station.feedback.property("outcome") == "ok")
    unit = Unit.get(Unit.lpn == lpn)
    assert unit.disposition == "scrap"
    route = child(station.window, QLabel, "routeLabel")
    assert route.text() == f"SCRAP  →  {unit.location}"
    assert "Soaked in the parcel" in child(station.window, QLabel, "overrideNote").text()
    assert "▶ scrap" in recovery.text()
    assert station.desk.user is not None and station.desk.user.role.value == "inspector"


def test_f3_opens_the_rules_editor_for_a_supervisor(station: Station) -> None:
    supervisor = User.get(User.role == "supervisor", User.badge.is_null(False))
    assert station.scan(str(supervisor.badge)).property("outcome") == "ok"
    opened: list[str] = []

    def close(dialog: QWidget) -> None:
        opened.append(dialog.objectName())
        assert isinstance(dialog, QDialog)
        dialog.reject()

    when_dialog("rulesEditor", close)
    station.key(Qt.Key.Key_F3)
    station.qtbot.waitUntil(lambda: opened == ["rulesEditor"])
