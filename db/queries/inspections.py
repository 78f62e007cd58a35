"""Queries about checklist versions, inspections, their answers and photos (indexed look-ups)."""

from __future__ import annotations

from peewee import ModelSelect

from db.models import (
    RMA,
    ChecklistVersion,
    Inspection,
    InspectionAnswer,
    OrderLine,
    Parcel,
    Photo,
    Product,
    RMALine,
    Station,
    Unit,
    User,
)
from db.transactions import for_update


def checklist_version(category: str, version: int) -> ChecklistVersion | None:
    return ChecklistVersion.get_or_none(
        (ChecklistVersion.category == category) & (ChecklistVersion.version == version)
    )


def latest_checklist_version(category: str) -> ChecklistVersion | None:
    """The highest version loaded for ``category``: what a new inspection uses."""
    return (
        ChecklistVersion.select()
        .where(ChecklistVersion.category == category)
        .order_by(ChecklistVersion.version.desc())
        .first()
    )


def checklist_version_by_id(version_id: int) -> ChecklistVersion | None:
    return ChecklistVersion.get_or_none(ChecklistVersion.id == version_id)


def unit_for_inspection(lpn: str, lock: bool = False) -> Unit | None:
    """The unit with its product, parcel and receiving details, for the inspection screen."""
    query = (
        Unit.select(Unit, Product, Parcel)
        .join(Product)
        .switch(Unit)
        .join(Parcel)
        .where(Unit.lpn == lpn)
    )
    return (for_update(query) if lock else query).first()


def unit_by_id(unit_id: int, lock: bool = False) -> Unit | None:
    query = Unit.select().where(Unit.id == unit_id)
    return (for_update(query) if lock else query).first()


def rma_of_unit(unit: Unit) -> RMA | None:
    """The RMA the unit came back under: its line's, else its parcel's."""
    if unit.rma_line_id is not None:
        line = RMALine.select(RMALine, RMA).join(RMA).where(RMALine.id == unit.rma_line_id).first()
        return line.rma if line is not None else None
    parcel = Parcel.get_by_id(unit.parcel_id)
    return RMA.get_or_none(RMA.id == parcel.rma_id) if parcel.rma_id is not None else None


def order_line_ids_of_unit(unit: Unit) -> list[int]:
    """The order lines the unit may have been sold on: its RMA line's, else its product's."""
    if unit.rma_line_id is not None:
        line = RMALine.get_or_none(RMALine.id == unit.rma_line_id)
        return [line.order_line_id] if line is not None else []
    parcel = Parcel.get_by_id(unit.parcel_id)
    if parcel.order_id is None:
        return []
    query = OrderLine.select(OrderLine.id).where(
        (OrderLine.order == parcel.order_id) & (OrderLine.product == unit.product_id)
    )
    return [row.id for row in query]


def _inspection_query() -> ModelSelect[Inspection]:
    return (
        Inspection.select(Inspection, Station, User)
        .join(Station, on=Inspection.station == Station.id)
        .switch(Inspection)
        .join(User, on=Inspection.started_by == User.id)
    )


def inspection_by_id(inspection_id: int, lock: bool = False) -> Inspection | None:
    if lock:
        return for_update(Inspection.select().where(Inspection.id == inspection_id)).first()
    return _inspection_query().where(Inspection.id == inspection_id).first()


def open_inspection(unit_id: int) -> Inspection | None:
    """The unit's inspection still in progress, if any (at most one is kept open)."""
    return (
        _inspection_query()
        .where((Inspection.unit == unit_id) & (Inspection.state == "in_progress"))
        .order_by(Inspection.id.desc())
        .first()
    )


def last_completed_inspection(unit_id: int) -> Inspection | None:
    """The unit's latest completed inspection: the one its grade comes from."""
    return (
        Inspection.select()
        .where((Inspection.unit == unit_id) & (Inspection.state == "completed"))
        .order_by(Inspection.id.desc())
        .first()
    )


def inspections_of_unit(unit_id: int) -> list[Inspection]:
    """Every inspection of the unit, oldest first."""
    return list(Inspection.select().where(Inspection.unit == unit_id).order_by(Inspection.id))


def user_name(user_id: int | None) -> str:
    """A user's display name (empty for none)."""
    if user_id is None:
        return ""
    user = User.get_or_none(User.id == user_id)
    return user.display_name if user is not None else ""


def station_code(station_id: int) -> str:
    station = Station.get_or_none(Station.id == station_id)
    return station.code if station is not None else ""


def answers_of(inspection_id: int) -> dict[str, str]:
    """The stored answers (JSON text) of an inspection, by step id."""
    query = InspectionAnswer.select().where(InspectionAnswer.inspection == inspection_id)
    return {row.step_id: row.value for row in query}


def answer_of(inspection_id: int, step_id: str) -> InspectionAnswer | None:
    return InspectionAnswer.get_or_none(
        (InspectionAnswer.inspection == inspection_id) & (InspectionAnswer.step_id == step_id)
    )


def photos_of_inspection(inspection_id: int) -> list[Photo]:
    return list(Photo.select().where(Photo.inspection == inspection_id).order_by(Photo.id))


def photo_of_step(inspection_id: int, step_id: str, sha256: str) -> Photo | None:
    return Photo.get_or_none(
        (Photo.inspection == inspection_id) & (Photo.step_id == step_id) & (Photo.sha256 == sha256)
    )


def photos_with_hash(sha256: str) -> int:
    return Photo.select().where(Photo.sha256 == sha256).count()
