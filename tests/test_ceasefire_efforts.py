"""Talks about a truce told by the efforts made for it or by its place on an agenda (issue 13, helper cfs, 7 December),
written in our own words and labelled before any run: efforts for or towards a truce, a truce's efforts ("ceasefire
efforts"), efforts to conclude or finalise an agreement on a truce, and a truce on the agenda of talks are the
negotiation (corpus convention 4: `talks`, as "efforts to reach a ceasefire" already was). Found on development items
read as proposed (efforts for a "sustainable" truce, efforts to conclude "the agreement for a ceasefire") and as no
status (a truce "on the top of agenda" of talks opening). Near misses keep their status: a truce called for, urged,
needed or proposed; an agreement hoped for or expected with no efforts named; an agreement signed after months of
efforts; a truce proposal on an agenda; a truce agreed today that
will take effect; one agreed last week with nothing on whether it holds; a proposal to be discussed at talks."""

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
        # Efforts for or towards a truce.
        "The two presidents reviewed their efforts for a durable truce in the north.",
        "Diplomatic efforts for a ceasefire in the region have stalled since the spring.",
        "The foreign minister praised Kenya's efforts towards a lasting cessation of hostilities.",
        "Regional efforts toward a truce gained momentum on Wednesday.",
        # A truce's efforts.
        "Ceasefire efforts gathered pace as the envoys landed in the capital.",
        "Truce Efforts Stall Over Prisoner Swap",
        # Efforts to conclude or finalise an agreement on a truce.
        "The envoy will pursue intensive efforts to conclude the agreement for a ceasefire and the release of detainees.",
        "Negotiators intensified their efforts to finalise an agreement on a truce in the valley.",
        "The mediators kept up their efforts to conclude a deal on a ceasefire.",
        # A truce on the agenda of talks.
        "A ceasefire will be high on the agenda when the delegations meet in Geneva.",
        '"The truce will be at the top of the agenda," the foreign ministry spokesman said.',
        "Ceasefire Tops Agenda as Peace Talks Open",
    ],
)
def test_efforts_for_a_truce_and_a_truce_on_the_agenda_are_talks(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "talks"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The foreign minister called for a lasting ceasefire.", "proposed"),
        ("The council urged a sustainable truce in the region.", "proposed"),
        ("The rebels proposed a durable ceasefire over the holidays.", "proposed"),
        ("The envoy hopes to conclude an agreement for a ceasefire this week.", "proposed"),
        ("The two sides signed the agreement for a ceasefire after months of efforts.", "agreed"),
        ("The ceasefire proposal is on the agenda of the Security Council.", "proposed"),
        ("The ceasefire plan will be discussed at talks next week.", "proposed"),
        ("The two sides agreed a ceasefire on Tuesday that will take effect at midnight.", "agreed"),
        ("The two militias agreed to a truce last week, their commanders said.", "agreed"),
        ("Envoys met in the capital on Tuesday to discuss a ceasefire.", "talks"),
        ("Efforts to extend the truce have stalled.", "extended"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status
