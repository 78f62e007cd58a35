"""Supervisors editing the routing rules: drafts, versions, trying a unit, and routing by them."""

from __future__ import annotations

import dataclasses
import json
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from peewee import Database

from db.models import AuditRecord, RoutingRulesVersion, UnitDisposition, User
from receiving_app.accounts import StationInfo, ensure_station
from receiving_app.audit import Actor, verify_chain
from receiving_app.clock import FixedClock
from receiving_app.disposition.model import Disposition, RulesError, UnitFacts
from receiving_app.disposition.routing import decide
from receiving_app.disposition.rule_files import default_rules, rules_from_text
from receiving_app.disposition.rules_access import rules_library_for
from receiving_app.disposition.rules_drafts import (
    DAY_BOUNDS,
    FLAG_CONDITIONS,
    LIST_CONDITIONS,
    RATIOS,
    VALUE_BOUNDS,
    RulesDraft,
    catch_all_rule,
    rules_body,
    rules_to_data,
)
from receiving_app.disposition.rules_library import RulesLibrary
from receiving_app.disposition.store import sync_routing_rules
from receiving_app.errors import InvalidInput, NotFound, PermissionDenied
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.users import Role, UserInfo, user_info
from tests.core.test_inspection_desk import ALL_CLEAR, PNG, answer_all, receive_phone

B_UNIT = UnitFacts(grade="B", category="electronics", value=Decimal(399), cost=Decimal(200))
C_UNIT = UnitFacts(
    grade="C",
    category="home",
    value=Decimal(150),
    cost=Decimal(80),
    vendor="ACME",
    vendor_accepts=True,
    vendor_window_days=30,
    days_since_delivery=45,
)


def shipped_draft() -> RulesDraft:
    return RulesDraft.of_rules(default_rules(), 1)


def refused(draft: RulesDraft) -> RulesError:
    with pytest.raises(RulesError) as caught:
        draft.check()
    return caught.value


# -- drafts (pure) ----------------------------------------------------------------------------


def test_an_unchanged_draft_checks_as_the_next_version() -> None:
    rules = default_rules()
    checked = shipped_draft().check()
    assert checked.version == 2
    assert dataclasses.replace(checked, version=1) == rules


def test_the_written_format_reads_back_exactly() -> None:
    draft = shipped_draft()
    draft.set_ratio("refurbish_resale_ratio", Decimal("0.65"))
    draft.set_bound(3, "max_value", Decimal("1234.56"))
    rules = draft.check()
    text = rules_body(rules_to_data(rules))
    assert '"refurbish_resale_ratio": 0.65' in text and "1234.56" in text
    assert rules_from_text(text) == rules
    assert rules.recovery.refurbish_resale_ratio == Decimal("0.65")
    with pytest.raises(TypeError):
        rules_body({"ratio": 0.65})  # a binary float would not add up to the cent


def test_a_new_rule_gets_a_free_id_the_default_route_and_is_flagged_as_catch_all() -> None:
    draft = shipped_draft()
    assert catch_all_rule(draft.check()) is None
    index = draft.add_rule(1)
    again = draft.add_rule(99)
    assert (index, again) == (1, 5)
    assert draft.rule(index)["id"] == "rule_1" and draft.rule(again)["id"] == "rule_2"
    assert draft.route_of(index) is Disposition.SCRAP  # the default route
    rules = draft.check()
    assert catch_all_rule(rules) == (2, "rule_1")
    # It catches the B unit before the rule for B can.
    assert decide(rules, B_UNIT).rule_id == "rule_1"
    draft.set_list(index, "grade", ["C"])
    assert catch_all_rule(draft.check()) is None  # the last rule may catch all


def test_moving_and_removing_rules_changes_which_matches_first() -> None:
    draft = shipped_draft()
    assert decide(draft.check(), C_UNIT).rule_id == "valuable_defective_for_parts"
    draft.add_rule(0)
    draft.set_list(0, "category", ["home"])
    draft.set_route(0, Disposition.SCRAP)
    assert decide(draft.check(), C_UNIT).rule_id == "rule_1"
    assert draft.move_rule(0, 3) == 3
    assert decide(draft.check(), C_UNIT).rule_id == "rule_1"  # parts rule is after it still
    assert draft.move_rule(3, 10) == 4
    assert decide(draft.check(), C_UNIT).rule_id == "valuable_defective_for_parts"
    assert draft.move_rule(4, -10) == 0
    draft.remove_rule(0)
    assert [rule["id"] for rule in draft.rules] == [r.id for r in default_rules().rules]


