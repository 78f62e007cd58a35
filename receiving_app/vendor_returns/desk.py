"""The supervisor's vendor-return desk: batches, their paperwork, closing and shipping (no Qt).

One supervisor's view of the batches: the GUI builds one per logged-in supervisor and calls
these methods (in a task, for the PDFs); the command line calls the module functions behind
them as its station. Only a user who may approve (a supervisor) gets a desk.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

import peewee

from db.transactions import storage_errors
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor
from receiving_app.clock import Clock
from receiving_app.i18n import TranslateFn
from receiving_app.users import Permission, UserInfo, require
from receiving_app.vendor_returns import batches as changes
from receiving_app.vendor_returns import documents
from receiving_app.vendor_returns.prefix_setting import company_prefix, set_company_prefix
from receiving_app.vendor_returns.sscc import CompanyPrefix
from receiving_app.vendor_returns.views import (
    STATES,
    BatchDetail,
    BatchSummary,
    batch_detail,
    list_batches,
)


class VendorReturns:
    """Vendor-return batches as one supervisor works them."""

    def __init__(
        self, database: peewee.Database, clock: Clock, station: StationInfo, user: UserInfo
    ) -> None:
        require(user, Permission.APPROVE)
        self._db = database
        self._clock = clock
        self._station = station
        self._user = user

    def batches(self, states: Collection[str] = STATES) -> list[BatchSummary]:
        """Batches in ``states`` (open, closed, shipped), open ones first."""
        return list_batches(self._clock.now().date(), states)

    def detail(self, number: str) -> BatchDetail:
        """One batch with its cartons and units; raises NotFound."""
        return batch_detail(number, self._clock.now().date())

    def set_vendor_rma(self, number: str, vendor_rma: str) -> str:
        """See :func:`batches.set_vendor_rma`."""
        return changes.set_vendor_rma(self._acting(), number, vendor_rma)

    def close(self, number: str, cartons: int = 1) -> tuple[str, ...]:
        """See :func:`batches.close_batch`; the carton labels go to this station's queue."""
        return changes.close_batch(self._acting(), number, cartons)

    def ship(
        self,
        number: str,
        carrier: str,
        shipped_on: datetime.date | None = None,
        tracking: str | None = None,
    ) -> datetime.date:
        """See :func:`batches.ship_batch`."""
        return changes.ship_batch(self._acting(), number, carrier, shipped_on, tracking)

    def manifest_pdf(self, number: str, tr: TranslateFn) -> bytes:
        """The batch's manifest as an A4 PDF in ``tr``'s language."""
        return documents.manifest_pdf(self.detail(number), tr)

    def manifest_csv(self, number: str, tr: TranslateFn) -> bytes:
        """The batch's manifest as CSV (:data:`documents.CSV_COLUMNS`)."""
        return documents.manifest_csv(self.detail(number), tr)

    def carton_labels_pdf(
        self, number: str, tr: TranslateFn, size: str = "4x6", dpi: int = 203
    ) -> bytes:
        """The closed batch's carton labels as one PDF, shipped from this station."""
        with storage_errors():
            return documents.carton_labels_pdf(
                self.detail(number), self._station.name, tr, size, dpi
            )

    def company_prefix(self) -> CompanyPrefix | None:
        """The dock's GS1 company prefix, or None while none is set."""
        return company_prefix()

    def set_company_prefix(self, prefix: str, extension: int = 0) -> CompanyPrefix:
        """See :func:`prefix_setting.set_company_prefix`."""
        actor = Actor(self._user.name, self._station.code)
        return set_company_prefix(self._db, actor, self._clock.now(), prefix, extension)

    def _acting(self) -> changes.Acting:
        actor = Actor(self._user.name, self._station.code)
        return changes.Acting(self._db, actor, self._user.id, self._station.id, self._clock.now())
