"""A commemoration told with the toll of the event it recalls: every figure of the piece is background.

Issue 13 (helper cas): a piece whose lead marks an anniversary commemorates an earlier event unless the lead gives a
toll of its own; the toll of the recalled event, told in the phrase that names it ("to mark the 20th anniversary of the
bombing there that killed 168 people"), was taken for one, so the piece's later figures ("The attack killed 168 people,
including 19 children") were read as current. A headline that counts the years since an event ("Ceremony Marks 20 Years
Since Bombing", "Ten Years Since the Siege") names its anniversary as "20 years after" did. Every sentence is our own;
near misses keep the news told beside an anniversary current: a toll of the day before or after the anniversary in the
lead ("Gunmen killed 12 people as the country marked the anniversary of the revolution"), a link or a clause of another
subject between the anniversary and the toll, and a headline that dates news by a truce ("Two Years Since Truce").
"""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


_RECALLED = " Speakers read the names of the dead. The blast killed 168 people and wounded 700 others."
_NEWS = " Police said the attackers fled. Another 30 people were wounded, hospital officials said."


def _figures(detector: Detector, title: str, text: str) -> set[tuple[int, str, bool]]:
    """(count, kind group, current) of every figure of the piece."""
    group = {"killed": "dead", "dead": "dead", "wounded": "hurt", "injured": "hurt", "missing": "missing"}
    return {(c.count, group[c.kind], c.current) for c in detector.detect(title, text).casualties}


@pytest.mark.parametrize(
    "title, lead",
    [
        # the lead marks the anniversary of an event named with its toll
        (
            "Relatives gather in the capital",
            "Hundreds of relatives gathered on Sunday in the capital to mark the 10th anniversary of the school siege "
            "that killed 334 people.",
        ),
        (
            "Relatives gather in the capital",
            "Hundreds gathered on Sunday to mark the 10th anniversary of the attacks on two embassies, which killed 224 "
            "people.",
        ),
        (
            "A town gathers",
            "Thousands of people marked the 30th anniversary of the disaster in which at least 52 miners died in the town.",
        ),
        (
            "City holds ceremony",
            "The city on Sunday commemorated the anniversary of the market bombing where 60 shoppers were killed.",
        ),
        # the headline counts the years since the event
        ("Town Marks 20 Years Since Bombing", "Survivors and relatives met at the memorial on Sunday to lay flowers."),
        ("Ten Years Since the Siege", "Survivors and relatives met at the memorial on Sunday to lay flowers."),
        (
            "Nation Marks a Decade Since the Massacre",
            "Survivors and relatives met at the memorial on Sunday to lay flowers.",
        ),
    ],
)
def test_a_commemoration_s_figures_are_background(detector: Detector, title: str, lead: str) -> None:
    figures = _figures(detector, title, lead + _RECALLED)
    assert (168, "dead", False) in figures and (700, "hurt", False) in figures
    assert not any(current for _, _, current in figures)


@pytest.mark.parametrize(
    "title, lead",
    [
        # a toll of the news told before the anniversary, or after a link or another subject's clause
        (
            "Blast in the capital",
            "Gunmen killed 12 people in the capital on Sunday as the country marked the anniversary of the revolution.",
        ),
        (
            "Blast in the capital",
            "Residents marked the anniversary of the 2015 massacre on Sunday, as gunmen killed 12 people nearby.",
        ),
        (
            "Blast in the capital",
            "Residents marked the anniversary of the uprising with a march that ended when a bomb killed 12 people.",
        ),
        (
            "Blast in the capital",
            "Protesters marking the anniversary of the uprising clashed with police in a square that saw 12 people killed.",
        ),
        (
            "Blast in the capital",
            "Residents marked the anniversary of the uprising on Sunday, which police said a bomb disrupted, killing 12.",
        ),
        # a headline that dates the news by the years since a truce, or by a record
        ("Blast Kills 12, Two Years Since Truce", "A car bomb killed 12 people in the market on Monday, police said."),
        (
            "Fighting Marks Deadliest Day in Two Years Since Truce",
            "A car bomb killed 12 people in the market on Monday, police said.",
        ),
    ],
)
def test_news_beside_an_anniversary_stays_current(detector: Detector, title: str, lead: str) -> None:
    assert (30, "hurt", True) in _figures(detector, title, lead + _NEWS)


def test_a_headline_toll_beside_the_years_since_a_truce_stays_current(detector: Detector) -> None:
    figures = _figures(
        detector, "Blast Kills 12, Two Years Since Truce", "A car bomb killed 12 people on Monday." + _NEWS
    )
    assert (12, "dead", True) in figures
