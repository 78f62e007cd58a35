"""ScanFeedback: the outcome property drives the style sheet; each level has its sound."""

from __future__ import annotations

import wave
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from receiving_app.outcomes import NextScan, OutcomeCode, OutcomeLevel, ScanOutcome
from ui import assets
from ui.scan_feedback import ScanFeedback
from ui.sounds import OutcomeSounds


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    qapp.setStyleSheet(assets.style_sheet())
    yield
    qapp.setStyleSheet("")


@pytest.mark.usefixtures("styled")
def test_outcome_property_changes_the_colours(qtbot: QtBot) -> None:
    feedback = ScanFeedback(OutcomeSounds(enabled=False))
    qtbot.addWidget(feedback)
    feedback.show()
    colours = {}
    for level in ("ok", "warning", "error"):
        outcome = ScanOutcome.make(
            OutcomeLevel(level),
            OutcomeCode.UNRECOGNISED,
            "Not recognised: {text}.",
            NextScan.UNIT,
            {"text": "X1"},
        )
        feedback.show_outcome(outcome, lambda _context, text: text)
        assert feedback.property("outcome") == level
        assert feedback.text() == "Not recognised: X1."
        colours[level] = feedback.palette().color(QPalette.ColorRole.WindowText).name()
    assert len(set(colours.values())) == 3, colours


def test_translate_callable_is_used(qtbot: QtBot) -> None:
    feedback = ScanFeedback()
    qtbot.addWidget(feedback)
    outcome = ScanOutcome.make(
        OutcomeLevel.OK, OutcomeCode.PARCEL_UPDATED, "Note saved.", NextScan.UNIT
    )
    feedback.show_outcome(outcome, lambda context, text: f"[{context}] {text}")
    assert feedback.text() == "[Outcome] Note saved."


@pytest.mark.parametrize("level", ["ok", "warning", "error"])
def test_each_level_has_a_short_sound(level: str) -> None:
    path = assets.sound_file(level)
    assert path is not None
    with wave.open(str(path)) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert 0.05 < seconds < 1.0


def test_the_sounds_differ() -> None:
    contents = {assets.sound_file(level).read_bytes() for level in ("ok", "warning", "error")}
    assert len(contents) == 3


def test_a_quiet_station_plays_nothing() -> None:
    OutcomeSounds(enabled=False).play("error")  # returns at once, starts no process
