"""The sightings rule: a code counts once per appearance, again only after it was gone."""

from __future__ import annotations

from receiving_app.camera.sightings import ABSENT_FRAMES, ABSENT_MS, SightingRule, Sightings

FRAME_MS = 33.0  # 30 frames per second


def _run(
    frames: list[list[str]], rule: SightingRule | None = None, step_ms: float = FRAME_MS
) -> list[list[str]]:
    sightings = Sightings(rule)
    return [sightings.observe(codes, index * step_ms) for index, codes in enumerate(frames)]


def test_a_code_in_consecutive_frames_counts_once() -> None:
    assert _run([["A"]] * 30) == [["A"]] + [[]] * 29


def test_a_code_shown_again_after_a_pause_counts_again() -> None:
    gone = int(ABSENT_MS // FRAME_MS) + 1
    counted = _run([["A"]] * 5 + [[]] * gone + [["A"]] * 5)
    assert [codes for codes in counted if codes] == [["A"], ["A"]]
    assert counted[5 + gone] == ["A"]


def test_a_flicker_of_a_few_frames_does_not_count_again() -> None:
    """Motion blur hides the label from the decoder for a frame or two."""
    frames = [["A"], [], ["A"], [], [], ["A"], ["A"]]
    assert _run(frames) == [["A"]] + [[]] * 6


def test_missed_frames_alone_are_not_enough_when_the_decoder_is_fast() -> None:
    """Ten missed frames within 100 ms: the label never left the picture."""
    frames = [["A"]] + [[]] * 10 + [["A"]]
    assert _run(frames, step_ms=10) == [["A"]] + [[]] * 11


def test_time_alone_is_not_enough_when_the_decoder_stalls() -> None:
    """Two decoded frames a second apart, the code in neither gap frame: not gone long enough."""
    sightings = Sightings()
    assert sightings.observe(["A"], 0) == ["A"]
    assert sightings.observe([], 1000) == []
    assert sightings.observe(["A"], 2000) == []


def test_gone_needs_both_the_frames_and_the_time() -> None:
    rule = SightingRule(absent_frames=2, absent_ms=100)
    sightings = Sightings(rule)
    assert sightings.observe(["A"], 0) == ["A"]
    assert sightings.observe([], 50) == []
    assert sightings.observe([], 60) == []  # two frames, 60 ms
    assert sightings.observe(["A"], 99) == []  # still under 100 ms: the same appearance
    assert sightings.observe([], 150) == []
    assert sightings.observe([], 210) == []  # two frames and 111 ms since it was last seen
    assert sightings.observe(["A"], 220) == ["A"]


def test_several_codes_count_each_once_in_the_order_read() -> None:
    sightings = Sightings()
    assert sightings.observe(["B", "A", "B"], 0) == ["B", "A"]
    assert sightings.observe(["A", "C"], FRAME_MS) == ["C"]


def test_one_code_leaving_does_not_reset_another() -> None:
    frames = [["A", "B"]] + [["B"]] * (ABSENT_FRAMES + 20) + [["A", "B"]]
    counted = _run(frames)
    assert counted[0] == ["A", "B"]
    assert counted[-1] == ["A"]
    assert all(not codes for codes in counted[1:-1])
