"""Story identity is event identity: the merge rules a user expects, on short articles run through the detector.

Two reports are one story when they report the same event: the same kind of event, the same parties,
compatible specifics (figures, the event's date), within the window. Recurring titles and datelines count
for nothing, and a story never grows by chaining weak links.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.detect import Detector
from bot.stories.cluster import (
    StoryDoc,
    StoryIndex,
    cluster,
    cluster_index,
    is_format_title,
    lead_text,
    names_of,
    portfolio_words,
    reference_places,
    stated_date,
    strip_dateline,
)

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.fixture
def doc(detector: Detector):  # type: ignore[no-untyped-def]
    def make(article_id: str, title: str, text: str, published: datetime | None) -> StoryDoc:
        return StoryDoc(article_id, title, text, published, detector.detect(title, text))

    return make


def test_the_same_ceasefire_announced_by_two_governments_a_day_apart_is_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    yerevan = doc(
        "am",
        "Armenia and Azerbaijan agree ceasefire along the border",
        "YEREVAN, Nov. 24 (Armenpress) - Armenia and Azerbaijan agreed a ceasefire along their border from "
        "midnight, Armenian Foreign Minister Ararat Mirzoyan said on Tuesday after talks with Azerbaijani "
        "Foreign Minister Jeyhun Bayramov in Geneva. The truce follows two days of clashes in which 49 "
        "soldiers were killed.",
        T0,
    )
    baku = doc(
        "az",
        "Azerbaijan confirms truce with Armenia after Geneva talks",
        "Azerbaijan's foreign ministry confirmed on Wednesday the ceasefire with Armenia agreed in Geneva. "
        "Foreign Minister Jeyhun Bayramov said the truce agreed with his Armenian counterpart Ararat Mirzoyan "
        "was holding along the border and that both sides would meet again.",
        T0 + timedelta(hours=26),
    )
    assert len(set(cluster([yerevan, baku]))) == 1


def test_the_same_official_with_another_counterpart_is_another_story(doc) -> None:  # type: ignore[no-untyped-def]
    armenia = doc(
        "am",
        "Blinken meets Armenian Foreign Minister in Washington",
        "Secretary of State Antony Blinken met Armenian Foreign Minister Ararat Mirzoyan in Washington on "
        "Tuesday. They discussed the peace process, regional security and the importance of dialogue.",
        T0,
    )
    china = doc(
        "cn",
        "Blinken meets Chinese Foreign Minister in Washington",
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Washington on Tuesday. "
        "They discussed regional security, the importance of dialogue and the peace process.",
        T0 + timedelta(hours=3),
    )
    assert len(set(cluster([armenia, china]))) == 2


def test_bombings_in_the_same_country_with_other_tolls_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    thursday = doc(
        "b1",
        "Car bombs kill 15 in Baghdad",
        "At least 15 people were killed when three car bombs exploded in a commercial district of Baghdad, "
        "Iraqi police said. No group claimed responsibility for the attack.",
        None,
    )
    sunday = doc(
        "b2",
        "Bomb blast kills 22 at Baghdad cafe",
        "At least 22 people were killed when a suicide bomber blew himself up in a Baghdad cafe, Iraqi "
        "police said. No group claimed responsibility for the attack.",
        None,
    )
    assert len(set(cluster([thursday, sunday]))) == 2


def test_a_toll_that_rises_over_days_stays_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    first = doc(
        "w1",
        "Gunmen storm Nairobi shopping mall, 30 dead",
        "Gunmen stormed the Westgate shopping mall in Nairobi, Kenya, on Saturday, killing at least 30 "
        "people, Kenyan police said. Security forces surrounded the mall.",
        T0,
    )
    later = doc(
        "w2",
        "Nairobi mall siege: death toll rises to 67",
        "The death toll from the siege of the Westgate shopping mall in Nairobi rose to 67 on Monday, "
        "Kenya's interior minister said, as security forces cleared the mall.",
        T0 + timedelta(hours=48),
    )
    assert len(set(cluster([first, later]))) == 1


def test_a_recurring_title_about_another_call_is_another_story(doc) -> None:  # type: ignore[no-untyped-def]
    syria = doc(
        "k1",
        "Telephone conversation with US President Barack Obama",
        "Vladimir Putin had a telephone conversation with President of the United States Barack Obama. "
        "They discussed the situation in Syria, the ceasefire around Aleppo and humanitarian deliveries.",
        T0,
    )
    ukraine = doc(
        "k2",
        "Telephone conversation with US President Barack Obama",
        "Vladimir Putin had a telephone conversation with President of the United States Barack Obama. "
        "They discussed the crisis in Ukraine, the Minsk agreements and the exchange of prisoners in Donbass.",
        T0 + timedelta(hours=30),
    )
    assert is_format_title(syria.title)
    assert len(set(cluster([syria, ukraine]))) == 2


def test_datelines_of_one_agency_do_not_join_its_reports(doc) -> None:  # type: ignore[no-untyped-def]
    a = doc(
        "m1",
        "Iran, Iraq discuss border trade",
        "TEHRAN, Aug. 11 (MNA) - Iranian and Iraqi officials met in Tehran on Monday to discuss border trade and "
        "customs cooperation between the two countries.",
        T0,
    )
    b = doc(
        "m2",
        "Iran condemns sanctions on its oil exports",
        "TEHRAN, Aug. 11 (MNA) - Iran's foreign ministry condemned new sanctions on its oil exports on Monday, "
        "calling them illegal and a violation of international law.",
        T0 + timedelta(hours=1),
    )
    assert strip_dateline(a.text).startswith("Iranian and Iraqi officials")
    assert len(set(cluster([a, b]))) == 2


def test_reports_of_one_conflicts_ceasefire_years_apart_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    old = doc(
        "s1",
        "Sudan government and rebels extend ceasefire",
        "The Sudanese government and rebels of the SPLA agreed on November 28, 2003 to extend their ceasefire in "
        "southern Sudan by two months, mediators in Naivasha said.",
        None,
    )
    new = doc(
        "s2",
        "Sudan government and rebels extend ceasefire",
        "The Sudanese government and SPLA rebels agreed on October 10, 2005 to extend the ceasefire in southern "
        "Sudan by two months, mediators in Naivasha said.",
        None,
    )
    assert stated_date(old.text) == datetime(2003, 11, 28, tzinfo=UTC)
    assert len(set(cluster([old, new]))) == 2


def test_a_story_never_grows_by_chaining_links_beyond_the_window(doc) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Armenia and Azerbaijan agreed a ceasefire along their border, Armenian Foreign Minister Ararat Mirzoyan "
        "and Azerbaijani Foreign Minister Jeyhun Bayramov said after talks in Geneva."
    )
    index = StoryIndex(window=timedelta(hours=72))
    first = index.add(doc("c1", "Armenia, Azerbaijan agree border ceasefire", text, T0))
    assert (
        index.add(doc("c2", "Armenia and Azerbaijan agree ceasefire in Geneva", text, T0 + timedelta(hours=40)))
        == first
    )
    # Within the window of the second report, but 80 hours after the first: not the same story.
    assert (
        index.add(doc("c3", "Armenia and Azerbaijan ceasefire agreed in Geneva", text, T0 + timedelta(hours=80)))
        != first
    )


def test_a_story_never_grows_by_chaining_weak_links(doc) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex()
    talks = index.add(
        doc(
            "t1",
            "Blinken and Mirzoyan discuss peace treaty in Washington",
            "Secretary of State Antony Blinken met Armenian Foreign Minister Ararat Mirzoyan in Washington "
            "on Tuesday to discuss the peace treaty with Azerbaijan.",
            T0,
        )
    )
    trilateral = index.add(
        doc(
            "t2",
            "Blinken hosts Armenian and Azerbaijani ministers in Washington",
            "Secretary of State Antony Blinken hosted Armenian Foreign Minister Ararat Mirzoyan and "
            "Azerbaijani Foreign Minister Jeyhun Bayramov in Washington on Tuesday to discuss the "
            "peace treaty.",
            T0 + timedelta(hours=2),
        )
    )
    assert trilateral == talks
    # Linked to the second report only (Bayramov, Azerbaijan), and about another counterpart than the first.
    baku = index.add(
        doc(
            "t3",
            "Bayramov and Erdogan discuss Washington talks in Ankara",
            "Azerbaijani Foreign Minister Jeyhun Bayramov met Turkish President Recep Tayyip Erdogan in "
            "Ankara on Wednesday and briefed him on the Washington talks on the peace treaty.",
            T0 + timedelta(hours=24),
        )
    )
    assert baku != talks


def test_an_air_strike_and_an_insurgent_attack_in_one_country_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    strike = doc(
        "a1",
        "NATO air strike hits compound in Helmand",
        "A NATO air strike hit a compound in Afghanistan's southern Helmand province on Tuesday, killing "
        "several people, Afghan officials said. NATO said it was investigating the strike.",
        T0,
    )
    attack = doc(
        "a2",
        "Taliban attack police checkpoint in Kandahar",
        "Taliban insurgents attacked a police checkpoint in Afghanistan's Kandahar province on Tuesday, "
        "killing several officers, Afghan officials said. The Taliban claimed the attack.",
        T0 + timedelta(hours=4),
    )
    assert len(set(cluster([strike, attack]))) == 2


def test_the_same_parties_on_other_subjects_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    unity = doc(
        "p1",
        "Iran and Pakistan must lead Islamic unity, says speaker",
        "TEHRAN, Aug. 12 (MNA) - Iran's parliament speaker told a visiting Pakistani delegation that Iran and "
        "Pakistan must lead the unity of the Islamic world against division and extremism.",
        T0,
    )
    mediation = doc(
        "p2",
        "Pakistan working to bring US and Iran to the negotiating table",
        "TEHRAN, Aug. 12 (MNA) - Pakistan is working to bring the United States and Iran back to the "
        "negotiating table over the nuclear programme, Pakistan's ambassador to Tehran said.",
        T0 + timedelta(hours=5),
    )
    assert len(set(cluster([unity, mediation]))) == 2


def test_what_a_headline_and_lead_say_of_the_event() -> None:
    from bot.stories.cluster import contact_mode, day_months, is_retrospect

    assert day_months("On Wednesday 8 April, Saudi Arabia announced a ceasefire") == {(4, 8)}
    assert day_months("on August 1st and on 31 April") == {(8, 1)}  # no such day as 31 April
    assert day_months("on September 25, 2013") == frozenset()  # a full date is a date, not a day of any year
    assert contact_mode("PM call with President Putin") == "call"
    assert contact_mode("Blinken meets Chinese Foreign Minister in Washington") == "meeting"
    assert contact_mode("Armenia and Azerbaijan agree ceasefire") is None
    assert is_retrospect("One year ago today, a suicide bomber killed seven Americans")
    assert not is_retrospect("A suicide bomber killed seven Americans on Wednesday")


def test_a_call_is_told_from_a_summit_meeting_by_the_readouts_second_line(doc) -> None:  # type: ignore[no-untyped-def]
    summit = doc(
        "m1",
        "PM and President Putin hold bilateral talks at G20 Summit in Turkey",
        "The Prime Minister met Russian President Vladimir Putin for talks focussing on terrorism, Syria and the "
        "UK-Russian relationship.\nA Downing Street spokesperson said:\nThe Prime Minister met Russian President "
        "Vladimir Putin today for an hour in the margins of the G20 Summit in Antalya. They discussed the Vienna "
        "process on Syria.",
        None,
    )
    call = doc(
        "c1",
        "UK PM David Cameron spoke with Russian President Putin about Syria",
        "Prime Minister David Cameron spoke with President Putin about the situation in Syria.\nA Downing Street "
        "spokesperson said:\nThe Prime Minister called the President of Russia, Vladimir Putin, this morning to "
        "discuss the situation in Syria, the air strikes on Daesh and the Vienna process.",
        T0,
    )
    kremlin = doc(
        "m2",
        "Meeting with British Prime Minister David Cameron",
        "Vladimir Putin met with Prime Minister of the United Kingdom David Cameron on the sidelines of the G20 "
        "summit. The leaders discussed the Vienna talks on Syria and relations between Russia and Britain.",
        T0,
    )
    # The meeting's country is its venue, not a party: the Kremlin's report of it need not name Turkey.
    assert len(set(cluster([summit, kremlin]))) == 1
    # The readout says "spoke with", then "called the President": a call, not the summit meeting.
    assert len(set(cluster([summit, call]))) == 2


def test_an_article_is_dated_by_the_date_at_its_top_not_a_later_date_further_down() -> None:
    text = (
        "KABUL, March 3, 2014 - A suicide bomber killed 12 people at a checkpoint in Kabul on Monday, police said.\n"
        + "Officials gave no further details of the attack. " * 12
        + "\nThe government promised an inquiry, whose report is due by December 1, 2014."
    )
    assert stated_date(text) == datetime(2014, 3, 3, tzinfo=UTC)
    # Without a date near the top, the latest date written further down still dates the page.
    assert stated_date("Officials met. " * 50 + "On June 2, 2015 and on June 9, 2015 they met again.") == datetime(
        2015, 6, 9, tzinfo=UTC
    )


def test_an_undated_page_with_no_event_never_joins_on_wording_alone(doc) -> None:  # type: ignore[no-untyped-def]
    report = doc(
        "r1",
        "Ukraine opens war crimes inquiry into mass graves found in Izium",
        "Ukrainian prosecutors opened a war crimes investigation into mass graves found in the forest outside "
        "Izium, Prosecutor General Andriy Kostin said, after investigators began exhuming the remains of "
        "civilians buried there.",
        T0,
    )
    explainer = (
        "Izium mass graves: what investigators are looking for",
        "Investigators exhuming the mass graves found in the forest outside Izium are looking for evidence of "
        "war crimes, Prosecutor General Andriy Kostin said. Ukrainian prosecutors want to identify the civilians "
        "buried there.",
    )
    # The detector finds no event in either: the wording is all they share. Without a date nothing says when the
    # page was written; with one, the same words on the same day are the same story.
    assert not report.detection.events
    assert len(set(cluster([report, doc("e1", *explainer, None)]))) == 2
    assert len(set(cluster([report, doc("e1", *explainer, T0 + timedelta(hours=2))]))) == 1


def test_an_undated_page_that_fits_two_occurrences_joins_neither(doc) -> None:  # type: ignore[no-untyped-def]
    welcome = doc(
        "y0",
        "Foreign Secretary welcomes extension of Yemen truce",
        "The Foreign Secretary said: I welcome the agreement of the parties to extend the UN-brokered truce in Yemen "
        "by two months. The truce has brought relief to the people of Yemen. I urge the Houthis and the Government "
        "of Yemen to engage with the UN Special Envoy Hans Grundberg.",
        None,
    )
    june = doc(
        "y1",
        "UN envoy announces two-month extension of truce in Yemen",
        "UN Special Envoy for Yemen Hans Grundberg announced that the parties had agreed to extend the truce in "
        "Yemen for another two months, under the same terms. The Houthis and the Government of Yemen agreed to the "
        "extension on Thursday.",
        datetime(2022, 6, 2, tzinfo=UTC),
    )
    august = doc(
        "y2",
        "Yemen parties agree to extend truce again",
        "The Houthis and the Government of Yemen agreed to extend the UN-brokered truce in Yemen for a further two "
        "months, UN Special Envoy Hans Grundberg said on Tuesday, expanding it for the second time.",
        datetime(2022, 8, 2, tzinfo=UTC),
    )
    # With one extension in view the page joins it; with two, nothing in it says which one it welcomes.
    assert len(set(cluster([june, welcome]))) == 1
    assert len(set(cluster([june, august, welcome]))) == 3


def test_a_date_that_starts_a_period_further_down_does_not_date_the_page() -> None:
    body = "Officials gave no further details of the attack. " * 14
    # "Since ... September 11, 2001" says when a period began: the page was written after it, not on it.
    assert stated_date(body + "Since our country was attacked on September 11, 2001, you have served.") is None
    assert stated_date(body + "The mission will stay until May 3, 2016.") is None
    # A date that reports something stays the page's own date.
    assert stated_date(body + "The attack on June 2, 2015 killed eight.") == datetime(2015, 6, 2, tzinfo=UTC)


def test_an_undated_page_joins_the_attack_it_names_by_its_place_and_toll(doc) -> None:  # type: ignore[no-untyped-def]
    report = doc(
        "r1",
        "Suicide bomber kills 8 Americans at base in Khost",
        "A suicide bomber killed eight Americans at Forward Operating Base Chapman in Khost province, eastern "
        "Afghanistan, on Wednesday, officials said. The Taliban claimed the attack on the base near the border with "
        "Pakistan.",
        T0,
    )
    message = (
        "Message from the President to the workforce",
        "Earlier this morning, the President sent this message in relation to yesterday's attack in Khost "
        "Province: Yesterday, seven Americans gave their lives in service to their country. Our thoughts and "
        "prayers are with their families and colleagues.",
    )
    # Undated, with little wording in common: the rare place and the toll (seven, eight in the first reports)
    # name the attack.
    assert len(set(cluster([report, doc("m1", *message, None)]))) == 1
    # Another attack's toll, or only a capital in common, is not the same attack.
    other_toll = (message[0], message[1].replace("seven Americans", "thirty Americans"))
    assert len(set(cluster([report, doc("m1", *other_toll, None)]))) == 2
    capital = doc(
        "r2",
        "Suicide bomber kills 8 at checkpoint in Kabul",
        "A suicide bomber killed eight people at a police checkpoint in Kabul on Wednesday, officials said. The "
        "Taliban claimed the attack.",
        T0,
    )
    in_kabul = (message[0], message[1].replace("Khost Province", "Kabul"))
    assert len(set(cluster([capital, doc("m1", *in_kabul, None)]))) == 2


def test_an_attack_south_of_a_city_is_not_the_attack_in_that_city(doc) -> None:  # type: ignore[no-untyped-def]
    # Two undated pages: nothing but what they name tells which attack each reports. "130 kilometers south of
    # Mogadishu" says where the town of Leego is, not that the attack was in Mogadishu.
    leego = doc(
        "leego",
        "Al-Shabab Attack Kills Scores of AU Soldiers",
        "Islamist militant group al-Shabab killed at least 50 African Union soldiers at dawn Friday and seized "
        "control of their military base in southern Somalia.\n\nWitnesses said attackers rammed a car filled with "
        "explosives into the main gate of the base in the town of Leego, 130 kilometers south of Mogadishu, then "
        "opened fire on Burundian soldiers manning the base. Somali officials said the death toll was higher.",
        None,
    )
    mogadishu = doc(
        "km4",
        "Minister condemns bomb attack in Mogadishu",
        'Responding to the bomb attack in Mogadishu today, the Minister for Africa said:\n\n"I strongly condemn '
        "today's attack in which attackers rammed a car filled with explosives into a convoy of soldiers at the "
        "Kilometre 4 junction in Mogadishu. My thoughts are with the families of the soldiers killed. Somali "
        'officials and their partners must work together against violent extremism in Somalia."',
        None,
    )
    assert len(set(cluster([leego, mogadishu]))) == 2


def test_a_government_statement_and_a_news_report_of_one_attack_the_same_day_are_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    # The statement never names the town; the report names many people and places the statement never does.
    # The same day, the same kind of event, the same place ("Indian-administered Kashmir" is Kashmir, and so is
    # "Indian Kashmir") and the same country make one attack.
    statement = doc(
        "fco",
        "Foreign Secretary condemns attack in Indian-administered Kashmir",
        "Foreign Secretary Boris Johnson has condemned this morning's terrorist attack in Indian-administered "
        "Kashmir.\n\nForeign Secretary Boris Johnson said:\n\nThe UK strongly condemns this morning's terrorist "
        "attack in Indian-administered Kashmir. I offer my deepest condolences to the victims and their families "
        "and friends. The UK condemns all forms of terrorism, and stands shoulder to shoulder with India in the "
        "fight against terrorism.",
        T0,
    )
    report = doc(
        "voa",
        "17 Indian Soldiers Killed in Militant Attack in Indian Kashmir",
        "Seventeen Indian soldiers have been killed and nearly 20 wounded in the deadliest attack mounted by "
        "militants in two decades on an Indian army base in Kashmir, close to the border with Pakistan.\n\n"
        "Officials say four heavily armed commandos using guns and grenades stormed the army camp early Sunday "
        "in Uri, which lies west of Srinagar. An army statement said four militants were killed.\n\nIn a series "
        "of tweets, Indian Prime Minister Narendra Modi strongly condemned what he called the cowardly terror "
        "attack. Home Minister Rajnath Singh postponed planned visits to Russia and the United States. "
        "Helicopters evacuated the wounded soldiers to hospitals in Srinagar.",
        T0 + timedelta(hours=6),
    )
    elsewhere = doc(
        "manipur",
        "12 Indian Soldiers Killed in Militant Ambush in Manipur",
        "Twelve Indian soldiers were killed when militants ambushed an army convoy in Manipur on Sunday, "
        "officials said, the deadliest attack on the army in the state in years. Police said the attackers "
        "fled towards the border with Myanmar.",
        T0 + timedelta(hours=8),
    )
    ids = cluster([statement, report, elsewhere])
    assert ids[0] == ids[1]
    assert ids[2] not in (ids[0], ids[1])


def test_a_statement_the_next_day_joins_a_long_report_of_one_bombing(doc) -> None:  # type: ignore[no-untyped-def]
    # The report names many people and places the statement never does. A site's "JOIN NOW" banner is not its
    # lead, and "in central Ankara" puts the bombing in Ankara, where the statement puts it.
    report = doc(
        "voa",
        "Car Bomb Kills 28 in Turkey; Erdogan Vows Revenge",
        "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW\n\n"
        "Turkish President Recep Tayyip Erdogan is vowing to avenge Wednesday's car bomb attack in central Ankara "
        "that killed at least 28 and wounded 61.\n\nThe car bomb exploded as a convoy of military buses stopped for "
        "a traffic light in the Turkish capital, a few hundred meters from parliament. Erdogan put off a planned "
        "visit to Azerbaijan, and Prime Minister Ahmet Davutoglu canceled his trip to Brussels. NATO "
        "Secretary-General Jens Stoltenberg condemned the bombing, and the U.S. ambassador John Bass said he was "
        "deeply saddened. The Islamic State group was blamed for last October's bombing of a peace rally, and "
        "the Kurdistan Workers' Party has fought a guerrilla war for Kurdish autonomy.\n\nDorian Jones "
        "contributed to this report from Istanbul.",
        T0,
    )
    statement = doc(
        "eu",
        "Joint statement of EU leaders on the Ankara attack",
        "We, the leaders of the European Union, strongly condemn yesterday's terrorist attack in Ankara.\n\nWe "
        "extend our deepest condolences to the families and friends of the victims and express our solidarity "
        "with the people of Turkey.",
        T0 + timedelta(hours=22),
    )
    assert len(set(cluster([report, statement]))) == 1


def test_a_name_weighs_less_as_more_indexed_reports_carry_it_and_more_again_when_they_leave(doc) -> None:  # type: ignore[no-untyped-def]
    # Names are weighted by how rare they are in the window; the weight follows every article indexed or expired.
    index = StoryIndex(window=timedelta(hours=72))
    first = index.idf("kismayo")
    index.add(doc("k1", "Clashes near Kismayo", "Fighting broke out near Kismayo on Monday, officials said.", T0))
    after_one = index.idf("kismayo")
    index.add(doc("k2", "Kismayo port reopens", "The port of Kismayo reopened on Tuesday after the fighting.", T0))
    after_two = index.idf("kismayo")
    assert first > after_one > after_two
    index.expire(T0 + timedelta(days=10))
    assert index.idf("kismayo") == first


def test_a_condolence_visit_days_after_an_attack_is_another_story(doc) -> None:  # type: ignore[no-untyped-def]
    # Leaders who meet or call about an attack make an event of their own, though they name the attack, its place
    # and the parties of the statements on it.
    report = doc(
        "wn",
        "Bombs kill 26 at Brussels airport and metro station",
        "At least 26 people have been killed and many more injured today in bombings at Brussels Airport and at "
        "the Maelbeek metro station in the Belgian capital. Authorities said one of the airport blasts was "
        "carried out by a suicide bomber. The metro system has been shut down.",
        T0,
    )
    statement = doc(
        "us",
        "U.S. condemns terrorist attacks in Brussels",
        "The United States condemns the terrorist attacks that occurred in Brussels, Belgium today. Our thoughts "
        "are with those injured at the airport and the metro station and with the loved ones of those killed.",
        T0 + timedelta(hours=5),
    )
    visit = doc(
        "state",
        "Secretary Kerry visits Brussels, meets Prime Minister Michel",
        "Secretary of State John Kerry met Belgian Prime Minister Charles Michel in Brussels today to express the "
        "condolences of the United States for this week's terrorist attacks at the airport and the metro "
        "station. They discussed counter-terrorism cooperation.",
        T0 + timedelta(days=3),
    )
    attack_story, statement_story, visit_story = cluster([report, statement, visit])
    assert attack_story == statement_story != visit_story


THURSDAY = datetime(2009, 7, 9, 12, 0, tzinfo=UTC)


def test_an_undated_report_of_another_day_of_the_week_is_another_story(doc) -> None:  # type: ignore[no-untyped-def]
    dated = doc(
        "tal-afar",
        "Bombings in Iraq Kill 40",
        "Iraqi officials say at least 40 people are dead in three bombings in northern Iraq and the capital, "
        "Baghdad. Officials say two suicide bombers killed at least 34 people in the northern town of Tal Afar "
        "Thursday. Elsewhere, a bombing in Baghdad's Sadr City killed six people.",
        THURSDAY,
    )
    sunday = doc(
        "karbala",
        "At Least 8 Killed in Iraq Bombings",
        "Iraqi police have said that four bombs killed at least eight people and wounded more than 50 others "
        "on Sunday. A bomb exploded in a market in the town of Mussayab, about 60 kilometers south of the capital "
        "of Baghdad, killing five. Two bombs exploded in Ramadi and one in Karbala.",
        None,
    )
    same_day = doc(
        "tal-afar-2",
        "Suicide bombers kill dozens in Iraq's Tal Afar",
        "Two suicide bombers killed at least 34 people in the northern Iraqi town of Tal Afar on Thursday, "
        "officials said, and a bombing in Baghdad's Sadr City killed six more.",
        None,
    )
    ids, index = cluster_index([dated, sunday, same_day])
    assert ids[0] != ids[1]
    assert index.why_apart("tal-afar", "karbala") == "other days"
    assert ids[2] == ids[0]


def test_the_same_toll_with_nothing_else_in_common_is_another_story(doc) -> None:  # type: ignore[no-untyped-def]
    tal_afar = doc(
        "a",
        "Iraq Suicide Bombings Kill 40",
        "Two suicide bombers killed at least 40 people in the northern town of Tal Afar near Mosul, police "
        "said. Another bomb in Baghdad's Karrada district and Sadr City wounded several people.",
        THURSDAY,
    )
    diyala = doc(
        "b",
        "Iraq Suicide Bombings Kill 40",
        "Two suicide bombings in Diyala province killed at least 40 people. The deadlier attack happened near "
        "Baquba, a car bomb at a marketplace; the Islamic State group claimed it on Twitter, Reuters said.",
        THURSDAY + timedelta(hours=5),
    )
    ids, index = cluster_index([tal_afar, diyala])
    assert ids[0] != ids[1]
    assert index.why_apart("a", "b") == "other specifics"


def test_a_title_case_verb_is_no_place_and_a_capital_named_after_its_word_is_a_reference() -> None:
    assert "baghdad" in reference_places("a town about 60 kilometers south of the capital of Baghdad")
    assert "kabul" in reference_places("a district west of the capital, Kabul, was hit")
    assert "reported" not in reference_places("police 100 kilometers west of the capital, reported two blasts")
    index = StoryIndex()
    entry = index._entry(StoryDoc("x", "Bombings in Iraq Kill 40", "Bombs killed 40 people in Iraq.", THURSDAY))
    assert "kill" not in entry.place
    assert "kill" not in entry.specific


def test_two_officials_of_one_government_on_one_attack_are_one_party(doc) -> None:  # type: ignore[no-untyped-def]
    spokesperson = doc(
        "nsc",
        "Statement by NSC Spokesperson Caitlin Hayden on the Attack in Mombasa",
        "The United States condemns in the strongest terms the despicable bombing of a crowded market in "
        "Mombasa, Kenya, today. We extend our deepest condolences to the families of those killed. We stand with "
        "the Kenyan people in their efforts to confront terrorism, including the threat posed by al-Shabaab.",
        T0,
    )
    president = doc(
        "potus",
        "Obama offers Kenyans condolences after Mombasa market bombing",
        "President Barack Obama expressed condolences to the government and people of Kenya for the terrorist "
        "bombing of a market in Mombasa carried out by al-Shabaab, and reaffirmed the partnership between the United "
        "States and Kenya against terrorism.",
        T0 + timedelta(hours=20),
    )
    # The spokesperson's headline names her, the President's names him: one government speaking on one attack.
    first, second = cluster([spokesperson, president])
    assert first == second


def test_an_offices_portfolio_is_not_where_the_event_happened() -> None:
    assert portfolio_words("Minister for Africa condemns attack. The Minister for Africa James Smith said:") == {
        "africa"
    }
    assert portfolio_words("the Minister of State for the Middle East said on Monday") == {"middle", "east"}
    # A region also named on its own is a place of the text, not only a portfolio.
    assert portfolio_words("Minister for Africa visits East Africa") == frozenset()


def test_one_truce_in_a_presidents_remarks_and_a_statement_a_day_later_is_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    remarks = doc(
        "wh",
        "Remarks on Reaching a Cease-Fire Deal Between Israel and Hamas",
        "Good afternoon. At long last, I can announce a cease-fire and a hostage deal has been reached between Israel "
        "and Hamas. Phase one will last 6 weeks and includes a full and complete cease-fire, a withdrawal of Israeli "
        "forces from the populated areas of Gaza and the release of hostages held by Hamas, including women, the "
        "elderly and the wounded.",
        T0,
    )
    statement = doc(
        "fco",
        "Foreign Secretary statement on Israel-Hamas ceasefire",
        "Foreign Secretary David Lammy said: Yesterday's announcement of a ceasefire agreement is a moment of hope "
        "after over a year of agony. For the hostages held by Hamas and their loved ones, including Emily Damari and "
        "Eli Sharabi, this has been an unbearable trauma. For civilians, this has been a living nightmare. I "
        "pay tribute to the tireless diplomatic efforts of Qatar, Egypt and the United States.",
        T0 + timedelta(hours=26),
    )
    lebanon = doc(
        "lb",
        "Foreign Secretary statement on Israel-Lebanon ceasefire",
        "Foreign Secretary David Lammy said: I welcome the announcement of a ceasefire between Israel and Lebanon. "
        "It must now be implemented in full, so that people on both sides of the Blue Line can return to their "
        "homes. I pay tribute to the diplomatic efforts of the United States and France.",
        T0 + timedelta(hours=20),
    )
    # The same kind of event, a day apart, each naming the parties of the other's headline, and few other names
    # in common (the one names the hostages, the other the mediators): one truce.
    assert len(set(cluster([remarks, statement]))) == 1
    # Another truce of one of its parties, the same day: the other party is never named.
    assert len(set(cluster([remarks, lebanon]))) == 2


def test_a_call_readout_is_not_the_agreement_the_call_was_about(doc) -> None:  # type: ignore[no-untyped-def]
    call = doc(
        "call",
        "Secretary Blinken holds call with South African Minister of International Relations Naledi Pandor",
        "Secretary of State Antony J. Blinken spoke today with South African Minister of International Relations "
        "Naledi Pandor. The Secretary expressed appreciation for South Africa's hosting of AU-led peace talks, "
        "which led to the cessation of hostilities signed today by the Government of Ethiopia and the Tigray "
        "People's Liberation Front.",
        T0,
    )
    statement = doc(
        "deal",
        "On the African Union-led Peace Talks",
        "We welcome the momentous step taken in Pretoria today with the signing of a cessation of hostilities "
        "between the Government of Ethiopia and the Tigray People's Liberation Front. We also commend South Africa "
        "for generously hosting the talks, and the African Union for its mediation of the peace talks.",
        T0 + timedelta(hours=2),
    )
    report = doc(
        "news",
        "Blinken thanks South Africa's Pandor for hosting Ethiopia peace talks",
        "U.S. Secretary of State Antony Blinken spoke by telephone on Wednesday with South Africa's foreign minister "
        "Naledi Pandor and thanked her for South Africa's hosting of the talks that led to the cessation of "
        "hostilities signed in Pretoria by Ethiopia and the Tigray People's Liberation Front.",
        T0 + timedelta(hours=5),
    )
    # The same day, the same agreement and the same host, but the call is an event of its own: a statement
    # on the agreement that names neither minister is not a report of their call.
    assert len(set(cluster([call, statement]))) == 2
    # A report of the call names those who spoke: it joins the readout.
    assert len(set(cluster([call, report]))) == 1


def test_a_visit_a_mediation_offer_and_a_claim_about_the_same_talks_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    # One thread, three pieces of news on one day: a minister arrives in a capital, his ministry works to bring two
    # other states to the table, and another minister says those states are close to a deal. Talks go on for days
    # and every party speaks of them: the same kind of event, day and parties do not make these one event.
    visit = doc(
        "visit",
        "Omani foreign minister arrives in Tehran",
        "TEHRAN, Mar. 3 (Agency) - Oman's Foreign Minister Badr Albusaidi has arrived in Tehran for talks with "
        "Iranian officials on regional developments.",
        T0,
    )
    offer = doc(
        "offer",
        "Oman working to bring US, Iran back to negotiating table",
        "TEHRAN, Mar. 3 (Agency) - A spokesman for Oman's foreign ministry says Muscat is working to bring the two "
        "parties to the negotiating table and to protect the peace process.",
        T0 + timedelta(hours=3),
    )
    claim = doc(
        "claim",
        "Oman says Iran, US close to sort of agreement on prisoners",
        "TEHRAN, Mar. 3 (Agency) - Oman's defence chief claims that Iran and the United States are close to a sort "
        "of agreement on an exchange of prisoners.",
        T0 + timedelta(hours=5),
    )
    assert len(set(cluster([visit, offer, claim]))) == 3
    # Another outlet's report of the same effort, in the same words, joins it.
    again = doc(
        "again",
        "Muscat working to bring Iran, US back to talks",
        "Oman's foreign ministry said on Tuesday it is working to bring Iran and the United States back to the "
        "negotiating table and to protect the peace process.",
        T0 + timedelta(hours=6),
    )
    ids = cluster([visit, offer, claim, again])
    assert ids[3] == ids[1]
    assert len({ids[0], ids[1], ids[2]}) == 3


def test_an_analysis_headlined_on_a_blockade_is_not_the_port_strike_it_recalls(doc) -> None:  # type: ignore[no-untyped-def]
    # The detector finds no event in an analysis; its headline still says what it is about: a blockade kept up over
    # months, not last night's strike on the port, which its lead names as one of many.
    strike = doc(
        "strike",
        "Major grain export terminals hit in Russian attack on Odesa port",
        "Russian missiles struck grain export terminals at the port of Odesa overnight, Ukrainian officials said.",
        T0,
    )
    fire = doc(
        "fire",
        "Russian strike sets Odesa port ablaze",
        "A Russian strike set the port of Odesa on fire overnight, Ukraine's president said, asking allies for "
        "more air defence.",
        T0 + timedelta(hours=2),
    )
    analysis = doc(
        "analysis",
        "Russian Blockade of Major Ukrainian Ports Threatens Global Grain Supplies",
        "The strikes on grain export terminals are part of a long maritime battle over Ukraine's ports.",
        T0 + timedelta(hours=4),
    )
    ids = cluster([strike, fire, analysis])
    assert ids[0] == ids[1]
    assert ids[2] not in (ids[0], ids[1])


def test_statements_on_one_strike_at_two_council_sessions_are_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    # A delegation's statement "at the UN Security Council meeting" is a statement: the session (and "our meeting
    # today") is where it was said, not a meeting of the parties, so it is no condolence meeting about the strike.
    osce = doc(
        "osce",
        "No excuse for striking a maternity hospital: UK statement to the OSCE",
        "Thank you, Madam Chair. On the morning of 3 March, Russia launched missiles at cities across Ukraine, "
        "including Zaporizhzhia and Odesa. A maternity hospital in Zaporizhzhia was among the buildings hit. At least "
        "12 people have been confirmed dead.",
        T0,
    )
    council = doc(
        "unsc",
        "Russia's attack on a maternity hospital 'a cowardly act': UK statement at the UN Security Council",
        "Statement by Ambassador Barbara Woodward at the UN Security Council meeting on Ukraine.\n\nI welcome the "
        "participation of Ukraine and Poland in our meeting today. Yesterday Russia struck a maternity hospital in "
        "Zaporizhzhia with a cruise missile. Mothers and newborn babies were among those hurt. This is depravity and "
        "it must stop.",
        T0 + timedelta(hours=20),
    )
    assert len(set(cluster([osce, council]))) == 1


def test_one_ambassadors_statements_on_two_incidents_of_one_war_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    # Undated speeches headed "Statement by ... at the UN Security Council meeting on Sudan.": the header says who
    # speaks where; the news is the next sentence, which puts each incident in its place (Kadugli; El Fasher). Both
    # call for a truce, as statement after statement on one war does: the call is no event in common.
    header = "Statement by Ambassador James Kariuki, UK Deputy Permanent Representative to the UN, at the UN Security Council meeting on Sudan."
    kadugli = doc(
        "kadugli",
        "UK demands end to Sudan violence at UN Council",
        f"{header}\nThe United Kingdom condemns the drone strikes on the UN base in Kadugli which killed six UN "
        "peacekeepers and injured nine others.\nWe call on both the SAF and the RSF to agree a humanitarian pause "
        "and end the fighting. The violence against civilians in El Fasher and across Darfur must end.",
        None,
    )
    fasher = doc(
        "fasher",
        "The RSF must halt its siege of El Fasher: UK statement at the UN Security Council",
        f"{header}\nThe UK requested this Council meeting following alarming reports of escalation around El "
        "Fasher.\nWe strongly condemn the Rapid Support Forces' assault on El Fasher and call on the RSF to halt its "
        "siege. We call on both the SAF and the RSF to agree a humanitarian pause and end the fighting in Sudan.",
        None,
    )
    assert len(set(cluster([kadugli, fasher]))) == 2


def test_one_ambassadors_statements_on_one_incident_stay_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    # The same strike in two statements a day apart: the header is passed over in both, and the place agrees.
    council = doc(
        "unsc",
        "UK condemns drone strike on UN base in Kadugli: UK statement at the UN Security Council",
        "Statement by Ambassador James Kariuki at the UN Security Council meeting on Sudan.\nThe United Kingdom "
        "condemns the drone strikes on the UN base in Kadugli which killed six peacekeepers. Those responsible "
        "must be held to account. We call on both sides to agree a humanitarian pause.",
        T0,
    )
    briefing = doc(
        "briefing",
        "Peacekeepers killed in Kadugli: UK statement at the UN Security Council",
        "Statement by Ambassador Barbara Woodward at the UN Security Council briefing on peacekeeping.\nThe United "
        "Kingdom condemns yesterday's drone strikes on the UN base in Kadugli which killed six peacekeepers. Those "
        "responsible must be held to account.",
        T0 + timedelta(hours=20),
    )
    assert len(set(cluster([council, briefing]))) == 1


def test_a_delegations_statements_on_two_strikes_share_no_specific_by_its_offices(doc) -> None:  # type: ignore[no-untyped-def]
    # Undated statements to one council on two Russian attacks: "Ambassador", "Deputy Ambassador" and "Thank you, Mr
    # Chair" open every such statement, so they are no specific the two share; the places are (Kyiv; Serhiivka).
    kyiv = doc(
        "kyiv",
        "UK condemns Russia's latest aerial assaults on Ukraine",
        "Ambassador Holland condemns Russia's latest aerial assaults on Ukraine, which damaged a government building "
        "in Kyiv.\nThank you, Mr Chair. The United Kingdom condemns in the strongest possible terms this latest wave "
        "of Russian attacks on Ukraine. These strikes again killed Ukrainian civilians and destroyed homes, and hit "
        "power stations, cutting off electricity and heating to homes, hospitals and schools.",
        None,
    )
    serhiivka = doc(
        "serhiivka",
        "Russia's intensified attacks on civilians in Ukraine: UK statement to the OSCE",
        "Deputy Ambassador Brown highlights the cost for civilians of Russia's war at the OSCE.\nThank you, Madam "
        "Chair. Russia's intense barrage of missile attacks continues to tear through towns across Ukraine. Missile "
        "strikes on residential buildings in Serhiivka in the Odesa region killed 21 civilians, and the strike on the "
        "Kremenchuk shopping centre killed many more. Russia's attacks on civilians and homes must stop.",
        None,
    )
    assert len(set(cluster([kyiv, serhiivka]))) == 2


def test_two_ambassadors_statements_on_one_strike_stay_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    osce = doc(
        "osce",
        "Russia's strike on Okhmatdyt children's hospital: UK statement to the OSCE",
        "Ambassador Holland condemns Russia's missile strike on the Okhmatdyt children's hospital in Kyiv.\nThank "
        "you, Mr Chair. The United Kingdom condemns in the strongest possible terms Russia's missile strike on the "
        "Okhmatdyt children's hospital in Kyiv, which killed two adults and wounded children in its wards.",
        None,
    )
    council = doc(
        "council",
        "UK condemns missile strike on Okhmatdyt hospital in Kyiv",
        "Deputy Ambassador Brown condemns the strike on the Okhmatdyt children's hospital.\nThank you, Madam "
        "President. Russia's missile struck the Okhmatdyt children's hospital in Kyiv, the largest children's hospital "
        "in Ukraine. Children undergoing cancer treatment were among those forced to flee. Russia must stop these "
        "attacks.",
        None,
    )
    assert len(set(cluster([osce, council]))) == 1


def test_statements_to_one_council_on_two_strikes_share_no_specific_by_the_council(doc) -> None:  # type: ignore[no-untyped-def]
    # "UK statement to the OSCE" heads every statement the delegation makes: of a statement on an attack the council
    # is where it is said, not a specific of the attack. Undated, with tolls near enough to be one count (21; 17).
    serhiivka = doc(
        "serhiivka",
        "Russia's intensified attacks on civilians in Ukraine: UK statement to the OSCE",
        "Thank you, Mr Chair. Russia's barrage of missile attacks continues to tear through towns across Ukraine. On "
        "the morning of 1 July, at least 21 people died in missile strikes on residential buildings in Serhiivka in "
        "the Odesa region. The deliberate targeting of civilians is abhorrent.",
        None,
    )
    chernihiv = doc(
        "chernihiv",
        "UK condemns Russia's bombardment of Ukrainian cities: UK statement to the OSCE",
        "Thank you, Madam Chair. Yesterday Russian missiles struck the city of Chernihiv, in northern Ukraine, killing "
        "at least 17 civilians and injuring over 60. Russia's aerial campaign across Ukraine has worsened the "
        "humanitarian situation, and its attacks on Kharkiv go on.",
        None,
    )
    assert len(set(cluster([serhiivka, chernihiv]))) == 2


def test_a_council_statement_joins_a_report_of_its_strike_and_a_vote_joins_a_report_of_it(doc) -> None:  # type: ignore[no-untyped-def]
    # The council stays a specific where it acts (a resolution it adopts); a statement on an attack still joins a
    # report of the attack by the attack's own specifics.
    remarks = doc(
        "remarks",
        "Remarks to the United Nations Security Council",
        "Explanation of vote on the UNSC resolution on Israel and Lebanon.\nToday the Security Council has adopted a "
        "resolution that calls for a full cessation of hostilities between Israel and Hezbollah, and for UNIFIL to "
        "deploy with the Lebanese army in the south of Lebanon.",
        T0,
    )
    vote = doc(
        "vote",
        "UN Security Council adopts resolution on Lebanon",
        "The UN Security Council has unanimously adopted a resolution calling for a full cessation of hostilities in "
        "Lebanon after four weeks of fighting between Israel and Hezbollah. The text expands UNIFIL, the UN force in "
        "southern Lebanon, and asks Israel to withdraw as the Lebanese army deploys.",
        T0 + timedelta(hours=10),
    )
    statement = doc(
        "statement",
        "UK condemns Russia's strike on Chernihiv: UK statement to the OSCE",
        "Thank you, Madam Chair. Yesterday Russian missiles struck the city of Chernihiv, in northern Ukraine, killing "
        "at least 17 civilians and injuring over 60.",
        None,
    )
    news = doc(
        "news",
        "Russian missile strike on Chernihiv kills 17",
        "Russian missiles struck the centre of Chernihiv in northern Ukraine on Wednesday, killing at least 17 people "
        "and injuring more than 60, officials said.",
        T0,
    )
    ids = cluster([remarks, vote, statement, news])
    assert ids[0] == ids[1]
    assert ids[2] == ids[3]
    assert ids[0] != ids[2]


def test_two_mirrored_reports_of_two_attacks_share_nothing_by_the_mirrors_credit(doc) -> None:  # type: ignore[no-untyped-def]
    # A mirror heads each copy with its credit ("Originally posted by the Voice of America. ... public domain.") and
    # ends it with "References": in every copy from there, so neither is a place or specific the two attacks share
    # (a bombing in Baghlan that killed 11; police killed in Herat and Helmand the next day).
    credit = (
        "Originally posted by the Voice of America. Voice of America content is produced by the Voice of America, a "
        "United States federal government-sponsored entity, and is in the public domain. "
    )
    baghlan = doc(
        "baghlan",
        "Suicide Bomber Kills 11 in Afghanistan",
        credit + "Suicide Bomber Kills 11 in Afghanistan Afghan officials say a suicide bomber has struck outside "
        "government buildings in northern Afghanistan, killing at least 11 people. Police said Monday's blast outside "
        "the Baghlan provincial council building killed the head of the provincial council, Rasoul Mohseni.\n"
        "References\n[1]http://www.voanews.com/content/suicide-bomber",
        T0,
    )
    herat = doc(
        "herat",
        "10 Police Killed in Afghanistan",
        credit + "10 Police Killed in Afghanistan Officials in western Afghanistan say a roadside bomb has killed six "
        "police officers in the Obe district of Herat province. Meanwhile, a Taliban offensive in southern "
        "Afghanistan has killed four police officers at checkpoints in Helmand province.\nReferences\n"
        "[1]http://www.voanews.com/content/10-police-killed",
        T0 + timedelta(hours=20),
    )
    assert len(set(cluster([baghlan, herat]))) == 2


def test_an_undated_statement_is_dated_by_the_date_line_under_its_headline(doc) -> None:  # type: ignore[no-untyped-def]
    # "Tuesday, July 26" under the headline is too short to be the lead, but it says which of two attacks in Kabul the
    # statement is about: the demonstration bombed in July 2016, not the restaurant attacked in January 2014. Without
    # it the statement fits both and joins neither.
    restaurant = doc(
        "restaurant",
        "Attack on Restaurant in Kabul",
        "The United States condemns the terrorist attack in Kabul on a restaurant against Afghans and those who are "
        "there to help them. We extend our deepest condolences to the families and friends of the victims of this "
        "senseless violence in Afghanistan.",
        datetime(2014, 1, 18, tzinfo=UTC),
    )
    demonstration = doc(
        "demonstration",
        "The United States Condemns the Vicious Attack in Kabul, Afghanistan",
        "The United States condemns in the strongest terms the vicious attack today in Kabul that killed dozens of "
        "Afghans at a peaceful demonstration. We send our deepest condolences to the loved ones of those killed in "
        "Afghanistan.",
        datetime(2016, 7, 25, tzinfo=UTC),
    )
    statement = doc(
        "statement",
        "Statement by the Press Secretary on the Attack in Kabul Afghanistan",
        "Tuesday, July 26\n\nThe United States condemns in the strongest terms the horrific attack in Kabul, "
        "Afghanistan, which has left more than 80 dead. This heinous attack was made all the more despicable by the "
        "fact that it targeted a peaceful demonstration. We offer our condolences to the families of those killed.",
        None,
    )
    ids = cluster([restaurant, demonstration, statement])
    assert ids[2] == ids[1] != ids[0]


def test_an_undated_statement_naming_only_the_city_joins_the_statement_on_that_attack(doc) -> None:  # type: ignore[no-untyped-def]
    # The Home Secretary's statement names no one and no country, only the city where both put the attack: one name in
    # common is enough to be looked at when it is the event's place (it still has to score as one event).
    us = doc(
        "us",
        "Statement by the Secretary on the Manchester Attack",
        "Secretary of State Rex Tillerson: The United States condemns the horrific attack in Manchester last night. "
        "We stand with our British friends and allies, and our thoughts are with the victims and their families.",
        T0,
    )
    home = doc(
        "home",
        "Home Secretary's statement on the Manchester attack",
        "This was a barbaric attack in Manchester last night, deliberately targeting young people and children out at "
        "a pop concert. My thoughts and prayers go out to the families and the victims. I will be attending COBRA "
        "later this morning to find out more about this attack.",
        None,
    )
    assert len(set(cluster([us, home]))) == 1


def test_remarks_before_a_meeting_and_the_press_conference_after_it_are_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    # The same two ministers, the same day, one meeting: what one says before it (chips, a summit to prepare) and what
    # the other says after it (the relationship as a whole) share the two men and hardly a word besides.
    before = doc(
        "before",
        "Remarks by Secretary Blinken Before His Meeting With Indian External Affairs Minister Subrahmanyam Jaishankar",
        "SECRETARY BLINKEN: Subrahmanyam, thank you for welcoming me back to New Delhi. Our teams have worked hard on "
        "semiconductor supply chains and on preparations for the Quad summit in the autumn, and I look forward to going "
        "through all of it with you this morning.",
        T0,
    )
    after = doc(
        "after",
        "Remarks at a Joint Press Availability",
        "MODERATOR: Ladies and gentlemen, good evening. Minister Jaishankar will speak first. Mr. Blinken and "
        "I met for most of the day here in New Delhi. We reviewed every aspect of the partnership between our two democracies "
        "and agreed that it has never been closer.",
        T0 + timedelta(hours=8),
    )
    # The Secretary's meeting with the Prime Minister that evening is another meeting: it names another man.
    modi = doc(
        "modi",
        "Remarks With Indian Prime Minister Narendra Modi Before Their Meeting",
        "PRIME MINISTER MODI: Secretary Blinken, welcome to New Delhi. I hope your visit takes the partnership between "
        "our democracies forward.",
        T0 + timedelta(hours=10),
    )
    ids = cluster([before, after, modi])
    assert ids[0] == ids[1] != ids[2]


def test_two_undated_statements_by_two_holders_of_one_office_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    # Neither page says when it was written, so no window keeps them apart; but one Foreign Secretary followed the
    # other, so a statement by each on the same country's truce is of two different times.
    raab = doc(
        "raab",
        "Foreign Secretary statement on the Yemen truce",
        "Foreign Secretary Dominic Raab said: I welcome the truce agreed between the parties in Yemen. The parties "
        "must now respect the cessation of hostilities, open the roads to Taiz and let humanitarian aid reach the "
        "people of Hodeidah and Sanaa.",
        None,
    )
    cleverly = doc(
        "cleverly",
        "Foreign Secretary statement on the Yemen truce",
        "Foreign Secretary James Cleverly said: I welcome the extension of the truce between the parties in Yemen. "
        "The parties must respect the cessation of hostilities, open the roads to Taiz and let humanitarian aid reach "
        "the people of Hodeidah and Marib.",
        None,
    )
    assert len(set(cluster([raab, cleverly]))) == 2


def test_an_undated_statement_on_an_attack_in_a_capital_is_not_an_earlier_attack_there(doc) -> None:  # type: ignore[no-untyped-def]
    # A capital is where a country's attacks and statements all happen: with no date to say which, an undated statement
    # on a bombing at a university in Kabul is not the restaurant attack in Kabul of four years before, though both
    # condemn an attack in Kabul in the same words.
    restaurant = doc(
        "restaurant",
        "Attack on Restaurant in Kabul",
        "The United States condemns the terrorist attack in Kabul on January 17 against a restaurant, against Afghans "
        "and those who are there to help them. We extend our deepest condolences to the families and friends of the "
        "victims of this senseless violence in Afghanistan.",
        datetime(2014, 1, 18, tzinfo=UTC),
    )
    university = doc(
        "university",
        "Attack at Kabul University",
        "The United States strongly condemns today's horrific attack in Kabul that killed at least 28 people at a "
        "gathering near Kabul University. We extend our deepest condolences to the families and friends of the "
        "victims of this senseless violence in Afghanistan.",
        None,
    )
    assert len(set(cluster([restaurant, university]))) == 2


def test_an_undated_statement_of_an_office_holder_joins_only_a_report_of_their_time_in_office(doc) -> None:  # type: ignore[no-untyped-def]
    # "Foreign Secretary Boris Johnson" dates a page that has no date: he held the office from July 2016 to July 2018
    # (bot/data/offices.yaml). Two bombings of one city's market, in 2015 and in 2017: his statement is about the second.
    first = doc(
        "2015",
        "Suicide bomber attacks Jalalabad market",
        "A suicide bomber attacked the central market of Jalalabad in Nangarhar province, killing at least 30 people, "
        "the provincial governor said. The Taliban denied any role in the Jalalabad market bombing.",
        datetime(2015, 4, 18, tzinfo=UTC),
    )
    second = doc(
        "2017",
        "Bomb attack on Jalalabad market",
        "A bomb exploded in the central market of Jalalabad in Nangarhar province, killing at least 30 people and "
        "wounding dozens, the provincial governor said. No group claimed the Jalalabad market bombing.",
        datetime(2017, 4, 18, tzinfo=UTC),
    )
    statement = doc(
        "johnson",
        "Foreign Secretary condemns attack in Jalalabad",
        "Foreign Secretary Boris Johnson said: I condemn the bombing of the central market of Jalalabad in Nangarhar "
        "province, which killed at least 30 people. My thoughts are with the families of the victims.",
        None,
    )
    ids = cluster([first, second, statement])
    assert ids[2] == ids[1] != ids[0]
    # A former holder named with the office dates nothing: the page is of another time.
    former = doc(
        "former",
        "Statement on the attack in Jalalabad",
        "Former Foreign Secretary Boris Johnson said: I condemn the bombing of the central market of Jalalabad in "
        "Nangarhar province, which killed at least 30 people. My thoughts are with the families of the victims.",
        None,
    )
    entry = StoryIndex()._entry(former)
    assert entry.holders == ()


def test_a_name_inside_a_longer_word_is_not_the_person(doc) -> None:  # type: ignore[no-untyped-def]
    # Secretary Rice's meeting in Jerusalem and the Egyptian president's meeting with the Israeli prime minister the
    # same day are other meetings: "oil prices" does not name Rice, so each names a party the other never does.
    rice = doc(
        "rice",
        "Rice meets Israeli Prime Minister Olmert in Jerusalem",
        "Secretary of State Condoleezza Rice met Israeli Prime Minister Ehud Olmert in Jerusalem on Monday. They "
        "discussed the Gaza ceasefire, the release of prisoners and the peace process.",
        T0,
    )
    mubarak = doc(
        "mubarak",
        "Mubarak meets Israeli Prime Minister Olmert in Jerusalem",
        "Egyptian President Hosni Mubarak met Israeli Prime Minister Ehud Olmert in Jerusalem on Monday. They "
        "discussed the Gaza ceasefire, the release of prisoners, oil prices and the peace process.",
        T0 + timedelta(hours=2),
    )
    assert len(set(cluster([rice, mubarak]))) == 2


def test_the_events_own_toll_is_the_first_one_a_report_gives_not_one_of_its_parts(doc) -> None:  # type: ignore[no-untyped-def]
    # Four bombs that killed eight people (five at a market, two in another town, one at a checkpoint) and twin
    # bombings near the capital that killed two are other attacks, though "two" is one of the first report's figures:
    # the toll a report leads with is its event's.
    four = doc(
        "four",
        "At least 8 killed in Iraq bombings",
        "Iraqi police said four bombs killed at least eight people and wounded more than 50 others on Sunday. A bomb "
        "in a market in the town of Mussayab, south of Baghdad, killed at least five people. In Ramadi two bombs exploded "
        "minutes apart, killing two. A fourth bomb at a police checkpoint in the Shi'ite holy city of Karbala killed "
        "one person.",
        None,
    )
    twin = doc(
        "twin",
        "Twin bombings near Baghdad kill two",
        "Iraqi police said twin bombings on Sunday in the town of Madain, near Baghdad, killed at least two people and "
        "wounded several others. No one claimed the bombings, the latest of a wave of attacks on Shi'ite pilgrims.",
        datetime(2012, 10, 28, tzinfo=UTC),
    )
    assert len(set(cluster([four, twin]))) == 2


GAZA_2014 = (
    "Israel and Hamas agreed to an unconditional 72-hour humanitarian ceasefire in Gaza from Friday morning, Secretary of "
    "State John Kerry and UN Secretary-General Ban Ki-moon said. Egypt will host talks in Cairo on a durable ceasefire."
)
GAZA_2021 = (
    "Israel and Hamas agreed to a ceasefire in Gaza from Friday morning after eleven days of fighting, Egypt said. "
    "Secretary of State Antony Blinken said he would travel to the region. Egypt will host talks in Cairo on a durable "
    "ceasefire."
)


def test_an_undated_statement_joins_the_truce_of_its_office_holders_time(doc) -> None:  # type: ignore[no-untyped-def]
    # The Foreign Secretary's undated welcome of "the Gaza ceasefire" names Secretary Kerry: of the two Gaza truces, it
    # can only be the one agreed while he was Secretary of State (bot/data/offices.yaml), not the one of 2021.
    truce_2014 = doc(
        "2014", "Unconditional humanitarian ceasefire in Gaza", GAZA_2014, datetime(2014, 8, 1, tzinfo=UTC)
    )
    truce_2021 = doc(
        "2021", "Ceasefire in Gaza after eleven days of fighting", GAZA_2021, datetime(2021, 5, 21, tzinfo=UTC)
    )
    welcome = doc(
        "welcome",
        "Foreign Secretary welcomes Gaza ceasefire",
        "I welcome the news of an agreement of a ceasefire in Gaza between Israel and Hamas. I applaud the efforts of "
        "Secretary Kerry and of Egypt, which will host the talks in Cairo on a durable ceasefire.",
        None,
    )
    ids = cluster([truce_2014, truce_2021, welcome])
    assert ids[2] == ids[0] != ids[1]


def test_an_undated_statement_with_nothing_to_date_it_joins_no_story(doc) -> None:  # type: ignore[no-untyped-def]
    # The same welcome naming no one: Gaza, Israel, Hamas and Egypt are in every Gaza truce's news (as the reports of
    # other years in the index show), and no date, day, toll or office holder says which truce it is: it stays alone
    # rather than join the one truce it scores with.
    index = StoryIndex()
    for year in (2008, 2009, 2012, 2014):
        index.add(
            doc(
                str(year),
                f"Hamas and Israel trade fire in {year}",
                f"Hamas fired rockets from Gaza and Israel struck targets in the strip in {year}, officials said.",
                datetime(year, 3, 1, tzinfo=UTC),
            )
        )
    truce = doc("2021", "Ceasefire in Gaza after eleven days of fighting", GAZA_2021, datetime(2021, 5, 21, tzinfo=UTC))
    welcome = doc(
        "welcome",
        "Foreign Secretary welcomes Gaza ceasefire",
        "I welcome the news of an agreement of a ceasefire in Gaza between Israel and Hamas. I applaud the efforts of "
        "Egypt, which will host the talks in Cairo on a durable ceasefire.",
        None,
    )
    assert index.add(truce) != index.add(welcome)
    assert index.why_apart("2021", "welcome") == "nothing dates the undated page"


def test_an_undated_condolence_naming_the_rare_town_of_an_attack_joins_it(doc) -> None:  # type: ignore[no-untyped-def]
    # A president's words of sorrow name no attack the detector reads, and carry no date; but Mpeketoni is in no other
    # news of the window: the town dates and places the page, as the same town joins two statements on the attack.
    statement = doc(
        "statement",
        "Statement on the attack in Mpeketoni, Kenya",
        "The United States condemns the terrorist attack on the town of Mpeketoni in Kenya's Lamu county last night, "
        "in which gunmen killed at least 48 innocent men and women. Our grief is with their families; we stand with the "
        "people of Kenya at this difficult moment.",
        datetime(2014, 6, 16, tzinfo=UTC),
    )
    sorrow = doc(
        "sorrow",
        "President: we stand with Kenya at this difficult moment",
        "Michelle and I join the American people in expressing our horror and sadness at the reports coming out of "
        "Mpeketoni. Words cannot express our grief for the innocent men and women of Mpeketoni and their families. We "
        "stand with the people of Kenya at this difficult moment.",
        None,
    )
    index = StoryIndex()
    for n, town in enumerate(("Nairobi", "Mombasa", "Garissa", "Kisumu")):
        index.add(
            doc(
                f"other-{n}",
                f"Floods in {town}",
                f"Heavy rain flooded roads in {town}, Kenya, officials said; schools in {town} were closed.",
                datetime(2014, 6, 10 + n, tzinfo=UTC),
            )
        )
    assert not sorrow.detection.events
    assert index.add(statement) == index.add(sorrow)


KABUL_SIEGE = (
    "Gunmen stormed the Intercontinental hotel in Kabul on Saturday night and held out until Sunday morning, killing at "
    "least 18 people, Afghan interior ministry officials said. The Taliban said they carried out the attack."
)


def _news_of_other_years(doc, key, title, text, years, month):  # type: ignore[no-untyped-def]
    """Reports of one place's news in other years (`title` and `text` name the year as {year}), one a year."""
    return [
        doc(f"{key}-{year}", title.format(year=year), text.format(year=year), datetime(year, month, 1, tzinfo=UTC))
        for year in years
    ]


