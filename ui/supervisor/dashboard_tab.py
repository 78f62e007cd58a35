"""The dashboard of the supervisor's desk: today's and this week's numbers, the queues with their
ageing, returns over time by reason, disposition or vendor, and the units behind what was clicked.

The tab reads through a ``DashboardSource``: plain callables the page binds to the database and
the clock, so nothing here touches storage itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QItemSelectionModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.supervisor.ageing import GRADED, RECEIVED, WAITING_STATES, StateTotals
from receiving_app.supervisor.dashboard import (
    NONE_KEY,
    OTHER_KEY,
    DashboardNumbers,
    Dimension,
    PeriodNumbers,
    ReturnsSeries,
    UnitRow,
)
from receiving_app.supervisor.service import SupervisorDesk
from ui.charts import BarChart, PieChart, TrendChart
from ui.domain_words import word
from ui.item_models.units_behind_model import UnitsBehindModel
from ui.restyle import set_style_properties
from ui.station_kit import error_text
from ui.supervisor.desk_tab import DeskTab

PERIOD_DAYS = (7, 14, 30)
DEFAULT_DAYS = 14
# The figures of each period, in the order of the cards; objectNames are "today" or "week"
# followed by the name, e.g. "todayUnitsReceived".
FIGURES = (
    "Parcels",
    "UnitsReceived",
    "UnitsInspected",
    "Restock",
    "Refurbish",
    "VendorReturn",
    "Scrap",
    "PutAway",
    "Exceptions",
)
PERIODS = ("today", "week")
BARS, TREND = 0, 1
SPLIT_SIZES = (450, 380, 536)  # bars or lines, pie, units: shares of the width, about 1366 px


@dataclass(frozen=True)
class QueueFigures:
    """How long the desk's queues are now, with the ageing totals per waiting state."""

    approvals_waiting: int
    open_exceptions: int
    ageing: tuple[StateTotals, ...]


def desk_queues(desk: SupervisorDesk) -> QueueFigures:
    """The queue figures of ``desk`` (what the page binds as ``DashboardSource.queues``)."""
    return QueueFigures(len(desk.approvals()), len(desk.exceptions()), desk.ageing().totals)


@dataclass(frozen=True)
class DashboardSource:
    """The core calls the dashboard reads through, bound to a database and a clock."""

    numbers: Callable[[], DashboardNumbers]
    series: Callable[[Dimension, int], ReturnsSeries]
    units: Callable[[ReturnsSeries, str, int], Sequence[UnitRow]]
    queues: Callable[[], QueueFigures]


@dataclass(frozen=True)
class _Pick:
    """What the user clicked: a key on one day, or over the whole period (``day`` None)."""

    key: str
    day: datetime.date | None


def period_figures(period: PeriodNumbers) -> dict[str, int]:
    """The card values of one period, by the names in ``FIGURES``."""
    routed = period.units_routed
    return {
        "Parcels": period.parcels_received,
        "UnitsReceived": period.units_received,
        "UnitsInspected": period.units_inspected,
        "Restock": routed.get("restock", 0),
        "Refurbish": routed.get("refurbish", 0),
        "VendorReturn": routed.get("vendor_return", 0),
        "Scrap": routed.get("scrap", 0),
        "PutAway": period.units_put_away,
        "Exceptions": period.exceptions_opened,
    }


def day_label(day: datetime.date) -> str:
    return f"{day:%m-%d}"


def pick_index(series: ReturnsSeries, pick: _Pick) -> int | None:
    """The day index of ``pick`` in ``series`` (-1: the whole period), None when it is gone."""
    if pick.key not in series.keys:
        return None
    if pick.day is None:
        return -1
    return series.days.index(pick.day) if pick.day in series.days else None


