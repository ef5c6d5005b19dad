"""A meeting inside one government is no talks (issue 13, helper events2): a president with his cabinet, his security
council or his generals, a minister chairing a meeting of the national security council, a leader with the governors,
and the same meeting referred back to ("the meeting", "today's meeting"), tell of one state at work, not of talks
between states or sides (corpus/README.md: a domestic meeting gets no meeting type). A meeting with another state's
office-holder, with another state's security council officer, the UN Security Council's sessions, and talks between a
government and rebels keep their reading. Every line is written for the test (none is taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.detect import Detector


def _talks(rules_detector: Detector, title: str, text: str = "") -> bool:
    return any(e.type == "talks" for e in rules_detector.detect(title, text).events)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "The Kenyan president met with his cabinet in Nairobi on Tuesday to review the drought response."),
        ("", "The Philippine president met his top generals at the palace on Monday after the flooding in Luzon."),
        ("", "The prime minister chaired a meeting of the National Security Council on Sunday evening."),
        ("", "The president met in the Oval Office with the National Security Council to review the border situation."),
        ("", "The Russian president held a video meeting with governors on Wednesday about the wildfires in Siberia."),
        ("", "The defence minister convened a meeting with her senior military commanders in the capital."),
        ("Readout of the Vice President's Cabinet Meeting on Wildfires", ""),
        (
            "",
            "The chancellor met with her cabinet on Friday to weigh the budget. "
            "The meeting lasted more than four hours, a government spokesman said.",
        ),
        (
            "President convenes his security council",
            "The president met with his national security team on Sunday. "
            "During the meeting, officials briefed him on the storm damage.",
        ),
        (
            "",
            "The interior minister chaired a meeting of senior government officials after the floods. "
            "They also discussed the protection of the railways.",
        ),
    ],
)
def test_a_meeting_inside_one_government_is_no_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert not _talks(rules_detector, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # another state's office-holder, or its security council's officer
        ("", "The Kenyan president met with the Ethiopian foreign minister in Nairobi on Tuesday."),
        ("", "The Turkish president met with Ukraine's National Security Council secretary in Ankara on Monday."),
        ("", "The prime minister met his Japanese counterpart in Tokyo on Monday."),
        # the UN Security Council: a body of many states, read as before
        ("", "The foreign ministers of Armenia and Azerbaijan met with the UN Security Council's members in New York."),
        # talks between a government and rebels are talks
        ("", "The Colombian government and the rebels held talks in Havana on Wednesday."),
        # a cabinet met, then a meeting with another state: that one is talks
        (
            "",
            "The prime minister met with his cabinet on Monday. He then met the visiting Egyptian foreign minister. "
            "The meeting focused on the truce in Gaza.",
        ),
        # after the cabinet, a call with another state: what they discussed is that call's
        (
            "",
            "The prime minister met his cabinet on Monday. Later he spoke by phone with the French president. "
            "They discussed the war in Ukraine.",
        ),
        # the UN Security Council's meeting on a war, and that meeting referred back to: many states at one table
        ("", "The Security Council held an emergency meeting on Sunday on the fighting between Israel and Hezbollah."),
        (
            "",
            "The UN Security Council held an emergency meeting on Sunday on the fighting in Sudan. "
            "The meeting was called by Britain.",
        ),
        # the President's adviser sent abroad meets another state's officials
        ("", "The national security adviser met with Saudi officials in Riyadh on Thursday."),
    ],
)
def test_meetings_with_another_side_stay_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert _talks(rules_detector, title, text)