def _kabul_news(doc):  # type: ignore[no-untyped-def]
    """Reports of other Taliban attacks in Kabul in other years: the Taliban and Kabul are in all of Kabul's news."""
    return _news_of_other_years(
        doc,
        "kabul",
        "Taliban attack in Kabul in {year}",
        "The Taliban attacked a checkpoint in Kabul in {year}, Afghan officials said.",
        (2008, 2010, 2012, 2014),
        3,
    )


def _condemnation(doc, date_line: str):  # type: ignore[no-untyped-def]
    return doc(
        "condemns",
        "Minister condemns attack on hotel in Kabul",
        date_line
        + "The Minister for Asia condemned the attack on a hotel in Kabul by the Taliban: my thoughts are with "
        "the families of those killed and with the Afghan security forces who ended the siege.",
        None,
    )


def test_a_day_written_with_its_weekday_dates_an_undated_page_to_one_year(doc) -> None:  # type: ignore[no-untyped-def]
    # "Sunday, January 21" was a Sunday in 2018 (and again only in 2024): the page is of the siege of 21 January 2018,
    # not of a siege of the same day in 2019, a Monday.
    page = _condemnation(doc, "Sunday, January 21\n")
    siege_2018 = doc("siege", "Afghan forces end siege of Kabul hotel", KABUL_SIEGE, datetime(2018, 1, 21, tzinfo=UTC))
    siege_2019 = doc(
        "siege",
        "Afghan forces end siege of Kabul hotel",
        KABUL_SIEGE.replace("Intercontinental", "Serena"),
        datetime(2019, 1, 21, tzinfo=UTC),
    )
    ids = cluster([*_kabul_news(doc), siege_2018, page])
    assert ids[-1] == ids[-2]
    ids, index = cluster_index([*_kabul_news(doc), siege_2019, page])
    assert ids[-1] != ids[-2]
    assert index.why_apart("condemns", "siege") == "other days"


