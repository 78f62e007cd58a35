"""Gathering the disposition report's figures with a few aggregate queries (no Qt).

The period's units are those whose **current** routing decision (their latest
``UnitDisposition``) was decided within the period. Every breakdown is one ``GROUP BY`` of those
units by the breakdown's key and their route, counting units and summing two amounts in whole
cents in the database:

- the recovery of the unit's current route, read from that decision's ``recoveries`` JSON
  (restock: the restocked value, refurbish: the resale estimate less the refurbish cost,
  vendor_return: the vendor credit, scrap: the liquidation value), as routing computed it;
- the product's ``unit_cost`` (what the dock paid), which a scrapped unit loses.

Dock-to-stock durations are the only per-unit values read, for the percentiles.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, cast

from peewee import JOIN, SQL, Case, Cast, ColumnBase, Node, NodeList, Select, fn

from db.connection import is_sqlite
from db.models import (
    RMA,
    Inspection,
    Parcel,
    Product,
    RMALine,
    Unit,
    UnitDisposition,
    User,
    Vendor,
    database_proxy,
)
from db.transactions import storage_errors
from receiving_app.disposition.model import Disposition
from receiving_app.reports.figures import (
    ROUTES,
    DispositionFigures,
    DockToStock,
    GroupFigures,
)
from receiving_app.reports.period import ReportPeriod

#: The product breakdown lists this many products (most units first); the rest are one row.
TOP_PRODUCTS = 25
OTHER_PRODUCTS = "*other*"
_CENT = Decimal("0.01")
_HOUR = Decimal("0.1")

_LINE_RMA = RMA.alias("line_rma")
_PARCEL_RMA = RMA.alias("parcel_rma")
_INSPECTOR = User.alias("inspector")


def _recovery_cents() -> Node:
    """The current route's recovery in cents, from the decision's ``{route: "amount"}`` JSON."""
    recoveries, route = UnitDisposition.recoveries, UnitDisposition.route
    if is_sqlite(database_proxy.obj):
        amount: Node = fn.json_extract(recoveries, SQL("'$.'").concat(route))
    else:
        amount = NodeList((Cast(recoveries, "json"), SQL("->>"), route))
    return Cast(fn.ROUND(Cast(amount, "numeric") * 100), "bigint")


def _cost_cents() -> Node:
    return Cast(fn.ROUND(Product.unit_cost * 100), "bigint")


def _in_period(period: ReportPeriod, *columns: Node) -> Select:
    """``columns`` of the units whose current decision was decided in ``period``.

    A unit's current decision is its latest (no later ``UnitDisposition`` of the same unit).
    """
    later = UnitDisposition.alias("later")
    newer = later.select(SQL("1")).where(
        (later.unit == UnitDisposition.unit) & (later.id > UnitDisposition.id)
    )
    return (
        UnitDisposition.select(*columns)
        .join(Unit, on=UnitDisposition.unit == Unit.id)
        .join(Product, on=Unit.product == Product.id)
        .join(Vendor, JOIN.LEFT_OUTER, on=Product.vendor == Vendor.id)
        .switch(Unit)
        .join(Parcel, on=Unit.parcel == Parcel.id)
        .join(_PARCEL_RMA, JOIN.LEFT_OUTER, on=Parcel.rma == _PARCEL_RMA.id)
        .switch(Unit)
        .join(RMALine, JOIN.LEFT_OUTER, on=Unit.rma_line == RMALine.id)
        .join(_LINE_RMA, JOIN.LEFT_OUTER, on=RMALine.rma == _LINE_RMA.id)
        .switch(UnitDisposition)
        .join(Inspection, JOIN.LEFT_OUTER, on=UnitDisposition.inspection == Inspection.id)
        .join(_INSPECTOR, JOIN.LEFT_OUTER, on=Inspection.completed_by == _INSPECTOR.id)
        .where(
            (UnitDisposition.decided_at >= period.begins_at)
            & (UnitDisposition.decided_at < period.ends_before)
            & ~fn.EXISTS(newer)
        )
    )


def _grouped(period: ReportPeriod, key: ColumnBase, name: ColumnBase | None = None) -> Select:
    """The period's units grouped by ``key`` (and ``name``) and route: units, recovery, cost."""
    label = name if name is not None else SQL("''")
    groups = [key] if name is None else [key, name]  # PostgreSQL refuses a constant ('')
    return _in_period(
        period,
        key.alias("k"),
        label.alias("n"),
        UnitDisposition.route,
        fn.COUNT(UnitDisposition.id),
        fn.SUM(_recovery_cents()),
        fn.SUM(_cost_cents()),
    ).group_by(*groups, UnitDisposition.route)


