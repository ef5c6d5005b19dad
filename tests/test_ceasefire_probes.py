"""Ceasefire status probes of issue 13 (helper hold, 6 Dec), written in our own words and labelled before any run:
a truce holding or in force, one only proposed, and controls really agreed. Held-out confusions (totals only) showed
truces in force and truces proposed read as agreed; these probes found three phrasings that did it: an agreement cue
past which the truce is said to hold ("a ceasefire deal reached on Friday held for a third day"), a headline's bare
"as" clause ("Aid Reaches City as Truce Holds": "reaches" governs the city), and time lasted ("the truce has lasted a
week"). Probes that are not in the test are in docs/quality-log.md (a signing "could" be made on a day stays agreed:
corpus convention 2)."""

from __future__ import annotations

import pytest

from bot.detect import Detector
from tests.support.detection import line_status


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


_HOLDING = [
    "The ceasefire between the army and the rebels was holding on Wednesday, residents said.",
    "A truce in the northern province remained in force for a third day on Sunday.",
    "The ceasefire has been largely observed since it took effect at midnight, monitors reported.",
    "The truce entered its second week on Monday with only minor incidents reported.",
    "Calm returned to the border towns after the ceasefire took effect on Friday.",
    "The ceasefire appeared to be holding across most of the front line on Tuesday.",
    "Residents ventured out to markets as the truce held for a second straight day.",
    "The truce, now in its fifth day, has brought a rare respite to the besieged city.",
    "Shops reopened in the capital as a fragile ceasefire held overnight.",
    "The ceasefire is still in place despite sporadic gunfire near the airport, officials said.",
    "Both sides have broadly respected the truce since it began on Saturday.",
    "Aid convoys reached the town on Thursday under a ceasefire that has held since last week.",
    "The week-old truce continued to hold on Friday, the United Nations said.",
    "Quiet prevailed along the frontier on the first day of the ceasefire.",
    "The ceasefire that came into force on Monday was being observed by both militias, a spokesman said.",
    "Ceasefire holds for third day in northern region",
    "Truce largely holding as aid trucks enter the enclave",
    "Fragile calm holds as ceasefire enters second week",
    "Residents return home as truce holds",
    "The truce has now lasted ten days, the longest pause in fighting this year.",
    "No violations of the ceasefire were reported overnight, the monitoring mission said.",
    "Farmers returned to their fields as the truce remained intact for a second week.",
    "The ceasefire, in effect since Sunday, has allowed hospitals to restock, doctors said.",
    "The two sides are abiding by the ceasefire, the mediators said on Monday.",
    "Life slowly returned to normal in the city as the truce entered its third day.",
    "The guns have been silent since the ceasefire began at dawn on Tuesday.",
    "The ceasefire continues to hold, with only isolated incidents, the army said.",
    "A month into the truce, displaced families have begun to return to their villages.",
    "The truce brokered last month is holding, the foreign minister told parliament.",
    "Monitors said the ceasefire was being respected along most of the line of contact.",
    "Calm has returned to the region since the ceasefire came into effect on Wednesday.",
    "The truce has survived its first weekend despite mutual accusations.",
    "The ceasefire agreed last week has held so far, easing pressure on the hospitals.",
    "Schools reopened on Monday, a week after the truce took hold.",
]
_PROPOSED = [
    "The mediators proposed a 30-day ceasefire to allow aid into the city.",
    "The government offered the rebels a truce during the harvest season.",
    "The UN envoy called for an immediate ceasefire on Tuesday.",
    "The rebel leader said his fighters were ready to agree to a ceasefire if the army withdrew.",
    "Under the plan, a ceasefire would take effect within 48 hours of signing.",
    "A draft ceasefire agreement was circulated among the parties on Wednesday.",
    "The foreign ministers urged both sides to accept a truce.",
    "Egypt has put forward a proposal for a three-week truce.",
    "A ceasefire proposal drawn up by the mediators would see fighting halt for six weeks.",
    "The president said he was prepared to accept a ceasefire on certain conditions.",
    "The plan would establish a ceasefire followed by a prisoner exchange.",
    "The council is expected to vote on a resolution demanding a ceasefire.",
    "Mediators hope a truce can be agreed before the holiday.",
    "The rebels said they were studying a ceasefire offer from the government.",
    "Under the proposal, the truce would last 60 days and could be extended.",
    "Qatar submitted a new ceasefire plan to both delegations on Monday.",
    "The envoy presented a draft truce to the warring parties.",
    "A ceasefire deal could be reached within days, a senior official said.",
    "The opposition said it was willing to sign a truce if the shelling stopped.",
    "Mediators offer new ceasefire plan",
    "Envoy proposes 30-day truce",
    "UN calls for immediate ceasefire in the north",
    "Rebels say ready to agree to truce",
    "Draft truce sent to warring sides",
    "The prime minister floated the idea of a holiday truce on Sunday.",
    "The mediators' plan envisages a ceasefire in three phases.",
    "The army said it would consider a ceasefire proposal put forward by the church.",
    "World leaders pressed for a truce to let aid in.",
    "The proposed ceasefire would begin with a 10-day pause in air strikes.",
    "The rebels have yet to respond to the truce offer.",
]
_AGREED = [
    "The two sides signed a ceasefire agreement in the capital on Tuesday.",
    "The government and the rebels agreed to a truce starting Monday.",
    "Mediators announced that the warring parties had agreed to a ceasefire.",
    "The army and the militia reached a ceasefire deal late on Saturday.",
    "A ceasefire was agreed on Friday after three days of talks.",
    "Negotiators struck a deal for a 72-hour truce, the UN said.",
    "Warring sides sign ceasefire deal",
    "Government and rebels agree truce",
    "The two countries announced a ceasefire agreement on Wednesday, to take effect at midnight.",
    "Both sides accepted the ceasefire agreement brokered by Turkey.",
    "Rival factions agreed on Sunday to a ceasefire that will begin at dawn on Tuesday.",
    "The parties signed a truce that is due to take effect on Thursday.",
    "Leaders of the two countries agreed a ceasefire in a phone call, the ministry said.",
    "Israel and Hamas agree ceasefire deal, mediators say",
    "The militias agreed to a ceasefire after mediation by tribal elders.",
]


