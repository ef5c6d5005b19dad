"""Train the event-type models (clash, agreement) on the development part and write events.json.

    python -m bot.model.train_events [--out PATH] [--check] [--choose-bars]

The items, their model text and the cross-validation are bench/event_model.py's (the English development articles,
feed items and briefs; the held-out part is never read): per type, out-of-fold probabilities from folds grouped by
story group (bot/model/train.py `fold_of`), then one model fitted on every development item. Deterministic: the same
data gives the same file. `--check` retrains and says whether the shipped file is what the data gives (exit 1 when
not).

The LOW and HIGH bars are settings, pinned in bars.json: a retrain keeps them and prints, beside them, the bars that
give the best F1 of the rules combined with the model on the out-of-fold probabilities today. That best F1 is flat
over a wide range of bars, so a few items read differently used to move a bar by 0.05-0.1 and, with it, the types of
items no change touched (issue 13, 7 December: three tries judged on a bar's move rather than on their own change).
`--choose-bars` writes today's best bars into bars.json: a change of its own, decided by its own evaluation.
Needs scikit-learn (pip install -e '.[train]').
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.model.events import TYPES, WEIGHTS, TypeModelJSON, TypeWeightsJSON, from_json
from bot.model.train import arguments, fold_of, stop_words, weights_of, write_or_check

if TYPE_CHECKING:
    from bench.event_model import Item
    from bot.detect.detector import Detector
    from bot.model.events import EventModel


BARS = Path(__file__).with_name("bars.json")

Bars = tuple[float, float]  # (LOW, HIGH)


def pinned_bars(path: Path = BARS) -> dict[str, Bars]:
    """The pinned (LOW, HIGH) of each modelled type."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {etype: (float(b["low"]), float(b["high"])) for etype, b in data["types"].items()}


def bars_text(chosen: Mapping[str, Bars], items: int, path: Path = BARS) -> str:
    """bars.json's text for the bars `chosen` on `items` development items (the relevance threshold in `path` kept)."""
    data = {
        "about": "the event models' LOW and HIGH bars and the relevance model's threshold, kept by every retrain; "
        "written only by `python -m bot.model.train_all --choose-bars` (bot/model/train_events.py, bot/model/train.py)",
        "chosen_on": {"items": items},
        "types": {etype: {"low": low, "high": high} for etype, (low, high) in chosen.items()},
        "relevance": json.loads(path.read_text(encoding="utf-8"))["relevance"],
    }
    return json.dumps(data, indent=1) + "\n"


def best_bars(items: Sequence[Item], etype: str) -> tuple[Bars, Any]:
    """The (LOW, HIGH) giving the best out-of-fold F1 of the rules combined with the model on `items`, and the
    out-of-fold probabilities they were chosen on."""
    import numpy as np

    from bench.event_model import analyse, choose_thresholds, out_of_fold

    docs = [analyse(it.text_for(etype)) for it in items]
    y = np.array([etype in it.gold for it in items])
    rules = np.array([etype in it.rules for it in items])
    p = out_of_fold(docs, y.astype(int), np.array([fold_of(it.group) for it in items]))
    return choose_thresholds(rules, p, y), p


def fit_type(items: Sequence[Item], etype: str, bars: Bars) -> TypeWeightsJSON:
    """One type's model fitted on `items`, with `bars`: its weights only (no cross-validation)."""
    import numpy as np

    from bench.event_model import analyse, fit

    docs = [analyse(it.text_for(etype)) for it in items]
    vec, clf = fit(docs, np.array([etype in it.gold for it in items]).astype(int))
    low, high = bars
    return {
        "threshold": high,
        "low": low,
        "intercept": round(float(clf.intercept_[0]), 6),
        "stop_words": stop_words(),
        "terms": weights_of(vec, clf),
    }


def train_type(items: Sequence[Item], etype: str, bars: Bars | None = None, oof: Any = None) -> TypeModelJSON:
    """One type's model, trained on `items`, with `bars` (None: the best bars on `items`), and the out-of-fold figures
    of the rules combined with it at those bars; `oof`: `best_bars` of `items` and `etype` when already computed."""
    import numpy as np

    from bench.eval import prf
    from bench.event_model import combine, counts

    y = np.array([etype in it.gold for it in items])
    rules = np.array([etype in it.rules for it in items])
    best, p = oof if oof is not None else best_bars(items, etype)
    low, high = bars if bars is not None else best
    precision, recall, f1 = prf(*counts(combine(rules, p, low, high), y))
    return {
        "about": f"{etype} beside the rules' event types; trained by bot/model/train_events.py",
        "trained_on": {"items": len(items), "relevant": int(y.sum())},
        "cross_validation": {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)},
        **fit_type(items, etype, (low, high)),
    }


def train(
    items: Sequence[Item], bars: Mapping[str, Bars] | None = None, oof: Mapping[str, Any] | None = None
) -> dict[str, TypeModelJSON]:
    """Every modelled type's model, trained on `items`, with `bars` (None: each type's best bars on `items`);
    `oof`: each type's `best_bars` when already computed."""
    return {
        etype: train_type(items, etype, None if bars is None else bars[etype], (oof or {}).get(etype))
        for etype in TYPES
    }


def fold_models(items: Sequence[Item], folds: int = 5) -> list[EventModel]:
    """For each fold of story groups, the models fitted on the other folds with the pinned bars, as the shipped
    model is trained, with no inner cross-validation (bench/eval.py judges development items with these). The pinned bars were chosen on every
    development item, the judged fold's too: two numbers on a flat curve, against the per-fold choice that moved
    development counts with every retrain."""
    bars = pinned_bars()
    return [
        from_json(
            {etype: fit_type([it for it in items if fold_of(it.group) != n], etype, bars[etype]) for etype in TYPES}
        )
        for n in range(folds)
    ]


def development_items(detector: Detector | None = None) -> list[Item]:
    """The development items as the rules alone read them (bench/event_model.py, read once per process: both
    trainers train on that reading, bot/model/train_all.py), or as `detector` reads them."""
    from bench.event_model import development_items as items_of
    from bench.event_model import rules_only_items

    return items_of(detector) if detector is not None else list(rules_only_items())


def main(argv: list[str] | None = None) -> int:
    """Train and write (or, with --check, compare)."""
    args = arguments(__doc__, WEIGHTS, argv, choose_bars=True)
    items = development_items()
    oof: dict[str, tuple[Bars, Any]] = {etype: best_bars(items, etype) for etype in TYPES}
    best: dict[str, Bars] = {etype: bars for etype, (bars, _) in oof.items()}
    bars = best if args.choose_bars else pinned_bars()
    data: dict[str, Any] = {"about": "event types corrected by a learned model (bot/model/events.py)"}
    data["types"] = train(items, bars, oof)
    for etype, t in data["types"].items():
        cv = t["cross_validation"]
        print(
            f"{etype}: {t['trained_on']['relevant']} of {len(items)} development items; rules with the model, out of "
            f"fold: F1 {cv['f1']:.3f} (P {cv['precision']:.3f}, R {cv['recall']:.3f}) at LOW {t['low']}, HIGH "
            f"{t['threshold']} ({'chosen now' if args.choose_bars else 'pinned'}; best on today's data: LOW "
            f"{best[etype][0]}, HIGH {best[etype][1]}); {len(t['terms'])} terms"
        )
    text = json.dumps(data, indent=0, ensure_ascii=False) + "\n"
    status = write_or_check(args.out, text, args.check)
    if args.choose_bars:
        status = max(status, write_or_check(BARS, bars_text(bars, len(items)), args.check))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
