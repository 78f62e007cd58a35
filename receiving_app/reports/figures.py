"""The disposition report's figures as plain values: what the database said, not yet in words."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from receiving_app.disposition.model import Disposition
from receiving_app.reports.period import ReportPeriod

#: The routes in the order of every per-route column and series.
ROUTES: tuple[Disposition, ...] = tuple(Disposition)
#: The breakdowns, in report order. ``exceptions`` and ``overrides`` group the units that had
#: one (a unit may count in several of their rows).
BREAKDOWNS = (
    "disposition",
    "grade",
    "reason",
    "vendor",
    "category",
    "product",
    "inspector",
    "exceptions",
    "overrides",
)


@dataclass(frozen=True)
class GroupFigures:
    """The units of one group (a vendor, a reason...) and the money they recover or lose.

    ``key`` is stable (a code, a SKU, a user name; "" for "none"); ``name`` is what the database
    calls it (a vendor's or product's name; "" when the key is a code to translate).
    """

    key: str
    name: str
    by_route: tuple[int, ...]  # units per route, in ROUTES order
    recovered: Decimal  # the current route's recovery of the units not scrapped
    scrap_loss: Decimal  # the scrapped units' cost less their liquidation recovery

    @property
    def units(self) -> int:
        return sum(self.by_route)


@dataclass(frozen=True)
class DockToStock:
    """Receipt to put-away (``Unit.received_at`` → ``Unit.moved_at``) of the period's units."""

    moved: int
    not_moved: int
    median_hours: Decimal | None  # None: no unit of the period was moved yet
    p90_hours: Decimal | None


@dataclass(frozen=True)
class DispositionFigures:
    """Every figure of the disposition report for one period."""

    period: ReportPeriod
    totals: GroupFigures
    breakdowns: dict[str, tuple[GroupFigures, ...]]  # BREAKDOWNS → rows
    exception_units: int  # units with at least one exception
    override_units: int  # units whose grade or route was overridden
    daily: tuple[tuple[datetime.date, tuple[int, ...]], ...]  # each day: units per route
    dock_to_stock: DockToStock


__all__ = ["BREAKDOWNS", "ROUTES", "DispositionFigures", "DockToStock", "GroupFigures"]
