"""Train the event-type models (clash, agreement) on the development part and write events.json.

    python -m bot.model.train_events [--out PATH] [--check]

The items, their model text and the cross-validation are bench/event_model.py's (the English development articles,
feed items and briefs; the held-out part is never read): per type, out-of-fold probabilities from folds grouped by
story group (bot/model/train.py `fold_of`), the LOW and HIGH bars that give the best F1 of the rules combined with
them on those probabilities, then one model fitted on every development item. Deterministic: the same data gives the
same file. `--check` retrains and says whether the shipped file is what the data gives (exit 1 when not).
Needs scikit-learn (pip install -e '.[train]').
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.model.events import TYPES, WEIGHTS, TypeModelJSON, from_json
from bot.model.train import arguments, fold_of, stop_words, weights_of, write_or_check

if TYPE_CHECKING:
    from bench.event_model import Item
    from bot.detect.detector import Detector
    from bot.model.events import EventModel


def train_type(items: Sequence[Item], etype: str) -> TypeModelJSON:
    """One type's model and bars, trained and chosen on `items`."""
    import numpy as np

    from bench.eval import prf
    from bench.event_model import analyse, choose_thresholds, combine, counts, fit, out_of_fold

    docs = [analyse(it.text_for(etype)) for it in items]
    y = np.array([etype in it.gold for it in items])
    rules = np.array([etype in it.rules for it in items])
    folds = np.array([fold_of(it.group) for it in items])
    p = out_of_fold(docs, y.astype(int), folds)
    low, high = choose_thresholds(rules, p, y)
    precision, recall, f1 = prf(*counts(combine(rules, p, low, high), y))
    vec, clf = fit(docs, y.astype(int))
    return {
        "about": f"{etype} beside the rules' event types; trained by bot/model/train_events.py",
        "trained_on": {"items": len(items), "relevant": int(y.sum())},
        "cross_validation": {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)},
        "threshold": high,
        "low": low,
        "intercept": round(float(clf.intercept_[0]), 6),
        "stop_words": stop_words(),
        "terms": weights_of(vec, clf),
    }


def train(items: Sequence[Item]) -> dict[str, TypeModelJSON]:
    """Every modelled type's model, trained on `items`."""
    return {etype: train_type(items, etype) for etype in TYPES}


def fold_models(items: Sequence[Item], folds: int = 5) -> list[EventModel]:
    """For each fold of story groups, the models trained on the other folds (bench/eval.py judges development
    items with these)."""
    return [from_json(train([it for it in items if fold_of(it.group) != n])) for n in range(folds)]


def development_items(detector: Detector | None = None) -> list[Item]:
    """The development items as the rules alone read them (bench/event_model.py, read once per process: both
    trainers train on that reading, bot/model/train_all.py), or as `detector` reads them."""
    from bench.event_model import development_items as items_of
    from bench.event_model import rules_only_items

    return items_of(detector) if detector is not None else list(rules_only_items())


def main(argv: list[str] | None = None) -> int:
    """Train and write (or, with --check, compare)."""
    args = arguments(__doc__, WEIGHTS, argv)
    items = development_items()
    data: dict[str, Any] = {"about": "event types corrected by a learned model (bot/model/events.py)"}
    data["types"] = train(items)
    for etype, t in data["types"].items():
        cv = t["cross_validation"]
        print(
            f"{etype}: {t['trained_on']['relevant']} of {len(items)} development items; rules with the model, out of "
            f"fold: F1 {cv['f1']:.3f} (P {cv['precision']:.3f}, R {cv['recall']:.3f}) at LOW {t['low']}, HIGH "
            f"{t['threshold']}; {len(t['terms'])} terms"
        )
    text = json.dumps(data, indent=0, ensure_ascii=False) + "\n"
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    raise SystemExit(main())
