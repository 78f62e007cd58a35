"""interpret_scan: kinds, values, validity and hints, table-driven."""

import datetime
import json

import pytest

from receiving_app.scanning import IdPrefixes, Scan, ScanKind, interpret_scan
from receiving_app.scanning import hints as hint_texts
from receiving_app.scanning.interpret import MAX_SCAN_LENGTH

T, G, S, U = ScanKind.TRACKING, ScanKind.GTIN, ScanKind.SSCC, ScanKind.UNKNOWN


@pytest.mark.parametrize(
    ("raw", "kind", "value"),
    [
        ("RMA0001234", ScanKind.RMA, "RMA0001234"),
        ("rma0001234", ScanKind.RMA, "RMA0001234"),
        ("RMA-000123", ScanKind.RMA, "RMA000123"),
        ("ＲＭＡ０００１２３", ScanKind.RMA, "RMA000123"),
        (" SO0004567\r\n", ScanKind.ORDER, "SO0004567"),
        ("LPN0000012345", ScanKind.LPN, "LPN0000012345"),
        ("]C0LPN0000012345", ScanKind.LPN, "LPN0000012345"),
        ("BDG0001", ScanKind.BADGE, "BDG0001"),
    ],
)
def test_app_numbers(raw: str, kind: ScanKind, value: str) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.value, scan.valid) == (kind, value, True)
    assert scan.hint is None


def test_app_numbers_with_site_prefixes() -> None:
    prefixes = IdPrefixes(rma="R", order="ORD", lpn="LP", badge="")
    assert interpret_scan("r000123", prefixes).kind is ScanKind.RMA
    assert interpret_scan("ORD42", prefixes).value == "ORD42"
    assert interpret_scan("LP0000012345", prefixes).kind is ScanKind.LPN
    # The default prefixes no longer apply, and an empty prefix disables its kind.
    assert interpret_scan("RMA000123", prefixes).kind is ScanKind.UNKNOWN
    assert interpret_scan("BDG0001", prefixes).kind is ScanKind.UNKNOWN
    assert interpret_scan("0001", prefixes).kind is ScanKind.UNKNOWN


def test_longest_prefix_wins() -> None:
    prefixes = IdPrefixes(rma="S", order="SO")
    assert interpret_scan("SO0004567", prefixes).kind is ScanKind.ORDER
    assert interpret_scan("S0004567", prefixes).kind is ScanKind.RMA


def test_app_prefix_beats_a_courier_format() -> None:
    # A site that numbers its orders "JT" + digits: its own numbers win over J&T Express.
    scan = interpret_scan("JT5012345678901", IdPrefixes(order="JT"))
    assert (scan.kind, scan.value) == (ScanKind.ORDER, "JT5012345678901")
    assert interpret_scan("JT5012345678901").carrier == "jt_express"


@pytest.mark.parametrize(
    ("raw", "kind", "value", "valid"),
    [
        ("96385074", G, "00000096385074", True),  # GTIN-8
        ("036000291452", G, "00036000291452", True),  # UPC-A
        ("4006381333931", G, "04006381333931", True),  # EAN-13
        ("6901234567892", G, "06901234567892", True),  # EAN-13, China prefix 690
        ("10614141000415", G, "10614141000415", True),  # GTIN-14
        ("106141411234567897", S, "106141411234567897", True),  # SSCC-18
        ("4006381333932", U, "4006381333932", False),  # bad check: maybe a serial
        ("036000291453", U, "036000291453", False),
        ("106141411234567891", U, "106141411234567891", False),
        ("]E04006381333932", G, "04006381333932", False),  # EAN symbol: a misread GTIN
        ("]E4963850 74", G, "00000096385074", True),
        ("]E0042100005264", G, "00042100005264", True),
        ("]E004252614", G, "00042100005264", True),  # UPC-E expanded
        ("]I110614141000415", G, "10614141000415", True),  # ITF-14
        ("]E3400638133393112", G, "04006381333931", True),  # EAN-13 + 2-digit add-on
    ],
)
def test_plain_gtin_and_sscc(raw: str, kind: ScanKind, value: str, valid: bool) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.value, scan.valid) == (kind, value, valid)
    assert scan.gtin == (value if kind is G else None)
    assert (scan.hint is None) is valid


