"""Parcel photos: a photo belongs to a parcel (its condition at receiving) or to a unit, so
``photo.unit_id`` becomes nullable and ``photo.parcel_id`` is added, indexed (a parcel's photos
are listed). Existing photos are all unit photos and stay as they are.

Going down deletes the parcel photos' rows (the older schema has no place for them); their
files stay in the photo folder."""

from peewee import *


def up(migrator, db):
    class Parcel(Model):
        class Meta:
            database = db
            table_name = "parcel"

    migrator.migrate(
        migrator.drop_not_null("photo", "unit_id"),
        migrator.add_column(
            "photo", "parcel_id", ForeignKeyField(Parcel, null=True, field=Parcel.id)
        ),
    )


def down(migrator, db):
    db.execute_sql("DELETE FROM photo WHERE unit_id IS NULL")
    migrator.migrate(
        migrator.drop_index("photo", "photo_parcel_id"),
        migrator.drop_column("photo", "parcel_id"),
        migrator.add_not_null("photo", "unit_id"),
    )
