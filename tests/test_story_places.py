"""Where an event happened, read strictly for two reports dated together (issue 14): a place name stays on its line, a
venue (a street, a seat of government, a base) is not the city another report names for the same meeting, and a Title
Case headline's capitalised word is a place only when the page names it too. A page with no date keeps every place it
names: often the only thing that tells it from another occurrence; but a seat of government it names by its street or
house stands for its city (Downing Street is London, the White House Washington)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.detect import Detector
from bot.stories.cluster import StoryDoc, cluster, cluster_index, event_sites

DAY = datetime(2024, 3, 12, tzinfo=UTC)


def test_a_site_name_ends_at_the_line_break() -> None:
    # A headline over a first line in another language: the place is the country (a party), and "Le" no place.
    assert event_sites("Government Condemns Bombing in Chad", "Le gouvernement condamne l'attentat", "", set()) == set()
    assert event_sites("Talks held in Vienna", "Delegates arrive", "Vienna hosted the talks.", set()) == {"vienna"}


def test_a_venue_in_a_city_is_no_site_of_the_event() -> None:
    text = "The envoy was received on Monday."
    assert event_sites("Minister received in Downing Street", "", text, set()) == frozenset()
    assert event_sites("", "The two leaders spoke at the White House", text, set()) == frozenset()
    assert event_sites("", "Ministers met at Ramstein Air Base", text, set()) == frozenset()
    assert event_sites("", "Gunmen stormed the Serena Hotel in Kabul", text, set()) == {"kabul"}
    assert event_sites("", "the attack on the Serena Hotel", text, set()) == {"serena"}  # where an attack was


def test_a_title_case_word_is_a_site_only_when_the_page_names_it() -> None:
    text = "Thank you all for joining this online briefing on the grain corridor."
    assert event_sites("Remarks at Online Briefing on the Grain Corridor", "", text, set()) == frozenset()
    assert event_sites("Minister Speaks in Nairobi", "", "The minister spoke in Nairobi.", set()) == {"nairobi"}
    # A headline in sentence case names its places, though the quoted words below it do not.
    quote = "We condemn this cowardly act and stand with the people of the city."
    assert event_sites("Minister's statement on the attack at the Grand Hotel in Herat", "", quote, set()) == {
        "grand",
        "herat",
    }


MEETING = [
    (
        "Foreign Minister Ana Duarte's meeting with Chancellor Erik Lund",
        "Foreign Minister Ana Duarte met today with Chancellor Erik Lund of Norway in Oslo. The Foreign Minister and the "
        "Chancellor discussed support for Ukraine and energy security, and agreed to deepen cooperation in the Arctic.",
    ),
    (
        "Chancellor meets Portuguese Foreign Minister",
        "Chancellor Erik Lund met Portugal's Foreign Minister Ana Duarte in Akersgata Street today. The two discussed "
        "Ukraine, the Arctic and the coming NATO summit.",
    ),
]


def test_one_meeting_dated_together_in_a_street_and_in_its_city_is_one_story() -> None:
    # The host's readout names the street of the host's office, the guest's the city; same day, same two people.
    detector = Detector()
    docs = [StoryDoc(str(n), t, x, DAY, detector.detect(t, x)) for n, (t, x) in enumerate(MEETING)]
    assert len(set(cluster(docs))) == 1


def test_an_undated_page_keeps_the_venue_as_its_place() -> None:
    # With no date to vouch for the readout of the street, its place stays: no window says it is that day's meeting.
    detector = Detector()
    dated = StoryDoc("0", MEETING[0][0], MEETING[0][1], DAY, detector.detect(*MEETING[0]))
    undated = StoryDoc("1", MEETING[1][0], MEETING[1][1], None, detector.detect(*MEETING[1]))
    _ids, index = cluster_index([dated, undated])
    assert index.why_apart("0", "1") == "other places"


SEAT = [
    (
        "Prime Minister welcomes Chancellor Erik Lund to Downing Street",
        "Prime Minister Helen Marsh welcomed Chancellor Erik Lund of Norway back in Downing Street this morning. The "
        "leaders agreed to open talks on the Svalbard fisheries protocol and discussed support for Ukraine.",
    ),
    (
        "Readout of Chancellor Lund's meeting with Prime Minister Helen Marsh",
        "Chancellor Erik Lund met today with Prime Minister Helen Marsh of the United Kingdom in London. The leaders "
        "agreed to open talks on the Svalbard fisheries protocol and discussed support for Ukraine.",
    ),
]


def test_an_undated_readout_in_a_capital_joins_the_account_of_its_seat_of_government() -> None:
    # The host names the street of its office, the guest's undated readout the city: Downing Street is in London.
    detector = Detector()
    dated = StoryDoc("0", SEAT[0][0], SEAT[0][1], DAY, detector.detect(*SEAT[0]))
    undated = StoryDoc("1", SEAT[1][0], SEAT[1][1], None, detector.detect(*SEAT[1]))
    assert len(set(cluster([dated, undated]))) == 1


@pytest.mark.parametrize(
    ("headline_place", "lead_place"),
    [
        # The White House is in Washington, not London: another meeting of the same two leaders.
        ("the White House", "at the White House"),
        # A street not known as a seat of government says no city: the undated page keeps it (as before).
        ("Akersgata Street", "back in Akersgata Street"),
    ],
)
def test_an_undated_readout_stays_apart_from_a_meeting_at_another_seat_or_an_unknown_street(
    headline_place: str, lead_place: str
) -> None:
    detector = Detector()
    title = SEAT[0][0].replace("Downing Street", headline_place)
    text = SEAT[0][1].replace("back in Downing Street", lead_place)
    dated = StoryDoc("0", title, text, DAY, detector.detect(title, text))
    undated = StoryDoc("1", SEAT[1][0], SEAT[1][1], None, detector.detect(*SEAT[1]))
    _ids, index = cluster_index([dated, undated])
    assert index.why_apart("0", "1") == "other places"
