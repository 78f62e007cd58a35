"""Photos in the GUI: a strip of thumbnails (a parcel's or a unit's photos) and the file dialog
that picks a photo when the camera is not used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QWidget,
)

from receiving_app.photo_store import PhotoRef

THUMBNAIL_EDGE = 96
"""Pixels on the long side of a thumbnail."""
PATH_ROLE = Qt.ItemDataRole.UserRole


def ask_photo_file(parent: QWidget, title: str, pictures: str) -> Path | None:
    """The open-file dialog for a JPEG or PNG photo (``pictures``: the filter's caption)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, title, "", f"{pictures} (*.jpg *.jpeg *.png)"
    )
    parent.window().activateWindow()
    return Path(name) if name else None


def thumbnail(path: Path) -> QPixmap | None:
    """The picture at ``path`` at most ``THUMBNAIL_EDGE`` on its long side, decoded at that
    size (a big photo is never loaded whole), upright from its EXIF orientation; None when the
    file is missing or unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None
    if max(size.width(), size.height()) > THUMBNAIL_EDGE:  # a small picture is not enlarged
        edge = QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE)
        reader.setScaledSize(size.scaled(edge, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)


class PhotoStrip(QListWidget):
    """A row of photo thumbnails, oldest first; the tooltip says who took each and when, and a
    double-click opens the photo in the PC's picture viewer. Never takes the keyboard."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        self.setSpacing(4)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setFixedHeight(THUMBNAIL_EDGE + 12 + scroll_bar)
        self.itemDoubleClicked.connect(self._on_item_double_clicked)

    def show_photos(self, photos: list[PhotoRef]) -> None:
        """Show these photos (none: an empty strip)."""
        self.clear()
        for photo in photos:
            self.addItem(self._item(photo))

    def _item(self, photo: PhotoRef) -> QListWidgetItem:
        pixmap = thumbnail(photo.path)
        item = QListWidgetItem()
        when = f"{photo.taken_at:%Y-%m-%d %H:%M}"
        if pixmap is None:
            item.setText(self.tr("missing"))
            item.setToolTip(
                self.tr("{who}, {when}: the file {file} is not in the photo folder.").format(
                    who=photo.taken_by, when=when, file=photo.file_name
                )
            )
            return item
        item.setIcon(QIcon(pixmap))
        item.setToolTip(self.tr("{who}, {when}").format(who=photo.taken_by, when=when))
        item.setData(PATH_ROLE, str(photo.path))
        return item

    @Slot(QListWidgetItem)
    def _on_item_double_clicked(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if isinstance(path, str):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
