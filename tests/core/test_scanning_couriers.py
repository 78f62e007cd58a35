"""The courier table: shipped data, upstream test numbers, Chinese couriers, site files."""

import json
from pathlib import Path

import pytest

from receiving_app.scanning import CourierFileError, CourierTable, ScanKind, interpret_scan
from receiving_app.scanning.carriers import default_courier_table
from receiving_app.scanning.check_digits import is_valid_gs1_number

DATASET = Path(__file__).resolve().parents[2].parent / "shared/datasets/tracking-numbers"
CHINA_FILE = Path(__file__).resolve().parents[2] / "receiving_app/scanning/data/china_couriers.json"


def _dataset_numbers(kind: str) -> list[tuple[str, str, str]]:
    couriers = sorted((DATASET / "couriers").glob("*.json"))
    if not couriers:
        # Loud on purpose: without the shared data these tests would prove nothing.
        raise FileNotFoundError(f"tracking-number dataset missing: {DATASET}/couriers/*.json")
    numbers = []
    for path in couriers:
        data = json.loads(path.read_text(encoding="utf-8"))
        for fmt in data["tracking_numbers"]:
            format_id = fmt.get("id") or fmt["name"]
            for number in fmt["test_numbers"].get(kind) or []:
                numbers.append((data["courier_code"], format_id, number))
    return numbers


def _china_numbers(kind: str) -> list[tuple[str, str, str]]:
    data = json.loads(CHINA_FILE.read_text(encoding="utf-8"))
    return [
        (courier["courier_code"], fmt["id"], number)
        for courier in data["couriers"]
        for fmt in courier["formats"]
        for number in fmt.get("test_numbers", {}).get(kind, [])
    ]


VALID = _dataset_numbers("valid") + _china_numbers("valid")
INVALID = _dataset_numbers("invalid") + _china_numbers("invalid")


def _compact(number: str) -> str:
    return "".join(number.split()).upper()


@pytest.fixture(scope="module")
def table() -> CourierTable:
    return default_courier_table()


def test_dataset_has_numbers_for_every_format() -> None:
    assert len(_dataset_numbers("valid")) >= 90
    assert len(_dataset_numbers("invalid")) >= 40
    assert len(_china_numbers("valid")) >= 10


@pytest.mark.parametrize(("courier", "format_id", "number"), VALID)
def test_valid_test_number_fits_its_format(
    table: CourierTable, courier: str, format_id: str, number: str
) -> None:
    found = [m for m in table.match(_compact(number)) if m.format_id == format_id]
    assert [m.courier_code for m in found] == [courier]
    assert found[0].valid


@pytest.mark.parametrize(("courier", "format_id", "number"), VALID)
def test_valid_test_number_scans_as_its_courier(courier: str, format_id: str, number: str) -> None:
    scan = interpret_scan(number)
    assert courier in scan.candidates
    assert scan.valid
    if scan.kind is ScanKind.TRACKING:
        assert scan.carrier == (courier if scan.candidates == (courier,) else None)
    else:
        # The documented overlap: digits that are also a valid GTIN or SSCC read as such,
        # with the courier kept among the candidates.
        assert scan.kind in (ScanKind.GTIN, ScanKind.SSCC)
        assert is_valid_gs1_number(scan.value)


@pytest.mark.parametrize(("courier", "format_id", "number"), INVALID)
def test_invalid_test_number_is_not_valid_for_its_format(
    table: CourierTable, courier: str, format_id: str, number: str
) -> None:
    matches = table.match(_compact(number))
    assert not [m for m in matches if m.format_id == format_id and m.valid]
    scan = interpret_scan(number)
    if courier in scan.candidates and scan.valid:
        # Allowed only when another format of the same courier accepts it.
        others = [m for m in matches if m.courier_code == courier and m.valid]
        assert others and all(m.format_id != format_id for m in others)


def test_required_couriers_are_shipped(table: CourierTable) -> None:
    required = {
        "ups", "fedex", "usps", "dhl", "s10", "sf_express", "jd_logistics", "yto",
        "zto", "sto", "yunda", "jt_express", "ems_china", "china_post",
    }  # fmt: skip
    assert required <= set(table.codes)
    assert list(table.codes) == sorted(table.codes)


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("ups", "en", "UPS"),
        ("sf_express", "en", "SF Express"),
        ("sf_express", "zh_CN", "顺丰速运"),
        ("ups", "zh_CN", "UPS"),  # no Chinese name: the English one
        ("no_such_courier", "en", "no_such_courier"),
    ],
)
def test_courier_name(table: CourierTable, code: str, language: str, name: str) -> None:
    assert table.courier_name(code, language) == name