def _flag(condition: Node, key: str | Node) -> ColumnBase:
    """``key`` (a text or a column) where ``condition`` holds, else "" (such rows are dropped)."""
    return cast(ColumnBase, Case(None, [(condition, key)], ""))


def _keys() -> dict[str, tuple[ColumnBase, ColumnBase | None]]:
    """Each breakdown's key expression and, for database names, its name expression."""
    reason = fn.COALESCE(_LINE_RMA.reason_code, _PARCEL_RMA.reason_code, "")
    return {
        "disposition": (UnitDisposition.route, None),
        "grade": (fn.COALESCE(Unit.grade, ""), None),
        "reason": (reason, None),
        "vendor": (fn.COALESCE(Vendor.code, ""), fn.COALESCE(Vendor.name, "")),
        "category": (Product.category, None),
        "product": (Product.sku, Product.name),
        "inspector": (fn.COALESCE(_INSPECTOR.name, ""), fn.COALESCE(_INSPECTOR.display_name, "")),
    }


def _exception_keys() -> tuple[ColumnBase, ...]:
    return (
        _flag(Unit.match != "matched", Unit.match),
        _flag(Parcel.is_exception == True, "exception_parcel"),
    )


def _override_keys() -> tuple[ColumnBase, ...]:
    return (
        _flag(Inspection.override_reason.is_null(False), "grade_override"),
        _flag(UnitDisposition.override_reason.is_null(False), "route_override"),
    )


def _rows(query: Select) -> list[GroupFigures]:
    """Fold (key, name, route) groups into one row per key, most units first."""
    routes: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    recovered: dict[tuple[str, str], int] = defaultdict(int)
    lost: dict[tuple[str, str], int] = defaultdict(int)
    for key, name, route, units, recovery, cost in cast(Iterable[tuple[Any, ...]], query.tuples()):
        group = (str(key), str(name))
        routes[group][route] = routes[group].get(route, 0) + int(units)
        if route == Disposition.SCRAP:
            lost[group] += int(cost or 0) - int(recovery or 0)
        else:
            recovered[group] += int(recovery or 0)
    rows = [
        GroupFigures(
            key=key,
            name=name,
            by_route=tuple(counts.get(route, 0) for route in ROUTES),
            recovered=Decimal(recovered[(key, name)]) * _CENT,
            scrap_loss=Decimal(lost[(key, name)]) * _CENT,
        )
        for (key, name), counts in routes.items()
    ]
    return sorted(rows, key=lambda row: (-row.units, row.key))


def _total(rows: Sequence[GroupFigures], key: str, name: str = "") -> GroupFigures:
    """One row adding ``rows`` up."""
    return GroupFigures(
        key=key,
        name=name,
        by_route=tuple(sum(row.by_route[index] for row in rows) for index in range(len(ROUTES))),
        recovered=sum((row.recovered for row in rows), Decimal(0)),
        scrap_loss=sum((row.scrap_loss for row in rows), Decimal(0)),
    )


def _top_products(rows: list[GroupFigures]) -> tuple[GroupFigures, ...]:
    """The :data:`TOP_PRODUCTS` products with most units, and one row for all the others."""
    if len(rows) <= TOP_PRODUCTS:
        return tuple(rows)
    rest = rows[TOP_PRODUCTS:]
    return (*rows[:TOP_PRODUCTS], _total(rest, OTHER_PRODUCTS, str(len(rest))))


