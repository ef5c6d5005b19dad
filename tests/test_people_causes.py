"""The people error classes `make eval` prints as totals (bench/people_causes.py): each error is placed by how the
article writes the person."""

from __future__ import annotations

from bench.people_causes import people_causes


def _one(text: str, missed: list[str], extra: list[str], title: str = "Talks resume") -> list[str]:
    return sorted(people_causes(title, text, missed, extra).elements())


def test_a_missed_name_after_a_title() -> None:
    text = "The talks opened after Foreign Minister Dara Quill arrived in the capital."
    assert _one(text, ["Dara Quill"], []) == ["missed: title before the name"]


def test_a_missed_name_with_its_office_set_off_after_it() -> None:
    text = "Dara Quill, the country's foreign minister, arrived on Monday."
    assert _one(text, ["Dara Quill"], []) == ["missed: title after the name"]


def test_a_missed_name_with_no_title_and_a_surname_only() -> None:
    assert _one("Dara Quill arrived on Monday.", ["Dara Quill"], []) == ["missed: no title beside the name"]
    assert _one("Quill arrived on Monday.", ["Dara Quill"], []) == ["missed: surname only"]
    assert _one("Nobody arrived.", ["Dara Quill"], []) == ["missed: not written as labelled"]


def test_a_surname_resolved_to_another_person_is_one_wrong_error() -> None:
    text = "Minister Quill spoke."
    assert _one(text, ["Dara Quill"], ["Oren Quill"]) == ["wrong: surname resolved to another person"]
    assert _one(text, ["Dara Quill"], ["Dara Ann Quill"]) == ["wrong: the name in another form"]


def test_extra_names_by_where_they_stand() -> None:
    title = "Quiet Harbour Talks End"
    text = "Officials left. Lena Brook said the port was calm. Ambassador Tom Reed met them."
    got = _one(text, [], ["Harbour Talks", "Lena Brook", "Tom Reed", "Sam Vale"], title)
    assert got == [
        "extra: a speaker with no title",
        "extra: a title before the name, not labelled",
        "extra: named in the headline only",
        "extra: not written (a surname resolved)",
    ]
