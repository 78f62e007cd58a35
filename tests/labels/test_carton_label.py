"""Carton labels and the manifest of a vendor-return batch: the SSCC as GS1-128 decodes back
from the PDF and the printed ZPL at every stock and resolution; the manifest pages and barcode."""

from __future__ import annotations

import dataclasses
import io

import pytest
import zplkit
from PIL import Image

from labels import (
    CartonLabelData,
    LabelError,
    LabelKind,
    LabelSize,
    label_layout,
    render_label,
    sscc_text,
)
from labels.carton_label import render_carton_labels_pdf
from labels.label_model import Barcode
from labels.rtv_manifest import ManifestLine, RTVManifestData, render_rtv_manifest_pdf
from receiving_app.vendor_returns.sscc import build_sscc, parse_company_prefix
from tests.labels.label_cases import DPIS, sample

SIZES = list(LabelSize)
# Prefixes of every allowed length and extension digits: the barcode must hold for all of them.
SSCCS = [
    build_sscc(parse_company_prefix(prefix, extension), serial)
    for prefix, extension, serial in (
        ("0614141", 0, 1),
        ("69012345", 3, 98_765_432),
        ("690123456", 9, 4),
        ("6901234567", 1, 999_999),
    )
]


def carton(sscc: str, prefix_digits: int = 7, **changes: object) -> CartonLabelData:
    data = sample(LabelKind.CARTON)
    assert isinstance(data, CartonLabelData)
    return dataclasses.replace(data, sscc=sscc, prefix_digits=prefix_digits, **changes)


def printed(zpl: bytes, size: LabelSize, dpi: int) -> Image.Image:
    width, height = size.dots(dpi)
    document = zplkit.render(zpl, zplkit.Options(width=width, height=height, dpi=dpi))
    return Image.open(io.BytesIO(document.labels[0].png())).convert("L")


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES)
def test_the_sscc_decodes_with_ai_00_from_pdf_and_zpl(
    rasterise, decode, size: LabelSize, dpi: int
) -> None:
    for sscc in SSCCS:
        data = carton(sscc, ship_to="Acme Audio", ship_from="Returns dock")
        (page,) = rasterise(render_label("carton", data, size, dpi, "pdf"), dpi)
        assert decode(page) == ["00" + sscc]
        assert decode(printed(render_label("carton", data, size, dpi, "zpl"), size, dpi)) == [
            "00" + sscc
        ]


@pytest.mark.parametrize("size", SIZES)
def test_the_barcode_is_gs1_128_fnc1_first(size: LabelSize) -> None:
    layout = label_layout("carton", carton(SSCCS[0]), size, 203)
    (barcode,) = [element for element in layout.elements if isinstance(element, Barcode)]
    # Start C, then FNC1 (value 102): a scanner sends "]C1" and reads it as GS1, not Code 128.
    assert barcode.symbol.gs1 and barcode.symbol.values[:2] == (105, 102)
    assert barcode.symbol.data == "00" + SSCCS[0]


def test_the_human_readable_sscc_groups_its_parts(pdf_text) -> None:
    assert sscc_text("006141410000001231", 7) == "(00) 0 0614141 000000123 1"
    assert sscc_text(SSCCS[3], 10) == f"(00) 1 6901234567 999999 {SSCCS[3][-1]}"
    text = pdf_text(render_label("carton", carton(SSCCS[1], 8), "4x6", 203, "pdf"))
    assert sscc_text(SSCCS[1], 8) in text
    assert "Carton" in text and "VRMA-2026-88412" in text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sscc": "006141410000001232"}, "sscc"),  # wrong check digit
        ({"sscc": "00614141000000123"}, "sscc"),
        ({"sscc": "0061414100000012３1"}, "sscc"),
        ({"prefix_digits": 6}, "prefix_digits"),
        ({"carton_number": 4}, "carton_number"),
        ({"carton_number": 0}, "carton_number"),
        ({"carton_count": 100}, "carton_count"),
        ({"vendor_rma": " "}, "vendor_rma"),
    ],
)
def test_bad_carton_data_names_the_field(changes: dict[str, object], field: str) -> None:
    data = dataclasses.replace(carton("006141410000001231"), **changes)
    with pytest.raises(LabelError) as raised:
        render_label("carton", data, "4x6", 203, "pdf")
    assert raised.value.field == field


def test_a_batch_s_labels_are_one_pdf_a_page_each(rasterise, decode) -> None:
    cartons = [carton(sscc, carton_number=n, carton_count=3) for n, sscc in enumerate(SSCCS[:3], 1)]
    pages = rasterise(render_carton_labels_pdf(cartons, LabelSize.FOUR_BY_SIX, 203), 203)
    assert [decode(page) for page in pages] == [["00" + sscc] for sscc in SSCCS[:3]]
    with pytest.raises(LabelError):
        render_carton_labels_pdf([], LabelSize.FOUR_BY_SIX, 203)


def manifest(lines: int) -> RTVManifestData:
    rows = tuple(
        ManifestLine(
            carton=str(1 + index // 20),
            lpn=f"LPN{index:010d}",
            sku="HP-BT-500-BLK",
            product="无线蓝牙降噪耳机 Pro 黑色 (wireless headphones, black)",
            serial=f"SN{index:08d}",
            grade="C",
            reason="质量问题 defective",
            cost="=200.00" if index == 0 else "200.00",
        )
        for index in range(lines)
    )
    captions = {key: key.upper() for key in ("carton", "lpn", "sku", "product", "serial")}
    captions |= {"grade": "等级", "reason": "原因", "cost": "Cost"}
    fields = (("供应商 Vendor", "深圳声科电子 (ACME)"), ("Vendor RMA", "VRMA-1"))
    return RTVManifestData("退货清单 Vendor return manifest", "RTV-000123", fields, captions,
                           "Page {number} of {count}", rows)  # fmt: skip


def test_the_manifest_barcode_decodes_and_chinese_prints(rasterise, decode, pdf_text) -> None:
    pdf = render_rtv_manifest_pdf(manifest(5))
    (page,) = rasterise(pdf, 300)
    assert decode(page) == ["RTV-000123"]
    text = pdf_text(pdf)
    assert "深圳声科电子" in text and "LPN0000000004" in text and "Page 1 of 1" in text
    assert "等级" in text and "原因" in text


def test_a_long_manifest_runs_over_pages_each_row_once(rasterise, decode, pdf_text) -> None:
    pdf = render_rtv_manifest_pdf(manifest(120))
    pages = pdf_text(pdf).split("\f")[:-1]
    assert len(pages) >= 3 and f"Page 1 of {len(pages)}" in pages[0]
    for index in range(120):
        assert sum(f"LPN{index:010d}" in page for page in pages) == 1
    assert all("RTV-000123" in page and "SKU" in page for page in pages)
    assert decode(rasterise(pdf, 300)[0]) == ["RTV-000123"]


def test_a_manifest_without_a_column_caption_is_refused() -> None:
    data = manifest(1)
    with pytest.raises(LabelError) as raised:
        render_rtv_manifest_pdf(dataclasses.replace(data, captions={"lpn": "LPN"}))
    assert raised.value.field.startswith("captions")
    with pytest.raises(LabelError):
        render_rtv_manifest_pdf(dataclasses.replace(data, page="Page"))
