"""A count joined by "and" to a vague first object of a verb of killing or wounding takes that verb's kind.

Issue 13 (helper cas2): "the bombings that killed dozens of worshippers ... outside of the shrine ..., and four
additional people in a separate attack" (development 919) gave no figure: the vague first object is no figure, so the
count joined to it had no figure before it to take its kind from, and no verb of its own. The class is the language,
not the item: other verbs (killed, killing, massacred, wounded, injuring), other vague words (dozens, scores, several,
many, hundreds), an aside or a place between. Every sentence is our own. Near misses keep their reading: a count with a
verb of its own ("and 40 others were arrested"), a second verb before it ("and seized 12 rifles"), a clause between
("when they stormed the hotel"), a threat, things not people, an earlier year's figure (background), a disaster's
toll (a figure, but not a conflict's).
"""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import text_figures


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "sentence, figure",
    [
        (
            "The bombs killed dozens of pilgrims, most of them women and children, near the mosque in the old city, and "
            "three more people in a separate blast in the south.",
            (3, "killed", True),
        ),
        ("The airstrike killed scores of fighters and at least 12 civilians, a monitor said.", (12, "killed", True)),
        ("Gunmen killed several police officers and three bystanders on Monday.", (3, "killed", True)),
        ("The raid, which began at dawn, killed many villagers, and two aid workers at a clinic.", (2, "killed", True)),
        ("Militants massacred dozens of farmers and six soldiers guarding them.", (6, "killed", True)),
        ("The shelling wounded hundreds of residents and 40 soldiers.", (40, "wounded", True)),
        (
            "The blast ripped through the market, injuring dozens of shoppers and five police officers.",
            (5, "injured", True),
        ),
    ],
)
def test_count_joined_to_a_vague_object_is_a_figure(
    detector: Detector, sentence: str, figure: tuple[int, str, bool]
) -> None:
    assert figure in text_figures(detector, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack killed dozens of people, and 40 others were arrested.",
        "The raid killed dozens of militants and seized 12 rifles.",
        "The raid killed dozens of militants and destroyed two bases and 12 vehicles.",
        "Gunmen killed dozens of people when they stormed the hotel and 12 guards.",
        "The rebels threatened to kill dozens of villagers and 12 soldiers.",
        "The bombing killed dozens of people and 12 buildings were destroyed.",
    ],
)
def test_count_with_its_own_verb_or_no_victims_is_none(detector: Detector, sentence: str) -> None:
    assert text_figures(detector, sentence) == set()


def test_count_with_its_own_kind_keeps_it(detector: Detector) -> None:
    figures = text_figures(detector, "Troops killed dozens of militants in the town, and 12 soldiers were wounded.")
    assert figures == {(12, "wounded", True)}


def test_earlier_years_count_stays_background(detector: Detector) -> None:
    figures = text_figures(detector, "In 2015, a bombing at the shrine killed dozens of pilgrims and 14 guards.")
    assert figures == {(14, "killed", False)}


def test_disaster_toll_is_no_conflict_figure(detector: Detector) -> None:
    found = detector.detect("", "The flood killed dozens of villagers and three rescuers in the valley.").casualties
    assert [(c.count, c.cause) for c in found] == [(3, "disaster")]
