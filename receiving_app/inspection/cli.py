"""``receiving-app checklist show|grade``: read a category's checklist and try answers (no Qt).

A supervisor uses ``show`` to read the current template and ``grade`` to see which grade (and
why) a set of answers would get before rolling out a change. Template texts are data and are
shown in the station's language when the template carries it; the rest goes through ``tr``.
"""

from __future__ import annotations

import argparse
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

from receiving_app.cli_output import out, refused, say
from receiving_app.errors import ReceivingError
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn, system_language
from receiving_app.inspection.catalog import current_template
from receiving_app.inspection.grading import FailingStep, grade_from_answers
from receiving_app.inspection.model import (
    CHECKLIST,
    DEFECTS,
    SEVERITY_TEXTS,
    ChecklistError,
    ChecklistTemplate,
    Severity,
    Step,
    StepKind,
)
from receiving_app.inspection.templates import parse_json

EXIT_OK = 0


def add_checklist_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add ``checklist show`` and ``checklist grade`` to the command line; ``t`` translates."""
    checklist = sub.add_parser(
        "checklist", help=t(QT_TRANSLATE_NOOP("CLI", "inspection checklists and grading"))
    )
    actions = checklist.add_subparsers(metavar="ACTION", required=True)
    show = actions.add_parser(
        "show",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "print the current checklist of a product category")),
    )
    show.add_argument("category", metavar="CATEGORY")
    show.set_defaults(handler=cmd_checklist_show)
    grade = actions.add_parser(
        "grade",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "print the grade that answers would get, and why")),
    )
    grade.add_argument("category", metavar="CATEGORY")
    grade.add_argument(
        "--answers",
        required=True,
        type=Path,
        metavar="FILE.json",
        help=t(QT_TRANSLATE_NOOP("CLI", "a JSON object that maps each step id to its answer")),
    )
    grade.set_defaults(handler=cmd_checklist_grade)


def _current(args: argparse.Namespace) -> ChecklistTemplate:
    """The category's current checklist: with ``--db``, the latest version stored there (saved
    in the app's editor or loaded from a file); otherwise the shipped and site files, which is
    what a station loads at its next start."""
    url = getattr(args, "db", None)
    if url is None:
        return current_template(args.category)
    # Imported here: the file-only commands need no database driver.
    from receiving_app.context import open_context
    from receiving_app.inspection.versions import latest_template

    context = open_context(url)
    try:
        return latest_template(args.category)
    finally:
        context.close()


def cmd_checklist_show(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the category's current template: name, version, grading rule and numbered steps."""
    language = _language()
    try:
        template = _current(args)
    except ChecklistError as exc:
        return refused(tr, exc)
    say(
        tr(CHECKLIST, QT_TRANSLATE_NOOP("Checklist", "{name} ({category}), version {version}")),
        name=template.name_in(language),
        category=template.category,
        version=template.version,
    )
    rules = ", ".join(
        f"{_severity(tr, severity)} → {template.grades[severity]}" for severity in DEFECTS
    )
    say(
        tr(
            CHECKLIST,
            QT_TRANSLATE_NOOP(
                "Checklist", "Grading: the worst defect found decides ({rules}); none gives A."
            ),
        ),
        rules=rules,
    )
    for position, step in enumerate(template.steps, start=1):
        out("")
        out(f"{position:>2}. {step.question_in(language)}  [{step.id}]")
        for line in _answer_lines(tr, step, language):
            out(f"    {line}")
        for line in _wrap(step.help_in(language)):
            out(f"    {line}")
    return EXIT_OK


