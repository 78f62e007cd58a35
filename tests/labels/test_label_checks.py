"""Bad label data is refused with a LabelError naming the field (labels.label_checks and the
kinds' checks), in both outputs, before anything is drawn."""

from __future__ import annotations

import dataclasses

import pytest

from labels import LabelError, LabelKind, LabelSize, render_label
from tests.labels.label_cases import sample

BAD_FIELDS = [
    (LabelKind.LPN, "lpn", ""),
    (LabelKind.LPN, "lpn", " LPN1"),
    (LabelKind.LPN, "lpn", "LPN\t1"),
    (LabelKind.LPN, "lpn", "LPN-Ä1"),
    (LabelKind.LPN, "lpn", 12345),
    (LabelKind.LPN, "lpn", "L" * 81),
    (LabelKind.LPN, "sku", ""),
    (LabelKind.LPN, "product_name", "   "),
    (LabelKind.LPN, "rma", None),
    (LabelKind.LPN, "received_at", b"2026-11-24"),
    (LabelKind.LPN, "station", "x" * 501),
    (LabelKind.LPN, "serial", 42),
    (LabelKind.DISPOSITION, "lpn", "LPN 1 "),
    (LabelKind.DISPOSITION, "grade", "D"),
    (LabelKind.DISPOSITION, "grade", "a"),
    (LabelKind.DISPOSITION, "disposition", ""),
    (LabelKind.DISPOSITION, "destination", None),
    (LabelKind.DISPOSITION, "sku", "\n"),
    (LabelKind.DISPOSITION, "rma", 7),
    (LabelKind.DISPOSITION, "date", ""),
    (LabelKind.DISPOSITION, "inspector", ""),
    (LabelKind.DISPOSITION, "captions", {"grade": "Grade"}),
    (LabelKind.DISPOSITION, "captions", ["grade"]),
    (LabelKind.PARCEL, "receipt_key", "SF 123\x1d"),
    (LabelKind.PARCEL, "receipt_key", "顺丰123"),
    (LabelKind.PARCEL, "tracking_number", ""),
    (LabelKind.PARCEL, "carrier", 3),
    (LabelKind.PARCEL, "rma", " "),
    (LabelKind.PARCEL, "received_at", None),
    (LabelKind.PARCEL, "station", ""),
    (LabelKind.PARCEL, "condition", ""),
    (LabelKind.PARCEL, "unit_count", -1),
    (LabelKind.PARCEL, "unit_count", 10_000),
    (LabelKind.PARCEL, "unit_count", True),
    (LabelKind.PARCEL, "unit_count", "2"),
    (LabelKind.PARCEL, "exception", "no"),
    (LabelKind.PARCEL, "captions", None),
]


@pytest.mark.parametrize("fmt", ["pdf", "zpl"])
@pytest.mark.parametrize(("kind", "field", "value"), BAD_FIELDS)
def test_bad_data_names_the_field(kind: LabelKind, field: str, value: object, fmt: str) -> None:
    data = dataclasses.replace(sample(kind), **{field: value})
    with pytest.raises(LabelError) as raised:
        render_label(kind, data, LabelSize.FOUR_BY_SIX, 203, fmt)
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field}: ")


@pytest.mark.parametrize("kind", [LabelKind.DISPOSITION, LabelKind.PARCEL])
def test_an_empty_caption_names_its_key(kind: LabelKind) -> None:
    data = sample(kind)
    captions = {**data.captions, "rma": " "}
    with pytest.raises(LabelError) as raised:
        render_label(kind, dataclasses.replace(data, captions=captions), "4x2", 300, "pdf")
    assert raised.value.field == "captions['rma']"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "sticker"}, "kind"),
        ({"size": "A4"}, "size"),
        ({"size": 4}, "size"),
        ({"dpi": 250}, "dpi"),
        ({"dpi": 203.0}, "dpi"),
        ({"dpi": "203"}, "dpi"),
        ({"fmt": "png"}, "fmt"),
        ({"kind": LabelKind.PARCEL}, "data"),
    ],
)
def test_bad_arguments_name_themselves(change: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {
        "kind": LabelKind.LPN,
        "data": sample(LabelKind.LPN),
        "size": LabelSize.FOUR_BY_TWO,
        "dpi": 203,
        "fmt": "pdf",
    } | change
    with pytest.raises(LabelError) as raised:
        render_label(**arguments)
    assert raised.value.field == field


def test_control_characters_in_texts_are_cleaned_not_refused(pdf_text) -> None:
    data = dataclasses.replace(
        sample(LabelKind.LPN), product_name="Wireless\theadphones\x00black\n"
    )
    assert "Wireless headphones black" in pdf_text(
        render_label(LabelKind.LPN, data, "4x6", 203, "pdf")
    )
