"""Kill a receiving process mid-work: every scan it answered OK is there after restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from db.connection import open_database
from db.models import Unit
from receiving_app.audit import verify_chain
from tests.conftest import NOW
from tests.core.seed import seed_dock

ROOT = Path(__file__).resolve().parents[2]


def test_answered_scans_survive_a_kill(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    with database.connection_context(), database.atomic():
        seed_dock(NOW)
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.core.crash_worker", sqlite_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert worker.stdout is not None
    watchdog = threading.Timer(120, worker.kill)  # a stuck worker fails the test, never hangs it
    watchdog.start()
    answered: list[tuple[str, str]] = []
    for line in worker.stdout:
        _, lpn, serial = line.split()
        answered.append((lpn, serial))
        if len(answered) >= 40:
            break
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    worker.stdout.close()
    watchdog.cancel()
    assert len(answered) == 40

    restarted = open_database(sqlite_url)
    with restarted.connection_context():
        stored = {(unit.lpn, unit.serial) for unit in Unit.select()}
        assert set(answered) <= stored
        assert verify_chain().ok
