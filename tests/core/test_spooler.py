"""The print spooler over a real database (SQLite and PostgreSQL) and real printers on loopback:
labels print; a printer that refuses or hangs keeps them waiting with the reason; none is lost."""

from __future__ import annotations

import datetime
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from peewee import Database

from db.connection import open_database
from db.models import AuditRecord, PrintJob
from labels import LabelError, LabelSize, LPNLabelData, render_lpn_label_pdf
from receiving_app.accounts import StationInfo, ensure_station
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.printing import PrintStatus, Spooler, SpoolRun, print_status, run_spooler
from receiving_app.printing.outbox import CLAIM_LEASE, retry_delay
from receiving_app.printing.rendering import RenderFn
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import LabelFormat, PrinterBackend, PrinterSettings
from tests.conftest import NOW
from tests.core.printers import (
    HUGE_LABEL_BYTES,
    FakeZPLPrinter,
    ZPLRenderer,
    free_port,
    never_accepting_printer,
    never_reading_printer,
    queue_label,
)
from tests.core.seed import SHIRT_GTIN, UPS_TRACKING

TIMEOUT = 0.3
SLACK = 0.7  # what a hung attempt may take beyond its timeout on a busy machine

MakeSpooler = Callable[..., Spooler]


@pytest.fixture
def station(database: Database, clock: FixedClock) -> StationInfo:
    return ensure_station(database, "DOCK-1", None, clock.now())


@pytest.fixture
def zpl_printer() -> Iterator[FakeZPLPrinter]:
    printer = FakeZPLPrinter()
    yield printer
    printer.close()


def raw(target: str, name: str = "label") -> PrinterSettings:
    return PrinterSettings(name, PrinterBackend.RAW9100, target, LabelFormat.ZPL, timeout=TIMEOUT)


@pytest.fixture
def make_spooler(database: Database, clock: FixedClock, station: StationInfo) -> MakeSpooler:
    def make(*printers: PrinterSettings, render: RenderFn | None = None) -> Spooler:
        return Spooler(database, clock, station, printers, render or ZPLRenderer())

    return make


def _job(job_id: int) -> PrintJob:
    return PrintJob.get_by_id(job_id)


def _actions(job_id: int) -> list[str]:
    query = AuditRecord.select().where(
        (AuditRecord.entity == "print_job") & (AuditRecord.entity_id == str(job_id))
    )
    return [record.action for record in query.order_by(AuditRecord.seq)]


def test_a_received_unit_prints_its_lpn_label_into_the_folder(
    logged_in: ReceivingDesk, database: Database, clock: FixedClock, tmp_path: Path
) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    unit = logged_in.handle_scan(SHIRT_GTIN)
    assert unit.lpn is not None
    folder = tmp_path / "labels"
    printer = PrinterSettings("label", PrinterBackend.FOLDER, str(folder))
    spooler = Spooler(database, clock, logged_in.station, [printer])  # the real PDF renderer

    assert spooler.run_once().printed == 1

    job = PrintJob.get(PrintJob.reference == unit.lpn)
    (label,) = folder.iterdir()
    assert label.name == f"{unit.lpn}-{job.id}.pdf"
    expected = render_lpn_label_pdf(
        LPNLabelData(
            lpn=unit.lpn,
            sku="AP-2001",
            product_name="T-shirt 衬衫",
            rma="RMA00000001",
            received_at="2026-11-24 10:42:00",
            station="DOCK-1",
        ),
        LabelSize.FOUR_BY_SIX,
        203,
    )
    assert label.read_bytes() == expected
    assert (job.state, job.attempts, job.printed_at, job.claimed_at) == (
        "printed",
        1,
        clock.now(),
        clock.now(),
    )
    assert job.claimed_by == spooler.claimant and job.claimed_by.startswith("DOCK-1#")
    assert bytes(job.data) == expected
    assert (job.format, job.label_size, job.dpi) == ("pdf", "4x6", 203)
    assert _actions(job.id) == ["print_job.claimed", "print_job.printed"]
    assert verify_chain().ok
    assert spooler.run_once().printed == 0
    assert print_status(logged_in.station.id) == PrintStatus(0, None)


def test_a_received_unit_prints_its_lpn_label_as_zpl_on_a_thermal_printer(
    logged_in: ReceivingDesk, database: Database, clock: FixedClock, zpl_printer: FakeZPLPrinter
) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    lpn = logged_in.handle_scan(SHIRT_GTIN).lpn
    assert lpn is not None
    printer = PrinterSettings(
        "label", PrinterBackend.RAW9100, zpl_printer.target, LabelFormat.ZPL, "62x29mm", 300
    )
    spooler = Spooler(database, clock, logged_in.station, [printer])  # labels.render_label
    assert spooler.run_once().printed == 1
    (label,) = zpl_printer.wait_for(1)
    assert label.startswith(b"^XA") and label.rstrip().endswith(b"^XZ")
    assert lpn.encode() in label
    job = PrintJob.get(PrintJob.reference == lpn)
    assert (job.format, job.label_size, job.dpi, bytes(job.data)) == ("zpl", "62x29mm", 300, label)


