"""Change the route of the graded unit on screen (F11, supervisors): route, location, reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from receiving_app.disposition.model import Disposition
from ui.domain_words import word


class RouteOverrideDialog(QDialog):
    """Asks for the new route, where it goes (empty: the rules' location) and why.

    The core checks the answers; this dialog only collects them.
    """

    def __init__(self, current: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeOverrideDialog")
        self.setWindowTitle(self.tr("Change the route"))
        self.setModal(True)
        self._route = QComboBox(self)
        self._route.setObjectName("overrideRoute")
        for route in Disposition:
            self._route.addItem(word("route", route.value), route.value)
        if current:
            self._route.setCurrentIndex(max(0, self._route.findData(current)))
        self._location = QLineEdit(self)
        self._location.setObjectName("overrideLocation")
        self._location.setPlaceholderText(self.tr("empty: where the rules send this route"))
        self._reason = QLineEdit(self)
        self._reason.setObjectName("routeReason")
        form = QFormLayout()
        form.addRow(self.tr("New route"), self._route)
        form.addRow(self.tr("Location"), self._location)
        form.addRow(self.tr("Reason"), self._reason)
        hint = QLabel(self.tr("Route changes are audited, and a new label is printed."), self)
        hint.setObjectName("dialogHint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 220)
        self._reason.setFocus()

    def chosen(self) -> tuple[str, str, str]:
        """(route code, location, reason)."""
        route = str(self._route.currentData())
        return route, self._location.text().strip(), self._reason.text().strip()
