"""Parcel scans at a receiving desk: tracking, RMA and order numbers open or find a parcel.

No Qt. Each step runs in one write transaction; outcomes are built after the commit.
"""

from __future__ import annotations

import peewee

from db.models import RMA, Order, Parcel
from db.queries import parcels as parcel_queries
from db.transactions import write_transaction
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, RMAChoice, ScanOutcome
from receiving_app.receiving import messages, steps
from receiving_app.receiving.desk_state import ERROR, OK, WARNING, C, DeskState
from receiving_app.receiving.views import parcel_view
from receiving_app.scanning import Scan, ScanKind


class ParcelScans:
    """Opens, resumes and links parcels for one desk."""

    def __init__(self, state: DeskState) -> None:
        self._state = state

    def repeat_parcel(self, parcel: Parcel) -> ScanOutcome:
        """A parcel scanned again: say when, by whom and where it was received first."""
        if parcel.state == "open":  # carried over from another station, or scanned again here
            self._state.session.parcel_id = parcel.id
            return ScanOutcome.make(
                WARNING,
                C.PARCEL_CURRENT,
                messages.PARCEL_RESUMED,
                NextScan.UNIT,
                self._state.first_time(parcel),
                parcel=parcel_view(parcel),
            )
        return ScanOutcome.make(
            WARNING,
            C.PARCEL_REPEAT,
            messages.PARCEL_REPEAT,
            self._state.next_scan(),
            self._state.first_time(parcel),
            parcel=parcel_view(parcel),
        )

    def start_parcel(
        self, receipt_key: str, scan: Scan | None, rma: RMA | None, order: Order | None
    ) -> ScanOutcome:
        """Close the current parcel (if any) and open the new one, in one transaction."""
        existing = parcel_queries.parcel_by_key(receipt_key)
        if existing is not None:
            return self.repeat_parcel(existing)
        carrier, candidates = self.settle_carrier(scan, rma)
        previous = self._state.open_parcel()
        try:
            with write_transaction(self._state.db):
                ctx = self._state.ctx()
                if previous is not None:
                    steps.close_parcel(ctx, previous.id)
                parcel = steps.open_parcel(
                    ctx, receipt_key, scan.value if scan else None, carrier, candidates, rma, order
                )
        except peewee.IntegrityError:
            existing = parcel_queries.parcel_by_key(receipt_key)
            if existing is None:
                raise
            return self.repeat_parcel(existing)
        self._state.session.parcel_id = parcel.id
        self._state.session.pending_order_id = None
        view = parcel_view(parcel)
        params = {
            "tracking": view.tracking_number or "-",
            "rma": view.rma_number or "-",
            "carrier": carrier or "-",
            "lines": len(view.lines),
        }
        if carrier is None and len(candidates) > 1:
            return ScanOutcome.make(
                WARNING,
                C.CHOOSE_CARRIER,
                messages.CHOOSE_CARRIER,
                NextScan.UNIT,
                params,
                parcel=view,
                carrier_choices=candidates,
            )
        if view.is_exception:
            return ScanOutcome.make(
                WARNING,
                C.PARCEL_EXCEPTION,
                messages.PARCEL_EXCEPTION,
                NextScan.UNIT,
                params,
                parcel=view,
            )
        return ScanOutcome.make(
            OK, C.PARCEL_RECEIVED, messages.PARCEL_RECEIVED, NextScan.UNIT, params, parcel=view
        )

    @staticmethod
    def settle_carrier(scan: Scan | None, rma: RMA | None) -> tuple[str | None, tuple[str, ...]]:
        """The courier: the scan's own, else the one the RMA expects among the candidates."""
        if scan is None or scan.kind is not ScanKind.TRACKING:
            return (rma.expected_carrier if rma else None), ()
        if scan.carrier:
            return scan.carrier, scan.candidates
        expected = rma.expected_carrier if rma else None
        if expected and (not scan.candidates or expected in scan.candidates):
            return expected, scan.candidates
        return None, scan.candidates

    def tracking_scanned(self, scan: Scan) -> ScanOutcome:
        value = scan.value if scan.kind is ScanKind.TRACKING else scan.text
        rmas = parcel_queries.rmas_expecting(value)
        rma = rmas[0] if len(rmas) == 1 else None
        return self.start_parcel(f"T:{value}", scan, rma, None)

    def rma_scanned(self, number: str) -> ScanOutcome:
        rma = parcel_queries.rma_by_number(number)
        if rma is None:
            return ScanOutcome.make(
                ERROR,
                C.RMA_NOT_FOUND,
                messages.RMA_NOT_FOUND,
                self._state.next_scan(),
                {"rma": number},
            )
        parcel = self._state.open_parcel()
        if (
            parcel is not None
            and parcel.rma_id is None
            and rma.status == "open"
            and (parcel.order_id is None or parcel.order_id == rma.order_id)
        ):
            with write_transaction(self._state.db):
                steps.link_rma(self._state.ctx(), parcel.id, rma)
            self._state.session.pending_order_id = None
            return self.parcel_outcome(OK, C.RMA_LINKED, messages.RMA_LINKED, {"rma": number})
        if rma.status != "open":
            earlier = parcel_queries.parcel_of_rma(rma.id)
            if earlier is not None:
                return self.repeat_parcel(earlier)
        return self.start_parcel(f"R:{number}", None, rma, None)

    def order_scanned(self, number: str) -> ScanOutcome:
        order = parcel_queries.order_by_number(number)
        if order is None:
            return ScanOutcome.make(
                ERROR,
                C.RMA_NOT_FOUND,
                messages.ORDER_NOT_FOUND,
                self._state.next_scan(),
                {"order": number},
            )
        rmas = parcel_queries.open_rmas_of_order(order.id)
        if len(rmas) > 1:
            self._state.session.pending_order_id = order.id
            choices = tuple(
                RMAChoice(rma.number, rma.reason_code, tuple(parcel_queries.skus_of_rma(rma.id)))
                for rma in rmas
            )
            return ScanOutcome.make(
                WARNING,
                C.CHOOSE_RMA,
                messages.CHOOSE_RMA,
                NextScan.RMA,
                {"order": number, "count": len(rmas)},
                rma_choices=choices,
            )
        parcel = self._state.open_parcel()
        if parcel is not None and parcel.rma_id is None and parcel.order_id is None:
            if rmas:
                with write_transaction(self._state.db):
                    steps.link_rma(self._state.ctx(), parcel.id, rmas[0])
                return self.parcel_outcome(
                    OK, C.RMA_LINKED, messages.RMA_LINKED, {"rma": rmas[0].number}
                )
            with write_transaction(self._state.db):
                steps.update_parcel(
                    self._state.ctx(), parcel.id, "parcel.order_linked", order=order.id
                )
            return self.parcel_outcome(
                WARNING, C.PARCEL_UPDATED, messages.ORDER_LINKED_NO_RMA, {"order": number}
            )
        if rmas:
            return self.start_parcel(f"R:{rmas[0].number}", None, rmas[0], None)
        return self.start_parcel(f"O:{number}", None, None, order)

    def parcel_outcome(
        self, level: OutcomeLevel, code: OutcomeCode, message: str, params: dict[str, object]
    ) -> ScanOutcome:
        parcel = parcel_queries.parcel_by_id(self._state.session.parcel_id or 0)
        view = parcel_view(parcel) if parcel is not None else None
        return ScanOutcome.make(level, code, message, self._state.next_scan(), params, parcel=view)
