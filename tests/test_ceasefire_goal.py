"""An agreement named as a goal is none made (issue 13, helper cfs33, 7 December), written in our own words: an
agreement on a truce that is the priority, the aim or the goal, and a side someone works to get to agree to a truce,
are proposed (corpus convention 2), where they read as agreed. Found on development items read agreed, gold proposed
(a leader trying "to get him to agree to ceasefire"; "an immediate agreement ... must be the priority"). Near misses
stay agreed: a truce agreed that must now be respected, an agreement reached that is the priority to implement, sides
someone got to agree, an agreement that is an achievement, a truce agreed that is the monitors' priority."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import text_status


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "text",
    [
        "The mediator is trying to get the rebel commander to agree to a truce.",
        "Envoys spent the night working to get both capitals to agree to a ceasefire.",
        "She said a swift agreement on a cessation of hostilities must be the priority.",
        "For the monitors, an agreement to a ceasefire in the valley remains the top priority.",
        "The aim is an agreement on a truce before the harvest.",
        "Our goal must be to reach an agreement on a lasting ceasefire.",
    ],
)
def test_an_agreement_named_as_a_goal_is_proposed(detector: Detector, text: str) -> None:
    assert text_status(detector, text) == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "The parties agreed to a ceasefire, which must now be respected.",
        "The priority is to implement the agreement reached on Monday on a ceasefire.",
        "The envoy got both sides to agree to a truce on Monday.",
        "The agreement on a ceasefire is the main achievement of the talks.",
        "The ceasefire agreed on Monday must be the priority of the monitors.",
        "The rebels agreed to a truce on Sunday.",
    ],
)
def test_an_agreement_made_stays_agreed(detector: Detector, text: str) -> None:
    assert text_status(detector, text) == "agreed"
