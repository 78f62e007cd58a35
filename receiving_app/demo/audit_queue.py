"""Audit records of the demo history, appended through ``append_audit`` in time order (no Qt).

The history draws a parcel's whole life at once (received, inspected hours or days later,
approved later still), so its records come out of order. They wait here and are appended,
oldest first, once nothing drawn later can be older: the chain then reads like a dock's day.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from receiving_app.audit import Actor, append_audit

_Event = tuple[
    datetime.datetime,
    int,
    Actor,
    str,
    str,
    str,
    Mapping[str, object] | None,
    Mapping[str, object] | None,
]


class AuditQueue:
    """Collects audit records and appends them in order of time (ties in order of adding)."""

    def __init__(self) -> None:
        self._events: list[_Event] = []
        self._added = 0
        self.appended = 0

    def add(
        self,
        actor: Actor,
        at: datetime.datetime,
        action: str,
        entity: str,
        entity_id: object,
        before: Mapping[str, object] | None = None,
        after: Mapping[str, object] | None = None,
    ) -> None:
        self._added += 1
        self._events.append((at, self._added, actor, action, entity, str(entity_id), before, after))

    def append_until(self, until: datetime.datetime | None) -> None:
        """Append every record older than ``until`` (all with None), inside the caller's
        transaction."""
        self._events.sort(key=lambda event: (event[0], event[1]))
        cut = len(self._events)
        if until is not None:
            cut = next((i for i, event in enumerate(self._events) if event[0] >= until), cut)
        for at, _, actor, action, entity, entity_id, before, after in self._events[:cut]:
            append_audit(actor, at, action, entity, entity_id, before, after)
        del self._events[:cut]
        self.appended += cut
