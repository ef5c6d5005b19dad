"""One side's unilateral truce that the other side says it will keep: a truce agreed, and an agreement."""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _read(detector: Detector, text: str) -> tuple[str | None, set[str]]:
    found = detector.detect("", text)
    return found.ceasefire_status, {e.type for e in found.events}


@pytest.mark.parametrize(
    "text",
    [
        "Rebel commanders said on Tuesday their fighters will honour the unilateral truce that the interior minister "
        "announced at the weekend.",
        "The guerrillas have joined the unilateral truce declared by the government, a spokesman said.",
        "Tribal fighters agreed to respect the army's unilateral ceasefire in the valley.",
        "The militia's leader said his men would abide by the unilateral cease-fire the prime minister proclaimed.",
    ],
)
def test_another_sides_unilateral_truce_kept_is_agreed(detector: Detector, text: str) -> None:
    status, types = _read(detector, text)
    assert status == "agreed"
    assert "agreement" in types


@pytest.mark.parametrize(
    "text",
    [
        "The militia will observe the unilateral ceasefire it declared on Friday.",  # its own truce
        "The army will observe a unilateral ceasefire until Sunday.",  # its own, no other declarer
        "The opposition urged the insurgents to respect the unilateral ceasefire the army announced.",  # a call
    ],
)
def test_ones_own_or_a_called_for_unilateral_truce_stays_proposed(detector: Detector, text: str) -> None:
    status, types = _read(detector, text)
    assert status == "proposed"
    assert "agreement" not in types
