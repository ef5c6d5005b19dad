"""A headline's talks that the lead dates ahead (issue 13, helper events23): headline grammar tells an upcoming meeting in
the present ("Rivals Gather for Peace Talks", "Minister opens the annual strategic dialogue") or with "to" ("Summit to
agree new steps"), and the lead says when ("are due to begin on Thursday", "at a summit next week", "will ... as she
visits Accra for talks"): no talks are held yet, so none is reported. The lead's own talks dated ahead in those words
("ahead of the talks", "the next step of the dialogue") are no talks held either. The headline stays talks when the lead
reports talks held, when the talks it dates ahead are more talks after some held ("agreed to hold further talks next
month"), when its talks are only proposed or planned with no date (remarks at the start of a meeting "proposed" before),
and when the lead names no talks. Every line is written for the test (none is taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector


def _talks(detector: Detector, title: str, text: str) -> bool:
    return "talks" in {e.type for e in detector.detect(title, text).events}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Sudan's Rival Generals Gather for Peace Talks in Jeddah",
            "JEDDAH — Negotiations between envoys of the Sudanese army and delegates of the paramilitary Rapid Support "
            "Forces are due to begin on Thursday in the Saudi port city.",
        ),
        (
            "Foreign Secretary opens the annual UK-Kenya strategic dialogue",
            "The Foreign Secretary will deepen ties with Kenya this week when she visits Nairobi for high-level talks "
            "with the Kenyan government.",
        ),
        (
            "G7 summit to agree new support for Moldova",
            "Leaders of the Group of Seven will announce fresh help for Moldova at a summit next week in Rome, a senior "
            "French diplomat said.",
        ),
        (
            "Armenian and Azerbaijani Foreign Ministers Hold Talks in Washington",
            "The foreign ministers of Armenia and Azerbaijan will hold talks at the State Department on Tuesday, the "
            "department's spokesman said.",
        ),
        (
            "Serbia, Kosovo leaders hold EU-brokered meeting",
            "The leaders of Serbia and Kosovo are set to meet in Brussels tomorrow. "
            "On the eve of the meeting, the EU envoy urged both sides to show flexibility.",
        ),
        # (one reading of "still ahead", bot/detect/ahead.py, review21:) "are to", "plans to" as the relations read them
        (
            "Ethiopian and Eritrean leaders meet for talks",
            "The leaders of Ethiopia and Eritrea are to hold talks in Asmara on Thursday, the Ethiopian government said.",
        ),
        (
            "Chilean and Bolivian ministers hold water talks",
            "Chile's foreign minister plans to hold talks with her Bolivian counterpart in La Paz on the Silala river.",
        ),
    ],
)
def test_headline_talks_the_lead_dates_ahead_are_none(rules_detector: Detector, title: str, text: str) -> None:
    assert not _talks(rules_detector, title, text)


@pytest.mark.parametrize(
    "line",
    [
        "Just ahead of the negotiations in Doha, the rebels shelled two villages near the Ethiopian border.",
        "In the run-up to the summit between the Peruvian and Chilean presidents, police closed the centre of Lima.",
        "The ministers said the stage was set for the next important phase of the intra-Yemeni dialogue.",
    ],
)
def test_talks_named_as_what_comes_next_are_none(rules_detector: Detector, line: str) -> None:
    assert not _talks(rules_detector, "", line)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # the lead reports talks held
        (
            "Iran and Oman Hold Talks in Muscat",
            "Iranian and Omani foreign ministers held talks in Muscat on Sunday and will meet again next month.",
        ),
        # more talks ahead after some held
        (
            "Japan and China Hold Talks in Beijing",
            "The two ministers agreed to hold further talks next month on the disputed islands.",
        ),
        # proposed before, held now: no date ahead
        (
            "Secretary Rubio and Foreign Minister Wang Before Their Meeting",
            "FOREIGN MINISTER WANG: We thank you for this proposal to hold talks in Kuala Lumpur on trade and security.",
        ),
        # the lead names no talks
        (
            "Putin and Erdogan meet in Sochi",
            "The Russian and Turkish presidents discussed grain exports and the war in Syria on Monday.",
        ),
        (
            "French and German leaders hold talks in Berlin",
            "Protesters gathered outside the chancellery as police closed nearby streets.",
        ),
    ],
)
def test_headline_talks_stay_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert _talks(rules_detector, title, text)


@pytest.mark.parametrize(
    "line",
    [
        "The Indian and Pakistani ministers met on the eve of the regional summit in Astana.",
        "Ahead of the vote, the Kenyan president held talks with the Ethiopian prime minister in Nairobi.",
    ],
)
def test_talks_held_beside_a_time_ahead_stay_talks(rules_detector: Detector, line: str) -> None:
    assert _talks(rules_detector, "", line)
