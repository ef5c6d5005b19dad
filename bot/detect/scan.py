"""One pass over an article's folded text for every automaton that reads it.

Several stages each have an Aho-Corasick automaton over the folded text: place names, watched people and their
bare surnames, the keyword classes, and the watch rules' terms. pyahocorasick reads a text at about the same speed
whatever the automaton's size (some 15 million characters a second here), so five passes cost five times one. A
`Merged` automaton holds all their keys, each with the values of every automaton that has it; one pass gives each
automaton exactly the hits its own `iter` would (the same values, by end offset and longest first), and `Doc.hits`
hands a stage its share (a Doc that no merged pass read is read by each automaton on its own). The word gates'
automaton (bot/detect/prefilter.py), which would read each sentence again, is merged too: each sentence's bits are
handed to the gates.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick

from bot.detect import gazetteer, keywords, prefilter
from bot.detect.text import Doc

Hit = tuple[int, Any]  # (end offset, value), as pyahocorasick's iter gives them


class Merged:
    """The keys of several automatons in one; `scan` gives each automaton's hits of one text."""

    def __init__(self, parts: Sequence[Any], gates: Any | None = None) -> None:
        # The word gates' automaton (`prefilter.automaton`) is read too, each sentence's bits handed to the gates.
        self.gates = gates
        self.parts = tuple(parts) if gates is None else (*parts, gates)
        values: dict[str, list[tuple[int, Any]]] = {}
        for i, automaton in enumerate(self.parts):
            if len(automaton):
                for key, value in automaton.items():
                    values.setdefault(key, []).append((i, value))
        self.automaton = ahocorasick.Automaton()
        # pyahocorasick looks a node's next letter up among its children in the order they were added: keys added
        # in the order of their letters' frequency in news text put the common letters first (a pass some 5% faster;
        # the hits are the same whatever the order).
        for key in sorted(values, key=_by_frequency):
            self.automaton.add_word(key, tuple(values[key]))
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
        if self.gates is not None:
            # No gate word holds a line break, so each hit lies inside the sentence where it ends.
            bits = [0] * len(doc.sentences)
            for end, mask in out[-1]:
                bits[bisect.bisect_right(doc.starts, end) - 1] |= mask
            prefilter.learn(self.gates, {s.folded: b for s, b in zip(doc.sentences, bits, strict=True)})


_FREQUENT = " etaoinsrhldcumfpgwybvk.,-'xjqz0123456789"  # folded news text's characters, the most frequent first
_RANK = {c: i for i, c in enumerate(_FREQUENT)}


def _by_frequency(key: str) -> list[int]:
    return [_RANK.get(c, len(_FREQUENT)) for c in key]


def _gates() -> Any | None:
    """The word gates' automaton, when a merged pass can read it for them (none of its words holds a line break)."""
    gates = prefilter.automaton()
    return None if any("\n" in word for word in gates.keys()) else gates  # noqa: SIM118 (an automaton, not a dict)


def _shared_parts() -> tuple[Any, ...]:
    gzp = gazetteer.people()
    titles = () if gzp.folded_titles is None else (gzp.folded_titles,)
    return (gazetteer.places().automaton, gzp.automaton, gzp.bare_automaton, keywords.automaton(), *titles)


@functools.cache
def shared() -> Merged:
    """The automatons every English article is read with (places, people, bare surnames, keywords, titles, the word
    gates)."""
    return Merged(_shared_parts(), _gates())


def with_shared(extra: Iterable[Any]) -> Merged:
    """The shared automatons and others (a rule set's terms) in one."""
    return Merged([*_shared_parts(), *extra], _gates())
