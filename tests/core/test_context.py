"""Starting the app: which database, first-start seeding, refusing mismatched schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.errors import SchemaOutdated
from db.models import Order, Station
from receiving_app.clock import FixedClock
from receiving_app.context import FIRST_START_DEMO_ORDERS, open_context, resolve_db_url
from receiving_app.errors import InvalidInput, StorageUnavailable
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from receiving_app.settings import StationSettings, config_file, load_station_settings
from tests.conftest import NOW


def test_first_start_creates_and_seeds_the_embedded_database(isolated_home: Path) -> None:
    context = open_context(clock=FixedClock(NOW))
    try:
        assert context.seeded and context.url.endswith("/data/receiving.db")
        assert str(isolated_home) in context.url
        assert Order.select().count() == FIRST_START_DEMO_ORDERS
        assert Station.get(Station.code == "DOCK-1").id == context.station.id
        sheet = json.loads((isolated_home / "data" / "scan-sheet.json").read_text("utf-8"))
        assert {code["kind"] for code in sheet} >= {"badge", "tracking", "unit"}
        assert (isolated_home / "data" / "scan-sheet.pdf").read_bytes().startswith(b"%PDF")
    finally:
        context.close()
    again = open_context(clock=FixedClock(NOW))
    try:
        assert not again.seeded and Order.select().count() == FIRST_START_DEMO_ORDERS
    finally:
        again.close()


def test_a_named_database_is_never_created_or_upgraded_by_opening(tmp_path: Path) -> None:
    with pytest.raises(SchemaOutdated):
        open_context(f"sqlite:///{tmp_path / 'empty.db'}")


def test_database_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = StationSettings(db_url="sqlite:////from/settings.db")
    assert resolve_db_url("sqlite:////explicit.db", settings, False) == (
        "sqlite:////explicit.db",
        False,
    )
    monkeypatch.setenv("RECEIVING_DB_URL", "postgresql://u@h/env")
    assert resolve_db_url(None, settings, False) == ("postgresql://u@h/env", False)
    monkeypatch.delenv("RECEIVING_DB_URL")
    assert resolve_db_url(None, settings, False) == ("sqlite:////from/settings.db", False)
    url, embedded = resolve_db_url(None, StationSettings(), False)
    assert embedded and url.endswith("receiving.db")
    assert resolve_db_url(None, settings, True)[0].endswith("demo.db")


def test_station_settings_are_validated_naming_the_key() -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[station]\ncode = "dock-2"\nlanguage = "zh_CN"\n', encoding="utf-8")
    settings = load_station_settings()
    assert (settings.station_code, settings.language) == ("DOCK-2", "zh_CN")
    for text, key in [
        ('[station]\nlanguage = "fr"\n', "station.language"),
        ('[station]\ncode = "DOCK 2!"\n', "station.code"),
        ('[database]\nurl = "mysql://x"\n', "database.url"),
        ("[station\n", "TOML"),
    ]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InvalidInput) as error:
            load_station_settings()
        assert key in str(error.value)


def test_a_server_that_is_down_is_storage_unavailable_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(StorageUnavailable):
        open_context("postgresql://receiving@127.0.0.1:1/nothing")
    folder_as_file = tmp_path / "folder.db"
    folder_as_file.mkdir()
    with pytest.raises(StorageUnavailable):
        open_context(f"sqlite:///{folder_as_file}")


def test_outcome_params_holding_codes_are_named_by_the_edge() -> None:
    outcome = ScanOutcome.make(
        OutcomeLevel.OK,
        OutcomeCode.LOGGED_IN,
        "{user} ({role})",
        NextScan.PARCEL,
        {"user": "Li Wei", "role": "dock"},
    )
    assert outcome.text() == "Li Wei (dock)"
    words = {("role", "dock"): "收货员"}
    assert outcome.text(word=lambda kind, code: words[(kind, code)]) == "Li Wei (收货员)"
