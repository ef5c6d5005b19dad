"""Talks not (yet) held (issue 13): talks planned, proposed, sought, asked for, announced, called off, postponed, long
stalled or frozen, prepared for, a party ready for them, support for their conclusion and a negotiated settlement as a
goal report no meeting; talks held are still talks when they were planned or put off before, when a next round is
ahead, or when further talks are agreed after a meeting. Every line is written for the test (none is taken from the
corpus); a line without a full stop is read as a headline."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from bot.model.events import RULES_ONLY


@pytest.fixture(scope="module")
def detector() -> Detector:
    # The rules' reading: talks are not corrected by the learned event model.
    return Detector(events=RULES_ONLY)


def _talks(detector: Detector, line: str) -> bool:
    detection = detector.detect("", line) if line.endswith(".") else detector.detect(line, "")
    return any(e.type == "talks" for e in detection.events)


@pytest.mark.parametrize(
    "line",
    [
        # planned, proposed, sought, asked for, announced
        "Kenyan Government Plans Border Talks with Somalia",
        "The cabinet said on Tuesday it plans peace talks with the southern rebels.",
        "The foreign minister proposed talks in Vienna with his Iranian counterpart.",
        "Serbia Seeks Talks With Kosovo Leaders",
        "Ankara has sought a meeting between the two presidents.",
        "The Greek foreign minister asked for a meeting with his Turkish counterpart.",
        "Welcoming the announcement of UN-led negotiations on the future of Cyprus",
        # called off, cancelled, postponed
        "The president said he had cancelled his planned summit in Vienna with the Russian leader.",
        "The president called off Friday's summit with the Russian leader.",
        "The prime minister postponed the summit with the Chinese president.",
        "Israel and Lebanon Postpone Border Talks",
        "The meeting, first scheduled for April, was postponed, the foreign ministry said.",
        # stalled or frozen for long
        "Peace negotiations with the rebels have been frozen since 2019, the minister said.",
        "The talks between Serbia and Kosovo have stalled for years, the envoy said.",
        "Talks between the government and the insurgents have been suspended since June, the envoy said.",
        "The long-stalled talks between the two governments were not mentioned by the president.",
        # ready for, prepared for, supported to their end, a negotiated goal
        "The Turkish president said his government was ready for talks with Kurdish leaders.",
        "The president says he is trying to create conditions for peace talks with the northern rebels.",
        "The minister said the truce could help create the conditions for advancing the peace talks.",
        "The United States stands ready to support the successful conclusion of these negotiations with Qatar and Egypt.",
        "The minister said peace can only come through a just, negotiated political settlement between the parties.",
    ],
)
def test_talks_not_yet_held_are_no_talks(detector: Detector, line: str) -> None:
    assert not _talks(detector, line)


@pytest.mark.parametrize(
    "line",
    [
        # held with a next round ahead, further talks agreed after a meeting, a call that took place
        "The French and German foreign ministers held talks in Geneva on Monday and will meet again next month.",
        "The French and German foreign ministers met in Geneva and agreed to hold further talks.",
        "During a call on Monday, the French and Russian presidents discussed the war in Ukraine.",
        # planned or put off before, held now
        "The French president held his planned meeting with the German chancellor in Berlin on Monday.",
        "The Kenyan foreign minister attended the proposed talks in Vienna on Tuesday.",
        "Putin and Erdogan Hold Talks Postponed from March",
        # a proposal, an announcement or a postponement of something else beside talks held
        "The foreign minister met his Iranian counterpart to discuss the proposed talks.",
        "The president announced after his meeting with the Chinese premier that tariffs would be cut.",
        # talks that broke down that day were held
        "Talks between the two foreign ministers stalled on Monday over the border.",
    ],
)
def test_talks_held_stay_talks(detector: Detector, line: str) -> None:
    assert _talks(detector, line)
