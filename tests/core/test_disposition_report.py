"""The disposition report's figures, checked against counts made here from every row, on demo
history (both engines) with the dock's later events added: put-aways, exceptions, overrides."""

from __future__ import annotations

import datetime
import json
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pytest
from peewee import Database

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
)
from labels.disposition_report import ROUTES as COLUMNS
from receiving_app.demo_data import generate_demo_data
from receiving_app.errors import InvalidInput
from receiving_app.reports.disposition_figures import (
    OTHER_PRODUCTS,
    TOP_PRODUCTS,
    gather_disposition_figures,
)
from receiving_app.reports.figures import ROUTES, DispositionFigures, GroupFigures
from receiving_app.reports.period import (
    ENDS_BEFORE_START,
    MAX_DAYS,
    NOT_A_DATE,
    TOO_LONG,
    parse_day,
    report_period,
)

NOW = datetime.datetime(2026, 11, 20, 10, 30, 0)
ORDERS = 1500
DAYS = 30
FIRST_DAY = (NOW - datetime.timedelta(days=DAYS + 1)).date()
OVERRIDE = "supervisor's call"


def add_dock_events(database: Database) -> None:
    """What happened after routing, which the demo history leaves out: put-aways, exceptions,
    supervisors' route overrides (one dated after NOW, taking its unit out of the past), and a
    product without a vendor."""
    with database.atomic():
        units = list(Unit.select().where(Unit.disposition.is_null(False)).order_by(Unit.id))
        for index, unit in enumerate(units):
            changes: dict[str, object] = {}
            if index % 3:
                minutes = 37 + (index * 53) % 4000
                changes["moved_at"] = unit.received_at + datetime.timedelta(minutes=minutes)
            if index % 7 == 0:
                changes["match"] = ("wrong_item", "serial_mismatch", "extra")[index % 3]
            if changes:
                Unit.update(changes).where(Unit.id == unit.id).execute()
            if index % 11 == 0:
                _override(unit.id, datetime.timedelta(hours=2))
            elif index % 13 == 0:
                _override(unit.id, NOW + datetime.timedelta(days=5) - _latest(unit.id).decided_at)
        flagged = [parcel.id for parcel in Parcel.select(Parcel.id) if parcel.id % 9 == 0]
        Parcel.update(is_exception=True).where(Parcel.id.in_(flagged)).execute()
        first = Product.select(Product.id).order_by(Product.id).limit(1).scalar()
        Product.update(vendor=None).where(Product.id == first).execute()


def _latest(unit_id: int) -> UnitDisposition:
    return (
        UnitDisposition.select()
        .where(UnitDisposition.unit == unit_id)
        .order_by(UnitDisposition.id.desc())
        .get()
    )


def _override(unit_id: int, later: datetime.timedelta) -> None:
    latest = _latest(unit_id)
    route = "refurbish" if latest.route == "scrap" else "scrap"
    UnitDisposition.create(
        unit=unit_id,
        inspection=latest.inspection_id,
        rules_version=latest.rules_version_id,
        route=route,
        location=latest.location,
        rule_id=None,
        reasons="[]",
        recoveries=latest.recoveries,
        decided_by=latest.decided_by_id,
        decided_at=latest.decided_at + later,
        override_reason=OVERRIDE,
    )
    Unit.update(disposition=route).where(Unit.id == unit_id).execute()


@pytest.fixture
def history(database: Database) -> None:
    generate_demo_data(database, ORDERS, 7, NOW, history_days=DAYS)
    add_dock_events(database)


# --- the independent count: every row read, decided in plain Python ------------------------


@dataclass
class Group:
    name: str = ""
    routes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    recovered: Decimal = Decimal(0)
    scrap_loss: Decimal = Decimal(0)

    def add(self, route: str, recovery: Decimal, cost: Decimal) -> None:
        self.routes[route] += 1
        if route == "scrap":
            self.scrap_loss += cost - recovery
        else:
            self.recovered += recovery

    def figures(self) -> tuple[tuple[int, ...], Decimal, Decimal]:
        return tuple(self.routes[route] for route in ROUTES), self.recovered, self.scrap_loss


@dataclass
class Expected:
    groups: dict[str, dict[str, Group]]
    units: int
    exception_units: int
    override_units: int
    daily: dict[datetime.date, dict[str, int]]
    seconds: list[float]
    not_moved: int


