"""The inspection report of one unit, built from a completed inspection in the database (no Qt).

The report travels with the unit (to a vendor, a refurbisher, customer service), so it says what
the inspector saw in words a reader understands: every checklist step with its answer (Yes/No,
the option's label in the station's language, a number with its unit, the note, "photo
attached") and the severity that answer contributed, the grade with any override, and up to
:data:`~labels.report_data.MAX_PHOTOS` photos. Captions and fixed words are marked in context
``Report`` and arrive translated through ``tr``; the checklist's own texts come from the
template in ``language``. :mod:`labels.inspection_report` renders the result.
"""

from __future__ import annotations

import datetime
import hashlib
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from db.models import RMA, Inspection, Photo
from db.queries import inspections as queries
from db.transactions import storage_errors
from labels.errors import LabelError
from labels.inspection_report import (
    MAX_PHOTOS,
    InspectionReportData,
    ReportAnswer,
    ReportPhoto,
    render_inspection_report_pdf,
)
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn
from receiving_app.inspection import store
from receiving_app.inspection.grading import grade_from_answers
from receiving_app.inspection.model import ChecklistTemplate, Step, StepKind
from receiving_app.inspection.views import stored_answers
from receiving_app.scanning import IdPrefixes, ScanKind, interpret_scan

REPORT = "Report"
_TIME = "%Y-%m-%d %H:%M"

# Refusals (context "Error", as every ReceivingError): each says what to do instead.
NOT_AN_LPN = QT_TRANSLATE_NOOP(
    "Error", "{text} is not an LPN: give the LPN printed on the unit's label."
)
UNKNOWN_LPN = QT_TRANSLATE_NOOP(
    "Error", "No unit has the LPN {lpn}: check the label and try again."
)
UNKNOWN_INSPECTION = QT_TRANSLATE_NOOP("Error", "There is no inspection {inspection}.")
NEVER_INSPECTED = QT_TRANSLATE_NOOP(
    "Error",
    "{lpn} has no completed inspection yet: inspect it at an inspection station first, "
    "then ask for the report again.",
)
STILL_OPEN = QT_TRANSLATE_NOOP(
    "Error",
    "{lpn} has no completed inspection yet: the one {user} started at {time} is still open. "
    "Finish it at an inspection station, then ask for the report again.",
)
NOT_PRINTABLE = QT_TRANSLATE_NOOP(
    "Error", "The report of {lpn} cannot be printed: {detail}. Ask a supervisor."
)

_TITLE = QT_TRANSLATE_NOOP("Report", "Inspection report")
_TEMPLATE = QT_TRANSLATE_NOOP("Report", "{name}, version {version}")
_OVERRIDE_REASON = QT_TRANSLATE_NOOP("Report", "{reason} ({user}, {time})")
_YES = QT_TRANSLATE_NOOP("Report", "Yes")
_NO = QT_TRANSLATE_NOOP("Report", "No")
_PHOTO_ATTACHED = QT_TRANSLATE_NOOP("Report", "photo attached")
_PHOTO_MISSING = QT_TRANSLATE_NOOP(
    "Report", "photo attached, but its file {file} is missing or changed"
)
_PHOTO_OF_STEP = QT_TRANSLATE_NOOP("Report", "Step {position}, {time}")
_PHOTO_TAKEN = QT_TRANSLATE_NOOP("Report", "Taken {time}")

_CAPTIONS = {
    "lpn": QT_TRANSLATE_NOOP("Report", "LPN"),
    "product": QT_TRANSLATE_NOOP("Report", "Product"),
    "sku": QT_TRANSLATE_NOOP("Report", "SKU"),
    "serial": QT_TRANSLATE_NOOP("Report", "Serial number"),
    "rma": QT_TRANSLATE_NOOP("Report", "RMA"),
    "reason": QT_TRANSLATE_NOOP("Report", "Return reason"),
    "customer_words": QT_TRANSLATE_NOOP("Report", "Customer's words"),
    "grade": QT_TRANSLATE_NOOP("Report", "Grade"),
    "overridden": QT_TRANSLATE_NOOP("Report", "Overridden from {grade}: {reason}"),
    "position": QT_TRANSLATE_NOOP("Report", "#"),
    "question": QT_TRANSLATE_NOOP("Report", "Question"),
    "answer": QT_TRANSLATE_NOOP("Report", "Answer"),
    "severity": QT_TRANSLATE_NOOP("Report", "Severity"),
    "photos": QT_TRANSLATE_NOOP("Report", "Photos"),
    "inspector": QT_TRANSLATE_NOOP("Report", "Inspector"),
    "station": QT_TRANSLATE_NOOP("Report", "Station"),
    "inspected_at": QT_TRANSLATE_NOOP("Report", "Inspected"),
    "template": QT_TRANSLATE_NOOP("Report", "Checklist"),
    "severity_none": QT_TRANSLATE_NOOP("Report", "OK"),
    "severity_cosmetic": QT_TRANSLATE_NOOP("Report", "Cosmetic"),
    "severity_minor": QT_TRANSLATE_NOOP("Report", "Minor"),
    "severity_major": QT_TRANSLATE_NOOP("Report", "Major"),
    "severity_critical": QT_TRANSLATE_NOOP("Report", "Critical"),
}

