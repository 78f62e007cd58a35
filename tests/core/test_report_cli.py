"""`receiving-app report disposition` as a supervisor runs it: a real process on both engines,
the CSV and XLSX read back and compared, the PDF rasterised and looked at, in English and
Chinese."""

from __future__ import annotations

import csv
import datetime
import io
import os
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from peewee import Database
from PIL import Image

from receiving_app.demo_data import generate_demo_data
from receiving_app.reports.data_files import CSV_COLUMNS
from tests.core.test_disposition_report import (
    DAYS,
    FIRST_DAY,
    NOW,
    ORDERS,
    add_dock_events,
    count_independently,
)
from tests.labels.conftest import pdf_fonts, pdf_text  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
START, END = FIRST_DAY.isoformat(), NOW.date().isoformat()

Numbers = dict[tuple[str, str, str], Decimal]


def report(
    db_url: str, output: Path, *options: str, env: dict[str, str] = ENGLISH
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "report", "disposition", "-o", str(output)]
        + ["--db", db_url, *options],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


@pytest.fixture
def history(database: Database) -> None:
    generate_demo_data(database, ORDERS, 7, NOW, history_days=DAYS)
    add_dock_events(database)


def _number(cell: object) -> Decimal:
    return Decimal(str(cell)).quantize(Decimal("0.01"))


def csv_numbers(data: bytes) -> Numbers:
    """Every number of the CSV, by (section, key, column)."""
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets on Chinese Windows need
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows and list(rows[0]) == list(CSV_COLUMNS)
    numbers: Numbers = {}
    for row in rows:
        section = row["section"]
        for column in CSV_COLUMNS[3:]:
            if row[column] != "":
                sheet = "summary" if section in ("report", "summary") else section
                numbers[(sheet, row["key"], column)] = _number(row[column])
    return numbers


def xlsx_numbers(data: bytes) -> Numbers:
    """Every number of the workbook, by (sheet, key, column)."""
    book = load_workbook(io.BytesIO(data), read_only=True)
    numbers: Numbers = {}
    for sheet in book.worksheets:
        header, *rows = list(sheet.iter_rows(values_only=True))
        for row in rows:
            cells = dict(zip(header, row, strict=True))
            for column, value in cells.items():
                if isinstance(value, int | float) and column not in ("key", "label"):
                    numbers[(sheet.title, str(cells["key"]), str(column))] = _number(value)
    return numbers


@pytest.mark.usefixtures("history")
def test_the_csv_and_the_xlsx_hold_the_same_numbers(db_url: str, tmp_path: Path) -> None:
    files = {}
    for file_format in ("csv", "xlsx"):
        output = tmp_path / f"report.{file_format}"
        result = report(db_url, output, "--from", START, "--to", END, "--format", file_format)
        assert result.returncode == 0, result.stderr
        assert f"({file_format})" in result.stdout and str(output) in result.stdout
        files[file_format] = output.read_bytes()
    from_csv, from_xlsx = csv_numbers(files["csv"]), xlsx_numbers(files["xlsx"])
    assert from_csv == from_xlsx
    expected = count_independently(FIRST_DAY, NOW.date())
    assert from_csv[("summary", "units", "value")] == expected.units
    assert from_csv[("summary", "exception_units", "value")] == expected.exception_units
    scrap = expected.groups["disposition"]["scrap"]
    assert from_csv[("disposition", "scrap", "scrap_loss")] == scrap.scrap_loss
    daily = sum(
        value
        for (sheet, _, column), value in from_csv.items()
        if (sheet, column) == ("daily", "units")
    )
    assert daily == expected.units


def _coloured_pixels(image: Image.Image) -> int:
    """Pixels clearly coloured (saturated, unlike black, grey or white text and rules): the
    charts' slices, bars and lines."""
    return sum(image.convert("HSV").getchannel("S").histogram()[100:])


def rasterise_colour(pdf: Path, tmp_path: Path) -> list[Image.Image]:
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(prefix)], check=True)
    pages = []
    for path in sorted(tmp_path.glob("page-*.png")):
        with Image.open(path) as image:
            pages.append(image.convert("RGB"))
    return pages


@pytest.mark.usefixtures("history")
def test_the_pdf_has_its_charts_and_tables_and_prints_chinese(
    db_url: str,
    tmp_path: Path,
    pdf_text: Callable[[bytes], str],  # noqa: F811 (the fixtures imported above)
    pdf_fonts: Callable[[bytes], str],  # noqa: F811
) -> None:
    output = tmp_path / "report.pdf"
    result = report(db_url, output, "--from", START, "--to", END, env=CHINESE)
    assert result.returncode == 0, result.stderr
    pdf = output.read_bytes()
    pages = rasterise_colour(output, tmp_path)
    assert len(pages) >= 3
    # Page 1: the pie and the bar charts; page 2: the trend lines (each a few hundred pixels).
    assert _coloured_pixels(pages[0]) > 5000 and _coloured_pixels(pages[1]) > 300
    text = pdf_text(pdf)
    assert "重新入库" in text and "报废" in text  # the routes, in the station's language
    assert "宁波家居实业" in text  # a vendor's Chinese name from the database
    assert START in text and END in text
    fonts = [line.split() for line in pdf_fonts(pdf).splitlines()[2:]]
    assert any(font[1] == "TrueType" and font[-5] == "yes" for font in fonts)  # CJK, embedded


@pytest.mark.usefixtures("history")
def test_without_format_the_extension_chooses_and_an_empty_period_still_prints(
    db_url: str,
    tmp_path: Path,
    pdf_text: Callable[[bytes], str],  # noqa: F811
) -> None:
    data = tmp_path / "report.xlsx"
    result = report(db_url, data, "--from", START, "--to", END)
    assert result.returncode == 0, result.stderr
    assert "(xlsx)" in result.stdout and data.read_bytes().startswith(b"PK")
    empty = tmp_path / "empty.pdf"
    day = (FIRST_DAY - datetime.timedelta(days=60)).isoformat()
    result = report(db_url, empty, "--from", day, "--to", day)
    assert result.returncode == 0, result.stderr
    assert ": 0 units." in result.stdout
    assert "No unit was routed in this period." in pdf_text(empty.read_bytes())


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-11-31", "2026-12-01", "is not a date"),
        ("2026-11-20", "2026-11-01", "before it starts"),
        ("2025-01-01", "2026-01-02", "at most 366 days"),
    ],
)
def test_bad_dates_are_refused_and_no_file_is_written(
    sqlite_url: str, tmp_path: Path, start: str, end: str, message: str
) -> None:
    output = tmp_path / "report.pdf"
    result = report(sqlite_url, output, "--from", start, "--to", end)
    assert result.returncode == 1
    assert message in result.stderr
    assert not output.exists()


def test_an_unknown_format_or_a_missing_folder_is_refused(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = report(sqlite_url, folder / "r.pdf", "--from", START, "--to", END, "--format", "docx")
    assert result.returncode == 2 and "docx" in result.stderr
    missing = folder / "no such folder" / "report.csv"
    result = report(sqlite_url, missing, "--from", START, "--to", END)
    assert result.returncode == 1 and "Cannot write" in result.stderr
    assert list(folder.iterdir()) == []
