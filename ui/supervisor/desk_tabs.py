"""The desk's tabs for a supervisor, wired to the core over the app's database and clock."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from receiving_app.audit import Actor
from receiving_app.context import AppContext
from receiving_app.data_export.export import ExportResult
from receiving_app.data_import import ImportProgress, ImportResult
from receiving_app.data_transfer import (
    ExportRequest,
    ImportRequest,
    export_on_own_connection,
    import_on_own_connection,
)
from receiving_app.reports.output import ReportFormat
from receiving_app.reports.run_report import ReportResult, make_disposition_report
from receiving_app.supervisor.dashboard import dashboard_numbers, returns_over_time, units_behind
from receiving_app.users import UserInfo
from receiving_app.vendor_returns.desk import VendorReturns
from ui.scan_feedback import qt_translate
from ui.supervisor.ageing_tab import AgeingTab
from ui.supervisor.approvals_tab import ApprovalsTab
from ui.supervisor.dashboard_tab import DashboardSource, DashboardTab, desk_queues
from ui.supervisor.data_tab import DataTab
from ui.supervisor.desk_tab import DeskTab, TabsFactory
from ui.supervisor.exceptions_tab import ExceptionsTab
from ui.supervisor.reports_tab import ReportsTab
from ui.supervisor.vendor_returns_tab import VendorReturnsTab


def supervisor_tabs(context: AppContext) -> TabsFactory:
    """The factory the supervisor's page calls at each log-in."""

    def build(user: UserInfo, parent: QWidget) -> Sequence[DeskTab]:
        desk = context.new_supervisor_desk(user)
        database, clock = context.database, context.clock
        source = DashboardSource(
            numbers=lambda: dashboard_numbers(database, clock),
            series=lambda dimension, days: returns_over_time(database, clock, dimension, days),
            units=lambda series, key, day: units_behind(database, series, key, day),
            queues=lambda: desk_queues(desk),
        )
        dock = context.station.name or context.station.code
        returns = VendorReturns(database, clock, context.station, user)

        def today() -> datetime.date:
            return clock.now().date()

        def write_report(
            start: datetime.date, end: datetime.date, file_format: ReportFormat, path: Path
        ) -> ReportResult:
            return make_disposition_report(
                database, start, end, file_format, path, qt_translate, dock
            )

        actor = Actor(user.name, context.station.code)

        def run_import(
            request: ImportRequest,
            progress: Callable[[ImportProgress], None],
            should_cancel: Callable[[], bool],
        ) -> ImportResult:
            return import_on_own_connection(
                database, request, actor, clock.now(), progress, should_cancel
            )

        def run_export(request: ExportRequest) -> ExportResult:
            return export_on_own_connection(database, request, user)

        return [
            DashboardTab(source, parent),
            ApprovalsTab(desk, parent),
            ExceptionsTab(desk, parent),
            AgeingTab(desk, parent),
            VendorReturnsTab(returns, qt_translate, today, parent=parent),
            ReportsTab(write_report, today, parent=parent),
            DataTab(run_import, run_export, today, parent=parent),
        ]

    return build
