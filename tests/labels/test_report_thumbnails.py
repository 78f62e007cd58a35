"""Photos in the inspection report are embedded as thumbnails (labels.report_photos): six
12-megapixel phone photos make a small PDF that still prints, upright and on white."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from labels.inspection_report import ReportPhoto, render_inspection_report_pdf
from labels.report_photos import PHOTO_DPI, read_photo, thumbnail_size
from tests.labels.test_inspection_report import LPN, _data

PHONE_SIZE = (4000, 3000)  # 12 megapixels
EXIF_ORIENTATION = 0x0112


def _jpeg(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, **options)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def phone_photos() -> tuple[ReportPhoto, ...]:
    """Six different photo-sized JPEGs with the fine detail that makes real ones 5-7 MB."""
    noise = Image.effect_noise(PHONE_SIZE, 40)
    gradient = Image.linear_gradient("L").resize(PHONE_SIZE)
    photos = []
    for number in range(6):
        shifted = ImageChops.offset(noise, number * 97, number * 53)
        image = Image.merge("RGB", (Image.blend(gradient, shifted, 0.5), shifted, gradient))
        ImageDraw.Draw(image).rectangle((400, 400, 1600, 1200), fill=(200, 30 * number, 40))
        photos.append(ReportPhoto(f"Phone photo {number + 1}", _jpeg(image)))
    return tuple(photos)


def _embedded_images(pdf: bytes, folder: Path) -> list[tuple[int, int]]:
    """Width and height of every image in the PDF, as ``pdfimages -list`` reports them."""
    source = folder / "photos.pdf"
    source.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(source)], check=True, capture_output=True, text=True
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    return [(int(row[3]), int(row[4])) for row in rows if row[2] == "image"]


def test_six_phone_photos_make_a_small_pdf_that_still_prints(
    phone_photos: tuple[ReportPhoto, ...], rasterise, decode, tmp_path: Path
) -> None:
    assert sum(len(photo.image) for photo in phone_photos) > 25_000_000
    pdf = render_inspection_report_pdf(_data(photos=phone_photos))
    assert len(pdf) < 1_500_000
    pages = rasterise(pdf, 200)
    assert len(pages) == 1
    assert decode(pages[0]) == [LPN]
    images = _embedded_images(pdf, tmp_path)
    assert len(images) == 6
    box_width, box_height = thumbnail_size()
    assert all(width <= box_width and height <= box_height for width, height in images)


def test_a_thumbnail_has_the_pixels_the_largest_box_needs_and_no_more(
    phone_photos: tuple[ReportPhoto, ...],
) -> None:
    box_width, box_height = thumbnail_size()
    # the grid is three photos across the A4 content width (about 165 pt), 120 pt high
    assert (box_width, box_height) == pytest.approx((165 * PHOTO_DPI / 72, 334), abs=8)
    width, height = read_photo(0, phone_photos[0]).getSize()
    assert height == box_height and width == round(box_height * 4 / 3)


def test_a_small_photo_is_not_enlarged() -> None:
    small = ReportPhoto("small", _jpeg(Image.new("RGB", (120, 90), "navy")))
    assert read_photo(0, small).getSize() == (120, 90)


def test_a_photo_turned_by_its_exif_orientation_comes_out_upright() -> None:
    # a phone held upright stores a landscape image and says "rotate 90°" (orientation 6)
    stored = Image.new("RGB", (800, 600), "white")
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    photo = ReportPhoto("portrait", _jpeg(stored, exif=exif.tobytes()))
    width, height = read_photo(0, photo).getSize()
    assert height > width


def test_transparent_parts_of_a_png_print_white() -> None:
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((80, 80, 120, 120), fill=(0, 0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    reader = read_photo(0, ReportPhoto("cut-out", buffer.getvalue()))
    rgb = reader.getRGBData()
    width, _ = reader.getSize()

    def pixel(x: int, y: int) -> bytes:
        start = (y * width + x) * 3
        return bytes(rgb[start : start + 3])

    assert min(pixel(5, 5)) > 240  # transparent: white, not black
    assert max(pixel(100, 100)) < 40  # the opaque square stays black


def test_the_same_photos_give_the_same_bytes(phone_photos: tuple[ReportPhoto, ...]) -> None:
    data = dataclasses.replace(_data(), photos=phone_photos[:2])
    assert render_inspection_report_pdf(data) == render_inspection_report_pdf(data)
