"""A truce named as what negotiations or efforts under way aim at is talks (issue 13, helper cfs35, 8 December), written
in our own words: the push for a truce (the noun, as "efforts for" one already reads), and an agreement on a truce
named as the priority or aim beside negotiations the item reports, are the negotiation (corpus convention 4: efforts to
reach or secure a ceasefire are talks), where they read as proposed. Found on development briefs read proposed, gold
talks (the United States that "continues to lead the push for a cease-fire" while negotiators return to talks; peace
negotiations "launched tonight" whose priority "must be" an immediate agreement to a cessation of hostilities). Near
misses stay proposed: the verb ("continued to push for", a headline's "Allies Push for"), a goal named with no
negotiation, or beside a phone call, a visit or a meeting of outside ministers only, and a side's demand at talks; an
agreement reached stays agreed."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import line_status, text_status


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "text",
    [
        "Washington continues to lead the push for a truce in the border war.",
        "Qatar stepped up its diplomatic push for a ceasefire on Sunday.",
        "A new push for a cessation of hostilities began in Doha.",
        "Peace negotiations between the government and the rebels opened in Geneva on Monday. An agreement on a "
        "cessation of hostilities must be the first priority.",
        "Negotiators for both sides met on Tuesday for a second round of talks. The aim is an agreement on a truce "
        "before the rains.",
        "I welcome the start of talks between the two sides in Nairobi. A swift agreement to an immediate ceasefire "
        "must be the priority.",
    ],
)
def test_a_truce_named_as_the_aim_of_negotiations_is_talks(detector: Detector, text: str) -> None:
    assert text_status(detector, text) == "talks"


@pytest.mark.parametrize("headline", ["EU Continues Push for Truce in Sudan", "A New Push for Ceasefire in Yemen"])
def test_a_headline_push_for_a_truce_is_talks(detector: Detector, headline: str) -> None:
    assert line_status(detector, headline) == "talks"


@pytest.mark.parametrize(
    "text",
    [
        "The UK continued to push for an immediate humanitarian pause.",
        "The allies push for a ceasefire in the region.",
        "She said a swift agreement on a cessation of hostilities must be the priority.",
        "The minister phoned both leaders on Sunday. An agreement on a truce must be the priority.",
        "The minister visited the capital. The aim is an agreement on a truce before the rains.",
        "The foreign ministers met in Rome to discuss the crisis. Our goal must be to reach an agreement on a lasting "
        "ceasefire.",
        "Peace talks opened on Monday. The rebels demanded an immediate ceasefire.",
    ],
)
def test_a_call_or_a_goal_with_no_negotiation_stays_proposed(detector: Detector, text: str) -> None:
    assert text_status(detector, text) == "proposed"


@pytest.mark.parametrize("headline", ["Allies Push for Ceasefire in Gaza", "Rebels Push for Truce Before Talks"])
def test_a_headline_verb_push_stays_proposed(detector: Detector, headline: str) -> None:
    assert line_status(detector, headline) == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed in Cairo on Monday. The priority is to implement the agreement reached on Monday on a ceasefire.",
        "The two sides agreed to a ceasefire at talks in Doha, which must now be respected.",
    ],
)
def test_an_agreement_made_at_talks_stays_agreed(detector: Detector, text: str) -> None:
    assert text_status(detector, text) == "agreed"
