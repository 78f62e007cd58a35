"""Pick one of a few options by its number (1..9), or scan / type the answer and press Enter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

DIGIT_PAUSE_MS = 150


class ChoiceDialog(QDialog):
    """Numbered options; a digit picks at once, Enter takes the typed or the selected one.

    After ``exec()``: ``chosen_index()`` is the picked option, or ``typed_text()`` what was
    scanned into the field instead (for example an RMA number from the packing slip).
    """

    def __init__(
        self, title: str, prompt: str, options: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self._count = len(options)
        self._chosen: int | None = None
        self._typed = ""
        label = QLabel(prompt, self)
        label.setObjectName("choicePrompt")
        label.setWordWrap(True)
        self._list = QListWidget(self)
        self._list.setObjectName("choiceList")
        self._list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for number, text in enumerate(options, start=1):
            self._list.addItem(f"{number}   {text}")
        if options:
            self._list.setCurrentRow(0)
        self._list.itemDoubleClicked.connect(lambda _item: self._pick(self._list.currentRow()))
        self._field = QLineEdit(self)
        self._field.setObjectName("choiceInput")
        self._field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._field.setPlaceholderText(self.tr("Number, or scan"))
        self._field.returnPressed.connect(self._on_field_return_pressed)
        self._field.installEventFilter(self)
        self._digit_timer = QTimer(self)
        self._digit_timer.setSingleShot(True)
        self._digit_timer.setInterval(DIGIT_PAUSE_MS)
        self._digit_timer.timeout.connect(self._on_digit_timer_timeout)
        hint = QLabel(
            self.tr("Press 1 to {count} to choose, or ↑/↓ and Enter. Esc cancels.").format(
                count=min(self._count, 9)
            ),
            self,
        )
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self._list)
        layout.addWidget(self._field)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, min(520, 220 + 44 * max(1, self._count)))
        self._field.setFocus()

    def chosen_index(self) -> int | None:
        return self._chosen

    def typed_text(self) -> str:
        return self._typed

    def _pick(self, row: int) -> None:
        if 0 <= row < self._count:
            self._chosen = row
            self.accept()

    def _on_field_return_pressed(self) -> None:
        text = self._field.text().strip()
        if not text:
            self._pick(self._list.currentRow())
        elif text.isdigit() and 1 <= int(text) <= self._count:
            self._pick(int(text) - 1)
        else:
            self._typed = text
            self.accept()

    @override
    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self._field
            and isinstance(event, QKeyEvent)
            and (event.type() == QKeyEvent.Type.KeyPress)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                row = max(0, min(self._count - 1, self._list.currentRow() + step))
                self._list.setCurrentRow(row)
                return True
            text = event.text()
            if not self._field.text() and len(text) == 1 and text.isdigit():
                # A lone digit picks by itself; the pause tells it from a scanner typing a
                # code that starts with a digit (a scanner types a character every few ms).
                self._digit_timer.start()
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _on_digit_timer_timeout(self) -> None:
        text = self._field.text()
        if len(text) == 1 and text.isdigit() and 1 <= int(text) <= self._count:
            self._pick(int(text) - 1)
