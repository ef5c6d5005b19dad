"""The word pre-checks in front of the detector's regexes (speed steps: a substring test costs less than the scan)
must never hide a match: every match of each regex holds what its pre-check asks for. Checked on every sentence
of the labelled articles and briefs and on each branch of the regex written out (`branch_examples`), so a branch
added to a regex without its word in the pre-check fails here instead of silently dropping what the branch finds.

Each row names the regex and what its pre-check passes: the module's own guard function or word list where it
has one (so narrowing the guard fails here too), else the words written inline in front of the regex (the
function that asks them is named, and those words must be kept in step with it)."""

from __future__ import annotations

import json
import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pytest

from bot.detect import ahead, casualties, events, people, places, prefilter, text
from bot.detect.text import Doc, build_doc, fold

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def holds(*words: str) -> Callable[[str], bool]:
    """A pre-check that passes text holding one of the words (what `any(w in low for w in WORDS)` asks)."""
    return lambda s: any(w in s for w in words)


@dataclass(frozen=True)
class Precheck:
    regex: re.Pattern[str]
    passes: Callable[[str], bool]  # the pre-check, asked of each match's text
    # what the regex is searched in: each sentence folded (most), as written, the whole folded article, or the
    # raw title and text (before folding)
    reads: Literal["folded", "written", "article", "raw"] = "folded"
    # beside the corpus: each branch written out, or (a character class) every character; "matching": the
    # branches written out that match (a lookahead or a boundary between words writes some out wrong)
    examples: Literal["branches", "characters", "matching"] = "branches"


PRECHECKS = {
    # casualties.py: may_be_background in front of _BACKGROUND (_background_spans; events.is_background)
    "_BACKGROUND": Precheck(casualties._BACKGROUND, casualties.may_be_background),
    # casualties.py _main_day and find_casualties: '"day" in s.folded' in front of both
    "_INCIDENT_DAY": Precheck(casualties._INCIDENT_DAY, holds("day")),
    "_WEEKDAY_RE": Precheck(casualties._WEEKDAY_RE, holds("day")),
    # casualties.py _without_refuted: _VERDICT_WORDS in front of _VERDICT over the whole article
    "_VERDICT": Precheck(casualties._VERDICT, holds(*casualties._VERDICT_WORDS), "article"),
    # casualties.py: _may_hold_rates_or_claims (_SUSPECT) in front of _not_a_figure's three regexes
    "_RATE_AFTER": Precheck(casualties._RATE_AFTER, casualties._may_hold_rates_or_claims),
    "_RATE_BEFORE": Precheck(casualties._RATE_BEFORE, casualties._may_hold_rates_or_claims),
    "_FALSE": Precheck(casualties._FALSE, casualties._may_hold_rates_or_claims),
    # casualties.py _main_day: '"news" in s.folded or "reporting" in s.folded' in front of _SIGN_ON
    "_SIGN_ON": Precheck(casualties._SIGN_ON, holds("news", "reporting")),
    # casualties.py _qualifier and _strip_qualifier: the text's end (`_qualifier_endings`) in front of each qualifier
    **{
        f"_QUALIFIERS[{i}]": Precheck(
            pattern, lambda s: s.rstrip().endswith(casualties._qualifier_endings()), examples="matching"
        )
        for i, (pattern, _) in enumerate(casualties._QUALIFIERS)
    },
    # events.py is_background: _EARLIER_WORDS in front of _EARLIER
    "_EARLIER": Precheck(events._EARLIER, holds(*events._EARLIER_WORDS)),
    # events.py ceasefire_cue and _negated_mention: '"no " in low' in front of _QUIET
    "_QUIET": Precheck(events._QUIET, holds("no ")),
    # events.py _attack_placed: _ATTACK_WORDS in front of _ATTACK_AT
    "_ATTACK_AT": Precheck(events._ATTACK_AT, holds(*events._ATTACK_WORDS)),
    # events.py readings: _GANG_WORDS in front of _GANG_TRUCE
    "_GANG_TRUCE": Precheck(events._GANG_TRUCE, holds(*events._GANG_WORDS)),
    # events.py _mentions: '"agree" in low or "commit" in low' in front of _AGREED_HALT
    "_AGREED_HALT": Precheck(events._AGREED_HALT, holds("agree", "commit")),
    # events.py readings: _halt_noun (its words, then _HALT_NOUNS) in front of _CALLED_HALT (_mentions: its words)
    "_HALT_NOUNS": Precheck(events._HALT_NOUNS, events._halt_noun),
    "_CALLED_HALT": Precheck(events._CALLED_HALT, events._halt_noun),
    # events.py readings: '"the " in s.folded' in front of _ANAPHOR
    "_ANAPHOR": Precheck(events._ANAPHOR, holds("the ")),
    # events.py _is_handover: _HANDOVER_WORDS in front of _HANDOVER
    "_HANDOVER": Precheck(events._HANDOVER, holds(*events._HANDOVER_WORDS)),
    # places.py _is_appeal: its words ("donat", "subscribe now") in front of _APPEAL
    "_APPEAL": Precheck(places._APPEAL, places._is_appeal),
    # people.py find_people: the five "... of" words (in the folded sentence) in front of _HEAD_CUE (case-blind,
    # searched in the sentence as written)
    "_HEAD_CUE": Precheck(
        people._HEAD_CUE,
        lambda s: holds("head of", "chief of", "chairman of", "leader of", "director of")(fold(s)),
        "written",
    ),
    # text.py fold and unify: _plain in front of _SPECIAL (the characters the tables translate)
    "_SPECIAL": Precheck(text._SPECIAL, lambda s: not text._plain(s), "raw", "characters"),
}
# The pre-checks bot/detect/prefilter.py works out from a regex's parse: each module's _MAY_<NAME> in front of its
# <NAME> (checked as the rows above: a branch the word list misses fails here).
PRECHECKS.update(
    {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name[4:]}": Precheck(
            getattr(module, name[4:]), getattr(module, name), examples="matching"
        )
        for module in (ahead, casualties, events, people, places)
        for name in vars(module)
        if name.startswith("_MAY_")
    }
)


