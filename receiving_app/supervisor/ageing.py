"""Ageing: the units waiting at the dock, by state, oldest first, against the dock's targets
(no Qt).

Two states wait: "received" (not inspected yet; waiting since it was received) and "graded"
(routed, not moved to its location yet; waiting since its latest routing decision, or its
inspection's completion when it has none).

Both targets run on the unit's ``received_at``: "received" is the time to inspection,
"graded" is dock-to-stock, the whole time from receipt to its location, as the disposition
report measures it. A unit graded quickly is not let off for waiting long after routing, and a
unit inspected late shows as over target at once. The targets are a dock-wide setting
(``ageing_targets``: whole hours per state), validated and audited when changed.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import peewee
from peewee import fn

from db.models import Inspection, Product, Setting, Unit, UnitDisposition
from db.transactions import storage_errors, write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.errors import InvalidInput
from receiving_app.strict_json import DuplicateKeyError, InvalidJSONError, load_strict_json
from receiving_app.supervisor import messages
from receiving_app.supervisor.common import hours_between

TARGETS_SETTING = "ageing_targets"
RECEIVED, GRADED = "received", "graded"
WAITING_STATES = (RECEIVED, GRADED)
DEFAULT_TARGETS: Mapping[str, int] = {RECEIVED: 24, GRADED: 48}
MAX_TARGET_HOURS = 24 * 60


@dataclass(frozen=True)
class WaitingUnit:
    """A unit waiting in ``state``: ``waited_hours`` since ``waiting_since`` (its last step),
    ``age_hours`` since it was received (the targets' clock), and whether that is over target."""

    lpn: str
    sku: str
    state: str
    received_at: datetime.datetime
    waiting_since: datetime.datetime
    waited_hours: float
    age_hours: float
    target_hours: int
    over_target: bool
    disposition: str | None
    location: str | None


@dataclass(frozen=True)
class StateTotals:
    """How many units wait in ``state``, how many are over target, and the oldest's age."""

    state: str
    target_hours: int
    count: int
    over_target: int
    oldest_hours: float | None


@dataclass(frozen=True)
class Ageing:
    """The units waiting, oldest first, and the totals per waiting state."""

    units: tuple[WaitingUnit, ...]
    totals: tuple[StateTotals, ...]


def current_targets() -> dict[str, int]:
    """The dock's targets in hours per waiting state (the defaults until a supervisor sets them).

    Raises:
        InvalidInput: the stored setting is broken (set it again).
    """
    with storage_errors():
        row = Setting.get_or_none(Setting.key == TARGETS_SETTING)
    if row is None:
        return dict(DEFAULT_TARGETS)
    try:
        return targets_from_text(row.value)
    except InvalidInput:
        raise InvalidInput(messages.TARGETS_BROKEN, key=TARGETS_SETTING) from None


def targets_from_text(text: str) -> dict[str, int]:
    """Check targets given as JSON (``{"received": 24, "graded": 48}``; a state left out keeps
    its default) and return all of them.

    Raises:
        InvalidInput: not JSON, not an object, an unknown state or hours out of range.
    """
    try:
        data = load_strict_json(text)
    except (DuplicateKeyError, InvalidJSONError) as exc:
        raise InvalidInput(messages.TARGETS_NOT_JSON, detail=str(exc)) from None
    if not isinstance(data, dict):
        raise InvalidInput(messages.TARGETS_NOT_OBJECT)
    targets = dict(DEFAULT_TARGETS)
    for key, hours in data.items():
        if key not in WAITING_STATES:
            raise InvalidInput(messages.TARGET_UNKNOWN, key=str(key)[:40])
        if isinstance(hours, bool) or not isinstance(hours, int):
            raise InvalidInput(messages.TARGET_BAD_HOURS, key=key, limit=MAX_TARGET_HOURS)
        if not 1 <= hours <= MAX_TARGET_HOURS:
            raise InvalidInput(messages.TARGET_BAD_HOURS, key=key, limit=MAX_TARGET_HOURS)
        targets[key] = hours
    return targets


def save_targets(
    database: peewee.Database, actor: Actor, now: datetime.datetime, text: str
) -> dict[str, int]:
    """Check targets given as JSON text and store them as the dock's setting, audited.

    Raises:
        InvalidInput: the text is refused (see ``targets_from_text``); nothing is stored.
    """
    targets = targets_from_text(text)
    value = json.dumps(targets, sort_keys=True)
    with storage_errors(), write_transaction(database):
        row = Setting.get_or_none(Setting.key == TARGETS_SETTING)
        before = {"value": row.value} if row is not None else None
        Setting.insert(key=TARGETS_SETTING, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()
        append_audit(
            actor, now, "setting.changed", "setting", TARGETS_SETTING, before, {"value": value}
        )
    return targets


def waiting_units(now: datetime.datetime) -> Ageing:
    """The units waiting in each state, oldest first, with the totals."""
    targets = current_targets()
    with storage_errors():
        rows = list(_waiting_rows())
    units = tuple(_waiting(row, targets, now) for row in rows)
    totals = tuple(_totals(state, targets[state], units) for state in WAITING_STATES)
    return Ageing(units, totals)


def _waiting_rows() -> Iterable[tuple[Any, ...]]:
    """(lpn, sku, state, received_at, routed_at, graded_at, disposition, location), oldest first."""
    routed_at = UnitDisposition.select(fn.MAX(UnitDisposition.decided_at)).where(
        UnitDisposition.unit == Unit.id
    )
    graded_at = Inspection.select(fn.MAX(Inspection.completed_at)).where(
        (Inspection.unit == Unit.id) & (Inspection.state == "completed")
    )
    query = (
        Unit.select(
            Unit.lpn,
            Product.sku,
            Unit.state,
            Unit.received_at,
            routed_at,
            graded_at,
            Unit.disposition,
            Unit.location,
        )
        .join(Product, on=Unit.product == Product.id)
        .where(Unit.state.in_(WAITING_STATES))
        .order_by(Unit.received_at, Unit.id)
        .tuples()
    )
    return cast(Iterable[tuple[Any, ...]], query)


def _waiting(
    row: tuple[Any, ...], targets: Mapping[str, int], now: datetime.datetime
) -> WaitingUnit:
    lpn, sku, state, received_at, routed_at, graded_at, disposition, location = row
    since = received_at
    if state == GRADED:
        since = _as_datetime(routed_at or graded_at) or received_at
    age = hours_between(received_at, now)
    return WaitingUnit(
        lpn=lpn,
        sku=sku,
        state=state,
        received_at=received_at,
        waiting_since=since,
        waited_hours=hours_between(since, now),
        age_hours=age,
        target_hours=targets[state],
        over_target=age > targets[state],
        disposition=disposition,
        location=location,
    )


def _as_datetime(value: object) -> datetime.datetime | None:
    """An aggregate's value: SQLite gives MAX() of a date-time column back as text."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.fromisoformat(str(value))


def _totals(state: str, target: int, units: tuple[WaitingUnit, ...]) -> StateTotals:
    ages = [unit.age_hours for unit in units if unit.state == state]
    over = sum(1 for unit in units if unit.state == state and unit.over_target)
    return StateTotals(state, target, len(ages), over, max(ages) if ages else None)
