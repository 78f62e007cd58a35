"""Finding and using an embeddable CJK font (labels.fonts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from labels import fonts
from labels.fonts import (
    CJK_FONT_NAME,
    FontCandidate,
    LabelFonts,
    default_cjk_candidates,
    find_cjk_font,
    font_for,
    label_fonts,
    needs_cjk_font,
)

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CFF_FONT = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf")


def _require(path: Path) -> None:
    """The set-up (`make test`) installs the fonts these tests use: missing is a failure."""
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `make test`, which installs the test fonts")


def test_a_cjk_font_is_found_on_this_station() -> None:
    _require(WQY)
    found = label_fonts()
    assert found.cjk_available
    assert found.cjk == CJK_FONT_NAME
    assert found.cjk_source is not None and found.cjk_source.path.is_file()


def test_registration_happens_once() -> None:
    assert label_fonts() is label_fonts()


def test_unusable_files_are_skipped(tmp_path: Path) -> None:
    _require(WQY)
    garbage = tmp_path / "broken.ttf"
    garbage.write_bytes(b"not a font at all" * 100)
    _require(CFF_FONT)  # PostScript outlines: reportlab refuses them (STACK.md)
    candidates = [
        FontCandidate(tmp_path / "missing.ttc"),
        FontCandidate(garbage),
        FontCandidate(CFF_FONT),
        FontCandidate(WQY),
    ]
    found = find_cjk_font(tuple(candidates))
    assert found is not None
    font, source = found
    assert source.path == WQY
    assert font.face.name == b"WenQuanYiMicroHei"


def test_nothing_usable_gives_none(tmp_path: Path) -> None:
    assert find_cjk_font((FontCandidate(tmp_path / "missing.ttf"),)) is None


def test_windows_paths_follow_windir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", "D:\\Win")
    names = {candidate.path.name for candidate in default_cjk_candidates()}
    assert {"msyh.ttc", "simhei.ttf"} <= names
    assert any(str(candidate.path).startswith("D:\\Win") for candidate in default_cjk_candidates())


@pytest.mark.parametrize(
    ("text", "cjk"),
    [("LPN0000012345", False), ("Café déjà vu", False), ("无线耳机", True), ("SKU 黑色", True)],
)
def test_needs_cjk_font(text: str, cjk: bool) -> None:
    assert needs_cjk_font(text) is cjk


def test_font_for_latin_and_chinese() -> None:
    assert font_for("HP-BT-500", bold=True) == ("Helvetica-Bold", "HP-BT-500")
    assert font_for("HP-BT-500") == ("Helvetica", "HP-BT-500")
    if label_fonts().cjk_available:
        assert font_for("无线耳机", bold=True) == (CJK_FONT_NAME, "无线耳机")


def test_without_cjk_font_chinese_becomes_question_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "label_fonts", lambda: LabelFonts(cjk=None, cjk_source=None))
    assert font_for("耳机 Pro") == ("Helvetica", "?? Pro")
