"""Would a learned ceasefire status beat the rules? Grouped 5-fold cross-validation on the development part only.

Usage: python bench/status_cv.py [--sentences N ...] [--C X ...] [--seeds N] [--since COMMIT] [--no-near]

The items are the development articles and English briefs with a gold ceasefire status (corpus/README.md,
conventions 2-5); the held-out part is never read. A model reads what a person reads to decide the status: the
headline, then the first N sentences of the text that name a ceasefire or truce (the detector's own pattern), as
tf-idf word unigrams and bigrams (the relevance model's stop words), optionally with the rules' status and the kind
of cue that set it as signal words ("sig_rule_agreed", "sig_cue_governing_word"). A third input reads the words
nearest each mention instead (NEAR either side, marked by side: "near_l_agreed", "near_r_holding") with the tense,
modal and negation cues of those words ("flag_modal", `_FLAGS`). A multinomial logistic regression
(scikit-learn) is judged by 5-fold cross-validation whose folds are whole story groups (an article with no story,
and every brief, is its own group; fold_of of the group, and further seeded splits of the groups), so that no event
sits on both sides of a fold. Printed beside it, on the same items: the rules' accuracy, and the rules with the
model overriding them when its probability reaches a bar, or when its top status beats its probability of the
rules' status by a margin; every figure also by kind (articles, briefs).

The rules were written from these very items, so their figure there is in-sample. So the items added since
`--since` are also read by the rules as they stood before their batch landed (bench/event_model.py's batches, each
commit's parent's bot/ run in a subprocess): about what the held-out part shows. There the model that reads the
rules is trained on today's readings, as it would ship, and shown the earlier rules' reading of each held-back item;
the override is of the earlier rules. docs/quality-log.md (issue 13) records the runs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval import heldout_set, load_briefs
from bench.event_model import FIRST_SIGHT_SINCE, added_batches, run_in_tree
from bot.detect.detector import Detector
from bot.detect.events import _CEASEFIRE
from bot.detect.text import build_doc
from bot.model.train import fold_of, stop_words

FOLDS = 5
BARS = (0.5, 0.6, 0.7, 0.8, 0.9)
MARGINS = (0.2, 0.4, 0.6, 0.8)
NEAR = 6  # words read either side of a mention
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_IRREGULAR = "held|kept|broke|struck|brought|began|begun|went|gone|came|made|took|led|won|lost|fell|ran|put|set"
# Tense, modality and negation in the words around a mention: what a plan, a denial or a state in force says.
_FLAGS = {
    "modal": re.compile(r"\b(?:will|would|could|may|might|should|must|shall|can|plan\w*|hope\w*|seek\w*|want\w*)\b"),
    "negation": re.compile(r"\b(?:not|no|never|without|fail\w*|refus\w*|reject\w*)\b|n't\b"),
    "past": re.compile(rf"\b(?:was|were|had|\w+ed|{_IRREGULAR})\b"),
    "perfect": re.compile(rf"\b(?:has|have)\s+(?:\w+\s+)?(?:been|\w+ed|\w+en|{_IRREGULAR})\b"),
    "present": re.compile(r"\b(?:is|are|remains?|holds?|continues?)\b"),
    "call": re.compile(r"\b(?:call\w*|urg\w*|demand\w*|appeal\w*|propos\w*|offer\w*)\b"),
}


@dataclass(frozen=True)
class Item:
    """A development item with a gold status: its story group, what the model reads, and the rules' reading."""

    key: str
    group: str
    title: str
    sentences: tuple[str, ...]  # the text's sentences that name a ceasefire, in order
    gold: str
    rule: str  # "none" when the rules found no ceasefire
    cue: str  # the kind of cue that set the rules' status ("governing word", "predicate"...)
    near: tuple[str, ...] = ()  # the words nearest each mention, by side, and their flags (`near_words`)

    @property
    def kind(self) -> str:
        """ "article" or "brief"."""
        return self.key.split(":", 1)[0]


def cue_kind(cue: str) -> str:
    """The cue's kind without the words it quotes: 'governing word "agreed"' -> "governing_word"."""
    kind = cue.split('"', 1)[0].split("(", 1)[0].strip()
    return re.sub(r"\W+", "_", kind).strip("_") or "none"


