"""A small, hand-made dock for the receiving tests: every row is known by name."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from db.models import (
    RMA,
    Channel,
    Order,
    OrderLine,
    Product,
    ProductGTIN,
    RMALine,
    SoldSerial,
    User,
    Vendor,
)
from receiving_app.users import hash_pin

PHONE_GTIN = "4006381333931"  # EAN-13, valid check digit
SHIRT_GTIN = "5901234123457"
MUG_GTIN = "4012345000009"  # on no order of ours
UPS_TRACKING = "1Z999AA10123456784"
S10_TRACKING = "EE123456785CN"
PIN = "4321"
_pin_hash: str | None = None


@dataclass(frozen=True)
class Dock:
    phone_serials: tuple[str, str]


def _gtin14(gtin: str) -> str:
    return gtin.zfill(14)


def seed_dock(now: datetime.datetime) -> Dock:
    """Two orders: SO00000001 (phones and shirts, one RMA by UPS) and SO00000002 (two RMAs)."""
    global _pin_hash
    _pin_hash = _pin_hash or hash_pin(PIN)
    web = Channel.create(code="web", name="Web shop")
    vendor = Vendor.create(code="ACME", name="Acme", accepts_returns=True, return_window_days=60)
    phone = Product.create(
        sku="EL-1001",
        name="Phone X",
        category="electronics",
        vendor=vendor,
        unit_cost=Decimal(200),
        price=Decimal(399),
        warranty_months=12,
        serialised=True,
    )
    shirt = Product.create(
        sku="AP-2001",
        name="T-shirt 衬衫",
        category="apparel",
        vendor=vendor,
        unit_cost=Decimal(5),
        price=Decimal(19),
    )
    mug = Product.create(sku="HM-3001", name="Mug", category="home")
    for product, gtin in ((phone, PHONE_GTIN), (shirt, SHIRT_GTIN), (mug, MUG_GTIN)):
        ProductGTIN.create(product=product, gtin=_gtin14(gtin))
    order = Order.create(number="SO00000001", channel=web, ordered_at=now, delivered_on=now.date())
    phones = OrderLine.create(
        order=order, line_no=1, product=phone, quantity=2, unit_price=Decimal(399)
    )
    shirts = OrderLine.create(
        order=order, line_no=2, product=shirt, quantity=2, unit_price=Decimal(19)
    )
    serials = ("SNPHONE0001", "SNPHONE0002")
    for serial in serials:
        SoldSerial.create(order_line=phones, serial=serial)
    rma = RMA.create(
        number="RMA00000001",
        order=order,
        reason_code="defective",
        customer_words="screen flickers",
        requested_outcome="refund",
        expected_carrier="ups",
        expected_tracking=UPS_TRACKING,
        created_at=now,
    )
    RMALine.create(rma=rma, order_line=phones, quantity=1)
    RMALine.create(rma=rma, order_line=shirts, quantity=1)

    order2 = Order.create(number="SO00000002", channel=web, ordered_at=now, delivered_on=now.date())
    shirts2 = OrderLine.create(
        order=order2, line_no=1, product=shirt, quantity=3, unit_price=Decimal(19)
    )
    for number in ("RMA00000002", "RMA00000003"):
        extra = RMA.create(
            number=number,
            order=order2,
            reason_code="size_fit",
            requested_outcome="exchange",
            created_at=now,
        )
        RMALine.create(rma=extra, order_line=shirts2, quantity=1)

    User.create(
        name="li.wei", display_name="Li Wei", role="dock", badge="BDG0001", pin_hash=_pin_hash
    )
    User.create(name="wang.fang", display_name="Wang Fang", role="inspector", badge="BDG0002")
    User.create(name="zhang.min", display_name="Zhang Min", role="supervisor", badge="BDG0003")
    return Dock(phone_serials=serials)
