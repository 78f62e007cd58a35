"""Valid-looking, checkable courier tracking numbers for demo RMAs (no Qt, no database).

Check digits come from the scanning package's own courier table (``fmt.checksum`` with the
data file's constants), so every demo number passes ``interpret_scan`` exactly as a real
label would. Each number embeds a scrambled 8-digit block derived from the RMA's index, so
two RMAs never expect the same number from the same courier.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from receiving_app.scanning.carriers import CourierTable, default_courier_table
from receiving_app.scanning.check_digits import is_valid_gs1_number
from receiving_app.scanning.courier_formats import CourierFormat
from receiving_app.scanning.gs1 import GTIN_LENGTHS

UNIQUE_SPACE = 10**8
"""Distinct 8-digit blocks: more RMAs than this would repeat tracking numbers."""

_DIGITS = "0123456789"
# Ten return-label shipper accounts (UPS) and mailer IDs (USPS): a merchant has only a few.
_UPS_SHIPPERS = (
    "8V92A7",
    "879E93",
    "4W61X2",
    "0R3F58",
    "72Y1E0",
    "E3K5A9",
    "A15T07",
    "96X22R",
    "3H4J5K",
    "X0Y1Z2",
)
_UPS_SERVICES = ("90", "03", "22", "78")
_USPS_MAILERS = (
    "927489301",
    "911023456",
    "903456781",
    "958812340",
    "912340987",
    "934567123",
    "975318642",
    "986420135",
    "940012385",
    "961357924",
)


@dataclass(frozen=True)
class TrackingFormat:
    """How the demo writes one courier's numbers.

    Attributes:
        key: the name the channel tables in ``catalog`` use.
        courier_code: the code ``interpret_scan`` reports (and ``RMA.expected_carrier`` holds).
        format_id: the courier file's format whose check digit the number carries.
        build: ``(rng, unique 8 digits, check digit function) -> number``.
    """

    key: str
    courier_code: str
    format_id: str
    build: Callable[[random.Random, str, Callable[[str], str]], str]


def _rand_digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choices(_DIGITS, k=count))


def _ups(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
    # The unique block's first digit picks the shipper account; 7 digits remain for the package.
    serial = _UPS_SHIPPERS[int(unique[0])] + rng.choice(_UPS_SERVICES) + unique[1:]
    return "1Z" + serial + check(serial)


def _fedex(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
    serial = rng.choice("4579") + _rand_digits(rng, 2) + unique
    return serial + check(serial)


def _usps_20(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
    serial = "71" + rng.choice(_USPS_MAILERS) + unique  # 71: certified mail
    return serial + check(serial)


def _usps_22(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
    # IMpb: 94 + service type + 9-digit mailer ID + 7-digit package; check digit walked backwards.
    serial = "94" + rng.choice(("001", "055", "261")) + _USPS_MAILERS[int(unique[0])] + unique[1:]
    return serial + check(serial)


def _dhl(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
    serial = rng.choice("123456789") + unique
    return serial + check(serial)


def _s10(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
    # China Post international items: EMS (E?), parcels (CP), registered letters (RR).
    return rng.choice(("EA", "EB", "EE", "EK", "CP", "RR")) + unique + check(unique) + "CN"


def _prefixed(prefix: str, random_digits: int) -> Callable[..., str]:
    def build(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
        return prefix + _rand_digits(rng, random_digits) + unique

    return build


def _choice_prefixed(prefixes: tuple[str, ...], random_digits: int) -> Callable[..., str]:
    def build(rng: random.Random, unique: str, check: Callable[[str], str]) -> str:
        return rng.choice(prefixes) + _rand_digits(rng, random_digits) + unique

    return build


TRACKING_FORMATS: dict[str, TrackingFormat] = {
    f.key: f
    for f in (
        TrackingFormat("ups", "ups", "ups", _ups),
        TrackingFormat("fedex", "fedex", "fedex_12", _fedex),
        TrackingFormat("usps_20", "usps", "usps_20", _usps_20),
        TrackingFormat("usps_22", "usps", "usps_impb_n", _usps_22),
        TrackingFormat("dhl", "dhl", "dhl_express", _dhl),
        TrackingFormat("china_post_s10", "s10", "s10", _s10),
        TrackingFormat("sf_express", "sf_express", "sf_express", _prefixed("SF", 4)),
        TrackingFormat("jd_logistics", "jd_logistics", "jd_logistics_digits", _prefixed("JD00", 3)),
        TrackingFormat("yto", "yto", "yto", _prefixed("YT", 5)),
        TrackingFormat("jt_express", "jt_express", "jt_express", _prefixed("JT", 5)),
        TrackingFormat("zto", "zto", "zto_12", _choice_prefixed(("73", "75", "78"), 2)),
        TrackingFormat("yunda", "yunda", "yunda", _choice_prefixed(("31", "43", "46"), 3)),
    )
}


def scramble(index: int, space: int = UNIQUE_SPACE) -> int:
    """A bijection of ``range(space)`` (a power of ten) that hides the running index.

    Two affine steps with a digit reversal between them: consecutive indexes give unrelated
    looking numbers, and distinct indexes always give distinct numbers.
    """
    width = len(str(space)) - 1
    first = (index * 36_979_253 + 4_120_011) % space
    reversed_digits = int(f"{first:0{width}d}"[::-1])
    return (reversed_digits * 7_654_321 + 1_234_567) % space


class TrackingNumbers:
    """Writes tracking numbers; resolves each format's check digit once per process."""

    def __init__(self, table: CourierTable | None = None) -> None:
        table = table or default_courier_table()
        self._checks: dict[str, Callable[[str], str]] = {}
        for spec in TRACKING_FORMATS.values():
            self._checks[spec.key] = _check_digit_function(table, spec)

    def make(self, key: str, rng: random.Random, index: int) -> tuple[str, str]:
        """``(courier code, tracking number)`` for the ``index``-th RMA, in format ``key``."""
        spec = TRACKING_FORMATS[key]
        unique = f"{scramble(index % UNIQUE_SPACE):08d}"
        while True:
            number = spec.build(rng, unique, self._checks[spec.key])
            # A 12- or 13-digit number whose last digit happens to be a valid GS1 check digit
            # reads as a GTIN when scanned (ZTO, Yunda, FedEx: about one in ten). Real labels
            # have that ambiguity; demo labels must not, so redraw the random digits.
            if not (
                number.isdigit() and len(number) in GTIN_LENGTHS and is_valid_gs1_number(number)
            ):
                return spec.courier_code, number


def _check_digit_function(table: CourierTable, spec: TrackingFormat) -> Callable[[str], str]:
    fmt = _find_format(table, spec)
    checksum = fmt.checksum
    if checksum is None:
        return _no_check_digit
    params = fmt.checksum_params

    def check_digit(serial: str) -> str:
        # The scanning package validates rather than computes: the digit that validates is it.
        for digit in _DIGITS:
            if checksum(serial, digit, params):
                return digit
        raise ValueError(f"no check digit makes {serial!r} a valid {spec.format_id} number")

    return check_digit


def _no_check_digit(serial: str) -> str:
    raise ValueError("this format has no check digit")


def _find_format(table: CourierTable, spec: TrackingFormat) -> CourierFormat:
    courier = table.courier(spec.courier_code)
    formats = courier.formats if courier else ()
    for fmt in formats:
        if fmt.format_id == spec.format_id:
            return fmt
    raise LookupError(
        f"the courier table has no format {spec.format_id!r} of courier {spec.courier_code!r}"
    )
