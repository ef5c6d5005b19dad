"""A name that ends a sentence the splitter kept whole (a quotation opens right after it: 'said Secretary X Y. “The
...') is the name without the full stop, so it resolves as the same name written mid-sentence ("Janet L. Yellen."
is Janet Yellen); initials and suffixes keep their stops.

The sentences are written for these tests (not taken from the corpus); people are read straight from find_people.
"""

from __future__ import annotations

import pytest

from tests.support.detection import people_names as names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will not stand by,” said Under Secretary of the Treasury Mara K. Ellison. “These designations "
            "follow months of work.”",
            ["Mara Ellison"],
        ),
        ("“The talks were useful,” said Foreign Minister Tomas Reyes. “We meet again in May.”", ["Tomas Reyes"]),
        (
            "“Our support will not waver,” said Secretary of the Treasury Janet L. Yellen. “The measures take "
            "effect today.”",
            ["Janet Yellen"],
        ),
    ],
)
def test_a_name_before_a_quotation_drops_the_full_stop(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Tomas Reyes said the talks were useful.", ["Tomas Reyes"]),
        ("Defense Secretary Lloyd J. Austin met the minister on Monday.", ["Lloyd Austin"]),
        ("The statement was signed by Ambassador Mark Hill Jr. on Friday.", ["Mark Hill"]),
    ],
)
def test_initials_and_suffixes_are_read_as_before(text: str, expected: list[str]) -> None:
    assert names(text) == expected
