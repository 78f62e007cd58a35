"""Write or change the current parcel's note (F9)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override


class NoteDialog(QDialog):
    """A free-text note (any language, the input method stays on here). Ctrl+Enter saves."""

    def __init__(self, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("Parcel note"))
        self.setModal(True)
        label = QLabel(self.tr("What is in the parcel, what is wrong with it?"), self)
        label.setWordWrap(True)
        self._text = QPlainTextEdit(self)
        self._text.setObjectName("noteText")
        self._text.setPlainText(note)
        self._text.setTabChangesFocus(True)
        hint = QLabel(self.tr("Ctrl+Enter saves. Esc cancels."), self)
        hint.setObjectName("dialogHint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save note"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._text.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self._text)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(620, 320)
        self._text.setFocus()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter is handled on the text itself: a window shortcut would depend on the
        # dialog being the active window, and plain Enter must stay a line break.
        if (
            watched is self._text
            and isinstance(event, QKeyEvent)
            and (
                event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            )
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def note(self) -> str:
        return self._text.toPlainText().strip()  # the core refuses one that is too long