def test_an_undated_feed_item_naming_a_weekday_is_dated_by_its_fetch(detector: Detector) -> None:
    # A feed item without a date, fetched on Monday 22 January 2018, says the siege ended "on Sunday": counted back
    # from the fetch, that is the day of the report of the siege. Without the weekday nothing dates it.
    fetched = datetime(2018, 1, 22, 8, 0, tzinfo=UTC)

    def item(text: str) -> StoryDoc:
        title = "Minister condemns attack on hotel in Kabul"
        return StoryDoc("item", title, text, None, detector.detect(title, text), fetched=fetched)

    news = [
        StoryDoc(d.article_id, d.title, d.text, d.published, d.detection)
        for d in _kabul_news(lambda i, t, x, p: StoryDoc(i, t, x, p, detector.detect(t, x)))
    ]
    siege = StoryDoc(
        "siege",
        "Afghan forces end siege of Kabul hotel",
        KABUL_SIEGE,
        datetime(2018, 1, 21, 10, 0, tzinfo=UTC),
        detector.detect("Afghan forces end siege of Kabul hotel", KABUL_SIEGE),
    )
    text = (
        "The Minister for Asia condemned the attack on a hotel in Kabul by the Taliban, which Afghan security forces "
        "ended on Sunday: my thoughts are with the families of those killed."
    )
    for body, together in ((text, True), (text.replace(" on Sunday", ""), False)):
        index = StoryIndex()
        for d in news:
            index.add(d)
        assert (index.add(siege) == index.add(item(body))) is together


