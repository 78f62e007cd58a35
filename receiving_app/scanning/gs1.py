"""Reading GS1 element strings, Digital Link URIs and plain GTIN/SSCC numbers (pure, no Qt).

GS1 parsing is delegated to ``biip`` (AI table, fixed and variable lengths, dates);
this module only picks out what the dock needs: the GTIN (AI 01), the SSCC (AI 00),
serial (21), batch (10) and expiry (17), and whether the message starts with postal
routing (AI 420/421, as on USPS and FedEx GS1-128 labels) in front of a tracking number.
"""

import datetime
from dataclasses import dataclass

from biip import BiipException, ParseConfig
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementString, GS1ElementStrings
from biip.gs1_messages import GS1Message
from biip.upc import Upc

from receiving_app.scanning.check_digits import is_valid_gs1_number
from receiving_app.scanning.normalize import GS

GTIN_LENGTHS = frozenset({8, 12, 13, 14})
SSCC_LENGTH = 18
POSTAL_ROUTING_AIS = frozenset({"420", "421"})

_STRICT = ParseConfig(separator_chars=(GS,))
# GS1 requires a real year and month in dates, but some labels print 000000; a second
# pass without the date check still gets the GTIN and serial off such a label.
_LENIENT = ParseConfig(separator_chars=(GS,), gs1_element_strings_verify_date=False)


@dataclass(frozen=True)
class GS1Reading:
    """What a GS1 message holds that receiving uses.

    Attributes:
        gtin: the GTIN-14 of AI 01 as scanned, even when its check digit is wrong.
        gtin_valid: the GTIN's check digit holds.
        sscc: the 18 digits of AI 00 as scanned.
        sscc_valid: the SSCC's check digit holds.
        serial: AI 21, case kept (GS1 serials are case-sensitive).
        batch: AI 10, case kept.
        expiry: AI 17; day "00" means the month's last day.
        postal_routing: the first element string is AI 420 or 421 (ship-to postal code).
    """

    gtin: str | None = None
    gtin_valid: bool = False
    sscc: str | None = None
    sscc_valid: bool = False
    serial: str | None = None
    batch: str | None = None
    expiry: datetime.date | None = None
    postal_routing: bool = False


def read_gs1_message(cased: str) -> GS1Reading | None:
    """Parse GS1 data: raw (GS-separated), HRI "(01)...(21)...", or a Digital Link URI.

    Args:
        cased: normalised text with its case kept and GS as ASCII 29.

    Returns:
        The reading, or None when the text is not GS1 data biip can parse.
    """
    for config in (_STRICT, _LENIENT):
        try:
            if cased.startswith("("):
                strings = GS1Message.parse_hri(cased, config=config).element_strings
            elif cased[:8].lower().startswith(("http://", "https://")):
                # QR codes on products: https://id.gs1.org/01/<GTIN>/21/<serial>
                strings = GS1DigitalLinkURI.parse(cased, config=config).element_strings
            else:
                strings = GS1Message.parse(cased, config=config).element_strings
        except (BiipException, ValueError):
            continue
        return _reading(strings)
    return None


def read_unmarked_gs1(compact_cased: str) -> GS1Reading | None:
    """A GS1 message sent without AIM identifier or FNC1, recognised by its start.

    Only "00" + a valid SSCC or "01" + a valid GTIN-14 qualifies: those openings with a
    check digit that holds are too unlikely to be anything else.
    """
    sscc_key = compact_cased.startswith("00") and len(compact_cased) >= 20
    gtin_key = compact_cased.startswith("01") and len(compact_cased) >= 16
    if (sscc_key and is_valid_gs1_number(compact_cased[2:20])) or (
        gtin_key and is_valid_gs1_number(compact_cased[2:16])
    ):
        return read_gs1_message(compact_cased)
    return None


def gtin_14(digits: str) -> str:
    """An all-digit GTIN-8/12/13/14 as GTIN-14: zero-padded on the left."""
    return digits.zfill(14)


def upc_e_as_gtin_14(digits: str) -> str | None:
    """Expand a UPC-E (6-8 digits) to its GTIN-14, or None when it is not a valid UPC-E."""
    try:
        return Upc.parse(digits).as_gtin_14()
    except (BiipException, ValueError):
        return None


def _reading(strings: GS1ElementStrings) -> GS1Reading:
    first: dict[str, GS1ElementString] = {}
    for element in strings:
        first.setdefault(element.ai.ai, element)
    gtin, sscc = first.get("01"), first.get("00")
    serial, batch, expiry = first.get("21"), first.get("10"), first.get("17")
    return GS1Reading(
        gtin=gtin.value if gtin else None,
        gtin_valid=bool(gtin and gtin.gtin),
        sscc=sscc.value if sscc else None,
        sscc_valid=bool(sscc and sscc.sscc),
        serial=serial.value if serial else None,
        batch=batch.value if batch else None,
        expiry=expiry.date if expiry else None,
        postal_routing=bool(strings) and strings[0].ai.ai in POSTAL_ROUTING_AIS,
    )
