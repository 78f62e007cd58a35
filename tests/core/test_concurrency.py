"""Two stations racing for the same parcel or unit never both succeed (both engines)."""

from __future__ import annotations

from collections.abc import Callable

from db.models import Parcel, Unit
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from tests.core.racing import race
from tests.core.seed import UPS_TRACKING


def _two_logged_in(make_desk: Callable[[str], ReceivingDesk]) -> list[ReceivingDesk]:
    desks = [make_desk("DOCK-1"), make_desk("DOCK-2")]
    for desk, badge in zip(desks, ("BDG0001", "BDG0003"), strict=True):
        assert desk.handle_scan(badge).code == C.LOGGED_IN
    return desks


def test_two_stations_scan_the_same_parcel(make_desk, database) -> None:
    desks = _two_logged_in(make_desk)
    outcomes = race(desks, UPS_TRACKING, database)
    codes = sorted(outcome.code for outcome in outcomes)
    assert codes == [C.PARCEL_CURRENT, C.PARCEL_RECEIVED]
    assert Parcel.select().count() == 1


def test_two_stations_scan_the_same_serial(make_desk, database, dock) -> None:
    desks = _two_logged_in(make_desk)
    desks[0].handle_scan(UPS_TRACKING)
    assert desks[1].handle_scan(UPS_TRACKING).code == C.PARCEL_CURRENT  # both on one parcel
    outcomes = race(desks, dock.phone_serials[0], database)
    codes = sorted(outcome.code for outcome in outcomes)
    assert codes == [C.UNIT_RECEIVED, C.UNIT_REPEAT]
    assert Unit.select().where(Unit.serial == dock.phone_serials[0]).count() == 1
