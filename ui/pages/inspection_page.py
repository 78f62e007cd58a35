"""The inspection screen: scan a unit's LPN, answer its checklist by keyboard, see the grade."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.customer_outcome.approvals import OutcomeApprovals
from receiving_app.disposition.rules_library import RulesLibrary
from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.inspection.model import Step, StepKind
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.versions import ChecklistLibrary
from receiving_app.inspection.views import InspectionView
from receiving_app.outcomes import OutcomeCode, ScanOutcome
from receiving_app.settings import CameraSettings
from receiving_app.users import Permission
from ui.camera_preview import CameraPanel
from ui.checklist_editor.editor_dialog import ChecklistEditorDialog
from ui.dialogs.approvals_dialog import ApprovalsDialog
from ui.dialogs.override_dialog import OverrideGradeDialog
from ui.dialogs.route_dialog import RouteOverrideDialog
from ui.domain_words import word
from ui.key_bar import KeyBar
from ui.pages.checklist_step import ChecklistStepPanel
from ui.pages.inspection_panels import GradePanel, UnitPanel
from ui.photo_strip import ask_photo_file
from ui.rules_editor import open_rules_editor
from ui.scan_feedback import ScanFeedback, qt_translate
from ui.scan_field import ScanField
from ui.sounds import OutcomeSounds
from ui.station_header import StationHeader
from ui.station_kit import ask_credentials, error_text, function_key

FEEDBACK_HEIGHT = 84
# A key that answers is one alone: a scanner types a whole code within this pause.
ANSWER_KEY_PAUSE_MS = 150
PASS_KEYS = {Qt.Key.Key_Y: True, Qt.Key.Key_1: True, Qt.Key.Key_N: False, Qt.Key.Key_2: False}
NUMBER_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class InspectionPage(QWidget):
    """Header, scan field, feedback, the unit beside its current step (or grade), key bar.

    The scan field keeps the focus; while a pass/fail or choice step is shown and the field is
    empty, a number key or Y/N answers, Enter keeps the answer and moves on, Backspace goes back.
    Every decision is the desk's; expected core errors are caught in the slot that called it.
    """

    def __init__(
        self,
        desk: InspectionDesk,
        sounds: OutcomeSounds | None = None,
        language: str = "en",
        demo: bool = False,
        parent: QWidget | None = None,
        camera: CameraSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionPage")
        self._desk = desk
        self._language = language
        self._view: InspectionView | None = None
        self._photos_of: int | None = None  # the inspection whose unit's photos are shown
        self.choose_photo: Callable[[], Path | None] = self._ask_photo_file
        """Asks for a photo file when the camera gives no picture (tests replace it)."""

        self._header = StationHeader(demo, self)

        self._prompt = QLabel(self)
        self._prompt.setObjectName("nextScanPrompt")
        self.scan_field = ScanField(self)
        self.scan_field.scanned.connect(self._on_scan_field_scanned)
        self.scan_field.installEventFilter(self)
        self._answer_key: Qt.Key | None = None
        self._answer_timer = QTimer(self)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.setInterval(ANSWER_KEY_PAUSE_MS)
        self._answer_timer.timeout.connect(self._on_answer_timer_timeout)
        self.feedback = ScanFeedback(sounds, self)
        self.feedback.setFixedHeight(FEEDBACK_HEIGHT)

        self._unit_panel = UnitPanel(self)
        self._unit_panel.setFixedWidth(430)
        self._idle = QLabel(self)
        self._idle.setObjectName("idleHint")
        self._idle.setWordWrap(True)
        self._idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._step_panel = ChecklistStepPanel(self)
        self._step_panel.answered.connect(self._on_step_panel_answered)
        self._step_panel.back_requested.connect(self._on_back)
        self._step_panel.photo_requested.connect(self._on_photo_triggered)
        self._step_panel.scan_typed.connect(self._on_scan_field_scanned)
        self._grade_panel = GradePanel(self)
        self._stack = QStackedWidget(self)
        for widget in (self._idle, self._step_panel, self._grade_panel):
            self._stack.addWidget(widget)
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self._unit_panel)
        body.addWidget(self._stack, 1)
        self._camera_panel: CameraPanel | None = None
        self._camera_action: QAction | None = None
        camera_actions: list[QAction] = []
        if camera is not None:
            self._camera_panel = CameraPanel(camera, self)
            self._camera_panel.hide()
            # A code the camera reads is a scan like the scanner's: same slot, same feedback.
            self._camera_panel.sighted.connect(self._on_scan_field_scanned)
            body.addWidget(self._camera_panel)
            # Not Ctrl+K: the focused scan field takes it (delete to the end of the line).
            self._camera_action = function_key(
                self, "cameraAction", "F5", self._on_camera_triggered
            )
            camera_actions.append(self._camera_action)

        self._login_action = function_key(self, "loginAction", "F2", self._on_login_triggered)
        self._photo_action = function_key(self, "photoAction", "F4", self._on_photo_triggered)
        self._override_action = function_key(
            self, "overrideAction", "F7", self._on_override_triggered
        )
        self._reinspect_action = function_key(self, "reinspectAction", "F8", self._on_reinspect)
        self._report_action = function_key(self, "reportAction", "F9", self._on_report_triggered)
        self._route_action = function_key(self, "routeAction", "F11", self._on_route_triggered)
        self._rules_action = function_key(self, "rulesAction", "F3", self._on_rules_triggered)
        self._approvals_action = function_key(
            self, "approvalsAction", "F6", self._on_approvals_triggered
        )
        self._checklists_action = function_key(
            self, "checklistsAction", "F10", self._on_checklists_triggered
        )
        self._logout_action = function_key(self, "logoutAction", "F12", self._on_logout_triggered)
        self._key_bar = KeyBar(
            [
                self._login_action,
                self._rules_action,
                self._photo_action,
                *camera_actions,
                self._approvals_action,
                self._override_action,
                self._reinspect_action,
                self._report_action,
                self._checklists_action,
                self._route_action,
                self._logout_action,
            ],
            self,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(8)
        layout.addWidget(self._header)
        layout.addWidget(self._prompt)
        layout.addWidget(self.scan_field)
        layout.addWidget(self.feedback)
        layout.addLayout(body, 1)
        layout.addWidget(self._key_bar)

        self._retranslate()
        self.feedback.show_message(self.tr("Ready to scan."), "none")
        self.setFocusProxy(self.scan_field)

    def _retranslate(self) -> None:
        station = self._desk.station
        self._header.show_station(
            self.tr("Inspection · station {code} · {name}").format(
                code=station.code, name=station.name
            )
        )
        self.scan_field.setPlaceholderText(self.tr("Scan here (or type the code and press Enter)"))
        self._idle.setText(
            self.tr("Scan the LPN label on a unit to open its checklist.")
            if self._desk.user
            else self.tr("Scan your badge (or press F2 to log in with name and PIN).")
        )
        self._login_action.setText(self.tr("Log in"))
        self._photo_action.setText(self.tr("Photo"))
        self._override_action.setText(self.tr("Regrade"))
        self._reinspect_action.setText(self.tr("Re-inspect"))
        self._report_action.setText(self.tr("Report"))
        self._route_action.setText(self.tr("Re-route"))
        self._approvals_action.setText(self.tr("Approvals"))
        self._rules_action.setText(self.tr("Rules"))
        self._checklists_action.setText(self.tr("Checklists"))
        self._logout_action.setText(self.tr("Log out"))
        if self._camera_action is not None:
            self._camera_action.setText(self.tr("Camera"))
        self._unit_panel.retranslate()
        self._key_bar.refresh()
        self._show()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def grade(self) -> str:
        """The grade shown on the result panel ("" while none is shown)."""
        return self._grade_panel.grade() if self._stack.currentWidget() is self._grade_panel else ""

    def _show(self) -> None:
        """Show the user, the unit and its current step or grade, as the desk has them now."""
        user = self._desk.user
        self._header.show_user(user)
        view = self._view
        self._unit_panel.show_view(view, self._language)
        step = view.current_step if view else None
        if view is None:
            self._stack.setCurrentWidget(self._idle)
            prompt = self.tr("Scan a unit's LPN.") if user else self.tr("Scan your badge.")
        elif view.state == "completed":
            self._grade_panel.show_view(view, self._language)
            self._stack.setCurrentWidget(self._grade_panel)
            prompt = self.tr("Graded. Scan the next unit's LPN.")
        elif step is not None:
            position = view.current_index + 1
            self._step_panel.show_step(
                step, position, len(view.steps), view.answers.get(step.id), self._language
            )
            self._stack.setCurrentWidget(self._step_panel)
            prompt = self.tr("Check {lpn}: answer step {position} of {total}.").format(
                lpn=view.lpn, position=position, total=len(view.steps)
            )
        else:
            self._stack.setCurrentWidget(self._idle)
            self._idle.setText(self.tr("Every step is answered. Press Enter to grade the unit."))
            prompt = self.tr("Press Enter to grade the unit.")
        self._prompt.setText(self.tr("Next: {prompt}").format(prompt=prompt))
        self._photo_action.setEnabled(view is not None)
        graded = view is not None and view.state == "completed"
        self._override_action.setEnabled(graded)
        self._focus_answer()

    def _focus_answer(self) -> None:
        field = (
            self._step_panel.answer_field()
            if self._stack.currentWidget() is self._step_panel
            else None
        )
        if field is not None:
            field.setFocus()
        else:
            self.scan_field.setFocus()

    def _perform(self, call: Callable[[], ScanOutcome]) -> None:
        """Call the core once; show its outcome (or the error it refused the call with)."""
        try:
            outcome = call()
            self._view = self._desk.view
        except (ReceivingError, StorageUnavailable) as exc:
            self.feedback.show_message(error_text(exc), "error")
            self._focus_answer()
            return
        self.feedback.show_outcome(outcome, qt_translate)
        self._retranslate_idle()
        self._show()
        self._show_unit_photos(outcome)
        view = self._view
        # A photo that answers a step names it; a photo of the unit at any time does not.
        step_answered = outcome.code is OutcomeCode.ANSWER_SAVED or (
            outcome.code is OutcomeCode.PHOTO_ATTACHED and "step" in outcome.params
        )
        if outcome.code is OutcomeCode.ABANDON_CONFIRM_NEEDED:
            QTimer.singleShot(0, self, lambda: self._ask_abandon(outcome))
        elif step_answered and (
            view is not None and view.state == "in_progress" and view.current_step is None
        ):
            self._perform(self._desk.complete)

    def _show_unit_photos(self, outcome: ScanOutcome) -> None:
        """Thumbnails of the unit on screen: read again when it changes or gets a photo."""
        inspection_id = self._view.inspection_id if self._view else None
        if inspection_id == self._photos_of and outcome.code is not OutcomeCode.PHOTO_ATTACHED:
            return
        self._photos_of = inspection_id
        try:
            photos = self._desk.unit_photos(inspection_id) if inspection_id is not None else []
        except StorageUnavailable as exc:
            self.feedback.show_message(error_text(exc), "error")
            photos = []
        self._unit_panel.show_photos(photos)

    def _retranslate_idle(self) -> None:
        self._idle.setText(
            self.tr("Scan the LPN label on a unit to open its checklist.")
            if self._desk.user
            else self.tr("Scan your badge (or press F2 to log in with name and PIN).")
        )

    def _ask_abandon(self, outcome: ScanOutcome) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Leave this unit?"),
            outcome.text(qt_translate, word),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("abandonDialog")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Yes, open the new unit"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("No, go on with this one"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        confirmed = box.exec() == QMessageBox.StandardButton.Yes
        box.deleteLater()
        self._perform(self._desk.confirm_switch if confirmed else self._desk.cancel_switch)
        self.window().activateWindow()

    # -- keyboard -----------------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.scan_field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and not self.scan_field.text()
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            key = Qt.Key(event.key())
            if key in PASS_KEYS or key in NUMBER_KEYS:
                # Let the character into the field: if nothing follows within the pause it was
                # a key press that answers; a scanner types the rest of its code in a few ms.
                self._answer_key = key
                self._answer_timer.start()
                return False
            return self._on_answer_key(key)
        return super().eventFilter(watched, event)

    def _on_answer_timer_timeout(self) -> None:
        key, self._answer_key = self._answer_key, None
        if key is not None and len(self.scan_field.text()) == 1:
            self.scan_field.clear()
            if not self._on_answer_key(key):
                self.scan_field.setText(QKeySequence(key).toString())

    def _on_answer_key(self, key: Qt.Key) -> bool:
        """A key pressed in the empty scan field: True when it answered or moved."""
        view = self._view
        if view is None or view.state != "in_progress":
            return False
        step = view.current_step
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if step is None:
                self._perform(self._desk.complete)
            elif step.id in view.answers and step.kind is not StepKind.PHOTO:
                answer = view.answers[step.id]
                self._perform(lambda: self._desk.answer(step.id, answer))
            elif step.kind is StepKind.PHOTO and step.id not in view.answers:
                self._on_photo_triggered()
            return True
        if key == Qt.Key.Key_Backspace:
            self._on_back()
            return True
        if step is None:
            return False
        if step.kind is StepKind.PASS_FAIL and key in PASS_KEYS:
            value = PASS_KEYS[key]
            self._perform(lambda: self._desk.answer(step.id, value))
            return True
        number = NUMBER_KEYS.get(key)
        if step.kind is StepKind.CHOICE and number is not None and number <= len(step.options):
            option = step.options[number - 1].key
            self._perform(lambda: self._desk.answer(step.id, option))
            return True
        return False

    # -- slots --------------------------------------------------------------------------------

    @Slot(str)
    def _on_scan_field_scanned(self, raw: str) -> None:
        self._perform(lambda: self._desk.handle_scan(raw))

    @Slot()
    def _on_camera_triggered(self) -> None:
        """Show or hide the camera panel; the camera runs while it is shown."""
        assert self._camera_panel is not None
        self._camera_panel.setVisible(not self._camera_panel.isVisible())
        self.scan_field.reclaim_focus()

    @Slot(object)
    def _on_step_panel_answered(self, value: object) -> None:
        step = self._step_panel.step
        if step is not None:
            self._perform(lambda: self._desk.answer(step.id, value))

    @Slot()
    def _on_back(self) -> None:
        if self._view is not None and self._view.state == "in_progress":
            self._perform(self._desk.back)

    def attach_photo(self, source: Path | bytes) -> None:
        """Answer the photo step on screen with the picture (a file, or a camera JPEG); with no
        photo step on screen, or the unit graded, it is a photo of the unit at any time."""
        step = self._photo_step()
        if step is not None:
            self._perform(lambda: self._desk.attach_photo(step.id, source))
        else:
            self._perform(lambda: self._desk.attach_unit_photo(source))

    def _photo_step(self) -> Step | None:
        view = self._view
        step = view.current_step if view is not None and view.state == "in_progress" else None
        return step if step is not None and step.kind is StepKind.PHOTO else None

    @Slot()
    def _on_photo_triggered(self) -> None:
        """A photo of the unit on screen: the camera's picture while its panel is on, else a
        file; it answers the photo step on screen, if there is one."""
        if self._view is None:
            return
        snapshot = self._camera_panel.snapshot_jpeg() if self._camera_panel else None
        source = snapshot if snapshot is not None else self.choose_photo()
        if source is not None:
            self.attach_photo(source)
        else:
            self._focus_answer()

    def _ask_photo_file(self) -> Path | None:
        return ask_photo_file(self, self.tr("Choose the picture"), self.tr("Pictures"))

    @Slot()
    def _on_override_triggered(self) -> None:
        view = self._view
        if view is None or view.state != "completed":
            return
        dialog = OverrideGradeDialog(view.final_grade or "", self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        grade, reason = dialog.chosen()
        dialog.deleteLater()
        if accepted:
            self._perform(lambda: self._desk.override(grade, reason))
        self.window().activateWindow()
        self._focus_answer()

    @Slot()
    def _on_reinspect(self) -> None:
        self._perform(self._desk.reinspect)

    @Slot()
    def _on_route_triggered(self) -> None:
        """A supervisor changes the graded unit's route: the logged-in one, or by name and PIN."""
        view = self._view
        if view is None or view.disposition is None:
            self.feedback.show_message(
                self.tr("Grade a unit first: F11 changes its route."), "error"
            )
            return
        user = self._desk.user
        credentials: tuple[str, str] | None = ("", "")
        if user is None or not user.can(Permission.APPROVE):
            credentials = ask_credentials(self)
        if credentials is not None:
            dialog = RouteOverrideDialog(view.disposition, self)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            route, location, reason = dialog.chosen()
            dialog.deleteLater()
            if accepted:
                name, pin = credentials
                self._perform(lambda: self._desk.override_route(route, location, reason, name, pin))
        self.window().activateWindow()
        self._focus_answer()

    @Slot()
    def _on_rules_triggered(self) -> None:
        """The routing rules editor, as the logged-in supervisor or one who gives name and PIN."""
        user = self._desk.user
        library: RulesLibrary | None
        try:
            if user is not None and user.can(Permission.EDIT_RULES):
                library = self._desk.rules_library()
            else:
                credentials = ask_credentials(self)
                library = self._desk.rules_library(*credentials) if credentials else None
        except (ReceivingError, StorageUnavailable) as exc:
            self.feedback.show_message(error_text(exc), "error")
            library = None
        if library is not None:
            open_rules_editor(library, self)
        self.window().activateWindow()
        self._focus_answer()

    @Slot()
    def _on_approvals_triggered(self) -> None:
        """The approval queue, as the logged-in supervisor or one who gives name and PIN."""
        user = self._desk.user
        approvals: OutcomeApprovals | None
        try:
            if user is not None and user.can(Permission.APPROVE):
                approvals = self._desk.outcome_approvals()
            else:
                credentials = ask_credentials(self)
                approvals = self._desk.outcome_approvals(*credentials) if credentials else None
        except (ReceivingError, StorageUnavailable) as exc:
            self.feedback.show_message(error_text(exc), "error")
            approvals = None
        if approvals is not None:
            dialog = ApprovalsDialog(approvals, self)
            dialog.exec()
            dialog.deleteLater()
        self.window().activateWindow()
        self._focus_answer()

    @Slot()
    def _on_report_triggered(self) -> None:
        """Ask where to save the graded unit's inspection report (the reports folder first)."""
        suggested = self._desk.report_path()
        if suggested is None:
            self.feedback.show_message(self.tr("Grade a unit first: F9 saves its report."), "error")
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the inspection report"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_report(Path(name))
        else:
            self._focus_answer()

    def save_report(self, path: Path) -> None:
        """Write the report of the graded unit on screen to ``path`` (what F9 does once asked)."""
        self._perform(lambda: self._desk.save_report(path, qt_translate, self._language))

    @Slot()
    def _on_checklists_triggered(self) -> None:
        """Open the checklist editor as the logged-in supervisor, or ask one for name and PIN."""
        library = self._open_library()
        if library is not None:
            dialog = ChecklistEditorDialog(library, self._language, self)
            dialog.exec()
            dialog.deleteLater()
        self.window().activateWindow()
        self._focus_answer()

    def _open_library(self) -> ChecklistLibrary | None:
        user = self._desk.user
        try:
            if user is not None and user.can(Permission.EDIT_CHECKLISTS):
                return self._desk.checklist_library()
            credentials = ask_credentials(self)
            return self._desk.checklist_library(*credentials) if credentials else None
        except (ReceivingError, StorageUnavailable) as exc:
            self.feedback.show_message(error_text(exc), "error")
            return None

    @Slot()
    def _on_login_triggered(self) -> None:
        credentials = ask_credentials(self)
        if credentials is not None:
            name, pin = credentials
            self._perform(lambda: self._desk.login_with_pin(name, pin))
        self.window().activateWindow()
        self._focus_answer()

    @Slot()
    def _on_logout_triggered(self) -> None:
        self._perform(self._desk.logout)
