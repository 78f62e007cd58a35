"""The painted charts: geometry and hit-testing, what they draw, clicks and hover."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from ui.chart_geometry import (
    axis_ticks,
    colour,
    nice_step,
    point_at,
    segment_at,
    slice_at,
    slice_spans,
    stacked_segments,
    trend_points,
)
from ui.charts import BarChart, PieChart, TrendChart

DAYS = ("11-22", "11-23", "11-24")
KEYS = ("defective", "size_fit", "other")
CAPTIONS = ("defective", "size or fit", "other")
VALUES = ((4, 0, 6), (2, 3, 1), (1, 1, 0))


@pytest.mark.parametrize(
    ("top", "step", "ticks"),
    [
        (0, 1, (0, 1)),
        (3, 1, (0, 1, 2, 3)),
        (7, 2, (0, 2, 4, 6, 8)),
        (10, 2, (0, 2, 4, 6, 8, 10)),
        (23, 5, (0, 5, 10, 15, 20, 25)),
        (140, 50, (0, 50, 100, 150)),
        (999, 200, (0, 200, 400, 600, 800, 1000)),
    ],
)
def test_axis_steps_are_round(top: int, step: int, ticks: tuple[int, ...]) -> None:
    assert nice_step(top) == step
    assert axis_ticks(top) == ticks


def test_bars_stack_from_the_bottom_and_skip_zero_counts() -> None:
    plot = QRectF(0, 0, 300, 100)

    segments = stacked_segments(plot, VALUES, axis_max=10)

    assert [(s.key_index, s.day_index, s.value) for s in segments] == [
        (0, 0, 4),
        (1, 0, 2),
        (2, 0, 1),
        (1, 1, 3),
        (2, 1, 1),
        (0, 2, 6),
        (1, 2, 1),
    ]
    first, second = segments[0].rect, segments[1].rect
    assert (first.bottom(), first.height(), first.center().x()) == (100, 40, 50)
    assert (second.bottom(), second.height()) == (60, 20)
    assert segment_at(segments, QPointF(50, 50)) == segments[1]
    assert segment_at(segments, QPointF(5, 95)) is None  # between bars
    assert stacked_segments(plot, (), axis_max=10) == []


def test_slices_go_clockwise_from_twelve_o_clock() -> None:
    centre, values = QPointF(100, 100), (1, 1, 2)

    assert slice_spans(values) == [(0, 90), (90, 90), (180, 180)]
    assert slice_at(centre, 50, values, QPointF(120, 80)) == 0  # upper right
    assert slice_at(centre, 50, values, QPointF(120, 120)) == 1  # lower right
    assert slice_at(centre, 50, values, QPointF(80, 110)) == 2  # left half
    assert slice_at(centre, 50, values, QPointF(100, 151)) is None  # outside
    assert slice_at(centre, 50, (0, 3), QPointF(120, 80)) == 1  # an empty slice is never hit


def test_trend_points_sit_in_the_middle_of_each_day() -> None:
    lines = trend_points(QRectF(0, 0, 300, 100), ((0, 5), (10, 5)), axis_max=10)

    assert lines == [[QPointF(75, 100), QPointF(225, 50)], [QPointF(75, 0), QPointF(225, 50)]]
    assert point_at(lines, QPointF(78, 3)) == (1, 0)
    assert point_at(lines, QPointF(75, 30)) is None
    assert point_at(lines, QPointF(226, 51)) in {(0, 1), (1, 1)}


def _shown(qtbot: QtBot, chart: BarChart | PieChart | TrendChart) -> QImage:
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    chart.show()
    qtbot.waitExposed(chart)
    return chart.grab().toImage()


def _is_coloured(image: QImage) -> bool:
    """Does any pixel carry colour (the charts' text and axes are all grey)?"""
    step = 3
    return any(
        image.pixelColor(x, y).hsvSaturation() > 60
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def _point(p: QPointF) -> QPoint:
    return QPoint(round(p.x()), round(p.y()))


def test_bar_chart_draws_each_segment_and_picks_the_clicked_one(qtbot: QtBot) -> None:
    chart = BarChart("returnsByReason")
    chart.set_data(DAYS, KEYS, CAPTIONS, VALUES)
    image = _shown(qtbot, chart)

    assert chart.objectName() == "returnsByReason"
    segments = chart.segments()
    assert len(segments) == 7
    for segment in segments:
        centre = _point(segment.rect.center())
        assert image.pixelColor(centre) == colour(segment.key_index)

    target = next(s for s in segments if (s.key_index, s.day_index) == (1, 2))
    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_point(target.rect.center()))
    assert picked.args == ["size_fit", 2]

    qtbot.mouseMove(chart, _point(target.rect.center()))
    assert chart.toolTip() == "size or fit, 11-24: 1 unit(s)"
    qtbot.mouseMove(chart, QPoint(2, 2))
    assert chart.toolTip() == ""


def test_bar_chart_scales_with_the_widget(qtbot: QtBot) -> None:
    chart = BarChart("bars")
    chart.set_data(DAYS, KEYS, CAPTIONS, VALUES)
    _shown(qtbot, chart)
    small = chart.segments()[0].rect

    chart.resize(1200, 600)
    large = chart.segments()[0].rect

    assert large.width() > 1.9 * small.width()
    assert large.height() > 1.9 * small.height()
    assert chart.grab().toImage().pixelColor(_point(large.center())) == colour(0)


def test_a_click_beside_the_bars_picks_nothing(qtbot: QtBot) -> None:
    chart = BarChart("bars")
    chart.set_data(DAYS, KEYS, CAPTIONS, VALUES)
    _shown(qtbot, chart)

    with qtbot.assertNotEmitted(chart.picked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


@pytest.mark.parametrize("make", [BarChart, TrendChart])
def test_day_charts_without_returns_say_so(qtbot: QtBot, make: type[BarChart]) -> None:
    chart = make("empty")
    chart.set_data(DAYS, KEYS, CAPTIONS, ((0, 0, 0),) * 3)
    image = _shown(qtbot, chart)

    assert not _is_coloured(image)
    with qtbot.assertNotEmitted(chart.picked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(300, 150))

    chart.set_data(DAYS, KEYS, CAPTIONS, VALUES)
    assert _is_coloured(chart.grab().toImage())


def test_pie_chart_draws_slices_and_picks_the_clicked_one(qtbot: QtBot) -> None:
    chart = PieChart("returnsByDisposition")
    values = (6, 3, 1)
    chart.set_data(("restock", "refurbish", "scrap"), ("restock", "refurbish", "scrap"), values)
    image = _shown(qtbot, chart)

    centre, radius = chart.geometry_of_pie()
    assert radius > 100
    inside = []
    for index, (start, span) in enumerate(slice_spans(values)):
        middle = math.radians(start + span / 2)
        point = QPointF(
            centre.x() + 0.35 * radius * math.sin(middle),
            centre.y() - 0.35 * radius * math.cos(middle),
        )
        inside.append(_point(point))
        assert image.pixelColor(inside[-1]) == colour(index)

    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=inside[1])
    assert picked.args == ["refurbish", -1]

    qtbot.mouseMove(chart, inside[0])
    assert chart.toolTip() == "restock: 6 unit(s), 60%"


def test_pie_chart_without_returns_says_so(qtbot: QtBot) -> None:
    chart = PieChart("pie")
    chart.set_data((), (), ())

    assert not _is_coloured(_shown(qtbot, chart))


def test_trend_chart_draws_points_and_picks_the_clicked_one(qtbot: QtBot) -> None:
    chart = TrendChart("returnsByVendor")
    values = ((1, 2, 3), (6, 5, 4))
    chart.set_data(DAYS, ("ACME", "NORD"), ("Acme", "Nord"), values)
    image = _shown(qtbot, chart)

    lines = chart.points()
    for key, line in enumerate(lines):
        for point in line:
            assert image.pixelColor(_point(point)) == colour(key)

    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_point(lines[1][2]) + QPoint(2, 1))
    assert picked.args == ["NORD", 2]

    qtbot.mouseMove(chart, _point(lines[0][1]))
    assert chart.toolTip() == "Acme, 11-23: 2 unit(s)"


def test_data_of_the_wrong_shape_is_refused(qtbot: QtBot) -> None:
    chart = BarChart("bars")
    qtbot.addWidget(chart)

    with pytest.raises(ValueError, match="one count per day"):
        chart.set_data(DAYS, KEYS, CAPTIONS, ((1, 2),) * 3)
    with pytest.raises(ValueError, match="one key and one caption"):
        chart.set_data(DAYS, KEYS[:2], CAPTIONS, VALUES)
