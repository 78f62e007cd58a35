"""Cleaning raw scanner input: NFKC, AIM identifiers, GS and its stand-ins, whitespace."""

import pytest

from receiving_app.scanning.normalize import GS, GS_SUBSTITUTES, normalize_scan


@pytest.mark.parametrize(
    ("raw", "text", "symbology"),
    [
        ("1Z999AA10123456784", "1Z999AA10123456784", None),
        ("１Ｚ９９９ＡＡ１０１２３４５６７８４", "1Z999AA10123456784", None),  # Chinese IME
        ("ＲＭＡ\u3000０００１２３", "RMA 000123", None),  # ideographic space
        ("  rma000123\r\n", "RMA000123", None),
        ("\tLPN0000012345\n", "LPN0000012345", None),
        ("]C10109501101530003", "0109501101530003", "]C1"),
        ("]E04006381333931", "4006381333931", "]E0"),
        ("]d2010950110153000321abc", "010950110153000321ABC", "]d2"),
        ("]Q3(01)09501101530003", "(01)09501101530003", "]Q3"),
        ("]Q1https://example.com", "HTTPS://EXAMPLE.COM", "]Q1"),
        ("]e00109501101530003", "0109501101530003", "]e0"),
        ("］Ｃ１０１０９５０１１０１５３０００３", "0109501101530003", "]C1"),  # full-width AIM
        ("\u200b1Z999AA10123456784\ufeff", "1Z999AA10123456784", None),  # zero-width, BOM
        ("1Z999AA1\x000123456784", "1Z999AA10123456784", None),  # NUL dropped
        ("", "", None),
        ("   \r\n", "", None),
        ("]C1", "", "]C1"),
    ],
)
def test_normalize_cleans_text_and_records_symbology(
    raw: str, text: str, symbology: str | None
) -> None:
    norm = normalize_scan(raw)
    assert norm.text == text
    assert norm.symbology == symbology


@pytest.mark.parametrize("substitute", [*GS_SUBSTITUTES, "<gs>", "{gs}", GS])
def test_every_gs_stand_in_becomes_ascii_29(substitute: str) -> None:
    norm = normalize_scan(f"]C10109501101530003{substitute}21ABC")
    assert norm.cased == f"0109501101530003{GS}21ABC"
    assert norm.gs1_marked


def test_full_width_stand_in_is_recognised_after_nfkc() -> None:
    assert normalize_scan("10ABC＜ＧＳ＞21X").cased == f"10ABC{GS}21X"


def test_leading_gs_is_read_as_fnc1_and_removed() -> None:
    norm = normalize_scan(f"{GS}0109501101530003{GS}")
    assert norm.leading_fnc1
    assert norm.gs1_marked
    assert norm.cased == "0109501101530003"


def test_case_is_kept_for_gs1_serials_but_text_is_upper() -> None:
    norm = normalize_scan("]C10109501101530003\x1d21aBc")
    assert norm.cased.endswith("21aBc")
    assert norm.text.endswith("21ABC")


def test_compact_drops_inner_whitespace_and_separators() -> None:
    norm = normalize_scan(" 1 Z 8 V 9 2 A 7 0 3 6 7 2 0 3 0 2 4 ")
    assert norm.text == "1 Z 8 V 9 2 A 7 0 3 6 7 2 0 3 0 2 4"
    assert norm.compact == "1Z8V92A70367203024"
    assert normalize_scan(f"420123{GS}92").compact == "42012392"


def test_plain_text_is_not_gs1_marked() -> None:
    assert not normalize_scan("1Z999AA10123456784").gs1_marked
    assert not normalize_scan("]C01Z999AA10123456784").gs1_marked


def test_lone_surrogates_and_controls_are_dropped() -> None:
    norm = normalize_scan("\ud800SF\x071234567890123\udfff")
    assert norm.text == "SF1234567890123"
