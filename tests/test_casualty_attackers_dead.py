"""Attackers killed in words the older readings missed: "killing one of them", "six assailants blew themselves up".

Issue 13 (helper cas): a toll whose victims were named before the verb and are counted right after it ("guards opened
fire on the attackers, killing one of them") was dropped, as "of them" names no victims; and attackers who died by
their own blast ("four militants blew themselves up") were never read, the sentence holding no casualty word. Every
sentence is our own; near misses keep their figures as they were: a share of a toll given before ("killing 8 people,
three of them children"), an attempt ("tried to blow themselves up"), a blast that killed others ("blew up a
checkpoint, killing five soldiers"), captives ("detaining two of them"), a lone bomber with no count of his own.
"""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


_LEAD = "Gunmen stormed a hotel in the capital on Monday, officials said. "


def _figures(detector: Detector, sentence: str) -> set[tuple[int, str, bool]]:
    """(count, kind group, current) of every figure of the lead and the sentence."""
    group = {"killed": "dead", "dead": "dead", "wounded": "hurt", "injured": "hurt", "missing": "missing"}
    return {(c.count, group[c.kind], c.current) for c in detector.detect("", _LEAD + sentence).casualties}


@pytest.mark.parametrize(
    "sentence, figure",
    [
        # the victims named before the verb, counted right after it
        ("Guards opened fire on the attackers, killing one of them.", (1, "dead", True)),
        ("Guards stopped the two attackers, killing one of them and leading the second to flee.", (1, "dead", True)),
        ("Police shot at the gunmen, killing two of them and wounding a third.", (2, "dead", True)),
        ("The army hunted the militants down and killed three of them.", (3, "dead", True)),
        ("Police fired on the men, wounding two of them.", (2, "hurt", True)),
        ("Troops surrounded the fighters, killing at least four of them.", (4, "dead", True)),
        # attackers who died by their own blast
        ("Four militants blew themselves up when troops surrounded their hideout.", (4, "dead", True)),
        ("Six assailants either blew themselves up or were shot dead by troops.", (6, "dead", True)),
        ("Two bombers blew themselves up at the gate.", (2, "dead", True)),
        # ... read as background when dated before the news, as any toll
        ("In 2019, four militants blew themselves up at the same hotel.", (4, "dead", False)),
    ],
)
def test_attackers_killed_are_counted(detector: Detector, sentence: str, figure: tuple[int, str, bool]) -> None:
    assert figure in _figures(detector, sentence)


@pytest.mark.parametrize(
    "sentence, figures",
    [
        # a share of the toll just given keeps its reading
        ("The blast killed 8 people, three of them children.", {(8, "dead", True), (3, "dead", True)}),
        # an attempt, a blast that killed others, captives, a lone bomber
        ("Two men tried to blow themselves up at the gate.", set()),
        ("Three militants blew up a checkpoint, killing five soldiers.", {(5, "dead", True)}),
        ("Police arrested the gunmen, detaining two of them.", set()),
        ("Two gunmen attacked the gate before one of them blew himself up.", set()),
        ("The attackers had planned to kill two of them.", set()),
    ],
)
def test_near_misses_keep_their_reading(detector: Detector, sentence: str, figures: set[tuple[int, str, bool]]) -> None:
    assert _figures(detector, sentence) == figures
