"""A truce in force told by its days or its observance (issue 13, helper cfs, 7 December), written in our own words and
labelled before any run: time elapsed inside a truce whose own noun phrase carries the word that would govern it ("quiet
on the second day of a unilateral cease-fire"), and a truce said to have been honoured ("the cease-fire was honored
without incident") are in force (corpus convention 3: `holding`). Found on development items of the first-sight
batches read as proposed (a one-sided truce's second day, quiet) and as agreed (a truce honoured since it took effect).
Near misses: a one-sided truce declared or called for, the first day of a truce still on paper, a truce to be honoured
(a promise), one not honoured, fighting on its second day, a truce agreed today that will take effect, and one agreed
last week with nothing on whether it holds."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import line_status


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "line",
    [
        # Time inside a truce whose noun phrase names one side's truce.
        "The town was largely calm on the third day of a unilateral truce by the government.",
        "Markets reopened in the capital on the second day of the army's unilateral ceasefire.",
        "Residents queued for bread a week into the unilateral cease-fire.",
        "Calm on Fourth Day of Unilateral Truce",
        # A truce honoured.
        "The ceasefire was honoured across the front line overnight, the monitors said.",
        "The cessation of hostilities has been honored since it began on Sunday.",
        "The truce between the two militias was largely honored on Friday.",
        "Border Truce Largely Honoured",
    ],
)
def test_a_truce_in_force_by_its_days_or_observance_holds(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # One side's truce declared or asked for, with no time inside it.
        ("The government declared a unilateral truce in the south on Monday.", "proposed"),
        ("The rebels called for a unilateral ceasefire to begin on the first day of the holiday.", "proposed"),
        # The first day of a truce still on paper.
        ("Aid convoys would move on the first day of a proposed truce.", "proposed"),
        ("Prisoners would be exchanged on the second day of a potential ceasefire.", "proposed"),
        # A truce to be honoured, one not honoured, fighting inside it.
        ("The ceasefire will be honoured, the defence minister said.", "agreed"),
        ("The ceasefire was not honoured on its second day.", "violated"),
        ("Shelling resumed on the second day of the unilateral truce.", "violated"),
        # A truce agreed today that will take effect, and one agreed last week with nothing on whether it holds.
        ("The two sides agreed on Tuesday to a ceasefire that will take effect on Friday.", "agreed"),
        ("The two sides agreed last week to a ceasefire.", "agreed"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status
