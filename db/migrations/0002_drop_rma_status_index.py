"""Drop the index on rma.status: with a million RMAs, SQLite's planner chose it (few distinct
values) over the expected-tracking index and a parcel scan took 40 ms instead of 1 ms."""

from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.drop_index("rma", "rma_status"))


def down(migrator, db):
    migrator.migrate(migrator.add_index("rma", ("status",)))
