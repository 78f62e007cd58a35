"""The dashboard tab over a real SQLite database with two weeks of demo history."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.connection import open_database
from db.models import Unit, User
from receiving_app.accounts import user_by_badge
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.demo_data import generate_demo_data
from receiving_app.errors import StorageUnavailable
from receiving_app.settings import StationSettings
from receiving_app.supervisor.dashboard import (
    DashboardNumbers,
    Dimension,
    ReturnsSeries,
    dashboard_numbers,
    returns_over_time,
    units_behind,
)
from tests.conftest import NOW
from ui.charts import BarChart, PieChart
from ui.item_models.units_behind_model import UnitsBehindModel
from ui.supervisor.dashboard_tab import (
    FIGURES,
    DashboardSource,
    DashboardTab,
    desk_queues,
    period_figures,
)

W = TypeVar("W", bound=QWidget)


@pytest.fixture(scope="module")
def history_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """A migrated SQLite file with demo orders and 14 days of dock history, built once."""
    path = tmp_path_factory.mktemp("dashboard") / "history.db"
    shutil.copy(migrated_sqlite, path)
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        generate_demo_data(database, orders=1500, seed=5, now=NOW, history_days=14)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def context(history_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    target = tmp_path / "receiving.db"
    shutil.copy(history_template, target)
    context = open_context(f"sqlite:///{target}", clock=FixedClock(NOW), settings=StationSettings())
    yield context
    context.close()


def source_of(context: AppContext) -> DashboardSource:
    """The source the page binds: the core's calls over the context's database and clock."""
    database, clock = context.database, context.clock
    badge = User.get(User.role == "supervisor").badge
    assert badge is not None
    supervisor = user_by_badge(badge)
    assert supervisor is not None
    desk = context.new_supervisor_desk(supervisor)
    return DashboardSource(
        numbers=lambda: dashboard_numbers(database, clock),
        series=lambda dimension, days: returns_over_time(database, clock, dimension, days),
        units=lambda series, key, day: units_behind(database, series, key, day),
        queues=lambda: desk_queues(desk),
    )


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext) -> DashboardTab:
    tab = DashboardTab(source_of(context))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    return tab


def child(tab: DashboardTab, kind: type[W], name: str) -> W:
    widget = tab.findChild(kind, name)
    assert widget is not None, name
    return widget


def shown_figures(tab: DashboardTab, period: str) -> dict[str, int]:
    return {name: int(child(tab, QLabel, f"{period}{name}").text()) for name in FIGURES}


def cells(series: ReturnsSeries) -> list[tuple[int, int, int]]:
    """(key, day, count) of every non-zero count, in the order the bars are drawn."""
    return [
        (key, day, series.counts[key][day])
        for day in range(len(series.days))
        for key in range(len(series.keys))
        if series.counts[key][day]
    ]


def click(qtbot: QtBot, widget: BarChart | PieChart, point: QPoint) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point)


def test_the_cards_show_the_dashboards_numbers(tab: DashboardTab, context: AppContext) -> None:
    numbers = dashboard_numbers(context.database, context.clock)

    assert shown_figures(tab, "today") == period_figures(numbers.today)
    assert shown_figures(tab, "week") == period_figures(numbers.this_week)
    assert numbers.this_week.units_received > numbers.today.units_received > 0


def test_the_queues_box_shows_approvals_exceptions_and_ageing(
    tab: DashboardTab, context: AppContext
) -> None:
    queues = source_of(context).queues()

    assert child(tab, QLabel, "approvalsWaiting").text() == str(queues.approvals_waiting)
    assert child(tab, QLabel, "openExceptions").text() == str(queues.open_exceptions)
    for totals in queues.ageing:
        assert child(tab, QLabel, f"{totals.state}Waiting").text() == str(totals.count)
        over = child(tab, QLabel, f"{totals.state}OverTarget")
        assert over.text() == str(totals.over_target)
        assert over.property("overTarget") is (totals.over_target > 0)
    assert any(totals.over_target for totals in queues.ageing)


def test_switching_the_dimension_redraws_the_bars(tab: DashboardTab, context: AppContext) -> None:
    bars = child(tab, BarChart, "returnsBarChart")
    by_reason = returns_over_time(context.database, context.clock, Dimension.REASON, 14)
    by_vendor = returns_over_time(context.database, context.clock, Dimension.VENDOR, 14)
    assert cells(by_reason) != cells(by_vendor)
    drawn = [(s.key_index, s.day_index, s.value) for s in bars.segments()]
    assert drawn == cells(by_reason)

    dimension = child(tab, QComboBox, "dashboardDimension")
    dimension.setCurrentIndex(dimension.findData(Dimension.VENDOR.value))

    assert [(s.key_index, s.day_index, s.value) for s in bars.segments()] == cells(by_vendor)


def test_a_longer_period_shows_more_days(tab: DashboardTab, context: AppContext) -> None:
    days = child(tab, QComboBox, "dashboardDays")
    days.setCurrentIndex(days.findData(30))

    series = returns_over_time(context.database, context.clock, Dimension.REASON, 30)
    bars = child(tab, BarChart, "returnsBarChart")
    drawn = [(s.key_index, s.day_index, s.value) for s in bars.segments()]
    assert drawn == cells(series)


def test_clicking_a_bar_segment_lists_exactly_the_units_behind_it(
    qtbot: QtBot, tab: DashboardTab, context: AppContext
) -> None:
    bars = child(tab, BarChart, "returnsBarChart")
    segment = max(bars.segments(), key=lambda s: s.value)
    series = returns_over_time(context.database, context.clock, Dimension.REASON, 14)
    key = series.keys[segment.key_index]

    click(qtbot, bars, segment.rect.center().toPoint())

    table = child(tab, QTableView, "unitsBehindTable")
    model = table.model()
    assert model.rowCount() == segment.value
    expected = units_behind(context.database, series, key, segment.day_index)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        unit.lpn for unit in expected
    ]
    day = series.days[segment.day_index]
    caption = child(tab, QLabel, "unitsBehindCaption").text()
    assert f"{day:%m-%d}" in caption
    assert f"({segment.value})" in caption


def test_clicking_a_slice_lists_the_units_of_the_whole_period(
    qtbot: QtBot, tab: DashboardTab, context: AppContext
) -> None:
    series = returns_over_time(context.database, context.clock, Dimension.REASON, 14)
    pie = child(tab, PieChart, "returnsPieChart")
    centre, radius = pie.geometry_of_pie()
    # Straight up from the centre lies the first slice (clockwise from twelve o'clock).
    point = QPoint(round(centre.x()), round(centre.y() - radius / 2))

    click(qtbot, pie, point)

    table = child(tab, QTableView, "unitsBehindTable")
    assert table.model().rowCount() == series.totals()[0]


def test_refresh_shows_new_work_and_keeps_the_selection(
    qtbot: QtBot, tab: DashboardTab, context: AppContext
) -> None:
    bars = child(tab, BarChart, "returnsBarChart")
    segment = next(s for s in bars.segments() if s.day_index == 13 and s.value >= 2)
    click(qtbot, bars, segment.rect.center().toPoint())
    table = child(tab, QTableView, "unitsBehindTable")
    table.selectRow(1)
    selected = table.model().index(1, 0).data()
    received_before = shown_figures(tab, "today")["UnitsReceived"]
    earlier = NOW - datetime.timedelta(days=9)
    moved = (
        Unit.update(received_at=NOW - datetime.timedelta(minutes=5))
        .where(Unit.id.in_(Unit.select(Unit.id).where(Unit.received_at < earlier).limit(3)))
        .execute()
    )
    assert moved == 3

    tab.refresh()

    assert shown_figures(tab, "today")["UnitsReceived"] == received_before + 3
    assert [index.data() for index in table.selectionModel().selectedRows()] == [selected]


def test_a_storage_error_is_shown_not_raised(qtbot: QtBot, context: AppContext) -> None:
    working = source_of(context)

    def unavailable() -> DashboardNumbers:
        raise StorageUnavailable("locked")

    tab = DashboardTab(DashboardSource(unavailable, working.series, working.units, working.queues))
    qtbot.addWidget(tab)
    tab.show()

    tab.refresh()

    error = child(tab, QLabel, "dashboardError")
    assert error.isVisible()
    assert "database" in error.text()


def test_units_behind_model_is_a_valid_model(
    qtmodeltester: ModelTester, context: AppContext
) -> None:
    series = returns_over_time(context.database, context.clock, Dimension.DISPOSITION, 14)
    model = UnitsBehindModel()
    model.set_units(units_behind(context.database, series, series.keys[0], -1))
    assert model.rowCount() > 0

    qtmodeltester.check(model)
