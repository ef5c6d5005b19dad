"""A truce only presupposed in the lead ("this report covers the ceasefire in ...") says no more than that a truce
exists: a state a later sentence reads from its words (holding for a fifth day, calm since it began) wins at equal
weight, where the tie went to agreed before. Near misses keep their reading: an agreement, a breach, an extension, a
call for a new truce, a collapse told in the body, no state told at all, and a call to respect the truce (weaker)."""

from __future__ import annotations

import pytest

from bot.detect import Detector


def _status(rules_detector: Detector, title: str, text: str) -> str | None:
    return rules_detector.detect(title, text).ceasefire_status


# Two sentences of other news put the state below the lead, where it weighs what the lead's presupposed truce does.
FILLER = "Officials met in the capital on Monday. The roads to the border remain closed to traffic."
REPORT = f"This report covers the ceasefire in the eastern provinces. {FILLER}"


@pytest.mark.parametrize(
    ("title", "text", "status"),
    [
        # The truce's state told in the body, the lead only naming the truce.
        ("Situation Report", f"{REPORT} The truce has held for a fifth day, monitors said.", "holding"),
        (
            "Weekly Summary",
            f"The following is an update on the truce between the army and the rebels. {FILLER} "
            "The ceasefire is largely holding, according to observers.",
            "holding",
        ),
        (
            "Weekly Summary",
            f"The envoy briefed ministers on the ceasefire in the south. {FILLER} "
            "Calm returned to the border towns after the truce began.",
            "holding",
        ),
        (
            "Situation Report",
            f"{REPORT} Displaced families have been returning home since the truce took effect.",
            "holding",
        ),
        # Near misses: another state told in the body, or none.
        ("Situation Report", f"{REPORT} The truce was signed on Monday by both commanders.", "agreed"),
        ("Situation Report", f"{REPORT} The rebels shelled two villages on Tuesday, breaking the truce.", "violated"),
        ("Situation Report", f"{REPORT} Both sides have agreed to extend the truce by a month.", "extended"),
        ("Situation Report", f"{REPORT} The government has called for a new truce in the west.", "proposed"),
        ("Situation Report", f"{REPORT} The truce collapsed on Sunday night.", "collapsed"),
        ("Situation Report", f"{REPORT} Aid trucks were waiting at the crossing.", "agreed"),
        ("Situation Report", f"{REPORT} We call on both sides to respect the truce.", "agreed"),
    ],
)
def test_state_read_wins_over_a_presupposed_truce(rules_detector: Detector, title: str, text: str, status: str) -> None:
    assert _status(rules_detector, title, text) == status
