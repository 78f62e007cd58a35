"""Sample and over-long data for every label kind, shared by the label tests."""

from __future__ import annotations

import dataclasses

from labels import CAPTION_KEYS, LabelData, LabelKind, sample_label_data
from receiving_app.i18n import identity_translate
from receiving_app.label_captions import label_captions

KINDS = list(LabelKind)
DPIS = [203, 300]

#: The barcode content of each kind's sample, and a Chinese text each sample prints.
BARCODE = {LabelKind.LPN: "LPN0000012345", LabelKind.DISPOSITION: "LPN0000012345",
           LabelKind.PARCEL: "SF1234567890123",
           LabelKind.CARTON: "00006141410000001231"}  # fmt: skip
#: The text printed under each sample's barcode: its content, but for the carton's bracketed SSCC.
PRINTED = BARCODE | {LabelKind.CARTON: "(00) 0 0614141 000000123 1"}
CHINESE = {LabelKind.LPN: "无线蓝牙降噪耳机", LabelKind.DISPOSITION: "王芳",
           LabelKind.PARCEL: "顺丰速运", LabelKind.CARTON: "深圳声科电子"}  # fmt: skip

LONG_CHINESE = "超长的商品名称" * 30 + " with a very long English tail " * 5
LONG_LATIN = "RECEIVING-DOCK-STATION-NUMBER-01 " * 6


def sample(kind: LabelKind) -> LabelData:
    """The kind's sample with English captions."""
    return sample_label_data(kind, label_captions(kind.value, identity_translate))


def long_sample(kind: LabelKind) -> LabelData:
    """The sample with every text field and caption very long, Chinese and Latin in turn."""
    data = sample(kind)
    names = [
        f.name
        for f in dataclasses.fields(data)
        if isinstance(getattr(data, f.name), str)
        and f.name not in ("lpn", "receipt_key", "grade", "sscc")
    ]
    changes: dict[str, object] = {
        name: LONG_CHINESE if index % 2 == 0 else LONG_LATIN for index, name in enumerate(names)
    }
    if CAPTION_KEYS[kind]:
        changes["captions"] = {key: LONG_LATIN for key in CAPTION_KEYS[kind]}
    return dataclasses.replace(data, **changes)
