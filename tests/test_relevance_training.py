"""Training the relevance model: the same data gives the same file, and the threshold does not sit on one split's
noise (scores averaged over several seeded fold splits, the middle of F1's plateau rather than a lone peak)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from bot.model import train as training
from bot.model.relevance import from_data

CONFLICT = ["ceasefire", "talks", "shelling", "troops", "envoy", "sanctions", "airstrike", "border"]
OTHER = ["football", "recipe", "weather", "concert", "league", "garden", "festival", "market"]


def synthetic() -> tuple[list[str], list[int]]:
    """Forty short items: twenty about conflict and diplomacy, twenty not; shared filler words in both."""
    texts, labels = [], []
    for i in range(20):
        texts.append(f"{CONFLICT[i % 8]} {CONFLICT[(i * 3 + 1) % 8]} reported in town {i % 4} on monday")
        labels.append(1)
        texts.append(f"{OTHER[i % 8]} {OTHER[(i * 5 + 2) % 8]} reported in town {i % 4} on sunday")
        labels.append(0)
    return texts, labels


def test_training_twice_on_the_same_items_gives_the_same_file() -> None:
    texts, labels = synthetic()
    first, again = training.train(texts, labels), training.train(list(texts), list(labels))
    assert json.dumps(first) == json.dumps(again)
    model = from_data(first)
    assert model.score("Ceasefire talks resume", "") > 0.5 > model.score("Football recipe", "")
    assert first["cross_validation"]["f1"] == 1.0  # the two kinds share no topic word


def test_out_of_fold_scores_are_averaged_over_several_seeded_splits() -> None:
    texts, labels = synthetic()
    docs = [text.split() for text in texts]

    def pipeline() -> object:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import make_pipeline

        return make_pipeline(
            TfidfVectorizer(analyzer=training._already_analysed), LogisticRegression(C=0.3, solver="liblinear")
        )

    y = np.array(labels)
    single = [
        cross_val_predict(
            pipeline(), docs, y, cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=seed), method="predict_proba"
        )[:, 1]
        for seed in range(training.REPEATS)
    ]
    assert training.REPEATS >= 3
    assert not np.allclose(single[0], single[1])  # the splits differ, so averaging them is not a no-op
    assert np.allclose(training.out_of_fold_scores(docs, labels, pipeline), np.mean(single, axis=0))


def test_the_threshold_is_the_middle_of_a_plateau_not_a_lone_peak() -> None:
    # 20 relevant, 20 not. F1 is 1.0 at exactly one threshold (0.31: every relevant item at or above it, no
    # irrelevant one) and far lower on either side; from 0.56 to 0.75 it is a little lower (0.947) but flat.
    relevant = [0.31] * 2 + [0.75] * 18
    irrelevant = [0.30] + [0.29] * 15 + [0.55] * 4
    scores = np.array(relevant + irrelevant)
    labels = [1] * 20 + [0] * 20
    threshold, f1, precision, recall = training.choose_threshold(scores, labels)
    assert 0.56 <= threshold <= 0.75
    assert (precision, recall) == (1.0, 0.9) and f1 == pytest.approx(2 * 0.9 / 1.9)


def test_item_weights_and_c_reach_the_fit_and_equal_weights_change_nothing() -> None:
    texts, labels = synthetic()
    texts, labels = [*texts, "ceasefire football reported"], [*labels, 0]
    plain = training.train(texts, labels)
    assert json.dumps(training.train(texts, labels, weights=[1.0] * len(texts))) == json.dumps(plain)
    heavy = training.train(texts, labels, weights=[1.0] * (len(texts) - 1) + [20.0])
    # the one item weighed twenty times pulls its words towards its label
    assert heavy["terms"]["ceasefire"][1] < plain["terms"]["ceasefire"][1]
    looser = training.train(texts, labels, c=0.5)
    assert abs(looser["terms"]["ceasefire"][1]) < abs(plain["terms"]["ceasefire"][1])
