"""Would a learned current-or-background judge of casualty figures beat the rules? Out-of-fold figures (issue 13).

Usage: python bench/figure_model.py [--splits N] [--words-only] [--first-sight]

Every figure the rules (bot/detect/casualties.py) find in a development article is an example: current when the
article's gold figures hold its count and kind as current (bench/eval.py's matching), background otherwise. A
logistic regression reads each figure as present-or-absent terms: the words of its sentence, of its clause (with
word pairs) and the few words either side of the number (numbers as _num_, years as _year_: "in _year_", "since",
"so far", "last week", "on tuesday"), where the sentence stands (headline, lead, body), the figure's kind and cause,
and the rules' verdict (left out with --words-only). It is combined with the rules through
`find_casualties(judge=...)`: below LOW the figure is background, at or above HIGH current, between them the rules
decide (LOW 0, HIGH 1.01: the rules alone). Folds are grouped by story (an article's story label) with
bot/model/train.py `fold_of`, so one event never sits on both sides; each fold is read with the (LOW, HIGH) pair
chosen on the other folds' out-of-fold figures, so no article judges the pair that judges it. Several splits (the
group key salted) show how much a figure moves with the split. Needs scikit-learn; the held-out part is never read.

Prints casualty F1 and background-as-current (as bench/eval.py counts them), rules alone -> combined, per split and
as the mean. The rules were written on these development articles, so their figures here are in-sample and the
comparison leans their way. `--first-sight` judges more fairly: each batch of articles added since
bench/event_model.py's FIRST_SIGHT_SINCE is read by the detector of the batch's parent commit (bot/ unpacked from
git), alone and with its figures' verdicts overruled by a model trained on today's readings of the other story
groups, at a few fixed (LOW, HIGH) pairs (none chosen: all printed). The old figures are located in today's reading
of their sentence by their value (a figure not located keeps its verdict).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.eval import KIND_GROUP, Counts, heldout_set, prf, ratio, score_article
from bot.detect import Detector, keywords, scan
from bot.detect.casualties import Reading, find_casualties
from bot.detect.detector import _demonym_words
from bot.detect.language import ENGLISH, language_of
from bot.detect.numbers import find_numbers
from bot.detect.text import Doc, build_doc
from bot.model.relevance import words_of
from bot.model.train import fold_of
from bot.models import Casualty, Detection

C = 0.5  # inverse regularisation, fixed (a few hundred figures: not searched)
FOLDS = 5
NEVER = 1.01  # a HIGH no probability reaches
PAIRS = [(low, high) for low in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5) for high in (0.5, 0.6, 0.7, 0.8, 0.9, NEVER)]
RULES = (0.0, NEVER)
ALONE = (0.5, 0.5)  # the model decides every figure
NEAR = 4  # words either side of the number read as its neighbours
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NUMBER = re.compile(r"\d[\d,.]*")
_CLAUSE = re.compile(r"[;:()]|,(?!\d)|\s[-\u2013\u2014]\s")  # a comma between digits is a thousands separator


def _words(text: str) -> list[str]:
    return words_of(_NUMBER.sub(" _num_ ", _YEAR.sub(" _year_ ", text)))


def terms(reading: Reading, rules: bool = True) -> list[str]:
    """What the model reads of one figure: words of its sentence (s:), clause (c:, with word pairs) and neighbours
    (b: before, a: after), its place, kind and cause, and (with `rules`) the rules' verdict."""
    low, start, end = reading.sentence.folded, reading.start, reading.end
    lo = max((m.end() for m in _CLAUSE.finditer(low, 0, start)), default=0)
    stop = _CLAUSE.search(low, end)
    before, after = _words(low[lo:start]), _words(low[end : stop.start() if stop else len(low)])
    clause = [*before, "_fig_", *after]
    out = [f"s:{w}" for w in _words(low[:start]) + _words(low[end:])]
    out += [f"c:{w}" for w in clause] + [f"c:{a} {b}" for a, b in pairwise(clause)]
    out += [f"b:{w}" for w in before[-NEAR:]] + [f"a:{w}" for w in after[:NEAR]]
    sent = reading.sentence
    out += [
        "pos:title" if sent.is_title else "pos:lead" if sent.weight >= 2.0 else "pos:body",
        f"kind:{KIND_GROUP[reading.kind]}",
        f"cause:{reading.cause or 'unclear'}",
    ]
    if rules:
        out.append("rule:current" if reading.current else "rule:background")
        out += ["rule:anniversary"] * reading.anniversary
    return list(dict.fromkeys(out))


@dataclass
class Article:
    """A development article read once: its story group, labels, the parts find_casualties needs, the figures."""

    key: str
    group: str
    labels: dict[str, Any]
    doc: Doc | None  # None: not English (its figures come from bot/detect/multilingual.py, no judge reads them)
    cue: set[int]
    fixed: tuple[Casualty, ...] = ()
    readings: list[Reading] = field(default_factory=list)
    texts: tuple[str, str] = ("", "")  # title and text


