"""Writing the disposition report in the chosen format, whole or not at all (no Qt)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from labels.disposition_report import DispositionReportData, render_disposition_report_pdf
from receiving_app.files import write_whole
from receiving_app.reports.data_files import disposition_csv, disposition_xlsx


class ReportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"
    XLSX = "xlsx"


def render_disposition_report(data: DispositionReportData, file_format: ReportFormat) -> bytes:
    """The report's bytes as a PDF, a CSV file or an XLSX workbook."""
    if file_format is ReportFormat.PDF:
        return render_disposition_report_pdf(data)
    if file_format is ReportFormat.CSV:
        return disposition_csv(data)
    return disposition_xlsx(data)


def write_disposition_report(
    path: Path, data: DispositionReportData, file_format: ReportFormat
) -> None:
    """Render the report and write it to ``path``, never half written.

    Raises:
        InvalidInput: the file cannot be written (see :func:`receiving_app.files.write_whole`).
    """
    write_whole(path, render_disposition_report(data, file_format))


__all__ = ["ReportFormat", "render_disposition_report", "write_disposition_report"]
