"""Event types judged by a learned model beside the rules (issue 13): clash and agreement, one linear model each.

Each type's model is built as the relevance model is (bot/model/relevance.py `Model`: tf-idf of the headline, the
lead and the detector's signal words, a dot product and a logistic), and an item longer than its lead is also read
by its first sentences holding the type's keywords (a clash or a signing stated only in the body). It corrects the
rules: it adds the type when its probability is at least the type's HIGH bar and removes the rules' type below its
LOW bar, both chosen on development data by grouped cross-validation and then pinned in bars.json: a retrain
(`python -m bot.model.train_events`, which writes events.json beside this file) keeps them, and only
`--choose-bars` moves them. A type's model reads the relevance model's words but for a ceasefire's status
(`UNREAD`) and the officials signal (`DROPPED`): a truce's status and who counts as an official are the rules'
business. Talks are not modelled: on text the rules had not seen, a talks model lost (docs/quality-log.md, issue 13).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.model.relevance import LEAD_CHARS, Model, ModelJSON, Terms, WeightsJSON, from_data, model_text, tokens_of
from bot.models import EVENT_TYPES, EventType, TypeVerdict

WEIGHTS = Path(__file__).with_name("events.json")
TYPES: tuple[EventType, ...] = ("clash", "agreement")
CUE_SENTENCES = 6  # the first sentences holding a type's keywords, read beyond the lead


# The signal words a type's model does not read: a ceasefire's status ("sig_ceasefire_agreed", "_holding"...). Whether a
# truce is agreed or holding is the rules' business, not a type's; and a status rule that moved a couple of development
# items' readings moved the agreement model's bars and, with them, types on items it did not touch (issue 13, 7
# December: a truce kept or watched over read as holding moved two items' statuses and the HIGH bar 0.675 -> 0.575).
# The type stays in "sig_event_ceasefire".
UNREAD = "sig_ceasefire_"


def learns(term: str) -> bool:
    """Whether a type's model learns a weight for this term (a word or a pair): none that holds a status signal."""
    return UNREAD not in term


# The signal words a type's model never sees: whether a person of the item holds an office ("sig_official", the
# people rules' output, which the relevance model still reads). Who counts as a person of the item is the people
# rules' business: a list of leaders that resolved "President X and Prime Minister Y" in one development statement
# turned the signal on there and took away the clash the model read in its words (issue 13, 7 December, helpers evp
# and people12). Dropped from the words before their pairs are cut, so that the item reads the same words and pairs
# with the signal as without it ("sig_lex_domestic sig_country" either way); a filter after the cut, as for a status,
# would still leave the pair across it only to the items without it. The title's words stay in the text.
# Nor whether talks or a visit are announced ahead ("sig_ahead", bot/detect/relations.py `talks_ahead`): news for the
# relevance model, no event of any type, so the types' models read the item as they did before the finding. Nor
# whether a state holds or frees another's national ("sig_held", `held_national`), for the same reason.
DROPPED = frozenset({"sig_official", "sig_ahead", "sig_held"})


def read_signals(sig: Iterable[str]) -> list[str]:
    """The signal words a type's model reads: `sig` less the `DROPPED`."""
    return [s for s in sig if s not in DROPPED]


def _without_dropped(terms: Terms) -> Terms:
    """`terms` cut again without the `DROPPED` words (themselves when they hold none: most items, no second cut)."""
    if DROPPED.isdisjoint(terms.words):
        return terms
    return Terms.of([t for t in terms.tokens if t not in DROPPED], terms.stop, terms.table)


class TypeWeightsJSON(WeightsJSON):
    """What `from_json` reads of one type: the relevance model's weights (its threshold the HIGH bar) and the LOW bar."""

    low: float


class TypeModelJSON(ModelJSON):
    """One type's model in events.json: the relevance model's form (its threshold the HIGH bar) and the LOW bar."""

    low: float


