"""Recognisers for GS1 data, plain GTIN/SSCC digits and tracking numbers (pure, no Qt).

``interpret_scan`` calls one of the two public functions after it has ruled out empty
input and the app's own numbers; the precedence they implement is documented there.
"""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from receiving_app.scanning import hints
from receiving_app.scanning.carriers import CourierTable
from receiving_app.scanning.check_digits import is_valid_gs1_number
from receiving_app.scanning.courier_formats import CourierMatch
from receiving_app.scanning.gs1 import (
    GTIN_LENGTHS,
    SSCC_LENGTH,
    GS1Reading,
    gtin_14,
    read_gs1_message,
    read_unmarked_gs1,
    upc_e_as_gtin_14,
)
from receiving_app.scanning.normalize import EAN_SYMBOLOGIES, GS, NormalizedScan
from receiving_app.scanning.scan import Scan, ScanKind

_HRI = re.compile(r"\([0-9]{2,4}\)")
"""GS1 human-readable form: "(01)09501101530003(21)ABC", as printed under the barcode."""

_DIGITAL_LINK = re.compile(r"HTTPS?://[^/]+/(?:[^?#]*/)?0[01]/[0-9]", re.ASCII)
"""GS1 Digital Link URI with a GTIN (01) or SSCC (00), as in QR codes on products."""

_ISO_15434 = "[)>"
"""Opening of ISO/IEC 15434 messages: UPS MaxiCode and FedEx PDF417 on parcel labels."""

_UPC_E_LENGTHS = frozenset({6, 7, 8})


def is_structured(norm: NormalizedScan) -> bool:
    """The scan holds structured data: GS1 element strings or URI, or an ISO/IEC 15434 message.

    The scanner says so (GS1 AIM identifier, GS, leading FNC1) or the text does ("(01)",
    a GS1 Digital Link address, "[)>").
    """
    return (
        norm.gs1_marked
        or norm.text.startswith(_ISO_15434)
        or _HRI.match(norm.cased) is not None
        or _DIGITAL_LINK.match(norm.text) is not None
    )


def recognize_structured(raw: str, norm: NormalizedScan, table: CourierTable) -> Scan:
    """Structured data: SSCC or GTIN, else a tracking number behind postal routing."""
    if norm.text.startswith(_ISO_15434):
        # Carriers' 2D codes hold many fields besides the tracking number; which one is
        # the number differs by carrier, so ask for the 1D barcode rather than guess.
        return _unknown(raw, norm, hints.CARRIER_2D_CODE)
    reading = read_gs1_message(norm.cased)
    if reading is not None and (reading.sscc or reading.gtin):
        return _from_gs1(raw, norm, reading, table, ())
    number = norm.compact
    if reading is not None and reading.postal_routing and GS in norm.text:
        # USPS/FedEx GS1-128: AI 420 + ZIP, GS, then the tracking number.
        number = "".join(norm.text.split(GS, 1)[1].split())
    matches = table.match(number)
    if number != norm.compact and not any(match.valid for match in matches):
        matches += table.match(norm.compact)  # USPS patterns also accept "420"+ZIP inline
    tracking = _tracking(raw, norm, matches, table)
    if tracking is not None:
        return tracking
    if reading is not None:
        return _unknown(
            raw,
            norm,
            hints.GS1_WITHOUT_KEY,
            serial=reading.serial,
            batch=reading.batch,
            expiry=reading.expiry,
        )
    if norm.gs1_marked:
        return _unknown(raw, norm, hints.GS1_UNREADABLE)
    # Only looked like GS1 ("(12)..." text, a web address): say it plainly.
    return _unknown(raw, norm, hints.UNKNOWN, text=hints.quoted_text(norm.text))


def recognize_unmarked(raw: str, norm: NormalizedScan, table: CourierTable) -> Scan:
    """Any other scan: GTIN/SSCC digits, unmarked GS1 data, tracking number or unknown."""
    if norm.symbology in EAN_SYMBOLOGIES:
        return _product_symbol(raw, norm)
    compact = norm.compact
    digits = compact.isascii() and compact.isdigit()
    matches = table.match(compact)
    valid_codes = _codes(match for match in matches if match.valid)
    # A non-GS1 symbology (Code 128, Code 39, QR...) carrying a valid tracking number is
    # a parcel label: products never print their GTIN in those symbols.
    if not (norm.symbology is not None and valid_codes):
        if digits and len(compact) in GTIN_LENGTHS and is_valid_gs1_number(compact):
            value = gtin_14(compact)
            return _make(
                raw, norm, ScanKind.GTIN, value, valid=True, gtin=value, candidates=valid_codes
            )
        if digits and len(compact) == SSCC_LENGTH and is_valid_gs1_number(compact):
            return _make(raw, norm, ScanKind.SSCC, compact, valid=True, candidates=valid_codes)
        reading = read_unmarked_gs1("".join(norm.cased.split()))
        if reading is not None and (reading.sscc_valid or reading.gtin_valid):
            return _from_gs1(raw, norm, reading, table, valid_codes)
    tracking = _tracking(raw, norm, matches, table)
    if tracking is not None:
        return tracking
    if digits and len(compact) in GTIN_LENGTHS | {SSCC_LENGTH}:
        return _unknown(raw, norm, hints.DIGITS_BAD_CHECK, text=hints.quoted_text(norm.text))
    return _unknown(raw, norm, hints.UNKNOWN, text=hints.quoted_text(norm.text))


