"""Would a learned model per event type beat the rules? Out-of-fold event F1 on the development part (issue 13).

Usage: python bench/event_model.py [--splits N] [--types clash,talks,agreement] [--mode both|add|remove] [--first-sight]

For each event type, a binary logistic regression built as the relevance model is (bot/model/train.py: tf-idf of
word unigrams and bigrams, fitted on the development part only) reads an item's headline and lead with the
detector's findings as signal words (bot/model/relevance.py `model_text`, `Detector.signals`), and for an item
longer than its lead also the sentences that hold the type's keywords (talks stated only in a readout's body). It is combined with the
rules: it adds a type the rules missed when its probability is at least HIGH, and removes one they found when it is
below LOW (`--mode add` or `remove`: one way only). Folds are grouped by story (an article's story label, a feed
file, a brief) with bot/model/train.py `fold_of`, so one event never sits on both sides; each fold is judged with
the thresholds chosen on the other folds' out-of-fold probabilities, so no item judges the thresholds that judge
it. Several splits (the group key salted) show how much a figure moves with the split. Needs scikit-learn; the
held-out part is never read.

Prints, per split and as the mean over splits, each type's F1 and the event F1 of all types (the types not modelled
as the rules give them) by kind, rules alone -> combined: the comparison that decides whether the detector ships
such a model (docs/quality-log.md). The rules were written on these development items, so their figures here are
in-sample and the comparison leans their way. `--first-sight` judges more fairly: each batch of articles and briefs
added since FIRST_SIGHT_SINCE is read by the detector of the commit before it landed (unpacked from git), which had
never seen it, alone and combined with a model trained on the other story groups (the old rules' types as its
signal words), beside today's rules.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval import IGNORED_TYPES, TYPE_MAP, heldout_set, load_briefs, prf
from bench.feeds_corpus import entries, feeds_dir, load_labels
from bot.detect import Detector, keywords, scan
from bot.detect.text import build_doc
from bot.model.events import RULES_ONLY, learns, type_text
from bot.model.train import C, _already_analysed, fold_of, stop_words
from bot.models import EVENT_TYPES

KINDS = ("article", "brief", "feed")
NEVER = 1.01  # a HIGH no probability reaches: the model adds nothing
# The thresholds tried: HIGH from 0.50 up, LOW up to 0.48 (0: the model removes nothing).
HIGHS = (NEVER, *(round(0.5 + 0.025 * i, 3) for i in range(20)))
LOWS = (0.0, *(round(0.02 * i, 2) for i in range(1, 25)))
MODES = {"both": (LOWS, HIGHS), "add": ((0.0,), HIGHS), "remove": (LOWS, (NEVER,))}


@dataclass(frozen=True, slots=True)
class Item:
    """A development item: its key and fold group, kind, text and the detector's signal words, its sentences holding
    each keyword class, the labelled types, the rules' types and its relevance label (bot/model/train.py)."""

    key: str
    group: str
    kind: str
    title: str
    body: str
    signals: tuple[str, ...]
    cues: dict[str, list[str]]
    gold: frozenset[str]
    rules: frozenset[str]
    relevant: bool

    def text_for(self, etype: str, rules: Iterable[str] | None = None) -> str:
        """The model text: headline, lead and signal words (with `rules`, those types as the rules' events instead of
        this code's), and for an item longer than its lead its first sentences that hold the type's keywords (as the
        detector reads it: bot/model/events.py `type_text`)."""
        sig = self.signals
        if rules is not None:
            sig = (*(s for s in sig if not s.startswith("sig_event_")), *(f"sig_event_{t}" for t in rules))
        return type_text(self.title, self.body, sig, self.cues.get(etype, []))


def _item(detector: Detector, key: str, group: str, title: str, text: str, labels: Mapping[str, Any]) -> Item:
    detection, signals = detector.reading(title, text)  # one reading gives the rules' types and the signal words
    doc = build_doc(title, text)
    scan.shared().scan(doc)
    found = keywords.scan(doc)
    cues = {cls: [doc.sentences[i].text for i in sorted(where)] for cls, where in found.by_class.items()}
    return Item(
        key,
        group,
        key.split(":", 1)[0],
        title,
        text,
        tuple(signals),
        cues,
        frozenset(TYPE_MAP.get(t, t) for t in labels.get("event_types", [])) - IGNORED_TYPES,
        frozenset(e.type for e in detection.events),
        bool(labels["relevant"]),
    )


