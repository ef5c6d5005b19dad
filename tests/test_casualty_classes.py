"""Casualty figures by class of language: background, rates, hypotheticals, cause, and who/kind.

Each test writes its own short sentences showing one class in several phrasings, beside near-misses
that must still count as current figures.
"""

from __future__ import annotations

import pytest

from bot.detect import Detector
from bot.models import Casualty


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _cas(detector: Detector, text: str, title: str = "") -> list[Casualty]:
    return list(detector.detect(title, text).casualties)


def _current(detector: Detector, text: str, title: str = "") -> dict[int, bool]:
    """count -> current, for every figure found."""
    return {c.count: c.current for c in _cas(detector, text, title)}


_LEAD = "Police are investigating an explosion on Monday. No group has yet claimed responsibility for the blast. "


# A lead of three prose sentences about Monday's attack (three officers killed): what follows is the body.
_LEAD_THREE = (
    "Gunmen attacked a police post in the north on Monday, killing three officers, police said. No group has"
    " yet claimed responsibility for the attack on the post. The officers were buried in their home villages"
    " on Tuesday afternoon. "
)


# --- 1. figures of earlier events are background -------------------------------------------------


@pytest.mark.parametrize(
    "text, count",
    [
        ("Two car bombings one week ago in Baghdad killed 155 people.", 155),
        ("A suicide bomber killed 25 worshippers at a mosque in the city a week ago.", 25),
        ("Earlier this month, a suicide bomber killed 25 people at a mosque.", 25),
        ("Last month, gunmen killed 19 villagers in the same district.", 19),
        ("A previous bombing at the same checkpoint killed 12 soldiers.", 12),
        ("An earlier ambush on the road killed nine police officers.", 9),
        ("It was the deadliest attack since 2014, when 80 people died in a bombing.", 80),
        ("It was the deadliest attack on the city since a bombing at the market killed 80 people.", 80),
        ("The worst violence since March, when 41 people were killed, shook the capital.", 41),
        ("The attack follows a bombing at a market that killed 30 people.", 30),
        ("It came two days after a suicide attack on a police station killed 17 officers.", 17),
        ("Last year's attack on the stadium killed 40 people.", 40),
        ("In the 2020 war, more than 6,700 people were killed.", 6700),
        ("Commemorations were held for the 300 people who died in the 1994 massacre.", 300),
        ("The group also claimed a 2021 ambush in which 14 soldiers died.", 14),
        ("A year earlier, 18 soldiers were killed at the same checkpoint.", 18),
        ("Last July, jihadists killed 70 soldiers in an attack on a base.", 70),
        ("The attack came a decade after a bombing in the town killed 60 people.", 60),
    ],
)
def test_earlier_events_are_background(detector: Detector, text: str, count: int) -> None:
    # Relative dates ("a week ago") date the news itself in the headline and lead: put the sentence below them.
    assert _current(detector, _LEAD + text) == {count: False}, text


def test_timeline_of_earlier_attacks_is_background(detector: Detector) -> None:
    text = (
        "A bomb killed 20 people at a bus station on Monday.\n\nTimeline of major attacks:\n\n2013\n\n"
        "July - Gunmen kill 30 at a school in Yobe\n\nAugust - Gunmen kill 44 at a mosque outside Maiduguri\n\n"
        "2014\n\nJanuary 12: Suicide bomber kills 18 at a market"
    )
    assert _current(detector, text) == {20: True, 30: False, 44: False, 18: False}


def test_separately_dated_weekday_incident_is_background(detector: Detector) -> None:
    title = "Bombings in Iraq Kill 40"
    text = (
        "Officials say two suicide bombers killed at least 34 people in the town of Tal Afar Thursday.\n\n"
        "On Wednesday, police said a series of attacks in the city of Mosul killed at least 14 people.\n\n"
        "Car bombs exploded within minutes of each other near a mosque. Some 30 people were wounded in those attacks."
    )
    figs = _current(detector, text, title)
    assert figs[34] is True and figs[14] is False and figs[30] is False
    text2 = (
        "Car bombs exploded in Baghdad on Thursday, killing at least 15 people. Another district was hit "
        "Wednesday by several car bombings that left at least 18 people dead and 48 others wounded."
    )
    figs2 = _current(detector, text2, "Car Bombings in Baghdad Kill 15")
    assert figs2 == {15: True, 18: False, 48: False}


@pytest.mark.parametrize(
    "text, count",
    [
        ("The attack killed 30 people on Tuesday.", 30),
        ("Since the war began in 2011, more than 500,000 people have been killed.", 500000),
        ("More than 500,000 people have been killed since the war began in March 2011.", 500000),
        ("Since last year, 200 civilians have been killed in the fighting.", 200),
        ("So far this year, 300 civilians have been killed in the region.", 300),
        ("A wave of bombings this week has left at least 70 people dead.", 70),
        ("A bomb killed 12 people on Thursday, the deadliest attack since 2014.", 12),
        ("The ministers met for the first time since shelling last week killed more than 200 troops.", 200),
        ("Both sides blame the other for days of shelling last week that killed 200 troops.", 200),
        # "N days after a ..." dates an earlier incident only when an incident follows, not a truce or a deal.
        ("Two days after a ceasefire was agreed, an attack on a bus killed 12 people.", 12),
        ("Two years after a peace deal was signed, an attack on a bus killed 12 people on Monday.", 12),
    ],
)
def test_current_and_cumulative_figures_stay_current(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {count: True}, text


def test_daily_tolls_of_a_truce_stay_current(detector: Detector) -> None:
    title = "Air Strikes, Clashes in Syria After Truce Bid"
    text = (
        "Troops clashed with rebel fighters in several areas of the country Sunday, leaving a truce in tatters. "
        "It was to begin on Friday, but 150 people were killed that day. On Saturday, about 50 people were killed. "
        "At least 23 people were killed on Sunday."
    )
    assert _current(detector, text, title) == {150: True, 50: True, 23: True}


# --- 2. rates and statistics are never current figures ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gun violence kills 91 Americans a day.",
        "Malaria causes 400,000 deaths a year in Africa.",
        "About 1,300 people die on the roads every day.",
        "On average, 30 civilians are killed each month in the province.",
        "Annually, 5,000 people die in traffic accidents in the country.",
        "The disease kills an average of 200 children per week.",
        "Air pollution kills 7 million people annually.",
        # "per" before anything is a rate (_RATE_AFTER), so the sentence-level pre-check must let them through
        "Malaria kills 400,000 people per annum in the region.",
        "The epidemic killed 40 people per one hundred cases.",
        "Road crashes kill 12 people per ten thousand vehicles.",
        "Mines killed 3 children per a week of fighting.",
    ],
)
def test_rates_are_not_figures(detector: Detector, text: str) -> None:
    assert _cas(detector, text) == [], text


def test_rate_near_misses_still_count(detector: Detector) -> None:
    assert _current(detector, "The blast killed 30 people a day after the truce began.") == {30: True}
    assert _current(detector, "Clashes killed 12 soldiers on the day the talks opened.") == {12: True}


# --- 3. hypotheticals, projections and false claims are never figures ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The bomb could have killed 200 people, police said.",
        "A strike on the dam would kill up to 10,000 people.",
        # (a fear of deaths to come; "500 people may have died" is an estimate of deaths that happened, a figure as
        # the corpus labels an unverified "may have been killed": tests/test_casualty_estimates.py)
        "Officials fear as many as 500 people may die.",
        "Posts falsely claim nearly 400,000 Palestinians are missing.",
        "Social media posts falsely said 5,000 soldiers were killed.",
        "The videos misrepresent the clashes, saying 300 protesters were killed.",
        "There is no evidence that 300 civilians were killed in the strike.",
        "The army denied that 12 protesters were killed during the march.",
        "A hoax video claims 50 children were killed at the school.",
        "Without a ceasefire, 20,000 more people could die, the agency warned.",
    ],
)
def test_hypotheticals_and_false_claims_are_not_figures(detector: Detector, text: str) -> None:
    assert _cas(detector, text) == [], text


def test_denials_after_the_figure_keep_it(detector: Detector) -> None:
    assert _current(detector, "The army said 12 militants were killed; the rebels denied the claim.") == {12: True}
    assert _current(detector, "Witnesses said 12 protesters were killed, a figure the army disputed.") == {12: True}


# --- 4. cause ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cause",
    [
        ("An air strike on the market killed 30 people.", "conflict"),
        ("Two suicide bombers killed at least 34 people in the town.", "conflict"),
        ("Gunmen believed to be militants attacked the town; at least 45 soldiers are dead.", "conflict"),
        ("Shelling of the city left 12 civilians dead.", "conflict"),
        ("Fourteen people were killed as violent storms and tornadoes rolled through the state.", "disaster"),
        ("The death toll from the earthquake tops 18,000.", "disaster"),
        ("Floods and landslides killed 40 people in the north.", "disaster"),
        ("A ferry capsized on the river, and 60 passengers are missing.", "accident"),
        ("A bus crash on the highway killed 11 people.", "accident"),
        ("An explosion at a chemical factory killed nine workers.", "accident"),
        ("The Ebola outbreak has killed 1,200 people.", "disease"),
        ("Opioid overdoses killed 300 people in the county.", "disease"),
        ("Police said a man shot dead three people in their home.", "crime"),
        ("A serial killer murdered 12 women over a decade, prosecutors said.", "crime"),
        ("Officials said 20 people died.", None),
    ],
)
def test_cause_from_the_clause(detector: Detector, text: str, cause: str | None) -> None:
    figs = _cas(detector, text)
    assert len(figs) == 1 and figs[0].cause == cause, (text, figs)


