"""What the inspection report shows, and the checks it passes before anything is drawn.

The frozen dataclasses of final, translated strings that :mod:`labels.inspection_report` renders
(HOUSE.md B1, B6), the caption keys and severity codes they must use, and the validation that
turns bad data into a :class:`LabelError` naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from labels.barcodes import encode_code128
from labels.errors import LabelError

#: Severity codes of a checklist answer, mildest first; anything but ``none`` is a failing row.
SEVERITIES = ("none", "cosmetic", "minor", "major", "critical")

#: More photos than this do not fit one page as useful thumbnails; the core picks which to send.
MAX_PHOTOS = 6

#: The keys ``InspectionReportData.captions`` must hold. ``overridden`` is a format string with
#: ``{grade}`` (the computed grade) and ``{reason}``; ``severity_<code>`` name each severity.
CAPTION_KEYS = (
    "lpn",
    "product",
    "sku",
    "serial",
    "rma",
    "reason",
    "customer_words",
    "grade",
    "overridden",
    "position",
    "question",
    "answer",
    "severity",
    "photos",
    "inspector",
    "station",
    "inspected_at",
    "template",
    *(f"severity_{code}" for code in SEVERITIES),
)


@dataclass(frozen=True)
class ReportAnswer:
    """One answered checklist step; ``severity`` is a code from :data:`SEVERITIES`."""

    position: int
    question: str
    answer: str
    severity: str


@dataclass(frozen=True)
class ReportPhoto:
    """A photo taken during the inspection: JPEG or PNG bytes and a caption."""

    caption: str
    image: bytes


@dataclass(frozen=True)
class InspectionReportData:
    """What the report shows; every string is final and display-ready.

    ``grade`` is the grade given, ``computed_grade`` the one the checklist arrived at; they
    differ, or ``override_reason`` is set, when the inspector overrode the grade. ``captions``
    holds the translated captions named in :data:`CAPTION_KEYS`.
    """

    title: str
    lpn: str
    product: str
    sku: str
    serial: str | None
    rma: str
    reason: str
    customer_words: str
    template: str
    grade: str
    computed_grade: str
    override_reason: str | None
    inspector: str
    station: str
    inspected_at: str
    answers: tuple[ReportAnswer, ...]
    photos: tuple[ReportPhoto, ...]
    captions: Mapping[str, str]


def check_report(data: InspectionReportData) -> None:
    """Refuse data the report cannot print; photos are decoded separately, when read."""
    if not data.lpn.strip() or data.lpn != data.lpn.strip() or not data.lpn.isprintable():
        raise LabelError(
            f"LPN {data.lpn!r} is empty, has surrounding spaces or control characters",
            field="lpn",
        )
    try:
        encode_code128(data.lpn)
    except LabelError as error:
        raise LabelError(error.reason, field="lpn") from None
    missing = [key for key in CAPTION_KEYS if key not in data.captions]
    if missing:
        raise LabelError(f"captions missing: {', '.join(missing)}", field="captions")
    override_text(data)  # a broken format string fails here, before any drawing
    for answer in data.answers:
        if answer.severity not in SEVERITIES:
            raise LabelError(
                f"answer {answer.position} has severity {answer.severity!r}; "
                f"use one of {', '.join(SEVERITIES)}",
                field="answers",
            )
    if len(data.photos) > MAX_PHOTOS:
        raise LabelError(
            f"{len(data.photos)} photos; the report shows at most {MAX_PHOTOS}", field="photos"
        )


def override_text(data: InspectionReportData) -> str | None:
    """The override line, or None when the grade is the computed one and no reason was given."""
    if data.override_reason is None and data.grade == data.computed_grade:
        return None
    template = data.captions["overridden"]
    try:
        return template.format_map(
            {"grade": data.computed_grade, "reason": data.override_reason or ""}
        )
    except (KeyError, IndexError, ValueError) as error:
        raise LabelError(
            f"caption 'overridden' {template!r} is not a format string with {{grade}} and "
            f"{{reason}}: {error!r}",
            field="captions",
        ) from None
