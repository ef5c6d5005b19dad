"""Talks a modal says may bring a truce about have it as their aim (issue 13, helper cfs39, 8 December), written in our
own words: a truce named as what talks "could lead to", "might produce" or "would pave the way for" is talks (corpus
convention 4), whatever word governs the talks ("agreed to begin talks", "accepted discussions"), where the agreeing
word read it as agreed. Found on a development brief read agreed, gold talks (two presidents who "agreed to begin talks
that could lead to a cease-fire"). Near misses stay as they were: a truce agreed today, one agreed that was proposed by
a mediator, one that took effect, talks that produced or led to a truce (history: the truce is made), talks without a
modal, a truce agreed beside talks that could lead to peace, and a truce that could lead to talks."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import line_status, text_status


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents agreed on Tuesday to open talks that could lead to a truce in the east.",
        "The militia accepted discussions which might eventually produce a ceasefire.",
        "Both governments agreed to consultations that may lead to a cessation of hostilities.",
        "The army and the rebels agreed to a dialogue that would pave the way for a ceasefire.",
        "The foreign ministers signed a note on talks that will lead to a truce, officials said.",
    ],
)
def test_a_truce_talks_may_bring_about_is_talks(detector: Detector, text: str) -> None:
    assert text_status(detector, text) == "talks"


def test_a_headline_of_the_class_is_talks(detector: Detector) -> None:
    assert line_status(detector, "Rivals Agree to Talks That Could Lead to Truce") == "talks"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The two sides agreed to a ceasefire on Monday.", "agreed"),
        ("The two sides agreed to a ceasefire proposed by Egypt.", "agreed"),
        ("The ceasefire took effect at midnight.", "agreed"),
        ("The talks in Doha produced a truce that took effect at dawn.", "agreed"),
        ("The talks that led to the ceasefire lasted three days.", "agreed"),
        ("The two sides agreed to talks leading to a ceasefire.", "agreed"),
        ("The leaders agreed to a truce and to talks that could lead to a lasting peace.", "agreed"),
        ("The two sides agreed to a truce that could lead to talks.", "agreed"),
        ("The envoy called for a ceasefire.", "proposed"),
    ],
)
def test_near_misses_keep_their_status(detector: Detector, text: str, status: str) -> None:
    assert text_status(detector, text) == status