def test_a_bad_or_repeated_id_is_named_with_its_position() -> None:
    draft = shipped_draft()
    draft.set_rule_id(1, "Cosmetic!")
    problem = refused(draft)
    assert (problem.params["position"], problem.params["rule"]) == (2, '"Cosmetic!"')
    draft.set_rule_id(1, " as_new_to_stock ")
    problem = refused(draft)
    assert (problem.params["position"], problem.params["rule"]) == (2, "as_new_to_stock")
    draft.set_rule_id(1, "cosmetic")
    assert draft.check().rules[1].id == "cosmetic"


def test_route_or_whichever_recovers_most() -> None:
    draft = shipped_draft()
    draft.set_best_of(3, [Disposition.REFURBISH])
    problem = refused(draft)
    assert (problem.params["rule"], problem.params["position"]) == (
        "valuable_defective_for_parts",
        4,
    )
    assert "best_of" in problem.message
    draft.set_best_of(3, [Disposition.SCRAP, Disposition.REFURBISH, Disposition.SCRAP])
    assert draft.best_of(3) == [Disposition.SCRAP, Disposition.REFURBISH]
    assert draft.route_of(3) is None
    rule = draft.check().rules[3]
    assert rule.best_of and rule.routes == (Disposition.SCRAP, Disposition.REFURBISH)
    decision = decide(draft.check(), C_UNIT)
    # refurbish: 150 × 0.6 − 12 = 78; scrap: 150 × 0.05 = 7.50
    assert decision.disposition is Disposition.REFURBISH
    assert decision.reasons[-1][1]["amount"] == "78.00"
    draft.set_route(3, Disposition.SCRAP)
    assert "best_of" not in draft.rule(3) and draft.route_of(3) is Disposition.SCRAP


def test_rule_location_and_note() -> None:
    draft = shipped_draft()
    draft.set_rule_location(1, "BENCH-{colour}")
    problem = refused(draft)
    assert problem.params["rule"] == "cosmetic_to_refurbish" and problem.params["position"] == 2
    draft.set_rule_location(1, " BENCH-{category} ")
    draft.set_note(1, "  Refurbish bench  ")
    rules = draft.check()
    assert (rules.rules[1].location, rules.rules[1].note) == ("BENCH-{category}", "Refurbish bench")
    assert decide(rules, B_UNIT).location == "BENCH-electronics"
    draft.set_rule_location(1, "")
    draft.set_note(1, "")
    assert "location" not in draft.rule(1) and "note" not in draft.rule(1)
    assert decide(draft.check(), B_UNIT).location == "REFURB-electronics"


def test_list_conditions_are_trimmed_ordered_and_checked() -> None:
    draft = shipped_draft()
    draft.set_list(0, "grade", ["B", "A", "B"])
    assert draft.condition(0, "grade") == ["A", "B"]
    draft.set_list(0, "grade", ["A", "D"])
    problem = refused(draft)
    assert (problem.params["rule"], problem.params["field"]) == ("as_new_to_stock", "grade")
    draft.set_list(0, "grade", ["A"])
    draft.set_list(0, "parcel_condition", ["wet", "intact", " "])
    draft.set_list(0, "category", [" electronics ", "home", "electronics"])
    draft.set_list(0, "vendor", ["ACME"])
    draft.set_list(0, "reason", ["defective"])
    conditions = draft.check().rules[0].conditions
    assert draft.condition(0, "parcel_condition") == ["intact", "wet"]
    assert conditions.categories == {"electronics", "home"}
    assert (conditions.vendors, conditions.reasons) == ({"ACME"}, {"defective"})
    draft.set_list(0, "parcel_condition", ["soggy"])
    assert refused(draft).params["field"] == "parcel_condition"
    for key in LIST_CONDITIONS[1:]:
        draft.set_list(0, key, [])
    assert draft.when(0) == {"grade": ["A"]}
    with pytest.raises(ValueError):
        draft.set_list(0, "colour", ["red"])


