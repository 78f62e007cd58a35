"""The append-only audit log, hash-chained so that an edited or deleted record shows (no Qt).

Each record's hash covers its own fields and the previous record's hash. The chain's head (last
sequence number and hash) lives in one row that every writer locks, so records are appended in
order even with several stations on PostgreSQL, and deleting the newest records shows too.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from db.models import AuditHead, AuditRecord
from db.transactions import for_update
from receiving_app.i18n import QT_TRANSLATE_NOOP

GENESIS_HASH = "0" * 64
AUDIT_CONTEXT = "Audit"
# What ``verify_chain`` found wrong (marked text; ``{seq}`` is the record's number).
MISSING = QT_TRANSLATE_NOOP("Audit", "record {seq} is missing")
UNLINKED = QT_TRANSLATE_NOOP("Audit", "its link to the previous record does not hold")
CHANGED = QT_TRANSLATE_NOOP("Audit", "its contents were changed after it was written")
TRUNCATED = QT_TRANSLATE_NOOP("Audit", "records after it were deleted")


@dataclass(frozen=True)
class Actor:
    """Who did it and where: recorded on every audit record."""

    user_name: str | None
    station_code: str | None


def _canonical(value: Mapping[str, object] | None) -> str:
    if value is None:
        return ""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _record_hash(
    seq: int,
    at: datetime.datetime,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str,
    before: str,
    after: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [
            seq,
            at.isoformat(),
            actor.user_name,
            actor.station_code,
            action,
            entity,
            entity_id,
            before,
            after,
            prev_hash,
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append_audit(
    actor: Actor,
    at: datetime.datetime,
    action: str,
    entity: str,
    entity_id: object,
    before: Mapping[str, object] | None = None,
    after: Mapping[str, object] | None = None,
) -> AuditRecord:
    """Append one record to the chain. Call inside the transaction of the change it describes."""
    head = for_update(AuditHead.select().where(AuditHead.id == 1)).first()
    if head is None:
        head = AuditHead.create(id=1, seq=0, hash=GENESIS_HASH)
    seq = head.seq + 1
    at = at.replace(microsecond=0)
    before_text, after_text = _canonical(before), _canonical(after)
    digest = _record_hash(
        seq, at, actor, action, entity, str(entity_id), before_text, after_text, head.hash
    )
    record = AuditRecord.create(
        seq=seq,
        at=at,
        user_name=actor.user_name,
        station_code=actor.station_code,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=before_text,
        after=after_text,
        prev_hash=head.hash,
        hash=digest,
    )
    AuditHead.update(seq=seq, hash=digest).where(AuditHead.id == 1).execute()
    return record


@dataclass(frozen=True)
class ChainReport:
    """The result of checking the chain: ``broken_at`` is the first bad sequence number."""

    records: int
    broken_at: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    """Walk the whole chain in order and report the first record that does not hold."""
    expected_prev, expected_seq, count = GENESIS_HASH, 1, 0
    query = AuditRecord.select().order_by(AuditRecord.seq)
    for record in query.iterator():
        count += 1
        if record.seq != expected_seq:
            return ChainReport(count, expected_seq, MISSING)
        if record.prev_hash != expected_prev:
            return ChainReport(count, record.seq, UNLINKED)
        digest = _record_hash(
            record.seq,
            record.at,
            Actor(record.user_name, record.station_code),
            record.action,
            record.entity,
            record.entity_id,
            record.before,
            record.after,
            record.prev_hash,
        )
        if digest != record.hash:
            return ChainReport(count, record.seq, CHANGED)
        expected_prev, expected_seq = record.hash, expected_seq + 1
    head = AuditHead.get_or_none(AuditHead.id == 1)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    if head_seq != expected_seq - 1 or head_hash != expected_prev:
        return ChainReport(count, expected_seq, TRUNCATED)
    return ChainReport(count, None, None)
