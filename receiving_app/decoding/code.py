"""What a decoder reads: one barcode's text, its format and where it is in the image (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BarcodeFormat(StrEnum):
    """The symbologies a returns dock meets, named as the command line and the data set name them."""

    CODE128 = "code128"
    CODE39 = "code39"
    DATAMATRIX = "datamatrix"
    EAN13 = "ean13"
    EAN8 = "ean8"
    ITF = "itf"
    PDF417 = "pdf417"
    QRCODE = "qrcode"
    UPCA = "upca"
    UPCE = "upce"


Point = tuple[int, int]


@dataclass(frozen=True)
class Code:
    """One barcode read: ``text`` as the label says it, its format, its outline in image pixels."""

    text: str
    format: BarcodeFormat
    points: tuple[Point, ...]

    @property
    def key(self) -> tuple[str, BarcodeFormat]:
        """What makes two reads the same code, whichever engine or pass found them."""
        return self.text, self.format


__all__ = ["BarcodeFormat", "Code", "Point"]
