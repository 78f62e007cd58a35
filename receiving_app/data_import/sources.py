"""Reading an import file as a stream of rows: CSV in any usual encoding and delimiter, or XLSX.

CSV: a UTF-8 byte-order mark means UTF-8; otherwise the first 64 KiB are tried as strict UTF-8,
then as GB18030 (a superset of GBK, which Chinese spreadsheet programs write); text that is
neither is refused as a whole. The delimiter (comma, semicolon or tab) is the one the header
line uses most. Lines are decoded one at a time, so a file is never held in memory, and a line
that is not in the file's encoding is a problem of that row, not a crash. XLSX is read with
openpyxl's streaming (read-only) mode, from the first sheet or a named one (no Qt).
"""

from __future__ import annotations

import codecs
import csv
import datetime
import re
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

from receiving_app.data_import import problems as p
from receiving_app.data_import.problems import FileProblem, RowProblem

MAX_FIELD = 10_000
"""Longest cell accepted; a longer one is a row problem (and ``csv`` stops reading it there)."""
SAMPLE_BYTES = 65_536
DELIMITERS = (",", ";", "\t")
_ZIP_MAGIC = b"PK\x03\x04"
# C0 controls (not tab, CR, LF) and undecodable bytes (kept as lone surrogates).
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\udc80-\udcff]")
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@dataclass
class SourceRow:
    """One data row: its number as a spreadsheet shows it (the header is row 1), its cells by
    column name, and what was wrong with reading it."""

    number: int
    cells: dict[str, str]
    problems: list[RowProblem] = field(default_factory=list)


class TableSource(ABC):
    """An open import file: ``header`` and a one-time stream of ``rows()``."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.size = size
        self.bytes_read = 0
        self.header: list[str] = []

    @abstractmethod
    def rows(self) -> Iterator[SourceRow]:
        """The data rows, read as they are asked for; the file is closed at the end."""

    @abstractmethod
    def close(self) -> None:
        """Release the file (the stream ends)."""


def open_table(path: Path, sheet: str | None = None) -> TableSource:
    """Open ``path`` (CSV or XLSX, chosen by its first bytes) and read its header.

    Raises:
        FileProblem: the file cannot be read, is empty, or is in no supported encoding.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            start = file.read(SAMPLE_BYTES)
    except OSError as exc:
        raise FileProblem(RowProblem(0, "", p.NOT_A_TABLE, {"detail": exc.strerror})) from None
    if start.startswith(_ZIP_MAGIC):
        return XlsxSource(path, size, sheet)
    return CsvSource(path, size, start)


def _encoding_of(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in sample:
        raise FileProblem(RowProblem(0, "", p.NOT_A_TABLE, {"detail": "binary data"}))
    for encoding in ("utf-8", "gb18030"):
        try:
            # Not final: the sample may end inside a character.
            codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise FileProblem(RowProblem(0, "", p.UNKNOWN_ENCODING))


def _delimiter_of(header_line: str) -> str:
    return max(DELIMITERS, key=header_line.count)


class CsvSource(TableSource):
    """A delimited text file, decoded line by line."""

    def __init__(self, path: Path, size: int, sample: bytes) -> None:
        super().__init__(path, size)
        self.encoding = _encoding_of(sample)
        first = sample.split(b"\n", 1)[0].decode(self.encoding, "replace")
        self.delimiter = _delimiter_of(first)
        self._file: BinaryIO = path.open("rb")
        csv.field_size_limit(MAX_FIELD)
        self._reader = csv.reader(self._lines(), delimiter=self.delimiter)
        self.header = self._header()

    def _header(self) -> list[str]:
        for cells in self._reader:
            if any(cell.strip() for cell in cells):
                return [cell.strip() for cell in cells]
        self.close()
        raise FileProblem(RowProblem(0, "", p.EMPTY_FILE))

    def _lines(self) -> Iterator[str]:
        decode = codecs.getdecoder("utf-8" if self.encoding == "utf-8-sig" else self.encoding)
        first = True
        for raw in self._file:
            self.bytes_read += len(raw)
            if first and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            first = False
            yield decode(raw, "surrogateescape")[0]

    def rows(self) -> Iterator[SourceRow]:
        number = 1
        header, width = self.header, len(self.header)
        while True:
            try:
                cells = next(self._reader)
            except StopIteration:
                break
            except csv.Error as exc:
                number += 1
                too_long = "field limit" in str(exc)
                message = p.FIELD_TOO_LONG if too_long else p.BROKEN_ROW
                params = {"limit": MAX_FIELD} if too_long else {"detail": str(exc)}
                yield SourceRow(number, {}, [RowProblem(number, "", message, params)])
                continue
            number += 1
            if not any(cells):
                continue
            yield _row(number, header, width, cells)
        self.close()

    def close(self) -> None:
        self._file.close()


def _row(number: int, header: list[str], width: int, cells: list[str]) -> SourceRow:
    row = SourceRow(number, dict(zip(header, cells, strict=False)))
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        params = {"count": len(cells), "expected": width}
        row.problems.append(RowProblem(number, "", p.EXTRA_CELLS, params))
    if _JUNK.search("".join(cells)):
        for column, value in row.cells.items():
            if _JUNK.search(value):
                message = p.UNKNOWN_ENCODING if _UNDECODABLE.search(value) else p.BINARY
                shown = value.encode("utf-8", "backslashreplace").decode("ascii", "replace")
                row.problems.append(RowProblem(number, column, message, value=shown[:40]))
    return row


_XLSX_ERRORS = (zipfile.BadZipFile, KeyError, ValueError, ParseError, OSError, EOFError)


class XlsxSource(TableSource):
    """The first (or the named) sheet of a workbook, streamed."""

    def __init__(self, path: Path, size: int, sheet: str | None) -> None:
        from openpyxl import load_workbook

        super().__init__(path, size)
        try:
            self._book = load_workbook(path, read_only=True, data_only=True)
            sheet_obj = self._book[sheet] if sheet else self._book.worksheets[0]
            self._values = sheet_obj.iter_rows(values_only=True)
            self.header = self._header()
        except FileProblem:
            raise
        except _XLSX_ERRORS as exc:
            raise FileProblem(
                RowProblem(0, "", p.NOT_A_TABLE, {"detail": f"{type(exc).__name__}: {exc}"})
            ) from None

    def _header(self) -> list[str]:
        for values in self._values:
            cells = [_cell_text(value) for value in values]
            if any(cells):
                return [cell.strip() for cell in cells]
        raise FileProblem(RowProblem(0, "", p.EMPTY_FILE))

    def rows(self) -> Iterator[SourceRow]:
        number = 1
        header, width = self.header, len(self.header)
        try:
            for values in self._values:
                number += 1
                cells = [_cell_text(value) for value in values]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells:
                    continue
                row = _row(number, header, width, cells)
                for column, value in row.cells.items():
                    if len(value) > MAX_FIELD:
                        row.problems.append(
                            RowProblem(number, column, p.FIELD_TOO_LONG, {"limit": MAX_FIELD})
                        )
                        row.cells[column] = ""
                yield row
        except _XLSX_ERRORS as exc:
            detail = f"{type(exc).__name__}: {exc}"
            yield SourceRow(number, {}, [RowProblem(number, "", p.BROKEN_ROW, {"detail": detail})])
        self.bytes_read = self.size
        self.close()

    def close(self) -> None:
        self._book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
