"""The supervisor's checklist editor: edit, check, preview, save a version, history, overrides."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.models import AuditRecord, ChecklistVersion, User
from receiving_app.context import AppContext
from receiving_app.inspection.model import Severity, Step, StepKind
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.versions import ChecklistLibrary
from receiving_app.outcomes import OutcomeCode
from receiving_app.users import hash_pin
from tests.ui.conftest import DemoCodes, when_dialog
from tests.ui.test_inspection_page import PNG, receive_unit
from ui.checklist_editor.editor_dialog import ChecklistEditorDialog
from ui.main_window import MainWindow
from ui.sounds import OutcomeSounds


def child(parent: QWidget, kind: type, name: str) -> QWidget:
    found = parent.findChildren(kind, name)
    assert len(found) == 1, (name, found)
    widget: QWidget = found[0]
    return widget


def badge_of(role: str) -> str:
    user = User.select().where(User.role == role, User.badge.is_null(False), User.active).first()
    assert user is not None
    return str(user.badge)


@pytest.fixture
def desk(context: AppContext) -> InspectionDesk:
    return context.new_inspection_desk()


@pytest.fixture
def library(desk: InspectionDesk) -> ChecklistLibrary:
    assert desk.handle_scan(badge_of("supervisor")).code == OutcomeCode.LOGGED_IN
    return desk.checklist_library()


def discard_when_asked() -> None:
    def press(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Discard).click()

    when_dialog("discardChangesDialog", press)


@pytest.fixture
def open_editor(qtbot: QtBot, library: ChecklistLibrary) -> Iterator[Callable[[], Editor]]:
    """Opens the editor; at the end unsaved edits are discarded as the supervisor would."""
    opened: list[Editor] = []

    def open_one() -> Editor:
        opened.append(Editor(qtbot, library))
        return opened[-1]

    yield open_one
    for editor in opened:
        if editor.dialog.is_dirty():
            discard_when_asked()
        editor.dialog.close()
        assert not editor.dialog.isVisible()
        editor.dialog.deleteLater()


class Editor:
    """The editor dialog driven as a supervisor does, with the mouse and keyboard."""

    def __init__(self, qtbot: QtBot, library: ChecklistLibrary) -> None:
        self.qtbot = qtbot
        # Not qtbot.addWidget: qtbot closes its widgets before fixtures end, and an editor with
        # unsaved edits asks first; ``open_editor`` closes it and answers.
        self.dialog = ChecklistEditorDialog(library)
        self.dialog.show()
        qtbot.waitExposed(self.dialog)
        self.steps = child(self.dialog, QListWidget, "stepList")
        self.problem = child(self.dialog, QLabel, "draftProblem")
        self.note = child(self.dialog, QLineEdit, "changeNoteInput")
        self.save = child(self.dialog, QPushButton, "saveChecklistButton")
        assert isinstance(self.steps, QListWidget) and isinstance(self.save, QPushButton)

    def widget(self, kind: type, name: str) -> QWidget:
        return child(self.dialog, kind, name)

    def choose_category(self, category: str) -> None:
        box = self.widget(QComboBox, "categoryBox")
        assert isinstance(box, QComboBox)
        row = box.findText(category)
        assert row >= 0, category
        box.setCurrentIndex(row)
        box.activated.emit(row)

    def type_into(self, name: str, text: str) -> None:
        field = self.widget(QLineEdit, name)
        assert isinstance(field, QLineEdit)
        field.selectAll()
        self.qtbot.keyClicks(field, text)

    def add_step(self, kind: str) -> None:
        button = self.widget(QToolButton, "addStepButton")
        assert isinstance(button, QToolButton)
        menu = button.menu()
        assert menu is not None
        [action] = [a for a in menu.actions() if a.objectName() == f"addStep_{kind}"]
        action.trigger()

    def click(self, name: str) -> None:
        self.qtbot.mouseClick(self.widget(QPushButton, name), Qt.MouseButton.LeftButton)


def test_changing_a_severity_and_saving_makes_the_next_version(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("home")
    assert not editor.save.isEnabled()
    assert editor.steps.count() == len(library.draft("home").steps)
    editor.steps.setCurrentRow(0)
    table = editor.widget(QTableWidget, "optionsTable")
    assert isinstance(table, QTableWidget)
    box = table.cellWidget(1, 3)  # the severity of "small dent"
    assert isinstance(box, QComboBox)
    row = box.findData("major")
    box.setCurrentIndex(row)
    box.activated.emit(row)
    assert editor.problem.property("outcome") == "ok"
    assert not editor.save.isEnabled()  # no note yet
    editor.type_into("changeNoteInput", "Dents are major")
    assert editor.save.isEnabled()
    editor.click("saveChecklistButton")
    qtbot.waitUntil(lambda: "version 2" in editor.problem.text())
    row_2 = ChecklistVersion.get(category="home", version=2)
    assert json.loads(row_2.body)["steps"][0]["options"][1]["severity"] == "major"
    assert row_2.note == "Dents are major"
    assert AuditRecord.select().where(AuditRecord.action == "checklist.saved").count() == 1
    assert not editor.save.isEnabled()  # saved: nothing left to save
    versions = editor.widget(QTableView, "versionsTable")
    assert isinstance(versions, QTableView)
    assert versions.model().rowCount() == 2


def test_a_new_step_is_named_as_the_problem_until_it_has_a_question(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("apparel")
    editor.steps.setCurrentRow(0)
    editor.add_step("pass_fail")
    assert editor.steps.currentRow() == 1
    assert editor.problem.property("outcome") == "error"
    assert "Step 2" in editor.problem.text() and "question" in editor.problem.text()
    editor.type_into("questionInput", "Is the zip working?")
    assert editor.problem.property("outcome") == "ok"
    assert editor.steps.item(1).text().startswith("2. Is the zip working?")
    editor.type_into("changeNoteInput", "Zip check")
    editor.click("saveChecklistButton")
    qtbot.waitUntil(
        lambda: (
            ChecklistVersion.select()
            .where(ChecklistVersion.category == "apparel", ChecklistVersion.version == 2)
            .exists()
        )
    )
    body = json.loads(ChecklistVersion.get(category="apparel", version=2).body)
    assert body["steps"][1]["question"] == "Is the zip working?"
    assert body["steps"][1]["kind"] == "pass_fail"


def test_reordering_and_removing_steps(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("home")
    first, second = editor.steps.item(0).text(), editor.steps.item(1).text()
    editor.steps.setCurrentRow(0)
    editor.click("stepDownButton")
    assert editor.steps.currentRow() == 1
    assert editor.steps.item(0).text()[3:] == second[3:]
    count = editor.steps.count()
    editor.click("removeStepButton")
    assert editor.steps.count() == count - 1
    assert all(first[3:] != editor.steps.item(i).text()[3:] for i in range(count - 1))
    assert editor.problem.property("outcome") == "ok"


def test_a_measurement_with_a_bad_limit_is_marked_and_not_taken(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("electronics")
    editor.add_step("measure")
    editor.type_into("questionInput", "Battery cycles")
    editor.type_into("maximumInput", "abc")
    maximum = editor.widget(QLineEdit, "maximumInput")
    assert maximum.property("invalid") is True
    assert editor.problem.property("outcome") == "error"  # still no limit at all
    editor.type_into("maximumInput", "800")
    assert maximum.property("invalid") is False
    assert "unit" in editor.problem.text()  # the last thing missing
    editor.type_into("measureUnitInput", "cycles")
    assert editor.problem.property("outcome") == "ok", editor.problem.text()


def test_the_preview_grades_trial_answers_with_the_edited_rule(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("home")
    editor.steps.setCurrentRow(0)
    buttons = [
        button
        for button in editor.dialog.findChildren(QPushButton, "answerButton")
        if button.isVisible()
    ]
    assert len(buttons) == 3
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)  # small dent: minor
    grade = editor.widget(QLabel, "trialGrade")
    assert "B" in grade.text() and "damage" in grade.text()
    assert editor.steps.currentRow() == 1  # the preview walks on
    box = editor.widget(QComboBox, "gradeBox_minor")
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData("C"))
    box.activated.emit(box.findData("C"))
    assert "Trial grade: C" in grade.text()
    editor.click("clearTrialButton")
    assert "Trial grade: A" in grade.text()
    assert ChecklistVersion.select().where(ChecklistVersion.version > 1).count() == 0


def test_unsaved_changes_are_kept_unless_the_supervisor_discards_them(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("home")
    editor.type_into("checklistNameInput", "Home and kitchen")

    def answer(button: QMessageBox.StandardButton) -> None:
        def press(dialog: QWidget) -> None:
            assert isinstance(dialog, QMessageBox)
            dialog.button(button).click()

        when_dialog("discardChangesDialog", press)

    answer(QMessageBox.StandardButton.Cancel)
    editor.choose_category("apparel")
    name = editor.widget(QLineEdit, "checklistNameInput")
    assert isinstance(name, QLineEdit)
    assert name.text() == "Home and kitchen"
    box = editor.widget(QComboBox, "categoryBox")
    assert isinstance(box, QComboBox) and box.currentText() == "home"
    answer(QMessageBox.StandardButton.Discard)
    editor.choose_category("apparel")
    assert name.text() == "Apparel"


def test_history_brings_back_an_older_version(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    draft = library.draft("home")
    draft.remove_step(0)
    library.save(draft, "No damage step")
    editor = open_editor()
    editor.choose_category("home")
    tabs = editor.widget(QTabWidget, "editorTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(1)
    table = editor.widget(QTableView, "versionsTable")
    assert isinstance(table, QTableView)
    model = table.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [2, 1]
    assert model.index(0, 4).data() == "No damage step"
    table.selectRow(1)
    editor.click("restoreVersionButton")
    assert tabs.currentIndex() == 0
    assert "version 3" in editor.widget(QLabel, "draftVersionLabel").text()
    editor.type_into("changeNoteInput", "Damage step back")
    editor.click("saveChecklistButton")
    qtbot.waitUntil(lambda: ChecklistVersion.select().where(ChecklistVersion.version == 3).exists())
    body = json.loads(ChecklistVersion.get(category="home", version=3).body)
    assert body["steps"][0]["id"] == "damage"


def test_a_new_category_starts_from_a_copy(
    open_editor: Callable[[], Editor], library: ChecklistLibrary, qtbot: QtBot
) -> None:
    editor = open_editor()
    editor.choose_category("electronics")

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        child(dialog, QLineEdit, "newCategoryInput").setText("phones")
        child(dialog, QLineEdit, "newCategoryNameInput").setText("Phones")
        dialog.accept()

    when_dialog("newCategoryDialog", fill)
    editor.click("newCategoryButton")
    qtbot.waitUntil(lambda: "phones" in editor.widget(QLabel, "draftVersionLabel").text())
    assert editor.steps.count() == len(library.draft("electronics").steps)
    editor.type_into("changeNoteInput", "Phones get their own checklist")
    editor.click("saveChecklistButton")
    qtbot.waitUntil(lambda: "phones" in library.categories())


def grade_and_override(context: AppContext, codes: DemoCodes, photo: Path) -> str:
    """Receive a unit, pass every step of its checklist, then override its grade to C."""
    lpn = receive_unit(context, codes)
    inspector = context.new_inspection_desk()
    assert inspector.handle_scan(badge_of("inspector")).code == OutcomeCode.LOGGED_IN
    assert inspector.handle_scan(lpn).code == OutcomeCode.INSPECTION_STARTED
    view = inspector.view
    assert view is not None
    for step in view.steps:
        if step.kind is StepKind.PHOTO:
            inspector.attach_photo(step.id, photo)
        else:
            inspector.answer(step.id, passing_answer(step))
    assert inspector.complete().params["grade"] == "A"
    assert inspector.override("C", "Box crushed in transit").code == OutcomeCode.GRADE_OVERRIDDEN
    return lpn


def passing_answer(step: Step) -> object:
    if step.kind is StepKind.PASS_FAIL:
        return True
    if step.kind is StepKind.CHOICE:
        return next(o.key for o in step.options if o.severity is Severity.NONE)
    if step.kind is StepKind.MEASURE:
        return step.maximum if step.maximum is not None else step.minimum
    return "fine"


def test_overrides_are_listed_for_review(
    open_editor: Callable[[], Editor],
    library: ChecklistLibrary,
    qtbot: QtBot,
    context: AppContext,
    codes: DemoCodes,
    tmp_path: Path,
) -> None:
    photo = tmp_path / "unit.png"
    photo.write_bytes(PNG)
    lpn = grade_and_override(context, codes, photo)
    editor = open_editor()
    tabs = editor.widget(QTabWidget, "editorTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(2)
    table = editor.widget(QTableView, "overridesTable")
    assert isinstance(table, QTableView)
    model = table.model()
    assert model.rowCount() == 1
    assert model.index(0, 1).data() == lpn
    assert model.index(0, 3).data() == "A → C"
    assert model.index(0, 4).data() == "Box crushed in transit"


def test_f10_asks_a_supervisor_to_log_in_over_an_inspector(
    qtbot: QtBot, desk: InspectionDesk
) -> None:
    window = MainWindow(desk, sounds=OutcomeSounds(enabled=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    scan_input = child(window, QLineEdit, "scanInput")
    qtbot.keyClicks(scan_input, badge_of("inspector"))
    qtbot.keyClick(scan_input, Qt.Key.Key_Return)
    assert desk.user is not None and desk.user.role.value == "inspector"
    supervisor = User.get(User.badge == badge_of("supervisor"))
    User.update(pin_hash=hash_pin("8642")).where(User.id == supervisor.id).execute()
    opened: list[str] = []

    def log_in(dialog: QWidget) -> None:
        child(dialog, QLineEdit, "loginName").setText(supervisor.name)
        child(dialog, QLineEdit, "loginPin").setText("8642")
        when_dialog("checklistEditor", lambda editor: (opened.append("yes"), editor.reject()))
        assert isinstance(dialog, QDialog)
        dialog.accept()

    when_dialog("loginDialog", log_in)
    qtbot.keyClick(scan_input, Qt.Key.Key_F10)
    feedback = child(window, QLabel, "scanFeedback")
    qtbot.waitUntil(lambda: opened == ["yes"] or feedback.property("outcome") == "error")
    assert opened == ["yes"], feedback.text()
    assert desk.user is not None and desk.user.role.value == "inspector"  # still at the desk

    def wrong_pin(dialog: QWidget) -> None:
        child(dialog, QLineEdit, "loginName").setText(supervisor.name)
        child(dialog, QLineEdit, "loginPin").setText("0000")
        assert isinstance(dialog, QDialog)
        dialog.accept()

    when_dialog("loginDialog", wrong_pin)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(scan_input, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: feedback.property("outcome") == "error")
