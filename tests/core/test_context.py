"""Starting the app: which database, first-start seeding, refusing mismatched schemas."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from db.errors import SchemaOutdated
from db.models import ChecklistVersion, Order, Station, UnitDisposition
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.context import (
    FIRST_START_DEMO_ORDERS,
    FIRST_START_HISTORY_DAYS,
    open_context,
    resolve_db_url,
)
from receiving_app.errors import InvalidInput, StorageUnavailable
from receiving_app.inspection import ChecklistError, site_folder, template_to_data
from receiving_app.inspection.catalog import shipped_templates
from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from receiving_app.settings import (
    StationMode,
    StationSettings,
    config_file,
    load_station_settings,
)
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
        # A month of past returns, routed day after day, for the dashboard and the reports.
        routed_days = {row.decided_at.date() for row in UnitDisposition.select()}
        assert len(routed_days) >= FIRST_START_HISTORY_DAYS // 2
        assert max(routed_days) <= NOW.date()
        assert verify_chain().ok
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


def test_the_station_mode_is_read_and_a_wrong_one_names_the_allowed_values() -> None:
    assert load_station_settings().mode is StationMode.RECEIVING  # no file: a receiving station
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[station]\nmode = "inspection"\n', encoding="utf-8")
    assert load_station_settings().mode is StationMode.INSPECTION
    path.write_text('[station]\nmode = "inspect"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        load_station_settings()
    assert "station.mode" in str(error.value)
    assert "receiving or inspection" in str(error.value)
    path.write_text("[station]\nmode = 2\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        load_station_settings()
    assert "mode" in str(error.value)


def _site_template(category: str, version: int, name: str) -> dict[str, object]:
    data = template_to_data(shipped_templates()[category])
    return {**data, "version": version, "name": name}


def _write_site_file(name: str, data: object) -> Path:
    folder = site_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _latest(category: str) -> ChecklistVersion:
    row = (
        ChecklistVersion.select()
        .where(ChecklistVersion.category == category)
        .order_by(ChecklistVersion.version.desc())
        .first()
    )
    assert row is not None
    return row


def test_a_good_site_checklist_with_a_higher_version_is_loaded_at_start(sqlite_url: str) -> None:
    shipped = shipped_templates()["apparel"]
    _write_site_file("apparel.json", _site_template("apparel", shipped.version + 1, "Site"))
    context = open_context(sqlite_url, clock=FixedClock(NOW), settings=StationSettings())
    try:
        assert context.checklist_problems == []
        latest = _latest("apparel")
        assert (latest.version, latest.name) == (shipped.version + 1, "Site")
    finally:
        context.close()


@pytest.mark.allow_log_warnings
def test_a_broken_site_checklist_is_skipped_at_start_and_listed(
    sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    shipped = shipped_templates()
    # A first start with a good site version of apparel: it is stored and current.
    _write_site_file(
        "apparel.json", _site_template("apparel", shipped["apparel"].version + 1, "v+1")
    )
    open_context(sqlite_url, clock=FixedClock(NOW), settings=StationSettings()).close()
    # Then a supervisor breaks that file and adds a broken one for a category we ship.
    broken_apparel = _site_template("apparel", shipped["apparel"].version + 2, "v+2")
    broken_apparel["grades"] = {"major": "E"}
    apparel = _write_site_file("apparel.json", broken_apparel)
    home = site_folder() / "home.json"
    home.write_text('{"category": "home", "version": 9,', encoding="utf-8")

    with caplog.at_level(logging.WARNING, logger="receiving_app.inspection.store"):
        context = open_context(sqlite_url, clock=FixedClock(NOW), settings=StationSettings())
    try:
        problems = context.checklist_problems
        assert [Path(str(p.params["file"])) for p in problems] == [apparel, home]
        assert all(isinstance(problem, ChecklistError) for problem in problems)
        warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 2
        assert (
            str(apparel) in warnings[0] and "The grade for major must be A, B or C" in warnings[0]
        )
        assert str(home) in warnings[1] and "not valid JSON" in warnings[1]
        # The version stored before stays current; the shipped home template is the one used.
        assert (_latest("apparel").version, _latest("apparel").name) == (
            shipped["apparel"].version + 1,
            "v+1",
        )
        assert _latest("home").version == shipped["home"].version
    finally:
        context.close()
