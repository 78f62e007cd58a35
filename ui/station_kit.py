"""Pieces every station page shares: function-key actions, the name-and-PIN login, and how a
refused core call reads on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from receiving_app.errors import ReceivingError, StorageUnavailable
from ui.dialogs.login_dialog import LoginDialog


def function_key(page: QWidget, name: str, key: str, slot: Callable[[], None]) -> QAction:
    """An action on ``key`` anywhere in the page's window (the scan field keeps the focus)."""
    action = QAction(page)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    page.addAction(action)
    return action


def error_text(exc: ReceivingError | StorageUnavailable) -> str:
    """What the worker reads when the core refused a call, in the worker's language."""
    if isinstance(exc, ReceivingError):
        return QCoreApplication.translate(exc.context, exc.message).format(**exc.params)
    return QCoreApplication.translate(
        "StationPage", "Not saved: the database is busy or out of reach. Try again in a moment."
    )


def ask_credentials(parent: QWidget) -> tuple[str, str] | None:
    """Name and PIN from the login dialog, or None when it was cancelled or left empty."""
    dialog = LoginDialog(parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    name, pin = dialog.credentials()
    dialog.deleteLater()
    return (name, pin) if accepted and name and pin else None
