"""Loading checklist templates from their JSON files, refusing broken ones (pure, no Qt).

The format is documented in ``docs/checklists.md``. Templates are edited by hand on site, so
every problem raises ``ChecklistError`` whose message names the step (id and position) and what
to fix; nothing is guessed or silently repaired.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.model import (
    DEFECTS,
    ChecklistError,
    ChecklistTemplate,
    Grade,
    Severity,
    Step,
)
from receiving_app.inspection.steps import IDENTIFIER, parse_step, show_value, step_to_data
from receiving_app.strict_json import DuplicateKeyError, InvalidJSONError, load_strict_json

_TOP_FIELDS = {"category", "name", "version", "grades", "steps", "translations"}


def load_template(source: str | Path) -> ChecklistTemplate:
    """Read a template: a ``Path`` is a UTF-8 file to read, a ``str`` is the JSON text itself.

    Raises:
        ChecklistError: (an ``InvalidInput``) the file can't be read or the template is broken;
            ``params`` carry ``step`` and ``position`` for a step's problem, and ``file`` when
            the template came from a file.
    """
    if isinstance(source, str):
        return template_from_data(parse_json(source))
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError(
            QT_TRANSLATE_NOOP("Checklist", "The file {file} cannot be read: {detail}"),
            file=str(source),
            detail=str(exc),
        ) from exc
    try:
        return template_from_data(parse_json(text))
    except ChecklistError as exc:
        raise ChecklistError(exc.message, **{**exc.params, "file": str(source)}) from exc


def parse_json(text: str) -> object:
    """Parse JSON text, refusing an object that names the same key twice (a hand-editing slip)."""
    try:
        return load_strict_json(text)
    except DuplicateKeyError as exc:
        raise ChecklistError(
            QT_TRANSLATE_NOOP("Checklist", "The key {key} appears twice in one object."),
            key=exc.key,
        ) from None
    except InvalidJSONError as exc:
        raise ChecklistError(
            QT_TRANSLATE_NOOP("Checklist", "This is not valid JSON: {detail}"), detail=exc.detail
        ) from exc


def template_from_data(data: object) -> ChecklistTemplate:
    """Check parsed JSON (dicts, lists, strings, numbers) and build the template from it."""
    if not isinstance(data, dict):
        raise ChecklistError(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "A checklist must be a JSON object with category, name, version, grades and steps.",
            )
        )
    for key in data:
        if key not in _TOP_FIELDS:
            raise ChecklistError(
                QT_TRANSLATE_NOOP("Checklist", "The checklist has an unknown field {field}."),
                field=key,
            )
    missing = sorted(_TOP_FIELDS - {"translations"} - set(data))
    if missing:
        raise ChecklistError(
            QT_TRANSLATE_NOOP("Checklist", "The checklist has no {field}."), field=missing[0]
        )
    category = data["category"]
    if not isinstance(category, str) or not IDENTIFIER.fullmatch(category):
        raise ChecklistError(
            QT_TRANSLATE_NOOP(
                "Checklist",
                "The category must be lower-case letters, digits and _ (found {value}).",
            ),
            value=show_value(category),
        )
    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        raise ChecklistError(QT_TRANSLATE_NOOP("Checklist", "The name must be a non-empty text."))
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ChecklistError(
            QT_TRANSLATE_NOOP(
                "Checklist", "The version must be a whole number of 1 or more (found {value})."
            ),
            value=show_value(version),
        )
    return ChecklistTemplate(
        category=category,
        name=name.strip(),
        version=version,
        grades=_grades(data["grades"]),
        steps=_steps(data["steps"]),
        names=_names(data.get("translations", {})),
    )


def _grades(raw: object) -> dict[Severity, Grade]:
    if not isinstance(raw, dict):
        raise ChecklistError(
            QT_TRANSLATE_NOOP(
                "Checklist", "The grades must be an object that maps each severity to A, B or C."
            )
        )
    grades: dict[Severity, Grade] = {}
    for key, value in raw.items():
        if key not in {severity.value for severity in DEFECTS}:
            raise ChecklistError(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "The grades name {severity}, which is not a severity: use cosmetic, minor, "
                    "major and critical (no defect always gives A).",
                ),
                severity=key,
            )
        if not isinstance(value, str) or value not in {grade.value for grade in Grade}:
            raise ChecklistError(
                QT_TRANSLATE_NOOP(
                    "Checklist", "The grade for {severity} must be A, B or C (found {value})."
                ),
                severity=key,
                value=show_value(value),
            )
        grades[Severity(key)] = Grade(value)
    for severity in DEFECTS:
        if severity not in grades:
            raise ChecklistError(
                QT_TRANSLATE_NOOP("Checklist", "The grades give no grade for {severity}."),
                severity=severity.value,
            )
    for better, worse in pairwise(DEFECTS):
        if grades[worse] < grades[better]:  # "A" < "B" < "C": a later letter is a worse grade
            raise ChecklistError(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "The grades give {worse} ({worse_grade}) a better grade than {better} "
                    "({better_grade}); a worse defect must never grade better.",
                ),
                worse=worse.value,
                worse_grade=grades[worse].value,
                better=better.value,
                better_grade=grades[better].value,
            )
    return grades


def _steps(raw: object) -> tuple[Step, ...]:
    if not isinstance(raw, list) or not raw:
        raise ChecklistError(
            QT_TRANSLATE_NOOP("Checklist", "The steps must be a list of at least one step.")
        )
    steps: list[Step] = []
    seen: set[str] = set()
    for position, item in enumerate(raw, start=1):
        step = parse_step(item, position)
        if step.id in seen:
            raise ChecklistError(
                QT_TRANSLATE_NOOP(
                    "Checklist", "Step {position} ({step}): an earlier step already has this id."
                ),
                step=step.id,
                position=position,
            )
        seen.add(step.id)
        steps.append(step)
    return tuple(steps)


def _names(raw: object) -> dict[str, str]:
    names: dict[str, str] = {}
    if isinstance(raw, dict):
        for language, texts in raw.items():
            if not isinstance(texts, dict) or set(texts) - {"name"}:
                break
            name = texts.get("name", "")
            if not isinstance(name, str):
                break
            names[language] = name.strip()
        else:
            return names
    raise ChecklistError(
        QT_TRANSLATE_NOOP(
            "Checklist",
            "The checklist's translations must map language codes (like zh_CN) to an object "
            "with a name.",
        )
    )


def template_to_data(template: ChecklistTemplate) -> dict[str, object]:
    """The JSON-ready data of a template; ``template_from_data`` reads it back unchanged."""
    data: dict[str, object] = {
        "category": template.category,
        "name": template.name,
        "version": template.version,
        "grades": {severity.value: template.grades[severity].value for severity in DEFECTS},
        "steps": [step_to_data(step) for step in template.steps],
    }
    if template.names:
        data["translations"] = {lang: {"name": name} for lang, name in template.names.items()}
    return data


__all__ = [
    "load_template",
    "parse_json",
    "template_from_data",
    "template_to_data",
]
