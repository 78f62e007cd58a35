"""What a scan is: tracking number, RMA, order, LPN, GTIN, SSCC, badge or unknown (no Qt).

``interpret_scan`` is the one entry point of the scan path. It is pure (no database, no
files after the courier table's first load) and never raises: whatever a scanner or a
person types, the result is a ``Scan``, and a scan it cannot place is ``unknown`` with
a hint saying what to do. The order of recognition, and why, is in ``interpret_scan``.
"""

import logging

from receiving_app.scanning import hints
from receiving_app.scanning.app_numbers import IdPrefixes, match_app_number
from receiving_app.scanning.carriers import CourierTable, default_courier_table
from receiving_app.scanning.normalize import normalize_scan
from receiving_app.scanning.recognizers import (
    is_structured,
    recognize_structured,
    recognize_unmarked,
)
from receiving_app.scanning.scan import Scan, ScanKind

__all__ = ["MAX_SCAN_LENGTH", "IdPrefixes", "Scan", "ScanKind", "interpret_scan"]

logger = logging.getLogger(__name__)

DEFAULT_PREFIXES = IdPrefixes()
"""The prefixes used when a caller passes none: RMA, SO, LPN, BDG."""

MAX_SCAN_LENGTH = 1024
"""Longer input is refused unread: no label holds that much; a stuck key or a paste does."""


def interpret_scan(
    raw: str,
    prefixes: IdPrefixes = DEFAULT_PREFIXES,
    couriers: CourierTable | None = None,
) -> Scan:
    """Say what ``raw`` identifies. Never raises.

    Args:
        raw: exactly what the scanner (or keyboard) sent, suffix and all.
        prefixes: the site's prefixes of the app's own numbers.
        couriers: the courier table; default the shipped one, loaded once. Sites with
            their own courier files pass ``CourierTable.load(extra_files=...)``.

    Order of recognition, first hit wins:

    1. Nothing left after cleaning (see ``normalize_scan``), or more than
       ``MAX_SCAN_LENGTH`` characters: ``unknown`` with a hint.
    2. The app's own numbers (``prefixes``): a site's prefix is deliberate, so it beats
       any courier format it happens to resemble.
    3. GS1 data, when the scan says so (GS1 AIM identifier, a GS or one of its stand-ins,
       a leading FNC1, "(AI)" text, or a GS1 Digital Link address): AI 00 gives ``sscc``,
       else AI 01 ``gtin``; their check digits decide ``valid``. A message starting with
       AI 420/421 (ship-to postal code, USPS and FedEx labels) is read as the tracking
       number after it. Carriers' ISO/IEC 15434 2D codes ("[)>", MaxiCode, PDF417) are
       ``unknown`` with a hint to scan the 1D tracking barcode instead.
    4. Plain digits that are a GTIN-8/12/13/14 or an SSCC-18 with a valid check digit,
       or unmarked "00"+SSCC / "01"+GTIN data: ``gtin`` / ``sscc``, with ``candidates``
       naming couriers whose format the digits also fit. EAN/UPC/ITF-14 symbology
       identifiers force the ``gtin`` reading, check digit or not. A non-GS1 symbology
       (e.g. "]C0", Code 128) with a valid courier match reverses the precedence:
       couriers print tracking numbers in Code 128, products never their GTIN.
    5. Courier formats: ``tracking``, with ``carrier`` set when exactly one courier fits,
       else ``None`` and all of them in ``candidates``. Chinese all-digit numbers of
       12-14 digits overlap GTINs: the GTIN check digit decides (rule 4), so about one
       in ten such numbers reads as ``gtin`` with the courier in ``candidates``.
    6. Anything else is ``unknown`` with a hint. All-digit text with a wrong GTIN/SSCC
       check digit stays ``unknown`` (it is as likely a serial or SKU), and so does a
       number that only fits courier formats whose check fails; if it has letters, the
       hint names those couriers and ``candidates`` lists them.
    """
    try:
        return _interpret(raw, prefixes, couriers)
    except Exception:
        # A scan must never take the dock down; the log keeps the evidence.
        logger.exception("Could not interpret scan %r", raw)
        return Scan(
            raw=raw if isinstance(raw, str) else repr(raw),
            kind=ScanKind.UNKNOWN,
            value="",
            text="",
            hint=hints.INTERNAL_ERROR,
        )


def _interpret(raw: str, prefixes: IdPrefixes, couriers: CourierTable | None) -> Scan:
    if len(raw) > MAX_SCAN_LENGTH:
        params = {"length": str(len(raw))}
        return Scan(raw, ScanKind.UNKNOWN, "", "", hint=hints.TOO_LONG, hint_params=params)
    norm = normalize_scan(raw)
    if not norm.text:
        return Scan(raw, ScanKind.UNKNOWN, "", "", symbology=norm.symbology, hint=hints.EMPTY)
    app_number = match_app_number(norm.text, prefixes)
    if app_number is not None:
        kind, value = app_number
        return Scan(raw, ScanKind(kind), value, norm.text, symbology=norm.symbology, valid=True)
    table = couriers if couriers is not None else default_courier_table()
    if is_structured(norm):
        return recognize_structured(raw, norm, table)
    return recognize_unmarked(raw, norm, table)
