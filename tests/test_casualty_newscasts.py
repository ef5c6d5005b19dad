"""A newscast known by its sign-on has no one day of its own: each story's toll is dated by that story's day.

Issue 13 (helper cas): beside an article's own incident, dated by its weekday in the lead ("on Tuesday"), a toll of an
incident on another weekday is an earlier one ("a bombing on Sunday killed 20" is background). A page of several
stories (a title saying "Newscast" or "Headlines") has no such day; nor has a newscast whose title says nothing but
whose text signs on ("From Washington, this is VOA News. I'm ... reporting."). Every sentence is our own; near misses
without a sign-on, or with a sign-on and an earlier incident named as such, keep the figure background.
"""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


# The first story, dated Tuesday; the second, dated Sunday (another story of the bulletin, or an earlier incident).
_FIRST = (
    "Gunmen killed 12 people at a market in the north of the country on Tuesday, police said.\n"
    "The government said it would send more troops to the region.\n"
)
_SECOND = "In the south, police said a bombing on Sunday killed 20 people at a bus station.\n"


def _current(detector: Detector, text: str, title: str = "") -> dict[int, bool]:
    return {c.count: c.current for c in detector.detect(title, text).casualties}


@pytest.mark.parametrize(
    "sign_on",
    [
        "From Washington, this is VOA News. I'm Ann Lee reporting.\n",
        "This is VOA News. I'm Ann Lee reporting.\n",
        "From London, this is the World Service news.\n",
        "I'm Ann Lee reporting.\n",
    ],
)
def test_newscast_stories_keep_their_own_days(detector: Detector, sign_on: str) -> None:
    assert _current(detector, sign_on + _FIRST + _SECOND) == {12: True, 20: True}


@pytest.mark.parametrize(
    "opening",
    [
        "",  # no sign-on: Sunday's bombing is an earlier incident beside Tuesday's news
        "This is the news that families in the north had feared for days.\n",
        "Police said this is news to them, and they were looking into it.\n",
        "Reporters said the roads to the north were closed for a second day.\n",
    ],
)
def test_without_a_sign_on_another_day_is_earlier(detector: Detector, opening: str) -> None:
    assert _current(detector, opening + _FIRST + _SECOND) == {12: True, 20: False}


def test_newscast_earlier_incident_named_as_such(detector: Detector) -> None:
    text = (
        "From Washington, this is VOA News. I'm Ann Lee reporting.\n"
        + _FIRST
        + "Last week, a bombing at the same market killed 30 people.\n"
    )
    assert _current(detector, text) == {12: True, 30: False}
