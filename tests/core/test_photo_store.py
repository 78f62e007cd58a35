"""The photo store: pictures are checked, turned upright, shrunk, stripped and stored once."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from receiving_app import photo_store
from receiving_app.errors import InvalidInput
from receiving_app.photo_store import PhotoStore

RED, BLUE = (220, 20, 20), (20, 20, 220)


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def halves(width: int, height: int) -> Image.Image:
    """Red on the left half, blue on the right: shows which way a picture was turned."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 2, height))
    return image


def near(pixel: object, colour: tuple[int, int, int]) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour, strict=False))


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "photos")


def test_a_large_png_becomes_a_jpeg_within_the_edge_keeping_its_aspect(
    store: PhotoStore, tmp_path: Path
) -> None:
    source = tmp_path / "big.png"
    source.write_bytes(encoded(halves(4000, 3000), "PNG"))
    stored = store.store(source)
    assert (stored.width, stored.height) == (2048, 1536)
    data = store.path_of(stored.file_name).read_bytes()
    assert stored.file_name == f"{hashlib.sha256(data).hexdigest()}.jpg" == f"{stored.sha256}.jpg"
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", (2048, 1536))


def test_the_configured_edge_is_used_and_small_pictures_are_never_enlarged(tmp_path: Path) -> None:
    small = PhotoStore(tmp_path / "photos", max_edge=640)
    wide = small.store(encoded(halves(3000, 1000), "PNG"))
    assert (wide.width, wide.height) == (640, 213)
    kept = small.store(encoded(halves(300, 200), "PNG"))
    assert (kept.width, kept.height) == (300, 200)


def test_the_exif_orientation_is_applied_and_not_kept(store: PhotoStore) -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was held turned: show it turned right
    stored = store.store(encoded(halves(200, 100), "JPEG", exif=exif.tobytes()))
    assert (stored.width, stored.height) == (100, 200)
    with Image.open(store.path_of(stored.file_name)) as image:
        rgb = image.convert("RGB")
        assert near(rgb.getpixel((50, 10)), RED)  # the left edge is now on top
        assert near(rgb.getpixel((50, 190)), BLUE)
        assert not image.getexif()


def test_no_gps_position_is_kept(store: PhotoStore) -> None:
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (31.0, 14.0, 0.0),
    }
    picture = encoded(halves(320, 240), "JPEG", exif=exif.tobytes())
    with Image.open(io.BytesIO(picture)) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the input has a position
    stored = store.store(picture)
    data = store.path_of(stored.file_name).read_bytes()
    assert data != picture
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_small_jpeg_without_metadata_is_kept_byte_for_byte(
    store: PhotoStore, tmp_path: Path
) -> None:
    picture = encoded(halves(640, 480), "JPEG", quality=70)
    source = tmp_path / "frame.jpg"
    source.write_bytes(picture)
    stored = store.store(source)
    assert store.path_of(stored.file_name).read_bytes() == picture
    assert stored.sha256 == hashlib.sha256(picture).hexdigest()
    assert (stored.width, stored.height) == (640, 480)


def test_the_same_picture_twice_is_one_file(store: PhotoStore, tmp_path: Path) -> None:
    picture = encoded(halves(3000, 2000), "PNG")
    source = tmp_path / "again.png"
    source.write_bytes(picture)
    assert store.store(source) == store.store(picture)
    assert len(list(store.folder.iterdir())) == 1  # no temporary file left either


def refused(store: PhotoStore, source: Path | bytes) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        store.store(source)
    assert not store.folder.exists() or not any(store.folder.iterdir())
    return caught.value


def test_damaged_and_cut_short_pictures_are_refused(store: PhotoStore, tmp_path: Path) -> None:
    jpeg = encoded(halves(400, 300), "JPEG")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(jpeg[: len(jpeg) // 2])
    error = refused(store, cut)
    assert (error.message, error.params) == (photo_store.DAMAGED[0], {"file": "cut.jpg"})
    png = encoded(halves(400, 300), "PNG")
    garbled = png[:60] + bytes(len(png) - 60)
    assert refused(store, garbled).message == photo_store.DAMAGED[1]


def test_files_that_are_no_picture_or_cannot_be_read_are_refused(
    store: PhotoStore, tmp_path: Path
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    assert refused(store, text).message == photo_store.NOT_A_PICTURE[0]
    gif = encoded(halves(40, 30), "GIF")
    assert refused(store, gif).message == photo_store.NOT_A_PICTURE[1]
    missing = refused(store, tmp_path / "missing.jpg")
    assert (missing.message, missing.params) == (photo_store.UNREADABLE, {"file": "missing.jpg"})


def test_oversized_pictures_are_refused_before_they_are_decoded(
    store: PhotoStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as file:
        file.truncate(photo_store.MAX_PHOTO_BYTES + 1)
    error = refused(store, huge)
    assert (error.message, error.params) == (
        photo_store.TOO_BIG[0],
        {"file": "huge.jpg", "limit": 20},
    )
    assert (
        refused(store, b"\xff\xd8\xff" + bytes(photo_store.MAX_PHOTO_BYTES)).message
        == (photo_store.TOO_BIG[1])
    )
    picture = encoded(halves(400, 300), "PNG")
    monkeypatch.setattr(photo_store, "MAX_PHOTO_PIXELS", 100_000)
    assert refused(store, picture).message == photo_store.TOO_MANY_PIXELS[1]
    monkeypatch.setattr(photo_store, "MAX_PHOTO_PIXELS", 10_000_000)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)  # Pillow's own bomb guard
    assert refused(store, picture).message == photo_store.TOO_MANY_PIXELS[1]


def test_a_transparent_png_is_stored_on_white(store: PhotoStore) -> None:
    cut_out = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    stored = store.store(encoded(cut_out, "PNG"))
    with Image.open(store.path_of(stored.file_name)) as image:
        assert near(image.convert("RGB").getpixel((20, 20)), (255, 255, 255))


def test_a_folder_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(InvalidInput) as caught:
        PhotoStore(blocked).store(encoded(halves(40, 30), "PNG"))
    assert (caught.value.message, caught.value.params) == (
        photo_store.NOT_WRITTEN,
        {"folder": str(blocked)},
    )
