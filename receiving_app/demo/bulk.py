"""The demo generator's tables: one bulk writer per table, with its columns in order (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.bulk import BulkWriter
from db.models import (
    RMA,
    BaseModel,
    Channel,
    Customer,
    Order,
    OrderLine,
    Product,
    ProductGTIN,
    RMALine,
    SoldSerial,
    Vendor,
)

if TYPE_CHECKING:
    from peewee import Database


class DemoTables:
    """One ``BulkWriter`` per table the demo fills, with the columns it writes, in that order."""

    def __init__(self, database: Database) -> None:
        def writer(model: type[BaseModel], *names: str) -> BulkWriter:
            return BulkWriter(database, model, [getattr(model, name) for name in names])

        self.channels = writer(Channel, "id", "code", "name")
        self.vendors = writer(Vendor, "id", "code", "name", "accepts_returns", "return_window_days")
        self.products = writer(
            Product,
            "id",
            "sku",
            "name",
            "category",
            "vendor",
            "unit_cost",
            "price",
            "warranty_months",
            "serialised",
        )
        self.gtins = writer(ProductGTIN, "id", "product", "gtin")
        self.customers = writer(Customer, "id", "channel", "external_ref", "display_name")
        self.orders = writer(
            Order, "id", "number", "channel", "customer", "ordered_at", "delivered_on"
        )
        self.order_lines = writer(
            OrderLine, "id", "order", "line_no", "product", "quantity", "unit_price"
        )
        self.serials = writer(SoldSerial, "id", "order_line", "serial")
        self.rmas = writer(
            RMA,
            "id",
            "number",
            "order",
            "reason_code",
            "customer_words",
            "requested_outcome",
            "expected_carrier",
            "expected_tracking",
            "status",
            "created_at",
        )
        self.rma_lines = writer(RMALine, "id", "rma", "order_line", "quantity")


BULK_MODELS: tuple[type[BaseModel], ...] = (
    Channel,
    Vendor,
    Product,
    ProductGTIN,
    Customer,
    Order,
    OrderLine,
    SoldSerial,
    RMA,
    RMALine,
)
"""The tables written with explicit ids (their PostgreSQL sequences need advancing)."""
