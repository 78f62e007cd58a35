"""The labels as ZPL II (labels.zpl), read back field by field as a Zebra printer would."""

from __future__ import annotations

import dataclasses
import math
import re

import pytest

from labels import (
    DEFAULT_CJK_FONT,
    LabelError,
    LabelKind,
    LabelSize,
    LPNLabelData,
    render_label,
)
from labels.barcodes import QUIET_ZONE_MODULES, max_module_dots, min_module_dots
from labels.label_builder import LabelBuilder
from labels.zpl import render_layout_zpl
from tests.labels.label_cases import (
    BARCODE,
    CHINESE,
    DPIS,
    KINDS,
    PRINTED,
    long_sample,
    sample,
)
from tests.labels.zpl_reader import ZplField, ZplLabel, decode_code128_data, read_zpl

SIZES = list(LabelSize)
#: The printable area in dots, from the stock's size in inches, rounded down.
INCHES = {LabelSize.FOUR_BY_SIX: (4, 6), LabelSize.FOUR_BY_TWO: (4, 2),
          LabelSize.MM62x29: (62 / 25.4, 29 / 25.4)}  # fmt: skip


def expected_dots(size: LabelSize, dpi: int) -> tuple[int, int]:
    width, height = INCHES[size]
    return math.floor(width * dpi + 1e-6), math.floor(height * dpi + 1e-6)


