"""Helpers for label tests: rasterise a PDF with poppler as a printer would, decode with zbar."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from PIL import Image
from pyzbar import pyzbar

Rasterise = Callable[[bytes, int], list[Image.Image]]
Decode = Callable[[Image.Image], list[str]]
PdfText = Callable[[bytes], str]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install poppler-utils (see STACK.md)")
    return path


@pytest.fixture
def rasterise(tmp_path: Path) -> Rasterise:
    """Render every page of a PDF to an 8-bit grey image at ``dpi``, as a printer driver would."""
    counter = iter(range(1_000_000))

    def run(pdf: bytes, dpi: int) -> list[Image.Image]:
        number = next(counter)
        source = tmp_path / f"doc{number}.pdf"
        source.write_bytes(pdf)
        prefix = tmp_path / f"page{number}"
        subprocess.run(
            [_tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(source), str(prefix)],
            check=True,
            capture_output=True,
        )
        # pdftoppm zero-pads page numbers to the page count, so sorting by name is page order.
        pages = sorted(tmp_path.glob(f"page{number}-*.png"))
        images = []
        for page in pages:
            with Image.open(page) as image:
                images.append(image.convert("L"))
        return images

    return run


@pytest.fixture
def decode() -> Decode:
    """Every Code 128 symbol zbar finds on an image, as text (Latin-1 keeps control characters)."""

    def run(image: Image.Image) -> list[str]:
        found = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.CODE128])
        return [symbol.data.decode("latin-1") for symbol in found]

    return run


@pytest.fixture
def pdf_text(tmp_path: Path) -> PdfText:
    """The text poppler extracts from a PDF: proves glyphs map back to the characters drawn."""

    def run(pdf: bytes) -> str:
        source = tmp_path / "text.pdf"
        source.write_bytes(pdf)
        result = subprocess.run(
            [_tool("pdftotext"), "-layout", "-enc", "UTF-8", str(source), "-"],
            check=True,
            capture_output=True,
        )
        return result.stdout.decode("utf-8")

    return run


@pytest.fixture
def pdf_fonts(tmp_path: Path) -> Callable[[bytes], str]:
    """``pdffonts`` output for a PDF: font names, types and whether each is embedded."""

    def run(pdf: bytes) -> str:
        source = tmp_path / "fonts.pdf"
        source.write_bytes(pdf)
        result = subprocess.run([_tool("pdffonts"), str(source)], check=True, capture_output=True)
        return result.stdout.decode("utf-8")

    return run


BarcodeRow = Callable[[Image.Image], tuple[int, list[int]]]


@pytest.fixture
def barcode_row() -> BarcodeRow:
    """Find the first pixel row through a barcode: many black/white changes, and the same row
    again 10 pixels further down (bars are vertical; a line of text is not)."""

    def run(image: Image.Image) -> tuple[int, list[int]]:
        width, height = image.size
        data = image.tobytes()
        rows = [list(data[y * width : (y + 1) * width]) for y in range(height)]
        for y in range(height - 10):
            row = rows[y]
            changes = sum(1 for a, b in pairwise(row) if (a < 128) != (b < 128))
            if changes >= 40 and rows[y + 10] == row:
                return y + 5, rows[y + 5]
        raise AssertionError("no barcode row found")

    return run
