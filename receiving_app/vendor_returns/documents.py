"""A batch's paperwork: the manifest as CSV and PDF, and its carton labels as one PDF (no Qt).

The texts are translated here with the caller's ``tr`` (the station's language); ``labels``
draws them as given. The CSV is data for the vendor's system: a fixed set of columns
(:data:`CSV_COLUMNS`), UTF-8 with a BOM so spreadsheets on Chinese Windows read the names, and
cells a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

import csv
import io

from labels import CartonLabelData, LabelSize, render_carton_labels_pdf
from labels.rtv_manifest import ManifestLine, RTVManifestData, render_rtv_manifest_pdf
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

# The return reasons' words live with the inspection report; one translation serves both.
from receiving_app.inspection.report import _DOMAIN_WORDS, _REASONS
from receiving_app.label_captions import label_captions
from receiving_app.vendor_returns.prefix_setting import company_prefix
from receiving_app.vendor_returns.sscc import PREFIX_DIGITS
from receiving_app.vendor_returns.views import BatchDetail, BatchLine

CONTEXT = "VendorReturns"
#: The CSV's columns, in order: a contract with the vendors' systems.
CSV_COLUMNS = (
    "batch",
    "vendor",
    "vendor_rma",
    "carton",
    "sscc",
    "lpn",
    "sku",
    "product",
    "serial",
    "grade",
    "reason",
    "cost",
)


def manifest_csv(detail: BatchDetail, tr: TranslateFn) -> bytes:
    """The manifest as CSV bytes: one row per unit, in LPN order."""
    summary = detail.summary
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in detail.lines:
        row = (
            summary.number,
            summary.vendor_name,
            summary.vendor_rma or "",
            "" if line.carton is None else str(line.carton),
            line.sscc or "",
            line.lpn,
            line.sku,
            line.product,
            line.serial or "",
            line.grade or "",
            _reason(line, tr),
            f"{line.cost:.2f}",
        )
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def manifest_pdf(detail: BatchDetail, tr: TranslateFn) -> bytes:
    """The manifest as an A4 PDF (see :mod:`labels.rtv_manifest`)."""
    summary = detail.summary

    def t(text: str) -> str:
        return tr(CONTEXT, text)

    shipped = "-"
    if summary.shipped_on is not None:
        shipped = (
            f"{summary.shipped_on.isoformat()} {summary.carrier or ''} {summary.tracking or ''}"
        )
    fields = (
        (t(_VENDOR), f"{summary.vendor_name} ({summary.vendor_code})"),
        (t(_VENDOR_RMA), summary.vendor_rma or "-"),
        (t(_STATE), tr(CONTEXT, _STATES.get(summary.state, summary.state))),
        (t(_OPENED), summary.opened_at.strftime("%Y-%m-%d %H:%M")),
        (t(_CLOSED), summary.closed_at.strftime("%Y-%m-%d %H:%M") if summary.closed_at else "-"),
        (t(_SHIPPED), shipped.strip()),
        (t(_UNITS), str(summary.units)),
        (t(_CARTONS), str(len(detail.cartons)) if detail.cartons else "-"),
        (t(_TOTAL_COST), f"{summary.total_cost:.2f}"),
    )
    captions = {key: t(text) for key, text in _COLUMN_CAPTIONS.items()}
    lines = tuple(
        ManifestLine(
            carton="" if line.carton is None else str(line.carton),
            lpn=line.lpn,
            sku=line.sku,
            product=line.product,
            serial=line.serial or "",
            grade=line.grade or "",
            reason=_reason(line, tr),
            cost=f"{line.cost:.2f}",
        )
        for line in detail.lines
    )
    data = RTVManifestData(t(_TITLE), summary.number, fields, captions, t(_PAGE), lines)
    return render_rtv_manifest_pdf(data)


def carton_labels(detail: BatchDetail, ship_from: str, tr: TranslateFn) -> list[CartonLabelData]:
    """The label data of each carton of a closed batch, captions translated."""
    summary = detail.summary
    captions = label_captions("carton", tr)
    return [
        CartonLabelData(
            sscc=carton.sscc,
            prefix_digits=prefix_digits(carton.sscc),
            ship_from=ship_from,
            ship_to=summary.vendor_name,
            batch=summary.number,
            vendor_rma=summary.vendor_rma or "-",
            carton_number=carton.number,
            carton_count=len(detail.cartons),
            unit_count=carton.units,
            captions=captions,
        )
        for carton in detail.cartons
    ]


def carton_labels_pdf(
    detail: BatchDetail, ship_from: str, tr: TranslateFn, size: str = "4x6", dpi: int = 203
) -> bytes:
    """Every carton label of a closed batch as one PDF, a page each.

    Raises:
        LabelError: the batch has no cartons (it is still open).
    """
    return render_carton_labels_pdf(carton_labels(detail, ship_from, tr), LabelSize(size), dpi)


def prefix_digits(sscc: str) -> int:
    """The company prefix's length inside ``sscc``: the dock's prefix when the SSCC carries it
    (a prefix changed since keeps the old SSCCs), else GS1's shortest."""
    company = company_prefix()
    if company is not None and sscc[1 : 1 + len(company.prefix)] == company.prefix:
        return len(company.prefix)
    return PREFIX_DIGITS[0]


def _reason(line: BatchLine, tr: TranslateFn) -> str:
    """The unit's return reason in words, as the inspection report says it."""
    code = line.reason_code
    if not code:
        return ""
    return tr(_DOMAIN_WORDS, _REASONS[code]) if code in _REASONS else code.replace("_", " ")


def _cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: a leading = + - @ gets a quote."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_TITLE = QT_TRANSLATE_NOOP("VendorReturns", "Vendor return manifest")
_PAGE = QT_TRANSLATE_NOOP("VendorReturns", "Page {number} of {count}")
_VENDOR = QT_TRANSLATE_NOOP("VendorReturns", "Vendor")
_VENDOR_RMA = QT_TRANSLATE_NOOP("VendorReturns", "Vendor RMA")
_STATE = QT_TRANSLATE_NOOP("VendorReturns", "State")
_OPENED = QT_TRANSLATE_NOOP("VendorReturns", "Opened")
_CLOSED = QT_TRANSLATE_NOOP("VendorReturns", "Closed")
_SHIPPED = QT_TRANSLATE_NOOP("VendorReturns", "Shipped")
_UNITS = QT_TRANSLATE_NOOP("VendorReturns", "Units")
_CARTONS = QT_TRANSLATE_NOOP("VendorReturns", "Cartons")
_TOTAL_COST = QT_TRANSLATE_NOOP("VendorReturns", "Total cost")
_STATES = {
    "open": QT_TRANSLATE_NOOP("VendorReturns", "open"),
    "closed": QT_TRANSLATE_NOOP("VendorReturns", "closed"),
    "shipped": QT_TRANSLATE_NOOP("VendorReturns", "shipped"),
}
_COLUMN_CAPTIONS = {
    "carton": QT_TRANSLATE_NOOP("VendorReturns", "Carton"),
    "lpn": QT_TRANSLATE_NOOP("VendorReturns", "LPN"),
    "sku": QT_TRANSLATE_NOOP("VendorReturns", "SKU"),
    "product": QT_TRANSLATE_NOOP("VendorReturns", "Product"),
    "serial": QT_TRANSLATE_NOOP("VendorReturns", "Serial"),
    "grade": QT_TRANSLATE_NOOP("VendorReturns", "Grade"),
    "reason": QT_TRANSLATE_NOOP("VendorReturns", "Reason"),
    "cost": QT_TRANSLATE_NOOP("VendorReturns", "Cost"),
}
