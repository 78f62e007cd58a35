"""The receiving desk of one station: turns each scan into one committed step and its outcome.

The desk keeps the station's session (who is logged in, the current parcel, a product waiting
for its serial) and nothing else: every fact lives in the database. Each scan runs in one write
transaction; the outcome is built only after the commit. Parcel scans are handled by
``parcel_scans``, unit scans by ``unit_scans``; this module dispatches and owns the function
keys. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import peewee

from db.models import Parcel
from db.queries import parcels as parcel_queries
from db.queries import photos as photo_queries
from db.transactions import storage_errors, write_transaction
from receiving_app import accounts
from receiving_app.accounts import StationInfo
from receiving_app.clock import Clock
from receiving_app.desk_guard import run_guarded
from receiving_app.errors import InvalidInput
from receiving_app.outcomes import NextScan, ScanOutcome
from receiving_app.photo_store import PhotoRef, PhotoStore
from receiving_app.receiving import messages, steps
from receiving_app.receiving.desk_state import ERROR, OK, WARNING, C, DeskState, Session
from receiving_app.receiving.parcel_scans import ParcelScans
from receiving_app.receiving.unit_scans import UnitScans
from receiving_app.receiving.views import parcel_view
from receiving_app.scanning import (
    CourierTable,
    IdPrefixes,
    Scan,
    ScanKind,
    default_courier_table,
    interpret_scan,
)
from receiving_app.settings import default_photo_folder
from receiving_app.users import Permission, UserInfo, require

CONDITIONS = ("intact", "damaged", "wet", "opened")
NOTE_MAX_LENGTH = 2000


class ReceivingDesk:
    """One station's receiving session over the shared database."""

    def __init__(
        self,
        database: peewee.Database,
        clock: Clock,
        station: StationInfo,
        prefixes: IdPrefixes | None = None,
        couriers: CourierTable | None = None,
        photos: PhotoStore | None = None,
    ) -> None:
        self._state = DeskState(database, clock, station, prefixes or IdPrefixes(), couriers)
        self._photos = photos or PhotoStore(default_photo_folder())
        self._parcels = ParcelScans(self._state)
        self._units = UnitScans(self._state)

    @property
    def station(self) -> StationInfo:
        return self._state.station

    # -- session ------------------------------------------------------------------------------

    @property
    def user(self) -> UserInfo | None:
        return self._state.session.user

    @property
    def parcel_id(self) -> int | None:
        return self._state.session.parcel_id

    def login_with_pin(self, name: str, pin: str) -> ScanOutcome:
        return self._guard(lambda: self._login(accounts.user_by_pin(name, pin), "pin"))

    def logout(self) -> ScanOutcome:
        self._state.session = Session()
        return ScanOutcome.make(OK, C.LOGGED_OUT, messages.LOGGED_OUT, NextScan.BADGE)

    def handle_scan(self, raw: str) -> ScanOutcome:
        """Interpret ``raw`` as the scanner sent it and carry out the step it asks for."""
        scan = interpret_scan(raw, self._state.prefixes, self._state.couriers)
        return self._guard(lambda: self._dispatch(scan))

    def _dispatch(self, scan: Scan) -> ScanOutcome:
        if scan.kind is ScanKind.BADGE:
            return self._login(accounts.user_by_badge(scan.value), "badge")
        user = self._state.session.user
        if user is None:
            return ScanOutcome.make(
                ERROR, C.LOGIN_REQUIRED, messages.LOGIN_REQUIRED, NextScan.BADGE
            )
        require(user, Permission.RECEIVE)
        if scan.kind is ScanKind.LPN:
            return self._units.lpn_scanned(scan.value)
        if self._state.session.pending_product_id is not None and scan.kind not in (
            ScanKind.RMA,
            ScanKind.ORDER,
        ):
            return self._units.serial_for_pending(scan)
        if scan.kind is ScanKind.RMA:
            return self._parcels.rma_scanned(scan.value)
        if scan.kind is ScanKind.ORDER:
            return self._parcels.order_scanned(scan.value)
        parcel = self._state.open_parcel()
        if parcel is not None and scan.kind is not ScanKind.GTIN:  # GTINs: products come first
            sold = self._units.sold_serial_unit(parcel, scan)
            if sold is not None:
                return sold
        if scan.kind is ScanKind.TRACKING or (scan.kind is ScanKind.SSCC and parcel is None):
            return self._parcels.tracking_scanned(scan)
        if parcel is None:
            if scan.kind is ScanKind.UNKNOWN and parcel_queries.rmas_expecting(scan.text):
                return self._parcels.tracking_scanned(scan)
            return self._state.unrecognised(scan, parcel_expected=True)
        return self._units.unit_scanned(parcel, scan)

    # -- logging in -------------------------------------------------------------------------

    def _guard(self, step: Callable[[], ScanOutcome]) -> ScanOutcome:
        return run_guarded(step, self._state.next_scan)

    def _login(self, user: UserInfo | None, method: str) -> ScanOutcome:
        if user is None:
            return ScanOutcome.make(
                ERROR, C.UNKNOWN_BADGE, messages.UNKNOWN_USER, self._state.next_scan()
            )
        accounts.record_login(
            self._state.db, user, self._state.station, self._state.clock.now(), method
        )
        self._state.session = Session(user=user)
        return ScanOutcome.make(
            OK,
            C.LOGGED_IN,
            messages.LOGGED_IN,
            NextScan.PARCEL,
            {
                "user": user.display_name,
                "role": user.role.value,
                "station": self._state.station.code,
            },
        )

    def choose_rma(self, number: str) -> ScanOutcome:
        """The worker picked one of the order's open RMAs (or scanned its number)."""
        scan = interpret_scan(number, self._state.prefixes, self._state.couriers)
        if scan.kind is not ScanKind.RMA:
            return ScanOutcome.make(
                ERROR,
                C.RMA_NOT_FOUND,
                messages.RMA_NOT_FOUND,
                self._state.next_scan(),
                {"rma": number[:40]},
            )
        return self._guard(lambda: self._dispatch(scan))

    def choose_carrier(self, carrier: str) -> ScanOutcome:
        """The worker names the courier of the current parcel: a known courier code."""
        table = self._state.couriers or default_courier_table()
        if table.courier(carrier) is None:
            return ScanOutcome.make(
                ERROR,
                C.UNRECOGNISED,
                messages.BAD_CARRIER,
                self._state.next_scan(),
                {"carrier": carrier[:40]},
            )
        return self._change_parcel("parcel.carrier_set", messages.CARRIER_SET, carrier=carrier)

    def set_condition(self, condition: str) -> ScanOutcome:
        if condition not in CONDITIONS:
            return ScanOutcome.make(
                ERROR,
                C.UNRECOGNISED,
                messages.BAD_CONDITION,
                self._state.next_scan(),
                {"condition": condition, "allowed": ", ".join(CONDITIONS)},
            )
        return self._change_parcel(
            "parcel.condition_set", messages.CONDITION_SET, condition=condition
        )

    def set_note(self, note: str) -> ScanOutcome:
        note = note.strip()
        if len(note) > NOTE_MAX_LENGTH:
            return ScanOutcome.make(
                ERROR,
                C.UNRECOGNISED,
                messages.NOTE_TOO_LONG,
                self._state.next_scan(),
                {"length": len(note), "limit": NOTE_MAX_LENGTH},
            )
        return self._change_parcel("parcel.note_set", messages.NOTE_SET, note=note)

    def _parcel_to_change(self) -> Parcel | ScanOutcome:
        """The open parcel a function key acts on, or the error outcome saying why there is none."""
        user = self._state.session.user
        if user is None:
            return ScanOutcome.make(
                ERROR, C.LOGIN_REQUIRED, messages.LOGIN_REQUIRED, NextScan.BADGE
            )
        require(user, Permission.RECEIVE)
        parcel = self._state.open_parcel()
        if parcel is None:
            return ScanOutcome.make(
                ERROR, C.NO_OPEN_PARCEL, messages.NO_OPEN_PARCEL, self._state.next_scan()
            )
        return parcel

    def _change_parcel(self, action: str, message: str, **changes: str) -> ScanOutcome:
        def change() -> ScanOutcome:
            parcel = self._parcel_to_change()
            if isinstance(parcel, ScanOutcome):
                return parcel
            with write_transaction(self._state.db):
                steps.update_parcel(self._state.ctx(), parcel.id, action, **changes)
            return self._parcels.parcel_outcome(OK, C.PARCEL_UPDATED, message, dict(changes))

        return self._guard(change)

    def attach_parcel_photo(self, source: Path | bytes) -> ScanOutcome:
        """Store a photo of the open parcel (a JPEG or PNG file, or a camera JPEG) and link it.

        The same picture twice on the same parcel adds nothing and says so.
        """

        def attach() -> ScanOutcome:
            parcel = self._parcel_to_change()
            if isinstance(parcel, ScanOutcome):
                return parcel
            try:
                photo = self._photos.store(source)
            except InvalidInput as exc:
                return ScanOutcome.make(
                    ERROR, C.PHOTO_REFUSED, exc.message, self._state.next_scan(), exc.params
                )
            with write_transaction(self._state.db):
                added = steps.add_parcel_photo(self._state.ctx(), parcel.id, photo)
            if added:
                code, message = C.PHOTO_ATTACHED, messages.PARCEL_PHOTO_ADDED
            else:
                code, message = C.PHOTO_REPEAT, messages.PARCEL_PHOTO_REPEAT
            return self._parcels.parcel_outcome(OK, code, message, {"sha256": photo.sha256})

        return self._guard(attach)

    def parcel_photos(self, parcel_id: int) -> list[PhotoRef]:
        """The parcel's photos, oldest first, for thumbnails (a file may be missing on this PC)."""
        with storage_errors():
            rows = photo_queries.photos_of_parcel(parcel_id)
        return [
            PhotoRef(
                row.file_name,
                self._photos.path_of(row.file_name),
                row.taken_at,
                row.taken_by.display_name,
            )
            for row in rows
        ]

    def close_parcel(self) -> ScanOutcome:
        """Close the current parcel and report the RMA lines that did not arrive."""

        def close() -> ScanOutcome:
            parcel = self._parcel_to_change()
            if isinstance(parcel, ScanOutcome):
                return parcel
            if parcel.is_exception and not parcel.note:
                return ScanOutcome.make(
                    ERROR,
                    C.PARCEL_EXCEPTION,
                    messages.NOTE_REQUIRED,
                    NextScan.UNIT,
                    parcel=parcel_view(parcel),
                )
            with write_transaction(self._state.db):
                steps.close_parcel(self._state.ctx(), parcel.id)
            self._state.session = Session(user=self._state.session.user)
            closed = parcel_queries.parcel_by_id(parcel.id)
            assert closed is not None
            view = parcel_view(closed)
            missing = view.missing_lines
            if missing:
                return ScanOutcome.make(
                    WARNING,
                    C.PARCEL_CLOSED,
                    messages.CLOSED_MISSING,
                    NextScan.PARCEL,
                    {"missing": ", ".join(f"{line.sku} ×{line.missing}" for line in missing)},
                    parcel=view,
                )
            return ScanOutcome.make(
                OK, C.PARCEL_CLOSED, messages.CLOSED_COMPLETE, NextScan.PARCEL, parcel=view
            )

        return self._guard(close)
