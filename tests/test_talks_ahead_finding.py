"""Talks or a visit still ahead between officials of two states is a finding, no event (issue 13, helper events25).

An announced trip or talks still to come is relevant with no event type (corpus/README.md): talks ahead are no talks
held, yet the item is news of dealings between states. `talks_ahead` (bot/detect/relations.py) finds it in the headline
or the lead: a trip or talks word still ahead (bot/detect/ahead.py, the reading the events share: a future before it,
"next week" or "tomorrow" after it, "on the eve of" before it; and a headline's "to"), an official in the sentence or
the headline (an office of the people reader's titles table, or a titled person; or two states as the talks' sides),
and two states in the headline and lead. The relevance model reads it as `sig_ahead`; the rules' `relation` condition
takes it as it takes a headline relation, and `check` says which. Near misses: a domestic trip ahead, a sports team's
visit, talks ahead between firms, a firm's chief's trip, talks and visits already held, a trip called off. Every line is written for the test (none is taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from bot.detect.rules.evaluate import NO_DEALINGS

CLASS = [
    (
        "Defence Minister to visit Canberra",
        "Japan's Defence Minister will fly to Australia on Sunday for two days of talks on joint patrols.",
    ),
    (
        "Italy's prime minister heads to Egypt",
        "The Italian Prime Minister will travel to Cairo on Tuesday for talks with President Abdel Fattah al-Sisi on "
        "migration and gas.",
    ),
    (
        "Kenya and Tanzania to open border talks",
        "Officials said the first round would cover the disputed fishing grounds of Lake Victoria.",
    ),
    (
        "Brazil's top diplomat heads south",
        "Brazil's foreign minister is expected to meet his Argentine counterpart in Buenos Aires tomorrow to discuss "
        "trade within Mercosur.",
    ),
    (
        "German leader to host Polish president",
        "The Chancellor will receive the President of Poland in Berlin later this month, the government spokesman said.",
    ),
    # (one reading of "still ahead", bot/detect/ahead.py, review21:) a time to come after the trip, in a headline's
    # present tense
    (
        "A thaw in the Aegean",
        "Turkey's foreign minister visits Greece next week for the first time in four years, officials said.",
    ),
    # the summit named as what comes next
    (
        "French minister lands in Beijing",
        "France's Foreign Minister arrived in Beijing on Monday on the eve of the China-EU summit.",
    ),
    # a future with no "is" before it
    (
        "Indonesian President heads for Tokyo",
        "Indonesia's President, due to arrive in Tokyo on Sunday for talks with the Japanese Prime Minister, left "
        "Jakarta this morning.",
    ),
    # an office of the people reader's titles table that names no one
    (
        "Mercosur trade in focus",
        "Brazil's top diplomat will travel to Argentina next week to discuss trade within the bloc.",
    ),
]

NEAR_MISSES = [
    # a domestic trip ahead
    ("Prime Minister to visit Manchester", "The Prime Minister will travel to Manchester tomorrow to open a hospital."),
    # a sports team's visit
    (
        "Brazil squad to visit England",
        "Brazil's national football team will visit England next week for a friendly match at Wembley.",
    ),
    # talks ahead between firms, in two states' cities
    (
        "Carmakers to hold merger talks",
        "Two carmakers will hold talks in Seoul and Tokyo next week on combining their battery businesses.",
    ),
    # talks held yesterday
    (
        "Indian and Chinese ministers meet in Moscow",
        "The foreign ministers of India and China held talks in Moscow yesterday on their disputed border.",
    ),
    # a visit already made
    ("French president in Algeria", "President Macron visited Algeria on Monday and met President Tebboune."),
    # a trip called off
    (
        "Minister cancels trip",
        "The British Foreign Secretary will not travel to Moscow next week as planned, the Foreign Office said.",
    ),
    # a trip called off, dated ahead after it
    (
        "Minister calls off Beijing visit",
        "Australia's Trade Minister has called off a visit to China planned for next week, his office said.",
    ),
    # talks held, dated in the past right after them
    (
        "Greek and Turkish ministers hold talks",
        "The foreign ministers of Greece and Turkey held talks yesterday in Athens on maritime borders.",
    ),
    # a firm's chief, whose title the people reader knows too
    (
        "Carmaker's chief to visit China",
        "The chief executive of a German carmaker will travel to Beijing next week to meet suppliers.",
    ),
]


@pytest.fixture(scope="module")
def detector(dealings_detector: Detector) -> Detector:
    return dealings_detector  # tests/conftest.py: one rule asking for dealings between states


@pytest.mark.parametrize(("title", "text"), CLASS)
def test_talks_or_a_visit_ahead_between_two_states_is_a_finding_and_no_event(
    detector: Detector, title: str, text: str
) -> None:
    det = detector.detect(title, text)
    assert [m.reason for m in det.matches][:1] and det.matches[0].reason.startswith(
        "talks or a visit ahead between two states: "
    ), det.matches
    assert "talks" not in {e.type for e in det.events}, det.events
    assert "sig_ahead" in detector.signals(title, text)


@pytest.mark.parametrize(("title", "text"), NEAR_MISSES)
def test_near_misses_are_no_talks_or_visit_ahead(detector: Detector, title: str, text: str) -> None:
    assert "sig_ahead" not in detector.signals(title, text)
    # (a headline relation may still match: "Brazil squad to visit England" is one by its grammar, and the default
    # rules veto sport)
    assert not any("talks or a visit ahead" in m.reason for m in detector.detect(title, text).matches)


def test_check_says_why_no_relation_rule_matched(detector: Detector) -> None:
    title, text = NEAR_MISSES[0]
    whys = {name: why for name, _ok, why in detector.explain(title, text)}
    assert whys["dealings"] == NO_DEALINGS, whys


def test_the_event_models_never_read_the_finding() -> None:
    from bot.model.events import read_signals

    assert read_signals(["sig_ahead", "sig_relation"]) == ["sig_relation"]