def test_flags_are_true_false_or_not_asked() -> None:
    draft = shipped_draft()
    draft.set_flag(2, "vendor_accepts", False)
    draft.set_flag(2, "within_vendor_window", None)
    conditions = draft.check().rules[2].conditions
    assert (conditions.vendor_accepts, conditions.within_vendor_window) == (False, None)
    assert "within_vendor_window" not in draft.when(2)
    with pytest.raises(ValueError):
        draft.set_flag(2, "min_days", True)


def test_bounds_take_whole_days_and_amounts() -> None:
    draft = shipped_draft()
    draft.set_bound(2, "min_days", Decimal("2.5"))
    problem = refused(draft)
    assert (problem.params["position"], problem.params["field"]) == (3, "min_days")
    draft.set_bound(2, "min_days", Decimal(10))
    draft.set_bound(2, "max_days", 5)
    problem = refused(draft)
    assert (problem.params["low"], problem.params["high"]) == ("10", "5")
    draft.set_bound(2, "max_days", None)
    draft.set_bound(3, "min_value", Decimal("99.50"))
    draft.set_bound(3, "max_value", Decimal(-1))
    assert refused(draft).params["rule"] == "valuable_defective_for_parts"
    draft.set_bound(3, "max_value", 500)
    conditions = draft.check().rules[3].conditions
    assert (conditions.min_value, conditions.max_value) == (Decimal("99.5"), 500)
    assert draft.check().rules[2].conditions.min_days == 10
    with pytest.raises(ValueError):
        draft.set_bound(3, "min_value", Decimal("NaN"))
    with pytest.raises(TypeError):
        draft.set_bound(3, "min_value", 1.5)  # type: ignore[arg-type]


def test_default_route_locations_and_recovery_figures() -> None:
    draft = shipped_draft()
    unmatched = dataclasses.replace(C_UNIT, value=Decimal(50))  # no rule matches
    assert decide(draft.check(), unmatched).disposition is Disposition.SCRAP
    draft.set_default(Disposition.REFURBISH)
    draft.set_location(Disposition.REFURBISH, " BENCH-{category}-{vendor} ")
    assert refused(draft).params["length"] == 71  # 32 for each once filled in: too long
    draft.set_location(Disposition.REFURBISH, " BENCH-{vendor} ")
    decision = decide(draft.check(), unmatched)
    assert (decision.disposition, decision.location) == (Disposition.REFURBISH, "BENCH-ACME")
    draft.set_location(Disposition.SCRAP, "")
    assert refused(draft).params["where"] == "scrap"
    draft.set_location(Disposition.SCRAP, "BIN-{category:>9}")  # would fail only when routing
    assert refused(draft).params["value"] == "BIN-{category:>9}"
    draft.set_location(Disposition.SCRAP, "SCRAP")
    draft.set_ratio("scrap_ratio", Decimal("0.1"))
    draft.set_refurbish_cost("home", Decimal(20))
    draft.set_refurbish_cost("garden", Decimal("7.5"))
    draft.set_refurbish_cost("apparel", None)
    draft.set_refurbish_cost("default", 9)
    recovery = draft.check().recovery
    assert recovery.scrap_ratio == Decimal("0.1") and draft.ratio("scrap_ratio") == Decimal("0.1")
    assert dict(recovery.refurbish_cost) == {
        "electronics": 35,
        "home": 20,
        "garden": Decimal("7.5"),
    }
    assert recovery.default_refurbish_cost == 9
    assert decide(draft.check(), unmatched).recoveries[Disposition.REFURBISH] == Decimal(10)
    with pytest.raises(RulesError):
        draft.set_refurbish_cost("Garden Tools", 3)
    with pytest.raises(RulesError):
        draft.set_refurbish_cost("default", None)
    draft.set_ratio("restock_ratio", Decimal(-1))
    assert refused(draft).params["where"] == "restock_ratio"


