"""The base every model derives from, bound to ``database_proxy`` until a database is opened."""

from __future__ import annotations

from peewee import (
    DatabaseProxy,
    Model,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """The base of every model.

    Columns with few distinct values (states, flags, categories) carry no index of their own:
    without statistics, SQLite's planner would pick them over a selective one (migration 0002).

    Models declare their ``id = AutoField()`` (peewee's default, spelt out for the type checker);
    the bare ``<fk>_id`` annotations only tell the type checker about the accessors peewee adds
    itself, and peewee ignores annotations without a field.
    """

    class Meta:
        database = database_proxy
        legacy_table_names = False
