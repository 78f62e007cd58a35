"""The hash-chained audit log shows an edited or deleted record, on both engines."""

from __future__ import annotations

from db.connection import open_database
from db.models import AuditRecord
from db.transactions import write_transaction
from receiving_app.audit import Actor, append_audit, verify_chain
from tests.conftest import NOW


def _write(database, count: int) -> None:
    for n in range(count):
        with write_transaction(database):
            append_audit(
                Actor("li.wei", "DOCK-1"),
                NOW,
                "parcel.received",
                "parcel",
                n,
                None,
                {"n": n, "note": "包裹"},
            )


def test_an_intact_chain_verifies(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        _write(database, 5)
        report = verify_chain()
        assert report.ok and report.records == 5


def test_an_edited_record_breaks_the_chain_at_that_record(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        _write(database, 5)
        AuditRecord.update(after='{"n": 99}').where(AuditRecord.seq == 3).execute()
        report = verify_chain()
        assert report.broken_at == 3
        assert "changed" in (report.problem or "")


def test_a_deleted_record_in_the_middle_shows(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        _write(database, 5)
        AuditRecord.delete().where(AuditRecord.seq == 2).execute()
        assert verify_chain().broken_at == 2


def test_deleting_the_newest_records_shows(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        _write(database, 5)
        AuditRecord.delete().where(AuditRecord.seq >= 4).execute()
        report = verify_chain()
        assert report.broken_at == 4 and "deleted" in (report.problem or "")


def test_a_rolled_back_change_leaves_no_audit_record(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        _write(database, 1)
        try:
            with write_transaction(database):
                append_audit(Actor("li.wei", "DOCK-1"), NOW, "x", "parcel", 1)
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
        assert AuditRecord.select().count() == 1
        assert verify_chain().ok
