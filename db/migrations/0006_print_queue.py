"""The print queue: each label job's target printer, the rendered bytes with the format, size and
resolution they were rendered for, its attempts, last error and next attempt (retry backoff),
which spooler claimed it and when, and when it printed. Generated from the schema diff
(``playhouse.schema_diff``). A station's spooler looks its waiting jobs up by (station, state),
which replaces the index on the station alone.

Jobs queued before this version (when nothing printed yet) stay queued and print once their
station's spooler runs."""

from peewee import *


def up(migrator, db):
    migrator.migrate(migrator.drop_index("print_job", "printjob_station_id"))
    migrator.migrate(
        migrator.add_column("print_job", "printer", CharField(max_length=32, default="label"))
    )
    migrator.migrate(migrator.add_column("print_job", "format", CharField(null=True, max_length=8)))
    migrator.migrate(
        migrator.add_column("print_job", "label_size", CharField(null=True, max_length=16))
    )
    migrator.migrate(migrator.add_column("print_job", "dpi", IntegerField(null=True)))
    migrator.migrate(migrator.add_column("print_job", "data", BlobField(null=True)))
    migrator.migrate(migrator.add_column("print_job", "attempts", IntegerField(default=0)))
    migrator.migrate(migrator.add_column("print_job", "last_error", TextField(default="")))
    migrator.migrate(migrator.add_column("print_job", "next_attempt_at", DateTimeField(null=True)))
    migrator.migrate(
        migrator.add_column("print_job", "claimed_by", CharField(null=True, max_length=80))
    )
    migrator.migrate(migrator.add_column("print_job", "claimed_at", DateTimeField(null=True)))
    migrator.migrate(migrator.add_column("print_job", "printed_at", DateTimeField(null=True)))
    migrator.migrate(migrator.add_index("print_job", ("station_id", "state")))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("print_job", "print_job_station_id_state"))
    migrator.migrate(migrator.drop_column("print_job", "printed_at"))
    migrator.migrate(migrator.drop_column("print_job", "claimed_at"))
    migrator.migrate(migrator.drop_column("print_job", "claimed_by"))
    migrator.migrate(migrator.drop_column("print_job", "next_attempt_at"))
    migrator.migrate(migrator.drop_column("print_job", "last_error"))
    migrator.migrate(migrator.drop_column("print_job", "attempts"))
    migrator.migrate(migrator.drop_column("print_job", "data"))
    migrator.migrate(migrator.drop_column("print_job", "dpi"))
    migrator.migrate(migrator.drop_column("print_job", "label_size"))
    migrator.migrate(migrator.drop_column("print_job", "format"))
    migrator.migrate(migrator.drop_column("print_job", "printer"))
    migrator.migrate(migrator.add_index("print_job", ("station_id",), name="printjob_station_id"))