def test_a_republishers_dateline_names_no_event() -> None:
    # The outlet that republishes a government's statements heads each of them with the same place and credit.
    for line in (
        "Washington, DC (STL.News) The Department of State released the following statement:",
        "Washington, DC (STL.News) - The Department of State released the following statement:",
        "Canberra, 3 March 2025 (Mirage News) - The Department of State released the following statement:",
        "(EIN Presswire) - The Department of State released the following statement:",
        "WASHINGTON, March 3, 2025 /EINPresswire.com/ -- The Department of State released the following statement:",
        "Islamabad (Reuters) — The Department of State released the following statement:",
    ):
        assert strip_dateline(line) == "The Department of State released the following statement:"
    # A bracket that is no outlet's stays: "The Kenya Defence Forces (KDF) -" is the subject of the sentence.
    kept = "The Kenya Defence Forces (KDF) - the army - repelled the raid on the camp."
    assert strip_dateline(kept) == kept
    # Nor does a sentence that cites an outlet in brackets: only a place and a date come before a republisher's credit.
    for kept in (
        "The minister met Kuleba (Ukrinform News) on Monday in Kyiv.",
        "Troops shelled the town overnight (Reuters) - officials said on Tuesday.",
    ):
        assert strip_dateline(kept) == kept
    assert strip_dateline("Rio de Janeiro, 3 March (Reuters) - The talks opened.") == "The talks opened."
    lead = lead_text(
        "Call with the Foreign Minister", "Washington, DC (STL.News) The Secretary spoke with Minister Sybiha."
    )
    assert not {"stl", "washington", "dc"} & names_of(lead)


