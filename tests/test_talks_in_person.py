"""A meeting in person told by its setting rather than by a meeting word (issue 13, helper events3): the host's
welcome or greeting to an official addressed as such ("Mr. Prime Minister, welcome to Canberra", "it is an honour to
meet you here"), a headline's host greeting or welcoming another state's office-holder, the pleasure of being beside a
counterpart, a news conference with the visitor with a day in brackets between, and a headline's "X, Japanese
Counterpart Discuss". Near misses stay no talks: a welcome hoped for or to a broadcast or one's own cabinet, a
Speaker or a judge addressed, a greeting to pilgrims or fans, a colleague of one's own government, a sports or
business meeting. Every line is written for the test (none is taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import has_talks


@pytest.mark.parametrize(
    "line",
    [
        "Mr. Prime Minister, welcome to Canberra, and thank you for making the long journey.",
        "Madam Foreign Minister, it is a great pleasure to welcome you to Ankara.",
        "Well, Mr. President, it's an honour to meet you here in Nairobi.",
        "Your Excellency, welcome to Rome; your delegation has been most patient.",
        "It is very good to be here with my friend and colleague, Foreign Minister Ali of Malaysia.",
        "It is good to be with my Egyptian counterpart once again.",
        "The Georgian president appeared at a news conference (Tuesday) with the visiting Lithuanian president.",
        "Chancellor Greets the Visiting Polish Prime Minister in Berlin",
        "Remarks Welcoming the Prime Minister of Sweden to the White House",
        "Modi, Japanese Counterpart Discuss Trade and Security",
    ],
)
def test_a_meeting_told_by_its_setting_ishas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        # a welcome hoped for, to a broadcast, to one's own cabinet; a Speaker or a judge addressed
        "Mr. President, we hope to welcome you to Warsaw one day soon.",
        "Mr. Secretary, welcome to the program, and thank you for your time this morning.",
        "Mr. Secretary, welcome to the cabinet, the President told the new Treasury chief.",
        "Mr. Speaker, I welcome the Foreign Secretary's statement on the elections.",
        "Your Honour, it is a pleasure to appear before the court again.",
        # greetings with no official of another state; one's own colleague
        "Pope Greets Pilgrims in St Peter's Square",
        "Minister Welcoming Report on Child Poverty",
        "Governor Welcoming the President's Decision on Flood Aid",
        "It is great to be with my colleague, the Attorney General, to announce these charges.",
        "It is good to be with the troops here in Kandahar today.",
        # sport and business
        "The coach said it was an honour to meet the Brazilian team before the final.",
        "It was a pleasure to be with our partners at the trade fair in Hanover.",
    ],
)
def test_greetings_without_a_meeting_of_officials_stay_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)
