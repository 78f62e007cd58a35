"""The receiving screen: scan parcels and units, keyboard only (function keys for the rest)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.outcomes import NextScan, OutcomeCode, ScanOutcome
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import CameraSettings
from ui.camera_preview import CameraPanel
from ui.dialogs.choice_dialog import ChoiceDialog
from ui.dialogs.note_dialog import NoteDialog
from ui.domain_words import word
from ui.key_bar import KeyBar
from ui.pages.parcel_panel import ParcelPanel
from ui.photo_strip import ask_photo_file
from ui.restyle import set_style_properties
from ui.scan_feedback import ScanFeedback, qt_translate
from ui.scan_field import ScanField
from ui.sounds import OutcomeSounds
from ui.station_header import StationHeader
from ui.station_kit import ask_credentials, error_text, function_key

# (object name, key, condition) for F5..F8; the labels are set in _retranslate.
_CONDITION_KEYS = (
    ("intactAction", "F5", "intact"),
    ("damagedAction", "F6", "damaged"),
    ("wetAction", "F7", "wet"),
    ("openedAction", "F8", "opened"),
)


FEEDBACK_HEIGHT = 124
"""Three lines of feedback at its large size; fixed, so the screen never jumps between scans."""


class ReceivingPage(QWidget):
    """Header (station, user, next scan), scan field, feedback and LPN, parcel, key bar.

    Every decision is the desk's: the page passes scans and key presses on and shows what
    comes back. Expected core errors are caught here, in the slot that called the core.
    """

    def __init__(
        self,
        desk: ReceivingDesk,
        courier_name: Callable[[str], str],
        sounds: OutcomeSounds | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
        camera: CameraSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receivingPage")
        self._desk = desk
        self._courier_name = courier_name
        self._next_scan = NextScan.BADGE if desk.user is None else NextScan.PARCEL
        self._user_key: int | None = desk.user.id if desk.user else None
        self._photos_of: int | None = None  # the parcel whose photos the strip shows
        self.choose_photo: Callable[[], Path | None] = self._ask_photo_file
        """Asks for a photo file when the camera gives no picture (tests replace it)."""

        self._header = StationHeader(demo, self)

        self._prompt = QLabel(self)
        self._prompt.setObjectName("nextScanPrompt")
        self._prompt.setWordWrap(True)
        self.scan_field = ScanField(self)
        self.scan_field.scanned.connect(self._on_scan_field_scanned)

        self.feedback = ScanFeedback(sounds, self)
        self.feedback.setFixedHeight(FEEDBACK_HEIGHT)
        self._lpn_caption = QLabel(self)
        self._lpn_caption.setObjectName("lpnCaption")
        self._lpn = QLabel("", self)
        self._lpn.setObjectName("lpnLabel")
        self._lpn.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._lpn.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        lpn_box = QFrame(self)
        lpn_box.setObjectName("lpnBox")
        lpn_box.setFixedWidth(400)
        lpn_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        lpn_layout = QVBoxLayout(lpn_box)
        lpn_layout.setContentsMargins(10, 6, 10, 6)
        lpn_layout.setSpacing(0)
        lpn_layout.addWidget(self._lpn_caption)
        lpn_layout.addWidget(self._lpn, 1)
        feedback_row = QHBoxLayout()
        feedback_row.setSpacing(10)
        feedback_row.addWidget(self.feedback, 1)
        feedback_row.addWidget(lpn_box)

        self.parcel_panel = ParcelPanel(courier_name, self)

        self._login_action = function_key(self, "loginAction", "F2", self._on_login_triggered)
        self._photo_action = function_key(self, "photoAction", "F4", self._on_photo_triggered)
        self._condition_actions: list[QAction] = []
        for name, key, condition in _CONDITION_KEYS:
            action = function_key(self, name, key, self._condition_slot(condition))
            self._condition_actions.append(action)
        self._note_action = function_key(self, "noteAction", "F9", self._on_note_triggered)
        self._close_action = function_key(
            self, "closeParcelAction", "F10", self._on_close_parcel_triggered
        )
        self._logout_action = function_key(self, "logoutAction", "F12", self._on_logout_triggered)
        actions = [self._login_action]
        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.parcel_panel, 1)
        self._camera_panel: CameraPanel | None = None
        self._camera_action: QAction | None = None
        if camera is not None:
            self._camera_panel = CameraPanel(camera, self)
            self._camera_panel.hide()
            # A code the camera reads is a scan like the scanner's: same slot, same feedback.
            self._camera_panel.sighted.connect(self._on_scan_field_scanned)
            body.addWidget(self._camera_panel)
            self._camera_action = function_key(
                self, "cameraAction", "F3", self._on_camera_triggered
            )
            actions.append(self._camera_action)
        actions.append(self._photo_action)
        self._key_bar = KeyBar(
            [
                *actions,
                *self._condition_actions,
                self._note_action,
                self._close_action,
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
        layout.addLayout(feedback_row)
        layout.addLayout(body, 1)
        layout.addWidget(self._key_bar)

        self._retranslate()
        self._show_lpn(None)
        self.feedback.show_message(self.tr("Ready to scan."), "none")
        self.setFocusProxy(self.scan_field)

    # -- building -----------------------------------------------------------------------------

    def _condition_slot(self, condition: str) -> Callable[[], None]:
        return lambda: self._perform(lambda: self._desk.set_condition(condition))

    def _retranslate(self) -> None:
        station = self._desk.station
        self._header.show_station(
            self.tr("Station {code} · {name}").format(code=station.code, name=station.name)
        )
        self._lpn_caption.setText(self.tr("LPN: stick this label on the unit"))
        self.scan_field.setPlaceholderText(self.tr("Scan here (or type the code and press Enter)"))
        self._login_action.setText(self.tr("Log in"))
        self._photo_action.setText(self.tr("Photo"))
        labels = (self.tr("Intact"), self.tr("Damaged"), self.tr("Wet"), self.tr("Opened"))
        for action, label in zip(self._condition_actions, labels, strict=True):
            action.setText(label)
        self._note_action.setText(self.tr("Note"))
        self._close_action.setText(self.tr("Close parcel"))
        self._logout_action.setText(self.tr("Log out"))
        if self._camera_action is not None:
            self._camera_action.setText(self.tr("Camera"))
        self._key_bar.refresh()
        self._show_user()
        self._show_prompt()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def _show_user(self) -> None:
        self._header.show_user(self._desk.user)

    def _show_prompt(self) -> None:
        prompts = {
            NextScan.BADGE: self.tr("Scan your badge (or press F2 to log in with name and PIN)."),
            NextScan.PARCEL: self.tr("Scan the courier label, the RMA or the order number."),
            NextScan.UNIT: self.tr(
                "Scan each unit: product barcode, SKU or serial number. F10 closes the parcel."
            ),
            NextScan.SERIAL: self.tr("Scan the serial number of this unit."),
            NextScan.RMA: self.tr("Scan the RMA number on the packing slip."),
        }
        self._prompt.setText(self.tr("Next: {prompt}").format(prompt=prompts[self._next_scan]))

    def _show_lpn(self, lpn: str | None) -> None:
        self._lpn.setText(lpn or "—")
        set_style_properties(self._lpn, issued=bool(lpn))

    def _apply(self, outcome: ScanOutcome) -> None:
        """Show a committed outcome everywhere it matters, then ask what it asks for."""
        self.feedback.show_outcome(outcome, qt_translate)
        user = self._desk.user
        user_key = user.id if user else None
        shown = self.parcel_panel.parcel
        if user_key != self._user_key:
            # Someone else at the station: nothing of the previous session stays on screen.
            self._user_key = user_key
            self.parcel_panel.show_parcel(None)
            self._show_lpn(None)
        if outcome.parcel is not None:
            if shown is None or shown.id != outcome.parcel.id:
                self._show_lpn(None)
            self.parcel_panel.show_parcel(outcome.parcel)
        elif self._desk.parcel_id is None and shown is not None and shown.state == "open":
            self.parcel_panel.show_parcel(None)
        if outcome.lpn:
            self._show_lpn(outcome.lpn)
        self._show_photos(outcome)
        self._next_scan = outcome.next_scan
        self._show_user()
        self._show_prompt()
        if outcome.rma_choices:
            QTimer.singleShot(0, self, lambda: self._ask_rma(outcome))
        elif outcome.carrier_choices:
            QTimer.singleShot(0, self, lambda: self._ask_carrier(outcome))

    def _show_photos(self, outcome: ScanOutcome) -> None:
        """Thumbnails of the parcel on screen: read again when it changes or gets a photo."""
        parcel = self.parcel_panel.parcel
        parcel_id = parcel.id if parcel else None
        if parcel_id == self._photos_of and outcome.code is not OutcomeCode.PHOTO_ATTACHED:
            return
        self._photos_of = parcel_id
        try:
            photos = self._desk.parcel_photos(parcel_id) if parcel_id is not None else []
        except StorageUnavailable as exc:
            self._show_error(exc)
            photos = []
        self.parcel_panel.show_photos(photos)

    def _show_error(self, exc: ReceivingError | StorageUnavailable) -> None:
        self.feedback.show_message(error_text(exc), "error")

    def _perform(self, call: Callable[[], ScanOutcome]) -> None:
        """Call the core once; show its outcome, or the error it refused the call with."""
        try:
            outcome = call()
        except (ReceivingError, StorageUnavailable) as exc:
            self._show_error(exc)
        else:
            self._apply(outcome)
        self.scan_field.reclaim_focus()

    def _refocus(self) -> None:
        """After a dialog: the station window and its scan field get the keyboard back."""
        self.window().activateWindow()
        self.scan_field.setFocus()

    # -- choices ------------------------------------------------------------------------------

    def _ask_rma(self, outcome: ScanOutcome) -> None:
        options = [
            " — ".join(
                filter(
                    None,
                    (choice.number, word("reason", choice.reason_code), ", ".join(choice.skus)),
                )
            )
            for choice in outcome.rma_choices
        ]
        dialog = ChoiceDialog(self.tr("Which RMA?"), outcome.text(qt_translate), options, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        index, typed = dialog.chosen_index(), dialog.typed_text()
        dialog.deleteLater()
        if accepted and index is not None:
            number = outcome.rma_choices[index].number
            self._perform(lambda: self._desk.choose_rma(number))
        elif accepted and typed:
            self._perform(lambda: self._desk.handle_scan(typed))
        self._refocus()

    def _ask_carrier(self, outcome: ScanOutcome) -> None:
        codes = outcome.carrier_choices
        options = [f"{self._courier_name(code)} ({code})" for code in codes]
        dialog = ChoiceDialog(self.tr("Which courier?"), outcome.text(qt_translate), options, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        index = dialog.chosen_index()
        dialog.deleteLater()
        if accepted and index is not None:
            code = codes[index]
            self._perform(lambda: self._desk.choose_carrier(code))
        self._refocus()

    # -- slots --------------------------------------------------------------------------------

    @Slot(str)
    def _on_scan_field_scanned(self, raw: str) -> None:
        self._perform(lambda: self._desk.handle_scan(raw))

    @Slot()
    def _on_login_triggered(self) -> None:
        credentials = ask_credentials(self)
        if credentials is not None:
            name, pin = credentials
            self._perform(lambda: self._desk.login_with_pin(name, pin))
        self._refocus()

    @Slot()
    def _on_note_triggered(self) -> None:
        shown = self.parcel_panel.parcel
        if self._desk.parcel_id is None:
            # The core says why nothing can be noted (no parcel, or not logged in).
            self._perform(lambda: self._desk.set_note(""))
            return
        dialog = NoteDialog(shown.note if shown and shown.id == self._desk.parcel_id else "", self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        note = dialog.note()
        dialog.deleteLater()
        if accepted:
            self._perform(lambda: self._desk.set_note(note))
        self._refocus()

    @Slot()
    def _on_photo_triggered(self) -> None:
        """Photograph the open parcel: the camera's picture while its panel is on, else a file."""
        if self._desk.parcel_id is None:
            # The core says why no photo can be taken (no parcel, or not logged in).
            self._perform(lambda: self._desk.attach_parcel_photo(b""))
            return
        snapshot = self._camera_panel.snapshot_jpeg() if self._camera_panel else None
        source = snapshot if snapshot is not None else self.choose_photo()
        if source is not None:
            self._perform(lambda: self._desk.attach_parcel_photo(source))
        else:
            self._refocus()

    def _ask_photo_file(self) -> Path | None:
        return ask_photo_file(
            self, self.tr("Photo of the parcel"), self.tr("Pictures (JPEG or PNG)")
        )

    @Slot()
    def _on_close_parcel_triggered(self) -> None:
        self._perform(self._desk.close_parcel)

    @Slot()
    def _on_logout_triggered(self) -> None:
        self._perform(self._desk.logout)

    @Slot()
    def _on_camera_triggered(self) -> None:
        """Show or hide the camera panel; the camera runs while it is shown."""
        assert self._camera_panel is not None
        self._camera_panel.setVisible(not self._camera_panel.isVisible())
        self.scan_field.reclaim_focus()
