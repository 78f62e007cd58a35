"""The first schema: master data, orders and RMAs, parcels, units, print outbox, audit."""

# Frozen copy of the models at this version: never edit after release, add a new migration.
# Generated from a schema diff on 2026-11-24 20:10.
from peewee import *
import decimal


def up(migrator, db):
    class AuditHead(Model):
        id = IntegerField(primary_key=True)
        seq = IntegerField(default=0)
        hash = CharField(
            max_length=64,
            default="0000000000000000000000000000000000000000000000000000000000000000",
        )

        class Meta:
            database = db
            table_name = "audit_head"

    db.create_tables([AuditHead])

    class AuditRecord(Model):
        seq = IntegerField(unique=True)
        at = DateTimeField()
        user_name = CharField(null=True, max_length=64)
        station_code = CharField(null=True, max_length=32)
        action = CharField(index=True, max_length=48)
        entity = CharField(max_length=32)
        entity_id = CharField(index=True, max_length=80)
        before = TextField(default="")
        after = TextField(default="")
        prev_hash = CharField(max_length=64)
        hash = CharField(max_length=64)

        class Meta:
            database = db
            table_name = "audit_record"

    db.create_tables([AuditRecord])

    class Channel(Model):
        code = CharField(unique=True, max_length=32)
        name = CharField(max_length=120)

        class Meta:
            database = db
            table_name = "channel"

    db.create_tables([Channel])

    class Customer(Model):
        channel = ForeignKeyField(Channel)
        external_ref = CharField(max_length=64)
        display_name = CharField(max_length=120)

        class Meta:
            database = db
            table_name = "customer"
            indexes = ((("channel", "external_ref"), True),)

    db.create_tables([Customer])

    class Order(Model):
        number = CharField(unique=True, max_length=40)
        channel = ForeignKeyField(Channel)
        customer = ForeignKeyField(Customer, null=True)
        ordered_at = DateTimeField()
        delivered_on = DateField(null=True)

        class Meta:
            database = db
            table_name = "order"

    db.create_tables([Order])

    class Vendor(Model):
        code = CharField(unique=True, max_length=32)
        name = CharField(max_length=120)
        accepts_returns = BooleanField(default=False)
        return_window_days = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "vendor"

    db.create_tables([Vendor])

    class Product(Model):
        sku = CharField(unique=True, max_length=64)
        name = CharField(max_length=200)
        category = CharField(index=True, max_length=32)
        vendor = ForeignKeyField(Vendor, null=True)
        unit_cost = DecimalField(max_digits=12, decimal_places=2, default=decimal.Decimal(0))
        price = DecimalField(max_digits=12, decimal_places=2, default=decimal.Decimal(0))
        warranty_months = IntegerField(default=0)
        serialised = BooleanField(default=False)

        class Meta:
            database = db
            table_name = "product"

    db.create_tables([Product])

    class OrderLine(Model):
        order = ForeignKeyField(Order, on_delete="CASCADE")
        line_no = IntegerField()
        product = ForeignKeyField(Product)
        quantity = IntegerField()
        unit_price = DecimalField(max_digits=12, decimal_places=2)

        class Meta:
            database = db
            table_name = "order_line"
            indexes = ((("order", "line_no"), True),)

    db.create_tables([OrderLine])

    class RMA(Model):
        number = CharField(unique=True, max_length=40)
        order = ForeignKeyField(Order)
        reason_code = CharField(max_length=32)
        customer_words = TextField(default="")
        requested_outcome = CharField(max_length=16)
        expected_carrier = CharField(null=True, max_length=32)
        expected_tracking = CharField(index=True, null=True, max_length=64)
        status = CharField(index=True, max_length=16, default="open")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "rma"

    db.create_tables([RMA])

    class Station(Model):
        code = CharField(unique=True, max_length=32)
        name = CharField(max_length=120)

        class Meta:
            database = db
            table_name = "station"

    db.create_tables([Station])

    class User(Model):
        name = CharField(unique=True, max_length=64)
        display_name = CharField(max_length=120)
        role = CharField(max_length=16)
        badge = CharField(unique=True, null=True, max_length=40)
        pin_hash = CharField(null=True)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "user"

    db.create_tables([User])

    class Parcel(Model):
        receipt_key = CharField(unique=True, max_length=80)
        tracking_number = CharField(index=True, null=True, max_length=64)
        carrier = CharField(null=True, max_length=32)
        carrier_candidates = CharField(max_length=200, default="")
        rma = ForeignKeyField(RMA, null=True)
        order = ForeignKeyField(Order, null=True)
        condition = CharField(max_length=16, default="intact")
        note = TextField(default="")
        is_exception = BooleanField(index=True, default=False)
        state = CharField(index=True, max_length=16, default="open")
        station = ForeignKeyField(Station)
        received_by = ForeignKeyField(User)
        received_at = DateTimeField()
        closed_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "parcel"

    db.create_tables([Parcel])

    class PrintJob(Model):
        kind = CharField(max_length=24)
        reference = CharField(index=True, max_length=64)
        payload = TextField()
        state = CharField(index=True, max_length=16, default="queued")
        station = ForeignKeyField(Station)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "print_job"

    db.create_tables([PrintJob])

    class ProductGTIN(Model):
        product = ForeignKeyField(Product, on_delete="CASCADE")
        gtin = CharField(unique=True, max_length=14)

        class Meta:
            database = db
            table_name = "product_gtin"

    db.create_tables([ProductGTIN])

    class RMALine(Model):
        rma = ForeignKeyField(RMA, on_delete="CASCADE")
        order_line = ForeignKeyField(OrderLine)
        quantity = IntegerField()

        class Meta:
            database = db
            table_name = "rma_line"

    db.create_tables([RMALine])

    class Sequence(Model):
        name = CharField(primary_key=True, max_length=32)
        value = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "sequence"

    db.create_tables([Sequence])

    class Setting(Model):
        key = CharField(primary_key=True, max_length=64)
        value = TextField()

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([Setting])

    class SoldSerial(Model):
        order_line = ForeignKeyField(OrderLine, on_delete="CASCADE")
        serial = CharField(index=True, max_length=64)

        class Meta:
            database = db
            table_name = "sold_serial"

    db.create_tables([SoldSerial])

    class Unit(Model):
        lpn = CharField(unique=True, max_length=32)
        receipt_key = CharField(unique=True, max_length=160)
        parcel = ForeignKeyField(Parcel)
        product = ForeignKeyField(Product)
        rma_line = ForeignKeyField(RMALine, null=True)
        serial = CharField(index=True, null=True, max_length=64)
        match = CharField(max_length=24)
        state = CharField(index=True, max_length=16, default="received")
        station = ForeignKeyField(Station)
        received_by = ForeignKeyField(User)
        received_at = DateTimeField()

        class Meta:
            database = db
            table_name = "unit"

    db.create_tables([Unit])


def down(migrator, db):
    migrator.migrate(migrator.drop_table("unit"))
    migrator.migrate(migrator.drop_table("sold_serial"))
    migrator.migrate(migrator.drop_table("setting"))
    migrator.migrate(migrator.drop_table("sequence"))
    migrator.migrate(migrator.drop_table("rma_line"))
    migrator.migrate(migrator.drop_table("product_gtin"))
    migrator.migrate(migrator.drop_table("print_job"))
    migrator.migrate(migrator.drop_table("parcel"))
    migrator.migrate(migrator.drop_table("user"))
    migrator.migrate(migrator.drop_table("station"))
    migrator.migrate(migrator.drop_table("rma"))
    migrator.migrate(migrator.drop_table("order_line"))
    migrator.migrate(migrator.drop_table("product"))
    migrator.migrate(migrator.drop_table("vendor"))
    migrator.migrate(migrator.drop_table("order"))
    migrator.migrate(migrator.drop_table("customer"))
    migrator.migrate(migrator.drop_table("channel"))
    migrator.migrate(migrator.drop_table("audit_record"))
    migrator.migrate(migrator.drop_table("audit_head"))
