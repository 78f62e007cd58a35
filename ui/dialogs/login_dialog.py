"""Log in with name and PIN (F2), for a worker whose badge is missing or unreadable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    """Asks for a user name and PIN; the caller checks them through the core."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in"))
        self.setModal(True)
        self._name = QLineEdit(self)
        self._name.setObjectName("loginName")
        self._name.setMaxLength(64)
        self._pin = QLineEdit(self)
        self._pin.setObjectName("loginPin")
        self._pin.setEchoMode(QLineEdit.EchoMode.Password)
        self._pin.setMaxLength(12)
        self._pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self._name)
        form.addRow(self.tr("&PIN:"), self._pin)
        hint = QLabel(self.tr("Enter moves to the PIN, then logs in. Esc cancels."), self)
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self._buttons)
        self._name.returnPressed.connect(self._pin.setFocus)
        self._name.textChanged.connect(self._update_ok)
        self._pin.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(460, self.sizeHint().height())

    def credentials(self) -> tuple[str, str]:
        return self._name.text().strip(), self._pin.text()

    def _update_ok(self) -> None:
        name, pin = self.credentials()
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name and pin))
