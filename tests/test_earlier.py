"""The shared words of an earlier date (bot.detect.earlier) and the patterns events and casualties build from them."""

from __future__ import annotations

import re

import pytest

from bot.detect import Detector, earlier


def _full(pattern: str, text: str) -> bool:
    return re.fullmatch(pattern, text) is not None


def test_units_read_singular_and_plural_or_plural_only() -> None:
    both = earlier.units(earlier.MONTH, earlier.YEAR)
    plural = earlier.units(earlier.MONTH, earlier.YEAR, plural_only=True)
    assert all(_full(both, w) for w in ("month", "months", "year", "years"))
    assert _full(plural, "years") and not _full(plural, "year")
    assert not _full(both, "week")


@pytest.mark.parametrize("text", ["a year ago", "two  months ago", "several\nweeks ago", "3 days ago"])
def test_a_count_of_units_back(text: str) -> None:
    assert _full(
        earlier.ago(earlier.units(earlier.DAY, earlier.WEEK, earlier.MONTH, earlier.YEAR), earlier.COUNT), text
    )


def test_ago_without_a_count_and_with_other_words() -> None:
    assert _full(earlier.ago(earlier.units(earlier.DECADE)), "decades ago")
    later_words = earlier.ago(earlier.units(earlier.DAY), earlier.COUNT, words=("ago", "earlier"))
    assert _full(later_words, "two days earlier") and not _full(later_words, "two days before")


def test_last_and_earlier_this_name_only_their_periods() -> None:
    last = earlier.last(earlier.MONTH, *earlier.SEASONS)
    assert _full(last, "last summer") and _full(last, "last\tmonth") and not _full(last, "last week")
    this_or_that = earlier.earlier_this(earlier.WEEK, deixis=("this", "that"))
    assert _full(this_or_that, "earlier that week") and _full(this_or_that, "earlier  this week")
    assert not _full(earlier.earlier_this(earlier.WEEK), "earlier that week")


def _types(rules_detector: Detector, text: str) -> set[str]:
    return {e.type for e in rules_detector.detect("", text).events}


# Every pattern built from the vocabulary reads any run of spaces between its words, as the casualty patterns always
# did (the event patterns read one space only: "two years  ago" was no date to them).
def test_an_agreement_dated_with_two_spaces_is_background(rules_detector: Detector) -> None:
    dated = "Two years  ago, the army and the militia signed a peace agreement in the capital, but raids went on."
    today = "The army and the militia signed a peace agreement in the capital on Tuesday."
    assert "agreement" not in _types(rules_detector, dated)
    assert "agreement" in _types(rules_detector, today)


def test_talks_dated_with_two_spaces_are_background(rules_detector: Detector) -> None:
    dated = "Last  month, the foreign ministers of Norway and Iceland met in Oslo to discuss fishing quotas."
    today = "The foreign ministers of Norway and Iceland met in Oslo on Monday to discuss fishing quotas."
    assert "talks" not in _types(rules_detector, dated)
    assert "talks" in _types(rules_detector, today)
