"""The A4 inspection report of one returned unit: LPN barcode, what it is, the grade, the answers.

Pure rendering, no Qt. ``render_inspection_report_pdf(data) -> bytes``. The report travels with
the unit (to a vendor, a refurbisher, a customer-service agent), so it must read in black and
white, print Chinese with an embedded font, and keep the LPN scannable from an office printout.
Every text, captions included, arrives translated (HOUSE.md B6).

The layout is planned before anything is drawn: rows are measured, pages are counted, and only
then painted, so the footer can say ``n / N`` and nothing is ever clipped. The pieces live beside
this module: the data and its checks in :mod:`labels.report_data`, the page frame (header with
the barcode, unit block, footer) in :mod:`labels.report_page`, the answers table and the page
plan in :mod:`labels.report_table`, the photo grid in :mod:`labels.report_photos`.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from labels.layout import Painter
from labels.report_data import (
    CAPTION_KEYS,
    MAX_PHOTOS,
    SEVERITIES,
    InspectionReportData,
    ReportAnswer,
    ReportPhoto,
    check_report,
)
from labels.report_page import (
    content_box,
    draw_continuation_header,
    draw_footer,
    draw_top,
    top_height,
)
from labels.report_photos import draw_photos, read_photo
from labels.report_table import draw_table, plan_pages
from labels.scan_sheet import SHEET_DPI


def render_inspection_report_pdf(data: InspectionReportData) -> bytes:
    """Render the inspection report of one unit as an A4 PDF, normally one page.

    Page 1 has the title, the LPN as a Code 128 barcode (whole dots of a 300 dpi grid, like the
    scan sheets, so it scans from an office printout) and as text, the unit's fields, the grade in
    a big coloured box with any override, the answers (failing rows tinted), and the photos.
    Up to 20 answers fit one page, the table shrinking a little if needed; more continue on
    further pages, which repeat the title, the LPN and the table header. Print at 100 %.

    Raises:
        LabelError: the LPN is empty, not printable ASCII or too long for a barcode across the
            page; a caption from :data:`CAPTION_KEYS` is missing or ``overridden`` is not a
            valid format string; an answer's severity is unknown; more than :data:`MAX_PHOTOS`
            photos, or a photo that is not a readable JPEG or PNG.
    """
    check_report(data)
    images = [read_photo(index, photo) for index, photo in enumerate(data.photos)]
    content = content_box()
    first_page_top = content.top - top_height(data, content)
    pages = plan_pages(data, content, first_page_top)

    buffer = io.BytesIO()
    # invariant: no timestamp or random ID in the file, so the same data gives the same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{data.title} {data.lpn}")
    canvas.setCreator("receiving-app")
    for number, page in enumerate(pages, start=1):
        painter = Painter(canvas, content, dpi=SHEET_DPI)
        if number == 1:
            draw_top(painter, data)
        else:
            draw_continuation_header(painter, data)
        if page.rows:
            draw_table(painter, data, page.rows, page.table_size)
        if page.photo_height is not None:
            draw_photos(painter, data, images, page.photo_height)
        draw_footer(canvas, data, number, len(pages))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


__all__ = [
    "CAPTION_KEYS",
    "MAX_PHOTOS",
    "SEVERITIES",
    "InspectionReportData",
    "ReportAnswer",
    "ReportPhoto",
    "render_inspection_report_pdf",
]
