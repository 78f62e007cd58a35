"""SSCC-18 numbers for the cartons of a vendor-return batch (pure, no Qt, no database).

An SSCC is 18 digits: an extension digit the dock chooses (0-9), the dock's GS1 company prefix
(7 to 10 digits, licensed from GS1), a serial reference that fills the rest, and the GS1 mod-10
check digit. Printed as GS1-128 it is Application Identifier (00) followed by the 18 digits.
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.scanning.check_digits import gs1_check_digit

SSCC_AI = "00"
#: Extension digit, company prefix and serial reference together: the SSCC less its check digit.
PAYLOAD_DIGITS = 17
PREFIX_DIGITS = (7, 10)


@dataclass(frozen=True)
class CompanyPrefix:
    """The dock's GS1 company prefix and the SSCC extension digit it puts in front."""

    prefix: str
    extension: int

    @property
    def serial_digits(self) -> int:
        """How many digits the serial reference has: what the prefix leaves of the 17."""
        return PAYLOAD_DIGITS - 1 - len(self.prefix)

    @property
    def serial_limit(self) -> int:
        """The largest serial reference that fits (after it the dock needs a new prefix)."""
        return 10**self.serial_digits - 1


def parse_company_prefix(prefix: str, extension: int = 0) -> CompanyPrefix:
    """Check a company prefix as a supervisor typed it.

    Raises:
        InvalidInput: the prefix is not 7 to 10 ASCII digits, or the extension is not 0-9.
    """
    text = prefix.strip()
    low, high = PREFIX_DIGITS
    if not (text.isascii() and text.isdigit() and low <= len(text) <= high):
        raise InvalidInput(BAD_PREFIX, prefix=prefix, low=low, high=high)
    if not 0 <= extension <= 9:
        raise InvalidInput(BAD_EXTENSION, extension=extension)
    return CompanyPrefix(text, extension)


def build_sscc(company: CompanyPrefix, serial: int) -> str:
    """The 18-digit SSCC of serial reference ``serial``, check digit included.

    Raises:
        InvalidInput: ``serial`` does not fit the digits the prefix leaves.
    """
    if not 0 <= serial <= company.serial_limit:
        raise InvalidInput(SERIALS_USED_UP, prefix=company.prefix, limit=company.serial_limit)
    payload = f"{company.extension}{company.prefix}{serial:0{company.serial_digits}d}"
    return payload + str(gs1_check_digit(payload))


def sscc_element_string(sscc: str) -> str:
    """What the GS1-128 barcode carries: AI (00) and the SSCC."""
    return SSCC_AI + sscc


BAD_PREFIX = QT_TRANSLATE_NOOP(
    "VendorReturns",
    "The GS1 company prefix {prefix} is not {low} to {high} digits: type it as GS1 issued it.",
)
BAD_EXTENSION = QT_TRANSLATE_NOOP(
    "VendorReturns", "The SSCC extension digit {extension} is not a digit from 0 to 9."
)
SERIALS_USED_UP = QT_TRANSLATE_NOOP(
    "VendorReturns",
    "Every SSCC serial of company prefix {prefix} (up to {limit}) is used: set a new prefix.",
)
