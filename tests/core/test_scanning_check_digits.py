"""Check-digit algorithms, on published examples."""

import pytest

from receiving_app.scanning.check_digits import (
    CHECKSUMS,
    gs1_check_digit,
    is_valid_gs1_number,
    luhn,
    mod7,
    mod10,
    mod_37_36,
    s10,
    sum_product_with_weightings_and_modulo,
)


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("96385074", True),  # GTIN-8
        ("96385075", False),
        ("036000291452", True),  # UPC-A
        ("036000291453", False),
        ("4006381333931", True),  # EAN-13
        ("4006381333932", False),
        ("10614141000415", True),  # GTIN-14
        ("10614141000416", False),
        ("106141411234567897", True),  # SSCC-18
        ("106141411234567890", False),
        ("", False),
        ("7", False),
        ("12345678A", False),
        ("١٢٣٤٥٦٧٨", False),  # Arabic-Indic digits are not GS1 digits
    ],
)
def test_gs1_numbers(number: str, valid: bool) -> None:
    assert is_valid_gs1_number(number) is valid


def test_gs1_check_digit_ignores_leading_zeros() -> None:
    assert gs1_check_digit("03600029145") == gs1_check_digit("0003600029145") == 2


def test_mod10_ups_letters_and_weights() -> None:
    params = {"evens_multiplier": 1, "odds_multiplier": 2}
    assert mod10("879E93034683444", "0", params)
    assert not mod10("879E93034683444", "1", params)


def test_mod10_reverse_walks_from_the_right() -> None:
    # Reversed with evens x3 is the GS1 rule, so a GTIN validates through it.
    params = {"evens_multiplier": 3, "odds_multiplier": 1, "reverse": True}
    assert mod10("400638133393", "1", params)
    assert not mod10("400638133393", "2", params)


def test_mod7_dhl() -> None:
    assert mod7("848713550", "6", {})
    assert not mod7("848713550", "5", {})
    assert not mod7("", "0", {})


def test_s10_upu_example() -> None:
    # 1x8 + 2x6 + 3x4 + 4x2 + 5x3 + 6x5 + 7x9 + 8x7 = 204; 204 mod 11 = 6; 11 - 6 = 5.
    assert s10("12345678", "5", {"weightings": [8, 6, 4, 2, 3, 5, 9, 7]})
    assert not s10("12345678", "4", {})
    assert not s10("1234567", "5", {})


def test_s10_remainder_edge_cases() -> None:
    # Remainder 0 would give 11 and becomes 5; remainder 1 would give 10 and becomes 0.
    assert s10("00000000", "5", {})
    weights = (8, 6, 4, 2, 3, 5, 9, 7)
    serial_r1 = next(
        f"{n:08d}"
        for n in range(1, 100000)
        if sum(int(d) * w for d, w in zip(f"{n:08d}", weights, strict=True)) % 11 == 1
    )
    assert s10(serial_r1, "0", {})


def test_fedex_sum_product() -> None:
    params = {"weightings": [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1], "modulo1": 11, "modulo2": 10}
    assert sum_product_with_weightings_and_modulo("98657878885", "5", params)
    assert not sum_product_with_weightings_and_modulo("98657878885", "4", params)


def test_luhn() -> None:
    assert luhn("7992739871", "3", {})
    assert not luhn("7992739871", "4", {})
    assert not luhn("79927X9871", "3", {})


def test_mod_37_36_letter_check() -> None:
    assert mod_37_36("008182709980000020045327276", "N", {})
    assert not mod_37_36("008182709980000020045327276", "M", {})
    assert not mod_37_36("0081827*", "N", {})


def test_every_named_algorithm_is_registered() -> None:
    assert set(CHECKSUMS) == {
        "mod10",
        "mod7",
        "s10",
        "sum_product_with_weightings_and_modulo",
        "luhn",
        "mod_37_36",
    }
