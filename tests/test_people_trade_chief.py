"""A chief of a company or a profession set off after the name is not an official (corpus/articles/README.md,
people: office-holders only): "X, chief executive of the council", "X, chief correspondent of the weekly"; with the
near misses whose "chief" is a public office (of staff, of the army staff, the intelligence chief), which stay listed.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    "text",
    [
        "Nora Adel, chief executive of the arts council, said the school would reopen in the spring.",
        "Anna Berg, chief executive officer of the airline, said flights would resume on Friday.",
        "Paul Grant, chief operating officer of the port company, said the cranes were idle.",
        "Rita Vargas, chief correspondent of the weekly, said the road had been closed for days.",
        "Jean Morel, chief editor of the evening paper, said two reporters were missing.",
    ],
)
def test_a_trade_chief_is_not_listed(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lina Petrova, chief of staff to the president, said the visit would go ahead.", ["Lina Petrova"]),
        ("Omar Sadiq, chief of the army staff, visited the wounded on Sunday.", ["Omar Sadiq"]),
        ("Tariq Hassan, chief of general staff, said the offensive had stopped.", ["Tariq Hassan"]),
        ("Karim Haddad, the intelligence chief, said the plot had been foiled.", ["Karim Haddad"]),
        ("Chief of Staff Lina Petrova said the president would travel on Monday.", ["Lina Petrova"]),
    ],
)
def test_a_public_chief_stays(text: str, expected: list[str]) -> None:
    assert names(text) == expected
