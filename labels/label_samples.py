"""Realistic sample data for each label kind, for setting up a printer (``label sample``).

Pure data, no Qt. The samples are as long as real data gets at the dock and carry Chinese text
(a product name, an inspector, a carrier), so one test print shows whether the barcode scans,
the stock is the right size and the printer has a Chinese font.
"""

from __future__ import annotations

from collections.abc import Mapping

from labels.carton_label import CartonLabelData
from labels.disposition_label import DispositionLabelData
from labels.errors import LabelError
from labels.label_render import LabelData, LabelKind
from labels.lpn_label import LPNLabelData
from labels.parcel_label import ParcelLabelData


def sample_label_data(kind: LabelKind, captions: Mapping[str, str]) -> LabelData:
    """Sample data of ``kind``, with ``captions`` translated by the caller.

    ``captions`` holds the keys of :data:`labels.label_render.CAPTION_KEYS` for the kind
    (the LPN label has none; pass ``{}``). Checked when the label is rendered.

    Raises:
        LabelError: an unknown kind.
    """
    if kind == LabelKind.LPN:
        return LPNLabelData(
            lpn="LPN0000012345",
            sku="HP-BT-500-BLK",
            product_name="无线蓝牙降噪耳机 Pro 黑色 (wireless headphones, black)",
            rma="RMA-2026-000123",
            received_at="2026-11-24 10:42",
            station="DOCK-01",
            serial="SN8812345678",
        )
    if kind == LabelKind.DISPOSITION:
        return DispositionLabelData(
            lpn="LPN0000012345",
            grade="B",
            disposition="REFURBISH",
            destination="RF-ELEC-03",
            sku="HP-BT-500-BLK",
            rma="RMA-2026-000123",
            date="2026-11-24 11:05",
            inspector="王芳 (wang.fang)",
            captions=captions,
        )
    if kind == LabelKind.CARTON:
        return CartonLabelData(
            sscc="006141410000001231",
            prefix_digits=7,
            ship_from="华东退货中心 East China returns dock",
            ship_to="深圳声科电子有限公司 (Shenzhen Acoustics)",
            batch="RTV-000123",
            vendor_rma="VRMA-2026-88412",
            carton_number=1,
            carton_count=3,
            unit_count=12,
            captions=captions,
        )
    if kind != LabelKind.PARCEL:
        raise LabelError(f"{kind!r} is not one of {', '.join(LabelKind)}", field="kind")
    return ParcelLabelData(
        receipt_key="SF1234567890123",
        tracking_number="SF1234567890123",
        carrier="顺丰速运 SF Express",
        rma="RMA-2026-000123",
        received_at="2026-11-24 10:40",
        station="DOCK-01",
        unit_count=2,
        condition="damaged",
        exception=True,
        captions=captions,
    )