def branch_examples(regex: re.Pattern[str]) -> list[str]:
    """Texts the regex matches that take every alternative of every branch at least once: "gang truce",
    "truce between gangs", ... (an optional part is written once, a repeat once, a class as one of its
    characters, a lookaround and a boundary as nothing)."""
    return _sequence(sre_parse.parse(regex.pattern, regex.flags))


def _sequence(items: Any) -> list[str]:
    # The i-th text takes the i-th variant of every item (cycling), so every variant is taken once.
    per = [_item(op, av) for op, av in items]
    n = max((len(v) for v in per), default=1)
    return ["".join(v[i % len(v)] for v in per) for i in range(n)]


def _item(op: Any, av: Any) -> list[str]:
    if op is sre.LITERAL:
        return [chr(av)]
    if op is sre.NOT_LITERAL:
        return ["b" if av == ord("a") else "a"]
    if op is sre.ANY:
        return ["a"]
    if op is sre.IN:
        return [_class_char(av)]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [""]
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.BRANCH:
        return [s for alt in av[1] for s in _sequence(alt)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av
        # Once even when optional: left out, it would glue its neighbours ("claim" + "is false").
        return [s * max(low, 1) for s in _sequence(sub)]
    raise AssertionError(f"branch_examples cannot write out {op}")


def _class_char(items: Any) -> str:
    for op, av in items:
        if op is sre.NEGATE:
            return " "  # [^.;]: no negated class of these regexes leaves out the space
        if op is sre.LITERAL:
            return chr(av)
        if op is sre.RANGE:
            return chr(av[0])
        if op is sre.CATEGORY:
            return {sre.CATEGORY_DIGIT: "1", sre.CATEGORY_SPACE: " "}.get(av, "a")
    return "a"


@cache
def _docs() -> list[tuple[str, str, Doc]]:
    out = []
    for path in sorted((CORPUS / "articles").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        out.append((item.get("title") or "", item.get("text") or ""))
    for line in (CORPUS / "briefs" / "items.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            out.append((item.get("title") or "", item.get("text") or item.get("lead") or ""))
    return [(title, body, build_doc(title, body)) for title, body in out]


def _texts(reads: str) -> Iterator[str]:
    for title, body, doc in _docs():
        if reads == "raw":
            yield from (title, body)
        elif reads == "article":
            yield doc.folded
        else:
            yield from (s.text if reads == "written" else s.folded for s in doc.sentences)


@pytest.mark.parametrize("name", sorted(PRECHECKS))
def test_every_match_passes_the_pre_check_in_front_of_its_regex(name: str) -> None:
    check = PRECHECKS[name]
    matched = 0
    for t in _texts(check.reads):
        for m in check.regex.finditer(t):
            matched += 1
            assert check.passes(m.group()), (name, m.group(), t)
    if check.examples == "characters":
        written = ["".join(map(chr, range(0x110000)))]
    elif check.examples == "matching":
        written = [t for t in branch_examples(check.regex) if check.regex.search(t)]
        # a regex asked of a window ("... engaging in talks") may match no whole corpus sentence: its branches do
        matched += len(written)
    else:
        written = branch_examples(check.regex)
        for t in written:
            assert check.regex.search(t), (
                f"{name}: the branch written out as {t!r} does not match (see branch_examples)"
            )
    assert matched  # the corpus (or the branches written out) does exercise the regex
    for t in written:
        for m in check.regex.finditer(t):
            assert check.passes(m.group()), (name, m.group(), t)


def test_the_worked_out_words_are_those_every_match_needs() -> None:
    assert prefilter.needed_words(re.compile(r"\b(?:air ?strikes?|shell(?:ing|ed))\b")) == {
        "airstrike",
        "air strike",
        "shelling",
        "shelled",
    }
    # A run of written-out parts beats one long word: "truce" alone would pass "truce talks" texts without "gang".
    assert prefilter.needed_words(re.compile(r"gang(?:s|land)? truce")) == {
        "gang truce",
        "gangs truce",
        "gangland truce",
    }
    # An optional part, a class of many characters or a case-blind regex needs nothing that a list can say.
    assert prefilter.needed_words(re.compile(r"(?:killed)?\d+")) is None
    assert prefilter.needed_words(re.compile(r"killed", re.I)) is None
    # A group made case-blind on its own ("(?i:...)") needs none of its letters; the parts outside it still count.
    scoped = re.compile(r"car (?i:bomb)s? blast")
    assert scoped.search("car BOMB blast") and prefilter.gate(scoped)("car BOMB blast")
    assert prefilter.needed_words(scoped) in ({"car "}, {" blast"})
    gate = prefilter.gate(re.compile(r"\b(?:ceasefire|truce|armistice|halt to (?:the )?fighting)\b"))
    assert gate("a truce was agreed") and gate("a halt to fighting") and not gate("a halt to the war")
    many = prefilter.gate(re.compile("|".join(f"word{i:02d}" for i in range(20))))
    assert many("it says word07 here") and not many("it says word7 here")


def test_the_historical_opening_pre_check_passes_every_opening_it_finds() -> None:
    # people._historical: '"1" in head or "ago" in head.lower()' in front of _HISTORICAL_OPENING, which is searched in
    # a sentence as written up to a title (a window no whole sentence is): every sentence cut at each word within 120.
    openings = [
        "A century ago, Foreign Secretary ",
        "Fifty years ago this week, President ",
        "In 1919, Prime Minister ",
        "DECADES AGO, then-",
        "Some twenty-five years ago, the late ",
    ]
    matched = 0
    for sentence in [*openings, *(t for t in _texts("written"))]:
        for m in re.finditer(r"\b", sentence[:121]):
            found = people._HISTORICAL_OPENING.search(sentence, 0, m.start())
            if found:
                matched += 1
                head = sentence[: m.start()]
                assert "1" in head or "ago" in head.lower(), (found.group(), sentence)
    assert matched >= len(openings)


def test_the_worked_out_endings_are_those_every_match_ends_with() -> None:
    assert prefilter.needed_endings(re.compile(r"(?:(?:well|far)\s+)?(?:more than|over)\s*$")) == ("more than", "over")
    assert prefilter.needed_endings(re.compile(r"(?:up to|approx\.)\s*$")) == ("approx.", "up to")
    # Other endings, a case-blind regex, a phrase that may be empty or end in a space: no list is sure.
    assert prefilter.needed_endings(re.compile(r"(?:about|some)\s+$")) is None
    assert prefilter.needed_endings(re.compile(r"(?:about|some)\s*$", re.I)) is None
    assert prefilter.needed_endings(re.compile(r"(?:about|some)?\s*$")) is None
    assert prefilter.needed_endings(re.compile(r"(?:about|some )\s*$")) is None
    # The qualifiers of a figure read through the test as through their regexes alone.
    assert casualties._qualifier("killing at least ") == "at_least"
    assert casualties._qualifier("well over\n") == "more_than"
    assert casualties._qualifier("a total of ") == "exact"
    assert casualties._strip_qualifier("the toll rose to about  ") == "the toll rose to"
    assert casualties._strip_qualifier("the toll rose to  ") == "the toll rose to"
    assert casualties._strip_qualifier("moreover  ") == "more"  # (ends with "over": the regex decides)


def test_the_background_pre_check_passes_what_it_must() -> None:
    assert casualties.may_be_background("the 2014 war killed 2,000")
    assert casualties.may_be_background("on the anniversary of the massacre")
    assert not casualties.may_be_background("the minister met her counterpart in the capital")
