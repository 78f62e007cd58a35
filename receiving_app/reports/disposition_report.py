"""The disposition report in words: figures turned into translated, display-ready data (no Qt).

Labels and captions are marked here (context ``Report``, and the shared ``Routing`` and
``DomainWords`` words) and arrive translated through ``tr``; keys stay stable in every language.
:mod:`labels.disposition_report` renders the result as a PDF and
:mod:`receiving_app.reports.data_files` writes it as CSV or XLSX, so all three hold the same
numbers.
"""

from __future__ import annotations

from decimal import Decimal

from labels.disposition_report import (
    DailyCounts,
    DispositionReportData,
    ReportFigure,
    ReportRow,
    ReportSection,
)
from receiving_app.disposition.model import DISPOSITION_TEXTS, ROUTING, Disposition
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn
from receiving_app.reports.disposition_figures import OTHER_PRODUCTS
from receiving_app.reports.figures import BREAKDOWNS, ROUTES, DispositionFigures, GroupFigures

REPORT = "Report"
#: The key of a group without a value (no vendor, no reason, not graded) in the data files.
NO_KEY = "-"
_DOMAIN_WORDS = "DomainWords"  # a name, not a literal, in tr(): lupdate would extract a literal

_TITLE = QT_TRANSLATE_NOOP("Report", "Disposition report")
_SUBTITLE = QT_TRANSLATE_NOOP("Report", "{start} to {end} ({days} days), dock {dock}")
_NONE = QT_TRANSLATE_NOOP("Report", "(none)")
_OTHER_PRODUCTS = QT_TRANSLATE_NOOP("Report", "Other products ({count})")
_EXCEPTION_PARCEL = QT_TRANSLATE_NOOP("Report", "parcel received as an exception")
_GRADE_OVERRIDE = QT_TRANSLATE_NOOP("Report", "grade overridden")
_ROUTE_OVERRIDE = QT_TRANSLATE_NOOP("Report", "route chosen by a supervisor")

_CAPTIONS = {
    "label": QT_TRANSLATE_NOOP("Report", "Group"),
    "units": QT_TRANSLATE_NOOP("Report", "Units"),
    "recovered": QT_TRANSLATE_NOOP("Report", "Recovered value"),
    "scrap_loss": QT_TRANSLATE_NOOP("Report", "Scrap loss"),
    "summary": QT_TRANSLATE_NOOP("Report", "Summary"),
    "chart_disposition": QT_TRANSLATE_NOOP("Report", "Units by disposition"),
    "chart_reason": QT_TRANSLATE_NOOP("Report", "Units by return reason"),
    "chart_vendor": QT_TRANSLATE_NOOP("Report", "Units by vendor"),
    "chart_daily": QT_TRANSLATE_NOOP("Report", "Units routed per day"),
    "empty": QT_TRANSLATE_NOOP("Report", "No unit was routed in this period."),
    "page": QT_TRANSLATE_NOOP("Report", "page {number}"),
    "hours": QT_TRANSLATE_NOOP("Report", "{hours} h"),
}

_SECTION_TITLES = {
    "disposition": QT_TRANSLATE_NOOP("Report", "By disposition"),
    "grade": QT_TRANSLATE_NOOP("Report", "By grade"),
    "reason": QT_TRANSLATE_NOOP("Report", "By return reason"),
    "vendor": QT_TRANSLATE_NOOP("Report", "By vendor"),
    "category": QT_TRANSLATE_NOOP("Report", "By category"),
    "product": QT_TRANSLATE_NOOP("Report", "By product (most units first)"),
    "inspector": QT_TRANSLATE_NOOP("Report", "By inspector"),
    "exceptions": QT_TRANSLATE_NOOP("Report", "Exceptions"),
    "overrides": QT_TRANSLATE_NOOP("Report", "Overrides"),
}

_SUMMARY = {
    "units": QT_TRANSLATE_NOOP("Report", "Units routed"),
    "recovered_value": QT_TRANSLATE_NOOP("Report", "Recovered value"),
    "restocked_value": QT_TRANSLATE_NOOP("Report", "of which restocked value"),
    "refurbish_value": QT_TRANSLATE_NOOP("Report", "of which refurbish resale estimate"),
    "vendor_credit": QT_TRANSLATE_NOOP("Report", "of which vendor credit"),
    "scrap_loss": QT_TRANSLATE_NOOP("Report", "Scrap loss"),
    "net_value": QT_TRANSLATE_NOOP("Report", "Net (recovered less scrap loss)"),
    "dock_to_stock_median": QT_TRANSLATE_NOOP("Report", "Dock-to-stock, median"),
    "dock_to_stock_p90": QT_TRANSLATE_NOOP("Report", "Dock-to-stock, 90th percentile"),
    "moved_units": QT_TRANSLATE_NOOP("Report", "Units put away"),
    "not_moved_units": QT_TRANSLATE_NOOP("Report", "Units not put away yet"),
    "exception_units": QT_TRANSLATE_NOOP("Report", "Units with an exception"),
    "override_units": QT_TRANSLATE_NOOP("Report", "Units with an override"),
}

