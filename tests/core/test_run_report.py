"""`make_disposition_report` on a worker thread: its own connection, the file, the headline
figures, and the refusals that leave no file."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openpyxl import load_workbook
from peewee import Database

from receiving_app.demo_data import generate_demo_data
from receiving_app.errors import InvalidInput
from receiving_app.files import CANNOT_WRITE
from receiving_app.i18n import identity_translate
from receiving_app.reports.disposition_figures import gather_disposition_figures
from receiving_app.reports.output import ReportFormat
from receiving_app.reports.period import ENDS_BEFORE_START, report_period
from receiving_app.reports.run_report import ReportResult, make_disposition_report
from tests.conftest import NOW

START, END = (NOW - datetime.timedelta(days=13)).date(), NOW.date()


@pytest.fixture
def history(database: Database) -> None:
    generate_demo_data(database, orders=300, seed=11, now=NOW, history_days=14)


def on_worker(database: Database, call: Callable[[], ReportResult]) -> tuple[ReportResult, bool]:
    """``call``'s result on another thread, and whether that thread's connection was closed."""

    def run() -> tuple[ReportResult, bool]:
        result = call()
        return result, database.is_closed()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def make(database: Database, file_format: ReportFormat, path: Path) -> ReportResult:
    return make_disposition_report(
        database, START, END, file_format, path, identity_translate, "Dock 1"
    )


def csv_units(path: Path) -> int:
    rows = csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")))
    return next(
        int(row["value"]) for row in rows if row["section"] == "summary" and row["key"] == "units"
    )


@pytest.mark.usefixtures("history")
def test_the_report_is_written_on_a_worker_with_its_own_connection(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "report.csv"
    result, worker_closed = on_worker(database, lambda: make(database, ReportFormat.CSV, path))
    assert worker_closed
    assert not database.is_closed()  # this thread's connection was left alone
    figures = gather_disposition_figures(report_period(START, END))
    assert figures.totals.units > 0
    assert result == ReportResult(
        path=path,
        file_format=ReportFormat.CSV,
        period=report_period(START, END),
        units=figures.totals.units,
        recovered=figures.totals.recovered,
        scrap_loss=figures.totals.scrap_loss,
        d2s_median=figures.dock_to_stock.median_hours,
        d2s_p90=figures.dock_to_stock.p90_hours,
    )
    assert csv_units(path) == figures.totals.units


@pytest.mark.usefixtures("history")
@pytest.mark.parametrize(
    ("file_format", "check"),
    [
        (ReportFormat.PDF, lambda path: path.read_bytes().startswith(b"%PDF-")),
        (ReportFormat.XLSX, lambda path: "summary" in load_workbook(path).sheetnames),
    ],
)
def test_each_format_is_written(
    database: Database, tmp_path: Path, file_format: ReportFormat, check: Callable[[Path], bool]
) -> None:
    path = tmp_path / f"report.{file_format.value}"
    result, _closed = on_worker(database, lambda: make(database, file_format, path))
    assert result.file_format is file_format
    assert check(path)


def test_a_period_ending_before_it_starts_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    path = folder / "report.pdf"
    with pytest.raises(InvalidInput) as refused:
        make_disposition_report(
            database, END, START, ReportFormat.PDF, path, identity_translate, "Dock 1"
        )
    assert refused.value.message == ENDS_BEFORE_START
    assert list(folder.iterdir()) == []


def test_a_missing_folder_is_refused_and_the_connection_closed(
    database: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    path = folder / "missing" / "report.pdf"

    def run() -> bool:
        with pytest.raises(InvalidInput) as refused:
            make(database, ReportFormat.PDF, path)
        assert refused.value.message == CANNOT_WRITE
        assert refused.value.params["file"] == str(path)
        return database.is_closed()

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(run).result()
    assert list(folder.iterdir()) == []
