"""A truce broken now, read as one proposed (issue 13, helper cfs, 7 December), written in our own words and labelled
before any run: a breach told by a participle of a present-tense clause ("forces are shelling the towns, breaching the
truce signed in March 2015") is today's news of a truce dated earlier, as "is a breach of" and "continuing violations"
were; and "May" before or after a day's number is the month, not the modal that makes a truce a plan ("the truce of May
17 went into effect", "their May 9 commitments to cease hostilities"). Found on development items read as proposed: an
editorial on armed forces "stepping up operations ..., violating ceasefire agreements, including one it declared
itself in November 2008", and a call to "end all such attacks and fully adhere to their May 9 and June 10 commitments
to cease hostilities" (corpus conventions: fighting beside a truce agreed before is `violated`). Near misses: a breach
told in the past of a dated truce (history), and "may" as a modal."""

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
        "The army is stepping up its offensive in the north, violating the ceasefire it declared in November 2008.",
        "Government forces are shelling rebel towns, breaching the truce signed in March 2015.",
        "The rebels are again breaking the ceasefire agreed in 2019, the monitors said.",
    ],
)
def test_a_breach_going_on_now_is_violated(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "violated"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The truce of May 17 went into effect at dawn.", "agreed"),
        ("On May 2 the warring parties signed a truce.", "agreed"),
        ("The ceasefire agreed on 9 May is largely holding.", "holding"),
    ],
)
def test_may_before_or_after_a_day_is_the_month(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # A breach told in the past of a truce dated earlier is history: no status.
        ("In 2009 the army attacked the town, violating the ceasefire signed in 2008.", None),
        ("The rebels were accused in 2016 of breaking the truce agreed in 2015.", None),
        # "may" as a modal still makes the truce a plan.
        ("The two sides may sign a ceasefire next week.", "proposed"),
        ("A ceasefire may take effect on Friday.", "proposed"),
        ("This may lead to a ceasefire.", "proposed"),
        ("Officials said a truce may be signed on May 20.", "proposed"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str | None) -> None:
    assert line_status(detector, line) == status
