"""Routing in the database: the stored rule versions and routing a graded unit (no Qt).

``route_unit`` runs inside the caller's write transaction (the one that stores the grade) and
appends its audit record, so a grade and the route it implies are stored together or not at all.
"""

from __future__ import annotations

import datetime
import functools
import json

import peewee
from peewee import fn

from db.models import (
    Inspection,
    Order,
    Parcel,
    PrintJob,
    Product,
    RoutingRulesVersion,
    Unit,
    UnitDisposition,
    User,
    Vendor,
)
from db.queries.inspections import rma_of_unit
from db.transactions import write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.disposition.model import Decision, Disposition, RulesError, RuleSet, UnitFacts
from receiving_app.disposition.routing import NO_VENDOR, decide
from receiving_app.disposition.rule_files import (
    default_rules,
    default_rules_text,
    rules_from_text,
)
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.store import InspectContext
from receiving_app.vendor_returns.collecting import collect_routed_unit

SHIPPED_NOTE = "shipped default rules"


def sync_routing_rules(database: peewee.Database, actor: Actor, now: datetime.datetime) -> bool:
    """Store the shipped rules as the first version when no version is stored yet.

    Returns True when it stored them; another station doing the same at once is harmless.
    """
    if RoutingRulesVersion.select().exists():
        return False
    try:
        with write_transaction(database):
            if RoutingRulesVersion.select().exists():
                return False
            _store_shipped(actor, now)
    except peewee.IntegrityError:
        return False  # another station stored them first
    return True


def _store_shipped(actor: Actor, now: datetime.datetime) -> RoutingRulesVersion:
    """Store the shipped rules as a version, audited (inside the caller's transaction)."""
    rules = default_rules()
    row = RoutingRulesVersion.create(
        version=rules.version,
        name=rules.name,
        body=default_rules_text(),
        saved_at=now,
        note=SHIPPED_NOTE,
    )
    append_audit(
        actor,
        now,
        "routing_rules.loaded",
        "routing_rules_version",
        row.version,
        None,
        {"id": row.id, "version": row.version, "name": row.name},
    )
    return row


def current_rules(ctx: InspectContext) -> tuple[RoutingRulesVersion, RuleSet]:
    """The latest stored rule version and its rules (inside a write transaction).

    A database that has none yet (a station's start stores them) gets the shipped rules now, so
    a unit is never left unrouted.
    """
    row = RoutingRulesVersion.select().order_by(RoutingRulesVersion.version.desc()).first()
    if row is None:
        row = _store_shipped(ctx.actor, ctx.now)
    return row, _rules_of_body(row.body)


@functools.lru_cache(maxsize=16)
def _rules_of_body(body: str) -> RuleSet:
    return rules_from_text(body)


def unit_facts(unit: Unit, grade: str, today: datetime.date) -> UnitFacts:
    """What routing needs to know of ``unit``: its product and vendor, the order's delivery,
    the RMA's reason and the parcel's condition."""
    product = Product.get_by_id(unit.product_id)
    vendor = Vendor.get_or_none(Vendor.id == product.vendor_id) if product.vendor_id else None
    parcel = Parcel.get_by_id(unit.parcel_id)
    rma = rma_of_unit(unit)
    order_id = rma.order_id if rma is not None else parcel.order_id
    order = Order.get_or_none(Order.id == order_id) if order_id is not None else None
    delivered = order.delivered_on if order is not None else None
    return UnitFacts(
        grade=grade,
        category=product.category,
        value=product.price,
        cost=product.unit_cost,
        vendor=vendor.code if vendor is not None else None,
        vendor_accepts=bool(vendor and vendor.accepts_returns),
        vendor_window_days=vendor.return_window_days if vendor is not None else 0,
        days_since_delivery=(today - delivered).days if delivered is not None else None,
        reason=rma.reason_code if rma is not None else None,
        parcel_condition=parcel.condition,
    )


def route_unit(
    ctx: InspectContext, unit: Unit, inspection_id: int | None, grade: str
) -> tuple[UnitDisposition, Decision]:
    """Decide where the graded unit goes, store the decision on it, and audit it."""
    version, rules = current_rules(ctx)
    decision = decide(rules, unit_facts(unit, grade, ctx.now.date()))
    row = UnitDisposition.create(
        unit=unit.id,
        inspection=inspection_id,
        rules_version=version.id,
        route=decision.disposition.value,
        location=decision.location,
        rule_id=decision.rule_id,
        reasons=json.dumps([[m, dict(p)] for m, p in decision.reasons], ensure_ascii=False),
        recoveries=json.dumps({k.value: str(v) for k, v in decision.recoveries.items()}),
        decided_by=ctx.user_id,
        decided_at=ctx.now,
    )
    _queue_label(ctx, unit, grade, row)
    before = {"disposition": unit.disposition, "location": unit.location}
    Unit.update(disposition=row.route, location=row.location).where(Unit.id == unit.id).execute()
    collect_routed_unit(ctx, unit, row.route)
    append_audit(
        ctx.actor,
        ctx.now,
        "unit.routed",
        "unit",
        unit.lpn,
        before,
        {
            "disposition_id": row.id,
            "disposition": row.route,
            "location": row.location,
            "rule": decision.rule_id,
            "rules_version": version.version,
            "grade": grade,
        },
    )
    return row, decision


