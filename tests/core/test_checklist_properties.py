"""The grade rule, property-tested: any valid template, any answers → a grade or InvalidInput."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from receiving_app.errors import InvalidInput
from receiving_app.inspection import (
    ChecklistTemplate,
    Grade,
    GradeResult,
    Severity,
    Step,
    StepKind,
    grade_from_answers,
    load_template,
    template_from_data,
    template_to_data,
)
from receiving_app.inspection.model import DEFECTS

identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
texts = st.text(min_size=1, max_size=30).filter(str.strip)
defects = st.sampled_from([severity.value for severity in DEFECTS])
numbers = st.integers(-1000, 1000) | st.floats(-1e6, 1e6, allow_nan=False)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@st.composite
def steps_data(draw: st.DrawFn, step_id: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(list(StepKind)))
    step: dict[str, Any] = {"id": step_id, "kind": kind.value, "question": draw(texts)}
    if draw(st.booleans()):
        step["help"] = draw(st.text(max_size=40))
    if kind is StepKind.PASS_FAIL:
        step["severity"] = draw(defects)
    elif kind is StepKind.CHOICE:
        keys = draw(st.lists(identifiers, min_size=2, max_size=5, unique=True))
        severities = [draw(st.sampled_from(list(Severity))).value for _ in keys]
        severities[draw(st.integers(0, len(keys) - 1))] = Severity.NONE.value
        step["options"] = [
            {"key": key, "label": f"Option {key}", "severity": severity}
            for key, severity in zip(keys, severities, strict=True)
        ]
    elif kind is StepKind.MEASURE:
        low, high = sorted(draw(st.lists(numbers, min_size=2, max_size=2)))
        step.update(unit=draw(texts), severity=draw(defects))
        which = draw(st.sampled_from(["min", "max", "both"]))
        if which != "max":
            step["min"] = low
        if which != "min":
            step["max"] = high
    else:
        step["required"] = draw(st.booleans())
    return step


@st.composite
def template_data(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(identifiers, min_size=1, max_size=6, unique=True))
    letters = sorted(draw(st.lists(st.sampled_from("ABC"), min_size=4, max_size=4)))
    return {
        "category": draw(identifiers),
        "name": draw(texts),
        "version": draw(st.integers(1, 10**6)),
        "grades": {
            severity.value: letter for severity, letter in zip(DEFECTS, letters, strict=True)
        },
        "steps": [draw(steps_data(step_id)) for step_id in ids],
    }


templates = template_data().map(lambda data: load_template(json.dumps(data)))


def answer_with_severity(step: Step) -> st.SearchStrategy[tuple[object, Severity]]:
    """A valid answer for ``step`` and the severity it should count as (the test's oracle)."""
    if step.kind is StepKind.PASS_FAIL:
        return st.booleans().map(lambda ok: (ok, Severity.NONE if ok else step.severity))
    if step.kind is StepKind.CHOICE:
        return st.sampled_from(step.options).flatmap(
            lambda option: st.sampled_from([option.key, option.label]).map(
                lambda answer: (answer, option.severity)
            )
        )
    if step.kind is StepKind.MEASURE:

        def judged(value: float) -> tuple[object, Severity]:
            low = step.minimum if step.minimum is not None else float("-inf")
            high = step.maximum if step.maximum is not None else float("inf")
            return value, Severity.NONE if low <= value <= high else step.severity

        edges = [limit for limit in (step.minimum, step.maximum) if limit is not None]
        return (numbers | st.sampled_from(edges)).map(judged)
    filled = texts.map(lambda text: (text, Severity.NONE))
    if step.required:
        return filled
    return filled | st.sampled_from([(None, Severity.NONE), ("", Severity.NONE)])


def clear_answer(step: Step) -> object:
    if step.kind is StepKind.PASS_FAIL:
        return True
    if step.kind is StepKind.CHOICE:
        return next(o.key for o in step.options if o.severity is Severity.NONE)
    if step.kind is StepKind.MEASURE:
        return step.minimum if step.minimum is not None else step.maximum
    return "sha256:ab12" if step.kind is StepKind.PHOTO else "looks fine"


@given(st.data(), templates)
def test_any_answers_give_a_grade_or_invalid_input(
    data: st.DataObject, template: ChecklistTemplate
) -> None:
    answers: dict[object, object] = {}
    for step in template.steps:
        choice = data.draw(st.sampled_from(["valid", "any", "absent"]))
        if choice == "valid":
            answers[step.id] = data.draw(answer_with_severity(step))[0]
        elif choice == "any":
            answers[step.id] = data.draw(json_values)
    answers.update(data.draw(st.dictionaries(st.text(max_size=8), json_values, max_size=2)))
    try:
        result = grade_from_answers(template, answers)  # type: ignore[arg-type]
    except InvalidInput as error:
        assert "step" in error.params or not isinstance(answers, dict)
        assert str(error)  # the params fill the message
        return
    assert isinstance(result, GradeResult)
    assert result.grade is template.grade_for(result.worst)
    assert all(failure.severity is not Severity.NONE for failure in result.failures)


@given(templates)
def test_all_clear_answers_give_a(template: ChecklistTemplate) -> None:
    result = grade_from_answers(template, {step.id: clear_answer(step) for step in template.steps})
    assert result.grade is Grade.A and result.worst is Severity.NONE and not result.failures


@given(template_data(), st.data())
def test_a_single_critical_failure_gives_the_mapped_grade(
    raw: dict[str, Any], data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(raw["steps"])))
    critical = {"id": "zz_critical", "kind": "pass_fail", "question": "Q", "severity": "critical"}
    raw["steps"].insert(position, critical)
    template = template_from_data(raw)
    answers = {step.id: clear_answer(step) for step in template.steps}
    answers["zz_critical"] = False
    result = grade_from_answers(template, answers)
    assert result.grade == raw["grades"]["critical"]
    assert result.worst is Severity.CRITICAL
    assert [(f.step_id, f.position) for f in result.failures] == [("zz_critical", position + 1)]


