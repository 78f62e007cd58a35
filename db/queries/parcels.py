"""Queries about parcels, RMAs and orders on the receiving scan path (all indexed look-ups)."""

from __future__ import annotations

from peewee import JOIN, fn

from db.models import RMA, Order, OrderLine, Parcel, Product, RMALine, Station, Unit, User
from db.transactions import for_update


def parcel_by_key(receipt_key: str) -> Parcel | None:
    return (
        Parcel.select(Parcel, Station, User)
        .join(Station)
        .switch(Parcel)
        .join(User)
        .where(Parcel.receipt_key == receipt_key)
        .first()
    )


def parcel_by_id(parcel_id: int, lock: bool = False) -> Parcel | None:
    """The parcel with its RMA and order loaded in the same query (the screen shows both).

    Locking (for a change) selects the parcel row alone: PostgreSQL cannot lock the nullable
    side of an outer join.
    """
    if lock:
        return for_update(Parcel.select().where(Parcel.id == parcel_id)).first()
    return (
        Parcel.select(Parcel, RMA, Order)
        .join(RMA, JOIN.LEFT_OUTER)
        .switch(Parcel)
        .join(Order, JOIN.LEFT_OUTER)
        .where(Parcel.id == parcel_id)
        .first()
    )


def parcel_of_rma(rma_id: int) -> Parcel | None:
    return (
        Parcel.select(Parcel, Station, User)
        .join(Station)
        .switch(Parcel)
        .join(User)
        .where(Parcel.rma == rma_id)
        .order_by(Parcel.received_at.desc())
        .first()
    )


def rma_by_number(number: str) -> RMA | None:
    return RMA.select().where(RMA.number == number).first()


def rmas_expecting(tracking_number: str) -> list[RMA]:
    return list(
        RMA.select().where((RMA.expected_tracking == tracking_number) & (RMA.status == "open"))
    )


def order_by_number(number: str) -> Order | None:
    return Order.select().where(Order.number == number).first()


def open_rmas_of_order(order_id: int) -> list[RMA]:
    return list(
        RMA.select().where((RMA.order == order_id) & (RMA.status == "open")).order_by(RMA.number)
    )


def skus_of_rma(rma_id: int) -> list[str]:
    query = (
        Product.select(Product.sku)
        .join(OrderLine)
        .join(RMALine)
        .where(RMALine.rma == rma_id)
        .order_by(RMALine.id)
    )
    return [product.sku for product in query]


def rma_lines_with_counts(rma_id: int) -> list[RMALine]:
    """The RMA's lines with product and the number of units already received on each."""
    received = fn.COUNT(Unit.id).alias("received")
    return list(
        RMALine.select(RMALine, OrderLine, Product, received)
        .join(OrderLine)
        .join(Product)
        .switch(RMALine)
        .join(Unit, JOIN.LEFT_OUTER)
        .where(RMALine.rma == rma_id)
        .group_by(RMALine.id, OrderLine.id, Product.id)
        .order_by(RMALine.id)
    )


def units_of_parcel(parcel_id: int) -> list[Unit]:
    return list(
        Unit.select(Unit, Product).join(Product).where(Unit.parcel == parcel_id).order_by(Unit.id)
    )