def near_words(folded: str) -> list[str]:
    """The NEAR words either side of each ceasefire mention of a folded sentence, marked by side, then the flags
    (`_FLAGS`) those words raise."""
    out: list[str] = []
    for m in _CEASEFIRE.finditer(folded):
        left, right = _WORD.findall(folded[: m.start()])[-NEAR:], _WORD.findall(folded[m.end() :])[:NEAR]
        out += [f"near_l_{w}" for w in left] + [f"near_r_{w}" for w in right]
        around = " ".join([*left, "|", *right])
        out += [f"flag_{name}" for name, pattern in _FLAGS.items() if pattern.search(around)]
    return out


def item_of(detector: Detector, key: str, group: str, title: str, text: str, gold: str) -> Item:
    """Read one item with the detector."""
    det = detector.detect(title, text)
    truce = next((e for e in det.events if e.type == "ceasefire"), None)
    doc = build_doc(title, text)
    named = [s for s in doc.sentences if _CEASEFIRE.search(s.folded)]
    near = [w for s in named[:5] for w in near_words(s.folded)]
    return Item(
        key,
        group,
        title,
        tuple(s.text for s in named if not s.is_title),
        gold,
        det.ceasefire_status or "none",
        cue_kind(truce.cue if truce else ""),
        tuple(near),
    )


