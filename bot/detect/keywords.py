"""One Aho-Corasick pass that tells each stage which sentences are worth its (slower) regular expressions.

The keyword lists are deliberately loose prefilters: a sentence without any keyword of a class cannot
hold that class's trigger, so the precise patterns in events.py and casualties.py only run where a
keyword was seen. Topic words (labour, sport, ...) come from bot/data/topics.yaml.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import ahocorasick

from bot.detect import gazetteer
from bot.detect.text import Doc, fold

HEADLINE_VERBS = "headline_verbs"
# Keyword -> class. A keyword matches at a word start; the precise regexes decide the rest.
_CLASSES: dict[str, Iterable[str]] = {
    "ceasefire": [
        "cease",
        "truce",
        "cessation",
        "armistice",
        "halt to",
        "stop the fighting",
        "end of",
        "end to",
        "end the",
        "fighting has",
        "fighting had",
        "guns",
        "pause",
        "suspension of",
    ],
    "talks": [
        "talks",
        "negotiat",
        "met",
        "meet",
        "phone",
        "telephone",
        "spoke",
        "call with",
        "discuss",
        "dialogue",
        "summit",
        "hosted",
        "trilateral",
        "bilateral",
        "consultations",
        "readout",
        "visit",
        "conversation",
        "joint press",
        "joint news",
        "remarks with",
    ],
    "agreement": [
        "agreement",
        "agreed",
        "agree to",
        "agree on",
        "agrees",
        "deal",
        "accord",
        "declaration",
        "resolution",
        "memorandum",
        "treaty",
        "pact",
        "communique",
        "protocol",
        "proposal",
        "peace plan",
        "framework",
    ],
    "clash": [
        "clash",
        "shell",
        "bomb",
        "blast",
        "explosion",
        "suicide",
        "strike",
        "air strike",
        "artillery",
        "invasion",
        "invaded",
        "ambush",
        "offensive",
        "firefight",
        "gunfight",
        "skirmish",
        "opened fire",
        "stormed",
        "aggression",
        "state of war",
        "attack",
        "fighting",
        "rocket",
        "airstrike",
        "pounded",
        "open fire",
        "military activities",
        "military activity",
        "military operations",
        "military action",
        "hostilities",
        "raided",
        "advances by",
        "continued violence",
        "continuing violence",
        "renewed violence",
        "resumed violence",
    ],
    # Verbs of headline grammar (events._headline_attack): only headlines are read for them, and they are no
    # class of what an item is about (the relevance model does not see them).
    HEADLINE_VERBS: [
        "pound",
        "pummel",
        "hit",
        "struck",
        "target",
        "raid",
        "storm",
        "batter",
        "rain down",
        "trade fire",
        "exchange fire",
        "fire on",
        "fires on",
        "fire at",
        "fires at",
        "opens fire",
        "down",
        "shoot",
        "intercept",
        "repel",
        "seize",
        "capture",
        "overrun",
        "retake",
        "recapture",
        "liberate",
        "advance",
        "push into",
        "pushes into",
    ],
    "sanctions": ["sanction", "embargo", "asset freeze", "travel ban", "blacklist"],
    "casualty": [
        "kill",
        "dead",
        "death",
        "died",
        "die",
        "wound",
        "injur",
        "missing",
        "lives",
        "casualt",
        "fatalit",
        "toll",
        "perish",
        "slain",
        "hurt",
        "bodies",
        "massacre",
        "assassinat",
        "unaccounted",
    ],
}
OFF_TOPICS = ("labour", "sport")


@functools.cache
def automaton() -> Any:
    """The keyword automaton: folded keyword -> (length, its classes)."""
    entries: dict[str, set[str]] = {}
    for cls, words in _CLASSES.items():
        for word in words:
            entries.setdefault(fold(word), set()).add(cls)
    for topic in OFF_TOPICS:
        for term in gazetteer.topics().get(topic, ()):
            key = fold(term).rstrip("*")
            # A wildcard topic term ("wage*") matches as a prefix; others must end at a word boundary.
            entries.setdefault(key, set()).add(f"topic:{topic}" + ("*" if term.endswith("*") else ""))
    automaton = ahocorasick.Automaton()
    for key, classes in entries.items():
        automaton.add_word(key, (len(key), tuple(sorted(classes))))
    automaton.make_automaton()
    return automaton


class Features:
    """Per class, the sentences holding one of its keywords; and the distinct topic words seen."""

    __slots__ = ("by_class", "topic_words")

    def __init__(self) -> None:
        self.by_class: dict[str, set[int]] = {}
        self.topic_words: set[str] = set()

    def has(self, cls: str, sentence: int) -> bool:
        """Whether a sentence holds a keyword of a class."""
        return sentence in self.by_class.get(cls, ())

    def off_topic(self, sentence: int) -> bool:
        """Whether a sentence holds a labour or sport word."""
        return sentence in self.by_class.get("topic", ())


def scan(doc: Doc) -> Features:
    """Find every keyword in the article in one pass."""
    text = doc.folded
    n = len(text)
    out = Features()
    for end, (length, classes) in doc.hits(automaton()):
        start = end - length + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        sentence = None
        for cls in classes:
            if cls.startswith("topic:"):
                if not cls.endswith("*") and end + 1 < n and text[end + 1].isalnum():
                    continue
                out.topic_words.add(text[start : end + 1])
                cls = "topic"
            if sentence is None:
                sentence = doc.sentence_at(start).index
            out.by_class.setdefault(cls, set()).add(sentence)
    return out
