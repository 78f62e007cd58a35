"""The dashboard's data: today's and this week's numbers, returns over time, the units behind a
bar (no Qt).

Timestamps are stored as naive local time (``receiving_app.clock``), so the dock's day starts at
local midnight and its week on Monday at local midnight (ISO week). Every figure is counted in
SQL; day buckets are a ``CASE`` over precomputed midnights, which both SQLite and PostgreSQL
compare as plain timestamps, so no engine-specific date function is needed.

Keys are stored codes (reason codes, vendor codes, dispositions) plus ``NONE_KEY`` and
``OTHER_KEY``; the UI translates them (``ui/domain_words.py``, ``DISPOSITION_TEXTS``).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, cast

import peewee
from peewee import JOIN, SQL, Case, fn

from db.models import (
    RMA,
    CustomerOutcome,
    Inspection,
    Parcel,
    Product,
    RMALine,
    Unit,
    UnitDisposition,
    Vendor,
)
from db.transactions import storage_errors
from receiving_app.clock import Clock
from receiving_app.disposition.model import Disposition
from receiving_app.receiving.matching import Match

NONE_KEY = "none"  # a unit without an RMA line (reason) or a product without a vendor
OTHER_KEY = "other"  # the keys folded together after the TOP_KEYS largest
TOP_KEYS = 6
DEFAULT_DAYS = 14
MAX_DAYS = 366
UNITS_BEHIND_LIMIT = 500
# The matches receiving records as a dock exception on a unit (a parcel's own is its flag).
EXCEPTION_MATCHES = (Match.WRONG_ITEM, Match.SERIAL_MISMATCH, Match.EXTRA)


class Dimension(StrEnum):
    """What a returns-over-time chart splits units by."""

    REASON = "reason"  # the reason code of the RMA of the unit's RMA line, else NONE_KEY
    DISPOSITION = "disposition"  # the unit's current disposition, on the day it was decided
    VENDOR = "vendor"  # the vendor code of the unit's product, else NONE_KEY


@dataclass(frozen=True)
class PeriodNumbers:
    """What the dock did in one period; ``units_routed`` has every disposition as a key."""

    parcels_received: int
    units_received: int
    units_inspected: int
    units_routed: Mapping[str, int]
    units_put_away: int
    exceptions_opened: int


@dataclass(frozen=True)
class DashboardNumbers:
    """Today's and this ISO week's numbers, and the customer outcomes waiting now."""

    as_of: datetime.datetime
    today: PeriodNumbers
    this_week: PeriodNumbers
    outcomes_pending: int


@dataclass(frozen=True)
class ReturnsSeries:
    """Units per key and local day: ``counts[k][d]`` is key ``keys[k]`` on ``days[d]``.

    ``keys`` are sorted by total, largest first, with ``OTHER_KEY`` last when keys were folded.
    """

    dimension: Dimension
    days: tuple[datetime.date, ...]
    keys: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def totals(self) -> tuple[int, ...]:
        """Each key's units over all the days (the slices of a pie)."""
        return tuple(sum(row) for row in self.counts)


@dataclass(frozen=True)
class UnitRow:
    """One unit behind a bar or a slice."""

    lpn: str
    sku: str
    product_name: str
    state: str
    grade: str | None
    disposition: str | None
    location: str | None
    received_at: datetime.datetime


def dashboard_numbers(database: peewee.Database, clock: Clock) -> DashboardNumbers:
    """Count today's and this week's work at the dock, as one consistent read."""
    now = clock.now()
    today = _midnight(now.date())
    week = today - datetime.timedelta(days=now.weekday())
    end = today + datetime.timedelta(days=1)
    with storage_errors(), database.atomic():
        parcels = _pair_counts(
            Parcel, Parcel.received_at, week, today, end, extra=Parcel.is_exception
        )
        units = _pair_counts(
            Unit, Unit.received_at, week, today, end, extra=Unit.match.in_(EXCEPTION_MATCHES)
        )
        inspected = _inspected(week, today, end)
        put_away = _pair_counts(Unit, Unit.moved_at, week, today, end)
        routed = _routed(database, week, today, end)
        pending = CustomerOutcome.select().where(CustomerOutcome.state == "pending").count()
    return DashboardNumbers(
        as_of=now,
        today=PeriodNumbers(
            parcels_received=parcels[1],
            units_received=units[1],
            units_inspected=inspected[1],
            units_routed=routed[1],
            units_put_away=put_away[1],
            exceptions_opened=parcels[3] + units[3],
        ),
        this_week=PeriodNumbers(
            parcels_received=parcels[0],
            units_received=units[0],
            units_inspected=inspected[0],
            units_routed=routed[0],
            units_put_away=put_away[0],
            exceptions_opened=parcels[2] + units[2],
        ),
        outcomes_pending=pending,
    )


