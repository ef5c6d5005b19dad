"""The words that date something before the news: "two years ago", "a month ago", "last year", "earlier this month".

Events and casualties each compose their own patterns from these pieces (which units, which counts, what may follow
differ by what the pattern is for), so that a spelling fixed here ("a year ago" beside "two years ago") reaches every
caller. The pieces are regex sources, not compiled patterns: each caller compiles what it builds (`lazyre`).
"""

from __future__ import annotations

# The units of time an earlier date counts back in, and the seasons a "last" may name.
DAY, WEEK, MONTH, YEAR, DECADE = "day", "week", "month", "year", "decade"
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
# How many units back: "a week ago", "two years ago", "several months ago", "48 hours earlier".
COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|\d+)"


def one_of(*words: str) -> str:
    """ "(?:a|b)": any one of the words (or patterns)."""
    return "(?:" + "|".join(words) + ")"


def units(*names: str, plural_only: bool = False) -> str:
    """The units of time named, each singular or plural ("(?:days?|weeks?)"), or plural only."""
    ending = "s" if plural_only else "s?"
    return one_of(*(name + ending for name in names))


def ago(unit_pattern: str, count: str = "", *, words: tuple[str, ...] = ("ago",)) -> str:
    """ "two years ago": `count` (a pattern; empty: the units alone, "years ago"), one of the units of `unit_pattern`
    (see `units`) and one of `words` ("ago", or also "earlier", "before")."""
    counted = rf"{count}\s+" if count else ""
    return rf"{counted}{unit_pattern}\s+{one_of(*words)}"


def last(*periods: str) -> str:
    """ "last month", "last summer": "last" before one of `periods` (words or patterns)."""
    return rf"last\s+{one_of(*periods)}"


def earlier_this(*periods: str, deixis: tuple[str, ...] = ("this",)) -> str:
    """ "earlier this month": "earlier", one of `deixis` ("this", or also "that") and one of `periods`."""
    return rf"earlier\s+{one_of(*deixis)}\s+{one_of(*periods)}"