def count_independently(start: datetime.date, end: datetime.date) -> Expected:
    """Every figure of the report, from all rows of the tables, without the report's code."""
    latest: dict[int, UnitDisposition] = {}
    for decision in UnitDisposition.select().order_by(UnitDisposition.id):
        latest[decision.unit_id] = decision
    units = {row.id: row for row in Unit.select()}
    products = {row.id: row for row in Product.select()}
    vendors = {row.id: row for row in Vendor.select()}
    parcels = {row.id: row for row in Parcel.select()}
    rmas = {row.id: row for row in RMA.select()}
    lines = {row.id: row for row in RMALine.select()}
    inspections = {row.id: row for row in Inspection.select()}
    users = {row.id: row for row in User.select()}
    groups: dict[str, dict[str, Group]] = defaultdict(lambda: defaultdict(Group))
    expected = Expected(groups, 0, 0, 0, defaultdict(lambda: defaultdict(int)), [], 0)
    for decision in latest.values():
        if not start <= decision.decided_at.date() <= end:
            continue
        unit = units[decision.unit_id]
        product = products[unit.product_id]
        parcel = parcels[unit.parcel_id]
        if unit.rma_line_id is not None:
            reason = rmas[lines[unit.rma_line_id].rma_id].reason_code
        else:
            reason = rmas[parcel.rma_id].reason_code if parcel.rma_id is not None else ""
        vendor = vendors[product.vendor_id] if product.vendor_id is not None else None
        inspection = inspections.get(decision.inspection_id or 0)
        inspector = users.get(inspection.completed_by_id or 0) if inspection else None
        keys = {
            "disposition": (decision.route, ""),
            "grade": (unit.grade or "", ""),
            "reason": (reason, ""),
            "vendor": (vendor.code, vendor.name) if vendor else ("", ""),
            "category": (product.category, ""),
            "product": (product.sku, product.name),
            "inspector": (inspector.name, inspector.display_name) if inspector else ("", ""),
        }
        exceptions = [unit.match] if unit.match != "matched" else []
        exceptions += ["exception_parcel"] if parcel.is_exception else []
        overrides = ["grade_override"] if inspection and inspection.override_reason else []
        overrides += ["route_override"] if decision.override_reason else []
        recovery = Decimal(json.loads(decision.recoveries)[decision.route])
        for section, (key, name) in keys.items():
            groups[section][key].name = name
            groups[section][key].add(decision.route, recovery, product.unit_cost)
        for key in exceptions:
            groups["exceptions"][key].add(decision.route, recovery, product.unit_cost)
        for key in overrides:
            groups["overrides"][key].add(decision.route, recovery, product.unit_cost)
        expected.units += 1
        expected.exception_units += bool(exceptions)
        expected.override_units += bool(overrides)
        expected.daily[decision.decided_at.date()][decision.route] += 1
        if unit.moved_at is None:
            expected.not_moved += 1
        else:
            expected.seconds.append((unit.moved_at - unit.received_at).total_seconds())
    return expected


def _by_key(rows: tuple[GroupFigures, ...]) -> dict[str, tuple[tuple[int, ...], Decimal, Decimal]]:
    return {row.key: (row.by_route, row.recovered, row.scrap_loss) for row in rows}


def _hours(seconds: float) -> Decimal:
    """Hours to 0.1, halves up, from exact seconds (a float of hours may lie below a half)."""
    return (Decimal(str(seconds)) / 3600).quantize(Decimal("0.1"), ROUND_HALF_UP)


def assert_matches(figures: DispositionFigures, expected: Expected) -> None:
    for section in ("grade", "reason", "vendor", "category", "inspector", "exceptions"):
        wanted = {key: group.figures() for key, group in expected.groups[section].items()}
        assert _by_key(figures.breakdowns[section]) == wanted, section
    assert _by_key(figures.breakdowns["overrides"]) == {
        key: group.figures() for key, group in expected.groups["overrides"].items()
    }
    routes = expected.groups["disposition"]
    assert [row.key for row in figures.breakdowns["disposition"]] == list(ROUTES)
    assert _by_key(figures.breakdowns["disposition"]) == {
        route: routes[route].figures() for route in ROUTES
    }
    for section in ("vendor", "inspector"):
        names = {key: group.name for key, group in expected.groups[section].items()}
        assert {row.key: row.name for row in figures.breakdowns[section]} == names
    _assert_products(figures, expected)
    totals = figures.totals
    assert totals.units == expected.units == sum(row.units for row in figures.breakdowns["grade"])
    assert totals.recovered == sum(group.recovered for group in routes.values())
    assert totals.scrap_loss == routes["scrap"].scrap_loss
    assert figures.exception_units == expected.exception_units
    assert figures.override_units == expected.override_units
    assert dict(figures.daily) == {
        day: tuple(expected.daily[day][route] for route in ROUTES)
        for day in figures.period.each_day()
    }
    timing, seconds = figures.dock_to_stock, sorted(expected.seconds)
    assert (timing.moved, timing.not_moved) == (len(seconds), expected.not_moved)
    assert timing.median_hours == (_hours(statistics.median(seconds)) if seconds else None)
    p90 = _hours(seconds[math.ceil(len(seconds) * 0.9) - 1]) if seconds else None
    assert timing.p90_hours == p90


