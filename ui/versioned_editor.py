"""What the supervisors' versioned editors share (checklists, routing rules).

Both edit a draft that is saved as a new version with a note, show every refusal of the core in
a problem line, keep a history tab, and ask before unsaved changes are dropped by closing the
dialog or opening something else. Subclasses say whether there are unsaved changes, how a
problem is shown, what the question says and how changes are forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from ui.station_kit import error_text

T = TypeVar("T")


class VersionedEditorDialog(QDialog):
    """A dialog that edits a draft saved as versions; see the module docstring."""

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def _show_problem(self, text: str, level: str) -> None:
        raise NotImplementedError

    def _discard_question(self) -> str:
        """The translated question asked before unsaved changes are dropped."""
        raise NotImplementedError

    def _forget_changes(self) -> None:
        """Treat the draft as saved: the supervisor chose to drop its changes."""
        raise NotImplementedError

    # -- building -----------------------------------------------------------------------------

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field must not press Save
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _scroll(widget: QWidget, parent: QWidget) -> QScrollArea:
        """A pane that scrolls rather than forcing the window bigger than a dock screen."""
        scroll = QScrollArea(parent)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(widget)
        return scroll

    def _history_tab(self, hint: QLabel, table: QTableView, restore: QPushButton) -> QWidget:
        """The history: a hint, the versions table and "edit from this version"."""
        tab = QWidget(self)
        hint.setParent(tab)
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(restore)
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        return tab

    # -- core calls ---------------------------------------------------------------------------

    def _call(self, call: Callable[[], T]) -> T | None:
        """Run a core call; on refusal show why in the problem line and return None."""
        try:
            return call()
        except (ReceivingError, StorageUnavailable) as exc:
            self._show_problem(error_text(exc), "error")
            return None

    # -- leaving ------------------------------------------------------------------------------

    def _may_leave(self) -> bool:
        """True when there are no unsaved changes, or the supervisor chose to drop them."""
        if not self.is_dirty():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self._discard_question(),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardChangesDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        discard = box.exec() == QMessageBox.StandardButton.Discard
        box.deleteLater()
        if discard:
            self._forget_changes()
        return discard

    @override
    def reject(self) -> None:
        if self._may_leave():
            super().reject()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_leave():
            event.accept()
        else:
            event.ignore()