def cue_sentences(text: str, sentences: Sequence[str]) -> list[str]:
    """The keyword sentences a type's model reads beside the headline and lead: the first CUE_SENTENCES of them
    when the text runs beyond the lead (an article), none when the lead is all of it (a teaser, a brief)."""
    return _cues(len(text) > LEAD_CHARS, sentences)


def _cues(long: bool, sentences: Sequence[str]) -> list[str]:
    return list(sentences[:CUE_SENTENCES]) if long else []


def type_signals(text: str, sig: Iterable[str], sentences: Sequence[str]) -> list[str]:
    """The signal words it reads (`read_signals`) with the keyword sentences after them: what `Model.judge` reads as
    `sig`."""
    return [*read_signals(sig), *cue_sentences(text, sentences)]


def type_text(title: str, text: str, sig: Iterable[str], sentences: Sequence[str]) -> str:
    """The text a type's model is trained on: the same words `Model.judge` reads at run time."""
    return model_text(title, text, type_signals(text, sig, sentences))


@dataclass(frozen=True, slots=True)
class TypeModel:
    """One type's model and its two bars."""

    model: Model
    low: float

    @property
    def high(self) -> float:
        """The bar to add the type (the model's threshold)."""
        return self.model.threshold


@dataclass(frozen=True, slots=True)
class EventModel:
    """The per-type models; with none, the rules' types stand."""

    types: Mapping[EventType, TypeModel]

    def judge(
        self, title: str, text: str, sig: Sequence[str], found: Iterable[str], cues: Mapping[str, Sequence[str]]
    ) -> list[TypeVerdict]:
        """The types to add (not `found` by the rules, probability at least HIGH) and to remove (found, below LOW),
        with the terms that pushed each; `cues` holds each keyword class's sentences in order."""
        return self.judge_tokens(tokens_of(model_text(title, text, sig)), len(text) > LEAD_CHARS, found, cues)

    def judge_tokens(
        self, tokens: list[str], long: bool, found: Iterable[str], cues: Mapping[str, Sequence[str]]
    ) -> list[TypeVerdict]:
        """`judge` of the `tokens_of` the item's `model_text` with its signal words; `long`: the text runs beyond the
        lead."""
        return self.judge_terms(Terms.of(tokens, frozenset()), long, found, cues)

    def judge_terms(
        self, terms: Terms, long: bool, found: Iterable[str], cues: Mapping[str, Sequence[str]]
    ) -> list[TypeVerdict]:
        """`judge_tokens` of the `Terms` the relevance model read (cut once for every model; cut again without the
        `DROPPED` signal words when it holds them)."""
        terms = _without_dropped(terms)
        have = set(found)
        out: list[TypeVerdict] = []
        for etype, tm in self.types.items():
            # The keyword sentences come after the signal words (`type_signals`): their words after the item's.
            cue_words = tokens_of(" ".join(_cues(long, cues.get(etype, ()))))
            read = terms.under(tm.model.stop).then(cue_words)
            # (most types give no verdict: the terms that pushed one are picked only for a verdict, by the same sums)
            p = tm.model.judge_terms(read, top=0)[0]
            if etype in have and p < tm.low:
                out.append(TypeVerdict(etype, False, p, tm.low, tuple(tm.model.judge_terms(read)[1])))
            elif etype not in have and p >= tm.high:
                out.append(TypeVerdict(etype, True, p, tm.high, tuple(tm.model.judge_terms(read)[1])))
        return out


RULES_ONLY = EventModel({})


def from_json(data: Mapping[str, TypeWeightsJSON]) -> EventModel:
    """An event model from events.json's "types" (or a fresh training in bench/eval.py)."""
    types = {t: TypeModel(from_data(d), float(d["low"])) for t, d in data.items() if t in EVENT_TYPES}
    return EventModel(types)


@functools.cache
def shipped(path: Path = WEIGHTS) -> EventModel:
    """The shipped event model (loaded once)."""
    return from_json(json.loads(path.read_text(encoding="utf-8"))["types"])
