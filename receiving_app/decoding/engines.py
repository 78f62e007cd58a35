"""The barcode engines, each restricted to the dock's formats and returning ``Code`` (no Qt).

``ZbarEngine`` is pyzbar (the zbar library the product owner asked for); ``ZxingEngine`` is
zxing-cpp, which also reads Data Matrix and PDF417. Both take a grey ``uint8`` image and return
texts already normalised (``normalize``) with outlines in that image's pixels.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import zxingcpp
from numpy.typing import NDArray
from pyzbar import pyzbar

from receiving_app.decoding.code import BarcodeFormat, Code, Point
from receiving_app.decoding.normalize import normalize

GreyImage = NDArray[np.uint8]


class Engine(Protocol):
    """Something that reads the dock's barcodes in a grey image."""

    name: str

    def read(self, grey: GreyImage) -> list[Code]: ...


_ZBAR_FORMATS = {
    pyzbar.ZBarSymbol.CODE128: BarcodeFormat.CODE128,
    pyzbar.ZBarSymbol.CODE39: BarcodeFormat.CODE39,
    pyzbar.ZBarSymbol.EAN13: BarcodeFormat.EAN13,
    pyzbar.ZBarSymbol.EAN8: BarcodeFormat.EAN8,
    pyzbar.ZBarSymbol.I25: BarcodeFormat.ITF,
    pyzbar.ZBarSymbol.QRCODE: BarcodeFormat.QRCODE,
    pyzbar.ZBarSymbol.UPCA: BarcodeFormat.UPCA,
    pyzbar.ZBarSymbol.UPCE: BarcodeFormat.UPCE,
}
_ZBAR_NAMES = {symbol.name: barcode_format for symbol, barcode_format in _ZBAR_FORMATS.items()}


class ZbarEngine:
    """pyzbar: quick on clean 1D codes and QR; no Data Matrix, no PDF417."""

    name = "pyzbar"

    def read(self, grey: GreyImage) -> list[Code]:
        codes = []
        for symbol in pyzbar.decode(grey, symbols=list(_ZBAR_FORMATS)):
            barcode_format = _ZBAR_NAMES.get(symbol.type)
            if barcode_format is None:
                continue
            text = _zbar_text(symbol.data)
            points = tuple((int(p.x), int(p.y)) for p in symbol.polygon)
            codes.append(Code(*normalize(text, barcode_format), points))
        return codes


def _zbar_text(data: bytes) -> str:
    """zbar hands text over as UTF-8 (it converts a Shift-JIS QR itself); else bytes as Latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_ZXING_FORMATS = {
    zxingcpp.BarcodeFormat.Code128: BarcodeFormat.CODE128,
    zxingcpp.BarcodeFormat.Code39: BarcodeFormat.CODE39,
    # zxing-cpp names full-ASCII Code 39 apart, already decoded (``12ab``).
    zxingcpp.BarcodeFormat.Code39Ext: BarcodeFormat.CODE39,
    zxingcpp.BarcodeFormat.DataMatrix: BarcodeFormat.DATAMATRIX,
    zxingcpp.BarcodeFormat.EAN13: BarcodeFormat.EAN13,
    zxingcpp.BarcodeFormat.EAN8: BarcodeFormat.EAN8,
    zxingcpp.BarcodeFormat.ITF: BarcodeFormat.ITF,
    zxingcpp.BarcodeFormat.PDF417: BarcodeFormat.PDF417,
    zxingcpp.BarcodeFormat.QRCode: BarcodeFormat.QRCODE,
    zxingcpp.BarcodeFormat.UPCA: BarcodeFormat.UPCA,
    zxingcpp.BarcodeFormat.UPCE: BarcodeFormat.UPCE,
}


class ZxingEngine:
    """zxing-cpp: reads far more than zbar, Data Matrix and PDF417 too; ``thorough`` tries harder.

    ``thorough`` lets zxing-cpp rotate, downscale and invert on its own; the live feed leaves it
    off and gets a cheap pass.
    """

    name = "zxing-cpp"

    def __init__(self, thorough: bool = True) -> None:
        self._formats = zxingcpp.BarcodeFormats(list(_ZXING_FORMATS))
        self._thorough = thorough

    def read(self, grey: GreyImage) -> list[Code]:
        found = zxingcpp.read_barcodes(
            grey,
            formats=self._formats,
            try_rotate=self._thorough,
            try_downscale=self._thorough,
            try_invert=self._thorough,
            text_mode=zxingcpp.TextMode.Plain,
        )
        codes = []
        for barcode in found:
            barcode_format = _ZXING_FORMATS.get(barcode.format)
            if barcode_format is None:
                continue
            position = barcode.position
            corners = (
                position.top_left,
                position.top_right,
                position.bottom_right,
                position.bottom_left,
            )
            points: tuple[Point, ...] = tuple((int(p.x), int(p.y)) for p in corners)
            codes.append(Code(*normalize(barcode.text, barcode_format), points))
        return codes


__all__ = ["Engine", "GreyImage", "ZbarEngine", "ZxingEngine"]