def test_two_undated_readouts_sharing_only_their_republishers_credit_stay_apart(doc) -> None:  # type: ignore[no-untyped-def]
    # Two calls between the same ministers, months apart, republished by one outlet: its dateline heads both, and it is
    # the one name they share beyond the two men. It names the outlet, not the call.
    head = "Washington, DC (STL.News) The Department of State released the following statement:\n"
    grain = doc(
        "grain",
        "Secretary Rubio's Call with Foreign Minister Sybiha",
        head + "Secretary of State Marco Rubio spoke with Ukrainian Foreign Minister Andrii Sybiha about grain "
        "shipments through the Black Sea and the mine clearing off the coast near Chornomorsk.",
        None,
    )
    power = doc(
        "power",
        "Secretary Rubio's Call with Foreign Minister Sybiha",
        head + "Secretary of State Marco Rubio spoke with Ukrainian Foreign Minister Andrii Sybiha about the repair "
        "of the power grid after the winter strikes and the air defence units that protect Zaporizhzhia.",
        None,
    )
    assert len(set(cluster([grain, power]))) == 2


@pytest.mark.parametrize(
    "text",
    [
        "However, the army said the convoy had been ambushed.",
        "Meanwhile, aid agencies warned of shortages.",
        "Earlier, the governor had ordered a curfew.",
        "Despite the truce, shelling went on overnight.",
        "According to the ministry, the talks ended late.",
        "Since then, the border has stayed closed.",
    ],
)
def test_a_connective_that_opens_a_sentence_names_nothing(text: str) -> None:
    # Two pages that both open a sentence with "However" share no name by it: with no date to vouch for either, a
    # shared rare name would tie them as one event.
    opener = text.split(None, 1)[0].strip(",").lower()
    assert opener not in names_of(text)


