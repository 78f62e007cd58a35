"""The A4 training sheet of barcodes (labels.scan_sheet): every code must scan back."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pyzbar import pyzbar

from labels.barcodes import GS
from labels.errors import LabelError
from labels.fonts import label_fonts
from labels.scan_sheet import SheetEntry, render_scan_sheet_pdf

TITLES = {
    "badges": "Badges 工牌",
    "parcels": "Parcels (tracking numbers)",
    "rmas": "RMAs 退货授权",
    "orders": "Orders 订单",
    "units": "Units 商品",
    "wrong_items": "Wrong items 错误商品",
}


def _entries() -> list[SheetEntry]:
    entries = [SheetEntry("B00017", "工牌：张伟（收货员）", "badges")]
    entries += [
        SheetEntry(f"B{18 + i:05d}", f"Badge: dock operator {i}", "badges") for i in range(7)
    ]
    tracking = [
        "1Z999AA10123456784",
        "SF1234567890123",
        "JDVA00123456789",
        "773012345678901",
        "YT2212345678901234",
        "9400111899223197428490",
        "ZT75012345678",
        "4PX3001234567890CN",
    ]
    entries += [SheetEntry(code, f"Tracking {code[:3]}", "parcels") for code in tracking]
    entries += [SheetEntry(f"RMA-2026-{i:06d}", f"退货授权 RMA {i}", "rmas") for i in range(6)]
    entries += [SheetEntry(f"SO{20261103000 + i}", f"Order 订单 {i}", "orders") for i in range(6)]
    entries += [
        SheetEntry(f"010400638133393{i}21SN{i:08d}{GS}10LOT{i:04d}", f"Unit {i} 带序列号", "units")
        for i in range(6)
    ]
    entries.append(SheetEntry("0104006381333931", "GTIN only", "units", gs1=True))
    entries += [
        SheetEntry(f"0{i}123456789012", "Wrong item 错误商品", "wrong_items") for i in range(4)
    ]
    # a plain 40-character code: too long for a column, so it spans the page
    entries.append(
        SheetEntry("WRONG-ITEM-" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ012", "Long code", "wrong_items")
    )
    return entries


ENTRIES = _entries()
TITLE = "Receiving training sheet 收货培训扫描表"


@pytest.fixture(scope="module")
def sheet() -> bytes:
    return render_scan_sheet_pdf(TITLE, ENTRIES, TITLES)


def test_about_forty_entries() -> None:
    assert 38 <= len(ENTRIES) <= 45
    assert any(len(entry.code) >= 40 for entry in ENTRIES)


@pytest.mark.parametrize("dpi", [150, 200])
def test_every_code_decodes_from_the_pages(sheet: bytes, rasterise, decode, dpi: int) -> None:
    pages = rasterise(sheet, dpi)
    assert len(pages) >= 2
    found = Counter(code for page in pages for code in decode(page))
    assert found == Counter(entry.code for entry in ENTRIES)


def test_gs1_entries_are_gs1_128(sheet: bytes) -> None:
    unit = next(entry for entry in ENTRIES if GS in entry.code)
    assert unit.is_gs1
    assert SheetEntry("0104006381333931", "x", "units", gs1=True).is_gs1
    assert not SheetEntry("RMA-1", "x", "rmas").is_gs1
    assert not SheetEntry("01" + GS + "10", "x", "units", gs1=False).is_gs1


def test_long_code_spans_both_columns(sheet: bytes, rasterise) -> None:
    pages = rasterise(sheet, 150)
    page_width = pages[0].size[0]
    widths = {}
    for page in pages:
        for symbol in pyzbar.decode(page, symbols=[pyzbar.ZBarSymbol.CODE128]):
            widths[symbol.data.decode("latin-1")] = symbol.rect.width
    long_code = ENTRIES[-1].code
    assert widths[long_code] > page_width / 2
    assert widths["B00017"] < page_width / 2 - 20


def test_text_sections_and_page_numbers(sheet: bytes, pdf_text) -> None:
    text = pdf_text(sheet)
    pages = text.split("\f")
    pages = [page for page in pages if page.strip()]
    count = len(pages)
    for number, page in enumerate(pages, start=1):
        assert TITLE.split()[0] in page
        assert re.search(rf"\b{number}\s*/\s*{count}\b", page)
    # sections in order of first appearance, each title printed
    positions = [text.index(title.split()[0]) for title in TITLES.values()]
    assert positions == sorted(positions)
    assert "<GS>" in text  # GS shown, not invisible


def test_chinese_prints_with_an_embedded_truetype_font(sheet: bytes, pdf_text, pdf_fonts) -> None:
    assert label_fonts().cjk_available, "no CJK font: `make test` installs fonts-wqy-microhei"
    assert b"/FontFile2" in sheet
    fonts = pdf_fonts(sheet)
    cjk_line = next(line for line in fonts.splitlines() if "WenQuanYiMicroHei" in line)
    assert "TrueType" in cjk_line and " yes " in cjk_line
    text = pdf_text(sheet)
    assert "工牌：张伟（收货员）" in text
    assert "收货培训扫描表" in text


def test_section_continued_on_next_page_repeats_its_title(pdf_text) -> None:
    entries = [SheetEntry(f"RMA-2026-{i:06d}", f"RMA {i}", "rmas") for i in range(30)]
    pdf = render_scan_sheet_pdf("Only RMAs", entries, {"rmas": "RMAs"})
    pages = [page for page in pdf_text(pdf).split("\f") if page.strip()]
    assert len(pages) >= 2
    assert all("RMAs" in page for page in pages)


def test_section_without_title_uses_its_key(pdf_text) -> None:
    pdf = render_scan_sheet_pdf("Sheet", [SheetEntry("X1", "one", "misc")])
    assert "misc" in pdf_text(pdf)


@pytest.mark.parametrize(
    "code", ["", "张伟", "LONG-" + "ABCDEFGHIJ" * 6]
)  # too long for the page width at 0.34 mm modules
def test_codes_that_cannot_print_are_refused(code: str) -> None:
    with pytest.raises(LabelError):
        render_scan_sheet_pdf("Sheet", [SheetEntry(code, "bad", "misc")])
