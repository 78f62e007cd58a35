"""The dashboard's numbers, returns over time and the units behind a bar (both engines).

Rows are written straight into the tables with chosen timestamps, so every day boundary is
known; a demo history is checked against counts made in Python from every row.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from collections.abc import Iterator

import pytest
from peewee import Database

from db.models import (
    RMA,
    ChecklistVersion,
    CustomerOutcome,
    Inspection,
    Parcel,
    Product,
    RMALine,
    RoutingRulesVersion,
    Station,
    Unit,
    UnitDisposition,
    User,
    Vendor,
)
from receiving_app.clock import FixedClock
from receiving_app.demo_data import generate_demo_data
from receiving_app.supervisor.dashboard import (
    NONE_KEY,
    OTHER_KEY,
    Dimension,
    ReturnsSeries,
    dashboard_numbers,
    returns_over_time,
    units_behind,
)
from tests.conftest import NOW
from tests.core.seed import Dock

# NOW is Tuesday 2026-11-24 10:42: the ISO week began on Monday the 23rd at local midnight.
TUESDAY = datetime.datetime(2026, 11, 24)
MONDAY = TUESDAY - datetime.timedelta(days=1)
JUST_BEFORE = datetime.timedelta(seconds=1)
_numbers = itertools.count(1)


class Rows:
    """Writes parcels, units, inspections, decisions and outcomes at chosen times."""

    def __init__(self) -> None:
        self.station = Station.create(code="DOCK-T", name="Test dock")
        self.user = User.get(User.name == "li.wei")
        self.checklist = ChecklistVersion.create(
            category="electronics", version=1, name="Phones", body="{}", loaded_at=NOW
        )
        self.rules = RoutingRulesVersion.create(version=1, name="Rules", body="{}", saved_at=NOW)

    def parcel(self, at: datetime.datetime, *, exception: bool = False) -> Parcel:
        return Parcel.create(
            receipt_key=f"T{next(_numbers)}",
            is_exception=exception,
            station=self.station,
            received_by=self.user,
            received_at=at,
        )

    def unit(
        self,
        at: datetime.datetime,
        *,
        sku: str = "AP-2001",
        rma: str | None = None,
        match: str = "matched",
        parcel: Parcel | None = None,
    ) -> Unit:
        number = next(_numbers)
        line = None
        if rma is not None:
            line = RMALine.select().join(RMA).where(RMA.number == rma).first()
        return Unit.create(
            lpn=f"LPN{number:010d}",
            receipt_key=f"U{number}",
            parcel=parcel or self.parcel(at),
            product=Product.get(Product.sku == sku),
            rma_line=line,
            match=match,
            station=self.station,
            received_by=self.user,
            received_at=at,
        )

    def inspection(
        self, unit: Unit, completed_at: datetime.datetime | None, state: str = "completed"
    ) -> None:
        Inspection.create(
            unit=unit,
            checklist_version=self.checklist,
            state=state,
            station=self.station,
            started_by=self.user,
            started_at=completed_at or NOW,
            completed_at=completed_at,
        )

    def route(self, unit: Unit, route: str, at: datetime.datetime) -> None:
        UnitDisposition.create(
            unit=unit,
            rules_version=self.rules,
            route=route,
            location=f"{route.upper()}-1",
            reasons="[]",
            recoveries="{}",
            decided_by=self.user,
            decided_at=at,
        )
        Unit.update(disposition=route, location=f"{route.upper()}-1").where(
            Unit.id == unit.id
        ).execute()

    def outcome(self, unit: Unit, state: str) -> None:
        CustomerOutcome.create(
            unit=unit,
            requested="refund",
            outcome="refund",
            state=state,
            notes="[]",
            proposed_at=NOW,
        )


@pytest.fixture
def rows(database: Database, dock: Dock) -> Rows:
    return Rows()


def test_numbers_count_today_and_this_week_from_local_midnight(
    database: Database, rows: Rows, clock: FixedClock
) -> None:
    last_week = rows.unit(MONDAY - JUST_BEFORE, match="wrong_item")
    monday = rows.unit(MONDAY, match="extra")
    monday_late = rows.unit(TUESDAY - JUST_BEFORE, match="serial_mismatch")
    today = rows.unit(TUESDAY, match="wrong_item")
    rows.unit(TUESDAY + datetime.timedelta(hours=9))
    rows.unit(TUESDAY + datetime.timedelta(days=1))  # tomorrow's stamp: not counted yet
    rows.parcel(TUESDAY, exception=True)
    rows.parcel(MONDAY - JUST_BEFORE, exception=True)
    rows.inspection(last_week, MONDAY - JUST_BEFORE)
    rows.inspection(monday, MONDAY + datetime.timedelta(hours=2))
    rows.inspection(monday, TUESDAY + datetime.timedelta(hours=1))  # re-inspected: one unit
    rows.inspection(today, None, state="in_progress")
    rows.route(monday, "restock", MONDAY + datetime.timedelta(hours=3))
    rows.route(monday, "refurbish", TUESDAY + datetime.timedelta(hours=2))  # re-routed today
    rows.route(monday_late, "scrap", TUESDAY - JUST_BEFORE)
    rows.route(last_week, "vendor_return", MONDAY - JUST_BEFORE)
    Unit.update(moved_at=TUESDAY + datetime.timedelta(hours=3)).where(
        Unit.id == monday.id
    ).execute()
    Unit.update(moved_at=MONDAY).where(Unit.id == last_week.id).execute()
    rows.outcome(monday, "pending")
    rows.outcome(today, "pending")
    rows.outcome(last_week, "approved")

    numbers = dashboard_numbers(database, clock)

    assert numbers.as_of == NOW
    assert numbers.outcomes_pending == 2
    today_numbers, week = numbers.today, numbers.this_week
    # Every unit brings its own parcel here, plus the exception parcels.
    assert (today_numbers.parcels_received, week.parcels_received) == (3, 5)
    assert (today_numbers.units_received, week.units_received) == (2, 4)
    assert (today_numbers.units_inspected, week.units_inspected) == (1, 1)
    assert today_numbers.units_routed == {
        "restock": 0,
        "refurbish": 1,
        "vendor_return": 0,
        "scrap": 0,
    }
    assert week.units_routed == {"restock": 0, "refurbish": 1, "vendor_return": 0, "scrap": 1}
    assert (today_numbers.units_put_away, week.units_put_away) == (1, 2)
    # Today: the wrong item and the exception parcel; the week adds the extra and the mismatch.
    assert (today_numbers.exceptions_opened, week.exceptions_opened) == (2, 4)


def test_a_quiet_dock_counts_zero(database: Database, rows: Rows, clock: FixedClock) -> None:
    numbers = dashboard_numbers(database, clock)

    assert numbers.today == numbers.this_week
    assert numbers.today.units_routed == dict.fromkeys(
        ("restock", "refurbish", "vendor_return", "scrap"), 0
    )
    assert numbers.today.parcels_received == numbers.outcomes_pending == 0


def test_reasons_per_day_split_at_local_midnight(
    database: Database, rows: Rows, clock: FixedClock
) -> None:
    rows.unit(MONDAY - datetime.timedelta(days=1) - JUST_BEFORE, rma="RMA00000001")  # too old
    rows.unit(MONDAY - datetime.timedelta(days=1), rma="RMA00000001")
    rows.unit(TUESDAY - JUST_BEFORE, rma="RMA00000001")
    rows.unit(TUESDAY, rma="RMA00000002")
    rows.unit(TUESDAY, rma="RMA00000003")
    rows.unit(TUESDAY + datetime.timedelta(hours=5))  # no RMA line

    series = returns_over_time(database, clock, "reason", days=3)

    assert series.dimension is Dimension.REASON
    assert series.days == (
        datetime.date(2026, 11, 22),
        datetime.date(2026, 11, 23),
        datetime.date(2026, 11, 24),
    )
    assert series.keys == ("defective", "size_fit", NONE_KEY)
    assert series.counts == ((1, 1, 0), (0, 0, 2), (0, 0, 1))
    assert series.totals() == (2, 2, 1)


def test_vendors_after_the_top_six_are_folded_into_other(
    database: Database, rows: Rows, clock: FixedClock
) -> None:
    # Vendors V1..V8 with 8..1 units today (V1 the most), and a product without a vendor.
    for n in range(1, 9):
        vendor = Vendor.create(code=f"V{n}", name=f"Vendor {n}")
        Product.create(sku=f"SKU-{n}", name=f"Product {n}", category="home", vendor=vendor)
        for _ in range(9 - n):
            rows.unit(TUESDAY + datetime.timedelta(hours=n), sku=f"SKU-{n}")
    rows.unit(MONDAY, sku="HM-3001")  # the mug: no vendor
    rows.unit(MONDAY, sku="EL-1001")  # the phone: vendor ACME
    rows.unit(MONDAY, sku="EL-1001")

    series = returns_over_time(database, clock, Dimension.VENDOR, days=2)

    assert series.keys == ("V1", "V2", "V3", "V4", "V5", "V6", OTHER_KEY)
    assert series.counts[:6] == ((0, 8), (0, 7), (0, 6), (0, 5), (0, 4), (0, 3))
    # V7, V8, ACME and the vendorless mug: ACME's 2 ranks below V6's 3 and ties V7.
    assert series.counts[6] == (3, 3)
    behind = units_behind(database, series, OTHER_KEY, -1)
    assert Counter(u.sku for u in behind) == {"SKU-7": 2, "SKU-8": 1, "EL-1001": 2, "HM-3001": 1}


def test_dispositions_count_on_the_day_the_current_route_was_decided(
    database: Database, rows: Rows, clock: FixedClock
) -> None:
    rerouted = rows.unit(MONDAY)
    rows.route(rerouted, "restock", MONDAY + datetime.timedelta(hours=1))
    rows.route(rerouted, "refurbish", TUESDAY + datetime.timedelta(hours=1))
    undone = rows.unit(MONDAY)
    rows.route(undone, "scrap", MONDAY + datetime.timedelta(hours=2))
    rows.route(undone, "restock", TUESDAY)
    # A supervisor undid the restock: the unit carries the scrap decided on Monday again.
    Unit.update(disposition="scrap").where(Unit.id == undone.id).execute()
    again = rows.unit(MONDAY)
    rows.route(again, "restock", MONDAY + datetime.timedelta(hours=3))
    rows.route(again, "restock", TUESDAY + datetime.timedelta(hours=2))  # re-inspected
    rows.unit(TUESDAY)  # not routed yet: not on the chart

    series = returns_over_time(database, clock, "disposition", days=2)

    assert dict(zip(series.keys, series.counts, strict=True)) == {
        "refurbish": (0, 1),
        "restock": (0, 1),
        "scrap": (1, 0),
    }
    assert [u.lpn for u in units_behind(database, series, "scrap", 0)] == [undone.lpn]
    assert units_behind(database, series, "scrap", 1) == []


def test_units_behind_list_every_counted_unit_newest_first(
    database: Database, rows: Rows, clock: FixedClock
) -> None:
    older = rows.unit(MONDAY + datetime.timedelta(hours=8), rma="RMA00000002")
    newer = rows.unit(TUESDAY + datetime.timedelta(hours=8), rma="RMA00000003")
    rows.unit(TUESDAY, rma="RMA00000001")
    rows.route(newer, "restock", TUESDAY + datetime.timedelta(hours=9))

    series = returns_over_time(database, clock, "reason", days=2)

    slice_rows = units_behind(database, series, "size_fit", -1)
    assert [u.lpn for u in slice_rows] == [newer.lpn, older.lpn]
    first = slice_rows[0]
    assert (first.sku, first.product_name, first.state, first.grade) == (
        "AP-2001",
        "T-shirt 衬衫",
        "received",
        None,
    )
    assert (first.disposition, first.location) == ("restock", "RESTOCK-1")
    assert first.received_at == TUESDAY + datetime.timedelta(hours=8)
    assert len(units_behind(database, series, "size_fit", -1, limit=1)) == 1
    assert units_behind(database, series, "size_fit", 0)[0].lpn == older.lpn
    assert units_behind(database, series, "no_such_reason", -1) == []


@pytest.mark.parametrize("days", [0, 367])
def test_days_out_of_range_are_refused(database: Database, clock: FixedClock, days: int) -> None:
    with pytest.raises(ValueError, match="days must be"):
        returns_over_time(database, clock, "vendor", days=days)


# A demo history, checked against counts made in Python from every unit.
HISTORY_NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)


@pytest.fixture
def history(db_url: str) -> Iterator[Database]:
    from db.connection import open_database
    from db.schema import upgrade

    database = open_database(db_url)
    database.connect()
    upgrade(database)
    generate_demo_data(database, 1200, 11, HISTORY_NOW, history_days=10)
    yield database
    database.close()


def _python_counts(dimension: Dimension, first: datetime.date) -> Counter[tuple[str, int]]:
    counts: Counter[tuple[str, int]] = Counter()
    decided: dict[tuple[int, str], datetime.datetime] = {}
    for decision in UnitDisposition.select().order_by(UnitDisposition.id):
        decided[decision.unit_id, decision.route] = decision.decided_at  # the latest wins
    for unit in Unit.select():
        if dimension is Dimension.DISPOSITION:
            if unit.disposition is None:
                continue
            key, at = unit.disposition, decided[unit.id, unit.disposition]
        elif dimension is Dimension.REASON:
            at = unit.received_at
            line = unit.rma_line
            key = line.rma.reason_code if line is not None else NONE_KEY
        else:
            at = unit.received_at
            vendor = unit.product.vendor
            key = vendor.code if vendor is not None else NONE_KEY
        counts[key, (at.date() - first).days] += 1
    return counts


def _series_cells(series: ReturnsSeries) -> Counter[tuple[str, int]]:
    return Counter(
        {
            (key, day): count
            for key, row in zip(series.keys, series.counts, strict=True)
            for day, count in enumerate(row)
            if count
        }
    )


@pytest.mark.parametrize("dimension", list(Dimension))
def test_history_series_match_counts_of_every_unit(history: Database, dimension: Dimension) -> None:
    clock = FixedClock(HISTORY_NOW)
    series = returns_over_time(history, clock, dimension, days=30)
    expected = _python_counts(dimension, series.days[0])
    named = set(series.keys) - {OTHER_KEY}
    folded: Counter[tuple[str, int]] = Counter()
    for (key, day), count in expected.items():
        if 0 <= day < len(series.days):
            folded[key if key in named else OTHER_KEY, day] += count

    assert sum(folded.values()) > 50
    assert _series_cells(series) == folded
    for key, day in folded:
        behind = units_behind(history, series, key, day)
        assert len(behind) == folded[key, day]
        assert behind == sorted(behind, key=lambda u: u.received_at, reverse=True)


def test_history_numbers_match_counts_of_every_row(history: Database) -> None:
    clock = FixedClock(HISTORY_NOW)
    week_start = datetime.datetime.combine(
        HISTORY_NOW.date() - datetime.timedelta(days=HISTORY_NOW.weekday()), datetime.time.min
    )
    end = datetime.datetime.combine(HISTORY_NOW.date(), datetime.time.min) + datetime.timedelta(
        days=1
    )

    week = dashboard_numbers(history, clock).this_week

    in_week = [u for u in Unit.select() if week_start <= u.received_at < end]
    parcels = [p for p in Parcel.select() if week_start <= p.received_at < end]
    inspected = {
        i.unit_id
        for i in Inspection.select()
        if i.completed_at is not None
        and i.state == "completed"
        and week_start <= i.completed_at < end
    }
    assert len(in_week) > 20
    assert week.units_received == len(in_week)
    assert week.parcels_received == len(parcels)
    assert week.units_inspected == len(inspected)
    exceptions = sum(p.is_exception for p in parcels) + sum(
        u.match in ("wrong_item", "serial_mismatch", "extra") for u in in_week
    )
    assert week.exceptions_opened == exceptions
    routed = _python_counts(Dimension.DISPOSITION, week_start.date())
    for route, count in week.units_routed.items():
        days_in_week = (end.date() - week_start.date()).days
        assert count == sum(routed[route, day] for day in range(days_in_week))
