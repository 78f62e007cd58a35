"""The LPN label (labels.lpn_label) and label sizes (labels.sizes), checked as a printer sees them."""

from __future__ import annotations

import dataclasses
import math
from itertools import pairwise

import pytest
from reportlab.lib.units import mm

from labels.barcodes import encode_code128, max_module_dots, min_module_dots
from labels.errors import LabelError
from labels.fonts import label_fonts
from labels.lpn_label import LPNLabelData, render_lpn_label_pdf
from labels.sizes import LabelSize, check_dpi, parse_label_size

DATA = LPNLabelData(
    lpn="LPN0000012345",
    sku="HP-BT-500-BLK",
    product_name="无线蓝牙降噪耳机 Pro 黑色 (wireless headphones, black)",
    rma="RMA-2026-000123",
    received_at="2026-11-03 14:05",
    station="DOCK-01",
    serial="SN8812345678",
)

SIZES = list(LabelSize)
DPIS = [203, 300]


@pytest.mark.parametrize(
    ("text", "size"),
    [("4x6", LabelSize.FOUR_BY_SIX), ("4x2", LabelSize.FOUR_BY_TWO),
     ("62x29mm", LabelSize.MM62x29), (" 62X29MM ", LabelSize.MM62x29), ("4 x 6", LabelSize.FOUR_BY_SIX)],
)  # fmt: skip
def test_parse_label_size(text: str, size: LabelSize) -> None:
    assert parse_label_size(text) is size


@pytest.mark.parametrize("text", ["", "A4", "6x4", "62x29"])
def test_parse_label_size_refuses_unknown(text: str) -> None:
    with pytest.raises(LabelError, match="4x6, 4x2, 62x29mm") as raised:
        parse_label_size(text)
    assert raised.value.field == "size"


def test_page_sizes() -> None:
    assert LabelSize.FOUR_BY_SIX.page_size == (288, 432)
    assert LabelSize.FOUR_BY_TWO.page_size == (288, 144)
    assert LabelSize.MM62x29.page_size == pytest.approx((62 * mm, 29 * mm))
    assert LabelSize("4x2") is LabelSize.FOUR_BY_TWO  # the value is the contract string


def test_check_dpi() -> None:
    assert check_dpi(203) == 203
    with pytest.raises(LabelError):
        check_dpi(250)


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES)
def test_lpn_decodes_from_printer_raster(rasterise, decode, size: LabelSize, dpi: int) -> None:
    pdf = render_lpn_label_pdf(DATA, size, dpi)
    (page,) = rasterise(pdf, dpi)
    width, height = size.page_size
    assert page.size == (math.ceil(width * dpi / 72), math.ceil(height * dpi / 72))
    assert decode(page) == [DATA.lpn]


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES)
def test_bars_land_on_whole_dots(rasterise, barcode_row, size: LabelSize, dpi: int) -> None:
    (page,) = rasterise(render_lpn_label_pdf(DATA, size, dpi), dpi)
    _, row = barcode_row(page)
    edges = [x for x in range(1, len(row)) if row[x] != row[x - 1]]
    runs = [right - left for left, right in pairwise(edges)]
    module = min(runs)
    symbol = encode_code128(DATA.lpn)
    assert min_module_dots(dpi) <= module <= max_module_dots(dpi)
    assert all(run % module == 0 for run in runs)  # every element a whole number of modules
    assert edges[-1] - edges[0] == symbol.modules * module
    # the quiet zones (10 modules) are inside the label
    assert edges[0] >= 10 * module and len(row) - edges[-1] >= 10 * module


def test_larger_stock_gets_wider_bars(rasterise, barcode_row) -> None:
    modules = {}
    for size in (LabelSize.FOUR_BY_SIX, LabelSize.MM62x29):
        (page,) = rasterise(render_lpn_label_pdf(DATA, size, 203), 203)
        _, row = barcode_row(page)
        edges = [x for x in range(1, len(row)) if row[x] != row[x - 1]]
        modules[size] = min(right - left for left, right in pairwise(edges))
    assert modules[LabelSize.FOUR_BY_SIX] == max_module_dots(203)
    assert modules[LabelSize.MM62x29] < modules[LabelSize.FOUR_BY_SIX]


