"""A call on every side to stop fighting, beside a truce the text reports agreed, is no sign that a party has not
accepted it: "all sides must stop fighting now" after a welcomed commitment to a ceasefire asks the parties to live up
to the truce they agreed; it does not name one side still to accept it (`_UNACCEPTED`). Main read each as `proposed`.
A call on one named side ("the rebels must stop fighting") still says that side has not taken the truce up, and a call
for a truce not yet agreed ("urged both sides to agree to a ceasefire") stays a proposal."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import text_status


@pytest.mark.parametrize(
    "text",
    [
        "The army and the rebels signed a ceasefire in the capital on Sunday. All sides must stop fighting now, the "
        "envoy said.",
        "We welcome the ceasefire agreed by the two governments; both sides must now cease all hostilities.",
        "The warring parties agreed to a truce on Friday, and the mediators urged all parties to halt military "
        "operations at once.",
        "While we welcome the commitment of the government and the rebels to a ceasefire, all the parties should "
        "stop the shelling.",
        "The two commanders reached a cease-fire deal, and the council called on both parties to stop attacks.",
        "Both sides agreed a truce on Monday; every side must immediately stop fighting, the minister said.",
    ],
)
def test_a_call_on_every_side_beside_an_agreed_truce_is_agreed(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        # One named side still urged: that side has not taken the truce up.
        "The government signed a ceasefire on Sunday. The rebels must stop fighting now, the envoy said.",
        "The army announced a ceasefire, and the president urged the militia to cease hostilities.",
        "The regime agreed to the truce; the opposition should similarly halt attacks.",
        # A truce not yet agreed: a call, whoever is called on.
        "The envoy urged both sides to agree to a ceasefire.",
        "The minister called on all sides to stop fighting and to agree a truce.",
        "The foreign ministers proposed a ceasefire and said all sides must stop fighting now.",
        # Commitments still to be secured from the parties.
        "The outside powers agreed a ceasefire and will work to secure commitments from the parties; all sides "
        "must stop fighting.",
    ],
)
def test_a_call_on_one_side_or_for_a_truce_to_come_stays_proposed(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "proposed"
