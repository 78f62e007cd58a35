"""The print queue's default renderer: a job's payload becomes its kind's label, PDF or ZPL."""

from __future__ import annotations

import pytest

from labels import LabelError
from receiving_app.printing.rendering import label_renderer
from tests.core.printers import label_payload

DISPOSITION = {
    "lpn": "LPN0000000001",
    "grade": "B",
    "disposition": "REFURBISH",
    "destination": "RF-ELEC-01",
    "sku": "EL-1001",
    "rma": "RMA00000001",
    "date": "2026-11-24",
    "inspector": "Wang Fang",
}


@pytest.mark.parametrize(
    ("kind", "payload"), [("lpn", label_payload("LPN0000000001")), ("disposition", DISPOSITION)]
)
@pytest.mark.parametrize(("label_format", "start"), [("pdf", b"%PDF"), ("zpl", b"^XA")])
def test_a_payload_becomes_its_label(
    kind: str, payload: dict[str, object], label_format: str, start: bytes
) -> None:
    label = label_renderer()(kind, payload, "4x6", 203, label_format)
    assert label.startswith(start)


def test_captions_are_given_in_the_stations_language() -> None:
    asked: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        asked.append((context, text))
        return text

    label_renderer(translate)("disposition", DISPOSITION, "4x6", 203, "zpl")
    assert ("Label", "Destination") in asked


@pytest.mark.parametrize(
    ("kind", "payload", "label_format", "field"),
    [
        ("pallet", DISPOSITION, "pdf", "kind"),
        ("lpn", label_payload("LPN0000000001"), "png", "kind"),
        ("disposition", {"lpn": "LPN0000000001"}, "pdf", "payload"),
    ],
)
def test_a_job_that_cannot_become_a_label_says_why(
    kind: str, payload: dict[str, object], label_format: str, field: str
) -> None:
    with pytest.raises(LabelError) as error:
        label_renderer()(kind, payload, "4x6", 203, label_format)
    assert error.value.field == field
