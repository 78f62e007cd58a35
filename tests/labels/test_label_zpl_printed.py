"""The ZPL as a Zebra prints it: rendered offline by zplkit (STACK.md) and decoded with zbar.

zplkit draws font 0 from glyphs captured on a Zebra printer, so it also shows whether a line
the layout fitted would run past its field on paper. It has no Chinese printer font and only
some Latin-1 glyphs, so these labels carry ASCII text; the Chinese fields are checked in
test_label_zpl.py.
"""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
import zplkit
from PIL import Image

from labels import LabelData, LabelKind, LabelSize, render_label
from tests.labels.label_cases import BARCODE, DPIS, KINDS, long_sample, sample
from tests.labels.zpl_reader import read_zpl

ASCII = {"product_name": "Wireless headphones Pro, black", "inspector": "wang.fang",
         "carrier": "SF Express"}  # fmt: skip


def ascii_only(data: LabelData) -> LabelData:
    """``data`` with its Chinese texts replaced and long texts stripped of Chinese."""
    changes: dict[str, object] = {}
    for field in dataclasses.fields(data):
        value = getattr(data, field.name)
        if field.name in ASCII and isinstance(value, str) and not value.isascii():
            changes[field.name] = ASCII[field.name]
        if isinstance(value, str) and not value.isascii():
            changes.setdefault(field.name, re.sub(r"[^\x20-\x7e]", "X", value))
    return dataclasses.replace(data, **changes)


def printed(zpl: bytes, size: LabelSize, dpi: int) -> Image.Image:
    width, height = size.dots(dpi)
    document = zplkit.render(zpl, zplkit.Options(width=width, height=height, dpi=dpi))
    return Image.open(io.BytesIO(document.labels[0].png())).convert("L")


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("kind", KINDS)
def test_the_printed_barcode_scans(decode, kind: LabelKind, size: LabelSize, dpi: int) -> None:
    zpl = render_label(kind, ascii_only(sample(kind)), size, dpi, "zpl")
    assert decode(printed(zpl, size, dpi)) == [BARCODE[kind]]


@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("kind", KINDS)
def test_no_printed_line_runs_past_its_field(kind: LabelKind, size: LabelSize) -> None:
    """Each text field printed alone without its ``^FB`` (which would wrap or overprint an
    over-long line): its ink must end inside the width the layout gave it."""
    for data in (sample(kind), long_sample(kind)):
        zpl = render_label(kind, ascii_only(data), size, 203, "zpl")
        header = zpl.split(b"^FO", 1)[0].decode()
        for field in read_zpl(zpl).fields:
            if field.kind != "text":
                continue
            alone = (
                f"{header}^FO{field.x},{field.y}^A{field.commands['A']}"
                f"^FH_^FD{field.raw_data.replace(chr(92) * 2, chr(92))}^FS^XZ"
            )
            ink = Image.eval(printed(alone.encode(), size, 203), lambda p: 255 - p).getbbox()
            assert ink is not None, field
            assert ink[2] <= field.x + field.numbers("FB")[0], (field.data, ink)
