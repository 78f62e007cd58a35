"""Importing products: SKU, name, category, vendor, cost and price, warranty, GTINs (no Qt).

GTINs are stored as GTIN-14. An import adds the GTINs a row names to its product; it never
removes one (a GTIN printed on stock in the warehouse stays scannable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from peewee import Field

from db.models import Product, ProductGTIN, Vendor
from receiving_app.data_import import problems as p
from receiving_app.data_import.entity import Parsed, UniqueKey, WriteState, chunked, tuple_rows
from receiving_app.data_import.problems import RowProblem
from receiving_app.data_import.values import RowReader


@dataclass(frozen=True)
class ProductRecord:
    sku: str
    name: str
    category: str
    vendor_code: str | None
    unit_cost: Decimal | None
    price: Decimal | None
    warranty_months: int | None
    serialised: bool | None
    gtins: tuple[str, ...]


def vendor_ids(codes: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in chunked(codes):
        query = Vendor.select(Vendor.code, Vendor.id).where(Vendor.code.in_(part)).tuples()
        found.update(tuple_rows(query))
    return found


def gtin_owners(gtins: set[str]) -> dict[str, tuple[int, str]]:
    """GTIN → (product id, SKU) for those already stored."""
    found: dict[str, tuple[int, str]] = {}
    for part in chunked(gtins):
        query = (
            ProductGTIN.select(ProductGTIN.gtin, Product.id, Product.sku)
            .join(Product)
            .where(ProductGTIN.gtin.in_(part))
            .tuples()
        )
        for gtin, product_id, sku in tuple_rows(query):
            found[gtin] = (product_id, sku)
    return found


class ProductEntity:
    name = "products"

    def __init__(self, columns: dict[str, str]) -> None:
        self._columns = columns

    def parse(self, reader: RowReader) -> ProductRecord | None:
        vendor = reader.text("vendor_code", 32)
        record = ProductRecord(
            sku=reader.text("sku", 64, required=True) or "",
            name=reader.text("name", 200, required=True) or "",
            category=(reader.text("category", 32, required=True) or "").lower(),
            vendor_code=vendor.upper() if vendor else None,
            unit_cost=reader.amount("unit_cost"),
            price=reader.amount("price"),
            warranty_months=reader.whole("warranty_months"),
            serialised=reader.flag("serialised"),
            gtins=tuple(reader.gtins("gtin") or ()),
        )
        return record if reader.ok else None

    def keys(self, record: ProductRecord) -> Sequence[UniqueKey]:
        gtin_column = self._columns.get("gtin", "gtin")
        return (UniqueKey("product", record.sku, self._columns.get("sku", "sku")),) + tuple(
            UniqueKey("gtin", gtin, gtin_column) for gtin in record.gtins
        )

    def check(self, batch: Sequence[Parsed[ProductRecord]]) -> list[RowProblem]:
        found: list[RowProblem] = []
        codes = {item.record.vendor_code for item in batch if item.record.vendor_code}
        known = vendor_ids(codes)
        owners = gtin_owners({gtin for item in batch for gtin in item.record.gtins})
        vendor_column = self._columns.get("vendor_code", "vendor_code")
        gtin_column = self._columns.get("gtin", "gtin")
        for item in batch:
            code = item.record.vendor_code
            if code and code not in known:
                found.append(RowProblem(item.row, vendor_column, p.UNKNOWN_VENDOR, {}, code))
            for gtin in item.record.gtins:
                owner = owners.get(gtin)
                if owner is not None and owner[1] != item.record.sku:
                    found.append(
                        RowProblem(item.row, gtin_column, p.GTIN_TAKEN, {"sku": owner[1]}, gtin)
                    )
        return found

    def write(self, batch: Sequence[ProductRecord], state: WriteState) -> None:
        stored: dict[str, Product] = {}
        for skus in chunked({record.sku for record in batch}):
            stored.update((x.sku, x) for x in Product.select().where(Product.sku.in_(skus)))
        vendors = vendor_ids({r.vendor_code for r in batch if r.vendor_code})
        owners = gtin_owners({gtin for record in batch for gtin in record.gtins})
        fields: list[Field] = [
            Product.sku,
            Product.name,
            Product.category,
            Product.vendor,
            Product.unit_cost,
            Product.price,
            Product.warranty_months,
            Product.serialised,
        ]
        new = [
            (
                r.sku,
                r.name,
                r.category,
                vendors.get(r.vendor_code) if r.vendor_code else None,
                r.unit_cost or Decimal(0),
                r.price or Decimal(0),
                r.warranty_months or 0,
                bool(r.serialised),
            )
            for r in batch
            if r.sku not in stored
        ]
        state.inserted += state.insert(Product, fields, new)
        if new:
            for skus in chunked([row[0] for row in new]):
                query = Product.select().where(Product.sku.in_(skus))
                stored.update((x.sku, x) for x in query)
        gtin_rows: list[tuple[int, str]] = []
        new_skus = {row[0] for row in new}
        for record in batch:
            product = stored[record.sku]
            added = [gtin for gtin in record.gtins if gtin not in owners]
            gtin_rows.extend((product.id, gtin) for gtin in added)
            if record.sku not in new_skus:
                self._update(product, record, vendors, added, state)
        state.insert(ProductGTIN, [ProductGTIN.product, ProductGTIN.gtin], gtin_rows)

    @staticmethod
    def _update(
        product: Product,
        record: ProductRecord,
        vendors: dict[str, int],
        added_gtins: list[str],
        state: WriteState,
    ) -> None:
        after: dict[str, object] = {
            "name": record.name,
            "category": record.category,
            "unit_cost": record.unit_cost,
            "price": record.price,
            "warranty_months": record.warranty_months,
            "serialised": record.serialised,
        }
        if record.vendor_code is not None:
            after["vendor"] = vendors[record.vendor_code]
        after = {key: value for key, value in after.items() if value is not None}
        before: dict[str, object] = {key: getattr(product, key) for key in after}
        if "vendor" in before:
            before["vendor"] = product.vendor_id
        if before == after and not added_gtins:
            state.unchanged += 1
            return
        if before != after:
            Product.update(**after).where(Product.id == product.id).execute()
        if added_gtins:
            before["gtins_added"], after["gtins_added"] = [], added_gtins
        state.audit_update("product", product.id, before, after)
        state.updated += 1