# The source texts of ui/domain_words.py in its context, so one translation serves both.
_DOMAIN_WORDS = "DomainWords"  # a name, not a literal, in tr(): lupdate would extract a literal
_REASONS = {
    "defective": QT_TRANSLATE_NOOP("DomainWords", "defective"),
    "damaged_in_transit": QT_TRANSLATE_NOOP("DomainWords", "damaged in transit"),
    "wrong_item_sent": QT_TRANSLATE_NOOP("DomainWords", "wrong item sent"),
    "not_as_described": QT_TRANSLATE_NOOP("DomainWords", "not as described"),
    "no_longer_needed": QT_TRANSLATE_NOOP("DomainWords", "no longer needed"),
    "size_fit": QT_TRANSLATE_NOOP("DomainWords", "size or fit"),
}


def completed_inspection_of(text: str, prefixes: IdPrefixes) -> int:
    """The id of the latest completed inspection of the unit whose LPN is ``text``.

    ``text`` is read as a scan (``lpn-0000000001`` is ``LPN0000000001``). An inspection still
    in progress is never reported: a re-inspection under way leaves the last completed one.

    Raises:
        InvalidInput: ``text`` is not an LPN, or the unit has no completed inspection yet.
        NotFound: no unit has that LPN.
    """
    scan = interpret_scan(text, prefixes)
    if scan.kind is not ScanKind.LPN:
        raise InvalidInput(NOT_AN_LPN, text=text.strip()[:40] or "-")
    with storage_errors():
        unit = queries.unit_for_inspection(scan.value)
        if unit is None:
            raise NotFound(UNKNOWN_LPN, lpn=scan.value)
        completed = queries.last_completed_inspection(unit.id)
        if completed is not None:
            return completed.id
        open_one = queries.open_inspection(unit.id)
        if open_one is not None:
            raise _still_open(open_one, unit.lpn)
        raise InvalidInput(NEVER_INSPECTED, lpn=unit.lpn)


def inspection_report_data(
    inspection_id: int, tr: TranslateFn, language: str, photo_folder: Path
) -> InspectionReportData:
    """Everything the report of a completed inspection shows, translated and display-ready.

    Photos are read from ``photo_folder`` (``<sha256>.<ext>``, as the desk stored them); one
    whose file is missing or no longer matches its hash is left out, and its step says so.

    Raises:
        NotFound: there is no inspection ``inspection_id``.
        InvalidInput: the inspection is still in progress.
    """
    with storage_errors():
        inspection = queries.inspection_by_id(inspection_id)
        if inspection is None:
            raise NotFound(UNKNOWN_INSPECTION, inspection=inspection_id)
        unit = queries.unit_by_id(inspection.unit_id)
        assert unit is not None  # an inspection's unit is a foreign key
        if inspection.state != "completed":
            raise _still_open(inspection, unit.lpn)
        template = store.template_of_version(inspection.checklist_version_id)
        answers = stored_answers(inspection.id)
        photos, missing = _photos(
            queries.photos_of_inspection(inspection.id), template, answers, photo_folder, tr
        )
        rma, reason, customer_words = _return_fields(queries.rma_of_unit(unit), tr)
        return InspectionReportData(
            title=tr(REPORT, _TITLE),
            lpn=unit.lpn,
            product=unit.product.name,
            sku=unit.product.sku,
            serial=unit.serial,
            rma=rma,
            reason=reason,
            customer_words=customer_words,
            template=tr(REPORT, _TEMPLATE).format(
                name=template.name_in(language), version=template.version
            ),
            grade=inspection.final_grade or "-",
            computed_grade=inspection.computed_grade or "-",
            override_reason=_override_reason(inspection, tr),
            inspector=queries.user_name(inspection.completed_by_id or inspection.started_by_id),
            station=inspection.station.code,
            inspected_at=_time(inspection.completed_at),
            answers=_answers(template, answers, missing, tr, language),
            photos=photos,
            captions={key: tr(REPORT, text) for key, text in _CAPTIONS.items()},
        )


def inspection_report_pdf(
    text: str, prefixes: IdPrefixes, tr: TranslateFn, language: str, photo_folder: Path
) -> bytes:
    """The PDF report of the latest completed inspection of the unit whose LPN is ``text``.

    Raises:
        InvalidInput: as :func:`completed_inspection_of`, or the data cannot be printed (a
            damaged photo file, an LPN too long for a barcode across the page).
        NotFound: no unit has that LPN.
    """
    data = inspection_report_data(
        completed_inspection_of(text, prefixes), tr, language, photo_folder
    )
    try:
        return render_inspection_report_pdf(data)
    except LabelError as error:
        raise InvalidInput(NOT_PRINTABLE, lpn=data.lpn, detail=str(error)) from error


def _still_open(inspection: Inspection, lpn: str) -> InvalidInput:
    return InvalidInput(
        STILL_OPEN,
        lpn=lpn,
        user=queries.user_name(inspection.started_by_id),
        time=_time(inspection.started_at),
    )


