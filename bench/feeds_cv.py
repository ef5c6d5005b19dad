"""The feed decision judged out of fold, the folds grouped by feed file: how far from the held-out figures is it?

Usage: python bench/feeds_cv.py [--c 4] [--c 1 ...] [--without feed|brief|article] [--bars 0.45,0.6 ...]

bench/eval.py judges each development feed item with a relevance model trained on the other four fifths of the
items, cut by item: the other items of its own feed file (the same outlet's headline style, the same week's stories)
are in the model's training, which the held-out feed files never are. Here each development feed file is left out
whole (the files of a few items form one fold): the relevance model (bot/model/train.py `train`, its threshold
chosen as it always is) is trained on every development item but that file's, the event model is eval's fold of the
file's story group (a feed file is one group, so it never saw the file), and the default rules (config/rules.yaml)
decide on each item of the file, as the bot would (an item's event model is eval's: the fold of its story group, its feed file). Printed: alert precision, recall, F1 and the URGENT or FLASH
alerts on unwanted items over the development feed items, cut by item (eval's figure) and grouped by file, for
each choice asked for: the inverse regularisation C, leaving a kind of item out of the training, the rules' bars
(the event rules' bar and the bar of `conflict-and-diplomacy`, the rule that alerts on the model alone). A choice
is worth shipping only when the grouped figure improves. Needs scikit-learn; the held-out part is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.event_model import Item, rules_only_items
from bot.detect import CompiledRules, Detector, compile_rules, load_rules_file
from bot.detect.rules.spec import RuleSpec
from bot.model.events import EventModel
from bot.model.relevance import Model, from_data, model_text
from bot.model.train import C, fold_of, train
from bot.model.train_events import fold_models

RULES = ROOT / "config" / "rules.yaml"
SMALL = 10  # feed files with fewer development items than this are left out together, as one fold
MODEL_ONLY = "conflict-and-diplomacy"  # the default rule that alerts on the relevance model's score alone


@dataclass(frozen=True, slots=True)
class Scores:
    """Alert counts over the development feed items."""

    wanted: int
    alerted: int
    alerted_wanted: int
    hot_unwanted: int

    def line(self) -> str:
        """P, R, F1 and the unwanted URGENT or FLASH alerts."""
        p = self.alerted_wanted / self.alerted if self.alerted else 1.0
        r = self.alerted_wanted / self.wanted if self.wanted else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"P {p:.2f} ({self.alerted_wanted}/{self.alerted})  R {r:.2f} ({self.alerted_wanted}/{self.wanted})  "
            f"F1 {f1:.2f}  URGENT/FLASH unwanted {self.hot_unwanted}"
        )


def file_folds(items: Sequence[Item]) -> dict[str, int]:
    """Feed group -> fold: one fold per development feed file, the small files together."""
    sizes: dict[str, int] = {}
    for it in items:
        if it.kind == "feed":
            sizes[it.group] = sizes.get(it.group, 0) + 1
    big = sorted(g for g, n in sizes.items() if n >= SMALL)
    return {g: (big.index(g) if g in big else len(big)) for g in sizes}


@dataclass(frozen=True, slots=True)
class Choice:
    """What the relevance model is trained with: C, a kind of item left out, the weight of a feed item."""

    c: float = C
    without: str | None = None
    feed_weight: float = 1.0

    def keep(self, outside: Callable[[Item], bool]) -> Callable[[Item], bool]:
        """Training items: those outside the fold, less the kind left out."""
        return lambda it: outside(it) and it.kind != self.without

    def label(self) -> str:
        """The choice as the printed lines name it."""
        left = f", trained without {self.without} items" if self.without else ""
        return f"C {self.c:g}, feed weight {self.feed_weight:g}{left}"


def relevance_model(items: Sequence[Item], keep: Callable[[Item], bool], choice: Choice) -> Model:
    """The relevance model trained on the items `keep` accepts, as `choice` says."""
    rest = [it for it in items if keep(it)]
    texts = [model_text(it.title, it.body, list(it.signals)) for it in rest]
    weights = None if choice.feed_weight == 1.0 else [choice.feed_weight if it.kind == "feed" else 1.0 for it in rest]
    return from_data(train(texts, [int(it.relevant) for it in rest], choice.c, weights))


def rules_with_bars(events_bar: float, model_bar: float) -> CompiledRules:
    """The default rules with the event rules' relevance bar and the model-only rule's bar replaced."""
    specs: list[RuleSpec] = []
    for spec in load_rules_file(RULES):
        if isinstance(spec.relevant, float):
            spec = spec.model_copy(update={"relevant": model_bar if spec.name == MODEL_ONLY else events_bar})
        specs.append(spec)
    return compile_rules(specs)[0]


def judge(feed: Sequence[Item], models: Callable[[Item], tuple[Model, EventModel]], rules: CompiledRules) -> Scores:
    """The default rules' alerts on the feed items, each judged by the models `models` gives it."""
    wanted = alerted = alerted_wanted = hot = 0
    detectors: dict[tuple[int, int], Detector] = {}
    for it in feed:
        relevance, events = models(it)
        pair = (id(relevance), id(events))
        if pair not in detectors:
            detectors[pair] = Detector(rules, relevance=relevance, events=events)
        matches = detectors[pair].detect(it.title, it.body).matches
        wanted += it.relevant
        alerted += bool(matches)
        alerted_wanted += bool(matches) and it.relevant
        hot += (not it.relevant) and any(m.severity in ("urgent", "flash") for m in matches)
    return Scores(wanted, alerted, alerted_wanted, hot)