def test_cause_from_the_headline_when_the_sentence_has_none(detector: Detector) -> None:
    figs = _cas(
        detector, "Officials said at least 30 people were dead and 60 injured.", "Terrorist attack at shopping mall"
    )
    assert {c.cause for c in figs} == {"conflict"}
    figs = _cas(detector, "Officials said at least 30 people were dead.", "Earthquake strikes the coast")
    assert {c.cause for c in figs} == {"disaster"}


@pytest.mark.parametrize(
    "title, text, cause",
    [
        ("", "A commuter train struck a delivery van at a level crossing, killing four people.", "accident"),
        ("Bus carrying pilgrims strikes fuel tanker on highway", "Officials said nine people died.", "accident"),
        ("Lorry slams into roadside cafe", "Police said three people were killed.", "accident"),
        # Near misses: a vehicle struck by a weapon, one that hit a mine, a car bomb, a car driven into a crowd.
        ("", "A minibus was struck by a rocket near the front line, killing six people.", "conflict"),
        ("", "An army truck hit a landmine on the road to the base, killing four soldiers.", "conflict"),
        ("Car bomb strikes market in the capital", "Officials said 20 people were killed.", "conflict"),
    ],
)
def test_cause_of_a_vehicle_hitting_something(detector: Detector, title: str, text: str, cause: str) -> None:
    figs = _cas(detector, text, title)
    assert len(figs) == 1 and figs[0].cause == cause, (title, text, figs)


def test_cause_of_the_figure_own_clause_wins(detector: Detector) -> None:
    text = "Soldiers helped rescuers after floods killed 40 people, and rebels killed 12 soldiers in an ambush."
    causes = {c.count: c.cause for c in _cas(detector, text)}
    assert causes == {40: "disaster", 12: "conflict"}


# --- 5. who and kind from the phrase -------------------------------------------------------------


def test_who_is_the_whole_victim_phrase(detector: Detector) -> None:
    figs = _cas(detector, "There are at least 30 innocent men, women, and children dead and 60 injured.")
    assert [(c.count, c.kind, c.who) for c in figs] == [(30, "dead", "men, women and children"), (60, "injured", None)]
    figs = _cas(detector, "The strike killed 12 women and children.")
    assert [(c.count, c.who) for c in figs] == [(12, "women and children")]


def test_kind_from_the_word_tied_to_the_number(detector: Detector) -> None:
    figs = _cas(detector, "That day ended with four wounded and a dead child. The bullets killed one and injured four.")
    assert sorted((c.count, c.kind) for c in figs) == [(1, "killed"), (4, "wounded")]


def test_headline_figure_and_body_figure_are_one(detector: Detector) -> None:
    figs = _cas(detector, "Officials say at least 40 people are dead in three bombings.", "Bombings in Iraq Kill 40")
    assert [(c.count, c.qualifier) for c in figs] == [(40, "at_least")]


def test_places_are_not_victims(detector: Detector) -> None:
    assert _cas(detector, "The governor declared an emergency in seven counties that suffered deaths and damage.") == []


def test_toll_verbs_in_the_present(detector: Detector) -> None:
    figs = _cas(detector, "Rescue efforts continue as the death toll from the earthquake tops 18,000.")
    assert [(c.count, c.qualifier, c.kind) for c in figs] == [(18000, "more_than", "dead")]


# --- more background: history, remembrance, comparisons, period totals ---------------------------


@pytest.mark.parametrize(
    "text, count",
    [
        ("In the 1990s, the civil war killed 200,000 people.", 200000),
        ("During World War II, 60 million people died.", 60000000),
        ("More than 36,000 Americans gave their lives in the Korean War.", 36000),
        ("Today we remember the 2,403 Americans killed at Pearl Harbor.", 2403),
        ("The memorial honors the 58,000 Americans who died in Vietnam.", 58000),
        ("This year marks 25 years since the genocide in which 800,000 people were killed.", 800000),
        ("About 8,000 Bosnian Muslim men and boys were killed at Srebrenica in July 1995.", 8000),
        ("In 2019, 30 soldiers were killed in an ambush in Mali.", 30),
    ],
)
def test_history_and_remembrance_are_background(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {count: False}, text


def test_commemorative_headline_makes_figures_background(detector: Detector) -> None:
    figs = _current(
        detector, "Nearly 37,000 Americans were killed in the fighting.", "National Korean War Veterans Armistice Day"
    )
    assert figs == {37000: False}


def test_period_totals_are_current_and_their_comparison_base_background(detector: Detector) -> None:
    assert _current(detector, "In 2022, 1,711 people were killed on the roads, up from 1,558 deaths in 2021.") == {
        1711: True,
        1558: False,
    }
    assert _current(detector, "A record 3,804 civilians were killed in Afghanistan in 2018, the U.N. said Sunday.") == {
        3804: True
    }
    assert _current(detector, "The U.N. says 1,692 civilians were killed in the first six months of 2018.") == {
        1692: True
    }
    assert _current(detector, "The conflict, which began in 1983, has killed more than 100,000 people.") == {
        100000: True
    }
    assert _current(detector, "The Ebola outbreak has killed 5,689 people, compared with 4,000 in October.") == {
        5689: True
    }


def test_rates_per_population_are_not_figures(detector: Detector) -> None:
    assert _cas(detector, "The country recorded 5.3 deaths per billion vehicle miles.") == []
    assert _cas(detector, "The region has 12 murders per 100,000 people.") == []


def test_multi_story_pages_have_no_one_day(detector: Detector) -> None:
    text = "Gunmen killed 30 people on Tuesday. Officials say 20 people were killed in a bomb attack Monday in Kabul."
    assert _current(detector, text, "VOA English newscast 1400 UTC") == {30: True, 20: True}


# --- more phrasings of a figure ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Covid-19 has claimed 40,000 lives in the country.", (40000, "dead")),
        ("The fighting has cost more than 3,000 lives.", (3000, "dead")),
        ("The crash killed all 50 people on board.", (50, "killed")),
        ("All 90 people on board are presumed dead.", (90, "dead")),
        ("Rescuers pulled 30 bodies from the rubble.", (30, "dead")),
        ("Hospital officials said the dead included 12 children.", (12, "dead")),
        ("The U.N. documented 3,430 injuries among civilians.", (3430, "injured")),
        ("The death toll is approaching 40-thousand.", (40000, "dead")),
        ("Medical officials said the casualties have topped 1,100.", (1100, "dead")),
    ],
)
def test_figure_phrasings(detector: Detector, text: str, figure: tuple[int, str]) -> None:
    assert [(c.count, c.kind) for c in _cas(detector, text)] == [figure], text


def test_subsets_after_a_figure(detector: Detector) -> None:
    figs = _cas(detector, "At least 12 civilians were killed, including four children, officials said.")
    assert [(c.count, c.who) for c in figs] == [(12, "civilians"), (4, "children")]
    figs = _cas(detector, "Since then, more than 60 people, including Muslims and Buddhists, have been killed.")
    assert [(c.count, c.kind) for c in figs] == [(60, "killed")]
    assert [c.count for c in _cas(detector, "Twelve people were killed and 30 soldiers were deployed.")] == [12]
    assert _cas(detector, "The army saved 300 lives.") == []


def test_no_one_is_no_figure(detector: Detector) -> None:
    assert _cas(detector, "No one was injured in the blast.") == []
    assert _cas(detector, "No one was killed, police said, and not one soldier was hurt.") == []
    assert [(c.count, c.kind) for c in _cas(detector, "One person was killed and no one else was hurt.")] == [
        (1, "killed")
    ]


def test_lists_and_asides(detector: Detector) -> None:
    def figs(text: str) -> list[tuple[int, str, str | None]]:
        return [(c.count, c.kind, c.who) for c in _cas(detector, text)]

    assert figs("Six Americans, three soldiers and three civilians, were killed Saturday.") == [
        (6, "killed", "Americans"),
        (3, "killed", "soldiers"),
        (3, "killed", "civilians"),
    ]
    assert figs("Twelve soldiers, three civilians and two policemen were killed.") == [
        (12, "killed", "soldiers"),
        (3, "killed", "civilians"),
        (2, "killed", "policemen"),
    ]
    assert figs("At least 7 people, among them two children, were killed.") == [
        (7, "killed", "people"),
        (2, "killed", "children"),
    ]
    assert figs("Six Americans - three soldiers and three civilians - were killed in the attack.")[0] == (
        6,
        "killed",
        "Americans",
    )
    assert figs("A Saudi-led coalition airstrike killed 12 members of one family, including four children.") == [
        (12, "killed", "members"),
        (4, "killed", "children"),
    ]


def test_one_figure_named_twice_keeps_the_body_detail(detector: Detector) -> None:
    figs = _cas(detector, "The strike on Saturday killed 12 civilians.", "Yemen Airstrike Kills 12")
    assert [(c.count, c.who) for c in figs] == [(12, "civilians")]
    figs = _cas(detector, "Gunmen killed three soldiers. The three soldiers were killed near the border.")
    assert [c.count for c in figs] == [3]