def _flagged(period: ReportPeriod, keys: tuple[ColumnBase, ...]) -> list[GroupFigures]:
    """One row per flag key, from one query per flag expression ("" rows dropped)."""
    rows = [row for key in keys for row in _rows(_grouped(period, key)) if row.key]
    return sorted(rows, key=lambda row: (-row.units, row.key))


def _any_flag_units(period: ReportPeriod, conditions: Node) -> int:
    rows = _rows(_grouped(period, _flag(conditions, "yes")))
    return sum(row.units for row in rows if row.key)


def _dock_to_stock(period: ReportPeriod) -> DockToStock:
    """Median and 90th percentile (nearest rank) of receipt → put-away, in hours."""
    query = _in_period(period, Unit.received_at, Unit.moved_at)
    moved = query.where(Unit.moved_at.is_null(False))
    seconds = sorted(
        (moved_at - received_at).total_seconds()
        for received_at, moved_at in cast(Iterable[tuple[Any, ...]], moved.tuples())
    )
    return DockToStock(
        moved=len(seconds),
        not_moved=query.where(Unit.moved_at.is_null()).count(),
        median_hours=_hours(statistics.median(seconds)) if seconds else None,
        p90_hours=_hours(seconds[math.ceil(0.9 * len(seconds)) - 1]) if seconds else None,
    )


def _hours(seconds: float) -> Decimal:
    return (Decimal(seconds) / 3600).quantize(_HOUR, ROUND_HALF_UP)


def _in_route_order(rows: list[GroupFigures]) -> tuple[GroupFigures, ...]:
    """Every route, in ROUTES order, with a zero row for a route no unit took."""
    found = {row.key: row for row in rows}
    empty = tuple(0 for _ in ROUTES)
    return tuple(
        found.get(route.value, GroupFigures(route.value, "", empty, Decimal(0), Decimal(0)))
        for route in ROUTES
    )


def _breakdowns(period: ReportPeriod) -> dict[str, tuple[GroupFigures, ...]]:
    rows = {name: _rows(_grouped(period, key, label)) for name, (key, label) in _keys().items()}
    return {
        **{name: tuple(found) for name, found in rows.items()},
        "disposition": _in_route_order(rows["disposition"]),
        "product": _top_products(rows["product"]),
        "exceptions": tuple(_flagged(period, _exception_keys())),
        "overrides": tuple(_flagged(period, _override_keys())),
    }


def _daily(period: ReportPeriod) -> tuple[tuple[datetime.date, tuple[int, ...]], ...]:
    """Units per route on each day of the period (days without any: zeros)."""
    # Not coerced: peewee would read SQLite's 'YYYY-MM-DD' back as a datetime.
    day = fn.DATE(UnitDisposition.decided_at).coerce(False)
    found = {row.key: row.by_route for row in _rows(_grouped(period, day))}
    none = tuple(0 for _ in ROUTES)
    return tuple((each, found.get(each.isoformat(), none)) for each in period.each_day())


def gather_disposition_figures(period: ReportPeriod) -> DispositionFigures:
    """Every figure of the disposition report for ``period``, read in one transaction.

    Raises:
        StorageUnavailable: the database cannot be read.
    """
    exceptions = (Unit.match != "matched") | (Parcel.is_exception == True)
    overrides = Inspection.override_reason.is_null(False) | (
        UnitDisposition.override_reason.is_null(False)
    )
    with storage_errors(), database_proxy.atomic():
        breakdowns = _breakdowns(period)
        return DispositionFigures(
            period=period,
            totals=_total(breakdowns["disposition"], "all"),
            breakdowns=breakdowns,
            exception_units=_any_flag_units(period, exceptions),
            override_units=_any_flag_units(period, overrides),
            daily=_daily(period),
            dock_to_stock=_dock_to_stock(period),
        )


__all__ = ["OTHER_PRODUCTS", "TOP_PRODUCTS", "gather_disposition_figures"]