def _assert_products(figures: DispositionFigures, expected: Expected) -> None:
    """The products with most units (ties by SKU), then one row adding up all the others."""
    products = sorted(
        expected.groups["product"].items(),
        key=lambda item: (-sum(item[1].routes.values()), item[0]),
    )
    rows = figures.breakdowns["product"]
    top = products[:TOP_PRODUCTS]
    assert [(row.key, row.name) for row in rows[: len(top)]] == [(k, g.name) for k, g in top]
    assert _by_key(rows[: len(top)]) == {key: group.figures() for key, group in top}
    rest = products[TOP_PRODUCTS:]
    if rest:
        (other,) = rows[len(top) :]
        assert (other.key, other.name) == (OTHER_PRODUCTS, str(len(rest)))
        assert other.units == sum(sum(group.routes.values()) for _, group in rest)
        assert other.recovered == sum((group.recovered for _, group in rest), Decimal(0))
    else:
        assert len(rows) == len(top)


# --- the tests ------------------------------------------------------------------------------


@pytest.mark.usefixtures("history")
def test_every_figure_of_the_history_matches_an_independent_count() -> None:
    period = report_period(FIRST_DAY, NOW.date())
    figures = gather_disposition_figures(period)
    expected = count_independently(period.start, period.end)
    # The data has what every breakdown is about, so no comparison is between empty sets.
    assert expected.units > 200 and expected.exception_units and expected.not_moved
    assert set(expected.groups["overrides"]) == {"grade_override", "route_override"}
    assert "" in expected.groups["vendor"] and len(expected.groups["product"]) > TOP_PRODUCTS
    assert all(expected.groups["disposition"][route].routes for route in ROUTES)
    assert_matches(figures, expected)


@pytest.mark.usefixtures("history")
def test_a_unit_counts_on_the_day_of_its_current_decision_only() -> None:
    later = NOW.date() + datetime.timedelta(days=5)
    moved_out = count_independently(later, later)
    assert moved_out.units > 0  # the overrides dated after NOW
    assert_matches(gather_disposition_figures(report_period(later, later)), moved_out)
    busiest = max(
        count_independently(FIRST_DAY, NOW.date()).daily.items(), key=lambda i: sum(i[1].values())
    )[0]
    one_day = gather_disposition_figures(report_period(busiest, busiest))
    assert one_day.period.days == 1 and len(one_day.daily) == 1
    assert_matches(one_day, count_independently(busiest, busiest))


@pytest.mark.usefixtures("history")
def test_a_period_without_decisions_has_zero_figures() -> None:
    day = FIRST_DAY - datetime.timedelta(days=30)
    figures = gather_disposition_figures(report_period(day - datetime.timedelta(days=9), day))
    assert figures.totals.units == 0 and figures.totals.recovered == 0
    assert [row.units for row in figures.breakdowns["disposition"]] == [0, 0, 0, 0]
    assert all(not figures.breakdowns[name] for name in figures.breakdowns if name != "disposition")
    assert len(figures.daily) == 10 and all(counts == (0, 0, 0, 0) for _, counts in figures.daily)
    timing = figures.dock_to_stock
    assert (timing.moved, timing.not_moved, timing.median_hours, timing.p90_hours) == (
        0,
        0,
        None,
        None,
    )


@pytest.mark.parametrize(
    "text", ["2026-13-01", "2026/11/01", "20261101", "", "2026-11-1", "yesterday"]
)
def test_a_day_not_written_yyyy_mm_dd_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_day(text)
    assert refused.value.message == NOT_A_DATE


def test_a_period_ending_before_it_starts_or_too_long_is_refused() -> None:
    start = datetime.date(2025, 1, 1)
    assert parse_day(" 2025-01-01 ") == start
    with pytest.raises(InvalidInput) as backwards:
        report_period(start, start - datetime.timedelta(days=1))
    assert backwards.value.message == ENDS_BEFORE_START
    assert report_period(start, start + datetime.timedelta(days=MAX_DAYS - 1)).days == MAX_DAYS
    with pytest.raises(InvalidInput) as too_long:
        report_period(start, start + datetime.timedelta(days=MAX_DAYS))
    assert too_long.value.message == TOO_LONG
    assert too_long.value.params["days"] == MAX_DAYS + 1


def test_the_core_and_the_renderer_list_the_routes_in_the_same_order() -> None:
    # The per-route numbers travel as tuples: the columns named from labels' ROUTES must be
    # the core's routes, in its order.
    assert tuple(route.value for route in ROUTES) == COLUMNS