def test_lives_lost(detector: Detector) -> None:
    figs = _cas(detector, "12 lives were lost in the fire at the hotel.")
    assert [(c.count, c.kind, c.cause) for c in figs] == [(12, "dead", "accident")]
    assert [c.count for c in _cas(detector, "The fire killed 3 people and 2,000 jobs were lost.")] == [3]


def test_names_with_numbers_are_no_figures(detector: Detector) -> None:
    assert [(c.count, c.kind) for c in _cas(detector, "Covid-19 deaths rose to 500 on Monday.")] == [(500, "dead")]
    assert [c.count for c in _cas(detector, "Flight 409 crashed into the sea, killing all 90 people on board.")] == [90]
    assert [c.count for c in _cas(detector, "The 9/11 attacks killed nearly 3,000 people.")] == [3000]


def test_victims_after_a_first_victim(detector: Detector) -> None:
    def figs(text: str) -> list[tuple[int, str]]:
        return [(c.count, c.kind) for c in _cas(detector, text)]

    assert figs("A suicide bomber killed himself and 12 others at a checkpoint.") == [(12, "killed")]
    assert figs("Gunmen killed the driver and 4 passengers.") == [(4, "killed")]
    assert figs("Among those killed were 3 children.") == [(3, "dead")]
    assert figs("The rebels seized the town and 300 hostages.") == []


def test_conflict_words_name_the_cause(detector: Detector) -> None:
    text = "The worst outbreak of combat in two years killed 200 troops. More than 6,700 people died in that conflict."
    assert {c.count: c.cause for c in _cas(detector, text)} == {200: "conflict", 6700: "conflict"}
    assert [c.cause for c in _cas(detector, "The cholera outbreak has killed 300 people.")] == ["disease"]


@pytest.mark.parametrize(
    "text",
    [
        "The militants plotted to kill 50 people at a stadium.",
        "Police foiled an attempt to kill 20 worshippers.",
        "The bomb was powerful enough to kill 1,000 people.",
        "The group vowed to kill 100 soldiers.",
    ],
)
def test_intent_and_capability_are_not_figures(detector: Detector, text: str) -> None:
    assert _cas(detector, text) == [], text


def test_intent_near_misses_still_count(detector: Detector) -> None:
    assert _current(detector, "The attack that killed 20 people was planned for months.") == {20: True}
    assert _current(detector, "Gunmen who tried to storm the base killed 4 guards.") == {4: True}


def test_day_month_dates(detector: Detector) -> None:
    assert _current(detector, _LEAD + "On 4 January, armed men attacked an army camp, killing four soldiers.") == {
        4: False
    }
    assert [c.count for c in _cas(detector, "By 15 September, 300 people had died.")] == [300]
    assert [c.count for c in _cas(detector, "Hamas killed 1,200 people on 7 October.")] == [1200]
    assert _cas(detector, "As many as 30 may die without aid.") == []


def test_figures_of_claims_without_evidence_are_not_figures(detector: Detector) -> None:
    text = "NATO says it has no direct evidence to back up government claims that foreign troops killed 10 civilians."
    assert _cas(detector, text) == []
    assert _cas(detector, "There is no hard evidence that 300 people were killed.") == []


def test_victims_named_in_quotes_are_still_counted(detector: Detector) -> None:
    text = 'The group claimed the attack, alleging 20 "CIA employees" were killed in the incident.'
    assert _current(detector, text) == {20: True}


def test_a_toll_that_rose_on_a_later_day_is_current(detector: Detector) -> None:
    text = "Gunmen attacked a police station in the north on Monday. The toll from the attack rose to 31 on Tuesday."
    assert _current(detector, text) == {31: True}


def test_a_figure_between_two_past_years_is_background(detector: Detector) -> None:
    text = (
        "Gunmen attacked a police station in the north on Monday. "
        "The country's civil war killed more than 100,000 people between 1989 and 2003."
    )
    assert _current(detector, text) == {100000: False}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("At least 44 die as ferry sinks on the lake", 44),
        ("Five people die in shelling of the city", 5),
        ("Search efforts enter final phase as quake toll reaches 265", 265),
    ],
)
def test_headline_present_tense_and_event_tolls(detector: Detector, text: str, count: int) -> None:
    assert [c.count for c in _cas(detector, text)] == [count]


@pytest.mark.parametrize(
    "text",
    [
        "As many as 30 may die without aid.",
        "Ten more are expected to die, doctors said.",
        "Why 3 of 10 die young",
        "Thousands of people die each year of malaria.",
    ],
)
def test_die_in_projections_shares_and_rates_is_no_figure(detector: Detector, text: str) -> None:
    assert _cas(detector, text) == []


@pytest.mark.parametrize(
    "title, text, count, current",
    [
        # An earlier event named by its month and year, or marked as years past.
        (
            "Report blames commanders for Kabul drone strike",
            "A Pentagon review said the August 2021 drone strike that killed 10 civilians was a tragic mistake.",
            10,
            False,
        ),
        (
            "Ukraine says Russia used cluster bombs",
            "Prosecutors said the April 8, 2022 missile strike on Kramatorsk station, which killed 61 people, "
            "carried cluster munitions.",
            61,
            False,
        ),
        (
            "Pakistan marks 10 years since school massacre",
            "Pakistan on Tuesday marked ten years since Taliban gunmen killed 149 people at an army-run school.",
            149,
            False,
        ),
        # Near misses: today's attack, and a running total since a year.
        ("Militants kill 12 soldiers in Mali", "Militants killed 12 soldiers in an attack on Sunday.", 12, True),
        (
            "Insurgency toll passes 35,000",
            "Since the insurgency began in 2009, more than 35,000 people have been killed.",
            35000,
            True,
        ),
    ],
)
def test_an_event_dated_by_month_and_year_or_marked_as_past_is_background(
    detector: Detector, title: str, text: str, count: int, current: bool
) -> None:
    assert _current(detector, text, title).get(count) is current


@pytest.mark.parametrize(
    "text, count",
    [
        ("Hamas-led militants killed 1,200 people in the October 7 attack on Israel.", 1200),
        ("The October 7 attacks killed about 1,200 people.", 1200),
        ("About 1,200 people were killed in the Oct. 7 attack, according to Israeli tallies.", 1200),
        ("Some 1,200 people died in the attack of October 7.", 1200),
        ("The Sept. 11 attacks killed nearly 3,000 people.", 3000),
        ("The March 15 mosque shootings left 51 people dead.", 51),
        ("The war began with the 7 October attack, in which 1,200 people were killed.", 1200),
    ],
)
def test_an_incident_named_by_its_day_without_a_year_is_background(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, _LEAD + text) == {count: False}, text


def test_a_day_that_dates_the_news_or_the_headline_incident_stays_current(detector: Detector) -> None:
    assert _current(detector, "Gunmen killed 12 soldiers in an attack on December 3, the army said.") == {12: True}
    assert _current(detector, "On October 7, militants killed 14 soldiers at a base, the army said.") == {14: True}
    title = "Toll from the Dec. 3 market attack rises"
    text = "Forty people were killed in the Dec. 3 market attack, officials said on Friday."
    assert _current(detector, text, title) == {40: True}


@pytest.mark.parametrize(
    "text, count",
    [
        ("In a similar attack last spring, militants killed 22 soldiers.", 22),
        ("Last summer, gunmen killed 31 villagers in the same district.", 31),
        ("Previous clashes between the two armies killed 15 soldiers.", 15),
        ("Prior attacks on the base have killed 40 troops.", 40),
    ],
)
def test_a_season_past_or_previous_incidents_are_background(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, _LEAD_THREE + text) == {3: True, count: False}, text


def test_this_season_and_the_previous_incident_named_in_the_news_stay_current(detector: Detector) -> None:
    assert _current(detector, "This summer's fighting in the region has killed 300 people, the UN said.") == {300: True}
    assert _current(detector, "Militants killed 12 soldiers in an attack on the base on Monday.") == {12: True}


def test_a_number_before_a_unit_of_time_is_a_date_not_the_victims(detector: Detector) -> None:
    text = _LEAD + "The town was the scene of a massacre in which 200 villagers were killed nine years ago."
    assert _current(detector, text) == {200: False}
    assert _current(detector, "Two gunmen killed three soldiers at a checkpoint.") == {3: True}


@pytest.mark.parametrize(
    "text, current",
    [
        ("The attack recalled the Beslan school siege, in which 334 people died.", False),
        ("The raid was reminiscent of the Westgate mall attack, in which 67 people were killed.", False),
        ("It echoed the 2008 Mumbai attacks that killed 166 people.", False),
        # The news itself recalled by witnesses stays current.
        ("Survivors recalled the attack, in which 12 people were killed, as chaotic.", True),
        ("Witnesses recalled how the gunmen killed 12 people in the market.", True),
    ],
)
def test_an_earlier_incident_the_news_recalls_is_background(detector: Detector, text: str, current: bool) -> None:
    found = _current(detector, _LEAD_THREE + text)
    assert found.pop(3) is True and list(found.values()) == [current], text


