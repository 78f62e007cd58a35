"""Disposition and customer outcome: the routing rules' versions, each unit's routing decisions
(route, location, rule, reasons, recoveries) with the latest on the unit itself, and the
customer outcome proposed for each returned unit with its approval. Generated from the schema
diff, then the foreign keys that are only followed from the row (few distinct values, or read
by id) were marked ``index=False``, which the generator does not carry over."""

from peewee import *


def up(migrator, db):
    class User(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "user"

    class Unit(Model):
        class Meta:
            database = db
            table_name = "unit"

    class RMA(Model):
        class Meta:
            database = db
            table_name = "rma"

    class Inspection(Model):
        class Meta:
            database = db
            table_name = "inspection"

    class RoutingRulesVersion(Model):
        version = IntegerField(unique=True)
        name = CharField(max_length=120)
        body = TextField()
        saved_at = DateTimeField()
        saved_by = ForeignKeyField(User, null=True, index=False)
        note = CharField(max_length=200, default="")

        class Meta:
            database = db
            table_name = "routing_rules_version"

    class UnitDisposition(Model):
        unit = ForeignKeyField(Unit)
        inspection = ForeignKeyField(Inspection, null=True, index=False)
        rules_version = ForeignKeyField(RoutingRulesVersion, index=False)
        route = CharField(max_length=16)
        location = CharField(max_length=64)
        rule_id = CharField(max_length=64, null=True)
        reasons = TextField()
        recoveries = TextField()
        decided_by = ForeignKeyField(User, index=False)
        decided_at = DateTimeField()
        override_reason = TextField(null=True)

        class Meta:
            database = db
            table_name = "unit_disposition"

    class CustomerOutcome(Model):
        unit = ForeignKeyField(Unit)
        rma = ForeignKeyField(RMA, null=True, index=False)
        inspection = ForeignKeyField(Inspection, null=True, index=False)
        requested = CharField(max_length=16)
        outcome = CharField(max_length=16)
        state = CharField(max_length=16)
        refund_amount = DecimalField(max_digits=12, decimal_places=2, default=0)
        repair_estimate = DecimalField(max_digits=12, decimal_places=2, default=0)
        claim_not_found = BooleanField(default=False)
        notes = TextField()
        proposed_at = DateTimeField()
        decided_by = ForeignKeyField(User, null=True, index=False)
        decided_at = DateTimeField(null=True)
        decision_note = TextField(default="")
        exported_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "customer_outcome"

    db.create_tables([RoutingRulesVersion, UnitDisposition, CustomerOutcome])
    migrator.migrate(
        migrator.add_column("unit", "disposition", CharField(null=True, max_length=16)),
        migrator.add_column("unit", "location", CharField(null=True, max_length=64)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("unit", "location"),
        migrator.drop_column("unit", "disposition"),
        migrator.drop_table("customer_outcome"),
        migrator.drop_table("unit_disposition"),
        migrator.drop_table("routing_rules_version"),
    )