_ROUTES = st.sampled_from(list(Disposition))
_TEXT = st.text(alphabet="abcAB_{}:- 1", max_size=6)
_NUMBER = st.one_of(
    st.none(),
    st.integers(-5, 500),
    st.decimals(min_value=-5, max_value=500, places=2, allow_nan=False),
)
_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "add",
                "remove",
                "move",
                "id",
                "route",
                "best_of",
                "location",
                "note",
                "list",
                "flag",
                "bound",
                "default",
                "route_location",
                "ratio",
                "cost",
            ]
        ),
        st.integers(-3, 30),
        _ROUTES,
        st.lists(_ROUTES, max_size=4),
        _TEXT,
        _NUMBER,
        st.sampled_from([None, True, False]),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(_OPERATIONS)
def test_any_edit_sequence_checks_or_names_the_problem(operations: list) -> None:
    """Whatever a supervisor clicks, the draft either checks or raises RulesError; what checks
    is written and read back to the same rules."""
    draft = shipped_draft()
    for name, number, route, routes, text, value, flag in operations:
        count = len(draft.rules)
        index = number % count if count else 0
        if name == "add":
            draft.add_rule(number)
        elif name == "default":
            draft.set_default(route)
        elif name == "route_location":
            draft.set_location(route, text)
        elif name == "ratio" and value is not None:
            draft.set_ratio(RATIOS[number % len(RATIOS)], value)
        elif name == "cost":
            try:
                draft.set_refurbish_cost(text or "default", value)
            except RulesError as exc:
                assert exc.message
        elif count == 0:
            continue
        elif name == "remove":
            draft.remove_rule(index)
        elif name == "move":
            draft.move_rule(index, number)
        elif name == "id":
            draft.set_rule_id(index, text)
        elif name == "route":
            draft.set_route(index, route)
        elif name == "best_of":
            draft.set_best_of(index, routes)
        elif name == "location":
            draft.set_rule_location(index, text)
        elif name == "note":
            draft.set_note(index, text)
        elif name == "list":
            draft.set_list(index, LIST_CONDITIONS[number % len(LIST_CONDITIONS)], text.split())
        elif name == "flag":
            draft.set_flag(index, FLAG_CONDITIONS[number % 2], flag)
        elif name == "bound":
            draft.set_bound(index, (DAY_BOUNDS + VALUE_BOUNDS)[number % 4], value)
    try:
        rules = draft.check()
    except RulesError as exc:
        assert exc.message
        return
    assert len(rules.rules) == len(draft.rules)
    assert rules_from_text(rules_body(rules_to_data(rules))) == rules
    decide(rules, C_UNIT)  # every location a checked draft holds can be filled in


# -- the library on both engines --------------------------------------------------------------


@pytest.fixture
def station(database: Database, clock: FixedClock, dock) -> StationInfo:
    sync_routing_rules(database, Actor(None, "INSPECT-1"), clock.now())
    return ensure_station(database, "INSPECT-1", None, clock.now())


def user_named(name: str) -> UserInfo:
    return user_info(User.get(User.name == name))


@pytest.fixture
def library(database: Database, clock: FixedClock, station: StationInfo) -> RulesLibrary:
    return rules_library_for(database, clock, station, user_named("zhang.min"))


def test_only_supervisors_and_admins_edit_the_rules(
    database: Database, clock: FixedClock, station: StationInfo
) -> None:
    for name in ("wang.fang", "li.wei"):  # an inspector, a dock worker
        with pytest.raises(PermissionDenied) as denied:
            rules_library_for(database, clock, station, user_named(name))
        assert denied.value.params["permission"] == "edit_rules"
    admin = UserInfo(99, "root", "Root", Role.ADMIN)
    assert rules_library_for(database, clock, station, admin).user is admin
    assert isinstance(
        rules_library_for(database, clock, station, user_named("zhang.min")), RulesLibrary
    )


