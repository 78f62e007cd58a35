"""`receiving-app checklist show|grade` as a supervisor runs them: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from peewee import Database

from receiving_app.accounts import ensure_station, user_by_badge
from receiving_app.audit import Actor
from receiving_app.clock import FixedClock
from receiving_app.inspection import Grade, Severity, StepKind, template_to_data
from receiving_app.inspection.catalog import shipped_templates
from receiving_app.inspection.store import sync_templates
from receiving_app.inspection.versions import ChecklistLibrary
from tests.core.seed import Dock

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
ELECTRONICS = shipped_templates()["electronics"]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "checklist", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **ENGLISH, **(env or {})},
    )


def all_clear() -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for step in ELECTRONICS.steps:
        if step.kind is StepKind.PASS_FAIL:
            answers[step.id] = True
        elif step.kind is StepKind.CHOICE:
            answers[step.id] = step.options[0].key
        elif step.kind is StepKind.MEASURE:
            answers[step.id] = 91
        elif step.kind is StepKind.PHOTO:
            answers[step.id] = "sha256:9b74c9897bac770ffc029102a200c5de"
    return answers


def write(folder: Path, answers: object) -> str:
    path = folder / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def test_show_prints_the_numbered_steps_with_their_rules() -> None:
    result = cli("show", "electronics")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"Electronics (electronics), version {ELECTRONICS.version}\n")
    assert "critical → C" in out and "cosmetic → B" in out
    for position, step in enumerate(ELECTRONICS.steps, start=1):
        assert f"{position:>2}. {step.question}  [{step.id}]" in out
    assert "a number in %; outside 80 to 100 is major" in out
    assert "pass or fail; a fail is critical" in out
    assert "4) Cracked glass or broken display [cracked]: critical" in out
    assert "bench charger" in out  # the help text is there for the inspector


def test_show_speaks_chinese_with_a_chinese_locale() -> None:
    result = cli("show", "apparel", env={"LANG": "zh_CN.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("服装（apparel），版本 1")  # the catalog's header
    assert "吊牌还在吗？" in result.stdout and "Are the tags attached?" not in result.stdout
    assert "1) 吊牌完好 [attached]: 无缺陷" in result.stdout  # option labels and severities


def test_grade_all_clear_is_a(tmp_path: Path) -> None:
    result = cli("grade", "electronics", "--answers", write(tmp_path, all_clear()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"Grade A (Electronics, version {ELECTRONICS.version})"
    assert "Every step passed." in result.stdout


def test_grade_names_each_failing_step_and_its_answer(tmp_path: Path) -> None:
    answers = {**all_clear(), "serial_matches": False, "scratches": "light", "battery_health": 64}
    result = cli("grade", "electronics", "--answers", write(tmp_path, answers))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Grade C ")
    assert lines[1] == "Worst defect: critical. Failing steps:"
    assert "Battery health, in %? → 64 % (major)" in lines[2]
    assert "Does the serial number match the one sold? → fail (critical)" in lines[3]
    assert "→ Light scratches or scuffs (cosmetic)" in lines[4]
    assert len(lines) == 5


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "This is not valid JSON"),
        ("[true, false]", "must be a JSON object"),
        (json.dumps({"powers_on": True}), "Step 2 (screen) has no answer."),
        (json.dumps({**all_clear(), "screen": "shattered"}), '"shattered" is not one of'),
        (json.dumps({**all_clear(), "smell": True}), "a step smell that this checklist"),
    ],
)
def test_a_broken_answers_file_fails_with_a_message(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    result = cli("grade", "electronics", "--answers", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"receiving-app: {path}: ")
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_a_missing_file_or_unknown_category_fails_clearly(tmp_path: Path) -> None:
    missing = cli("grade", "electronics", "--answers", str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "nope.json cannot be read" in missing.stderr
    unknown = cli("show", "furniture")
    assert unknown.returncode == 1
    assert "no checklist for the category furniture" in unknown.stderr
    assert "electronics" in unknown.stderr and "Traceback" not in unknown.stderr


def test_a_site_template_with_a_higher_version_is_the_current_one(isolated_home: Path) -> None:
    data = template_to_data(ELECTRONICS)
    data["version"] = ELECTRONICS.version + 1
    data["grades"] = {"cosmetic": "A", "minor": "B", "major": "B", "critical": "C"}
    folder = isolated_home / "config" / "checklists"
    folder.mkdir(parents=True)
    (folder / "electronics.json").write_text(json.dumps(data), encoding="utf-8")
    show = cli("show", "electronics")
    assert f"version {ELECTRONICS.version + 1}" in show.stdout.splitlines()[0]
    answers = {**all_clear(), "scratches": "light"}
    graded = cli("grade", "electronics", "--answers", write(isolated_home, answers))
    assert graded.stdout.startswith("Grade A ")  # the site's rule: cosmetic defects keep an A
    assert "Light scratches or scuffs (cosmetic)" in graded.stdout


def test_with_db_the_version_saved_in_the_app_is_the_current_one(
    database: Database, dock: Dock, clock: FixedClock, db_url: str, tmp_path: Path
) -> None:
    sync_templates(database, Actor(None, "INSPECT-1"), clock.now())
    station = ensure_station(database, "INSPECT-1", None, clock.now())
    supervisor = user_by_badge("BDG0003")
    assert supervisor is not None
    library = ChecklistLibrary(database, clock, station, supervisor)
    draft = library.draft("electronics")
    draft.set_grade(Severity.COSMETIC, Grade.A)
    index = draft.add_step(StepKind.PASS_FAIL, 0)
    draft.set_text(index, "question", "Is the charger the original one?")
    library.save(draft, "Charger check; cosmetic keeps A")

    show = cli("show", "electronics", "--db", db_url)
    assert show.returncode == 0, show.stderr
    assert f"version {ELECTRONICS.version + 1}" in show.stdout.splitlines()[0]
    assert " 1. Is the charger the original one?" in show.stdout
    assert "version 1" in cli("show", "electronics").stdout.splitlines()[0]  # the files

    answers = {**all_clear(), "scratches": "light", draft.step(index)["id"]: True}
    graded = cli("grade", "electronics", "--answers", write(tmp_path, answers), "--db", db_url)
    assert graded.stdout.startswith("Grade A "), graded.stdout + graded.stderr
    unknown = cli("show", "furniture", "--db", db_url)
    assert unknown.returncode == 1
    assert "no checklist for the category furniture" in unknown.stderr
    assert "apparel" in unknown.stderr
