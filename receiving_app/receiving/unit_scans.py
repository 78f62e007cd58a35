"""Unit scans at a receiving desk: identify the unit, match it, give it its LPN.

No Qt. A repeated scan of the same unit is answered from the database and writes nothing.
"""

from __future__ import annotations

import datetime

import peewee

from db.models import Parcel, Product
from db.queries import parcels as parcel_queries
from db.queries import units as unit_queries
from db.transactions import write_transaction
from receiving_app.outcomes import NextScan, ScanOutcome
from receiving_app.printing.reprint import reprint
from receiving_app.receiving import messages, steps
from receiving_app.receiving.desk_state import ERROR, OK, WARNING, C, DeskState
from receiving_app.receiving.views import parcel_view, when
from receiving_app.scanning import Scan, ScanKind

# A scanner that reads one barcode twice sends it twice within this many seconds.
DOUBLE_READ_SECONDS = 2


class UnitScans:
    """Receives units into the desk's open parcel."""

    def __init__(self, state: DeskState) -> None:
        self._state = state

    def lpn_scanned(self, lpn: str) -> ScanOutcome:
        """A unit's LPN: print its labels again and say what the unit is.

        The labels still waiting for a printer, or queued here a moment ago (a double read),
        get no second copy.
        """
        unit = unit_queries.unit_by_lpn(lpn)
        if unit is None:
            return ScanOutcome.make(
                ERROR, C.UNRECOGNISED, messages.LPN_NOT_FOUND, self._state.next_scan(), {"lpn": lpn}
            )
        with write_transaction(self._state.db):
            ctx = self._state.ctx()
            double_read = datetime.timedelta(seconds=DOUBLE_READ_SECONDS)
            result = reprint(ctx.actor, ctx.station_id, unit.lpn, ctx.now, ctx.now - double_read)
        if result.queued:
            level, code, message = OK, C.LABEL_REPRINTED, messages.LABEL_REPRINTED
        elif result.waiting:
            level, code, message = WARNING, C.LABEL_WAITING, messages.LABEL_WAITING
        else:  # no label was ever queued for it
            level, code, message = OK, C.UNIT_INFO, messages.UNIT_INFO
        return ScanOutcome.make(
            level,
            code,
            message,
            self._state.next_scan(),
            {
                "lpn": unit.lpn,
                "sku": unit.product.sku,
                "state": unit.state,
                "time": when(unit.received_at, self._state.clock.now()),
                "user": unit.received_by.display_name,
                "station": unit.station.code,
            },
            lpn=unit.lpn,
        )

    def sold_serial_unit(self, parcel: Parcel, scan: Scan) -> ScanOutcome | None:
        """A scanned serial that was sold on the parcel's order identifies the unit by itself."""
        if parcel.order_id is None or scan.kind not in (
            ScanKind.UNKNOWN,
            ScanKind.TRACKING,
            ScanKind.GTIN,
        ):
            return None
        line = unit_queries.order_line_sold_with_serial(parcel.order_id, scan.text)
        if line is None:
            return None
        return self.receive(parcel, line.product, scan.text)

    def serial_for_pending(self, scan: Scan) -> ScanOutcome:
        parcel = self._state.open_parcel()
        product = unit_queries.product_by_id(self._state.session.pending_product_id or 0)
        self._state.session.pending_product_id = None
        if parcel is None or product is None:
            return self._state.unrecognised(scan, parcel_expected=parcel is None)
        other = self.product_of(scan)
        if other is not None:  # another product's barcode: the worker moved on
            return self.unit_scanned(parcel, scan)
        serial = scan.serial or scan.text
        if not serial or len(serial) > 64:
            self._state.session.pending_product_id = product.id
            return ScanOutcome.make(
                ERROR, C.SERIAL_NEEDED, messages.BAD_SERIAL, NextScan.SERIAL, {"sku": product.sku}
            )
        return self.receive(parcel, product, serial)

    @staticmethod
    def product_of(scan: Scan) -> Product | None:
        if scan.gtin:
            return unit_queries.product_by_gtin(scan.gtin)
        if scan.kind is ScanKind.GTIN:
            return unit_queries.product_by_gtin(scan.value)
        if scan.kind is ScanKind.UNKNOWN and scan.text:
            return unit_queries.product_by_sku(scan.text)
        return None

    def unit_scanned(self, parcel: Parcel, scan: Scan) -> ScanOutcome:
        product = self.product_of(scan)
        if product is None:
            if scan.kind is ScanKind.GTIN:
                # A serial can be all digits with a valid GTIN check digit by chance.
                sold = self.sold_serial_unit(parcel, scan)
                if sold is not None:
                    return sold
                return ScanOutcome.make(
                    ERROR,
                    C.UNKNOWN_PRODUCT,
                    messages.UNKNOWN_PRODUCT,
                    NextScan.UNIT,
                    {"code": scan.value},
                )
            return self._state.unrecognised(scan, parcel_expected=False)
        if product.serialised and not scan.serial:
            self._state.session.pending_product_id = product.id
            return ScanOutcome.make(
                OK,
                C.SERIAL_NEEDED,
                messages.SERIAL_NEEDED,
                NextScan.SERIAL,
                {"sku": product.sku, "name": product.name},
            )
        return self.receive(parcel, product, scan.serial if product.serialised else None)

    def receive(self, parcel: Parcel, product: Product, serial: str | None) -> ScanOutcome:
        repeat = self.repeat_unit(parcel, product, serial)
        if repeat is not None:
            return repeat
        try:
            with write_transaction(self._state.db):
                ctx = self._state.ctx()
                key = steps.unit_receipt_key(parcel, product, serial)
                unit = steps.receive_unit(ctx, parcel, product, serial, key)
        except peewee.IntegrityError:
            repeat = self.repeat_unit(parcel, product, serial, ignore_time=True)
            if repeat is None:
                raise
            return repeat
        refreshed = parcel_queries.parcel_by_id(parcel.id)
        assert refreshed is not None
        level, code, message = messages.UNIT_OUTCOMES[unit.match]
        return ScanOutcome.make(
            level,
            code,
            message,
            NextScan.UNIT,
            {"lpn": unit.lpn, "sku": product.sku, "serial": serial or "-"},
            lpn=unit.lpn,
            parcel=parcel_view(refreshed),
        )

    def repeat_unit(
        self, parcel: Parcel, product: Product, serial: str | None, ignore_time: bool = False
    ) -> ScanOutcome | None:
        """The earlier receipt of this very unit, if this scan repeats it."""
        if serial is not None:
            earlier = unit_queries.unit_by_key(steps.unit_receipt_key(parcel, product, serial))
        else:
            earlier = unit_queries.last_unit_of_product(parcel.id, product.id)
            recent = (
                earlier is not None
                and earlier.station_id == self._state.station.id
                and (self._state.clock.now() - earlier.received_at).total_seconds()
                <= DOUBLE_READ_SECONDS
            )
            if not (recent or ignore_time):
                earlier = None
        if earlier is None:
            return None
        return ScanOutcome.make(
            WARNING,
            C.UNIT_REPEAT,
            messages.UNIT_REPEAT,
            NextScan.UNIT,
            {
                "lpn": earlier.lpn,
                "sku": product.sku,
                "time": when(earlier.received_at, self._state.clock.now()),
                "user": earlier.received_by.display_name,
                "station": earlier.station.code,
            },
            lpn=earlier.lpn,
            parcel=parcel_view(parcel),
        )