@given(templates, st.data())
def test_a_worse_answer_never_improves_the_grade(
    template: ChecklistTemplate, data: st.DataObject
) -> None:
    drawn = {step.id: data.draw(answer_with_severity(step)) for step in template.steps}
    step = data.draw(st.sampled_from(template.steps))
    other = data.draw(answer_with_severity(step))
    before = grade_from_answers(template, {key: answer for key, (answer, _) in drawn.items()})
    after = grade_from_answers(
        template, {**{key: answer for key, (answer, _) in drawn.items()}, step.id: other[0]}
    )
    worst = max((severity for _, severity in drawn.values()), key=lambda s: s.rank)
    assert before.worst is worst  # the oracle agrees with the rule
    if other[1].rank >= drawn[step.id][1].rank:
        assert after.grade >= before.grade  # "A" < "B" < "C": later letters are worse
    else:
        assert after.grade <= before.grade


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@given(template_data(), st.data())
def test_any_damaged_template_loads_or_is_refused(raw: dict[str, Any], data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_paths(raw)))
    parent: Any = raw
    for key in path[:-1]:
        parent = parent[key]
    if data.draw(st.booleans()):
        parent[path[-1]] = data.draw(json_values)
    else:
        del parent[path[-1]]
    try:
        template = load_template(json.dumps(raw))
    except InvalidInput as error:
        assert str(error)
        return
    assert template_from_data(template_to_data(template)) == template


@given(templates)
def test_a_template_survives_its_own_data(template: ChecklistTemplate) -> None:
    assert template_from_data(json.loads(json.dumps(template_to_data(template)))) == template


@given(templates, st.sampled_from([[], "A", None, 3, [("a", True)]]))
def test_answers_that_are_no_object_are_refused(
    template: ChecklistTemplate, answers: object
) -> None:
    with pytest.raises(InvalidInput) as error:
        grade_from_answers(template, answers)  # type: ignore[arg-type]
    assert "step" not in error.value.params
