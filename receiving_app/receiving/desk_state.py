"""The state one receiving desk shares between its parts: the open database and the session.

No Qt. The session is all a station remembers between scans; every fact lives in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from db.models import Parcel, Unit
from db.queries import parcels as parcel_queries
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from receiving_app.receiving import messages, steps
from receiving_app.receiving.views import when
from receiving_app.scanning import CourierTable, IdPrefixes, Scan
from receiving_app.scanning.hints import CONTEXT as SCAN_HINT_CONTEXT
from receiving_app.users import UserInfo

OK, WARNING, ERROR = OutcomeLevel.OK, OutcomeLevel.WARNING, OutcomeLevel.ERROR
C = OutcomeCode


@dataclass
class Session:
    """Who is logged in, the current parcel, and what the last scan left waiting."""

    user: UserInfo | None = None
    parcel_id: int | None = None
    pending_product_id: int | None = None
    pending_order_id: int | None = None


class DeskState:
    """The database, clock, station and session of one desk, with the helpers all parts use."""

    def __init__(
        self,
        database: peewee.Database,
        clock: Clock,
        station: StationInfo,
        prefixes: IdPrefixes,
        couriers: CourierTable | None,
    ) -> None:
        self.db = database
        self.clock = clock
        self.station = station
        self.prefixes = prefixes
        self.couriers = couriers
        self.session = Session()

    def ctx(self) -> steps.StepContext:
        """Who acts, where and when, for the step about to be written."""
        user = self.session.user
        assert user is not None  # every caller checked the login first
        return steps.StepContext(
            user.id,
            self.station.id,
            Actor(user.name, self.station.code),
            self.clock.now(),
            self.prefixes.lpn,
        )

    def open_parcel(self) -> Parcel | None:
        """The session's parcel while it is still open (another station may have closed it)."""
        if self.session.parcel_id is None:
            return None
        parcel = parcel_queries.parcel_by_id(self.session.parcel_id)
        if parcel is None or parcel.state != "open":
            self.session.parcel_id = None
            return None
        return parcel

    def first_time(self, row: Parcel | Unit) -> dict[str, object]:
        """When, by whom and where ``row`` was received: what a repeated scan is told."""
        return {
            "time": when(row.received_at, self.clock.now()),
            "user": row.received_by.display_name,
            "station": row.station.code,
        }

    def next_scan(self) -> NextScan:
        """What the station expects next, from the session alone."""
        session = self.session
        if session.user is None:
            return NextScan.BADGE
        if session.pending_product_id is not None:
            return NextScan.SERIAL
        if session.pending_order_id is not None:
            return NextScan.RMA
        return NextScan.UNIT if session.parcel_id is not None else NextScan.PARCEL

    def unrecognised(self, scan: Scan, parcel_expected: bool) -> ScanOutcome:
        """The error outcome for a scan that is not what the station can use now."""
        if scan.hint:  # the interpreter knows what was wrong (a bad check digit, too long...)
            return ScanOutcome.make(
                ERROR,
                C.UNRECOGNISED,
                scan.hint,
                self.next_scan(),
                dict(scan.hint_params),
                context=SCAN_HINT_CONTEXT,
            )
        message = messages.EXPECT_PARCEL if parcel_expected else messages.EXPECT_UNIT
        return ScanOutcome.make(
            ERROR, C.UNRECOGNISED, message, self.next_scan(), {"text": scan.text[:40] or "-"}
        )
