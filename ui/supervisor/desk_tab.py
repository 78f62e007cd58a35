"""What every tab of the supervisor's desk offers the page around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from receiving_app.users import UserInfo


class DeskTab(QWidget):
    """A tab of the desk: it has a title, reads the database again when asked, and sets its
    texts again when the language changes.

    The page refreshes the tab on show and on its timer, so what a tab shows is never older
    than the refresh interval while it is in front.
    """

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _retranslate(self) -> None:
        """Set every text the tab shows again, in the current language."""

    def stop_work(self) -> None:
        """Stop what the tab runs in the background: it is about to go (a log-out)."""

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


TabsFactory = Callable[[UserInfo, QWidget], Sequence[DeskTab]]
"""Builds the desk's tabs for the supervisor who logged in, as children of the given widget."""
