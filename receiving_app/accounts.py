"""Accounts and stations in the database: adding users, logging in by badge or PIN (no Qt)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import peewee

from db.models import Station, User
from db.transactions import write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.users import Role, UserInfo, check_pin, hash_pin, user_info, validate_pin


@dataclass(frozen=True)
class StationInfo:
    id: int
    code: str
    name: str


def ensure_station(
    database: peewee.Database, code: str, name: str | None, now: datetime.datetime
) -> StationInfo:
    """The station row for ``code``, created (and audited) on a station's first start."""
    station = Station.get_or_none(Station.code == code)
    if station is None:
        with write_transaction(database):
            station = Station.create(code=code, name=name or code)
            append_audit(
                Actor(None, code),
                now,
                "station.added",
                "station",
                code,
                None,
                {"code": code, "name": station.name},
            )
    return StationInfo(station.id, station.code, station.name)


def add_user(
    database: peewee.Database,
    actor: Actor,
    now: datetime.datetime,
    name: str,
    role: Role,
    display_name: str | None = None,
    badge: str | None = None,
    pin: str | None = None,
) -> UserInfo:
    """Create a user; names and badges are unique, PINs are stored only as a slow salted hash."""
    name = name.strip()
    if not name or len(name) > 64:
        raise InvalidInput(QT_TRANSLATE_NOOP("Error", "A user name is 1 to 64 characters."))
    pin_hash = hash_pin(validate_pin(pin)) if pin is not None else None
    try:
        with write_transaction(database):
            user = User.create(
                name=name,
                display_name=display_name or name,
                role=role.value,
                badge=badge,
                pin_hash=pin_hash,
            )
            append_audit(
                actor,
                now,
                "user.added",
                "user",
                name,
                None,
                {"name": name, "role": role.value, "badge": badge, "has_pin": pin is not None},
            )
    except peewee.IntegrityError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Error", "A user named {name} or with badge {badge} already exists."),
            name=name,
            badge=badge or "-",
        ) from None
    return user_info(user)


def user_by_badge(badge: str) -> UserInfo | None:
    user = User.get_or_none((User.badge == badge) & (User.active == True))
    return user_info(user) if user else None


def user_by_pin(name: str, pin: str) -> UserInfo | None:
    """The active user ``name`` if ``pin`` is theirs; None for a wrong name or PIN alike."""
    user = User.get_or_none((User.name == name.strip()) & (User.active == True))
    if user is None or not check_pin(pin, user.pin_hash):
        return None
    return user_info(user)


def record_login(
    database: peewee.Database,
    user: UserInfo,
    station: StationInfo,
    now: datetime.datetime,
    method: str,
) -> None:
    with write_transaction(database):
        append_audit(
            Actor(user.name, station.code),
            now,
            "user.login",
            "user",
            user.name,
            None,
            {"method": method},
        )
