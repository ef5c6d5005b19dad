"""ASCII twins (`bot.detect.twin`): on ASCII text a twin finds exactly what its pattern finds, through every method
and for every regex of the detection modules; a pattern whose meaning on ASCII text the twin could not keep gets
none, and non-ASCII text is always read by the pattern itself."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.detect import casualties, events, lazyre, people
from bot.detect.twin import Twin, ascii_twin


def _sources() -> list[tuple[str, int]]:
    """The source and flags of every module-level regex of the detection modules."""
    out: set[tuple[str, int]] = set()
    for module in (events, casualties, people):
        for value in vars(module).values():
            if isinstance(value, lazyre.LazyPattern | re.Pattern | Twin):
                out.add(lazyre.source(value))  # type: ignore[arg-type]
    return sorted(out)


SOURCES = _sources()
TWINS = [(source, re.compile(source, flags), twin) for source, flags in SOURCES if (twin := ascii_twin(source, flags))]
# The words the patterns are written with, so that random text of them matches some (random letters match none).
WORDS = sorted({w for source, _ in SOURCES for w in re.findall(r"[a-z]{2,}", source)} | {"12", "1,200", "May"})
SEPARATORS = [" ", "  ", "\t", "\n", "\x1c", "\x1f", ", ", ". ", "-", "'s ", "; ", " (", ") ", '"']
ASCII_TEXT = st.lists(st.sampled_from(WORDS) | st.sampled_from(SEPARATORS), max_size=40).map("".join)


def found(pattern: re.Pattern[str] | Twin, text: str) -> list[object]:
    """Every match of each scanning method, with its groups."""
    return [
        [(m.span(), m.groups()) for m in pattern.finditer(text)],
        pattern.findall(text),
        None if (m := pattern.match(text, 1)) is None else (m.span(), m.groups()),
        pattern.split(text),
        pattern.sub("#", text),
    ]


def test_most_of_the_detection_regexes_have_a_twin() -> None:
    # (a pattern with no word boundary, class of characters or case folding gets none: it would be no faster)
    assert len(SOURCES) > 250
    assert len(TWINS) > 0.8 * len(SOURCES)


@settings(max_examples=300, deadline=None)
@given(ASCII_TEXT)
def test_each_twin_finds_what_its_pattern_finds_in_ascii_text(text: str) -> None:
    for source, pattern, twin in TWINS:
        assert found(twin, text) == found(pattern, text), source


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=60))
def test_twins_agree_on_any_ascii_characters(text: str) -> None:
    for source, pattern, twin in TWINS:
        assert found(twin, text) == found(pattern, text), source


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\btruce\s+held", "truce\x1dheld"),  # Unicode \s matches the separators \x1c-\x1f; ASCII \s does not
        (r"\b[^\s,]+", "a\x1cb"),
        (r"\d\S+", "1\x1fb"),
        (r"\bheld\b", "held"),
        (r"(?i)kill", "KILL"),
    ],
)
def test_a_twin_keeps_what_unicode_rules_find_in_ascii_text(source: str, text: str) -> None:
    twin = ascii_twin(source)
    assert twin is not None
    assert [m.span() for m in twin.finditer(text)] == [m.span() for m in re.finditer(source, text)]


@pytest.mark.parametrize(
    "source",
    [
        "(?i)stra\u00dfe",  # case folding of a non-ASCII letter (\u00df folds to "ss")
        "(?i)\u212a",  # the Kelvin sign matches "k" under Unicode case folding
        r"[\S,]",  # \S beside other characters in a class
        r"(?u)\bword\b",  # a Unicode flag of its own
        r"truce|ceasefire",  # asks the Unicode database nothing: no faster
        r"truce\s+held",  # nor does \s (a table for a character below 128, in both rules)
    ],
)
def test_no_twin_where_it_could_differ_or_gain_nothing(source: str) -> None:
    assert ascii_twin(source) is None


def test_non_ascii_text_is_read_by_the_pattern_itself() -> None:
    source = r"\b\w+\b"
    twin = Twin(re.compile(source), re.compile(source, re.ASCII))
    assert twin.findall("caf\u00e9 Kyiv") == ["caf\u00e9", "Kyiv"]  # the ASCII rules would give "caf" alone
    assert twin.findall("cafe Kyiv") == ["cafe", "Kyiv"]
    assert (twin.pattern, twin.flags, twin.groups) == (source, re.compile(source).flags, 0)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        # branches that start alike, written apart and with others between: the first that matches still wins
        (r"\b(?:ab|x|abc|a|b\w|abd)\b", "abc abd ab a bz x"),
        (r"\b(?:a|ab|abc)", "abc ab a"),
        (r"\b(?:abc|ab|a)", "abc ab a"),
        (r"\b(?:talks?|talked|\w+ talks|ta(lk)|t(a)lkative)\b", "talkative talked talk tea talks peace talks"),
        # a branch that starts otherwise keeps its place between those that start alike
        (r"\b(?:ab|[ax]b|abc|)\w*", "ab xb abc q"),
        (r"\b(?:no|not|nor|(?<=x )no|never)\b", "x no not nor never none"),
        (r"(?i:\b(?:ab|AB|abc))", "AB abc aB"),  # under case folding: left as written
    ],
)
def test_alternations_put_behind_their_first_characters_find_the_same(source: str, text: str) -> None:
    twin = ascii_twin(source)
    assert twin is not None
    assert found(twin, text) == found(re.compile(source), text)
