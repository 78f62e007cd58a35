"""The three printer back-ends against real files, real sockets and a real (fake) lp process."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from receiving_app.printing.errors import PrinterError
from receiving_app.printing.printers import open_printer
from receiving_app.settings import LabelFormat, PrinterBackend, PrinterSettings
from tests.core.printers import (
    HUGE_LABEL_BYTES,
    FakeLp,
    FakeZPLPrinter,
    never_accepting_printer,
    never_reading_printer,
    process_alive,
    refusing_target,
)

TIMEOUT = 0.3
# What a hung attempt may take beyond its timeout on a busy test machine.
SLACK = 0.7
ZPL = b"^XA^FO50,50^BCN,100,Y,N,N^FDLPN0000000001^FS^XZ"


def _raw(target: str) -> PrinterSettings:
    return PrinterSettings(
        "label", PrinterBackend.RAW9100, target, LabelFormat.ZPL, timeout=TIMEOUT
    )


@pytest.fixture
def zpl_printer() -> Iterator[FakeZPLPrinter]:
    printer = FakeZPLPrinter()
    yield printer
    printer.close()


def test_raw_sends_the_whole_label_to_the_printer(zpl_printer: FakeZPLPrinter) -> None:
    open_printer(_raw(zpl_printer.target)).send(ZPL, "LPN0000000001-1")
    assert zpl_printer.wait_for(1) == [ZPL]


def test_raw_refused_says_so_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(PrinterError) as error:
        open_printer(_raw(refusing_target())).send(ZPL, "x")
    assert "refused" in str(error.value)
    assert time.monotonic() - started < SLACK


def test_raw_to_a_printer_that_never_answers_gives_up_after_the_timeout() -> None:
    with never_accepting_printer() as target:
        started = time.monotonic()
        with pytest.raises(PrinterError) as error:
            open_printer(_raw(target)).send(ZPL, "x")
    assert time.monotonic() - started < TIMEOUT + SLACK
    assert error.value.params["sent"] == 0


def test_raw_to_a_printer_that_stops_reading_gives_up_after_the_timeout() -> None:
    with never_reading_printer() as target:
        started = time.monotonic()
        with pytest.raises(PrinterError) as error:
            open_printer(_raw(target)).send(b"^XA" + b" " * HUGE_LABEL_BYTES + b"^XZ", "x")
    assert time.monotonic() - started < TIMEOUT + SLACK
    params = error.value.params
    assert 0 < int(str(params["sent"])) < int(str(params["total"])) == HUGE_LABEL_BYTES + 6


def test_folder_writes_each_label_whole_under_its_title(tmp_path: Path) -> None:
    folder = tmp_path / "spool" / "labels"  # created on first use
    printer = open_printer(PrinterSettings("label", PrinterBackend.FOLDER, str(folder)))
    printer.send(b"%PDF-1.4 first", "LPN0000000001-1")
    printer.send(b"%PDF-1.4 second", "../LPN 2/x-2")  # never outside the folder
    assert sorted(path.name for path in folder.iterdir()) == [
        "LPN0000000001-1.pdf",
        "_LPN_2_x-2.pdf",
    ]
    assert (folder / "LPN0000000001-1.pdf").read_bytes() == b"%PDF-1.4 first"


def test_folder_that_cannot_be_written_is_a_printer_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    printer = open_printer(PrinterSettings("label", PrinterBackend.FOLDER, str(blocker)))
    with pytest.raises(PrinterError) as error:
        printer.send(b"%PDF", "LPN1-1")
    assert error.value.params["folder"] == str(blocker)
    assert blocker.read_text(encoding="utf-8").startswith("a file")


@pytest.fixture
def lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLp:
    return FakeLp(tmp_path / "bin", monkeypatch)


def _cups(label_format: LabelFormat) -> PrinterSettings:
    return PrinterSettings(
        "label", PrinterBackend.CUPS, "Zebra_ZD421", label_format, timeout=TIMEOUT
    )


def test_cups_sends_zpl_raw_on_lps_standard_input(lp: FakeLp) -> None:
    lp.accepting()
    open_printer(_cups(LabelFormat.ZPL)).send(ZPL, "LPN0000000001-7")
    assert lp.args == ["-d", "Zebra_ZD421", "-t", "LPN0000000001-7", "-o", "raw"]
    assert lp.stdin == ZPL


def test_cups_lets_cups_convert_a_pdf(lp: FakeLp) -> None:
    lp.accepting()
    open_printer(_cups(LabelFormat.PDF)).send(b"%PDF-1.4 label", "LPN0000000001-8")
    assert lp.args == ["-d", "Zebra_ZD421", "-t", "LPN0000000001-8"]
    assert lp.stdin == b"%PDF-1.4 label"


def test_cups_refusal_carries_lps_exit_status_and_message(lp: FakeLp) -> None:
    lp.refusing()
    with pytest.raises(PrinterError) as error:
        open_printer(_cups(LabelFormat.ZPL)).send(ZPL, "x")
    assert error.value.params["status"] == 1
    assert error.value.params["detail"] == "lp: The printer or class does not exist."


def test_a_hanging_lp_is_killed_with_its_children_after_the_timeout(lp: FakeLp) -> None:
    lp.hanging()
    started = time.monotonic()
    with pytest.raises(PrinterError) as error:
        open_printer(_cups(LabelFormat.ZPL)).send(ZPL, "x")
    assert time.monotonic() - started < TIMEOUT + SLACK
    assert error.value.params["queue"] == "Zebra_ZD421"
    child = lp.child_pid
    deadline = time.monotonic() + 2  # SIGKILL is delivered, the child needs a moment to die
    while process_alive(child) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not process_alive(child)


def test_no_lp_at_all_is_a_printer_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterError) as error:
        open_printer(_cups(LabelFormat.ZPL)).send(ZPL, "x")
    assert "cups-client" in str(error.value)
