"""Equal casualty figures the text marks as other people or another incident are two figures, not one told twice.

Issue 13 (helper cas): an article keeps one figure for each count and kind, since a headline's toll is told again in
the lead and the body ("Kill 40" ... "at least 40 people are dead"). A figure whose own words mark it as people beyond
those counted ("killed three more", "another three people", "four additional people", "a further 12") is another
figure, unless it is the headline's own told for the first time; a sentence of another incident ("In a separate
attack", "Elsewhere", "Separately") parts a figure from the headline's once the body has told that, never from a body
figure (a lead may sum up each incident the body then tells). Every sentence is our own; near misses keep one figure.
"""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _counts(detector: Detector, text: str, title: str = "") -> list[tuple[int, str]]:
    """(count, kind group) of every current figure, in order."""
    group = {"killed": "dead", "dead": "dead", "wounded": "hurt", "injured": "hurt", "missing": "missing"}
    return sorted((c.count, group[c.kind]) for c in detector.detect(title, text).casualties if c.current)


@pytest.mark.parametrize(
    "title, text, count, group",
    [
        # people beyond those counted: "N more", "another N", "N additional", "a further N"
        (
            "",
            "Two people died when rockets hit the market on Monday. Later in the day, shelling of the port killed"
            " two more.",
            2,
            "dead",
        ),
        (
            "",
            "Gunmen shot dead four villagers on Monday in the hills. Another four people were killed in a raid on"
            " a farm nearby.",
            4,
            "dead",
        ),
        (
            "",
            "A roadside bomb killed five soldiers on the highway on Monday. Hours later, a mine killed five more"
            " soldiers on a track to the north.",
            5,
            "dead",
        ),
        (
            "",
            "The blast killed three guards at the gate on Monday, officials said. Mortar fire on the camp killed"
            " three additional guards.",
            3,
            "dead",
        ),
        (
            "",
            "Twelve people were wounded when the bus was hit on Monday, police said. A further 12 were wounded"
            " when a second bomb went off.",
            12,
            "hurt",
        ),
        # the headline's figure, told in the body, then another incident's equal figure
        (
            "Two Soldiers, One Militant Killed in Raids",
            "One militant was killed in a raid on a hideout in the east on Monday, the army said. Elsewhere, an"
            " air strike killed one person near the border.",
            1,
            "dead",
        ),
        (
            "Three Police Officers Killed in Attacks",
            "Three police officers were killed at a checkpoint in the south on Monday. In a separate attack, gunmen"
            " killed three officers at a station in the north.",
            3,
            "dead",
        ),
    ],
)
def test_another_group_is_another_figure(detector: Detector, title: str, text: str, count: int, group: str) -> None:
    assert _counts(detector, text, title).count((count, group)) == 2


@pytest.mark.parametrize(
    "title, text, count, group",
    [
        # the headline's "more" told by the lead: one figure
        (
            "Three More Soldiers Killed in East",
            "Three more soldiers were killed on Monday when their patrol was ambushed in the east, the army said.",
            3,
            "dead",
        ),
        (
            "Another Five Killed in Shelling",
            "Another five people were killed on Monday when shells hit a market in the city, officials said.",
            5,
            "dead",
        ),
        # a lead that sums up the incidents, then one of them told on its own: one figure
        (
            "",
            "A suicide bomber killed six soldiers in the north on Monday, while another bomb killed four police"
            " officers in the south. In a separate attack, four police officers were killed when their patrol hit"
            " a mine.",
            4,
            "dead",
        ),
        (
            "",
            "Rebels killed seven soldiers in the hills and two aid workers in the capital on Monday. Elsewhere, two"
            " aid workers were killed when their car was fired on.",
            2,
            "dead",
        ),
        # "another" that marks no figure, and a group that counts no casualties
        (
            "",
            "Four soldiers were killed in the ambush on Monday, the army said. Another statement said four soldiers"
            " had been killed.",
            4,
            "dead",
        ),
        (
            "",
            "Security forces killed 12 militants in the raid on Monday. Twelve more were arrested in the town.",
            12,
            "dead",
        ),
        # "more than" is a qualifier, not more people
        (
            "",
            "Officials said 30 people were killed in the attack on Monday. Police said 30 more than that were wounded.",
            30,
            "dead",
        ),
    ],
)
def test_near_misses_stay_one_figure(detector: Detector, title: str, text: str, count: int, group: str) -> None:
    assert _counts(detector, text, title).count((count, group)) == 1