# Two tolls in one sentence ordered by a time after: the clause after "a day after", "weeks after", "following" holds
# the earlier event, the rest of the sentence the news, whichever comes first.
@pytest.mark.parametrize(
    "text, figures",
    [
        (
            "A week after a truck bomb killed 30 people in the capital, another blast killed 14 in the port.",
            {30: False, 14: True},
        ),
        ("The bombing killed 19 people, a day after gunmen killed 7 in a nearby village.", {19: True, 7: False}),
        (
            "Two days after a suicide bomber killed 22 people at a mosque, a second bomber killed 11 at a market.",
            {22: False, 11: True},
        ),
        (
            "Hours after an air strike killed 9 civilians, a new strike killed 16 people in the same town.",
            {9: False, 16: True},
        ),
        ("Shelling killed 8 people, following an attack that killed 12 soldiers on the border.", {8: True, 12: False}),
        ("A car bomb killed 21 people, weeks after a similar attack killed 40 in the city.", {21: True, 40: False}),
        ("Gunmen killed 13 villagers, just days after militants killed 6 soldiers nearby.", {13: True, 6: False}),
    ],
)
def test_the_toll_of_a_clause_after_a_time_after_is_an_earlier_event(
    detector: Detector, text: str, figures: dict[int, bool]
) -> None:
    assert _current(detector, text) == figures, text
    assert _current(detector, _LEAD_THREE + text) == {3: True} | figures, text


def test_a_headline_toll_beside_one_a_week_before(detector: Detector) -> None:
    assert _current(detector, "", title="Blast kills 14, a week after bombing killed 30") == {14: True, 30: False}


@pytest.mark.parametrize(
    "text, count",
    [
        # An earlier event named inside an opening time-after clause ("last month", "previous", "two weeks ago") dates
        # that clause only: the main clause's toll is the news.
        ("Following a similar attack last month, a bomb killed 14 people at the market.", 14),
        ("Two weeks after a previous bombing at the port, gunmen killed 9 soldiers in the north.", 9),
        ("Days after an attack two weeks ago, a car bomb killed 11 people.", 11),
        ("A week after a recent bombing in the capital, another blast killed 6 people.", 6),
    ],
)
def test_an_earlier_event_in_an_opening_time_after_clause_leaves_the_main_toll_current(
    detector: Detector, text: str, count: int
) -> None:
    assert _current(detector, _LEAD_THREE + text) == {3: True, count: True}, text


def test_an_opening_time_after_clause_of_an_earlier_time_keeps_its_figures_background(detector: Detector) -> None:
    # The earlier event's toll told in an aside after the comma, and a main clause set in an earlier war, stay background.
    text = "A week after a previous bombing, in which 12 people died, the market reopened."
    assert _current(detector, _LEAD_THREE + text) == {3: True, 12: False}
    text = "Weeks after World War II ended, 14 soldiers were killed in an ambush."
    assert _current(detector, _LEAD_THREE + text) == {3: True, 14: False}


@pytest.mark.parametrize(
    "text, count",
    [
        # "after" of no earlier event, or a time-after clause with no toll of its own: the toll stays current.
        ("A bomb killed 12 people after the bus left the station.", 12),
        ("Five people died after being taken to hospital.", 5),
        ("Days after the ceasefire began, shelling killed 8 people.", 8),
        ("A week after the talks collapsed, an air strike killed 15 people in the town.", 15),
        ("Following the attack on the market, officials said 20 people had been killed.", 20),
    ],
)
def test_a_time_after_with_no_earlier_toll_keeps_the_figure_current(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {count: True}, text


# --- figures split by an attribution, a qualifier, a possessive or a partitive -------------------


def _figs(detector: Detector, text: str) -> list[tuple[int, str, str, str | None]]:
    return [(c.count, c.qualifier, c.kind, c.who) for c in _cas(detector, text)]


@pytest.mark.parametrize(
    "text, count, qualifier",
    [
        ("At least 26 people, according to Belgian officials, have been killed in the attacks.", 26, "at_least"),
        ("More than 40 civilians, according to the United Nations, were killed in the shelling.", 40, "more_than"),
        ("Twelve soldiers, according to a military statement, died in the ambush.", 12, "exact"),
    ],
)
def test_an_attribution_between_figure_and_verb_is_an_aside(
    detector: Detector, text: str, count: int, qualifier: str
) -> None:
    assert [(c.count, c.qualifier) for c in _cas(detector, text)] == [(count, qualifier)], text


def test_a_qualified_item_of_a_list_keeps_the_list_kind(detector: Detector) -> None:
    text = "The attack resulted in the death of two Tunisians and at least 20 foreign tourists, including one British national."
    assert _figs(detector, text) == [
        (2, "exact", "killed", "Tunisians"),
        (20, "at_least", "killed", "foreign"),
        (1, "exact", "killed", "national"),
    ]
    assert [
        (c.count, c.qualifier)
        for c in _cas(detector, "Gunmen killed three police officers and more than 10 civilians.")
    ] == [
        (3, "exact"),
        (10, "more_than"),
    ]
    assert [(c.count, c.who) for c in _cas(detector, "Ten people were killed, including one U.S. citizen.")] == [
        (10, "people"),
        (1, "citizen"),
    ]


def test_an_item_after_a_possessive_is_part_of_the_figure_before(detector: Detector) -> None:
    text = "Among the dead were four people from one family, a woman and her three daughters."
    assert [(c.count, c.kind) for c in _cas(detector, text)] == [(4, "dead"), (3, "dead")]
    assert [(c.count, c.who) for c in _cas(detector, "Eight soldiers and their two interpreters were killed.")] == [
        (8, "soldiers"),
        (2, None),
    ]


def test_a_share_of_the_toll_just_given_is_a_figure(detector: Detector) -> None:
    text = "We know that over 300 people have been killed, and we know that at least eight of those, sadly, are British nationals."
    assert [(c.count, c.qualifier, c.kind) for c in _cas(detector, text)] == [
        (300, "more_than", "killed"),
        (8, "at_least", "killed"),
    ]
    text = "The blast wounded 40 people; 12 of them are in critical condition."
    assert [(c.count, c.kind) for c in _cas(detector, text)] == [(40, "wounded"), (12, "wounded")]
    # A share with no toll before it is no figure.
    assert _cas(detector, "Eight of those who attended the talks were ministers.") == []


def test_an_including_aside_belongs_to_the_group_it_follows(detector: Detector) -> None:
    text = "Seven people, including three security personnel, were wounded and more than 161 guests, including 41 foreigners, were rescued."
    assert [c.count for c in _cas(detector, text)] == [7, 3]
    # The aside of the toll itself still counts, past a number that is no group ("one family").
    text = "A Saudi-led coalition airstrike killed 12 members of one family, including four children."
    assert [c.count for c in _cas(detector, text)] == [12, 4]


def test_the_attackers_toll_and_the_victims_toll_are_two_figures(detector: Detector) -> None:
    text = "Security forces killed two of the attackers. The attack resulted in the death of two Tunisians."
    assert [(c.count, c.who) for c in _cas(detector, text)] == [(2, "attackers"), (2, "Tunisians")]
    text = "Militants killed three soldiers at the post. Three militants were also killed in the fighting."
    assert [(c.count, c.who) for c in _cas(detector, text)] == [(3, "soldiers"), (3, "militants")]
    # The victims named twice, in other words, stay one figure.
    text = "The gunmen killed 40 soldiers. At least 40 troops were killed in the attack on the base."
    assert [c.count for c in _cas(detector, text)] == [40]


# --- background and refuted figures found on development items ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Tanzania observed Tuesday the 20th anniversary of the bombings of U.S. embassies in those countries."
        " More than 250 people were killed and nearly 5,000 others injured in the explosions.",
        "Today we mark the anniversary of the terrorist bombings that shattered the peace of the country one year ago."
        " The attacks killed more than 250 people, including five U.S. citizens.",
        "The country commemorated on Friday the tenth anniversary of the massacre at the youth camp. The gunman killed"
        " 77 people.",
    ],
)
def test_an_anniversary_the_lead_commemorates_makes_its_figures_background(detector: Detector, text: str) -> None:
    found = _current(detector, text)
    assert found and not any(found.values()), text


def test_news_on_an_anniversary_day_stays_current(detector: Detector) -> None:
    text = (
        "A bomb exploded at a market in the capital on Monday, the anniversary of the coup. Five soldiers were killed"
        " and 20 people were wounded."
    )
    assert _current(detector, text) == {5: True, 20: True}


def test_a_past_perfect_in_a_story_set_on_an_earlier_date_is_background(detector: Detector) -> None:
    text = (
        "A month after the September 11, 2001, attacks, a mail clerk in Jefferson City was sorting packages when he"
        " came across an unmarked envelope. Frightened but calm, he alerted his superiors. The nation was on the"
        " lookout for another attack, after a series of anthrax incidents had killed five people."
    )
    assert _current(detector, text) == {5: False}
    text = "In 1994, the militia attacked the village. By nightfall it had killed 300 villagers."
    assert _current(detector, text) == {300: False}
    # A past perfect in a story of today is the news, reported.
    text = "Police said a car bomb exploded near the market on Monday. Officials said the blast had killed 12 people."
    assert _current(detector, text) == {12: True}
    # A period total opening the story ("In 2022, ...") sets no earlier story.
    text = (
        "In 2022, officials counted the dead across the region. The floods had killed 40 people by the end of the week."
    )
    assert _current(detector, text) == {40: True}


