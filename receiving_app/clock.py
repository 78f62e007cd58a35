"""Time, injected: services ask a Clock, so tests pass a FixedClock instead of patching time."""

from __future__ import annotations

import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime.datetime:
        """The current local time, naive (stored as such in both engines)."""
        ...


class SystemClock:
    def now(self) -> datetime.datetime:
        return datetime.datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, start: datetime.datetime) -> None:
        self._now = start

    def now(self) -> datetime.datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += datetime.timedelta(**delta)
