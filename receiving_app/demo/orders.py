"""The demo's orders with their lines, sold serials and RMAs, drawn chunk by chunk (no Qt).

Every row is a tuple with its id counted here, so nothing is read back, and a chunk's rows
are written and dropped before the next chunk is drawn: memory does not grow with the order
count.
"""

from __future__ import annotations

import datetime
import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate

from db.bulk import Row
from receiving_app.demo import catalog
from receiving_app.demo.bulk import DemoTables
from receiving_app.demo.master import DISCOUNTS, MasterData
from receiving_app.demo.tracking import TRACKING_FORMATS, TrackingNumbers
from receiving_app.scanning.interpret import IdPrefixes

HISTORY_DAYS = 60
RMA_PERCENT = 32  # of delivered orders: about 30 % of all orders
SECOND_RMA_PERCENT = 15  # of orders with an RMA and at least two lines
FULL_PRICE_PERCENT = 60

_LINE_COUNT_CUM = list(accumulate((50, 28, 14, 8)))  # 1..4 lines
_QUANTITY_CUM = list(accumulate((82, 13, 5)))  # 1..3 units
_SERIAL_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0
_SERIAL_SPACE = len(_SERIAL_CHARS) ** 6

OrderLineDraw = tuple[int, int, int]
"""(order line id, product index, quantity) of a line just drawn."""


