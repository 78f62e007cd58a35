"""The reports tab over a real SQLite database with two weeks of demo history: the period, the
quick periods, saving each format on the worker, and the refusals that leave no file."""

from __future__ import annotations

import csv
import datetime
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QLocale, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from db.connection import open_database
from receiving_app.clock import FixedClock
from receiving_app.context import AppContext, open_context
from receiving_app.demo_data import generate_demo_data
from receiving_app.reports.disposition_figures import gather_disposition_figures
from receiving_app.reports.output import ReportFormat
from receiving_app.reports.period import report_period
from receiving_app.reports.run_report import ReportResult, make_disposition_report
from receiving_app.settings import StationSettings
from tests.conftest import NOW
from ui.scan_feedback import qt_translate
from ui.supervisor.reports_tab import ReportsTab

W = TypeVar("W", bound=QWidget)
TODAY = NOW.date()  # a Tuesday
DAY = datetime.timedelta(days=1)
WORKER_MS = 20_000


@pytest.fixture(scope="module")
def history_template(tmp_path_factory: pytest.TempPathFactory, migrated_sqlite: Path) -> Path:
    """A migrated SQLite file with demo orders and 14 days of dock history, built once."""
    path = tmp_path_factory.mktemp("reports") / "history.db"
    shutil.copy(migrated_sqlite, path)
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        generate_demo_data(database, orders=300, seed=9, now=NOW, history_days=14)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def context(history_template: Path, tmp_path: Path) -> Iterator[AppContext]:
    target = tmp_path / "receiving.db"
    shutil.copy(history_template, target)
    context = open_context(f"sqlite:///{target}", clock=FixedClock(NOW), settings=StationSettings())
    yield context
    context.close()


class PathAnswers:
    """Stands in for the save dialog: records what it was offered and answers ``answer``."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.offered: list[tuple[Path, ReportFormat]] = []

    def __call__(self, _parent: QWidget, suggested: Path, file_format: ReportFormat) -> Path | None:
        self.offered.append((suggested, file_format))
        return self.answer


class Today:
    """The app clock's date, which a test can move on."""

    def __init__(self, day: datetime.date) -> None:
        self.day = day

    def __call__(self) -> datetime.date:
        return self.day


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def answers(out: Path) -> PathAnswers:
    return PathAnswers(out / "report.pdf")


@pytest.fixture
def today() -> Today:
    return Today(TODAY)


@pytest.fixture
def tab(qtbot: QtBot, context: AppContext, answers: PathAnswers, today: Today) -> ReportsTab:
    def write(
        start: datetime.date, end: datetime.date, file_format: ReportFormat, path: Path
    ) -> ReportResult:
        return make_disposition_report(
            context.database, start, end, file_format, path, qt_translate, context.station.code
        )

    tab = ReportsTab(write, today, answers)
    qtbot.addWidget(tab)
    tab.resize(1366, 640)
    tab.show()
    return tab


def child(tab: QWidget, kind: type[W], name: str) -> W:
    widget = tab.findChild(kind, name)
    assert widget is not None, name
    return widget


def period_of(tab: ReportsTab) -> tuple[datetime.date, datetime.date]:
    start, end = (child(tab, QDateEdit, name).date() for name in ("reportFrom", "reportTo"))
    return (
        datetime.date(start.year(), start.month(), start.day()),
        datetime.date(end.year(), end.month(), end.day()),
    )


def set_period(tab: ReportsTab, start: datetime.date, end: datetime.date) -> None:
    child(tab, QDateEdit, "reportFrom").setDate(QDate(start.year, start.month, start.day))
    child(tab, QDateEdit, "reportTo").setDate(QDate(end.year, end.month, end.day))


def choose_format(tab: ReportsTab, file_format: ReportFormat) -> None:
    combo = child(tab, QComboBox, "reportFormat")
    combo.setCurrentIndex(combo.findData(file_format.value))


def save_and_wait(qtbot: QtBot, tab: ReportsTab) -> None:
    """Click save, check the tab is busy while the worker runs, and wait for it to finish."""
    save = child(tab, QPushButton, "saveReportButton")
    save.click()
    assert not save.isEnabled()
    assert child(tab, QProgressBar, "reportProgress").isVisible()
    qtbot.waitUntil(save.isEnabled, timeout=WORKER_MS)
    assert not child(tab, QProgressBar, "reportProgress").isVisible()


def test_the_form_starts_on_the_last_seven_days(tab: ReportsTab) -> None:
    assert tab.objectName() == "reportsTab"
    assert tab.title() == "Reports"
    assert period_of(tab) == (TODAY - 6 * DAY, TODAY)
    assert child(tab, QDateEdit, "reportFrom").calendarPopup()
    assert child(tab, QDateEdit, "reportTo").calendarPopup()
    combo = child(tab, QComboBox, "reportFormat")
    assert [combo.itemData(index) for index in range(combo.count())] == ["pdf", "csv", "xlsx"]
    assert not child(tab, QPushButton, "openReportButton").isVisible()


@pytest.mark.parametrize(
    ("button", "period"),
    [
        ("reportThisWeek", (datetime.date(2026, 11, 23), TODAY)),
        ("reportLastWeek", (datetime.date(2026, 11, 16), datetime.date(2026, 11, 22))),
        ("reportThisMonth", (datetime.date(2026, 11, 1), TODAY)),
        ("reportLastMonth", (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))),
    ],
)
def test_the_quick_buttons_set_the_period(
    tab: ReportsTab, button: str, period: tuple[datetime.date, datetime.date]
) -> None:
    child(tab, QPushButton, button).click()
    assert period_of(tab) == period


