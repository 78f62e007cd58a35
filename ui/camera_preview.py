"""The camera panel: the live picture with the codes it found outlined, the camera's state, and
a button to switch the camera on and off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHideEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget
from typing_extensions import override

from receiving_app.camera.frames import DecodedFrame
from receiving_app.camera.messages import CameraState, CameraStatus, camera_status
from receiving_app.settings import CameraSettings
from ui.camera_worker import CameraWorker
from ui.restyle import set_style_properties
from ui.scan_feedback import qt_translate

OUTLINE_COLOUR = QColor("#00e676")  # bright green: stands out on labels, boxes and skin
OUTLINE_WIDTH = 3
TEXT_BACKGROUND = QColor(0, 0, 0, 190)
PANEL_WIDTH = 440


class CameraPreview(QWidget):
    """Paints the latest frame scaled to fit, and outlines the codes last found in it
    (objectName ``cameraPreview``). Never takes the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPreview")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self._image: QImage | None = None
        self._decoded: DecodedFrame | None = None

    def image(self) -> QImage | None:
        """The frame shown now (None before the first)."""
        return self._image

    def outlined(self) -> tuple[str, ...]:
        """The texts of the codes outlined now."""
        return tuple(code.text for code in self._decoded.codes) if self._decoded else ()

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        self._image = image
        self.update()

    @Slot(object)
    def show_codes(self, decoded: DecodedFrame | None) -> None:
        self._decoded = decoded
        self.update()

    def clear(self) -> None:
        self._image = None
        self._decoded = None
        self.update()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#263238"))
        if self._image is None:
            return
        target = self._fitted(self._image.width(), self._image.height())
        painter.drawImage(target, self._image)
        if self._decoded and self._decoded.codes:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._outline(painter, target, self._decoded)

    def _fitted(self, width: int, height: int) -> QRectF:
        """The largest rectangle of the image's shape that fits the widget, centred."""
        scale = min(self.width() / width, self.height() / height)
        size_w, size_h = width * scale, height * scale
        return QRectF((self.width() - size_w) / 2, (self.height() - size_h) / 2, size_w, size_h)

    def _outline(self, painter: QPainter, target: QRectF, decoded: DecodedFrame) -> None:
        sx, sy = target.width() / decoded.width, target.height() / decoded.height
        metrics = QFontMetricsF(painter.font())
        for code in decoded.codes:
            corners = [QPointF(target.x() + x * sx, target.y() + y * sy) for x, y in code.points]
            polygon = QPolygonF(corners)
            painter.setPen(QPen(OUTLINE_COLOUR, OUTLINE_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if len(code.points) == 2:  # a 1D code read on a single line
                painter.drawLine(corners[0], corners[1])
            else:
                painter.drawPolygon(polygon)
            box = polygon.boundingRect()
            label = metrics.boundingRect(code.text).adjusted(-4, -2, 4, 2)
            # Above the code if there is room, else inside its top edge; kept in the picture.
            top = box.top() - label.height() - 2
            if top < target.top():
                top = box.top() + 2
            left = min(max(box.left(), target.left()), target.right() - label.width())
            label.moveTo(left, top)
            painter.fillRect(label, TEXT_BACKGROUND)
            painter.setPen(OUTLINE_COLOUR)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, code.text)


class CameraPanel(QFrame):
    """The preview, the camera's state line (``cameraStatus``, its ``state`` property one of
    ``CameraState``'s values) and an on/off button (``cameraToggle``). The camera runs while
    the panel is shown and switched on.

    Signals:
        sighted(str): a code the camera read that counts as a scan (see the sightings rule).
    """

    sighted = Signal(str)

    def __init__(self, settings: CameraSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.setFixedWidth(PANEL_WIDTH)
        self._wanted = settings.enabled
        self._preview = CameraPreview(self)
        self._status = QLabel(self)
        self._status.setObjectName("cameraStatus")
        self._status.setWordWrap(True)
        self._status_shown = camera_status(
            CameraState.OFF if settings.enabled else CameraState.DISABLED, settings.device
        )
        self._toggle = QPushButton(self)
        self._toggle.setObjectName("cameraToggle")
        self._toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._toggle.setCheckable(True)
        self._toggle.setEnabled(settings.enabled)
        self._toggle.setChecked(self._wanted)
        self._toggle.toggled.connect(self._on_toggle_toggled)

        self._worker = CameraWorker(settings, parent=self)
        self._worker.frame_ready.connect(self._preview.show_frame)
        self._worker.codes_found.connect(self._preview.show_codes)
        self._worker.state_changed.connect(self._on_worker_state_changed)
        self._worker.sighted.connect(self.sighted)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self._preview, 1)
        layout.addWidget(self._status)
        layout.addWidget(self._toggle)
        self._on_worker_state_changed(self._status_shown)

    def snapshot_jpeg(self) -> bytes | None:
        """The camera's current full-size picture as a JPEG; None when the panel is hidden, the
        camera off or not delivering a picture."""
        if not self.isVisible() or not self._status_shown.live:
            return None
        return self._worker.snapshot_jpeg()

    def _retranslate(self) -> None:
        self._toggle.setText(self.tr("Stop camera") if self._wanted else self.tr("Start camera"))
        status = self._status_shown
        self._status.setText(qt_translate("Camera", status.message).format(**status.params))

    def _run(self) -> None:
        """Run the camera exactly while the panel is visible and switched on."""
        if self._wanted and self.isVisible():
            self._worker.start()
        else:
            self._worker.stop()
            self._preview.clear()

    @Slot(bool)
    def _on_toggle_toggled(self, on: bool) -> None:
        self._wanted = on
        self._run()
        self._retranslate()

    @Slot(object)
    def _on_worker_state_changed(self, status: CameraStatus) -> None:
        self._status_shown = status
        set_style_properties(self._status, state=status.state.value)
        if not status.live:
            self._preview.show_codes(None)
        self._retranslate()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run()

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # hidden or closed, not the window minimised
            self._run()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
