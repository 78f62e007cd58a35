"""The grade rule: a checklist's answers → grade A, B or C with the reasons (pure, no Qt).

Every answer is checked against its step first; answers that don't fit raise ``ChecklistError``
(an ``InvalidInput``) naming the step. Valid answers never raise: the worst severity found is
graded by the template's own mapping, and no defect at all gives A.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import NoReturn

from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.model import (
    ChecklistError,
    ChecklistTemplate,
    Grade,
    Severity,
    Step,
    StepKind,
)
from receiving_app.inspection.steps import is_number, show_value


@dataclass(frozen=True)
class FailingStep:
    """A step whose answer is a defect: why the unit did not get an A.

    ``answer`` is the answer as stored: ``False`` for a failed pass/fail, the option's key for a
    choice, the number for a measure.
    """

    step_id: str
    position: int
    severity: Severity
    answer: bool | str | float


@dataclass(frozen=True)
class GradeResult:
    """The grade a checklist's answers earn, the failing steps (in step order) and the worst."""

    grade: Grade
    worst: Severity
    failures: tuple[FailingStep, ...]
    category: str
    version: int


def grade_from_answers(template: ChecklistTemplate, answers: Mapping[str, object]) -> GradeResult:
    """Grade ``answers`` (step id → answer, as parsed from JSON) with ``template``.

    The answers each step takes: ``pass_fail`` true (pass) or false (fail); ``choice`` an
    option's key or label; ``measure`` a finite number (not a boolean); ``photo`` a non-empty
    reference such as the file's hash; ``note`` a text. Every step needs an answer, except a
    photo or note that is not required, which may be missing or null.

    Raises:
        ChecklistError: an answer is missing, doesn't fit its step, or names an unknown step;
            ``params["step"]`` (and ``position``, when the step exists) say which.
    """
    if not isinstance(answers, Mapping):
        raise ChecklistError(
            QT_TRANSLATE_NOOP(
                "Checklist", "The answers must be a JSON object of step ids and their answers."
            )
        )
    known = {step.id for step in template.steps}
    for key in answers:
        if key not in known:
            raise ChecklistError(
                QT_TRANSLATE_NOOP(
                    "Checklist", "The answers name a step {step} that this checklist does not have."
                ),
                step=key if isinstance(key, str) else show_value(key),
            )
    failures: list[FailingStep] = []
    for position, step in enumerate(template.steps, start=1):
        failure = _check(step, position, answers.get(step.id), step.id in answers)
        if failure is not None:
            failures.append(failure)
    worst = max((f.severity for f in failures), key=lambda s: s.rank, default=Severity.NONE)
    return GradeResult(
        grade=template.grade_for(worst),
        worst=worst,
        failures=tuple(failures),
        category=template.category,
        version=template.version,
    )


def trial_grade(template: ChecklistTemplate, answers: Mapping[str, object]) -> GradeResult:
    """The grade the answers given so far would earn, unanswered steps counted as passing.

    For previewing a checklist being edited: answers naming steps the template no longer has
    are ignored. A given answer that doesn't fit its step still raises ``ChecklistError``.
    """
    answered = tuple(step for step in template.steps if step.id in answers)
    result = grade_from_answers(
        replace(template, steps=answered), {step.id: answers[step.id] for step in answered}
    )
    positions = {step.id: position for position, step in enumerate(template.steps, start=1)}
    failures = tuple(replace(f, position=positions[f.step_id]) for f in result.failures)
    return replace(result, failures=failures)


def _check(step: Step, position: int, answer: object, given: bool) -> FailingStep | None:
    """Validate one answer; a defect comes back as a ``FailingStep``, a pass as None."""
    optional = step.kind in (StepKind.PHOTO, StepKind.NOTE) and not step.required
    if answer is None:
        if optional:
            return None
        _refuse(
            QT_TRANSLATE_NOOP("Checklist", "Step {position} ({step}) has no answer.")
            if not given
            else QT_TRANSLATE_NOOP(
                "Checklist", "Step {position} ({step}) needs an answer, not null."
            ),
            step,
            position,
        )
    if step.kind is StepKind.PASS_FAIL:
        if not isinstance(answer, bool):
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Checklist",
                    "Step {position} ({step}): answer true (pass) or false (fail), not {value}.",
                ),
                step,
                position,
                value=show_value(answer),
            )
        return None if answer else FailingStep(step.id, position, step.severity, False)
    if step.kind is StepKind.CHOICE:
        option = step.find_option(answer) if isinstance(answer, str) else None
        if option is None:
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Checklist", "Step {position} ({step}): {value} is not one of: {options}."
                ),
                step,
                position,
                value=show_value(answer),
                options=", ".join(option.key for option in step.options),
            )
        if option.severity is Severity.NONE:
            return None
        return FailingStep(step.id, position, option.severity, option.key)
    if step.kind is StepKind.MEASURE:
        if not is_number(answer):
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Checklist", "Step {position} ({step}): answer a number in {unit}, not {value}."
                ),
                step,
                position,
                unit=step.unit,
                value=show_value(answer),
            )
        below = step.minimum is not None and answer < step.minimum
        above = step.maximum is not None and answer > step.maximum
        return FailingStep(step.id, position, step.severity, answer) if below or above else None
    if isinstance(answer, str) and (answer.strip() or optional):
        return None  # a photo or a note is evidence, never a defect by itself
    if step.kind is StepKind.PHOTO and step.required:
        message = QT_TRANSLATE_NOOP(
            "Checklist",
            "Step {position} ({step}): the photo is required; give its reference (the file's hash).",
        )
    elif step.kind is StepKind.PHOTO:
        message = QT_TRANSLATE_NOOP(
            "Checklist", "Step {position} ({step}): give the photo's reference, or null for none."
        )
    elif step.required:
        message = QT_TRANSLATE_NOOP(
            "Checklist", "Step {position} ({step}): the note is required and must be a text."
        )
    else:
        message = QT_TRANSLATE_NOOP(
            "Checklist", "Step {position} ({step}): the note must be a text, or null for none."
        )
    _refuse(message, step, position)


def _refuse(message: str, step: Step, position: int, **params: object) -> NoReturn:
    raise ChecklistError(message, step=step.id, position=position, **params)
