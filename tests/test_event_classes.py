"""Classes of event language, each with several phrasings and the near-misses that must keep their reading."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.detect import Detector, events
from bot.detect.text import build_doc
from tests.support.detection import line_status


def _status(rules_detector: Detector, text: str, title: str = "") -> str | None:
    return rules_detector.detect(title, text).ceasefire_status


def _line_types(rules_detector: Detector, line: str) -> set[str]:
    """The event types of one written line: a headline when it has no full stop, else a sentence of the text."""
    return _types(rules_detector, "", line) if not line.endswith(".") else _types(rules_detector, line)


def _types(rules_detector: Detector, text: str, title: str = "") -> set[str]:
    return {e.type for e in rules_detector.detect(title, text).events}


# --- ceasefire status: the verb that governs the ceasefire decides, with its modality --------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine agreed on Tuesday to a 30-day ceasefire proposed by the United States.",
        "Russia and Ukraine agreed on Tuesday to a 30-day ceasefire that would begin on Friday.",
        "The two armies agreed on Sunday to a truce after mediators urged both sides to stop.",
        "Kyiv and Moscow have agreed to a ceasefire, the mediators announced.",
        "The governments of Israel and Lebanon have accepted the American proposal to end the war.",
        "Egypt announced the adoption of a ceasefire between the two sides on Monday.",
    ],
)
def test_agreed_by_the_parties_or_a_mediator(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire took effect at midnight on Monday.",
        "A truce went into effect on Friday morning across the region.",
        "The cessation of hostilities is scheduled to start on Saturday at noon.",
        "A ceasefire began at dawn along the front line.",
    ],
)
def test_ceasefire_that_took_effect_is_agreed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "agreed"


@pytest.mark.parametrize(
    "text",
    [
        "The government and the rebels are planning to sign a ceasefire agreement next week.",
        "The government hopes to sign a cease-fire with the rebels on Monday.",
        "A rebel spokesman said the group is willing to agree to a cease-fire.",
        "The two sides need to try to come to an agreement on a ceasefire.",
        "Both leaders said they were ready to accept a truce.",
        "A ceasefire would save thousands of lives, the envoy said.",
        "The foreign minister offered a truce to the rebels on Sunday.",
    ],
)
def test_plans_hopes_and_offers_are_proposed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "proposed"


def test_headline_infinitive_is_a_plan(rules_detector: Detector) -> None:
    assert (
        _status(rules_detector, "Officials said the document is ready.", title="Government, Rebels to Sign Cease-Fire")
        == "proposed"
    )
    # near-miss: "agree to" in a headline is the agreement itself
    assert (
        _status(rules_detector, "Officials said the document is ready.", title="Government, Rebels Agree to Cease-Fire")
        == "agreed"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Hamas accused each other of violating the truce agreed last week.",
        "Air strikes hit the suburbs despite the ceasefire announced on Friday.",
        "Fighting on Sunday left the U.N.-backed truce largely in tatters.",
    ],
)
def test_violation_wins_over_agreement(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "violated"


@pytest.mark.parametrize(
    "text",
    [
        "The envoy called on both armies to halt the shelling and respect the truce.",
        "Ministers urged the factions to halt the clashes and observe the cease-fire.",
        "We ask the parties to stop the attacks and abide by the ceasefire.",
    ],
)
def test_call_to_stop_fighting_and_respect_the_truce_is_a_violation(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "violated"


@pytest.mark.parametrize(
    "text",
    [
        "The envoy called on both armies to respect the truce.",
        "Ministers urged the factions to observe the cease-fire that took effect on Monday.",
    ],
)
def test_call_to_respect_the_truce_without_fighting_is_not_a_violation(rules_detector: Detector, text: str) -> None:
    # near-miss: asking the sides to keep an existing truce, with no fighting named, still reports that truce
    assert _status(rules_detector, text) != "violated"


@pytest.mark.parametrize(
    "text",
    [
        "The ministers called for an early return to ceasefire negotiations between the two sides.",
        "The envoy urged both parties to resume truce talks in Cairo.",
        "Egypt proposed a new round of cease-fire discussions next week.",
    ],
)
def test_a_call_for_ceasefire_talks_is_talks(rules_detector: Detector, text: str) -> None:
    # what governs "ceasefire negotiations" governs the negotiations: a call for them is not a proposed truce
    assert _status(rules_detector, text) == "talks"


def test_a_call_for_a_ceasefire_itself_stays_proposed(rules_detector: Detector) -> None:
    # near-miss: with no talks noun after it, the ceasefire is what is called for
    assert (
        _status(rules_detector, "The ministers called for an immediate ceasefire between the two sides.") == "proposed"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hamas is in talks with Egyptian mediators on a truce.",
        "Negotiators are working out a ceasefire in Doha.",
        "Sudan's warring sides moved closer to a cessation of hostilities deal on Friday.",
    ],
)
def test_negotiations_are_talks(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "talks"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A call and the negotiation of equal weight: the first ceasefire mention decides (corpus convention 4).
        (
            "We need an immediate ceasefire. These talks offer a real chance to secure a ceasefire that ends the war.",
            "proposed",
        ),
        (
            "The minister called for an immediate truce. Negotiations in Cairo aim to reach a truce by Friday.",
            "proposed",
        ),
        (
            "These talks offer a real chance to secure a ceasefire that ends the war. We need an immediate ceasefire.",
            "talks",
        ),
        ("Negotiations in Cairo aim to reach a truce by Friday. The minister called for an immediate truce.", "talks"),
    ],
)
def test_between_a_call_and_talks_the_first_mention_decides(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire is largely holding, residents said.",
        "The truce, which took effect on Friday, is holding.",
    ],
)
def test_holding(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "holding"


@pytest.mark.parametrize(
    "text",
    [
        "The exact terms of a cease-fire have not been agreed to.",
        "There is no ceasefire in sight, the minister said.",
    ],
)
def test_negated_agreement_is_not_agreed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) != "agreed"


def test_a_dated_clause_does_not_make_the_whole_sentence_history(rules_detector: Detector) -> None:
    text = (
        "The sharp rise in ceasefire violations along the front represents the worst violence "
        "since the two sides recommitted to the ceasefire in 2015."
    )
    assert _status(rules_detector, text) == "violated"
    # near-miss: a ceasefire dated to the past in its own clause is background
    assert _status(rules_detector, "The ceasefire agreed in 2015 ended a year of war.") is None


# --- pages with several stories: the story about the ceasefire decides its status -----------------

_NEWSCAST = """From Washington, this is the World News.
I'm Jane Roe reporting.
The United Nations Security Council met on Monday to discuss the crisis in Yemen.
Diplomats said the Houthis and the Yemeni government called for a truce so that aid can reach the port.
The council urged both sides to negotiate a truce in Geneva.
Council members called for an immediate truce in Yemen and appealed for a truce around the port.
Heavy rain flooded parts of Bangladesh on Monday, leaving thousands of families without shelter.
Officials in Dhaka said relief teams were on the way.
Armenia and Azerbaijan agreed on Monday to a ceasefire in Nagorno-Karabakh, the Russian foreign ministry said.
The ceasefire took effect at noon local time, officials in Baku and Yerevan said.
Azerbaijani officials confirmed the ceasefire in a statement."""


def test_newscast_status_comes_from_the_ceasefire_story(rules_detector: Detector) -> None:
    assert _status(rules_detector, _NEWSCAST, title="World News Roundup: 1500 UTC") == "agreed"


def test_newscast_segments_follow_topic_changes() -> None:
    from bot.detect.events import story_segments
    from bot.detect.text import build_doc

    doc = build_doc("World News Roundup: 1500 UTC", _NEWSCAST)
    segments = story_segments(doc)
    assert segments is not None
    by_text = {s.text[:20]: segments[s.index] for s in doc.sentences}
    assert by_text["The United Nations S"] == by_text["The council urged bo"]
    assert by_text["Heavy rain flooded p"] != by_text["The council urged bo"]
    assert by_text["Armenia and Azerbaij"] != by_text["Heavy rain flooded p"]
    assert by_text["Armenia and Azerbaij"] == by_text["Azerbaijani official"]
    # near-miss: an ordinary article (no newscast title, no hand-overs or sign-offs) is one story
    body = _NEWSCAST.split("\n", 2)[2]
    assert story_segments(build_doc("Armenia and Azerbaijan agree truce", body)) is None


@pytest.mark.parametrize(
    "text",
    [
        "The United States urged both sides to agree to a ceasefire.",
        "We call on the parties to sign the ceasefire without delay.",
        "Leaders encouraged the rebels to accept the truce.",
        "The envoy asked both armies to implement a truce.",
    ],
)
def test_urging_an_agreement_is_a_proposal(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "proposed"


def test_urging_respect_for_an_existing_truce_keeps_it_holding(rules_detector: Detector) -> None:
    assert _status(rules_detector, "The EU calls on all sides to respect the ceasefire.") == "holding"


@pytest.mark.parametrize(
    "text",
    [
        "Neither side has agreed to a ceasefire.",
        "The rebels have still not signed the truce.",
    ],
)
def test_negated_governing_verb(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) != "agreed"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Shelling breaks Ukraine ceasefire", "violated"),
        ("The truce breaks down as fighting resumes", "collapsed"),
        ("Ceasefire between Israel and Hamas takes effect", "agreed"),
        ("A fragile ceasefire has been in place since the spring.", "holding"),
    ],
)
def test_headline_verbs(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, "", title=text) == status or _status(rules_detector, text) == status


def test_press_as_a_noun_is_no_exhortation(rules_detector: Detector) -> None:
    assert _status(rules_detector, "", title="Press release: Foreign Secretary welcomes Gaza ceasefire") == "agreed"
    assert _status(rules_detector, "The Press Secretary announced a ceasefire between the two sides.") == "agreed"
    # near-miss: the verb still exhorts
    assert _status(rules_detector, "The envoy pressed both sides to sign a ceasefire.") == "proposed"


def test_far_discussions_do_not_make_talks(rules_detector: Detector) -> None:
    assert (
        _status(rules_detector, "This must become a lasting ceasefire to make way for substantial discussions.")
        != "talks"
    )
    assert _status(rules_detector, "Ceasefire negotiations resumed in Doha.") == "talks"


def test_close_to_agreeing_is_talks(rules_detector: Detector) -> None:
    assert (
        _status(rules_detector, "The envoy says the warring parties are close to agreeing on a cease-fire.") == "talks"
    )
    assert _status(rules_detector, "The two sides are nearing a truce, mediators said.") == "talks"


_NEWSCAST_2 = """From Washington, this is VOA News. I'm Sam Doe reporting.
Leaders of the world's seven major industrial nations met in Japan on Thursday to discuss the global economy.
The leaders called for stronger growth and more spending on roads.
The United Nations envoy for Yemen says the government and the Houthis agreed to a cease-fire.
Ismail Ould Cheikh Ahmed told reporters in Kuwait that talks between the government and the Houthi rebels were making progress.
He said both sides have agreed to release prisoners.
Police in Kenya fired tear gas at protesters in Nairobi."""


def test_newscast_story_keeps_its_venue_and_follow_up() -> None:
    from bot.detect.events import story_segments
    from bot.detect.text import build_doc

    doc = build_doc("Hourly Newscast for June 2", _NEWSCAST_2)
    segments = story_segments(doc)
    assert segments is not None
    seg = {s.text[:12]: segments[s.index] for s in doc.sentences}
    assert seg["The United N"] == seg["Ismail Ould "] == seg["He said both"]
    assert seg["The United N"] != seg["Leaders of t"]
    assert seg["The United N"] != seg["Police in Ke"]


# --- talks: calls, negotiations and meetings between officials that took place ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "We urge the Israeli and Palestinian delegations to begin negotiations immediately in Cairo.",
        "The foreign minister called for an immediate resumption of negotiations between the two governments.",
        "The government and the opposition must resolve their differences at the negotiating table.",
        "The minister called on both presidents to meet directly in the coming days.",
    ],
)
def test_urged_talks_are_no_talks(rules_detector: Detector, text: str) -> None:
    assert "talks" not in _types(rules_detector, text)


def test_talks_in_an_organisation_name_are_no_talks(rules_detector: Detector) -> None:
    text = "The Syrian opposition's umbrella group, the High Negotiations Committee, said 97 groups would take part."
    assert "talks" not in _types(rules_detector, text)


def test_photo_caption_is_no_meeting(rules_detector: Detector) -> None:
    text = (
        "President Barack Obama walks to a podium after a meeting of his National Security Council "
        "at the State Department in Washington, Feb. 25, 2016."
    )
    assert "talks" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "President Biden spoke by phone with President Macron of France on Tuesday about Ukraine.",
        "The foreign ministers of Russia and Turkey met in Ankara on Monday to discuss Syria.",
        "Negotiators from the government and the rebels held talks in Nairobi on Wednesday.",
    ],
)
def test_held_talks_stay_talks(rules_detector: Detector, text: str) -> None:
    assert "talks" in _types(rules_detector, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "The foreign secretary spoke this morning with her Kenyan counterpart about the hostages."),
        ("", "Chancellor Weber spoke overnight with the Polish prime minister to discuss border security."),
        ("", "The envoy spoke by phone on Sunday with the rebel leadership."),
        ("Minister Okafor's Call with Ghanaian Foreign Minister Mensah", ""),
    ],
)
def test_a_call_readout_is_talks(rules_detector: Detector, title: str, text: str) -> None:
    # A readout puts the time between the verb and the other party, or names the call in its headline.
    assert "talks" in _types(rules_detector, text, title=title)


def test_title_case_headline_talks_are_talks(rules_detector: Detector) -> None:
    assert "talks" in _types(
        rules_detector, "", title="Russian and Ukrainian Foreign Ministers Hold Peace Talks in Istanbul"
    )


# --- agreement: adopted, signed, reached or agreed; not urged, pending, hoped for or negotiated -------


@pytest.mark.parametrize(
    "text",
    [
        "The two governments signed an agreement on border security in Ankara on Monday.",
        "The Security Council unanimously approved a resolution on Haiti on Friday.",
        "The General Assembly adopted a resolution condemning the invasion.",
        "Negotiators have reached a deal to extend the truce by two days.",
        "The United States welcomes the agreement today between Israel and Hamas.",
        "The United States commends Egypt's role in mediating the ceasefire agreement, which will save lives.",
        "It was agreed that the monitoring mission would begin work on Saturday.",
        "Israel and Hamas agreed to a four-day pause in fighting and the release of hostages.",
        "All parties must meet their commitments under this agreement, Kerry said.",
    ],
)
def test_agreements_adopted_or_reached(rules_detector: Detector, text: str) -> None:
    assert "agreement" in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister urged both sides to sign an agreement before the end of the year.",
        "Officials hope to reach a deal on grain exports next week.",
        "Diplomats are still negotiating the text of a draft resolution.",
        "The two sides are expected to sign a peace accord in Doha.",
        "The rebels refused to sign the agreement.",
        "The envoy said a deal could be reached within days.",
        "Negotiators are working toward an agreement on prisoner exchanges.",
    ],
)
def test_agreements_not_yet_made(rules_detector: Detector, text: str) -> None:
    assert "agreement" not in _types(rules_detector, text)


def test_agreement_signed_on_an_earlier_date_is_background(rules_detector: Detector) -> None:
    text = (
        "We are deeply concerned by reports of violations of the Cessation of Hostilities agreement "
        "that was signed in Addis Ababa on January 23."
    )
    assert "agreement" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Both leaders agreed on the importance of close coordination on Ukraine.",
        "Both leaders agreed to continue close cooperation on regional issues.",
        "They agreed that should Russia fail to de-escalate, the allies would impose further costs.",
        "It is in the interest of all parties to agree to it urgently.",
        "Both leaders agreed that more needed to be done to tackle organised crime.",
        "The pair agreed to speak again soon.",
    ],
)
def test_agreed_views_are_no_agreement(rules_detector: Detector, text: str) -> None:
    assert "agreement" not in _types(rules_detector, text)


def test_agreed_truce_is_an_agreed_ceasefire_and_an_agreement(rules_detector: Detector) -> None:
    text = "Israel and Hamas have agreed to a temporary truce, officials said."
    assert _status(rules_detector, text) == "agreed"
    assert "agreement" in _types(rules_detector, text)
    assert "agreement" in _types(rules_detector, "", title="Israel and the Palestinians Agree to Truce")


def test_an_extended_ceasefire_agreed_is_agreed(rules_detector: Detector) -> None:
    text = (
        "Negotiators announced on Tuesday that they have agreed to an extended ceasefire after seven weeks of fighting."
    )
    assert _status(rules_detector, text) == "agreed"
    assert "talks" not in _types(rules_detector, text)


def test_agreement_after_talks_is_agreed(rules_detector: Detector) -> None:
    assert (
        _status(
            rules_detector, "After 16 hours of talks, the leaders agreed on a cease-fire that will begin on Sunday."
        )
        == "agreed"
    )
    assert _status(rules_detector, "After talks in Minsk the two sides signed a truce.") == "agreed"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Renewed fighting erupted along the front line, threatening the fragile truce.", "violated"),
        ("Prolonged shelling tested the ceasefire on Tuesday.", "violated"),
        ("Fighting resumed after the truce expired.", "collapsed"),
        ("Both sides have agreed to extend the humanitarian pause.", "extended"),
        ("The ceasefire was renewed for another month.", "extended"),
    ],
)
def test_violence_words_around_a_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


def test_fighting_a_truce_ended_is_no_violation(rules_detector: Detector) -> None:
    assert _status(rules_detector, "The truce came after weeks of heavy fighting, officials said.") != "violated"
    assert _status(rules_detector, "The cease-fire appeared to be holding despite isolated incidents.") == "holding"


# --- clash: current fighting, bombing and strikes; not history, not hypothetical, not defended against --


@pytest.mark.parametrize(
    "text",
    [
        "Government forces launched new offensives against rebel positions in three provinces on Monday.",
        "Opposition fighters attacked government supply convoys near the base, activists said.",
        "Warplanes pounded rebel strongholds outside the capital on Sunday.",
        "The EU deplores the breakdown of the ceasefire and the deaths of civilians in Israeli airstrikes.",
    ],
)
def test_current_fighting_is_a_clash(rules_detector: Detector, text: str) -> None:
    assert "clash" in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States will provide air defense systems to combat Russia's missile strikes on Ukrainian cities.",
        "The truce is meant to halt the shelling of border towns.",
        "The memorial honours the soldiers killed in the 1944 invasion of Normandy.",
        "If the talks fail, air strikes could resume next week.",
    ],
)
def test_fighting_that_is_not_reported_now(rules_detector: Detector, text: str) -> None:
    assert "clash" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Explanation of Vote by Ambassador Barbara Woodward at the UN Security Council meeting on Gaza.",
        "Thailand's army imposed martial law and said it was aimed at resolving the standoff through dialogue.",
        "Last month, government representatives from 170 countries met in Tunis to discuss the Internet.",
    ],
)
def test_sessions_purposes_and_old_meetings_are_no_talks(rules_detector: Detector, text: str) -> None:
    assert "talks" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "We are calling for an immediate suspension of fighting to get aid in, progressing towards a permanent, sustainable ceasefire.",
        "The council discussed the path to a lasting truce in Sudan.",
        "A durable ceasefire is the only way to protect civilians.",
    ],
)
def test_aspired_ceasefires_are_proposed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "proposed"


def test_aspiration_adjectives_do_not_undo_an_agreement(rules_detector: Detector) -> None:
    assert _status(rules_detector, "The two sides agreed to a lasting ceasefire on Monday.") == "agreed"


def test_exhortation_governing_another_verb(rules_detector: Detector) -> None:
    text = "We urge all parties to act with restraint until this humanitarian ceasefire begins at 8:00 a.m. on Friday."
    assert _status(rules_detector, text) == "agreed"
    assert _status(rules_detector, "The only way forward is through a permanent cease-fire agreement.") == "proposed"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The truce, now going on five months, has brought a period of unprecedented calm.", "holding"),
        ("The Syrian cease-fire has brought relative calm to much of the country.", "holding"),
        ("Both sides promised to take part in the cease-fire.", "agreed"),
        ("Monitors are checking compliance with the ceasefire by both sides.", "agreed"),
        ("The military said the cease-fire is officially over.", "collapsed"),
        ("Egypt organized the truce.", "agreed"),
        ("The ceasefire is now underway across the south.", "agreed"),
    ],
)
def test_more_state_words(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        "Rebels in the north are demanding an extension of their recent truce with the government.",
        "The envoy requested an extension of the ceasefire.",
    ],
)
def test_demanded_extension_is_proposed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        "More than a dozen people were killed in a Russian missile attack on Odesa overnight.",
        "The UK condemns the Houthi attacks on commercial shipping in the Red Sea.",
        "Russian strikes on Kyiv overnight damaged several apartment blocks.",
        "Gunmen killed dozens in an attack on worshipers at a mosque on Friday.",
    ],
)
def test_attacks_and_strikes_on_places_are_clashes(rules_detector: Detector, text: str) -> None:
    assert "clash" in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Workers began a strike on Monday over pay.",
        "The anniversary of the 2008 terror attack in Mumbai was marked on Sunday.",
    ],
)
def test_strikes_and_attacks_that_are_not_fighting(rules_detector: Detector, text: str) -> None:
    assert "clash" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The two sides will hold talks on extending the truce.",
        "Talks on a ceasefire collapsed on Friday.",
        "Leaders will hold a summit to discuss a ceasefire.",
        "A ceasefire deal remains out of reach, diplomats said.",
    ],
)
def test_changes_and_deals_under_negotiation_are_talks(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "talks"


def test_negotiated_truce_that_collapsed_is_collapsed(rules_detector: Detector) -> None:
    assert _status(rules_detector, "The truce negotiated by Egypt collapsed on Friday.") == "collapsed"


def test_calls_to_respect_a_truce_do_not_outweigh_its_violation(rules_detector: Detector) -> None:
    title = "Statement on ceasefire violations along the line of contact"
    text = (
        "We call on both sides to respect the ceasefire.\n"
        "We urge the parties to observe the truce and refrain from the use of force.\n"
        "We call on the sides to respect the ceasefire regime in full."
    )
    assert _status(rules_detector, text, title=title) == "violated"


def test_a_negotiated_truce_is_agreed(rules_detector: Detector) -> None:
    assert _status(rules_detector, "The negotiated truce took hold across the region on Monday.") == "agreed"
    # near-miss: negotiating one is talks
    assert _status(rules_detector, "The two sides are negotiating a truce in Doha.") == "talks"


def test_anchor_dateline_does_not_tie_stories() -> None:
    from bot.detect.events import story_segments
    from bot.detect.text import build_doc

    body = "\n".join(
        [
            "From Washington, this is VOA News. I'm Jane Roe reporting.",
            "Thai officials say a bomb explosion in southern Thailand wounded about 30 people Saturday night.",
            "The bomb was attached to a motorcycle left outside a hotel bar near the border with Malaysia.",
            "The U.S. is concerned about violations of the cessation of hostilities in South Sudan.",
            "Washington says both sides have violated the truce.",
        ]
    )
    doc = build_doc("VOA English Newscast: 1500 UTC", body)
    seg = story_segments(doc)
    assert seg is not None
    assert seg[3] != seg[5]  # the Thai bomb story and the South Sudan truce story
    assert seg[5] == seg[6]


def test_violation_named_far_before_the_truce(rules_detector: Detector) -> None:
    text = (
        "We are deeply concerned by reports of violations by both the Government of South Sudan and "
        "anti-government forces of the Cessation of Hostilities agreement."
    )
    assert _status(rules_detector, text) == "violated"


def test_modal_of_another_verb_does_not_make_a_plan(rules_detector: Detector) -> None:
    text = "We welcome the arrival of the team that will eventually monitor and verify the implementation of the truce."
    # Not a plan (proposed): a truce whose implementation a team arrives to verify is in force (corpus/README.md,
    # convention 3: holding; this test said "agreed" before implementation was read as a truce in force).
    assert _status(rules_detector, text) == "holding"


# --- ceasefire status: general classes of governing language (issue 13) ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The rebels called off the truce on Monday.",
        "The militia pulled out of the ceasefire after its commander was arrested.",
        "The government suspended the ceasefire in the northern province.",
        "Israel resumed strikes on Sunday, ending the ceasefire.",
        "Artillery fire resumed in the capital after the end of a three-day ceasefire.",
        "A unilateral truce that was declared by the army has ended as clashes resumed on Friday night.",
    ],
)
def test_ended_called_off_or_withdrawn_truce_collapsed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "collapsed"


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire that ended the war has held for three years.",
        "Mediators hope to extend the truce before the end of the ceasefire on Friday.",
    ],
)
def test_a_truce_that_ended_a_war_or_ends_later_did_not_collapse(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) != "collapsed"


@pytest.mark.parametrize(
    "text",
    [
        "Shelling near the port raised fears that the three-day-old truce between the army and the rebels had collapsed.",
        "Rocket fire on Sunday left the ceasefire signed last week on the verge of collapse.",
        "Heavy mortar fire hit two towns, raising fears that the truce might be falling apart.",
    ],
)
def test_feared_collapse_is_a_violation(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "violated"


@pytest.mark.parametrize(
    "text",
    [
        "The truce largely held on Saturday, but overnight there was heavy shelling near the airport.",
        "The ceasefire took effect at noon but was violated within hours.",
        "The army accused the rebels of shelling its positions for the first time since the signing of the ceasefire.",
        "Moscow denied violating the truce on Tuesday.",
    ],
)
def test_violations_past_but_and_accusations(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "violated"


@pytest.mark.parametrize(
    "text",
    [
        "There were no reports of violations of the truce on Monday.",
        "A shaky ceasefire appeared to be holding on Sunday as shops reopened.",
        "An uneasy truce took hold across the province on Thursday.",
        "Calm returned to the city as the truce held for a second day.",
        "The militias pledged to honour the ceasefire.",
    ],
)
def test_holding_predicates_and_denied_violations(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "holding"


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian officials announced a new round of talks with the aim of reaching a truce in Gaza.",
        "The two delegations resumed negotiations in Doha in a bid to reach a lasting ceasefire.",
        "The leaders agreed to work toward a ceasefire.",
    ],
)
def test_efforts_to_reach_a_truce_are_talks(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "talks"


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire is due to expire on Sunday.",
        "The truce is scheduled to end at midnight on Thursday.",
        "Both armed groups committed themselves to a ceasefire on Friday.",
    ],
)
def test_a_truce_with_an_expiry_or_commitment_is_agreed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "agreed"


def test_a_truce_that_will_continue_is_extended(rules_detector: Detector) -> None:
    assert (
        _status(rules_detector, "The army confirmed on Thursday that the truce will continue for another day.")
        == "extended"
    )


def test_at_once_is_no_condition(rules_detector: Detector) -> None:
    text = "The army commander ordered his units to halt the clashes at once and observe the cease-fire."
    assert _status(rules_detector, text) == "holding"


def test_the_cue_that_set_the_status_is_kept(rules_detector: Detector) -> None:
    det = rules_detector.detect("", "The rebels called off the truce on Monday.")
    event = next(e for e in det.events if e.type == "ceasefire")
    assert event.status == "collapsed" and '"called off"' in event.cue


def test_check_says_which_cue_set_the_status(rules_detector: Detector) -> None:
    from pathlib import Path

    from bot.stories.check import CheckResult, render_text

    det = rules_detector.detect("Truce called off", "The rebels called off the truce on Monday.")
    lines = render_text(CheckResult(Path("a.txt"), "Truce called off", det, "s1", ()))
    assert any(line.strip().startswith("status set by:") and '"called off"' in line for line in lines), lines


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Nepal's government matched the rebels' ceasefire on Tuesday.", "agreed"),
        ("India has matched Pakistan's offer of a cease-fire along the border, beginning Wednesday.", "agreed"),
        (
            "Norwegian envoys have arrived in the capital to broker a truce between the government and the rebels.",
            "talks",
        ),
        ("The rebels rejected the government's conditions for a ceasefire.", "talks"),
        ("Rebel leaders say the cease-fire with the government is dead and the war has resumed.", "collapsed"),
        (
            "The ceasefire agreement must now be respected and fully implemented by all sides, the spokesperson said.",
            "agreed",
        ),
        ("Both sides are preparing to sign a ceasefire agreement on Friday.", "agreed"),
        ("Residents of the city said the truce between the army and the militia meant they could sleep.", "agreed"),
    ],
)
def test_reciprocation_mediation_duties_and_schedules(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        "A ceasefire must be implemented immediately, the envoy said.",
        "The two sides are planning to sign a ceasefire agreement next week.",
    ],
)
def test_calls_and_plans_stay_proposed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "proposed"


def test_talks_coordinated_with_a_truce_are_not_about_it(rules_detector: Detector) -> None:
    text = "They discussed sanctions if Moscow failed to engage seriously in a ceasefire and peace talks."
    assert _status(rules_detector, text) != "talks"


def test_a_presupposed_truce_gives_way_to_a_cue() -> None:
    det = Detector()
    text = "The truce in the south was discussed in Geneva. The sides accused each other of violating the truce."
    assert det.detect("", text).ceasefire_status == "violated"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The ceasefire should be restored immediately, the secretary said.", "collapsed"),
        ("Mediators are trying to revive the truce between the two militias.", "collapsed"),
        ("No clashes have been reported since the ceasefire took effect on Monday morning.", "holding"),
        ("The rebels welcomed the government's offer of a truce.", "agreed"),
        ("Washington and Moscow agreed on plans for a cessation of hostilities in the north.", "proposed"),
    ],
)
def test_restoring_quiet_welcomed_offers_and_plans(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


def test_a_collapse_outranks_a_violation_of_equal_weight(rules_detector: Detector) -> None:
    text = (
        "The minister held the militia responsible for breaking the ceasefire. "
        "The ceasefire should be restored at once, she said."
    )
    assert _status(rules_detector, text) == "collapsed"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Qatar helped to broker the humanitarian pause in Gaza. The leaders regretted the collapse of the pause.",
            "collapsed",
        ),
        (
            "A ceasefire in the north is under way. The calm was broken on Sunday when three villages were shelled.",
            "violated",
        ),
    ],
)
def test_the_pause_and_the_calm_refer_to_a_named_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


def test_the_calm_alone_is_no_truce(rules_detector: Detector) -> None:
    det = rules_detector.detect("", "The calm in the city was broken on Sunday by gunfire.")
    assert "ceasefire" not in {e.type for e in det.events}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Maoist rebels in Nepal declared a three-month ceasefire on Friday.", "proposed"),
        ("The army declared a 48-hour truce in the northern province.", "proposed"),
        ("Both sides declared a ceasefire after talks in Geneva.", "agreed"),
        ("India and Pakistan declared a ceasefire along the frontier.", "agreed"),
        ("The mediators declared a ceasefire between the army and the rebels.", "agreed"),
    ],
)
def test_a_truce_declared_by_one_side_is_proposed(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # One side announcing a truce of its own is a unilateral truce, as one it declares (issue 13, n-batch).
        ("The insurgents announced a ten-day truce on Sunday to mark the harvest festival.", "proposed"),
        ("The government announced a 72-hour ceasefire in the eastern districts.", "proposed"),
        ("Moscow announced its own ceasefire around the besieged port.", "proposed"),
        # A truce agreed before and announced by a party, or announced by a mediator, by both sides, as an agreement
        # or as one with the other side, is agreed.
        ("The president announced the truce from his office on Tuesday.", "agreed"),
        ("The UN envoy announced a 48-hour truce after the commanders gave him their word.", "agreed"),
        ("Both governments announced a ceasefire along the border.", "agreed"),
        ("The army and the rebels announced a ceasefire agreement in the capital.", "agreed"),
        ("The foreign minister announced a ceasefire with the rebel alliance.", "agreed"),
    ],
)
def test_a_truce_announced_by_one_side_is_proposed(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The noun with its owner in the possessive is the same unilateral truce (issue 13, p-batch first sight).
        ("The junta's announcement of a five-day truce drew only silence from the guerrillas.", "proposed"),
        ("Critics called the rebels\u2019 latest announcement for a holiday ceasefire a stunt.", "proposed"),
        ("Officials dismissed Ankara's announcement of its own truce in the valley.", "proposed"),
        # Without an owner the announcement reports the truce; a mediator's, or a deal, stays agreed.
        ("Crowds filled the squares after the announcement of a ceasefire on Sunday night.", "agreed"),
        ("The envoy's announcement of a 72-hour truce came after both commanders gave their word.", "agreed"),
        ("The president's announcement of a ceasefire deal with the militia was welcomed abroad.", "agreed"),
    ],
)
def test_one_sides_announcement_of_a_truce_is_proposed(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The passive with one side as its agent, even a truce going into effect, is that side's own truce (issue 13).
        ("A two-day truce declared by the militia went into effect at noon.", "proposed"),
        ("The truce, ordered by the defence ministry, began on Monday morning.", "proposed"),
        ("A holiday ceasefire proclaimed by the rebels took effect on Christmas Eve.", "proposed"),
        ("A truce announced by the navy went into effect along the coast.", "proposed"),
        # With a mediator or both parties as the agent, or with no agent, it is the truce agreed.
        ("The truce announced by the mediators went into effect on Friday.", "agreed"),
        ("A ceasefire announced by the army and the rebels began on Sunday.", "agreed"),
        ("The ceasefire announced on Monday took effect at midnight.", "agreed"),
        # Held since its start, it is in force whoever declared it.
        ("The ceasefire announced by the army on Friday is holding.", "holding"),
    ],
)
def test_a_truce_declared_by_one_side_in_the_passive_is_proposed(
    rules_detector: Detector, text: str, status: str
) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A truce to be saved from collapse is strained, not over: a collapse feared is a violation (issue 13).
        ("Diplomats are in the capital to save the country's ceasefire from unraveling completely.", "violated"),
        ("Mediators rushed to prevent the truce from collapsing after a night of shelling.", "violated"),
        # A collapse reported, even one too late to save, is a collapse.
        ("The truce collapsed on Sunday when the army shelled the town.", "collapsed"),
        ("Diplomats said the ceasefire had collapsed and could not be saved.", "collapsed"),
    ],
)
def test_a_truce_to_be_saved_from_collapse_is_violated(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("title", "text", "status"),
    [
        # What a truce that exists may bring about is no modality on the truce (issue 13).
        (
            "",
            "The army and the rebels signed a ceasefire on Monday. The truce could pave the way for talks on a lasting"
            " settlement.",
            "agreed",
        ),
        (
            "Yemen Truce Could Pave Way for Peace Talks",
            "The warring parties agreed to a two-month truce on Friday.",
            "agreed",
        ),
        # A truce wanted ("a ceasefire would help"), or a modal on the truce itself, keeps its reading.
        ("", "Diplomats said a ceasefire would help aid reach the city. The rebels rejected any talks.", "proposed"),
        (
            "",
            "The army and the rebels signed a ceasefire on Monday. The truce could collapse within days, diplomats warned.",
            "violated",
        ),
    ],
)
def test_what_a_truce_may_bring_about_is_no_modality(
    rules_detector: Detector, title: str, text: str, status: str
) -> None:
    assert _status(rules_detector, text, title) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Trying to convince or persuade the sides, or pressing one, to accept a truce is asking for it (issue 13).
        ("Washington and Moscow are trying to convince the warring sides to accept a ceasefire proposal.", "proposed"),
        ("Diplomats are persuading the militias to sign the truce.", "proposed"),
        ("The mediators are pressing Hamas to accept the truce plan.", "proposed"),
        # Convinced (done), or the press as a noun, is no exhortation.
        ("The mediators convinced both sides to accept the ceasefire proposal.", "agreed"),
        ("The minister told the press conference that both sides had signed the truce.", "agreed"),
    ],
)
def test_persuading_the_sides_to_accept_a_truce_is_a_proposal(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        "On Syria, both leaders agreed that it is in the interest of both countries to help find a solution.",
        "The leaders agreed that there is no military solution to the conflict.",
        "Both sides agreed that it was important to keep talking.",
        "They agreed that the UK and Egypt would coordinate with other partners on efforts to secure a ceasefire.",
        "The leaders agreed that the loss of civilian life following the attacks was shocking and tragic.",
        "The two ministers agreed that the situation along the frontier remains dangerous.",
        "The leaders agreed that more must be done to protect civilians in the east.",
        "Both presidents agreed that the shelling of the convoy had been a grave provocation.",
        "The envoys agreed that the parties should return to the negotiating table.",
        "The foreign ministers agreed that their governments will stay in close contact.",
        "The delegations agreed that it would be important to keep the humanitarian corridor open.",
        "They agreed that the talks in Vienna went better than expected.",
        "The leaders agreed that, if the fighting resumes, they will meet again.",
        "The leaders agreed that any withdrawal from the city would demonstrate real progress.",
        "The Prime Minister and the President agreed that the UK would provide further humanitarian support.",
    ],
)
def test_a_judgement_agreed_is_no_agreement(rules_detector: Detector, text: str) -> None:
    assert "agreement" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The sides agreed to set up a joint commission to monitor the border.",
        "The two governments agreed on a joint commission to monitor the border.",
        # "Agreed that" followed by what is settled for the future is an arrangement too.
        "Armenia and Azerbaijan agreed that a truce will take effect at midnight on Saturday.",
        "The army and the rebels agreed that prisoners would be exchanged at the border crossing on Friday.",
        "The two governments agreed that their troops would withdraw from the demilitarised zone by March.",
        "The warring sides agreed that the ceasefire is to begin on Monday morning.",
        "The sides agreed that a joint commission will monitor the border.",
    ],
)
def test_an_arrangement_agreed_stays_an_agreement(rules_detector: Detector, text: str) -> None:
    # What is agreed to or on is an arrangement; so is what "agreed that" settles for the future (a view is not).
    assert "agreement" in _types(rules_detector, text)


# --- clash: an attack placed in a place the place finder knows, and fighting beside a truce -----------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Foreign Secretary statement on attack in Mogadishu", "I condemn in the strongest terms yesterday's attack."),
        ("Minister condemns attacks", "The minister has condemned the attacks in southern Israel on 18 August."),
        ("", "The embassy condemns today's attack on a vehicle convoy in Kabul. Our thoughts are with the victims."),
        ("Bombing in Peshawar", "The United Kingdom condemns the bombing in Peshawar this morning."),
    ],
)
def test_an_attack_in_a_named_place_is_a_clash(rules_detector: Detector, title: str, text: str) -> None:
    assert "clash" in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Minister recovering", "The minister suffered a heart attack in Paris on Monday and is recovering."),
        ("Hackers strike", "A cyber attack on Estonia took government websites offline for a day."),
        ("Security plan", "The plan would protect citizens against attacks in London, the mayor said."),
        ("Drill", "Police will hold a drill next week to rehearse a response to an attack in Berlin."),
    ],
)
def test_attacks_that_are_no_clash(rules_detector: Detector, title: str, text: str) -> None:
    assert "clash" not in _types(rules_detector, text, title)


def test_fighting_in_a_sentence_about_a_ceasefire_is_a_clash(rules_detector: Detector) -> None:
    text = (
        "Russian planes continued bombing raids on Georgia on Monday, ignoring international appeals for the "
        "country to observe Georgia's offer of a cease-fire."
    )
    assert "clash" in _types(
        rules_detector, text, "Diplomatic efforts stepped up as Georgia and Russia refuse to back down"
    )
    # The fighting a truce is meant to end is still no report of fighting.
    calm = "The two sides agreed to a truce on Sunday to end weeks of fighting in the north."
    assert "clash" not in _types(rules_detector, calm, "Truce agreed")


def test_soldiers_killed_in_an_accident_are_no_clash(rules_detector: Detector) -> None:
    crash = "Two US Army soldiers died when an Apache military helicopter crashed into a field in Texas."
    assert "clash" not in _types(rules_detector, crash, "2 US army soldiers killed in Texas chopper crash")
    ambush = "Two soldiers were killed when militants ambushed their patrol near the border on Monday."
    assert "clash" in _types(rules_detector, ambush, "2 soldiers killed in ambush")


def test_fighting_beside_a_truce_in_force_is_a_violation(rules_detector: Detector) -> None:
    text = (
        "The ceasefire agreed last month between the army and the rebels is in force across the region. "
        "Heavy fighting erupted on Tuesday near the northern town, and air strikes hit rebel positions overnight."
    )
    assert _status(rules_detector, text, "Statement on the situation in the north") == "violated"
    # The headline's own status stands: a deal reached after clashes is a deal.
    deal = "The government and the rebels reached a ceasefire deal on Friday. Heavy fighting erupted on Tuesday."
    assert _status(rules_detector, deal, "Government and rebels reach cease-fire deal") == "agreed"


def test_fighting_in_the_body_beside_a_truce_that_is_over_is_a_clash(rules_detector: Detector) -> None:
    text = (
        "The rebel command said on Sunday that its truce with the army was over. "
        "Its spokesman blamed the government for the decision. "
        "Army jets resumed air strikes on rebel positions in the hills overnight."
    )
    title = "Rebels Say Truce With Army Is Over"
    assert _status(rules_detector, text, title) == "collapsed"
    assert "clash" in _types(rules_detector, text, title)
    # The same body sentence beside a truce still in force is not enough on its own to report fighting.
    quiet = text.replace("its truce with the army was over", "it would honour its truce with the army")
    assert "clash" not in _types(rules_detector, quiet, "Rebels Say They Will Honour Truce")


def test_talks_on_a_new_truce_beside_one_in_force_keep_its_state(rules_detector: Detector) -> None:
    text = (
        "Delegations are in Cairo for truce talks as a 72-hour cease-fire appears to be holding for a second day. "
        "Diplomats will join the talks on a longer-term truce."
    )
    assert _status(rules_detector, text, "Cease-fire holding, truce talks to open in Cairo") == "holding"
    assert _status(rules_detector, "Delegations met in Cairo for truce talks on Monday.", "Truce talks open") == "talks"


# --- clash: headline grammar (present tense, no auxiliary, no article) ---------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Russian drones pound Kharkiv overnight",
        "Sudan army, RSF trade fire in Khartoum",
        "Missiles hit Kyiv apartment block",
        "Pakistan, India exchange fire along Kashmir border",
        "Israel pounds Rafah",
        "Ukraine downs 30 Russian drones",
        "Rebels capture key town in eastern Congo",
        "Hamas fighters storm Israeli border towns",
        "Russia strikes Ukraine's power grid",
        # Taking a named place ("Rebels seize Goma"): the place is capitalised where the verb is not.
        "Rebels seize Goma",
        "Ukrainian forces retake Izium",
        "Russian troops capture Avdiivka",
        "Army liberates Mosul from IS",
        "Ukraine retakes key town of Lyman",
        # The passive with its auxiliary dropped: the agent or the attack is armed.
        "Fishing boats hit by mystery attackers off Ecuador",
        "Grain terminals hit in overnight port attack",
        "UN convoy ambushed by gunmen in Mali",
        "Power plant struck by Russian missiles",
        "Hospital shelled by rebels",
        # Bombarding and pummelling are attacks too, in headlines and in running text.
        "Russia bombards Kharkiv overnight",
        "Syrian army bombards rebel-held Idlib",
        "Israeli jets pummel southern Lebanon",
        # The same table of verbs in the passive: every verb of the present has its past.
        "Border villages pounded by artillery",
        "Fuel depot bombarded by drones overnight",
    ],
)
def test_a_headline_in_headline_grammar_reports_fighting(rules_detector: Detector, title: str) -> None:
    assert "clash" in _types(rules_detector, "", title)


@pytest.mark.parametrize(
    "title",
    [
        "US strikes trade deal with Japan",
        "Russia strikes deal with Iran",
        "China hits back at US tariffs",
        "Storm hits Florida coast",
        "Inflation hits record high",
        "Police seize cocaine in Rotterdam",
        "Rebels capture headlines with new album",
        "US fast-food workers strike for higher wages",
        "Army to retake Mosul",
        "Iran seizes tanker in Gulf",
        "North Korea fires ballistic missile into sea",
        "Army seizes power in Niger",
        "China captures Apple's market share",
        "Troops Capture Hearts In Parade",
        "Airports hit by strikes over pay",
        "Hospital hit by cyber attack",
        "Golfer struck by lightning",
        "Retailers hit by panic buying",
        "Reporters bombard minister with questions",
        "Storm pummels East Coast",
        "Minister battered by critics over budget",
    ],
)
def test_everyday_senses_of_headline_verbs_are_no_fighting(rules_detector: Detector, title: str) -> None:
    assert "clash" not in _types(rules_detector, "", title)


# --- ceasefire: a truce announced while a party is still urged to stop fighting is not accepted -----


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The coalition announced a ten-day ceasefire in the province on Monday. The envoy urged the rebels to "
            "immediately cease all hostilities and join the talks.",
            "proposed",
        ),
        (
            "The two powers announced a cessation of hostilities starting on Saturday. They will now work to secure "
            "commitments from the armed groups on the ground.",
            "proposed",
        ),
        (
            "A 72-hour ceasefire went into effect at noon. The militias should similarly halt attacks so that aid "
            "can reach the city.",
            "proposed",
        ),
        # Both sides agreed: a call to respect the truce is no sign that a party has not accepted it.
        (
            "The army and the rebels signed a ceasefire in the capital on Friday. The envoy urged both sides to "
            "respect it.",
            "agreed",
        ),
        ("The government and the rebels agreed a ceasefire on Tuesday after a week of talks.", "agreed"),
    ],
)
def test_a_truce_with_a_party_still_urged_to_stop_is_proposed(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


def test_talks_that_produced_the_truce_the_lead_reports_agreed_give_way(rules_detector: Detector) -> None:
    # The talks are the way there; the agreement in the lead is the news, however often the body names the talks.
    text = (
        "Government and rebel negotiators have agreed to a ceasefire, the mediators said on Friday. Ceasefire talks "
        "had been under way in Nairobi since March. The ceasefire negotiations were facilitated by Kenya. "
        "Negotiators on both sides praised the ceasefire talks. Further talks on a ceasefire monitoring mechanism "
        "are planned."
    )
    assert _status(rules_detector, text, "Sudan talks") == "agreed"


def test_talks_with_no_agreement_in_the_lead_stay_talks(rules_detector: Detector) -> None:
    text = (
        "Government and rebel negotiators resumed ceasefire talks in Nairobi on Friday, the mediators said. The "
        "ceasefire negotiations are facilitated by Kenya. A ceasefire agreed in 2019 collapsed within weeks."
    )
    assert _status(rules_detector, text, "Sudan ceasefire talks resume") == "talks"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A truce on paper only.
        ("Mediators presented a draft ceasefire agreement to both sides on Monday.", "proposed"),
        ("The plan envisages a ceasefire followed by the withdrawal of heavy weapons.", "proposed"),
        ("The peace plan provides for a ceasefire along the current front line.", "proposed"),
        # Agreeing to seek a truce is seeking it.
        ("World powers agreed to seek a cessation of hostilities within a week.", "proposed"),
        # A declaration the other side is asked to match is one side's.
        ("The Houthis declared a truce on Saudi territory and called on the coalition to reciprocate.", "proposed"),
        # Near misses: accepted, matched, agreed.
        ("The rebels accepted the government's proposal of a ceasefire.", "agreed"),
        ("The army declared a truce, and the rebels reciprocated on Friday.", "agreed"),
        ("The sides signed the draft into a ceasefire agreement on Monday.", "agreed"),
    ],
)
def test_a_truce_on_paper_sought_or_asked_of_the_other_side_is_proposed(
    rules_detector: Detector, text: str, status: str
) -> None:
    assert _status(rules_detector, text) == status


# --- ceasefire: a truce in force (corpus convention 3: time into it, activity under it, "ongoing") ----


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The ceasefire in Gaza entered its third day on Monday with no major violations reported.", "holding"),
        ("A week into the truce, residents returned to their homes in the border villages.", "holding"),
        ("Aid convoys crossed into the enclave on Tuesday under the ceasefire that began on Sunday.", "holding"),
        ("The truce between the army and the rebels has largely held since it took effect in March.", "holding"),
        ("Calm returned to the region as the ceasefire took hold.", "holding"),
        ("Under the ceasefire, the two sides exchanged prisoners on Thursday.", "holding"),
        ("The guns have been silent since the ceasefire began at midnight.", "holding"),
        ("The ongoing truce has allowed farmers to return to their fields.", "holding"),
        ("The ceasefire remains in place despite sporadic gunfire.", "holding"),
        ("Talks on a permanent settlement opened in Geneva as the truce held for a second week.", "holding"),
        ("The two-month-old truce has brought relative calm to the capital.", "holding"),
        ("Monitors said the ceasefire was being broadly respected.", "holding"),
        ("The truce, now in its second month, has been extended twice.", "extended"),
        ("Shops reopened in the city on the first full day of the ceasefire.", "holding"),
        ("The ceasefire has held since it began on Friday, the UN said.", "holding"),
        ("Under the ceasefire deal, Hamas will release 33 hostages in the first phase.", "agreed"),
        ("Since the truce began, more than 300 violations have been recorded.", "violated"),
        ("Ongoing truce talks in Cairo made little progress on Sunday.", "talks"),
        ("The ongoing ceasefire negotiations stalled over the release of prisoners.", "talks"),
        ("On the first day of the ceasefire, fighting broke out again near the border.", "violated"),
        ("The ceasefire that began on Sunday is due to expire at midnight.", "agreed"),
    ],
)
def test_a_truce_in_force_holds(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


# --- talks: a known official is an actor; talks that led to the deal reported are its way there ------


def test_a_meeting_of_known_officials_is_talks(rules_detector: Detector) -> None:
    assert "talks" in _types(rules_detector, "", "Blinken meets Wang Yi in Beijing")


@pytest.mark.parametrize(
    ("text", "talks"),
    [
        ("The accord was signed by General Nundo and General Ucuatchitembo following two weeks of peace talks.", False),
        ("The deal was reached by President Putin and President Erdogan after months of negotiations.", False),
        ("The deal was reached Friday after a meeting between President Putin and President Erdogan.", True),
    ],
)
def test_talks_that_led_to_the_deal_are_its_way_there(rules_detector: Detector, text: str, talks: bool) -> None:
    assert ("talks" in _types(rules_detector, text)) is talks


@pytest.mark.parametrize(
    ("text", "talks"),
    [
        ("The accord was praised by European foreign ministers meeting in Lisbon on Friday.", False),
        ("The plan was endorsed by African Union leaders meeting in Addis Ababa.", False),
        # Guard: the meeting as the subject's own news.
        ("European foreign ministers meeting in Lisbon on Friday discussed the accord with Turkey.", True),
    ],
)
def test_a_gathering_named_as_the_agent_is_no_talks(rules_detector: Detector, text: str, talks: bool) -> None:
    assert ("talks" in _types(rules_detector, text, "Accord on the border")) is talks


@pytest.mark.parametrize(
    ("title", "text", "talks"),
    [
        # A signing at talks, however long the name of the talks.
        (
            "Truce signed",
            "We welcome the news of both parties signing a full, permanent ceasefire agreement at the AU-led joint "
            "security commission talks in Addis Ababa on Friday.",
            False,
        ),
        # A mediator thanked for the talks beside the deal the item reports.
        (
            "Ceasefire in the east",
            "We welcome the ceasefire agreement signed by the government and the rebels on Friday. We thank the envoy "
            "for her role in facilitating the talks.",
            False,
        ),
        # With no deal, the mediated talks are the news.
        (
            "Slow progress in talks",
            "The African Union, which has mediated the talks between the two governments since March, said progress "
            "was slow.",
            True,
        ),
    ],
)
def test_talks_credited_beside_the_deal_are_its_way_there(
    rules_detector: Detector, title: str, text: str, talks: bool
) -> None:
    assert ("talks" in _types(rules_detector, text, title)) is talks


@pytest.mark.parametrize(
    ("title", "agreement"),
    [
        ("Putin, Xi sign energy pact", True),
        ("EU, UK seal post-Brexit deal", True),
        ("Israel, UAE ink normalisation accord", True),
        ("US and China reach trade deal", True),
        ("Rebels to sign peace deal", False),
        ("Trump urges allies to sign pact", False),
        ("Leaders fail to reach deal", False),
    ],
)
def test_a_headline_deal_in_the_present_is_an_agreement(rules_detector: Detector, title: str, agreement: bool) -> None:
    assert ("agreement" in _types(rules_detector, "", title)) is agreement


@pytest.mark.parametrize(
    ("title", "talks"),
    [
        ("US and China near trade deal, officials say", True),
        ("Israel, Hamas close to hostage deal: sources", True),
        ("EU and UK nearing Brexit deal", True),
        ("Armenia and Azerbaijan close to peace agreement, Pashinyan says", True),
        ("Iran and IAEA closer to deal on inspections", True),
        ("Striker close to deal with Chelsea", False),
        ("Union and automakers near agreement to end strike", False),
    ],
)
def test_a_headline_deal_in_sight_is_talks(rules_detector: Detector, title: str, talks: bool) -> None:
    types = _types(rules_detector, "", title)
    assert ("talks" in types) is talks
    assert "agreement" not in types


# --- ceasefire: a party's commitment to keep a truce, and a halt the parties agreed to, are agreed ----


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The agreement commits both sides to a ceasefire from Friday.", "agreed"),
        ("Both sides will observe a ceasefire starting Friday, the mediators said.", "agreed"),
        ("The truce is expected to begin at dawn on Saturday, officials from both sides said.", "agreed"),
        ("Hamas said it would abide by the truce agreed with Israel.", "agreed"),
        ("The ceasefire will be monitored by a joint commission of the two armies.", "agreed"),
        ("The two sides agreed to sign a ceasefire agreement next week.", "agreed"),
        ("The government and the rebels agreed in principle on a ceasefire.", "agreed"),
        ("Israel's cabinet approved the ceasefire deal, which will take effect on Sunday.", "agreed"),
        ("The ceasefire is scheduled to take effect at noon on Monday.", "agreed"),
        ("The warring factions are preparing to sign a ceasefire in Addis Ababa.", "agreed"),
        ("Both sides said they would respect the ceasefire brokered by Turkey.", "agreed"),
        ("The rebels will lay down their arms under the truce reached on Tuesday.", "agreed"),
        ("Russia and Ukraine have agreed to halt strikes on energy facilities for 30 days.", "agreed"),
        ("A ceasefire deal between the two sides will see hostages released in stages.", "agreed"),
        ("The truce that the two sides agreed last night should allow aid into the city.", "agreed"),
        ("Both militias would pull back from the front line under the ceasefire terms.", "agreed"),
        ("Russia and Ukraine have agreed to halt strikes on energy facilities for 30 days.", "agreed"),
        ("The two armies agreed to stop shelling along the line of contact from Monday.", "agreed"),
        ("The sides did not agree to halt strikes, the mediator said.", None),
        ("The envoy urged both sides to agree to halt hostilities.", "proposed"),
        ("The companies agreed to halt production at the plant.", None),
        ("Unions agreed to halt strikes at the port until talks resume.", None),
        ("Rail workers agreed to suspend strikes over pay.", None),
    ],
)
def test_commitments_and_agreed_halts_are_agreed(rules_detector: Detector, text: str, status: str | None) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("title", "text", "clash"),
    [
        ("", "Crews began cleaning the coast after the consequences of military aggression by the enemy.", False),
        ("", "State television showed the army training for an invasion of the island.", False),
        ("", "The navy must be able to carry out offensive operations beyond the borders, a commander said.", False),
        ("Swiatek sets up title clash with Rybakina in Toronto", "", False),
        ("Port explosion investigation rattles the elite", "", False),
        # Near misses: fighting reported beside the same words.
        ("", "Clashes erupted on Monday following the arrest of an opposition leader.", True),
        ("", "The government reached a truce, following clashes this week in the north.", True),
        ("", "Heavy fighting was reported in the aftermath of the election in the capital.", True),
    ],
)
def test_fighting_prepared_for_named_as_a_cause_or_a_match_is_no_clash(
    rules_detector: Detector, title: str, text: str, clash: bool
) -> None:
    assert ("clash" in _types(rules_detector, text, title)) is clash


@pytest.mark.parametrize(
    ("title", "text", "talks"),
    [
        (
            "Pakistan working to bring US, Iran to the negotiating table",
            "Pakistan's Foreign Ministry spokesman says Islamabad is working to bring the two parties to the "
            "negotiating table.",
            False,
        ),
        (
            "Qatar pushing Hamas, Israel to the negotiating table",
            "Qatar is pushing Hamas and Israel to the negotiating table, officials said.",
            False,
        ),
        (
            "Cabinet members stayed on decoy plane",
            "The president boarded a different plane in Turkey during a Nato summit for security reasons involving Iran.",
            False,
        ),
        # Near misses: talks resumed, talks held at a summit.
        ("Talks resume", "Ukraine and Russia returned to the negotiating table in Istanbul on Monday.", True),
        ("Ministers meet", "The foreign ministers held talks during the summit in Vilnius.", True),
    ],
)
def test_talks_sought_or_a_summit_as_a_date_are_no_talks(
    rules_detector: Detector, title: str, text: str, talks: bool
) -> None:
    assert ("talks" in _types(rules_detector, text, title)) is talks


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The truce has largely failed to stop the fighting in the north.", "violated"),
        ("The ceasefire did little to halt the shelling of the city, residents said.", "violated"),
        ("The two-day truce failed to end the clashes between the rival militias.", "violated"),
        # Near miss: a truce that ended the fighting holds.
        ("The truce has stopped the fighting in the north, residents said.", "holding"),
    ],
)
def test_a_truce_that_failed_to_stop_the_fighting_is_violated(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The European Union welcomed the ceasefire proposal put forward by Egypt.", "proposed"),
        ("Mediators announced a ceasefire plan that both sides are still studying.", "proposed"),
        # Near misses: a proposal taken up by the parties.
        ("Both sides accepted the ceasefire proposal on Friday.", "agreed"),
        ("The two sides signed the ceasefire plan in Doha.", "agreed"),
    ],
)
def test_a_ceasefire_proposal_welcomed_or_announced_stays_a_proposal(
    rules_detector: Detector, text: str, status: str
) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # One side's acceptance while the other's answer is awaited (corpus convention 2: not yet agreed).
        ("Hamas said it had accepted the Egyptian ceasefire proposal, but Israel has not responded.", "proposed"),
        ("Ukraine accepted the US proposal for a 30-day ceasefire and now awaits Russia's answer.", "proposed"),
        ("Azerbaijan proposes ceasefire in Karabakh; Armenia yet to respond", "proposed"),
        # Readiness, expectation, a floated idea, one side's order.
        ("The rebels said they were ready for a ceasefire if the army withdrew from the city.", "proposed"),
        ("Moscow says it is open to a truce on condition that Kyiv halts its mobilisation.", "proposed"),
        ("Qatar expects a truce announcement within days, its prime minister said.", "proposed"),
        ("Macron floats a holiday truce for all fronts", "proposed"),
        ("Putin orders Easter truce in Ukraine", "proposed"),
        # Backing a call is no acceptance of a truce.
        ("The foreign ministers endorsed the call for an immediate ceasefire in Gaza.", "proposed"),
        # Near misses: both sides took it up, or the order is for a truce in force.
        ("Israel and Hamas agree to a four-day truce to free hostages", "agreed"),
        ("Both sides accepted the ceasefire proposal on Friday.", "agreed"),
        ("Russia and Ukraine accept 30-day truce", "agreed"),
        ("The commander ordered his troops to observe the ceasefire.", "holding"),
        ("Negotiations on a ceasefire broke down on Sunday without agreement.", "talks"),
    ],
)
def test_acceptance_awaited_readiness_and_one_sides_order_are_proposals(
    rules_detector: Detector, text: str, status: str
) -> None:
    assert line_status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("title", "text", "agreement"),
    [
        # One side's truce matched, joined or reciprocated by the other: an agreement (corpus convention 5).
        ("Government reciprocates rebels' truce", "", True),
        ("Sri Lankan government matches rebel ceasefire extension", "", True),
        ("", "The government on Monday matched the three-month truce the Maoists declared last week.", True),
        ("", "The army joined the rebels' ceasefire, making it the first mutual truce in a decade.", True),
        # Near misses: a match only planned or asked for, calls and talks joined, a unilateral truce.
        ("", "The army said it would match the rebels' unilateral ceasefire from Friday.", False),
        ("", "The rebels called on the government to reciprocate their ceasefire.", False),
        ("Hamas joins calls for a ceasefire", "", False),
        ("", "Rebels joined the ceasefire talks in Doha on Monday.", False),
        ("Army declares unilateral truce", "", False),
    ],
)
def test_a_truce_matched_by_the_other_side_is_an_agreement(
    rules_detector: Detector, title: str, text: str, agreement: bool
) -> None:
    assert ("agreement" in _types(rules_detector, text, title)) is agreement


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Time elapsed inside the truce, quiet reported, commitment kept, activity under it: holding.
        ("Gaza truce enters fifth day", "holding"),
        ("Shops reopened in Aleppo as the cessation of hostilities entered its second week.", "holding"),
        ("Yemen's truce survives its first month", "holding"),
        ("No violations of the ceasefire have been reported since it began on Sunday.", "holding"),
        ("Both sides say they remain committed to the ceasefire.", "holding"),
        ("Hostage exchange proceeds under Gaza truce", "holding"),
        # Violence just after it took effect, a truce shaken, a truce ended in a headline.
        ("Gunfire erupted along the border hours after the truce took effect.", "violated"),
        ("Ceasefire shaken as rockets fired at Israel", "violated"),
        ("Israel resumes war in Gaza, ending ceasefire", "collapsed"),
        # Near misses: the truce that ended fighting, a commitment to a future truce, a truce agreed.
        ("The truce came after weeks of heavy fighting in the north.", "agreed"),
        ("Both sides committed themselves to a ceasefire from Friday.", "agreed"),
        ("Under pressure, both sides agreed to a ceasefire on Monday.", "agreed"),
    ],
)
def test_a_truce_in_force_shaken_or_ended_in_headline_words(rules_detector: Detector, text: str, status: str) -> None:
    assert line_status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A mediator seeking or pushing for a truce negotiates it (corpus convention 4).
        ("Mediators are pushing for a deal on a truce in Gaza.", "talks"),
        ("US envoy shuttles between Beirut and Jerusalem seeking a truce", "talks"),
        ("Egyptian mediators are seeking a ceasefire between Israel and Hamas.", "talks"),
        ("Qatari negotiators pressed for a truce in marathon sessions in Doha.", "talks"),
        # Near misses: a mediator's call or exhortation, a party seeking a truce.
        ("The UN envoy called for an immediate ceasefire in Sudan.", "proposed"),
        ("The mediators urged both sides to accept a ceasefire.", "proposed"),
        ("Hamas is seeking a permanent ceasefire, its leader said.", "proposed"),
        ("Ukraine pushes for a full ceasefire in the air and at sea", "proposed"),
    ],
)
def test_a_mediator_seeking_a_truce_is_negotiating_it(rules_detector: Detector, text: str, status: str) -> None:
    assert line_status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # A war judged as a whole reports no fighting (corpus convention 1).
        (
            "In the face of Russia's unprovoked and unjustified military invasion of Ukraine, the EU helps refugees.",
            set(),
        ),
        ("We condemn Russia's unprovoked war against Ukraine.", set()),
        ("Russia's brutal invasion has displaced millions.", set()),
        # A declaration as an act, a company sold: no agreement.
        ("Sessions welcomed the president's declaration of the opioid epidemic as a public health emergency.", set()),
        ("Dow Jones agreed to be bought by News Corporation.", set()),
        # Near misses: a specific attack so judged, a launch today, a joint declaration, a text adopted.
        ("Israel condemned the brutal attack on a bus in Jerusalem.", {"clash"}),
        ("Russian forces launched a full-scale invasion of Ukraine on Thursday.", {"clash"}),
        ("The two leaders signed a joint declaration of principles on Monday.", {"agreement"}),
        ("The summit adopted a declaration on maritime security.", {"agreement"}),
    ],
)
def test_a_war_judged_whole_a_declaring_act_and_a_company_sale_are_no_events(
    rules_detector: Detector, text: str, types: set[str]
) -> None:
    assert _types(rules_detector, text) == types


@pytest.mark.parametrize(
    ("line", "sanctions"),
    [
        # The verb says they are imposed: "sanctioned", a headline's body or state before the present verb.
        ("Treasury sanctioned five Hezbollah financiers on Tuesday.", True),
        ("US sanctions Russian oil firms", True),
        ("EU sanctions Iranian drone makers", True),
        ("UK sanctions 10 Iranian officials over protest crackdown", True),
        # Near misses: the noun, a compound, a plan, an adjective, a modal.
        ("US weighs sanctions on China", False),
        ("Coronavirus amplifies US sanctions pressure on adversaries", False),
        ("EU sanctions will hit Russian banks", False),
        ("The sanctioned oligarch sold his yacht.", False),
        ("Treasury could have sanctioned the bank earlier.", False),
        # Blacklisting is sanctioning; "slaps" imposes them.
        ("Treasury blacklists three Hezbollah financiers", True),
        ("The Treasury Department blacklisted five Iranian firms on Tuesday.", True),
        ("US slaps sanctions on Iranian oil shipping network", True),
        ("The blacklisted company denied wrongdoing.", False),
        ("EU could slap sanctions on Belarus", False),
        ("Trump slaps tariffs on Mexican steel", False),
    ],
)
def test_sanctions_as_a_verb_are_imposed(rules_detector: Detector, line: str, sanctions: bool) -> None:
    assert ("sanctions" in _line_types(rules_detector, line)) is sanctions


@pytest.mark.parametrize(
    ("line", "clash"),
    [
        # The verb of a quarrel between people or firms is no fighting.
        ("Senate candidate clashes with party leader over allegations", False),
        ("Two tech firms clash over patents", False),
        ("The president clashed with reporters over the Russia probe.", False),
        # An armed side, a state or a people, a toll, or the noun keep it fighting.
        ("Troops clash with rebels near the border", True),
        ("Thailand and Cambodia clash along their border", True),
        ("Police clashed with protesters in the capital on Sunday.", True),
        ("Rival clans clash over grazing land", True),
        ("Farmers and herders clash over land, 20 dead", True),
        ("Fresh clashes over land leave villages empty", True),
    ],
)
def test_a_quarrel_is_no_clash(rules_detector: Detector, line: str, clash: bool) -> None:
    assert ("clash" in _line_types(rules_detector, line)) is clash


@pytest.mark.parametrize(
    ("title", "text", "agreement"),
    [
        # With no state or official named in the item, a deal of firms or of a legislature's parties.
        (
            "Publisher agrees to be bought by media group",
            "The publisher agreed to be bought by the media group.",
            False,
        ),
        ("House Democrats strike deal on spending", "", False),
        ("Senate Republicans reach deal on tax bill", "House and Senate negotiators reached a deal on Friday.", False),
        # Near misses: states, an armed side, an international body.
        ("US and Mexico reach deal on migration", "", True),
        ("Rebels and government sign peace deal", "", True),
        ("", "The agreement was reached on Thursday after an emergency meeting of ECOWAS.", True),
    ],
)
def test_a_deal_of_firms_or_parties_is_no_agreement(
    rules_detector: Detector, title: str, text: str, agreement: bool
) -> None:
    assert ("agreement" in _types(rules_detector, text, title)) is agreement


@pytest.mark.parametrize(
    ("line", "talks"),
    [
        # A truce being negotiated is talks held, though no meeting word names them.
        ("Norwegian officials in Sri Lanka to broker truce", True),
        ("Egyptian mediators are seeking a ceasefire between Israel and Hamas.", True),
        ("Negotiations on a ceasefire broke down on Sunday without agreement.", True),
        # Near misses: a truce called for, agreed or holding is no negotiation.
        ("The ministers called for an immediate ceasefire.", False),
        ("Both sides agreed to a ceasefire on Tuesday.", False),
        ("Gaza truce enters fifth day", False),
    ],
)
def test_a_truce_being_negotiated_is_talks(rules_detector: Detector, line: str, talks: bool) -> None:
    assert ("talks" in _line_types(rules_detector, line)) is talks


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A truce being implemented is one in force: holding.
        ("The envoys reviewed progress on implementation of the truce agreed in the spring.", "holding"),
        ("Both sides said they are implementing the ceasefire, and aid convoys moved on Tuesday.", "holding"),
        ("The minister discussed the implementation of the cessation of hostilities with his counterpart.", "holding"),
        # The act itself stays agreed: "implemented" as news of the day, "implements" a deal reached today.
        ("The ceasefire was implemented at midnight, the two armies announced.", "agreed"),
    ],
)
def test_a_truce_being_implemented_is_holding(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A truce dated earlier but said to be in force now is today's news of it.
        ("The ceasefire agreed in March is holding.", "holding"),
        ("They urged both sides to respect the truce declared in November.", "holding"),
        ("The envoys discussed implementation of the ceasefire agreement signed in Pretoria last year.", "holding"),
        # A truce that held in the past is history: no ceasefire event.
        ("The truce agreed in 2015 held until 2016.", None),
        ("The 2014 ceasefire was respected for two years.", None),
    ],
)
def test_a_dated_truce_in_force_is_news_a_past_one_is_history(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        "The EU is deeply concerned by continued military activities, including against civilian targets.",
        "Hostilities resumed on Sunday in the north of the country.",
        "Renewed hostilities forced thousands of families to flee.",
    ],
)
def test_hostile_acts_going_on_in_a_statement_s_words_are_fighting(rules_detector: Detector, text: str) -> None:
    assert "clash" in _types(rules_detector, text)


def test_a_cessation_of_hostilities_is_no_fighting(rules_detector: Detector) -> None:
    assert "clash" not in _types(rules_detector, "Both sides signed a cessation of hostilities in Pretoria.")


def test_continued_hostile_acts_beside_a_truce_break_it(rules_detector: Detector) -> None:
    text = (
        "The European Union welcomes the humanitarian ceasefire announced on 10 October. The EU is deeply "
        "concerned by continued military activities, including against civilian targets."
    )
    assert _status(rules_detector, text) == "violated"


# --- a ceasefire sought but not reached, not renewed, or not broken --------------------------------


@pytest.mark.parametrize(
    "text, status",
    [
        # Negations after talks are the negotiation's news (corpus convention): talks.
        ("The two sides failed to agree on a ceasefire after three days of talks.", "talks"),
        ("Negotiators have yet to reach a ceasefire deal, officials said.", "talks"),
        ("Russia and Ukraine failed to reach a ceasefire deal at talks in Istanbul.", "talks"),
        ("Mediators failed to broker a truce between the rival generals.", "talks"),
        ("The parties have not been able to agree on a ceasefire, mediators said.", "talks"),
        ("Talks on a truce ended without agreement in Jeddah.", "talks"),
        # Bargaining over a truce is the negotiation.
        ("The sides are haggling over the terms of a ceasefire.", "talks"),
        ("Envoys wrangled over a truce for hours in Geneva.", "talks"),
        ("Mediators hope for a breakthrough on a ceasefire this week.", "talks"),
        ("The sides made a breakthrough and agreed to a ceasefire.", "agreed"),
        # A proposal rejected is still a proposal.
        ("Hamas rejected the ceasefire proposal on Tuesday.", "proposed"),
        ("Israel rejected calls for a ceasefire.", "proposed"),
        # A truce its party will not renew is called off.
        ("Rebels said they would not extend the unilateral truce and resumed their offensive.", "collapsed"),
        ("The army said it will not extend the ceasefire, which expires on Friday.", "collapsed"),
        ("The government decided against extending the truce and resumed air strikes.", "collapsed"),
        # Said in the passive: a truce not renewed when it ran out is over.
        ("After six months of relative calm, the truce has not been extended, the envoy said.", "collapsed"),
        ("The ceasefire was not renewed when the two sides failed to agree on new terms.", "collapsed"),
        ("The truce hasn't been extended and both armies are on alert.", "collapsed"),
        # A truce marked by fighting, or with attacks still going on, is violated.
        ("The month-old ceasefire has been marked by fighting in the east.", "violated"),
        ("The truce, marred by heavy shelling overnight, is barely in place.", "violated"),
        (
            "The army cannot pull back under the ceasefire deal because rebels are still carrying out attacks.",
            "violated",
        ),
        # A truce not broken holds.
        ("The ceasefire has not been violated, the UN said.", "holding"),
        ("The truce has never been breached since it took effect.", "holding"),
        # Near misses that keep their reading.
        ("The two sides reached a ceasefire deal late on Thursday, mediators said.", "agreed"),
        ("The warring parties agreed to extend the truce by another 48 hours.", "extended"),
        ("The ceasefire collapsed on Saturday as fighting resumed in the north.", "collapsed"),
        ("Both sides accused each other of violating the truce.", "violated"),
    ],
)
def test_ceasefire_not_reached_not_renewed_or_not_broken(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status, text


@pytest.mark.parametrize(
    ("line", "clash"),
    [
        ("Ceasefire Violations Continue in the East", True),
        ("Rebels Ignore Cease-Fire in Eastern Region", True),
        ("The two sides accused each other of violating the truce on Sunday.", True),
        ("Government forces violated the ceasefire overnight, the monitors said.", True),
        # no violation reported: agreed, proposed, holding
        ("The two sides agreed to a ceasefire on Sunday.", False),
        ("The envoy called for a ceasefire in the east.", False),
        ("The ceasefire is holding, with no violations reported since Sunday.", False),
    ],
)
def test_a_truce_violated_is_fighting(rules_detector: Detector, line: str, clash: bool) -> None:
    # Corpus convention 1: violations of a ceasefire are fighting, though no clash word names them.
    assert ("clash" in _line_types(rules_detector, line)) is clash


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Rebels Ignore Cease-Fire in Eastern Region", "violated"),
        ("Both sides ignored the UN-brokered truce on Sunday.", "violated"),
        ("Rebels defied the truce and shelled the town.", "violated"),
        ("Militias Disregard Ceasefire as Shelling Goes On", "violated"),
        # a call ignored is a proposal refused, not a truce broken
        ("The militias ignored calls for a ceasefire.", "proposed"),
    ],
)
def test_a_truce_ignored_or_defied_is_violated(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("line", "talks"),
    [
        # talks as the prospect a deal opens, or where the deal the sentence reports was signed
        (
            "The two sides signed a truce accord on Sunday, boosting hopes for peace talks aimed at ending the war.",
            False,
        ),
        ("Philippines Cease-Fire Could Pave Way for Resumption of Peace Talks", False),
        ("The accord could set the stage for talks on a political settlement, the envoy said.", False),
        ("The cease-fire agreement was signed Monday at talks in Addis Ababa with the help of mediators.", False),
        # talks held
        ("The two sides resumed peace talks in Oslo on Monday.", True),
        ("Envoys are holding talks in Doha on a ceasefire, raising hopes for a deal.", True),
        ("Delegations met for talks in Geneva on Tuesday at the invitation of the mediators.", True),
    ],
)
def test_talks_a_deal_opens_or_was_signed_at_are_not_talks_held(
    rules_detector: Detector, line: str, talks: bool
) -> None:
    assert ("talks" in _line_types(rules_detector, line)) is talks


@pytest.mark.parametrize(
    ("line", "clash"),
    [
        # an attack at a named site, military action or an advance placed, armed men attacking in running text
        ("Attack at St Mark's Cathedral in Cairo", True),
        ("Statement by the Press Secretary on the Attack at Tunisia's National Bardo Museum", True),
        ("Foreign Secretary statement on military action in Hodeidah", True),
        ("UK summons envoy following advances by the Rwandan Defence Force and M23 in eastern Congo", True),
        ("Gunmen attacked a hotel in Kabul on Monday night.", True),
        ("Militants stormed a police compound near the border overnight, officials said.", True),
        ("Sri Lanka Fighting Escalates as Tamil Tigers Say Cease-Fire is Dead", True),
        ("The UN warned of an escalation of the fighting around the city on Sunday.", True),
        ("Officials fear the fighting could escalate if talks fail.", False),
        # near misses: no attack reported
        ("The carrier took part in military operations against Iran before the brawl.", False),
        ("The minister warned that any attack at the border would meet a response.", False),
        ("Settlers besieged Palestinian homes in the village for a fourth day.", False),
        ("The rebels struck a deal with the government on Monday.", False),
    ],
)
def test_attacks_at_sites_and_armed_men_attacking_are_fighting(
    rules_detector: Detector, line: str, clash: bool
) -> None:
    assert ("clash" in _line_types(rules_detector, line)) is clash


# Five classes from the f-batch of briefs (issue 13): a truce that holds despite violence, a truce fragile for its
# violations, an extension called for, one side's acceptance while the other is still asked, a gang truce. Each row: the line (a headline without a full stop), and its status.
@pytest.mark.parametrize(
    ("line", "status"),
    [
        # holds despite: a headline's present tense too
        ("Syrian Cease-Fire Holds Despite Scattered Violence", "holding"),
        ("Truce largely holds despite sporadic shelling near the border", "holding"),
        ("The truce largely holds despite sporadic violations, the monitors said.", "holding"),
        ("The army holds talks despite violations of the truce.", "violated"),  # talks held, not the truce
        ("Shelling continued despite the ceasefire, residents said.", "violated"),
        # fragile for its violations, even past the adjective's clause window
        (
            "The 48 hour ceasefire brokered by the foreign ministers in Geneva, although fragile due to widespread "
            "violations by all sides, was an initial step in the right direction.",
            "violated",
        ),
        ("The ceasefire remains fragile amid sporadic clashes along the front line.", "violated"),
        ("The truce agreed in Cairo is fragile because of repeated breaches by both sides.", "violated"),
        ("The truce brokered by Egypt is fragile but holding.", "holding"),  # no violence named
        ("The ceasefire remains fragile, officials said on Sunday after a quiet night.", "holding"),
        # an extension called for, however long the object between the call and the extension
        ("The EU calls on all parties to accept further six-month extension of the truce beyond 2 August.", "proposed"),
        ("The envoy urged the government and the rebels to agree to a further extension of the ceasefire.", "proposed"),
        ("The UN urged the warring sides to extend the ceasefire.", "proposed"),
        ("The two sides agreed to extend the truce by 72 hours.", "extended"),  # agreed by the parties
        ("The army and the rebels announced a further extension of the ceasefire on Monday.", "extended"),
        (
            "Mediators, who had pushed for weeks for a longer pause in the fighting, said the truce was extended by "
            "48 hours.",
            "extended",
        ),  # a far call without a verb asking for the extension is another's
        # one side accepted, the offer still goes to the other side: a proposal
        (
            "Ukraine accepted a U.S. proposal for an immediate 30-day ceasefire on Tuesday. We will take this offer "
            "now to the Russians, the secretary said.",
            "proposed",
        ),
        (
            "Ukraine accepted a U.S. proposal for an immediate 30-day ceasefire on Tuesday. The ball is now in "
            "Russia's court, the envoy said.",
            "proposed",
        ),
        ("Kyiv agreed to a 30-day ceasefire, subject to acceptance by Moscow.", "proposed"),
        (
            "Ukraine accepted the ceasefire proposal. We hope that they\u2019ll say yes too, the minister said.",
            "proposed",
        ),
        ("Both sides accepted the ceasefire proposal on Friday.", "agreed"),  # both sides
        ("Russia and Ukraine agreed on Tuesday to a 30-day ceasefire proposed by the United States.", "agreed"),
        # a truce between gangs or cartels is crime, not a ceasefire of armed conflict
        ("El Salvador gang truce cuts murder rate in half", None),
        ("The truce between the government and the gangs has cut murders by half, officials said.", None),
        ("Leaders of the two biggest gangs agreed a truce with police on Friday.", None),
        ("The truce among rival cartels in Sinaloa collapsed on Monday.", None),
        ("Armed groups and the army signed a truce; police arrested gang members in the capital.", "agreed"),
        # a truce of trade or party politics is no ceasefire either
        ("US and China extend their tariff truce by 90 days", None),
        ("Senate leaders agreed to a truce on the debt ceiling on Friday.", None),
        ("Democrats call truce with White House over shutdown", None),
        ("Both parties declared a political truce until the budget passes.", None),
        ("Israel and Hamas agree a truce over the holiday", "agreed"),
        ("The two armies agreed a truce in the trade hub of Hodeidah on Friday.", "agreed"),
    ],
)
def test_five_status_classes_of_the_f_batch(rules_detector: Detector, line: str, status: str | None) -> None:
    assert line_status(rules_detector, line) == status


# --- a truce of the courts, a party's leadership, firms or the media is no ceasefire either ----------------
# (the default rules send URGENT and FLASH on a ceasefire: such a truce must not reach them)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Republicans call a truce in their leadership fight", None),
        ("Senate Democrats break their truce on judicial nominees", None),
        ("Mayor and the teachers union reach a truce on reopening schools", None),
        ("Phone makers call a ceasefire in their patent war", None),
        ("The singer and the network declare a truce after months of insults", None),
        ("The two studios ended their truce on Monday.", None),
        # armed sides, and a truce announced on social media or in a trade hub, stay ceasefires
        ("Rebels and the army agree a truce in the north", "agreed"),
        ("Kurdish fighters and the militia reach a truce near the border", "agreed"),
        ("The militia announced a ceasefire on social media on Sunday.", "proposed"),
        ("The African Union called for a ceasefire in the region.", "proposed"),
        # a network of militants and clans who feud are armed sides; a truce on attacks on schools is a ceasefire
        ("Militant networks agreed a truce with the army.", "agreed"),
        ("The clans agreed a truce after years of feuding.", "agreed"),
        ("A ceasefire on attacks on schools was agreed.", "agreed"),
    ],
)
def test_a_truce_of_courts_firms_or_the_media_is_no_ceasefire(
    rules_detector: Detector, line: str, status: str | None
) -> None:
    assert line_status(rules_detector, line) == status


# --- a current toll of one incident of armed violence reports an attack ----------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "At least 45 people killed in Syria by Russian and government planes",
            "Russian and Syrian government warplanes carried out raids on rebel-held towns on Monday, monitors said.",
        ),
        (
            "Foreign Secretary statement on the situation in El Fasher",
            "The UK is appalled by reports that at least 40 civilians were killed in El Fasher this week by the Rapid"
            " Support Forces.",
        ),
        (
            "Hotel siege ends in Kabul",
            "Afghan forces ended the siege of a hotel in Kabul on Friday; six guests and five assailants were killed.",
        ),
    ],
)
def test_a_current_toll_of_an_incident_is_an_attack(rules_detector: Detector, title: str, text: str) -> None:
    assert {"casualties", "clash"} <= _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A war's running total is no incident.
        ("Government and rebels sign peace deal", "The war has killed more than 13,000 people since 1996."),
        # Deaths of no armed violence.
        (
            "Rogue elephant dies in captivity",
            "A deadly October rampage by the elephant killed five villagers in Assam.",
        ),
        ("Ferry capsizes on the lake", "At least 30 passengers drowned when the ferry capsized on Sunday."),
    ],
)
def test_a_war_total_or_a_death_of_no_violence_is_no_attack(rules_detector: Detector, title: str, text: str) -> None:
    assert "clash" not in _types(rules_detector, text, title)


def test_an_incident_toll_beside_a_truce_does_not_make_it_violated(rules_detector: Detector) -> None:
    title = "Israel and Hamas agree to a four-day ceasefire"
    text = "Israel and Hamas agreed on Monday to a four-day truce. Two people were killed in a strike on Friday."
    assert _status(rules_detector, text, title) == "agreed"


# --- the state of a truce agreed before is no agreement (corpus convention 5) --------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Cease-fire violated hours after it began",
            "The cease-fire agreement signed by the government and the rebels on Friday was violated hours after it"
            " took effect, with both sides accusing each other of attacks.",
        ),
        (
            "Cease-fire holds; war of words continues",
            "A cease-fire agreement between the government and rebels held for a fourth day on Monday.",
        ),
        (
            "Truce collapses",
            "The truce the two sides agreed last month collapsed on Tuesday when rebels attacked the town.",
        ),
    ],
)
def test_a_truce_holding_broken_or_over_is_no_agreement(rules_detector: Detector, title: str, text: str) -> None:
    types = _types(rules_detector, text, title)
    assert "ceasefire" in types and "agreement" not in types


def test_a_truce_signed_today_is_still_an_agreement(rules_detector: Detector) -> None:
    title = "Government and rebels sign ceasefire"
    text = "The government and the rebels signed a ceasefire agreement in Addis Ababa on Monday."
    assert {"ceasefire", "agreement"} <= _types(rules_detector, text, title)


# --- status classes of the i-batch briefs (issue 13): signing days, time since a deal, pauses, adjectives -----------


@pytest.mark.parametrize(
    "line",
    [
        # A signing set for a day: the truce is agreed, its signature pending (corpus convention 2).
        "Angola Truce Could Be Signed Monday",
        "The ceasefire accord between the army and the militias is expected to be signed on Thursday in Lusaka.",
        "Officials say the cease-fire will be signed in Doha next week.",
    ],
)
def test_a_signing_set_for_a_day_is_agreed(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "agreed"


@pytest.mark.parametrize(
    "line",
    [
        # A hope, a condition or no day at all stays a plan.
        "Diplomats hope a truce could be signed on Friday.",
        "The militia could sign a ceasefire if the army pulls back.",
        "A cease-fire could be signed soon, a mediator said.",
    ],
)
def test_a_signing_hoped_for_or_undated_stays_proposed(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "proposed"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # The same in the active voice: the parties "will sign" the truce on a set day (issue 13, n-batch).
        ("The president and the rebel commander will sign the ceasefire on Thursday in Havana.", "agreed"),
        ("The two sides would sign the cease-fire accord in Nairobi on Monday, officials said.", "agreed"),
        # A hope, a condition or no day at all stays a plan.
        ("The rebels hope to sign a ceasefire on Friday.", "proposed"),
        ("The army will sign a ceasefire if the militias withdraw by Friday.", "proposed"),
        ("The two sides will sign a truce soon.", "proposed"),
    ],
)
def test_parties_that_will_sign_on_a_set_day_have_agreed(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    "line",
    [
        # Weeks or more since the deal: the agreement is past, the truce is in force (convention 3).
        "Monday marked six months since the army and the insurgents signed a truce in Nairobi.",
        "Two weeks after the warring parties agreed to a cease-fire, food convoys are reaching the valley.",
        "A year after they signed the armistice, the two generals met again on the border.",
        # A commitment praised has been kept.
        "The envoy praised both armies for their commitment to the cessation of hostilities agreement.",
    ],
)
def test_a_truce_agreed_weeks_ago_or_kept_is_holding(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # Violence after the time frame still breaks the truce; a deal after months of talks is still agreed.
        ("Three months after the rebels signed a ceasefire, fighting erupted again near the capital.", "violated"),
        ("After months of talks, the government and the rebels signed a cease-fire on Sunday.", "agreed"),
        ("The two sides reaffirmed their commitment to the truce agreed in Geneva.", "agreed"),
    ],
)
def test_time_and_commitment_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # A pause by its length or extension is a truce.
        ("The militants committed to an extended pause so that the prisoner exchange can go ahead.", "agreed"),
        ("The three-day pause started at dawn on Saturday.", "agreed"),
        ("A 48-hour pause held through the night, residents said.", "holding"),
    ],
)
def test_a_pause_by_its_length_is_a_truce(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    "line",
    [
        "The government announced a 90-day pause on new tariffs.",
        "The factory ordered a temporary pause in production after the fire.",
        "The band is taking an extended pause of several months from touring.",
    ],
)
def test_a_pause_in_something_else_is_no_ceasefire(rules_detector: Detector, line: str) -> None:
    assert "ceasefire" not in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # "Extended" describing the truce is no extension; the predicate says its state.
        ("Extended Sudan Truce Largely Holding", "holding"),
        ("A renewed Yemen truce is holding for a second week.", "holding"),
        # The extension itself is still one.
        ("The Sudan truce was extended for another week on Sunday.", "extended"),
    ],
)
def test_an_extended_truce_described_or_extended(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # What follows the truce "threatens to" do something else: the refusal to renew decides.
        ("The refusal to renew the truce threatens to wreck the whole peace process.", "collapsed"),
        # A threat to the truce itself is still a strain on it.
        ("Mortar fire threatens to derail the ceasefire in the north.", "violated"),
        ("New clashes are threatening the truce along the border.", "violated"),
    ],
)
def test_a_threat_to_do_something_else_is_no_threat_to_the_truce(
    rules_detector: Detector, line: str, status: str
) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("title", "text", "status"),
    [
        # A truce welcomed, then the violence going on condemned: the truce is broken (and there is fighting).
        (
            "Statement on the situation in the border region",
            "The Council welcomes the truce the two armies announced last Sunday. It urged both sides to abide by it."
            " It notes with alarm reports of continued military operations near the border villages. The Council"
            " condemns the continued violence"
            " and calls for it to stop.",
            "violated",
        ),
        (
            "Declaration by the High Representative",
            "The EU welcomes the ceasefire agreed on 3 May between the government and the rebels. The EU deplores"
            " the renewed violence in the northern districts.",
            "violated",
        ),
    ],
)
def test_violence_condemned_beside_a_truce_breaks_it(
    rules_detector: Detector, title: str, text: str, status: str
) -> None:
    assert _status(rules_detector, text, title) == status
    assert "clash" in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # No truce named: the violence condemned may be crime or unrest, no fighting is read from the phrase alone.
        ("Mayor speaks on crime", "The mayor condemned the continued violence in the city's southern neighbourhoods."),
        ("Unrest in the capital", "The government condemns the renewed violence against protesters."),
    ],
)
def test_violence_condemned_without_a_truce_is_no_clash(rules_detector: Detector, title: str, text: str) -> None:
    assert "clash" not in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Outside powers set a truce, the warring parties still to declare themselves: a proposal (convention 2).
        (
            "The two co-chairs agreed that a truce will begin on Saturday. All armed groups must confirm to the"
            " monitors their acceptance of the truce by Friday noon.",
            "proposed",
        ),
        (
            "The guarantors agreed that the cessation of hostilities starts at midnight. The factions are to notify"
            " the joint centre of their commitment to it by Thursday.",
            "proposed",
        ),
        # The warring parties' own truce, with nothing left for them to declare, stays agreed.
        (
            "The army and the rebels agreed to a truce on Monday. Both sides began pulling back heavy weapons on"
            " Tuesday.",
            "agreed",
        ),
    ],
)
def test_parties_still_to_declare_their_acceptance(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "text",
    [
        # A halt to hostilities or fighting called for is a ceasefire called for (convention 4).
        "The council calls on all sides to back the mediator by immediately ceasing hostilities.",
        "The envoy urged the two militias to stop fighting and to open the roads.",
        "The foreign ministers called upon the parties to halt the fighting without conditions.",
    ],
)
def test_a_halt_to_hostilities_called_for_is_proposed(rules_detector: Detector, text: str) -> None:
    assert _status(rules_detector, text) == "proposed"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A call about attacks on a target is no truce; the parties' own halt is agreed; a call to stop the fighting
        # and observe the cease-fire is about the truce it names, broken by the fighting.
        ("The ministers urged the air force to halt its attacks on the power plants.", None),
        ("The army and the rebels agreed to cease hostilities from midnight on Friday.", "agreed"),
        (
            "Heavy fighting broke out on the front. I call on the sides to stop the fighting and observe the truce.",
            "violated",
        ),
    ],
)
def test_halt_near_misses(rules_detector: Detector, text: str, status: str | None) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A statement condemning a specific attack, or on it, reports the attack (corpus convention 1), wherever
        # it happened: the gazetteer need not know the town.
        ("Minister condemns Leeds attack", "Our thoughts are with the families of those caught up in it."),
        ("Statement by the Spokesperson on the Attack in Sousse", "We offer our condolences to the families."),
        (
            "Government reacts",
            "The government condemned in the strongest terms yesterday's bombing at the market in Garissa.",
        ),
    ],
)
def test_an_attack_condemned_is_reported(rules_detector: Detector, title: str, text: str) -> None:
    assert "clash" in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Another kind of attack, attacks in general, a figure of speech, an attack dated days before the news.
        ("Ministry condemns cyber attack", "The ministry condemned the Russian cyber attack on its mail servers."),
        ("Union statement", "The union condemns all attacks on workers' rights and calls for talks."),
        ("Tribes respond", "Tribal leaders condemned the decision as an attack on their cultural heritage."),
        ("Minister on press freedom", "The minister denounced the attacks on press freedom in the region."),
        (
            "Solidarity march",
            "We stand with the people as they march in defiance of the terrorist attack at the museum on March 18.",
        ),
    ],
)
def test_attack_near_misses_are_no_clash(rules_detector: Detector, title: str, text: str) -> None:
    assert "clash" not in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    "text",
    [
        # A statement or call reacting to the day's attack names it with a word of horror and a definite or a day's
        # determiner (corpus convention 1): the attack is reported, though no verb of fighting is.
        "The minister rang the mayor this morning to offer sympathy to the city after Tuesday's cowardly attack.",
        "Our embassy is helping the families of the tourists who were hurt in this senseless bombing.",
        "Consular staff are with those caught up in the heinous and barbaric terrorist attack.",
        # The attack named only as an act or an atrocity, with no word of fighting in the sentence.
        "The envoy said this cowardly act had taken the lives of worshippers and must not go unpunished.",
        "No words can match the terrorist atrocities that took place at the depot this morning.",
    ],
)
def test_an_attack_named_with_horror_is_reported(rules_detector: Detector, text: str) -> None:
    assert "clash" in _types(rules_detector, text, "Minister speaks to the mayor")


@pytest.mark.parametrize(
    "text",
    [
        # An attack of some kind (indefinite), one dated to an earlier day, one that is only feared, a word of horror
        # for a war as a whole or for something that is no attack.
        "The minister said a horrific attack of this kind could happen in any city.",
        "The minister laid a wreath for the victims of the cowardly bombing on August 7, 1998.",
        "The police warned that a horrific attack on the stadium might be planned for the final.",
        "The minister said the appalling decision to close the border would hurt trade.",
        "The mayor praised this remarkable act of courage by the firefighters.",
        "The minister said the brutal act of closing the hospital was a disgrace.",
    ],
)
def test_horror_near_misses_are_no_clash(rules_detector: Detector, text: str) -> None:
    assert "clash" not in _types(rules_detector, text, "Minister speaks to the mayor")


@pytest.mark.parametrize(
    "text",
    [
        # Fighting dated right after its words to an earlier day is an earlier event, whichever words name it: an
        # attack placed in a city, armed men acting, an attack condemned.
        "The memorial lists the names of those who died in the attack in Kabul on March 3.",
        "The hotel, which gunmen stormed on January 12, reopened its doors to guests this morning.",
        "Relatives recalled how the militants raided the village last month before the harvest.",
        "The council, which condemned the bombing on February 4, reviewed the mission's mandate.",
    ],
)
def test_fighting_dated_to_an_earlier_day_is_no_clash(rules_detector: Detector, text: str) -> None:
    assert "clash" not in _types(rules_detector, text, "Council reviews mandate")


@pytest.mark.parametrize(
    "text",
    [
        # Undated, or dated by the news's own day: the fighting is reported.
        "Gunmen stormed the hotel in the capital on Sunday, the police said.",
        "Militants raided the village before dawn, residents said.",
        "The minister condemned the bombing at the market in Garissa.",
        "At least nine people died in the attack in Kabul, officials said.",
    ],
)
def test_fighting_of_the_news_day_is_a_clash(rules_detector: Detector, text: str) -> None:
    assert "clash" in _types(rules_detector, text, "Council reviews mandate")


@pytest.mark.parametrize(
    ("title", "text", "agreement"),
    [
        # The warring parties signed or reached the truce: an agreement (corpus convention 5), with no deal word.
        (
            "Army, rebels sign truce",
            "The army and the rebels signed a ceasefire covering the whole north on Sunday.",
            True,
        ),
        ("Truce in the east", "The government and the rebel alliance reached a ceasefire after talks in Arusha.", True),
        # Not a truce only taking effect, welcomed, or with its signing still ahead (convention 2).
        ("Truce takes effect", "The ceasefire announced by the army took effect at midnight.", False),
        ("Truce to be signed", "The two sides are scheduled to sign a ceasefire on Saturday in Addis Ababa.", False),
        ("Minister welcomes truce", "The minister welcomes the ceasefire announced yesterday in Yemen.", False),
    ],
)
def test_a_truce_the_parties_signed_is_an_agreement(
    rules_detector: Detector, title: str, text: str, agreement: bool
) -> None:
    types = _types(rules_detector, text, title)
    assert "ceasefire" in types
    assert ("agreement" in types) is agreement


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # Talks asked for with the bare verb of a call, after the other things asked for, are not held.
        ("The ministry calls on Eritrea and Ethiopia to end ceasefire violations and engage in dialogue.", False),
        (
            "The envoy urges the Government of Sudan and the RSF to immediately cease all hostilities and engage"
            " constructively with political talks.",
            False,
        ),
        (
            "We urge the parties to stop the shelling immediately, respect the truce and return to substantive"
            " negotiations under the auspices of the African Union.",
            False,
        ),
        # Talks held: engaged in them, returned to them.
        ("Delegations of Serbia and Kosovo engaged in talks in Brussels on Monday.", True),
        ("Negotiators of Sudan and South Sudan returned to the talks in Addis Ababa on Tuesday.", True),
    ],
)
def test_talks_asked_for_are_not_held(rules_detector: Detector, text: str, held: bool) -> None:
    assert ("talks" in _types(rules_detector, text)) is held


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # Talks still ahead: announced, agreed to, or due to open.
        ("The foreign ministers of Peru and Chile will hold talks in Lima on Thursday.", False),
        ("Kenya and Somalia agreed to peace talks on their maritime border.", False),
        ("Canada and India to launch negotiations on a new security pact", False),
        ("Rebel leaders in Mindanao said they were prepared to go back to the negotiating table.", False),
        ("Talks between Serbia and Kosovo open next week in Brussels.", False),
        ("Qatar is working to bring Hamas and Israel 'to negotiating table'", False),
        # Talks held: the same words in the past, or under way.
        ("The foreign ministers of Peru and Chile held talks in Lima on Thursday.", True),
        ("Kenya and Somalia began peace talks on their maritime border on Monday.", True),
    ],
)
def test_talks_still_ahead_are_not_held(rules_detector: Detector, text: str, held: bool) -> None:
    assert ("talks" in _line_types(rules_detector, text)) is held


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # The talks are where the deal the sentence reports was made: the deal is the news.
        ("Sudan and South Sudan have agreed to a border truce after talks in Addis Ababa.", False),
        ("Sources close to peace talks in Kampala say the government and the rebels have agreed to a truce.", False),
        ("The accord, negotiated in Doha over the winter, was welcomed by both governments.", False),
        # Talks reported for themselves, or a meeting after which a deal came.
        ("Sudan and South Sudan held talks in Addis Ababa on their disputed border.", True),
        ("Envoys of Chad and Niger negotiated for three days in Niamey.", True),
    ],
)
def test_talks_that_made_the_deal_are_its_setting(rules_detector: Detector, text: str, held: bool) -> None:
    assert ("talks" in _types(rules_detector, text)) is held


# --- ceasefire status classes found on the k-batch of development briefs (issue 13) ------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # An extension under a condition stated after it is a term of the deal, not an extension.
        ("The government agreed to a three-day truce, to be extended if the rebels stop their attacks.", "agreed"),
        ("The rebels accepted a two-week ceasefire, to be renewed provided the army withdraws its tanks.", "agreed"),
        ("Both sides agreed to a 48-hour truce that can be extended as long as the quiet holds.", "agreed"),
        # Near misses: an extension made, announced, or made whatever happens, is one.
        ("The truce was extended by another week on Sunday.", "extended"),
        ("The army said the ceasefire will be extended beyond the holiday.", "extended"),
        ("The truce was extended on Sunday, even if violations continued.", "extended"),
        ("The truce was extended for as long as the talks last.", "extended"),
    ],
)
def test_an_extension_on_a_condition_is_no_extension(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The predicate that says a truce holds may come after its parties, past the clause window.
        ("The week-old truce between the army and the rebels in the north appears to be largely holding.", "holding"),
        (
            "The ceasefire between the government and the armed groups in the eastern provinces has held since Friday.",
            "holding",
        ),
        # Near misses: other predicates past the parties keep their reading.
        ("The ceasefire between the army and the rebels in the north collapsed on Monday.", "collapsed"),
        ("The ceasefire between the two sides in the valley was agreed on Monday.", "agreed"),
    ],
)
def test_a_predicate_after_the_parties_of_the_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The adjectives of a wanted truce under a demonstrative, or signed, describe one that exists.
        ("This permanent ceasefire agreement marks the end of two years of war.", "agreed"),
        ("The durable ceasefire agreement signed on Friday must now be implemented.", "agreed"),
        # Near misses: the truce still wanted.
        ("The only way forward is a permanent ceasefire agreement.", "proposed"),
        ("Our priority is the immediate ceasefire in Gaza.", "proposed"),
        ("We must ensure this is a lasting and durable ceasefire.", "proposed"),
        ("They stressed that their immediate ceasefire demand stands.", "proposed"),
    ],
)
def test_wanted_adjectives_on_a_truce_that_exists(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A call to stop force in use, beside one to keep the truce, reports the truce broken.
        (
            "We call on the parties to immediately cease the use of force, to keep open their direct channels and"
            " to abide by the ceasefire.",
            "violated",
        ),
        ("The ministry urged both armies to stop firing and to respect the truce.", "violated"),
        ("The envoy asked the two sides to halt all military operations and observe the ceasefire.", "violated"),
        # Near misses: no force said to be in use.
        ("We call on both sides to refrain from the use of force and to respect the ceasefire.", "holding"),
        ("The envoy urged the sides to keep talking, to end the blockade and to respect the truce.", "holding"),
    ],
)
def test_a_call_to_stop_force_in_use_and_keep_the_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # An agreement hoped for in talks under way is the negotiation (corpus convention 4): talks.
        (
            "U.S. diplomats are cautiously optimistic that the warring factions will agree to a humanitarian"
            " cease-fire during peace talks in Jeddah.",
            "talks",
        ),
        ("Diplomats are hopeful the two armies will agree to a truce during the talks in Geneva.", "talks"),
        (
            "Officials said they hoped the sides would agree on a ceasefire at the negotiations in Doha this week.",
            "talks",
        ),
        # Near misses: hoped for with no talks under way, talks only later, or agreed in the talks.
        ("The UN hopes both sides will agree to a ceasefire.", "proposed"),
        ("The ministers hope the rebels will agree to a truce before talks resume next month.", "proposed"),
        ("The rebels agreed to a truce during talks in Nairobi.", "agreed"),
    ],
)
def test_an_agreement_hoped_for_in_talks_is_talks(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Violence reported hours or days after the truce was agreed, signed or took effect breaks it, even when
        # the words are not ones that report a clash of their own ("gunfire could be heard", "rockets landed").
        (
            "Gunfire could be heard in the border town on Saturday, a day after the two governments agreed to a"
            " five-day cease-fire.",
            "violated",
        ),
        (
            "Loud bangs and gunfire were heard over the border town on Saturday morning, a day after the two"
            " governments agreed to a five-day cease-fire.",
            "violated",
        ),
        (
            "Rockets landed on the northern villages on Sunday, hours after the truce between the two sides took effect.",
            "violated",
        ),
        # Near misses: quiet, fighting that stopped, or another step after the truce.
        (
            "Residents said no shelling was heard in the city on Saturday, a day after the two sides signed a"
            " cease-fire agreement.",
            "agreed",
        ),
        (
            "The fighting in the border villages had stopped on Saturday, a day after the two governments agreed to a"
            " five-day cease-fire.",
            "agreed",
        ),
        (
            "The army said its troops had withdrawn from the border town on Saturday, a day after the two governments"
            " agreed to a five-day cease-fire.",
            "agreed",
        ),
    ],
)
def test_violence_soon_after_the_truce_breaks_it(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A renewable or extendable truce is one that may be extended: no extension.
        (
            "The United States welcomes the announcement of a renewable 72-hour cessation of hostilities agreed by"
            " all parties.",
            "agreed",
        ),
        ("The mediators announced an extendable 48-hour truce agreed by both armies.", "agreed"),
        # Near miss: a truce renewed.
        ("The truce was renewed for another month on Sunday.", "extended"),
    ],
)
def test_a_renewable_truce_is_no_extension(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A call to stop hostilities before one to act in compliance with the truce reports it broken.
        (
            "We call on all parties to immediately cease hostilities and return to their previous positions in"
            " compliance with all ceasefire agreements.",
            "violated",
        ),
        # Near miss: compliance asked for, no force said to be in use.
        (
            "We call on all parties to return to their previous positions in compliance with all applicable ceasefire"
            " agreements.",
            "agreed",
        ),
    ],
)
def test_a_call_to_stop_hostilities_and_comply_with_the_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # What an agreement calls for or provides for is a term of it: a truce agreed.
        ("The agreement calls for the cease-fire to be active within 24 hours.", "agreed"),
        ("The accord provides for a cease-fire and the withdrawal of foreign troops.", "agreed"),
        # Near misses: a plan, a draft, a resolution, or a deal still under a modal is a call.
        ("The peace plan calls for an immediate ceasefire.", "proposed"),
        ("The draft agreement calls for a ceasefire within 24 hours.", "proposed"),
        ("The resolution calls for an immediate ceasefire.", "proposed"),
        ("A deal that would call for a ceasefire is under discussion.", "proposed"),
    ],
)
def test_a_truce_an_agreement_calls_for_is_agreed(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # A negotiator, or negotiating partners, are people; a negotiated settlement is a goal; support for talks is a
        # stance on them. None of them reports talks held.
        ("The rebel negotiator Joseph Okello renewed the group's demand for a truce in northern Uganda.", False),
        ("The veteran negotiator said Sudan and South Sudan would take small steps on the border this year.", False),
        ("The minister congratulated President Ruto and his negotiating partners on the accord with Somalia.", False),
        ("Ethiopia and Egypt said a negotiated solution on the Nile dam was within reach.", False),
        ("The United States reiterates its support for the AU-led talks between Ethiopia and Eritrea.", False),
        # Negotiators at work, and talks held, still are.
        ("Negotiators from Ethiopia and Eritrea met in Nairobi on Monday.", True),
        ("The AU-led talks between Ethiopia and Eritrea resumed in Nairobi on Monday.", True),
    ],
)
def test_negotiators_and_goals_are_not_talks_held(rules_detector: Detector, text: str, held: bool) -> None:
    assert ("talks" in _line_types(rules_detector, text)) is held


@pytest.mark.parametrize(
    ("text", "imposed"),
    [
        # Sanctions under discussion, debated or proposed are not imposed.
        ("The ministers said there are discussions about sanctions against officials of the Myanmar junta.", False),
        ("Parliament debated sanctions against Belarusian officials on Tuesday.", False),
        ("The Commission proposed sanctions against Iranian drone makers.", False),
        # Imposed: the same sanctions announced.
        ("The ministers announced sanctions against officials of the Myanmar junta.", True),
        # The month beside its day is no modal: sanctions imposed on a date in May are imposed.
        ("On May 9 the ministers announced sanctions against officials of the Myanmar junta.", True),
        ("The ministers announced sanctions on 12 May against officials of the Myanmar junta.", True),
        ("The ministers may announce sanctions against officials of the Myanmar junta.", False),
        ("The ministers said sanctions may follow against officials of the Myanmar junta.", False),
    ],
)
def test_sanctions_discussed_are_not_imposed(rules_detector: Detector, text: str, imposed: bool) -> None:
    assert ("sanctions" in _types(rules_detector, text)) is imposed


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Violence the same day a truce was announced or declared, or within hours of it, breaks it.
        (
            "Rebels say the government launched attacks along the border the same day that it announced a cease-fire"
            " at peace talks abroad.",
            "violated",
        ),
        (
            "Rebels say the army shelled their villages the same day that it declared a cease-fire at the talks.",
            "violated",
        ),
        # Near misses: a ceasefire only called for, or no violence beside the declaration.
        ("Rebels attacked the town hours after the UN called for a ceasefire.", "proposed"),
        ("The army declared a cease-fire the same day as the talks opened.", "proposed"),
    ],
)
def test_violence_the_same_day_as_the_truce_breaks_it(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A commitment to halt the fighting affirmed in an accord is a truce agreed.
        ("In the accord, the two sides affirm a commitment to halt fighting and to free their prisoners.", "agreed"),
        # Near miss: a commitment urged is a call.
        ("The envoy urged a commitment to halt fighting before the talks.", "proposed"),
    ],
)
def test_a_commitment_to_halt_fighting_is_a_truce(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # Talks dated earlier by a phrase at the head of the sentence are background, however long the subject
        # between the date and the verb.
        (
            "Last month, hundreds of delegates of the governments of Chile, Peru and Bolivia and their legal advisers"
            " met in Lima to discuss the maritime border.",
            False,
        ),
        (
            "Two months ago, hundreds of delegates of the governments of Serbia and Kosovo and their legal advisers"
            " met in Brussels to discuss licence plates.",
            False,
        ),
        # One unit back as many: "a month ago" as "two months ago".
        ("A month ago, the foreign ministers of Norway and Iceland met in Oslo to discuss fishing quotas.", False),
        # Undated, or dated today: news.
        ("The foreign ministers of Chile and Peru met in Lima on Monday to discuss the maritime border.", True),
    ],
)
def test_talks_dated_earlier_at_the_head_are_background(rules_detector: Detector, text: str, held: bool) -> None:
    assert ("talks" in _types(rules_detector, text)) is held


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # The gerund of what a call asks for: talks asked for, not held.
        (
            "The ministry reiterates its call on both governments to support the mediator by halting the shelling and"
            " engaging in direct talks on the border.",
            False,
        ),
        (
            "Canada urges Armenia and Azerbaijan to build trust by freeing detainees and returning to negotiations"
            " under the OSCE.",
            False,
        ),
        # With no call, the sides engaging in talks are holding them.
        ("Armenia and Azerbaijan are engaging in direct talks on the border in Brussels this week.", True),
    ],
)
def test_talks_a_call_asks_for_in_the_gerund_are_not_held(rules_detector: Detector, text: str, held: bool) -> None:
    assert ("talks" in _types(rules_detector, text)) is held


# --- ceasefire status: the s-batch of development briefs (issue 13) ------------------------------------


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # Headline grammar drops the articles of "declared an end to the truce": the truce is over.
        ("Rebel Coalition Declares End to Truce With Government", "collapsed"),
        ("Militia announces end of cease-fire in the north", "collapsed"),
        # With the articles, and the verb in the body, as before.
        ("The militia said on Friday it was ending the truce with the army.", "collapsed"),
        # An end still ahead is no end: the truce is in force until then.
        ("Aid convoys must reach the villages before the end of the truce.", "agreed"),
    ],
)
def test_end_of_truce_declared_in_headline_grammar(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # One side agreeing to back or consider a ceasefire takes a stance on one put forward: a proposal.
        ("The insurgents have agreed in principle to support a cease-fire with the government.", "proposed"),
        ("The separatists agreed to consider a truce, their spokesman said.", "proposed"),
        ("Insurgents Agree Principle Support Truce", "proposed"),
        # Agreeing to the ceasefire itself, or to accept it, is the truce agreed.
        ("The separatists and the army agreed to a truce on Monday.", "agreed"),
        ("The insurgents agreed to accept the ceasefire on Monday.", "agreed"),
    ],
)
def test_agreeing_to_back_a_ceasefire_is_a_proposal(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A ceasefire a party refuses to sign or accept was put forward and not taken up.
        ("The president has refused to sign a truce agreement with the insurgents.", "proposed"),
        ("The junta declined to accept the cease-fire on Sunday.", "proposed"),
        # Refusing a truce with no verb of taking it up still reports nothing (test_detect).
        ("The rebels refused a truce.", None),
        # Refusing to keep a truce is not refusing to sign one.
        ("The militia refused to observe the truce.", None),
    ],
)
def test_refused_to_sign_a_ceasefire_is_a_proposal(rules_detector: Detector, text: str, status: str | None) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # A truce offer is a proposal, with or without a verb governing it.
        ("Junta Rejects Insurgents' Truce Offer", "proposed"),
        ("The insurgents posted the truce offer on their website on Monday.", "proposed"),
        # The participle already said so.
        ("The government considered the truce offered by the insurgents.", "proposed"),
    ],
)
def test_truce_offer_is_a_proposal(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # A threat to the truce is strain on it, whatever the modal before the verb.
        ("Border Raid May Threaten Truce", "violated"),
        ("Officials said the shelling could jeopardize the cease-fire.", "violated"),
        ("Monday's clashes might undermine the truce, diplomats warned.", "violated"),
        # Other modal changes stay no change ("could collapse" is a fear, decided elsewhere; "may extend" a plan).
        ("The two sides may extend the truce next week.", "proposed"),
    ],
)
def test_truce_threatened_under_a_modal_is_violated(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


def test_announced_suspension_of_attacks_dismissed_by_the_other_side(rules_detector: Detector) -> None:
    text = (
        "Two militant groups have announced an immediate three-month suspension of attacks against the government."
        " But a senior minister dismissed the truce announcement, saying the militants would use the lull to regroup."
    )
    det = rules_detector.detect("", text)
    # One side's announced suspension of attacks is a truce offered, not accepted; and no fighting is reported.
    assert det.ceasefire_status == "proposed"
    assert "clash" not in {e.type for e in det.events}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A signing or agreement the negotiation named earlier in the sentence is expected to yield: the talks.
        (
            "The mediator said negotiations had opened and that the parties would sign a ceasefire agreement within"
            " days.",
            "talks",
        ),
        ("At the opening of the talks the envoy said both camps would agree to a truce before the summit.", "talks"),
        # With no negotiation named, a hoped-for signing stays a proposal; a party's conditional acceptance inside
        # talks is an offer (convention 4), not the negotiation.
        ("The rebels hope to sign a ceasefire.", "proposed"),
        ("Delegates at the talks said the rebels would accept a truce if the army withdrew.", "proposed"),
    ],
)
def test_signing_expected_from_talks_is_the_negotiation(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        # Backing or considering a ceasefire put forward is a stance, not an agreement made.
        ("The insurgents have agreed in principle to support a cease-fire with the government.", False),
        ("The separatists agreed to consider a truce, their spokesman said.", False),
        # The truce itself agreed, or backing another text, stays an agreement.
        ("The separatists and the army agreed to a truce on Monday.", True),
        ("Both sides agreed to support the peace plan on Monday.", True),
    ],
)
def test_agreeing_to_back_a_ceasefire_is_no_agreement(rules_detector: Detector, text: str, agreement: bool) -> None:
    assert ("agreement" in _types(rules_detector, text)) is agreement


# --- meetings of one government, trips still ahead, talks of a labour dispute ------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A session named, then the same meeting again in the sentence.
        ("", "The chancellor held her first cabinet meeting on Tuesday, a meeting she said would set the tone."),
        # The UK government's emergency committee.
        ("", "The Home Secretary chaired a COBR meeting after the explosion in the capital."),
        # A meeting of one government's own officials and services.
        ("", "The minister chaired a meeting of senior government officials and the police on the riots."),
        ("", "The premier called a meeting of cabinet ministers to review the budget."),
    ],
)
def test_a_meeting_of_one_government_is_no_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert "talks" not in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Minister will travel to Ottawa today (Sunday, 14 June) for three days of talks with the Canadian"
        " government on trade and security.",
        "Secretary of State Ana Rivas will travel to Hanoi, Vietnam, on June 3 for her first trip to the country and the"
        " first visit by a Secretary of State since 2015.",
        "The Prime Minister will fly to Tokyo on Monday for a three-day visit, including a meeting with the Japanese"
        " prime minister.",
    ],
)
def test_talks_on_a_trip_still_ahead_are_no_talks(rules_detector: Detector, text: str) -> None:
    assert "talks" not in _types(rules_detector, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Minister welcomes tentative deal between dockworkers' unions and port operators",
            "The minister thanked the mediator for leading the negotiations over the weekend.",
        ),
        (
            "Statement on the pay offer to the nurses' unions",
            "The Health Secretary met union leaders on Monday and the negotiations went on late into the night.",
        ),
    ],
)
def test_talks_under_a_labour_headline_are_no_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert "talks" not in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Near misses: a meeting of officials of two states, a trip under way, a meeting held after a trip's
        # announcement, and talks under a headline with no labour or sport word.
        ("", "The Foreign Secretary met the Turkish foreign minister in Ankara on Tuesday."),
        ("", "The Secretary arrived in Hanoi on Monday and met President Tran in the afternoon."),
        ("", "The two prime ministers held a meeting of their delegations in Oslo on Friday."),
        (
            "Foreign ministers meet on Gaza",
            "The foreign ministers of Egypt and Jordan held talks in Cairo on the Gaza truce.",
        ),
        ("", "The chancellor's cabinet met on Monday, and she later held talks with the French president."),
    ],
)
def test_talks_between_states_stay_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert "talks" in _types(rules_detector, text, title)


def test_newscast_ceasefire_keeps_its_cue(rules_detector: Detector) -> None:
    """A page of several stories reweighs its readings by story; the ceasefire keeps the cue that was read.

    The story of a truce the parties signed is an agreement as well (corpus convention 5), on a newscast page as
    in an article: the signing cue must survive the reweighing.
    """
    newscast = _NEWSCAST.replace(
        "Armenia and Azerbaijan agreed on Monday to a ceasefire",
        "Armenia and Azerbaijan signed a ceasefire on Monday",
    )
    result = rules_detector.detect("World News Roundup: 1500 UTC", newscast)
    truce = next(e for e in result.events if e.type == "ceasefire")
    assert truce.status == "agreed"
    assert truce.cue, "the ceasefire's cue was lost in the reweighing by story"
    assert "agreement" in {e.type for e in result.events}
    # near-misses: a truce that began, or whose signing is still ahead, is agreed with no agreement (conventions
    # 2 and 5); the cue that says so is kept too
    for story in (
        "A ceasefire between Armenia and Azerbaijan began on Monday",
        "Armenia and Azerbaijan will sign a ceasefire on Friday",
    ):
        result = rules_detector.detect(
            "World News Roundup: 1500 UTC",
            _NEWSCAST.replace("Armenia and Azerbaijan agreed on Monday to a ceasefire", story),
        )
        assert [(e.type, e.status, bool(e.cue)) for e in result.events] == [("ceasefire", "agreed", True)]


# --- officials of two states before the press together ---------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Foreign Minister Ana Rivas and Deputy Prime Minister Karl Hoffmann at a Joint Press Availability",
            "MINISTER RIVAS: Good afternoon. It is a pleasure to welcome the Deputy Prime Minister to Madrid.",
        ),
        ("Remarks With Peruvian Foreign Minister Luis Quispe", "SECRETARY: Thank you, Luis, for a productive day."),
        ("", "The president told a joint news conference with the Kenyan prime minister that trade would grow."),
    ],
)
def test_a_joint_appearance_of_two_states_officials_is_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert "talks" in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Near misses: remarks to an audience, remarks with reporters in running text.
        ("Remarks With Embassy Lima Staff", "SECRETARY: Thank you all for the work you do here every day."),
        ("", "The minister made brief remarks with reporters outside the hospital after the flood."),
    ],
)
def test_remarks_to_an_audience_are_no_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert "talks" not in _types(rules_detector, text, title)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A truce that an outside powers' deal, plan or document is to bring back is put forward, not in force.
        ("Paris welcomed the deal which Ankara and Tehran struck to revive the truce in the north.", "proposed"),
        ("The envoys circulated a plan that would reinstate the ceasefire across the province.", "proposed"),
        ("The ministers published a roadmap to restore the cessation of hostilities.", "proposed"),
        # Near misses: a truce to be restored with no deal that brings it back is one that broke down.
        ("Aid workers are trying to revive the truce in the valley.", "collapsed"),
        ("The deal fell apart and the envoy is now trying to restore the ceasefire.", "collapsed"),
        ("The truce must be restored, the minister said.", "collapsed"),
    ],
)
def test_a_restoration_a_deal_brings_is_put_forward(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Backing voiced for a truce not yet in force is for a proposal.
        ("Ankara voiced its support for a three-day cessation of hostilities around the port.", "proposed"),
        ("The council signalled backing for a two-week truce in the east.", "proposed"),
        # A wish to extend a truce asks for an extension; it does not report one.
        ("The envoy repeated his wish to extend the ceasefire by a month.", "proposed"),
        # Near misses: a truce extended is extended; backing for the truce in force is no proposal.
        ("The two armies extended the ceasefire by a month.", "extended"),
        ("The ministers reaffirmed their support for the truce, which has held since May.", "holding"),
    ],
)
def test_backing_or_a_wish_for_a_truce_is_a_proposal(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # What a truce has already brought about says it is in force, however the truce is spelled.
        ("The cessation in hostilities has allowed the first convoys into the besieged towns.", "holding"),
        ("Officials said the truce has made possible the return of thousands of families.", "holding"),
        # Near misses: what a truce would bring is wanted, not in force; a truce that collapsed stays collapsed.
        ("A cessation in hostilities would allow the first convoys into the towns.", "proposed"),
        ("The truce collapsed on Monday after it had allowed a few convoys in.", "collapsed"),
    ],
)
def test_what_a_truce_has_brought_about_says_it_holds(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # "That" before "a" opens a clause; it does not make the truce a definite one in force.
        ("Until recently few diplomats believed that a truce was within the realm of the possible.", None),
        # A question that takes a truce for granted asks about it; it does not report it in force.
        ("REPORTER: What becomes of the truce around the port after Sunday?", None),
        # Near misses: "that" as a demonstrative still names the truce in force; a question with a cue keeps it.
        ("The monitors inspected that truce line in the hills on Monday.", "agreed"),
        ("REPORTER: Is the truce around the port still holding?", "holding"),
    ],
)
def test_a_clause_or_a_question_presupposes_no_truce(rules_detector: Detector, text: str, status: str | None) -> None:
    assert _status(rules_detector, text) == status


@pytest.mark.parametrize(
    "title",
    [
        "Joint Statement by the Trilateral Mechanism and the Troika on South Sudan",
        "Trilateral Contact Group statement on the water supply in Donetsk",
    ],
)
def test_a_standing_trilateral_body_is_no_talks(rules_detector: Detector, title: str) -> None:
    assert "talks" not in _types(rules_detector, "", title)


def test_a_trilateral_meeting_stays_talks(rules_detector: Detector) -> None:
    # Near miss: a trilateral meeting held, and the body named beside talks held.
    text = "The foreign ministers of Japan, South Korea and the United States held a trilateral meeting in Seoul on Friday."
    assert "talks" in _types(rules_detector, text)
    text = "Representatives of the Trilateral Contact Group met Ukrainian officials in Minsk on Tuesday."
    assert "talks" in _types(rules_detector, text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # Forces enforcing a truce hold it in force, whatever word follows the truce.
        ("Peacekeepers moved into the buffer zone to enforce the cease-fire accord on Sunday.", "holding"),
        ("Ghanaian troops are enforcing a ceasefire deal along the river.", "holding"),
        # Near misses: forces that would enforce a truce if one is agreed are part of a proposal; a truce signed
        # with no enforcing word stays agreed.
        ("Peacekeepers would enforce a truce if the two sides agree to one.", "proposed"),
        ("The two militias signed a ceasefire deal on Sunday.", "agreed"),
    ],
)
def test_a_truce_enforced_is_in_force(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status


# --- ceasefire status: extensions, ends and calm in other words (issue 13, held-out classes extended->agreed,
# collapsed->violated/none, holding->agreed/none) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "I welcome the announcement today of a continuation of the truce in the region.",
        "The two sides agreed to a continuation of the ceasefire until the end of the year.",
        "The envoy announced a continuation of the humanitarian truce for another two weeks.",
    ],
)
def test_a_continuation_of_the_truce_is_its_extension(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "extended"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The government called for a continuation of the truce beyond Sunday.", "proposed"),
        ("The continuation of the war threatens the whole region.", None),
        ("Fighting continued in the north despite the truce.", "violated"),
    ],
)
def test_continuation_near_misses(rules_detector: Detector, line: str, status: str | None) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    "line",
    [
        "Fighting erupted again, shattering the week-old truce.",
        "The government declared the ceasefire null and void.",
        "The truce came to an end on Friday as fighting resumed.",
        "The ceasefire was effectively dead after a week of heavy fighting.",
        "The army said it would no longer abide by the truce.",
        "Fighting resumed on Friday after the two sides failed to extend the truce.",
        "War resumes as ceasefire expires",
        "Ceasefire ends, fighting resumes in the north",
        "Rebels end ceasefire, resume attacks",
    ],
)
def test_a_truce_over_in_other_words_collapsed(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "collapsed"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The ceasefire is due to come to an end on Sunday at midnight.", "agreed"),
        ("Shelling continued on Sunday despite the ceasefire.", "violated"),
        ("Sporadic clashes tested the truce on its second day.", "violated"),
        ("Envoy urges parties to end ceasefire violations", "violated"),
        ("The mediators failed to agree on a ceasefire.", "talks"),
    ],
)
def test_ends_and_failures_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


def test_a_headline_end_with_a_date_is_no_collapse(rules_detector: Detector) -> None:
    assert line_status(rules_detector, "Truce ends Sunday at midnight, mediators say") != "collapsed"


@pytest.mark.parametrize(
    "line",
    [
        "Calm returned to the city on Wednesday, a day after the truce began.",
        "Guns fell silent across the front line as the ceasefire took effect.",
        "Ceasefire brings calm to border towns",
        "Truce largely observed on first full day",
    ],
)
def test_calm_reported_under_a_truce_is_holding(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # the agreement reported the same day wins (corpus convention 3)
        ("The two sides signed a truce on Monday, and relative calm returned to the capital.", "agreed"),
        ("The truce will take effect at midnight, the mediators said.", "agreed"),
        ("Residents hope the truce will bring calm to the city.", "proposed"),
    ],
)
def test_calm_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


# --- ceasefire status: proposals agreed with or accepted by one side only, a truce that continues, efforts and a
# headline's infinitive of seeking (issue 13, held-out classes proposed->agreed, holding->agreed, talks->agreed) ----


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Kyiv Accepts US Truce Proposal, Awaits Moscow",
            "Kyiv said on Tuesday it would take up the American offer of a month-long truce.",
        ),
        (
            "Rebels Accept Ceasefire Plan",
            "The rebels said on Monday they had accepted the mediators' plan, putting the onus on the army to answer.",
        ),
        ("Moscow Agrees With Truce Idea, Raises Questions", ""),
    ],
)
def test_one_sides_acceptance_or_agreement_with_an_idea_is_a_proposal(
    rules_detector: Detector, title: str, text: str
) -> None:
    assert _status(rules_detector, text, title) == "proposed"


@pytest.mark.parametrize(
    ("title", "text", "status"),
    [
        (
            "Both Sides Accept Ceasefire Plan",
            "The army and the rebels accepted the mediators' plan on Monday.",
            "agreed",
        ),
        ("Army and Rebels Agree to Truce", "", "agreed"),
    ],
)
def test_acceptance_by_both_sides_stays_agreed(rules_detector: Detector, title: str, text: str, status: str) -> None:
    assert _status(rules_detector, text, title) == status


@pytest.mark.parametrize(
    "line",
    [
        "Prisoners were exchanged on Saturday as the three-day truce continued.",
        "Displaced Families Go Home as Truce Continues",
    ],
)
def test_a_truce_that_continues_holds(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The envoys redoubled efforts on Tuesday to secure a truce before the start of the holiday.", "talks"),
        ("Envoy Flies to the Region to Press Truce Deal", "proposed"),
        ("Envoy Flies to the Region to Push Ceasefire Plan", "proposed"),
    ],
)
def test_efforts_and_a_headlines_infinitive_of_seeking(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The truce started at dawn on Sunday.", "agreed"),
        ("Hostages Return Home as Truce Holds", "holding"),
        ("Army and Rebels Sign Truce Deal", "agreed"),
    ],
)
def test_starts_and_headline_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


# --- fighting a truce ended is no violation of it (issue 13, held-out class agreed->violated) -----------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Border Clashes End With New Truce",
            "The two armies agreed on Tuesday to a ceasefire after three days of fighting.",
        ),
        ("Truce Ends Week of Clashes", "The army and the rebels agreed on Monday to a ceasefire."),
    ],
)
def test_fighting_the_truce_ended_leaves_it_agreed(rules_detector: Detector, title: str, text: str) -> None:
    assert _status(rules_detector, text, title) == "agreed"


@pytest.mark.parametrize(
    ("title", "text", "status"),
    [
        ("Clashes Erupt Despite Truce", "Heavy fighting broke out on Sunday in the north.", "violated"),
        ("Fighting Rages as Truce Falters", "The ceasefire agreed on Friday was faltering on Sunday.", "violated"),
        ("Truce Ends as Clashes Resume", "Fighting broke out again on Sunday in the north.", "collapsed"),
    ],
)
def test_fighting_beside_a_truce_near_misses(rules_detector: Detector, title: str, text: str, status: str) -> None:
    assert _status(rules_detector, text, title) == status


# --- a truce agreed to start later is not broken by the fighting before it (issue 13, agreed->violated) ------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Army and Rebels Sign Deal",
            "The army and the rebels signed a deal on Monday under which a ceasefire will take effect within 24 hours. "
            "Heavy fighting continued in the north on Monday.",
        ),
        (
            "Minister welcomes peace deal, concerned by continued fighting",
            "The minister welcomed the agreement signed last night, under which both parties agreed to a cessation of "
            "hostilities within 24 hours.",
        ),
    ],
)
def test_fighting_before_an_agreed_truce_starts_leaves_it_agreed(
    rules_detector: Detector, title: str, text: str
) -> None:
    assert _status(rules_detector, text, title) == "agreed"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Clashes Test Truce",
            "The ceasefire took effect on Monday. Heavy fighting continued in the north on Tuesday.",
        ),
        (
            "Fighting Continues Despite Deal",
            "The two sides agreed a ceasefire last week. Heavy fighting continued on Tuesday.",
        ),
    ],
)
def test_fighting_after_the_truce_began_violates_it(rules_detector: Detector, title: str, text: str) -> None:
    assert _status(rules_detector, text, title) == "violated"


# --- "under the plan": a term of a plan is a proposal, a term of a deal an agreement (issue 13, proposed->agreed) ---


@pytest.mark.parametrize(
    "line",
    [
        "Under the plan, a ceasefire would take effect within 48 hours of signing.",
        "Under the US peace plan, the truce would begin on Sunday.",
    ],
)
def test_a_term_of_a_plan_is_a_proposal(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "proposed"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("Under the deal, the ceasefire will take effect at midnight.", "agreed"),
        ("Under the plan agreed on Monday, the ceasefire will take effect at midnight.", "agreed"),
        ("Aid crossed into the town on Monday under the ceasefire.", "holding"),
    ],
)
def test_terms_of_a_deal_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


# --- a headline's infinitive with the signing's day is the signing set (issue 13, agreed->proposed; convention 2) ---


@pytest.mark.parametrize(
    "title",
    ["Government and Rebels to Sign Truce on Friday", "Sides to Sign Truce in Nairobi on Monday"],
)
def test_a_headlines_signing_set_for_a_day_is_agreed(rules_detector: Detector, title: str) -> None:
    assert _status(rules_detector, "", title) == "agreed"


@pytest.mark.parametrize(
    "title",
    ["Rebels to Sign Cease-Fire", "Rebels Hope to Sign Truce on Friday", "Rebels Plan to Sign Truce Next Week"],
)
def test_a_headlines_signing_without_a_day_or_only_planned_stays_proposed(rules_detector: Detector, title: str) -> None:
    assert _status(rules_detector, "", title) == "proposed"


# --- talks without result and proposals traded are the negotiation (issue 13, talks->agreed/proposed; convention 4) -


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "No Deal Yet on Truce, Negotiators Say",
            "Negotiators said on Monday that no agreement had been reached on a ceasefire.",
        ),
        (
            "Sides Exchange Proposals on Truce",
            "The two sides exchanged proposals on a ceasefire during talks on Tuesday.",
        ),
    ],
)
def test_talks_without_result_or_trading_proposals_are_talks(rules_detector: Detector, title: str, text: str) -> None:
    assert _status(rules_detector, text, title) == "talks"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The two sides reached an agreement on a ceasefire on Monday.", "agreed"),
        ("The rebels proposed a truce, and the army exchanged fire with them on Monday.", "proposed"),
    ],
)
def test_talks_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


# --- a truce intact or still in force holds (issue 13, holding->agreed/none) -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The truce appeared to be largely intact on Monday.",
        "The ceasefire remained intact despite isolated incidents.",
        "The truce is still in force, a military spokesman said.",
        "Truce Largely Intact as Talks Continue",
    ],
)
def test_a_truce_intact_or_still_in_force_holds(rules_detector: Detector, line: str) -> None:
    assert line_status(rules_detector, line) == "holding"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The ceasefire took effect on Friday and remains in force.", "holding"),
        ("The truce went into force on Monday.", "agreed"),
    ],
)
def test_intact_near_misses(rules_detector: Detector, line: str, status: str) -> None:
    assert line_status(rules_detector, line) == status


def test_a_truce_no_longer_intact_is_not_in_force(rules_detector: Detector) -> None:
    assert line_status(rules_detector, "The truce is no longer intact, the rebels said.") not in ("agreed", "holding")


@pytest.mark.parametrize(
    "text",
    [
        # An agreement named as what time is counted from was made before the news: background to a meeting.
        "The ministers reviewed the progress made since they signed the trade accord in the spring.",
        "In the years since the peace accord was signed, the two capitals have opened consulates.",
        "Trade between the neighbours has grown since both governments agreed to cut tariffs.",
    ],
)
def test_an_agreement_counted_from_is_no_agreement(rules_detector: Detector, text: str) -> None:
    assert "agreement" not in _types(rules_detector, text, "Ministers meet in the capital")


def test_an_agreement_signed_today_is_still_one_with_since_after_it(rules_detector: Detector) -> None:
    text = "The two ministers signed the trade accord this morning, the first since the border reopened."
    assert "agreement" in _types(rules_detector, text, "Ministers meet in the capital")


# --- ceasefire status, issue 13 (cfs batch): a truce that has not held, offers to keep one, calls to keep one
# beside fighting, a breach now of a truce dated earlier, building on a truce ---------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The truce the two militias signed in the spring has not held, and villages near the river were shelled again.",
        "Officials conceded that the cessation of hostilities did not hold beyond its second night.",
        "The ceasefire hasn't been respected by either faction.",
        "A local truce in the valley failed to hold as gunmen attacked a checkpoint.",
    ],
)
def test_a_truce_that_has_not_held_is_violated(rules_detector: Detector, line: str) -> None:
    assert _status(rules_detector, line) == "violated"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        # the negated verb holds something else: no violation
        ("The rebels said they have not held talks on a ceasefire with the army.", None),
        ("The envoy did not hold a meeting on the truce this week, but the ceasefire remains in force.", "holding"),
    ],
)
def test_not_held_near_misses(rules_detector: Detector, line: str, status: str | None) -> None:
    assert _status(rules_detector, line) == status


@pytest.mark.parametrize(
    "line",
    [
        "The movement expressed its readiness to abide by an immediate cessation of hostilities.",
        "The council welcomed the militia's willingness to observe a ceasefire during the harvest.",
    ],
)
def test_readiness_to_keep_a_truce_is_an_offer(rules_detector: Detector, line: str) -> None:
    assert _status(rules_detector, line) == "proposed"


def test_a_call_to_keep_a_truce_beside_fighting_is_a_violation(rules_detector: Detector) -> None:
    text = (
        "Heavy shelling hit the outskirts of the port city on Monday and gunmen attacked an army convoy. "
        "All sides need to fully respect the truce they agreed to and refrain from further military action."
    )
    assert _status(rules_detector, text) == "violated"


def test_a_call_to_keep_a_truce_without_fighting_stays_as_before(rules_detector: Detector) -> None:
    # no fighting reported: the call keeps the reading it had (a truce asked for)
    assert _status(rules_detector, "All sides need to fully respect the truce they agreed to.") == "proposed"


def test_a_call_to_keep_a_truce_is_a_flag_of_its_reading_not_a_wording() -> None:
    # The reading says it is a call to keep the truce as data; the decision reads the flag, whatever the cue's words.
    doc = build_doc("", "Both parties must respect the truce they signed in the spring.")
    (reading,) = events._ceasefire_readings(doc.sentences[0], named=False, background=False)
    assert reading.status == "proposed" and reading.keep_called
    assert events._kept_truce_called([reading])
    assert events._kept_truce_called([replace(reading, cue="reworded: a plea to honour the truce")])
    assert not events._kept_truce_called([replace(reading, keep_called=False)])
    offer = build_doc("", "Both parties may sign a truce in the spring.")
    (offered,) = events._ceasefire_readings(offer.sentences[0], named=False, background=False)
    assert offered.status == "proposed" and not offered.keep_called


def test_an_offer_to_keep_a_truce_beside_fighting_stays_an_offer(rules_detector: Detector) -> None:
    text = (
        "Drone strikes hit the regional capital on Tuesday and shelling killed villagers in the hills. "
        "The rebel council announced its readiness to abide by an immediate cessation of hostilities."
    )
    assert _status(rules_detector, text) == "proposed"


@pytest.mark.parametrize(
    "line",
    [
        "The renewed clashes in the capital are a serious breach of the ceasefire brokered by the mediators in March.",
        "Monitors listed continuing violations of the truce signed last year along the front.",
    ],
)
def test_a_breach_now_of_a_truce_agreed_earlier_is_violated(rules_detector: Detector, line: str) -> None:
    assert _status(rules_detector, line) == "violated"


def test_a_past_breach_of_an_old_truce_is_history(rules_detector: Detector) -> None:
    text = "The 1994 ceasefire was breached many times in the following decade."
    assert _status(rules_detector, text) != "violated"


@pytest.mark.parametrize(
    "line",
    [
        "We must now build on the momentum of the ceasefire.",
        "The parties should consolidate the truce and reopen the crossings.",
        "Diplomats want to build on the success of the truce to start political talks.",
    ],
)
def test_building_on_a_truce_takes_it_as_in_force(rules_detector: Detector, line: str) -> None:
    assert _status(rules_detector, line) == "holding"


def test_building_on_truce_talks_is_talks(rules_detector: Detector) -> None:
    assert _status(rules_detector, "The envoy urged the sides to build on the ceasefire talks.") == "talks"


# --- talks dated ahead later in their clause, and agreements still to be signed (issue 13) -----------


@pytest.mark.parametrize(
    "line",
    [
        "The minister welcomed the resumption of border talks between the two capitals next week.",
        "Negotiations between the delegations on prisoner releases will be resumed next month in Doha.",
        "Mediators said direct talks between the army and the militia are expected in Nairobi tomorrow.",
        "Border Talks to Resume in Geneva",
    ],
)
def test_talks_dated_ahead_in_their_clause_are_not_held(rules_detector: Detector, line: str) -> None:
    assert "talks" not in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "The two foreign ministers held talks in Ankara on Monday and will meet again next week.",
        "The French and German defence ministers met in Brussels today and discussed a summit due next month.",
        "Envoys of the government and the rebels held talks in Nairobi on the exchange of prisoners.",
    ],
)
def test_talks_held_stay_talks_beside_a_later_date(rules_detector: Detector, line: str) -> None:
    assert "talks" in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "Mediators say both armies have agreed in principle to a cease-fire, to be signed at a later session.",
        "The embassy welcomed word that negotiators had reached a provisional agreement on the wording of the accord.",
        "Clan militias returned to the town under a preliminary truce deal struck after weeks of fighting.",
    ],
)
def test_agreements_in_principle_or_provisional_are_not_yet_made(rules_detector: Detector, line: str) -> None:
    assert "agreement" not in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "The government and the rebel movement signed a peace agreement in Addis Ababa on Tuesday.",
        "The two states agreed to exchange prisoners of war at the border crossing on Friday.",
        "The government of Chad and the largest rebel movement have agreed in principle to sign a power-sharing accord.",
    ],
)
def test_agreements_made_stay_agreements(rules_detector: Detector, line: str) -> None:
    assert "agreement" in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        "Two years ago, the president and the rebel leader signed a peace agreement in Arusha, but fighting went on.",
        "The mediators urged both sides to honour the steps of the March 3 Lusaka accords signed by the two presidents.",
        "Last year the two governments agreed to reopen the border crossing, officials recalled on Monday.",
        "A month ago the two governments agreed to reopen the border crossing, officials recalled on Monday.",
    ],
)
def test_agreements_dated_before_in_their_clause_are_background(rules_detector: Detector, line: str) -> None:
    assert "agreement" not in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    ("line", "made"),
    [
        # Dated weeks back after the verb, as "last month" after it was: background.
        ("The army and the militia signed a peace agreement in the capital a month ago, but raids went on.", False),
        ("The two governments agreed to reopen the border crossing three weeks ago, officials recalled.", False),
        ("The army and the militia signed a peace agreement in the capital last month, but raids went on.", False),
        # Days back, as a weekday, and undated: the news.
        ("The army and the militia signed a peace agreement in the capital two days ago, the envoy said.", True),
        ("The army and the militia signed a peace agreement in the capital on Tuesday, but raids went on.", True),
    ],
)
def test_agreements_dated_weeks_back_after_the_verb_are_background(
    rules_detector: Detector, line: str, made: bool
) -> None:
    assert ("agreement" in _line_types(rules_detector, line)) is made


@pytest.mark.parametrize(
    "line",
    [
        "The rebel commander said his fighters were willing to join peace talks if the army withdrew first.",
        "A spokesman said the movement remained open to negotiations with the government but would not disarm.",
        "The president offered talks to the opposition on condition that the strikes end.",
    ],
)
def test_a_stance_on_talks_is_no_talks_held(rules_detector: Detector, line: str) -> None:
    assert "talks" not in _line_types(rules_detector, line)


# --- fighting told as going on now, in the present: "fighting continues", "forces continue to battle" ------------


@pytest.mark.parametrize(
    "line",
    [
        "The two armies signed a framework accord in the capital, but fighting continues along the northern border.",
        "Envoys say the militia has accepted the mediators' plan, although fighting still continues near the port.",
        "Sporadic fighting is still continuing on the outskirts of the provincial capital, residents said.",
        "Talks in the neighbouring capital have stalled while government troops and the rebels continue to battle "
        "for the river crossing.",
        "The peace conference opened on Monday as militias in the south continue to fight over the oil fields.",
        "Aid agencies warned that civilians are trapped as the fighting goes on in the old city.",
    ],
)
def test_fighting_going_on_now_is_a_clash(rules_detector: Detector, line: str) -> None:
    assert "clash" in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    "line",
    [
        # Fighting that goes on falling is the truce's effect, not fighting reported.
        "Since the truce took effect, the fighting continues to ease across the province.",
        # Violence going on may be crime as much as war (the corpus leaves it without a clash).
        "Violence continues in two districts of the capital as the talks open in the neighbouring state.",
        # A resolve, a fire, a hypothesis, a denial, fighting to be ended: no fighting reported.
        "We must continue to fight against terrorism and those who support it, the minister said.",
        "Firefighters continue to battle the blaze in the hills above the city.",
        "If the fighting continues, the aid convoys will not be able to reach the valley.",
        "Officials insisted that no fighting is going on in the town.",
        "The envoy called for an end to the fighting going on in the north.",
    ],
)
def test_near_misses_of_fighting_going_on_stay_without_a_clash(rules_detector: Detector, line: str) -> None:
    assert "clash" not in _line_types(rules_detector, line)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A deal just signed or accepted while the fighting has not stopped yet: the truce stays agreed.
        ("The army and the rebels signed a cease-fire on Monday, although fighting continues in the east.", "agreed"),
        ("Both warring states have accepted the truce plan in principle, but fighting continues.", "agreed"),
        # A truce in force with some fighting still going on stays in force (as 'largely holding').
        ("The cease-fire is largely holding, but some fighting is continuing in the hills.", "holding"),
        # Near miss: fighting reported in the past tense after the truce began still breaks it.
        ("The cease-fire took effect on Monday. Heavy fighting continued in the north on Tuesday.", "violated"),
    ],
)
def test_fighting_going_on_beside_a_deal_leaves_its_status(rules_detector: Detector, text: str, status: str) -> None:
    assert _status(rules_detector, text) == status
    assert "clash" in _types(rules_detector, text)