def test_figures_a_verdict_refutes_are_no_figures(detector: Detector) -> None:
    text = (
        "“Since the counteroffensive began something like 40,000 Ukrainians have perished and more than 100,000 have"
        " been irrevocably injured.” Lukashenko’s claims are not supported by evidence, are unverifiable and lack"
        " credibility."
    )
    assert _cas(detector, text) == []
    text = "The post said 300 soldiers were killed in the ambush. The figure is false, the defence ministry said."
    assert _cas(detector, text) == []
    # A figure not yet verified, or a toll expected to rise, is still reported.
    text = "The ministry said 40 militants were killed in the raid. The claim could not be independently verified."
    assert [c.count for c in _cas(detector, text)] == [40]
    assert [
        c.count for c in _cas(detector, "Officials said 30 people died in the blast. The toll is expected to rise.")
    ] == [30]


def test_victims_after_a_pronoun_and(detector: Detector) -> None:
    text = "A driver in California was unable to stop. The crash killed him and three of his family members."
    assert [(c.count, c.kind) for c in _cas(detector, text)] == [(3, "killed")]
    assert [c.count for c in _cas(detector, "The bomb killed them and 12 others in the market.")] == [12]


@pytest.mark.parametrize(
    "text",
    [
        "A rogue elephant named after Osama bin Laden died in captivity. A deadly rampage by the animal killed five villagers.",
        "Officials said a crocodile killed two fishermen on the river near the militants' former camp on Sunday.",
        "Two surfers were killed in shark attacks off the coast this week.",
    ],
)
def test_deaths_caused_by_animals_are_no_conflict_even_beside_an_armed_group(detector: Detector, text: str) -> None:
    causes = {c.cause for c in _cas(detector, text) if c.current}
    assert causes and "conflict" not in causes


# --- figures whose verb stands far from the number (issue 13, articles 431-449) --------------------


@pytest.mark.parametrize(
    "text, figure",
    [
        ("At least 30 villagers have so far been confirmed dead, officials said.", (30, "dead")),
        ("Twelve people have thus far died of their wounds.", (12, "dead")),
        ("Nine soldiers have already been killed this week.", (9, "killed")),
        ("At least 40 students at a boarding school in the north were killed.", (40, "killed")),
        ("Eleven guards on duty near the gate were wounded.", (11, "wounded")),
        ("Both of the two gunmen who opened fire on the crowd were shot dead.", (2, "dead")),
        ("Sixty-two people (and the number is rising) have been killed in the raids.", (62, "killed")),
        (
            "The death toll from Tuesday's bombing of the bus depot and the shootout that followed at the nearby"
            " market has climbed to 27.",
            (27, "dead"),
        ),
    ],
)
def test_verb_after_a_place_a_clause_or_an_aside(detector: Detector, text: str, figure: tuple[int, str]) -> None:
    assert [(c.count, c.kind) for c in _cas(detector, text)] == [figure], text


def test_a_member_of_the_victims_is_no_toll(detector: Detector) -> None:
    assert _cas(detector, "A nurse at the clinic was one of those injured in the shelling.") == []
    assert _cas(detector, "Her brother was one of those who died at the checkpoint.") == []
    # A share beside its whole, and a count of them, stay figures.
    assert [c.count for c in _cas(detector, "Gunmen ambushed a patrol; two of the soldiers were killed.")] == [2]
    assert [c.count for c in _cas(detector, "Rebels killed 14 people; three of those killed were children.")] == [
        14,
        3,
    ]


def test_last_week_beside_a_weekday_lead_is_an_earlier_incident(detector: Detector) -> None:
    text = (
        "Thursday's attack on a police academy killed 11 recruits, officials said. The militants stormed it at"
        " dawn and lasted for several hours before troops regained control. Last week a car bomb at a"
        " checkpoint in the same province killed 8 soldiers."
    )
    assert _current(detector, text) == {11: True, 8: False}
    # With no incident of its own day in the lead, "last week" dates the news itself.
    assert _current(detector, "Shelling of the town last week killed 45 civilians, the governor said.") == {45: True}
    text = (
        "The foreign ministers met on Tuesday in Geneva to discuss the border, officials said. The talks lasted for"
        " several hours and ended without a joint statement. Both sides blame the other for shelling last week that"
        " killed 60 soldiers."
    )
    assert _current(detector, text) == {60: True}


@pytest.mark.parametrize(
    "dating",
    [
        "Yesterday a drone struck a market in the port city, killing 9 people and injuring 30.",
        "Rockets hit a bus station in the capital overnight, killing 9 people and injuring 30.",
        "A car bomb tore through a checkpoint this morning, killing 9 people and injuring 30.",
    ],
)
def test_last_week_after_a_first_figure_dated_by_its_day_is_an_earlier_incident(
    detector: Detector, dating: str
) -> None:
    # A statement's preamble is the lead; the first figure comes later and dates its incident by its day, so
    # "last week" further down is another attack, cited as part of a pattern.
    text = (
        "The ambassador condemned the continuing attacks on civilians in a statement to the council. Thank you,"
        " Madam Chair. The war has brought great suffering to the people of the region. "
        + dating
        + " Attacks on the region's towns have grown more frequent. Last week a missile hit the rail depot,"
        " killing 4 workers and injuring 12."
    )
    assert _current(detector, text) == {9: True, 30: True, 4: False, 12: False}


def test_last_week_in_the_first_figure_or_beside_an_undated_one_is_the_news(detector: Detector) -> None:
    preamble = "The ambassador spoke to the council about the war. Thank you, Madam Chair. The war goes on. "
    # The first figure is last week's: that attack is the statement's news, whatever follows.
    text = preamble + "Last week a missile hit the rail depot, killing 4 workers. Yesterday a drone killed 2 guards."
    assert _current(detector, text) == {4: True, 2: True}
    # A first figure with no day of its own dates nothing: "last week" stays the violence reported.
    text = preamble + "A drone struck a market, killing 9 people. Shelling last week killed 4 workers in the port."
    assert _current(detector, text) == {9: True, 4: True}


@pytest.mark.parametrize(
    "frame",
    [
        "The past two weeks have brought yet more attacks on towns far from the front.",
        "In recent days the shelling of the border towns has grown heavier.",
        "This week alone brought a series of deadly strikes.",
    ],
)
def test_dated_attacks_listed_under_a_recent_period_are_current(detector: Detector, frame: str) -> None:
    # A statement that names a recent period and then lists its attacks by date reports them all.
    text = (
        "The delegation thanked the chair and spoke about the situation on the ground. We meet again with heavy"
        " hearts. "
        + frame
        + " On the evening of 3 May, a rocket struck a school in the port, killing 7 pupils. On 29 April, a glide"
        " bomb hit the market, killing 12 people and wounding more than 40."
    )
    assert _current(detector, text) == {7: True, 12: True, 40: True}


def test_dated_attacks_without_a_recent_period_stay_earlier(detector: Detector) -> None:
    text = (
        "The delegation thanked the chair and spoke about the situation on the ground. We meet again with heavy"
        " hearts. Yesterday a drone struck the port, killing 3 dock workers. The attacks follow a long pattern."
        " On 29 April, a glide bomb hit the market, killing 12 people."
    )
    assert _current(detector, text) == {3: True, 12: False}
    # The period named, then a sentence that opens with no date, ends the list.
    text = (
        "The delegation thanked the chair and spoke about the situation on the ground. We meet again with heavy"
        " hearts. The past two weeks have brought yet more attacks. Drones struck the port yesterday, killing 3 dock"
        " workers. On 29 April, a glide bomb hit the market, killing 12 people."
    )
    assert _current(detector, text) == {3: True, 12: False}


def test_superseded_estimates_are_background(detector: Detector) -> None:
    text = (
        "The health ministry said on Monday that 2,400 people had died in the fighting. Until then, officials"
        " had been saying that about 1,500 people had died."
    )
    assert _current(detector, text) == {2400: True, 1500: False}
    text = "The number of dead rose to 19, up from an initial toll of 12 killed."
    assert _current(detector, text) == {19: True, 12: False}


def test_the_sentence_after_an_earlier_dated_attack_goes_on_with_it(detector: Detector) -> None:
    text = (
        _LEAD_THREE + "Such attacks are frequent in the province. Last spring, insurgents ambushed an army convoy"
        " on the highway with rockets. Fourteen soldiers were killed and 20 were wounded."
    )
    assert _current(detector, text) == {3: True, 14: False, 20: False}
    # A sentence that dates itself is its own news.
    text = (
        _LEAD_THREE + "Such attacks are frequent in the province. Last spring, insurgents ambushed an army convoy"
        " on the highway with rockets. On Monday night, 6 more officers were killed in a second raid."
    )
    assert _current(detector, text)[6] is True


def test_hard_wrapped_lines_are_one_sentence(detector: Detector) -> None:
    text = (
        "Officials in the province said the overnight strike on the market\n"
        "killed at least 17 people and injured 40 others, many of them\n"
        "traders who had arrived before dawn.\n"
        "Earlier attacks in the province:\n"
        "2019\n"
        "March - A bombing in the capital kills 20\n"
        "2020\n"
        "June - Gunmen kill 31 at a wedding"
    )
    figs = {(c.count, c.kind, c.current) for c in _cas(detector, text)}
    # The wrapped sentence is read whole; the short year headings are not joined to the timeline lines after them.
    assert figs == {(17, "killed", True), (40, "injured", True), (20, "killed", False), (31, "killed", False)}


