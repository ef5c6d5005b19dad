"""A truce already agreed, read as one proposed (issue 13, helper cfs, 7 December), written in our own words and
labelled before any run: a truce asked for or wished for "as agreed" (before) is the one agreed; the act of making the
deal named by a noun ("the conclusion by the parties of", "the signature of") makes it as "concluded" and "signing" do,
whatever adjective a call would use ("permanent", "lasting"); and a truce's start set after another verb's clause ("in
time for", "before") is not made a plan by that verb's modal, nor restored by the restoration of something else (corpus
conventions 2 and 3: `agreed`). Found on development articles read as proposed: a resolution that "calls for a
ceasefire in Hodeidah governorate as agreed in Stockholm", governments welcoming "the conclusion by the Libyan parties
of a permanent cease-fire agreement", utilities to be restored "in time for a Bosnia-wide cease-fire to go into
effect". Near misses: calls for a permanent truce or for the conclusion of a deal, work toward one, a truce "as
proposed", "as soon as" one is agreed, a truce only agreed to be considered or a plan agreed by the mediators, a modal
on the truce's own start, a truce to be restored."""

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
        # A truce asked for or wished for as agreed before.
        "The resolution calls for a ceasefire in the port city as agreed in Geneva last month.",
        "The council demanded a truce along the border, as agreed by both governments.",
        "Both sides must observe the ceasefire as agreed on Sunday.",
        "The mediators want a cessation of hostilities in the region as previously agreed.",
        # The act of making the deal named by a noun.
        "The ministers welcomed the results of the fourth round of the joint commission, the conclusion by the two "
        "parties of a permanent ceasefire agreement.",
        "The EU welcomes the conclusion of a lasting ceasefire agreement between the government and the rebels.",
        "The statement hailed the signature of a comprehensive cease-fire accord by the army and the rebels.",
        # A truce's start set after another verb's clause.
        "Officials are optimistic that power will be restored in time for the ceasefire to go into effect on Monday "
        "night.",
        "The government insisted on the restoration of supplies before the cease-fire goes into effect at midnight.",
        "Aid agencies hope to reach the town before the truce takes effect on Friday.",
    ],
)
def test_a_truce_agreed_before_is_agreed(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "agreed"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # Calls for a truce or for its making, and work toward one.
        ("The resolution calls for a permanent ceasefire in the port city.", "proposed"),
        ("The ministers called for the conclusion of a permanent ceasefire agreement.", "proposed"),
        ("The envoy hopes for the signing of a ceasefire agreement next week.", "proposed"),
        ("The two sides should work toward the conclusion of a lasting ceasefire agreement.", "talks"),
        # Not agreed before: proposed by another, or agreed only in a time to come.
        ("The council demanded a truce along the border, as proposed by the mediators.", "proposed"),
        ("We call for a ceasefire as soon as possible.", "proposed"),
        ("The rebels will lay down arms as soon as a ceasefire is agreed.", "proposed"),
        # Agreed to weigh a truce, or a plan agreed by the mediators and not the warring sides (corpus convention 2).
        ("The rebels agreed to consider a truce.", "proposed"),
        ("The peace plan agreed by the mediators calls for a ceasefire in the east.", "proposed"),
        # A modal on the truce's own start, and a truce to be restored.
        ("Leaders hope a ceasefire could take effect before the holiday.", "proposed"),
        ("The parties should agree a ceasefire before the talks resume.", "proposed"),
        ("There must be a study before a ceasefire can take place.", "proposed"),
        ("The UN demanded a truce that could take effect in time for the harvest.", "proposed"),
        ("The envoy wants to restore the ceasefire that collapsed last week.", "collapsed"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status
