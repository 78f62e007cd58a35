"""The demo history's reviewed grade overrides (``demo-data --history-days``)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator

import pytest
from peewee import Database

from db.connection import open_database
from db.models import AuditRecord, Inspection, OverrideReview, Unit, User
from db.schema import upgrade
from receiving_app.audit import verify_chain
from receiving_app.demo_data import DemoSummary, generate_demo_data
from receiving_app.supervisor.override_queue import pending_grade_overrides

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
CUTOFF = NOW - datetime.timedelta(days=3)


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    database.connect()
    upgrade(database)
    yield database
    database.close()


@pytest.fixture
def history(database: Database) -> DemoSummary:
    return generate_demo_data(database, 2000, 7, NOW, history_days=30)


def test_older_overrides_are_approved_by_someone_else(history: DemoSummary) -> None:
    roles = {user.id: user.role for user in User.select()}
    reviews = list(OverrideReview.select())
    assert reviews
    for review in reviews:
        inspection = Inspection.get_by_id(int(review.subject.removeprefix("inspection:")))
        assert review.kind == "grade_override" and review.decision == "approved"
        assert review.unit_id == inspection.unit_id and inspection.override_reason
        assert review.reviewed_by_id != inspection.overridden_by_id
        assert roles[review.reviewed_by_id] in ("supervisor", "admin")
        hours = (review.reviewed_at - inspection.overridden_at).total_seconds() / 3600
        assert 2 <= hours <= 48 and review.reviewed_at < CUTOFF


def test_only_the_last_days_overrides_wait(history: DemoSummary) -> None:
    waiting = pending_grade_overrides()
    assert waiting
    assert all(item.at > CUTOFF - datetime.timedelta(days=2) for item in waiting)
    overridden = Inspection.select().where(Inspection.override_reason.is_null(False)).count()
    assert len(waiting) + OverrideReview.select().count() == overridden


def test_each_approval_is_audited(history: DemoSummary) -> None:
    assert verify_chain().ok
    records = {
        record.entity_id: record
        for record in AuditRecord.select().where(AuditRecord.action == "override.approved")
    }
    assert len(records) == OverrideReview.select().count()
    for review in OverrideReview.select():
        record = records[review.subject]
        unit = Unit.get_by_id(review.unit_id)
        assert record.at == review.reviewed_at.replace(microsecond=0) and not record.before
        assert record.user_name == User.get_by_id(review.reviewed_by_id).name
        assert json.loads(record.after) == {
            "id": review.id,
            "lpn": unit.lpn,
            "kind": "grade_override",
            "note": review.note,
            "grade": unit.grade,
        }