class OrderGenerator:
    """Draws orders in sequence from one ``Random``; ``write_chunk`` inserts the next ones."""

    def __init__(
        self,
        tables: DemoTables,
        rng: random.Random,
        master: MasterData,
        orders: int,
        now: datetime.datetime,
        prefixes: IdPrefixes,
    ) -> None:
        self.tables = tables
        self.rng = rng
        self.products = master.products
        self.customer_channel = master.customer_channel
        self.now = now
        self.today = now.date()
        self.prefixes = prefixes
        self.tracking = TrackingNumbers()
        # Orders are spread evenly over the history, each at a random moment of its own slot,
        # so order numbers and dates rise together as in a real shop.
        self.start = now - datetime.timedelta(days=HISTORY_DAYS)
        self.slot_seconds = HISTORY_DAYS * 86400 / orders
        self.order_number = rng.randrange(10_000_000, 20_000_000)
        self.rma_number = rng.randrange(10_000_000, 20_000_000)
        self.line_id = self.serial_id = self.rma_id = self.rma_line_id = 0
        self.orders_with_two_rmas = 0
        self.courier_tables = []
        for channel in catalog.CHANNELS:
            unknown = [key for key, _ in channel.couriers if key not in TRACKING_FORMATS]
            if unknown:
                raise LookupError(f"channel {channel.code} names unknown couriers {unknown}")
            self.courier_tables.append(
                (
                    list(accumulate(w for _, w in channel.couriers)),
                    [key for key, _ in channel.couriers],
                )
            )

    def write_chunk(self, first: int, count: int) -> None:
        """Draw and insert orders ``first`` to ``first + count - 1`` (0-based) with their rows."""
        orders: list[Row] = []
        lines: list[Row] = []
        serials: list[Row] = []
        rmas: list[Row] = []
        rma_lines: list[Row] = []
        for index in range(first, first + count):
            self._order(index, orders, lines, serials, rmas, rma_lines)
        # Parents before children: SQLite checks foreign keys row by row.
        self.tables.orders.write(orders)
        self.tables.order_lines.write(lines)
        self.tables.serials.write(serials)
        self.tables.rmas.write(rmas)
        self.tables.rma_lines.write(rma_lines)

    def _order(
        self,
        index: int,
        orders: list[Row],
        lines: list[Row],
        serials: list[Row],
        rmas: list[Row],
        rma_lines: list[Row],
    ) -> None:
        rng = self.rng
        products = self.products
        order_id = index + 1
        customer = rng.randrange(len(self.customer_channel))
        channel = self.customer_channel[customer]
        self.order_number += 1 if rng.random() < 0.7 else 2
        ordered_at = self.start + datetime.timedelta(
            seconds=int((index + rng.random()) * self.slot_seconds)
        )
        delivered = (ordered_at + datetime.timedelta(days=rng.randint(2, 5))).date()
        delivered_on = delivered if delivered <= self.today else None
        orders.append(
            (
                order_id,
                f"{self.prefixes.order}{self.order_number:08d}",
                channel + 1,
                customer + 1,
                ordered_at,
                delivered_on,
            )
        )
        line_count = 1 + bisect(_LINE_COUNT_CUM, rng.random() * _LINE_COUNT_CUM[-1])
        picks = rng.choices(
            range(len(products.serialised)), cum_weights=products.cum_weights, k=line_count
        )
        drawn: list[OrderLineDraw] = []
        for line_no, product in enumerate(dict.fromkeys(picks), 1):  # a product once per order
            self.line_id += 1
            quantity = 1 + bisect(_QUANTITY_CUM, rng.random() * _QUANTITY_CUM[-1])
            full_price = rng.randrange(100) < FULL_PRICE_PERCENT
            discount = 0 if full_price else rng.randrange(1, len(DISCOUNTS))
            lines.append(
                (
                    self.line_id,
                    order_id,
                    line_no,
                    product + 1,
                    quantity,
                    products.prices[product][discount],
                )
            )
            if products.serialised[product]:
                for _ in range(quantity):
                    self.serial_id += 1
                    serials.append((self.serial_id, self.line_id, self._serial()))
            drawn.append((self.line_id, product, quantity))
        if delivered_on is not None and rng.randrange(100) < RMA_PERCENT:
            self._rmas(order_id, channel, delivered_on, drawn, rmas, rma_lines)

    def _serial(self) -> str:
        # A random head and a unique tail: no two of the first 34**6 serials can be equal.
        tail = (self.serial_id * 1_000_003 + 7_777_777) % _SERIAL_SPACE
        chars = []
        for _ in range(6):
            tail, digit = divmod(tail, len(_SERIAL_CHARS))
            chars.append(_SERIAL_CHARS[digit])
        return "SN" + "".join(self.rng.choices(_SERIAL_CHARS, k=4)) + "".join(chars)

    def _rmas(
        self,
        order_id: int,
        channel: int,
        delivered_on: datetime.date,
        drawn: list[OrderLineDraw],
        rmas: list[Row],
        rma_lines: list[Row],
    ) -> None:
        rng = self.rng
        shuffled = drawn[:]
        rng.shuffle(shuffled)
        if len(shuffled) >= 2 and rng.randrange(100) < SECOND_RMA_PERCENT:
            # Two open RMAs on different lines: the dock must ask which one a parcel holds.
            split = rng.randint(1, len(shuffled) - 1)
            groups = [shuffled[:split], shuffled[split:]]
            self.orders_with_two_rmas += 1
        else:
            groups = [shuffled[: 1 if rng.random() < 0.75 else rng.randint(1, len(shuffled))]]
        for group in groups:
            self.rma_id += 1
            self.rma_number += rng.randint(1, 3)
            rmas.append(self._rma_row(order_id, channel, delivered_on, group[0][1]))
            for line_id, _, quantity in group:
                self.rma_line_id += 1
                returned = quantity if rng.random() < 0.7 else rng.randint(1, quantity)
                rma_lines.append((self.rma_line_id, self.rma_id, line_id, returned))

    def _rma_row(
        self, order_id: int, channel_index: int, delivered_on: datetime.date, product: int
    ) -> Row:
        rng = self.rng
        reason = weighted(rng, catalog.REASON_WEIGHTS[self.products.category[product]])
        outcome = weighted(rng, catalog.OUTCOME_WEIGHTS[reason])
        if outcome == "repair" and self.products.warranty_months[product] == 0:
            outcome = "exchange"  # nothing to repair under: no warranty
        channel = catalog.CHANNELS[channel_index]
        english, chinese = catalog.CUSTOMER_WORDS[reason]
        words = ""
        if rng.random() < 0.9:
            in_chinese = rng.random() < (0.75 if channel.chinese else 0.2)
            words = rng.choice(chinese if in_chinese else english)
        carrier = tracking = None
        if rng.randrange(100) >= channel.no_tracking_percent:
            cum, keys = self.courier_tables[channel_index]
            key = keys[bisect(cum, rng.random() * cum[-1])]
            carrier, tracking = self.tracking.make(key, rng, self.rma_id)
        created_at = min(
            datetime.datetime.combine(delivered_on, datetime.time(8))
            + datetime.timedelta(seconds=rng.randrange(14 * 86400)),
            self.now,
        )
        return (
            self.rma_id,
            f"{self.prefixes.rma}{self.rma_number:08d}",
            order_id,
            reason,
            words,
            outcome,
            carrier,
            tracking,
            "open",
            created_at,
        )


def weighted(rng: random.Random, choices: Sequence[tuple[str, int]]) -> str:
    point = rng.random() * sum(weight for _, weight in choices)
    for value, weight in choices:
        point -= weight
        if point < 0:
            return value
    return choices[-1][0]
