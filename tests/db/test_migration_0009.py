"""Migration 0009 (parcel photos) keeps the unit photos a database already has, both ways."""

from __future__ import annotations

import peewee
import pytest
from playhouse.migrations import Runner
from playhouse.schema_diff import diff_models

from db.connection import open_database
from db.errors import SchemaOutdated
from db.models import MODELS, Parcel, Photo, Product, Station, Unit, User
from db.schema import HISTORY_TABLE, MIGRATIONS_DIR, check_schema, upgrade
from tests.conftest import NOW
from tests.core.seed import seed_dock

MIGRATION = "0009_parcel_photos"


def photo_rows(database: peewee.Database) -> list[tuple[object, ...]]:
    """The photos as the 0008 schema knows them (no parcel column)."""
    cursor = database.execute_sql("SELECT id, unit_id, sha256, file_name FROM photo ORDER BY id")
    return [tuple(row) for row in cursor.fetchall()]


def test_down_and_up_again_keep_the_unit_photos(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        with database.atomic():
            seed_dock(NOW)
            user = User.get()
            station = Station.create(code="DOCK-1", name="Dock 1")
            parcel = Parcel.create(
                receipt_key="P1", station=station, received_by=user, received_at=NOW
            )
            unit = Unit.create(
                lpn="LPN1",
                receipt_key="U1",
                parcel=parcel,
                product=Product.get(),
                match="ok",
                station=station,
                received_by=user,
                received_at=NOW,
            )
            kept = Photo.create(
                unit=unit, sha256="a" * 64, file_name="a.jpg", taken_by=user, taken_at=NOW
            )
            Photo.create(
                parcel=parcel, sha256="b" * 64, file_name="b.jpg", taken_by=user, taken_at=NOW
            )
        unit_photo = (kept.id, unit.id, "a" * 64, "a.jpg")

        assert Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).down() == [MIGRATION]
        with pytest.raises(SchemaOutdated):
            check_schema(database)
        assert "parcel_id" not in {c.name for c in database.get_columns("photo")}
        assert photo_rows(database) == [unit_photo]  # a parcel photo has no place in 0008
        with pytest.raises(peewee.IntegrityError), database.atomic():  # unit_id: not null again
            database.execute_sql(
                "INSERT INTO photo (sha256, file_name, taken_by_id, taken_at) "
                f"VALUES ('c', 'c.jpg', {user.id}, '2026-11-24 10:00:00')"
            )

        assert upgrade(database) == [MIGRATION]
        assert not diff_models(database, list(MODELS))
        assert photo_rows(database) == [unit_photo]
        assert Photo.get().parcel_id is None
        indexed = {tuple(index.columns) for index in database.get_indexes("photo")}
        assert ("parcel_id",) in indexed
