"""Drawing a :class:`~labels.label_model.LabelLayout` as a one-page PDF the size of the stock.

Pure rendering, no Qt. Positions come in printer dots and are drawn at exactly those dots, so a
driver printing the PDF at 100 % on a printer of the layout's resolution puts every bar edge on
the dot grid (never "fit to page", which loses that). Chinese is drawn in the embedded TrueType
font (:mod:`labels.fonts`); bold Chinese, which has no bold face, is stroked as well as filled.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from labels.errors import LabelError
from labels.fonts import SANS, SANS_BOLD, font_for, label_fonts
from labels.label_model import Barcode, Face, LabelLayout, TextLine
from labels.layout import TextAlign


def render_layout_pdf(layout: LabelLayout) -> bytes:
    """The layout as PDF bytes; the same layout always gives the same bytes."""
    return render_layouts_pdf([layout])


def render_layouts_pdf(layouts: Sequence[LabelLayout]) -> bytes:
    """Several layouts of one stock as one PDF, a page each (a batch's carton labels).

    Raises:
        LabelError: no layouts, or layouts of different stocks.
    """
    if not layouts or len({layout.size for layout in layouts}) != 1:
        raise LabelError("needs one or more layouts of one stock", field="layouts")
    buffer = io.BytesIO()
    page_width, page_height = layouts[0].size.page_size
    # invariant: no timestamp or random ID in the file, so the same data gives the same bytes.
    canvas = Canvas(buffer, pagesize=(page_width, page_height), invariant=True, pageCompression=1)
    canvas.setTitle(layouts[0].title)
    canvas.setCreator("receiving-app")
    for layout in layouts:
        _draw_page(canvas, layout, page_height)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_page(canvas: Canvas, layout: LabelLayout, page_height: float) -> None:
    dot = 72 / layout.dpi
    for element in layout.elements:
        if isinstance(element, TextLine):
            _text(canvas, element, dot, page_height)
        elif isinstance(element, Barcode):
            _barcode(canvas, element, dot, page_height)
        else:
            _rect(canvas, element.x, element.y, element.width, element.height, dot, page_height)


def _rect(canvas: Canvas, x: int, y: int, width: int, height: int, dot: float, page: float) -> None:
    """A black rectangle given in dots from the top-left corner."""
    canvas.rect(x * dot, page - (y + height) * dot, width * dot, height * dot, stroke=0, fill=1)


def _barcode(canvas: Canvas, barcode: Barcode, dot: float, page: float) -> None:
    for offset, width in barcode.symbol.bars():
        x = barcode.x + offset * barcode.module
        _rect(canvas, x, barcode.y, width * barcode.module, barcode.height, dot, page)


def _text(canvas: Canvas, line: TextLine, dot: float, page: float) -> None:
    cjk = label_fonts().cjk
    if line.face is Face.CJK and cjk is not None:
        font_name, text = cjk, line.text  # even a Latin line of a Chinese text, as measured
    elif line.face is Face.CJK:
        font_name, text = font_for(line.text)  # without a CJK font: Helvetica and "?"
    else:
        font_name, text = (SANS_BOLD if line.bold else SANS), line.text
    size = line.size * dot
    width = stringWidth(text, font_name, size)
    left = line.x * dot
    if line.align is TextAlign.CENTER:
        left += (line.width * dot - width) / 2
    elif line.align is TextAlign.RIGHT:
        left += line.width * dot - width
    baseline = page - line.baseline * dot
    canvas.setFont(font_name, size)
    canvas.setFillGray(1 if line.inverse else 0)
    fake_bold = line.bold and font_name not in (SANS, SANS_BOLD)
    if fake_bold:
        canvas.saveState()
        canvas.setStrokeGray(1 if line.inverse else 0)
        canvas.setLineWidth(size * 0.045)
        canvas.drawString(left, baseline, text, mode=2)  # 2: fill, then stroke
        canvas.restoreState()
    else:
        canvas.drawString(left, baseline, text)
    canvas.setFillGray(0)
