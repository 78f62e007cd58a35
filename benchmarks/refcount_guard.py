"""PySide6 6.12 on Python 3.11 drops references to None, True and False.

``RefcountGuard`` gives the lost references back between scans (never inside a timed region)
and tells how many were lost. Used by ``benchmarks.scan_window``.
"""

from __future__ import annotations

import ctypes
import sys


class RefcountGuard:
    """Keeps None, True and False alive in a process where PySide6 loses references to them.

    With PySide6 6.12.0 on Python 3.11 every call of a void Qt method (``setText``, ``update``,
    ``processEvents``...) decrements the reference count of None without having taken one
    (6.11.3 does not). Python 3.12 made None, True and False immortal, so it only shows on
    3.11, where the count reaches zero after some thousands of calls and the process aborts
    ("Fatal Python error: none_dealloc"). Between scans (never inside a timed region) the
    benchmark gives back what was lost, by raising the count in place, and it reports how many
    references each scan loses, from which the app's life expectancy follows.
    """

    LOW_WATER = 200_000
    TOP_UP = 1_000_000

    def __init__(self) -> None:
        self._objects = (None, True, False)
        self._mortal = sys.version_info < (3, 12)
        self._added = dict.fromkeys(map(repr, self._objects), 0)
        self._start = self._counts()

    def _counts(self) -> dict[str, int]:
        return {repr(obj): sys.getrefcount(obj) for obj in self._objects}

    def top_up(self) -> None:
        if not self._mortal:
            return
        for obj in self._objects:
            if sys.getrefcount(obj) < self.LOW_WATER:
                # ob_refcnt is the first field of every object on CPython 3.11. Raised for good:
                # the references were dropped by PySide6 and nobody will give them back.
                ctypes.c_ssize_t.from_address(id(obj)).value += self.TOP_UP
                self._added[repr(obj)] += self.TOP_UP

    def lost(self) -> dict[str, int]:
        """References lost since the guard was made (net of what it gave back)."""
        now = self._counts()
        return {name: self._start[name] + self._added[name] - now[name] for name in now}
