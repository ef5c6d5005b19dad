"""One pass over an article's folded text for every automaton that reads it.

Several stages each have an Aho-Corasick automaton over the folded text: place names, watched people and their
bare surnames, the keyword classes, and the watch rules' terms. pyahocorasick reads a text at about the same speed
whatever the automaton's size (some 15 million characters a second here), so five passes cost five times one. A
`Merged` automaton holds all their keys, each with the values of every automaton that has it; one pass gives each
automaton exactly the hits its own `iter` would (the same values, by end offset and longest first), and `Doc.hits`
hands a stage its share (a Doc that no merged pass read is read by each automaton on its own).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

from bot.detect import gazetteer, keywords
from bot.detect.text import Doc

Hit = tuple[int, Any]  # (end offset, value), as pyahocorasick's iter gives them


class Merged:
    """The keys of several automatons in one; `scan` gives each automaton's hits of one text."""

    def __init__(self, parts: Sequence[Any]) -> None:
        self.parts = tuple(parts)
        values: dict[str, list[tuple[int, Any]]] = {}
        for i, automaton in enumerate(self.parts):
            if len(automaton):
                for key, value in automaton.items():
                    values.setdefault(key, []).append((i, value))
        self.automaton = ahocorasick.Automaton()
        for key, found in values.items():
            self.automaton.add_word(key, tuple(found))
        if values:
            self.automaton.make_automaton()

    def scan(self, doc: Doc) -> None:
        """Read the article's folded text once; remember every part's hits on the Doc."""
        out: list[list[Hit]] = [[] for _ in self.parts]
        if len(self.automaton):
            for end, found in self.automaton.iter(doc.folded):
                for i, value in found:
                    out[i].append((end, value))
        for automaton, found_hits in zip(self.parts, out, strict=True):
            doc.scans[automaton] = found_hits


def _shared_parts() -> tuple[Any, ...]:
    gzp = gazetteer.people()
    titles = () if gzp.folded_titles is None else (gzp.folded_titles,)
    return (gazetteer.places().automaton, gzp.automaton, gzp.bare_automaton, keywords.automaton(), *titles)


@functools.cache
def shared() -> Merged:
    """The automatons every English article is read with (places, people, bare surnames, keywords, titles)."""
    return Merged(_shared_parts())


def with_shared(extra: Iterable[Any]) -> Merged:
    """The shared automatons and others (a rule set's terms) in one."""
    return Merged([*_shared_parts(), *extra])
