"""The courier table: which couriers a tracking number may belong to (no Qt).

Courier formats are data, not code: the shipped ``tracking_number_data`` files, our
table of Chinese domestic couriers, and any site files on top (see ``data/README.md``).
Loading compiles every regex once; ``default_courier_table`` loads the shipped table
lazily the first time a scan needs it and keeps it for the life of the process, so the
scan path never reads a file.
"""

import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from receiving_app.scanning.courier_files import (
    CourierFileError,
    read_courier_path,
    read_courier_text,
)
from receiving_app.scanning.courier_formats import Courier, CourierFormat, CourierMatch

__all__ = ["CourierFileError", "CourierMatch", "CourierTable", "default_courier_table"]

MAX_TRACKING_LENGTH = 48
"""Longer texts are never tried as tracking numbers (the longest format, DHL eCommerce, is 41)."""

_DATA = resources.files("receiving_app.scanning").joinpath("data")


class CourierTable:
    """All known couriers and their tracking-number formats, compiled and ready to match.

    Build it with ``CourierTable.load``; construct it directly only from already-read
    ``Courier`` objects (tests do). When two couriers share a code, the later one
    replaces the earlier whole, formats and names: that is how a site file overrides a
    shipped courier.
    """

    def __init__(self, couriers: Iterable[Courier]) -> None:
        self._couriers: dict[str, Courier] = {}
        for courier in couriers:
            self._couriers.pop(courier.code, None)  # a replacement also moves to the end
            self._couriers[courier.code] = courier
        self._formats: tuple[CourierFormat, ...] = tuple(
            fmt for courier in self._couriers.values() for fmt in courier.formats
        )

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> "CourierTable":
        """Load the shipped couriers, then each site file in order.

        Args:
            extra_files: site courier files (either shape described in
                ``data/README.md``); a courier whose code is already known replaces
                the shipped definition.

        Raises:
            CourierFileError: a file is missing, not JSON, or has a bad entry; the
                message names the file, the courier and what to fix.
        """
        couriers = list(_shipped_couriers())
        for path in extra_files:
            couriers.extend(read_courier_path(Path(path)))
        return cls(couriers)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every courier code in the table, sorted."""
        return tuple(sorted(self._couriers))

    def courier(self, code: str) -> Courier | None:
        """The courier definition for ``code``, or None."""
        return self._couriers.get(code)

    def courier_name(self, code: str, language: str = "en") -> str:
        """The courier's display name; its Chinese name when ``language`` is ``zh*`` and known.

        Names are proper nouns kept in the data rather than in the translation catalog,
        so a site can add a courier without a new build. Unknown codes show as the code.
        """
        courier = self._couriers.get(code)
        if courier is None:
            return code
        if language.lower().startswith("zh") and courier.name_zh:
            return courier.name_zh
        return courier.name

    def match(self, number: str) -> tuple[CourierMatch, ...]:
        """Every format ``number`` fits, valid or not, in table order.

        Args:
            number: upper-case, without whitespace (``normalize`` produces this).
        """
        if not number or len(number) > MAX_TRACKING_LENGTH:
            return ()
        return tuple(found for fmt in self._formats if (found := fmt.match(number)))

    def postal_operator(self, number: str) -> str | None:
        """The national post that issued a UPU S10 number (``...CN`` gives "China Post").

        S10 scans keep the dataset's courier code ``s10``; this names the operator for
        display, from the S10 file's country table.
        """
        for fmt in self._formats:
            lookup = fmt.lookups.get("Courier")
            found = fmt.pattern.fullmatch(number) if lookup else None
            if lookup and found and found.group(lookup.group):
                entry = lookup.find(found.group(lookup.group))
                if entry and isinstance(entry.get("courier"), str):
                    return str(entry["courier"])
        return None


@functools.cache
def default_courier_table() -> CourierTable:
    """The shipped courier table, loaded on first use and then shared (read-only)."""
    return CourierTable.load()


def _shipped_couriers() -> Iterable[Courier]:
    folder = _DATA.joinpath("tracking_numbers", "couriers")
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".json"):
            yield from read_courier_text(entry.read_text(encoding="utf-8"), entry.name)
    china = _DATA.joinpath("china_couriers.json")
    yield from read_courier_text(china.read_text(encoding="utf-8"), china.name)
