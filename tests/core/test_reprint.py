"""Scanning a received unit's LPN at a receiving desk prints its labels again, the same bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from peewee import Database

from db.models import AuditRecord, PrintJob
from receiving_app.clock import FixedClock
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.outcomes import OutcomeLevel as L
from receiving_app.printing import Spooler
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.settings import PrinterBackend, PrinterSettings
from tests.core.seed import SHIRT_GTIN, UPS_TRACKING


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "labels"


def _spooler(desk: ReceivingDesk, database: Database, clock: FixedClock, folder: Path) -> Spooler:
    printer = PrinterSettings("label", PrinterBackend.FOLDER, str(folder))
    return Spooler(database, clock, desk.station, [printer])


def _received(desk: ReceivingDesk) -> str:
    desk.handle_scan(UPS_TRACKING)
    outcome = desk.handle_scan(SHIRT_GTIN)
    assert outcome.code == C.UNIT_RECEIVED and outcome.lpn
    return outcome.lpn


def test_an_lpn_whose_label_is_still_queued_gets_no_second_one(logged_in: ReceivingDesk) -> None:
    lpn = _received(logged_in)
    outcome = logged_in.handle_scan(lpn)
    assert (outcome.level, outcome.code, outcome.lpn) == (L.WARNING, C.LABEL_WAITING, lpn)
    assert outcome.params["sku"] == "AP-2001" and outcome.params["station"] == "DOCK-1"
    assert PrintJob.select().where(PrintJob.reference == lpn).count() == 1


def test_a_printed_label_is_printed_again_with_the_same_bytes(
    logged_in: ReceivingDesk, database: Database, clock: FixedClock, folder: Path
) -> None:
    lpn = _received(logged_in)
    spooler = _spooler(logged_in, database, clock, folder)
    assert spooler.run_once().printed == 1
    clock.advance(minutes=3)

    outcome = logged_in.handle_scan(lpn)

    assert (outcome.level, outcome.code, outcome.lpn) == (L.OK, C.LABEL_REPRINTED, lpn)
    first, copy = PrintJob.select().where(PrintJob.reference == lpn).order_by(PrintJob.id)
    assert (copy.state, copy.created_at, copy.station_id) == (
        "queued",
        clock.now(),
        first.station_id,
    )
    assert bytes(copy.data) == bytes(first.data)
    audit = AuditRecord.get(AuditRecord.action == "print_job.reprinted")
    assert (audit.entity_id, audit.user_name, audit.station_code) == (
        str(copy.id),
        "li.wei",
        "DOCK-1",
    )
    assert audit.before == f'{{"copy_of": {first.id}}}'
    assert spooler.run_once().printed == 1
    labels = sorted(folder.iterdir())
    assert [path.name for path in labels] == [f"{lpn}-{first.id}.pdf", f"{lpn}-{copy.id}.pdf"]
    assert labels[0].read_bytes() == labels[1].read_bytes()


def test_the_scanner_reading_the_lpn_twice_prints_one_copy(
    logged_in: ReceivingDesk, database: Database, clock: FixedClock, folder: Path
) -> None:
    lpn = _received(logged_in)
    spooler = _spooler(logged_in, database, clock, folder)
    spooler.run_once()
    clock.advance(seconds=30)
    assert logged_in.handle_scan(lpn).code == C.LABEL_REPRINTED
    spooler.run_once()  # the copy is out before the second read arrives
    clock.advance(seconds=1)
    assert logged_in.handle_scan(lpn).code == C.LABEL_WAITING
    clock.advance(seconds=5)
    assert logged_in.handle_scan(lpn).code == C.LABEL_REPRINTED  # asked for again, later
    assert PrintJob.select().where(PrintJob.reference == lpn).count() == 3


def test_another_station_reprints_on_its_own_printer(
    logged_in: ReceivingDesk,
    make_desk: Callable[[str], ReceivingDesk],
    database: Database,
    clock: FixedClock,
    folder: Path,
) -> None:
    lpn = _received(logged_in)
    _spooler(logged_in, database, clock, folder).run_once()
    other = make_desk("DOCK-2")
    assert other.handle_scan("BDG0001").code == C.LOGGED_IN
    outcome = other.handle_scan(lpn)
    assert outcome.code == C.LABEL_REPRINTED and outcome.params["station"] == "DOCK-1"
    copy = PrintJob.select().where(PrintJob.reference == lpn).order_by(PrintJob.id.desc()).get()
    assert copy.station_id == other.station.id


def test_an_unknown_lpn_is_still_an_error(logged_in: ReceivingDesk) -> None:
    outcome = logged_in.handle_scan("LPN9999999999")
    assert (outcome.level, outcome.code) == (L.ERROR, C.UNRECOGNISED)
    assert PrintJob.select().count() == 0
