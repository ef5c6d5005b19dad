"""Word pre-checks worked out from a regex: the literal strings one of which every match of it holds.

Many small regexes are searched in every sentence and find nothing in most; a substring test for the words they
need costs a fraction of the scan. The words are read from the regex's own parse when it is compiled, so a branch
added to the regex is in its pre-check at once (no hand-kept list to fall out of step with it).
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any

import ahocorasick

from bot.detect import lazyre

# The regex parser is CPython's own (private) module. Where a Python lacks it, every gate passes all text:
# detection stays the same, only slower.
try:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython 3.11 to 3.13 have both
    sre = sre_parse = None

# The most strings a part of the regex is written out into ("attack(?:s|ed)? on" is three); past that the part is
# left out of the pre-check, which then asks for the words of another part, or for nothing.
_CAP = 64
_SMALL_CLASS = 8  # a character class of at most this many characters counts as that many one-letter strings


def needed_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of the pattern holds one, or None when no such list is found (case-blind
    patterns, or a part that may match anything)."""
    if sre_parse is None:
        return None
    # (the source and given flags: a lazy pattern is not compiled for this; the parse adds the inline flags)
    parsed = sre_parse.parse(*lazyre.source(pattern))
    if parsed.state.flags & re.IGNORECASE:
        return None
    words = _sequence_needs(parsed)
    if words is None:
        return None
    # A word that holds another of the list adds nothing to the test ("attacks" beside "attack").
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def needed_endings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """For a pattern that ends "X\\s*$" (a phrase at the end of a text, "(?:at least|no fewer than)\\s*$"): the
    strings of which every match's X ends with one, so that a text whose `rstrip()` ends with none cannot match; None
    when no such list is found (other endings, case-blind patterns, an X of many or empty strings)."""
    if sre_parse is None:
        return None
    parsed = sre_parse.parse(*lazyre.source(pattern))
    if parsed.state.flags & re.IGNORECASE:
        return None
    items = list(parsed)
    spaces = (sre.MAX_REPEAT, (0, sre.MAXREPEAT, [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])]))
    if len(items) < 3 or items[-1] != (sre.AT, sre.AT_END) or _plain_items(items[-2]) != spaces:
        return None
    strings = _exact(*items[-3])
    # (a string ending in a space could lose it to rstrip(): no such list is sure)
    if not strings or any(not s or s[-1].isspace() for s in strings):
        return None
    return tuple(sorted(strings))


def _plain_items(item: tuple[Any, Any]) -> Any:
    """A parse item with its subpatterns as lists, to compare with a literal one."""
    op, av = item
    if op is sre.MAX_REPEAT:
        return (op, (av[0], av[1], [_plain_items(i) for i in av[2]]))
    if op is sre.IN:
        return (op, list(av))
    return item


