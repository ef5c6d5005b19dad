"""An undated page's toll ties it to another report only as the same count (issue 14).

With no date to vouch for a page, a toll it shares with a report is evidence of one occurrence, but only when it is
the same count, told apart by no more than early reports differ (two or so). A quarter apart is how a toll may differ
between the reports of a window's dated pair; for an undated page it is merely another bombing of that country's
news: "at least 30" and "40" killed are two days of bombings in Iraq years apart.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.detect import Detector
from bot.models import Detection
from bot.stories.cluster import StoryDoc, cluster

DATED = datetime(2011, 3, 3, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _report(detector: Detector, article_id: str, title: str, text: str, published: datetime | None) -> StoryDoc:
    det: Detection = detector.detect(title, text)
    return StoryDoc(article_id, title, text, published, det)


def _dated(detector: Detector) -> StoryDoc:
    return _report(
        detector,
        "dated",
        "Car bombs kill 40 across Iraq",
        "A wave of car bombs killed 40 people across Iraq on Thursday, most of them in markets north of the capital, "
        "officials said. Dozens more were wounded in the blasts, which no group has claimed.",
        DATED,
    )


def _undated(detector: Detector, article_id: str, toll: str) -> StoryDoc:
    return _report(
        detector,
        article_id,
        f"Iraq bombings kill at least {toll}",
        f"Bomb attacks in and around Baghdad killed at least {toll} people, Iraqi officials said, as the government "
        "struggles to stop a rising tide of sectarian violence. There was no immediate claim of responsibility.",
        None,
    )


@pytest.mark.parametrize(
    ("toll", "one_story"),
    [
        ("31", False),  # a quarter below: another day of bombings in Iraq
        ("33", False),
        ("48", False),  # a quarter above
        ("40", True),  # the same count
        ("39", True),  # early reports of one count differ by a little
        ("42", True),
    ],
)
def test_an_undated_page_is_tied_to_a_report_by_the_same_toll_only(
    detector: Detector, toll: str, one_story: bool
) -> None:
    ids = cluster([_dated(detector), _undated(detector, "undated", toll)])
    assert (ids[0] == ids[1]) is one_story


@pytest.mark.parametrize(("toll", "one_story"), [("31", False), ("39", True)])
def test_two_undated_pages_are_tied_by_the_same_toll_only(detector: Detector, toll: str, one_story: bool) -> None:
    first = _report(
        detector,
        "first",
        "Car bombs kill 40 across Iraq",
        "A wave of car bombs killed 40 people across Iraq, most of them in markets north of the capital, officials "
        "said. Dozens more were wounded in the blasts, which no group has claimed.",
        None,
    )
    ids = cluster([first, _undated(detector, "second", toll)])
    assert (ids[0] == ids[1]) is one_story


def _in_town(detector: Detector, article_id: str, toll: str, published: datetime | None) -> StoryDoc:
    return _report(
        detector,
        article_id,
        f"Bombs kill {toll} in northern Iraq",
        f"Bombs killed {toll} people in the town of Tal Kaif in northern Iraq, police said. Another blast in the "
        "town's market wounded a dozen shoppers; no group said it carried out the attacks.",
        published,
    )


@pytest.mark.parametrize(("toll", "one_story"), [("31", False), ("34", False), ("39", True), ("40", True)])
def test_a_page_with_no_date_and_another_toll_is_another_attack_in_the_same_town(
    detector: Detector, toll: str, one_story: bool
) -> None:
    # The same rare town ties an undated page to a report; a toll a quarter apart says it is another day's bombing
    # there, as no date says which toll was read first.
    ids = cluster([_in_town(detector, "dated", "40", DATED), _in_town(detector, "undated", toll, None)])
    assert (ids[0] == ids[1]) is one_story


def test_a_toll_that_rose_between_two_dated_reports_is_still_one_attack(detector: Detector) -> None:
    # The near miss: dated a day apart, 31 then 40 is one attack whose toll was read again.
    later = _in_town(detector, "later", "40", DATED)
    earlier = _in_town(detector, "earlier", "31", DATED.replace(day=2))
    ids = cluster([earlier, later])
    assert ids[0] == ids[1]