def test_zpl_reaches_the_printer_on_its_port(
    make_spooler: MakeSpooler, station: StationInfo, clock: FixedClock, zpl_printer: FakeZPLPrinter
) -> None:
    first = queue_label(station.id, "LPN0000000001", clock.now())
    second = queue_label(station.id, "LPN0000000002", clock.now())
    spooler = make_spooler(raw(zpl_printer.target))
    assert spooler.run_once().printed == 1  # one label per printer and pass, oldest first
    assert spooler.run_once().printed == 1
    received = zpl_printer.wait_for(2)
    assert received == [bytes(_job(first.id).data), bytes(_job(second.id).data)]
    assert received[0].startswith(b"^XA^FO50,50^FDlpn LPN0000000001 4x6 203^FS")


@pytest.mark.parametrize(
    ("hang", "label_bytes"),
    [(never_accepting_printer, 0), (never_reading_printer, HUGE_LABEL_BYTES)],
)
def test_a_hanging_printer_keeps_the_label_waiting_and_the_pass_short(
    make_spooler: MakeSpooler,
    station: StationInfo,
    clock: FixedClock,
    hang: Callable[[], object],
    label_bytes: int,
) -> None:
    job = queue_label(station.id, "LPN0000000001", clock.now())
    with hang() as target:  # type: ignore[attr-defined]
        spooler = make_spooler(raw(target), render=ZPLRenderer(label_bytes))
        started = time.monotonic()
        run = spooler.run_once()
        assert time.monotonic() - started < TIMEOUT + SLACK
    assert (run.printed, run.failed) == (0, 1)
    waiting = _job(job.id)
    assert (waiting.state, waiting.attempts) == ("failed", 1)
    assert f"within {TIMEOUT:g} s" in waiting.last_error
    assert waiting.next_attempt_at == clock.now() + datetime.timedelta(seconds=5)
    assert len(bytes(waiting.data)) > label_bytes  # rendered once, kept for the retry


def test_a_refusing_printer_keeps_the_label_until_it_is_back_then_sends_the_same_bytes(
    make_spooler: MakeSpooler, station: StationInfo, clock: FixedClock
) -> None:
    port = free_port()
    job = queue_label(station.id, "LPN0000000001", clock.now())
    later = queue_label(station.id, "LPN0000000002", clock.now())
    render = ZPLRenderer()
    spooler = make_spooler(raw(f"127.0.0.1:{port}"), render=render)

    assert spooler.run_once().failed == 1
    refused = _job(job.id)
    assert refused.state == "failed" and "refused the connection" in refused.last_error
    assert print_status(station.id) == PrintStatus(2, refused.last_error)
    # The printer rests until the retry is due: the label behind it is not tried meanwhile.
    clock.advance(seconds=4)
    assert spooler.run_once().failed == 0
    assert _job(later.id).attempts == 0

    printer = FakeZPLPrinter(port)
    try:
        clock.advance(seconds=1)
        assert spooler.run_once().printed == 1
        assert printer.wait_for(1) == [bytes(refused.data)]
    finally:
        printer.close()
    assert render.calls == 1
    printed = _job(job.id)
    assert (printed.state, printed.attempts, printed.printed_at) == ("printed", 2, clock.now())
    assert _actions(job.id) == [
        "print_job.claimed",
        "print_job.failed",
        "print_job.claimed",
        "print_job.printed",
    ]
    assert print_status(station.id) == PrintStatus(1, None)  # the second one is next in line


def test_retries_wait_longer_each_time_then_every_five_minutes(
    make_spooler: MakeSpooler, station: StationInfo, clock: FixedClock
) -> None:
    job = queue_label(station.id, "LPN0000000001", clock.now())
    spooler = make_spooler(raw(f"127.0.0.1:{free_port()}"))
    waits = []
    for _ in range(6):
        assert spooler.run_once().failed == 1
        due = _job(job.id).next_attempt_at
        waits.append(int((due - clock.now()).total_seconds()))
        clock.advance(seconds=waits[-1])
    assert waits == [5, 15, 60, 300, 300, 300]
    assert [retry_delay(attempts).total_seconds() for attempts in (1, 2, 3, 4, 40)] == [
        5,
        15,
        60,
        300,
        300,
    ]
    assert _job(job.id).state == "failed"