def gate(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A test that is False only for text in which the pattern cannot match (it holds none of the words every
    match needs); True for any text when no such words are found.

    The words are worked out at the first call of any gate, for every gate made by then (importing the detector
    parses no regex), and each test then takes its stand-in's place among the globals of the module that made it
    (`_MAY_X = gate(_X)`), so that the module's functions call the test itself."""
    home = sys._getframe(1).f_globals

    def stand_in(text: str) -> bool:
        work_out_gates()
        return _WORKED_OUT[stand_in](text)

    _PENDING.append((pattern, home, stand_in))
    return stand_in


def work_out_gates() -> None:
    """Work out every gate made so far (the detector does it when made, before any thread detects: a gate worked
    out adds its words to the shared automaton, which must not change under a pass of it)."""
    # (a thread that finds another working them out waits for all of them)
    with _WORKING_OUT:
        _work_out_pending()


def _work_out_pending() -> None:
    while _PENDING:
        pattern, home, stand_in = _PENDING.pop(0)
        test = _WORKED_OUT[stand_in] = _gate_now(pattern)
        for name in [k for k, v in list(home.items()) if v is stand_in]:
            home[name] = test


def _gate_now(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    words = needed_words(pattern)
    if words is None or min(map(len, words)) < _SHORTEST:
        return _anything
    return holds_any(words)


# The gates made and not yet worked out (the pattern, the globals of the module that made it, the stand-in), and
# each stand-in's test once worked out (a stand-in kept elsewhere than its module's globals asks it there).
_PENDING: list[tuple[re.Pattern[str], dict[str, Any], Callable[[str], bool]]] = []
_WORKED_OUT: dict[Callable[[str], bool], Callable[[str], bool]] = {}
_WORKING_OUT = threading.Lock()


def holds_any(words: Iterable[str]) -> Callable[[str], bool]:
    """The test `any(word in text for word in words)`, at the cost of a few substring tests, or (many words) of
    one bit of the shared automaton pass of the text."""
    ordered = tuple(sorted(set(words)))
    if len(ordered) == 1:
        word = ordered[0]
        return lambda text: word in text
    if len(ordered) <= _FEW:

        def holds(text: str) -> bool:
            # (a loop, not any() over a generator: half the cost, and this runs on every sentence)
            for word in ordered:  # noqa: SIM110
                if word in text:
                    return True
            return False

        return holds
    # Many words: one pass of an automaton of every such gate's words tells all of them at once (the same
    # sentence is asked by several gates in turn).
    bit = 1 << len(_SHARED)
    _SHARED.append(frozenset(ordered))
    _read.cache_clear()
    _KNOWN.clear()
    _AUTOMATON.clear()
    return lambda text: bool(_present(text) & bit)


def word_initial(pattern: str) -> re.Pattern[str]:
    """Compile a pattern whose every match starts a word: testing the word boundary once, before the branches,
    makes a long alternation several times faster than a boundary at the head of each branch (or none: a
    branch written without one is then read as starting a word)."""
    return lazyre.compile(rf"\b(?=\w)(?:{pattern})", home=sys._getframe(1).f_globals)


def _anything(text: str) -> bool:
    return True


_SHORTEST = 3  # a gate on shorter words ("no", "-") would pass nearly everything
_FEW = 8  # up to this many words, substring tests; more, the shared automaton
_SHARED: list[frozenset[str]] = []  # the words of each gate that asks the automaton (its bit: its place here)
_AUTOMATON: list[Any] = []  # the automaton of every word in _SHARED, built when first asked


_KNOWN: dict[str, int] = {}  # the bits of the sentences that an article's merged pass read (`learn`)
_KNOWN_MOST = 1 << 12  # texts remembered at most (then forgotten all at once: an article's sentences are asked soon)


def automaton() -> Any:
    """The automaton of every shared gate's words, its value a word's bits (the gates it opens), built when first
    asked; a new gate builds another."""
    if not _AUTOMATON:
        automaton = ahocorasick.Automaton()
        masks: dict[str, int] = {}
        for i, words in enumerate(_SHARED):
            for word in words:
                masks[word] = masks.get(word, 0) | 1 << i
        for word, mask in masks.items():
            automaton.add_word(word, mask)
        automaton.make_automaton()
        _AUTOMATON.append(automaton)
    return _AUTOMATON[0]


def learn(reader: Any, bits: dict[str, int]) -> None:
    """Remember the bits of texts that another pass read with `reader` (an `automaton()`; the article's merged pass
    of bot/detect/scan.py reads every sentence), so that no gate reads them again. A reader that is no longer the
    current automaton (a gate made since) is ignored."""
    if not _AUTOMATON or _AUTOMATON[0] is not reader:
        return
    if len(_KNOWN) > _KNOWN_MOST:
        _KNOWN.clear()
    _KNOWN.update(bits)


def _present(text: str) -> int:
    """The bits of the shared gates one of whose words the text holds."""
    bits = _KNOWN.get(text)
    return bits if bits is not None else _read(text)


@functools.lru_cache(maxsize=1 << 12)
def _read(text: str) -> int:
    """`_present` by a pass of the text."""
    found = 0
    for _end, mask in automaton().iter(text):
        found |= mask
    return found


def _exact(op: Any, av: Any) -> set[str] | None:
    """Every string this item of a parse can match, when they are few; None otherwise."""
    if _case_blind(op, av):
        return None
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is sre.LITERAL:
                chars.add(chr(item_av))
            elif item_op is sre.RANGE and item_av[1] - item_av[0] < _SMALL_CLASS:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None  # a negated class, a category (\w, \d), a wide range
        return chars if len(chars) <= _SMALL_CLASS else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}  # a boundary or a lookaround matches no characters
    if op is sre.SUBPATTERN:
        return _sequence_exact(av[-1])
    if op is sre.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            strings = _sequence_exact(alternative)
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _CAP else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[1] == 1:
        strings = _sequence_exact(av[2])
        if strings is None:
            return None
        return strings | {""} if av[0] == 0 else strings
    return None


def _case_blind(op: Any, av: Any) -> bool:
    """A group with a scoped case-blind flag, "(?i:bomb)": its letters may match in any case, so none is needed."""
    return op is sre.SUBPATTERN and bool(av[1] & re.IGNORECASE)


def _sequence_exact(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    run = {""}
    for op, av in items:
        strings = _exact(op, av)
        if strings is None or len(run) * len(strings) > _CAP:
            return None
        run = {a + b for a in run for b in strings}
    return run


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Of two lists of needed words, the one that passes less text: longer shortest word, then fewer words."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _needs(op: Any, av: Any) -> set[str] | None:
    """Strings of which every match of this item holds one, or None."""
    if _case_blind(op, av):
        return None
    strings = _exact(op, av)
    best = strings if strings and "" not in strings else None
    if op is sre.SUBPATTERN:
        best = _better(best, _sequence_needs(av[-1]))
    elif op is sre.BRANCH:
        union: set[str] | None = set()
        for alternative in av[1]:
            needs = _sequence_needs(alternative)
            if needs is None or union is None:
                union = None
                break
            union |= needs
        best = _better(best, union)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        best = _better(best, _sequence_needs(av[2]))
    return best


def _sequence_needs(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """The best list of needed words of a sequence: a run of items written out as whole strings, or one item's."""
    best: set[str] | None = None
    run = {""}
    for op, av in [*items, (None, None)]:
        strings = _exact(op, av) if op is not None else None
        if strings is not None and len(run) * len(strings) <= _CAP:
            run = {a + b for a in run for b in strings}
            continue
        if "" not in run:
            best = _better(best, run)
        if op is None:
            break
        best = _better(best, _needs(op, av))
        run = strings if strings is not None else {""}
    return best