def _region_news(doc):  # type: ignore[no-untyped-def]
    """Other reports of one region in other years: its country, capital and warring sides are in all of them."""
    return _news_of_other_years(
        doc,
        "region",
        "Fighting near Juba in {year}",
        "Government troops and rebels fought near Juba, South Sudan, in {year}, officials said.",
        (2013, 2015, 2016, 2017),
        5,
    )


def _signing(doc):  # type: ignore[no-untyped-def]
    return doc(
        "signing",
        "South Sudan rivals sign truce at IGAD talks",
        "South Sudan's government and the rebels signed a cessation of hostilities at talks mediated by IGAD, the "
        "regional bloc. Both sides agreed to stop fighting and to let aid reach civilians, the mediators said.",
        None,
    )


def _welcome(doc, bloc: str = "IGAD", town: str = ""):  # type: ignore[no-untyped-def]
    return doc(
        "welcome",
        "Envoys welcome South Sudan ceasefire",
        f"The envoys welcome the ceasefire agreed by South Sudan's government and the armed opposition{town}, and "
        f"commend {bloc} for its mediation. The sides agreed to stop fighting; we call on them to let aid reach "
        "civilians.",
        None,
    )


def test_undated_pages_naming_only_a_bodys_initials_in_common_are_other_stories(doc) -> None:  # type: ignore[no-untyped-def]
    # A region's mediator is named by its initials in every truce of that region for years ("IGAD", "AMISOM"): two
    # undated pages on a South Sudan ceasefire that share nothing rarer than the mediator's initials give no sign of
    # being one signing, however rare the initials are in the window.
    index = StoryIndex()
    for report in _region_news(doc):
        index.add(report)
    assert index.add(_signing(doc)) != index.add(_welcome(doc))


