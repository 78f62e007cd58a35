"""The always-focused scan field a keyboard-wedge scanner types into (objectName ``scanInput``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from typing_extensions import override

# A plain QLineEdit drops control characters (STACK.md), but GS1 and ISO/IEC 15434 barcodes need
# them: GS (ASCII 29) ends a variable-length field, RS (30) and EOT (4) frame a 15434 message.
# While typed they show as their Unicode "control pictures" (U+241D etc.), so the worker sees
# them; the scan handed on holds the control characters again, exactly as the scanner sent it.
CONTROL_PICTURES = {"\x1d": "\u241d", "\x1e": "\u241e", "\x04": "\u2404"}
_CONTROLS = str.maketrans({picture: control for control, picture in CONTROL_PICTURES.items()})
# Without a text (some X11 set-ups), Ctrl+] is GS and Ctrl+^ is RS, as on a terminal.
_CTRL_KEYS = {Qt.Key.Key_BracketRight: "\u241d", Qt.Key.Key_AsciiCircum: "\u241e"}
MAX_SCAN_LENGTH = 512


class ScanField(QLineEdit):
    """One scan per Enter, Return or Tab; keeps the keyboard focus for the scanner.

    The input method is switched off, so a Chinese IME left on cannot turn a scan into
    full-width characters or swallow it in a composition window.

    Signals:
        scanned(str): the raw text of one scan, as the scanner typed it (never empty).
    """

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None, keep_focus: bool = True) -> None:
        """``keep_focus=False`` for a page of forms and tables (the supervisor's desk), where
        the field takes scans when focused but lets the user work elsewhere."""
        super().__init__(parent)
        self.setObjectName("scanInput")
        self._keep_focus = keep_focus
        self.setMaxLength(MAX_SCAN_LENGTH)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setClearButtonEnabled(False)
        self._reclaim_timer = QTimer(self)
        self._reclaim_timer.setSingleShot(True)
        self._reclaim_timer.setInterval(0)
        self._reclaim_timer.timeout.connect(self.reclaim_focus)

    def submit(self) -> None:
        """Hand the typed text on as one scan and clear the field for the next one."""
        raw = self.text().translate(_CONTROLS)
        self.clear()
        if raw.strip():
            self.scanned.emit(raw)

    def reclaim_focus(self) -> None:
        """Take the focus back unless a dialog or another window legitimately holds it."""
        if not self._keep_focus or not self.isVisible() or not self.isEnabled():
            return
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            return
        holder = QApplication.focusWidget()
        if holder is not None and holder.property("keepsFocus"):
            return  # an answer field of the inspection page, which gives the focus back itself
        if holder is None or holder is self or holder.window() is self.window():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def event(self, event: QEvent) -> bool:
        # Tab never reaches keyPressEvent (QWidget::event turns it into a focus change), and
        # wedge scanners are often set up to end each scan with Tab instead of Enter.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab))
        ):
            self.submit()
            return True
        return super().event(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        picture = CONTROL_PICTURES.get(event.text())
        if picture is None and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            picture = _CTRL_KEYS.get(Qt.Key(event.key()))
        if picture is not None:
            self.insert(picture)
            return
        super().keyPressEvent(event)

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Decide after Qt has finished moving the focus (a dialog opening, a click elsewhere).
        self._reclaim_timer.start()
