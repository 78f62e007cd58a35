"""What every supervisor queue needs: who acts, where and when, and the note rule (no Qt)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import peewee

from db.models import User
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.inspection.store import InspectContext
from receiving_app.supervisor import messages
from receiving_app.users import Permission, UserInfo, require, user_info

NOTE_MAX_LENGTH = 500


@dataclass(frozen=True)
class Supervisor:
    """A supervisor at a station, over one database; checked to hold ``Permission.APPROVE``."""

    database: peewee.Database
    clock: Clock
    station: StationInfo
    user: UserInfo

    def __post_init__(self) -> None:
        require(self.user, Permission.APPROVE)

    @property
    def actor(self) -> Actor:
        return Actor(self.user.name, self.station.code)

    def inspect_context(self, now: datetime.datetime) -> InspectContext:
        """The context the inspection and routing steps store beside their changes."""
        return InspectContext(self.user.id, self.station.id, self.actor, now)


def checked_note(note: str, required: bool) -> str:
    """The note stripped; refused when required and empty, or longer than the limit."""
    text = note.strip()
    if required and not text:
        raise InvalidInput(messages.NOTE_NEEDED, limit=NOTE_MAX_LENGTH)
    if len(text) > NOTE_MAX_LENGTH:
        raise InvalidInput(messages.NOTE_TOO_LONG, limit=NOTE_MAX_LENGTH)
    return text


def hours_between(start: datetime.datetime, end: datetime.datetime) -> float:
    """Whole and fractional hours from ``start`` to ``end`` (never negative)."""
    return max((end - start).total_seconds() / 3600, 0.0)


def display_name(user_id: int | None) -> str:
    """A user's display name, or "-" for nobody (a step done by the system)."""
    if user_id is None:
        return "-"
    user = User.get_or_none(User.id == user_id)
    return user.display_name if user is not None else "-"


def supervisor_named(name: str) -> UserInfo:
    """The active user ``name``, who must hold ``Permission.APPROVE`` (for the command line).

    Raises:
        NotFound: no active user has this name.
        PermissionDenied: they may not approve.
    """
    user = User.get_or_none((User.name == name.strip()) & (User.active == True))
    if user is None:
        raise NotFound(messages.NO_SUCH_USER, name=name.strip()[:64])
    info = user_info(user)
    require(info, Permission.APPROVE)
    return info
