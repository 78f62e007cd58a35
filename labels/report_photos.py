"""The photo grid of the inspection report: decoding, measuring and drawing the thumbnails.

Up to :data:`~labels.report_data.MAX_PHOTOS` photos sit in a grid of three columns under a
heading, each scaled without distortion into its box with a caption of up to two lines below.
The image boxes shrink, within limits, to fit the room the table leaves on the page.

Photos arrive as the camera wrote them (a phone's 12-megapixel JPEG is 3-6 MB); each is turned
upright by its EXIF orientation and scaled down to what the largest image box needs at
:data:`PHOTO_DPI` before it is embedded, so a report with six photos stays a few hundred KB.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from labels.errors import LabelError
from labels.layout import Box, Painter, draw_fitted, slot_baseline
from labels.report_data import InspectionReportData, ReportPhoto
from labels.report_page import SECTION_GAP, content_box
from labels.text import wrap_lines

_PHOTO_COLUMNS = 3
_PHOTO_GAP = 8.0
_PHOTO_MAX_HEIGHT = 120.0
#: The smallest useful image box; the plan moves the photos to a page of their own below this.
PHOTO_MIN_HEIGHT = 60.0
_PHOTO_CAPTION_SIZE = 8.0
_PHOTO_CAPTION_LINES = 2
_HEADING_SIZE = 10.0
#: Resolution of the embedded thumbnails: sharp on an office printer, small in the file.
PHOTO_DPI = 200
_JPEG_QUALITY = 85


def read_photo(index: int, photo: ReportPhoto) -> ImageReader:
    """Decode a photo fully now and return its thumbnail, ready to embed.

    A damaged file fails here with a reason instead of leaving a blank box. The thumbnail is
    a JPEG no larger than :func:`thumbnail_size`; transparency is flattened onto white, which
    is what the page shows beneath it anyway.
    """
    where = f"photo {index + 1} ({photo.caption!r})"
    if not photo.image.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        raise LabelError(f"{where} is not a JPEG or PNG image", field="photos")
    try:
        thumbnail = _thumbnail(photo.image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        first_line = str(error).strip().splitlines()[-1] if str(error).strip() else ""
        raise LabelError(f"{where} cannot be read: {first_line}", field="photos") from None
    return ImageReader(io.BytesIO(thumbnail))


def thumbnail_size() -> tuple[int, int]:
    """The pixels the largest image box of the grid needs at :data:`PHOTO_DPI`."""
    width = (content_box().width - (_PHOTO_COLUMNS - 1) * _PHOTO_GAP) / _PHOTO_COLUMNS
    return math.ceil(width * PHOTO_DPI / 72), math.ceil(_PHOTO_MAX_HEIGHT * PHOTO_DPI / 72)


def _thumbnail(data: bytes) -> bytes:
    """The upright image scaled to fit :func:`thumbnail_size` (never enlarged), as a JPEG."""
    size = thumbnail_size()
    with Image.open(io.BytesIO(data)) as image:
        # A JPEG decodes straight at 1/2, 1/4 or 1/8 scale when that is still large enough.
        image.draft("RGB", size)
        image.load()  # a full decode: a truncated file raises here
        upright = ImageOps.exif_transpose(image)
    upright.thumbnail(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    _on_white(upright).save(buffer, "JPEG", quality=_JPEG_QUALITY)
    return buffer.getvalue()


def _on_white(image: Image.Image) -> Image.Image:
    """An RGB image; transparent parts become white, as the page would show them."""
    if not image.has_transparency_data:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat


def photos_height(count: int, photo_height: float) -> float:
    """Heading plus the grid of ``count`` photos with ``photo_height`` image boxes."""
    if count == 0:
        return 0.0
    grid_rows = math.ceil(count / _PHOTO_COLUMNS)
    cell = photo_height + 3 + _PHOTO_CAPTION_SIZE * 1.2 * _PHOTO_CAPTION_LINES
    return SECTION_GAP + _HEADING_SIZE * 1.4 + grid_rows * cell + (grid_rows - 1) * _PHOTO_GAP


def fit_photo_height(count: int, room: float) -> float:
    """The tallest image box between the limits whose grid fits ``room``."""
    if count == 0:
        return _PHOTO_MAX_HEIGHT
    grid_rows = math.ceil(count / _PHOTO_COLUMNS)
    fixed = photos_height(count, 0.0)
    height = (room - fixed) / grid_rows
    return max(PHOTO_MIN_HEIGHT, min(_PHOTO_MAX_HEIGHT, height))


def draw_photos(
    painter: Painter,
    data: InspectionReportData,
    images: Sequence[ImageReader],
    photo_height: float,
) -> None:
    """The heading and the grid of ``images`` with their captions, below the painter's cursor."""
    canvas, box = painter.canvas, painter.box
    painter.gap(SECTION_GAP)
    painter.text(data.captions["photos"], size=_HEADING_SIZE, bold=True, leading=1.4)
    cell_width = (box.width - (_PHOTO_COLUMNS - 1) * _PHOTO_GAP) / _PHOTO_COLUMNS
    cell_height = photo_height + 3 + _PHOTO_CAPTION_SIZE * 1.2 * _PHOTO_CAPTION_LINES
    for start in range(0, len(images), _PHOTO_COLUMNS):
        if start:
            painter.gap(_PHOTO_GAP)
        top = painter.cursor
        painter.gap(cell_height)
        for column, index in enumerate(range(start, min(start + _PHOTO_COLUMNS, len(images)))):
            left = box.left + column * (cell_width + _PHOTO_GAP)
            _draw_photo(
                canvas, images[index], Box(left, top - photo_height, left + cell_width, top)
            )
            caption_top = top - photo_height - 3
            lines = wrap_lines(
                data.photos[index].caption,
                cell_width,
                size=_PHOTO_CAPTION_SIZE,
                max_lines=_PHOTO_CAPTION_LINES,
            )
            for number, line in enumerate(lines):
                y = caption_top - number * _PHOTO_CAPTION_SIZE * 1.2
                draw_fitted(
                    canvas,
                    line,
                    left + (cell_width - line.width) / 2,
                    slot_baseline(y, _PHOTO_CAPTION_SIZE, 1.2),
                )


def _draw_photo(canvas: Canvas, image: ImageReader, box: Box) -> None:
    """The image scaled to fit ``box`` without distortion, centred, with a hairline frame."""
    image_width, image_height = image.getSize()
    height = box.top - box.bottom
    scale = min(box.width / image_width, height / image_height)
    width, drawn_height = image_width * scale, image_height * scale
    canvas.drawImage(
        image,
        box.left + (box.width - width) / 2,
        box.bottom + (height - drawn_height) / 2,
        width,
        drawn_height,
        mask="auto",
    )
    canvas.setStrokeGray(0.7)
    canvas.setLineWidth(0.5)
    canvas.rect(box.left, box.bottom, box.width, height, stroke=1, fill=0)
    canvas.setStrokeGray(0)
