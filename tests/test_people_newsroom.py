"""Journalists whom a newsroom title introduces are not officials (corpus/articles/README.md, people: journalists are
excluded): a bureau chief or an editor-in-chief, and the heads of news outlets named before their title; with the
near misses whose "chief" or "Director" is a public office and that stay listed.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    "text",
    [
        "The agency's Beirut bureau chief Selim Haddad posted a photograph of the damaged street.",
        "Cairo bureau chief Nora Adel said three of her reporters had been stopped at the checkpoint.",
        "Washington Bureau Chief Dan Porter wrote that the vote was close.",
        "AFP's Kabul bureau chief Jean Morel counted the cars that had burned.",
        "Editor-in-chief Rita Vargas said the weekly would keep printing.",
        "The paper's editor in chief Rita Vargas said the weekly would keep printing.",
        "Al Jazeera Director General Omar Nasser said the channel would keep broadcasting.",
        "Agence France-Presse Director Claire Martin said two of its photographers were safe.",
    ],
)
def test_a_newsroom_title_is_no_office(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Provincial police chief Omar Sadiq said the bridge had been closed.", ["Omar Sadiq"]),
        ("Army chief General Tariq Hassan visited the wounded.", ["Tariq Hassan"]),
        ("Intelligence chief Karim Haddad said the plot had been foiled.", ["Karim Haddad"]),
        ("The movement's political bureau chief Yusuf Barak said the offer was rejected.", ["Yusuf Barak"]),
        ("Chief of Staff Lina Petrova said the president would travel on Monday.", ["Lina Petrova"]),
        ("Chief Minister Femi Adeyemi said the curfew would be lifted.", ["Femi Adeyemi"]),
        ("Federal Bureau of Investigation Director Paul Grant said the attack was terrorism.", ["Paul Grant"]),
        ("Speaking at a news conference, Foreign Minister Ana Ruiz said the talks would resume.", ["Ana Ruiz"]),
        ("Foreign Minister Ana Ruiz told Al Jazeera that the talks would resume.", ["Ana Ruiz"]),
    ],
)
def test_a_public_chief_or_director_stays(text: str, expected: list[str]) -> None:
    assert names(text) == expected
