"""The A4 inspection report (labels.inspection_report): the LPN scans back, Chinese prints, nothing
is clipped, and long checklists run onto a second page."""

from __future__ import annotations

import dataclasses
import io
import re
import time

import pytest
from PIL import Image, ImageDraw

from labels.errors import LabelError
from labels.fonts import label_fonts
from labels.inspection_report import (
    CAPTION_KEYS,
    InspectionReportData,
    ReportAnswer,
    ReportPhoto,
    render_inspection_report_pdf,
)

LPN = "LPN-2026-000417"

CAPTIONS = {
    "lpn": "LPN",
    "product": "Product",
    "sku": "SKU",
    "serial": "Serial",
    "rma": "RMA",
    "reason": "Return reason",
    "customer_words": "Customer's words",
    "grade": "Grade",
    "overridden": "Overridden from {grade}: {reason}",
    "position": "#",
    "question": "Question",
    "answer": "Answer",
    "severity": "Severity",
    "photos": "Photos",
    "inspector": "Inspector",
    "station": "Station",
    "inspected_at": "Inspected",
    "template": "Checklist",
    "severity_none": "OK",
    "severity_cosmetic": "Cosmetic",
    "severity_minor": "Minor",
    "severity_major": "Major",
    "severity_critical": "Critical",
}

STEPS = [
    ("Outer box intact?", "Yes", "none"),
    ("外观有无划痕？", "轻微划痕（外壳背面）", "cosmetic"),
    ("Screen free of cracks and dead pixels?", "Yes", "none"),
    ("Does it power on?", "Yes", "none"),
    ("电池能否充电？", "能，充电正常", "none"),
    ("All buttons respond?", "Volume-down button sticks sometimes", "minor"),
    ("Ports (USB-C, headphone) work?", "Yes", "none"),
    ("Serial number matches the one sold?", "Yes", "none"),
    ("设备数据是否已清除？", "是", "none"),
    ("Accessories complete (charger, cable, manual)?", "Charger missing", "minor"),
    ("Original packaging and seals present?", "Seal broken, box complete", "none"),
    ("Stains or discolouration?", "No", "none"),
    ("Odour?", "No", "none"),
    ("Water damage indicator untouched?", "Yes", "none"),
    ("Function test: speakers, microphone and camera all work as described in the manual?", "Yes", "none"),
    ("备注", "客户声称的噪音问题未能复现。", "none"),
]  # fmt: skip


