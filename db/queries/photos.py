"""Queries about parcel photos and unit photos taken outside a checklist step (indexed look-ups)."""

from __future__ import annotations

from db.models import Photo, User


def parcel_photo(parcel_id: int, sha256: str) -> Photo | None:
    """The parcel's photo with this content, if it was attached already."""
    return Photo.get_or_none((Photo.parcel == parcel_id) & (Photo.sha256 == sha256))


def photos_of_parcel(parcel_id: int) -> list[Photo]:
    """The parcel's photos, oldest first, with who took them."""
    return list(
        Photo.select(Photo, User)
        .join(User)
        .where(Photo.parcel == parcel_id)
        .order_by(Photo.taken_at, Photo.id)
    )


def unit_photo(inspection_id: int, sha256: str) -> Photo | None:
    """The photo with this content taken during the inspection outside any step, if any."""
    return Photo.get_or_none(
        (Photo.inspection == inspection_id) & (Photo.step_id.is_null()) & (Photo.sha256 == sha256)
    )


def photos_of_unit(unit_id: int) -> list[Photo]:
    """The unit's photos from all its inspections (steps and any time), oldest first."""
    return list(
        Photo.select(Photo, User)
        .join(User)
        .where(Photo.unit == unit_id)
        .order_by(Photo.taken_at, Photo.id)
    )
