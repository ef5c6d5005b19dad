"""Talks named as the goal an effort works toward or promotes (issue 13, helper events): "working toward a political
dialogue", "a first step towards negotiations", "progress toward talks", "efforts to advance talks", "fostering dialogue
between the two communities" tell of talks sought, not of talks held, and report no meeting. Talks that were held stay
talks when "toward" or "advance" names something else: a deal the talks moved toward, talks at an advanced stage, the
end of talks under way, talks about progress. Every line is written for the test (none is taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import has_talks


@pytest.mark.parametrize(
    "line",
    [
        "The European Union asked Kenya's leaders to work quickly toward an inclusive national dialogue.",
        "The Norwegian envoy said the prisoner release was a first step towards negotiations between the government and the rebels.",
        "Diplomats in Ankara reported little progress toward direct talks between Armenia and Turkey.",
        "The foreign ministry praised Oman for its role in fostering dialogue between Iran and its Gulf neighbours.",
        "Brazil has long worked at promoting dialogue between Venezuela's government and the opposition.",
        "The Swiss mediator was praised in Bern for her efforts to advance negotiations between Serbia and Kosovo.",
        "The German chancellor is committed to moving towards a political dialogue in Belarus.",
    ],
)
def test_talks_worked_toward_or_promoted_are_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        # talks held, with "toward" or "advance" naming something else
        "Serbia and Kosovo moved toward a deal at talks in Brussels on Monday.",
        "The Sudanese delegations made progress towards a ceasefire during negotiations in Jeddah on Tuesday.",
        "Israeli and Egyptian officials held advanced talks in Cairo on the hostage release.",
        "The Indian and Chinese ministers met in Moscow to advance the border disengagement.",
        "Toward the end of the talks in Geneva, the Iranian foreign minister met his American counterpart.",
        "The Colombian government and the rebels held talks in Havana on progress toward disarmament.",
        "Iran and Saudi Arabia held talks in Baghdad on Friday.",
    ],
)
def test_talks_held_beside_toward_or_advance_stayhas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)
