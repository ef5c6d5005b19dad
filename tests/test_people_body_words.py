"""The words of a body or an armed service written right after a title name no one: "Press Secretary Air Force Brig.
Gen. X" (the service between an office and a rank), "General Assembly Resolution", "the General Security
Directorate" (a body whose name opens with a rank's word). They were read as a name ("Air Force", "Navy Rear",
"Assembly Resolution"); the rank after the service still reads its own name.

Near misses that must not change: a body or a service before the title ("General Assembly President X", "Air Force
Secretary X", "Marine Corps Gen. X"), a title followed by a name ("General X", "Chief of Staff X"), the body after
"of" ("Secretary of the Army X"), and "Marine" as a given name.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pentagon Press Secretary Air Force Brig. Gen. Lena Barrow said the drills would resume.", ["Lena Barrow"]),
        ('"The ship was not damaged," said Press Secretary Navy Rear Adm. Colin Hardy.', ["Colin Hardy"]),
        ("Commander Coast Guard Vice Adm. Nora Lind said the search continued overnight.", ["Nora Lind"]),
        ("Delegates adopted a General Assembly Resolution on the safety of aid workers.", []),
        ("The ministers met in the General Assembly Hall after the vote.", []),
        ("Officers trained at the General Staff Academy were named in the report.", []),
        ("The General Security Directorate detained two men at the border.", []),
        ("The General Intelligence Service did not comment on the report.", []),
    ],
)
def test_a_body_after_a_title_is_no_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("General Assembly President Amara Okonkwo opened the emergency session on Monday.", ["Amara Okonkwo"]),
        ("Air Force Secretary Daniel Ortiz announced the contract.", ["Daniel Ortiz"]),
        ("Secretary of the Army Helen Marsh toured the flooded base.", ["Helen Marsh"]),
        ("Marine Corps Gen. Robert Vance inspected the troops.", ["Robert Vance"]),
        ("General Ismail Qaani met the militia leaders in Baghdad.", ["Ismail Qaani"]),
        ("Chief of Staff Ron Klain spoke to reporters.", ["Ron Klain"]),
        ("Pentagon Press Secretary Brig. Gen. Pat Ryder told reporters.", ["Pat Ryder"]),
        ("Far-right leader Marine Tessier said the vote was a warning.", ["Marine Tessier"]),
    ],
)
def test_a_name_after_a_title_stays(text: str, expected: list[str]) -> None:
    assert names(text) == expected
