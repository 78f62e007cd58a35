"""The supervisor's desk: put-away (a unit's ``moved_at``), exception resolutions, override
reviews, and vendor-return batches with their cartons and units; the timestamps the dashboard
and the reports count by are indexed. Written from the schema diff, with the foreign keys only
followed from the row marked ``index=False``."""

from peewee import *


def up(migrator, db):
    class User(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "user"

    class Vendor(Model):
        class Meta:
            database = db
            table_name = "vendor"

    class RMA(Model):
        class Meta:
            database = db
            table_name = "rma"

    class Parcel(Model):
        class Meta:
            database = db
            table_name = "parcel"

    class Unit(Model):
        class Meta:
            database = db
            table_name = "unit"

    class ExceptionResolution(Model):
        subject = CharField(max_length=120, unique=True)
        kind = CharField(max_length=24)
        parcel = ForeignKeyField(Parcel)
        unit = ForeignKeyField(Unit, null=True, index=False)
        action = CharField(max_length=16)
        rma = ForeignKeyField(RMA, null=True, index=False)
        reason = TextField(default="")
        resolved_by = ForeignKeyField(User, index=False)
        resolved_at = DateTimeField()

        class Meta:
            database = db
            table_name = "exception_resolution"

    class OverrideReview(Model):
        subject = CharField(max_length=64, unique=True)
        kind = CharField(max_length=24)
        unit = ForeignKeyField(Unit)
        decision = CharField(max_length=16)
        note = TextField(default="")
        reviewed_by = ForeignKeyField(User, index=False)
        reviewed_at = DateTimeField()

        class Meta:
            database = db
            table_name = "override_review"

    class RtvBatch(Model):
        number = CharField(max_length=32, unique=True)
        vendor = ForeignKeyField(Vendor)
        open_key = IntegerField(null=True, unique=True)
        state = CharField(max_length=16, default="open")
        vendor_rma = CharField(max_length=64, null=True)
        opened_at = DateTimeField()
        closed_at = DateTimeField(null=True)
        closed_by = ForeignKeyField(User, null=True, index=False)
        shipped_on = DateField(null=True)
        carrier = CharField(max_length=32, null=True)
        tracking = CharField(max_length=64, null=True)
        shipped_at = DateTimeField(null=True)
        shipped_by = ForeignKeyField(User, null=True, index=False)

        class Meta:
            database = db
            table_name = "rtv_batch"

    class RtvCarton(Model):
        batch = ForeignKeyField(RtvBatch, on_delete="CASCADE")
        number = IntegerField()
        sscc = CharField(max_length=18, unique=True)

        class Meta:
            database = db
            table_name = "rtv_carton"
            indexes = ((("batch", "number"), True),)

    class RtvBatchLine(Model):
        batch = ForeignKeyField(RtvBatch, on_delete="CASCADE")
        unit = ForeignKeyField(Unit, unique=True)
        carton = ForeignKeyField(RtvCarton, null=True, index=False)
        cost = DecimalField(max_digits=12, decimal_places=2, default=0)
        added_at = DateTimeField()

        class Meta:
            database = db
            table_name = "rtv_batch_line"

    db.create_tables([ExceptionResolution, OverrideReview, RtvBatch, RtvCarton, RtvBatchLine])
    migrator.migrate(
        migrator.add_column("unit", "moved_at", DateTimeField(null=True, index=True)),
        migrator.add_column(
            "unit",
            "moved_by_id",
            ForeignKeyField(User, null=True, index=False, field=User.id),
        ),
        migrator.add_index("unit", ("received_at",), False),
        migrator.add_index("parcel", ("received_at",), False),
        migrator.add_index("inspection", ("completed_at",), False),
        migrator.add_index("unit_disposition", ("decided_at",), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("unit_disposition", "unit_disposition_decided_at"),
        migrator.drop_index("inspection", "inspection_completed_at"),
        migrator.drop_index("parcel", "parcel_received_at"),
        migrator.drop_index("unit", "unit_received_at"),
        migrator.drop_column("unit", "moved_by_id"),
        migrator.drop_column("unit", "moved_at"),
        migrator.drop_table("rtv_batch_line"),
        migrator.drop_table("rtv_carton"),
        migrator.drop_table("rtv_batch"),
        migrator.drop_table("override_review"),
        migrator.drop_table("exception_resolution"),
    )
