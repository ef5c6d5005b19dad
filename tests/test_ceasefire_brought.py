"""A truce agreed or started, told in one sentence with what it has brought - aid coming in, a blockade or siege ended,
hostages or prisoners freed - is in force: holding (corpus convention 3, aid or hostages freed under it), where the
agreement's verb alone read agreed. Near misses keep their reading: what a deal is to bring (a purpose, a term, a
modal), a release as a noun or one side's own act beside the agreement, aid denied, fighting after the agreement, a
truce only called for, and a truce still to start."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import text_status


@pytest.mark.parametrize(
    "text",
    [
        "Aid convoys are arriving in the besieged city after the two sides agreed to a ceasefire.",
        "Food trucks have entered the region, ending a long siege, after the army and the rebels signed a cease-fire.",
        "Relief supplies began flowing into the valley after the ceasefire took effect.",
        "The blockade of the port was lifted after the warring parties agreed to a truce.",
        "The minister welcomed the newly released prisoners and the truce agreement in the north.",
        "He congratulated his counterpart on the freed hostages and the ceasefire deal.",
        "The ceasefire went into effect on Friday, and dozens of prisoners have been released since.",
    ],
)
def test_a_truce_beside_what_it_has_brought_holds(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "holding"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # What the deal is to bring: a purpose, a term, a modal.
        ("The two sides agreed to a ceasefire that would allow aid to reach the city.", "agreed"),
        ("Both sides signed a ceasefire on Monday to ensure aid reaches civilians.", "agreed"),
        ("The rebels and the army agreed to a ceasefire and to lift the siege of the city.", "agreed"),
        (
            "The two sides agreed on a ceasefire under which hostages will be freed and aid will enter the city.",
            "agreed",
        ),
        ("The UN said aid would be flowing into the city after the two sides signed a ceasefire.", "agreed"),
        ("Aid trucks could be entering the city within days after the two sides agreed to a truce.", "agreed"),
        (
            "The ceasefire will take effect on Friday, and aid convoys are expected to reach the city soon after.",
            "agreed",
        ),
        # A release as a noun, or one side's own act told beside the agreement.
        ("The warring sides agreed to a ceasefire and a prisoner exchange.", "agreed"),
        ("The rebels freed two hostages on Monday and agreed to a ceasefire.", "agreed"),
        # Aid denied; fighting after the agreement; a truce only called for.
        ("No aid has arrived in the city since the two sides agreed to a ceasefire.", "agreed"),
        ("Fighting resumed in the city a day after the two sides agreed to a ceasefire.", "violated"),
        ("Aid arrived in the city after the rebels called for a ceasefire.", "proposed"),
    ],
)
def test_near_misses_keep_their_reading(rules_detector: Detector, text: str, status: str) -> None:
    assert text_status(rules_detector, text) == status