def development_items(detector: Detector) -> list[Item]:
    """Every English development item with event labels: articles, feed items (from the saved feeds), briefs."""
    held_ids, held_feeds = heldout_set()
    folder = feeds_dir()
    if not folder.is_dir():
        raise SystemExit(f"the saved feeds are not at {folder}: set DIPLOBOT_SHARED_DIR to the folder holding feeds/")
    out: list[Item] = []
    for path in sorted((ROOT / "corpus" / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        labels, ident = data["labels"], str(data["id"])
        if ident not in held_ids:
            key, title, text = f"article:{ident}", data.get("title") or "", data.get("text") or ""
            out.append(_item(detector, key, labels.get("story") or key, title, text, labels))
    feed_labels = load_labels()
    for entry in entries(folder):
        lab = feed_labels.get((entry.feed, entry.key))
        if lab is not None and lab.get("lang", "en") == "en" and entry.feed not in held_feeds:
            key, group = f"feed:{entry.feed}:{entry.key}", f"feed:{entry.feed}"
            out.append(_item(detector, key, group, entry.title, entry.text, lab))
    for row in load_briefs():
        if row["id"] not in held_ids and row.get("lang", "en") == "en":
            key = f"brief:{row['id']}"
            out.append(_item(detector, key, key, row["title"] or "", row["text"], row))
    return out


@functools.cache
def rules_only_items() -> tuple[Item, ...]:
    """The development items as the rules alone read them, read once per process (bot/model/train.py and
    train_events.py both train on this reading when they run in one process: bot/model/train_all.py)."""
    return tuple(development_items(Detector(events=RULES_ONLY)))


def fit(train: list[list[str]], y: Any) -> tuple[Any, Any]:
    """The vectoriser and logistic regression fitted on `train` (the relevance model's settings)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=_already_analysed, min_df=2, sublinear_tf=True)
    clf = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=0, max_iter=1000)
    clf.fit(vec.fit_transform(train), y)
    return vec, clf


def fit_predict(train: list[list[str]], y: Any, test: list[list[str]]) -> Any:
    """The probabilities of `test` from a model fitted on `train`."""
    vec, clf = fit(train, y)
    return clf.predict_proba(vec.transform(test))[:, 1]


def out_of_fold(docs: list[list[str]], y: Any, folds: Any) -> Any:
    """Each item's probability from a model fitted on the other folds."""
    import numpy as np

    p = np.zeros(len(docs))
    for fold in sorted(set(folds.tolist())):
        train, test = np.where(folds != fold)[0], np.where(folds == fold)[0]
        p[test] = fit_predict([docs[i] for i in train], y[train], [docs[i] for i in test])
    return p


def combine(rules: Any, p: Any, low: float, high: float) -> Any:
    """The rules' types, less those the model puts below `low`, plus those it puts at `high` or above."""
    return (rules & (p >= low)) | (~rules & (p >= high))


def counts(pred: Any, y: Any) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives)."""
    return int((pred & y).sum()), int((pred & ~y).sum()), int((~pred & y).sum())


def choose_thresholds(rules: Any, p: Any, y: Any, mode: str = "both") -> tuple[float, float]:
    """(LOW, HIGH) of the best F1 of the combination; on a tie, the one that changes the rules least."""
    lows, highs = MODES[mode]
    best: tuple[tuple[float, float, float], float, float] | None = None
    for high in highs:
        for low in lows:
            key = (round(prf(*counts(combine(rules, p, low, high), y))[2], 9), high, -low)
            if best is None or key > best[0]:
                best = (key, low, high)
    assert best is not None
    return best[1], best[2]


def nested(rules: Any, p: Any, y: Any, folds: Any, mode: str = "both") -> tuple[Any, list[tuple[float, float]]]:
    """The combined prediction of each fold with the thresholds chosen on the other folds, and those thresholds."""
    import numpy as np

    pred = np.zeros(len(y), dtype=bool)
    chosen = []
    for fold in sorted(set(folds.tolist())):
        here = folds == fold
        low, high = choose_thresholds(rules[~here], p[~here], y[~here], mode)
        pred[here] = combine(rules[here], p[here], low, high)
        chosen.append((low, high))
    return pred, chosen


Split = tuple[dict[str, dict[str, float]], dict[str, list[tuple[float, float]]]]


def one_split(items: list[Item], docs: dict[str, list[list[str]]], salt: str, mode: str = "both") -> Split:
    """F1 by type and kind ("all": every type), rules alone and combined, on one grouped split; and the
    thresholds chosen for each modelled type's folds."""
    import numpy as np

    folds = np.array([fold_of(salt + it.group) for it in items])
    kinds = np.array([it.kind for it in items])
    totals = {(k, w): [0, 0, 0] for k in (*KINDS, "any") for w in ("rules", "combined")}
    out: dict[str, dict[str, float]] = {}
    chosen: dict[str, list[tuple[float, float]]] = {}
    for etype in EVENT_TYPES:
        y = np.array([etype in it.gold for it in items])
        rules = np.array([etype in it.rules for it in items])
        pred = rules
        if etype in docs:
            pred, chosen[etype] = nested(rules, out_of_fold(docs[etype], y.astype(int), folds), y, folds, mode)
            out[etype] = {"rules": prf(*counts(rules, y))[2], "combined": prf(*counts(pred, y))[2]}
        for kind in (*KINDS, "any"):
            mask = np.ones(len(items), dtype=bool) if kind == "any" else kinds == kind
            for way, guess in (("rules", rules), ("combined", pred)):
                totals[kind, way] = [
                    a + b for a, b in zip(totals[kind, way], counts(guess[mask], y[mask]), strict=True)
                ]
    for kind in (*KINDS, "any"):
        out[f"all, {kind}"] = {way: prf(*totals[kind, way])[2] for way in ("rules", "combined")}
    return out, chosen


# The first commit of issue 13 that added briefs after the corpus-wide label pass (batch f): from it on, each batch of
# articles or briefs was labelled before any run, so the code before it had never read them.
FIRST_SIGHT_SINCE = "2a39e81^"
# Run in the unpacked tree of an earlier commit: the event types its detector finds in each (title, text) of stdin.
_RULES_OF_TREE = """import json, sys
from bot.detect import Detector
d = Detector()
print(json.dumps([sorted({e.type for e in d.detect(t, x).events}) for t, x in json.load(sys.stdin)]))"""


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout


def added_batches(since: str) -> list[tuple[str, list[str]]]:
    """(commit, keys of the briefs and articles it added) for each commit since `since` that added any."""
    out: list[tuple[str, list[str]]] = []
    # A merge's diff against its first parent repeats what its branch's commits added: each batch once, by its commit.
    for commit in _git(
        "log", "--no-merges", "--format=%H", f"{since}..HEAD", "--", "corpus/briefs", "corpus/articles"
    ).split():
        keys = [
            f"article:{Path(n).stem}"
            for n in _git("diff", "--name-only", "--diff-filter=A", f"{commit}^", commit).split()
            if n.startswith("corpus/articles/") and n.endswith(".json")
        ]
        lines = _git("diff", "-U0", f"{commit}^", commit, "--", "corpus/briefs/items.jsonl").splitlines()
        ids = {sign: {json.loads(x[1:])["id"] for x in lines if x.startswith(sign + "{")} for sign in "+-"}
        keys += [f"brief:{i}" for i in sorted(ids["+"] - ids["-"])]  # a line changed is no brief added
        if keys:
            out.append((commit, keys))
    return out


def run_in_tree(commit: str, code: str, payload: Any) -> Any:
    """What `code` prints as JSON, run with `commit`'s bot/ (unpacked in a temporary folder) and `payload` as JSON
    on its stdin (bench/status_cv.py reads earlier statuses so too)."""
    with tempfile.TemporaryDirectory() as tree:
        archive = Path(tree) / "bot.tar"
        _git("archive", "--format=tar", "-o", str(archive), commit, "bot")
        with tarfile.open(archive) as tar:
            tar.extractall(tree, filter="data")
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            cwd=tree,
            env={**os.environ, "PYTHONPATH": tree},
            check=True,
        )
    return json.loads(done.stdout)


