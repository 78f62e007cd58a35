"""Checklist templates: the shipped files load clean, broken ones are refused naming the step."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from receiving_app.__main__ import main
from receiving_app.errors import InvalidInput
from receiving_app.inspection import (
    ChecklistError,
    Grade,
    Severity,
    StepKind,
    current_template,
    current_templates,
    load_template,
    site_folder,
    template_from_data,
    template_to_data,
)
from receiving_app.inspection.catalog import read_catalog, shipped_templates
from receiving_app.settings import config_file

SHIPPED = Path(__file__).resolve().parents[2] / "receiving_app" / "inspection" / "checklist_files"
GRADES = {"cosmetic": "B", "minor": "B", "major": "C", "critical": "C"}


def valid() -> dict[str, Any]:
    """A small template with one step of every kind."""
    return {
        "category": "toys",
        "name": "Toys",
        "version": 2,
        "grades": dict(GRADES),
        "steps": [
            {"id": "works", "kind": "pass_fail", "question": "Works?", "severity": "critical"},
            {
                "id": "box",
                "kind": "choice",
                "question": "Box?",
                "options": [
                    {"key": "ok", "label": "Fine", "severity": "none"},
                    {"key": "torn", "label": "Torn", "severity": "cosmetic"},
                ],
            },
            {
                "id": "battery",
                "kind": "measure",
                "question": "Battery?",
                "unit": "%",
                "min": 80,
                "max": 100,
                "severity": "major",
            },
            {"id": "photo", "kind": "photo", "question": "Photo"},
            {"id": "notes", "kind": "note", "question": "Notes", "required": False},
        ],
    }


def test_every_shipped_file_loads_clean_with_chinese_texts() -> None:
    paths = sorted(SHIPPED.glob("*.json"))
    assert {path.stem for path in paths} == {"general", "electronics", "apparel", "home"}
    for path in paths:
        template = load_template(path)
        assert template.category == path.stem and template.version >= 1
        assert template.name_in("zh_CN") != template.name
        assert template_from_data(template_to_data(template)) == template
        for step in template.steps:
            assert step.help, f"{path.name}: {step.id} has no help for a first-day inspector"
            zh = step.translations["zh_CN"]
            assert zh.question and zh.help, f"{path.name}: {step.id} lacks Chinese"
            assert set(zh.options) == {option.key for option in step.options}


def test_shipped_templates_cover_what_the_issue_asks_for() -> None:
    templates = shipped_templates()
    ids = {category: {step.id for step in t.steps} for category, t in templates.items()}
    appearance = {"damage", "scratches", "stains", "fading"}
    completeness = {"accessories", "manuals", "packaging", "seals"}
    assert appearance | completeness | {"function"} <= ids["general"]
    assert {"powers_on", "screen", "buttons_ports", "battery_health", "serial_matches"} <= ids[
        "electronics"
    ]
    assert {"data_wiped"} | appearance | completeness <= ids["electronics"]
    assert {"tags_attached", "worn_washed", "stains", "odour", "damage"} <= ids["apparel"]
    assert {"damage", "function", "accessories", "cleanliness"} <= ids["home"]
    battery = next(s for s in templates["electronics"].steps if s.id == "battery_health")
    assert battery.kind is StepKind.MEASURE and battery.unit == "%" and battery.minimum == 80
    for template in templates.values():
        assert template.grade_for(Severity.CRITICAL) is Grade.C
        assert template.grade_for(Severity.COSMETIC) is Grade.B
        assert any(s.kind is StepKind.PHOTO and s.required for s in template.steps)


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _duplicate_id(data: dict[str, Any]) -> None:
    data["steps"][3]["id"] = "box"


BROKEN_STEPS = [
    # (what is wrong, change, step id named, position)
    ("duplicate id", _duplicate_id, "box", 4),
    ("unknown kind", _set(["steps", 0, "kind"], "yes_no"), "works", 1),
    ("kind not a text", _set(["steps", 0, "kind"], ["pass_fail"]), "works", 1),
    ("missing question", _delete(["steps", 1, "question"]), "box", 2),
    ("blank question", _set(["steps", 1, "question"], "  "), "box", 2),
    ("help not text", _set(["steps", 1, "help"], 5), "box", 2),
    ("bad id", _set(["steps", 2, "id"], "Battery Health"), '"Battery Health"', 3),
    ("step not an object", _set(["steps", 4], "notes"), '"notes"', 5),
    ("unknown field", _set(["steps", 0, "severty"], "major"), "works", 1),
    ("pass_fail severity none", _set(["steps", 0, "severity"], "none"), "works", 1),
    ("pass_fail no severity", _delete(["steps", 0, "severity"]), "works", 1),
    ("choice without options", _delete(["steps", 1, "options"]), "box", 2),
    ("choice with one option", _set(["steps", 1, "options"], []), "box", 2),
    ("option unknown severity", _set(["steps", 1, "options", 1, "severity"], "ugly"), "box", 2),
    ("option without label", _delete(["steps", 1, "options", 0, "label"]), "box", 2),
    ("option repeats a label", _set(["steps", 1, "options", 1, "label"], "Fine"), "box", 2),
    ("no passing option", _set(["steps", 1, "options", 0, "severity"], "minor"), "box", 2),
    ("min above max", _set(["steps", 2, "min"], 101), "battery", 3),
    ("text limit", _set(["steps", 2, "max"], "100"), "battery", 3),
    ("boolean limit", _set(["steps", 2, "min"], True), "battery", 3),
    ("no limits", lambda d: [d["steps"][2].pop(k) for k in ("min", "max")], "battery", 3),
    ("no unit", _delete(["steps", 2, "unit"]), "battery", 3),
    ("required not bool", _set(["steps", 3, "required"], "yes"), "photo", 4),
    ("translations not an object", _set(["steps", 0, "translations"], ["zh"]), "works", 1),
    (
        "translation of an unknown option",
        _set(["steps", 1, "translations"], {"zh_CN": {"options": {"nope": "x"}}}),
        "box",
        2,
    ),
]


@pytest.mark.parametrize(
    ("change", "step", "position"),
    [case[1:] for case in BROKEN_STEPS],
    ids=[case[0] for case in BROKEN_STEPS],
)
def test_a_broken_step_is_refused_naming_it(
    change: Callable[[dict[str, Any]], None], step: str, position: int
) -> None:
    data = valid()
    change(data)
    with pytest.raises(InvalidInput) as error:
        load_template(json.dumps(data))
    assert error.value.params["step"] == step
    assert error.value.params["position"] == position
    assert error.value.context == "Checklist"
    assert str(error.value).startswith(f"Step {position} ")  # the message fills its params


BROKEN_TEMPLATES = [
    # (what is wrong, change, the param that names the problem)
    ("unknown severity in grades", _set(["grades", "ugly"], "C"), {"severity": "ugly"}),
    ("none in grades", _set(["grades", "none"], "A"), {"severity": "none"}),
    ("grade D", _set(["grades", "major"], "D"), {"severity": "major", "value": '"D"'}),
    ("severity without grade", _delete(["grades", "minor"]), {"severity": "minor"}),
    ("worse grades better", _set(["grades", "critical"], "B"), {"worse": "critical"}),
    ("version zero", _set(["version"], 0), {"value": "0"}),
    ("version text", _set(["version"], "2"), {"value": '"2"'}),
    ("version boolean", _set(["version"], True), {"value": "true"}),
    ("version float", _set(["version"], 2.0), {"value": "2.0"}),
    ("missing name", _delete(["name"]), {"field": "name"}),
    ("missing steps", _delete(["steps"]), {"field": "steps"}),
    ("unknown field", _set(["author"], "me"), {"field": "author"}),
    ("bad category", _set(["category"], "Toys & Games"), {"value": '"Toys & Games"'}),
    ("empty steps", _set(["steps"], []), {}),
    ("grades a list", _set(["grades"], ["C"]), {}),
    ("bad name translation", _set(["translations"], {"zh_CN": "玩具"}), {}),
]


@pytest.mark.parametrize(
    ("change", "params"),
    [case[1:] for case in BROKEN_TEMPLATES],
    ids=[case[0] for case in BROKEN_TEMPLATES],
)
def test_a_broken_template_is_refused_saying_what(
    change: Callable[[dict[str, Any]], None], params: dict[str, str]
) -> None:
    data = valid()
    change(data)
    with pytest.raises(ChecklistError) as error:
        template_from_data(copy.deepcopy(data))
    assert params.items() <= error.value.params.items()
    assert "step" not in error.value.params


@pytest.mark.parametrize(
    "text", ["", "{", "[]", "null", '"general"', '{"category": "a", "category": "b"}', "1" * 5000]
)
def test_text_that_is_no_template_object_is_refused(text: str) -> None:
    with pytest.raises(ChecklistError) as error:
        load_template(text)
    assert error.value.message  # marked text that the edge translates


def test_a_broken_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "toys.json"
    data = valid()
    data["steps"][1]["options"] = []
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ChecklistError) as error:
        load_template(path)
    assert error.value.params["file"] == str(path)
    assert error.value.params["step"] == "box"
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(ChecklistError) as unreadable:
        load_template(path)
    assert unreadable.value.params["file"] == str(path)


def test_the_valid_template_reads_into_the_model() -> None:
    template = load_template(json.dumps(valid()))
    assert [step.kind for step in template.steps] == list(StepKind)
    photo, note = template.steps[3], template.steps[4]
    assert photo.required and not note.required  # the defaults: photos required, notes not
    box = template.steps[1]
    assert box.find_option("Torn") == box.find_option("torn") and box.find_option("x") is None
    assert template.grades[Severity.MAJOR] is Grade.C


def _write(folder: Path, name: str, data: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_site_file_with_a_higher_version_wins(isolated_home: Path) -> None:
    folder = site_folder()
    assert folder.is_relative_to(isolated_home)
    shipped = current_template("apparel")
    newer = template_to_data(shipped)
    newer["version"] = shipped.version + 1
    newer["name"] = "Apparel (site)"
    older = {**template_to_data(shipped), "name": "Old", "version": shipped.version}
    _write(folder, "apparel-new.json", newer)
    _write(folder, "apparel-old.json", older)
    _write(folder, "toys.json", valid())
    assert current_template("apparel").name == "Apparel (site)"
    templates = current_templates()
    assert templates["toys"].version == 2 and templates["general"] == shipped_templates()["general"]


def test_an_unknown_category_or_a_broken_site_file_is_refused(isolated_home: Path) -> None:
    with pytest.raises(ChecklistError) as unknown:
        current_template("furniture")
    assert unknown.value.params["category"] == "furniture"
    assert "electronics" in str(unknown.value.params["known"])
    broken = valid()
    broken["grades"]["major"] = "E"
    _write(site_folder(), "toys.json", broken)
    with pytest.raises(ChecklistError) as error:
        current_template("general")
    assert error.value.params["file"].endswith("toys.json")


def test_the_start_skips_a_broken_site_file_that_checklist_show_refuses(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = shipped_templates()["apparel"]
    newer = {**template_to_data(shipped), "version": shipped.version + 1}
    _write(site_folder(), "apparel.json", newer)
    broken = valid()
    broken["grades"]["major"] = "E"
    _write(site_folder(), "toys.json", broken)

    catalog = read_catalog()  # what the station's start loads
    assert [Path(str(p.params["file"])).name for p in catalog.problems] == ["toys.json"]
    assert "toys" not in catalog.templates
    assert catalog.templates["apparel"].version == shipped.version + 1

    with pytest.raises(ChecklistError):  # what the supervisor's commands see
        current_templates()
    config_file().write_text('[station]\nlanguage = "en"\n', encoding="utf-8")
    assert main(["checklist", "show", "apparel"]) == 1
    error = capsys.readouterr().err
    assert "toys.json" in error and 'The grade for major must be A, B or C (found "E")' in error
