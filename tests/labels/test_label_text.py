"""Fitting label text for both outputs (labels.label_text): shrink, cut, wrap, and measure no
narrower than either the PDF's font or the printer's."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from labels.fonts import SANS, SANS_BOLD, label_fonts
from labels.label_model import Face
from labels.label_text import face_for, fit_line, text_em, wrap_lines


@pytest.mark.parametrize("text", ["LPN0000012345", "HP-BT-500-BLK", "a+b=c <x> ~100%", "WIll"])
def test_latin_is_measured_no_narrower_than_helvetica_or_font_0(text: str) -> None:
    em = text_em(text, Face.LATIN)
    assert em >= stringWidth(text, SANS_BOLD, 1) >= stringWidth(text, SANS, 1)
    assert text_em("-", Face.LATIN) >= 0.9  # ZPL font 0 sets the hyphen on 0.9 em


def test_chinese_is_measured_on_full_ems_and_never_narrower_than_the_pdf_font() -> None:
    cjk = label_fonts().cjk
    assert cjk is not None
    text = "无线耳机 Pro-1 黑色"
    assert face_for(text) is Face.CJK and face_for("Café") is Face.LATIN
    assert text_em(text, Face.CJK) >= stringWidth(text, cjk, 1)
    assert text_em("无线耳机", Face.CJK) == pytest.approx(4.0)
    assert text_em("Pro", Face.CJK) >= 3 * 0.6


def test_a_line_shrinks_to_its_minimum_then_ends_in_an_ellipsis() -> None:
    natural = text_em("REFURBISH", Face.LATIN) * 100
    text, size, face = fit_line("REFURBISH", round(natural * 0.8), size=100, min_size=50)
    assert (text, face) == ("REFURBISH", Face.LATIN) and 79 <= size <= 80
    text, size, _ = fit_line("REFURBISH", round(natural * 0.3), size=100, min_size=50)
    assert size == 50 and text.endswith("\u2026") and len(text) < 9
    assert text_em(text, Face.LATIN) * size <= round(natural * 0.3)


def test_wrapping_breaks_latin_at_spaces_and_chinese_anywhere() -> None:
    lines, face = wrap_lines("returned wireless headphones in black", 200, size=20, max_lines=5)
    assert face is Face.LATIN and len(lines) > 1
    assert " ".join(lines) == "returned wireless headphones in black"
    lines, face = wrap_lines("无线蓝牙降噪耳机" * 10, 200, size=20, max_lines=3)
    assert face is Face.CJK and len(lines) == 3 and lines[-1].endswith("\u2026")
    assert all(text_em(line, face) * 20 <= 200 for line in lines)