def test_saving_stores_the_next_version_with_its_author_and_audit(library: RulesLibrary) -> None:
    draft = library.draft()
    assert draft.base_version == 1
    draft.set_route(1, Disposition.SCRAP)
    saved = library.save(draft, "  Cosmetic units are scrapped for now  ")
    assert (saved.version, saved.saved_by, saved.note) == (
        2,
        "Zhang Min",
        "Cosmetic units are scrapped for now",
    )
    history = library.history()
    assert [(v.version, v.saved_by) for v in history] == [(2, "Zhang Min"), (1, "")]
    assert history[1].note == "shipped default rules"
    row = RoutingRulesVersion.get(RoutingRulesVersion.version == 2)
    assert json.loads(row.body)["version"] == 2
    assert rules_from_text(row.body).rules[1].routes == (Disposition.SCRAP,)
    assert row.saved_by_id == User.get(User.name == "zhang.min").id
    record = AuditRecord.get(AuditRecord.action == "routing_rules.saved")
    assert (record.entity, record.entity_id, record.user_name, record.station_code) == (
        "routing_rules_version",
        "2",
        "zhang.min",
        "INSPECT-1",
    )
    assert json.loads(record.before) == {"version": 1}
    assert json.loads(record.after)["note"] == "Cosmetic units are scrapped for now"
    assert verify_chain().ok
    again = library.draft()
    assert again.base_version == 2 and again.route_of(1) is Disposition.SCRAP


def test_a_refused_save_stores_nothing(library: RulesLibrary) -> None:
    before = RoutingRulesVersion.select().count(), AuditRecord.select().count()
    draft = library.draft()
    with pytest.raises(InvalidInput) as unchanged:
        library.save(draft, "Nothing really")
    assert "Nothing changed" in unchanged.value.message
    draft.set_bound(2, "max_days", Decimal("1.5"))
    with pytest.raises(RulesError) as broken:
        library.save(draft, "Half days")
    assert broken.value.params["rule"] == "defective_back_to_vendor"
    assert broken.value.params["position"] == 3
    draft.set_bound(2, "max_days", 90)
    with pytest.raises(InvalidInput):
        library.save(draft, "   ")
    with pytest.raises(InvalidInput):
        library.save(draft, "x" * 201)
    draft.set_name("x" * 121)
    with pytest.raises(RulesError):
        library.save(draft, "Long name")
    assert (RoutingRulesVersion.select().count(), AuditRecord.select().count()) == before


def test_two_supervisors_editing_at_once_cannot_undo_each_other(library: RulesLibrary) -> None:
    mine, theirs = library.draft(), library.draft()
    mine.set_default(Disposition.REFURBISH)
    theirs.set_ratio("scrap_ratio", Decimal("0.08"))
    assert library.save(mine, "Unmatched units to refurbish").version == 2
    with pytest.raises(InvalidInput) as refused_save:
        library.save(theirs, "Liquidators pay more")
    assert "while you were editing" in refused_save.value.message
    assert RoutingRulesVersion.select().count() == 2
    again = library.draft()
    assert again.base_version == 2 and again.default is Disposition.REFURBISH
    again.set_ratio("scrap_ratio", Decimal("0.08"))
    assert library.save(again, "Liquidators pay more").version == 3


def test_an_older_version_comes_back_as_the_next_one(library: RulesLibrary) -> None:
    draft = library.draft()
    draft.remove_rule(0)
    library.save(draft, "No restock rule")
    restored = library.draft(version=1)
    assert restored.base_version == 2 and restored.rule(0)["id"] == "as_new_to_stock"
    assert library.save(restored, "Restock rule back").version == 3
    assert rules_from_text(RoutingRulesVersion.get(version=3).body) == dataclasses.replace(
        default_rules(), version=3
    )
    with pytest.raises(NotFound):
        library.draft(version=9)


def test_version_numbers_continue_from_the_highest_stored(
    library: RulesLibrary, clock: FixedClock
) -> None:
    body = rules_body({**rules_to_data(default_rules()), "version": 7})
    RoutingRulesVersion.create(version=7, name="Imported", body=body, saved_at=clock.now())
    draft = library.draft()
    assert draft.base_version == 7
    draft.set_name("Dock rules")
    saved = library.save(draft, "Our own name")
    assert (saved.version, saved.name) == (8, "Dock rules")
    assert [v.version for v in library.history()] == [8, 7, 1]


