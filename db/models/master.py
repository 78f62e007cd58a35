"""Master data and what customers bought and asked to return: channels, customers, vendors,
products and their GTINs, orders and their lines and serials, RMAs, stations and users."""

from __future__ import annotations

from decimal import Decimal

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from db.models.base import BaseModel


class Channel(BaseModel):
    """A sales channel: the web shop, a marketplace (Taobao, JD...), a store."""

    id = AutoField()
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=120)


class Customer(BaseModel):
    """The buyer, kept minimal: a display name and the channel's own reference, no address."""

    id = AutoField()
    channel = ForeignKeyField(Channel, backref="customers")
    external_ref = CharField(max_length=64)
    display_name = CharField(max_length=120)

    class Meta:
        indexes = ((("channel", "external_ref"), True),)


class Vendor(BaseModel):
    """A supplier, with its return agreement (does it take returns back, and for how long)."""

    id = AutoField()
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=120)
    accepts_returns = BooleanField(default=False)
    return_window_days = IntegerField(default=0)


class Product(BaseModel):
    id = AutoField()
    vendor_id: int | None
    sku = CharField(max_length=64, unique=True)
    name = CharField(max_length=200)
    category = CharField(max_length=32)
    vendor = ForeignKeyField(Vendor, backref="products", null=True)
    unit_cost = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    price = DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    warranty_months = IntegerField(default=0)
    serialised = BooleanField(default=False)


class ProductGTIN(BaseModel):
    """One of a product's GTINs, stored as GTIN-14 (a product can carry several)."""

    id = AutoField()
    product_id: int

    product = ForeignKeyField(Product, backref="gtins", on_delete="CASCADE")
    gtin = CharField(max_length=14, unique=True)


class Order(BaseModel):
    id = AutoField()
    number = CharField(max_length=40, unique=True)
    channel = ForeignKeyField(Channel, backref="orders")
    customer = ForeignKeyField(Customer, backref="orders", null=True)
    ordered_at = DateTimeField()
    delivered_on = DateField(null=True)


class OrderLine(BaseModel):
    id = AutoField()
    order_id: int
    product_id: int

    order = ForeignKeyField(Order, backref="lines", on_delete="CASCADE")
    line_no = IntegerField()
    product = ForeignKeyField(Product, backref="order_lines")
    quantity = IntegerField()
    unit_price = DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        indexes = ((("order", "line_no"), True),)


class SoldSerial(BaseModel):
    """A serial number sold on an order line: what a returned serialised unit must match."""

    id = AutoField()
    order_line_id: int

    order_line = ForeignKeyField(OrderLine, backref="serials", on_delete="CASCADE")
    serial = CharField(max_length=64, index=True)


class RMA(BaseModel):
    """A return authorisation for some lines of one order (an order may have several)."""

    id = AutoField()
    order_id: int

    number = CharField(max_length=40, unique=True)
    order = ForeignKeyField(Order, backref="rmas")
    reason_code = CharField(max_length=32)
    customer_words = TextField(default="")
    requested_outcome = CharField(max_length=16)
    expected_carrier = CharField(max_length=32, null=True)
    expected_tracking = CharField(max_length=64, null=True, index=True)
    status = CharField(max_length=16, default="open")
    created_at = DateTimeField()


class RMALine(BaseModel):
    id = AutoField()
    rma_id: int
    order_line_id: int
    received: int  # only on rows selected with a COUNT alias (db.queries)

    rma = ForeignKeyField(RMA, backref="lines", on_delete="CASCADE")
    order_line = ForeignKeyField(OrderLine, backref="rma_lines")
    quantity = IntegerField()


class Station(BaseModel):
    id = AutoField()
    code = CharField(max_length=32, unique=True)
    name = CharField(max_length=120)


class User(BaseModel):
    id = AutoField()
    name = CharField(max_length=64, unique=True)
    display_name = CharField(max_length=120)
    role = CharField(max_length=16)
    badge = CharField(max_length=40, null=True, unique=True)
    pin_hash = CharField(max_length=255, null=True)
    active = BooleanField(default=True)