# The source texts of ui/domain_words.py in its context, so one translation serves both.
_DOMAIN_TEXTS = {
    "defective": QT_TRANSLATE_NOOP("DomainWords", "defective"),
    "damaged_in_transit": QT_TRANSLATE_NOOP("DomainWords", "damaged in transit"),
    "wrong_item_sent": QT_TRANSLATE_NOOP("DomainWords", "wrong item sent"),
    "not_as_described": QT_TRANSLATE_NOOP("DomainWords", "not as described"),
    "no_longer_needed": QT_TRANSLATE_NOOP("DomainWords", "no longer needed"),
    "size_fit": QT_TRANSLATE_NOOP("DomainWords", "size or fit"),
    "extra": QT_TRANSLATE_NOOP("DomainWords", "extra"),
    "serial_mismatch": QT_TRANSLATE_NOOP("DomainWords", "serial mismatch"),
    "wrong_item": QT_TRANSLATE_NOOP("DomainWords", "wrong item"),
    "not_on_order": QT_TRANSLATE_NOOP("DomainWords", "not on order"),
    "no_rma": QT_TRANSLATE_NOOP("DomainWords", "no RMA"),
}
_REPORT_TEXTS = {
    "exception_parcel": _EXCEPTION_PARCEL,
    "grade_override": _GRADE_OVERRIDE,
    "route_override": _ROUTE_OVERRIDE,
}


def _label(section: str, row: GroupFigures, tr: TranslateFn) -> str:
    """What a row is called: the database's name, a translated code, or the code itself."""
    if section == "product" and row.key == OTHER_PRODUCTS:
        return tr(REPORT, _OTHER_PRODUCTS).format(count=row.name)
    if not row.key:
        return tr(REPORT, _NONE)
    if row.name:
        return f"{row.name} ({row.key})" if section == "product" else row.name
    if section == "disposition":
        return tr(ROUTING, DISPOSITION_TEXTS[Disposition(row.key)])
    if row.key in _REPORT_TEXTS:
        return tr(REPORT, _REPORT_TEXTS[row.key])
    if row.key in _DOMAIN_TEXTS:
        return tr(_DOMAIN_WORDS, _DOMAIN_TEXTS[row.key])
    return row.key.replace("_", " ")


def _row(section: str, row: GroupFigures, tr: TranslateFn) -> ReportRow:
    key = row.key or NO_KEY
    return ReportRow(key, _label(section, row, tr), row.by_route, row.recovered, row.scrap_loss)


def _summary(figures: DispositionFigures, tr: TranslateFn) -> tuple[ReportFigure, ...]:
    totals, timing = figures.totals, figures.dock_to_stock
    by_route = {row.key: row.recovered for row in figures.breakdowns["disposition"]}
    values: dict[str, tuple[int | Decimal | None, str]] = {
        "units": (totals.units, "count"),
        "recovered_value": (totals.recovered, "money"),
        "restocked_value": (by_route[Disposition.RESTOCK.value], "money"),
        "refurbish_value": (by_route[Disposition.REFURBISH.value], "money"),
        "vendor_credit": (by_route[Disposition.VENDOR_RETURN.value], "money"),
        "scrap_loss": (totals.scrap_loss, "money"),
        "net_value": (totals.recovered - totals.scrap_loss, "money"),
        "dock_to_stock_median": (timing.median_hours, "hours"),
        "dock_to_stock_p90": (timing.p90_hours, "hours"),
        "moved_units": (timing.moved, "count"),
        "not_moved_units": (timing.not_moved, "count"),
        "exception_units": (figures.exception_units, "count"),
        "override_units": (figures.override_units, "count"),
    }
    return tuple(
        ReportFigure(key, tr(REPORT, _SUMMARY[key]), value, kind)
        for key, (value, kind) in values.items()
    )


def disposition_report_data(
    figures: DispositionFigures, tr: TranslateFn, dock: str
) -> DispositionReportData:
    """The report of ``figures`` in the language of ``tr``, for the dock named ``dock``."""
    period = figures.period
    return DispositionReportData(
        title=tr(REPORT, _TITLE),
        subtitle=tr(REPORT, _SUBTITLE).format(
            start=period.start.isoformat(), end=period.end.isoformat(), days=period.days, dock=dock
        ),
        summary=_summary(figures, tr),
        sections=tuple(
            ReportSection(
                key,
                tr(REPORT, _SECTION_TITLES[key]),
                tuple(_row(key, row, tr) for row in figures.breakdowns[key]),
            )
            for key in BREAKDOWNS
        ),
        daily=tuple(DailyCounts(day, counts) for day, counts in figures.daily),
        route_labels=tuple(tr(ROUTING, DISPOSITION_TEXTS[route]) for route in ROUTES),
        captions={key: tr(REPORT, text) for key, text in _CAPTIONS.items()},
    )


__all__ = ["NO_KEY", "REPORT", "disposition_report_data"]
