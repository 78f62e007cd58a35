"""Spoolers racing over one print queue, each on its own connection: no label is sent twice, none
is left behind, and no station prints another station's labels."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

import pytest
from peewee import Database

from db.models import AuditRecord, PrintJob
from receiving_app.accounts import StationInfo, ensure_station
from receiving_app.clock import FixedClock
from receiving_app.printing import Spooler, SpoolRun
from receiving_app.settings import LabelFormat, PrinterBackend, PrinterSettings
from tests.core.printers import FakeZPLPrinter, ZPLRenderer, queue_label

LABELS = 12


@pytest.fixture
def printers() -> Iterator[tuple[FakeZPLPrinter, FakeZPLPrinter]]:
    first, second = FakeZPLPrinter(), FakeZPLPrinter()
    yield first, second
    first.close()
    second.close()


def _spooler(
    database: Database, clock: FixedClock, station: StationInfo, printer: FakeZPLPrinter
) -> Spooler:
    settings = PrinterSettings(
        "label", PrinterBackend.RAW9100, printer.target, LabelFormat.ZPL, timeout=5
    )
    return Spooler(database, clock, station, [settings], ZPLRenderer())


def _drain_together(spoolers: Sequence[Spooler], database: Database) -> None:
    """Every spooler runs passes at the same moment, until no spooler finds anything to do."""
    barrier = threading.Barrier(len(spoolers))
    errors: list[BaseException] = []

    def work(spooler: Spooler) -> None:
        try:
            with database.connection_context():
                barrier.wait(timeout=10)
                idle = 0
                while idle < 3:  # the other may still hold a claim when this one finds nothing
                    idle = idle + 1 if spooler.run_once() == SpoolRun(0, 0) else 0
        except BaseException as exc:  # noqa: BLE001 (re-raised in the test thread below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(spooler,)) for spooler in spoolers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def _printed_once_each(printer: FakeZPLPrinter, lpns: list[str]) -> None:
    received = printer.wait_for(len(lpns))
    sent = sorted(label.split(b" ")[1].decode() for label in received)
    assert sent == sorted(lpns), "a label was sent twice, or not at all"


def test_two_spoolers_of_one_station_never_send_a_label_twice(
    database: Database, clock: FixedClock, printers: tuple[FakeZPLPrinter, FakeZPLPrinter]
) -> None:
    """The app started twice on one station (or two PCs given the same station code)."""
    station = ensure_station(database, "DOCK-1", None, clock.now())
    lpns = [f"LPN{number:010d}" for number in range(LABELS)]
    for lpn in lpns:
        queue_label(station.id, lpn, clock.now())
    printer = printers[0]
    spoolers = [_spooler(database, clock, station, printer) for _ in range(2)]
    _drain_together(spoolers, database)
    _printed_once_each(printer, lpns)
    assert PrintJob.select().where(PrintJob.state != "printed").count() == 0
    claims = AuditRecord.select().where(AuditRecord.action == "print_job.claimed").count()
    assert claims == LABELS
    assert {job.claimed_by for job in PrintJob.select()} <= {s.claimant for s in spoolers}


def test_two_stations_sharing_the_queue_each_print_only_their_own_labels(
    database: Database, clock: FixedClock, printers: tuple[FakeZPLPrinter, FakeZPLPrinter]
) -> None:
    stations = [ensure_station(database, code, None, clock.now()) for code in ("DOCK-1", "DOCK-2")]
    lpns: dict[int, list[str]] = {station.id: [] for station in stations}
    for number in range(LABELS):
        station = stations[number % 2]
        lpn = f"LPN{number:010d}"
        queue_label(station.id, lpn, clock.now())
        lpns[station.id].append(lpn)
    spoolers = [
        _spooler(database, clock, station, printer)
        for station, printer in zip(stations, printers, strict=True)
    ]
    _drain_together(spoolers, database)
    for station, printer in zip(stations, printers, strict=True):
        _printed_once_each(printer, lpns[station.id])
    assert PrintJob.select().where(PrintJob.state != "printed").count() == 0
