"""A checklist being edited: the supervisor's working copy, in the file format (pure, no Qt).

The editor changes a draft one small step at a time: add, remove or move a step, change its kind,
texts, severity or limits, add and reorder a choice's options, change the grade rule. A draft may
be incomplete while it is edited (a new step has no question yet); ``check`` says what is wrong,
naming the step, by building the template exactly as a file is loaded. Only a draft that checks
is saved, as a new version (``versions.save_draft``).

The draft holds the file format's dicts rather than the frozen template so that an unfinished
step can exist; every method keeps it shaped as the format requires for the step's kind.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field

from receiving_app.inspection.model import (
    DEFECTS,
    ChecklistTemplate,
    Grade,
    Severity,
    StepKind,
)
from receiving_app.inspection.steps import IDENTIFIER
from receiving_app.inspection.templates import template_from_data, template_to_data

StepData = dict[str, object]

#: What a new step of each kind starts with, besides its id and empty question.
_NEW_STEP_FIELDS: dict[StepKind, StepData] = {
    StepKind.PASS_FAIL: {"severity": Severity.MAJOR.value},
    StepKind.CHOICE: {
        "options": [
            {"key": "ok", "label": "No defect", "severity": Severity.NONE.value},
            {"key": "defect", "label": "Defect", "severity": Severity.MAJOR.value},
        ]
    },
    StepKind.MEASURE: {"unit": "", "severity": Severity.MAJOR.value},
    StepKind.PHOTO: {"required": True},
    StepKind.NOTE: {"required": False},
}
_KIND_FIELDS = {"severity", "options", "unit", "min", "max", "required"}


@dataclass
class ChecklistDraft:
    """A category's checklist under edit, and the stored version it started from.

    ``base_version`` is None for a category that has no stored version yet; saving refuses a
    draft whose base is no longer the latest version (another supervisor saved meanwhile).
    """

    category: str
    base_version: int | None
    data: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of_template(cls, template: ChecklistTemplate) -> ChecklistDraft:
        return cls(template.category, template.version, template_to_data(template))

    @classmethod
    def new_category(cls, category: str, name: str, copy_of: ChecklistTemplate) -> ChecklistDraft:
        """A draft for a category without a checklist, starting from a copy of another one."""
        data = template_to_data(copy_of)
        data.pop("translations", None)  # the copied name's translation names the other category
        data.update(category=category, name=name)
        return cls(category, None, data)

    # -- reading ------------------------------------------------------------------------------

    @property
    def steps(self) -> list[StepData]:
        steps = self.data["steps"]
        assert isinstance(steps, list)
        return steps

    def step(self, index: int) -> StepData:
        return self.steps[index]

    def kind_of(self, index: int) -> StepKind:
        return StepKind(str(self.step(index)["kind"]))

    def options(self, index: int) -> list[dict[str, object]]:
        self._expect(index, StepKind.CHOICE)
        options = self.step(index).setdefault("options", [])
        assert isinstance(options, list)
        return options

    def grade_of(self, severity: Severity) -> Grade:
        grades = self.data["grades"]
        assert isinstance(grades, dict)
        return Grade(grades[severity.value])

    def body(self) -> str:
        """The draft as the JSON text a version stores (the version number left out)."""
        data = {key: value for key, value in self.data.items() if key != "version"}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    def check(self, version: int | None = None) -> ChecklistTemplate:
        """The template this draft makes, as ``version`` (default: the next after its base).

        Raises:
            ChecklistError: the draft is not a valid checklist; the message names the step.
        """
        number = version if version is not None else (self.base_version or 0) + 1
        return template_from_data({**copy.deepcopy(self.data), "version": number})

    # -- steps --------------------------------------------------------------------------------

    def add_step(self, kind: StepKind, at: int) -> int:
        """Insert a new step of ``kind`` at ``at`` (clamped to the list); returns its index."""
        index = max(0, min(at, len(self.steps)))
        step: StepData = {"id": self._free_id("step"), "kind": kind.value, "question": ""}
        step.update(copy.deepcopy(_NEW_STEP_FIELDS[kind]))
        self.steps.insert(index, step)
        return index

    def remove_step(self, index: int) -> None:
        del self.steps[index]

    def move_step(self, index: int, offset: int) -> int:
        """Move a step up (negative) or down; returns where it is now."""
        target = max(0, min(index + offset, len(self.steps) - 1))
        self.steps.insert(target, self.steps.pop(index))
        return target

    def set_kind(self, index: int, kind: StepKind) -> None:
        """Change a step's kind, keeping its id, texts and any field the new kind also has."""
        step = self.step(index)
        if self.kind_of(index) is kind:
            return
        kept = {key: value for key, value in step.items() if key not in _KIND_FIELDS}
        fresh = copy.deepcopy(_NEW_STEP_FIELDS[kind])
        for key in fresh:
            if key in step and key != "options":
                fresh[key] = step[key]
        kept.update(kind=kind.value, **fresh)
        if kind is not StepKind.CHOICE:
            _drop_option_labels(kept)
        step.clear()
        step.update(kept)

    def set_step_id(self, index: int, step_id: str) -> None:
        self.step(index)["id"] = step_id.strip()

    def set_text(self, index: int, key: str, text: str, language: str = "en") -> None:
        """Set a step's ``question`` or ``help`` in English or in a translation."""
        if key not in ("question", "help"):
            raise ValueError(key)
        step = self.step(index)
        if language == "en":
            step[key] = text
        else:
            _translation(step, language)[key] = text

    def set_severity(self, index: int, severity: Severity) -> None:
        """The severity of a failed pass/fail step or a measure outside its limits."""
        self._expect(index, StepKind.PASS_FAIL, StepKind.MEASURE)
        self.step(index)["severity"] = severity.value

    def set_limits(
        self, index: int, unit: str, minimum: float | None, maximum: float | None
    ) -> None:
        self._expect(index, StepKind.MEASURE)
        step = self.step(index)
        step["unit"] = unit.strip()
        for key, value in (("min", minimum), ("max", maximum)):
            if value is None:
                step.pop(key, None)
            else:
                step[key] = int(value) if float(value).is_integer() else value

    def set_required(self, index: int, required: bool) -> None:
        self._expect(index, StepKind.PHOTO, StepKind.NOTE)
        self.step(index)["required"] = required

    def _expect(self, index: int, *kinds: StepKind) -> None:
        """Refuse a field the step's kind does not have (a slip in the caller, not the user)."""
        if self.kind_of(index) not in kinds:
            raise ValueError(f"step {index} is a {self.kind_of(index).value} step")

    # -- choice options -----------------------------------------------------------------------

    def add_option(self, index: int) -> int:
        """Append an option with a free key and no defect; returns its position."""
        options = self.options(index)
        keys = {str(option.get("key")) for option in options}
        key = _free_name("option", keys)
        options.append({"key": key, "label": "", "severity": Severity.NONE.value})
        return len(options) - 1

    def remove_option(self, index: int, position: int) -> None:
        key = self.options(index).pop(position).get("key")
        for texts in _translations(self.step(index)).values():
            labels = texts.get("options")
            if isinstance(labels, dict):
                labels.pop(key, None)

    def move_option(self, index: int, position: int, offset: int) -> int:
        options = self.options(index)
        target = max(0, min(position + offset, len(options) - 1))
        options.insert(target, options.pop(position))
        return target

    def set_option(
        self,
        index: int,
        position: int,
        *,
        key: str | None = None,
        label: str | None = None,
        severity: Severity | None = None,
    ) -> None:
        option = self.options(index)[position]
        if key is not None:
            self._rename_option(index, str(option.get("key")), key.strip())
            option["key"] = key.strip()
        if label is not None:
            option["label"] = label
        if severity is not None:
            option["severity"] = severity.value

    def set_option_label(self, index: int, position: int, language: str, label: str) -> None:
        """An option's label in a translation (English labels go through ``set_option``)."""
        key = str(self.options(index)[position].get("key"))
        labels = _translation(self.step(index), language).setdefault("options", {})
        assert isinstance(labels, dict)
        labels[key] = label

    def option_label(self, index: int, position: int, language: str) -> str:
        option = self.options(index)[position]
        if language == "en":
            return str(option.get("label", ""))
        labels = _translations(self.step(index)).get(language, {}).get("options", {})
        return str(labels.get(option.get("key"), "")) if isinstance(labels, dict) else ""

    def _rename_option(self, index: int, old: str, new: str) -> None:
        for texts in _translations(self.step(index)).values():
            labels = texts.get("options")
            if isinstance(labels, dict) and old in labels:
                labels[new] = labels.pop(old)

    # -- the whole checklist ------------------------------------------------------------------

    def set_name(self, name: str, language: str = "en") -> None:
        if language == "en":
            self.data["name"] = name
            return
        names = self.data.setdefault("translations", {})
        assert isinstance(names, dict)
        names[language] = {"name": name}

    def name_in(self, language: str) -> str:
        if language == "en":
            return str(self.data.get("name", ""))
        names = self.data.get("translations", {})
        entry = names.get(language, {}) if isinstance(names, dict) else {}
        return str(entry.get("name", "")) if isinstance(entry, dict) else ""

    def set_grade(self, severity: Severity, grade: Grade) -> None:
        """Which grade the worst defect of ``severity`` gives (no defect always gives A)."""
        if severity not in DEFECTS:
            raise ValueError(severity)
        grades = self.data["grades"]
        assert isinstance(grades, dict)
        grades[severity.value] = grade.value

    def text_in(self, index: int, key: str, language: str) -> str:
        """A step's ``question`` or ``help`` in English or a translation ("" when not set)."""
        step = self.step(index)
        if language == "en":
            return str(step.get(key, ""))
        return str(_translations(step).get(language, {}).get(key, ""))

    def _free_id(self, stem: str) -> str:
        return _free_name(stem, {str(step.get("id")) for step in self.steps})


def _free_name(stem: str, taken: set[str]) -> str:
    """``stem_1``, ``stem_2``…: the first identifier not in ``taken``."""
    number = 1
    while f"{stem}_{number}" in taken:
        number += 1
    name = f"{stem}_{number}"
    assert IDENTIFIER.fullmatch(name)
    return name


def _translations(step: StepData) -> dict[str, dict[str, object]]:
    texts = step.get("translations", {})
    return texts if isinstance(texts, dict) else {}


def _translation(step: StepData, language: str) -> dict[str, object]:
    texts = step.setdefault("translations", {})
    assert isinstance(texts, dict)
    entry = texts.setdefault(language, {"question": "", "help": "", "options": {}})
    assert isinstance(entry, dict)
    return entry


def _drop_option_labels(step: StepData) -> None:
    for texts in _translations(step).values():
        texts.pop("options", None)
