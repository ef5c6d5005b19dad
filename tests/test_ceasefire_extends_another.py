"""A word of extension or renewal that governs something other than the truce says nothing of the truce's state: a
fight renewed ("renewed its assault", "renewed their offensive"), a pledge, call or effort renewed ("the renewed
commitment to a ceasefire", "renewed appeals for a truce"), or the reach of a place ("a truce for the area extending from
the river to the hills"). Main read each as an extension; the other words of the sentence now decide. Near misses keep
their extension: the truce itself renewed, extended or prolonged, an extension of it, a span of time ("extended from 30
to 60 days", "extending from midnight"), and violence already excluded ("renewed fighting")."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import text_status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A fight renewed beside a truce in force: the truce is broken.
        ("The militia renewed its attack on the port hours after the truce began.", "violated"),
        # A pledge, call, hope or effort renewed: what is pledged, called for or sought decides.
        ("Both commanders signed a truce on Monday, with a renewed pledge to the ceasefire talks.", "agreed"),
        ("The foreign minister made renewed appeals for a ceasefire in the north.", "proposed"),
        ("Officials voiced renewed hope for a ceasefire.", "proposed"),
        ("The UN announced renewed efforts to reach a ceasefire.", "talks"),
        ("The two sides renewed their support for the truce signed in March, which both say is holding.", "holding"),
        # The reach of a place told by the present tense.
        (
            "The two commanders reached a tentative agreement on a truce for the valley extending from the river to the hills.",
            "agreed",
        ),
        ("Both armies agreed to a cease-fire in a zone that extends along the northern border.", "agreed"),
    ],
)
def test_an_extension_of_something_else_is_not_the_truces(rules_detector: Detector, text: str, status: str) -> None:
    assert text_status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        "The two sides renewed the truce for another month.",
        "The ceasefire was extended from 30 to 60 days.",
        "The truce, extending from midnight on Friday to Sunday evening, was prolonged by both sides.",
        "The parties agreed on a further extension of the ceasefire.",
        "The truce was prolonged until the end of the month.",
        "The ceasefire, which covers the coast, was extended for another week.",
        "The warring parties extended the truce along the whole front line.",
        "The army and the rebels renewed the ceasefire on Tuesday.",
    ],
)
def test_the_truce_itself_extended_keeps_its_extension(rules_detector: Detector, text: str) -> None:
    assert text_status(rules_detector, text) == "extended"
