"""Test harness: isolated home folder, real SQLite files, a real PostgreSQL server, Qt offscreen."""

from __future__ import annotations

import datetime
import itertools
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest
from hypothesis import HealthCheck, settings

from tests.pg_server import PostgresServer, start_server

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=300)
settings.load_profile("ci" if os.environ.get("CI") else "default")

NOW = datetime.datetime(2026, 11, 24, 10, 42, 0)
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Qt as `gui`, so `pytest -m "not gui"` is the quick loop."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never read or write the developer's real settings or data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RECEIVING_HOME", str(home))
    monkeypatch.delenv("RECEIVING_DB_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with every migration applied, built once and copied per test."""
    from db.connection import open_database
    from db.schema import upgrade

    path = tmp_path_factory.mktemp("template") / "template.db"
    database = open_database(f"sqlite:///{path}")
    with database.connection_context():
        upgrade(database)
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = start_server()
    server.psql("CREATE DATABASE template_receiving")
    from db.connection import open_database
    from db.schema import upgrade

    database = open_database(server.url("template_receiving"))
    with database.connection_context():
        upgrade(database)
    database.close()
    yield server
    server.stop()


_pg_names = itertools.count(1)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, migrated_sqlite: Path) -> str:
    """A fresh, migrated database on each engine: a copied SQLite file or a PostgreSQL clone."""
    if request.param == "sqlite":
        target = tmp_path / "receiving.db"
        shutil.copy(migrated_sqlite, target)
        return f"sqlite:///{target}"
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = f"test_{os.getpid()}_{next(_pg_names)}"
    server.psql(f"CREATE DATABASE {name} TEMPLATE template_receiving")
    return server.url(name)


@pytest.fixture
def sqlite_url(tmp_path: Path, migrated_sqlite: Path) -> str:
    target = tmp_path / "receiving.db"
    shutil.copy(migrated_sqlite, target)
    return f"sqlite:///{target}"


# Messages that say nothing about our code, each with the reason it is ignored.
IGNORED_LOG = {
    # The offscreen platform plugin (tests only) cannot pass size hints when a dialog opens.
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
}


@pytest.fixture(autouse=True)
def fail_on_unexpected_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A WARNING or worse in the log is a failure unless the test says it expects it.

    Tests that provoke one on purpose check it with ``caplog`` and carry
    ``@pytest.mark.allow_log_warnings``.
    """
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    loud = [
        record
        for record in caplog.get_records("call")
        if record.levelno >= logging.WARNING and record.getMessage() not in IGNORED_LOG
    ]
    assert not loud, f"unexpected log warnings: {[r.getMessage() for r in loud]}"
