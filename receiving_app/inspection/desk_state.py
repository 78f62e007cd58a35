"""The state one inspection desk shares between its parts: the open database and the session.

No Qt. The session is all a station remembers between commands; every fact lives in the
database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import peewee

from db.models import Inspection
from db.queries import inspections as queries
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.errors import PermissionDenied
from receiving_app.inspection import store
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from receiving_app.receiving import messages as receiving_messages
from receiving_app.scanning import IdPrefixes
from receiving_app.users import Permission, UserInfo, require

OK, WARNING, ERROR = OutcomeLevel.OK, OutcomeLevel.WARNING, OutcomeLevel.ERROR
C = OutcomeCode


@dataclass
class InspectionSession:
    """Who is logged in, the inspection on screen and what waits for a confirmation."""

    user: UserInfo | None = None
    inspection_id: int | None = None
    current_index: int = 0
    graded_lpn: str | None = None  # a graded unit on screen, which ``reinspect`` re-opens
    pending_lpn: str | None = None  # scanned while an inspection was half done


class InspectionState:
    """The database, clock, station and session of one desk, with the helpers all parts use."""

    def __init__(
        self,
        database: peewee.Database,
        clock: Clock,
        station: StationInfo,
        prefixes: IdPrefixes,
        photo_folder: Path | None,
    ) -> None:
        self.db = database
        self.clock = clock
        self.station = station
        self.prefixes = prefixes
        self.photo_folder = photo_folder
        self.session = InspectionSession()

    def inspector(self) -> UserInfo:
        user = self.session.user
        if user is None:
            raise PermissionDenied(receiving_messages.LOGIN_REQUIRED)
        require(user, Permission.INSPECT)
        return user

    def ctx(self) -> store.InspectContext:
        user = self.session.user
        assert user is not None  # every caller checked the login first
        return store.InspectContext(
            user.id, self.station.id, Actor(user.name, self.station.code), self.clock.now()
        )

    def next_scan(self) -> NextScan:
        if self.session.user is None:
            return NextScan.BADGE
        return NextScan.ANSWER if self.session.inspection_id is not None else NextScan.LPN

    def error(self, code: OutcomeCode, message: str, **params: object) -> ScanOutcome:
        return ScanOutcome.make(ERROR, code, message, self.next_scan(), params)

    def leave(self) -> None:
        self.session = InspectionSession(user=self.session.user)

    def current_inspection(self) -> Inspection | None:
        if self.session.inspection_id is None:
            return None
        return queries.inspection_by_id(self.session.inspection_id)

    @staticmethod
    def lpn_of(inspection: Inspection) -> str:
        unit = queries.unit_by_id(inspection.unit_id)
        assert unit is not None
        return unit.lpn
