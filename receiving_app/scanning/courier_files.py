"""Reading courier definition files into compiled formats (no Qt).

Two shapes are accepted, both described in ``data/README.md``:

* a ``tracking_number_data`` courier file (``name``, ``courier_code``,
  ``tracking_numbers``), as shipped in ``data/tracking_numbers/couriers``, so a site can
  drop in a newer upstream file unchanged;
* our simpler table (``couriers``: code, names, formats given as a prefix and digit
  counts or as a regex), used for the Chinese domestic couriers and for site additions.

Every problem raises ``CourierFileError`` naming the file and the entry, because these
files are edited by hand on site and a bad one must say what to fix.
"""

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from receiving_app.scanning.check_digits import CHECKSUMS
from receiving_app.scanning.courier_formats import Courier, CourierFormat, Lookup

# PCRE/Ruby named groups "(?<Name>" become Python's "(?P<Name>"; look-behinds
# "(?<=" and "(?<!" are left alone because a name must start with a letter.
_NAMED_GROUP = re.compile(r"\(\?<(?=[A-Za-z_])")

# FedEx barcodes carry more digits than the tracking number people see and FedEx's
# systems use: the 34-digit Express barcode ends with the 12-digit number, and the
# 22-digit Ground "96" barcode ends with the 15-digit Ground number. Keyed by format id;
# a file may also set "number_suffix" on a format.
_NUMBER_SUFFIX = {"fedex_34": 12, "fedex_ground_96": 15}


class CourierFileError(ValueError):
    """A courier file that cannot be used; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def read_courier_path(path: Path) -> list[Courier]:
    """Read a courier file of either shape from ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CourierFileError(str(path), f"cannot be read ({exc})") from exc
    return read_courier_text(text, str(path))


