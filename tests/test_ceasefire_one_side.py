"""One warring side taking up a truce that another put forward, accepting one on conditions, or announcing its own
acceptance has not agreed the truce with the other side (corpus conventions 2 and 4): proposed, until the item tells
the second side's acceptance. Main read each as agreed. Near misses keep their reading: both sides or two parties as
the subject, the other side's own offer accepted, a second acceptance told ("also", "already"), a joint acceptance,
a joint agreement whose start waits on conditions, and one side's acceptance beside fighting reported as news (the
fighting does not say whether the truce was ever agreed: read as the words say, agreed, then broken)."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import line_status, text_status


@pytest.mark.parametrize(
    "text",
    [
        # One side takes up a truce put forward by another.
        "The junta accepted the Turkish proposal for a two-week ceasefire on Sunday.",
        "The militia agreed on Friday to a 72-hour truce proposed by the African Union.",
        "Hamas accepted an Egyptian-proposed ceasefire late on Monday, a spokesman said.",
        # One side accepts on conditions.
        "The guerrilla command agreed to a cease-fire subject to the following three conditions.",
        "The insurgents accepted the truce on two conditions, their spokesman said.",
        # One side's own acceptance announced.
        "State television has been announcing Syrian acceptance of the cease-fire since dawn.",
        "The government informed the Security Council of its acceptance of the truce on Tuesday.",
        "Officials in Khartoum confirmed the army's acceptance of the ceasefire.",
    ],
)
def test_one_sides_acceptance_is_proposed(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "proposed"


@pytest.mark.parametrize(
    "headline", ["Kyiv agrees to truce proposal after talks with Washington", "Rebels accept ceasefire plan"]
)
def test_a_headline_of_one_sides_acceptance_is_proposed(rules_detector: Detector, headline: str) -> None:
    assert line_status(rules_detector, headline) == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "Both sides accepted the truce proposal on Sunday.",
        "Armenia and Azerbaijan agreed to a 30-day ceasefire.",
        "Russia and Ukraine agreed on Monday to a truce proposed by Turkey.",
        "The rebels accepted the army's offer of a ceasefire on Sunday.",
        "The government accepted the Qatari ceasefire proposal on Sunday. The rebels also accepted it a day later.",
        "The militia accepted the truce plan, which the army has already accepted.",
        "The warring parties have agreed to a ceasefire to take effect on Monday if certain conditions are met.",
        "The two governments signed a ceasefire in Doha on Friday.",
        # A joint or unowned acceptance.
        "The envoy welcomed the mutual acceptance of the ceasefire by the two armies.",
        "Their acceptance of the truce was announced in both capitals on Monday.",
    ],
)
def test_both_sides_or_the_other_sides_offer_stay_agreed(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "agreed"


def test_a_headline_of_several_states_accepting_stays_agreed(rules_detector: Detector) -> None:
    assert line_status(rules_detector, "Middle Eastern States Accept U.S. Truce Proposal") == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "The militia accepted a ceasefire proposed by the African Union on Friday. Heavy fighting and shelling "
        "killed 20 soldiers in the north on Saturday.",
        "Rebels in the east clashed with army units overnight, killing 12 fighters, after the government announced "
        "its acceptance of the truce.",
    ],
)
def test_one_sides_acceptance_beside_fighting_reads_as_main_does(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "violated"
