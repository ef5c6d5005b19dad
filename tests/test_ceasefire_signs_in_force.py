"""A truce in force told by what it brings (corpus convention 3): the first hours or days of it, the displaced going
home after it began, less violence since it began; near misses keep their reading (a truce still to start, violations
counted in its first day, a plan for its first hours, people going home after a war, less violence after an
election)."""

from __future__ import annotations

import pytest

from bot.detect import Detector


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Time inside the truce, counted in hours or a few days.
        ("The envoy praised a steep fall in violence over the first 24 hours of a truce mediated by Qatar.", "holding"),
        ("Aid flowed into the town in the first few days of the ceasefire.", "holding"),
        ("Shops reopened during the first two weeks of the cease-fire in the capital.", "holding"),
        # The displaced going home, or less violence, beside the truce's start.
        (
            "Thousands of displaced families began returning to their homes after the ceasefire took effect on Sunday.",
            "holding",
        ),
        ("Villagers were returning home after a truce between the clans came into force.", "holding"),
        ("Violence dropped sharply after the truce began on Monday.", "holding"),
        ("Monitors reported a decline in violence after the cease-fire went into effect at midnight.", "holding"),
        # Near misses: a truce still to start, violations in its first day, a plan for its first hours.
        ("The ceasefire will take effect on Monday, and displaced families hope to return home.", "agreed"),
        ("Within the first 24 hours of the ceasefire, monitors recorded 40 violations.", "violated"),
        ("The first 24 hours of the proposed truce would be used to evacuate the wounded.", "proposed"),
        ("The two sides agreed to a ceasefire that will take effect on Friday, officials said.", "agreed"),
        ("Fighting resumed hours after the truce took effect.", "violated"),
        # No truce: people going home after a war, less violence after an election.
        ("Refugees began returning home after the war ended in 2003.", None),
        ("Violence dropped sharply after the election, police said.", None),
    ],
)
def test_a_truce_in_force_told_by_what_it_brings(rules_detector: Detector, text: str, status: str | None) -> None:
    assert rules_detector.detect("", text).ceasefire_status == status
