"""A call told by a plain past verb with no call noun (issue 13, helper events4): another state's office-holder
"called", "phoned", "telephoned" or "rang" (a counterpart, a head of state or government named after the office, an
office owned by a state or "of" one), "has spoken to" one, and commanders who "spoke over" a hotline. Near misses stay
no talks: calls for a ceasefire or on both sides, an attack or elections "called", a speech to reporters or at the
UN, a minister who calls an official of his own government, a name given ("called President X a liar"), "what it
called", the so-called president. Every line is written for the test (none is taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import has_talks


@pytest.mark.parametrize(
    "line",
    [
        "The President said he had just called President Halvorsen of Norland to congratulate him on the vote.",
        "The prime minister phoned his Estonian counterpart on Tuesday to discuss the border crisis.",
        "Chancellor Weber called Turkish President Recep Tayyip Erdogan on Monday about the refugee deal.",
        "The foreign minister telephoned Russia's foreign minister late on Sunday, the ministry said.",
        "The Secretary of State has spoken to both President Markovic and Prime Minister Dervishi to urge calm.",
        "The king rang the President of France after the flooding, the palace said.",
        "The two armies' commanders spoke over the established hotline on Thursday, the ministry said.",
        "Officials said President Obi had called Prime Minister Rahman, and the two leaders agreed to meet soon.",
    ],
)
def test_a_call_told_by_a_past_verb_ishas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        # calls that are appeals, verdicts or decisions
        "The minister called for calm in the border region, saying civilians must be protected.",
        "The envoy called on both sides to show restraint in the border region.",
        "President Adams called the attack on the embassy cowardly and vowed a response.",
        "The prime minister called elections for March after the coalition collapsed.",
        # speaking to an audience or at a forum
        "The foreign minister spoke to reporters in Geneva about the refugee crisis.",
        "The president spoke at the UN General Assembly on Tuesday about the war in Sudan.",
        # one's own government
        "The interior minister called the police chief after the riots in the capital.",
        "The President called Interior Minister Okafor to demand a report on the riots.",
        "The Prime Minister called Vice President Lee to discuss the budget.",
        # a name given, a phrase quoted, a title doubted
        "The senator called President Halvorsen a liar over the border dispute with Norland.",
        "The opposition denounced what it called President Halvorsen's war on the press.",
        "The so-called president of the breakaway region rejected the offer as a trap.",
    ],
)
def test_near_misses_stay_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)
