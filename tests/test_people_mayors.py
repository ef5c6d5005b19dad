"""A city's mayor whose city shares its name with a US state ("New York Mayor X", "Washington Mayor X") is an
office-holder, as any other city's mayor is ("Chicago Mayor X"): a state has no mayor, so the place before "Mayor"
is the city, not the state whose own officials are left out.

Near misses that must stay out: a state's own officials after the same names ("New York Governor X", "Washington
Governor X", "Texas Gov. X", "Washington state Treasurer X"), and a mayor who is a victim.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York Mayor Eleanor Whitfield laid a wreath at the memorial on Sunday.", ["Eleanor Whitfield"]),
        ("Washington Mayor Darnell Hughes said nine people were wounded in the shooting.", ["Darnell Hughes"]),
        (
            "Former New York Mayor Paul Castellano told reporters the city would not be intimidated.",
            ["Paul Castellano"],
        ),
        ("Denver Mayor Lucia Ortega said the city stood with the victims' families.", ["Lucia Ortega"]),
    ],
)
def test_a_city_mayor_is_an_office_holder(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "New York Governor Martin Keller declared a state of emergency on Friday.",
        "Washington Governor Ruth Allendale signed the budget into law.",
        "Texas Gov. Dale Whitmore signed the bill on Monday.",
        "Washington state Treasurer Owen Birch said revenue had fallen.",
        "Gunmen shot dead Mayor Tomas Varga outside the town hall.",
    ],
)
def test_a_state_official_or_victim_stays_out(text: str) -> None:
    assert names(text) == []