def test_undated_pages_naming_the_town_of_a_signing_are_one_story(doc) -> None:  # type: ignore[no-untyped-def]
    # Near misses: the town where the truce was signed, written as a name, still ties the pages, initials beside it or
    # not; and a name written in capitals only in a headline is not a body's initials when the text writes it as a name.
    signing = _signing(doc)
    signing = doc(
        "signing",
        signing.title.replace("at IGAD talks", "in Bahir Dar"),
        signing.text.replace("signed", "signed in Bahir Dar", 1),
        None,
    )
    index = StoryIndex()
    for report in _region_news(doc):
        index.add(report)
    assert index.add(signing) == index.add(_welcome(doc, town=" in Bahir Dar"))
    index = StoryIndex()
    for report in _region_news(doc):
        index.add(report)
    shouted = doc("signing", "SOUTH SUDAN RIVALS SIGN TRUCE, IGAD SAYS", signing.text, None)
    assert index.add(shouted) == index.add(_welcome(doc, bloc="Igad", town=" in Bahir Dar"))


def _secretaries_index(doc) -> StoryIndex:  # type: ignore[no-untyped-def]
    # Other secretaries' news of other years: "Secretary" and "State" are every readout's words, not this call's.
    index = StoryIndex()
    visits = [
        ("Foreign Secretary James Cleverly", "Kenya"),
        ("Secretary of State Mike Pompeo", "Japan"),
        ("Secretary of State John Kerry", "Egypt"),
        ("Defence Secretary Ben Wallace", "Poland"),
        ("Secretary of State Hillary Clinton", "India"),
    ]
    for n, (who, where) in enumerate(visits):
        index.add(
            doc(
                f"visit{n}",
                f"{who} visits {where}",
                f"{who} arrived in {where} on Monday for talks on trade and security with the government, the state "
                "news agency said.",
                datetime(2012 + 2 * n, 5, 1, tzinfo=UTC),
            )
        )
    return index


