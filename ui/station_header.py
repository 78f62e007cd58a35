"""The header every station page shows: which station, a demo warning, and who is logged in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from receiving_app.users import UserInfo
from ui.domain_words import word
from ui.restyle import set_style_properties


class StationHeader(QWidget):
    """The station's name on the left, the demo badge in the middle, the user on the right.

    The user label carries the ``loggedIn`` property the style sheet colours.
    """

    def __init__(self, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = QLabel(self)
        self._station.setObjectName("stationLabel")
        self._demo_badge = QLabel(self)
        self._demo_badge.setObjectName("demoBadge")
        self._demo_badge.setVisible(demo)
        self._user = QLabel(self)
        self._user.setObjectName("userLabel")
        self._user.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._station)
        layout.addStretch(1)
        layout.addWidget(self._demo_badge)
        layout.addStretch(1)
        layout.addWidget(self._user)

    def show_station(self, text: str) -> None:
        """The page's own wording of the station (receiving or inspection)."""
        self._station.setText(text)
        self._demo_badge.setText(self.tr("DEMO DATABASE: practice only, nothing here is real"))

    def show_user(self, user: UserInfo | None) -> None:
        if user is None:
            self._user.setText(self.tr("Not logged in"))
        else:
            self._user.setText(
                self.tr("{name} ({role})").format(
                    name=user.display_name, role=word("role", user.role.value)
                )
            )
        set_style_properties(self._user, loggedIn=user is not None)