def _image(fmt: str, colour: tuple[int, int, int], size: tuple[int, int]) -> bytes:
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4), fill="white")
    draw.line((0, 0, size[0], size[1]), fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


PHOTOS = (
    ReportPhoto("Scratch on the back cover 背面划痕", _image("JPEG", (40, 90, 160), (640, 480))),
    ReportPhoto("Serial label", _image("PNG", (170, 60, 40), (300, 400))),
)


def _answers(count: int) -> tuple[ReportAnswer, ...]:
    return tuple(ReportAnswer(index + 1, *STEPS[index % len(STEPS)]) for index in range(count))


def _data(**changes: object) -> InspectionReportData:
    data = InspectionReportData(
        title="Inspection report 检验报告",
        lpn=LPN,
        product="Aurora X2 wireless noise-cancelling headphones, midnight blue 无线降噪耳机",
        sku="AUR-X2-BLU",
        serial="SN4411-2290-77",
        rma="RMA-2026-004417",
        reason="Defective 有缺陷",
        customer_words="右耳有杂音，降噪打开时更明显。Right ear crackles when ANC is on.",
        template="Electronics v1",
        grade="A",
        computed_grade="B",
        override_reason="Scratch only visible under the dock lamp; sells as new",
        inspector="张伟 (zhang.wei)",
        station="INSPECT-02",
        inspected_at="2026-11-03 14:27",
        answers=_answers(16),
        photos=PHOTOS,
        captions=CAPTIONS,
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def report() -> bytes:
    return render_inspection_report_pdf(_data())


def _pages(text: str) -> list[str]:
    return [page for page in text.split("\f") if page.strip()]


def test_the_lpn_barcode_decodes_from_page_one(report: bytes, rasterise, decode) -> None:
    pages = rasterise(report, 200)
    assert len(pages) == 1
    assert decode(pages[0]) == [LPN]


def test_sixteen_answers_fit_one_page(report: bytes, pdf_text) -> None:
    text = pdf_text(report)
    assert len(_pages(text)) == 1
    assert re.search(r"\b1\s*/\s*1\b", text)
    for question, answer, _ in STEPS:
        assert question[:12] in text
        assert answer[:8] in text


def test_sixty_answers_run_onto_a_second_page(rasterise, decode, pdf_text) -> None:
    pdf = render_inspection_report_pdf(_data(answers=_answers(60)))
    images = rasterise(pdf, 200)
    assert len(images) == 2
    assert decode(images[0]) == [LPN]
    pages = _pages(pdf_text(pdf))
    assert len(pages) == 2
    assert re.search(r"\b1\s*/\s*2\b", pages[0])
    assert re.search(r"\b2\s*/\s*2\b", pages[1])
    # page 2 says whose report it is and repeats the table header
    assert LPN in pages[1]
    assert "Question" in pages[1]
    # every answer is somewhere, none clipped: 60 positions in order
    positions = [int(n) for page in pages for n in re.findall(r"^\s+(\d+) \S", page, re.MULTILINE)]
    assert positions == list(range(1, 61))


def test_twenty_answers_still_fit_one_page(pdf_text) -> None:
    pdf = render_inspection_report_pdf(_data(answers=_answers(20)))
    assert len(_pages(pdf_text(pdf))) == 1


def test_a_longer_checklist_shrinks_a_little_to_stay_on_one_page(pdf_text) -> None:
    # 26 answers and two photos do not fit at 9 pt, but do at a slightly smaller size
    pdf = render_inspection_report_pdf(_data(answers=_answers(26)))
    pages = _pages(pdf_text(pdf))
    assert len(pages) == 1
    assert re.search(r"^\s+26 \S", pages[0], re.MULTILINE)


def test_chinese_prints_with_an_embedded_truetype_font(report: bytes, pdf_text, pdf_fonts) -> None:
    assert label_fonts().cjk_available, "no CJK font: `make test` installs fonts-wqy-microhei"
    assert b"/FontFile2" in report
    cjk_line = next(line for line in pdf_fonts(report).splitlines() if "WenQuanYi" in line)
    assert "TrueType" in cjk_line and " yes " in cjk_line
    text = pdf_text(report)
    assert "外观有无划痕？" in text
    assert "设备数据是否已清除？" in text
    assert "检验报告" in text


def test_grade_and_override_are_printed(report: bytes, pdf_text) -> None:
    text = pdf_text(report)
    assert re.search(r"Grade\s", text)
    assert re.search(r"\s{3}A$", text, re.MULTILINE)  # the grade letter, alone at the right
    assert "Overridden from B: Scratch only visible under the dock lamp" in text


def test_no_override_line_when_the_grade_is_the_computed_one(pdf_text) -> None:
    pdf = render_inspection_report_pdf(_data(grade="B", override_reason=None))
    assert "Overridden" not in pdf_text(pdf)


def test_footer_has_inspector_station_time_and_template(report: bytes, pdf_text) -> None:
    footer = _pages(pdf_text(report))[0].strip().splitlines()[-1]
    for part in ("张伟", "INSPECT-02", "2026-11-03 14:27", "Electronics v1", "1/1"):
        assert part in footer


def test_long_customer_words_wrap_and_print_in_full(pdf_text) -> None:
    words = (
        "I bought these headphones for a long flight and the right ear started crackling after "
        "two days, first only with noise cancelling on, then all the time; I tried resetting "
        "them twice as the manual says and updating the firmware from the app, nothing helped. "
        "耳机右边一直有杂音，重置和升级固件都试过了，还是不行，希望尽快退款。END-OF-WORDS"
    )
    pdf = render_inspection_report_pdf(_data(customer_words=words))
    text = pdf_text(pdf)
    assert "END-OF-WORDS" in text
    assert "重置和升级固件都试过了" in text
    assert len(_pages(text)) == 1


def test_text_stays_inside_the_page(rasterise) -> None:
    long = "Extraordinarily-long-product-name-without-spaces-" * 6
    pdf = render_inspection_report_pdf(_data(product=long, customer_words=long * 3))
    page = rasterise(pdf, 72)[0]
    # the 15 mm margins stay white: nothing runs off the content box
    margin = 15 * 72 // 25 - 2
    width, height = page.size
    strips = [
        page.crop((0, 0, margin, height)),
        page.crop((width - margin, 0, width, height)),
        page.crop((0, height - margin, width, height)),
    ]
    assert all(strip.getextrema()[0] > 240 for strip in strips)


@pytest.mark.parametrize(
    "image",
    [b"", b"not an image at all", PHOTOS[0].image[:400], PHOTOS[1].image[:200], b"GIF89a..."],
    ids=["empty", "garbage", "truncated-jpeg", "truncated-png", "gif"],
)
def test_broken_photo_bytes_raise_label_error(image: bytes) -> None:
    photos = (PHOTOS[0], ReportPhoto("Broken 坏图", image))
    with pytest.raises(LabelError, match=r"photo 2 \('Broken 坏图'\)") as error:
        render_inspection_report_pdf(_data(photos=photos))
    assert error.value.field == "photos"


def test_more_than_six_photos_are_refused() -> None:
    with pytest.raises(LabelError, match="at most 6"):
        render_inspection_report_pdf(_data(photos=PHOTOS * 4))


def test_six_photos_fit_one_page_with_sixteen_answers(rasterise, decode) -> None:
    pdf = render_inspection_report_pdf(_data(photos=PHOTOS * 3))
    pages = rasterise(pdf, 200)
    assert len(pages) == 1
    assert decode(pages[0]) == [LPN]


def test_missing_caption_is_named() -> None:
    captions = {key: value for key, value in CAPTIONS.items() if key != "severity_major"}
    with pytest.raises(LabelError, match="severity_major"):
        render_inspection_report_pdf(_data(captions=captions))
    assert set(CAPTIONS) == set(CAPTION_KEYS)


def test_broken_override_caption_is_refused() -> None:
    captions = {**CAPTIONS, "overridden": "Overridden from {grade: {reason}"}
    with pytest.raises(LabelError, match="overridden"):
        render_inspection_report_pdf(_data(captions=captions))


@pytest.mark.parametrize("lpn", ["", " LPN-1", "LPN-张伟", "LPN\t1", "LPN-" + "ABCDEFGHIJ" * 3])
def test_lpn_that_cannot_be_a_barcode_is_refused(lpn: str) -> None:
    with pytest.raises(LabelError) as error:
        render_inspection_report_pdf(_data(lpn=lpn))
    assert error.value.field == "lpn"


def test_unknown_severity_is_refused() -> None:
    answers = (ReportAnswer(1, "Q", "A", "fatal"),)
    with pytest.raises(LabelError, match="fatal"):
        render_inspection_report_pdf(_data(answers=answers))


def test_a_22_character_lpn_still_scans(rasterise, decode) -> None:
    lpn = "LPN-" + "ABCDEFGHI" * 2
    pdf = render_inspection_report_pdf(_data(lpn=lpn))
    assert decode(rasterise(pdf, 200)[0]) == [lpn]


def test_no_answers_no_photos_no_serial_still_renders(rasterise, decode) -> None:
    pdf = render_inspection_report_pdf(_data(answers=(), photos=(), serial=None))
    assert decode(rasterise(pdf, 200)[0]) == [LPN]


def test_same_data_same_bytes() -> None:
    assert render_inspection_report_pdf(_data()) == render_inspection_report_pdf(_data())


def test_renders_well_under_100_ms_without_photos() -> None:
    data = _data(photos=())
    render_inspection_report_pdf(data)  # the first call loads the CJK font
    start = time.perf_counter()
    for _ in range(5):
        render_inspection_report_pdf(data)
    assert (time.perf_counter() - start) / 5 < 0.1