@pytest.mark.parametrize("line", _HOLDING)
def test_a_truce_in_force_holds(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "holding"


@pytest.mark.parametrize("line", _PROPOSED)
def test_a_truce_put_forward_is_proposed(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "proposed"


@pytest.mark.parametrize("line", _AGREED)
def test_a_truce_agreed_is_agreed(detector: Detector, line: str) -> None:
    assert line_status(detector, line) == "agreed"


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("The truce has lasted a week so far.", "holding"),
        ("The ceasefire has survived a week of provocations.", "holding"),
        ("The ceasefire has lasted since March.", "holding"),
        ("The ceasefire was signed on Monday and could take effect next week.", "agreed"),
    ],
)
def test_time_a_truce_has_lasted(detector: Detector, line: str, status: str) -> None:
    assert line_status(detector, line) == status


@pytest.mark.parametrize(
    ("title", "lead", "status"),
    [
        (
            "Ceasefire holds in northern province",
            "A ceasefire agreed by the army and the rebels on Sunday was holding on Tuesday, with no clashes reported.",
            "holding",
        ),
        (
            "Truce brings calm to border towns",
            "A truce signed last week between the two countries has brought calm to the border, residents said.",
            "holding",
        ),
        (
            "Aid reaches city as truce holds",
            "Aid trucks entered the city on Monday as a ceasefire deal reached on Friday held for a third day.",
            "holding",
        ),
        (
            "Ceasefire enters second week",
            "The ceasefire agreement between the government and the militia entered its second week on Sunday.",
            "holding",
        ),
        (
            "Calm returns after truce",
            "Calm returned to the capital on Saturday after a truce agreed by the rival factions took effect at dawn.",
            "holding",
        ),
        (
            "Markets reopen under ceasefire",
            "Markets reopened on Thursday under a ceasefire the two sides agreed earlier this month.",
            "holding",
        ),
        (
            "Truce largely respected, UN says",
            "The truce that the warring parties signed on Monday has been largely respected, the UN said on Wednesday.",
            "holding",
        ),
        (
            "Displaced families go home as ceasefire takes hold",
            "Thousands of displaced families began returning home as the ceasefire agreed on Sunday took hold.",
            "holding",
        ),
        (
            "Quiet night along front line",
            "The front line was quiet overnight, the second night since the ceasefire agreement came into force.",
            "holding",
        ),
        (
            "Ceasefire still in place",
            "The ceasefire deal between the army and the insurgents is still in place despite a few reported violations.",
            "holding",
        ),
        (
            "Mediators propose ceasefire deal",
            "Mediators on Tuesday proposed a ceasefire agreement under which both sides would pull back their forces.",
            "proposed",
        ),
        (
            "Truce plan sent to both sides",
            "A ceasefire agreement drafted by the envoy has been sent to the two sides for approval.",
            "proposed",
        ),
        (
            "Rebels ready to agree truce",
            "The rebels are ready to agree to a ceasefire if the army halts its offensive, their leader said.",
            "proposed",
        ),
        (
            "Envoy offers truce deal",
            "The UN envoy offered a truce agreement to the warring parties on Monday.",
            "proposed",
        ),
        (
            "Egypt proposes three-phase ceasefire",
            "Egypt proposed a three-phase ceasefire agreement that would begin with a six-week truce.",
            "proposed",
        ),
        (
            "Leaders call for truce deal",
            "Regional leaders called on Friday for a ceasefire agreement to be reached before the holiday.",
            "proposed",
        ),
        (
            "Government weighs truce offer",
            "The government is weighing a ceasefire agreement offered by the rebels, a spokesman said.",
            "proposed",
        ),
        (
            "Draft ceasefire deal circulated",
            "A draft ceasefire deal was circulated to the parties, which would see a halt to fighting for 30 days.",
            "proposed",
        ),
        (
            "Warring sides agree ceasefire",
            "The army and the rebels agreed on Sunday to a ceasefire starting on Monday, mediators said.",
            "agreed",
        ),
        ("Ceasefire deal signed", "The two sides signed a ceasefire agreement on Wednesday in the capital.", "agreed"),
        (
            "Truce agreed after talks",
            "A truce was agreed on Friday after a week of talks, the foreign ministry announced.",
            "agreed",
        ),
    ],
)
def test_a_brief_of_headline_and_lead(detector: Detector, title: str, lead: str, status: str) -> None:
    assert detector.detect(title, lead).ceasefire_status == status
