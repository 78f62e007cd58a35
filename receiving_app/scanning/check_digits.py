"""Check-digit algorithms for GS1 numbers and carrier tracking numbers (pure, no Qt).

The carrier algorithms follow the definitions of the ``tracking_number_data`` files
(``data/tracking_numbers``): each takes the serial part and the check character as the
regex groups ``SerialNumber`` and ``CheckDigit`` give them (whitespace already removed),
plus the algorithm's constants from the file's ``validation.checksum`` object. They
never raise for odd input: a serial that the algorithm cannot read is simply not valid,
because a scan is outside data and a bad one must give an outcome, not a traceback.
"""

from collections.abc import Callable, Mapping
from itertools import cycle

# (checksum constants from the data file) -> the check holds
Checksum = Callable[[str, str, Mapping[str, object]], bool]

_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gs1_check_digit(payload: str) -> int:
    """The GS1 mod-10 check digit of ``payload`` (GTIN, SSCC, GLN: all the same rule).

    Weights 3 and 1 alternate from the rightmost payload digit, which weighs 3, so leading
    zeros never change the result: a GTIN-12 and its zero-padded GTIN-14 share a check digit.
    """
    total = 0
    for position, char in enumerate(reversed(payload)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid_gs1_number(number: str) -> bool:
    """Whether an all-digit GS1 key (GTIN-8/12/13/14, SSCC-18) ends with its check digit."""
    if len(number) < 2 or not (number.isascii() and number.isdigit()):
        return False
    return gs1_check_digit(number[:-1]) == int(number[-1])


def _digit_value(char: str) -> int:
    # UPS 1Z numbers mix letters into the serial; the data's rule maps a letter to
    # (code point - 3) mod 10, which is the A=2, B=3, ... table UPS documents.
    if char.isdigit():
        return int(char)
    return (ord(char) - 3) % 10


def mod10(serial: str, check: str, params: Mapping[str, object]) -> bool:
    """Weighted mod 10 (UPS, USPS, FedEx Ground, OnTrac, Canada Post).

    Position ``i`` of the serial (walked backwards when ``reverse`` is true) is multiplied
    by ``evens_multiplier`` when ``i`` is even and by ``odds_multiplier`` when odd.
    """
    evens = _int_param(params, "evens_multiplier", 1)
    odds = _int_param(params, "odds_multiplier", 1)
    chars = serial[::-1] if params.get("reverse") else serial
    total = 0
    for position, char in enumerate(chars):
        total += _digit_value(char) * (evens if position % 2 == 0 else odds)
    return _is_digit(check) and (10 - total % 10) % 10 == int(check)


def mod7(serial: str, check: str, params: Mapping[str, object]) -> bool:
    """DHL Express: the serial read as an integer, modulo 7."""
    if not (_is_digits(serial) and _is_digit(check)):
        return False
    return int(serial) % 7 == int(check)


def s10(serial: str, check: str, params: Mapping[str, object]) -> bool:
    """UPU S10: weights 8,6,4,2,3,5,9,7; 11 - (sum mod 11), where 10 becomes 0 and 11 becomes 5."""
    weights = _weights(params) or (8, 6, 4, 2, 3, 5, 9, 7)
    if not (_is_digits(serial) and _is_digit(check)) or len(serial) != len(weights):
        return False
    total = sum(int(d) * w for d, w in zip(serial, weights, strict=True))
    digit = 11 - total % 11
    if digit == 10:
        digit = 0
    elif digit == 11:
        digit = 5
    return digit == int(check)


def sum_product_with_weightings_and_modulo(
    serial: str, check: str, params: Mapping[str, object]
) -> bool:
    """FedEx: (sum of digit x weight) mod ``modulo1`` mod ``modulo2``; the weights repeat."""
    weights = _weights(params) or (1,)
    if not (_is_digits(serial) and _is_digit(check)):
        return False
    total = sum(int(d) * w for d, w in zip(serial, cycle(weights)))
    modulo1 = _int_param(params, "modulo1", 11) or 11
    modulo2 = _int_param(params, "modulo2", 10) or 10
    return total % modulo1 % modulo2 == int(check)


def luhn(serial: str, check: str, params: Mapping[str, object]) -> bool:
    """Standard Luhn over the serial followed by its check digit (Old Dominion, Purolator)."""
    number = serial + check
    if not _is_digits(number):
        return False
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def mod_37_36(serial: str, check: str, params: Mapping[str, object]) -> bool:
    """ISO/IEC 7064 MOD 37,36 hybrid over 0-9A-Z (DPD); the check may be a letter."""
    alphabet = str(params.get("alphabet") or _ALPHANUMERIC)
    modulus = len(alphabet)
    product = modulus
    for char in serial:
        value = alphabet.find(char)
        if value < 0:
            return False
        product = (product + value) % modulus or modulus
        product = product * 2 % (modulus + 1)
    return len(check) == 1 and alphabet[(modulus + 1 - product) % modulus] == check


def _int_param(params: Mapping[str, object], key: str, default: int) -> int:
    value = params.get(key, default)
    return value if isinstance(value, int) else default


def _weights(params: Mapping[str, object]) -> tuple[int, ...]:
    value = params.get("weightings")
    if isinstance(value, list | tuple) and all(isinstance(w, int) for w in value):
        return tuple(value)
    return ()


def _is_digit(char: str) -> bool:
    return len(char) == 1 and "0" <= char <= "9"


def _is_digits(text: str) -> bool:
    return bool(text) and text.isascii() and text.isdigit()


CHECKSUMS: Mapping[str, Checksum] = {
    "mod10": mod10,
    "mod7": mod7,
    "s10": s10,
    "sum_product_with_weightings_and_modulo": sum_product_with_weightings_and_modulo,
    "luhn": luhn,
    "mod_37_36": mod_37_36,
}
"""The algorithms a courier file may name in ``validation.checksum.name``."""
