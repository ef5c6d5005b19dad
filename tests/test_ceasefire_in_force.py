"""A truce being carried out is in force (issue 13, helper cfs, 7 December), written in our own words and labelled
before any run: its implementation kept on ("continued implementation", "the ongoing efforts to implement", "continue
to implement"), a step taken as part of it ("released as part of the truce"), and a clause on it that says it is
observed now ("which appears to be largely holding") take it as in force whatever word governs the clause (corpus
convention 3: `holding`). Found on development items read as agreed or proposed: an envoy's trip to discuss
"continued implementation" of a cessation of hostilities agreement, a governor's return "as part of" a preliminary
truce, a truce welcomed "which appears to be largely holding". Near misses: an implementation still to come or asked
for, a step promised under a truce, a plan's terms, efforts to reach a truce, and clauses that look ahead or deny."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import line_status


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "line",
    [
        # Implementation kept on, under a modal or not.
        "The envoy will discuss continued implementation of the cessation of hostilities agreement in Addis Ababa.",
        "The minister commended the ongoing efforts to implement the ceasefire between the two countries.",
        "The talks will focus on the further implementation of the truce signed in November.",
        "The warring parties continue to implement the truce, the monitors said.",
        # A step taken as part of a truce.
        "The army began pulling back heavy weapons as part of the ceasefire deal agreed last month.",
        "Prisoners were released on Tuesday as part of the truce.",
        "The governor returned to the city as part of a preliminary ceasefire deal agreed after weeks of fighting.",
        "Hostages freed as part of Gaza ceasefire",
        # A clause on the truce that says it is observed now.
        "We welcome the ceasefire, which appears to be largely holding.",
        "The minister welcomed the truce that is still holding in the east.",
        "The EU welcomes the ceasefire in the province, which has largely held since March.",
    ],
)
def test_a_truce_being_carried_out_holds(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # An implementation still to come, agreed to, or asked for: the word before it decides.
        ("The parties will discuss the implementation of a ceasefire.", "proposed"),
        ("The sides agreed to implement a ceasefire from Friday.", "agreed"),
        ("The parties must fully implement the ceasefire agreement.", "proposed"),
        ("The UN urged the parties to implement the truce without delay.", "proposed"),
        # A step promised under a truce is one of its terms: the truce is agreed.
        ("Hamas will release hostages as part of the ceasefire deal.", "agreed"),
        # A plan's terms, a proposal, efforts to reach a truce.
        ("As part of the plan, a ceasefire would take effect within two days.", "proposed"),
        ("The rebels handed over weapons as part of a ceasefire proposal.", "proposed"),
        ("The envoy arrived as part of efforts to reach a ceasefire.", "talks"),
        # Clauses that look ahead, hope or deny.
        ("We welcome the ceasefire, which will hold until Friday.", "agreed"),
        ("We welcome the truce that took effect at midnight.", "agreed"),
        ("We welcome the truce that we hope will hold.", "agreed"),
        ("We welcome the ceasefire, which is not holding.", "violated"),
        # Talks continued are talks, not a truce carried on.
        ("The parties agreed to continue talks on a ceasefire.", "talks"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status
