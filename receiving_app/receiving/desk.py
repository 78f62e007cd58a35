"""The receiving desk of one station: turns each scan into one committed step and its outcome.

The desk keeps the station's session (who is logged in, the current parcel, a product waiting
for its serial) and nothing else: every fact lives in the database. Each scan runs in one write
transaction; the outcome is built only after the commit. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import peewee

from db.errors import StorageUnavailable
from db.models import RMA, Order, Parcel, Product
from db.queries import parcels as parcel_queries
from db.queries import units as unit_queries
from db.transactions import storage_errors, write_transaction
from receiving_app import accounts
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.errors import PermissionDenied
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, RMAChoice, ScanOutcome
from receiving_app.receiving import messages, steps
from receiving_app.receiving.views import parcel_view, when
from receiving_app.scanning import CourierTable, IdPrefixes, Scan, ScanKind, interpret_scan
from receiving_app.scanning.hints import CONTEXT as SCAN_HINT_CONTEXT
from receiving_app.users import Permission, UserInfo, require

OK, WARNING, ERROR = OutcomeLevel.OK, OutcomeLevel.WARNING, OutcomeLevel.ERROR
C = OutcomeCode

CONDITIONS = ("intact", "damaged", "wet", "opened")
# A scanner that reads one barcode twice sends it twice within this many seconds.
DOUBLE_READ_SECONDS = 2


@dataclass
class _Session:
    user: UserInfo | None = None
    parcel_id: int | None = None
    pending_product_id: int | None = None
    pending_order_id: int | None = None
    pending_tracking: Scan | None = None


class ReceivingDesk:
    """One station's receiving session over the shared database."""

    def __init__(self, database: peewee.Database, clock: Clock, station: StationInfo,
                 prefixes: IdPrefixes | None = None, couriers: CourierTable | None = None) -> None:
        self._db = database
        self._clock = clock
        self.station = station
        self._prefixes = prefixes or IdPrefixes()
        self._couriers = couriers
        self._session = _Session()

    # -- session ------------------------------------------------------------------------------

    @property
    def user(self) -> UserInfo | None:
        return self._session.user

    @property
    def parcel_id(self) -> int | None:
        return self._session.parcel_id

    def login_with_pin(self, name: str, pin: str) -> ScanOutcome:
        return self._guard(lambda: self._login(accounts.user_by_pin(name, pin), "pin"))

    def logout(self) -> ScanOutcome:
        self._session = _Session()
        return ScanOutcome.make(OK, C.LOGGED_OUT, messages.LOGGED_OUT, NextScan.BADGE)

    def current_parcel(self) -> ScanOutcome | None:
        """The current parcel as an outcome-free view holder, for a screen that redraws."""
        if self._session.parcel_id is None:
            return None
        parcel = parcel_queries.parcel_by_id(self._session.parcel_id)
        if parcel is None:
            return None
        return ScanOutcome.make(OK, C.PARCEL_CURRENT, messages.PARCEL_CURRENT, NextScan.UNIT,
                                parcel=parcel_view(parcel))

    # -- the one entry point for scans ------------------------------------------------------

    def handle_scan(self, raw: str) -> ScanOutcome:
        """Interpret ``raw`` as the scanner sent it and carry out the step it asks for."""
        scan = interpret_scan(raw, self._prefixes, self._couriers)
        return self._guard(lambda: self._dispatch(scan))

    def _guard(self, step: Callable[[], ScanOutcome]) -> ScanOutcome:
        """Turn the core's expected failures into error outcomes; nothing was stored for them."""
        try:
            with storage_errors():
                return step()
        except PermissionDenied as exc:
            return ScanOutcome.make(ERROR, C.NOT_ALLOWED, exc.message, self._next(), exc.params,
                                    context=exc.context)
        except StorageUnavailable as exc:
            return ScanOutcome.make(ERROR, C.STORAGE_UNAVAILABLE, messages.STORAGE_UNAVAILABLE,
                                    self._next(), {"detail": str(exc)})

    def _next(self) -> NextScan:
        session = self._session
        if session.user is None:
            return NextScan.BADGE
        if session.pending_product_id is not None:
            return NextScan.SERIAL
        if session.pending_order_id is not None:
            return NextScan.RMA
        return NextScan.UNIT if session.parcel_id is not None else NextScan.PARCEL

    def _dispatch(self, scan: Scan) -> ScanOutcome:
        if scan.kind is ScanKind.BADGE:
            return self._login(accounts.user_by_badge(scan.value), "badge")
        user = self._session.user
        if user is None:
            return ScanOutcome.make(ERROR, C.LOGIN_REQUIRED, messages.LOGIN_REQUIRED,
                                    NextScan.BADGE)
        require(user, Permission.RECEIVE)
        if scan.kind is ScanKind.LPN:
            return self._unit_info(scan.value)
        if self._session.pending_product_id is not None and scan.kind not in (
            ScanKind.RMA, ScanKind.ORDER
        ):
            return self._serial_for_pending(scan)
        if scan.kind is ScanKind.RMA:
            return self._rma_scanned(scan.value)
        if scan.kind is ScanKind.ORDER:
            return self._order_scanned(scan.value)
        parcel = self._open_parcel()
        if parcel is not None:
            sold = self._sold_serial_unit(parcel, scan)
            if sold is not None:
                return sold
        if scan.kind is ScanKind.TRACKING or (scan.kind is ScanKind.SSCC and parcel is None):
            return self._tracking_scanned(scan)
        if parcel is None:
            if scan.kind is ScanKind.UNKNOWN and parcel_queries.rmas_expecting(scan.text):
                return self._tracking_scanned(scan)
            return self._unrecognised(scan, parcel_expected=True)
        return self._unit_scanned(parcel, scan)

    # -- logging in -------------------------------------------------------------------------

    def _login(self, user: UserInfo | None, method: str) -> ScanOutcome:
        if user is None:
            return ScanOutcome.make(ERROR, C.UNKNOWN_BADGE, messages.UNKNOWN_USER, self._next())
        accounts.record_login(self._db, user, self.station, self._clock.now(), method)
        self._session = _Session(user=user)
        return ScanOutcome.make(OK, C.LOGGED_IN, messages.LOGGED_IN, NextScan.PARCEL,
                                {"user": user.display_name, "role": user.role.value,
                                 "station": self.station.code})

    # -- parcels ----------------------------------------------------------------------------

    def _ctx(self) -> steps.StepContext:
        user = self._session.user
        assert user is not None  # every caller checked the login first
        return steps.StepContext(user.id, self.station.id, Actor(user.name, self.station.code),
                                 self._clock.now(), self._prefixes.lpn)

    def _open_parcel(self) -> Parcel | None:
        if self._session.parcel_id is None:
            return None
        parcel = parcel_queries.parcel_by_id(self._session.parcel_id)
        if parcel is None or parcel.state != "open":
            self._session.parcel_id = None
            return None
        return parcel

    def _repeat_parcel(self, parcel: Parcel) -> ScanOutcome:
        """A parcel scanned again: say when, by whom and where it was received first."""
        if parcel.state == "open":  # carried over from another station, or scanned again here
            self._session.parcel_id = parcel.id
            return ScanOutcome.make(WARNING, C.PARCEL_CURRENT, messages.PARCEL_RESUMED,
                                    NextScan.UNIT, self._first_time(parcel),
                                    parcel=parcel_view(parcel))
        return ScanOutcome.make(WARNING, C.PARCEL_REPEAT, messages.PARCEL_REPEAT, self._next(),
                                self._first_time(parcel), parcel=parcel_view(parcel))

    def _first_time(self, row: Parcel) -> dict[str, object]:
        return {"time": when(row.received_at, self._clock.now()),
                "user": row.received_by.display_name, "station": row.station.code}

    def _start_parcel(self, receipt_key: str, scan: Scan | None, rma: RMA | None,
                      order: Order | None) -> ScanOutcome:
        """Close the current parcel (if any) and open the new one, in one transaction."""
        existing = parcel_queries.parcel_by_key(receipt_key)
        if existing is not None:
            return self._repeat_parcel(existing)
        carrier, candidates = self._settle_carrier(scan, rma)
        previous = self._open_parcel()
        try:
            with write_transaction(self._db):
                ctx = self._ctx()
                if previous is not None:
                    steps.close_parcel(ctx, previous.id)
                parcel = steps.open_parcel(
                    ctx, receipt_key, scan.value if scan else None, carrier, candidates,
                    rma, order)
        except peewee.IntegrityError:
            existing = parcel_queries.parcel_by_key(receipt_key)
            if existing is None:
                raise
            return self._repeat_parcel(existing)
        self._session.parcel_id = parcel.id
        self._session.pending_order_id = None
        view = parcel_view(parcel)
        params = {"tracking": view.tracking_number or "-", "rma": view.rma_number or "-",
                  "carrier": carrier or "-", "lines": len(view.lines)}
        if carrier is None and len(candidates) > 1:
            return ScanOutcome.make(WARNING, C.CHOOSE_CARRIER, messages.CHOOSE_CARRIER,
                                    NextScan.UNIT, params, parcel=view,
                                    carrier_choices=candidates)
        if view.is_exception:
            return ScanOutcome.make(WARNING, C.PARCEL_EXCEPTION, messages.PARCEL_EXCEPTION,
                                    NextScan.UNIT, params, parcel=view)
        return ScanOutcome.make(OK, C.PARCEL_RECEIVED, messages.PARCEL_RECEIVED, NextScan.UNIT,
                                params, parcel=view)

    @staticmethod
    def _settle_carrier(scan: Scan | None, rma: RMA | None) -> tuple[str | None, tuple[str, ...]]:
        """The courier: the scan's own, else the one the RMA expects among the candidates."""
        if scan is None or scan.kind is not ScanKind.TRACKING:
            return (rma.expected_carrier if rma else None), ()
        if scan.carrier:
            return scan.carrier, scan.candidates
        expected = rma.expected_carrier if rma else None
        if expected and (not scan.candidates or expected in scan.candidates):
            return expected, scan.candidates
        return None, scan.candidates

    def _tracking_scanned(self, scan: Scan) -> ScanOutcome:
        value = scan.value if scan.kind is ScanKind.TRACKING else scan.text
        rmas = parcel_queries.rmas_expecting(value)
        rma = rmas[0] if len(rmas) == 1 else None
        return self._start_parcel(f"T:{value}", scan, rma, None)

    def _rma_scanned(self, number: str) -> ScanOutcome:
        rma = parcel_queries.rma_by_number(number)
        if rma is None:
            return ScanOutcome.make(ERROR, C.RMA_NOT_FOUND, messages.RMA_NOT_FOUND,
                                    self._next(), {"rma": number})
        parcel = self._open_parcel()
        if parcel is not None and parcel.rma_id is None and rma.status == "open" and (
            parcel.order_id is None or parcel.order_id == rma.order_id
        ):
            with write_transaction(self._db):
                steps.link_rma(self._ctx(), parcel.id, rma)
            self._session.pending_order_id = None
            return self._parcel_outcome(OK, C.RMA_LINKED, messages.RMA_LINKED, {"rma": number})
        if rma.status != "open":
            earlier = parcel_queries.parcel_of_rma(rma.id)
            if earlier is not None:
                return self._repeat_parcel(earlier)
        return self._start_parcel(f"R:{number}", None, rma, None)

    def _order_scanned(self, number: str) -> ScanOutcome:
        order = parcel_queries.order_by_number(number)
        if order is None:
            return ScanOutcome.make(ERROR, C.RMA_NOT_FOUND, messages.ORDER_NOT_FOUND,
                                    self._next(), {"order": number})
        rmas = parcel_queries.open_rmas_of_order(order.id)
        if len(rmas) > 1:
            self._session.pending_order_id = order.id
            choices = tuple(
                RMAChoice(rma.number, rma.reason_code, tuple(parcel_queries.skus_of_rma(rma.id)))
                for rma in rmas
            )
            return ScanOutcome.make(WARNING, C.CHOOSE_RMA, messages.CHOOSE_RMA, NextScan.RMA,
                                    {"order": number, "count": len(rmas)}, rma_choices=choices)
        parcel = self._open_parcel()
        if parcel is not None and parcel.rma_id is None and parcel.order_id is None:
            if rmas:
                with write_transaction(self._db):
                    steps.link_rma(self._ctx(), parcel.id, rmas[0])
                return self._parcel_outcome(OK, C.RMA_LINKED, messages.RMA_LINKED,
                                            {"rma": rmas[0].number})
            with write_transaction(self._db):
                steps.update_parcel(self._ctx(), parcel.id, "parcel.order_linked",
                                    order=order.id)
            return self._parcel_outcome(WARNING, C.PARCEL_UPDATED, messages.ORDER_LINKED_NO_RMA,
                                        {"order": number})
        if rmas:
            return self._start_parcel(f"R:{rmas[0].number}", None, rmas[0], None)
        return self._start_parcel(f"O:{number}", None, None, order)

    def choose_rma(self, number: str) -> ScanOutcome:
        """The worker picked one of the order's open RMAs (or scanned its number)."""
        return self._guard(lambda: self._dispatch(
            interpret_scan(f"{number}", self._prefixes, self._couriers)))

    def choose_carrier(self, carrier: str) -> ScanOutcome:
        return self._change_parcel("parcel.carrier_set", messages.CARRIER_SET, carrier=carrier)

    def set_condition(self, condition: str) -> ScanOutcome:
        if condition not in CONDITIONS:
            return ScanOutcome.make(ERROR, C.UNRECOGNISED, messages.BAD_CONDITION, self._next(),
                                    {"condition": condition, "allowed": ", ".join(CONDITIONS)})
        return self._change_parcel("parcel.condition_set", messages.CONDITION_SET,
                                   condition=condition)

    def set_note(self, note: str) -> ScanOutcome:
        return self._change_parcel("parcel.note_set", messages.NOTE_SET, note=note.strip()[:2000])

    def _parcel_to_change(self) -> Parcel | ScanOutcome:
        """The open parcel a function key acts on, or the error outcome saying why there is none."""
        user = self._session.user
        if user is None:
            return ScanOutcome.make(ERROR, C.LOGIN_REQUIRED, messages.LOGIN_REQUIRED,
                                    NextScan.BADGE)
        require(user, Permission.RECEIVE)
        parcel = self._open_parcel()
        if parcel is None:
            return ScanOutcome.make(ERROR, C.NO_OPEN_PARCEL, messages.NO_OPEN_PARCEL,
                                    self._next())
        return parcel

    def _change_parcel(self, action: str, message: str, **changes: str) -> ScanOutcome:
        def change() -> ScanOutcome:
            parcel = self._parcel_to_change()
            if isinstance(parcel, ScanOutcome):
                return parcel
            with write_transaction(self._db):
                steps.update_parcel(self._ctx(), parcel.id, action, **changes)
            return self._parcel_outcome(OK, C.PARCEL_UPDATED, message, dict(changes))
        return self._guard(change)

    def close_parcel(self) -> ScanOutcome:
        """Close the current parcel and report the RMA lines that did not arrive."""
        def close() -> ScanOutcome:
            parcel = self._parcel_to_change()
            if isinstance(parcel, ScanOutcome):
                return parcel
            if parcel.is_exception and not parcel.note:
                return ScanOutcome.make(ERROR, C.PARCEL_EXCEPTION, messages.NOTE_REQUIRED,
                                        NextScan.UNIT, parcel=parcel_view(parcel))
            with write_transaction(self._db):
                steps.close_parcel(self._ctx(), parcel.id)
            self._session = _Session(user=self._session.user)
            closed = parcel_queries.parcel_by_id(parcel.id)
            assert closed is not None
            view = parcel_view(closed)
            missing = view.missing_lines
            if missing:
                return ScanOutcome.make(
                    WARNING, C.PARCEL_CLOSED, messages.CLOSED_MISSING, NextScan.PARCEL,
                    {"missing": ", ".join(f"{line.sku} ×{line.missing}" for line in missing)},
                    parcel=view)
            return ScanOutcome.make(OK, C.PARCEL_CLOSED, messages.CLOSED_COMPLETE,
                                    NextScan.PARCEL, parcel=view)
        return self._guard(close)

    def _parcel_outcome(self, level: OutcomeLevel, code: OutcomeCode, message: str,
                        params: dict[str, object]) -> ScanOutcome:
        parcel = parcel_queries.parcel_by_id(self._session.parcel_id or 0)
        view = parcel_view(parcel) if parcel is not None else None
        return ScanOutcome.make(level, code, message, self._next(), params, parcel=view)

    # -- units ------------------------------------------------------------------------------

    def _unit_info(self, lpn: str) -> ScanOutcome:
        unit = unit_queries.unit_by_lpn(lpn)
        if unit is None:
            return ScanOutcome.make(ERROR, C.UNRECOGNISED, messages.LPN_NOT_FOUND, self._next(),
                                    {"lpn": lpn})
        return ScanOutcome.make(OK, C.UNIT_INFO, messages.UNIT_INFO, self._next(), {
            "lpn": unit.lpn, "sku": unit.product.sku, "state": unit.state,
            "time": when(unit.received_at, self._clock.now()),
            "user": unit.received_by.display_name, "station": unit.station.code,
        }, lpn=unit.lpn)

    def _sold_serial_unit(self, parcel: Parcel, scan: Scan) -> ScanOutcome | None:
        """A scanned serial that was sold on the parcel's order identifies the unit by itself."""
        if parcel.order_id is None or scan.kind not in (
            ScanKind.UNKNOWN, ScanKind.TRACKING, ScanKind.GTIN
        ):
            return None
        line = unit_queries.order_line_sold_with_serial(parcel.order_id, scan.text)
        if line is None:
            return None
        return self._receive(parcel, line.product, scan.text)

    def _serial_for_pending(self, scan: Scan) -> ScanOutcome:
        parcel = self._open_parcel()
        product = unit_queries.product_by_id(self._session.pending_product_id or 0)
        self._session.pending_product_id = None
        if parcel is None or product is None:
            return self._unrecognised(scan, parcel_expected=parcel is None)
        other = self._product_of(scan)
        if other is not None:  # another product's barcode: the worker moved on
            return self._unit_scanned(parcel, scan)
        serial = scan.serial or scan.text
        if not serial or len(serial) > 64:
            self._session.pending_product_id = product.id
            return ScanOutcome.make(ERROR, C.SERIAL_NEEDED, messages.BAD_SERIAL, NextScan.SERIAL,
                                    {"sku": product.sku})
        return self._receive(parcel, product, serial)

    @staticmethod
    def _product_of(scan: Scan) -> Product | None:
        if scan.gtin:
            return unit_queries.product_by_gtin(scan.gtin)
        if scan.kind is ScanKind.GTIN:
            return unit_queries.product_by_gtin(scan.value)
        if scan.kind is ScanKind.UNKNOWN and scan.text:
            return unit_queries.product_by_sku(scan.text)
        return None

    def _unit_scanned(self, parcel: Parcel, scan: Scan) -> ScanOutcome:
        product = self._product_of(scan)
        if product is None:
            if scan.kind is ScanKind.GTIN:
                return ScanOutcome.make(ERROR, C.UNKNOWN_PRODUCT, messages.UNKNOWN_PRODUCT,
                                        NextScan.UNIT, {"code": scan.value})
            return self._unrecognised(scan, parcel_expected=False)
        if product.serialised and not scan.serial:
            self._session.pending_product_id = product.id
            return ScanOutcome.make(OK, C.SERIAL_NEEDED, messages.SERIAL_NEEDED, NextScan.SERIAL,
                                    {"sku": product.sku, "name": product.name})
        return self._receive(parcel, product, scan.serial if product.serialised else None)

    def _receive(self, parcel: Parcel, product: Product, serial: str | None) -> ScanOutcome:
        repeat = self._repeat_unit(parcel, product, serial)
        if repeat is not None:
            return repeat
        try:
            with write_transaction(self._db):
                ctx = self._ctx()
                key = steps.unit_receipt_key(parcel, product, serial)
                unit = steps.receive_unit(ctx, parcel, product, serial, key)
        except peewee.IntegrityError:
            repeat = self._repeat_unit(parcel, product, serial, ignore_time=True)
            if repeat is None:
                raise
            return repeat
        refreshed = parcel_queries.parcel_by_id(parcel.id)
        assert refreshed is not None
        level, code, message = messages.UNIT_OUTCOMES[unit.match]
        return ScanOutcome.make(level, code, message, NextScan.UNIT,
                                {"lpn": unit.lpn, "sku": product.sku, "serial": serial or "-"},
                                lpn=unit.lpn, parcel=parcel_view(refreshed))

    def _repeat_unit(self, parcel: Parcel, product: Product, serial: str | None,
                     ignore_time: bool = False) -> ScanOutcome | None:
        """The earlier receipt of this very unit, if this scan repeats it."""
        if serial is not None:
            earlier = unit_queries.unit_by_key(steps.unit_receipt_key(parcel, product, serial))
        else:
            earlier = unit_queries.last_unit_of_product(parcel.id, product.id)
            recent = earlier is not None and earlier.station_id == self.station.id and (
                self._clock.now() - earlier.received_at
            ).total_seconds() <= DOUBLE_READ_SECONDS
            if not (recent or ignore_time):
                earlier = None
        if earlier is None:
            return None
        return ScanOutcome.make(WARNING, C.UNIT_REPEAT, messages.UNIT_REPEAT, NextScan.UNIT, {
            "lpn": earlier.lpn, "sku": product.sku,
            "time": when(earlier.received_at, self._clock.now()),
            "user": earlier.received_by.display_name, "station": earlier.station.code,
        }, lpn=earlier.lpn, parcel=parcel_view(parcel))

    def _unrecognised(self, scan: Scan, parcel_expected: bool) -> ScanOutcome:
        if scan.hint:  # the interpreter knows what was wrong (a bad check digit, too long...)
            return ScanOutcome.make(ERROR, C.UNRECOGNISED, scan.hint, self._next(),
                                    dict(scan.hint_params), context=SCAN_HINT_CONTEXT)
        message = messages.EXPECT_PARCEL if parcel_expected else messages.EXPECT_UNIT
        return ScanOutcome.make(ERROR, C.UNRECOGNISED, message, self._next(),
                                {"text": scan.text[:40] or "-"})