@pytest.mark.parametrize(
    "raw",
    [
        "]C10109501101530003172512001012AB\x1d21xyZ9",
        "]d20109501101530003172512001012AB<GS>21xyZ9",
        "]Q30109501101530003172512001012AB{GS}21xyZ9",
        "]e00109501101530003172512001012AB[GS]21xyZ9",
        "0109501101530003172512001012AB^]21xyZ9",
        "0109501101530003172512001012AB\u241d21xyZ9",
        "\x1d0109501101530003172512001012AB\x1d21xyZ9",
        "(01)09501101530003(17)251200(10)12AB(21)xyZ9",
        "(01) 09501101530003 (17) 251200 (10) 12AB (21) xyZ9",
        "０１０９５０１１０１５３０００３１７２５１２００１０１２ＡＢ<GS>２１ｘｙＺ９",
    ],
)
def test_gs1_element_strings(raw: str) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.value, scan.valid) == (G, "09501101530003", True)
    assert scan.gtin == "09501101530003"
    assert scan.serial == "xyZ9"  # GS1 serials keep their case
    assert scan.batch == "12AB"
    assert scan.expiry == datetime.date(2025, 12, 31)  # day 00: end of month


@pytest.mark.parametrize(
    ("raw", "kind", "value", "valid", "hint"),
    [
        ("]C10109501101530004", G, "09501101530004", False, hint_texts.GTIN_BAD_CHECK),
        ("(00)106141411234567897", S, "106141411234567897", True, None),
        ("]C100106141411234567897", S, "106141411234567897", True, None),
        ("]C100106141411234567890", S, "106141411234567890", False, hint_texts.SSCC_BAD_CHECK),
        ("]C1(00)106141411234567897(02)10614141000415(37)12", S, "106141411234567897", True, None),
        ("]C1" + "2112345", U, "2112345", False, hint_texts.GS1_WITHOUT_KEY),
        ("]C1ABCDEF", U, "ABCDEF", False, hint_texts.GS1_UNREADABLE),
    ],
)
def test_gs1_keys_and_failures(
    raw: str, kind: ScanKind, value: str, valid: bool, hint: str | None
) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.value, scan.valid, scan.hint) == (kind, value, valid, hint)


def test_gs1_without_key_keeps_the_serial() -> None:
    assert interpret_scan("]C12112345").serial == "12345"


def test_unmarked_gs1_is_read_from_its_opening() -> None:
    scan = interpret_scan("010950110153000321SN-77")
    assert (scan.kind, scan.gtin, scan.serial) == (G, "09501101530003", "SN-77")
    sscc = interpret_scan("00106141411234567897")
    assert (sscc.kind, sscc.value, sscc.valid) == (S, "106141411234567897", True)
    assert "usps" in sscc.candidates  # the 20 digits also pass the USPS 20 check


def test_fedex_ground_sscc_label_names_fedex() -> None:
    scan = interpret_scan("]C100000123450000000027")
    assert (scan.kind, scan.value, scan.carrier) == (S, "000123450000000027", None)
    assert scan.candidates == ("fedex",)


@pytest.mark.parametrize(
    "raw",
    [
        "]C1420123454567\x1d9261290113185417468510",
        "420 12345<GS>9261290113185417468510",
        "42012345\u241d9261290113185417468510",
        "4201234592612901131854174685 10",  # no GS: USPS pattern takes the routing inline
        "]C14211561234\x1d9261290113185417468510",  # AI 421: country 156 + postal code
    ],
)
def test_postal_routing_is_stripped_before_tracking(raw: str) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.carrier, scan.valid) == (T, "usps", True)
    assert scan.value == "9261290113185417468510"


