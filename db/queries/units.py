"""Queries about products, serials and units on the receiving scan path (all indexed look-ups)."""

from __future__ import annotations

from peewee import ModelSelect

from db.models import OrderLine, Product, ProductGTIN, Sequence, SoldSerial, Station, Unit, User
from db.transactions import for_update


def product_by_gtin(gtin14: str) -> Product | None:
    return Product.select().join(ProductGTIN).where(ProductGTIN.gtin == gtin14).first()


def product_by_sku(sku: str) -> Product | None:
    return Product.select().where(Product.sku == sku).first()


def product_by_id(product_id: int) -> Product | None:
    return Product.get_or_none(Product.id == product_id)


def order_lines(order_id: int) -> list[OrderLine]:
    return list(OrderLine.select().where(OrderLine.order == order_id))


def sold_serials(order_line_ids: list[int]) -> dict[int, set[str]]:
    """Serials sold, per order line."""
    result: dict[int, set[str]] = {line_id: set() for line_id in order_line_ids}
    if order_line_ids:
        query = SoldSerial.select().where(SoldSerial.order_line.in_(order_line_ids))
        for row in query:
            result[row.order_line_id].add(row.serial)
    return result


def order_line_sold_with_serial(order_id: int, serial: str) -> OrderLine | None:
    return (
        OrderLine.select(OrderLine, Product)
        .join(Product)
        .switch(OrderLine)
        .join(SoldSerial)
        .where((OrderLine.order == order_id) & (SoldSerial.serial == serial))
        .first()
    )


def unit_by_key(receipt_key: str) -> Unit | None:
    return _unit_query().where(Unit.receipt_key == receipt_key).first()


def unit_by_lpn(lpn: str) -> Unit | None:
    return _unit_query().where(Unit.lpn == lpn).first()


def last_unit_of_product(parcel_id: int, product_id: int) -> Unit | None:
    return (
        _unit_query()
        .where((Unit.parcel == parcel_id) & (Unit.product == product_id))
        .order_by(Unit.id.desc())
        .first()
    )


def count_units_of_product(parcel_id: int, product_id: int) -> int:
    return Unit.select().where((Unit.parcel == parcel_id) & (Unit.product == product_id)).count()


def _unit_query() -> ModelSelect[Unit]:
    return (
        Unit.select(Unit, Product, Station, User)
        .join(Product)
        .switch(Unit)
        .join(Station)
        .switch(Unit)
        .join(User, on=Unit.received_by == User.id)
    )


def next_in_sequence(name: str) -> int:
    """Advance the named counter inside the current write transaction and return the new value."""
    row = for_update(Sequence.select().where(Sequence.name == name)).first()
    if row is None:
        Sequence.create(name=name, value=1)
        return 1
    Sequence.update(value=Sequence.value + 1).where(Sequence.name == name).execute()
    return int(row.value) + 1
