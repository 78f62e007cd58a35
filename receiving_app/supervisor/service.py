"""The supervisor's desk: the approval, exception and ageing queues and put-away, for the GUI
(no Qt). Every method is one call into the core; each change is one transaction, audited."""

from __future__ import annotations

import datetime

import peewee

from receiving_app.accounts import StationInfo
from receiving_app.clock import Clock
from receiving_app.supervisor import ageing, exception_resolutions
from receiving_app.supervisor.ageing import Ageing
from receiving_app.supervisor.approvals import ApprovalItem, ApprovalQueue
from receiving_app.supervisor.common import Supervisor
from receiving_app.supervisor.exception_queue import (
    DockException,
    ResolvedException,
    open_exceptions,
    resolved_exceptions,
)
from receiving_app.supervisor.putaway import PutAway, put_away
from receiving_app.users import UserInfo


class SupervisorDesk:
    """One supervisor's desk at one station; refused (PermissionDenied) without APPROVE."""

    def __init__(
        self, database: peewee.Database, clock: Clock, station: StationInfo, user: UserInfo
    ) -> None:
        self._sup = Supervisor(database, clock, station, user)
        self._approvals = ApprovalQueue(self._sup)

    @property
    def user(self) -> UserInfo:
        return self._sup.user

    # -- approvals ------------------------------------------------------------------------------

    def approvals(self) -> list[ApprovalItem]:
        """Customer outcomes and overrides waiting for a decision, oldest first."""
        return self._approvals.items()

    def approve(self, key: str, note: str = "") -> None:
        """Approve an item of ``approvals()`` by its key (the note is optional)."""
        self._approvals.approve(key, note)

    def reject(self, key: str, note: str) -> None:
        """Reject an item by its key, with the required note; an override is undone."""
        self._approvals.reject(key, note)

    # -- exceptions -----------------------------------------------------------------------------

    def exceptions(self) -> list[DockException]:
        """The open exceptions, oldest first."""
        return open_exceptions(self._sup.clock.now())

    def link_to_rma(self, subject: str, rma_number: str, note: str = "") -> None:
        exception_resolutions.link_to_rma(self._sup, subject, rma_number, note)

    def link_to_order(self, subject: str, order_number: str, note: str = "") -> None:
        exception_resolutions.link_to_order(self._sup, subject, order_number, note)

    def close_exception(self, subject: str, reason: str) -> None:
        exception_resolutions.close_exception(self._sup, subject, reason)

    def resolved_exceptions(
        self, start: datetime.datetime, end: datetime.datetime
    ) -> list[ResolvedException]:
        """The exceptions resolved from ``start`` to ``end`` (exclusive)."""
        return resolved_exceptions(start, end)

    # -- ageing and put-away --------------------------------------------------------------------

    def ageing(self) -> Ageing:
        """The units waiting, oldest first, with totals per state."""
        return ageing.waiting_units(self._sup.clock.now())

    def ageing_targets(self) -> dict[str, int]:
        return ageing.current_targets()

    def set_ageing_targets(self, text: str) -> dict[str, int]:
        """Check targets given as JSON text and make them the dock's (audited)."""
        sup = self._sup
        return ageing.save_targets(sup.database, sup.actor, sup.clock.now(), text)

    def put_away(self, lpn: str, location: str | None = None) -> PutAway:
        """Mark the unit moved to its location (``location``: the bin scanned, checked)."""
        sup = self._sup
        return put_away(sup.database, sup.actor, sup.user.id, sup.clock.now(), lpn, location)
