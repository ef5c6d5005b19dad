"""Historical figures are not people of the item (corpus/articles/README.md, people: historical figures are not
listed): a sentence that opens decades or centuries back and names a titled person there ("A century ago, Foreign
Secretary X"), titles joined on to that one, and watched leaders named so; with the near misses of a recent past, of
such a time further into the sentence, and of the next sentence's officials, which stay listed.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    "text",
    [
        "A century ago, Foreign Secretary Arthur Pell stood by the young republic.",
        "Half a century ago, Prime Minister Edna Varga opened the first embassy in the capital.",
        "Three decades ago, President Tomas Ruiz signed the border treaty with his neighbour.",
        "Decades ago, then-Defence Minister Karl Brandt ordered the base closed.",
        "Seventy years ago this month, General Omar Sadiq led the landings on the coast.",
        "Some 80 years ago, King Faisal Hamad received the first ambassadors.",
        "In 1919, Prime Minister Lina Petrova went to Paris for the peace conference.",
        "In the 1930s the British Prime Minister Edward Hale flew to the conference.",
        "Forty years ago, Chancellor Hans Weber and President Paul Morel held hands at the memorial.",
        "A century ago, President Woodrow Wilson went to Paris.",
    ],
)
def test_a_historical_figure_is_not_listed(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two years ago, Foreign Minister Ana Ruiz met the delegation in Geneva.", ["Ana Ruiz"]),
        ("Ten years ago, Foreign Minister Ana Ruiz met the delegation in Geneva.", ["Ana Ruiz"]),
        ("Last year, Foreign Minister Ana Ruiz met the delegation in Geneva.", ["Ana Ruiz"]),
        ("In 2014, President Petro Poroshenko signed the Minsk protocol.", ["Petro Poroshenko"]),
        (
            "In a war that began decades ago, Foreign Minister Ana Ruiz said on Monday that talks would resume.",
            ["Ana Ruiz"],
        ),
        ("Decades of war have passed, Foreign Minister Ana Ruiz said.", ["Ana Ruiz"]),
        ("A century-old dispute divides them, Foreign Minister Ana Ruiz said.", ["Ana Ruiz"]),
        (
            "A century ago, President Woodrow Wilson went to Paris. Today President Joe Biden travels there.",
            ["Joe Biden"],
        ),
        (
            "Forty years ago, Chancellor Hans Weber held hands at the memorial; on Monday President Paul Morel laid a wreath.",
            ["Paul Morel"],
        ),
    ],
)
def test_a_recent_or_current_official_stays(text: str, expected: list[str]) -> None:
    assert names(text) == expected
