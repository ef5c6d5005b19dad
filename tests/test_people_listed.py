"""A bulleted entry that opens with a person's name and their office is a list of people, not page chrome: the
sanctions lists of government releases ("• Name, Attorney General", "• Name, Chair of the Election Commission"), whose
office-holders the labels list (corpus/articles/README.md, people: office-holders). Bulleted link lists and summary
points stay chrome: an entry that opens with a title or a headline ("• Secretary X's Meeting with ...") names no one.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sanctions will be brought against:\n\n  • Dr Lena Orlova, Deputy Attorney General\n\n  • Pavel Gromov, "
            "Chair of the Regional Election Commission\n",
            ["Lena Orlova", "Pavel Gromov"],
        ),
        (
            "The designations are:\n• Ivan Serov, the Chair of the Audit Chamber, who approved the decree.\n",
            ["Ivan Serov"],
        ),
        ("Those listed today:\n- Omar Farid, Interior Minister of the de facto authorities.\n", ["Omar Farid"]),
        ("Designated individuals:\n* Kemal Aksoy, Head of the so-called regional administration.\n", ["Kemal Aksoy"]),
        ("Today's designations:\n  • U Min Thant, Minister of Information\n", ["Min Thant"]),
    ],
)
def test_a_listed_office_holder_is_named(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # link lists and summary points: chrome, whoever they name
        "Related stories:\n• Secretary Mora's Meeting with Foreign Minister Tomas Reyes\n• Readout of the call\n",
        "More from the department:\n- Ambassador Clara Stein Remarks at the Security Council\n",
        "Highlights:\n• The Election Commission, the agency that ran the vote, is designated.\n",
        "Highlights:\n• Sanctions also target officials who ran the referendums.\n",
        # a listed person with no office: a business supporter or a company is no official
        "Also designated:\n• Rafael Ortiz, a businessman who financed the militia.\n",
        "Also designated:\n• Nadia Karim, chief executive of the shipping company.\n",
    ],
)
def test_chrome_and_private_entries_name_no_one(text: str) -> None:
    assert names(text) == []
