"""The supervisor's desk: log in with a supervisor's badge, then one tab per part of the dock's day.

The tabs are built for the supervisor who logged in and dropped at log-out, so nothing of one
supervisor's session is left on screen for the next person at the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.outcomes import OutcomeCode, ScanOutcome
from receiving_app.supervisor.station import SupervisorStation
from ui.key_bar import KeyBar
from ui.scan_feedback import ScanFeedback, qt_translate
from ui.scan_field import ScanField
from ui.sounds import OutcomeSounds
from ui.station_header import StationHeader
from ui.station_kit import ask_credentials, function_key
from ui.supervisor.desk_tab import DeskTab, TabsFactory

REFRESH_MS = 30_000
"""How often the tabs read the database again while the dock works."""


class SupervisorPage(QWidget):
    """Header, badge scan field and feedback, the desk's tabs, and the key bar."""

    def __init__(
        self,
        station: SupervisorStation,
        build_tabs: TabsFactory,
        sounds: OutcomeSounds | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorPage")
        self._station = station
        self._build_tabs = build_tabs
        self._header = StationHeader(demo, self)
        self._prompt = QLabel(self)
        self._prompt.setObjectName("nextScanPrompt")
        self.scan_field = ScanField(self, keep_focus=False)
        self.scan_field.scanned.connect(self._on_scan_field_scanned)
        self.feedback = ScanFeedback(sounds, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("supervisorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # Before log-in the tabs' place shows what the desk is for, so nothing else stretches.
        self._locked = QLabel(self)
        self._locked.setObjectName("deskLocked")
        self._locked.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._locked.setWordWrap(True)
        self._body = QStackedWidget(self)
        self._body.addWidget(self._locked)
        self._body.addWidget(self.tabs)

        self._login_action = function_key(self, "loginAction", "F2", self._on_login_triggered)
        self._refresh_action = function_key(self, "refreshAction", "F5", self.refresh)
        self._logout_action = function_key(self, "logoutAction", "F12", self._on_logout_triggered)
        self._key_bar = KeyBar(
            [self._login_action, self._refresh_action, self._logout_action], self
        )
        self._timer = QTimer(self)
        self._timer.setObjectName("deskRefreshTimer")
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 6)
        layout.setSpacing(6)
        layout.addWidget(self._header)
        layout.addWidget(self._prompt)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.feedback, 3)
        layout.addLayout(scan_row)
        layout.addWidget(self._body, 1)
        layout.addWidget(self._key_bar)
        self._retranslate()
        self.feedback.show_message(self.tr("Ready to scan."), "none")
        self._show_session()

    # -- showing ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        station = self._station.station
        self._header.show_station(
            self.tr("Supervisor's desk {code} · {name}").format(
                code=station.code, name=station.name
            )
        )
        self.scan_field.setPlaceholderText(self.tr("Scan your badge here"))
        self._locked.setText(
            self.tr(
                "The supervisor's desk: the dashboard, approvals, exceptions, ageing, vendor "
                "returns and reports. It opens for supervisors and admins."
            )
        )
        self._login_action.setText(self.tr("Log in"))
        self._refresh_action.setText(self.tr("Refresh"))
        self._logout_action.setText(self.tr("Log out"))
        self._key_bar.refresh()
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, DeskTab):
                self.tabs.setTabText(index, tab.title())
        self._show_prompt()

    def _show_prompt(self) -> None:
        if self._station.user is None:
            text = self.tr("Scan a supervisor's badge (or press F2 to log in with name and PIN).")
        else:
            text = self.tr("F5 refreshes now; the desk also refreshes every 30 seconds.")
        self._prompt.setText(text)

    def _show_session(self) -> None:
        """Build the tabs for the supervisor now at the desk, or drop them after log-out."""
        user = self._station.user
        self._header.show_user(user)
        self._drop_tabs()
        if user is not None:
            for tab in self._build_tabs(user, self.tabs):
                self.tabs.addTab(tab, tab.title())
            self._timer.start()
            self.refresh()
        else:
            self._timer.stop()
        self._body.setCurrentWidget(self.tabs if user is not None else self._locked)
        self._show_prompt()

    def _drop_tabs(self) -> None:
        while self.tabs.count():
            tab = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if isinstance(tab, DeskTab):
                tab.stop_work()
            if tab is not None:
                tab.deleteLater()

    def _apply(self, outcome: ScanOutcome) -> None:
        self.feedback.show_outcome(outcome, qt_translate)
        if outcome.code in (OutcomeCode.LOGGED_IN, OutcomeCode.LOGGED_OUT):
            self._show_session()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- slots --------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read every tab again, so the counts in the tab titles stay current too."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, DeskTab):
                tab.refresh()
                self.tabs.setTabText(index, tab.title())

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, DeskTab):
            tab.refresh()

    @Slot(str)
    def _on_scan_field_scanned(self, raw: str) -> None:
        self._apply(self._station.handle_scan(raw))

    @Slot()
    def _on_login_triggered(self) -> None:
        credentials = ask_credentials(self)
        if credentials is not None:
            name, pin = credentials
            self._apply(self._station.login_with_pin(name, pin))
        self.window().activateWindow()
        self.scan_field.setFocus()

    @Slot()
    def _on_logout_triggered(self) -> None:
        self._apply(self._station.logout())
        self.scan_field.setFocus()
