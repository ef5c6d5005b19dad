"""Regexes whose every branch already starts a word are compiled with `prefilter.word_initial` for speed only: the
boundary tested once in front of the branches must not change a single match (span, group, named group), in
whole sentences or in the windows the detector searches."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.detect import events
from bot.detect.prefilter import word_initial
from bot.detect.text import build_doc

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "articles"
SPED_UP = {"_LEFT_CUES": events._LEFT_CUES, "_RIGHT_CUES": events._RIGHT_CUES, "_ATTACK_AT": events._ATTACK_AT}
_HEAD, _TAIL = r"\b(?=\w)(?:", ")"


def written(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The regex as written, without the boundary test that `word_initial` puts in front."""
    assert regex.pattern.startswith(_HEAD) and regex.pattern.endswith(_TAIL)
    return re.compile(regex.pattern[len(_HEAD) : -len(_TAIL)], regex.flags)


def matches(regex: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> list[object]:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.lastgroup, m.groups()) for m in regex.finditer(text, pos, end)]


@cache
def sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.json"))[:150]:
        item = json.loads(path.read_text(encoding="utf-8"))
        out.extend(s.folded for s in build_doc(item.get("title") or "", item.get("text") or "").sentences)
    return out


@pytest.mark.parametrize("name", sorted(SPED_UP))
def test_the_boundary_in_front_changes_no_match_in_corpus_sentences(name: str) -> None:
    regex, plain = SPED_UP[name], written(SPED_UP[name])
    found = 0
    for text in sentences():
        assert matches(regex, text) == matches(plain, text), text
        # windows as `_last` and `_bounds` search them: a window may start or end inside a word
        for pos in range(0, len(text), 7):
            assert matches(regex, text, pos, pos + 90) == matches(plain, text, pos, pos + 90)
        found += len(matches(plain, text))
    assert found  # the corpus does exercise the regex


_WORDS = st.sampled_from(
    "talks on agreed truce the ceasefire is holding held urged calls for proposals attack attacks on raids in "
    "cyber heart political in order took effect negotiators towards breakthrough over efforts to secure "
    "work out closer to wish desire north-eastern kabul 's - , . ; ' ( 12 an a".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from(["", " ", "-", "x", "'"]), st.integers(0, 40))
def test_the_boundary_in_front_changes_no_match_in_any_text(words: list[str], glue: str, pos: int) -> None:
    text = glue.join(words) if glue else " ".join(words).replace(" -", "-")
    for regex in SPED_UP.values():
        plain = written(regex)
        assert matches(regex, text) == matches(plain, text)
        assert matches(regex, text, pos) == matches(plain, text, pos)


def test_a_branch_that_does_not_start_a_word_would_be_changed() -> None:
    # (so the tests above can fail: `word_initial` is only a speed step for regexes whose branches start words)
    assert matches(word_initial(r"-?fire"), "cease-fire") != matches(re.compile(r"-?fire"), "cease-fire")
