"""Every label kind as PDF (labels.label_render): rasterised as a printer driver would, decoded
with zbar, its text read back with poppler."""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from labels import LabelKind, LabelSize, label_fonts, label_layout, render_label
from labels.fonts import SANS, SANS_BOLD
from labels.label_model import Barcode, Box, Face, TextLine
from labels.lpn_label import render_lpn_label_pdf
from tests.labels.label_cases import (
    BARCODE,
    CHINESE,
    DPIS,
    KINDS,
    PRINTED,
    long_sample,
    sample,
)

SIZES = list(LabelSize)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_label_decodes_from_the_printer_raster(
    rasterise, decode, kind: LabelKind, size: LabelSize, dpi: int
) -> None:
    pdf = render_label(kind, sample(kind), size, dpi, "pdf")
    (page,) = rasterise(pdf, dpi)
    width, height = size.page_size
    assert page.size == (math.ceil(width * dpi / 72), math.ceil(height * dpi / 72))
    assert decode(page) == [BARCODE[kind]]


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_is_in_the_text_layer_in_the_embedded_font(
    pdf_text, pdf_fonts, kind: LabelKind
) -> None:
    assert label_fonts().cjk_available, "no CJK font: `make test` installs fonts-wqy-microhei"
    for size in SIZES:
        pdf = render_label(kind, sample(kind), size, 203, "pdf")
        text = pdf_text(pdf)
        assert CHINESE[kind] in text and PRINTED[kind] in text
    cjk_line = next(line for line in pdf_fonts(pdf).splitlines() if "WenQuanYi" in line)
    assert "TrueType" in cjk_line and " yes " in cjk_line  # embedded (and subset)


def word_boxes(pdf: bytes, tmp_path: Path) -> list[tuple[float, float, float, float]]:
    """Every word's box in points, from ``pdftotext -bbox``."""
    source = tmp_path / "words.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True, text=True
    )
    return [tuple(float(v) for v in match.groups()) for match in _WORD.finditer(result.stdout)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_long_text_is_cut_and_stays_on_the_label(
    rasterise, decode, pdf_text, tmp_path: Path, kind: LabelKind, size: LabelSize
) -> None:
    data = long_sample(kind)
    pdf = render_label(kind, data, size, 203, "pdf")
    assert "\u2026" in pdf_text(pdf)
    width, height = size.page_size
    margin = 1 * 72 / 25.4  # nothing in the outer millimetre, where labels get cut
    boxes = word_boxes(pdf, tmp_path)
    assert boxes
    for left, top, right, bottom in boxes:
        assert margin <= left and right <= width - margin, (left, right)
        assert margin <= top and bottom <= height - margin, (top, bottom)
    (page,) = rasterise(pdf, 203)
    assert decode(page) == [BARCODE[kind]]
    border = round(1 * 203 / 25.4)
    pixels = page.load()
    assert pixels is not None
    columns, rows = page.size
    edge = [
        pixels[x, y] for x in range(columns) for y in (*range(border), *range(rows - border, rows))
    ]
    edge += [
        pixels[x, y]
        for y in range(rows)
        for x in (*range(border), *range(columns - border, columns))
    ]
    assert min(edge) == 255


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_layout_keeps_inside_and_clear_of_the_quiet_zones(
    kind: LabelKind, size: LabelSize, dpi: int
) -> None:
    for data in (sample(kind), long_sample(kind)):
        layout = label_layout(kind, data, size, dpi)
        (barcode,) = [e for e in layout.elements if isinstance(e, Barcode)]
        zone = (barcode.x - barcode.quiet_zone, barcode.x + barcode.width + barcode.quiet_zone)
        assert 0 <= zone[0] and zone[1] <= layout.width
        for element in layout.elements:
            if isinstance(element, TextLine):
                box = (element.x, element.y, element.x + element.width, element.y + element.size)
            elif isinstance(element, Box):
                box = (element.x, element.y, element.x + element.width, element.y + element.height)
            else:
                continue
            assert 0 <= box[0] and box[2] <= layout.width and 0 <= box[1]
            assert box[3] <= layout.height
            beside = box[0] < zone[1] and zone[0] < box[2]
            assert not (beside and box[1] < barcode.y + barcode.height and barcode.y < box[3])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_line_fits_its_box_in_the_fonts_the_pdf_draws_with(
    kind: LabelKind, size: LabelSize
) -> None:
    cjk = label_fonts().cjk
    assert cjk is not None
    for data in (sample(kind), long_sample(kind)):
        for element in label_layout(kind, data, size, 300).elements:
            if not isinstance(element, TextLine):
                continue
            font = cjk if element.face is Face.CJK else SANS_BOLD if element.bold else SANS
            stroke = element.size * 0.045 if element.bold and font == cjk else 0.0  # fake bold
            drawn = stringWidth(element.text, font, element.size) + stroke
            assert drawn <= element.width, (element.text, drawn, element.width)


def test_the_lpn_renderer_of_old_is_the_lpn_kind_as_pdf() -> None:
    data = sample(LabelKind.LPN)
    assert render_lpn_label_pdf(data, LabelSize.FOUR_BY_TWO, 300) == render_label(
        LabelKind.LPN, data, LabelSize.FOUR_BY_TWO, 300, "pdf"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_same_data_same_bytes(kind: LabelKind) -> None:
    first = render_label(kind, sample(kind), LabelSize.FOUR_BY_SIX, 203, "pdf")
    assert first == render_label(kind, sample(kind), LabelSize.FOUR_BY_SIX, 203, "pdf")


def test_a_parcel_without_exception_has_no_flag(pdf_text) -> None:
    data = sample(LabelKind.PARCEL)
    assert "EXCEPTION" in pdf_text(render_label(LabelKind.PARCEL, data, "4x2", 203, "pdf"))
    calm = dataclasses.replace(data, exception=False, rma=None, carrier=None)
    text = pdf_text(render_label(LabelKind.PARCEL, calm, "4x2", 203, "pdf"))
    assert "EXCEPTION" not in text and "Carrier" not in text and BARCODE[LabelKind.PARCEL] in text