Judge = Callable[[Item], tuple[Model, EventModel]]


def _outside(fold: Callable[[Item], int], n: int) -> Callable[[Item], bool]:
    """Whether an item is outside fold `n`."""
    return lambda it: fold(it) != n


def cuts(
    items: Sequence[Item], choice: Choice, event_folds: list[EventModel], grouped_only: bool
) -> list[tuple[str, Judge]]:
    """The models each development feed item is judged by under `choice`: cut by item as bench/eval.py does, and
    grouped by feed file."""
    out: list[tuple[str, Judge]] = []
    if not grouped_only:
        by_item = [
            relevance_model(items, choice.keep(_outside(lambda it: fold_of(it.key), n)), choice) for n in range(5)
        ]
        out.append(("cut by item (eval)", lambda it: (by_item[fold_of(it.key)], event_folds[fold_of(it.group)])))
    folds = file_folds(items)
    by_file = {
        n: relevance_model(items, choice.keep(_outside(lambda it: folds.get(it.group, -1), n)), choice)
        for n in set(folds.values())
    }
    out.append(("grouped by feed file", lambda it: (by_file[folds[it.group]], event_folds[fold_of(it.group)])))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the item-cut and file-grouped figures of each choice."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--c", type=float, action="append", help=f"inverse regularisation (default {C})")
    parser.add_argument("--without", choices=["article", "brief", "feed"], action="append", default=[])
    parser.add_argument("--feed-weight", type=float, default=1.0, help="the weight of a feed item in training")
    parser.add_argument("--bars", action="append", help="EVENTS,MODEL_ONLY relevance bars (default 0.45,0.6)")
    parser.add_argument("--grouped-only", action="store_true", help="skip eval's item-cut figure")
    args = parser.parse_args(argv)
    items = rules_only_items()
    feed = [it for it in items if it.kind == "feed"]
    event_folds = fold_models(items)
    bars = [tuple(float(x) for x in b.split(",")) for b in (args.bars or ["0.45,0.6"])]
    wanted, files = sum(it.relevant for it in feed), max(file_folds(items).values()) + 1
    print(f"{len(feed)} development feed items, {wanted} wanted, {files} file folds")
    for c in args.c or [C]:
        for without in [None, *args.without]:
            choice = Choice(c, without, args.feed_weight)
            judged = cuts(items, choice, event_folds, args.grouped_only)
            for events_bar, model_bar in bars:
                rules = rules_with_bars(events_bar, model_bar)
                for name, models in judged:
                    scores = judge(feed, models, rules).line()
                    print(f"{choice.label()}, bars {events_bar:.2f}/{model_bar:.2f}, {name}: {scores}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
