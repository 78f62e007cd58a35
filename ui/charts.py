"""Charts painted with QPainter (PySide6-Essentials has no QtCharts): stacked bars per day, a pie,
and lines per key over days.

Each chart takes plain data: the keys that identify its series (stored codes, sent back by
``picked``), the captions shown for them (already translated by the caller), and the counts.
Geometry and hit-testing are pure functions in ``ui.chart_geometry``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from ui.chart_geometry import (
    Hit,
    Segment,
    axis_ticks,
    colour,
    point_at,
    segment_at,
    slice_at,
    slice_spans,
    slot_centre,
    stacked_segments,
    text_colour_on,
    trend_points,
)

AXIS_COLOUR = QColor("#555555")
GRID_COLOUR = QColor("#E4E4E4")
MARGIN = 8.0
POINT_RADIUS = 3.5
MIN_PERCENT_IN_SLICE = 5.0  # smaller slices carry no percentage (it would not fit)


class _Chart(QWidget):
    """What the three charts share: data, legend, empty state, clicks and hover.

    Signals:
        picked(key, day_index): the user clicked a bar segment, a slice (day -1) or a point.
    """

    picked = Signal(str, int)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 160)
        self._keys: tuple[str, ...] = ()
        self._captions: tuple[str, ...] = ()

    def _set_keys(self, keys: Sequence[str], captions: Sequence[str], series_count: int) -> None:
        if not len(keys) == len(captions) == series_count:
            raise ValueError("one key and one caption per series")
        self._keys, self._captions = tuple(keys), tuple(captions)
        self.setToolTip("")
        self.update()

    def _is_empty(self) -> bool:
        raise NotImplementedError

    def _empty_text(self) -> str:
        raise NotImplementedError

    def _hit(self, point: QPointF) -> Hit | None:
        raise NotImplementedError

    def _hover_text(self, hit: Hit) -> str:
        raise NotImplementedError

    def _paint_chart(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _legend_lines(self) -> list[str]:
        return list(self._captions)

    def _area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)

    def _legend_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        widest = max(metrics.horizontalAdvance(line) for line in self._legend_lines())
        return min(metrics.height() * 0.8 + MARGIN + widest, self._area().width() * 0.4)

    def _chart_area(self) -> QRectF:
        """The area left of the legend, where the chart itself goes."""
        return self._area().adjusted(0, 0, -(self._legend_width() + 2 * MARGIN), 0)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if self._is_empty():
            painter.setPen(AXIS_COLOUR)
            painter.drawText(self._area(), Qt.AlignmentFlag.AlignCenter, self._empty_text())
        else:
            self._paint_legend(painter)
            self._paint_chart(painter)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        """A swatch and a caption per key, down the right-hand side."""
        metrics = QFontMetricsF(self.font())
        swatch = metrics.height() * 0.8
        width = self._legend_width()
        area = self._area()
        left = area.right() - width
        painter.setPen(self.palette().text().color())
        for index, line in enumerate(self._legend_lines()):
            top = area.top() + index * metrics.height() * 1.4
            painter.fillRect(QRectF(left, top, swatch, swatch), colour(index))
            text_top = top + (swatch - metrics.height()) / 2
            text_left = left + swatch + MARGIN / 2
            text = QRectF(text_left, text_top, width - swatch - MARGIN / 2, metrics.height())
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, text.width())
            painter.drawText(
                text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
            )

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = None if self._is_empty() else self._hit(event.position())
        self.setToolTip("" if hit is None else self._hover_text(hit))
        super().mouseMoveEvent(event)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._is_empty():
            hit = self._hit(event.position())
            if hit is not None:
                self.picked.emit(self._keys[hit.key_index], hit.day_index)
        super().mouseReleaseEvent(event)


class _DayChart(_Chart):
    """Counts per key and day, drawn over a value axis and day labels (bars and lines)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, parent)
        self._days: tuple[str, ...] = ()
        self._values: tuple[tuple[int, ...], ...] = ()

    def set_data(
        self,
        day_labels: Sequence[str],
        keys: Sequence[str],
        captions: Sequence[str],
        values: Sequence[Sequence[int]],
    ) -> None:
        """Show ``values[k][d]``: the count of key ``keys[k]`` on day ``day_labels[d]``."""
        if any(len(row) != len(day_labels) for row in values):
            raise ValueError("one count per day in every series")
        self._days = tuple(day_labels)
        self._values = tuple(tuple(row) for row in values)
        self._set_keys(keys, captions, len(values))

    @override
    def _is_empty(self) -> bool:
        return not self._days or not any(any(row) for row in self._values)

    def _axis_top(self) -> int:
        raise NotImplementedError

    def _plot_rect(self) -> QRectF:
        """Where the data goes inside the widget (the same for painting and for hit-testing)."""
        metrics = QFontMetricsF(self.font())
        widest_tick = metrics.horizontalAdvance(str(self._axis_max()))
        return self._chart_area().adjusted(
            widest_tick + MARGIN, metrics.height() / 2, 0, -(metrics.height() + MARGIN)
        )

    def _axis_max(self) -> int:
        return axis_ticks(self._axis_top())[-1]

    @override
    def _paint_chart(self, painter: QPainter) -> None:
        plot = self._plot_rect()
        metrics = QFontMetricsF(self.font())
        axis_max = self._axis_max()
        left = self._area().left()
        for tick in axis_ticks(self._axis_top()):
            y = plot.bottom() - tick * plot.height() / axis_max
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOUR)
            label = QRectF(left, y - metrics.height() / 2, plot.left() - left - 4, metrics.height())
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(label, align, str(tick))
        painter.setPen(QPen(AXIS_COLOUR, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        self._paint_day_labels(painter, plot, metrics)
        self._paint_data(painter)

    def _paint_day_labels(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF) -> None:
        """Label every day that fits: every n-th label when they would overlap."""
        slot = plot.width() / len(self._days)
        widest = max(metrics.horizontalAdvance(day) for day in self._days) + MARGIN
        every = max(1, math.ceil(widest / slot))
        painter.setPen(AXIS_COLOUR)
        last = len(self._days) - 1
        for index in range(last, -1, -every):  # from today backwards, so today is labelled
            centre = slot_centre(plot, len(self._days), index)
            rect = QRectF(centre - widest / 2, plot.bottom() + 4, widest, metrics.height())
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, self._days[index])

    def _paint_data(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _day_hover(self, hit: Hit) -> tuple[str, str, int]:
        """The caption, day label and count a tooltip shows for ``hit``."""
        value = self._values[hit.key_index][hit.day_index]
        return self._captions[hit.key_index], self._days[hit.day_index], value


class BarChart(_DayChart):
    """Stacked bars, one per day, a segment per key."""

    @override
    def _axis_top(self) -> int:
        return max((sum(day) for day in zip(*self._values, strict=True)), default=0)

    def segments(self) -> list[Segment]:
        """The segments as drawn at the widget's current size."""
        if self._is_empty():
            return []
        return stacked_segments(self._plot_rect(), self._values, self._axis_max())

    @override
    def _paint_data(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for segment in self.segments():
            painter.fillRect(segment.rect, colour(segment.key_index))

    @override
    def _hit(self, point: QPointF) -> Hit | None:
        segment = segment_at(self.segments(), point)
        return None if segment is None else Hit(segment.key_index, segment.day_index)

    @override
    def _hover_text(self, hit: Hit) -> str:
        caption, day, value = self._day_hover(hit)
        return self.tr("{caption}, {day}: %n unit(s)", "", value).format(caption=caption, day=day)

    @override
    def _empty_text(self) -> str:
        return self.tr("No returns in this period")


class TrendChart(_DayChart):
    """A line per key over the days, with a dot on each day."""

    @override
    def _axis_top(self) -> int:
        return max((max(row) for row in self._values), default=0)

    def points(self) -> list[list[QPointF]]:
        """Each key's points as drawn at the widget's current size."""
        if self._is_empty():
            return []
        return trend_points(self._plot_rect(), self._values, self._axis_max())

    @override
    def _paint_data(self, painter: QPainter) -> None:
        for key, line in enumerate(self.points()):
            painter.setPen(QPen(colour(key), 2))
            painter.drawPolyline(line)
            painter.setBrush(colour(key))
            for point in line:
                painter.drawEllipse(point, POINT_RADIUS, POINT_RADIUS)

    @override
    def _hit(self, point: QPointF) -> Hit | None:
        found = point_at(self.points(), point)
        return None if found is None else Hit(*found)

    @override
    def _hover_text(self, hit: Hit) -> str:
        caption, day, value = self._day_hover(hit)
        return self.tr("{caption}, {day}: %n unit(s)", "", value).format(caption=caption, day=day)

    @override
    def _empty_text(self) -> str:
        return self.tr("No returns in this period")


class PieChart(_Chart):
    """A slice per key, with its percentage on the slice and in the legend."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, parent)
        self._values: tuple[int, ...] = ()

    def set_data(self, keys: Sequence[str], captions: Sequence[str], values: Sequence[int]) -> None:
        """Show ``values[k]``, the count of key ``keys[k]``."""
        self._values = tuple(values)
        self._set_keys(keys, captions, len(values))

    def geometry_of_pie(self) -> tuple[QPointF, float]:
        """The pie's centre and radius at the widget's current size."""
        chart = self._chart_area()
        return chart.center(), max(0.0, min(chart.width(), chart.height()) / 2)

    @override
    def _is_empty(self) -> bool:
        return not any(self._values)

    def _percent(self, index: int) -> float:
        return 100.0 * self._values[index] / sum(self._values)

    @override
    def _legend_lines(self) -> list[str]:
        return [
            self.tr("{caption} ({percent}%)").format(
                caption=caption, percent=round(self._percent(i))
            )
            for i, caption in enumerate(self._captions)
        ]

    @override
    def _paint_chart(self, painter: QPainter) -> None:
        centre, radius = self.geometry_of_pie()
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.setPen(QPen(self.palette().base().color(), 1.5))
        for index, (start, span) in enumerate(slice_spans(self._values)):
            if span <= 0:
                continue
            painter.setBrush(colour(index))
            # Qt counts sixteenths of a degree, anticlockwise from three o'clock.
            painter.drawPie(box, round((90 - start) * 16), round(-span * 16))
        for index, (start, span) in enumerate(slice_spans(self._values)):
            if self._percent(index) < MIN_PERCENT_IN_SLICE:
                continue
            painter.setPen(text_colour_on(colour(index)))
            middle = math.radians(start + span / 2)
            at = QPointF(
                centre.x() + 0.65 * radius * math.sin(middle),
                centre.y() - 0.65 * radius * math.cos(middle),
            )
            label = QRectF(at.x() - 30, at.y() - 10, 60, 20)
            percent = self.tr("{percent}%").format(percent=round(self._percent(index)))
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, percent)

    @override
    def _hit(self, point: QPointF) -> Hit | None:
        centre, radius = self.geometry_of_pie()
        index = slice_at(centre, radius, self._values, point)
        return None if index is None else Hit(index, -1)

    @override
    def _hover_text(self, hit: Hit) -> str:
        value = self._values[hit.key_index]
        return self.tr("{caption}: %n unit(s), {percent}%", "", value).format(
            caption=self._captions[hit.key_index], percent=round(self._percent(hit.key_index))
        )

    @override
    def _empty_text(self) -> str:
        return self.tr("No returns in this period")
