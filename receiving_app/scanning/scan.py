"""The result of interpreting one scan: ``Scan`` and ``ScanKind`` (plain values, no Qt)."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from receiving_app.i18n import TranslateFn, identity_translate
from receiving_app.scanning import hints


class ScanKind(StrEnum):
    """What a scanned code identifies; the values are the stored and JSON strings."""

    TRACKING = "tracking"
    RMA = "rma"
    ORDER = "order"
    LPN = "lpn"
    GTIN = "gtin"
    SSCC = "sscc"
    BADGE = "badge"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Scan:
    """One interpreted scan: plain values only, safe to keep, compare and send to the UI.

    Attributes:
        raw: exactly what the scanner sent.
        kind: the best reading (see ``interpret_scan`` for the order of precedence).
        value: the normalised number: a tracking number without spaces, the GTIN-14,
            the 18-digit SSCC, ``"RMA000123"``; for ``unknown`` the cleaned text.
        text: the cleaned text (AIM identifier and surrounding whitespace removed, NFKC,
            upper case); for ``unknown`` scans, services try it as a SKU or serial.
        symbology: the AIM identifier (``"]C1"``) when the scanner sent one.
        carrier: the courier code when exactly one courier fits a tracking number.
        candidates: sorted courier codes whose format the number fits with a valid check.
            Also set on ``gtin`` and ``sscc`` scans whose plain digits are a valid tracking
            number too (FedEx Ground labels are SSCCs), so a service expecting a parcel
            should try them; and on ``unknown`` scans that look like a tracking number
            with a wrong check digit, to name the courier in the hint.
        valid: the check digit holds, or the format has none and the pattern matched.
        gtin: the GTIN-14 of a ``gtin`` scan or of a GS1 message's AI 01.
        serial, batch, expiry: GS1 AI 21, 10 and 17; serial and batch keep their case.
        hint: for ``unknown`` and invalid scans, a marked source text (context
            ``"Scan"``) saying what was wrong and what to do; translate, then format with
            ``hint_params``. ``hint_text`` does both.
        hint_params: values for the hint's ``{name}`` placeholders.
    """

    raw: str
    kind: ScanKind
    value: str
    text: str
    symbology: str | None = None
    carrier: str | None = None
    candidates: tuple[str, ...] = ()
    valid: bool = False
    gtin: str | None = None
    serial: str | None = None
    batch: str | None = None
    expiry: datetime.date | None = None
    hint: str | None = None
    hint_params: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        # Frozen means frozen: a caller's dict must not change the scan afterwards.
        object.__setattr__(self, "hint_params", MappingProxyType(dict(self.hint_params)))

    def hint_text(self, translate: TranslateFn = identity_translate) -> str | None:
        """The hint translated with ``translate`` and its placeholders filled.

        A translation with a broken placeholder falls back to the English source text
        rather than failing on the scan path.
        """
        if self.hint is None:
            return None
        for template in (translate(hints.CONTEXT, self.hint), self.hint):
            try:
                return template.format_map(self.hint_params)
            except (KeyError, ValueError, IndexError, AttributeError):
                continue
        return self.hint

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (``json.dumps`` works as is); the hint in English, filled in."""
        return {
            "raw": self.raw,
            "kind": self.kind.value,
            "value": self.value,
            "text": self.text,
            "symbology": self.symbology,
            "carrier": self.carrier,
            "candidates": list(self.candidates),
            "valid": self.valid,
            "gtin": self.gtin,
            "serial": self.serial,
            "batch": self.batch,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "hint": self.hint_text(),
            "hint_params": dict(self.hint_params),
        }