@pytest.mark.allow_log_warnings
def test_a_label_that_cannot_be_rendered_waits_without_holding_up_the_others(
    make_spooler: MakeSpooler,
    station: StationInfo,
    clock: FixedClock,
    zpl_printer: FakeZPLPrinter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = queue_label(station.id, "LPN0000000001", clock.now(), kind="parcel")
    fine = queue_label(station.id, "LPN0000000002", clock.now())
    zpl = ZPLRenderer()

    def render(kind: str, payload: object, size: str, dpi: int, label_format: str) -> bytes:
        if kind == "parcel":
            raise LabelError("no parcel label yet", field="kind")
        return zpl(kind, payload, size, dpi, label_format)  # type: ignore[arg-type]

    spooler = make_spooler(raw(zpl_printer.target), render=render)
    assert spooler.run_once().failed == 1
    assert spooler.run_once().printed == 1
    assert zpl_printer.wait_for(1)[0].startswith(b"^XA^FO50,50^FDlpn LPN0000000002")
    waiting = _job(broken.id)
    assert waiting.state == "failed" and "no parcel label yet" in waiting.last_error
    assert waiting.data is None
    assert _job(fine.id).state == "printed"
    assert "cannot be rendered" in caplog.text


def test_a_job_for_a_printer_the_station_lacks_waits_and_says_which(
    make_spooler: MakeSpooler, station: StationInfo, clock: FixedClock, zpl_printer: FakeZPLPrinter
) -> None:
    job = queue_label(station.id, "LPN0000000001", clock.now(), printer="carton")
    spooler = make_spooler(raw(zpl_printer.target))
    assert spooler.run_once().failed == 1
    waiting = _job(job.id)
    assert waiting.state == "failed" and "[printers.carton]" in waiting.last_error


def test_only_the_station_that_queued_a_label_prints_it(
    make_spooler: MakeSpooler,
    database: Database,
    clock: FixedClock,
    zpl_printer: FakeZPLPrinter,
) -> None:
    other = ensure_station(database, "DOCK-2", None, clock.now())
    job = queue_label(other.id, "LPN0000000001", clock.now())
    assert make_spooler(raw(zpl_printer.target)).run_once() == SpoolRun(0, 0)
    assert _job(job.id).state == "queued"


def test_a_claim_left_by_a_dead_spooler_is_taken_over_once_its_lease_ran_out(
    make_spooler: MakeSpooler, station: StationInfo, clock: FixedClock, zpl_printer: FakeZPLPrinter
) -> None:
    stale = queue_label(station.id, "LPN0000000001", clock.now())
    fresh = queue_label(station.id, "LPN0000000002", clock.now())
    for job, age in ((stale, CLAIM_LEASE + datetime.timedelta(seconds=1)), (fresh, CLAIM_LEASE)):
        job.state, job.claimed_by, job.claimed_at = "printing", "DOCK-1#dead", clock.now() - age
        job.save()
    spooler = make_spooler(raw(zpl_printer.target))
    assert spooler.run_once().printed == 1
    assert spooler.run_once().printed == 0
    assert _job(stale.id).state == "printed"
    assert _job(fresh.id).claimed_by == "DOCK-1#dead"


def test_the_loop_prints_what_is_queued_reports_and_stops_when_told(
    make_spooler: MakeSpooler, station: StationInfo, clock: FixedClock, zpl_printer: FakeZPLPrinter
) -> None:
    for number in range(3):
        queue_label(station.id, f"LPN000000000{number}", clock.now())
    stop = threading.Event()
    reports: list[PrintStatus] = []

    def report(status: PrintStatus) -> None:
        reports.append(status)
        if status.waiting == 0:
            stop.set()

    spooler = make_spooler(raw(zpl_printer.target))
    worker = threading.Thread(target=run_spooler, args=(spooler, stop, report, 0.02))
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert len(zpl_printer.wait_for(3)) == 3
    assert reports[-1] == PrintStatus(0, None)
    assert len(reports) == len(set(reports))  # only changes are reported


@pytest.mark.allow_log_warnings
def test_the_loop_outlives_a_database_that_is_out_of_reach_for_a_while(
    sqlite_url: str, zpl_printer: FakeZPLPrinter, caplog: pytest.LogCaptureFixture
) -> None:
    database = open_database(sqlite_url, busy_timeout_ms=50)
    clock = FixedClock(NOW)
    with database.connection_context():
        station = ensure_station(database, "DOCK-1", None, clock.now())
        queue_label(station.id, "LPN0000000001", clock.now())
    locker = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    locker.execute("BEGIN IMMEDIATE")  # another station's long write holds the database
    spooler = Spooler(database, clock, station, [raw(zpl_printer.target)], ZPLRenderer())
    stop = threading.Event()
    worker = threading.Thread(target=run_spooler, args=(spooler, stop, lambda _: None, 0.02))
    worker.start()
    try:
        deadline = time.monotonic() + 5
        while "out of reach" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.01)
        assert "out of reach" in caplog.text
        assert worker.is_alive()
        locker.rollback()
        assert len(zpl_printer.wait_for(1)) == 1
    finally:
        locker.close()
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
