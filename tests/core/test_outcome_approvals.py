"""The approval queue of customer outcomes and their CSV export (both engines)."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from peewee import Database

from db.models import AuditRecord, CustomerOutcome, Product
from receiving_app.accounts import ensure_station, user_by_badge
from receiving_app.clock import FixedClock
from receiving_app.customer_outcome.approvals import EXPORT_COLUMNS, OutcomeApprovals
from receiving_app.customer_outcome.store import current_policy
from receiving_app.errors import InvalidInput, PermissionDenied
from receiving_app.inspection.service import InspectionDesk
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from tests.core.report_setup import inspection_desk
from tests.core.test_inspection_desk import ALL_CLEAR, PNG, receive_phone

ROOT = Path(__file__).resolve().parents[2]


def outcomes_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``receiving-app outcomes ...`` in a process of its own, in English."""
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "outcomes", *args],
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
def pending_refund(
    desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path
) -> CustomerOutcome:
    """A phone whose defect the inspection found: a 399 refund, above the automatic limit."""
    lpn = receive_phone(desk, dock.phone_serials[0])
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    for step_id, value in {**ALL_CLEAR, "powers_on": False}.items():
        inspect.answer(step_id, value)
    photo = tmp_path / "p.png"
    photo.write_bytes(PNG)
    inspect.attach_photo("photo_overall", photo)
    assert inspect.complete().params["grade"] == "C"
    return CustomerOutcome.get()


@pytest.fixture
def approvals(database: Database, clock: FixedClock) -> OutcomeApprovals:
    station = ensure_station(database, "SUPER-1", None, clock.now())
    supervisor = user_by_badge("BDG0003")
    assert supervisor is not None
    return OutcomeApprovals(database, clock, station, supervisor)


def test_only_supervisors_work_the_queue(database: Database, clock: FixedClock, dock) -> None:
    station = ensure_station(database, "SUPER-1", None, clock.now())
    inspector = user_by_badge("BDG0002")
    assert inspector is not None
    with pytest.raises(PermissionDenied):
        OutcomeApprovals(database, clock, station, inspector)


def test_a_pending_refund_is_approved_once_and_audited(
    pending_refund: CustomerOutcome, approvals: OutcomeApprovals
) -> None:
    [waiting] = approvals.pending()
    assert (waiting.outcome, waiting.refund_amount, waiting.rma) == (
        "refund",
        pending_refund.refund_amount,
        "RMA00000001",
    )
    assert any("above the" in note for note, _params in waiting.notes)
    approvals.approve(waiting.id, "receipt checked")
    row = CustomerOutcome.get_by_id(waiting.id)
    assert (row.state, row.decision_note) == ("approved", "receipt checked")
    assert row.decided_by_id is not None
    assert approvals.pending() == []
    with pytest.raises(InvalidInput) as again:
        approvals.reject(waiting.id, "changed my mind")
    assert again.value.params["user"] == "Zhang Min"
    assert (
        AuditRecord.select().where(AuditRecord.action == "customer_outcome.approved").count() == 1
    )


def test_a_rejection_needs_a_note(
    pending_refund: CustomerOutcome, approvals: OutcomeApprovals
) -> None:
    with pytest.raises(InvalidInput):
        approvals.reject(pending_refund.id, "  ")
    assert CustomerOutcome.get_by_id(pending_refund.id).state == "pending"
    approvals.reject(pending_refund.id, "Damage is the customer's")
    assert CustomerOutcome.get_by_id(pending_refund.id).state == "rejected"


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM for spreadsheets
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_approved_outcomes_export_once_then_again_by_date(
    pending_refund: CustomerOutcome, approvals: OutcomeApprovals, clock: FixedClock
) -> None:
    assert read_csv(approvals.export_csv()[0]) == []  # nothing approved yet
    approvals.approve(pending_refund.id)
    data, ids = approvals.export_csv()
    [row] = read_csv(data)
    assert list(row) == list(EXPORT_COLUMNS)
    assert (row["rma"], row["order"], row["sku"], row["outcome"]) == (
        "RMA00000001",
        "SO00000001",
        "EL-1001",
        "refund",
    )
    assert (row["refund_amount"], row["approved_by"]) == ("399.00", "zhang.min")
    assert approvals.mark_exported(ids) == 1
    assert read_csv(approvals.export_csv()[0]) == []  # exported: not again by default
    today = clock.now().date()
    again, again_ids = approvals.export_csv(today, today)
    assert again_ids == ids and len(read_csv(again)) == 1
    tomorrow = today + datetime.timedelta(days=1)
    assert approvals.export_csv(tomorrow, tomorrow)[1] == []


def test_a_cell_a_spreadsheet_would_run_is_neutralised(
    pending_refund: CustomerOutcome, approvals: OutcomeApprovals
) -> None:
    Product.update(sku='=HYPERLINK("http://x")').where(Product.sku == "EL-1001").execute()
    approvals.approve(pending_refund.id)
    [row] = read_csv(approvals.export_csv()[0])
    assert row["sku"] == '\'=HYPERLINK("http://x")'


def test_the_export_command_marks_what_it_wrote(
    pending_refund: CustomerOutcome, approvals: OutcomeApprovals, db_url: str, tmp_path: Path
) -> None:
    approvals.approve(pending_refund.id)
    target = tmp_path / "outcomes.csv"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return outcomes_cli("export", "--db", db_url, *args)

    first = run("-o", str(target))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"1 outcomes written to {target}."
    assert len(read_csv(target.read_bytes())) == 1
    assert CustomerOutcome.get_by_id(pending_refund.id).exported_at is not None
    second = run("-o", str(target))
    assert second.stdout.startswith("0 outcomes") and read_csv(target.read_bytes()) == []
    day = CustomerOutcome.get_by_id(pending_refund.id).decided_at.date().isoformat()
    again = run("-o", str(target), "--again", "--from", day, "--to", day)
    assert again.returncode == 0 and len(read_csv(target.read_bytes())) == 1
    assert run("-o", str(target), "--again").returncode == 2
    assert run("-o", str(tmp_path / "missing" / "x.csv")).returncode == 1


def test_the_policy_command_shows_and_sets_the_policy(
    database: Database, dock, db_url: str, tmp_path: Path
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return outcomes_cli("policy", "--db", db_url, *args)

    shown = run()
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["refund_days"] == 7
    policy = tmp_path / "policy.json"
    policy.write_text(
        '{"refund_days": 10, "auto_approve_limit": 199.99, "parts": {"home": {"damage": 12.5}}}',
        encoding="utf-8",
    )
    stored = run("--set", str(policy))
    assert stored.returncode == 0, stored.stderr
    assert json.loads(stored.stdout)["auto_approve_limit"] == 199.99
    assert current_policy().auto_approve_limit == Decimal("199.99")
    assert current_policy().parts["home"]["damage"] == Decimal("12.5")
    assert AuditRecord.select().where(AuditRecord.action == "setting.changed").count() == 1
    policy.write_text('{"refund_days": -1}', encoding="utf-8")
    refused = run("--set", str(policy))
    assert refused.returncode == 1 and "refund_days" in refused.stderr
    assert current_policy().refund_days == 10  # unchanged
    assert run("--set", str(tmp_path / "missing.json")).returncode == 1
