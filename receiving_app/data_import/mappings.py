"""Column mappings: which column of a channel's export holds which field (data, not code; no Qt).

A mapping file is JSON (see docs/import.md)::

    {"name": "taobao", "date_format": "%Y-%m-%d %H:%M:%S", "day_format": "%Y-%m-%d",
     "decimal_separator": ".",
     "entities": {"orders": {"columns": {"order_number": "订单编号", ...},
                             "constants": {"channel": "taobao"}}}}

``columns`` maps a field to the file's column name, ``constants`` gives a field one value for
every row. Date formats are ``strptime`` patterns, or ``"iso"`` (the default: 2026-11-24 or
2026-11-24 10:42:00, also with "T" or "/"). Shipped presets live in ``mappings/*.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.strict_json import DuplicateKeyError, InvalidJSONError, load_strict_json

ENTITIES = ("vendors", "products", "orders", "rmas")
# Each entity's fields: True when required.
FIELDS: dict[str, dict[str, bool]] = {
    "vendors": {
        "code": True,
        "name": True,
        "accepts_returns": False,
        "return_window_days": False,
    },
    "products": {
        "sku": True,
        "name": True,
        "category": True,
        "vendor_code": False,
        "unit_cost": False,
        "price": False,
        "warranty_months": False,
        "serialised": False,
        "gtin": False,
    },
    "orders": {
        "order_number": True,
        "channel": True,
        "ordered_at": True,
        "delivered_on": False,
        "customer_ref": False,
        "customer_name": False,
        "line_no": False,
        "sku": True,
        "quantity": True,
        "unit_price": True,
    },
    "rmas": {
        "rma_number": True,
        "order_number": True,
        "line_no": False,
        "sku": False,
        "quantity": True,
        "reason_code": True,
        "requested_outcome": True,
        "customer_words": False,
        "expected_carrier": False,
        "expected_tracking": False,
        "created_at": True,
    },
}
PRESETS = ("generic", "taobao", "jd")

BAD_MAPPING = QT_TRANSLATE_NOOP("Error", "The mapping file {file} is wrong at {key}: {detail}")
UNREADABLE_MAPPING = QT_TRANSLATE_NOOP("Error", "The mapping file {file} cannot be read: {detail}")
NO_SECTION = QT_TRANSLATE_NOOP(
    "Error", "The mapping {name} has no layout for {entity}: use --mapping FILE"
)


@dataclass(frozen=True)
class EntityMapping:
    """How one entity's fields are read from a file."""

    columns: Mapping[str, str]
    constants: Mapping[str, str]
    date_format: str
    day_format: str
    decimal_separator: str
    _sources: dict[str, tuple[str, str | None]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def source(self, name: str) -> tuple[str, str | None]:
        """(the column that holds field ``name``, its constant or None); "" column: a constant."""
        found = self._sources.get(name)
        if found is None:
            constant = self.constants.get(name)
            column = "" if constant is not None else self.columns.get(name, name)
            found = self._sources[name] = (column, constant)
        return found

    def amount_text(self, text: str) -> str:
        """``text`` with the mapping's decimal separator turned into a point."""
        text = text.lstrip("¥￥").strip()
        return text if self.decimal_separator == "." else text.replace(",", ".")


@dataclass(frozen=True)
class ColumnMapping:
    """A whole mapping file: a name, formats, and one section per entity it covers."""

    name: str
    date_format: str
    day_format: str
    decimal_separator: str
    entities: Mapping[str, tuple[Mapping[str, str], Mapping[str, str]]]

    def for_entity(self, entity: str, channel: str | None = None) -> EntityMapping:
        """The section for ``entity``; ``channel`` (``--channel``) fixes the orders' channel.

        Raises:
            InvalidInput: the mapping does not cover ``entity``.
        """
        if entity not in self.entities:
            raise InvalidInput(NO_SECTION, name=self.name, entity=entity)
        columns, constants = self.entities[entity]
        if channel is not None and "channel" in FIELDS[entity]:
            constants = {**constants, "channel": channel}
            columns = {key: value for key, value in columns.items() if key != "channel"}
        return EntityMapping(
            columns, constants, self.date_format, self.day_format, self.decimal_separator
        )


def choose_mapping(mapping_file: Path | None, channel: str | None) -> ColumnMapping:
    """``--mapping FILE`` if given; else the preset named like ``--channel``; else ``generic``."""
    if mapping_file is not None:
        try:
            text = mapping_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                UNREADABLE_MAPPING, file=str(mapping_file), detail=str(exc)
            ) from None
        return parse_mapping(text, str(mapping_file))
    name = channel if channel in PRESETS else "generic"
    return load_preset(name)


def load_preset(name: str) -> ColumnMapping:
    """A shipped preset by name (``generic``, ``taobao``, ``jd``)."""
    resource = files("receiving_app.data_import") / "mappings" / f"{name}.json"
    return parse_mapping(resource.read_text(encoding="utf-8"), f"{name}.json")


def parse_mapping(text: str, source: str) -> ColumnMapping:
    """Validate a mapping file's text; every error names the key that is wrong.

    Raises:
        InvalidInput: not JSON, a key twice, an unknown entity or field, a wrong type.
    """

    def wrong(key: str, detail: str) -> InvalidInput:
        return InvalidInput(BAD_MAPPING, file=source, key=key, detail=detail)

    try:
        data = load_strict_json(text, parse_float=Decimal)
    except DuplicateKeyError as exc:
        raise wrong(exc.key, "the key appears twice") from None
    except InvalidJSONError as exc:
        raise wrong("(file)", exc.detail) from None
    if not isinstance(data, dict):
        raise wrong("(file)", "an object is expected")
    allowed = {"name", "description", "date_format", "day_format", "decimal_separator", "entities"}
    for key in data:
        if key not in allowed:
            raise wrong(key, "unknown key; expected one of " + ", ".join(sorted(allowed)))

    def text_of(key: str, default: str) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or not value:
            raise wrong(key, "a text is expected")
        return value

    separator = text_of("decimal_separator", ".")
    if separator not in (".", ","):
        raise wrong("decimal_separator", 'expected "." or ","')
    sections = data.get("entities")
    if not isinstance(sections, dict) or not sections:
        raise wrong("entities", "an object with vendors, products, orders or rmas is expected")
    entities: dict[str, tuple[Mapping[str, str], Mapping[str, str]]] = {}
    for entity, section in sections.items():
        where = f"entities.{entity}"
        if entity not in FIELDS:
            raise wrong(where, "expected one of " + ", ".join(ENTITIES))
        if not isinstance(section, dict) or set(section) - {"columns", "constants"}:
            raise wrong(where, 'an object with "columns" and "constants" is expected')
        parts: list[dict[str, str]] = []
        for part in ("columns", "constants"):
            values = section.get(part, {})
            if not isinstance(values, dict):
                raise wrong(f"{where}.{part}", "an object is expected")
            for field_name, value in values.items():
                if field_name not in FIELDS[entity]:
                    known = ", ".join(FIELDS[entity])
                    raise wrong(f"{where}.{part}.{field_name}", f"unknown field; known: {known}")
                if not isinstance(value, str) or not value:
                    raise wrong(f"{where}.{part}.{field_name}", "a text is expected")
            parts.append(values)
        entities[entity] = (parts[0], parts[1])
    return ColumnMapping(
        name=text_of("name", source),
        date_format=text_of("date_format", "iso"),
        day_format=text_of("day_format", "iso"),
        decimal_separator=separator,
        entities=entities,
    )
