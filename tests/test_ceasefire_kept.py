"""A truce kept or watched over in words the lexicon lacked (issue 13, helper cfs, 7 December), written in our own words
and labelled before any run: preserving, safeguarding, shoring up or sustaining a truce, and monitoring or supervising
it, take it as in force, as "maintain" and "observers" already did (corpus convention 3: `holding`). Found on
development items read as newly agreed: a call "to preserve the truce" after a statement on the truce's progress,
talks that ended with states "agreeing to help monitor a partial cease-fire". Near misses: a truce still to start or
only foreseen, which the word before the watching decides; a sustained or sustainable truce, which is wished for; the
monitors as people."""

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
        "The ministers discussed ways to preserve the ceasefire in the south.",
        "The envoy urged both sides to preserve the truce around the port.",
        "Peacekeepers are helping to safeguard the truce in the northern districts.",
        "The two governments pledged to shore up the ceasefire along their border.",
        "Donors promised money to sustain the truce through the winter.",
        "The three states agreed to help monitor the ceasefire in the province.",
        "A joint military commission is supervising the truce, the army said.",
        "Foreign observers have been monitoring the cease-fire since Sunday.",
        "The leaders spoke about preserving the truce and about aid for the besieged towns.",
        "Joint commission begins supervising ceasefire in the north",
    ],
)
def test_a_truce_kept_or_watched_over_holds(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # A truce still to start or only foreseen: the word before the watching decides.
        ("The three states agreed to monitor a ceasefire that will take effect at midnight.", "agreed"),
        ("The council proposed a mission to monitor a future ceasefire in the region.", "proposed"),
        ("The rebels offered to help supervise an eventual truce.", "proposed"),
        # A sustained truce is one wished for, as before.
        ("The UN called for a sustained ceasefire.", "proposed"),
        ("The mediators want a sustainable truce.", "proposed"),
        # A duty to preserve a truce still asks for it under a modal of need, as "maintain" does.
        ("Both leaders stressed the need to preserve the truce.", "proposed"),
        # The monitors as people, and what they report, say nothing new.
        ("The monitors inspected that truce line in the hills on Monday.", "agreed"),
        ("Monitors reported repeated violations of the truce overnight.", "violated"),
        # A truce agreed with its monitoring is agreed.
        ("The government and the rebels signed a truce to be monitored by the African Union.", "agreed"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status


def test_a_call_to_preserve_a_truce_beside_fighting_is_a_violation(detector: Detector) -> None:
    # As a call to respect a truce beside fighting (corpus convention 1): the truce exists and is broken.
    found = detector.detect(
        "Shelling rocks border town",
        "Heavy shelling killed four civilians in the border town on Monday. The envoy urged both sides to preserve "
        "the truce they agreed in March.",
    )
    assert found.ceasefire_status == "violated"