def _product_symbol(raw: str, norm: NormalizedScan) -> Scan:
    # EAN/UPC and ITF-14 symbols hold nothing but a GTIN, so a wrong check digit is a
    # misread product barcode, not some other kind of number.
    compact = norm.compact
    if norm.symbology == "]E3" and len(compact) in (15, 18):
        compact = compact[:13]  # drop the 2- or 5-digit add-on (price, issue)
    if not (compact.isascii() and compact.isdigit()):
        return _unknown(raw, norm, hints.UNKNOWN, text=hints.quoted_text(norm.text))
    if norm.symbology == "]E0" and len(compact) in _UPC_E_LENGTHS:
        expanded = upc_e_as_gtin_14(compact)
        if expanded is not None:
            return _make(raw, norm, ScanKind.GTIN, expanded, valid=True, gtin=expanded)
    if len(compact) not in GTIN_LENGTHS:
        return _unknown(raw, norm, hints.UNKNOWN, text=hints.quoted_text(norm.text))
    value = gtin_14(compact)
    if is_valid_gs1_number(compact):
        return _make(raw, norm, ScanKind.GTIN, value, valid=True, gtin=value)
    return _make(
        raw,
        norm,
        ScanKind.GTIN,
        value,
        gtin=value,
        hint=hints.GTIN_BAD_CHECK,
        hint_params={"value": value},
    )


def _from_gs1(
    raw: str,
    norm: NormalizedScan,
    reading: GS1Reading,
    table: CourierTable,
    candidates: tuple[str, ...],
) -> Scan:
    details: dict[str, Any] = {
        "gtin": reading.gtin,
        "serial": reading.serial,
        "batch": reading.batch,
        "expiry": reading.expiry,
    }
    if reading.sscc is not None:
        if reading.sscc_valid:
            # FedEx Ground labels are SSCC-18s: say so, the parcel may be one of them.
            found = _codes(match for match in table.match(reading.sscc) if match.valid)
            candidates = tuple(sorted(set(candidates) | set(found)))
            return _make(
                raw, norm, ScanKind.SSCC, reading.sscc, valid=True, candidates=candidates, **details
            )
        return _make(
            raw,
            norm,
            ScanKind.SSCC,
            reading.sscc,
            hint=hints.SSCC_BAD_CHECK,
            hint_params={"value": reading.sscc},
            **details,
        )
    value = reading.gtin or ""
    if reading.gtin_valid:
        return _make(raw, norm, ScanKind.GTIN, value, valid=True, **details)
    return _make(
        raw,
        norm,
        ScanKind.GTIN,
        value,
        hint=hints.GTIN_BAD_CHECK,
        hint_params={"value": value},
        **details,
    )


def _tracking(
    raw: str, norm: NormalizedScan, matches: tuple[CourierMatch, ...], table: CourierTable
) -> Scan | None:
    valid = [match for match in matches if match.valid]
    if valid:
        codes = _codes(valid)
        numbers = {match.number for match in valid}
        value = numbers.pop() if len(numbers) == 1 else norm.compact
        carrier = codes[0] if len(codes) == 1 else None
        return _make(
            raw, norm, ScanKind.TRACKING, value, valid=True, carrier=carrier, candidates=codes
        )
    # Only a text with letters is named as a misread tracking number: every 10-22 digit
    # string fits some courier's pattern, and an all-digit one is as likely a serial.
    if matches and not norm.compact.isdigit():
        codes = _codes(matches)
        names = ", ".join(table.courier_name(code) for code in codes)
        return _unknown(
            raw,
            norm,
            hints.TRACKING_BAD_CHECK,
            candidates=codes,
            value=hints.quoted_text(norm.compact),
            couriers=names,
        )
    return None


def _codes(matches: Iterable[CourierMatch]) -> tuple[str, ...]:
    return tuple(sorted({match.courier_code for match in matches}))


def _make(raw: str, norm: NormalizedScan, kind: ScanKind, value: str, **fields: Any) -> Scan:
    return Scan(raw=raw, kind=kind, value=value, text=norm.text, symbology=norm.symbology, **fields)


def _unknown(
    raw: str,
    norm: NormalizedScan,
    hint: str,
    candidates: tuple[str, ...] = (),
    serial: str | None = None,
    batch: str | None = None,
    expiry: datetime.date | None = None,
    **params: str,
) -> Scan:
    return _make(
        raw,
        norm,
        ScanKind.UNKNOWN,
        norm.text,
        candidates=candidates,
        serial=serial,
        batch=batch,
        expiry=expiry,
        hint=hint,
        hint_params=params,
    )
