"""A watched official written in another romanisation of the whole name: the given names and the family name spelled
with other vowels, a letter doubled or not, an 'h' or a space more or less, or two letters swapped ("Abdu Rabu Mansour
Hadi" for Abdrabbuh Mansur Hadi, "Mahinda Rajapakse" for Mahinda Rajapaksa), read as the watched person, as the
labels write them (bot/detect/gazetteer.py `People._romanised`).

Near misses: another person whose name is one or two letters from a watched one's (John Kerr and John Kerry, Mark
Miller and Mark Milley, William Barnes and William Burns, Mohammed bin Sulaiman and Mohammed bin Salman), and a
relative of a watched leader with the family name spelled another way (Basil Rajapakse is not Mahinda Rajapaksa).

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yemen's exiled leader, President Abdu Rabu Mansour Hadi, returned to Aden on Thursday.",
            ["Abdrabbuh Mansur Hadi"],
        ),
        ("President Mahinda Rajapakse opened the new harbour at Hambantota.", ["Mahinda Rajapaksa"]),
        (
            "A military spokesman, Lieutenant General Asiam Bajaw, told reporters the border was calm.",
            ["Asim Bajwa"],
        ),
        ("Prime Minister Benyamin Netanyahou addressed the Knesset on Monday.", ["Benjamin Netanyahu"]),
        ("Prime Minister Nawaz Sharief flew to Kabul for the talks.", ["Nawaz Sharif"]),
        ("Secretary of State Antony Blinkin landed in Cairo on Tuesday.", ["Antony Blinken"]),
    ],
)
def test_a_watched_official_in_another_romanisation(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator William Barnes said the vote was close.", ["William Barnes"]),
        ("Ambassador John Kerr met the delegation in London.", ["John Kerr"]),
        ("Senator Mark Miller said the bill would pass.", ["Mark Miller"]),
        ("Governor Mohammed bin Sulaiman opened the new road.", ["Mohammed bin Sulaiman"]),
        ("Finance Minister Basil Rajapakse presented the budget.", ["Basil Rajapakse"]),
    ],
)
def test_another_person_of_a_near_name_stays_as_written(text: str, expected: list[str]) -> None:
    assert names(text) == expected