def development_articles() -> list[Article]:
    """The development articles, each read by the rules (its figures recorded with the rules' verdicts)."""
    held, _feeds = heldout_set()
    detector = Detector()
    out = []
    for path in sorted((ROOT / "corpus" / "articles").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        if str(item["id"]) in held:
            continue
        title, text, labels = item.get("title") or "", item.get("text") or "", item["labels"]
        key = f"article:{item['id']}"
        group = labels.get("story") or key
        if language_of(title, text) != ENGLISH:
            out.append(
                Article(key, group, labels, None, set(), detector.detect(title, text).casualties, texts=(title, text))
            )
            continue
        doc = build_doc(title, text)
        scan.shared().scan(doc)  # (as Detector reads an article: one pass, then the keyword classes)
        art = Article(key, group, labels, doc, keywords.scan(doc).by_class.get("casualty", set()), texts=(title, text))
        art.readings = record(art)
        out.append(art)
    return out


def record(art: Article) -> list[Reading]:
    """Every figure the rules find in the article, as they read it."""
    seen: list[Reading] = []

    def judge(reading: Reading) -> bool:
        seen.append(reading)
        return reading.current

    casualties_of(art, judge)
    return seen


def casualties_of(art: Article, judge: Callable[[Reading], bool] | None) -> tuple[Casualty, ...]:
    if art.doc is None:
        return art.fixed
    return tuple(find_casualties(art.doc, _demonym_words(), art.cue, judge))


def label_of(reading: Reading, labels: dict[str, Any]) -> int:
    """1 when the article's gold figures hold the figure's count and kind group as current."""
    gold = {
        (int(g["count"]), KIND_GROUP.get(g["kind"], g["kind"]))
        for g in labels.get("casualties", [])
        if g.get("current", True)
    }
    return int((reading.count, KIND_GROUP[reading.kind]) in gold)


@dataclass(frozen=True)
class Judge:
    """A fitted model and the pair at which it overrules the rules' verdict."""

    weights: dict[str, float]
    intercept: float
    rules: bool
    low: float
    high: float

    def __call__(self, reading: Reading) -> bool:
        import math

        z = self.intercept + sum(self.weights.get(t, 0.0) for t in terms(reading, self.rules))
        p = 1.0 / (1.0 + math.exp(-z))
        return True if p >= self.high else False if p < self.low else reading.current


def fit(articles: list[Article], rules: bool) -> tuple[dict[str, float], float]:
    """Weights and intercept of a logistic regression on the articles' figures."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [dict.fromkeys(terms(r, rules), 1.0) for a in articles for r in a.readings]
    y = np.array([label_of(r, a.labels) for a in articles for r in a.readings])
    vec = DictVectorizer()
    x = vec.fit_transform(rows).toarray()  # (a few hundred rows; liblinear wants 32-bit sparse indices)
    clf = LogisticRegression(C=C, solver="liblinear", random_state=0, max_iter=1000).fit(x, y)
    return {t: float(clf.coef_[0][i]) for t, i in vec.vocabulary_.items()}, float(clf.intercept_[0])


Tally = tuple[
    int, int, int, int, int
]  # true, extra and missed current figures; background figures read as current, all


def tally(art: Article, judge: Judge | None) -> Tally:
    """One article's casualty counts as bench/eval.py takes them."""
    c = Counts()
    score_article(c, {"labels": art.labels}, Detection(casualties=casualties_of(art, judge)), [])
    return c.cas[0], c.cas[1], c.cas[2], c.bg_current, c.bg_total


def figures(tallies: list[Tally]) -> tuple[float, float]:
    """(casualty F1, background as current) of summed tallies."""
    s = [sum(t[i] for t in tallies) for i in range(5)]
    return prf(s[0], s[1], s[2])[2], ratio(s[3], s[4], 0.0)


def objective(figs: tuple[float, float]) -> float:
    """What a pair is chosen on: casualty F1 less the share of background figures reported as current."""
    return figs[0] - figs[1]


def choose(tallies: dict[tuple[float, float], list[Tally]], among: list[int]) -> tuple[float, float]:
    """The pair with the best objective on the articles `among` (ties: the earlier pair; the rules come first)."""
    order = list(tallies)
    return max(order, key=lambda p: (round(objective(figures([tallies[p][i] for i in among])), 6), -order.index(p)))


Figures = tuple[float, float]  # casualty F1, background as current


def split(
    articles: list[Article], salt: str, rules: bool
) -> tuple[Figures, Figures, Figures, list[tuple[float, float]]]:
    """One grouped split: the figures of the rules alone, combined and the model alone, and the pair each fold was
    read with."""
    fold = [fold_of(f"{salt}{a.group}", FOLDS) for a in articles]
    models = [fit([a for a, f in zip(articles, fold, strict=True) if f != k], rules) for k in range(FOLDS)]
    tallies = {
        pair: [tally(a, Judge(*models[f], rules, *pair)) for a, f in zip(articles, fold, strict=True)]
        for pair in [RULES, *(p for p in PAIRS if p != RULES)]
    }
    chosen, combined = [], []
    for k in range(FOLDS):
        pair = choose(tallies, [i for i, f in enumerate(fold) if f != k])
        chosen.append(pair)
        combined += [tallies[pair][i] for i, f in enumerate(fold) if f == k]
    return figures(tallies[RULES]), figures(combined), figures(tallies[ALONE]), chosen


# Run in the unpacked tree of an earlier commit: the casualty figures its detector finds in each (title, text) of stdin.
_FIGURES_OF_TREE = """import json, sys
from bot.detect import Detector
d = Detector()
print(json.dumps([[[c.count, c.kind, c.current, c.evidence, c.cause] for c in d.detect(t, x).casualties]
                  for t, x in json.load(sys.stdin)]))"""
FIXED_PAIRS = [ALONE, (0.3, 0.7), (0.2, 0.8), (0.1, 0.9)]


def figures_at(commit: str, texts: list[tuple[str, str]]) -> list[list[list[Any]]]:
    """The casualty figures (count, kind, current, evidence, cause) the detector of `commit` finds in the texts."""
    from bench.event_model import run_in_tree

    out: list[list[list[Any]]] = run_in_tree(commit, _FIGURES_OF_TREE, texts)
    return out


def overruled(art: Article, old: list[list[Any]], judge: Judge | None) -> tuple[Casualty, ...]:
    """An earlier detector's figures of the article, each verdict given to `judge` where today's reading of its
    sentence holds its value."""
    out: dict[tuple[int, str, bool], Casualty] = {}
    sentences = {s.text: s for s in art.doc.sentences} if art.doc is not None else {}
    for count, kind, current, evidence, cause in old:
        sent = sentences.get(evidence)
        num = next((n for n in find_numbers(sent.folded) if n.value == count), None) if sent else None
        if judge is not None and sent is not None and num is not None:
            current = judge(Reading(sent, num.start, num.end, count, kind, cause, current, False))
        out.setdefault(
            (count, KIND_GROUP[kind], current), Casualty(count, "exact", kind, None, current, evidence, cause)
        )
    return tuple(out.values())


def first_sight(articles: list[Article], rules: bool) -> dict[str, list[Tally]]:
    """Tallies of the articles added since FIRST_SIGHT_SINCE: by the rules of each batch's parent commit, by those
    overruled at each of FIXED_PAIRS by a model trained on the other story groups, and by today's rules."""
    from bench.event_model import FIRST_SIGHT_SINCE, added_batches

    index = {a.key: a for a in articles}
    out: dict[str, list[Tally]] = {}
    for commit, keys in added_batches(FIRST_SIGHT_SINCE):
        batch = [index[k] for k in keys if k in index]
        if not batch:
            continue
        old = figures_at(f"{commit}^", [a.texts for a in batch])
        groups = {a.group for a in batch}
        model = fit([a for a in articles if a.group not in groups], rules)
        for art, figs in zip(batch, old, strict=True):
            ways: dict[str, Judge | None] = {"first-sight rules": None}
            ways.update({f"first-sight + model {p}": Judge(*model, rules, *p) for p in FIXED_PAIRS})
            for way, judge in ways.items():
                c = Counts()
                score_article(c, {"labels": art.labels}, Detection(casualties=overruled(art, figs, judge)), [])
                out.setdefault(way, []).append((c.cas[0], c.cas[1], c.cas[2], c.bg_current, c.bg_total))
            out.setdefault("today's rules", []).append(tally(art, None))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the out-of-fold comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=3, help="grouped splits (the group key salted)")
    parser.add_argument("--words-only", action="store_true", help="leave the rules' verdict out of the features")
    parser.add_argument(
        "--first-sight",
        action="store_true",
        help="judge each batch of articles added since FIRST_SIGHT_SINCE with the rules as they stood before it",
    )
    args = parser.parse_args(argv)
    articles = development_articles()
    if args.first_sight:
        for way, tallies in first_sight(articles, not args.words_only).items():
            f1, bg = figures(tallies)
            print(f"{way}: {len(tallies)} articles, casualty F1 {f1:.3f}, background as current {bg:.3f}")
        return 0
    n = sum(len(a.readings) for a in articles)
    current = sum(label_of(r, a.labels) for a in articles for r in a.readings)
    print(f"{len(articles)} development articles, {n} figures found by the rules ({current} current by the labels)")
    rows = []
    for s in range(args.splits):
        rules, combined, alone, chosen = split(articles, f"split{s}:" if s else "", not args.words_only)
        rows.append((rules, combined))
        print(
            f"split {s}: casualty F1 {rules[0]:.3f} -> {combined[0]:.3f}, background as current "
            f"{rules[1]:.3f} -> {combined[1]:.3f}; pairs (low, high) per fold {chosen}; the model alone "
            f"{alone[0]:.3f}, {alone[1]:.3f}"
        )
    mean = [sum(r[i][j] for r in rows) / len(rows) for i in range(2) for j in range(2)]
    print(
        f"mean: casualty F1 {mean[0]:.3f} -> {mean[2]:.3f}, background as current {mean[1]:.3f} -> {mean[3]:.3f}"
        " (rules alone -> combined)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