def test_with_nothing_stored_the_draft_starts_from_the_shipped_rules(
    database: Database, clock: FixedClock, dock
) -> None:
    station = ensure_station(database, "INSPECT-2", None, clock.now())
    library = rules_library_for(database, clock, station, user_named("zhang.min"))
    assert library.history() == []
    draft = library.draft()
    assert draft.base_version is None
    with pytest.raises(NotFound):
        library.draft(version=1)
    draft.set_route(1, Disposition.SCRAP)
    assert library.save(draft, "Our first rules").version == 1
    assert not sync_routing_rules(database, Actor(None, "INSPECT-2"), clock.now())


def test_trying_a_unit_uses_the_draft_and_stores_nothing(library: RulesLibrary) -> None:
    draft = library.draft()
    assert library.try_unit(draft, B_UNIT).disposition is Disposition.REFURBISH
    draft.set_route(1, Disposition.VENDOR_RETURN)
    draft.set_rule_location(1, "CAGE-B-{vendor}")
    decision = library.try_unit(draft, B_UNIT)
    assert (decision.disposition, decision.location, decision.rule_id, decision.position) == (
        Disposition.VENDOR_RETURN,
        "CAGE-B-NONE",
        "cosmetic_to_refurbish",
        2,
    )
    assert decision.recoveries[Disposition.REFURBISH] == Decimal("204.40")  # 399 × 0.6 − 35
    draft.set_list(1, "grade", ["E"])
    with pytest.raises(RulesError) as broken:
        library.try_unit(draft, B_UNIT)
    assert broken.value.params["rule"] == "cosmetic_to_refurbish"
    assert RoutingRulesVersion.select().count() == 1


def test_try_choices_list_what_is_on_file(library: RulesLibrary) -> None:
    choices = library.try_choices()
    assert choices.categories == ("apparel", "electronics", "home")
    assert [(v.code, v.accepts_returns, v.window_days) for v in choices.vendors] == [
        ("ACME", True, 60)
    ]
    assert choices.reasons == ("defective", "size_fit")


def test_grading_routes_by_the_saved_version(
    library: RulesLibrary,
    database: Database,
    clock: FixedClock,
    desk: ReceivingDesk,
    dock,
    tmp_path: Path,
) -> None:
    """A saved rule sending grade B to scrap changes where the next B unit goes."""
    draft = library.draft()
    draft.set_route(1, Disposition.SCRAP)
    draft.set_rule_location(1, "SCRAP-B-{category}")
    library.save(draft, "B units are scrapped")
    photo = tmp_path / "phone.png"
    photo.write_bytes(PNG)
    station = ensure_station(database, "INSPECT-1", None, clock.now())
    inspect = InspectionDesk(database, clock, station, photo_folder=tmp_path / "photos")
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    assert inspect.handle_scan("BDG0002").code == C.LOGGED_IN
    lpn = receive_phone(desk, dock.phone_serials[0])
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    answer_all(inspect, photo, {**ALL_CLEAR, "scratches": "light"})
    done = inspect.complete()
    assert done.params["grade"] == "B"
    assert (done.params["route"], done.params["location"]) == ("scrap", "SCRAP-B-electronics")
    [routed] = UnitDisposition.select()
    assert (routed.rule_id, routed.rules_version.version) == ("cosmetic_to_refurbish", 2)


def test_two_saves_at_the_same_moment_store_one_version(
    library: RulesLibrary, database: Database
) -> None:
    """Two supervisors press Save at once on their own connections: one wins, one is told."""
    drafts = [library.draft(), library.draft()]
    drafts[0].set_default(Disposition.REFURBISH)
    drafts[1].set_default(Disposition.VENDOR_RETURN)
    barrier = threading.Barrier(2)
    saved: list[int] = []
    refusals: list[InvalidInput] = []
    errors: list[BaseException] = []

    def save(draft: RulesDraft) -> None:
        try:
            with database.connection_context():
                barrier.wait(timeout=10)
                saved.append(library.save(draft, "Race").version)
        except InvalidInput as exc:
            refusals.append(exc)
        except BaseException as exc:  # noqa: BLE001 (re-raised in the test thread below)
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert saved == [2] and len(refusals) == 1
    assert "while you were editing" in refusals[0].message
    assert [v.version for v in library.history()] == [2, 1]
    assert AuditRecord.select().where(AuditRecord.action == "routing_rules.saved").count() == 1
    assert verify_chain().ok