@pytest.mark.parametrize(
    ("raw", "carrier", "value"),
    [
        ("1Z879E930346834440", "ups", "1Z879E930346834440"),
        ("1z879e930346834440", "ups", "1Z879E930346834440"),
        ("1Z 879E 9303 4683 4440", "ups", "1Z879E930346834440"),
        ("１Ｚ８７９Ｅ９３０３４６８３４４４０", "ups", "1Z879E930346834440"),
        ("]C01Z879E930346834440\r", "ups", "1Z879E930346834440"),
        ("986578788855", "fedex", "986578788855"),
        ("9405803699300124287899", "usps", "9405803699300124287899"),
        ("8487135506", "dhl", "8487135506"),
        ("RB123456785CN", "s10", "RB123456785CN"),
        ("EA123456785CN", "s10", "EA123456785CN"),
        ("SF1234567890123", "sf_express", "SF1234567890123"),
        ("sf 1234 5678 9012 3", "sf_express", "SF1234567890123"),
        ("JDVA00123456789", "jd_logistics", "JDVA00123456789"),
        ("YT1234567890123", "yto", "YT1234567890123"),
        ("JT5012345678901", "jt_express", "JT5012345678901"),
        ("731234567890", "zto", "731234567890"),
        ("1012345678900", "ems_china", "1012345678900"),
        ("9812345678900", "china_post", "9812345678900"),
        ("5512345678901", "sto", "5512345678901"),
        ("4312345678901", "yunda", "4312345678901"),
    ],
)
def test_tracking_numbers(raw: str, carrier: str, value: str) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.carrier, scan.value, scan.valid) == (T, carrier, value, True)
    assert scan.candidates == (carrier,)
    assert scan.hint is None


def test_chinese_number_that_is_also_a_gtin_reads_as_gtin_with_courier_candidate() -> None:
    # 13 digits from 77 with a valid EAN-13 check digit: the documented overlap rule.
    scan = interpret_scan("7731234567894")
    assert (scan.kind, scan.valid) == (G, True)
    assert scan.candidates == ("sto", "yunda")
    assert scan.carrier is None


def test_code128_symbology_prefers_the_tracking_reading() -> None:
    assert interpret_scan("7731234567894").kind is G
    scan = interpret_scan("]C07731234567894")
    assert (scan.kind, scan.candidates) == (T, ("sto", "yunda"))


@pytest.mark.parametrize(
    ("raw", "candidates"),
    [
        ("1Z879E930346834441", ("ups",)),  # wrong check digit
        ("RB123456785XX", ("s10",)),  # unknown country code
    ],
)
def test_misread_tracking_number_is_unknown_with_courier_hint(
    raw: str, candidates: tuple[str, ...]
) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.valid, scan.carrier) == (U, False, None)
    assert scan.candidates == candidates
    assert scan.hint == hint_texts.TRACKING_BAD_CHECK
    assert raw in (scan.hint_text() or "")


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("", hint_texts.EMPTY),
        ("  \r\n", hint_texts.EMPTY),
        ("]C1", hint_texts.EMPTY),
        ("\x1d\x1d", hint_texts.EMPTY),
        ("hello world", hint_texts.UNKNOWN),
        ("X" * (MAX_SCAN_LENGTH + 1), hint_texts.TOO_LONG),
        ("🙂📦", hint_texts.UNKNOWN),
        ("1234567", hint_texts.UNKNOWN),
    ],
)
def test_unknown_scans_carry_a_hint(raw: str, hint: str) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.valid, scan.carrier, scan.hint) == (U, False, None, hint)
    text = scan.hint_text()
    assert text and "{" not in text


