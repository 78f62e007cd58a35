"""A receiving process for the crash test: it receives units until it is killed.

After each answered scan it prints ``OK <lpn> <serial>`` (flushed), the moment a dock worker
would see OK on the screen.
"""

from __future__ import annotations

import sys

from db.connection import open_database
from receiving_app.accounts import ensure_station
from receiving_app.clock import FixedClock
from receiving_app.receiving.desk import ReceivingDesk
from tests.conftest import NOW
from tests.core.seed import PHONE_GTIN, UPS_TRACKING


def main(url: str) -> None:
    database = open_database(url)
    database.connect()
    clock = FixedClock(NOW)
    desk = ReceivingDesk(database, clock, ensure_station(database, "DOCK-9", None, NOW))
    desk.handle_scan("BDG0001")
    desk.handle_scan(UPS_TRACKING)
    for n in range(100_000):
        clock.advance(seconds=3)
        desk.handle_scan(PHONE_GTIN)
        serial = f"SNCRASH{n:06d}"
        outcome = desk.handle_scan(serial)
        if outcome.lpn and outcome.code != "unit_repeat":
            sys.stdout.write(f"OK {outcome.lpn} {serial}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