def read_courier_text(text: str, source: str) -> list[Courier]:
    """Read the couriers defined by the JSON ``text``; ``source`` names it in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CourierFileError(source, f"is not valid JSON ({exc})") from exc
    if isinstance(data, dict) and "tracking_numbers" in data:
        return [_dataset_courier(data, source)]
    if isinstance(data, dict) and isinstance(data.get("couriers"), list):
        return [_table_courier(entry, source) for entry in data["couriers"]]
    raise CourierFileError(
        source, 'expected a "couriers" list or a courier with "tracking_numbers"'
    )


def _dataset_courier(data: Mapping[str, object], source: str) -> Courier:
    code = _text(data, "courier_code", source)
    formats = []
    for entry in _list(data, "tracking_numbers", source):
        where = f"{source} ({code})"
        entry = _mapping(entry, where)
        format_id = str(entry.get("id") or _text(entry, "name", where))
        where = f"{source} ({code}/{format_id})"
        regex = entry.get("regex")
        if isinstance(regex, list) and all(isinstance(part, str) for part in regex):
            regex = "".join(regex)
        if not isinstance(regex, str):
            raise CourierFileError(where, '"regex" must be a string or a list of strings')
        formats.append(_dataset_format(code, format_id, entry, regex, where))
    return Courier(
        code=code,
        name=_text(data, "name", source),
        formats=tuple(formats),
        name_zh=_optional_text(data, "name_zh", source),
    )


def _dataset_format(
    code: str, format_id: str, entry: Mapping[str, object], regex: str, where: str
) -> CourierFormat:
    validation = _mapping(entry.get("validation") or {}, where)
    checksum_spec = _mapping(validation.get("checksum") or {}, where)
    checksum = None
    if checksum_spec:
        name = checksum_spec.get("name")
        if name not in CHECKSUMS:
            known = ", ".join(sorted(CHECKSUMS))
            raise CourierFileError(where, f"unknown checksum {name!r} (known: {known})")
        checksum = CHECKSUMS[str(name)]
    serial_format = _mapping(validation.get("serial_number_format") or {}, where)
    prepend = _mapping(serial_format.get("prepend_if") or {}, where)
    prepend_if = None
    if prepend:
        pattern = _compile(_text(prepend, "matches_regex", where), where)
        prepend_if = (pattern, _text(prepend, "content", where))
    lookups = {lookup.name: lookup for lookup in _lookups(entry.get("additional"), where)}
    exists = _mapping(validation.get("additional") or {}, where).get("exists") or []
    if not isinstance(exists, list) or any(name not in lookups for name in exists):
        raise CourierFileError(where, '"validation.additional.exists" names an unknown lookup')
    return CourierFormat(
        courier_code=code,
        format_id=format_id,
        name=str(entry.get("name") or format_id),
        pattern=_compile(_NAMED_GROUP.sub("(?P<", regex), where),
        checksum=checksum,
        checksum_params=checksum_spec,
        prepend_if=prepend_if,
        required=tuple(lookups[name] for name in exists),
        lookups=lookups,
        number_suffix=_suffix(entry, format_id, where),
    )


def _lookups(additional: object, where: str) -> list[Lookup]:
    result = []
    for spec in _optional_list(additional, '"additional"', where):
        spec = _mapping(spec, where)
        exact: dict[str, Mapping[str, object]] = {}
        patterns = []
        for item in _optional_list(spec.get("lookup"), '"lookup"', where):
            item = _mapping(item, where)
            if isinstance(item.get("matches"), str):
                exact[str(item["matches"])] = item
            elif isinstance(item.get("matches_regex"), str):
                patterns.append((_compile(str(item["matches_regex"]), where), item))
        result.append(
            Lookup(
                name=_text(spec, "name", where),
                group=_text(spec, "regex_group_name", where),
                exact=exact,
                patterns=tuple(patterns),
            )
        )
    return result


def _table_courier(entry: object, source: str) -> Courier:
    data = _mapping(entry, source)
    code = _text(data, "courier_code", source)
    formats = []
    for spec in _list(data, "formats", f"{source} ({code})"):
        spec = _mapping(spec, f"{source} ({code})")
        format_id = _text(spec, "id", f"{source} ({code})")
        where = f"{source} ({code}/{format_id})"
        formats.append(
            CourierFormat(
                courier_code=code,
                format_id=format_id,
                name=str(spec.get("name") or format_id),
                pattern=_compile(_table_regex(spec, where), where),
                number_suffix=_suffix(spec, format_id, where),
            )
        )
    return Courier(
        code=code,
        name=_text(data, "name", source),
        formats=tuple(formats),
        name_zh=_optional_text(data, "name_zh", source),
        tracking_url=_optional_text(data, "tracking_url", source),
    )


def _table_regex(spec: Mapping[str, object], where: str) -> str:
    if "regex" in spec:
        return _text(spec, "regex", where)
    prefixes = spec.get("prefix", "")
    if isinstance(prefixes, str):
        prefixes = [prefixes]
    digits = spec.get("digits")
    if isinstance(digits, int):
        digits = [digits]
    if not (isinstance(prefixes, list) and all(isinstance(p, str) for p in prefixes)):
        raise CourierFileError(where, '"prefix" must be a string or a list of strings')
    if not (isinstance(digits, list) and digits and all(_positive_int(n) for n in digits)):
        raise CourierFileError(where, 'give "regex", or "digits" (a count or a list of counts)')
    prefix_part = "|".join(re.escape(p.upper()) for p in prefixes)
    digit_part = "|".join(f"[0-9]{{{n}}}" for n in digits)
    return f"(?:{prefix_part})(?:{digit_part})"


def _suffix(spec: Mapping[str, object], format_id: str, where: str) -> int | None:
    value = spec.get("number_suffix", _NUMBER_SUFFIX.get(format_id))
    if value is None:
        return None
    if isinstance(value, int) and _positive_int(value):
        return value
    raise CourierFileError(where, '"number_suffix" must be a positive whole number')


def _compile(regex: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(regex, re.ASCII)
    except re.error as exc:
        raise CourierFileError(where, f"bad regex {regex!r} ({exc})") from exc


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise CourierFileError(where, f"expected a JSON object, got {type(value).__name__}")
    return value


def _list(data: Mapping[str, object], key: str, where: str) -> Sequence[object]:
    value = data.get(key)
    if not isinstance(value, list):
        raise CourierFileError(where, f'"{key}" must be a list')
    return value


def _optional_list(value: object, name: str, where: str) -> Sequence[object]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CourierFileError(where, f"{name} must be a list")
    return value


def _text(data: Mapping[str, object], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise CourierFileError(where, f'"{key}" must be a non-empty string')
    return value


def _optional_text(data: Mapping[str, object], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise CourierFileError(where, f'"{key}" must be a string')
    return value
