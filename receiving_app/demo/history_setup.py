"""What the demo history draws from: products, people, checklists, rules, policy (no Qt).

Read once, after the orders are written and the shipped checklists and routing rules are
stored, so the history uses exactly the versions a station would have used.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from db.models import (
    ChecklistVersion,
    Product,
    RoutingRulesVersion,
    Sequence,
    Station,
    User,
    Vendor,
)
from receiving_app.audit import Actor
from receiving_app.customer_outcome.policy import OutcomePolicy
from receiving_app.customer_outcome.store import current_policy
from receiving_app.demo import catalog
from receiving_app.disposition.model import RuleSet
from receiving_app.disposition.rule_files import rules_from_text
from receiving_app.inspection.model import ChecklistTemplate
from receiving_app.inspection.store import template_of_body
from receiving_app.inspection.unit_opening import FALLBACK_CATEGORY
from receiving_app.users import Role


@dataclass(frozen=True)
class ProductInfo:
    sku: str
    name: str
    category: str
    price: Decimal
    cost: Decimal
    warranty_months: int
    serialised: bool
    vendor: str | None
    vendor_accepts: bool
    vendor_window_days: int


@dataclass(frozen=True)
class Person:
    id: int
    display_name: str
    actor: Actor


@dataclass(frozen=True)
class HistorySetup:
    products: dict[int, ProductInfo]
    station_id: int
    station_code: str
    dock: tuple[Person, ...]
    inspectors: tuple[Person, ...]
    supervisors: tuple[Person, ...]
    checklists: dict[str, tuple[int, ChecklistTemplate]]
    """Category → (checklist version id, template): the latest version of each."""
    rules_version_id: int
    rules: RuleSet
    policy: OutcomePolicy
    last_lpn: int

    def checklist(self, category: str) -> tuple[int, ChecklistTemplate]:
        """The checklist a new inspection of ``category`` uses (as the inspection desk picks)."""
        return self.checklists.get(category) or self.checklists[FALLBACK_CATEGORY]


def load_setup() -> HistorySetup:
    """Read what the history needs; the demo station, users and stored versions must exist."""
    vendors = {v.id: v for v in Vendor.select()}
    products = {}
    for p in Product.select():
        vendor = vendors.get(p.vendor_id) if p.vendor_id is not None else None
        products[p.id] = ProductInfo(
            p.sku,
            p.name,
            p.category,
            p.price,
            p.unit_cost,
            p.warranty_months,
            p.serialised,
            vendor.code if vendor is not None else None,
            bool(vendor and vendor.accepts_returns),
            vendor.return_window_days if vendor is not None else 0,
        )
    station = Station.get(Station.code == catalog.STATION_CODE)
    checklists: dict[str, tuple[int, ChecklistTemplate]] = {}
    for row in ChecklistVersion.select().order_by(ChecklistVersion.version):
        checklists[row.category] = (row.id, template_of_body(row.body))
    rules = RoutingRulesVersion.select().order_by(RoutingRulesVersion.version.desc()).get()
    lpn = Sequence.get_or_none(Sequence.name == "lpn")
    return HistorySetup(
        products=products,
        station_id=station.id,
        station_code=station.code,
        dock=_people(station.code, Role.DOCK),
        inspectors=_people(station.code, Role.INSPECTOR),
        supervisors=_people(station.code, Role.SUPERVISOR),
        checklists=checklists,
        rules_version_id=rules.id,
        rules=rules_from_text(rules.body),
        policy=current_policy(),
        last_lpn=int(lpn.value) if lpn is not None else 0,
    )


def _people(station_code: str, role: Role) -> tuple[Person, ...]:
    query = User.select().where((User.role == role.value) & User.active).order_by(User.id)
    people = tuple(Person(u.id, u.display_name, Actor(u.name, station_code)) for u in query)
    if not people:
        raise LookupError(f"the demo history needs an active {role.value} user")
    return people
