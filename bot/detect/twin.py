"""ASCII twins of regexes: the same matches on ASCII text, found faster.

A `str` pattern matches with Unicode rules: `\\b`, `\\w`, `\\d`, `\\s` and case folding ask the Unicode database for
each character, which costs the engine about a fifth of its time on this project's patterns. Over text that is all
ASCII (a flag of the string, known without reading it) the ASCII rules give the same answers, with one difference:
Unicode `\\s` also matches the separators \\x1c-\\x1f. `ascii_twin` compiles a pattern with the ASCII rules and its
`\\s` written out as every character below 128 that Unicode `\\s` matches, so that on ASCII text it finds exactly
what the pattern finds; a `Twin` hands each call to the twin when the text is ASCII, else to the pattern.

The twin is built from CPython's own (private) parse of the pattern, as `prefilter` reads it; where a Python lacks
the parser, or a pattern holds a part whose meaning on ASCII text the rewrite cannot keep (`\\S` beside other
characters in a class, a non-ASCII character under case folding, a Unicode flag of its own), there is no twin.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, cast

try:
    from re import _compiler as sre_compile  # type: ignore[attr-defined]
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - CPython 3.11 to 3.13 have all three
    sre = sre_parse = sre_compile = None

# The characters below 128 that Unicode `\s` matches, as a character class's items.
_SPACE_ITEMS: list[tuple[Any, Any]] = []
if sre is not None:
    _SPACE_ITEMS = [(sre.LITERAL, ord(c)) for c in " \t\n\r\x0b\x0c"] + [(sre.RANGE, (0x1C, 0x1F))]
    _NESTED = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
    # (Unicode `\s` reads a table for a character below 128, as ASCII `\s` does: no faster in a twin)
    _SPACES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_SPACE)
    _CONTAINERS = (*_NESTED, sre.BRANCH, sre.ATOMIC_GROUP, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF_EXISTS)


class _NoTwin(Exception):
    """A part of the pattern whose meaning on ASCII text the twin would not keep."""


def ascii_twin(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """The pattern compiled with ASCII rules and `\\s` written out, or None when there is no such twin, or when
    the pattern asks nothing of the Unicode database (no word boundary, `\\w` or `\\d` class, or case folding: the
    twin would be no faster)."""
    if sre_parse is None or flags & (re.ASCII | re.LOCALE | re.DEBUG):
        return None
    try:
        # (re.UNICODE is a str pattern's default; an inline (?u) is refused by the parse, as ASCII and UNICODE at once)
        parsed = sre_parse.parse(pattern, flags & ~re.UNICODE | re.ASCII)
        folding = bool(parsed.state.flags & re.IGNORECASE)
        if not _rewrite(parsed.data, folding):
            return None
        _factor(parsed.data, folding)
        compiled: re.Pattern[str] = sre_compile.compile(parsed, 0)
    except (re.error, ValueError, _NoTwin):
        return None
    return compiled


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - the name of what it stands in for
    """`re.compile`, with the pattern's ASCII twin when it has one (a `Twin`, typed as the pattern it stands for)."""
    compiled = re.compile(pattern, flags)
    twin = ascii_twin(pattern, flags)
    return compiled if twin is None else cast("re.Pattern[str]", Twin(compiled, twin))