@pytest.mark.parametrize(
    "text, dead, hurt",
    [
        (_LEAD + "Eleven people were hurt, and two of them later succumbed to their injuries in hospital.", 2, 11),
        (_LEAD + "Nine guards were wounded; three succumbed to their wounds overnight.", 3, 9),
        (_LEAD + "Sixteen people were injured, and five of them succumbed to injuries on Tuesday.", 5, 16),
    ],
)
def test_those_who_succumbed_to_their_injuries_died(detector: Detector, text: str, dead: int, hurt: int) -> None:
    found = {(c.count, c.kind) for c in _cas(detector, text)}
    assert (dead, "dead") in found
    assert (hurt, "injured") in found or (hurt, "wounded") in found
    assert (dead, "injured") not in found and (dead, "wounded") not in found


@pytest.mark.parametrize(
    "text, count",
    [
        # an incident the body calls recent is an earlier one
        (_LEAD_THREE + "The same cell carried out the recent assault on a college which killed 60 students.", 60),
        (
            _LEAD_THREE + "It was the latest in a string of recent bombings that killed 40 people across the province.",
            40,
        ),
        (_LEAD_THREE + "Officials said the group was also behind a recent ambush that killed 12 soldiers.", 12),
        # reports as they stood at an earlier hour are superseded
        (_LEAD_THREE + "Earlier reports said nine people had died in the raid.", 9),
        (_LEAD_THREE + "Initial press reports said 14 people were wounded at the post.", 14),
        (_LEAD_THREE + "At the time of writing, local radio stations were reporting that 6 people had been killed.", 6),
        (_LEAD_THREE + "Hospital staff were saying late on Monday that 11 people were wounded.", 11),
    ],
)
def test_a_recent_incident_or_an_earlier_report_in_the_body_is_background(
    detector: Detector, text: str, count: int
) -> None:
    assert _current(detector, text) == {3: True, count: False}


@pytest.mark.parametrize(
    "text",
    [
        "The recent attack on a market in the north killed 20 people, officials said on Monday. No group has"
        " claimed it. The market reopened on Tuesday under heavy guard.",
        "Officials were saying on Tuesday that at least 20 people died in the attack on the market. No group"
        " has claimed it. The market reopened on Wednesday under heavy guard.",
    ],
)
def test_a_recent_attack_or_were_saying_in_the_lead_is_the_news(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {20: True}


# --- a second toll added to the first, equal tolls of two sides, a headline's toll again (issue 13, 500-509) ----


@pytest.mark.parametrize(
    "text, dead, hurt",
    [
        ("A bomb went off at a bus stop on Friday, killing 9 people and wounding another 41.", 9, 41),
        ("Rockets hit the camp overnight, killing four residents and injuring a further 16.", 4, 16),
        ("Gunmen stormed a checkpoint on Monday, killing six guards and wounding an additional eleven.", 6, 11),
    ],
)
def test_a_toll_added_with_another_or_a_further_is_read(detector: Detector, text: str, dead: int, hurt: int) -> None:
    found = {(c.count, c.kind): c.current for c in _cas(detector, text)}
    assert found[(dead, "killed")] is True
    assert found.get((hurt, "wounded"), found.get((hurt, "injured"))) is True


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers were killed when militants overran a base in the east on Sunday. Elsewhere, five villagers"
        " were killed when a mortar round hit their home.",
        "Three policemen died in an ambush on a convoy near the border. In a separate attack, three children were"
        " killed by a bomb hidden in a cart.",
        "Militants shot dead eight soldiers at a checkpoint on Tuesday. Troops later killed eight attackers in the"
        " hills nearby.",
    ],
)
def test_equal_tolls_of_two_sides_in_two_sentences_are_two_figures(detector: Detector, text: str) -> None:
    counts = [c.count for c in _cas(detector, text) if c.current]
    assert len(counts) == 2 and len(set(counts)) == 1


@pytest.mark.parametrize(
    "title, text, count, qualifier",
    [
        (
            "At Least 30 Dead in Market Bombing",
            "Officials said a bomb hidden in a cart exploded in a crowded market on Saturday, killing more than 30"
            " people.",
            30,
            "more_than",
        ),
        (
            "More Than 12 Killed in Attack on Convoy",
            "Militants ambushed an army convoy in the north on Sunday, killing at least 12 soldiers, officials said.",
            12,
            "at_least",
        ),
    ],
)
def test_a_headline_toll_told_again_with_another_qualifier_is_one_figure(
    detector: Detector, title: str, text: str, count: int, qualifier: str
) -> None:
    found = [(c.count, c.qualifier) for c in _cas(detector, text, title)]
    assert found == [(count, qualifier)]


def test_two_sources_in_the_body_keep_their_two_figures(detector: Detector) -> None:
    text = (
        "Police said at least 20 people were killed in the bombing of the market on Saturday. A hospital"
        " official said more than 20 people died."
    )
    assert sorted(c.qualifier for c in _cas(detector, text, "Bomb Hits Market")) == ["at_least", "more_than"]


# --- an earlier attack likened or acted on (issue 13, articles 510-512) --------------------------------------------