class DashboardTab(DeskTab):
    """Number cards, the queues box, the returns charts and the units behind a click."""

    def __init__(self, source: DashboardSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self._source = source
        self._series: ReturnsSeries | None = None
        self._pick: _Pick | None = None
        self._shown_count = 0
        self._error = QLabel(self)
        self._error.setObjectName("dashboardError")
        self._error.setWordWrap(True)
        self._error.hide()
        self._as_of = QLabel(self)
        self._as_of.setObjectName("dashboardAsOf")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self._build_numbers(), 3)
        top.addWidget(self._build_queues(), 1)
        layout.addLayout(top)
        layout.addWidget(self._error)
        layout.addLayout(self._build_choosers())
        layout.addWidget(self._build_charts_and_units(), 1)
        self._retranslate()

    # -- building -------------------------------------------------------------------------------

    def _build_numbers(self) -> QGroupBox:
        self._numbers_box = QGroupBox(self)
        self._numbers_box.setObjectName("dashboardNumbers")
        grid = QGridLayout(self._numbers_box)
        grid.setContentsMargins(8, 4, 8, 6)
        grid.setSpacing(4)
        self._figure_captions: dict[str, QLabel] = {}
        self._period_captions: dict[str, QLabel] = {}
        self._figures: dict[str, QLabel] = {}
        for column, name in enumerate(FIGURES, start=1):
            caption = _label(self._numbers_box, "figureCaption")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._figure_captions[name] = caption
            grid.addWidget(caption, 0, column)
        for row, period in enumerate(PERIODS, start=1):
            caption = _label(self._numbers_box, "periodCaption")
            self._period_captions[period] = caption
            grid.addWidget(caption, row, 0)
            for column, name in enumerate(FIGURES, start=1):
                figure = _label(self._numbers_box, f"{period}{name}")
                figure.setProperty("figure", "number")
                figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self._figures[f"{period}{name}"] = figure
                grid.addWidget(figure, row, column)
        return self._numbers_box

    def _build_queues(self) -> QGroupBox:
        self._queues_box = QGroupBox(self)
        self._queues_box.setObjectName("dashboardQueues")
        grid = QGridLayout(self._queues_box)
        grid.setContentsMargins(8, 4, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self._approvals_caption = _label(self._queues_box, "queueCaption")
        self._approvals = _label(self._queues_box, "approvalsWaiting")
        self._exceptions_caption = _label(self._queues_box, "queueCaption")
        self._exceptions = _label(self._queues_box, "openExceptions")
        grid.addWidget(self._approvals_caption, 0, 0)
        grid.addWidget(self._approvals, 0, 1)
        grid.addWidget(self._exceptions_caption, 1, 0)
        grid.addWidget(self._exceptions, 1, 1)
        self._ageing_headers = [_label(self._queues_box, "ageingHeader") for _ in range(4)]
        for column, header in enumerate(self._ageing_headers):
            grid.addWidget(header, 2, column)
        self._state_captions: dict[str, QLabel] = {}
        self._ageing: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, state in enumerate(WAITING_STATES, start=3):
            self._state_captions[state] = _label(self._queues_box, "queueCaption")
            cells = tuple(
                _label(self._queues_box, f"{state}{part}")
                for part in ("Waiting", "OverTarget", "Oldest")
            )
            self._ageing[state] = cast(tuple[QLabel, QLabel, QLabel], cells)
            grid.addWidget(self._state_captions[state], row, 0)
            for column, cell in enumerate(cells, start=1):
                cell.setProperty("figure", "queue")
                grid.addWidget(cell, row, column)
        for label in (self._approvals, self._exceptions):
            label.setProperty("figure", "queue")
        grid.setColumnStretch(0, 1)
        return self._queues_box

    def _build_choosers(self) -> QHBoxLayout:
        self._dimension_caption = QLabel(self)
        self._dimension = QComboBox(self)
        self._dimension.setObjectName("dashboardDimension")
        for dimension in Dimension:
            self._dimension.addItem("", dimension.value)
        self._days_caption = QLabel(self)
        self._days = QComboBox(self)
        self._days.setObjectName("dashboardDays")
        for days in PERIOD_DAYS:
            self._days.addItem("", days)
        self._days.setCurrentIndex(PERIOD_DAYS.index(DEFAULT_DAYS))
        self._kind_caption = QLabel(self)
        self._kind = QComboBox(self)
        self._kind.setObjectName("dashboardChartKind")
        self._kind.addItems(["", ""])
        self._dimension.currentIndexChanged.connect(self._on_dimension_changed)
        self._days.currentIndexChanged.connect(self._on_days_changed)
        self._kind.currentIndexChanged.connect(self._on_kind_changed)
        row = QHBoxLayout()
        for caption, chooser in (
            (self._dimension_caption, self._dimension),
            (self._days_caption, self._days),
            (self._kind_caption, self._kind),
        ):
            caption.setBuddy(chooser)
            row.addWidget(caption)
            row.addWidget(chooser)
            row.addSpacing(12)
        row.addStretch(1)
        row.addWidget(self._as_of)
        return row

    def _build_charts_and_units(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("dashboardSplitter")
        splitter.setChildrenCollapsible(False)
        self._bar_chart = BarChart("returnsBarChart")
        self._trend_chart = TrendChart("returnsTrendChart")
        self._pie_chart = PieChart("returnsPieChart")
        self._day_charts = QStackedWidget()
        self._day_charts.setObjectName("dashboardDayCharts")
        self._day_charts.addWidget(self._bar_chart)
        self._day_charts.addWidget(self._trend_chart)
        for chart in (self._bar_chart, self._trend_chart, self._pie_chart):
            chart.picked.connect(self._on_chart_picked)
        splitter.addWidget(self._day_charts)
        splitter.addWidget(self._pie_chart)
        splitter.addWidget(self._build_units())
        splitter.setSizes(list(SPLIT_SIZES))
        return splitter

    def _build_units(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._units_caption = QLabel(panel)
        self._units_caption.setObjectName("unitsBehindCaption")
        self._units_caption.setWordWrap(True)
        self._units_model = UnitsBehindModel(self)
        self._units_table = QTableView(panel)
        self._units_table.setObjectName("unitsBehindTable")
        self._units_table.setModel(self._units_model)
        self._units_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._units_table.setAlternatingRowColors(True)
        self._units_table.verticalHeader().hide()
        header = self._units_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self._units_caption)
        layout.addWidget(self._units_table, 1)
        return panel

    # -- the desk's calls ---------------------------------------------------------------------

    @override
    def title(self) -> str:
        return self.tr("Dashboard")

    @override
    def refresh(self) -> None:
        """Read the numbers, the queues and the chosen series again."""
        self._show_error("")
        try:
            numbers = self._source.numbers()
            queues = self._source.queues()
        except (ReceivingError, StorageUnavailable) as exc:
            self._show_error(error_text(exc))
            return
        self._show_numbers(numbers)
        self._show_queues(queues)
        self._load_series()

    # -- reading --------------------------------------------------------------------------------

    def _chosen_dimension(self) -> Dimension:
        return Dimension(self._dimension.currentData())

    def _load_series(self) -> None:
        """Read the chosen series and the units behind the pick (dropped when it is gone)."""
        try:
            series = self._source.series(self._chosen_dimension(), self._days.currentData())
            pick, units = self._units_behind(series, self._pick)
        except (ReceivingError, StorageUnavailable) as exc:
            self._show_error(error_text(exc))
            return
        self._series, self._pick = series, pick
        self._show_series()
        self._show_units(units)

    def _units_behind(
        self, series: ReturnsSeries, pick: _Pick | None
    ) -> tuple[_Pick | None, Sequence[UnitRow]]:
        index = None if pick is None else pick_index(series, pick)
        if pick is None or index is None:
            return None, ()
        return pick, self._source.units(series, pick.key, index)

    # -- showing --------------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(bool(text))

    def _show_numbers(self, numbers: DashboardNumbers) -> None:
        for period, figures in zip(
            PERIODS, (period_figures(numbers.today), period_figures(numbers.this_week)), strict=True
        ):
            for name, value in figures.items():
                self._figures[f"{period}{name}"].setText(str(value))
        self._as_of.setText(self.tr("As of {time}").format(time=f"{numbers.as_of:%H:%M}"))

    def _show_queues(self, queues: QueueFigures) -> None:
        self._approvals.setText(str(queues.approvals_waiting))
        self._exceptions.setText(str(queues.open_exceptions))
        for totals in queues.ageing:
            waiting, over, oldest = self._ageing[totals.state]
            waiting.setText(str(totals.count))
            over.setText(str(totals.over_target))
            set_style_properties(over, overTarget=totals.over_target > 0)
            oldest.setText(self._age_text(totals.oldest_hours))
            self._state_captions[totals.state].setToolTip(
                self.tr("Target: {hours} h from receipt").format(hours=totals.target_hours)
            )

    def _age_text(self, hours: float | None) -> str:
        if hours is None:
            return "–"
        if hours < 48:
            return self.tr("{hours} h").format(hours=int(hours))
        return self.tr("{days} d").format(days=int(hours // 24))

    def _show_series(self) -> None:
        series = self._series
        if series is None:
            return
        labels = [day_label(day) for day in series.days]
        captions = [self._key_caption(series.dimension, key) for key in series.keys]
        self._bar_chart.set_data(labels, series.keys, captions, series.counts)
        self._trend_chart.set_data(labels, series.keys, captions, series.counts)
        self._pie_chart.set_data(series.keys, captions, series.totals())

    def _key_caption(self, dimension: Dimension, key: str) -> str:
        if key == OTHER_KEY:
            return self.tr("Other")
        if key == NONE_KEY:
            return self.tr("No vendor") if dimension is Dimension.VENDOR else self.tr("No RMA")
        if dimension is Dimension.VENDOR:
            return key
        return word("reason" if dimension is Dimension.REASON else "route", key)

    def _show_units(self, units: Sequence[UnitRow]) -> None:
        """Show ``units``, keeping the selected LPNs selected when they are still listed."""
        model, table = self._units_model, self._units_table
        kept = {model.lpn_at(index.row()) for index in table.selectionModel().selectedRows()}
        model.set_units(units)
        self._shown_count = len(units)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for lpn in kept:
            row = model.row_of(lpn)
            if row is not None:
                table.selectionModel().select(model.index(row, 0), flags)
        self._units_caption.setText(self._units_text())

    def _units_text(self) -> str:
        series, pick = self._series, self._pick
        if series is None or pick is None:
            return self.tr("Click a bar, a slice or a point to list the units behind it.")
        key_index = series.keys.index(pick.key)
        if pick.day is None:
            count = series.totals()[key_index]
            when = self.tr("last {days} days").format(days=len(series.days))
        else:
            count = series.counts[key_index][series.days.index(pick.day)]
            when = day_label(pick.day)
        what = self._key_caption(series.dimension, pick.key)
        if self._shown_count < count:
            return self.tr(
                "Units behind: {what}, {when} ({count}; the newest {shown} shown)"
            ).format(what=what, when=when, count=count, shown=self._shown_count)
        return self.tr("Units behind: {what}, {when} ({count})").format(
            what=what, when=when, count=count
        )

    @override
    def _retranslate(self) -> None:
        self._numbers_box.setTitle(self.tr("Work done"))
        captions = (
            self.tr("Parcels"),
            self.tr("Received"),
            self.tr("Inspected"),
            self.tr("Restock"),
            self.tr("Refurbish"),
            self.tr("Vendor return"),
            self.tr("Scrap"),
            self.tr("Put away"),
            self.tr("Exceptions"),
        )
        for name, caption in zip(FIGURES, captions, strict=True):
            self._figure_captions[name].setText(caption)
        self._period_captions["today"].setText(self.tr("Today"))
        self._period_captions["week"].setText(self.tr("This week"))
        self._queues_box.setTitle(self.tr("Queues"))
        self._approvals_caption.setText(self.tr("Approvals waiting"))
        self._exceptions_caption.setText(self.tr("Open exceptions"))
        headers = (
            self.tr("Units waiting"),
            self.tr("Units"),
            self.tr("Over target"),
            self.tr("Oldest"),
        )
        for label, text in zip(self._ageing_headers, headers, strict=True):
            label.setText(text)
        self._state_captions[RECEIVED].setText(self.tr("For inspection"))
        self._state_captions[GRADED].setText(self.tr("For put-away"))
        self._retranslate_choosers()
        self._show_series()
        self._units_caption.setText(self._units_text())

    def _retranslate_choosers(self) -> None:
        self._dimension_caption.setText(self.tr("&Split by"))
        dimension_texts = {
            Dimension.REASON: self.tr("Reason"),
            Dimension.DISPOSITION: self.tr("Disposition"),
            Dimension.VENDOR: self.tr("Vendor"),
        }
        for index in range(self._dimension.count()):
            dimension = Dimension(self._dimension.itemData(index))
            self._dimension.setItemText(index, dimension_texts[dimension])
        self._days_caption.setText(self.tr("&Period"))
        for index, days in enumerate(PERIOD_DAYS):
            self._days.setItemText(index, self.tr("Last {days} days").format(days=days))
        self._kind_caption.setText(self.tr("&Chart"))
        self._kind.setItemText(BARS, self.tr("Bars per day"))
        self._kind.setItemText(TREND, self.tr("Lines over time"))

    # -- slots ----------------------------------------------------------------------------------

    @Slot(int)
    def _on_dimension_changed(self, _index: int) -> None:
        self._pick = None
        self._show_error("")
        self._load_series()

    @Slot(int)
    def _on_days_changed(self, _index: int) -> None:
        self._show_error("")
        self._load_series()

    @Slot(int)
    def _on_kind_changed(self, index: int) -> None:
        self._day_charts.setCurrentIndex(index)

    @Slot(str, int)
    def _on_chart_picked(self, key: str, day_index: int) -> None:
        series = self._series
        if series is None:
            return
        pick = _Pick(key, None if day_index == -1 else series.days[day_index])
        try:
            units = self._source.units(series, key, day_index)
        except (ReceivingError, StorageUnavailable) as exc:
            self._show_error(error_text(exc))
            return
        self._pick = pick
        self._units_table.clearSelection()
        self._show_units(units)


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    return label