def extent(field: ZplField) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of what the field prints, in dots; a barcode's quiet zones
    are included."""
    if field.kind == "text":
        height = field.numbers("A")[1]
        return field.x, field.y, field.x + field.numbers("FB")[0], field.y + height
    if field.kind == "box":
        width, height = field.numbers("GB")[:2]
        return field.x, field.y, field.x + width, field.y + height
    module = field.numbers("BY")[0]
    _, symbols = decode_code128_data(field.data)
    bars = (11 * symbols + 2) * module
    quiet = QUIET_ZONE_MODULES * module
    height = field.numbers("BC")[0]
    return field.x - quiet, field.y, field.x + bars + quiet, field.y + height


def check_inside(label: ZplLabel, width: int, height: int) -> None:
    for field in label.fields:
        left, top, right, bottom = extent(field)
        assert 0 <= left and right <= width, (field, width)
        assert 0 <= top and bottom <= height, (field, height)


def barcodes(label: ZplLabel) -> list[ZplField]:
    return [field for field in label.fields if field.kind == "barcode"]


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_label_is_well_formed_zpl(kind: LabelKind, size: LabelSize, dpi: int) -> None:
    zpl = render_label(kind, sample(kind), size, dpi, "zpl")
    assert zpl.startswith(b"^XA") and zpl.rstrip().endswith(b"^XZ")
    assert zpl.count(b"^XA") == 1 and zpl.count(b"^XZ") == 1
    label = read_zpl(zpl)
    assert "CI28" in label.header  # UTF-8 field data
    width, height = expected_dots(size, dpi)
    assert (label.value("PW"), label.value("LL")) == (str(width), str(height))
    check_inside(label, width, height)
    for field in label.fields:
        if field.kind != "box":  # a field with data: hex escapes on, no raw ^ or ~ in it
            assert field.commands["FH"] == "_" and field.raw_data
            assert "~" not in field.raw_data
    (barcode,) = barcodes(label)
    assert re.fullmatch(r"\d+", barcode.commands["BY"])  # a whole number of dots
    module = int(barcode.commands["BY"])
    assert min_module_dots(dpi) <= module <= max_module_dots(dpi)
    assert barcode.commands["BC"].startswith("N,") and barcode.commands["BC"].endswith(",N,N,N,N")
    assert decode_code128_data(barcode.data)[0] == BARCODE[kind]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_quiet_zones_are_clear(kind: LabelKind, size: LabelSize) -> None:
    label = read_zpl(render_label(kind, sample(kind), size, 203, "zpl"))
    (barcode,) = barcodes(label)
    left, top, right, bottom = extent(barcode)
    for field in label.fields:
        if field is barcode:
            continue
        other_left, other_top, other_right, other_bottom = extent(field)
        overlaps = other_left < right and left < other_right
        assert not (overlaps and other_top < bottom and top < other_bottom), field


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_goes_out_as_utf8_in_the_cjk_font(kind: LabelKind) -> None:
    zpl = render_label(kind, sample(kind), LabelSize.FOUR_BY_SIX, 203, "zpl")
    assert CHINESE[kind].encode("utf-8") in zpl
    label = read_zpl(zpl)
    assert f"CW1,{DEFAULT_CJK_FONT}" in label.header
    chinese = [field for field in label.fields if CHINESE[kind] in field.data]
    assert chinese and all(field.commands["A"].startswith("1N,") for field in chinese)
    latin = [field for field in label.fields if field.data == PRINTED[kind]]
    assert latin and all(field.commands["A"].startswith("0N,") for field in latin)


def test_the_cjk_font_is_a_parameter() -> None:
    data = sample(LabelKind.LPN)
    zpl = render_label(LabelKind.LPN, data, "4x6", 300, "zpl", zpl_cjk_font="E:SIMSUN.TTF")
    assert b"^CW1,E:SIMSUN.TTF" in zpl
    for bad in ("E:ANMDS.TTF^XZ", "ANMDS.TTF", "E:../x.TTF", "E:FONT.PNG", ""):
        with pytest.raises(LabelError) as raised:
            render_label(LabelKind.LPN, data, "4x6", 300, "zpl", zpl_cjk_font=bad)
        assert raised.value.field == "zpl_cjk_font"


def test_latin_only_labels_name_no_cjk_font() -> None:
    data = dataclasses.replace(sample(LabelKind.LPN), product_name="Wireless headphones")
    assert b"^CW" not in render_label(LabelKind.LPN, data, "4x2", 203, "zpl")


def test_field_data_is_escaped() -> None:
    nasty = "A^XZ~JR_B\\C\t^FS"
    data = dataclasses.replace(
        sample(LabelKind.LPN), lpn="LPN^~_>\\1", sku=nasty, product_name="x^y~z_"
    )
    zpl = render_label(LabelKind.LPN, data, LabelSize.FOUR_BY_SIX, 203, "zpl")
    label = read_zpl(zpl)  # a stray ^ or ~ would end the field or start a command
    assert zpl.count(b"^FS") == len(label.fields)
    assert zpl.count(b"^FD") == len([field for field in label.fields if field.kind != "box"])
    for field in label.fields:
        assert not set(field.raw_data) & set("^~\t")
    (barcode,) = barcodes(label)
    assert decode_code128_data(barcode.data)[0] == "LPN^~_>\\1"
    assert "_5E" in barcode.raw_data or "><" in barcode.raw_data
    sku = next(field for field in label.fields if field.data.startswith("A^XZ"))
    # ^FB takes a backslash as an escape: a data backslash is written twice.
    assert sku.raw_data == "A_5EXZ_7EJR_5FB\\\\C _5EFS"
    assert sku.data == "A^XZ~JR_B\\\\C ^FS"  # the tab became a space


@pytest.mark.parametrize(
    "lpn",
    ["LPN0000012345", "0123456789", "LPN-RETURNS-0001", "abc~DEF>ghi^jkl", "A1B2C3D4E5", "7"],
)
def test_barcode_data_round_trips_through_invocation_codes(lpn: str) -> None:
    data = dataclasses.replace(sample(LabelKind.LPN), lpn=lpn)
    (barcode,) = barcodes(read_zpl(render_label(LabelKind.LPN, data, "4x6", 203, "zpl")))
    assert decode_code128_data(barcode.data)[0] == lpn


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", KINDS)
def test_long_text_stays_inside_the_label(kind: LabelKind, size: LabelSize) -> None:
    for dpi in DPIS:
        label = read_zpl(render_label(kind, long_sample(kind), size, dpi, "zpl"))
        check_inside(label, *expected_dots(size, dpi))
        texts = [field.data for field in label.fields if field.kind == "text"]
        assert any(text.endswith(("...", "\u2026")) for text in texts)  # cut, not clipped
        assert decode_code128_data(barcodes(label)[0].data)[0] == BARCODE[kind]


def test_same_data_same_bytes() -> None:
    data = sample(LabelKind.PARCEL)
    first = render_label(LabelKind.PARCEL, data, "62x29mm", 300, "zpl")
    assert first == render_label(LabelKind.PARCEL, data, "62x29mm", 300, "zpl")


def test_an_lpn_too_long_for_the_stock_names_the_field() -> None:
    data = LPNLabelData("LPN-RETURNS-DOCK-0000012345", "S", "P", "R", "T", "D")
    with pytest.raises(LabelError) as raised:
        render_label(LabelKind.LPN, data, LabelSize.MM62x29, 203, "zpl")
    assert raised.value.field == "lpn" and "mm" in raised.value.reason


def test_a_gs1_128_barcode_starts_with_fnc1_and_separates_fields_with_it() -> None:
    builder = LabelBuilder(LabelSize.FOUR_BY_SIX, 203)
    element_string = "00395011015300000019\x1d10LOT-7"  # an SSCC, then a batch after GS
    builder.barcode(element_string, field="sscc", bar_height=60, gs1=True)
    label = read_zpl(render_layout_zpl(builder.build("SSCC")))
    (barcode,) = barcodes(label)
    assert barcode.raw_data.startswith(">;>8")  # start code C, FNC1
    assert decode_code128_data(barcode.data)[0] == element_string