def _time(at: datetime.datetime | None) -> str:
    return at.strftime(_TIME) if at is not None else "-"


def _return_fields(rma: RMA | None, tr: TranslateFn) -> tuple[str, str, str]:
    """The RMA number, its reason in words and the customer's words (empty without an RMA)."""
    if rma is None:
        return "", "", ""
    code = rma.reason_code
    reason = tr(_DOMAIN_WORDS, _REASONS[code]) if code in _REASONS else code.replace("_", " ")
    return rma.number, reason, rma.customer_words


def _override_reason(inspection: Inspection, tr: TranslateFn) -> str | None:
    """The inspector's reason, with who overrode the grade and when (None: no override)."""
    if inspection.override_reason is None:
        return None
    return tr(REPORT, _OVERRIDE_REASON).format(
        reason=inspection.override_reason,
        user=queries.user_name(inspection.overridden_by_id),
        time=_time(inspection.overridden_at),
    )


def _answers(
    template: ChecklistTemplate,
    answers: Mapping[str, object],
    missing: frozenset[str],
    tr: TranslateFn,
    language: str,
) -> tuple[ReportAnswer, ...]:
    """One row per step, in checklist order; an optional step left out has an empty answer."""
    result = grade_from_answers(template, answers)
    severities = {failure.step_id: failure.severity.value for failure in result.failures}
    return tuple(
        ReportAnswer(
            position=position,
            question=step.question_in(language),
            answer=_answer_text(step, answers.get(step.id), missing, tr, language),
            severity=severities.get(step.id, "none"),
        )
        for position, step in enumerate(template.steps, start=1)
    )


def _answer_text(
    step: Step, value: object, missing: frozenset[str], tr: TranslateFn, language: str
) -> str:
    """A stored answer as a reader understands it, in the station's language."""
    if value is None:
        return ""
    if step.kind is StepKind.PASS_FAIL:
        return tr(REPORT, _YES if value else _NO)
    if step.kind is StepKind.CHOICE:
        option = step.find_option(str(value))
        return step.option_label_in(option, language) if option else str(value)
    if step.kind is StepKind.MEASURE:
        return f"{_number(value)} {step.unit}"
    if step.kind is StepKind.PHOTO:
        if value in missing:
            return tr(REPORT, _PHOTO_MISSING).format(file=str(value)[:12] + "…")
        return tr(REPORT, _PHOTO_ATTACHED)
    return str(value)


def _number(value: object) -> str:
    """95 rather than 95.0; other numbers as they were given."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _photos(
    rows: Sequence[Photo],
    template: ChecklistTemplate,
    answers: Mapping[str, object],
    folder: Path,
    tr: TranslateFn,
) -> tuple[tuple[ReportPhoto, ...], frozenset[str]]:
    """The photos to print (at most MAX_PHOTOS) and the hashes whose file could not be used.

    The steps' current photos come first, in step order, then any others, newest first (a
    photo taken again replaces the step's answer, but the earlier one is kept and may show).
    """
    positions = {step.id: position for position, step in enumerate(template.steps, start=1)}
    chosen: list[ReportPhoto] = []
    missing: set[str] = set()
    for row in _report_order(rows, template, answers):
        if len(chosen) == MAX_PHOTOS:
            break
        image = _photo_bytes(folder, row)
        if image is None:
            missing.add(row.sha256)
        else:
            chosen.append(ReportPhoto(_photo_caption(row, positions, tr), image))
    return tuple(chosen), frozenset(missing)


def _report_order(
    rows: Sequence[Photo], template: ChecklistTemplate, answers: Mapping[str, object]
) -> list[Photo]:
    """One row per picture (its newest): the steps' answers in step order, then newest first."""
    answered: dict[str, int] = {}
    for position, step in enumerate(template.steps, start=1):
        value = answers.get(step.id)
        if step.kind is StepKind.PHOTO and isinstance(value, str):
            answered.setdefault(value, position)
    newest: dict[str, Photo] = {}
    for row in sorted(rows, key=lambda row: row.id, reverse=True):
        newest.setdefault(row.sha256, row)
    return sorted(newest.values(), key=lambda row: (answered.get(row.sha256, math.inf), -row.id))


def _photo_bytes(folder: Path, row: Photo) -> bytes | None:
    """The photo file's bytes, or None when it is missing or its content is not the one stored."""
    try:
        data = (folder / Path(row.file_name).name).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == row.sha256 else None


def _photo_caption(row: Photo, positions: Mapping[str, int], tr: TranslateFn) -> str:
    position = positions.get(row.step_id or "")
    if position is None:
        return tr(REPORT, _PHOTO_TAKEN).format(time=_time(row.taken_at))
    return tr(REPORT, _PHOTO_OF_STEP).format(position=position, time=_time(row.taken_at))


__all__ = [
    "NEVER_INSPECTED",
    "NOT_AN_LPN",
    "NOT_PRINTABLE",
    "REPORT",
    "STILL_OPEN",
    "UNKNOWN_INSPECTION",
    "UNKNOWN_LPN",
    "completed_inspection_of",
    "inspection_report_data",
    "inspection_report_pdf",
]
