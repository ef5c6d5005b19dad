"""Item relevance: is this headline and lead about armed conflict or diplomacy? A linear model, shipped as data.

The weights (relevance.json beside this file) are trained by `python -m bot.model.train` on the development
part of the labelled corpus only (corpus/README.md); scikit-learn is needed to train, not to run. At run time
the model is a dictionary lookup: tf-idf of word unigrams and bigrams over the headline and the first
characters of the text (the part every feed item has), plus the rule-based detector's findings written as
signal words ("sig_event_ceasefire", "sig_casualties_conflict", "sig_official"...), a dot product and a
logistic. The signals carry what a few hundred labelled items cannot teach word by word. It is explainable:
`explain` returns the terms that pushed the score up or down, which `diplobot check` prints.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, filterfalse, islice, pairwise, repeat
from operator import itemgetter, mul, neg, truediv
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from bot.models import Casualty, Event, Person

WEIGHTS = Path(__file__).with_name("relevance.json")
LEAD_CHARS = 600  # headline + this much of the text: what a feed teaser gives, and an article's lead
# scikit-learn's default token pattern r"(?u)\b\w\w+\b", so that training and run time cut words the same way;
# written without its word boundaries, which a greedy run of word characters found by findall always has (the same
# words, in a third less time: tests/test_relevance_tokens.py).
_TOKEN = re.compile(r"\w\w+")
# The same with ASCII rules, for ASCII text (nearly every English item), where `\w` is the same set of characters and
# the engine skips the Unicode database's letter tests (the detection regexes' twins, bot/detect/twin.py, do the same).
_ASCII_TOKEN = re.compile(r"\w\w+", re.ASCII)


# Headline shorthand for an office, read as the office spelled out ("Chinese FM to visit Moscow", "Indian PM arrives in
# Kyiv"), so that the words the labelled items mostly spell out carry it. Capitals only; "PM" after a clock time
# ("5 PM", "10:30 PM") is the hour.
_SHORTHAND = re.compile(r"\bFM\b|(?<![\d:.])(?<!\d )\bPM\b")
_SPELLED_OUT = {"FM": "foreign minister", "PM": "prime minister"}


def _spell_out(text: str) -> str:
    if "FM" not in text and "PM" not in text:
        return text
    return _SHORTHAND.sub(lambda m: _SPELLED_OUT[m.group()], text)


def model_text(title: str, text: str, signals: Iterable[str] = ()) -> str:
    """What the model reads of an item: the headline, the lead (office shorthand spelled out) and the detector's
    signal words."""
    return f"{_spell_out(title)}\n{_spell_out(text[:LEAD_CHARS])}\n{' '.join(signals)}"


# Word classes of conflict and diplomacy that no event pattern covers, so that a word the labelled items never
# showed still counts through its class ("junta" as a coup, "frigate" as the military); and classes of what reads
# like them but is not (domestic politics and the economy, interviews and analysis), so that a state's name beside
# them does not carry the item. Matched as whole words or phrases in the lowercased headline and lead; the weight
# of each class is learned, like a word's.
_LEXICON_WORDS: dict[str, list[str]] = {
    "coup": [
        "coup",
        "junta",
        "martial law",
        "seizure of power",
        "seized power",
        "overthrow",
        "overthrown",
        "putsch",
        "mutiny",
        "mutineers",
        "ousted",
    ],
    "captive": [
        "hostage",
        "hostages",
        "detainee",
        "detainees",
        "detained",
        "prisoner swap",
        "prisoner exchange",
        "freed",
        "released from prison",
        "house arrest",
        "wrongfully detained",
        "unjustly detained",
        "arbitrarily detained",
        "political prisoner",
        "political prisoners",
        "abducted",
        "kidnapped",
    ],
    "military": [
        "military",
        "troops",
        "army",
        "navy",
        "naval",
        "warship",
        "warships",
        "frigate",
        "fighter jets",
        "missile",
        "missiles",
        "drone",
        "drones",
        "artillery",
        "tanks",
        "militants",
        "insurgents",
        "rebels",
        "militia",
        "peacekeepers",
        "forces",
        "airstrike",
        "airstrikes",
        "nuclear",
        "blockade",
        "invasion",
        "incursion",
    ],
    "violence": [
        "attackers",
        "gunmen",
        "assailants",
        "siege",
        "besieged",
        "raid",
        "raids",
        "ambush",
        "ambushed",
        "settler violence",
        "militiamen",
        "armed group",
        "armed groups",
        "insurgency",
        "separatists",
        "shelled",
        "shelling",
        "bombardment",
        "sniper",
        "snipers",
        "hijacked",
        "hijacking",
        "car bomb",
        "suicide bomber",
        "massacre",
        "offensive",
        "front line",
        "frontline",
        "war crimes",
    ],
    "maritime": [
        "maritime incident",
        "vessel",
        "vessels",
        "tanker",
        "tankers",
        "merchant ship",
        "cargo ship",
        "shipping lane",
        "shipping lanes",
        "strait",
        "coast guard",
        "seized ship",
        "boarded",
        "ukmto",
    ],
    "armed_groups": [
        "terrorist",
        "terrorists",
        "terror group",
        "jihadist",
        "jihadists",
        "islamic state",
        "isis",
        "al-qaeda",
        "al qaeda",
        "al-shabab",
        "al-shabaab",
        "taliban",
        "hamas",
        "hezbollah",
        "houthi",
        "houthis",
        "boko haram",
        "wagner",
        "paramilitary",
        "rapid support forces",
        "militant group",
    ],
    "weapons": [
        "warplanes",
        "warplane",
        "fighter jet",
        "bombers",
        "submarine",
        "aircraft carrier",
        "ballistic",
        "cruise missile",
        "hypersonic",
        "munitions",
        "ammunition",
        "weapons",
        "arms deliveries",
        "arms sales",
        "air defence",
        "air defense",
        "warhead",
        "warheads",
        "mobilisation",
        "mobilization",
        "conscription",
        "troop deployment",
        "deployed troops",
        "military exercises",
        "military drills",
        "joint drills",
        "war games",
        "live-fire",
        "show of force",
    ],
    "nuclear_talks": [
        "uranium",
        "enrichment",
        "iaea",
        "nuclear deal",
        "nuclear programme",
        "nuclear program",
        "nuclear test",
        "missile test",
    ],
    "war_toll": [
        "refugees",
        "displaced",
        "evacuation",
        "humanitarian corridor",
        "aid convoy",
        "war-torn",
        "warring",
        "hostilities",
        "war zone",
        "occupied",
        "occupation",
        "annexed",
    ],
    "blocs": [
        "european union",
        "african union",
        "asean",
        "g7",
        "g20",
        "general assembly",
        "kremlin",
        "pentagon",
        "state department",
        "foreign office",
        "peace talks",
        "peace deal",
        "peace process",
        "mediator",
        "mediators",
        "mediation",
        "delegation",
        "delegations",
        "counterpart",
    ],
    "diplomacy": [
        "embassy",
        "ambassador",
        "envoy",
        "diplomat",
        "diplomats",
        "diplomatic",
        "foreign minister",
        "foreign ministry",
        "foreign secretary",
        "secretary of state",
        "summit",
        "bilateral",
        "condemns",
        "condemned",
        "sanctions",
        "treaty",
        "security council",
        "nato",
        "united nations",
        "expelled",
        "expels",
        "summoned",
        "annexation",
        "sovereignty",
        "territorial",
    ],
    # Settlement in occupied territory: construction news that is the conflict's, not housing policy.
    "settlements": [
        "settlement units",
        "settlement construction",
        "settlement expansion",
        "settlement activity",
        "new settlement",
        "illegal settlement",
        "settlements",
        "settler",
        "settlers",
        "outpost",
        "outposts",
        "west bank",
        "east jerusalem",
    ],
    # A state's threat or warning with no attack: news an analyst wants though no event pattern fires.
    "threats": [
        "threatens",
        "threatened",
        "threat",
        "threats",
        "warns",
        "warned",
        "warning",
        "ultimatum",
        "retaliate",
        "retaliation",
        "retaliatory",
        "red line",
        "provocation",
        "provocations",
        "provocative",
        "escalation",
        "deterrence",
        "deterrent",
        "hostile",
        "hostility",
    ],
    # Visits of officials, announced or made.
    "visits": [
        "will travel",
        "travels to",
        "traveled to",
        "travelled to",
        "official visit",
        "state visit",
        "visit to",
        "visits",
        "trip to",
        "arrives in",
        "arrived in",
        "hosts",
        "welcomes",
        "talks with",
    ],
    # Domestic politics and the economy: not wanted unless the item is about a war or a foreign relation. ("Housing" is
    # not among them: a settlement plan in occupied land counts its homes in housing units.)
    "domestic": [
        "election",
        "elections",
        "vote",
        "voters",
        "ballot",
        "polls",
        "campaign",
        "impeachment",
        "senate",
        "congress",
        "lawmakers",
        "budget",
        "tax",
        "taxes",
        "inflation",
        "economy",
        "economic",
        "interest rates",
        "unemployment",
        "pension",
        "pensions",
        "healthcare",
        "scandal",
    ],
    # Interviews, analysis and opinion: views on the news, not a development.
    "media": [
        "interview",
        "exclusive interview",
        "podcast",
        "documentary",
        "op-ed",
        "columnist",
        "analysis",
        "explainer",
    ],
}
LEXICON: dict[str, re.Pattern[str]] = {
    name: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    for name, words in _LEXICON_WORDS.items()
}


@functools.cache
def _lexicon_automaton() -> Any:
    """Every LEXICON word in one Aho-Corasick automaton: one pass over the text finds all classes (a regex
    per class costs a pass each, and the classes grow)."""
    import ahocorasick

    classes: dict[str, list[str]] = {}
    for name, words in _LEXICON_WORDS.items():
        for word in words:
            classes.setdefault(word, []).append(name)
    automaton = ahocorasick.Automaton()
    for word, names in classes.items():
        automaton.add_word(word, (len(word), tuple(names)))
    automaton.make_automaton()
    return automaton


def lead_text(title: str, text: str) -> str:
    """The headline and lead as the models read them (`model_text` without signal words), lowercased."""
    return model_text(title, text).lower()


def lexicon_signals(title: str, text: str) -> list[str]:
    """The word classes of LEXICON that the headline and lead use (whole words or phrases, as its patterns)."""
    return lexicon_in(lead_text(title, text))


def lexicon_in(head: str) -> list[str]:
    """`lexicon_signals` of a `lead_text`."""
    n = len(head)
    found: set[str] = set()
    # (the word-character tests written out, not a helper called twice a hit: this runs on every article)
    for end, (length, names) in _lexicon_automaton().iter(head):
        before, after = end - length, end + 1
        if before >= 0 and (head[before].isalnum() or head[before] == "_"):
            continue
        if after < n and (head[after].isalnum() or head[after] == "_"):
            continue
        found.update(names)
    return [f"sig_lex_{name}" for name in LEXICON if name in found]


def signals(
    events: Iterable[Event],
    casualties: Iterable[Casualty],
    people: Iterable[Person],
    countries: Iterable[str],
    lead_classes: Iterable[str] = (),
    lexicon: Iterable[str] = (),
) -> list[str]:
    """The detector's findings as words: event types and statuses, current casualty causes, officials, states,
    the keyword classes (ceasefire, talks, clash, casualty, sport or labour topic...) of the headline and lead,
    and the LEXICON classes."""
    out = [f"sig_event_{e.type}" for e in events]
    out += list(lexicon)
    out += [f"sig_lead_{c}" for c in sorted(lead_classes)]
    out += [f"sig_ceasefire_{e.status}" for e in events if e.type == "ceasefire" and e.status]
    current = [c for c in casualties if c.current]
    out += [f"sig_casualties_{c.cause or 'unclear'}" for c in current]
    if any(p.title for p in people):
        out.append("sig_official")
    n = len(set(countries))
    out += ["sig_country"] * min(n, 1) + ["sig_countries"] * (n >= 2)
    return list(dict.fromkeys(out))


def tokens_of(text: str) -> list[str]:
    """Lowercased words, stop words and all. The words of texts joined by white space are the words of each in turn,
    so a text read by several models (the headline and lead, the signal words) is cut once."""
    return _words(text.lower())


def _words(low: str) -> list[str]:
    return (_ASCII_TOKEN if low.isascii() else _TOKEN).findall(low)


def words_of(text: str, stop: frozenset[str] = frozenset()) -> list[str]:
    """Lowercased words without the stop words: the unigrams of `terms_of`."""
    return [w for w in _words(text.lower()) if w not in stop]


def terms_of(text: str, stop: frozenset[str] = frozenset()) -> list[str]:
    """Lowercased unigrams and bigrams without the stop words, as the trained vectoriser cuts them."""
    words = words_of(text, stop)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


# How many development items the weights were trained on, how many of them are relevant, and (written by
# `bot.model.train.main`) how many of each kind ("feed items" has a space: call form).
TrainedOnJSON = TypedDict(
    "TrainedOnJSON",
    {
        "items": int,
        "relevant": int,
        "articles": NotRequired[int],
        "feed items": NotRequired[int],
        "briefs": NotRequired[int],
    },
)


class CrossValidationJSON(TypedDict):
    """The out-of-fold figures at the model's threshold, and the threshold that is best on the day's data."""

    f1: float
    precision: float
    recall: float
    best_threshold: NotRequired[float]  # the relevance model's (the event models' best bars are printed only)


class WeightsJSON(TypedDict):
    """What `from_data` reads: the weights and the decision threshold."""

    threshold: float
    intercept: float
    stop_words: list[str]
    terms: dict[str, list[float]]  # term -> [idf, weight]


class ModelJSON(WeightsJSON):
    """relevance.json: what `bot.model.train.train` writes (the weights, and what they were trained on)."""

    about: str
    trained_on: TrainedOnJSON
    cross_validation: CrossValidationJSON


# 1 + log(n) for the counts a headline and lead have (the same floats: computed by the same expression, once).
_COUNTED = 64
_SUBLINEAR = [0.0, *(1.0 + math.log(n) for n in range(1, _COUNTED))]


def _sublinear(n: int) -> float:
    return _SUBLINEAR[n] if n < _COUNTED else 1.0 + math.log(n)


def _largest(contrib: list[float], top: int) -> list[int]:
    """The places of the `top` largest contributions (by size), largest first; of equal ones, the first found (as a
    stable sort of them all), sorting only those at least as large as the top-th."""
    if top <= 0:
        return []
    sizes = list(map(abs, contrib))
    places: Iterable[int] = range(len(sizes))
    if len(sizes) > top:
        bar = sorted(sizes)[-top]
        places = list(compress(places, map(bar.__le__, sizes)))
    return [i for _, i in sorted(zip(map(neg, map(sizes.__getitem__, places)), places, strict=True))[:top]]


Row = tuple[tuple[float, float] | None, ...]  # a term's (idf, weight) in each model of a `Table` (None: not its term)


class Table:
    """The weights of several models in one dictionary, a row a term. The relevance model and the event models read
    the same words of every item: one look-up a word in this table serves them all, where each model's own
    dictionary of some 10,000 terms cost a look-up of its own (three models: three, each a walk through memory that
    the other models' walks have pushed out of the caches)."""

    def __init__(self, models: Sequence[Model]) -> None:
        self.models = tuple(models)
        self.absent: Row = (None,) * len(self.models)
        rows: dict[str, list[tuple[float, float] | None]] = {}
        for k, m in enumerate(self.models):
            for term, iw in m.terms.items():
                rows.setdefault(term, list(self.absent))[k] = iw
        self.rows: dict[str, Row] = {term: tuple(row) for term, row in rows.items()}

    def column(self, model: Model) -> int | None:
        """The model's place in every row (None: not one of the table's models)."""
        return next((k for k, m in enumerate(self.models) if m is model), None)

    def rows_of(self, terms: Iterable[str]) -> list[Row]:
        """The row of each term, in order (`absent` for a term no model has)."""
        return list(map(self.rows.get, terms, repeat(self.absent)))


@dataclass(frozen=True, slots=True)
class Terms:
    """An item's words less the stop words and their pairs, counted, as the trained vectoriser cuts them: cut once
    for the relevance model and the event models, which read the same words (the event models some more after).
    With a `Table`, each word's and pair's row is looked up once for all its models."""

    tokens: list[str]
    stop: frozenset[str]
    words: Counter[str]  # in the order first seen
    pairs: Counter[str]  # in the order first seen
    last: str  # the last word ("": none)
    most: int  # the largest count
    table: Table | None = None
    word_rows: list[Row] = field(default_factory=list)  # with a table: the row of each of `words`, in their order
    pair_rows: list[Row] = field(default_factory=list)  # the same for `pairs`

    @classmethod
    def of(cls, tokens: list[str], stop: frozenset[str], table: Table | None = None) -> Terms:
        """The terms of `tokens_of` a text (and their rows in `table`)."""
        words = list(filterfalse(stop.__contains__, tokens))
        return cls._counted(tokens, stop, Counter(words), Counter(map(" ".join, pairwise(words))), words, table, [], [])

    @classmethod
    def _counted(
        cls,
        tokens: list[str],
        stop: frozenset[str],
        words: Counter[str],
        pairs: Counter[str],
        new: list[str],
        table: Table | None,
        word_rows: list[Row],
        pair_rows: list[Row],
    ) -> Terms:
        """Terms of counted words and pairs; with a table, the rows given are those of the first words and pairs
        (none, or those of the terms these extend), and the rest are looked up."""
        most = max(max(words.values(), default=0), max(pairs.values(), default=0))
        if table is not None:
            word_rows = word_rows + table.rows_of(islice(words, len(word_rows), None))
            pair_rows = pair_rows + table.rows_of(islice(pairs, len(pair_rows), None))
        return cls(tokens, stop, words, pairs, new[-1] if new else "", most, table, word_rows, pair_rows)

    def then(self, more: list[str]) -> Terms:
        """The terms of these tokens followed by `more` tokens (only the new ones cut, counted and looked up)."""
        extra = list(filterfalse(self.stop.__contains__, more))
        if not extra:
            return Terms(
                self.tokens + more,
                self.stop,
                self.words,
                self.pairs,
                self.last,
                self.most,
                self.table,
                self.word_rows,
                self.pair_rows,
            )
        words, pairs = self.words.copy(), self.pairs.copy()
        words.update(extra)
        if self.last:
            pairs[f"{self.last} {extra[0]}"] += 1
        pairs.update(map(" ".join, pairwise(extra)))
        # A Counter keeps its keys in the order first seen: the new words and pairs come after the old ones.
        return Terms._counted(
            self.tokens + more, self.stop, words, pairs, extra, self.table, self.word_rows, self.pair_rows
        )

    def under(self, stop: frozenset[str]) -> Terms:
        """These tokens' terms with other stop words (itself, when they are the same)."""
        return self if stop is self.stop or stop == self.stop else Terms.of(self.tokens, stop)


@dataclass(frozen=True, slots=True)
class Model:
    """idf and weight per term, the intercept, and the decision threshold chosen on development data."""

    terms: dict[str, tuple[float, float]]
    intercept: float
    threshold: float
    stop: frozenset[str] = frozenset()

    def judge(
        self, title: str, text: str, sig: Iterable[str] = (), top: int = 5
    ) -> tuple[float, list[tuple[str, float]]]:
        """Probability that an analyst covering conflict and diplomacy wants this item, and the `top` terms
        with the largest contributions (positive: towards relevant), largest first."""
        return self.judge_tokens(tokens_of(model_text(title, text, sig)), top)

    def judge_tokens(self, tokens: list[str], top: int = 5) -> tuple[float, list[tuple[str, float]]]:
        """`judge` of the `tokens_of` an item's `model_text`."""
        return self.judge_terms(Terms.of(tokens, self.stop), top)

    def judge_terms(self, terms: Terms, top: int = 5) -> tuple[float, list[tuple[str, float]]]:
        """`judge` of an item's `Terms` (cut once for every model that reads the same words)."""
        terms = terms.under(self.stop)
        k = None if terms.table is None else terms.table.column(self)
        # The terms the model has weights for, in their order (its words, then its pairs), and their (idf, weight).
        if k is None:
            known = self.terms
            words = list(filter(known.__contains__, terms.words))
            pairs = list(filter(known.__contains__, terms.pairs))
            entries = list(map(known.__getitem__, chain(words, pairs)))
        else:
            in_words = list(map(itemgetter(k), terms.word_rows))
            in_pairs = list(map(itemgetter(k), terms.pair_rows))
            words = list(compress(terms.words, in_words))
            pairs = list(compress(terms.pairs, in_pairs))
            entries = list(filter(None, chain(in_words, in_pairs)))
        found = words + pairs
        seen = chain(map(terms.words.__getitem__, words), map(terms.pairs.__getitem__, pairs))
        # sublinear tf times idf, then l2-normalised (TfidfVectorizer(sublinear_tf=True)), times the weight.
        tf = [_sublinear(n) for n in seen] if terms.most >= _COUNTED else list(map(_SUBLINEAR.__getitem__, seen))
        vec = list(map(mul, tf, map(itemgetter(0), entries)))
        norm = math.sqrt(sum(map(mul, vec, vec)))
        if not norm:
            return 1.0 / (1.0 + math.exp(-self.intercept)), []
        contrib = list(map(mul, map(truediv, vec, repeat(norm)), map(itemgetter(1), entries)))
        z = self.intercept + sum(contrib)
        return 1.0 / (1.0 + math.exp(-z)), [(found[i], round(contrib[i], 3)) for i in _largest(contrib, top)]

    def score(self, title: str, text: str, sig: Iterable[str] = ()) -> float:
        """The probability alone."""
        return self.judge(title, text, sig, top=0)[0]


# Stop word sets by value: models trained alike share one set, so `Terms.under` knows them the same at a glance.
_STOP_SETS: dict[frozenset[str], frozenset[str]] = {}


def _shared(stop: frozenset[str]) -> frozenset[str]:
    return _STOP_SETS.setdefault(stop, stop)


@functools.cache
def model(path: Path = WEIGHTS) -> Model:
    """The shipped model (loaded once)."""
    return from_data(json.loads(path.read_text(encoding="utf-8")))


def from_data(data: WeightsJSON) -> Model:
    """A model from its JSON form (the shipped file, or a fresh training in bench/eval.py)."""
    return Model(
        {t: (float(i), float(w)) for t, (i, w) in data["terms"].items()},
        float(data["intercept"]),
        float(data["threshold"]),
        _shared(frozenset(data.get("stop_words", ()))),
    )
