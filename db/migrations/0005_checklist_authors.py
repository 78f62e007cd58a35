"""Checklist versions saved in the app: who saved each one and their note on what changed.

Versions loaded from template files keep ``saved_by`` empty. The foreign key is left unindexed:
a handful of supervisors save a few versions a year."""

from peewee import *


def up(migrator, db):
    class User(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "user"

    migrator.migrate(
        migrator.add_column(
            "checklist_version",
            "saved_by_id",
            ForeignKeyField(User, field=User.id, null=True, index=False),
        ),
        migrator.add_column("checklist_version", "note", CharField(max_length=200, default="")),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("checklist_version", "note"),
        migrator.drop_column("checklist_version", "saved_by_id"),
    )