@pytest.mark.parametrize("size", SIZES)
def test_text_prints_including_chinese(pdf_text, pdf_fonts, size: LabelSize) -> None:
    assert label_fonts().cjk_available, "no CJK font: `make test` installs fonts-wqy-microhei"
    pdf = render_lpn_label_pdf(DATA, size, 203)
    text = pdf_text(pdf)
    for value in (DATA.lpn, DATA.sku, DATA.rma, DATA.serial, DATA.station, "无线蓝牙降噪耳机"):
        assert value in text
    fonts = pdf_fonts(pdf)
    assert b"/FontFile2" in pdf
    assert "WenQuanYiMicroHei" in fonts
    cjk_line = next(line for line in fonts.splitlines() if "WenQuanYiMicroHei" in line)
    assert "TrueType" in cjk_line and " yes " in cjk_line  # embedded (and subset)


@pytest.mark.parametrize("size", SIZES)
def test_long_fields_are_cut_not_clipped(rasterise, decode, pdf_text, size: LabelSize) -> None:
    data = dataclasses.replace(
        DATA,
        sku="SKU-" + "X" * 60,
        product_name="超长的商品名称" * 30 + " with a very long English tail " * 5,
        rma="RMA-" + "9" * 50,
        station="RECEIVING-DOCK-STATION-NUMBER-01",
    )
    pdf = render_lpn_label_pdf(data, size, 203)  # raises LabelError if the layout overflowed
    assert "\u2026" in pdf_text(pdf)  # long values end in an ellipsis
    (page,) = rasterise(pdf, 203)
    assert decode(page) == [data.lpn]
    # Nothing is drawn in the outer 1 mm, where printers drift and labels get cut.
    border = round(1 * 203 / 25.4)
    width, height = page.size
    pixels = page.load()
    assert pixels is not None
    edge = [
        pixels[x, y]
        for x in range(width)
        for y in (*range(border), *range(height - border, height))
    ]
    edge += [
        pixels[x, y] for y in range(height) for x in (*range(border), *range(width - border, width))
    ]
    assert min(edge) == 255


def test_serial_is_optional(pdf_text) -> None:
    data = dataclasses.replace(DATA, serial=None)
    for size in SIZES:
        text = pdf_text(render_lpn_label_pdf(data, size, 300))
        assert "S/N" not in text
        assert DATA.lpn in text


def test_over_long_lpn_does_not_fit_62x29() -> None:
    lpn = "LPN-RETURNS-DOCK-0000012345"
    with pytest.raises(LabelError) as raised:
        render_lpn_label_pdf(dataclasses.replace(DATA, lpn=lpn), LabelSize.MM62x29, 203)
    assert raised.value.field == "lpn"
    assert "mm" in raised.value.reason
    # the same LPN is fine on the wider stock
    assert render_lpn_label_pdf(dataclasses.replace(DATA, lpn=lpn), LabelSize.FOUR_BY_SIX, 203)


@pytest.mark.parametrize("lpn", ["", " LPN1", "LPN\t1", "LPN-Ä1"])
def test_bad_lpn_is_refused(lpn: str) -> None:
    with pytest.raises(LabelError) as raised:
        render_lpn_label_pdf(dataclasses.replace(DATA, lpn=lpn), LabelSize.FOUR_BY_SIX, 203)
    assert raised.value.field == "lpn"


def test_unsupported_dpi_is_refused() -> None:
    with pytest.raises(LabelError) as raised:
        render_lpn_label_pdf(DATA, LabelSize.FOUR_BY_SIX, 96)
    assert raised.value.field == "dpi"


def test_same_data_same_bytes() -> None:
    assert render_lpn_label_pdf(DATA, LabelSize.FOUR_BY_TWO, 203) == render_lpn_label_pdf(
        DATA, LabelSize.FOUR_BY_TWO, 203
    )
