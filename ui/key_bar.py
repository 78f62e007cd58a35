"""The bottom bar of function keys: shows each key's job, and works as buttons for a mouse too."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget


class KeyBar(QFrame):
    """One button per action, labelled with the action's first shortcut and its text.

    The buttons never take the focus, so the scan field keeps the scanner's keystrokes.
    """

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyBar")
        self._buttons: list[tuple[QPushButton, QAction]] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(6)
        for action in actions:
            button = QPushButton(self)
            button.setObjectName("keyButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(action.trigger)
            action.changed.connect(self.refresh)
            layout.addWidget(button, 1)
            self._buttons.append((button, action))
        self.refresh()

    def refresh(self) -> None:
        """Relabel the buttons from their actions (after a language change, say)."""
        for button, action in self._buttons:
            key = action.shortcut().toString()
            button.setText(f"{key}  {action.text()}")
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())
