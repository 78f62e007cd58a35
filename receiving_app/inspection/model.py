"""Checklist templates as values: severities, grades, steps and the template (pure, no Qt).

A template is data a supervisor edits (see ``docs/checklists.md``); these frozen dataclasses are
what ``templates.load_template`` builds from a file once it has been checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

CHECKLIST = "Checklist"


class ChecklistError(InvalidInput):
    """A broken checklist template or answers; ``params`` name the step (``step``, ``position``).

    When the problem comes from a file, ``params["file"]`` names it too.
    """

    context = CHECKLIST


class Severity(StrEnum):
    """How bad a defect is, from none to critical; the order is the declaration order."""

    NONE = "none"
    COSMETIC = "cosmetic"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for none up to 4 for critical: compare severities by rank."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(Severity)}
DEFECTS = tuple(severity for severity in Severity if severity is not Severity.NONE)

# Shown by `checklist show` and `checklist grade`; the stored values stay English.
SEVERITY_TEXTS = {
    Severity.NONE: QT_TRANSLATE_NOOP("Checklist", "none"),
    Severity.COSMETIC: QT_TRANSLATE_NOOP("Checklist", "cosmetic"),
    Severity.MINOR: QT_TRANSLATE_NOOP("Checklist", "minor"),
    Severity.MAJOR: QT_TRANSLATE_NOOP("Checklist", "major"),
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Checklist", "critical"),
}


class Grade(StrEnum):
    """A (as new), B (cosmetic or minor defects, works), C (defective, incomplete or damaged)."""

    A = "A"
    B = "B"
    C = "C"


class StepKind(StrEnum):
    """What kind of answer a step asks for."""

    PASS_FAIL = "pass_fail"
    CHOICE = "choice"
    MEASURE = "measure"
    PHOTO = "photo"
    NOTE = "note"


@dataclass(frozen=True)
class StepText:
    """A step's texts in one language other than English; empty fields fall back to English."""

    question: str = ""
    help: str = ""
    options: Mapping[str, str] = field(default_factory=dict)  # option key → label


@dataclass(frozen=True)
class ChoiceOption:
    """One answer of a choice step; ``key`` is stored, ``label`` is shown."""

    key: str
    label: str
    severity: Severity


@dataclass(frozen=True)
class Step:
    """One question of a checklist.

    Which fields matter depends on ``kind``: ``severity`` is the severity of a failed
    ``pass_fail`` or of a ``measure`` outside ``minimum``..``maximum``; ``options`` belong to a
    ``choice``; ``required`` to a ``photo`` (default true) or a ``note`` (default false).
    """

    id: str
    kind: StepKind
    question: str
    help: str = ""
    severity: Severity = Severity.NONE
    options: tuple[ChoiceOption, ...] = ()
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    translations: Mapping[str, StepText] = field(default_factory=dict)

    def question_in(self, language: str) -> str:
        """The question in ``language`` when the template has it, else in English."""
        text = self.translations.get(language)
        return text.question if text and text.question else self.question

    def help_in(self, language: str) -> str:
        """The help text in ``language`` when the template has it, else in English."""
        text = self.translations.get(language)
        return text.help if text and text.help else self.help

    def option_label_in(self, option: ChoiceOption, language: str) -> str:
        """An option's label in ``language`` when the template has it, else in English."""
        text = self.translations.get(language)
        return (text.options.get(option.key) if text else None) or option.label

    def find_option(self, answer: str) -> ChoiceOption | None:
        """The option whose key or label is ``answer`` (keys first), or None."""
        for option in self.options:
            if option.key == answer:
                return option
        for option in self.options:
            if option.label == answer:
                return option
        return None


@dataclass(frozen=True)
class ChecklistTemplate:
    """A category's checklist at one version: ordered steps and its severity → grade rule.

    ``grades`` maps every defect severity (cosmetic..critical) to a grade; a worse severity never
    maps to a better grade, so the worst defect found decides the grade, and no defect gives A.
    """

    category: str
    name: str
    version: int
    grades: Mapping[Severity, Grade]
    steps: tuple[Step, ...]
    names: Mapping[str, str] = field(default_factory=dict)  # language → translated name

    def name_in(self, language: str) -> str:
        """The template's name in ``language`` when it has one, else in English."""
        return self.names.get(language) or self.name

    def grade_for(self, severity: Severity) -> Grade:
        """The grade a unit gets when ``severity`` is the worst defect found."""
        return Grade.A if severity is Severity.NONE else self.grades[severity]
