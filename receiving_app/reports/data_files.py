"""The disposition report as data: one CSV file, or an XLSX workbook (no Qt).

Both hold every number the PDF shows, under stable keys, with translated labels beside them:

- CSV (UTF-8 with a BOM, so spreadsheets on Chinese Windows read it right): one long table with
  the columns :data:`CSV_COLUMNS`. ``section`` is ``report`` (title and period), ``summary``
  (headline figures, in ``value``), a breakdown's key (units per route and the money), or
  ``daily`` (``key`` is the day).
- XLSX: a ``summary`` sheet (the report rows and the headline figures) and one sheet per
  breakdown and for ``daily``, each with the CSV's columns that apply to it.

Labels that come from the database (product and vendor names) are kept from running as
spreadsheet formulas: one starting with ``= + - @`` gets a leading quote, in both formats.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal

from openpyxl import Workbook

from labels.disposition_report import ROUTES, DispositionReportData, ReportRow
from receiving_app.spreadsheet_cells import safe_text

ROW_COLUMNS = ("key", "label", "units", *ROUTES, "recovered_value", "scrap_loss")
CSV_COLUMNS = ("section", *ROW_COLUMNS, "value")
SUMMARY_COLUMNS = ("section", "key", "label", "value")
DAILY_COLUMNS = ("key", "label", "units", *ROUTES)

Cell = str | int | Decimal | None


def _row_cells(row: ReportRow) -> list[Cell]:
    return [row.key, safe_text(row.label), row.units, *row.by_route, row.recovered, row.scrap_loss]


def _summary_rows(data: DispositionReportData) -> Iterator[list[Cell]]:
    yield ["report", "title", safe_text(data.title), None]
    yield ["report", "period", safe_text(data.subtitle), None]
    for figure in data.summary:
        yield ["summary", figure.key, safe_text(figure.label), figure.value]


def _daily_rows(data: DispositionReportData) -> Iterator[list[Cell]]:
    for counts in data.daily:
        day = counts.day.isoformat()
        yield [day, day, sum(counts.by_route), *counts.by_route]


def disposition_csv(data: DispositionReportData) -> bytes:
    """The report as one CSV table (:data:`CSV_COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    blanks = [""] * (len(ROW_COLUMNS) - 2)
    for section, key, label, value in _summary_rows(data):
        writer.writerow([section, key, label, *blanks, "" if value is None else value])
    for part in data.sections:
        for row in part.rows:
            writer.writerow([part.key, *_row_cells(row), ""])
    for cells in _daily_rows(data):
        writer.writerow(["daily", *cells, "", "", ""])
    return buffer.getvalue().encode("utf-8-sig")


def disposition_xlsx(data: DispositionReportData) -> bytes:
    """The report as a workbook: ``summary``, one sheet per breakdown, ``daily``."""
    book = Workbook()
    summary = book.active
    assert summary is not None  # a new workbook has its first sheet active
    summary.title = "summary"
    summary.append(SUMMARY_COLUMNS)
    for cells in _summary_rows(data):
        summary.append(cells)
    for part in data.sections:
        sheet = book.create_sheet(part.key)
        sheet.append(ROW_COLUMNS)
        for row in part.rows:
            sheet.append(_row_cells(row))
    daily = book.create_sheet("daily")
    daily.append(DAILY_COLUMNS)
    for cells in _daily_rows(data):
        daily.append(cells)
    book.properties.title = data.title
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


__all__ = [
    "CSV_COLUMNS",
    "DAILY_COLUMNS",
    "ROW_COLUMNS",
    "SUMMARY_COLUMNS",
    "disposition_csv",
    "disposition_xlsx",
]
