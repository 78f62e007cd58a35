"""Checklists and inspections: the loaded checklist versions, inspections with their answers,
photos, and each unit's grade. Generated from the schema diff (``playhouse.schema_diff``), then
the foreign keys the models leave unindexed (few distinct values, or covered by a unique index)
were marked ``index=False``, which the generator does not carry over."""

from peewee import *


def up(migrator, db):
    class Station(Model):
        class Meta:
            database = db
            table_name = "station"

    class Unit(Model):
        class Meta:
            database = db
            table_name = "unit"

    class User(Model):
        class Meta:
            database = db
            table_name = "user"

    class ChecklistVersion(Model):
        category = CharField(max_length=32)
        version = IntegerField()
        name = CharField(max_length=120)
        body = TextField()
        loaded_at = DateTimeField()

        class Meta:
            database = db
            table_name = "checklist_version"
            indexes = ((("category", "version"), True),)

    db.create_tables([ChecklistVersion])

    class Inspection(Model):
        unit = ForeignKeyField(Unit)
        checklist_version = ForeignKeyField(ChecklistVersion, index=False)
        state = CharField(max_length=16, default="in_progress")
        station = ForeignKeyField(Station, index=False)
        started_by = ForeignKeyField(User)
        started_at = DateTimeField()
        completed_by = ForeignKeyField(User, null=True)
        completed_at = DateTimeField(null=True)
        computed_grade = CharField(null=True, max_length=1)
        final_grade = CharField(null=True, max_length=1)
        override_reason = TextField(null=True)
        overridden_by = ForeignKeyField(User, null=True)
        overridden_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "inspection"

    db.create_tables([Inspection])

    class InspectionAnswer(Model):
        inspection = ForeignKeyField(Inspection, on_delete="CASCADE", index=False)
        step_id = CharField(max_length=64)
        value = TextField()
        answered_by = ForeignKeyField(User, index=False)
        answered_at = DateTimeField()

        class Meta:
            database = db
            table_name = "inspection_answer"
            indexes = ((("inspection", "step_id"), True),)

    db.create_tables([InspectionAnswer])

    class Photo(Model):
        unit = ForeignKeyField(Unit)
        inspection = ForeignKeyField(Inspection, null=True)
        step_id = CharField(null=True, max_length=64)
        sha256 = CharField(index=True, max_length=64)
        file_name = CharField(max_length=80)
        taken_by = ForeignKeyField(User, index=False)
        taken_at = DateTimeField()

        class Meta:
            database = db
            table_name = "photo"

    db.create_tables([Photo])

    migrator.migrate(migrator.add_column("unit", "grade", CharField(null=True, max_length=1)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("unit", "grade"))
    migrator.migrate(migrator.drop_table("photo"))
    migrator.migrate(migrator.drop_table("inspection_answer"))
    migrator.migrate(migrator.drop_table("inspection"))
    migrator.migrate(migrator.drop_table("checklist_version"))