def test_unknown_keeps_cleaned_text_for_sku_and_serial_lookups() -> None:
    scan = interpret_scan("  ]C0ab-123/x \n")
    assert (scan.kind, scan.text, scan.value, scan.symbology) == (U, "AB-123/X", "AB-123/X", "]C0")


def test_too_long_hint_names_the_length() -> None:
    scan = interpret_scan("9" * 5000)
    assert scan.hint_params == {"length": "5000"}
    assert "5000" in (scan.hint_text() or "")


def test_long_text_is_shortened_in_the_hint() -> None:
    scan = interpret_scan("Q" * 300)
    assert len(scan.hint_params["text"]) == hint_texts.MAX_TEXT_PARAM


def test_hint_text_translates_then_formats_and_survives_a_bad_translation() -> None:
    scan = interpret_scan("hello")

    def to_upper(context: str, text: str) -> str:
        assert context == "Scan"
        return text.upper().replace("{TEXT}", "{text}")

    assert (scan.hint_text(to_upper) or "").startswith('"HELLO" IS NOT')
    assert scan.hint_text(lambda context, text: "{missing}") == scan.hint_text()


def test_to_json_is_json_ready() -> None:
    scan = interpret_scan("]C10109501101530003172512001012AB\x1d21xyZ9")
    data = scan.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["kind"] == "gtin"
    assert data["expiry"] == "2025-12-31"
    assert data["candidates"] == []
    assert data["symbology"] == "]C1"
    assert data["hint"] is None
    unknown = interpret_scan("hello").to_json()
    assert unknown["hint"] == scan_hint_english("hello")


def scan_hint_english(raw: str) -> str:
    return hint_texts.UNKNOWN.format(text=raw.upper())


def test_scans_are_values() -> None:
    first, second = interpret_scan("SF1234567890123"), interpret_scan("sf1234567890123")
    assert first.value == second.value
    assert interpret_scan("SF1234567890123") == first
    assert hash(interpret_scan("SF1234567890123")) == hash(first)
    params = {"text": "A"}
    scan = Scan(raw="a", kind=U, value="A", text="A", hint=hint_texts.UNKNOWN, hint_params=params)
    params["text"] = "B"
    assert scan.hint_params["text"] == "A"
    with pytest.raises(TypeError):
        scan.hint_params["text"] = "C"  # type: ignore[index]


def test_every_hint_is_marked_in_the_scan_context() -> None:
    marked = [
        value
        for name, value in vars(hint_texts).items()
        if name.isupper() and isinstance(value, str) and name != "CONTEXT"
    ]
    assert len(marked) >= 9
    assert hint_texts.CONTEXT == "Scan"


@pytest.mark.parametrize(
    ("raw", "kind", "value", "serial"),
    [
        (
            "https://id.gs1.org/01/09501101530003/10/AB-123/21/xYz?17=251231",
            G,
            "09501101530003",
            "xYz",
        ),
        ("]Q1HTTPS://example.com/shop/01/09501101530003", G, "09501101530003", None),
        ("https://id.gs1.org/00/106141411234567897", S, "106141411234567897", None),
    ],
)
def test_gs1_digital_link_addresses(
    raw: str, kind: ScanKind, value: str, serial: str | None
) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.value, scan.valid, scan.serial) == (kind, value, True, serial)


def test_other_web_address_is_unknown_with_the_plain_hint() -> None:
    scan = interpret_scan("https://example.com/01/x")
    assert (scan.kind, scan.hint) == (U, hint_texts.UNKNOWN)


@pytest.mark.parametrize(
    "raw",
    [
        "[)>\x1e01\x1d96841706672\x1d840\x1d001\x1d1Z12345675\x1dUPSN\x1e\x04",
        "[)>\x1e06\x1e\x04",
    ],
)
def test_carrier_2d_codes_ask_for_the_1d_barcode(raw: str) -> None:
    scan = interpret_scan(raw)
    assert (scan.kind, scan.hint) == (U, hint_texts.CARRIER_2D_CODE)