def test_postal_operator_of_s10_items(table: CourierTable) -> None:
    assert table.postal_operator("RB123456785CN") == "China Post"
    assert table.postal_operator("RB123456785GB") == "Royal Mail Group plc"
    assert table.postal_operator("1Z879E930346834440") is None


@pytest.mark.parametrize(
    ("number", "candidates"),
    [
        ("7731234567890", ("sto", "yunda")),
        ("8812345678901", ("sto", "yunda")),
        ("75123456789012", ("dhl", "zto")),
    ],
)
def test_ambiguous_chinese_numbers_list_every_courier(
    number: str, candidates: tuple[str, ...]
) -> None:
    scan = interpret_scan(number)
    assert scan.kind is ScanKind.TRACKING
    assert scan.carrier is None
    assert scan.candidates == candidates
    assert scan.valid


def test_fedex_barcodes_give_the_tracking_number_people_use() -> None:
    assert interpret_scan("1027590111820004833500785458233610").value == "785458233610"
    assert interpret_scan("9611020987654312345672").value == "987654312345672"


def test_site_file_replaces_a_shipped_courier_and_adds_one(tmp_path: Path) -> None:
    site = tmp_path / "site_couriers.json"
    site.write_text(
        json.dumps(
            {
                "couriers": [
                    {
                        "courier_code": "sf_express",
                        "name": "SF Express (site)",
                        "formats": [{"id": "sf_15", "prefix": "SF", "digits": 15}],
                    },
                    {
                        "courier_code": "best",
                        "name": "Best Express",
                        "name_zh": "百世快递",
                        "formats": [{"id": "best", "regex": "A[0-9]{12}"}],
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    table = CourierTable.load(extra_files=[site])
    assert interpret_scan("SF1234567890123", couriers=table).kind is ScanKind.UNKNOWN
    sf_scan = interpret_scan("SF123456789012345", couriers=table)
    assert (sf_scan.kind, sf_scan.carrier) == (ScanKind.TRACKING, "sf_express")
    assert interpret_scan("A123456789012", couriers=table).carrier == "best"
    assert table.courier_name("sf_express") == "SF Express (site)"
    assert table.courier_name("best", "zh") == "百世快递"
    assert interpret_scan("1Z879E930346834440", couriers=table).carrier == "ups"
    # The shipped default table is untouched by a site's load.
    assert interpret_scan("SF1234567890123").carrier == "sf_express"


def test_site_file_in_upstream_shape_replaces_upstream_courier(tmp_path: Path) -> None:
    upstream = json.loads((DATASET / "couriers/ups.json").read_text(encoding="utf-8"))
    upstream["tracking_numbers"] = [upstream["tracking_numbers"][0]]  # drop UPS Waybill
    site = tmp_path / "ups.json"
    site.write_text(json.dumps(upstream), encoding="utf-8")
    table = CourierTable.load(extra_files=[site])
    assert interpret_scan("1Z879E930346834440", couriers=table).carrier == "ups"
    assert interpret_scan("K1506235620", couriers=table).kind is ScanKind.UNKNOWN
    assert interpret_scan("K1506235620").carrier == "ups"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"something": 1}', '"couriers" list'),
        ('{"couriers": [{"name": "X", "formats": []}]}', '"courier_code"'),
        (
            '{"couriers": [{"courier_code": "x", "name": "X", "formats": [{"id": "a"}]}]}',
            '"digits"',
        ),
        (
            (
                '{"couriers": [{"courier_code": "x", "name": "X",'
                ' "formats": [{"id": "a", "regex": "(["}]}]}'
            ),
            "bad regex",
        ),
        (
            (
                '{"name": "X", "courier_code": "x", "tracking_numbers": [{"id": "a",'
                ' "regex": "[0-9]+", "validation": {"checksum": {"name": "mod99"}}}]}'
            ),
            "unknown checksum",
        ),
    ],
)
def test_bad_site_file_names_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    site = tmp_path / "broken.json"
    site.write_text(content, encoding="utf-8")
    with pytest.raises(CourierFileError) as caught:
        CourierTable.load(extra_files=[site])
    assert "broken.json" in str(caught.value)
    assert problem in str(caught.value)


def test_missing_site_file_is_a_courier_file_error(tmp_path: Path) -> None:
    with pytest.raises(CourierFileError, match="cannot be read"):
        CourierTable.load(extra_files=[tmp_path / "absent.json"])


def test_default_table_is_loaded_once() -> None:
    assert default_courier_table() is default_courier_table()
