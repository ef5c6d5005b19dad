"""Estimates of deaths that happened, in the modal perfect: "as many as 100 people may have been killed".

Issue 13 (helper cas): "may", "might", "feared to" and "likely to" made a figure a projection ("30 may die", "the toll
could rise"), so an estimate of deaths that had already happened ("may have been killed", "might have died", "are
feared to have died") was dropped, though the corpus labels such a disputed figure current. Every sentence is our own;
near misses stay dropped: projections ("could die", "may be killed", "may die"), what could or would have been ("could
have killed 200 had it exploded", "would have been killed without the shelter"), and a modal perfect that says on what
condition ("might have died had the bomb gone off", "if the shelter had failed", "without the warning").
"""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _current(detector: Detector, sentence: str) -> set[int]:
    return {c.count for c in detector.detect("", sentence).casualties if c.current}


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Sources say as many as 100 people may have been killed in Tuesday's attack.", 100),
        ("As many as 100 people may have died in the strike, residents said.", 100),
        ("Up to 30 people might have been killed in the shelling, a monitor said.", 30),
        ("Officials said 15 people may have died in the blast.", 15),
        ("At least 40 people are feared to have died in the raid.", 40),
        ("Up to 30 people are likely to have been killed in the strike, a monitor said.", 30),
        ("The strike may have killed as many as 50 civilians, the group said.", 50),
    ],
)
def test_estimate_of_deaths_is_a_figure(detector: Detector, sentence: str, count: int) -> None:
    assert count in _current(detector, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll could rise to 50, officials said.",
        "As many as 100 people could die if the dam breaks.",
        "Up to 30 people may be killed if the fighting continues.",
        "Officials fear that up to 30 people may die in the coming days.",
        "The bomb could have killed 200 people had it exploded.",
        "Up to 30 people would have been killed without the shelter.",
        "Hundreds might have died had the bomb gone off.",
        "Up to 30 people may have been killed if the shelter had failed.",
        "As many as 100 people might have died without the warning.",
    ],
)
def test_projection_or_what_might_have_been_is_none(detector: Detector, sentence: str) -> None:
    assert _current(detector, sentence) == set()
