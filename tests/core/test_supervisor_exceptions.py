"""The exception queue: what receiving recorded, resolved once by a supervisor (both engines)."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable

import pytest
from peewee import Database

from db.models import RMA, AuditRecord, ExceptionResolution, Parcel
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.supervisor.exception_queue import resolution_counts
from receiving_app.supervisor.service import SupervisorDesk
from tests.core.seed import MUG_GTIN, S10_TRACKING, SHIRT_GTIN, UPS_TRACKING
from tests.core.supervisor_setup import OTHER_SUPERVISOR, add_supervisors, supervisor_desk

NO_SLIP = "1Z879E930346834440"


@pytest.fixture
def received(logged_in: ReceivingDesk, clock: FixedClock) -> dict[str, Parcel]:
    """An RMA parcel with an extra shirt, a mug and no phone; then two parcels without RMA."""
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.handle_scan(SHIRT_GTIN)
    clock.advance(seconds=10)
    assert logged_in.handle_scan(SHIRT_GTIN).code == C.UNIT_EXTRA
    clock.advance(seconds=10)
    assert logged_in.handle_scan(MUG_GTIN).code == C.UNIT_NOT_ON_ORDER
    clock.advance(seconds=10)
    logged_in.close_parcel()
    parcels = {"rma": Parcel.get(Parcel.tracking_number == UPS_TRACKING)}
    for name, tracking in (("no_slip", NO_SLIP), ("s10", S10_TRACKING)):
        clock.advance(minutes=5)
        assert logged_in.handle_scan(tracking).code == C.PARCEL_EXCEPTION
        logged_in.set_note("no slip")
        assert logged_in.close_parcel().code == C.PARCEL_CLOSED
        parcels[name] = Parcel.get(Parcel.tracking_number == tracking)
    clock.advance(hours=1)
    return parcels


@pytest.fixture
def sup(database: Database, clock: FixedClock, received) -> SupervisorDesk:
    add_supervisors()
    return supervisor_desk(database, clock)


def subjects(desk: SupervisorDesk) -> dict[str, str]:
    return {item.subject: item.kind for item in desk.exceptions()}


def test_the_queue_lists_every_open_exception_oldest_first(
    received: dict[str, Parcel], sup: SupervisorDesk
) -> None:
    items = sup.exceptions()
    rma, no_slip = received["rma"].id, received["no_slip"].id
    assert [item.kind for item in items] == [
        "extra",
        "not_on_order",
        "missing",
        "no_rma",
        "no_rma",
    ]
    assert items[2].subject == f"parcel:{rma}:missing" and items[2].detail == "EL-1001 ×1"
    assert items[3].subject == f"parcel:{no_slip}:no_rma" and items[3].by == "Li Wei"
    assert items[0].lpn is not None and items[0].sku == "AP-2001"
    assert items[0].subject == f"unit:{items[0].lpn}:extra"
    assert items[0].receipt_key == received["rma"].receipt_key
    assert items[0].age_hours > 1


def test_a_parcel_without_rma_is_linked_to_its_rma_for_real(
    received: dict[str, Parcel], sup: SupervisorDesk
) -> None:
    subject = f"parcel:{received['no_slip'].id}:no_rma"
    with pytest.raises(NotFound):
        sup.link_to_rma(subject, "RMA99999999")
    sup.link_to_rma(subject, "rma00000002", "slip found in the box")
    parcel = Parcel.get_by_id(received["no_slip"].id)
    rma = RMA.get(RMA.number == "RMA00000002")
    assert (parcel.rma_id, parcel.order_id, parcel.is_exception) == (rma.id, rma.order_id, False)
    assert rma.status == "received"  # the parcel was closed already
    resolution = ExceptionResolution.get()
    assert (resolution.action, resolution.rma_id, resolution.reason) == (
        "linked",
        rma.id,
        "slip found in the box",
    )
    assert subject not in subjects(sup)
    assert AuditRecord.select().where(AuditRecord.action == "parcel.rma_linked").count() == 1
    assert verify_chain().ok


def test_links_must_agree_with_the_parcels_order(
    received: dict[str, Parcel], sup: SupervisorDesk
) -> None:
    [extra, stranger] = [item for item in sup.exceptions() if item.lpn is not None]
    with pytest.raises(InvalidInput) as other:
        sup.link_to_rma(extra.subject, "RMA00000002")
    assert other.value.params["rma_order"] == "SO00000002"
    with pytest.raises(InvalidInput):
        sup.link_to_order(stranger.subject, "SO00000002")
    with pytest.raises(NotFound):
        sup.link_to_order(stranger.subject, "SO99999999")
    assert ExceptionResolution.select().count() == 0
    sup.link_to_rma(extra.subject, "RMA00000001")
    sup.link_to_order(stranger.subject, "SO00000001")
    assert ExceptionResolution.select().where(ExceptionResolution.action == "linked").count() == 2


def test_a_parcel_without_order_gets_the_order_it_is_linked_to(
    received: dict[str, Parcel], sup: SupervisorDesk
) -> None:
    subject = f"parcel:{received['s10'].id}:no_rma"
    sup.link_to_order(subject, "SO00000001")
    parcel = Parcel.get_by_id(received["s10"].id)
    assert parcel.order.number == "SO00000001" and parcel.rma_id is None
    assert AuditRecord.select().where(AuditRecord.action == "parcel.order_linked").count() == 1
    assert subject not in subjects(sup)


def test_missing_lines_are_closed_with_a_reason_once(
    received: dict[str, Parcel], sup: SupervisorDesk, database: Database, clock: FixedClock
) -> None:
    subject = f"parcel:{received['rma'].id}:missing"
    with pytest.raises(InvalidInput):
        sup.link_to_rma(subject, "RMA00000001")
    with pytest.raises(InvalidInput):
        sup.close_exception(subject, "  ")
    with pytest.raises(NotFound):
        sup.close_exception("parcel:999:missing", "gone")
    with pytest.raises(NotFound):
        sup.close_exception("nonsense", "gone")
    assert ExceptionResolution.select().count() == 0
    sup.close_exception(subject, "Customer kept the phone; refund reduced")
    other = supervisor_desk(database, clock, OTHER_SUPERVISOR)
    with pytest.raises(InvalidInput) as again:
        other.close_exception(subject, "me too")
    assert (again.value.params["user"], again.value.params["action"]) == ("Zhang Min", "closed")
    assert subject not in subjects(other)
    day = clock.now().replace(hour=0, minute=0, second=0)
    resolved = sup.resolved_exceptions(day, day + datetime.timedelta(days=1))
    assert [(item.kind, item.action, item.by) for item in resolved] == [
        ("missing", "closed", "Zhang Min")
    ]
    assert resolution_counts(resolved) == {("missing", "closed"): 1}
    assert sup.resolved_exceptions(day - datetime.timedelta(days=1), day) == []
    assert verify_chain().ok


def test_two_supervisors_resolving_at_once_resolve_once(
    received: dict[str, Parcel], sup: SupervisorDesk, database: Database, clock: FixedClock
) -> None:
    other = supervisor_desk(database, clock, OTHER_SUPERVISOR)
    subject = f"parcel:{received['no_slip'].id}:no_rma"
    barrier = threading.Barrier(2)
    raised: list[InvalidInput] = []

    def work(call: Callable[[], None]) -> None:
        with database.connection_context():
            barrier.wait(timeout=10)
            try:
                call()
            except InvalidInput as exc:
                raised.append(exc)

    calls = [
        lambda: sup.link_to_rma(subject, "RMA00000002"),
        lambda: other.close_exception(subject, "sent back to the carrier"),
    ]
    threads = [threading.Thread(target=work, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(raised) == 1
    assert ExceptionResolution.select().count() == 1
    assert verify_chain().ok