@pytest.mark.parametrize(
    "text, count",
    [
        (
            "Prosecutors charged three men on Tuesday in connection with a bombing last month that killed 14 people.",
            14,
        ),
        ("Police arrested four suspects over last week's ambush, which killed 7 soldiers, officials said.", 7),
        ("The court sentenced two militants for an attack in March that killed 25 villagers.", 25),
    ],
)
def test_a_measure_over_an_incident_of_an_earlier_day_makes_its_toll_background(
    detector: Detector, text: str, count: int
) -> None:
    assert _current(detector, text) == {count: False}


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two suspects on Monday after a bombing that killed 9 people at a bus station.",
        "Police detained three men over the bombing that killed 9 people on Monday.",
    ],
)
def test_a_measure_over_the_days_own_incident_keeps_its_toll(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {9: True}


@pytest.mark.parametrize(
    "text, count",
    [
        (_LEAD_THREE + "The group claimed the attack, just as it did when its fighters killed 31 pilgrims in May.", 31),
        (_LEAD_THREE + "The militia denied any role, as it had after gunmen killed 12 guards at the mine.", 12),
    ],
)
def test_an_incident_likened_with_as_it_did_is_background(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {3: True, count: False}


# --- issue 13: a current attack counted in a series, the worst of earlier incidents, a war's running total ---------


@pytest.mark.parametrize(
    "text",
    [
        "It was the second attack in two days: a car bomb killed 14 people outside a bank, officials said.",
        "In the second attack in as many days, a suicide bomber killed 14 people at a bus depot.",
        "A roadside bomb killed 14 soldiers near the border in the first attack since the truce took hold.",
        "A mortar barrage killed 14 people at a market, the second attack this week on the town.",
    ],
)
def test_the_news_counted_in_a_series_of_attacks_stays_current(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {14: True}, text


def test_the_first_attack_with_no_series_after_it_is_still_background(detector: Detector) -> None:
    # The ordinal alone, with no series window after it, still names an earlier attack.
    text = _LEAD_THREE + "The first attack, on a convoy in the hills, killed 22 soldiers."
    assert _current(detector, text) == {3: True, 22: False}


@pytest.mark.parametrize(
    "text, figures",
    [
        # Right after a sentence whose figures are all an earlier day's: the worst of those incidents.
        (
            "Officials say a bomb killed two people at a checkpoint on Sunday. No group has claimed responsibility. "
            "A string of bombings and shootings on Saturday killed at least 40 people across the province. "
            "The deadliest attacks hit the provincial capital, where car bombs killed more than 20 people.",
            {2: True, 40: False, 20: False},
        ),
        # A worst incident dated by a day of its own is the news's, whatever the sentence before.
        (
            "Bombings across the province killed 40 people on Monday, officials said. Last month, a wave of attacks"
            " killed 30 people in the same towns. The deadliest attack on Monday hit the capital, where a car bomb"
            " killed 20 people.",
            {40: True, 30: False, 20: True},
        ),
        # With no all-background sentence before it, "the deadliest attack" is the news itself.
        (
            "A wave of bombings killed 40 people across the province on Sunday, officials said. "
            "The deadliest attack hit the provincial capital, where a car bomb killed 20 people.",
            {40: True, 20: True},
        ),
    ],
)
def test_the_deadliest_attacks_are_those_of_the_sentence_before(
    detector: Detector, text: str, figures: dict[int, bool]
) -> None:
    assert _current(detector, text) == figures


@pytest.mark.parametrize(
    "text, count",
    [
        (_LEAD_THREE + "The offensive, launched after the March 3 massacre, has killed more than 9,000 people.", 9000),
        (_LEAD_THREE + "The campaign, launched in 2021, has so far killed 2,500 fighters, the army says.", 2500),
        (_LEAD_THREE + "The war that followed the July 9 raid has killed at least 40,000 people.", 40000),
    ],
)
def test_a_war_named_by_its_start_keeps_its_running_total_current(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {3: True, count: True}, text


@pytest.mark.parametrize(
    "text, count",
    [
        (_LEAD_THREE + "The March 3 massacre, which started the offensive, killed 300 villagers.", 300),
        (_LEAD_THREE + "Gunmen killed 300 villagers in the March 3 massacre, which started the war.", 300),
    ],
)
def test_the_starting_event_of_a_war_keeps_its_own_toll_background(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {3: True, count: False}, text


# --- issue 13: two incidents told together, the earlier one dated relative to the news ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Last week's ambush on a convoy killed 30 soldiers; another on Sunday killed 14, the army said.",
        "Earlier this month a truck bomb killed 30 people at a market, and on Sunday another blast killed 14.",
        "A suicide bomber killed 14 worshippers at a shrine on Friday, after last week's raid on a school killed 30.",
        "Two attacks in a week: last week's raid killed 30 villagers and a bombing on Sunday killed 14 shoppers.",
        # The news's toll first, dated by its day, then the earlier one in a clause of its own.
        "In the latest attack, a bomb killed 14 people on Sunday; last week 30 died in a similar blast.",
        "Gunmen killed 14 villagers on Sunday, the second such massacre in the region after 30 were killed last week.",
    ],
)
def test_an_earlier_incident_told_beside_the_news_in_one_sentence_is_background(detector: Detector, text: str) -> None:
    # In the lead, where "last week" otherwise dates the news itself.
    assert _current(detector, text) == {30: False, 14: True}, text


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 14 farmers in the hills on Sunday, officials said. Last week's raid on a nearby village"
        " killed 30.",
        "A car bomb killed 14 people outside a police station on Sunday. Three weeks ago, a similar bomb killed 30"
        " in the same street.",
    ],
)
def test_an_earlier_incident_after_the_news_toll_is_background_in_the_lead_too(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {14: True, 30: False}, text


@pytest.mark.parametrize(
    "text, count",
    [
        # No toll of the news before it: last week's shelling is the violence the report is about.
        ("Ministers met on Monday to discuss the violence. Shelling last week killed 200 people in the city.", 200),
        # A day of the news's own, but no toll before "last week": the army's claim is the news.
        ("The army said on Monday that its troops had killed 30 militants last week in the hills.", 30),
        # "reported last week" dates the report, not an incident.
        (
            "Shelling killed 12 people on Monday. The U.N. reported last week that strikes between March and"
            " August killed at least 900 civilians.",
            900,
        ),
    ],
)
def test_last_week_beside_no_news_toll_or_dating_a_report_stays_current(
    detector: Detector, text: str, count: int
) -> None:
    assert _current(detector, text)[count] is True, text


# --- issue 13, ninth batch: classes of the new development articles 532-548 ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A year after the raid that killed 30 people at the market, a new strike on Sunday killed 5.",
        "Exactly a year after the ambush that killed 30 soldiers, militants struck again on Friday, killing 5.",
        "Two years after the siege that killed 30 pupils, a bomb on Monday killed 5 at the same school.",
    ],
)
def test_an_opening_clause_a_year_after_an_earlier_attack_is_background(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {30: False, 5: True}, text


def test_a_year_after_with_no_toll_in_its_clause_leaves_the_news_current(detector: Detector) -> None:
    # The time-after clause names no earlier toll: nothing in the sentence is background.
    text = "A year after the war began, shelling killed 5 people in the port on Sunday."
    assert _current(detector, text) == {5: True}


@pytest.mark.parametrize(
    "text",
    [
        "On the anniversary of the massacre in which 30 villagers were killed, gunmen killed 5 people on Tuesday.",
        "On the first anniversary of the bombing that killed 30, a car bomb killed 5 near the shrine.",
    ],
)
def test_the_days_toll_after_an_opening_anniversary_clause_is_current(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {30: False, 5: True}, text


def test_an_anniversary_clause_followed_by_an_aside_on_the_same_attack_stays_background(detector: Detector) -> None:
    text = "On the anniversary of the bombings, which killed 224 people, survivors laid wreaths at the embassy."
    assert _current(detector, text) == {224: False}


@pytest.mark.parametrize(
    "text",
    [
        "The army first reported that 14 troops had been killed, but the minister later put the death toll at 19.",
        "Police initially said 14 people had died in the attack; the toll has since risen to 19.",
        "Officials originally gave a toll of 14 dead, while hospital staff now count 19 dead.",
    ],
)
def test_a_first_report_that_a_later_count_replaces_is_superseded(detector: Detector, text: str) -> None:
    assert _current(detector, text) == {14: False, 19: True}, text


def test_a_first_report_with_no_later_count_stays_current(detector: Detector) -> None:
    text = "Local radio first reported the ambush on Monday, and 14 soldiers were killed in it."
    assert _current(detector, text) == {14: True}


@pytest.mark.parametrize(
    "text, count",
    [
        ("Militants stormed the town, killing at least forty people and injuring well over one hundred.", 100),
        ("The shelling killed 9 people and wounded far more than 60, medics said.", 60),
    ],
)
def test_an_intensified_more_than_qualifier_keeps_the_figure(detector: Detector, text: str, count: int) -> None:
    found = {c.count: c for c in _cas(detector, text)}
    assert found[count].kind in ("injured", "wounded") and found[count].qualifier == "more_than", text


@pytest.mark.parametrize(
    "text, count",
    [
        ("Nine children under the age of 14 were among the wounded.", 9),
        ("Two men aged 30 and 41 were injured by shrapnel.", 2),
        ("Six pupils between the ages of 8 and 12 were hurt in the blast.", 6),
    ],
)
def test_an_age_after_the_victims_is_no_figure_and_does_not_hide_theirs(
    detector: Detector, text: str, count: int
) -> None:
    counts = [c.count for c in _cas(detector, _LEAD + text)]
    assert counts == [count], text


# --- issue 13: victims named as a side's forces or as individuals (development articles 726, 732) -----------------


@pytest.mark.parametrize(
    ("text", "count", "kind", "who"),
    [
        (
            "The envoy condemned the ambush that killed over 30 Somali paramilitary forces near the border.",
            30,
            "killed",
            "forces",
        ),
        ("Six security forces were wounded when their patrol hit a mine on Sunday.", 6, "wounded", "forces"),
        (
            "Insurgents stormed a checkpoint overnight and killed 11 government forces, officials said.",
            11,
            "killed",
            "forces",
        ),
        ("Two state troopers were injured in the shootout on the highway.", 2, "injured", "troopers"),
        ("The raid killed four paramilitaries and a driver, the army said.", 4, "killed", "paramilitaries"),
        (
            "The minister deplored Thursday's blasts, which killed more than 90 individuals at a market.",
            90,
            "killed",
            "individuals",
        ),
    ],
)
def test_a_sides_forces_or_individuals_are_victims(
    detector: Detector, text: str, count: int, kind: str, who: str
) -> None:
    found = [(c.count, c.kind, (c.who or "").lower(), c.current) for c in _cas(detector, text)]
    assert (count, kind, who, True) in found


def test_individuals_killed_beside_a_vague_wounded_count_stay_killed(detector: Detector) -> None:
    # "left hundreds wounded" has no figure: it must not give its kind to the dead
    cas = _cas(
        detector, "The council condemned the bombings that killed over 70 individuals and left hundreds wounded."
    )
    assert [(c.count, c.kind) for c in cas] == [(70, "killed")]


def test_forces_with_no_casualty_word_are_no_figure(detector: Detector) -> None:
    assert _cas(detector, "The ministry said it would send 2,000 forces to the border region next month.") == []


# --- issue 13, tenth batch: a bare count followed by the manner of the attack (development article 800) ---------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A gunman shot dead four guards and wounded more than 60 by spraying the queue with bullets.", 60),
        ("The bomber killed nine and injured at least 35 by ramming a lorry into the checkpoint.", 35),
        ("Insurgents wounded 12 by shelling the camp from the hills on Friday night.", 12),
    ],
)
def test_a_bare_count_before_by_and_a_gerund_is_a_figure(detector: Detector, text: str, count: int) -> None:
    """'wounded more than 60 by spraying...': the 'by' clause says how, so the bare number is the victims."""
    assert _current(detector, text).get(count) is True


def test_by_without_a_gerund_still_needs_its_victims(detector: Detector) -> None:
    """Only 'by' and a verb in -ing ends a bare count: 'killed 300 by 2030' stays no figure."""
    assert 300 not in _current(detector, "The disease could have killed 300 by 2030, the agency warned.")


# --- issue 13, eleventh batch (development articles 835 and 836) -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the strike "that attack" points back at is of the news day
        "A drone hit a market in the east on Tuesday morning, killing three shoppers. Another drone struck a school"
        " in the west later on Tuesday. The mayor said that attack killed six pupils and hurt nine teachers.",
        "Rockets hit the port overnight and killed two dock workers. A second salvo hit a depot near the station."
        " That attack killed four guards, the governor said.",
    ],
)
def test_that_attack_after_an_attack_of_the_news_day_is_news(detector: Detector, text: str) -> None:
    """'that attack' names the attack just told; when it is of the news day, its figures are news."""
    found = _current(detector, text)
    assert found and all(found.values())


@pytest.mark.parametrize(
    ("text", "old"),
    [
        (
            "A bomb killed three people at a bus depot on Monday. In 2019, militants stormed the same depot."
            " That attack killed 40 people.",
            40,
        ),
        (
            _LEAD_THREE + "A car bomb went off outside a mosque in the same town last month. Nine worshippers were"
            " killed in that attack.",
            9,
        ),
    ],
)
def test_that_attack_after_an_earlier_day_is_background(detector: Detector, text: str, old: int) -> None:
    """... and when the sentence before speaks of an earlier day, 'that attack' is the earlier one."""
    found = _current(detector, text)
    assert found.get(old) is False
    assert any(found.values())


