"""The grade rule on the shipped electronics checklist: table cases, every answer checked."""

from __future__ import annotations

from typing import Any

import pytest

from receiving_app.errors import InvalidInput
from receiving_app.inspection import (
    FailingStep,
    Grade,
    Severity,
    StepKind,
    grade_from_answers,
)
from receiving_app.inspection.catalog import shipped_templates

ELECTRONICS = shipped_templates()["electronics"]
POSITION = {step.id: number for number, step in enumerate(ELECTRONICS.steps, start=1)}


def all_clear() -> dict[str, Any]:
    """Answers with no defect at all for the electronics checklist."""
    answers: dict[str, Any] = {}
    for step in ELECTRONICS.steps:
        if step.kind is StepKind.PASS_FAIL:
            answers[step.id] = True
        elif step.kind is StepKind.CHOICE:
            answers[step.id] = step.options[0].key
        elif step.kind is StepKind.MEASURE:
            answers[step.id] = 93
        elif step.kind is StepKind.PHOTO:
            answers[step.id] = "sha256:0f1e2d"
    return answers


def test_all_clear_gives_a_and_names_the_template() -> None:
    result = grade_from_answers(ELECTRONICS, all_clear())
    assert result.grade is Grade.A and result.grade == "A"
    assert result.worst is Severity.NONE and result.failures == ()
    assert (result.category, result.version) == ("electronics", ELECTRONICS.version)


CASES = [
    # (changed answers, grade, worst severity, failing step ids)
    ({"scratches": "light"}, Grade.B, Severity.COSMETIC, ["scratches"]),
    ({"scratches": "Light scratches or scuffs"}, Grade.B, Severity.COSMETIC, ["scratches"]),
    ({"data_wiped": "personal_data", "manuals": False}, Grade.B, Severity.MINOR, None),
    ({"battery_health": 79.5}, Grade.C, Severity.MAJOR, ["battery_health"]),
    ({"battery_health": 80}, Grade.A, Severity.NONE, []),
    ({"battery_health": 100.0}, Grade.A, Severity.NONE, []),
    ({"battery_health": 101}, Grade.C, Severity.MAJOR, ["battery_health"]),
    ({"powers_on": False}, Grade.C, Severity.CRITICAL, ["powers_on"]),
    (
        {"serial_matches": False, "scratches": "deep", "buttons_ports": False},
        Grade.C,
        Severity.CRITICAL,
        ["buttons_ports", "serial_matches", "scratches"],
    ),
    ({"notes": "customer says it rattles"}, Grade.A, Severity.NONE, []),
    ({"notes": None}, Grade.A, Severity.NONE, []),
    ({"notes": ""}, Grade.A, Severity.NONE, []),
]


@pytest.mark.parametrize(("changes", "grade", "worst", "failing"), CASES)
def test_grading_table(
    changes: dict[str, Any], grade: Grade, worst: Severity, failing: list[str] | None
) -> None:
    result = grade_from_answers(ELECTRONICS, {**all_clear(), **changes})
    assert result.grade is grade and result.worst is worst
    ids = [failure.step_id for failure in result.failures]
    assert ids == (failing if failing is not None else sorted(changes, key=POSITION.get))
    assert [failure.position for failure in result.failures] == [POSITION[i] for i in ids]


def test_a_failure_keeps_its_severity_and_the_stored_answer() -> None:
    answers = {**all_clear(), "screen": "Cracked glass or broken display", "powers_on": False}
    result = grade_from_answers(ELECTRONICS, answers)
    assert result.failures == (
        FailingStep("powers_on", POSITION["powers_on"], Severity.CRITICAL, False),
        FailingStep("screen", POSITION["screen"], Severity.CRITICAL, "cracked"),  # the key
    )


REFUSED = [
    # (changed answers, step named)
    ({"powers_on": "yes"}, "powers_on"),
    ({"powers_on": 1}, "powers_on"),
    ({"powers_on": None}, "powers_on"),
    ({"screen": "broken"}, "screen"),
    ({"screen": ["perfect"]}, "screen"),
    ({"screen": True}, "screen"),
    ({"battery_health": "93"}, "battery_health"),
    ({"battery_health": True}, "battery_health"),
    ({"battery_health": float("nan")}, "battery_health"),
    ({"battery_health": float("inf")}, "battery_health"),
    ({"photo_overall": ""}, "photo_overall"),
    ({"photo_overall": None}, "photo_overall"),
    ({"photo_overall": {"hash": "x"}}, "photo_overall"),
    ({"notes": 42}, "notes"),
]


@pytest.mark.parametrize(("changes", "step"), REFUSED)
def test_an_answer_that_does_not_fit_its_step_is_refused(
    changes: dict[str, Any], step: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        grade_from_answers(ELECTRONICS, {**all_clear(), **changes})
    assert error.value.params["step"] == step
    assert error.value.params["position"] == POSITION[step]


@pytest.mark.parametrize("missing", ["powers_on", "screen", "battery_health", "photo_overall"])
def test_every_step_must_be_answered(missing: str) -> None:
    answers = all_clear()
    del answers[missing]
    with pytest.raises(InvalidInput) as error:
        grade_from_answers(ELECTRONICS, answers)
    assert error.value.params == {"step": missing, "position": POSITION[missing]}


def test_an_unknown_step_in_the_answers_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        grade_from_answers(ELECTRONICS, {**all_clear(), "smell": True})
    assert error.value.params == {"step": "smell"}
    assert "position" not in error.value.params
