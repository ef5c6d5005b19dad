"""Fighting told as the war's origin or history does not break a truce in force: "the fighting began when ...", a war
that "erupted in 2011", "since the conflict began" are background to the truce (corpus convention 1). Near misses keep
their reading: fighting anew after the truce began, fighting "when" something happened today, the heaviest shelling
"since the war began", and fighting with no truce in force."""

from __future__ import annotations

import pytest

from bot.detect import Detector


def _status(rules_detector: Detector, text: str, title: str = "") -> str | None:
    return rules_detector.detect(title, text).ceasefire_status


HOME = (
    "Displaced families began returning to their homes after a ceasefire took effect between the army and the rebels."
)
QUIET = "The truce between the army and the rebels held for a third day on Sunday, monitors said."


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The war's start or running history beside a truce in force.
        (
            f"{HOME} The fighting began when the rebels crossed the border, killed six soldiers and shelled two towns.",
            "holding",
        ),
        (f"{QUIET} The war erupted in 2014 when the rebels seized the airport and attacked army bases.", "holding"),
        (f"{QUIET} Rebels have shelled the capital and killed dozens of soldiers since the conflict began.", "holding"),
        (f"{HOME} Militias have attacked army posts in the province since 2019.", "holding"),
        # Near misses: fighting anew after the truce began, or measured against the war's history, breaks it.
        (f"{QUIET} Hours after the truce began, shelling resumed and two soldiers were killed.", "violated"),
        (f"{HOME} Fighting broke out again when the rebels attacked an army post on Monday.", "violated"),
        (f"{QUIET} The army shelled rebel villages in the heaviest attacks since the war began.", "violated"),
        (f"{HOME} Rebels attacked an army post on Monday, killing six soldiers.", "violated"),
    ],
)
def test_war_history_does_not_break_a_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        # No truce: the war's history stays fighting told (the clash type is not this change's).
        "The fighting began when the rebels crossed the border and killed six soldiers.",
    ],
)
def test_war_history_without_a_truce_is_no_truce(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) is None
