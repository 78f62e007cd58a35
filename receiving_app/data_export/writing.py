"""Writing a dataset as CSV or XLSX, streamed, whole or not at all (no Qt).

Both formats get the same header and rows. Text cells are neutralised with
:func:`~receiving_app.spreadsheet_cells.safe_text` (a leading apostrophe before ``= + - @``, tab
or carriage return); numbers never are, so a negative amount stays a number:

- CSV: UTF-8 with a BOM (spreadsheets on Chinese Windows read the names right), ``\\r\\n`` line
  ends; numbers as plain text (``-3.50``), times as ``YYYY-MM-DD HH:MM:SS`` (local), yes/no
  as ``yes`` / ``no``, nothing as an empty cell.
- XLSX: one sheet named after the dataset, written with openpyxl's write-only workbook; numbers,
  times and yes/no typed (number, date-time, boolean). Characters XLSX cannot hold (control
  characters other than tab and line ends) are dropped from text, and a text longer than a
  cell holds (32,767 characters) is cut.

The file is written to a temporary file beside the target, flushed to disk and renamed over
the target: a spreadsheet never opens half an export, and a failed export leaves nothing.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import errno
import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from receiving_app.data_export.datasets import Row, Value
from receiving_app.errors import InvalidInput
from receiving_app.files import CANNOT_WRITE
from receiving_app.spreadsheet_cells import safe_text

#: The most characters one XLSX cell holds.
XLSX_CELL_LIMIT = 32767


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def csv_cell(value: Value) -> str:
    """How one value reads in the CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, str):
        return safe_text(value)
    return str(value)  # int, Decimal: a number, written as it is


def xlsx_cell(value: Value) -> Value:
    """One value as the XLSX cell holds it (text neutralised, the rest typed)."""
    if isinstance(value, str):
        return safe_text(ILLEGAL_CHARACTERS_RE.sub("", value))[:XLSX_CELL_LIMIT]
    return value


def write_export(
    path: Path,
    file_format: ExportFormat,
    sheet: str,
    header: Sequence[str],
    rows: Iterable[Row],
) -> int:
    """Write ``header`` and ``rows`` to ``path``, whole or not at all; the number of rows.

    Raises:
        InvalidInput: the file cannot be written; nothing is left behind (an error reading the
            rows also leaves nothing, and propagates).
    """
    counted = _Counted(rows)
    write = _write_csv if file_format is ExportFormat.CSV else _write_xlsx
    _write_replacing(path, lambda file: write(file, sheet, header, counted))
    return counted.count


class _Counted:
    """The rows, counted as they go by."""

    def __init__(self, rows: Iterable[Row]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Row]:
        for row in self._rows:
            self.count += 1
            yield row


def _write_csv(file: BinaryIO, sheet: str, header: Sequence[str], rows: Iterable[Row]) -> None:
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    text.flush()
    text.detach()  # the caller closes the file


def _write_xlsx(file: BinaryIO, sheet: str, header: Sequence[str], rows: Iterable[Row]) -> None:
    book = Workbook(write_only=True)
    table = book.create_sheet(sheet)
    table.append(list(header))
    try:
        for row in rows:
            table.append([xlsx_cell(value) for value in row])
    except BaseException:
        table.close()  # ends openpyxl's row writer, which would fail later when collected
        raise
    book.save(file)


def _write_replacing(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Run ``write`` on a temporary file beside ``path``, then rename it over ``path``."""
    if not path.name:  # "", "." or "/": a folder
        raise InvalidInput(CANNOT_WRITE, file=str(path), detail=os.strerror(errno.EISDIR))
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        # os.open, not tempfile: the export gets the permissions the user's umask gives files.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)  # a folder by that name refuses (EISDIR)
    except OSError as error:
        _discard(partial)
        raise InvalidInput(
            CANNOT_WRITE, file=str(path), detail=error.strerror or str(error)
        ) from None
    except BaseException:
        _discard(partial)
        raise


def _discard(partial: Path) -> None:
    with contextlib.suppress(OSError):
        partial.unlink()


__all__ = ["XLSX_CELL_LIMIT", "ExportFormat", "csv_cell", "write_export", "xlsx_cell"]