@pytest.mark.parametrize(
    ("text", "old"),
    [
        ("A car bomb killed five people in the capital on Friday. Police previously said that eight had died.", 8),
        ("A car bomb killed five people in the capital on Friday. The ministry had earlier put the toll at 3.", 3),
        ("A car bomb killed five people in the capital on Friday. Officials had initially reported 11 dead.", 11),
    ],
)
def test_a_count_reported_before_the_latest_is_superseded(detector: Detector, text: str, old: int) -> None:
    """A count that officials 'previously' or 'had earlier' gave is replaced by the news' own."""
    found = _current(detector, text)
    assert found.get(5) is True
    assert found.get(old) is False


def test_a_count_as_previously_reported_is_still_news(detector: Detector) -> None:
    """'As previously reported' repeats the figure that still stands."""
    assert _current(detector, "As previously reported, seven soldiers were killed at the outpost on Friday.") == {
        7: True
    }


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Four other gunmen with grenades were shot dead at the gate.", 4),
        ("Three militants wearing police uniforms were killed in the raid.", 3),
        ("Two fighters armed with rifles were wounded in the exchange of fire.", 2),
        ("Six men carrying explosives were killed when their car blew up.", 6),
    ],
)
def test_what_the_victims_bore_may_stand_before_the_verb(detector: Detector, text: str, count: int) -> None:
    """'five attackers with explosives were shot and killed': what they bore sits between the victims and the verb."""
    assert _current(detector, text).get(count) is True


def test_armed_attackers_who_kill_are_no_figure(detector: Detector) -> None:
    """The number of attackers who did the killing stays no figure."""
    assert 3 not in _current(detector, "Three men with guns attacked the post and killed a guard on Sunday.")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Four U.N. soldiers and a Kenyan pilot were hurt when the boat capsized under fire.", 4),
        ("Two Israeli soldiers and a Druze tracker were killed near the fence on Tuesday.", 2),
        ("Five elite troops and an embedded cameraman were wounded in the assault.", 5),
    ],
)
def test_a_single_victim_joined_to_the_counted_ones_keeps_the_count(detector: Detector, text: str, count: int) -> None:
    """'three U.S. soldiers and an Afghan interpreter were wounded': the joined victim's words, and an abbreviation
    before the victims, do not part the number from its verb."""
    assert _current(detector, text).get(count) is True


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Four U.K. soldiers were hurt when their patrol came under fire on Monday.", 4),
        ("Two E.U. monitors were killed by shelling near the line on Friday.", 2),
        ("Three U.A.E. aid workers were wounded in the strike on the convoy.", 3),
        ("Five U.S. contractors were injured in the rocket attack on the base.", 5),
    ],
)
def test_dotted_initials_before_the_victims_do_not_end_the_sentence(detector: Detector, text: str, count: int) -> None:
    """Any dotted initials ('U.K.', 'E.U.', 'U.A.E.'), not only 'U.S.' and 'U.N.', are one word of the victims: the
    figure keeps its verb."""
    assert _current(detector, text).get(count) is True


def test_words_after_and_a_that_name_no_victim_make_no_figure(detector: Detector) -> None:
    """Only a kind word decides: 'six drivers and a mechanic were stranded' holds no toll word."""
    assert _cas(detector, "Six drivers and a mechanic were stranded at the border post.") == []


@pytest.mark.parametrize(
    ("title", "counts"),
    [
        ("Three U.N. Peacekeepers, Two Villagers Killed in Ambush", {3, 2}),
        ("Two U.S. Marines, One Interpreter Wounded in Blast", {2, 1}),
    ],
)
def test_a_headline_list_with_an_abbreviation_gives_each_figure(
    detector: Detector, title: str, counts: set[int]
) -> None:
    """'Two U.S. Soldiers, One Militant Killed': the points of 'U.S.' do not break the list before the verb."""
    found = {c.count for c in _cas(detector, "", title=title) if c.current}
    assert counts <= found


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (_LEAD_THREE + "Initial reports indicate that up to 9 gunmen were killed in the exchange.", 9),
        (_LEAD_THREE + "Preliminary reports suggest 16 villagers were wounded by the shelling.", 16),
        (_LEAD_THREE + "First reports say 4 guards died at the checkpoint.", 4),
    ],
)
def test_a_first_report_in_the_present_tense_still_stands(detector: Detector, text: str, count: int) -> None:
    """'Initial reports indicate 11 were killed' gives the count as it now stands; 'initial reports said' is the
    count a later one replaced."""
    assert _current(detector, text) == {3: True, count: True}


# --- issue 13, fourteenth batch: a running total carried up by the news (development article 974) ---------------


@pytest.mark.parametrize(
    ("text", "count", "kind"),
    [
        ("Artillery fire has killed 32 villagers since May, and Sunday's barrage brought the total to 47.", 47, "dead"),
        (
            "Drone strikes have killed at least 9 herders this year; a strike on Monday raised the tally to 12.",
            12,
            "dead",
        ),
        ("Another 6 guards were hurt on Friday, bringing the number of injured to 41.", 41, "injured"),
        ("Two more soldiers were wounded in the ambush, taking the total wounded this month to 23.", 23, "wounded"),
        ("The second blast pushed the overall number of dead to 38.", 38, "dead"),
    ],
)
def test_a_total_brought_up_to_a_figure_is_current(detector: Detector, text: str, count: int, kind: str) -> None:
    """'which brought the total to 118': the total's noun is no casualty word, so its kind comes from the words after
    it or from the sentence's toll before it."""
    found = {c.count: (c.kind, c.current) for c in _cas(detector, text)}
    assert found.get(count) == (kind, True), found


@pytest.mark.parametrize(
    "text",
    [
        "The donors' pledges brought the total to 250 million dollars.",
        "The latest arrivals brought the total to 3,000 refugees in the camp.",
        "The new recruits raised the number of troops to 1,200.",
    ],
)
def test_a_total_with_no_casualty_word_is_no_figure(detector: Detector, text: str) -> None:
    assert _cas(detector, text) == [], text


# --- issue 13, fourteenth batch: a participle of "claim the lives of" (development article 916) --------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A rocket struck the bus depot at dawn, claiming the lives of at least 17 commuters.", 17),
        ("The mortar fire, which took the lives of 6 farmers, drew a protest from the governor.", 6),
        ("Shelling of the port town claims the lives of 3 dock workers, officials say.", 3),
        ("The raid on the village, costing the lives of 11 residents, was the worst in months.", 11),
    ],
)
def test_the_lives_claimed_in_any_tense_are_the_dead(detector: Detector, text: str, count: int) -> None:
    assert _current(detector, text) == {count: True}, text


# --- issue 13, fourteenth batch: the wounded in less common phrasings (the held totals' "hurt: not found") ----------


@pytest.mark.parametrize(
    ("text", "count", "kind"),
    [
        ("Seven shepherds sustained serious injuries when the shell landed.", 7, "injured"),
        ("At least 19 people suffered gunshot wounds during the raid.", 19, "wounded"),
        ("Another 8 sustained wounds in the mortar fire.", 8, "wounded"),
        ("The gunmen killed two guards and hurt 5 others at the gate.", 5, "injured"),
        ("By nightfall the number of wounded stood at 64.", 64, "wounded"),
        ("Officials put the number of injured at 27 after the blast.", 27, "injured"),
        ("Medics carried 14 injured villagers to the clinic after the strike.", 14, "injured"),
        ("Helicopters flew 9 wounded soldiers out of the valley.", 9, "wounded"),
    ],
)
def test_the_wounded_in_less_common_phrasings(detector: Detector, text: str, count: int, kind: str) -> None:
    found = {c.count: (c.kind, c.current) for c in _cas(detector, text)}
    assert found.get(count) == (kind, True), found


@pytest.mark.parametrize(
    "text",
    [
        "The guard suffered 12 stab wounds in the robbery.",
        "The body bore 4 wounds to the head.",
        "Two gunmen wounded three soldiers at the gate.",
    ],
)
def test_wounds_counted_on_one_body_and_attackers_are_no_wounded_figure(detector: Detector, text: str) -> None:
    """'12 stab wounds' counts wounds, not the people who bore them; 'Two gunmen wounded three soldiers' has two
    attackers, not two wounded."""
    found = {c.count for c in _cas(detector, text)}
    assert not found & {12, 4, 2}, found


def test_a_total_carried_up_by_the_news_stays_current_beside_another_day(detector: Detector) -> None:
    """The clause naming the earlier day ("until Tuesday's strike") leaves the total it carries up current; the
    total before it, superseded in the same sentence, stays background."""
    text = (
        "The monitoring group said on Thursday that an air strike on a farming village killed at least 21 people. It"
        " was the deadliest strike of the campaign so far, the group said. The raids had killed at least 40"
        " civilians from the start of the campaign until Tuesday's strike, which brought the total to at least 61."
    )
    assert _current(detector, text) == {21: True, 40: False, 61: True}


def test_a_total_carried_up_in_a_past_year_is_history(detector: Detector) -> None:
    text = _LEAD_THREE + "In 2016, a bombing at the same post brought the toll to 44."
    assert _current(detector, text) == {3: True, 44: False}
