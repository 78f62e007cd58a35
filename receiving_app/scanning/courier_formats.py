"""Compiled courier tracking-number formats and how one number is checked against them (no Qt).

A ``CourierFormat`` is one entry of a courier file, ready to use: its regex compiled
once, its checksum resolved to a function, its validity lookups turned into sets. The
files themselves are read by ``courier_files``; the table of all couriers is
``carriers.CourierTable``.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from receiving_app.scanning.check_digits import Checksum


@dataclass(frozen=True)
class Lookup:
    """One ``additional`` table of a format: a regex group's value mapped to a description.

    Only lookups named in ``validation.additional.exists`` decide validity (S10 needs a
    known country code); the others are kept for descriptions such as the S10 operator.
    """

    name: str
    group: str
    exact: Mapping[str, Mapping[str, object]]
    patterns: tuple[tuple[re.Pattern[str], Mapping[str, object]], ...] = ()

    def find(self, value: str) -> Mapping[str, object] | None:
        """The entry describing ``value``, or None when the table does not know it."""
        entry = self.exact.get(value)
        if entry is not None:
            return entry
        # ``matches_regex`` entries are searched, as Ruby's ``=~`` upstream does.
        for pattern, candidate in self.patterns:
            if pattern.search(value):
                return candidate
        return None


@dataclass(frozen=True)
class CourierMatch:
    """A number that fits one format of one courier.

    Attributes:
        courier_code: the courier's code (``ups``, ``sf_express``).
        format_id: the format's id within the courier file.
        valid: the check digit holds and every required lookup succeeds, or the format
            has neither and the pattern matched.
        number: the tracking number as the courier's systems know it: no spaces, and
            without the postal routing prefix or the barcode-only digits some labels add.
    """

    courier_code: str
    format_id: str
    valid: bool
    number: str


@dataclass(frozen=True)
class CourierFormat:
    """One tracking-number format of a courier, compiled.

    Attributes:
        courier_code: the courier that issues numbers of this format.
        format_id: stable key of the format (the file's ``id``, else its ``name``).
        name: human-readable name of the format.
        pattern: matched against the whole number, upper-cased and without spaces.
        checksum: the check-digit rule, or None when the format has none.
        checksum_params: the rule's constants from the file.
        prepend_if: ``(regex, text)``: prepend ``text`` to the serial when it matches.
        required: lookups that must know their group's value for the number to be valid.
        lookups: every lookup of the format, by name.
        number_suffix: when set, only the last ``number_suffix`` characters are the
            tracking number people and courier systems use (FedEx barcodes).
    """

    courier_code: str
    format_id: str
    name: str
    pattern: re.Pattern[str]
    checksum: Checksum | None = None
    checksum_params: Mapping[str, object] = field(default_factory=dict)
    prepend_if: tuple[re.Pattern[str], str] | None = None
    required: tuple[Lookup, ...] = ()
    lookups: Mapping[str, Lookup] = field(default_factory=dict)
    number_suffix: int | None = None

    def match(self, number: str) -> CourierMatch | None:
        """Check ``number`` (upper-case, no whitespace) against this format.

        Returns:
            None when the pattern does not fit; otherwise a match whose ``valid`` says
            whether the check digit and required lookups hold.
        """
        found = self.pattern.fullmatch(number)
        if found is None:
            return None
        groups = found.groupdict()
        return CourierMatch(
            courier_code=self.courier_code,
            format_id=self.format_id,
            valid=self._checksum_holds(groups) and self._lookups_hold(groups),
            number=self._tracking_number(number, found),
        )

    def _checksum_holds(self, groups: Mapping[str, str | None]) -> bool:
        if self.checksum is None:
            return True
        serial = _compact(groups.get("SerialNumber"))
        check = _compact(groups.get("CheckDigit"))
        if self.prepend_if is not None and self.prepend_if[0].search(serial):
            serial = self.prepend_if[1] + serial
        return self.checksum(serial, check, self.checksum_params)

    def _lookups_hold(self, groups: Mapping[str, str | None]) -> bool:
        return all(lookup.find(_compact(groups.get(lookup.group))) for lookup in self.required)

    def _tracking_number(self, number: str, found: re.Match[str]) -> str:
        if self.number_suffix is not None:
            return number[-self.number_suffix :]
        # USPS IMpb barcodes may carry "420" + ZIP (GS1 postal routing) in front of the
        # tracking number; the number printed for people starts at the serial.
        if "RoutingApplicationId" in found.re.groupindex and found.group("RoutingApplicationId"):
            return number[found.start("SerialNumber") :]
        return number


@dataclass(frozen=True)
class Courier:
    """A courier and its formats, as one file defines it (a site file may replace it whole)."""

    code: str
    name: str
    formats: tuple[CourierFormat, ...]
    name_zh: str | None = None
    tracking_url: str | None = None


def _compact(value: str | None) -> str:
    return "".join(value.split()) if value else ""
