"""The relevance model's decision threshold is a pinned setting (bot/model/bars.json), as the event models' bars are:
a retrain keeps it and reports the best threshold of the day beside it; only `--choose-bars` writes a new one."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.model import train as training
from bot.model.relevance import from_data, model
from bot.model.train_events import bars_text, pinned_bars
from tests.test_relevance_training import CONFLICT, OTHER, synthetic


def items() -> tuple[list[str], list[int]]:
    """test_relevance_training's forty items, and four of each kind wearing the other's words (so the out-of-fold
    figures move with the threshold)."""
    texts, labels = synthetic()
    for i in range(4):
        texts.append(f"{OTHER[i]} {CONFLICT[i]} {OTHER[i + 1]} in town {i}")
        labels.append(1)
        texts.append(f"{CONFLICT[i + 2]} {OTHER[i + 3]} {CONFLICT[i + 3]} in town {i}")
        labels.append(0)
    return texts, labels


def test_the_shipped_model_uses_the_pinned_threshold() -> None:
    assert model().threshold == training.pinned_threshold()


def test_a_retrain_keeps_the_threshold_given_and_reports_the_best_beside_it() -> None:
    texts, labels = items()
    chosen = training.train(texts, labels)
    best = chosen["cross_validation"]["best_threshold"]
    assert chosen["threshold"] == best
    pinned = 0.77 if best < 0.6 else 0.33
    kept = training.train(texts, labels, threshold=pinned)
    assert kept["threshold"] == pinned and kept["cross_validation"]["best_threshold"] == best
    assert kept["terms"] == chosen["terms"] and kept["intercept"] == chosen["intercept"]
    # the out-of-fold figures are those at the model's own threshold
    assert kept["cross_validation"]["f1"] != chosen["cross_validation"]["f1"]


def test_figures_at_a_threshold_count_what_reaches_it() -> None:
    scores = np.array([0.9, 0.6, 0.4, 0.7, 0.2])
    f1, precision, recall = training.figures_at(scores, [1, 1, 1, 0, 0], 0.5)
    assert (precision, recall) == (2 / 3, 2 / 3) and f1 == pytest.approx(2 / 3)
    assert training.figures_at(scores, [1, 1, 1, 0, 0], 0.95) == (0.0, 0.0, 0.0)


def test_a_fold_model_is_the_trained_model_without_its_cross_validation() -> None:
    texts, labels = items()
    fitted = training.fit(training.analysed(texts), labels, 0.4)
    trained = training.train(texts, labels, threshold=0.4)
    assert fitted == {k: v for k, v in trained.items() if k not in ("about", "trained_on", "cross_validation")}
    assert from_data(fitted).threshold == 0.4


def test_choosing_rewrites_the_threshold_and_keeps_the_event_bars(tmp_path: Path) -> None:
    path = tmp_path / "bars.json"
    path.write_text(training.BARS.read_text(encoding="utf-8"), encoding="utf-8")
    path.write_text(training.bars_with_threshold(0.37, 99, path), encoding="utf-8")
    assert training.pinned_threshold(path) == 0.37
    assert pinned_bars(path) == pinned_bars()
    assert json.loads(path.read_text(encoding="utf-8"))["relevance"]["chosen_on"] == {"items": 99}
    # and choosing the event bars keeps the threshold
    path.write_text(bars_text({"clash": (0.3, 0.6), "agreement": (0.25, 0.7)}, 40, path), encoding="utf-8")
    assert training.pinned_threshold(path) == 0.37 and pinned_bars(path)["clash"] == (0.3, 0.6)


def test_the_trainer_offers_choosing_the_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        training.main(["--help"])
    assert done.value.code == 0
    assert "--choose-bars" in capsys.readouterr().out
