"""bench/stories.py's generator makes each synthetic event from a real text with its names replaced: words in capitals
are names too (a wire page's "RUSSIA / CHECHNYA", "BYLINE=EVE CONANT"), and a page's serial number is varied like a
figure, or two events made from one such page share their whole headline and byline and read as one story."""

from __future__ import annotations

import random

from bench.stories import make_event

WIRE = (
    "RUSSIA / CHECHNYA (L-ONLY)",
    "DATE=12/2/1999 TYPE=CORRESPONDENT REPORT TITLE=RUSSIA / CHECHNYA (L-ONLY) NUMBER=2-256754 BYLINE=EVE CONANT "
    "DATELINE=MOSCOW CONTENT= INTRO: Russian officials say Chechen militants hold Grozny.",
)


def test_words_in_capitals_are_names_and_field_names_are_not() -> None:
    names_seen: set[str] = set()
    for seed in range(20):
        title, text = make_event(random.Random(seed), *WIRE)
        # the page's field names stay: they are chrome
        for field in ("DATE=", "TITLE=", "NUMBER=", "BYLINE=", "DATELINE=", "INTRO:"):
            assert field in text
        names_seen.update(w for w in ("RUSSIA", "CHECHNYA", "EVE", "CONANT", "MOSCOW") if w not in title + text)
        assert "256754" not in text  # the serial number varies as a figure does
    # over twenty events every capitalised name was replaced at least once (each one with chance 0.8)
    assert names_seen == {"RUSSIA", "CHECHNYA", "EVE", "CONANT", "MOSCOW"}


def test_two_events_from_one_wire_page_differ_in_headline_or_byline() -> None:
    rnd = random.Random(7)
    first, second = make_event(rnd, *WIRE), make_event(rnd, *WIRE)
    assert first != second
    assert first[0] != second[0] or first[1].split("BYLINE=")[1][:20] != second[1].split("BYLINE=")[1][:20]