def test_refresh_moves_the_default_period_on_but_keeps_a_chosen_one(
    tab: ReportsTab, today: Today
) -> None:
    today.day = TODAY + DAY
    tab.refresh()
    assert period_of(tab) == (TODAY - 5 * DAY, TODAY + DAY)
    child(tab, QPushButton, "reportLastWeek").click()
    today.day = TODAY + 2 * DAY
    tab.refresh()
    assert period_of(tab) == (datetime.date(2026, 11, 16), datetime.date(2026, 11, 22))


def test_a_csv_report_is_saved_on_the_worker_with_the_figures_shown(
    qtbot: QtBot, tab: ReportsTab, answers: PathAnswers, out: Path
) -> None:
    start = TODAY - 13 * DAY
    set_period(tab, start, TODAY)
    choose_format(tab, ReportFormat.CSV)
    answers.answer = out / "two-weeks.csv"
    save_and_wait(qtbot, tab)

    figures = gather_disposition_figures(report_period(start, TODAY))
    units = figures.totals.units
    assert units > 0
    rows = csv.DictReader(io.StringIO(answers.answer.read_bytes().decode("utf-8-sig")))
    assert next(r["value"] for r in rows if (r["section"], r["key"]) == ("summary", "units")) == (
        str(units)
    )
    message = child(tab, QLabel, "reportMessage")
    assert str(answers.answer) in message.text()
    assert f"({units} unit(s))." in message.text()
    assert message.property("attention") is False
    summary = child(tab, QLabel, "reportSummary").text()
    locale = QLocale()
    assert f": {units} unit(s)" in summary
    assert locale.toString(float(figures.totals.recovered), "f", 2) in summary
    assert locale.toString(float(figures.totals.scrap_loss), "f", 2) in summary
    assert figures.dock_to_stock.median_hours is not None
    assert figures.dock_to_stock.p90_hours is not None
    assert locale.toString(float(figures.dock_to_stock.median_hours), "f", 1) + " h" in summary
    assert locale.toString(float(figures.dock_to_stock.p90_hours), "f", 1) + " h" in summary


@pytest.mark.parametrize(
    ("file_format", "valid"),
    [
        (ReportFormat.PDF, lambda path: path.read_bytes().startswith(b"%PDF-")),
        (ReportFormat.XLSX, lambda path: "summary" in load_workbook(path).sheetnames),
    ],
)
def test_pdf_and_xlsx_reports_are_saved(
    qtbot: QtBot,
    tab: ReportsTab,
    answers: PathAnswers,
    out: Path,
    file_format: ReportFormat,
    valid: Callable[[Path], bool],
) -> None:
    choose_format(tab, file_format)
    answers.answer = out / f"week.{file_format.value}"
    save_and_wait(qtbot, tab)
    assert valid(answers.answer)
    assert answers.offered[0][1] is file_format


def test_the_dialog_is_offered_a_named_file_then_the_last_folder(
    qtbot: QtBot, tab: ReportsTab, answers: PathAnswers, out: Path
) -> None:
    save_and_wait(qtbot, tab)
    first, file_format = answers.offered[0]
    assert first.name == "disposition-2026-11-18-to-2026-11-24.pdf"
    assert file_format is ReportFormat.PDF
    choose_format(tab, ReportFormat.XLSX)
    answers.answer = None  # cancelled: nothing is made
    child(tab, QPushButton, "saveReportButton").click()
    assert answers.offered[1][0] == out / "disposition-2026-11-18-to-2026-11-24.xlsx"
    assert not child(tab, QProgressBar, "reportProgress").isVisible()
    assert [path.name for path in out.iterdir()] == ["report.pdf"]


def test_a_period_ending_before_it_starts_is_refused_before_the_dialog(
    qtbot: QtBot, tab: ReportsTab, answers: PathAnswers, out: Path
) -> None:
    save_and_wait(qtbot, tab)
    set_period(tab, TODAY, TODAY - DAY)
    child(tab, QPushButton, "saveReportButton").click()
    message = child(tab, QLabel, "reportMessage")
    assert message.text() == (
        "The period ends (2026-11-23) before it starts (2026-11-24): swap the two dates."
    )
    assert message.property("attention") is True
    assert not child(tab, QPushButton, "openReportButton").isVisible()
    assert len(answers.offered) == 1  # only the first, good period reached the dialog
    assert [path.name for path in out.iterdir()] == ["report.pdf"]


def test_a_missing_folder_gives_a_clear_message_and_no_file(
    qtbot: QtBot, tab: ReportsTab, answers: PathAnswers, out: Path
) -> None:
    answers.answer = out / "gone" / "report.pdf"
    save_and_wait(qtbot, tab)
    message = child(tab, QLabel, "reportMessage")
    assert message.text().startswith(f"Cannot write {answers.answer} (")
    assert message.text().endswith("choose another file or folder.")
    assert message.property("attention") is True
    assert not child(tab, QPushButton, "openReportButton").isVisible()
    assert child(tab, QLabel, "reportSummary").text() == "No report saved yet."
    assert list(out.iterdir()) == []


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_open_button_opens_the_saved_file(
    qtbot: QtBot, tab: ReportsTab, answers: PathAnswers
) -> None:
    save_and_wait(qtbot, tab)
    opened = child(tab, QPushButton, "openReportButton")
    assert opened.isVisible()
    catcher = UrlCatcher()
    # The stubs say bytes, but PySide6 6.12 accepts only str at run time.
    QDesktopServices.setUrlHandler("file", catcher, "open")  # type: ignore[arg-type]
    try:
        opened.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert answers.answer is not None
    assert [url.toLocalFile() for url in catcher.urls] == [str(answers.answer)]
