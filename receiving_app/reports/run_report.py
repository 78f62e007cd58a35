"""Making the disposition report in one call, on whichever thread runs it (no Qt).

The supervisor's desk runs this on a worker thread so the window stays responsive while the
figures are gathered (about a second and a half on 30,000 units). peewee keeps one connection
per thread, so the call opens its own and closes it when done; SQLite in WAL mode lets this
reader work beside the stations' writers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from peewee import Database

from receiving_app.i18n import TranslateFn
from receiving_app.reports.disposition_figures import gather_disposition_figures
from receiving_app.reports.disposition_report import disposition_report_data
from receiving_app.reports.output import ReportFormat, write_disposition_report
from receiving_app.reports.period import ReportPeriod, report_period


@dataclass(frozen=True)
class ReportResult:
    """What was written where, with the headline figures to show without opening the file."""

    path: Path
    file_format: ReportFormat
    period: ReportPeriod
    units: int
    recovered: Decimal
    scrap_loss: Decimal
    d2s_median: Decimal | None  # dock-to-stock hours; None: no unit of the period was moved
    d2s_p90: Decimal | None


def make_disposition_report(
    database: Database,
    start: datetime.date,
    end: datetime.date,
    file_format: ReportFormat,
    path: Path,
    tr: TranslateFn,
    dock: str,
) -> ReportResult:
    """Gather the figures of ``start`` to ``end`` and write the report to ``path``.

    The figures are read on the calling thread's own connection, closed before the file is
    rendered; the file appears whole or not at all.

    Raises:
        InvalidInput: the period is refused (see :func:`report_period`) or the file cannot be
            written.
        StorageUnavailable: the database cannot be read.
    """
    period = report_period(start, end)
    with database.connection_context():
        figures = gather_disposition_figures(period)
    write_disposition_report(path, disposition_report_data(figures, tr, dock), file_format)
    totals, d2s = figures.totals, figures.dock_to_stock
    return ReportResult(
        path=path,
        file_format=file_format,
        period=period,
        units=totals.units,
        recovered=totals.recovered,
        scrap_loss=totals.scrap_loss,
        d2s_median=d2s.median_hours,
        d2s_p90=d2s.p90_hours,
    )


__all__ = ["ReportResult", "make_disposition_report"]
