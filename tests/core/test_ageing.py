"""Ageing: units waiting by state against the dock's targets, and the targets setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import Database

from db.models import AuditRecord, Setting, Unit
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.supervisor.ageing import TARGETS_SETTING
from receiving_app.supervisor.service import SupervisorDesk
from tests.core.report_setup import inspection_desk
from tests.core.seed import SHIRT_GTIN, UPS_TRACKING
from tests.core.test_inspection_desk import ALL_CLEAR, PNG


@pytest.fixture
def sup(database: Database, clock: FixedClock, dock) -> SupervisorDesk:
    from tests.core.supervisor_setup import supervisor_desk

    return supervisor_desk(database, clock)


@pytest.fixture
def waiting(
    logged_in: ReceivingDesk, dock, database: Database, clock: FixedClock, tmp_path: Path
) -> tuple[str, str]:
    """A shirt received and a phone graded (routed two hours after receipt); their LPNs."""
    logged_in.handle_scan(UPS_TRACKING)
    phone = logged_in.handle_scan(dock.phone_serials[0]).lpn
    shirt = logged_in.handle_scan(SHIRT_GTIN).lpn
    assert phone is not None and shirt is not None
    logged_in.close_parcel()
    clock.advance(hours=2)
    inspect = inspection_desk(database, clock)
    assert inspect.handle_scan(phone).code == C.INSPECTION_STARTED
    for step_id, value in ALL_CLEAR.items():
        inspect.answer(step_id, value)
    (tmp_path / "p.png").write_bytes(PNG)
    inspect.attach_photo("photo_overall", tmp_path / "p.png")
    assert inspect.complete().code == C.INSPECTION_COMPLETED
    return shirt, phone


def test_units_wait_by_state_oldest_first_against_the_targets(
    waiting: tuple[str, str], sup: SupervisorDesk, clock: FixedClock
) -> None:
    shirt, phone = waiting
    clock.advance(hours=28)  # 30 h after receipt
    ageing = sup.ageing()
    assert [(unit.lpn, unit.state) for unit in ageing.units] == [
        (phone, "graded"),
        (shirt, "received"),
    ]
    graded, received = ageing.units
    assert (received.age_hours, received.target_hours, received.over_target) == (30, 24, True)
    assert (graded.age_hours, graded.waited_hours, graded.over_target) == (30, 28, False)
    assert graded.location is not None and graded.disposition is not None
    totals = {total.state: total for total in ageing.totals}
    assert (totals["received"].count, totals["received"].over_target) == (1, 1)
    assert (totals["graded"].count, totals["graded"].oldest_hours) == (1, 30)
    clock.advance(hours=20)
    assert all(unit.over_target for unit in sup.ageing().units)
    sup.put_away(phone)
    assert [unit.lpn for unit in sup.ageing().units] == [shirt]
    assert {total.state: total.count for total in sup.ageing().totals} == {
        "received": 1,
        "graded": 0,
    }


def test_targets_are_set_validated_and_audited(
    waiting: tuple[str, str], sup: SupervisorDesk, clock: FixedClock
) -> None:
    assert sup.ageing_targets() == {"received": 24, "graded": 48}
    assert sup.set_ageing_targets('{"graded": 36}') == {"received": 24, "graded": 36}
    clock.advance(hours=40)
    assert all(unit.over_target for unit in sup.ageing().units)
    for bad in (
        "not json",
        '{"graded": 1, "graded": 2}',
        "[24, 48]",
        '{"inspected": 5}',
        '{"received": 0}',
        '{"received": 12.5}',
        '{"received": true}',
        '{"received": 100000}',
    ):
        with pytest.raises(InvalidInput):
            sup.set_ageing_targets(bad)
    assert sup.ageing_targets() == {"received": 24, "graded": 36}
    [record] = AuditRecord.select().where(AuditRecord.entity_id == TARGETS_SETTING)
    assert record.action == "setting.changed" and record.user_name == "zhang.min"
    assert verify_chain().ok


def test_a_broken_stored_setting_says_so(sup: SupervisorDesk) -> None:
    Setting.create(key=TARGETS_SETTING, value='{"received": -3}')
    with pytest.raises(InvalidInput) as broken:
        sup.ageing()
    assert broken.value.params["key"] == TARGETS_SETTING
    assert Unit.select().count() == 0
