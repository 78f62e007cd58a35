"""Scan hygiene, property-tested: whatever is typed, interpret_scan answers and never raises."""

import json
import logging
from string import Formatter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_app.scanning import CourierTable, IdPrefixes, ScanKind, interpret_scan
from receiving_app.scanning import hints as hint_texts
from receiving_app.scanning.check_digits import gs1_check_digit
from receiving_app.scanning.normalize import GS_SUBSTITUTES

# Every code point, surrogates and controls included.
any_text = st.text(st.characters(exclude_categories=()), max_size=200)

# Text shaped like scanner output, to reach the GS1, courier and app-number paths.
scanner_pieces = st.sampled_from(
    [
        *"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz ()-/",
        *GS_SUBSTITUTES,
        "\x1d",
        "\x1e",
        "\x04",
        "]C1",
        "]d2",
        "]E0",
        "01",
        "00",
        "10",
        "17",
        "21",
        "420",
        "421",
        "92",
        "96",
        "1Z",
        "SF",
        "JD",
        "RMA",
        "LPN",
        "[)>",
        "１",
        "Ｚ",
        "\u3000",
    ]
)
scanner_text = st.lists(scanner_pieces, max_size=40).map("".join)


def _assert_well_formed(raw: str) -> None:
    scan = interpret_scan(raw)
    assert scan.raw == raw
    assert scan.hint != hint_texts.INTERNAL_ERROR
    assert isinstance(scan.kind, ScanKind)
    data = scan.to_json()
    assert json.loads(json.dumps(data))["kind"] == scan.kind.value
    if scan.kind is ScanKind.UNKNOWN:
        assert not scan.valid
        assert scan.hint is not None
    if scan.hint is not None:
        placeholders = {name for _, name, _, _ in Formatter().parse(scan.hint) if name}
        assert placeholders == set(scan.hint_params)
        assert scan.hint_text() == scan.hint.format_map(scan.hint_params)
    if scan.carrier is not None:
        assert scan.candidates == (scan.carrier,)
    assert list(scan.candidates) == sorted(set(scan.candidates))


@settings(max_examples=500)
@given(any_text)
def test_any_text_gives_a_well_formed_scan(raw: str) -> None:
    _assert_well_formed(raw)


@settings(max_examples=500)
@given(scanner_text)
def test_scanner_like_text_gives_a_well_formed_scan(raw: str) -> None:
    _assert_well_formed(raw)


@settings(max_examples=25)
@given(st.sampled_from(["9", "A", "\x1d", "🙂", " ", "１"]), st.integers(1000, 200_000))
def test_huge_input_is_refused_quickly(char: str, count: int) -> None:
    scan = interpret_scan(char * count)
    if count > 1024:
        assert scan.hint == hint_texts.TOO_LONG
    assert scan.kind is ScanKind.UNKNOWN


@given(st.text("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=40))
def test_case_and_surrounding_whitespace_do_not_change_the_reading(text: str) -> None:
    plain, noisy = interpret_scan(text), interpret_scan(f" \t{text.lower()}\r\n")
    assert (noisy.kind, noisy.value, noisy.candidates) == (
        plain.kind,
        plain.value,
        plain.candidates,
    )


@given(st.text("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=40))
def test_full_width_input_reads_like_ascii(text: str) -> None:
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in text)
    plain, wide = interpret_scan(text), interpret_scan(full_width)
    assert (wide.kind, wide.value, wide.candidates) == (plain.kind, plain.value, plain.candidates)


@given(st.text("0123456789", min_size=7, max_size=13).filter(lambda p: len(p) in (7, 11, 12, 13)))
def test_every_gtin_with_a_good_check_digit_is_a_gtin(payload: str) -> None:
    number = payload + str(gs1_check_digit(payload))
    scan = interpret_scan(number)
    assert (scan.kind, scan.valid, scan.value) == (ScanKind.GTIN, True, number.zfill(14))
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    symbology = "]E4" if len(number) == 8 else "]E0"  # under ]E0, 8 digits are a UPC-E
    assert interpret_scan(f"{symbology}{wrong}").valid is False


@given(
    st.text("0123456789", min_size=13, max_size=13),
    st.text(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20
    ),
    st.sampled_from(["]C1", "]d2", "]Q3", ""]),
    st.sampled_from([*GS_SUBSTITUTES, "\x1d"]),
)
def test_gs1_gtin_and_serial_round_trip(payload: str, serial: str, aim: str, gs: str) -> None:
    gtin = payload + str(gs1_check_digit(payload))
    scan = interpret_scan(f"{aim}01{gtin}21{serial}{gs}10LOT1")
    assert (scan.kind, scan.value, scan.serial, scan.batch) == (ScanKind.GTIN, gtin, serial, "LOT1")


@given(
    st.sampled_from(["rma", "order", "lpn", "badge"]),
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=4),
    st.text("0123456789", min_size=1, max_size=20),
)
def test_app_numbers_with_any_prefix(kind: str, prefix: str, digits: str) -> None:
    others = {name: "" for name in ("rma", "order", "lpn", "badge") if name != kind}
    prefixes = IdPrefixes(**others, **{kind: prefix})
    scan = interpret_scan(f"{prefix.lower()}{digits}", prefixes)
    assert (scan.kind.value, scan.value, scan.valid) == (kind, prefix + digits, True)


class _BrokenTable(CourierTable):
    def match(self, number: str) -> tuple:  # type: ignore[override]
        raise RuntimeError("simulated bug")


@pytest.mark.allow_log_warnings
def test_a_bug_gives_an_unknown_scan_and_a_log_record(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="receiving_app.scanning.interpret"):
        scan = interpret_scan("1Z879E930346834440", couriers=_BrokenTable(()))
    assert (scan.kind, scan.hint) == (ScanKind.UNKNOWN, hint_texts.INTERNAL_ERROR)
    assert [record.levelno for record in caplog.records] == [logging.ERROR]
