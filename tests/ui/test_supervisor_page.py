"""The supervisor's desk window: a supervisor's badge opens the tabs, log-out drops them."""

from __future__ import annotations

import functools

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from receiving_app.context import AppContext
from tests.ui.test_checklist_editor import badge_of
from ui.main_window import MainWindow
from ui.pages.supervisor_page import REFRESH_MS
from ui.sounds import OutcomeSounds
from ui.supervisor.dashboard_tab import DashboardTab
from ui.supervisor.desk_tabs import supervisor_tabs


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = MainWindow(
        context.new_supervisor_station(),
        sounds=OutcomeSounds(enabled=False),
        desk_tabs=supervisor_tabs(context),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _scan(window: MainWindow, code: str) -> QLabel:
    window.page.scan_field.setText(code)
    window.page.scan_field.submit()
    feedback = window.findChild(QLabel, "scanFeedback")
    assert isinstance(feedback, QLabel)
    return feedback


def test_the_desk_opens_for_a_supervisor_and_closes_at_log_out(
    qtbot: QtBot, context: AppContext
) -> None:
    window = _window(qtbot, context)
    tabs = window.findChild(QTabWidget, "supervisorTabs")
    assert isinstance(tabs, QTabWidget)
    assert tabs.count() == 0 and not tabs.isVisible()
    assert "Supervisor's desk" in window.windowTitle()

    assert _scan(window, badge_of("inspector")).property("outcome") == "error"
    assert tabs.count() == 0, "an inspector's badge opens nothing"

    assert _scan(window, badge_of("supervisor")).property("outcome") == "ok"
    assert tabs.isVisible() and tabs.count() >= 1
    assert isinstance(tabs.widget(0), DashboardTab)
    timer = window.findChild(QTimer, "deskRefreshTimer")
    assert isinstance(timer, QTimer) and timer.isActive() and timer.interval() == REFRESH_MS

    logout = window.findChild(QAction, "logoutAction")
    assert isinstance(logout, QAction)
    logout.trigger()
    assert tabs.count() == 0 and not tabs.isVisible() and not timer.isActive()


def test_every_tab_is_read_again_on_refresh(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, context)
    _scan(window, badge_of("supervisor"))
    tabs = window.findChild(QTabWidget, "supervisorTabs")
    assert isinstance(tabs, QTabWidget) and tabs.count() >= 5
    calls: list[str] = []
    for index in range(tabs.count()):
        tab = tabs.widget(index)
        monkeypatch.setattr(tab, "refresh", functools.partial(calls.append, tab.objectName()))
    window.page.refresh()
    assert sorted(calls) == sorted(tabs.widget(i).objectName() for i in range(tabs.count()))
    assert len(set(calls)) == tabs.count()


def test_log_out_stops_every_tabs_background_work(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, context)
    _scan(window, badge_of("supervisor"))
    tabs = window.findChild(QTabWidget, "supervisorTabs")
    assert isinstance(tabs, QTabWidget) and tabs.count() >= 5
    stopped: list[str] = []
    for index in range(tabs.count()):
        tab = tabs.widget(index)
        monkeypatch.setattr(tab, "stop_work", functools.partial(stopped.append, tab.objectName()))
    names = sorted(tabs.widget(i).objectName() for i in range(tabs.count()))
    logout = window.findChild(QAction, "logoutAction")
    assert isinstance(logout, QAction)
    logout.trigger()
    assert sorted(stopped) == names and tabs.count() == 0
