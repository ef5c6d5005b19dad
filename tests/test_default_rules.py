"""The default rules as a user meets them: URGENT and FLASH only for armed conflict and diplomacy.

Each case is a class of item that fooled the keyword-era detector (issue 13), written anew here: disasters,
accidents, disease and crime with death tolls; opinion; anniversaries; figures of earlier events; and the
real developments that must still alert at the right severity.
"""

from __future__ import annotations

import pytest

from bot.detect import Detector, compile_rules, load_rules_file
from tests.conftest import REPO


@pytest.fixture(scope="module")
def detector() -> Detector:
    compiled, errors = compile_rules(load_rules_file(REPO / "config" / "rules.yaml"))
    assert not errors
    return Detector(compiled)


QUIET = [
    (
        "Ferry capsizes on Lake Kariba, more than 40 dead",
        "Rescuers searched the lake for survivors after the overloaded ferry capsized in a storm on Sunday.",
    ),
    (
        "Death toll from Texas flash floods rises to 51",
        "At least 51 people have died and dozens are missing after floodwaters swept through summer camps.",
    ),
    (
        "Ebola outbreak kills 31 in Congo's Kasai province",
        "Health officials said the outbreak had killed 31 people, including four health workers.",
    ),
    (
        "Why serial killers kill",
        "Researchers estimate that serial murderers have killed nearly 10,000 people in the United States since 1900.",
    ),
    (
        "Lightning strikes kill 23 across two Indian states",
        "Monsoon storms brought lightning that killed 23 people in Bihar and Uttar Pradesh, officials said.",
    ),
    (
        "Opinion: The war in Ukraine needs a new kind of diplomacy",
        "In my view, the columnist writes, Europe should think again about how the war might end.",
    ),
    (
        "Remembering the battle of the Somme, 110 years on",
        "The anniversary commemorations recalled the more than one million men killed or wounded in 1916.",
    ),
    (
        "Garment workers' pay talks resume at Levi's suppliers",
        "Unions and employers returned to contract talks. The Rana Plaza collapse in 2013 killed 1,134 workers.",
    ),
]


@pytest.mark.parametrize(("title", "text"), QUIET)
def test_no_urgent_or_flash_for_what_is_not_conflict_or_diplomacy(detector: Detector, title: str, text: str) -> None:
    hot = [m for m in detector.detect(title, text).matches if m.severity in ("urgent", "flash")]
    assert hot == [], hot


ALERTS = [
    (
        "Russia and Ukraine agreed on Tuesday to a 30-day ceasefire",
        "The truce, brokered in talks in Jeddah, takes effect at midnight, officials from both governments said.",
        "flash",
    ),
    (
        "Israeli airstrikes kill 38 Palestinians in Gaza",
        "The strikes hit homes and a school sheltering displaced families, the territory's health ministry said.",
        "urgent",
    ),
    (
        "Armenian and Azerbaijani foreign ministers meet in Washington",
        "Secretary of State Antony Blinken hosted the talks on a peace treaty between the two countries.",
        "urgent",
    ),
]


@pytest.mark.parametrize(("title", "text", "severity"), ALERTS)
def test_real_developments_alert_at_their_severity(detector: Detector, title: str, text: str, severity: str) -> None:
    matches = detector.detect(title, text).matches
    assert matches, "no alert"
    order = ["routine", "urgent", "flash"]
    assert max((m.severity for m in matches), key=order.index) == severity, [(m.rule, m.severity) for m in matches]