def _queue_label(
    ctx: InspectContext,
    unit: Unit,
    grade: str,
    routed: UnitDisposition,
    inspector_id: int | None = None,
) -> None:
    """Queue the unit's disposition label; the spooler prints the route in the station's
    language (``route`` is the code, translated when the label is rendered)."""
    product = Product.get_by_id(unit.product_id)
    rma = rma_of_unit(unit)
    inspector = User.get_by_id(inspector_id or ctx.user_id)
    payload = {
        "lpn": unit.lpn,
        "grade": grade,
        "route": routed.route,
        "disposition": routed.route,
        "destination": routed.location,
        "sku": product.sku,
        "rma": rma.number if rma is not None else "-",
        "date": ctx.now.date().isoformat(),
        "inspector": inspector.display_name,
    }
    PrintJob.create(
        kind="disposition",
        reference=unit.lpn,
        payload=json.dumps(payload, ensure_ascii=False),
        station=ctx.station_id,
        created_at=ctx.now,
    )


def latest_disposition(unit_id: int) -> UnitDisposition | None:
    """The unit's latest routing decision (the one on the unit)."""
    return (
        UnitDisposition.select()
        .where(UnitDisposition.unit == unit_id)
        .order_by(UnitDisposition.id.desc())
        .first()
    )


def default_location(unit: Unit, route: Disposition, ctx: InspectContext) -> str:
    """Where the current rules send a unit on ``route`` when no rule names a location."""
    _version, rules = current_rules(ctx)
    product = Product.get_by_id(unit.product_id)
    vendor = Vendor.get_or_none(Vendor.id == product.vendor_id) if product.vendor_id else None
    return rules.locations[route].format(
        category=product.category, vendor=vendor.code if vendor is not None else NO_VENDOR
    )


def override_route(
    ctx: InspectContext,
    unit: Unit,
    previous: UnitDisposition,
    route: Disposition,
    location: str,
    reason: str,
) -> UnitDisposition:
    """A supervisor's route for the unit, with the reason; audited, and its label queued.

    The decision keeps the recoveries of the one it replaces, so the review shows what the
    override gave up.
    """
    row = UnitDisposition.create(
        unit=unit.id,
        inspection=previous.inspection_id,
        rules_version=previous.rules_version_id,
        route=route.value,
        location=location,
        rule_id=None,
        reasons="[]",
        recoveries=previous.recoveries,
        decided_by=ctx.user_id,
        decided_at=ctx.now,
        override_reason=reason,
    )
    inspection = Inspection.get_or_none(Inspection.id == previous.inspection_id)
    inspector_id = inspection.completed_by_id if inspection is not None else None
    _queue_label(ctx, unit, unit.grade or "-", row, inspector_id)
    Unit.update(disposition=row.route, location=row.location).where(Unit.id == unit.id).execute()
    collect_routed_unit(ctx, unit, row.route)
    append_audit(
        ctx.actor,
        ctx.now,
        "unit.route_overridden",
        "unit",
        unit.lpn,
        {"disposition": previous.route, "location": previous.location},
        {
            "disposition_id": row.id,
            "disposition": row.route,
            "location": row.location,
            "reason": reason,
        },
    )
    return row


def stored_rules() -> RuleSet:
    """The latest stored rules, or the shipped ones when none is stored yet (read only)."""
    row = RoutingRulesVersion.select().order_by(RoutingRulesVersion.version.desc()).first()
    return _rules_of_body(row.body) if row is not None else default_rules()


def vendor_terms(code_or_name: str) -> tuple[str, bool, int]:
    """The vendor's code, whether it takes returns, and its window in days.

    Raises:
        RulesError: no vendor has this code or name (``params["known"]`` lists a few codes).
    """
    wanted = code_or_name.strip()
    vendor = Vendor.get_or_none(Vendor.code == wanted) or Vendor.get_or_none(
        fn.LOWER(Vendor.name) == wanted.lower()
    )
    if vendor is None:
        known = ", ".join(
            v.code for v in Vendor.select(Vendor.code).order_by(Vendor.code).limit(10)
        )
        raise RulesError(UNKNOWN_VENDOR, vendor=wanted, known=known or "-")
    return vendor.code, vendor.accepts_returns, vendor.return_window_days


UNKNOWN_VENDOR = QT_TRANSLATE_NOOP("Routing", "There is no vendor {vendor}; known: {known}.")
