"""Checklist answers that earn a chosen grade, for the demo's past inspections (no Qt).

The answers are drawn, never the grade: the history stores whatever ``grade_from_answers``
makes of them, so a stored grade always follows from its answers. When no step of a template
can fail with a severity that gives the wanted grade, the answers simply pass (grade A).
"""

from __future__ import annotations

import hashlib
import random

from receiving_app.inspection.model import ChecklistTemplate, Grade, Severity, Step, StepKind

Answers = dict[str, object]
_OPTIONAL_NOTES = ("", "Checked on the bench.", "Original packaging kept.", "Label left on.")


def answers_for(template: ChecklistTemplate, wanted: Grade, rng: random.Random) -> Answers:
    """Answer every step of ``template`` so that its worst defect gives ``wanted``.

    One or two steps that can fail with such a severity fail; every other step passes.
    """
    answers = {step.id: _passing(step, rng) for step in template.steps}
    if wanted is Grade.A:
        return answers
    failing = [
        (step, answer)
        for step in template.steps
        for severity, answer in _failures(step)
        if severity is not Severity.NONE and template.grade_for(severity) is wanted
    ]
    if not failing:
        return answers
    for step, answer in rng.sample(failing, k=min(len(failing), rng.choice((1, 1, 1, 2)))):
        answers[step.id] = answer
    return answers


def _passing(step: Step, rng: random.Random) -> object:
    if step.kind is StepKind.PASS_FAIL:
        return True
    if step.kind is StepKind.CHOICE:
        fine = [option.key for option in step.options if option.severity is Severity.NONE]
        return rng.choice(fine) if fine else step.options[0].key
    if step.kind is StepKind.MEASURE:
        return _inside(step)
    if step.kind is StepKind.PHOTO:
        # The photo's reference is its file's hash; the demo has no files, only references.
        return hashlib.sha256(f"{step.id}:{rng.random()}".encode()).hexdigest()
    note = rng.choice(_OPTIONAL_NOTES)
    return note if note or step.required else None


def _failures(step: Step) -> list[tuple[Severity, object]]:
    """Each answer with which ``step`` fails, and the severity it fails with."""
    if step.kind is StepKind.PASS_FAIL:
        return [(step.severity, False)]
    if step.kind is StepKind.CHOICE:
        return [(option.severity, option.key) for option in step.options]
    if step.kind is StepKind.MEASURE:
        outside = [
            value
            for value in (
                step.minimum - 1 if step.minimum is not None else None,
                step.maximum + 1 if step.maximum is not None else None,
            )
            if value is not None
        ]
        return [(step.severity, value) for value in outside]
    return []  # a photo or a note is evidence, never a defect


def _inside(step: Step) -> float:
    if step.minimum is not None and step.maximum is not None:
        return round((step.minimum + step.maximum) / 2, 2)
    if step.minimum is not None:
        return step.minimum
    return step.maximum if step.maximum is not None else 0.0