def returns_over_time(
    database: peewee.Database,
    clock: Clock,
    dimension: Dimension | str,
    days: int = DEFAULT_DAYS,
) -> ReturnsSeries:
    """Units per key for each of the last ``days`` local days, today included.

    Reasons and vendors count units on the day they were received. Dispositions count units on
    the day their current disposition was decided, so a unit re-routed today moves to today's
    bar under its new route and is never counted twice.

    Raises:
        ValueError: ``days`` is not 1 to ``MAX_DAYS`` or ``dimension`` is unknown (a caller's bug:
            the UI offers fixed choices).
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 1 to {MAX_DAYS}, not {days}")
    dimension = Dimension(dimension)
    today = clock.now().date()
    day_list = tuple(today - datetime.timedelta(days=days - 1 - i) for i in range(days))
    bounds = [_midnight(day) for day in day_list] + [_midnight(today + datetime.timedelta(days=1))]
    query, key, stamp = _dimension_query(Unit.select(), dimension)
    bucket = Case(None, [(stamp < bound, i) for i, bound in enumerate(bounds[1:-1])], days - 1)
    rows = (
        query.select(bucket, key, fn.COUNT(Unit.id))
        .where((stamp >= bounds[0]) & (stamp < bounds[-1]))
        .group_by(SQL("1"), SQL("2"))  # by position: PostgreSQL can't match parametrised CASEs
        .tuples()
    )
    with storage_errors():
        cells = [(int(day), str(code), int(count)) for day, code, count in _rows(rows, database)]
    return _fold(dimension, day_list, cells)


def units_behind(
    database: peewee.Database,
    series: ReturnsSeries,
    key: str,
    day_index: int,
    limit: int = UNITS_BEHIND_LIMIT,
) -> list[UnitRow]:
    """The units counted in ``series`` under ``key`` on ``days[day_index]``, newest first.

    ``day_index`` -1 means every day of the series (a pie slice). ``OTHER_KEY`` stands for every
    key the series did not name. At most ``limit`` units are returned.
    """
    if day_index == -1:
        start, end = series.days[0], series.days[-1]
    else:
        start = end = series.days[day_index]
    base = Unit.select(
        Unit.lpn,
        Product.sku,
        Product.name,
        Unit.state,
        Unit.grade,
        Unit.disposition,
        Unit.location,
        Unit.received_at,
    ).join(Product, on=Unit.product == Product.id)
    query, key_field, stamp = _dimension_query(base, series.dimension)
    named = [k for k in series.keys if k != OTHER_KEY]
    chosen = key_field.not_in(named) if key == OTHER_KEY and named else key_field == key
    rows = (
        query.where(
            chosen
            & (stamp >= _midnight(start))
            & (stamp < _midnight(end + datetime.timedelta(days=1)))
        )
        .order_by(Unit.received_at.desc(), Unit.id.desc())
        .limit(limit)
        .tuples()
    )
    with storage_errors():
        return [UnitRow(*row) for row in _rows(rows, database)]


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min)


def _rows(query: peewee.ModelSelect[Any], database: peewee.Database) -> Iterable[tuple[Any, ...]]:
    """Run a ``.tuples()`` query on ``database``; its rows, typed as such (peewee's stubs type
    them as models)."""
    return cast(Iterable[tuple[Any, ...]], query.execute(database))


def _row(query: peewee.ModelSelect[Any]) -> tuple[Any, ...]:
    """The one row of an aggregate ``.tuples()`` query."""
    return cast(tuple[Any, ...], query.get())


def _pair_counts(
    model: type[peewee.Model],
    stamp: peewee.Field,
    week: datetime.datetime,
    today: datetime.datetime,
    end: datetime.datetime,
    extra: peewee.ColumnBase | None = None,
) -> tuple[int, ...]:
    """Rows stamped this week and today; with ``extra``, also those of them that match it."""
    since_today = stamp >= today
    columns = [fn.COUNT(SQL("*")), _count_when(since_today)]
    if extra is not None:
        columns += [_count_when(extra), _count_when(extra & since_today)]
    row = _row(model.select(*columns).where((stamp >= week) & (stamp < end)).tuples())
    return tuple(int(value or 0) for value in row)


def _count_when(condition: peewee.ColumnBase) -> peewee.Function:
    return fn.SUM(Case(None, [(condition, 1)], 0))


def _inspected(
    week: datetime.datetime, today: datetime.datetime, end: datetime.datetime
) -> tuple[int, int]:
    """Units with a completed inspection this week and today (a re-inspected unit counts once)."""
    stamp = Inspection.completed_at
    row = _row(
        Inspection.select(
            fn.COUNT(Inspection.unit.distinct()),
            fn.COUNT(Case(None, [(stamp >= today, Inspection.unit)], None).distinct()),
        )
        .where((Inspection.state == "completed") & (stamp >= week) & (stamp < end))
        .tuples()
    )
    return int(row[0]), int(row[1])


def _routed(
    database: peewee.Database,
    week: datetime.datetime,
    today: datetime.datetime,
    end: datetime.datetime,
) -> tuple[dict[str, int], dict[str, int]]:
    """Units per current disposition, decided this week and today."""
    query, key, stamp = _dimension_query(Unit.select(), Dimension.DISPOSITION)
    rows = (
        query.select(key, fn.COUNT(Unit.id), _count_when(stamp >= today))
        .where((stamp >= week) & (stamp < end))
        .group_by(key)
        .tuples()
    )
    this_week = dict.fromkeys(map(str, Disposition), 0)
    today_counts = dict(this_week)
    for route, in_week, in_today in _rows(rows, database):
        this_week[route] = int(in_week)
        today_counts[route] = int(in_today or 0)
    return this_week, today_counts


def _dimension_query(
    query: peewee.ModelSelect[Unit], dimension: Dimension
) -> tuple[peewee.ModelSelect[Unit], peewee.ColumnBase, peewee.Field]:
    """``query`` on Unit joined to what ``dimension`` needs, with its key and its timestamp."""
    if dimension is Dimension.REASON:
        joined = (
            query.join(RMALine, JOIN.LEFT_OUTER, on=Unit.rma_line == RMALine.id)
            .join(RMA, JOIN.LEFT_OUTER, on=RMALine.rma == RMA.id)
            .switch(Unit)
        )
        return joined, fn.COALESCE(RMA.reason_code, NONE_KEY), Unit.received_at
    if dimension is Dimension.VENDOR:
        product = Product.alias("key_product")
        joined = (
            query.join(product, on=Unit.product == product.id)
            .join(Vendor, JOIN.LEFT_OUTER, on=product.vendor == Vendor.id)
            .switch(Unit)
        )
        return joined, fn.COALESCE(Vendor.code, NONE_KEY), Unit.received_at
    return _current_decisions(query), Unit.disposition, UnitDisposition.decided_at


def _current_decisions(query: peewee.ModelSelect[Unit]) -> peewee.ModelSelect[Unit]:
    """Join each routed unit to the latest decision of its current disposition.

    Matching the route as well as the unit keeps the right day if a later decision was undone
    (the unit then carries an earlier route again).
    """
    later = UnitDisposition.alias("later")
    newer = later.select(SQL("1")).where(
        (later.unit == UnitDisposition.unit)
        & (later.route == UnitDisposition.route)
        & (later.id > UnitDisposition.id)
    )
    return (
        query.join(
            UnitDisposition,
            on=(UnitDisposition.unit == Unit.id) & (UnitDisposition.route == Unit.disposition),
        )
        .switch(Unit)
        .where(~fn.EXISTS(newer))
    )


def _fold(
    dimension: Dimension, days: tuple[datetime.date, ...], cells: list[tuple[int, str, int]]
) -> ReturnsSeries:
    """Sort keys by total (then by name) and fold those after the ``TOP_KEYS`` largest."""
    totals: Counter[str] = Counter()
    for _, code, count in cells:
        totals[code] += count
    ranked = sorted(totals, key=lambda code: (-totals[code], code))
    keys = ranked if len(ranked) <= TOP_KEYS else [*ranked[:TOP_KEYS], OTHER_KEY]
    position = {code: min(i, TOP_KEYS) for i, code in enumerate(ranked)}
    matrix = [[0] * len(days) for _ in keys]
    for day, code, count in cells:
        matrix[position[code]][day] += count
    return ReturnsSeries(dimension, days, tuple(keys), tuple(tuple(row) for row in matrix))
