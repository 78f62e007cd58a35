"""Fill an empty database with seeded, realistic demo data: the entry point (no Qt).

Built for a million orders in well under a minute on SQLite: rows are plain tuples with
precomputed integer ids (nothing is read back), written in batches by ``db.bulk`` and drawn
one chunk of orders at a time (``demo.orders``), so memory stays flat whatever the order
count. Everything comes from one ``random.Random(seed)`` in a fixed sequence: the same seed
and ``now`` give the same rows.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from db.bulk import advance_id_sequences
from db.models import RMA, Channel, Customer, Order, Product, Vendor
from receiving_app.audit import Actor, append_audit
from receiving_app.demo import catalog
from receiving_app.demo.bulk import BULK_MODELS, DemoTables
from receiving_app.demo.history import MAX_HISTORY_DAYS, HistorySummary, write_history
from receiving_app.demo.master import write_master_data
from receiving_app.demo.orders import OrderGenerator
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.scanning.interpret import DEFAULT_PREFIXES, IdPrefixes
from receiving_app.users import hash_pin
from receiving_app.vendor_returns.prefix_setting import store_company_prefix
from receiving_app.vendor_returns.sscc import parse_company_prefix

if TYPE_CHECKING:
    from peewee import Database

#: The GS1 company prefix of the demo dock's SSCCs: the one GS1's own examples use.
DEMO_GS1_PREFIX = "0614141"
MAX_ORDERS = 10_000_000
"""Order and RMA numbers have 8 digits; much beyond this they would run out."""
CHUNK_ORDERS = 20_000
"""Orders drawn, written and committed together. One transaction for a million orders was
slower (60 s against 39 s: the WAL grows to the size of the database) and is not needed."""

Progress = Callable[[int, int], None]
"""Called with (orders written, orders requested) after each committed chunk."""


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the generator wrote."""

    channels: int
    customers: int
    vendors: int
    products: int
    gtins: int
    orders: int
    order_lines: int
    serials: int
    rmas: int
    rma_lines: int
    orders_with_two_rmas: int
    users: int
    stations: int
    history: HistorySummary | None = None

    def as_dict(self) -> dict[str, int]:
        """The counts by name; the history's, when there is one, prefixed ``history_``."""
        counts = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "history"}
        if self.history is not None:
            counts |= {f"history_{name}": n for name, n in self.history.as_dict().items()}
        return counts


def generate_demo_data(
    database: Database,
    orders: int,
    seed: int,
    now: datetime.datetime,
    prefixes: IdPrefixes = DEFAULT_PREFIXES,
    *,
    actor: Actor | None = None,
    progress: Progress | None = None,
    history_days: int = 0,
) -> DemoSummary:
    """Fill an empty, migrated database with a seeded, realistic demo data set.

    Orders fall in the 60 days before ``now``; about 30 % have an RMA and some have two, on
    different lines. Demo users (one per role at least, badge ``prefixes.badge`` + 4 digits)
    have the PIN ``catalog.DEMO_PIN``; users or a station that already exist are kept. One
    audit record, ``demo.generated``, summarises what was written.

    Orders are committed in chunks of ``CHUNK_ORDERS``: if generation fails part-way, the
    orders written so far stay, and the database has to be recreated (it is no longer empty).

    Args:
        database: connected, at the current schema.
        orders: how many orders, 1 to ``MAX_ORDERS``.
        seed: the random seed; the same seed and ``now`` give identical data.
        now: the demo's present, naive local time as the app stores it.
        prefixes: the site's prefixes of order, RMA and badge numbers.
        actor: recorded on the audit record; default no user and no station.
        progress: called after each committed chunk.
        history_days: 0 for none; else the parcels that came back in these last days are
            received, inspected, graded and routed (``demo.history``).

    Raises:
        InvalidInput: ``orders`` is out of range, or the database already has orders,
            products or other business data.
        ValueError: ``history_days`` is out of range (the CLI checks it first).
    """
    if not 1 <= orders <= MAX_ORDERS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Error", "Choose between 1 and {maximum} demo orders."),
            maximum=MAX_ORDERS,
        )
    if not 0 <= history_days <= MAX_HISTORY_DAYS:
        raise ValueError(f"history_days must be 0 to {MAX_HISTORY_DAYS}, not {history_days}")
    now = now.replace(microsecond=0)
    rng = random.Random(seed)
    tables = DemoTables(database)
    pin_hash = hash_pin(catalog.DEMO_PIN)  # ~50 ms: once, shared by every demo user
    with database.atomic():
        _refuse_unless_empty()
        master = write_master_data(tables, rng, prefixes, max(20, orders // 3), pin_hash)
    generator = OrderGenerator(tables, rng, master, orders, now, prefixes)
    written = 0
    while written < orders:
        count = min(CHUNK_ORDERS, orders - written)
        with database.atomic():
            generator.write_chunk(written, count)
        written += count
        if progress is not None:
            progress(written, orders)
    actor = actor or Actor(None, None)
    history = None
    if history_days:
        history = write_history(database, seed, now, history_days, prefixes.lpn, actor)
    summary = DemoSummary(
        channels=tables.channels.count,
        customers=tables.customers.count,
        vendors=tables.vendors.count,
        products=tables.products.count,
        gtins=tables.gtins.count,
        orders=tables.orders.count,
        order_lines=tables.order_lines.count,
        serials=tables.serials.count,
        rmas=tables.rmas.count,
        rma_lines=tables.rma_lines.count,
        orders_with_two_rmas=generator.orders_with_two_rmas,
        users=master.users,
        stations=master.stations,
        history=history,
    )
    with database.atomic():
        advance_id_sequences(database, BULK_MODELS)
        store_company_prefix(parse_company_prefix(DEMO_GS1_PREFIX))  # closing RTV batches needs it
        after: dict[str, object] = {**summary.as_dict(), "seed": seed, "now": now.isoformat()}
        after["gs1_company_prefix"] = DEMO_GS1_PREFIX
        append_audit(actor, now, "demo.generated", "database", "demo", after=after)
    return summary


def _refuse_unless_empty() -> None:
    filled = [
        name
        for name, model in (
            ("orders", Order),
            ("products", Product),
            ("channels", Channel),
            ("customers", Customer),
            ("vendors", Vendor),
            ("RMAs", RMA),
        )
        if model.select().exists()
    ]
    if filled:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Error",
                "The database already has {what}: demo data goes only into an empty database. "
                "Create a new database and generate the demo data there.",
            ),
            what=", ".join(filled),
        )