def development_items(detector: Detector, texts: dict[str, tuple[str, str]] | None = None) -> list[Item]:
    """Every development article and English brief with a gold ceasefire status (their headline and text put in
    `texts` by key, when given)."""
    texts = {} if texts is None else texts
    held, _feeds = heldout_set()
    out = []
    for path in sorted((ROOT / "corpus" / "articles").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        gold = (item["labels"].get("ceasefire") or {}).get("status")
        if str(item["id"]) in held or not gold:
            continue
        group = f"story:{item['labels'].get('story') or item['id']}"
        key = f"article:{item['id']}"
        texts[key] = (item["title"] or "", item["text"] or "")
        out.append(item_of(detector, key, group, *texts[key], gold))
    for row in load_briefs():
        if row["id"] in held or row.get("lang", "en") != "en" or not row.get("ceasefire"):
            continue
        key = f"brief:{row['id']}"
        texts[key] = (row["title"] or "", row["text"])
        out.append(item_of(detector, key, key, *texts[key], row["ceasefire"]))
    return out


def model_text(item: Item, sentences: int, rule_signals: bool) -> str:
    """The headline, the first `sentences` sentences naming a ceasefire (0: the words near each mention instead,
    `Item.near`) and, if asked, the rules' reading as words."""
    parts = [item.title, *item.sentences[:sentences]] if sentences else [" ".join(item.near)]
    if rule_signals:
        parts.append(f"sig_rule_{item.rule} sig_cue_{item.cue}")
    return "\n".join(parts)


def group_folds(groups: list[str], seed: int) -> list[int]:
    """A fold per item, the same for every item of a group: fold_of for seed 0, a seeded draw per group after."""
    if seed == 0:
        return [fold_of(g, FOLDS) for g in groups]
    import numpy as np

    rng = np.random.RandomState(seed)
    draw = {g: int(rng.randint(FOLDS)) for g in sorted(set(groups))}
    return [draw[g] for g in groups]


def out_of_fold(
    texts: list[str], gold: list[str], folds: list[int], c: float, shown: list[str] | None = None
) -> tuple[list[str], list[float], list[dict[str, float]]]:
    """Each item's predicted status, its probability and every status's, from a model trained on the other folds;
    the item is shown to that model as `shown` gives it (`texts` when None)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    shown = texts if shown is None else shown
    pred, prob = [""] * len(texts), [0.0] * len(texts)
    dist: list[dict[str, float]] = [{} for _ in texts]
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, stop_words=stop_words())
        clf: Any = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        clf.fit(vec.fit_transform([texts[i] for i in train]), [gold[i] for i in train])
        for i, p in zip(test, clf.predict_proba(vec.transform([shown[i] for i in test])), strict=True):
            best = int(p.argmax())
            pred[i], prob[i] = str(clf.classes_[best]), float(p[best])
            dist[i] = {str(k): float(x) for k, x in zip(clf.classes_, p, strict=True)}
    return pred, prob, dist


def accuracy(pred: list[str], gold: list[str]) -> float:
    return sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)


def overridden(rule: list[str], pred: list[str], prob: list[float], bar: float) -> list[str]:
    """The rules' statuses, replaced by the model's where its probability reaches `bar`."""
    return [p if q >= bar else r for r, p, q in zip(rule, pred, prob, strict=True)]


def outvoted(rule: list[str], pred: list[str], dist: list[dict[str, float]], margin: float) -> list[str]:
    """The rules' statuses, replaced by the model's where its probability beats its probability of the rules'
    status by `margin` (a status it never saw, "none" among them, counts 0)."""
    return [p if d.get(p, 0.0) - d.get(r, 0.0) >= margin else r for r, p, d in zip(rule, pred, dist, strict=True)]


# Per seeded split: each item's predicted status, the model's probability of it, and of every status.
Runs = list[tuple[list[str], list[float], list[dict[str, float]]]]


@dataclass(frozen=True)
class Setting:
    """A setting's out-of-fold predictions: items shown with today's rules' reading (`now`), and with the reading
    of the rules before each item was added (`then`; the same as `now` for a model that does not read the rules)."""

    name: str
    c: float
    now: Runs
    then: Runs


def settings(items: list[Item], then: list[Item], sentences: list[int], cs: list[float], seeds: int) -> list[Setting]:
    """Every setting's out-of-fold predictions over the seeded group splits. A model that reads the rules is trained
    on today's rules' readings (as it would ship) and also shown each held-back item with the reading of the rules
    that had not seen it (`then`), as the held-out part is read by rules never written from it."""
    gold = [it.gold for it in items]
    splits = [group_folds([it.group for it in items], seed) for seed in range(seeds)]
    out: list[Setting] = []
    for with_rules in (False, True):
        for n in sentences:
            texts = [model_text(it, n, with_rules) for it in items]
            earlier = [model_text(it, n, with_rules) for it in then]
            for c in cs:
                name = f"headline + {n} sentences" if n else "words near each mention"
                now = [out_of_fold(texts, gold, folds, c) for folds in splits]
                first = [out_of_fold(texts, gold, folds, c, earlier) for folds in splits] if with_rules else now
                out.append(Setting(name + (" + rules" if with_rules else ""), c, now, first))
    return out


def table(rule: list[str], gold: list[str], found: list[tuple[str, float, Runs]], among: list[int]) -> list[str]:
    """One line per setting, over the items `among`: the model's accuracy and the rules' with the model overriding
    them at each bar, averaged over the splits."""

    def pick(xs: list[Any]) -> list[Any]:
        return [xs[i] for i in among]

    head = f"  {'input':<36} {'C':>5} {'model':>6}  rules + model overriding at bar "
    lines = [head + " ".join(f"{b:>5}" for b in BARS) + " | margin " + " ".join(f"{m:>5}" for m in MARGINS)]
    for name, c, runs in found:
        model = sum(accuracy(pick(p), pick(gold)) for p, _, _ in runs) / len(runs)
        barred = [
            sum(accuracy(overridden(pick(rule), pick(p), pick(q), b), pick(gold)) for p, q, _ in runs) / len(runs)
            for b in BARS
        ]
        margined = [
            sum(accuracy(outvoted(pick(rule), pick(p), pick(d), m), pick(gold)) for p, _, d in runs) / len(runs)
            for m in MARGINS
        ]
        cells = " ".join(f"{x:5.3f}" for x in barred) + " |        " + " ".join(f"{x:5.3f}" for x in margined)
        lines.append(f"  {name:<36} {c:>5g} {model:6.3f}  {'':>32}" + cells)
    return lines


def by_kind(items: list[Item], among: list[int]) -> list[tuple[str, list[int]]]:
    """`among`, then its articles and its briefs (a kind with none left out)."""
    parts = [("all", among)] + [(k + "s", [i for i in among if items[i].kind == k]) for k in ("article", "brief")]
    return [(name, part) for name, part in parts if part]


def report(items: list[Item], then: list[Item], found: list[Setting], since: str) -> list[str]:
    """The comparison on every item (rules in-sample), then on the items first added after `since`, each read by
    the rules of the commit before the one that added it (`then`: the items with that reading where there is one)."""
    gold = [it.gold for it in items]
    rule = [it.rule for it in items]
    everything = list(range(len(items)))
    lines = [
        f"{len(items)} development items in {len({it.group for it in items})} story groups; "
        f"gold {dict(Counter(gold).most_common())}"
    ]
    for kind, part in by_kind(items, everything):
        lines += [
            f"{kind} ({len(part)}): rules (in-sample: written from these items) "
            f"{accuracy([rule[i] for i in part], [gold[i] for i in part]):.3f}",
            *table(rule, gold, [(s.name, s.c, s.now) for s in found], part),
        ]
    among = [i for i, (it, earlier) in enumerate(zip(items, then, strict=True)) if earlier is not it]
    if not among:
        return lines
    first = [it.rule for it in then]
    lines.append(
        f"\nfirst sight: {len(among)} of them first added after {since}, each read by the rules of the commit "
        "before the one that added it"
    )
    for kind, part in by_kind(items, among):
        lines += [
            f"{kind} ({len(part)}): rules then {accuracy([first[i] for i in part], [gold[i] for i in part]):.3f}, "
            f"rules now {accuracy([rule[i] for i in part], [gold[i] for i in part]):.3f}",
            *table(first, gold, [(s.name, s.c, s.then) for s in found], part),
        ]
    return lines


def learned_at_first_sight(
    items: list[Item], then: list[Item], sentences: list[int], cs: list[float], seeds: int
) -> list[str]:
    """A model that reads the rules trained on the first-sight items only, each with the earlier rules' reading (so
    that it learns where rules err on text they were not written from, not where today's rarely do), judged out of
    fold on those items: the rules then against the model alone and overriding them."""
    sub = [earlier for it, earlier in zip(items, then, strict=True) if earlier is not it]
    if not sub:
        return []
    gold, rule = [it.gold for it in sub], [it.rule for it in sub]
    splits = [group_folds([it.group for it in sub], seed) for seed in range(seeds)]
    found: list[tuple[str, float, Runs]] = []
    for n in sentences:
        texts = [model_text(it, n, True) for it in sub]
        name = (f"headline + {n} sentences" if n else "words near each mention") + " + rules then"
        found += [(name, c, [out_of_fold(texts, gold, folds, c) for folds in splits]) for c in cs]
    lines = [f"\ntrained at first sight: {len(sub)} items, each with the earlier rules' reading, out of fold"]
    for kind, part in by_kind(sub, list(range(len(sub)))):
        lines += [
            f"{kind} ({len(part)}): rules then {accuracy([rule[i] for i in part], [gold[i] for i in part]):.3f}",
            *table(rule, gold, found, part),
        ]
    return lines


# Run in the unpacked tree of an earlier commit: its detector's ceasefire status and cue for each (title, text) of stdin.
_STATUS_OF_TREE = """import json, sys
from bot.detect import Detector
d = Detector()
found = [d.detect(t, x) for t, x in json.load(sys.stdin)]
print(json.dumps([[f.ceasefire_status, next((getattr(e, "cue", "") for e in f.events if e.type == "ceasefire"), "")]
                  for f in found]))"""


def first_sight(items: list[Item], texts: dict[str, tuple[str, str]], since: str) -> list[Item]:
    """The items, each added after `since` with the status and cue the rules gave it before the commit that added it
    (bench/event_model.py's batches and trees); the others as they are."""
    index = {it.key: n for n, it in enumerate(items)}
    out = list(items)
    for commit, keys in added_batches(since):
        batch = [k for k in keys if k in index]
        if batch:
            read = run_in_tree(f"{commit}^", _STATUS_OF_TREE, [texts[k] for k in batch])
            for key, (status, cue) in zip(batch, read, strict=True):
                out[index[key]] = replace(items[index[key]], rule=status or "none", cue=cue_kind(cue))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the cross-validated comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sentences", type=int, nargs="+", default=[0, 2, 4], help="ceasefire sentences read (0: the words near each)"
    )
    parser.add_argument("--C", dest="cs", type=float, nargs="+", default=[1.0, 4.0, 16.0], help="inverse penalty")
    parser.add_argument("--seeds", type=int, default=3, help="grouped fold splits averaged (the first is fold_of)")
    parser.add_argument(
        "--since",
        default=FIRST_SIGHT_SINCE,
        help="also compare on the items added after this commit, read by the rules that had not seen them ('' for "
        "none; the default is bench/event_model.py's: the first batch labelled after the corpus label pass)",
    )
    parser.add_argument(
        "--learn-first-sight",
        action="store_true",
        help="only train on the first-sight items with the earlier rules' reading (`learned_at_first_sight`)",
    )
    args = parser.parse_args(argv)
    texts: dict[str, tuple[str, str]] = {}
    items = development_items(Detector(), texts)
    then = first_sight(items, texts, args.since) if args.since else items
    if args.learn_first_sight:
        lines = learned_at_first_sight(items, then, args.sentences, args.cs, args.seeds)
    else:
        lines = report(items, then, settings(items, then, args.sentences, args.cs, args.seeds), args.since)
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
