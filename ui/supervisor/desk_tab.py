"""What every tab of the supervisor's desk offers the page around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from receiving_app.users import UserInfo


class DeskTab(QWidget):
    """A tab of the desk: it has a title and reads the database again when asked.

    The page refreshes the tab on show and on its timer, so what a tab shows is never older
    than the refresh interval while it is in front.
    """

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError


TabsFactory = Callable[[UserInfo, QWidget], Sequence[DeskTab]]
"""Builds the desk's tabs for the supervisor who logged in, as children of the given widget."""