def _rewrite(items: list[tuple[Any, Any]], folding: bool) -> bool:
    """Spell out the `\\s` of a parsed sequence in place; whether it asks the Unicode database anything (raises
    _NoTwin for a part the twin cannot keep)."""
    asks = folding
    for k, (op, av) in enumerate(items):
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            _check_chars(av, av, folding)
        elif op is sre.IN:
            asks = asks or any(o is sre.CATEGORY and a not in _SPACES for o, a in av)
            items[k] = (op, _class(av, folding))
        elif op is sre.AT:
            asks = asks or av in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY)
        elif op is sre.SUBPATTERN:
            if av[1] & (re.UNICODE | re.LOCALE) or av[2] & re.ASCII:
                raise _NoTwin
            inner = (folding or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
            asks = _rewrite(av[3].data, inner) or asks or inner
        elif op in _CONTAINERS:
            for inner_items in _inside(op, av):
                asks = _rewrite(inner_items, folding) or asks
        elif op not in (sre.ANY, sre.GROUPREF):
            raise _NoTwin
    return asks


def _factor(items: list[tuple[Any, Any]], folding: bool) -> None:
    """Write each alternation of a parsed sequence as a tree of its branches' first characters, in place: the engine
    tries an alternation's branches in turn at every place it reaches it (a word-initial list of a hundred words: a
    hundred tests at each word), and skips a branch that starts with another character than the text's in a few
    instructions, so branches that start alike, put behind their one first character, cost one such test for all of
    them. The matches are the same: at any place only the branches of the text's character can match, and their order
    among themselves and against every branch that starts otherwise is kept. Not under case folding (a character
    would stand for two, and the engine's quick skip reads only an exact character)."""
    for k, (op, av) in enumerate(items):
        if op is sre.BRANCH:
            for branch in av[1]:
                _factor(branch.data, folding)
            if not folding:
                items[k] = (op, (av[0], _by_first_character(av[1])))
        elif op is sre.SUBPATTERN:
            _factor(av[3].data, (folding or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE)
        elif op in _CONTAINERS:
            for inner_items in _inside(op, av):
                _factor(inner_items, folding)


def _by_first_character(branches: list[Any]) -> list[Any]:
    """An alternation's branches (parsed sequences) with each run of branches that start with a character grouped
    by that character: one branch of the character and the alternation of what follows it in each, in their order."""
    out: list[Any] = []
    run: dict[int, list[Any]] = {}  # first character -> its branches, in order (a run: no other branch between)

    def close_run() -> None:
        for char, alike in run.items():
            if len(alike) == 1:
                out.append(alike[0])
                continue
            state = alike[0].state
            rests = [sre_parse.SubPattern(state, b.data[1:]) for b in alike]
            inner = sre_parse.SubPattern(state, [(sre.BRANCH, (None, _by_first_character(rests)))])
            out.append(sre_parse.SubPattern(state, [(sre.LITERAL, char), (sre.SUBPATTERN, (None, 0, 0, inner))]))
        run.clear()

    for branch in branches:
        if branch.data and branch.data[0][0] is sre.LITERAL:
            run.setdefault(branch.data[0][1], []).append(branch)
        else:
            close_run()
            out.append(branch)
    close_run()
    return out


def _inside(op: Any, av: Any) -> list[list[tuple[Any, Any]]]:
    """The parsed sequences within a branching, repeated, atomic, look-around or conditional part."""
    if op is sre.BRANCH:
        return [p.data for p in av[1]]
    if op in _NESTED:
        return [av[2].data]
    if op is sre.ATOMIC_GROUP:
        return [av.data]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1].data]
    return [p.data for p in av[1:] if p is not None]  # GROUPREF_EXISTS: (group, yes, no)


def _check_chars(low: int, high: int, folding: bool) -> None:
    """Raises _NoTwin if case folding takes a character above 127 of low..high to an ASCII one (the Kelvin sign to
    "k", the long s to "s"): without folding, such a character never matches ASCII text."""
    if folding and high > 127 and any(map(_folds_to_ascii, range(max(low, 128), high + 1))):
        raise _NoTwin


def _folds_to_ascii(code: int) -> bool:
    char = chr(code)
    return any(c.isascii() for c in char.lower() + char.upper() + char.casefold())


def _class(items: list[tuple[Any, Any]], folding: bool) -> list[tuple[Any, Any]]:
    """A character class's items with `\\s` spelled out ([\\S] alone as its negation)."""
    if items == [(sre.CATEGORY, sre.CATEGORY_NOT_SPACE)]:
        return [(sre.NEGATE, None), *_SPACE_ITEMS]
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            out += _SPACE_ITEMS
        elif op is sre.CATEGORY and av is sre.CATEGORY_NOT_SPACE:
            raise _NoTwin
        elif op is sre.RANGE:
            _check_chars(av[0], av[1], folding)
            out.append((op, av))
        else:
            if op is sre.LITERAL:
                _check_chars(av, av, folding)
            out.append((op, av))
    return out


class Twin:
    """A pattern and its ASCII twin: each scan of a text goes to the twin when the text is ASCII (`str.isascii`
    reads a flag of the string), else to the pattern; stands in for the pattern (`re.Pattern[str]`). A match at
    one place (`match`, `fullmatch`) is the pattern's own method: it reads a few characters, fewer than the
    choice would cost."""

    __slots__ = ("unicode", "ascii", "pattern", "flags", "groups", "groupindex", "match", "fullmatch")

    def __init__(self, unicode: re.Pattern[str], ascii: re.Pattern[str]) -> None:
        self.unicode = unicode
        self.ascii = ascii
        self.pattern = unicode.pattern
        self.flags = unicode.flags
        self.groups = unicode.groups
        self.groupindex = unicode.groupindex
        self.match = unicode.match
        self.fullmatch = unicode.fullmatch

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (self.ascii if string.isascii() else self.unicode).search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (self.ascii if string.isascii() else self.unicode).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return (self.ascii if string.isascii() else self.unicode).findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return (self.ascii if string.isascii() else self.unicode).sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return (self.ascii if string.isascii() else self.unicode).subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return (self.ascii if string.isascii() else self.unicode).split(string, maxsplit)

    def __repr__(self) -> str:
        return f"Twin({self.unicode!r})"
