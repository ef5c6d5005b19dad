"""A state holding, trying or freeing another state's national, or its own dissident, is a finding (issue 13, rel33).

A citizen held, sentenced or freed by another state is relevant with no event type (corpus/README.md): news between
states that the headline relation misses when the holding state is not the headline's subject ("Released American
Hiker 'Grateful and Humbled'", its lead "Iran has released one of the three American hikers detained in the country").
`held_national` (bot/detect/relations.py) finds it in the headline or the lead: a word of being held, tried or sentenced
and two states in the sentence (named, by adjective or demonym), or one state and a reporter, an opposition figure or a
former head of state. The relevance model reads it as `sig_held`; the rules' `relation` condition takes it as it takes a
headline relation. Near misses: a club's release of a player, a trial at home, a tourist jailed abroad for ordinary
crime, a state's own immigration law, a family's own plea, a school's detention, a hostage in a film, a release with
no one held. Every line is written for the test (none is
taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector

CLASS = [
    (
        "Freed reporter back home",
        "Syria has released a Japanese freelance journalist held in captivity for three years, Tokyo said on Tuesday.",
    ),
    (
        "Eight years for a Lithuanian",
        "A court in Belarus sentenced a Lithuanian citizen to eight years in prison on charges of spying, Vilnius said.",
    ),
    (
        "Ottawa welcomes news from Beijing",
        "Canada said on Friday that two of its citizens detained in China for more than a thousand days are on their "
        "way home.",
    ),
    (
        "French researcher stays in custody",
        "A Russian court extended the detention of a French researcher by three months, his embassy said.",
    ),
    (
        "A verdict in Minsk",
        "A Belarusian court on Friday handed an opposition leader eleven years in prison, her party said.",
    ),
    (
        "Academic moved to house arrest",
        "An Australian academic held in Iran for two years has been moved to house arrest, her family said.",
    ),
]

NEAR_MISSES = [
    # a club releases a foreign player: no one held
    (
        "Striker released",
        "An Italian club has released its American striker, who is free to join another team in Spain.",
    ),
    # a trial at home
    (
        "Pensioner jailed",
        "A Manchester court jailed a pensioner for twelve years on Monday after a long trial over a pension scheme.",
    ),
    # a tourist jailed abroad for ordinary crime
    (
        "Tourist jailed in Bali",
        "An Australian tourist was sentenced to ten years in prison in Indonesia for drug smuggling, a court said.",
    ),
    # a school's detention
    (
        "Detention scrapped",
        "A British school in Spain has scrapped lunchtime detention after complaints from parents.",
    ),
    # a hostage in a film
    (
        "Thriller tops the charts",
        "A hostage thriller set in Jordan topped the box office in Britain and the United States this weekend.",
    ),
    # a state's own immigration law
    (
        "Held by immigration officers",
        "A Mexican man who has lived in the United States for thirty years is in detention awaiting deportation.",
    ),
    # a family's own plea: an opinion piece
    (
        "Iran has held my father for five years. Britain must act",
        "Every week I write to the Foreign Office about my father, a British engineer detained in Tehran.",
    ),
    # a release with no one held: an album
    (
        "New album out",
        "The American singer released her new album in London and Paris on Friday.",
    ),
]


@pytest.fixture(scope="module")
def detector(dealings_detector: Detector) -> Detector:
    return dealings_detector  # tests/conftest.py: one rule asking for dealings between states


@pytest.mark.parametrize(("title", "text"), CLASS)
def test_a_state_holding_or_freeing_a_national_is_a_finding(detector: Detector, title: str, text: str) -> None:
    det = detector.detect(title, text)
    reasons = [m.reason for m in det.matches]
    assert reasons and any(r.startswith(("a state holding", "one state acting")) for r in reasons), reasons
    assert "sig_held" in detector.signals(title, text)


@pytest.mark.parametrize(("title", "text"), NEAR_MISSES)
def test_near_misses_are_no_national_held(detector: Detector, title: str, text: str) -> None:
    assert "sig_held" not in detector.signals(title, text)
    assert not any("holding or freeing" in m.reason for m in detector.detect(title, text).matches)


def test_the_event_models_never_read_the_finding() -> None:
    from bot.model.events import read_signals

    assert read_signals(["sig_held", "sig_relation"]) == ["sig_relation"]
