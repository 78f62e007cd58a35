"""Checking one step of a checklist file and building its ``Step`` (pure, no Qt).

Each problem raises ``ChecklistError`` with ``step`` (the id, or what was found) and
``position`` (1-based) in its params, so the message says which step to fix.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from typing import NoReturn, TypeGuard

from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.model import (
    ChecklistError,
    ChoiceOption,
    Severity,
    Step,
    StepKind,
    StepText,
)

IDENTIFIER = re.compile(r"[a-z][a-z0-9_]{0,63}")
_COMMON = {"id", "kind", "question", "help", "translations"}
_FIELDS = {
    StepKind.PASS_FAIL: _COMMON | {"severity"},
    StepKind.CHOICE: _COMMON | {"options"},
    StepKind.MEASURE: _COMMON | {"unit", "min", "max", "severity"},
    StepKind.PHOTO: _COMMON | {"required"},
    StepKind.NOTE: _COMMON | {"required"},
}


def is_number(value: object) -> TypeGuard[int | float]:
    """A finite number from JSON: an int or a finite float, never a boolean."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def show_value(value: object) -> str:
    """A short, printable rendering of a value found in a file, for error messages."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    try:
        text = json.dumps(value, ensure_ascii=False, default=repr)
    except (ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def parse_step(raw: object, position: int) -> Step:
    """Check the step found at ``position`` (1-based) and build it."""
    if not isinstance(raw, dict):
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "Step {position} ({step}) must be an object with id, kind and question.",
            ),
            show_value(raw),
            position,
        )
    step_id = raw.get("id")
    if not isinstance(step_id, str) or not IDENTIFIER.fullmatch(step_id):
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "Step {position} ({step}): the id must start with a lower-case letter and hold "
                "only lower-case letters, digits and _.",
            ),
            show_value(step_id),
            position,
        )
    kind = raw.get("kind")
    if not isinstance(kind, str) or kind not in set(StepKind):
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "Step {position} ({step}): unknown kind {kind}; use pass_fail, choice, measure, "
                "photo or note.",
            ),
            step_id,
            position,
            kind=show_value(kind),
        )
    kind = StepKind(kind)
    for key in raw:
        if key not in _FIELDS[kind]:
            _fail(
                QT_TRANSLATE_NOOP(
                    "Checklist", "Step {position} ({step}): a {kind} step has no field {field}."
                ),
                step_id,
                position,
                kind=kind.value,
                field=key,
            )
    question = raw.get("question")
    if not isinstance(question, str) or not question.strip():
        _fail(
            QT_TRANSLATE_NOOP("Checklist", "Step {position} ({step}): the question is missing."),
            step_id,
            position,
        )
    help_text = raw.get("help", "")
    if not isinstance(help_text, str):
        _fail(
            QT_TRANSLATE_NOOP("Checklist", "Step {position} ({step}): the help must be a text."),
            step_id,
            position,
        )
    step = Step(id=step_id, kind=kind, question=question.strip(), help=help_text.strip())
    if kind is StepKind.PASS_FAIL:
        step = replace(step, severity=_defect(raw.get("severity"), step_id, position))
    elif kind is StepKind.CHOICE:
        step = replace(step, options=_options(raw.get("options"), step_id, position))
    elif kind is StepKind.MEASURE:
        step = _measure(step, raw, position)
    else:
        required = raw.get("required", kind is StepKind.PHOTO)
        if not isinstance(required, bool):
            _fail(
                QT_TRANSLATE_NOOP(
                    "Checklist", "Step {position} ({step}): required must be true or false."
                ),
                step_id,
                position,
            )
        step = replace(step, required=required)
    return replace(step, translations=_texts(raw.get("translations", {}), step, position))


def _fail(message: str, step: str, position: int, **params: object) -> NoReturn:
    raise ChecklistError(message, step=step, position=position, **params)


def _defect(raw: object, step_id: str, position: int) -> Severity:
    if not isinstance(raw, str) or raw not in set(Severity) or raw == Severity.NONE:
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "Step {position} ({step}): the severity must be cosmetic, minor, major or "
                "critical (found {value}).",
            ),
            step_id,
            position,
            value=show_value(raw),
        )
    return Severity(raw)


def _options(raw: object, step_id: str, position: int) -> tuple[ChoiceOption, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "Step {position} ({step}): a choice needs a list of two or more options.",
            ),
            step_id,
            position,
        )
    options: list[ChoiceOption] = []
    for number, item in enumerate(raw, start=1):
        if (
            not isinstance(item, dict)
            or set(item) != {"key", "label", "severity"}
            or not isinstance(item["key"], str)
            or not IDENTIFIER.fullmatch(item["key"])
            or not isinstance(item["label"], str)
            or not item["label"].strip()
        ):
            _fail(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "Step {position} ({step}): option {option} needs exactly a key (lower-case "
                    "letters, digits, _), a label and a severity.",
                ),
                step_id,
                position,
                option=number,
            )
        severity = item["severity"]
        if not isinstance(severity, str) or severity not in set(Severity):
            _fail(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "Step {position} ({step}): option {option} has an unknown severity {value}; "
                    "use none, cosmetic, minor, major or critical.",
                ),
                step_id,
                position,
                option=number,
                value=show_value(severity),
            )
        option = ChoiceOption(item["key"], item["label"].strip(), Severity(severity))
        taken = {o.key for o in options} | {o.label for o in options}
        if option.key in taken or option.label in taken:
            _fail(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "Step {position} ({step}): option {option} repeats the key or label of an "
                    "earlier option.",
                ),
                step_id,
                position,
                option=number,
            )
        options.append(option)
    if all(option.severity is not Severity.NONE for option in options):
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "Step {position} ({step}): no option has severity none, so no unit could pass.",
            ),
            step_id,
            position,
        )
    return tuple(options)


def _measure(step: Step, raw: dict[str, object], position: int) -> Step:
    unit = raw.get("unit")
    if not isinstance(unit, str) or not unit.strip():
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist", "Step {position} ({step}): a measure needs its unit, like % or mm."
            ),
            step.id,
            position,
        )
    limits: dict[str, float | None] = {}
    for key in ("min", "max"):
        value = raw.get(key)
        if value is None or (
            isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        ):
            limits[key] = value
        else:
            _fail(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "Step {position} ({step}): {field} must be a number (found {value}).",
                ),
                step.id,
                position,
                field=key,
                value=show_value(value),
            )
    low, high = limits["min"], limits["max"]
    if low is None and high is None:
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist", "Step {position} ({step}): a measure needs a min, a max or both."
            ),
            step.id,
            position,
        )
    if low is not None and high is not None and low > high:
        _fail(
            QT_TRANSLATE_NOOP(
                "Checklist", "Step {position} ({step}): min {min} is greater than max {max}."
            ),
            step.id,
            position,
            min=low,
            max=high,
        )
    severity = _defect(raw.get("severity"), step.id, position)
    return replace(step, unit=unit.strip(), minimum=low, maximum=high, severity=severity)


def _texts(raw: object, step: Step, position: int) -> dict[str, StepText]:
    texts: dict[str, StepText] = {}
    keys = {option.key for option in step.options}
    if isinstance(raw, dict):
        for language, item in raw.items():
            if not isinstance(item, dict) or set(item) - {"question", "help", "options"}:
                break
            question, help_text = item.get("question", ""), item.get("help", "")
            labels = item.get("options", {})
            if not (isinstance(question, str) and isinstance(help_text, str)):
                break
            if not isinstance(labels, dict) or not set(labels) <= keys:
                break
            if not all(isinstance(label, str) for label in labels.values()):
                break
            texts[language] = StepText(question.strip(), help_text.strip(), labels)
        else:
            return texts
    _fail(
        QT_TRANSLATE_NOOP(
            "Checklist",
            "Step {position} ({step}): translations must map language codes (like zh_CN) to a "
            "question, a help and option labels by option key.",
        ),
        step.id,
        position,
    )


def step_to_data(step: Step) -> dict[str, object]:
    """The JSON-ready data of a step, in the file format."""
    data: dict[str, object] = {"id": step.id, "kind": step.kind.value, "question": step.question}
    if step.help:
        data["help"] = step.help
    if step.kind in (StepKind.PASS_FAIL, StepKind.MEASURE):
        data["severity"] = step.severity.value
    if step.kind is StepKind.CHOICE:
        data["options"] = [
            {"key": o.key, "label": o.label, "severity": o.severity.value} for o in step.options
        ]
    if step.kind is StepKind.MEASURE:
        data["unit"] = step.unit
        data.update(
            {k: v for k, v in (("min", step.minimum), ("max", step.maximum)) if v is not None}
        )
    if step.kind in (StepKind.PHOTO, StepKind.NOTE):
        data["required"] = step.required
    if step.translations:
        data["translations"] = {
            language: {"question": t.question, "help": t.help, "options": dict(t.options)}
            for language, t in step.translations.items()
        }
    return data