def rules_at(commit: str, items: list[Item]) -> list[frozenset[str]]:
    """The event types that the detector of `commit` finds in the items."""
    return [frozenset(types) for types in run_in_tree(commit, _RULES_OF_TREE, [[it.title, it.body] for it in items])]


def first_sight(items: list[Item], types: list[str], mode: str, since: str) -> dict[tuple[str, str, str], list[int]]:
    """(true positives, false positives, false negatives) by (type or "all", kind or "any", way) on the items added
    since `since`: each batch judged by the rules as they stood before it landed ("first-sight rules"), by those
    rules combined with a model trained on the other story groups ("first-sight + model": thresholds chosen on their
    out-of-fold probabilities), and by today's rules, which were partly written on it."""
    import numpy as np

    index = {it.key: n for n, it in enumerate(items)}
    totals: dict[tuple[str, str, str], list[int]] = {}
    for commit, keys in added_batches(since):
        batch = [items[index[k]] for k in keys if k in index]
        if not batch:
            continue
        before = rules_at(f"{commit}^", batch)
        groups = {it.group for it in batch}
        train = [it for it in items if it.group not in groups]
        folds = np.array([fold_of(it.group) for it in train])
        for etype in EVENT_TYPES:
            y = np.array([etype in it.gold for it in batch])
            old = np.array([etype in b for b in before])
            pred = old
            if etype in types:
                docs = [analyse(it.text_for(etype)) for it in train]
                y_train, r_train = (np.array([etype in getattr(it, f) for it in train]) for f in ("gold", "rules"))
                low, high = choose_thresholds(r_train, out_of_fold(docs, y_train.astype(int), folds), y_train, mode)
                test = [analyse(it.text_for(etype, b)) for it, b in zip(batch, before, strict=True)]
                pred = combine(old, fit_predict(docs, y_train.astype(int), test), low, high)
            now = np.array([etype in it.rules for it in batch])
            for kind in ("article", "brief", "any"):
                mask = np.array([kind in ("any", it.kind) for it in batch])
                for way, guess in (("first-sight rules", old), ("first-sight + model", pred), ("today's rules", now)):
                    for key in ((etype, kind, way), ("all", kind, way)):
                        got = counts(guess[mask], y[mask])
                        totals[key] = [a + b for a, b in zip(totals.get(key, [0, 0, 0]), got, strict=True)]
    return totals