_AGREED_TRUCE = (
    "The ministers agreed on a humanitarian ceasefire in Aleppo for 48 hours to let aid convoys through, and discussed "
    "prisoner exchanges."
)
_WELCOMED_PAUSE = (
    "The Secretary welcomed the pause in fighting around the city so that relief reaches civilians, and urged Moscow to "
    "restrain its forces."
)


def _moscow_account(doc, key: str, day: int, what: str):  # type: ignore[no-untyped-def]
    return doc(
        key,
        "Telephone conversation with US Secretary of State Antony Blinken",
        "Sergey Lavrov had a telephone conversation with US Secretary of State Antony Blinken at the American side's "
        "request. " + what,
        datetime(2022, 3, day, tzinfo=UTC),
    )


def _washington_readout(doc, counterpart: str, what: str, how: str = "phone call"):  # type: ignore[no-untyped-def]
    spoke = "spoke by phone today with" if how == "phone call" else "met today with"
    return doc(
        "readout",
        f"Readout of Secretary Blinken's {how} with Foreign Minister {counterpart.split()[-1]}",
        f"Secretary Blinken {spoke} {counterpart}. " + what,
        None,
    )


def test_an_undated_readout_of_a_call_joins_the_other_governments_dated_account_of_its_truce(doc) -> None:  # type: ignore[no-untyped-def]
    # Two governments tell one call in their own words: Moscow's dated account names the truce agreed, Washington's
    # undated readout the pause it welcomed. The same two ministers, the same call, the same thing settled, and the
    # Secretary's time in office covers the date: one event, though they share hardly a word.
    index = _secretaries_index(doc)
    moscow = _moscow_account(doc, "moscow", 10, _AGREED_TRUCE)
    readout = _washington_readout(doc, "Russian Foreign Minister Sergey Lavrov", _WELCOMED_PAUSE)
    assert index.add(moscow) == index.add(readout)


def test_an_undated_readout_of_talks_alone_or_with_another_counterpart_stays_apart(doc) -> None:  # type: ignore[no-untyped-def]
    # Near misses: the same two ministers speak again and again; a call that settled nothing is no occasion the
    # readout can be tied to. The same Secretary's call with another minister on the same truce is another call; and
    # a meeting of the same two is not their call.
    index = _secretaries_index(doc)
    moscow = _moscow_account(
        doc, "moscow", 10, "The ministers discussed strategic stability and their embassies' work."
    )
    readout = _washington_readout(
        doc,
        "Russian Foreign Minister Sergey Lavrov",
        "The Secretary raised the situation in Ukraine and the detention of US citizens.",
    )
    assert index.add(moscow) != index.add(readout)
    index = _secretaries_index(doc)
    other = _washington_readout(
        doc, "Chinese Foreign Minister Wang Yi", _WELCOMED_PAUSE.replace("Moscow", "Beijing to press Moscow")
    )
    assert index.add(_moscow_account(doc, "moscow", 10, _AGREED_TRUCE)) != index.add(other)
    index = _secretaries_index(doc)
    met = _washington_readout(doc, "Russian Foreign Minister Sergey Lavrov", _WELCOMED_PAUSE, how="meeting")
    assert index.add(_moscow_account(doc, "moscow", 10, _AGREED_TRUCE)) != index.add(met)


def test_an_undated_readout_between_two_calls_of_the_same_ministers_joins_neither(doc) -> None:  # type: ignore[no-untyped-def]
    # Near miss: the same two ministers call again a week later on the same truce. The dated accounts are two calls;
    # nothing in the undated readout says which of them it is.
    index = _secretaries_index(doc)
    first = index.add(_moscow_account(doc, "first", 10, _AGREED_TRUCE))
    again = (
        "The ministers agreed to extend the humanitarian ceasefire in Aleppo by a week and discussed aid deliveries."
    )
    second = index.add(_moscow_account(doc, "second", 17, again))
    readout = index.add(_washington_readout(doc, "Russian Foreign Minister Sergey Lavrov", _WELCOMED_PAUSE))
    assert first != second
    assert readout not in (first, second)
