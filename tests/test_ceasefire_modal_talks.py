"""A truce said with a modal inside talks (issue 13, helper cfs2, 7 December), written in our own words and labelled
before any run: a truce the negotiation named before it "will", "would" or "could" bring, or sets a condition for; a
truce that "will be discussed" or "would be one of the issues negotiated"; a signing that mediators or negotiators in
the talks "expect" the sides to make. Each is the negotiation's aim, subject or condition (corpus convention 4:
`talks`), as an agreement "expected to" come from talks already was. Found on development items read as proposed (a
truce "would be one of the first issues discussed when negotiators met"; talks stalled with one side saying "there
will be no truce until" a demand is met) and as agreed (mediators "expect the two sides to sign a ceasefire"). Near
misses keep their status: a truce wished for or called for with no talks named, a modal after the truce with talks
only as its consequence, a truce plan or proposal to be discussed, a signing set for a day, a truce agreed in talks,
and an expectation of a signing with no talks named."""

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
        # A truce with a modal before it, inside the negotiation named earlier in the sentence.
        "The negotiations in Nairobi made no progress on Friday, and the militia said there would be no ceasefire unless "
        "its commanders were freed.",
        "Peace talks resumed in Oslo, where both delegations said there could be a truce before the harvest.",
        "The mediation has stalled, with the government saying there will be no cease-fire while the rebels "
        "hold the bridge.",
        # A truce that talks are to take up.
        "The spokesman said a truce would be among the main topics discussed in Vienna.",
        "A ceasefire will be negotiated when the two delegations sit down next week.",
        "Officials said a cessation of hostilities is to be raised at the summit.",
        # A signing expected from talks.
        "Negotiators at the talks in Geneva expect the warring parties to sign a truce by the end of the month.",
        "Diplomats close to the negotiations expected both factions to agree to a ceasefire soon.",
    ],
)
def test_a_truce_said_with_a_modal_inside_talks_is_talks(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "talks"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The foreign minister said a ceasefire would save countless lives.", "proposed"),
        ("After meeting the envoy, the minister said a truce would save lives in the valley.", "proposed"),
        ("A ceasefire could open the way for peace talks, the envoy said.", "proposed"),
        ("The president said there will be no truce until the last rebel surrenders.", "proposed"),
        ("The council called for a ceasefire that would allow talks to resume.", "proposed"),
        ("The ceasefire plan will be discussed at talks next week.", "proposed"),
        ("The truce proposal would be debated by the council on Monday.", "proposed"),
        ("The two sides are expected to sign the ceasefire on Thursday.", "agreed"),
        ("At the talks in Doha, the two sides agreed to a truce starting at midnight.", "agreed"),
        ("The envoy expects the two sides to sign a truce within weeks.", "agreed"),
        ("Talks in Cairo continued as the truce held for a third day.", "holding"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status
