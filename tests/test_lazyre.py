"""The detection modules' regexes compile at first use (`bot.detect.lazyre`), not at import: a stand-in must find
exactly what the compiled pattern finds, through every method, before and after it has compiled, and importing the
detector must leave the patterns uncompiled. Likewise the word pre-checks (`prefilter.gate`) are worked out at the
first call of one, and each then stands where its stand-in stood."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.detect import Detector, casualties, events, lazyre, prefilter
from bot.detect.lazyre import LazyPattern
from bot.detect.prefilter import gate, needed_words
from bot.detect.twin import Twin

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Rebels and troops agreed a truce on Monday; the truce held until 12 May, then collapsed. TRUCE talks resume."
SOURCE = r"\b(?P<word>truce|talks)\b(?:\s+(\w+))?"
# A word pre-check made as the detection modules make theirs, and a copy of it kept elsewhere.
_TRUCE = re.compile(r"\b(?:truce|cease-?fire)s?\b")
_MAY_TRUCE = gate(_TRUCE)
_KEPT = (_MAY_TRUCE,)


def outcomes(pattern: re.Pattern[str]) -> list[object]:
    """What each method gives on TEXT (matches as spans and groups)."""

    def seen(m: re.Match[str] | None) -> object:
        return None if m is None else (m.span(), m.groups(), m.groupdict())

    return [
        seen(pattern.search(TEXT)),
        seen(pattern.search(TEXT, 40, 80)),
        seen(pattern.match(TEXT, 33)),
        seen(pattern.fullmatch("truce held")),
        [seen(m) for m in pattern.finditer(TEXT, 10)],
        pattern.findall(TEXT),
        pattern.sub(lambda m: m.group("word").upper(), TEXT),
        pattern.subn("<\\g<word>>", TEXT, 1),
        pattern.split(TEXT, 2),
        pattern.groups,
        dict(pattern.groupindex),
    ]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_lazy_pattern_finds_what_the_compiled_one_finds_before_and_after_compiling(flags: int) -> None:
    compiled = re.compile(SOURCE, flags)
    # Each method as the first use (it compiles the stand-in), then all of them again (the compiled methods).
    for first in ("search", "finditer", "sub", "split", "groups"):
        lazy = lazyre.compile(SOURCE, flags)
        assert isinstance(lazy, LazyPattern) and lazy._compiled is None
        getattr(lazy, first)
        assert outcomes(lazy) == outcomes(compiled)
        assert outcomes(lazy) == outcomes(compiled)
    assert lazyre.compile(SOURCE, flags).flags == compiled.flags
    assert lazyre.compile(SOURCE, flags).pattern == compiled.pattern


def test_the_source_is_known_without_compiling() -> None:
    lazy = lazyre.compile(r"(?i)cease-?fire", re.VERBOSE)
    assert lazyre.source(lazy) == (r"(?i)cease-?fire", re.VERBOSE)
    assert isinstance(lazy, LazyPattern) and lazy._compiled is None
    # A word pre-check reads the source: a case-blind pattern (here by an inline flag) gets none, and stays lazy.
    assert needed_words(lazy) is None
    assert lazy._compiled is None
    assert needed_words(lazyre.compile(r"cease-?fire|truce")) == needed_words(re.compile(r"cease-?fire|truce"))


def test_the_compiled_pattern_takes_the_stand_ins_place_in_its_module() -> None:
    home: dict[str, object] = {}
    home["_TRUCE"] = home["_ALSO"] = lazy = lazyre.compile(SOURCE, 0, home)
    kept = (lazy,)  # held elsewhere: stays a stand-in, and keeps working
    assert outcomes(kept[0]) == outcomes(re.compile(SOURCE))
    # (the pattern, or the pattern with its ASCII twin: bot/detect/twin.py)
    assert isinstance(home["_TRUCE"], Twin) and home["_ALSO"] is home["_TRUCE"]
    assert home["_TRUCE"].unicode is re.compile(SOURCE)
    assert isinstance(kept[0], LazyPattern) and outcomes(kept[0]) == outcomes(home["_TRUCE"])
    other: dict[str, object] = {}
    other["_PLAIN"] = plain = lazyre.compile("truce|talks", 0, other)
    plain.search(TEXT)
    assert isinstance(other["_PLAIN"], re.Pattern)  # no twin: one without word boundaries would be no faster


def test_a_word_pre_check_is_worked_out_at_first_call_and_takes_its_stand_ins_place() -> None:
    stand_in = _KEPT[0]
    texts = ["The truce held.", "A ceasefire was agreed", "No pause in the fighting", "trucks crossed", ""]
    assert [stand_in(t) for t in texts] == [True, True, False, False, False]
    assert not prefilter._PENDING
    test = globals()["_MAY_TRUCE"]
    assert test is not stand_in and test is prefilter._WORKED_OUT[stand_in]
    assert [test(t) for t in texts] == [True, True, False, False, False]


def test_a_detector_works_out_every_pre_check_when_made() -> None:
    Detector()
    assert not prefilter._PENDING
    made = [v for m in (casualties, events) for k, v in vars(m).items() if k.startswith("_MAY_")]
    assert len(made) > 35
    assert not any(test in prefilter._WORKED_OUT for test in made)  # the tests themselves, no stand-in left


def test_importing_the_detector_compiles_none_of_its_lazy_patterns() -> None:
    script = textwrap.dedent(
        """
        import importlib.util, sys
        # lazyre loaded on its own and counting, before the detector (whose import loads every detection module)
        spec = importlib.util.spec_from_file_location("bot.detect.lazyre", "bot/detect/lazyre.py")
        lazyre = sys.modules["bot.detect.lazyre"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(lazyre)
        LazyPattern = lazyre.LazyPattern
        made, compiled = [], []
        init, compile_ = LazyPattern.__init__, LazyPattern.compiled
        LazyPattern.__init__ = lambda self, *a: (made.append(self), init(self, *a))[1]
        LazyPattern.compiled = lambda self: (compiled.append(self), compile_(self))[1]
        import bot.detect.detector
        from bot.detect import prefilter
        print(len(made), len(compiled), len(prefilter._PENDING))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    made, compiled, gates = (int(x) for x in out.stdout.split())
    assert made > 250
    assert compiled == 0
    assert gates > 35  # none worked out


def test_importing_the_detector_compiles_no_plain_pattern_in_the_lazy_modules() -> None:
    """A pattern added with plain `re.compile` at module level in events, casualties or people would compile at every
    start again: importing the detector must call `re.compile` from none of them."""
    script = textwrap.dedent(
        """
        import re, sys
        lazy = {"bot.detect.events", "bot.detect.casualties", "bot.detect.people"}
        callers, compile_ = [], re.compile
        def counting(*a, **k):
            callers.append(sys._getframe(1).f_globals.get("__name__"))
            return compile_(*a, **k)
        re.compile = counting
        import bot.detect.detector
        print(len(callers), sorted(c for c in set(callers) if c in lazy))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    total, _, from_lazy = out.stdout.partition(" ")
    assert int(total) > 0  # the count sees the other modules' compiles
    assert from_lazy.strip() == "[]"
