"""The demo's master data: channels, vendors, products and GTINs, users, customers (no Qt).

Written first, inside the same transaction as the emptiness check. What the order generator
needs afterwards (prices, popularity, each customer's channel) is returned as plain lists
rather than read back from the database.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate

from db.bulk import Row
from db.models import Station, User
from receiving_app.demo import catalog
from receiving_app.demo.bulk import DemoTables
from receiving_app.scanning.check_digits import gs1_check_digit
from receiving_app.scanning.interpret import IdPrefixes

DISCOUNTS = (Decimal(1), Decimal("0.95"), Decimal("0.9"), Decimal("0.85"))
"""Sale price as a share of list price; ``ProductTable.prices`` holds one price per entry."""
_CENT = Decimal("0.01")
_SECOND_GTIN_PERCENT = 20


@dataclass
class ProductTable:
    """The catalogue as parallel lists by position (product id = position + 1)."""

    cum_weights: list[float] = field(default_factory=list)
    """Cumulative popularity, for ``random.choices``: a few products sell far more."""
    prices: list[tuple[Decimal, ...]] = field(default_factory=list)
    serialised: list[bool] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    warranty_months: list[int] = field(default_factory=list)


@dataclass
class MasterData:
    products: ProductTable
    customer_channel: bytearray
    """Each customer's channel, as an index into ``catalog.CHANNELS`` (customer id - 1)."""
    users: int
    stations: int


def write_master_data(
    tables: DemoTables,
    rng: random.Random,
    prefixes: IdPrefixes,
    customers: int,
    pin_hash: str,
) -> MasterData:
    """Insert the master data and ``customers`` customers; return what orders are drawn from."""
    tables.channels.write((i, c.code, c.name) for i, c in enumerate(catalog.CHANNELS, 1))
    tables.vendors.write(
        (i, v.code, v.name, v.return_window_days > 0, v.return_window_days)
        for i, v in enumerate(catalog.VENDORS, 1)
    )
    products = _write_products(tables, rng)
    users, stations = _write_people(rng, prefixes, pin_hash)
    customer_channel = bytearray()
    tables.customers.write(_customers(rng, customers, customer_channel))
    return MasterData(products, customer_channel, users, stations)


def _write_products(tables: DemoTables, rng: random.Random) -> ProductTable:
    vendor_ids = {v.code: i for i, v in enumerate(catalog.VENDORS, 1)}
    # A GTIN-13 is the vendor's GS1 company prefix (country code + 5 digits), a 5-digit item
    # reference and the check digit; each vendor numbers its items upwards with gaps.
    company = {
        v.code: f"{v.gs1_prefix}{number}"
        for v, number in zip(catalog.VENDORS, rng.sample(range(10_000, 100_000), len(vendor_ids)))
    }
    next_item = {code: rng.randrange(10_000, 50_000) for code in vendor_ids}
    product_rows: list[Row] = []
    gtin_rows: list[Row] = []
    table = ProductTable()
    weights: list[float] = []
    for product_id, spec in enumerate(catalog.PRODUCTS, 1):
        price = Decimal(spec.price).quantize(_CENT)
        cost = (price * rng.randint(35, 65) / 100).quantize(_CENT)
        serialised = spec.category == catalog.ELECTRONICS
        product_rows.append(
            (
                product_id,
                spec.sku,
                spec.name,
                spec.category,
                vendor_ids[spec.vendor],
                cost,
                price,
                spec.warranty_months,
                serialised,
            )
        )
        for _ in range(2 if rng.randrange(100) < _SECOND_GTIN_PERCENT else 1):
            next_item[spec.vendor] += rng.randint(1, 40)
            body = f"{company[spec.vendor]}{next_item[spec.vendor]}"
            gtin_rows.append(
                (len(gtin_rows) + 1, product_id, f"{body}{gs1_check_digit(body)}".zfill(14))
            )
        weights.append(rng.paretovariate(1.5))
        table.prices.append(tuple((price * d).quantize(_CENT) for d in DISCOUNTS))
        table.serialised.append(serialised)
        table.category.append(spec.category)
        table.warranty_months.append(spec.warranty_months)
    table.cum_weights = list(accumulate(weights))
    tables.products.write(product_rows)
    tables.gtins.write(gtin_rows)
    return table


def _write_people(rng: random.Random, prefixes: IdPrefixes, pin_hash: str) -> tuple[int, int]:
    """Demo users and the station; an existing user or station of the same name is kept."""
    users = stations = 0
    badges = rng.sample(range(1000, 10_000), len(catalog.USERS))
    for spec, number in zip(catalog.USERS, badges):
        badge = f"{prefixes.badge}{number:04d}"
        if User.select().where((User.name == spec.name) | (User.badge == badge)).exists():
            continue
        User.insert(
            name=spec.name,
            display_name=spec.display_name,
            role=spec.role.value,
            badge=badge,
            pin_hash=pin_hash,
            active=True,
        ).execute()
        users += 1
    if not Station.select().where(Station.code == catalog.STATION_CODE).exists():
        Station.insert(code=catalog.STATION_CODE, name=catalog.STATION_NAME).execute()
        stations += 1
    return users, stations


def _customers(rng: random.Random, count: int, channel_of: bytearray) -> Iterator[Row]:
    channel_weights = list(accumulate(c.weight for c in catalog.CHANNELS))
    for customer_id in range(1, count + 1):
        index = bisect(channel_weights, rng.random() * channel_weights[-1])
        channel_of.append(index)
        channel = catalog.CHANNELS[index]
        ref = f"{channel.ref_prefix}{_scramble_customer(customer_id):09d}"
        name = _chinese_name(rng) if channel.chinese else f"Customer {customer_id:04d}"
        yield customer_id, index + 1, ref, name


def _chinese_name(rng: random.Random) -> str:
    surname = rng.choice(catalog.SURNAMES)
    style = rng.random()
    if style < 0.4:
        return surname + "**"  # marketplaces show buyers' names masked like this
    if style < 0.7:
        return surname + rng.choice(("先生", "女士"))
    return surname + "".join(rng.choices(catalog.GIVEN_NAMES, k=rng.randint(1, 2)))


def _scramble_customer(customer_id: int) -> int:
    # A bijection of 0..10**9-1: references stay unique but do not visibly count up.
    return (customer_id * 387_420_489 + 20_240_611) % 10**9
