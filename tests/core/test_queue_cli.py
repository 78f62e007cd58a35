"""``receiving-app queue``, ``putaway`` and ``ageing-targets`` in a process of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import Database

from db.models import AuditRecord, Unit
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.supervisor.ageing import current_targets
from tests.core.report_setup import inspection_desk
from tests.core.supervisor_setup import SCRATCHED, grade_phone

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``receiving-app ...`` in English."""
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""},
    )


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    return inspection_desk(database, clock)


@pytest.fixture
def overridden(desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path) -> str:
    lpn = grade_phone(desk, inspect, dock.phone_serials[0], tmp_path, SCRATCHED)
    assert inspect.override("A", "Looks new").code == "grade_overridden"
    return lpn


def test_the_queues_are_listed_as_text_and_json(overridden: str, db_url: str) -> None:
    approvals = cli("queue", "approvals", "--db", db_url, "--user", "zhang.min", "--json")
    assert approvals.returncode == 0, approvals.stderr
    kinds = {item["kind"]: item for item in json.loads(approvals.stdout)}
    assert kinds["grade_override"]["lpn"] == overridden
    assert (kinds["grade_override"]["before"], kinds["grade_override"]["after"]) == ("B", "A")
    assert cli("queue", "approvals", "--db", db_url).returncode == 1  # who looks?
    assert cli("queue", "approvals", "--db", db_url, "--user", "wang.fang").returncode == 1
    ageing = cli("queue", "ageing", "--db", db_url, "--json")
    assert [unit["lpn"] for unit in json.loads(ageing.stdout)] == [overridden]
    exceptions = cli("queue", "exceptions", "--db", db_url)
    assert exceptions.returncode == 0, exceptions.stderr
    assert "missing" in exceptions.stdout and "AP-2001" in exceptions.stdout


def test_putaway_checks_the_bin_and_says_so_twice(overridden: str, db_url: str) -> None:
    location = Unit.get(Unit.lpn == overridden).location
    wrong = cli("putaway", overridden, "--location", "BIN-X", "--user", "zhang.min", "--db", db_url)
    assert wrong.returncode == 1 and location in wrong.stderr
    first = cli(
        "putaway", overridden, "--location", location, "--user", "zhang.min", "--db", db_url
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"{overridden} put away at {location} by Zhang Min")
    again = cli("putaway", overridden, "--user", "zhang.min", "--db", db_url)
    assert again.returncode == 0 and "already put away" in again.stdout
    assert Unit.get(Unit.lpn == overridden).state == "moved"
    assert AuditRecord.select().where(AuditRecord.action == "unit.put_away").count() == 1


def test_ageing_targets_are_shown_and_set_from_a_file(
    database: Database, dock, db_url: str, tmp_path: Path
) -> None:
    shown = cli("ageing-targets", "--db", db_url)
    assert json.loads(shown.stdout) == {"graded": 48, "received": 24}
    targets = tmp_path / "targets.json"
    targets.write_text('{"received": 12}', encoding="utf-8")
    stored = cli("ageing-targets", "--db", db_url, "--set", str(targets))
    assert stored.returncode == 0, stored.stderr
    assert json.loads(stored.stdout)["received"] == 12 and current_targets()["received"] == 12
    targets.write_text('{"received": "soon"}', encoding="utf-8")
    refused = cli("ageing-targets", "--db", db_url, "--set", str(targets))
    assert refused.returncode == 1 and "received" in refused.stderr
    assert current_targets()["received"] == 12
    assert cli("ageing-targets", "--db", db_url, "--set", str(tmp_path / "no.json")).returncode == 1
