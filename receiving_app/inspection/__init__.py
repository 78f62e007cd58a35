"""Inspection: checklist templates as data, their validation, and the grade rule (no Qt).

Other packages import from here: ``load_template`` and the template model, ``current_template``
(shipped files overridden by the site's), and ``grade_from_answers`` with its ``GradeResult``.
"""

from receiving_app.inspection.catalog import current_template, current_templates, site_folder
from receiving_app.inspection.grading import FailingStep, GradeResult, grade_from_answers
from receiving_app.inspection.model import (
    ChecklistError,
    ChecklistTemplate,
    ChoiceOption,
    Grade,
    Severity,
    Step,
    StepKind,
    StepText,
)
from receiving_app.inspection.templates import load_template, template_from_data, template_to_data

__all__ = [
    "ChecklistError",
    "ChecklistTemplate",
    "ChoiceOption",
    "FailingStep",
    "Grade",
    "GradeResult",
    "Severity",
    "Step",
    "StepKind",
    "StepText",
    "current_template",
    "current_templates",
    "grade_from_answers",
    "load_template",
    "site_folder",
    "template_from_data",
    "template_to_data",
]
