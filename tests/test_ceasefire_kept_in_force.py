"""A pledge or call to keep a truce already in force (issue 13, helper cfs6, 7 December), written in our own words and
labelled before any run: a modal, a pledge or a call on a verb of keeping a truce (keep, respect, observe, uphold,
strengthen, make it work) read as a proposal or a new agreement, where the truce is named as one in force ("the current
ceasefire", "the truce now in force", "the ceasefire that took effect", "continue to observe", "make the truce work").
Corpus convention 3 and the call to keep a truce "maintained" beside its "continued adherence" (o055) make it
`holding`. Found on a development brief where a head of state said his government "will do its part to make the truce
work". Near misses: a call for a new truce, a truce still to come or only wished for, a condition, and a party's
commitment to a truce named by its agreement ("agreed with", "brokered by"), which stays agreed."""

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
        "The prime minister said her cabinet will do everything it can to make the truce work.",
        "Rebel commanders promised to make the ceasefire work in their districts.",
        "Both armies must make the current truce work, the envoy told reporters.",
        "The two presidents must now keep the ceasefire in place along the river.",
        "The militia vowed to keep the current truce, its spokesman said.",
        "All factions should continue to respect the cease-fire now in force.",
        "The army said it would continue to observe the truce in the east.",
        "The minister urged both sides to strengthen the ceasefire that began on Friday.",
        "The council called on the parties to uphold the truce that took effect last week.",
    ],
)
def test_a_truce_in_force_to_keep_holds(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # A call for a new truce, or one wished for, is a proposal.
        ("The envoy pressed both sides to agree a ceasefire before the winter.", "proposed"),
        ("The mediators hope to make a new truce work next year.", "proposed"),
        ("The diplomats said a future ceasefire could work only if both armies withdrew.", "proposed"),
        # A condition keeps the offer an offer, whatever the truce.
        ("The rebels said they would observe a truce if the army pulled back.", "proposed"),
        ("The rebels said they would honour the current truce if the army pulled back.", "proposed"),
        # A duty with no sign that the truce is in force stays as before.
        ("Both leaders stressed the need to preserve the truce.", "proposed"),
        # A party's commitment to a truce named by its agreement is the truce agreed.
        ("The militia said it would abide by the truce agreed with the army.", "agreed"),
        ("Both sides said they would respect the ceasefire mediated by Qatar.", "agreed"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status
