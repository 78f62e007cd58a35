"""Receiving at the desk, end to end through the core on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import json

from db.models import RMA, AuditRecord, Order, OrderLine, Parcel, PrintJob, SoldSerial, Unit
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.outcomes import OutcomeLevel as L
from receiving_app.printing.rendering import label_renderer
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.scanning.check_digits import gs1_check_digit
from tests.core.seed import MUG_GTIN, PHONE_GTIN, PIN, SHIRT_GTIN, UPS_TRACKING


def test_nothing_happens_before_a_badge(desk: ReceivingDesk) -> None:
    outcome = desk.handle_scan(UPS_TRACKING)
    assert (outcome.level, outcome.code) == (L.ERROR, C.LOGIN_REQUIRED)
    assert Parcel.select().count() == 0


def test_login_by_name_and_pin(desk: ReceivingDesk) -> None:
    assert desk.login_with_pin("li.wei", "0000").code == C.UNKNOWN_BADGE
    assert desk.user is None
    outcome = desk.login_with_pin("li.wei", PIN)
    assert (outcome.level, outcome.code) == (L.OK, C.LOGGED_IN)
    assert desk.user is not None and desk.user.name == "li.wei"


def test_roles_are_enforced_in_the_core(desk: ReceivingDesk) -> None:
    assert desk.handle_scan("BDG0002").code == C.LOGGED_IN  # an inspector
    outcome = desk.handle_scan(UPS_TRACKING)
    assert (outcome.level, outcome.code) == (L.ERROR, C.NOT_ALLOWED)
    assert Parcel.select().count() == 0


def test_expected_tracking_opens_the_parcel_of_its_rma(logged_in: ReceivingDesk) -> None:
    outcome = logged_in.handle_scan(f"]C1{UPS_TRACKING.lower()}  ")
    assert (outcome.level, outcome.code) == (L.OK, C.PARCEL_RECEIVED)
    parcel = outcome.parcel
    assert parcel is not None and parcel.rma_number == "RMA00000001"
    assert parcel.carrier == "ups" and not parcel.is_exception
    assert [(line.sku, line.expected, line.received) for line in parcel.lines] == [
        ("EL-1001", 1, 0),
        ("AP-2001", 1, 0),
    ]
    assert RMA.get(RMA.number == "RMA00000001").status == "receiving"
    assert AuditRecord.select().where(AuditRecord.action == "parcel.received").count() == 1


def test_a_repeated_parcel_scan_adds_nothing(logged_in: ReceivingDesk) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    again = logged_in.handle_scan(UPS_TRACKING)
    assert again.level is L.WARNING and again.code == C.PARCEL_CURRENT
    assert again.params["station"] == "DOCK-1" and again.params["user"] == "Li Wei"
    assert again.params["time"] == "10:42"
    assert Parcel.select().count() == 1


def test_another_station_takes_over_an_open_parcel_and_hears_who_opened_it(
    make_desk, logged_in: ReceivingDesk
) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    other = make_desk("DOCK-2")
    other.handle_scan("BDG0003")
    outcome = other.handle_scan(UPS_TRACKING)
    assert (outcome.level, outcome.code) == (L.WARNING, C.PARCEL_CURRENT)
    assert outcome.params["station"] == "DOCK-1"
    assert other.parcel_id == logged_in.parcel_id
    assert Parcel.select().count() == 1


def test_a_closed_parcel_scanned_again_is_a_repeat(logged_in: ReceivingDesk) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.close_parcel()
    outcome = logged_in.handle_scan(UPS_TRACKING)
    assert (outcome.level, outcome.code) == (L.WARNING, C.PARCEL_REPEAT)
    assert outcome.params["user"] == "Li Wei"
    assert logged_in.parcel_id is None
    assert logged_in.handle_scan("RMA00000001").code == C.PARCEL_REPEAT


def test_serialised_unit_by_gtin_then_serial(logged_in: ReceivingDesk, dock) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    first = logged_in.handle_scan(PHONE_GTIN)
    assert (first.level, first.code) == (L.OK, C.SERIAL_NEEDED)
    assert Unit.select().count() == 0
    outcome = logged_in.handle_scan(dock.phone_serials[0])
    assert (outcome.level, outcome.code) == (L.OK, C.UNIT_RECEIVED)
    unit = Unit.get(Unit.lpn == outcome.lpn)
    assert unit.serial == dock.phone_serials[0] and unit.match == "matched"
    assert outcome.lpn is not None and outcome.lpn.startswith("LPN")
    assert PrintJob.get(PrintJob.reference == outcome.lpn).state == "queued"
    assert outcome.parcel is not None
    assert [line.received for line in outcome.parcel.lines] == [1, 0]


def test_a_sold_serial_alone_identifies_the_unit(logged_in: ReceivingDesk, dock) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    outcome = logged_in.handle_scan(dock.phone_serials[1])
    assert outcome.code == C.UNIT_RECEIVED
    assert Unit.get(Unit.lpn == outcome.lpn).product.sku == "EL-1001"


def test_gs1_string_with_gtin_and_serial_receives_in_one_scan(
    logged_in: ReceivingDesk, dock
) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    outcome = logged_in.handle_scan(f"]C101{PHONE_GTIN.zfill(14)}21{dock.phone_serials[0]}")
    assert outcome.code == C.UNIT_RECEIVED


def test_the_same_serial_again_says_what_happened_first(
    logged_in: ReceivingDesk, clock: FixedClock, dock
) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    first = logged_in.handle_scan(dock.phone_serials[0])
    clock.advance(minutes=5)
    again = logged_in.handle_scan(dock.phone_serials[0])
    assert (again.level, again.code) == (L.WARNING, C.UNIT_REPEAT)
    assert again.lpn == first.lpn and again.params["time"] == "10:42"
    assert Unit.select().count() == 1


def test_a_serial_not_sold_on_the_order_is_a_possible_swap(logged_in: ReceivingDesk) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.handle_scan(PHONE_GTIN)
    outcome = logged_in.handle_scan("SNOTHER999")
    assert (outcome.level, outcome.code) == (L.WARNING, C.UNIT_SERIAL_MISMATCH)
    assert Unit.get(Unit.lpn == outcome.lpn).match == "serial_mismatch"


def test_extra_quantity_wrong_item_and_double_reads(
    logged_in: ReceivingDesk, clock: FixedClock
) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    assert logged_in.handle_scan(SHIRT_GTIN).code == C.UNIT_RECEIVED
    clock.advance(seconds=1)
    double = logged_in.handle_scan(SHIRT_GTIN)
    assert double.code == C.UNIT_REPEAT  # the scanner read the same label twice
    clock.advance(seconds=10)
    extra = logged_in.handle_scan(SHIRT_GTIN)
    assert (extra.level, extra.code) == (L.WARNING, C.UNIT_EXTRA)
    clock.advance(seconds=10)
    stranger = logged_in.handle_scan(MUG_GTIN)
    assert (stranger.level, stranger.code) == (L.WARNING, C.UNIT_NOT_ON_ORDER)
    assert Unit.select().count() == 3


def test_an_order_with_several_open_rmas_asks_which(logged_in: ReceivingDesk) -> None:
    outcome = logged_in.handle_scan("SO00000002")
    assert (outcome.level, outcome.code) == (L.WARNING, C.CHOOSE_RMA)
    assert [choice.number for choice in outcome.rma_choices] == ["RMA00000002", "RMA00000003"]
    assert Parcel.select().count() == 0
    chosen = logged_in.choose_rma("RMA00000003")
    assert chosen.code == C.PARCEL_RECEIVED and chosen.parcel is not None
    assert chosen.parcel.rma_number == "RMA00000003"


def test_a_parcel_without_rma_is_an_exception_closed_with_a_note(logged_in: ReceivingDesk) -> None:
    outcome = logged_in.handle_scan("1Z879E930346834440")
    assert (outcome.level, outcome.code) == (L.WARNING, C.PARCEL_EXCEPTION)
    assert logged_in.handle_scan(SHIRT_GTIN).code == C.UNIT_NO_RMA
    refused = logged_in.close_parcel()
    assert (refused.level, refused.code) == (L.ERROR, C.PARCEL_EXCEPTION)
    assert logged_in.set_note("Shirt, no slip").level is L.OK
    closed = logged_in.close_parcel()
    assert closed.code == C.PARCEL_CLOSED
    parcel = Parcel.get()
    assert parcel.is_exception and parcel.state == "closed" and parcel.note == "Shirt, no slip"


def test_the_slip_links_an_exception_parcel_to_its_rma(logged_in: ReceivingDesk) -> None:
    logged_in.handle_scan("1Z879E930346834440")
    linked = logged_in.handle_scan("RMA00000001")
    assert (linked.level, linked.code) == (L.OK, C.RMA_LINKED)
    assert linked.parcel is not None and not linked.parcel.is_exception
    assert Parcel.select().count() == 1


def test_closing_reports_missing_lines(logged_in: ReceivingDesk) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.handle_scan(SHIRT_GTIN)
    outcome = logged_in.close_parcel()
    assert (outcome.level, outcome.code) == (L.WARNING, C.PARCEL_CLOSED)
    assert outcome.params["missing"] == "EL-1001 ×1"
    assert RMA.get(RMA.number == "RMA00000001").status == "received"
    assert logged_in.parcel_id is None


def test_condition_and_unknown_scans(logged_in: ReceivingDesk) -> None:
    assert logged_in.set_condition("damaged").code == C.NO_OPEN_PARCEL
    logged_in.handle_scan(UPS_TRACKING)
    assert logged_in.set_condition("damaged").level is L.OK
    assert logged_in.set_condition("exploded").level is L.ERROR
    assert Parcel.get().condition == "damaged"
    garbage = logged_in.handle_scan("@@@###")
    assert (garbage.level, garbage.code) == (L.ERROR, C.UNRECOGNISED)


def test_scanning_a_new_parcel_closes_the_current_one(logged_in: ReceivingDesk) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.handle_scan("RMA00000002")
    first, second = Parcel.select().order_by(Parcel.id)
    assert first.state == "closed" and second.state == "open"


def test_every_change_is_audited_and_the_chain_holds(logged_in: ReceivingDesk, dock) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.handle_scan(dock.phone_serials[0])
    logged_in.set_condition("wet")
    logged_in.close_parcel()
    actions = [r.action for r in AuditRecord.select().order_by(AuditRecord.seq)]
    assert actions[-4:] == [
        "parcel.received",
        "unit.received",
        "parcel.condition_set",
        "parcel.closed",
    ]
    assert verify_chain().ok


def test_a_sold_serial_that_reads_as_a_gtin_still_finds_its_unit(
    logged_in: ReceivingDesk,
) -> None:
    """A 13-digit serial whose last digit happens to be a valid GTIN check digit."""
    body = "200123456789"
    serial = body + str(gs1_check_digit(body))
    line = OrderLine.get(
        (OrderLine.line_no == 1) & (OrderLine.order == Order.get(Order.number == "SO00000001"))
    )
    SoldSerial.create(order_line=line, serial=serial)
    logged_in.handle_scan(UPS_TRACKING)
    outcome = logged_in.handle_scan(serial)
    assert outcome.code == C.UNIT_RECEIVED
    assert Unit.get(Unit.lpn == outcome.lpn).serial == serial


def test_the_rma_settles_a_number_that_fits_several_couriers(logged_in: ReceivingDesk) -> None:
    ambiguous = "7712345678901"  # STO and Yunda share 13-digit numbers starting 77
    RMA.update(expected_tracking=ambiguous, expected_carrier="yunda").where(
        RMA.number == "RMA00000002"
    ).execute()
    outcome = logged_in.handle_scan(ambiguous)
    assert (outcome.level, outcome.code) == (L.OK, C.PARCEL_RECEIVED)
    assert outcome.parcel is not None and outcome.parcel.carrier == "yunda"


def test_without_an_rma_the_worker_picks_the_courier(logged_in: ReceivingDesk) -> None:
    outcome = logged_in.handle_scan("8812345678904")
    assert (outcome.level, outcome.code) == (L.WARNING, C.CHOOSE_CARRIER)
    assert outcome.carrier_choices == ("sto", "yunda")
    assert logged_in.choose_carrier("no-such-courier").level is L.ERROR
    picked = logged_in.choose_carrier("sto")
    assert picked.level is L.OK and picked.parcel is not None
    assert picked.parcel.carrier == "sto" and Parcel.get().carrier == "sto"


def test_bad_picks_and_notes_change_nothing(logged_in: ReceivingDesk) -> None:
    assert logged_in.handle_scan("SO00000002").code == C.CHOOSE_RMA
    assert logged_in.choose_rma(SHIRT_GTIN).level is L.ERROR  # not an RMA number
    assert Parcel.select().count() == 0 and Unit.select().count() == 0
    logged_in.handle_scan(UPS_TRACKING)
    refused = logged_in.set_note("x" * 2001)
    assert (refused.level, refused.params["limit"]) == (L.ERROR, "2000")
    assert Parcel.get().note == ""
    assert logged_in.set_note("  Box crushed, 1 shirt  ").level is L.OK
    assert Parcel.get().note == "Box crushed, 1 shirt"


def test_closing_a_parcel_queues_its_receipt_label(logged_in: ReceivingDesk, dock) -> None:
    logged_in.handle_scan(UPS_TRACKING)
    logged_in.handle_scan(dock.phone_serials[0])
    logged_in.close_parcel()
    job = PrintJob.get(PrintJob.kind == "parcel")
    payload = json.loads(job.payload)
    assert (payload["rma"], payload["unit_count"], payload["condition"]) == (
        "RMA00000001",
        1,
        "intact",
    )
    assert payload["exception"] is False and job.reference == payload["receipt_key"]
    pdf = label_renderer()("parcel", payload, "4x6", 203, "pdf")
    assert pdf.startswith(b"%PDF-")
