"""Event classes of feed items (issue 13): the language of a headline and its one-line teaser.

Each test writes its own headlines and teasers for one class, beside near misses that keep their reading.
"""

from __future__ import annotations

import pytest

from bot.detect import Detector


def _types(rules_detector: Detector, title: str, text: str = "") -> set[str]:
    return {e.type for e in rules_detector.detect(title, text).events}


# --- talks: one official "told" another state's office-holder -------------------------------------------


@pytest.mark.parametrize(
    "title, text, talks",
    [
        (
            "Ankara wants calm in the Caucasus: Erdogan",
            "ANKARA (Agency) - President Recep Tayyip Erdogan told Azerbaijan's prime minister on Tuesday that Turkey "
            "wanted the border dispute settled by diplomacy.",
            True,
        ),
        (
            "Delhi and Dhaka must fight terrorism together",
            "NEW DELHI - India's home minister told Bangladesh's visiting foreign minister that both countries had a "
            "duty to act against armed groups on their border.",
            True,
        ),
        ("Lavrov tells his Turkish counterpart Moscow wants grain deal extended", "", True),
        # Near misses: reporters, a domestic office, an audience told something.
        (
            "Minister told reporters Turkey wanted calm",
            "The minister told reporters in Ankara that it was calm.",
            False,
        ),
        ("Finance minister told the prime minister of budget gap", "", False),
        ("Erdogan tells party congress Turkey will not back down", "", False),
    ],
)
def test_an_official_telling_another_states_office_holder_is_talks(
    rules_detector: Detector, title: str, text: str, talks: bool
) -> None:
    assert ("talks" in _types(rules_detector, title, text)) is talks


# --- talks: someone kept out of a summit or talks ---------------------------------------------------


@pytest.mark.parametrize(
    "title, talks",
    [
        ("Belarus angry over president's exclusion from EU-Africa summit", False),
        ("Taliban barred from UN talks on Afghanistan in Doha", False),
        ("Venezuela not invited to Americas summit, Caracas protests", False),
        # Near misses: talks held, a summit that took place without a named party.
        ("Taliban envoys hold talks with UN officials in Doha", True),
        ("EU and African Union leaders meet at Brussels summit", True),
    ],
)
def test_someone_kept_out_of_talks_is_no_talks(rules_detector: Detector, title: str, talks: bool) -> None:
    assert ("talks" in _types(rules_detector, title)) is talks


# --- agreement: a deal that talks or a call are about ------------------------------------------------


@pytest.mark.parametrize(
    "title, text, agreement",
    [
        (
            "EU, India trade officials hold 'productive' call",
            "Senior EU and Indian trade officials held productive discussions by video link on a free trade agreement "
            "between the two sides, the European Commission announced on Friday.",
            False,
        ),
        (
            "Serbia, Kosovo envoys meet in Brussels",
            "Negotiators from Serbia and Kosovo held talks in Brussels on Thursday about a normalisation agreement "
            "that the EU announced last year.",
            False,
        ),
        # Near misses: a deal signed, a deal reached after talks.
        (
            "EU, India sign trade pact",
            "The EU and India signed a free trade agreement in New Delhi on Friday, the European Commission announced.",
            True,
        ),
        (
            "Serbia, Kosovo reach deal in Brussels",
            "Serbia and Kosovo reached an agreement on licence plates after talks in Brussels on Thursday.",
            True,
        ),
    ],
)
def test_a_deal_under_discussion_is_no_agreement(
    rules_detector: Detector, title: str, text: str, agreement: bool
) -> None:
    assert ("agreement" in _types(rules_detector, title, text)) is agreement


# --- clash: strikes that kill or answer an attack are armed ones ------------------------------------------


@pytest.mark.parametrize(
    "title, text, clash",
    [
        (
            "War at sea squeezes Black Sea shipping",
            "The deadly strikes on the port are part of a months-long fight for the sea lanes.",
            True,
        ),
        ("Pentagon confirms retaliatory strikes in Syria", "", True),
        # Near misses: labour strikes, a strike threatened.
        ("Dock workers stage strikes at Black Sea ports", "Unions called strikes over pay at three ports.", False),
        ("Tehran warns of retaliation", "Officials said any strikes on Iran would be answered.", False),
    ],
)
def test_deadly_and_retaliatory_strikes_are_fighting(
    rules_detector: Detector, title: str, text: str, clash: bool
) -> None:
    assert ("clash" in _types(rules_detector, title, text)) is clash


# --- clash: fighting named as what a measure answers, or as what time is counted from -----------------------


@pytest.mark.parametrize(
    "title, text, clash",
    [
        ("", "Canada imposed new sanctions on Thursday on Moscow over its invasion of Georgia.", False),
        ("", "Brussels adopted sanctions on Minsk in response to the invasion of its neighbour.", False),
        (
            "",
            "Ukrainians marked three years since Moscow launched its full-scale invasion with a minute of silence.",
            False,
        ),
        ("", "Kyiv held a vigil on the first anniversary of the invasion.", False),
        ("Memorial service held 20 years after the embassy bombings", "Survivors spoke at the ceremony.", False),
        ("", "A decade after the market bombing, the square has been rebuilt with a library.", False),
        ("", "Twenty years on from the siege of the old town, a new school opened its doors.", False),
        ("Survivors remember the ferry port bombing", "", False),
        ("", "The town commemorated the victims of the 2004 siege with a march on Sunday.", False),
        ("Troops shell border villages as families remember the fallen", "", True),
        # Near misses: fighting reported beside sanctions, or in the same sentence as a date.
        ("", "Russian artillery shelled Kharkiv on Thursday as Canada imposed new sanctions on Moscow.", True),
        ("", "Heavy fighting broke out in the east on Monday, two months after the invasion began.", True),
        ("", "Two years after the invasion, troops shelled the port city on Tuesday.", True),
        ("", "Days after the market bombing, a second bombing hit the same street on Friday.", True),
    ],
)
def test_fighting_a_measure_answers_or_time_counts_from_is_not_reported(
    rules_detector: Detector, title: str, text: str, clash: bool
) -> None:
    assert ("clash" in _types(rules_detector, title, text)) is clash


