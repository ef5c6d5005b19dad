"""A toll told as a noun of loss or harm, as "the death of six" is: "the loss of", "the injury of", "the wounding of".

Issue 13 (helper cas37): "saddened by the tragic loss of two peacekeepers and one police advisor" (development 1189)
gave no figure: the sentence holds no casualty word, and "loss of" was no verb of killing; "the injury of five other
peacekeepers" (1188) gave none either, beside "the death of six peacekeepers", which was read. The class is the
language, not the items: the nouns of loss (loss, losses; "the loss of 40 lives"), of wounding and injury ("the
wounding of", "the injury of", "injuries to"), digits and number words, with a qualifier, in a joined list. Every
sentence is our own. Near misses keep their reading: things lost, not people (helicopters, seats, jobs, villages,
territory), a process's "death", a count with no victims after it, a threat of loss, a disaster's toll (a figure, but
not a conflict's) and an earlier year's loss (background).
"""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import text_figures


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "sentence, figures",
    [
        (
            "The minister said she was shocked by the loss of three aid workers and one police officer in the convoy attack.",
            {(3, "dead", True), (1, "dead", True)},
        ),
        ("The ambush on the patrol led to the loss of 14 soldiers, the army said.", {(14, "dead", True)}),
        ("Officials confirmed the loss of at least nine villagers in the overnight raid.", {(9, "dead", True)}),
        ("The mortar fire caused the loss of more than 40 lives in the market.", {(40, "dead", True)}),
        ("The mission mourns the losses of two Nepalese peacekeepers killed by a roadside mine.", {(2, "dead", True)}),
        ("Gunmen fired on the checkpoint, causing injuries to 12 civilians.", {(12, "injured", True)}),
        (
            "The rocket strike resulted in the wounding of three police officers near the border.",
            {(3, "wounded", True)},
        ),
        (
            "The bombing resulted in the death of four guards and the injury of seven other guards.",
            {(4, "killed", True), (7, "injured", True)},
        ),
    ],
)
def test_toll_in_noun_wording_is_a_figure(
    detector: Detector, sentence: str, figures: set[tuple[int, str, bool]]
) -> None:
    assert figures <= text_figures(detector, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The army admitted the loss of two helicopters over the front line.",
        "The party suffered the loss of 12 seats in the election.",
        "The factory closure means the loss of 300 jobs.",
        "The retreat meant the loss of territory and of two villages.",
        "Critics warned of the death of the peace process.",
        "The club's loss of two strikers to its rivals ended its title hopes.",
        "The loss of two in a row ended the side's winning run.",
        "A renewed offensive could lead to the loss of 200 lives, aid groups warned.",
    ],
)
def test_loss_without_victims_is_no_figure(detector: Detector, sentence: str) -> None:
    assert text_figures(detector, sentence) == set()


def test_a_disaster_loss_is_no_conflict_toll(detector: Detector) -> None:
    found = detector.detect("", "The earthquake caused the loss of 40 people in the mountain villages.").casualties
    assert [(c.count, c.cause) for c in found] == [(40, "disaster")]


def test_an_earlier_years_loss_stays_background(detector: Detector) -> None:
    sentence = "The ceremony recalled the loss of 13 service members in the 2021 bombing at the airport."
    assert text_figures(detector, sentence) == {(13, "dead", False)}
