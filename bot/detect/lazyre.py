"""Regexes compiled at their first use instead of at import.

The detection modules hold some 300 module-level regexes; compiling them all cost about a third of `import bot.detect`,
which every `diplobot` process pays (most commands never detect anything). `compile` returns a stand-in that
compiles on its first search and then puts the compiled pattern in its place in the module that made it, so that the
module's functions find the pattern itself from then on (a stand-in kept elsewhere, in a tuple or under an imported
name, hands each call to the compiled pattern's own methods, which it keeps on itself). `pattern` (the source, which
other regexes are built from) is known without compiling.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, cast

from bot.detect.twin import Twin, ascii_twin

# The methods a first call compiles for and then hands over to the compiled pattern.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regex compiled when first used; stands in for `re.Pattern[str]` (see `compile`)."""

    def __init__(self, pattern: str, flags: int, home: dict[str, Any] | None = None) -> None:
        self.pattern = pattern
        self.given_flags = flags  # as given: without the inline and default flags that `flags` holds
        self._compiled: re.Pattern[str] | None = None
        self._home = home  # the globals of the module that made it

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on the first call)."""
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.given_flags)
            self._compiled = compiled
            # ASCII text (nearly all folded text) goes to the pattern's ASCII twin, when it has one (bot/detect/twin.py).
            twin = ascii_twin(self.pattern, self.given_flags)
            used: Any = compiled if twin is None else Twin(compiled, twin)
            # Instance attributes come before the class's methods: from now on a call is the compiled method's.
            for name in _METHODS:
                self.__dict__[name] = getattr(used, name)
            # (the globals taken first: a second thread compiling at the same time only replaces them again)
            home, self._home = self._home, None
            if home is not None:
                for name in [k for k, v in list(home.items()) if v is self]:
                    home[name] = used
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self.given_flags!r})"


def compile(  # noqa: A001 - the name of what it stands in for
    pattern: str, flags: int = 0, home: dict[str, Any] | None = None
) -> re.Pattern[str]:
    """`re.compile`, compiled at the first search (a `LazyPattern`, typed as the pattern it becomes, which takes its
    place among the globals of `home`, by default the calling module's, then)."""
    return cast(
        "re.Pattern[str]", LazyPattern(pattern, flags, home if home is not None else sys._getframe(1).f_globals)
    )


def source(pattern: re.Pattern[str]) -> tuple[str, int]:
    """A pattern's source and the flags it was given, without compiling a lazy one."""
    lazy: object = pattern
    if isinstance(lazy, LazyPattern):
        return lazy.pattern, lazy.given_flags
    return pattern.pattern, pattern.flags