# --- sanctions: the gerund ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, text, sanctions",
    [
        ("Canada joins Britain in sanctioning Belarusian officials", "", True),
        ("", "The Australian government says it is sanctioning six Iranian officials over the crackdown.", True),
        # Near misses: the sense of approving, sanctions only discussed.
        ("", "The council voted on a resolution sanctioning the use of force against the pirates.", False),
        ("", "Ministers are discussing sanctioning the oil sector next month.", False),
    ],
)
def test_sanctioning_in_the_gerund_imposes_sanctions(
    rules_detector: Detector, title: str, text: str, sanctions: bool
) -> None:
    assert ("sanctions" in _types(rules_detector, title, text)) is sanctions


# --- talks: a meeting or a call in headline grammar -------------------------------------------------------


@pytest.mark.parametrize(
    "title, talks",
    [
        ("Sisi receives Sudanese foreign minister in Cairo", True),
        ("Ramaphosa hosts visiting Kenyan delegation", True),
        ("Modi, Albanese discuss trade and security", True),
        ("Kishida discusses Ukraine with Italian premier", True),
        ("Lula, Macron speak by phone on Amazon", True),
        ("Sunak holds call with Zelensky", True),
        # One side calls, phones or speaks with a watched official or another state's office-holder.
        ("UK PM calls Zelensky", True),
        ("Trump phones Xi over tariffs", True),
        ("Erdogan speaks to Putin", True),
        ("Macron speaks with Saudi crown prince on Gaza", True),
        ("Blinken speaks by phone with Lavrov", True),
        # Near misses: a call for something, a name called, an audience spoken to.
        ("Pope calls for calm in Gaza", False),
        ("Senator calls Putin a killer", False),
        ("Zelensky speaks to reporters in Kyiv", False),
        # Near misses: an award received, a festival hosted, officials of one body, a discussion still ahead.
        ("Veteran diplomat receives lifetime award", False),
        ("Capital hosts jazz festival", False),
        ("Central bank officials discuss rate path", False),
        ("Leaders to discuss trade at next month's summit", False),
    ],
)
def test_a_meeting_or_call_in_headline_grammar_is_talks(rules_detector: Detector, title: str, talks: bool) -> None:
    assert ("talks" in _types(rules_detector, title)) is talks


# --- clash: fighting dated "this year" right after its name is an earlier event -------------------------------


@pytest.mark.parametrize(
    "title, text, clash",
    [
        (
            "Former general sworn in as president",
            "The new president promised to restore order after the Pentecost bombings this year shook the capital.",
            False,
        ),
        ("", "Voters backed the hard-liner following clashes this spring on the northern border.", False),
        # Near misses: the day's fighting, and fighting this year that is still under way.
        ("", "Heavy clashes broke out on the northern border on Sunday, the army said.", True),
        ("", "Heavy fighting raged this week on the northern border, the army said.", True),
    ],
)
def test_fighting_dated_this_year_is_background(rules_detector: Detector, title: str, text: str, clash: bool) -> None:
    assert ("clash" in _types(rules_detector, title, text)) is clash


# --- talks: meeting the culprit of a crime or an attack is no talks ------------------------------------------


@pytest.mark.parametrize(
    "title, text, talks",
    [
        (
            "Paris attack: 'witness' says he rented the van to the attacker",
            "A French car-hire clerk questioned by police in the investigation of the deadliest attack in modern French"
            " history said he had met the attacker twice and rented him the van.",
            False,
        ),
        ("", "A Canadian neighbour told police she met the suspect only once, months before the bombing.", False),
        # Near miss: officials who met.
        ("", "The French interior minister met the Belgian prime minister in Brussels on Monday.", True),
    ],
)
def test_meeting_the_culprit_is_no_talks(rules_detector: Detector, title: str, text: str, talks: bool) -> None:
    assert ("talks" in _types(rules_detector, title, text)) is talks


# --- fighting: weapons launched or fired at a target, in headline grammar -------------------------------


@pytest.mark.parametrize(
    "title, clash",
    [
        ("Tehran launches ballistic missiles at American air base in the Gulf", True),
        ("Militia fires rockets into border towns as tension mounts", True),
        ("Moscow fires barrage of drones toward Odesa port", True),
        ("Rebels launched mortar rounds against army positions", True),
        # A test into the sea, a threat or plan in the infinitive, a negation, and rockets that carry satellites.
        ("Pyongyang fires two ballistic missiles into the sea off its east coast", False),
        ("Tehran threatens to fire missiles at American bases in the Gulf", False),
        ("Army denies it fired shells at the hospital", False),
        ("Space agency launches weather satellite into orbit on new rocket", False),
    ],
)
def test_weapons_launched_at_a_target_in_a_headline_are_fighting(
    rules_detector: Detector, title: str, clash: bool
) -> None:
    assert ("clash" in _types(rules_detector, title)) is clash
