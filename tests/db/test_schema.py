"""Migrations bring any database to the models' schema, and a newer database is refused."""

from __future__ import annotations

import pytest
from playhouse.schema_diff import diff_models

from db.connection import DatabaseURLError, open_database
from db.errors import SchemaOutdated, SchemaTooNew
from db.models import MODELS
from db.schema import HISTORY_TABLE, check_schema, known_migrations, upgrade


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        diff = diff_models(database, list(MODELS))
        assert not diff, f"models and migrations differ: {diff}"
        check_schema(database)


def test_upgrade_of_an_empty_database_applies_every_migration(tmp_path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    with database.connection_context():
        with pytest.raises(SchemaOutdated):
            check_schema(database)
        assert upgrade(database) == known_migrations()
        assert upgrade(database) == []
        check_schema(database)


def test_a_database_from_a_newer_app_is_refused_untouched(db_url: str) -> None:
    database = open_database(db_url)
    with database.connection_context():
        database.execute_sql(
            f"INSERT INTO {HISTORY_TABLE} (name, applied) VALUES ('9999_from_the_future', "
            "CURRENT_TIMESTAMP)"
        )
        with pytest.raises(SchemaTooNew, match="newer version"):
            check_schema(database)
        with pytest.raises(SchemaTooNew):
            upgrade(database)
        rows = database.execute_sql(f"SELECT COUNT(*) FROM {HISTORY_TABLE}").fetchone()[0]
        assert rows == len(known_migrations()) + 1


def test_sqlite_is_opened_with_wal_foreign_keys_and_busy_timeout(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    with database.connection_context():
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


@pytest.mark.parametrize(
    "url",
    [
        "mysql://x/y",
        "sqlite://relative.db",
        "sqlite:///",
        "postgresql:///nohost",
        "postgresql://h:notaport/db",
        "sqlite:///no/such/folder/x.db",
    ],
)
def test_bad_database_urls_say_what_is_accepted(url: str) -> None:
    with pytest.raises(DatabaseURLError):
        open_database(url)


def test_every_scan_lookup_is_indexed(sqlite_url: str) -> None:
    """The columns the scan path searches by have an index (unique or plain)."""
    database = open_database(sqlite_url)
    lookups = {
        "product_gtin": "gtin",
        "product": "sku",
        "order": "number",
        "rma": "expected_tracking",
        "parcel": "receipt_key",
        "unit": "lpn",
        "sold_serial": "serial",
        "user": "badge",
    }
    with database.connection_context():
        for table, column in lookups.items():
            indexed = {tuple(index.columns) for index in database.get_indexes(table)}
            assert (column,) in indexed, f"{table}.{column} has no index"


def test_an_older_database_is_upgraded_keeping_its_data(tmp_path) -> None:
    """A database left at the first schema, with data in it, reaches the current schema."""
    from playhouse.migrations import Runner

    from db.models import Channel
    from db.schema import HISTORY_TABLE, MIGRATIONS_DIR

    database = open_database(f"sqlite:///{tmp_path / 'old.db'}")
    with database.connection_context():
        Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).up("0001_initial")
        Channel.create(code="web", name="Web shop")
        with pytest.raises(SchemaOutdated):
            check_schema(database)
        assert upgrade(database) == known_migrations()[1:]
        assert not diff_models(database, list(MODELS))
        assert Channel.get().name == "Web shop"
