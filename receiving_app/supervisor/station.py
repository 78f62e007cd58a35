"""The supervisor's station before its desk opens: a supervisor's badge (or name and PIN) logs in,
anyone else is told the desk is theirs to open (no Qt).

The desk itself (queues, vendor returns, reports) is built for the logged-in supervisor; it is
gone again at log-out, so nothing a supervisor may do outlives their session.
"""

from __future__ import annotations

from peewee import Database

from receiving_app import accounts
from receiving_app.accounts import StationInfo
from receiving_app.clock import Clock
from receiving_app.desk_guard import run_guarded
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from receiving_app.receiving import messages as receiving_messages
from receiving_app.scanning import IdPrefixes, ScanKind, interpret_scan
from receiving_app.users import Permission, UserInfo

LOGGED_IN = QT_TRANSLATE_NOOP("Outcome", "Hello {user} ({role}) at {station}. The desk is open.")
NOT_A_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Outcome", "{user} is {role}: the supervisor's desk opens for supervisors and admins only."
)
EXPECT_BADGE = QT_TRANSLATE_NOOP(
    "Outcome", "{text} is not a badge. Scan a supervisor's badge (or press F2 for name and PIN)."
)


class SupervisorStation:
    """Who is at the supervisor's desk: log in with a badge or name and PIN, log out."""

    def __init__(
        self, database: Database, clock: Clock, station: StationInfo, prefixes: IdPrefixes
    ) -> None:
        self._db = database
        self._clock = clock
        self.station = station
        self._prefixes = prefixes
        self.user: UserInfo | None = None

    def handle_scan(self, raw: str) -> ScanOutcome:
        """A badge logs in; anything else is refused with what to scan instead."""
        scan = interpret_scan(raw, self._prefixes)
        if scan.kind is not ScanKind.BADGE:
            return self._error(OutcomeCode.UNRECOGNISED, EXPECT_BADGE, text=scan.text[:40] or "-")
        return run_guarded(
            lambda: self._login(accounts.user_by_badge(scan.value), "badge"), self._next_scan
        )

    def login_with_pin(self, name: str, pin: str) -> ScanOutcome:
        return run_guarded(
            lambda: self._login(accounts.user_by_pin(name, pin), "pin"), self._next_scan
        )

    def logout(self) -> ScanOutcome:
        self.user = None
        return ScanOutcome.make(
            OutcomeLevel.OK,
            OutcomeCode.LOGGED_OUT,
            receiving_messages.LOGGED_OUT,
            NextScan.BADGE,
        )

    def _login(self, user: UserInfo | None, method: str) -> ScanOutcome:
        if user is None:
            return self._error(OutcomeCode.UNKNOWN_BADGE, receiving_messages.UNKNOWN_USER)
        params = {"user": user.display_name, "role": user.role.value}
        if not user.can(Permission.APPROVE):
            return self._error(OutcomeCode.NOT_ALLOWED, NOT_A_SUPERVISOR, **params)
        accounts.record_login(self._db, user, self.station, self._clock.now(), method)
        self.user = user
        return ScanOutcome.make(
            OutcomeLevel.OK,
            OutcomeCode.LOGGED_IN,
            LOGGED_IN,
            NextScan.BADGE,
            {**params, "station": self.station.code},
        )

    def _next_scan(self) -> NextScan:
        return NextScan.BADGE

    def _error(self, code: OutcomeCode, message: str, **params: object) -> ScanOutcome:
        return ScanOutcome.make(OutcomeLevel.ERROR, code, message, NextScan.BADGE, params)
