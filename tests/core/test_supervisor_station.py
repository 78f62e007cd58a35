"""Opening the supervisor's desk: only a supervisor's (or admin's) badge or PIN logs in."""

from __future__ import annotations

from peewee import Database

from db.models import AuditRecord, User
from receiving_app.accounts import ensure_station
from receiving_app.clock import FixedClock
from receiving_app.outcomes import OutcomeCode, OutcomeLevel
from receiving_app.scanning import IdPrefixes
from receiving_app.supervisor.station import SupervisorStation
from receiving_app.users import hash_pin
from tests.core.seed import Dock


def _station(database: Database, clock: FixedClock) -> SupervisorStation:
    station = ensure_station(database, "DESK-1", None, clock.now())
    return SupervisorStation(database, clock, station, IdPrefixes())


def test_a_supervisors_badge_opens_the_desk_and_is_audited(
    database: Database, dock: Dock, clock: FixedClock
) -> None:
    station = _station(database, clock)
    outcome = station.handle_scan("BDG0003")
    assert outcome.level is OutcomeLevel.OK and outcome.code is OutcomeCode.LOGGED_IN
    assert station.user is not None and station.user.name == "zhang.min"
    login = AuditRecord.select().where(AuditRecord.action == "user.login").get()
    assert (login.user_name, login.station_code) == ("zhang.min", "DESK-1")
    assert station.logout().code is OutcomeCode.LOGGED_OUT and station.user is None


def test_dock_staff_and_inspectors_are_told_the_desk_is_not_theirs(
    database: Database, dock: Dock, clock: FixedClock
) -> None:
    station = _station(database, clock)
    for badge, role in (("BDG0001", "dock"), ("BDG0002", "inspector")):
        outcome = station.handle_scan(badge)
        assert outcome.code is OutcomeCode.NOT_ALLOWED and outcome.params["role"] == role
        assert station.user is None
    assert not AuditRecord.select().where(AuditRecord.action == "user.login").exists()


def test_unknown_badges_other_codes_and_wrong_pins_are_refused(
    database: Database, dock: Dock, clock: FixedClock
) -> None:
    station = _station(database, clock)
    assert station.handle_scan("BDG9999").code is OutcomeCode.UNKNOWN_BADGE
    other = station.handle_scan("4006381333931")
    assert other.code is OutcomeCode.UNRECOGNISED and other.params["text"] == "4006381333931"
    User.update(pin_hash=hash_pin("2468")).where(User.name == "zhang.min").execute()
    assert station.login_with_pin("zhang.min", "1111").code is OutcomeCode.UNKNOWN_BADGE
    assert station.user is None
    assert station.login_with_pin("zhang.min", "2468").code is OutcomeCode.LOGGED_IN
    assert station.user is not None and station.user.name == "zhang.min"
