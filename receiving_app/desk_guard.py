"""The error boundary every station desk (receiving, inspection) puts around its steps (no Qt).

A refused role or a database that cannot take the write becomes an error outcome: nothing was
stored, and the station says so instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable

from db.errors import StorageUnavailable
from db.transactions import storage_errors
from receiving_app.errors import PermissionDenied
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome

STORAGE_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "Outcome", "Not saved: the database is busy or out of reach. Scan again in a moment."
)


def run_guarded(step: Callable[[], ScanOutcome], next_scan: Callable[[], NextScan]) -> ScanOutcome:
    """Run one desk step; turn the core's expected failures into error outcomes."""
    try:
        with storage_errors():
            return step()
    except PermissionDenied as exc:
        return ScanOutcome.make(
            OutcomeLevel.ERROR,
            OutcomeCode.NOT_ALLOWED,
            exc.message,
            next_scan(),
            exc.params,
            context=exc.context,
        )
    except StorageUnavailable as exc:
        return ScanOutcome.make(
            OutcomeLevel.ERROR,
            OutcomeCode.STORAGE_UNAVAILABLE,
            STORAGE_UNAVAILABLE,
            next_scan(),
            {"detail": str(exc)},
        )
