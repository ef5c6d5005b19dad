"""Titled surnames the rules read from the article itself: a plural title before watched surnames ("Presidents X
and Y"), and a full name written after an office the titles do not know, later given its title and surname
("... of the Department of National Defense X Y" then "Secretary Y").

Near misses: a plural title with no watched surname after it, a capitalised plural that is no title, a titled surname
whose full name the text never writes or writes twice.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We thank Prime Ministers Modi and Erdogan for their support.", ["Narendra Modi", "Recep Tayyip Erdoğan"]),
        ("Presidents Erdogan and Aliyev met in Baku on Tuesday.", ["Ilham Aliyev", "Recep Tayyip Erdoğan"]),
    ],
)
def test_a_plural_title_names_watched_surnames(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Ministers Meeting opened in Brussels on Monday.",
        "The Friends Modi had invited stayed at home.",
    ],
)
def test_a_plural_title_near_miss(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers met the Officer in Charge of the Department of National Defense Tomas Velarde on Monday. "
            "Secretary Velarde said the talks had been useful.",
            ["Tomas Velarde"],
        ),
        (
            "The Acting Head of the Directorate of Border Security Ilse Varga arrived in the capital. "
            "Director Varga met the interior minister.",
            ["Ilse Varga"],
        ),
    ],
)
def test_a_full_name_after_an_unknown_office(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Secretary Velarde said the talks had been useful.",
        "Ana Velarde and Tomas Velarde met the delegation. Secretary Velarde said the talks had been useful.",
    ],
)
def test_a_titled_surname_with_no_one_full_name(text: str) -> None:
    assert names(text) == []
