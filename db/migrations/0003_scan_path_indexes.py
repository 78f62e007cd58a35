"""Index units by (parcel, product), counted on every unit scan, and drop the indexes on
states, flags and categories that misled SQLite's planner on a dock with months of history."""

from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.drop_index("product", "product_category"))
    migrator.migrate(migrator.drop_index("parcel", "parcel_is_exception"))
    migrator.migrate(migrator.drop_index("parcel", "parcel_state"))
    migrator.migrate(migrator.drop_index("print_job", "printjob_state"))
    migrator.migrate(migrator.drop_index("unit", "unit_state"))
    migrator.migrate(migrator.add_index("unit", ("parcel_id", "product_id")))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("unit", "unit_parcel_id_product_id"))
    migrator.migrate(migrator.add_index("unit", ("state",)))
    migrator.migrate(migrator.add_index("print_job", ("state",), name="printjob_state"))
    migrator.migrate(migrator.add_index("parcel", ("state",)))
    migrator.migrate(migrator.add_index("parcel", ("is_exception",)))
    migrator.migrate(migrator.add_index("product", ("category",)))
