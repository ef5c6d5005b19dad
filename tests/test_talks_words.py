"""Talks named by other words (issue 13, the talks helper's additions): calls named by their medium or noun,
conferring and consulting with another side, a press conference with a counterpart and a visitor received are talks
held; an audience, an honour conferred, a letter or a gift received are not. Talks not (yet) held: planned, proposed,
sought, asked for, announced, called off, postponed, long stalled or frozen, prepared for, a party ready for them,
support for their conclusion and a negotiated settlement as a goal report no meeting; talks held are still talks when
they were planned or put off before, when a next round is ahead, or when further talks are agreed after a meeting. Every line is written for the test (none
is taken from the corpus); a line without a full stop is read as a headline."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import has_talks


@pytest.mark.parametrize(
    "line",
    [
        "The Turkish and Greek defence ministers spoke by phone on Thursday about tensions in the Aegean.",
        "Hagel and his Japanese counterpart spoke by telephone this morning about the North Korean missile launch.",
        "Blinken and Wang Yi talked by phone late on Sunday about the Taiwan Strait.",
        "The British foreign secretary held a video call with her Canadian counterpart on Tuesday.",
        "The Italian premier held a video call on Friday with the Libyan prime minister.",
        "In a call with the Egyptian president, the king discussed the situation at the Rafah crossing.",
        "Kenya and Somalia held a video conference on border security on Monday.",
        # "a call on Monday" is no call on someone to act
        "During a call on Monday, the chancellor and the Turkish president discussed the refugee agreement.",
        "During their call on Tuesday, the leaders reviewed progress on the grain corridor.",
    ],
)
def test_a_call_named_by_its_medium_or_its_noun_ishas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "Officials spoke by phone to journalists about the evacuation.",
        "The minister spoke by phone to reporters after the vote.",
        "Trump Uses Twitter to Defend Call with Polish President",
    ],
)
def test_a_call_to_the_press_or_one_defended_later_is_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "The two foreign ministers conferred for two hours in Ankara on Wednesday.",
        "Kenya's president and his Ugandan counterpart conferred by telephone on Friday about the refugee crisis.",
        "The Spanish and Moroccan foreign ministers conferred in Rabat on the migration crisis.",
        "We have been consulting closely with our French and German partners on the crisis in Niger.",
        "The Secretary consulted with the Saudi foreign minister on Sunday about the war in Yemen.",
        "Austin consulted with his Israeli counterpart on Tuesday about the hostage talks.",
    ],
)
def test_conferring_and_consulting_with_another_side_ishas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "The university conferred an honorary degree on the former president on Saturday.",
        "The foreign minister conferred the Order of Merit on the departing ambassador.",
        "The king conferred knighthoods on three retired generals.",
        "The firm is consulting with its lawyers about the lawsuit.",
    ],
)
def test_an_honour_conferred_or_a_firm_consulting_is_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "The French president appeared at a news conference with the visiting Kenyan president in Paris on Monday.",
        "Speaking at a press conference with his Ukrainian counterpart in Kyiv, the Polish foreign minister pledged "
        "more aid.",
        "At a joint press conference with the Greek prime minister, the Cypriot president called for unity.",
        "The president received the visiting Qatari emir at the palace on Saturday.",
        "The Emir received the visiting Pakistani interior minister at the palace.",
        "President Ruto received the Somali president at State House in Nairobi on Thursday.",
        "Brazil's president welcomed the visiting Chinese premier in Brasilia.",
    ],
)
def test_a_counterpart_before_the_press_or_received_ishas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "The president appeared at a news conference with reporters on Monday.",
        "The prime minister held a news conference with journalists in London.",
        "The prime minister held a press conference with reporters outside Downing Street.",
        "The museum received a donation from the former president.",
        "The president received a letter from the Iranian foreign minister on Monday.",
        "The ambassador received the president's medal for service.",
    ],
)
def test_an_audience_a_letter_or_a_gift_is_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)


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
def test_talks_not_yet_held_are_nohas_talks(rules_detector: Detector, line: str) -> None:
    assert not has_talks(rules_detector, line)


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
def test_talks_held_stayhas_talks(rules_detector: Detector, line: str) -> None:
    assert has_talks(rules_detector, line)
