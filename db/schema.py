"""Schema versions: apply the numbered migrations in ``db/migrations`` and refuse newer databases.

The applied migrations are recorded by name (peewee's ``playhouse.migrations`` runner). A database
that lists a migration this version does not ship was written by a newer app and is refused.
"""

from __future__ import annotations

from pathlib import Path

from peewee import Database
from playhouse.migrations import Runner

from db.errors import SchemaOutdated, SchemaTooNew

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"


def _runner(database: Database) -> Runner:
    return Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


def known_migrations() -> list[str]:
    """The names of the migrations this version ships, oldest first."""
    return [m.name for m in _runner_for_listing()]


def _runner_for_listing() -> list:
    from playhouse.migrations import Migration

    return Migration.load_directory(str(MIGRATIONS_DIR))


def schema_status(database: Database) -> tuple[list[str], list[str]]:
    """Return (pending, unknown): migrations still to apply, and applied ones this app lacks."""
    runner = _runner(database)
    applied = set(runner.applied())
    known = known_migrations()
    pending = [name for name in known if name not in applied]
    unknown = sorted(applied - set(known))
    return pending, unknown


def check_schema(database: Database) -> None:
    """Raise unless the database is exactly at this version's schema."""
    pending, unknown = schema_status(database)
    if unknown:
        raise SchemaTooNew(
            "this database was upgraded by a newer version of Returns Receiving "
            f"(it has {', '.join(unknown)}); install that version to use it"
        )
    if pending:
        raise SchemaOutdated(
            f"this database needs {len(pending)} schema upgrade(s): "
            "run `receiving-app db upgrade --db URL` first"
        )


def upgrade(database: Database) -> list[str]:
    """Bring the database to this version's schema; return the migrations applied.

    A database newer than this app is refused before anything is changed.
    """
    _, unknown = schema_status(database)
    if unknown:
        check_schema(database)
    return list(_runner(database).up())
