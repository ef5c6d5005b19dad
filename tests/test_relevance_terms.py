"""The models' words are cut and counted once for the relevance model and the event models (`Terms`, issue 18): a
model judges them exactly as it judges the item's own words, counted the plain way."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.model.relevance import Model, Table, Terms, _largest

STOP = frozenset({"the", "of"})
VOCABULARY = ["truce", "talks", "shelling", "port", "the", "of", "envoy"]
# Weights for some words and pairs (idf, weight); the others are unknown to the model.
WEIGHTS = {
    "truce": (1.5, 0.8),
    "talks": (1.2, 0.5),
    "shelling": (2.0, -0.3),
    "envoy": (1.1, 0.5),
    "truce talks": (2.5, 1.1),
    "port shelling": (2.2, -0.7),
    "talks envoy": (2.4, 0.5),
}
MODEL = Model(WEIGHTS, -0.4, 0.5, STOP)
TOKENS = st.lists(st.sampled_from(VOCABULARY), max_size=30)
# Two more models over the same words, as the event models beside the relevance model: other weights, some terms the
# first lacks ("port", "envoy talks") and some it has left out; the last cuts words with other stop words.
OTHER = Model(
    {"truce": (1.4, -0.2), "port": (1.9, 0.6), "envoy talks": (2.1, 0.9), "truce talks": (2.6, 0.4)}, 0.3, 0.5, STOP
)
UNSTOPPED = Model({"the": (1.0, 0.2), "the truce": (2.0, 0.7), "truce": (1.3, 0.1)}, 0.1, 0.5, frozenset())


def plain_judgement(model: Model, tokens: list[str], top: int = 5) -> tuple[float, list[tuple[str, float]]]:
    """The model's judgement written the plain way: count the known words and pairs, tf-idf, normalise, weigh."""
    words = [w for w in tokens if w not in model.stop]
    counts = Counter(
        t for t in words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)] if t in model.terms
    )
    vec = {t: (1.0 + math.log(n)) * model.terms[t][0] for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if not norm:
        return 1.0 / (1.0 + math.exp(-model.intercept)), []
    contrib = {t: v / norm * model.terms[t][1] for t, v in vec.items()}
    z = model.intercept + sum(contrib.values())
    best = sorted(contrib, key=lambda t: -abs(contrib[t]))[:top]
    return 1.0 / (1.0 + math.exp(-z)), [(t, round(contrib[t], 3)) for t in best]


@settings(max_examples=300, deadline=None)
@given(TOKENS, TOKENS, st.integers(0, 6))
def test_terms_cut_once_and_extended_judge_as_the_words_counted_plainly(
    head: list[str], more: list[str], top: int
) -> None:
    extended = Terms.of(head, STOP).then(more)
    assert MODEL.judge_terms(extended, top) == plain_judgement(MODEL, head + more, top)
    assert MODEL.judge_tokens(head + more, top) == plain_judgement(MODEL, head + more, top)


@settings(max_examples=300, deadline=None)
@given(TOKENS, TOKENS, TOKENS, st.integers(0, 6))
def test_terms_looked_up_once_in_a_table_of_models_judge_as_each_model_alone(
    head: list[str], more: list[str], other_more: list[str], top: int
) -> None:
    table = Table([MODEL, OTHER, UNSTOPPED])
    cut = Terms.of(head, STOP, table)
    for model in table.models:
        assert model.judge_terms(cut, top) == plain_judgement(model, head, top)
        # Extended twice from one cut (the event models, each with its own keyword sentences).
        assert model.judge_terms(cut.then(more), top) == plain_judgement(model, head + more, top)
        assert model.judge_terms(cut.then(other_more), top) == plain_judgement(model, head + other_more, top)
    # A model the table does not hold looks its terms up itself.
    assert MODEL.judge_terms(Terms.of(head, STOP, Table([OTHER])), top) == plain_judgement(MODEL, head, top)


@settings(max_examples=100, deadline=None)
@given(TOKENS, TOKENS)
def test_terms_read_with_other_stop_words_are_cut_again(head: list[str], more: list[str]) -> None:
    # Cut without stop words first: a model with stop words must not count "the" or pair across it.
    extended = Terms.of(head, frozenset()).then(more)
    assert MODEL.judge_terms(extended) == plain_judgement(MODEL, head + more)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 0.25, 2.0]), max_size=20), st.integers(0, 8))
def test_the_largest_contributions_are_those_of_a_stable_sort_of_them_all(contrib: list[float], top: int) -> None:
    everything = sorted(range(len(contrib)), key=lambda i: -abs(contrib[i]))
    assert _largest(contrib, top) == everything[:top]
