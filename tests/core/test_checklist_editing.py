"""Supervisors editing checklists: drafts, saving new versions, history and grade overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from peewee import Database

from db.models import AuditRecord, ChecklistVersion, Inspection, Product, User
from receiving_app.accounts import ensure_station
from receiving_app.audit import Actor, verify_chain
from receiving_app.clock import FixedClock
from receiving_app.errors import InvalidInput, NotFound, PermissionDenied
from receiving_app.inspection.catalog import shipped_templates
from receiving_app.inspection.drafts import ChecklistDraft
from receiving_app.inspection.grading import trial_grade
from receiving_app.inspection.model import ChecklistError, Grade, Severity, StepKind
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.inspection.versions import ChecklistLibrary
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.users import hash_pin
from tests.core.test_inspection_desk import ALL_CLEAR, PNG, answer_all, receive_phone


def home_draft() -> ChecklistDraft:
    return ChecklistDraft.of_template(shipped_templates()["home"])


# -- drafts (pure) ----------------------------------------------------------------------------


def test_an_unchanged_draft_checks_as_the_next_version() -> None:
    template = shipped_templates()["home"]
    draft = ChecklistDraft.of_template(template)
    checked = draft.check()
    assert checked.version == template.version + 1
    assert checked.steps == template.steps and checked.grades == template.grades


def test_a_new_step_is_refused_until_it_has_a_question() -> None:
    draft = home_draft()
    index = draft.add_step(StepKind.PASS_FAIL, 1)
    step_id = draft.step(index)["id"]
    with pytest.raises(ChecklistError) as refused:
        draft.check()
    assert refused.value.params["step"] == step_id
    assert refused.value.params["position"] == 2
    draft.set_text(index, "question", "Does the lid close?")
    draft.set_severity(index, Severity.MINOR)
    step = draft.check().steps[1]
    assert (step.id, step.kind, step.severity) == (step_id, StepKind.PASS_FAIL, Severity.MINOR)


def test_new_step_ids_never_collide() -> None:
    draft = home_draft()
    ids = {draft.step(draft.add_step(StepKind.NOTE, 0))["id"] for _ in range(3)}
    assert len(ids) == 3
    assert len({step["id"] for step in draft.steps}) == len(draft.steps)


def test_moving_steps_reorders_them_and_stops_at_the_ends() -> None:
    draft = home_draft()
    first, second = draft.step(0)["id"], draft.step(1)["id"]
    assert draft.move_step(0, 1) == 1
    assert [draft.step(0)["id"], draft.step(1)["id"]] == [second, first]
    assert draft.move_step(0, -5) == 0
    last = len(draft.steps) - 1
    assert draft.move_step(last, 3) == last
    assert [step.id for step in draft.check().steps][:2] == [second, first]


def test_changing_the_kind_keeps_the_texts_and_drops_what_no_longer_fits() -> None:
    draft = home_draft()
    assert draft.kind_of(0) is StepKind.CHOICE
    question = draft.text_in(0, "question", "zh_CN")
    draft.set_kind(0, StepKind.PASS_FAIL)
    step = draft.check().steps[0]
    assert step.kind is StepKind.PASS_FAIL and step.options == ()
    assert step.question_in("zh_CN") == question
    assert "options" not in draft.step(0)
    draft.set_kind(0, StepKind.CHOICE)
    assert len(draft.check().steps[0].options) == 2  # a fresh pair to edit


def test_option_severity_key_and_translated_labels() -> None:
    draft = home_draft()
    draft.set_option(0, 1, severity=Severity.COSMETIC)
    draft.set_option(0, 1, key="tiny_dent")
    assert draft.option_label(0, 1, "zh_CN") == "轻微凹痕或磕碰，不影响使用"  # follows the key
    draft.set_option_label(0, 1, "zh_CN", "小凹痕")
    option = draft.check().steps[0].options[1]
    assert (option.key, option.severity) == ("tiny_dent", Severity.COSMETIC)
    assert draft.check().steps[0].option_label_in(option, "zh_CN") == "小凹痕"
    added = draft.add_option(0)
    with pytest.raises(ChecklistError):  # an option without a label
        draft.check()
    draft.set_option(0, added, label="Missing part")
    assert draft.move_option(0, added, -1) == added - 1
    draft.remove_option(0, added - 1)
    draft.remove_option(0, 1)
    texts = draft.step(0)["translations"]["zh_CN"]["options"]
    assert "tiny_dent" not in texts
    assert [o.key for o in draft.check().steps[0].options] == ["no_damage", "broken"]


def test_measure_limits_and_required_flags() -> None:
    draft = home_draft()
    index = draft.add_step(StepKind.MEASURE, 0)
    draft.set_text(index, "question", "Weight")
    draft.set_limits(index, " kg ", 0.5, 2.0)
    step = draft.check().steps[0]
    assert (step.unit, step.minimum, step.maximum) == ("kg", 0.5, 2)
    draft.set_limits(index, "kg", None, 2)
    assert draft.check().steps[0].minimum is None
    draft.set_limits(index, "kg", None, None)
    with pytest.raises(ChecklistError):  # a measure needs at least one limit
        draft.check()
    draft.set_limits(index, "kg", 5, 1)
    with pytest.raises(ChecklistError):
        draft.check()
    note = draft.add_step(StepKind.NOTE, 0)
    draft.set_text(note, "question", "Anything else?")
    draft.set_required(note, True)
    draft.set_limits(note + 1, "kg", 1, 5)
    assert draft.check().steps[0].required is True
    with pytest.raises(ValueError):
        draft.set_limits(note, "kg", 1, 5)  # a note has no limits


def test_a_grade_rule_where_worse_grades_better_is_refused() -> None:
    draft = home_draft()
    draft.set_grade(Severity.COSMETIC, Grade.A)
    assert draft.check().grade_for(Severity.COSMETIC) is Grade.A
    draft.set_grade(Severity.MAJOR, Grade.A)
    with pytest.raises(ChecklistError) as refused:
        draft.check()
    assert refused.value.params["worse"] == "critical" or refused.value.params["better"] == "minor"
    with pytest.raises(ValueError):
        draft.set_grade(Severity.NONE, Grade.B)


def test_translated_name_and_texts() -> None:
    draft = home_draft()
    draft.set_name("Home", "en")
    draft.set_name("家居", "zh_CN")
    draft.set_text(0, "help", "看看底部", "zh_CN")
    template = draft.check()
    assert (template.name, template.name_in("zh_CN")) == ("Home", "家居")
    assert template.steps[0].help_in("zh_CN") == "看看底部"


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["add", "remove", "move", "kind", "question", "severity", "option", "grade", "limits"]
        ),
        st.integers(-3, 30),
        st.sampled_from(list(StepKind)),
        st.sampled_from(list(Severity)),
        st.text(max_size=5),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(_OPERATIONS)
def test_any_edit_sequence_checks_or_names_the_problem(operations: list) -> None:
    """Whatever a supervisor clicks, the draft either checks or raises ChecklistError."""
    draft = home_draft()
    for name, number, kind, severity, text in operations:
        count = len(draft.steps)
        index = number % count if count else 0
        if name == "add":
            draft.add_step(kind, number)
        elif count == 0:
            continue
        elif name == "remove":
            draft.remove_step(index)
        elif name == "move":
            draft.move_step(index, number)
        elif name == "kind":
            draft.set_kind(index, kind)
        elif name == "question":
            draft.set_text(index, "question", text)
        elif name == "severity" and draft.kind_of(index) in (StepKind.PASS_FAIL, StepKind.MEASURE):
            draft.set_severity(index, severity)
        elif name == "option" and draft.kind_of(index) is StepKind.CHOICE:
            draft.set_option(index, draft.add_option(index), label=text, severity=severity)
        elif name == "grade" and severity is not Severity.NONE:
            draft.set_grade(severity, Grade.C if number % 2 else Grade.A)
        elif name == "limits" and draft.kind_of(index) is StepKind.MEASURE:
            draft.set_limits(index, text, number, number + 1)
    try:
        template = draft.check()
    except ChecklistError as exc:
        assert exc.message
        return
    assert len(template.steps) == len(draft.steps)


# -- the library on both engines --------------------------------------------------------------


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock, tmp_path: Path) -> InspectionDesk:
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    station = ensure_station(database, "INSPECT-1", None, clock.now())
    return InspectionDesk(database, clock, station, photo_folder=tmp_path / "photos")


@pytest.fixture
def library(inspect: InspectionDesk) -> ChecklistLibrary:
    assert inspect.handle_scan("BDG0003").code == C.LOGGED_IN  # the supervisor
    return inspect.checklist_library()


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "phone.png"
    path.write_bytes(PNG)
    return path


def test_only_supervisors_open_the_library(inspect: InspectionDesk) -> None:
    with pytest.raises(PermissionDenied):
        inspect.checklist_library()  # nobody logged in
    assert inspect.handle_scan("BDG0002").code == C.LOGGED_IN  # an inspector
    with pytest.raises(PermissionDenied):
        inspect.checklist_library()
    User.update(pin_hash=hash_pin("4321")).where(User.name == "zhang.min").execute()
    with pytest.raises(PermissionDenied):
        inspect.checklist_library("zhang.min", "0000")
    library = inspect.checklist_library("zhang.min", "4321")
    assert library.user.name == "zhang.min"
    assert inspect.user is not None and inspect.user.name == "wang.fang"  # still logged in


def test_saving_stores_the_next_version_with_its_author_and_audit(
    library: ChecklistLibrary,
) -> None:
    assert {"general", "electronics", "apparel", "home"} <= set(library.categories())
    draft = library.draft("home")
    draft.set_option(0, 1, severity=Severity.MAJOR)
    saved = library.save(draft, "Dents are major from now on")
    assert (saved.version, saved.saved_by, saved.note) == (2, "Zhang Min", draft_note := saved.note)
    assert draft_note == "Dents are major from now on"
    history = library.history("home")
    assert [(v.version, v.saved_by) for v in history] == [(2, "Zhang Min"), (1, "")]
    row = ChecklistVersion.get(category="home", version=2)
    assert json.loads(row.body)["version"] == 2
    record = AuditRecord.get(AuditRecord.action == "checklist.saved")
    assert record.entity_id == "home@2"
    assert json.loads(record.after)["note"] == "Dents are major from now on"
    assert verify_chain().ok


def test_a_refused_save_stores_nothing(library: ChecklistLibrary) -> None:
    before = ChecklistVersion.select().count(), AuditRecord.select().count()
    draft = library.draft("home")
    with pytest.raises(InvalidInput):
        library.save(draft, "Nothing really")  # unchanged
    draft.set_text(0, "question", "   ")
    with pytest.raises(ChecklistError) as refused:
        library.save(draft, "Blank question")
    assert refused.value.params["position"] == 1
    draft.set_text(0, "question", "Is it damaged?")
    with pytest.raises(InvalidInput):
        library.save(draft, "  ")
    with pytest.raises(InvalidInput):
        library.save(draft, "x" * 201)
    assert (ChecklistVersion.select().count(), AuditRecord.select().count()) == before


def test_two_supervisors_editing_at_once_cannot_undo_each_other(
    library: ChecklistLibrary,
) -> None:
    mine, theirs = library.draft("apparel"), library.draft("apparel")
    mine.set_grade(Severity.COSMETIC, Grade.A)
    theirs.set_grade(Severity.MINOR, Grade.C)
    assert library.save(mine, "Cosmetic marks keep grade A").version == 2
    with pytest.raises(InvalidInput) as refused:
        library.save(theirs, "Minor is C")
    assert refused.value.params["category"] == "apparel"
    again = library.draft("apparel")
    assert again.base_version == 2 and again.grade_of(Severity.COSMETIC) is Grade.A
    again.set_grade(Severity.MINOR, Grade.C)
    assert library.save(again, "Minor is C").version == 3


def test_an_older_version_comes_back_as_the_next_one(library: ChecklistLibrary) -> None:
    draft = library.draft("home")
    draft.remove_step(0)
    library.save(draft, "Without the damage step")
    restored = library.draft("home", version=1)
    assert restored.base_version == 2 and restored.step(0)["id"] == "damage"
    assert library.save(restored, "Damage step back").version == 3
    with pytest.raises(NotFound):
        library.draft("home", version=9)
    with pytest.raises(NotFound):
        library.draft("garden")


def test_new_inspections_use_the_saved_version_and_old_ones_keep_theirs(
    library: ChecklistLibrary, inspect: InspectionDesk, desk: ReceivingDesk, dock, photo: Path
) -> None:
    first_lpn = receive_phone(desk, dock.phone_serials[0], close=False)
    second_lpn = desk.handle_scan(dock.phone_serials[1]).lpn
    assert second_lpn is not None
    desk.close_parcel()
    assert inspect.handle_scan(first_lpn).code == C.INSPECTION_STARTED
    draft = library.draft("electronics")
    index = draft.add_step(StepKind.PASS_FAIL, 0)
    draft.set_text(index, "question", "Is the charger the original one?")
    library.save(draft, "Charger check first")
    assert inspect.view is not None and inspect.view.template_version == 1  # the open one
    answer_all(inspect, photo, ALL_CLEAR)
    assert inspect.complete().params["grade"] == "A"
    assert inspect.handle_scan(second_lpn).code == C.INSPECTION_STARTED
    view = inspect.view
    assert view is not None and view.template_version == 2
    assert view.steps[0].question == "Is the charger the original one?"
    versions = {i.checklist_version.version for i in Inspection.select()}
    assert versions == {1, 2}
    assert library.history("electronics")[1].inspections == 1


def test_a_new_category_gets_its_own_checklist(
    library: ChecklistLibrary, inspect: InspectionDesk, desk: ReceivingDesk, dock
) -> None:
    with pytest.raises(InvalidInput):
        library.new_category("Toys!", "Toys", "general")
    with pytest.raises(InvalidInput):
        library.new_category("home", "Home", "general")
    draft = library.new_category("phones", "Phones", "electronics")
    assert draft.base_version is None
    assert library.save(draft, "Phones get their own list").version == 1
    assert "phones" in library.categories()
    Product.update(category="phones").where(Product.category == "electronics").execute()
    lpn = receive_phone(desk, dock.phone_serials[0])
    assert inspect.handle_scan(lpn).code == C.INSPECTION_STARTED
    assert inspect.view is not None and inspect.view.category == "phones"


def test_overrides_are_listed_for_supervisors(
    library: ChecklistLibrary, inspect: InspectionDesk, desk: ReceivingDesk, dock, photo: Path
) -> None:
    lpn = receive_phone(desk, dock.phone_serials[0])
    inspect.handle_scan(lpn)
    answer_all(inspect, photo, {**ALL_CLEAR, "scratches": "light"})
    inspect.complete()
    assert inspect.override("A", "Scratch is on the protective film").code == C.GRADE_OVERRIDDEN
    [override] = library.recent_overrides()
    assert (override.lpn, override.computed_grade, override.final_grade) == (lpn, "B", "A")
    assert override.reason == "Scratch is on the protective film"
    assert override.overridden_by == override.inspected_by == "Zhang Min"
    assert override.sku
    assert library.recent_overrides(days=0) == [override]  # overridden at the clock's now


def test_a_trial_grade_counts_unanswered_steps_as_passing() -> None:
    template = shipped_templates()["home"]
    assert trial_grade(template, {}).grade is Grade.A
    damage = template.steps[0]
    result = trial_grade(template, {damage.id: "small_dent", "removed_step": True})
    assert (result.grade, result.worst) == (Grade.B, Severity.MINOR)
    assert [(f.step_id, f.position) for f in result.failures] == [("damage", 1)]
    manuals = trial_grade(template, {"manuals": False, "damage": "no_damage"})
    assert [(f.step_id, f.position) for f in manuals.failures] == [("manuals", 5)]
    with pytest.raises(ChecklistError):
        trial_grade(template, {damage.id: "no_such_option"})