@functools.cache
def analyse(text: str) -> list[str]:
    """Unigrams and bigrams without stop words, as the relevance model's vectoriser cuts them, less those that hold a
    ceasefire's status signal (bot/model/events.py `learns`): a type's model learns no weight for them, so at run
    time they count for nothing, as the terms it never saw."""
    return list(filter(learns, _analyser()(text)))


@functools.cache
def _analyser() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), stop_words=stop_words()).build_analyzer()


def main(argv: list[str] | None = None) -> int:
    """Collect the development items, cross-validate each split, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=5, help="grouped 5-fold splits (the group key salted)")
    parser.add_argument("--types", default="clash,talks,agreement", help="the event types given a model")
    parser.add_argument(
        "--mode", choices=sorted(MODES), default="both", help="the model adds and removes types, or one"
    )
    parser.add_argument(
        "--first-sight",
        action="store_true",
        help="judge each batch of items added since FIRST_SIGHT_SINCE with the rules as they stood before it landed",
    )
    args = parser.parse_args(argv)
    if not feeds_dir().is_dir():
        print(f"the saved feeds are not at {feeds_dir()}", file=sys.stderr)
        return 2
    items = development_items(Detector(events=RULES_ONLY))
    if args.first_sight:
        print(f"{len(items)} development items; first sight: the batches added since {FIRST_SIGHT_SINCE}")
        totals = first_sight(items, args.types.split(","), args.mode, FIRST_SIGHT_SINCE)
        ways = ("first-sight rules", "first-sight + model", "today's rules")
        print(f"  {'type':<10} {'kind':<8} " + " | ".join(f"{w} F1 (tp, fp, fn)" for w in ways))
        for etype in (*EVENT_TYPES, "all"):
            for kind in ("article", "brief", "any"):
                cells = [f"{prf(*totals[etype, kind, w])[2]:.3f} {tuple(totals[etype, kind, w])}" for w in ways]
                print(f"  {etype:<10} {kind:<8} " + " | ".join(cells))
        return 0
    docs = {t: [analyse(it.text_for(t)) for it in items] for t in args.types.split(",")}
    print(f"{len(items)} development items ({', '.join(f'{sum(i.kind == k for i in items)} {k}s' for k in KINDS)})")
    runs = [one_split(items, docs, "" if n == 0 else f"{n}:", args.mode) for n in range(args.splits)]
    for n, (figures, chosen) in enumerate(runs):
        print(f"\nsplit {n}: F1 rules -> combined (LOW, HIGH chosen per fold on the other folds)")
        for name, row in figures.items():
            print(f"  {name:<16} {row['rules']:.3f} -> {row['combined']:.3f}  {chosen.get(name, '')}")
    print(f"\nmean of {len(runs)} splits: F1 rules -> combined (change)")
    for name in runs[0][0]:
        a = sum(r[name]["rules"] for r, _ in runs) / len(runs)
        b = sum(r[name]["combined"] for r, _ in runs) / len(runs)
        print(f"  {name:<16} {a:.3f} -> {b:.3f} ({b - a:+.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