def cmd_checklist_grade(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the grade ``--answers`` would get with the category's current template, and why."""
    language = _language()
    path: Path = args.answers
    try:
        template = _current(args)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ChecklistError(
                QT_TRANSLATE_NOOP("Checklist", "The file {file} cannot be read: {detail}"),
                file=str(path),
                detail=str(exc),
            ) from exc
        try:
            answers = parse_json(text)
            if not isinstance(answers, dict):
                raise ChecklistError(
                    QT_TRANSLATE_NOOP(
                        "Checklist",
                        "The answers must be a JSON object of step ids and their answers.",
                    )
                )
            result = grade_from_answers(template, answers)
        except ChecklistError as exc:
            raise ChecklistError(exc.message, **{**exc.params, "file": str(path)}) from exc
    except ChecklistError as exc:
        return refused(tr, exc)
    say(
        tr(CHECKLIST, QT_TRANSLATE_NOOP("Checklist", "Grade {grade} ({name}, version {version})")),
        grade=result.grade.value,
        name=template.name_in(language),
        version=template.version,
    )
    if not result.failures:
        say(tr(CHECKLIST, QT_TRANSLATE_NOOP("Checklist", "Every step passed.")))
        return EXIT_OK
    say(
        tr(CHECKLIST, QT_TRANSLATE_NOOP("Checklist", "Worst defect: {severity}. Failing steps:")),
        severity=_severity(tr, result.worst),
    )
    steps = {step.id: step for step in template.steps}
    for failure in result.failures:
        step = steps[failure.step_id]
        out(
            f"  {failure.position:>2}. {step.question_in(language)} "
            f"{_answer_text(tr, step, failure, language)} ({_severity(tr, failure.severity)})"
        )
    return EXIT_OK


def _answer_lines(tr: TranslateFn, step: Step, language: str) -> list[str]:
    """How a step is answered, and which answers are defects."""
    severity = _severity(tr, step.severity)
    if step.kind is StepKind.PASS_FAIL:
        text = QT_TRANSLATE_NOOP("Checklist", "pass or fail; a fail is {severity}")
        return [tr(CHECKLIST, text).format(severity=severity)]
    if step.kind is StepKind.CHOICE:
        return [
            f"{number}) {step.option_label_in(option, language)} [{option.key}]: "
            f"{_severity(tr, option.severity)}"
            for number, option in enumerate(step.options, start=1)
        ]
    if step.kind is StepKind.MEASURE:
        low = "-∞" if step.minimum is None else str(step.minimum)
        high = "∞" if step.maximum is None else str(step.maximum)
        text = QT_TRANSLATE_NOOP(
            "Checklist", "a number in {unit}; outside {low} to {high} is {severity}"
        )
        return [tr(CHECKLIST, text).format(unit=step.unit, low=low, high=high, severity=severity)]
    if step.kind is StepKind.PHOTO:
        text = (
            QT_TRANSLATE_NOOP("Checklist", "a photo (required)")
            if step.required
            else QT_TRANSLATE_NOOP("Checklist", "a photo (optional)")
        )
    else:
        text = (
            QT_TRANSLATE_NOOP("Checklist", "a note (required)")
            if step.required
            else QT_TRANSLATE_NOOP("Checklist", "a note (optional)")
        )
    return [tr(CHECKLIST, text)]


def _answer_text(tr: TranslateFn, step: Step, failure: FailingStep, language: str) -> str:
    """The failing answer as the inspector gave it: fail, the option's label, the number."""
    if step.kind is StepKind.CHOICE:
        option = step.find_option(str(failure.answer))
        label = step.option_label_in(option, language) if option else str(failure.answer)
        return f"→ {label}"
    if step.kind is StepKind.MEASURE:
        return f"→ {failure.answer} {step.unit}"
    return "→ " + tr(CHECKLIST, QT_TRANSLATE_NOOP("Checklist", "fail"))


def _severity(tr: TranslateFn, severity: Severity) -> str:
    return tr(CHECKLIST, SEVERITY_TEXTS[severity])


def _wrap(text: str) -> list[str]:
    wide = any(unicodedata.east_asian_width(char) in "WF" for char in text)
    return textwrap.wrap(text, width=46 if wide else 92)


def _language() -> str:
    """The station's language (or the locale's), as the rest of the CLI speaks it."""
    from receiving_app.settings import load_station_settings

    try:
        setting = load_station_settings().language
    except ReceivingError:
        setting = "system"
    return system_language(setting)


__all__ = ["add_checklist_commands", "cmd_checklist_grade", "cmd_checklist_show"]
