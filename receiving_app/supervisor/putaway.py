"""Put-away: a graded unit reaches its location and is marked "moved" (no Qt).

The end of dock-to-stock time. A scanned location must be the unit's own (compared without
regard to case or surrounding spaces); a wrong bin is refused naming the right one. Units routed
to ``vendor_return`` are put away into their RTV staging location the same way. Putting a unit
away again changes nothing and says who moved it and when.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import peewee

from db.models import Unit
from db.transactions import for_update, storage_errors, write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.supervisor import messages
from receiving_app.supervisor.common import display_name

MOVED = "moved"


@dataclass(frozen=True)
class PutAway:
    """A unit at its location: when and by whom; ``repeated`` when it was put away before."""

    lpn: str
    disposition: str
    location: str
    moved_at: datetime.datetime
    moved_by: str
    repeated: bool


def put_away(
    database: peewee.Database,
    actor: Actor,
    user_id: int | None,
    now: datetime.datetime,
    lpn: str,
    location: str | None = None,
) -> PutAway:
    """Mark the graded unit ``lpn`` moved to its location (checked against ``location`` when
    one was scanned), audited; ``user_id`` None is a step done by automation.

    Raises:
        NotFound: no unit has this LPN.
        InvalidInput: the unit is not graded and routed, or ``location`` is not its location.
    """
    code = lpn.strip().upper()
    with storage_errors(), write_transaction(database):
        unit = for_update(Unit.select().where(Unit.lpn == code)).first()
        if unit is None:
            raise NotFound(messages.NO_SUCH_UNIT, lpn=code[:32])
        if unit.state == MOVED:
            return _put_away(unit, repeated=True)
        if unit.state != "graded" or unit.location is None or unit.disposition is None:
            raise InvalidInput(messages.NOT_GRADED, lpn=unit.lpn, state=unit.state)
        scanned = (location or "").strip()
        if scanned and scanned.upper() != unit.location.upper():
            raise InvalidInput(
                messages.WRONG_LOCATION, lpn=unit.lpn, scanned=scanned[:64], location=unit.location
            )
        Unit.update(state=MOVED, moved_at=now, moved_by=user_id).where(Unit.id == unit.id).execute()
        append_audit(
            actor,
            now,
            "unit.put_away",
            "unit",
            unit.lpn,
            {"state": unit.state},
            {"state": MOVED, "disposition": unit.disposition, "location": unit.location},
        )
        unit.state, unit.moved_at, unit.moved_by_id = MOVED, now, user_id
        return _put_away(unit, repeated=False)


def _put_away(unit: Unit, repeated: bool) -> PutAway:
    assert unit.moved_at is not None and unit.disposition is not None
    return PutAway(
        lpn=unit.lpn,
        disposition=unit.disposition,
        location=unit.location or "",
        moved_at=unit.moved_at,
        moved_by=display_name(unit.moved_by_id),
        repeated=repeated,
    )
