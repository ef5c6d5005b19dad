"""Ceasefire status classes of issue 13 (q-batch): a unilateral truce the other side keeps, negotiation around a
proposal, words of a truce gone, keeping to a truce, a truce said to be needed."""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _status(detector: Detector, text: str) -> str | None:
    return detector.detect("", text).ceasefire_status


def _read(detector: Detector, text: str) -> tuple[str | None, set[str]]:
    found = detector.detect("", text)
    return found.ceasefire_status, {e.type for e in found.events}


@pytest.mark.parametrize(
    "text",
    [
        "Rebel commanders said on Tuesday their fighters will honour the unilateral truce that the interior minister "
        "announced at the weekend.",
        "The guerrillas have joined the unilateral truce declared by the government, a spokesman said.",
        "Tribal fighters agreed to respect the army's unilateral ceasefire in the valley.",
        "The militia's leader said his men would abide by the unilateral cease-fire the prime minister proclaimed.",
    ],
)
def test_another_sides_unilateral_truce_kept_is_agreed(detector: Detector, text: str) -> None:
    status, types = _read(detector, text)
    assert status == "agreed"
    assert "agreement" in types


@pytest.mark.parametrize(
    "text",
    [
        "The militia will observe the unilateral ceasefire it declared on Friday.",  # its own truce
        "The army will observe a unilateral ceasefire until Sunday.",  # its own, no other declarer
        "The opposition urged the insurgents to respect the unilateral ceasefire the army announced.",  # a call
    ],
)
def test_ones_own_or_a_called_for_unilateral_truce_stays_proposed(detector: Detector, text: str) -> None:
    status, types = _read(detector, text)
    assert status == "proposed"
    assert "agreement" not in types


# --- negotiation around a proposal, collapse words, keeping to a truce, a truce said to be needed ---------------


@pytest.mark.parametrize(
    "text",
    [
        "A rebel delegation flew to Nairobi to discuss the proposed truce with the mediators.",
        "The envoys are trying to bridge the remaining gaps over a ceasefire plan.",
        "The two camps remain far apart on a ceasefire, officials close to the talks said.",
        "The Kenyan envoy pressed on with his shuttle diplomacy for a truce in the north.",
        "Church leaders travelled between the camps in search of a cease-fire.",
        "Commanders of both armies met to hammer out the terms of a truce.",
    ],
)
def test_negotiating_a_truce_or_its_proposal_is_talks(detector: Detector, text: str) -> None:
    assert _status(detector, text) == "talks"


def test_a_truce_hammered_out_is_agreed(detector: Detector) -> None:
    assert _status(detector, "The commanders hammered out a truce overnight in the border town.") == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "The insurgents said the truce no longer exists after the air raids on their villages.",
        "The short-lived truce gave way to heavy street fighting on Thursday.",
        "A rebel spokesman said the government's offensive had killed the ceasefire.",
        "The junta resumed its bombing campaign, bringing the holiday truce to an end.",
    ],
)
def test_a_truce_said_to_be_gone_is_collapsed(detector: Detector, text: str) -> None:
    assert _status(detector, text) == "collapsed"


@pytest.mark.parametrize(
    "text",
    [
        "Two villagers were killed during the truce, the local council said.",  # a killing while it stands
        "Gunmen killed the head of the truce monitoring team near the border.",  # the truce names a team
    ],
)
def test_killings_during_a_truce_do_not_end_it(detector: Detector, text: str) -> None:
    assert _status(detector, text) != "collapsed"


def test_sides_that_kept_to_a_truce_hold_it(detector: Detector) -> None:
    text = "Both militias have largely kept to the ceasefire since it started five days ago, monitors said."
    assert _status(detector, text) == "holding"


@pytest.mark.parametrize(
    "text",
    [
        "The regional leaders agreed that an immediate ceasefire was essential.",
        "A truce is urgently needed to let food into the city, the aid agencies said.",
        "Washington backed a Norwegian initiative for a two-week truce in the mountains.",
    ],
)
def test_a_truce_said_to_be_needed_or_an_initiative_for_one_is_proposed(detector: Detector, text: str) -> None:
    assert _status(detector, text) == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "The government agreed to the envoy's truce proposal, pending the rebel council's approval.",
        "The militia accepted the ceasefire plan; the army was still studying it on Friday.",
        "The mediators announced a truce accord, but the junta has yet to confirm it.",
    ],
)
def test_one_side_agreeing_while_the_other_answer_is_awaited_is_proposed(detector: Detector, text: str) -> None:
    assert _status(detector, text) == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "The truce agreed in Addis Ababa last month has brought a measure of calm to the highlands.",
        "The ceasefire that began three weeks ago has allowed farmers back into their fields.",
    ],
)
def test_a_truce_agreed_weeks_before_with_its_effects_reported_holds(detector: Detector, text: str) -> None:
    assert _status(detector, text) == "holding"


def test_a_truce_agreed_weeks_before_with_no_effect_reported_stays_agreed(detector: Detector) -> None:
    assert _status(detector, "The mediators said the truce agreed last month would be signed in Geneva.") != "holding"


@pytest.mark.parametrize(
    "text",
    [
        "With the truce over, artillery fire resumed along the river.",
        "Militia fighting flared again as the holiday truce ran out.",
    ],
)
def test_a_truce_run_out_or_over_is_collapsed(detector: Detector, text: str) -> None:
    assert _status(detector, text) == "collapsed"


def test_a_headline_truce_over_with_fighting_is_collapsed(detector: Detector) -> None:
    assert detector.detect("Truce Over as Shelling Resumes in the North", "").ceasefire_status == "collapsed"


def test_a_truce_over_a_holiday_is_not_over(detector: Detector) -> None:
    assert _status(detector, "A four-day truce over the harvest festival began on Friday.") != "collapsed"
