"""Reading import files: every encoding and delimiter, XLSX, and broken files of each kind."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from receiving_app.data_import import problems as p
from receiving_app.data_import.problems import FileProblem
from receiving_app.data_import.sources import (
    MAX_FIELD,
    SAMPLE_BYTES,
    CsvSource,
    SourceRow,
    open_table,
)

HEADER = ["code", "name", "return_window_days"]
ROWS = [["ACME", "Acme, Inc.", "30"], ["HAIER", "海尔电器", "15"], ["MUJI", 'say "无印良品"', "0"]]


def write_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str) -> None:
    lines = []
    for cells in [HEADER, *rows]:
        quoted = [
            '"' + cell.replace('"', '""') + '"' if set(cell) & {delimiter, '"', ","} else cell
            for cell in cells
        ]
        lines.append(delimiter.join(quoted))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def read_all(path: Path) -> tuple[list[str], list[SourceRow]]:
    source = open_table(path)
    return source.header, list(source.rows())


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_delimiter_reads_the_same_rows(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = tmp_path / "vendors.csv"
    write_csv(path, ROWS, encoding, delimiter)
    source = open_table(path)
    assert isinstance(source, CsvSource)
    assert source.delimiter == delimiter
    assert source.header == HEADER
    rows = list(source.rows())
    assert [row.number for row in rows] == [2, 3, 4]
    assert [[row.cells[name] for name in HEADER] for row in rows] == ROWS
    assert all(not row.problems for row in rows)
    assert source.bytes_read == path.stat().st_size


def test_xlsx_first_sheet_is_streamed_with_dates_as_text(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["order_number", "ordered_at", "quantity", "name"])
    sheet.append(["SO1", datetime.datetime(2026, 11, 1, 9, 15), 2, "海尔"])
    sheet.append([None, None, None, None])
    sheet.append(["SO2", "2026-11-02 10:00:00", 1.0, None])
    book.save(tmp_path / "orders.xlsx")
    header, rows = read_all(tmp_path / "orders.xlsx")
    assert header == ["order_number", "ordered_at", "quantity", "name"]
    assert [row.number for row in rows] == [2, 4]
    assert rows[0].cells == {
        "order_number": "SO1",
        "ordered_at": "2026-11-01 09:15:00",
        "quantity": "2",
        "name": "海尔",
    }
    assert rows[1].cells["quantity"] == "1"


def test_a_field_of_100000_characters_is_a_row_problem_and_reading_goes_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"code,name\nA1,{'x' * 100_000}\nB2,fine\n", encoding="utf-8")
    _, rows = read_all(path)
    assert rows[0].problems[0].message == p.FIELD_TOO_LONG
    assert rows[0].problems[0].params == {"limit": MAX_FIELD}
    assert rows[-1].cells == {"code": "B2", "name": "fine"}


def test_text_in_neither_utf8_nor_gb18030_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"code,name\nA1,\xff\xfe\xff caf\xe9\n")
    with pytest.raises(FileProblem) as raised:
        open_table(path)
    assert raised.value.problem.message == p.UNKNOWN_ENCODING


def test_a_bad_line_after_the_sample_is_a_problem_of_its_row(tmp_path: Path) -> None:
    path = tmp_path / "late.csv"
    good = "".join(f"V{i},name {i}\n" for i in range(SAMPLE_BYTES // 10))
    path.write_bytes(b"code,name\n" + good.encode() + b"BAD,caf\xe9\xff\n")
    _, rows = read_all(path)
    bad = [row for row in rows if row.problems]
    assert len(bad) == 1 and bad[0].cells["code"] == "BAD"
    assert bad[0].problems[0].column == "name"
    assert bad[0].problems[0].message == p.UNKNOWN_ENCODING


def test_binary_junk_is_refused_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(FileProblem) as raised:
        open_table(path)
    assert raised.value.problem.message == p.NOT_A_TABLE


def test_control_characters_in_a_row_are_a_row_problem(tmp_path: Path) -> None:
    path = tmp_path / "controls.csv"
    path.write_bytes(b"code,name\nA1,ok\nB2,\x01\x02\x1b[0m\n")
    _, rows = read_all(path)
    assert not rows[0].problems
    assert [(x.row, x.column, x.message) for x in rows[1].problems] == [(3, "name", p.BINARY)]


def test_a_truncated_xlsx_is_refused_as_a_whole(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["code", "name"])
    sheet.append(["A1", "x"])
    book.save(tmp_path / "whole.xlsx")
    data = (tmp_path / "whole.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(FileProblem) as raised:
        open_table(tmp_path / "cut.xlsx")
    assert raised.value.problem.message == p.NOT_A_TABLE


def test_a_truncated_csv_reads_its_last_row_short(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_bytes("code,name,return_window_days\nA1,Acme,30\nB2,海".encode()[:-2])
    _, rows = read_all(path)
    assert rows[-1].number == 3
    assert rows[-1].cells.get("return_window_days") is None


def test_an_empty_file_has_no_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\r\n\r\n")
    with pytest.raises(FileProblem) as raised:
        open_table(path)
    assert raised.value.problem.message == p.EMPTY_FILE


def test_extra_cells_beyond_the_header_are_a_row_problem(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("code,name\nA1,Acme,surprise\nB2,Bee,\n", encoding="utf-8")
    _, rows = read_all(path)
    assert [x.message for x in rows[0].problems] == [p.EXTRA_CELLS]
    assert not rows[1].problems
